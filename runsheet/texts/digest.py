"""Texts of the digest printed on counting minutes and of its check against the store."""

TEXT: dict[str, tuple[str, str]] = {
    # refusals (DigestError): one line, exit status 2
    "digest.err.malformed": ("mã đối chiếu không đúng định dạng ({problem}): {text}",
                      "the digest is malformed ({problem}): {text}"),
    "digest.bad.prefix": ("phải bắt đầu bằng RSD1| hoặc RSL1|", "it must start with RSD1| or RSL1|"),
    "digest.bad.log_fields": ("cần 4 trường ngăn bởi |, có {n}", "4 fields separated by | are needed, found {n}"),
    "digest.bad.fields": ("cần 13 trường ngăn bởi |, có {n}", "13 fields separated by | are needed, found {n}"),
    "digest.bad.field": ("trường {name} phải là {what}, có «{value}»", "field {name} must be {what}, found “{value}”"),
    "digest.what.hex": ("{n} chữ số hệ 16", "{n} hex digits"),
    "digest.what.number": ("số nguyên", "a whole number"),
    "digest.what.key": ("{key}=số", "{key}=number"),
    "digest.what.id": ("một mã", "an id"),
    "digest.what.votes": ("danh sách mã:số phiếu (hoặc # và các số phiếu)", "a list of id:votes (or # and the votes)"),
    "digest.err.no_closed_round": ("cuộc bầu {election!r} chưa có lần bầu nào kết thúc kiểm phiếu",
                            "election {election!r} has no closed round"),
    "digest.err.round_not_closed": ("lần bầu {round} của {election!r} chưa kết thúc kiểm phiếu",
                             "round {round} of {election!r} is not closed"),
    # the verdict
    "digest.log.ok": ("✓ KHỚP: dữ liệu lưu trữ vẫn giữ nguyên đến sự kiện thứ {seq} như trên giấy.",
                      "✓ MATCH: the store still holds the log up to event {seq} as the paper gives it."),
    "digest.log.bad": ("✗ KHÔNG KHỚP: dữ liệu lưu trữ không còn như trên giấy đến sự kiện thứ {seq}:",
                       "✗ MISMATCH: the store no longer holds the log up to event {seq} as the paper gives it:"),
    "digest.log.congress": ("mã đại hội khác: trên giấy {paper}, trong kho {store} (giấy của đại hội khác)",
                            "another congress: {paper} on paper, {store} in the store"),
    "digest.log.missing": ("kho dữ liệu chỉ có {n} sự kiện, không còn sự kiện thứ {seq} của giấy (kho đã bị quay lại "
                           "bản cũ hoặc bị cắt)", "the store holds {n} events, not the paper's event {seq} (rolled "
                           "back to an older copy, or cut)"),
    "digest.log.same": ("Sự kiện thứ {seq} có mã băm {hash} như trên giấy ({later} sự kiện ghi sau đó)",
                        "Event {seq} has the hash {hash} the paper gives ({later} events written after it)"),
    "digest.log.differs": ("Sự kiện thứ {seq}: mã băm trên giấy {paper}, trong kho {store}: dữ liệu đến sự kiện này "
                           "đã bị viết lại", "Event {seq}: hash {paper} on paper, {store} in the store: the log up to "
                           "it was rewritten"),
    "digest.log.chain_bad": ("Chuỗi băm của kho dữ liệu bị phá vỡ: {problem}", "The store's hash chain is broken: "
                             "{problem}"),
    "digest.ok": ("✓ KHỚP: biên bản kiểm phiếu {title}, lần bầu thứ {round}, khớp với dữ liệu lưu trữ.",
           "✓ MATCHES: the counting minutes of {title}, round {round}, match the store."),
    "digest.bad": ("✗ KHÔNG KHỚP: biên bản kiểm phiếu {title}, lần bầu thứ {round}, khác với dữ liệu lưu trữ:",
            "✗ DOES NOT MATCH: the counting minutes of {title}, round {round}, differ from the store:"),
    # what was compared
    "digest.congress.ok": ("Đại hội: {name} (mã {code})", "Congress: {name} (id {code})"),
    "digest.congress.bad": ("Mã đại hội khác: trên giấy {paper}, trong kho {store} ({name}): mã này của đại hội khác",
                     "Another congress: paper {paper}, store {store} ({name}): this digest belongs to another "
                     "congress"),
    "digest.round.ok": ("Kết thúc kiểm phiếu lúc {time} (sự kiện số {seq})", "Count closed at {time} (event {seq})"),
    "digest.round.no_election": ("Kho dữ liệu không có cuộc bầu {election!r}", "The store has no election {election!r}"),
    "digest.round.missing": ("Kho dữ liệu không có lần bầu {round} của {election!r}",
                      "The store has no round {round} of {election!r}"),
    "digest.round.open": ("Lần bầu {round} của {election!r} chưa kết thúc kiểm phiếu trong kho dữ liệu",
                   "Round {round} of {election!r} is not closed in the store"),
    "digest.seq.bad": ("Sự kiện kết thúc kiểm phiếu: trên giấy số {paper}, trong kho số {store} (sự kiện đã bị thêm "
                "hoặc bớt trước đó)", "The close is event {paper} on paper, {store} in the store (events were "
                "inserted or removed before it)"),
    "digest.hash.ok": ("Mã băm chuỗi sự kiện tại lúc kết thúc kiểm phiếu: {hash}",
                "Hash of the event chain at the close: {hash}"),
    "digest.hash.bad": ("Mã băm tại lúc kết thúc kiểm phiếu khác: trên giấy {paper}, trong kho {store}: dữ liệu đến lúc đó "
                 "đã bị ghi lại", "The chain hash at the close differs: paper {paper}, store {store}: the store "
                 "was rewritten up to that point"),
    "digest.chain.ok": ("Chuỗi băm của kho dữ liệu toàn vẹn ({n} sự kiện)", "The store's hash chain verifies ({n} events)"),
    "digest.chain.bad": ("Chuỗi băm của kho dữ liệu bị phá vỡ (dữ liệu đã bị sửa):",
                  "The store's hash chain fails verification (the store was altered):"),
    "digest.event.altered": ("sự kiện số {seq} ({type}; {what}; lúc {time}) đã bị sửa: mã băm không khớp nội dung",
                      "event {seq} ({type}; {what}; at {time}) was altered: its hash does not match its content"),
    "digest.event.unchained": ("sự kiện số {seq} ({type}; {what}; lúc {time}) không nối với sự kiện trước: sự kiện đã bị "
                        "thêm, bớt hoặc đổi chỗ", "event {seq} ({type}; {what}; at {time}) does not chain to the one "
                        "before: events were inserted, removed or reordered"),
    "digest.chain.unreadable": ("Không đọc được các sự kiện trong kho dữ liệu", "The store's events cannot be read"),
    "digest.figures.ok": ("Số liệu khớp: số lượng bầu {S}; D = {D}; phiếu phát ra {I}, thu vào {C}, hợp lệ {V}, "
                   "không hợp lệ {X}", "Figures match: {S} to elect; D = {D}; ballots issued {I}, collected {C}, "
                   "valid {V}, invalid {X}"),
    "digest.figure.bad": ("{label}: trên giấy {paper}, trong kho {store}", "{label}: paper {paper}, store {store}"),
    "digest.votes.ok": ("Số phiếu bầu của cả {n} người trong danh sách khớp", "The votes of all {n} names match"),
    "digest.votes.bad": ("Số phiếu bầu của {name} ({id}): trên giấy {paper}, trong kho {store}",
                  "Votes for {name} ({id}): paper {paper}, store {store}"),
    "digest.votes.not_listed": ("{id}: có trên giấy, không có trong danh sách lần bầu này trong kho",
                         "{id}: on the paper, not on this round's list in the store"),
    "digest.votes.not_on_paper": ("{name} ({id}): có trong danh sách trong kho, không có trên giấy",
                           "{name} ({id}): on the list in the store, not on the paper"),
    "digest.votes.count": ("Số người trong danh sách khác: trên giấy {paper}, trong kho {store}",
                    "The number of names differs: paper {paper}, store {store}"),
    "digest.votes.order": ("Thứ tự danh sách khác: trên giấy {paper}, trong kho {store}",
                    "The list's order differs: paper {paper}, store {store}"),
    "digest.recount.bad": ("Kiểm lại từ các phiếu lưu trong kho: {label} {recount} (kết quả đã chốt {store}, trên giấy "
                    "{paper}): phiếu trong kho đã bị sửa", "Recounting the ballots kept in the store: {label} "
                    "{recount} (frozen result {store}, paper {paper}): ballots in the store were altered"),
    "digest.recount.result": ("Kiểm lại từ các phiếu lưu trong kho: {label} {recount}, đúng như trên giấy; kết quả đã chốt "
                       "trong kho ghi {store}: kết quả đã chốt trong kho đã bị sửa", "Recounting the ballots kept in "
                       "the store: {label} {recount}, as on the paper; the frozen result in the store says {store}: "
                       "the frozen result in the store was altered"),
    "digest.round.reclosed": ("Lần bầu này đã được kết thúc kiểm phiếu thêm một lần nữa sau đó trong kho (sự kiện số {seq}, "
                       "lúc {time}); runsheet không cho mở lại một lần bầu đã kết thúc: kho dữ liệu đã bị sửa sau khi "
                       "in biên bản (so sánh dưới đây với lần kết thúc sau)", "The store closes this round again "
                       "later (event {seq}, at {time}); runsheet never reopens a closed round: the store was altered "
                       "after the paper was printed (compared below with that later close)"),
    "digest.recount.failed": ("Không kiểm lại được các phiếu lưu trong kho: {problem}",
                       "The ballots kept in the store cannot be recounted: {problem}"),
    "digest.paper.altered": ("Kho dữ liệu toàn vẹn và mã băm khớp: chính tờ biên bản (hoặc mã đối chiếu đã nhập) khác với "
                      "dữ liệu: giấy đã bị sửa hoặc mã bị gõ nhầm", "The store is intact and the hash matches: the "
                      "paper (or the digest as typed) differs from it: the paper was altered or the digest mistyped"),
    "digest.label.S": ("Số lượng bầu", "Seats"),
    "digest.label.D": ("D (số đảng viên chính thức được triệu tập tính tỷ lệ)", "D (denominator)"),
    "digest.label.I": ("Số phiếu phát ra", "Ballots issued"),
    "digest.label.C": ("Số phiếu thu vào", "Ballots collected"),
    "digest.label.V": ("Số phiếu hợp lệ", "Valid ballots"),
    "digest.label.X": ("Số phiếu không hợp lệ", "Invalid ballots"),
    "digest.label.votes": ("số phiếu của {name}", "votes for {name}"),
    # on the counting minutes and in the screens
    "digest.scan.placeholder": ("Quét mã QR trên biên bản kiểm phiếu để đối chiếu với dữ liệu lưu trữ",
                         "Scan the QR code on the counting minutes to check them against the store"),
    "doc.check_code": ("Mã kiểm chứng dữ liệu khi lập văn bản này: {code} (sự kiện thứ {seq}); kiểm tra: "
                       "run.py verify --code {code}@{n}", "Check code of the data when this document was written: {code} "
                       "(event {seq}); to check: run.py verify --code {code}@{n}"),
    "doc.log_digest.closed": ("Mã đối chiếu toàn bộ dữ liệu đại hội đến lúc bế mạc (sự kiện thứ {seq}); quét vào "
                              "runsheet, hoặc: run.py verify --digest \"…\"", "Digest of the congress's whole log up to "
                              "the closing (event {seq}); scan it into runsheet, or: run.py verify --digest \"…\""),
    "doc.log_digest.draft": ("Bản dự thảo: mã đối chiếu dữ liệu đến sự kiện thứ {seq} (đại hội chưa bế mạc)",
                             "Draft: digest of the log up to event {seq} (the congress has not closed)"),
    "minutes.h.annex": ("PHỤ LỤC: MÃ ĐỐI CHIẾU DỮ LIỆU", "ANNEX: DIGEST OF THE LOG"),
    "digest.caption": ("Mã đối chiếu với dữ liệu lưu trữ (quét vào runsheet, hoặc: run.py verify --digest \"…\")",
                "Digest for checking against the store (scan it into runsheet, or: run.py verify --digest \"…\")"),
}

"""Texts of the counting minutes of a round (biên bản kiểm phiếu) and of its ballot entry log
(nhật ký nhập phiếu), reports/counting.py."""

TEXT: dict[str, tuple[str, str]] = {
    # the documents' file names
    "counting_minutes.file.minutes": ("{election}-vong-{round}-bien-ban-kiem-phieu", "{election}-round-{round}-counting-minutes"),
    "counting_minutes.file.log": ("{election}-vong-{round}-nhat-ky-nhap-phieu", "{election}-round-{round}-ballot-entry-log"),
    # refusals
    "counting_minutes.err.no_election": ("không có cuộc bầu {id!r} trong kịch bản", "no election {id!r} in the scenario"),
    "counting_minutes.err.no_round": ("cuộc bầu {id!r} chưa có lần bầu nào: chưa có gì để lập biên bản kiểm phiếu",
                                      "election {id!r} has had no round yet: there is nothing to write counting minutes of"),
    "counting_minutes.err.no_such_round": ("cuộc bầu {id!r} không có lần bầu {n}", "election {id!r} has no round {n}"),
    "counting_minutes.err.not_closed": ("lần bầu {n} của {id!r} chưa kết thúc kiểm phiếu: biên bản kiểm phiếu chỉ lập sau khi kết "
                                        "thúc kiểm phiếu (F10 ở màn hình kiểm phiếu, hoặc run.py round close)",
                                        "round {n} of {id!r} is not closed: counting minutes are written once the count is closed "
                                        "(F10 on the counting screen, or run.py round close)"),
    "counting_minutes.err.write": ("không ghi được biên bản kiểm phiếu vào {path}: {problem}",
                                     "cannot write the counting minutes into {path}: {problem}"),
    # the counting minutes
    "counting_minutes.title": ("BIÊN BẢN KIỂM PHIẾU", "COUNTING MINUTES"),
    "counting_minutes.subtitle": ("{title}, lần bầu thứ {round}", "{title}, round {round}"),
    "counting_minutes.term": (" nhiệm kỳ {term}", ", term {term}"),
    "counting_minutes.basis": ("– Căn cứ Điều lệ Đảng Cộng sản Việt Nam;", "– Having regard to the Charter of the Communist Party "
                               "of Vietnam;"),
    "counting_minutes.basis.190": ("– Căn cứ Quy chế bầu cử trong Đảng ban hành kèm theo Quyết định số 190-QĐ/TW ngày 10/10/2024;",
                                   "– Having regard to the Regulations on elections within the Party issued with Decision No. "
                                   "190-QĐ/TW of 10/10/2024;"),
    "counting_minutes.basis.04": ("– Căn cứ Hướng dẫn số 04-HD/TW ngày 31/12/2024.",
                                  "– Having regard to Guidance No. 04-HD/TW of 31/12/2024."),
    "counting_minutes.intro": ("Hôm nay, {date}{place}, Ban Kiểm phiếu {congress} đã tiến hành kiểm phiếu {what}, lần bầu thứ "
                               "{round}.", "On {date}{place}, the counting committee of {congress} counted the ballots of: {what}, "
                               "round {round}."),
    "counting_minutes.at_place": (", tại {place}", ", at {place}"),
    "counting_minutes.times": ("Phát phiếu (mở lần bầu) lúc {opened}; kết thúc kiểm phiếu lúc {closed}.",
                               "Ballots issued (round opened) at {opened}; count closed at {closed}."),
    "counting_minutes.on_day": ("{time}, {date}", "{time} on {date}"),
    "counting_minutes.h.committee": ("I. BAN KIỂM PHIẾU", "I. THE COUNTING COMMITTEE"),
    "counting_minutes.committee": ("Ban Kiểm phiếu gồm các đồng chí:", "The counting committee:"),
    "counting_minutes.committee.blank": ("Ban Kiểm phiếu gồm các đồng chí (chưa ghi nhận trong runsheet: ghi tay):",
                                         "The counting committee (not recorded in runsheet: write the names in):"),
    "counting_minutes.head": ("Trưởng ban", "Head"),
    "counting_minutes.member": ("Thành viên", "Member"),
    "counting_minutes.h.list": ("II. SỐ LƯỢNG BẦU VÀ DANH SÁCH BẦU CỬ", "II. SEATS AND THE LIST OF CANDIDATES"),
    "counting_minutes.seats": ("Số lượng bầu: {seats} đồng chí. Danh sách bầu cử gồm {n} đồng chí, theo thứ tự in trên phiếu bầu; "
                               "hình thức phiếu: {form}.", "Seats to fill: {seats}. The list has {n} names, in the order printed on "
                               "the ballot; ballot form: {form}."),
    "counting_minutes.form.strike": ("gạch tên (danh sách nhiều hơn số lượng bầu)", "strike-out (more names than seats)"),
    "counting_minutes.form.approve": ("đồng ý / không đồng ý", "agree / disagree"),
    "counting_minutes.h.attendance": ("III. TÌNH HÌNH {WHO} DỰ BẦU CỬ", "III. ATTENDANCE AT THE VOTE"),
    "counting_minutes.official": ("Tổng số {who} chính thức của {unit}: {total} đồng chí{apart}.",
                                  "Full {who} of {unit}: {total}{apart}."),
    "counting_minutes.apart": ("; trong đó sinh hoạt tạm thời nơi khác {transferred}, bị đình chỉ sinh hoạt đảng, bị khởi tố, truy tố, "
                               "tạm giam {suspended}", "; of whom attached elsewhere {transferred}, suspended {suspended}"),
    "counting_minutes.summoned": ("Số {who} chính thức được triệu tập: {n} đồng chí.", "Full {who} summoned: {n}."),
    "counting_minutes.present": ("Số {who} chính thức có mặt lúc phát phiếu: {n} đồng chí.", "Full {who} present when the ballots "
                                 "were issued: {n}."),
    "counting_minutes.added": ("Trong khi bầu cử, {who} chính thức {names} đến dự, được phát phiếu bầu và được tính vào "
                               "D của lần bầu này.", "During the vote, full {who} {names} came, were handed a ballot and "
                               "were counted in this round's D."),
    "counting_minutes.summoned.delegates": ("Tổng số đại biểu chính thức được triệu tập: {n} đồng chí.",
                                            "Full delegates summoned: {n}."),
    "counting_minutes.present.delegates": ("Số đại biểu có mặt lúc phát phiếu: {n} đồng chí{standing}.",
                                           "Delegates present when the ballots were issued: {n}{standing}."),
    "counting_minutes.standing": (" (trong đó {n} đại biểu dự khuyết thay thế đại biểu chính thức vắng mặt)",
                                  " (of whom {n} alternates standing in for absent delegates)"),
    "counting_minutes.absent.delegates": ("Số đại biểu chính thức vắng mặt: {n} đồng chí (có đại biểu dự khuyết thay thế {replaced}; "
                                          "vắng mặt suốt thời gian Đại hội, không có người thay thế {away}; chưa đến {awaited}; đã rời "
                                          "Đại hội {left}).", "Full delegates absent: {n} (an alternate standing in {replaced}; absent "
                                          "throughout with no alternate {away}; not arrived {awaited}; left the congress {left})."),
    "counting_minutes.absent": ("Số {who} chính thức vắng mặt: {n} đồng chí (có lý do được Đại hội chấp thuận {excused}; không có lý "
                                "do {unexcused}; miễn công tác và sinh hoạt đảng {exempt}; đã rời Đại hội {left}).",
                                "Full {who} absent: {n} (with a reason the congress accepted {excused}; without one {unexcused}; "
                                "exempt {exempt}; left the congress {left})."),
    "counting_minutes.d": ("Tổng số {who} chính thức được triệu tập tính tỷ lệ bầu cử (D): {d} đồng chí. Người trúng cử phải được quá "
                           "một nửa so với D, tức là từ {needed} phiếu bầu trở lên.",
                           "Full {who} counted for the threshold (D): {d}. To be elected a candidate needs more than half of D, that "
                           "is {needed} votes or more."),
    "counting_minutes.who.members": ("đảng viên", "members"),
    "counting_minutes.who.delegates": ("đại biểu", "delegates"),
    "counting_minutes.h.ballots": ("IV. KẾT QUẢ KIỂM PHIẾU", "IV. THE COUNT"),
    "counting_minutes.issued": ("Số phiếu phát ra: {n} phiếu.", "Ballots issued: {n}."),
    "counting_minutes.collected": ("Số phiếu thu vào: {n} phiếu.", "Ballots collected: {n}."),
    "counting_minutes.valid": ("Số phiếu hợp lệ: {n} phiếu.", "Valid ballots: {n}."),
    "counting_minutes.invalid": ("Số phiếu không hợp lệ: {n} phiếu{reasons}.", "Invalid ballots: {n}{reasons}."),
    "counting_minutes.reasons": (" (trong đó: {list})", " (of which: {list})"),
    "counting_minutes.votes_intro": ("Số phiếu bầu cho từng đồng chí, theo thứ tự trong danh sách bầu cử:",
                                     "Votes for each name, in the order of the list:"),
    "counting_minutes.col.no": ("TT", "#"),
    "counting_minutes.col.name": ("Họ và tên", "Name"),
    "counting_minutes.col.votes": ("Số phiếu bầu", "Votes"),
    "counting_minutes.col.votes.approve": ("Số phiếu đồng ý", "Votes (agree)"),
    "counting_minutes.col.percent": ("Tỷ lệ % so với D = {d}", "% of D = {d}"),
    "counting_minutes.col.result": ("Kết quả", "Result"),
    "counting_minutes.mark.elected": ("Trúng cử", "Elected"),
    "counting_minutes.mark.tied": ("Bằng phiếu", "Tied"),
    "counting_minutes.h.result": ("V. KẾT QUẢ BẦU CỬ", "V. THE RESULT"),
    "counting_minutes.elected_intro": ("Căn cứ Quy chế bầu cử trong Đảng, các đồng chí có tên sau đây có số phiếu bầu quá một nửa so "
                                       "với D, trúng cử (xếp theo số phiếu bầu từ cao xuống thấp):",
                                       "Under the Regulations on elections within the Party, elected (more than half of D), ranked by "
                                       "votes:"),
    "counting_minutes.elected_intro.plain": ("Các đồng chí có tên sau đây có số phiếu bầu quá một nửa so với D, trúng cử (xếp theo số "
                                             "phiếu bầu từ cao xuống thấp):", "Elected (more than half of D), ranked by votes:"),
    "counting_minutes.none_elected": ("Không có đồng chí nào trúng cử ở lần bầu này.", "Nobody was elected in this round."),
    "counting_minutes.tied": ("Các đồng chí {names} có số phiếu bầu bằng nhau ({votes} phiếu) ở vị trí cuối, vượt quá số lượng còn lại "
                              "nên chưa đồng chí nào trong số này trúng cử; Đại hội xem xét, quyết định bầu tiếp.",
                              "{names} have equal votes ({votes}) for the last seat(s), more than the seats left: none of them is "
                              "elected by this round; the congress decides whether to vote again."),
    "counting_minutes.unfilled": ("Số lượng còn thiếu so với số lượng bầu: {n} đồng chí.", "Seats left unfilled: {n}."),
    "counting_minutes.filled": ("Đã bầu đủ số lượng.", "Every seat is filled."),
    "counting_minutes.closing": ("Việc kiểm phiếu kết thúc lúc {time} cùng ngày. Biên bản được Ban Kiểm phiếu thông qua và ký tên; kèm "
                                 "theo nhật ký nhập phiếu.", "The count closed at {time} the same day. These minutes were approved "
                                 "and signed by the counting committee; the ballot entry log is attached."),
    "counting_minutes.sign.members": ("CÁC THÀNH VIÊN BAN KIỂM PHIẾU", "MEMBERS OF THE COUNTING COMMITTEE"),
    "counting_minutes.sign.head": ("TRƯỞNG BAN KIỂM PHIẾU", "HEAD OF THE COUNTING COMMITTEE"),
    # the entry log
    "counting_minutes.log.title": ("NHẬT KÝ NHẬP PHIẾU", "BALLOT ENTRY LOG"),
    "counting_minutes.log.list": ("Danh sách trên phiếu bầu (số thứ tự dùng khi nhập phiếu):",
                                  "The list on the ballot (the numbers used at entry):"),
    "counting_minutes.log.passes": ("Số lượt nhập: {passes}. Mỗi máy nhập toàn bộ số phiếu thành một lượt; chỉ những phiếu mà các lượt "
                                    "đọc giống nhau, hoặc được Trưởng Ban kiểm phiếu quyết định, mới được tính.",
                                    "Entry passes: {passes}. Each terminal enters the whole stack as one pass; only ballots every pass "
                                    "read the same way, or the head of the committee settled, are counted."),
    "counting_minutes.log.one_pass": ("Số lượt nhập: 1.", "Entry passes: 1."),
    "counting_minutes.log.col.seq": ("Sự kiện", "Event"),
    "counting_minutes.log.col.time": ("Giờ", "Time"),
    "counting_minutes.log.col.terminal": ("Máy nhập", "Terminal"),
    "counting_minutes.log.col.pass": ("Lượt", "Pass"),
    "counting_minutes.log.col.ballot": ("Phiếu số", "Ballot"),
    "counting_minutes.log.col.reading": ("Nội dung đọc", "Reading"),
    "counting_minutes.log.col.note": ("Kết luận, ghi chú", "Verdict, notes"),
    "counting_minutes.log.opened": ("Mở lần bầu: phát ra {issued} phiếu; D = {d}", "Round opened: {issued} ballots issued; D = {d}"),
    "counting_minutes.log.collected": ("Số phiếu thu vào (đếm từ hòm phiếu): {n}", "Ballots collected (counted from the box): {n}"),
    "counting_minutes.log.closed": ("Kết thúc kiểm phiếu: thu vào {collected}; hợp lệ {valid}; không hợp lệ {invalid}",
                                    "Count closed: collected {collected}; valid {valid}; invalid {invalid}"),
    "counting_minutes.log.published": ("Công bố kết quả trước Đại hội", "Result announced to the congress"),
    "counting_minutes.log.head": ("Trưởng ban", "Head"),
    "counting_minutes.log.valid": ("hợp lệ", "valid"),
    "counting_minutes.log.invalid": ("không hợp lệ: {reason}", "invalid: {reason}"),
    "counting_minutes.log.correction": ("sửa lại (trước đó: {old})", "corrected (before: {old})"),
    "counting_minutes.log.reentered": ("nhập lại sau khi rút", "entered again after being taken back"),
    "counting_minutes.log.withdrawn": ("rút lại", "taken back"),
    "counting_minutes.log.withdrawn_note": ("rút lại phiếu đã nhập ({old})", "the entry ({old}) was taken back"),
    "counting_minutes.log.resolved": ("Trưởng Ban kiểm phiếu quyết định ({readings})", "settled by the head of the committee "
                                      "({readings})"),
    "counting_minutes.log.summary": ("Lượt {pass_no}: {n} phiếu, nhập trên máy {terminals}.",
                                     "Pass {pass_no}: {n} ballots, entered on {terminals}."),
    "counting_minutes.log.counts": ("Số lần sửa: {corrections}; số lần rút lại: {withdrawals}; số phiếu Trưởng ban quyết định: "
                                    "{resolved}; số phiếu được tính: {counted}.",
                                    "Corrections: {corrections}; taken back: {withdrawals}; settled by the head: {resolved}; "
                                    "ballots counted: {counted}."),
    "counting_minutes.log.digest": ("Mã đối chiếu của lần bầu: {digest}", "Digest of the round: {digest}"),
}

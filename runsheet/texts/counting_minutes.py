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
    "counting_minutes.subtitle": ("{title}, bầu lần thứ {round}", "{title}, {round} round"),
    "counting_minutes.term": (" nhiệm kỳ {term}", ", term {term}"),
    "counting_minutes.basis": ("– Căn cứ Điều lệ Đảng Cộng sản Việt Nam;", "– Having regard to the Charter of the Communist Party "
                               "of Vietnam;"),
    "counting_minutes.basis.190": ("– Căn cứ Quy chế bầu cử trong Đảng ban hành kèm theo Quyết định số 190-QĐ/TW ngày 10/10/2024 "
                                   "của Ban Chấp hành Trung ương;",
                                   "– Having regard to the Regulations on elections within the Party issued with Decision No. "
                                   "190-QĐ/TW of 10/10/2024 of the Central Committee;"),
    "counting_minutes.basis.04": ("– Căn cứ Hướng dẫn số 04-HD/TW ngày 31/12/2024 của Ban Bí thư thực hiện Quy chế bầu cử trong "
                                  "Đảng.", "– Having regard to Guidance No. 04-HD/TW of 31/12/2024 of the Secretariat on "
                                  "implementing the Regulations on elections within the Party."),
    "counting_minutes.intro": ("Hôm nay, {date}{place}, Ban Kiểm phiếu {congress} đã tiến hành kiểm phiếu {what}, bầu lần thứ "
                               "{round}.", "On {date}{place}, the counting committee of {congress} counted the ballots of: "
                               "{what}, {round} round."),
    "counting_minutes.at_place": (", tại {place}", ", at {place}"),
    "counting_minutes.times": ("Phát phiếu bầu lúc {opened}; kết thúc kiểm phiếu lúc {closed}.",
                               "Ballots issued at {opened}; count closed at {closed}."),
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
    "counting_minutes.official": ("Tổng số {who} chính thức của {unit}: {total} đồng chí.", "Full {who} of {unit}: {total}."),
    "counting_minutes.suspended": ("Số {who} chính thức bị đình chỉ sinh hoạt đảng, bị khởi tố, truy tố, tạm giam, không "
                                   "triệu tập: {n} đồng chí.", "Full {who} suspended, prosecuted or detained, not summoned: "
                                   "{n}."),
    "counting_minutes.summoned": ("Số {who} chính thức được triệu tập: {n} đồng chí.", "Full {who} summoned: {n}."),
    "counting_minutes.not_counted": ("Số được triệu tập nhưng không tính vào D: {n} đồng chí (vắng mặt suốt thời gian Đại hội có "
                                     "lý do được cấp ủy triệu tập Đại hội đồng ý {excused}; miễn công tác và sinh hoạt đảng, "
                                     "không dự Đại hội {exempt}; sinh hoạt tạm thời nơi khác, không dự Đại hội {transferred}).",
                                     "Summoned but not counted in D: {n} (absent throughout for a reason the convening "
                                     "committee accepted {excused}; exempt, not attending {exempt}; attached elsewhere, not "
                                     "attending {transferred})."),
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
    "counting_minutes.d": ("Tổng số {who} chính thức được triệu tập tính tỷ lệ bầu cử (D): {d} đồng chí. Người trúng cử phải được quá "
                           "một nửa so với D, tức là từ {needed} phiếu bầu trở lên.",
                           "Full {who} counted for the threshold (D): {d}. To be elected a candidate needs more than half of D, that "
                           "is {needed} votes or more."),
    "counting_minutes.d_parts": ("Trong số D: có mặt, được phát phiếu bầu {present}; đã đến Đại hội nhưng không có mặt lúc phát "
                                 "phiếu {left}; vắng mặt không có lý do được chấp thuận {unexcused}.",
                                 "Of D: present and handed a ballot {present}; came to the congress but away when the ballots "
                                 "were issued {left}; absent without an accepted reason {unexcused}."),
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
    "counting_minutes.col.votes.against": ("Số phiếu không đồng ý", "Votes (disagree)"),
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
    "counting_minutes.h.annex": ("PHỤ LỤC: MÃ ĐỐI CHIẾU", "ANNEX: DIGEST"),
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
    "counting_minutes.log.scanner": ("Lượt {pass_no} do máy quét đọc (run.py ballots scan); những phiếu máy không chắc được người "
                                     "nhập tay vào lượt này; lượt kia do người nhập.",
                                     "Pass {pass_no} was read by the scanner (run.py ballots scan); the ballots it was not sure of "
                                     "were entered by hand on this pass; a person entered the other pass."),
    "counting_minutes.log.by_scanner": ("máy quét đọc", "read by the scanner"),
    "counting_minutes.log.queued": ("máy quét chưa chắc ở dòng {rows}: để người nhập tay",
                                    "the scanner was not sure on line {rows}: left to be entered by hand"),
    "counting_minutes.log.queued_outside": ("máy quét thấy chữ hoặc dấu ngoài danh sách: để Ban kiểm phiếu xem, người "
                                            "nhập tay", "the scanner saw writing or a mark outside the list: left to "
                                            "the committee, entered by hand"),
    "counting_minutes.log.counts": ("Số lần sửa: {corrections}; số lần rút lại: {withdrawals}; số phiếu Trưởng ban quyết định: "
                                    "{resolved}; số phiếu được tính: {counted}.",
                                    "Corrections: {corrections}; taken back: {withdrawals}; settled by the head: {resolved}; "
                                    "ballots counted: {counted}."),
    "counting_minutes.log.digest": ("Mã đối chiếu của lần bầu: {digest}", "Digest of the round: {digest}"),
    # the counting minutes of a nomination poll (reports/poll_minutes.py)
    "poll_minutes.file": ("{election}-lay-y-kien-{poll}-bien-ban-kiem-phieu", "{election}-poll-{poll}-counting-minutes"),
    "poll_minutes.err.no_poll": ("cuộc bầu {id!r} chưa có lần lấy ý kiến giới thiệu nào (run.py nominate open)",
                                 "election {id!r} has had no nomination poll (run.py nominate open)"),
    "poll_minutes.err.no_such_poll": ("cuộc bầu {id!r} không có lần lấy ý kiến thứ {n}",
                                      "election {id!r} has no nomination poll {n}"),
    "poll_minutes.err.not_closed": ("lần lấy ý kiến thứ {n} của {id!r} chưa kết thúc kiểm phiếu (run.py nominate close)",
                                    "nomination poll {n} of {id!r} is not closed (run.py nominate close)"),
    "poll_minutes.title": ("BIÊN BẢN KIỂM PHIẾU", "COUNTING MINUTES"),
    "poll_minutes.subtitle": ("Lấy ý kiến Đại hội về những người được giới thiệu thêm vào danh sách bầu cử, {what}",
                              "The congress polled on names put forward from the floor for the list: {what}"),
    "poll_minutes.intro": ("Hôm nay, {date}{place}, Ban Kiểm phiếu {congress} đã tiến hành kiểm phiếu lấy ý kiến Đại hội "
                           "(bỏ phiếu kín) về những người được giới thiệu tại Đại hội để bổ sung vào danh sách bầu cử, "
                           "{what}.", "On {date}{place}, the counting committee of {congress} counted the secret poll "
                           "of the congress on the names put forward from the floor for the list: {what}."),
    "poll_minutes.times": ("Phát phiếu lấy ý kiến lúc {opened}; kết thúc kiểm phiếu lúc {closed}.",
                           "Ballots issued at {opened}; count closed at {closed}."),
    "poll_minutes.h.nominees": ("II. NHỮNG NGƯỜI ĐƯỢC GIỚI THIỆU TẠI ĐẠI HỘI", "II. THE NAMES PUT FORWARD"),
    "poll_minutes.nominees": ("Số người được giới thiệu tại Đại hội, đồng ý ứng cử, đưa ra Đại hội lấy ý kiến: {n} đồng "
                              "chí, theo thứ tự in trên phiếu:", "Names put forward from the floor, willing to stand and "
                              "put to the congress: {n}, in the order printed on the ballot:"),
    "poll_minutes.h.present": ("III. SỐ ĐẢNG VIÊN CHÍNH THỨC CÓ MẶT", "III. FULL MEMBERS PRESENT"),
    "poll_minutes.present": ("Số đảng viên chính thức có mặt tại Đại hội lúc phát phiếu: {n} đồng chí.",
                             "Full members present when the ballots were issued: {n}."),
    "poll_minutes.needed": ("Người được giới thiệu được bổ sung vào danh sách bầu cử khi được trên 30% tổng số đảng viên "
                            "chính thức có mặt đồng ý, tức là từ {needed} phiếu đồng ý trở lên.",
                            "A name joins the list when more than 30% of the full members present agree: {needed} "
                            "agreeing votes or more."),
    "poll_minutes.col.percent": ("Tỷ lệ % đồng ý so với số có mặt ({n})", "% agreeing, of those present ({n})"),
    "poll_minutes.mark.joins": ("Bổ sung vào danh sách", "Joins the list"),
    "poll_minutes.mark.not": ("Không bổ sung", "Does not join"),
    "poll_minutes.h.result": ("V. KẾT QUẢ", "V. THE RESULT"),
    "poll_minutes.joined": ("Các đồng chí {names} được bổ sung vào danh sách bầu cử, {what}.",
                            "{names} join the list: {what}."),
    "poll_minutes.joined_one": ("Đồng chí {names} được bổ sung vào danh sách bầu cử, {what}.",
                                "{names} joins the list: {what}."),
    "poll_minutes.none_joined": ("Không có đồng chí nào được bổ sung vào danh sách bầu cử, {what}.",
                                 "Nobody joins the list: {what}."),
    "poll_minutes.closing": ("Việc kiểm phiếu kết thúc lúc {time} cùng ngày. Biên bản được Ban Kiểm phiếu thông qua và ký "
                             "tên.", "The count closed at {time} the same day. These minutes were approved and signed "
                             "by the counting committee."),
}

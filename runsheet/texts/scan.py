"""Texts of the scanner (runsheet/scan): why an image was refused or sent to review."""

TEXT: dict[str, tuple[str, str]] = {
    "scan.refused.marks": ("không tìm thấy đủ bốn ô vuông định vị ở bốn góc (trang trắng, ảnh thiếu góc hoặc không phải phiếu bầu)",
                           "the four corner squares were not all found (a blank page, a corner missing, or not a ballot)"),
    "scan.refused.no_code": ("không đọc được mã QR của phiếu", "the ballot's QR code cannot be read"),
    "scan.refused.not_ballot": ("mã QR không phải của phiếu bầu runsheet: {code}", "the QR code is not a runsheet ballot's: {code}"),
    "scan.refused.congress": ("phiếu của đại hội khác", "a ballot of another congress"),
    "scan.refused.election": ("phiếu của cuộc bầu khác ({theirs})", "a ballot of another election ({theirs})"),
    "scan.refused.round": ("phiếu của lần bầu thứ {round}, không phải lần bầu này", "a ballot of round {round}, not of this round"),
    "scan.refused.list": ("phiếu in theo danh sách khác (danh sách hoặc thứ tự đã thay đổi sau khi in)",
                          "a ballot printed from another list (the list or its order changed since it was printed)"),
    "scan.refused.size": ("phiếu in khổ {found}, không phải {size}", "a ballot printed on {found}, not {size}"),
    "scan.review.outside": ("có chữ hoặc dấu ngoài danh sách: chuyển Ban kiểm phiếu xem",
                            "writing or a mark outside the list: sent to the committee"),
    "scan.review.rows": ("máy không chắc ở dòng {rows}: chuyển Ban kiểm phiếu xem", "not sure on line {rows}: sent to the committee"),
    "scan.refused.unreadable": ("không đọc được tệp ảnh", "the image file cannot be read"),
    "scan.err.one_pass": ("lần bầu {round} của {election} chỉ có một lượt nhập: máy quét chỉ được là một lượt của nhập hai "
                          "hoặc ba lượt, lượt kia luôn do người nhập (mở lần bầu với --passes 2)",
                          "round {round} of {election} has one entry pass: the scanner may only be one pass of a double or "
                          "triple entry, a person always enters the other (open the round with --passes 2)"),
    "scan.err.no_file": ("không có tệp ảnh {file}", "no image file {file}"),
    "scan.where": ("{file} trang {page}", "{file} page {page}"),
    "scan.out.none": ("không gạch tên nào", "nothing struck"),
    "scan.out.entered": ("{where}: phiếu số {ballot} đã nhập vào lượt {pass_no} ({read}; độ tin cậy {confidence})",
                         "{where}: ballot {ballot} entered on pass {pass_no} ({read}; confidence {confidence})"),
    "scan.out.queued": ("{where}: phiếu số {ballot} chưa nhập ({reason}); máy đọc: {read}. "
                        "Người nhập tay nhập phiếu số {ballot} vào lượt {pass_no}",
                        "{where}: ballot {ballot} not entered ({reason}); the machine read: {read}. "
                        "Enter ballot {ballot} by hand on pass {pass_no}"),
    "scan.out.refused": ("{where}: không nhận ({why}); không nhập, không lấy số phiếu",
                         "{where}: refused ({why}); nothing entered, no ballot number taken"),
    "scan.out.summary": ("Lượt {pass_no} (máy quét): đã nhập {entered} phiếu; {queued} phiếu chờ nhập tay; {refused} ảnh không nhận.",
                         "Pass {pass_no} (the scanner): {entered} ballots entered; {queued} queued for entry by hand; "
                         "{refused} images refused."),
    "scan.out.queued_rule": ("Phiếu chờ xem vẫn giữ số thứ tự của nó trong xấp phiếu: người nhập xem lại và nhập đúng số đó vào lượt {pass_no} "
                             "(màn hình kiểm phiếu, Ctrl+R; hoặc run.py ballots review ... --pass {pass_no}), trước khi đóng kiểm phiếu.",
                             "A queued ballot keeps its number in the stack's order: a person reviews it and enters that number on pass "
                             "{pass_no} (the counting screen, Ctrl+R; or run.py ballots review ... --pass {pass_no}) before the count closes."),
    "rescan.none": ("Lần bầu thứ {round} của «{title}» không có phiếu nào do máy quét đọc: không có ảnh phiếu để kiểm "
                    "phiếu lại.", "Round {round} of «{title}» has no ballot read by the scanner: no images to recount."),
    "rescan.head": ("Kiểm phiếu lại từ ảnh phiếu quét: «{title}», lần bầu thứ {round} ({state})",
                    "Recount from the scanned ballots' images: «{title}», round {round} ({state})"),
    "rescan.closed": ("đã kết thúc kiểm phiếu", "count closed"),
    "rescan.open": ("đang kiểm phiếu: đối chiếu với kết quả hiện tại", "count still open: against the result as it stands"),
    "rescan.read": ("Máy đọc lại {n} ảnh phiếu quét: {sure} phiếu tính từ ảnh, {unsure} phiếu máy chưa chắc, {lost} ảnh "
                    "không dùng được (không còn, đã bị thay đổi hoặc không đọc lại được).",
                    "{n} scanned images read again: {sure} ballots counted from their image, {unsure} the machine is "
                    "unsure of, {lost} images unusable (gone, altered or no longer read)."),
    "rescan.col.no": ("TT", "No."),
    "rescan.col.name": ("Họ và tên", "Name"),
    "rescan.col.recorded": ("Đã ghi nhận", "Recorded"),
    "rescan.col.recount": ("Kiểm lại", "Recount"),
    "rescan.col.difference": ("Chênh lệch", "Difference"),
    "rescan.totals": ("Phiếu hợp lệ: đã ghi nhận {valid}, kiểm lại {recount_valid}; phiếu không hợp lệ: đã ghi nhận "
                      "{invalid}, kiểm lại {recount_invalid}.",
                      "Valid ballots: recorded {valid}, recount {recount_valid}; invalid ballots: recorded {invalid}, "
                      "recount {recount_invalid}."),
    "rescan.differs": ("Phiếu số {ballot}: máy đọc lại {machine}; đã ghi nhận {recorded}. Ban kiểm phiếu đối chiếu "
                       "phiếu giấy.", "Ballot {ballot}: read again as {machine}; recorded as {recorded}. The "
                                      "committee checks the paper ballot."),
    "rescan.unsure": ("Phiếu số {ballot}: {why}; tính theo kết quả đã ghi nhận ({recorded}).",
                      "Ballot {ballot}: {why}; counted as recorded ({recorded})."),
    "rescan.pending": ("Phiếu số {ballot}: các lượt nhập chưa thống nhất, chưa tính vào kết quả (máy đọc lại: {machine}).",
                       "Ballot {ballot}: the passes do not agree yet, not in the result (read again as {machine})."),
    "rescan.paper": ("Phiếu số {ballot}: Ban kiểm phiếu đã xác định trên phiếu giấy là {recorded}; giữ nguyên (máy "
                     "đọc: {machine}).", "Ballot {ballot}: the committee found it {recorded} on the paper; kept (the "
                                         "machine reads {machine})."),
    "rescan.refused": ("Phiếu số {ballot}: ảnh {file} không đọc lại được ({why}); tính theo kết quả đã ghi nhận.",
                       "Ballot {ballot}: the image {file} no longer reads ({why}); counted as recorded."),
    "rescan.missing": ("Phiếu số {ballot}: không còn ảnh phiếu quét {image}; tính theo kết quả đã ghi nhận.",
                       "Ballot {ballot}: the scanned image {image} is gone; counted as recorded."),
    "rescan.altered": ("Phiếu số {ballot}: ảnh phiếu quét {image} đã bị thay đổi, không dùng; tính theo kết quả đã "
                       "ghi nhận.", "Ballot {ballot}: the scanned image {image} was altered, not used; counted as "
                                    "recorded."),
    "rescan.without_image": ("{n} phiếu không có ảnh quét (nhập tay): tính theo kết quả đã ghi nhận.",
                             "{n} ballots have no scanned image (entered by hand): counted as recorded."),
    "rescan.agrees": ("Kết luận: kiểm phiếu lại từ ảnh khớp với kết quả đã ghi nhận.",
                      "Conclusion: the recount from the images agrees with the recorded result."),
    "rescan.differs_total": ("Kết luận: KHÔNG KHỚP: {differs} phiếu máy đọc khác kết quả đã ghi nhận, {lost} ảnh không "
                             "dùng được. Ban kiểm phiếu kiểm tra lại các phiếu giấy nêu trên.",
                             "Conclusion: DOES NOT AGREE: {differs} ballots read differently from the record, {lost} "
                             "images unusable. The committee checks the paper ballots named above."),
    "rescan.not_agreed": ("chưa thống nhất", "not agreed yet"),
    "rescan.invalid": ("không hợp lệ ({reason})", "invalid ({reason})"),
    "rescan.struck": ("gạch {numbers}", "struck {numbers}"),
    "rescan.against": ("không đồng ý {numbers}", "against {numbers}"),
    "rescan.all_agree": ("đồng ý tất cả", "agrees to every name"),
    "rescan.unclear": ("; không rõ {numbers}", "; unclear {numbers}"),
}

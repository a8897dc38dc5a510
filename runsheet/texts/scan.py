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
    "scan.out.queued_rule": ("Phiếu chờ xem vẫn giữ số thứ tự của nó trong xấp phiếu: người nhập nhập đúng số đó vào lượt {pass_no} "
                             "(run.py ballots import ... --pass {pass_no}, cột ballot), trước khi đóng kiểm phiếu.",
                             "A queued ballot keeps its number in the stack's order: a person enters that number on pass "
                             "{pass_no} (run.py ballots import ... --pass {pass_no}, its ballot column) before the count closes."),
}

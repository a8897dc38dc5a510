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
    "scan.review.rows": ("máy không chắc ở dòng {rows}: chuyển Ban kiểm phiếu xem", "not sure on line {rows}: sent to the committee"),
}

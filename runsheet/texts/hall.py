"""Texts shown to the hall: the wall (projector) and the delegates' badges."""

TEXT: dict[str, tuple[str, str]] = {
    # the wall (projector)
    "wall.welcome": ("Kính chào các đồng chí đại biểu — Đại hội bắt đầu lúc {start}",
                     "Welcome — the meeting begins at {start}"),
    "wall.code": ("Mã kiểm chứng {code} · sự kiện thứ {seq}", "Check code {code} · event {seq}"),
    "wall.figures": ("Đảng viên chính thức có mặt: {present} / {d} · dự bị có mặt: {probationary} · cần quá nửa: {majority}",
                     "Present: {present} of {d} entitled to vote · probationary: {probationary} · majority: {majority}"),
    "wall.speaking": ("ĐANG PHÁT BIỂU", "NOW SPEAKING"),
    # the chair's message on the hall's screens (rules/hall.py)
    "right.hall": ("gửi thông báo lên màn hình hội trường", "put a message on the hall's screens"),
    "err.hall_what": ("message: cho nội dung TEXT (có thể kèm --flash), hoặc --blank, hoặc --clear (một trong ba)",
                      "message: give a TEXT (with --flash if wanted), or --blank, or --clear (one of them)"),
    "hall.to_projector": ("Màn hình chiếu", "The projector"),
    "hall.to_podium": ("Màn hình bục phát biểu", "The podium's screen"),
    "hall.to_all": ("Các màn hình hội trường", "The hall's screens"),
    "hall.shown": ("{where}: «{text}»", "{where}: «{text}»"),
    "hall.shown_flash": ("{where}: «{text}» (nhấp nháy)", "{where}: «{text}» (flashing)"),
    "hall.blanked": ("{where}: để trống", "{where}: blank"),
    "hall.cleared": ("{where}: trở lại chương trình", "{where}: back to the programme"),
    "hall.dialog_title": ("Thông báo lên màn hình hội trường", "A message on the hall's screens"),
    "hall.dialog_hint": ("Gõ thông báo (tối đa {max} ký tự), Enter để đưa lên; Enter khi ô trống: gỡ thông báo, trở lại "
                         "chương trình. Ctrl+F: nhấp nháy · Ctrl+T: chọn màn hình · Ctrl+B: để trống màn hình · Esc: "
                         "đóng",
                         "Type the message (at most {max} characters), Enter shows it; Enter on an empty field takes it "
                         "down, back to the programme. Ctrl+F: flash · Ctrl+T: which screens · Ctrl+B: blank the "
                         "screens · Esc: close"),
    "hall.usual.conclude": ("Xin đồng chí kết thúc", "Please conclude"),
    "hall.usual.one_minute": ("Còn 1 phút", "One minute left"),
    "hall.usual.louder": ("Đề nghị đồng chí nói to hơn", "Please speak up"),
    "hall.usual.order": ("Đề nghị đại biểu giữ trật tự", "Order in the hall, please"),
    "hall.dialog_example": ("Xin đồng chí kết thúc", "Please conclude"),
    "hall.dialog_options": ("Màn hình: {where} · {flash}", "Screens: {where} · {flash}"),
    "hall.flash_on": ("nhấp nháy", "flashing"),
    "hall.flash_off": ("không nhấp nháy", "steady"),
    "err.hall_target": ("không có màn hình {to} (chọn một trong: {targets})", "no screen {to} (one of: {targets})"),
    "err.hall_empty": ("thông báo trống: hãy gõ nội dung, hoặc dùng --clear để xóa thông báo",
                       "the message is empty: type it, or use --clear to take the message down"),
    "err.hall_long": ("thông báo dài {n} ký tự, tối đa {max}: màn hình hội trường cần chữ lớn",
                      "the message is {n} characters long, at most {max}: the hall reads it in large type"),
    # the hall's pages in a browser (run.py hall)
    "hall.result_head": ("Kết quả — D = {d}, cần {needed} phiếu (quá nửa)", "Result — D = {d}, {needed} votes needed (more than half)"),
    "hall.elected": ("trúng cử", "elected"),
    "hall.tied": ("bằng phiếu", "tied"),
    "hall.programme": ("Chương trình Đại hội", "Programme"),
    "hall.results": ("Kết quả bầu cử đã công bố", "Published results"),
    "hall.planned": ("Kế hoạch", "Planned"),
    "hall.expected": ("Dự kiến", "Expected"),
    "hall.now": ("Đang diễn ra", "Now"),
    "hall.held": ("Thực tế", "Held at"),
    "hall.scan": ("Mời các đồng chí đại biểu quét mã để xem chương trình và kết quả Đại hội trên điện thoại",
                  "Delegates: scan the code to follow the programme and the results on your phone"),
    "hall.documents": ("Tài liệu Đại hội", "Congress documents"),
    "hall.download": ("Tải về", "Download"),
    "hall.no_results": ("Chưa có kết quả nào được công bố", "No result published yet"),
    "hall.offline": ("Mất kết nối với máy chủ, đang kết nối lại…", "Connection to the server lost, reconnecting…"),
    "hall.listening": ("run.py hall: các trang hội trường tại http://{host}:{port}/ (màn hình chiếu: /projector, bục "
                       "phát biểu: /podium, điện thoại đại biểu: /); Ctrl+C để dừng",
                       "run.py hall: the hall's pages at http://{host}:{port}/ (projector: /projector, podium: /podium, "
                       "delegates' phones: /); Ctrl+C to stop"),
    "hall.warning": ("run.py hall: cảnh báo: đang mở trên {host}:{port}: bất kỳ ai trong mạng đều xem được các trang "
                     "hội trường (chỉ để xem, các trang không ghi được gì vào {db})",
                     "run.py hall: warning: serving on {host}:{port}: anyone on the network can see the hall's pages "
                     "(read-only: the pages write nothing to {db})"),
    # badges
    "badge.title": ("Thẻ đại biểu", "Badges"),
    "badge.official": ("Đảng viên chính thức", "Member"),
    "badge.probationary": ("Đảng viên dự bị", "Probationary member"),
    "badge.delegate": ("Đại biểu chính thức", "Delegate"),
    "badge.alternate": ("Đại biểu dự khuyết", "Alternate delegate"),
    "badge.id": ("Mã", "ID"),
    "badge.hall": ("Chương trình, kết quả, tài liệu đại hội: quét mã này", "Programme, results, documents: scan"),
}

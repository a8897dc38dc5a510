"""Texts of the scanner's watched folder: `ballots scan --watch` and the counting screen's key that runs it."""

TEXT: dict[str, tuple[str, str]] = {
    # the command line
    "scan.err.no_images": ("chưa chỉ ra ảnh phiếu nào: cho tên các tệp ảnh, hoặc --watch THƯ_MỤC",
                           "no image given: name the image files, or --watch DIR"),
    "scan.err.watch_and_images": ("cho các tệp ảnh hoặc --watch THƯ_MỤC, không cho cả hai",
                                  "give image files or --watch DIR, not both"),
    "scan.err.no_folder": ("không có thư mục {folder}", "no folder {folder}"),
    "scan.err.no_extra": ("máy này chưa cài phần đọc phiếu quét (thiếu {module}): cài bằng pip install "
                          "'runsheet[scan]', hoặc chạy python3 run.py test một lần",
                          "the scanner's part is not installed on this machine ({module} missing): install it with "
                          "pip install 'runsheet[scan]', or run python3 run.py test once"),
    "scan.out.seen": ("đã quét: ảnh này đã được đọc thành phiếu số {ballot}; bỏ qua, không nhập lại",
                      "already scanned: this image was read as ballot {ballot}; skipped, not entered again"),
    "scan.out.skipped": ("{n} ảnh đã quét trước đó: bỏ qua, không nhập lại.",
                         "{n} images scanned before: skipped, not entered again."),
    "scan.watch.start": ("Đang theo dõi thư mục {folder}: ảnh phiếu quét vào đó được nhập vào lượt {pass_no} "
                         "(máy quét), lần bầu {round} của {election}. Ctrl-C để dừng.",
                         "Watching the folder {folder}: ballots scanned into it are entered on pass {pass_no} (the "
                         "scanner), round {round} of {election}. Ctrl-C to stop."),
    "scan.watch.closed": ("Lần bầu {round} của {election} đã kết thúc kiểm phiếu: thôi theo dõi thư mục {folder}.",
                          "Round {round} of {election} is no longer being counted: stopped watching {folder}."),
    "scan.watch.stopped": ("Đã dừng theo dõi thư mục {folder}.", "Stopped watching {folder}."),
    "scan.watch.total": ("Lượt {pass_no} (máy quét) trong lần theo dõi này: đã nhập {entered} phiếu; {queued} phiếu chờ "
                         "nhập tay; {refused} ảnh không nhận; {skipped} ảnh đã quét trước, bỏ qua.",
                         "Pass {pass_no} (the scanner) during this watch: {entered} ballots entered; {queued} queued "
                         "for entry by hand; {refused} images refused; {skipped} scanned before, skipped."),
    # the counting screen
    "act.scanner": ("Máy quét", "Scanner"),
    "palette.scanner": ("Máy quét: theo dõi thư mục quét / dừng", "Scanner: watch the scan folder / stop"),
    "help.scanner": ("Nhập lượt của máy này từ ảnh phiếu máy quét lưu vào một thư mục; nhấn lại để dừng",
                     "Enter this terminal's pass from the ballots a scanner saves into a folder; again to stop"),
    "count.scanner.title": ("Máy quét nhập lượt {pass_no}", "The scanner enters pass {pass_no}"),
    "count.scanner.label": ("Thư mục máy quét lưu ảnh phiếu vào (PNG, JPEG, TIFF, PDF):",
                            "The folder the scanner saves the ballots into (PNG, JPEG, TIFF, PDF):"),
    "count.scanner.hint": ("Ảnh đã có trong thư mục cũng được đọc; ảnh đã quét rồi thì bỏ qua. Phiếu máy không chắc "
                           "giữ số của nó, người nhập tay nhập số đó.",
                           "Images already in the folder are read too; one scanned before is skipped. A ballot the "
                           "machine is not sure of keeps its number, for a person to enter by hand."),
    "count.scanner.no_folder": ("Không có thư mục {folder}", "No folder {folder}"),
    "count.scanner.pass_first": ("Chọn lượt nhập của máy này trước (F8): máy quét nhập vào lượt đó",
                                 "Choose this terminal's pass first (F8): the scanner enters that pass"),
    "count.scanner.status": ("Máy quét (lượt {pass_no}): {entered} phiếu đã nhập, {queued} chờ xem lại, {refused} bị "
                             "trả lại", "Scanner (pass {pass_no}): {entered} ballots entered, {queued} to review, "
                             "{refused} refused"),
    "count.scanner.watching": ("Máy quét đang theo dõi {folder}", "The scanner is watching {folder}"),
    "count.scanner.stopped": ("Máy quét đã dừng", "The scanner has stopped"),
    "count.scanner.pin": ("PIN của {role}, để máy quét ghi phiếu vào dữ liệu:",
                          "The PIN of the {role}, for the scanner to write the ballots to the store:"),
    "count.scanner.failed": ("Máy quét không chạy: {why}", "The scanner did not run: {why}"),
}

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
}

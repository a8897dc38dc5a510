"""Texts of a terminal itself: its PIN, the store worker's waits and failures, serving in a browser."""

TEXT: dict[str, tuple[str, str]] = {
    # the PIN that opens a role's screen
    "pin.title": ("Mã PIN của {role}", "The {role} PIN"),
    "pin.label": ("Nhập mã PIN để mở màn hình này", "Type the PIN to open this screen"),
    "pin.asked": ("Máy trạm này vừa được đặt mã PIN. Nhập mã để tiếp tục: thao tác vừa rồi sẽ được ghi sau khi mã "
                  "đúng (Esc: bỏ qua thao tác).",
                  "A PIN was set for this terminal. Type it to go on: what you just did is saved once the PIN is "
                  "right (Esc: drop it)."),
    # the store worker: what a screen says while the store is busy or refuses a write
    "store.waiting": ("Đang chờ máy khác ghi xong vào kho dữ liệu…", "Waiting for another terminal to finish writing…"),
    "store.dropped": ("{n} thao tác nhập sau đó chưa được ghi: hãy nhập lại.",
                      "The {n} entries typed after it were not saved either: enter them again."),
    "store.lock_timeout": ("Một máy khác giữ kho dữ liệu quá {seconds} giây: chưa ghi gì; hãy thử lại.",
                           "Another terminal held the store for more than {seconds} s: nothing was saved; try again."),
    "store.os_error": ("Không ghi được vào kho dữ liệu {path}: {reason}", "Cannot write to the store {path}: {reason}"),
    "store.write_failed": ("Không ghi được vào kho dữ liệu {path}, chưa có gì thay đổi: {reason}",
                           "The write to the store {path} failed, nothing was changed: {reason}"),
    "store.replaced": ("Kho dữ liệu {path} đã bị thay thế hoặc bị cắt ngắn trong khi máy này đang mở (khôi phục, chuyển "
                       "định dạng, hoặc bị sửa): hãy mở lại và chạy run.py verify",
                       "The store {path} was replaced or cut short while this terminal had it open (a restore, a "
                       "migration, or an edit): open it again and run run.py verify"),
    "store.backup_failed": ("Đã ghi vào kho dữ liệu, nhưng chưa sao lưu được: {problem}",
                            "Saved in the store, but the backup copy failed: {problem}"),
    "store.witness_disagrees": ("Kho dữ liệu không còn bắt đầu bằng những gì bản chứng {path} đã ghi: lịch sử của kho đã "
                                "bị viết lại hoặc bị cắt ngắn; bản chứng được giữ nguyên",
                                "The store no longer starts with what the witness {path} holds: its history was "
                                "rewritten or cut short; the witness is kept as it is"),
    "store.nothing_to_restore": ("Kho dữ liệu {path} nguyên vẹn và khớp với các bản sao lưu: không có gì để khôi phục "
                                 "(không bao giờ thay bằng một bản cũ hơn)",
                                 "The store {path} verifies and agrees with its backups: nothing to restore (it is "
                                 "never replaced by an older copy)"),
    "store.old_format": ("Kho dữ liệu {path} ở định dạng cũ của runsheet: chuyển sang định dạng mới bằng "
                         "python3 run.py migrate --db {path} (tệp cũ được giữ lại)",
                         "The store {path} is in runsheet's earlier format: turn it into the current one with "
                         "python3 run.py migrate --db {path} (the old file is kept)"),
    "store.disk_full": ("ổ đĩa đã đầy", "the disk is full"),
    "store.no_permission": ("không có quyền ghi vào thư mục", "no permission to write in the folder"),
    "store.read_only": ("thư mục chỉ cho đọc", "the folder is read-only"),
    "store.unexpected": ("Lỗi không lường trước ({kind}): {problem}. Màn hình vẫn hoạt động; hãy báo cho người phụ "
                         "trách kỹ thuật.", "Unexpected error ({kind}): {problem}. The screen carries on; tell "
                         "whoever looks after the computers."),
    "store.sync_failed": ("Không đọc được dữ liệu mới của các máy khác: {problem}",
                          "Cannot read the other terminals' new entries: {problem}"),
    # run.py serve
    "serve.warning": ("run.py serve: cảnh báo: đang mở trên {host}:{port} mà không có xác thực: bất kỳ ai trong mạng mở "
                      "địa chỉ này đều có máy trạm này; hãy đặt mã PIN cho các vai trò (run.py pin --db {db} ROLE PIN)",
                      "run.py serve: warning: serving on {host}:{port} with no authentication: anyone on the network who "
                      "opens it gets this terminal; give the roles PINs (run.py pin --db {db} ROLE PIN)"),
    "serve.port": ("cổng {port} không hợp lệ (1–65535)", "port {port} is not valid (1–65535)"),
    "serve.listen": ("không mở được {host}:{port}: {reason}", "cannot listen on {host}:{port}: {reason}"),
}

"""Texts of a terminal itself: its PIN, the store worker's waits and failures, serving in a browser."""

TEXT: dict[str, tuple[str, str]] = {
    # the PIN that opens a role's screen
    "pin.title": ("Mã PIN của {role}", "The {role} PIN"),
    "pin.label": ("Nhập mã PIN để mở màn hình này", "Type the PIN to open this screen"),
    "pin.asked": ("Máy trạm này vừa được đặt mã PIN. Nhập mã để tiếp tục: thao tác vừa rồi sẽ được ghi sau khi mã "
                  "đúng (Esc: bỏ qua thao tác).",
                  "A PIN was set for this terminal. Type it to go on: what you just did is saved once the PIN is "
                  "right (Esc: drop it)."),
    "pin.checking": ("Đang kiểm tra mã PIN…", "Checking the PIN…"),
    "pin.waiting": ("Đã nhập sai {n} lần: mã PIN sẽ được kiểm tra sau {seconds} giây…",
                    "{n} wrong PINs: this one is checked in {seconds} s…"),
    # the sign-in of a browser tab: its role first, then that role's PIN
    "signin.title": ("Đăng nhập máy trạm", "Sign in to this terminal"),
    "signin.choose": ("Chọn vai trò của máy trạm này (↑/↓, Enter; q: thoát)",
                      "Choose this terminal's role (↑/↓, Enter; q: leave)"),
    "signin.every": ("Mọi màn hình (mã PIN của Chủ tọa)", "Every screen (the chair's PIN)"),
    "signin.has_pin": ("cần mã PIN", "PIN needed"),
    "signin.no_pin": ("chưa đặt mã PIN", "no PIN set"),
    # what the chair is told of wrong PINs
    "pin.wrong_notice": ("Cảnh báo: có người nhập sai mã PIN của {role} tại máy {terminal} lúc {time}",
                         "Warning: a wrong {role} PIN was given on terminal {terminal} at {time}"),
    "pin.wrong_count": ("⚠ Sai mã PIN: {n} lần", "⚠ Wrong PINs: {n}"),
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
    "serve.no_pin": ("không mở ra ngoài máy này ({host}:{port}) khi các vai trò sau chưa có mã PIN: {roles}; hãy đặt mã "
                     "PIN (run.py pin --db {db} ROLE), hoặc thêm --allow-no-pin nếu chấp nhận rủi ro",
                     "will not serve beyond this machine ({host}:{port}) while these roles have no PIN: {roles}; give "
                     "them PINs (run.py pin --db {db} ROLE), or add --allow-no-pin to take the risk"),
    "serve.refused": ("run.py serve: đã từ chối một kết nối từ trang {origin} (địa chỉ {host}): không phải trang của "
                      "máy chủ này", "run.py serve: refused a connection from the page {origin} (address {host}): not "
                      "a page of this server"),
    "serve.port": ("cổng {port} không hợp lệ (1–65535)", "port {port} is not valid (1–65535)"),
    "serve.listen": ("không mở được {host}:{port}: {reason}", "cannot listen on {host}:{port}: {reason}"),
}

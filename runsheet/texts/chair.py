"""Texts of the chair's screen: the tags under the step, votes and election rounds, an ad-hoc step inserted, the
confirmations' buttons."""

TEXT: dict[str, tuple[str, str]] = {
    # the tags under the step
    "tag.election": ("{title}: bầu {seats} trong số {n} đồng chí", "{title}: {seats} to elect of {n}"),
    "tag.motion": ("Biểu quyết: {title}", "Vote: {title}"),
    "tag.speeches": ("Phát biểu: tối đa {m} phút mỗi ý kiến", "Speeches: {m} min each at most"),
    "tag.motion_result": ("Kết quả: {for}/{d} tán thành ({pct}%) — {verdict}", "Result: {for} of {d} for ({pct}%) — {verdict}"),
    "tag.round_open": ("Vòng {round}: đang kiểm phiếu", "Round {round}: counting"),
    "tag.round_closed": ("Vòng {round}: đã kiểm xong — nhấn c để công bố", "Round {round}: counted — press c to publish"),
    "tag.round_published": ("Vòng {round}: đã công bố kết quả", "Round {round}: result published"),
    "tag.next_round": ("Còn thiếu {n} người — nhấn b để mở vòng {round}", "{n} seats unfilled — press b for round {round}"),
    # votes and election rounds
    "chair.no_motion": ("Bước này không có nội dung biểu quyết", "This step carries no vote"),
    "chair.no_election_left": ("Không còn cuộc bầu cử nào cần mở vòng bầu", "No election has a round left to open"),
    "chair.nothing_to_publish": ("Không có kết quả kiểm phiếu nào chờ công bố", "No closed count is waiting to be published"),
    "chair.off_step_q": ("Bước đang diễn ra «{step}» không phải bước của cuộc bầu «{title}». Vẫn mở vòng {round}?",
                         "The step now running, “{step}”, is not the step of “{title}”. Open round {round} all the same?"),
    "chair.no_step": ("đại hội chưa bắt đầu", "the congress has not started"),
    "round.off_step_opened": ("LƯU Ý: bước đang diễn ra «{step}» không phải bước của cuộc bầu «{title}»; vòng {round} "
                              "vẫn được mở",
                              "NOTE: the step now running, “{step}”, is not the step of “{title}”; round {round} is "
                              "opened all the same"),
    "chair.round_list": ("Danh sách: {names} — bầu {seats} trong số {n} đồng chí",
                         "The list: {names} — {seats} to elect of {n}"),
    "chair.runoff": ("Bầu lại trong số các đồng chí bằng phiếu nhau: {names} — bầu {seats} trong số {n}",
                     "A runoff among those tied: {names} — {seats} to elect of {n}"),
    "chair.unfilled": ("Bầu bổ sung {seats} người còn thiếu, trong số: {names} ({n} đồng chí). Danh sách khác: "
                       "run.py round candidates",
                       "The {seats} unfilled seats, among: {names} ({n}). Another list: run.py round candidates"),
    "chair.speech_ended": ("Đã kết thúc phần phát biểu của {name} (chuyển bước)",
                           "{name}'s speech ended with the step"),
    "app.clock_back": ("Đồng hồ của máy tính đã lùi {minutes} phút lúc {time}. Các bước vẫn giữ đúng thứ tự; đồng hồ "
                         "bấm giờ đứng yên cho đến khi giờ máy trở lại mốc đó. Hãy kiểm tra lại giờ của máy.",
                         "The computer's clock went back {minutes} minutes at {time}. The steps keep their order; the "
                         "timers stand still until the clock reaches that time again. Check the computer's time."),
    "chair.typed_ahead": ("Phím gõ ngay sau khi đóng hộp thoại được bỏ qua", "Keys typed just after a dialog closed are ignored"),
    "chair.vote_label": ("Tán thành, không tán thành, không biểu quyết (cách nhau bởi dấu cách)",
                         "For, against, abstaining (separated by spaces)"),
    "chair.vote_hint": ("Chỉ đảng viên chính thức có mặt biểu quyết: {present} đồng chí. Ví dụ: {present} 0 0",
                        "Only official members present vote: {present}. For example: {present} 0 0"),
    "chair.vote_format": ("Cần ba số: tán thành, không tán thành, không biểu quyết", "Three numbers: for, against, abstaining"),
    "chair.open_title": ("Mở vòng {round}: {title}", "Open round {round}: {title}"),
    "chair.passes_label": ("Số lượt nhập phiếu (1 = nhập một lần; 2 hoặc 3 = nhập nhiều lần để đối chiếu)",
                           "Entry passes (1 = single entry; 2 or 3 = double or triple entry)"),
    "chair.publish_q": ("Công bố kết quả {title}?", "Publish the result of {title}?"),
    # an ad-hoc step inserted
    "insert.title": ("Chèn bước phát sinh", "Insert an ad-hoc step"),
    "insert.name": ("Nội dung", "Title"),
    "insert.minutes": ("Số phút", "Minutes"),
    "insert.who": ("Người trình bày", "Who speaks"),
    "insert.script": ("Lời dẫn (không bắt buộc)", "Words to read (optional)"),
    "insert.ok": ("Chèn (Ctrl+S)", "Insert (Ctrl+S)"),
    "insert.keys": ("Enter: sang ô tiếp theo, ở ô cuối thì chèn · Ctrl+S: chèn ngay · Esc: hủy",
                    "Enter: the next field, from the last it inserts · Ctrl+S: insert now · Esc: cancel"),
    # the confirmations' buttons, with their keys
    "dialog.yes": ("Có (c/y)", "Yes (y)"),
    "dialog.no": ("Không (k/n)", "No (n)"),
    "insert.bad_minutes": ("Số phút phải từ 1 đến 1440", "Minutes must be from 1 to 1440"),
    "insert.no_title": ("Cần nhập nội dung", "A title is needed"),
}

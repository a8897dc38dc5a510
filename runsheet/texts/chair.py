"""Texts of the chair's screen: the tags under the step, votes and election rounds, an ad-hoc step inserted."""

TEXT: dict[str, tuple[str, str]] = {
    # the tags under the step
    "tag.election": ("{title}: bầu {seats} trong số {n} đồng chí", "{title}: {seats} to elect of {n}"),
    "tag.motion": ("Biểu quyết: {title}", "Vote: {title}"),
    "tag.speeches": ("Phát biểu: tối đa {m} phút mỗi ý kiến", "Speeches: {m} min each at most"),
    "tag.motion_result": ("Kết quả: {for}/{d} tán thành ({pct}%) — {verdict}", "Result: {for} of {d} for ({pct}%) — {verdict}"),
    "tag.round_open": ("Vòng {round}: đang kiểm phiếu", "Round {round}: counting"),
    "tag.round_closed": ("Vòng {round}: đã kiểm xong — nhấn c để công bố", "Round {round}: counted — press c to publish"),
    "tag.round_published": ("Vòng {round}: đã công bố kết quả", "Round {round}: result published"),
    # votes and election rounds
    "chair.no_motion": ("Bước này không có nội dung biểu quyết", "This step carries no vote"),
    "chair.no_election": ("Bước này không có cuộc bầu cử", "This step carries no election"),
    "chair.vote_label": ("Tán thành, không tán thành, không biểu quyết (cách nhau bởi dấu cách)",
                         "For, against, abstaining (separated by spaces)"),
    "chair.vote_hint": ("Chỉ đảng viên chính thức có mặt biểu quyết: {present} đồng chí.",
                        "Only official members present vote: {present}."),
    "chair.vote_format": ("Cần ba số: tán thành, không tán thành, không biểu quyết", "Three numbers: for, against, abstaining"),
    "chair.open_title": ("Mở vòng bầu: {title}", "Open a round: {title}"),
    "chair.passes_label": ("Số lượt nhập phiếu (1 = nhập một lần; 2 hoặc 3 = nhập nhiều lần để đối chiếu)",
                           "Entry passes (1 = single entry; 2 or 3 = double or triple entry)"),
    "chair.publish_q": ("Công bố kết quả {title}?", "Publish the result of {title}?"),
    # an ad-hoc step inserted
    "insert.title": ("Chèn bước phát sinh", "Insert an ad-hoc step"),
    "insert.name": ("Nội dung", "Title"),
    "insert.minutes": ("Số phút", "Minutes"),
    "insert.who": ("Người trình bày", "Who speaks"),
    "insert.script": ("Lời dẫn (không bắt buộc)", "Words to read (optional)"),
    "insert.ok": ("Chèn", "Insert"),
    "insert.bad_minutes": ("Số phút phải từ 1 đến 1440", "Minutes must be from 1 to 1440"),
    "insert.no_title": ("Cần nhập nội dung", "A title is needed"),
}

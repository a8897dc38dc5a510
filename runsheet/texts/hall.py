"""Texts shown to the hall: the wall (projector) and the delegates' badges."""

TEXT: dict[str, tuple[str, str]] = {
    # the wall (projector)
    "wall.welcome": ("Kính chào các đồng chí đại biểu — Đại hội bắt đầu lúc {start}",
                     "Welcome — the meeting begins at {start}"),
    "wall.figures": ("Đảng viên chính thức có mặt: {present} / {d} · dự bị có mặt: {probationary} · cần quá nửa: {majority}",
                     "Present: {present} of {d} entitled to vote · probationary: {probationary} · majority: {majority}"),
    "wall.speaking": ("ĐANG PHÁT BIỂU", "NOW SPEAKING"),
    # badges
    "badge.title": ("Thẻ đại biểu", "Badges"),
    "badge.official": ("Đảng viên chính thức", "Member"),
    "badge.probationary": ("Đảng viên dự bị", "Probationary member"),
    "badge.delegate": ("Đại biểu chính thức", "Delegate"),
    "badge.alternate": ("Đại biểu dự khuyết", "Alternate delegate"),
    "badge.id": ("Mã", "ID"),
}

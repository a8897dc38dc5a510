"""A congress whose election lists many names (Vietnamese, every kind of diacritic), for the printed ballots and the
scanner's tests: made in a folder from a generated scenario and roster."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from runsheet.clock import FakeClock
from runsheet.commands import Session, create

VN = timezone(timedelta(hours=7))
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trịnh"]
MIDDLE = ["Văn", "Thị", "Đức", "Quốc", "Minh", "Thu", "Ngọc", "Xuân", "Hữu", "Thùy"]
GIVEN = ["Bình", "Hằng", "Thành", "Lợi", "Dũng", "Yến", "Quân", "Lộc", "Tuấn", "Ứng", "Ưng", "Khải", "Nguyệt", "Ỷ",
         "Thịnh", "Hưởng", "Ẩn", "Ơn", "Tường", "Giang", "Trọng", "Diệp", "Khuê", "Oanh"]


def names(count: int) -> list[str]:
    return [f"{FAMILY[i % len(FAMILY)]} {MIDDLE[(i // 3) % len(MIDDLE)]} {GIVEN[(i * 7) % len(GIVEN)]}"
            for i in range(count)]


def make_congress(folder: Path, candidates: int = 60, seats: int = 50, present: int | None = None) -> Session:
    """A store in folder with one election ("bch") of candidates names for seats, everyone official and present."""
    members = max(candidates, present or 0) + 5
    roster = folder / "roster.csv"
    roster.write_text("id,name,status,flags\n" + "".join(f"M{i:03d},{name},official,\n" for i, name in
                                                         enumerate(names(members), start=1)), encoding="utf-8")
    ids = ", ".join(f'"M{i:03d}"' for i in range(1, candidates + 1))
    scenario = folder / "scenario.toml"
    scenario.write_text(f"""[congress]
title = "Đại hội Đảng bộ Thử nghiệm lần thứ XX, nhiệm kỳ 2025–2030"
unit = "Đảng bộ Thử nghiệm"
parent = "Đảng bộ Khối các cơ quan tỉnh"
term = "2025–2030"
start = "07:30"
level = "base"

[[election]]
id = "bch"
title = "Bầu Ban Chấp hành Đảng bộ khóa XX"
kind = "committee"
seats = {seats}
candidates = [{ids}]
order = "listed"

[[step]]
id = "bau"
title = "Bầu cử"
minutes = 60
election = "bch"
""", encoding="utf-8")
    clock = FakeClock(datetime(2025, 6, 1, 7, 20, tzinfo=VN))
    session = create(str(folder / "congress.json"), str(scenario), str(roster), clock=clock, terminal="test:1",
                     congress_date="2025-06-01")
    for i in range(1, (present or members) + 1):
        session.attendance.check_in(f"M{i:03d}")
    return session

"""Three terminals on one store, each locked to its role, as at a congress: the desk checks members in, the chair
opens the round, the counting committee enters the ballots, and the chair's screen follows every figure live."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from runsheet.commands import Session, create

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def test_desk_and_counting_terminals_feed_the_chairs_screen(tmux, tmp_path):
    db = tmp_path / "congress.json"
    create(str(db), str(DATA / "mini.toml"), str(DATA / "mini-roster.csv"), terminal="setup")
    for role in ("chair", "desk", "counting"):
        tmux.open(role, f"{sys.executable} run.py --db {db} --role {role}", width=140 if role == "chair" else 120)
    tmux.wait_for("chair", "nhấn n")
    tmux.wait_for("desk", "Chưa đến")
    tmux.wait_for("counting", "Chưa có vòng bầu")

    # the chair steps to the election (step 4 of mini.toml); nobody is in the room yet
    for _ in range(4):
        tmux.keys("chair", "n")
    tmux.wait_for("chair", r"▶4\s+Bầu Chi ủy", r"Có mặt 0 chính thức · D = 3")

    # the desk finds members by id or by a name typed without diacritics
    for typed, shown in (("A1", r"✓ Nguyễn Văn Bình \(A1\)"), ("tran thi hoa", r"✓ Trần Thị Hoa \(A2\)"),
                         ("a3", r"✓ Lê Văn An \(A3\)")):
        tmux.keys("desk", typed, "Enter")
        tmux.wait_for("desk", shown)
    tmux.wait_for("chair", r"Có mặt 3 chính thức · D = 3")

    # the chair opens the round (one pass); the counting room sees it open
    tmux.keys("chair", "b")
    tmux.wait_for("chair", "Mở vòng 1: Bầu Chi ủy")
    tmux.keys("chair", "Enter")
    tmux.wait_for("chair", r"Vòng 1: đang kiểm phiếu")
    tmux.wait_for("counting", r"Phiếu số 1 \(phát ra 3\)")

    # three ballots; the names are numbered in ballot order: 1 Lê Văn An, 2 Nguyễn Văn Bình, 3 Trần Thị Hoa
    for number, struck in enumerate(("3", "3", "1"), start=1):
        tmux.keys("counting", struck, "Enter")
        tmux.wait_for("counting", rf"Đã ghi phiếu số {number}: gạch {struck}")

    screen = tmux.wait_for("chair", r"1\. Lê Văn An +\S+ +2 +66,67%", r"2\. Nguyễn Văn Bình +\S+ +3 +100,00%",
                           r"3\. Trần Thị Hoa +\S+ +1 +33,33%", r"Kết quả tạm thời — D = 3, cần 2 phiếu")
    assert "Có mặt 3 chính thức · D = 3" in screen
    for role in ("chair", "desk", "counting"):
        tmux.keys(role, "q")

    # every action was made by the terminal of its role, and the store agrees with the chair's screen
    session = Session(str(db))
    by_type = {}
    for event in session.log.events[1:]:
        by_type.setdefault(event.type, set()).add(event.role)
    assert by_type == {"step.started": {"chair"}, "member.attended": {"desk"}, "round.opened": {"chair"},
                       "ballot.entered": {"counting"}}
    votes = {c["name"]: c["votes"] for c in session.state.results("chi-uy")["candidates"]}
    assert votes == {"Lê Văn An": 2, "Nguyễn Văn Bình": 3, "Trần Thị Hoa": 1}

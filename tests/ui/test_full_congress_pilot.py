"""The demo congress from the first check-in to the closing, through the screens (desk, chair, secretary,
counting) with a few actions from the command line beside them, then both minutes from the command line."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from runsheet.ui.app import RunsheetApp
from runsheet.ui.screens.ask import AskScreen
from driving import press

ROOT = Path(__file__).resolve().parents[2]
PRESENT = ["DV01", "DV02", "DV03", "DV04", "DV06", "DV07", "DV09", "DV10", "DV11", "DV14", "DV17", "DV19", "DV12"]
# twelve official members present and one probationary (DV12); D = 16 - DV08 - DV05 - DV13 (excused) = 13
STRUCK = ["2", "5", "6", "6", "", "2", "6", "6", "5", "6", "2", "1 2 3 4 5 6"]  # chi-uy: 6 names, 5 seats


def cli(db: Path, *args: str) -> str:
    done = subprocess.run([sys.executable, str(ROOT / "run.py"), *args, "--db", str(db)], capture_output=True,
                          text=True, env={**os.environ, "PYTHONUTF8": "1"})
    assert done.returncode == 0, done.stderr
    return done.stdout


async def test_a_whole_congress_through_the_screens_then_both_minutes(session, clock, tmp_path):
    db = Path(session.path)
    app = RunsheetApp(session, clock=clock, poll=False, screen="desk")
    async with app.run_test(size=(140, 40)) as pilot:
        for member in PRESENT:  # the desk types each id and checks the member in
            await press(pilot, *member.lower(), "enter")
            clock.advance(seconds=15)
        assert session.state.figures().present_official == 12
        cli(db, "absent", "DV13", "--excused", "Đi công tác")
        cli(db, "officers", "presidium", "DV01", "DV02", "DV04")
        cli(db, "officers", "secretariat", "DV14", "DV10")
        cli(db, "officers", "counting", "DV07, Trưởng ban", "DV17", "DV19")
        await app.sync_now()
        assert session.state.figures().denominator == 13
        # the command line stamped its events with the host's clock: the screens' clock goes on from there (a clock
        # going back is not what this test is about; tests/hostile/test_clock.py is)
        clock.moment = max(clock.moment, session.log.events[-1].at.astimezone(clock.moment.tzinfo))

        await press(pilot, "f2")
        opening = clock.moment.replace(hour=7, minute=30, second=0)
        clock.moment = opening if opening > clock.moment else opening + timedelta(days=1)
        for step_id in list(session.state.agenda.order):
            await press(pilot, "n")
            step = session.state.agenda.run(step_id).step
            assert session.state.agenda.current == step_id
            if step.motion:
                await press(pilot, "v")
                assert isinstance(app.screen, AskScreen)
                await press(pilot, *"12 0 0", "enter")  # every official member present for
                assert session.state.last_motion(step.motion).adopted
            if step.speech_limit:
                await _speeches(pilot, app, session, clock)
            if step.election:
                await _election(pilot, app, session, clock, step.election)
            clock.advance(minutes=step.minutes)
        await press(pilot, "n", "y")  # after the last step: close the congress, confirmed
        assert session.state.agenda.ended

    out = tmp_path / "out"
    minutes = Path(cli(db, "minutes", "--out", str(out)).split()[1]).read_text(encoding="utf-8")
    for expected in ("Có mặt: 13 đồng chí (12 đảng viên chính thức, 1 đảng viên dự bị)", "(D): 13",
                     "Đoàn Thư ký: Phan Thị Hòa; Đặng Minh Đức", "Nguyễn Văn Khải, Phó Bí thư Đảng ủy Văn phòng",
                     "Đề nghị bổ sung chỉ tiêu", "| Nguyễn Văn Bình | 6 phút |",
                     "Thông qua Nghị quyết Đại hội: tán thành 12", "phiếu phát ra 12, thu vào 12, hợp lệ 10",
                     "Trúng cử: Trần Mạnh Hùng.", "Đại hội bế mạc lúc"):
        assert expected in minutes, expected
    paths = cli(db, "counting-minutes", "chi-uy", "--out", str(out)).split()
    counted = Path(next(p for p in paths if p.endswith("bien-ban-kiem-phieu.md"))).read_text(encoding="utf-8")
    assert "Số phiếu phát ra: 12 phiếu." in counted and "Vũ Đức Thanh – Trưởng ban" in counted
    digest = next(line for line in counted.splitlines() if line.startswith("`RSD1|")).strip("`")
    assert "✓ KHỚP" in cli(db, "verify", "--digest", digest)


async def _speeches(pilot, app, session, clock) -> None:
    await press(pilot, "f1")
    await press(pilot, *"dv03", "enter")
    await press(pilot, *"Nguyễn Văn Khải, Phó Bí thư Đảng ủy Văn phòng", "enter")
    await press(pilot, "f5")
    clock.advance(minutes=6)
    await app.sync_now()
    await press(pilot, "f8")
    await press(pilot, *"Đề nghị bổ sung chỉ tiêu", "ctrl+s")
    await press(pilot, "f5")  # the guest gets the floor; the first speech ends
    clock.advance(minutes=4)
    await press(pilot, "f7")
    speeches = session.state.speeches.of_step(session.state.agenda.current)
    assert [(s.status, s.notes) for s in speeches] == [("done", "Đề nghị bổ sung chỉ tiêu"), ("done", "")]
    await press(pilot, "f2")


async def _election(pilot, app, session, clock, election: str) -> None:
    await press(pilot, "b")
    assert isinstance(app.screen, AskScreen)
    await press(pilot, "enter")  # one pass
    record = session.state.current_round(election)
    assert record is not None and record.issued == 12
    await press(pilot, "f4")
    for number in range(record.issued):
        typed = STRUCK[number] if election == "chi-uy" else ("1" if number == 3 else "")
        await press(pilot, *typed, "enter")
        clock.advance(seconds=20)
    assert record.entered(1) == 12
    await press(pilot, "f10", *"12", "enter")
    assert session.state.current_round(election).closed is not None
    await press(pilot, "f2", "c", "y")
    assert session.state.current_round(election).published

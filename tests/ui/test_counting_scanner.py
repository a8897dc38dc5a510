"""The counting screen's scanner key (issue 15) through the pilot, with a real child process and a real folder: ctrl+o
watches the folder for this terminal's pass, the ballots dropped into it are entered and counted on the screen,
ctrl+o again stops it; without the scan extra the child's refusal is shown and the screen stays up."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest

from runsheet.cli.ballot_papers import round_paper
from runsheet.reports.ballot import ballot_pdf, layout
from runsheet.scan.template import build
from runsheet.ui.screens.ask import AskScreen
from runsheet.ui.screens.counting import CountingScreen
from test_counting import app_for, choose_pass, readings, text

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scan"))
from corpus import make_ballot  # the scan tests' generator of struck, scanned ballots

SIZE = (140, 40)
COMMITTEE = ["DV01", "DV02", "DV03", "DV04", "DV06", "DV07", "DV09", "DV10", "DV11", "DV13", "DV14", "DV17"]


@pytest.fixture
def counting(session):
    session.attendance.attend(COMMITTEE)
    session.voting.open_round("chi-uy", passes=2)
    return session


async def until(pilot, condition, seconds: float = 90) -> None:
    """Wait (the child reads in its own time) until condition() holds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not condition():
        assert loop.time() < deadline, "waited too long"
        await pilot.pause(0.1)


def ballot_images(session, folder: Path) -> None:
    """Two ballots of the open round, printed (A4, the scanner's default), struck and scanned, saved as the scanner
    saves them."""
    state = session.state
    paper = round_paper(state, "chi-uy")
    template = build(ballot_pdf(state, paper, "A4", "vi"), layout(paper, "A4"))
    rng = np.random.default_rng(16)
    for n, struck in enumerate(({2}, {1, 5}), start=1):
        image = make_ballot(template, rng, "plain", struck).image
        (folder / f"scan-{n}.part").write_bytes(cv2.imencode(".png", image)[1].tobytes())
        (folder / f"scan-{n}.part").rename(folder / f"scan-{n}.png")  # "scan to folder": the file appears whole


def status(app) -> str:
    return text(app, "#scanner-status")


async def test_the_scanner_enters_this_pass_from_a_watched_folder(counting, clock, tmp_path):
    app = app_for(counting, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert screen.check_action("scanner", ()) and not screen.query_one("#scanner-status").display
        await pilot.press("ctrl+o")
        assert "Chọn lượt nhập của máy này trước" in text(app, "#count-feedback")  # the pass, first
        await choose_pass(pilot, 2)
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, AskScreen)
        folder = tmp_path / "scans-in"  # offered: beside the store, made when chosen
        assert app.screen.query_one("#answer").value == str(folder) and not folder.exists()
        await pilot.press("enter")
        await until(pilot, lambda: "Máy quét đang theo dõi" in status(app) and screen.scanner.running)
        proc = screen.scanner.proc
        args = proc.args
        assert (args[args.index("--watch") + 1], args[args.index("--pass") + 1]) == (str(folder), "2")
        await until(pilot, lambda: "Đang theo dõi thư mục" in text(app, "#count-feedback"))

        ballot_images(counting, folder)
        await until(pilot, lambda: "2 phiếu đã nhập, 0 chờ xem lại, 0 bị trả lại" in status(app))
        assert "Máy quét (lượt 2)" in status(app)
        await app.sync_now()  # what the poll of the store does
        assert {n: set(r.struck) for n, r in readings(counting, 2).items()} == {1: {2}, 2: {1, 5}}
        assert "Phiếu số 3" in text(app, "#ballot-no") and "Đã nhập (lượt 2): 2" in text(app, "#reconcile")
        assert counting.state.current_round("chi-uy").clerks[2][1] == "scanner"

        await pilot.press("f5")  # a dialog over the screen does not stop it
        assert isinstance(app.screen, AskScreen)
        await pilot.press("escape")
        await pilot.pause(0.5)
        assert screen.scanner.running and proc.poll() is None

        await pilot.press("ctrl+o")  # stops it
        await until(pilot, lambda: not screen.scanner.running)
        assert proc.returncode == 0 and "Máy quét đã dừng" in status(app)
        assert "2 phiếu đã nhập" in status(app)  # the counts stay
        assert isinstance(app.screen, CountingScreen)


async def test_without_the_scan_extra_the_refusal_is_shown_and_the_screen_stays(counting, clock, tmp_path,
                                                                                 monkeypatch):
    fake = tmp_path / "no-opencv" / "cv2"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise ImportError('No module named cv2', name='cv2')\n", encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(fake.parent))
    app = app_for(counting, clock, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await choose_pass(pilot, 2)
        await pilot.press("ctrl+o", "enter")
        screen = app.screen
        await until(pilot, lambda: "did not run" in status(app))
        assert "runsheet[scan]" in status(app) and "run.py: error" not in status(app)
        assert not screen.scanner.running and isinstance(app.screen, CountingScreen)
        assert screen.check_action("scanner", ())  # may be tried again once installed


async def start_watching(pilot, app):
    """ctrl+o, the folder offered accepted: the screen and its scanner's child process, once it watches."""
    await pilot.press("ctrl+o", "enter")
    screen = app.screen
    await until(pilot, lambda: "Đang theo dõi thư mục" in text(app, "#count-feedback"))
    return screen, screen.scanner.proc


async def test_leaving_the_app_stops_the_scanner(counting, clock):
    app = app_for(counting, clock)
    async with app.run_test(size=SIZE) as pilot:
        await choose_pass(pilot, 1)
        screen, proc = await start_watching(pilot, app)
    assert proc.wait(timeout=30) == 0


async def test_no_scanner_key_on_a_round_of_one_pass(session, clock):
    session.attendance.attend(COMMITTEE)
    session.voting.open_round("chi-uy")
    app = app_for(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        assert not app.screen.check_action("scanner", ())
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, CountingScreen) and not app.screen.scanner.running


async def test_a_role_with_a_pin_hands_it_to_the_scanner(counting, clock, tmp_path, monkeypatch):
    monkeypatch.delenv("RUNSHEET_PIN", raising=False)
    counting.roles.set_pin("chair", "2468")  # set here: this terminal stays open, the scanner's process needs it
    app = app_for(counting, clock)
    async with app.run_test(size=SIZE) as pilot:
        await choose_pass(pilot, 2)
        await pilot.press("ctrl+o", "enter")
        assert isinstance(app.screen, AskScreen) and app.screen.query_one("#answer").password
        await pilot.press(*"2468", "enter")
        screen = app.screen
        await until(pilot, lambda: "Đang theo dõi thư mục" in text(app, "#count-feedback"))
        assert "2468" not in " ".join(screen.scanner.proc.args)  # in its environment, not on its command line
        ballot_images(counting, tmp_path / "scans-in")
        await until(pilot, lambda: "2 phiếu đã nhập" in status(app))
        await pilot.press("ctrl+o")
        await until(pilot, lambda: not screen.scanner.running)


async def test_going_to_another_screen_stops_the_scanner(counting, clock):
    app = app_for(counting, clock)
    async with app.run_test(size=SIZE) as pilot:
        await choose_pass(pilot, 1)
        screen, proc = await start_watching(pilot, app)
        await pilot.press("f2")  # the chair's screen
        assert app.screen is not screen
        await until(pilot, lambda: not screen.scanner.running)
        assert proc.returncode == 0


async def test_the_scanners_lines_show_hostile_file_names_as_typed(counting, clock):
    """A file or folder named like markup, as the child reports it: shown as typed, the screen stays up."""
    app = app_for(counting, clock)
    async with app.run_test(size=SIZE) as pilot:
        await choose_pass(pilot, 1)
        screen = app.screen
        screen._scanner_counts = {"entered": 0, "queued": 0, "refused": 0, "skipped": 0}  # as a started scanner's
        screen._scanner_told({"watching": "/tmp/[bold]in[/]", "message": "theo dõi /tmp/[bold]in[/]"})
        await pilot.pause()
        assert "[bold]in[/]" in status(app)
        screen._scanner_told({"file": "/tmp/[bold]x[red].png", "page": 1, "refused": "không đọc được mã QR [/]"})
        await pilot.pause()
        assert "[bold]x[red].png" in text(app, "#count-feedback") and "mã QR [/]" in text(app, "#count-feedback")
        assert app.is_running and app.screen is screen

"""The review of the ballots the scanner queued, on the counting screen (issue 15, item 3): the stack printed, struck
and read by `ballots scan` as pass 2 (ballot 2 in doubt on line 4, ballot 4 on line 6); the clerk entering pass 2
sees how many wait, Ctrl+R shows the next one (its picture, the full image's path, the machine's reading with the
line in doubt marked), Enter accepts the machine's reading, typed numbers correct it, F5 makes it invalid, Esc
leaves it for later."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import scanned_ballots
from conftest import demo_session
from driving import elect_committee, press

from runsheet.rules.election import Queued, Reading
from runsheet.ui.app import RunsheetApp
from runsheet.ui.screens.counting import CountingScreen
from runsheet.ui.screens.scan_review import ScanReviewScreen
from runsheet.ui.widgets.ballot_image import BallotImage

SIZE = (120, 36)
COMMITTEE = ["DV01", "DV02", "DV03", "DV04", "DV06", "DV07", "DV09", "DV10", "DV11", "DV13", "DV14", "DV17"]
E = scanned_ballots.E


def open_count(session) -> None:
    session.attendance.attend(COMMITTEE)
    session.voting.open_round(E, passes=2)


@pytest.fixture
def scanned(session, tmp_path):
    open_count(session)
    scanned_ballots.scan(session, tmp_path)
    return session


def app_for(session, clock, lang=None) -> RunsheetApp:
    return RunsheetApp(session, lang=lang, clock=clock, poll=False, screen="counting")


def text(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


def record(session):
    return session.state.current_round(E)


def entered(session, pass_no=2) -> dict:
    return record(session).readings.get(pass_no, {})


async def on_pass(pilot, n: int) -> None:
    await press(pilot, "f8", "backspace", str(n), "enter")


async def test_the_waiting_ballots_are_counted_and_enter_accepts_the_machines_reading(scanned, clock):
    app = app_for(scanned, clock)
    async with app.run_test(size=SIZE) as pilot:
        assert "2 chờ xem lại" in text(app, "#reconcile")  # every terminal sees the scanner's pass waiting
        assert not app.screen.query_one("#review-waiting").display  # pass 1 has none
        await on_pass(pilot, 2)
        assert "2 phiếu máy quét chưa chắc chờ xem lại" in text(app, "#review-waiting")
        await press(pilot, "ctrl+r")
        assert isinstance(app.screen, ScanReviewScreen)
        assert "Xem lại phiếu số 2 · lượt 2" in text(app, "#review-title") and "dòng 4" in text(app, "#review-title")
        reading = text(app, "#review-reading")
        assert "Máy đọc: 2 6" in reading and "4. Trần Mạnh Hùng  ◀ máy chưa chắc" in reading
        image = app.screen.query_one(BallotImage)
        assert image.grey.width == 160 and "▀" in str(image.render())
        kept = record(scanned).scans[2][2].image
        assert f"congress.json.scans/chi-uy-1/{kept}.png" in text(app, "#review-path").replace("\n", "")
        await press(pilot, "enter")
        assert isinstance(app.screen, CountingScreen)
        assert entered(scanned)[2].struck == {2, 6}
        last = scanned.log.events[-1]
        assert last.type == "ballot.entered" and last.terminal == "test:1" and not last.payload.scanner
        assert "Phiếu số 2: đã nhận cách máy đọc" in text(app, "#count-feedback")
        assert "1 phiếu máy quét chưa chắc" in text(app, "#review-waiting")


async def test_typed_numbers_correct_the_reading_and_f5_makes_it_invalid(scanned, clock):
    app = app_for(scanned, clock)
    async with app.run_test(size=SIZE) as pilot:
        await on_pass(pilot, 2)
        await press(pilot, "ctrl+r", "2", "space", "4", "space", "6")
        assert "Đồng chí đọc: 2 4 6" in text(app, "#review-reading")
        await press(pilot, "enter")
        assert entered(scanned)[2].struck == {2, 4, 6}
        assert "Đã ghi phiếu số 2" in text(app, "#count-feedback")
        await press(pilot, "ctrl+r")  # the next: ballot 4
        assert "phiếu số 4" in text(app, "#review-title")
        await press(pilot, "f5", "2", "enter")
        assert entered(scanned)[4].invalid == "written_in"
        assert not app.screen.query_one("#review-waiting").display
        assert app.screen.check_action("review", ()) is None  # none left: the key dimmed, and does nothing
        await press(pilot, "ctrl+r")
        assert isinstance(app.screen, CountingScreen)
        app.screen.action_review()  # (from the palette)
        assert "không còn phiếu máy quét nào" in text(app, "#count-feedback")


async def test_escape_leaves_it_queued_and_the_key_moves_on(scanned, clock):
    app = app_for(scanned, clock)
    async with app.run_test(size=SIZE) as pilot:
        await on_pass(pilot, 2)
        events = len(scanned.log.events)
        await press(pilot, "ctrl+r", "escape")
        assert isinstance(app.screen, CountingScreen) and len(scanned.log.events) == events
        assert record(scanned).to_review(2) == [2, 4]
        assert "Phiếu số 2 để xem sau; còn 2 phiếu" in text(app, "#count-feedback")
        await press(pilot, "ctrl+r")
        assert "phiếu số 4" in text(app, "#review-title")
        await press(pilot, "escape", "ctrl+r")
        assert "phiếu số 2" in text(app, "#review-title")  # round again to the first


async def test_a_missing_preview_is_said_and_the_ballot_still_entered(scanned, clock, tmp_path):
    shutil.rmtree(Path(f"{scanned.path}.scans") / "chi-uy-1" / "previews")
    app = app_for(scanned, clock, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await on_pass(pilot, 2)
        assert "Ballots the scanner was not sure of, waiting for review: 2" in text(app, "#review-waiting")
        await press(pilot, "ctrl+r")
        assert "No preview of this ballot" in text(app, "#review-missing")
        assert not app.screen.query(BallotImage)
        assert "The machine read: 2 6" in text(app, "#review-reading")
        await press(pilot, "enter")
        assert entered(scanned)[2].struck == {2, 6}


async def test_a_ballot_entered_meanwhile_is_refused_in_the_dialog(scanned, clock):
    app = app_for(scanned, clock)
    async with app.run_test(size=SIZE) as pilot:
        await on_pass(pilot, 2)
        await press(pilot, "ctrl+r")
        other = scanned.__class__(scanned.path, terminal="other")  # another clerk's terminal enters it first
        other.voting.enter_reviewed(E, 2, Reading(frozenset({2})), 2)
        await press(pilot, "enter")
        assert isinstance(app.screen, ScanReviewScreen)  # the dialog stays, saying why
        assert "không chờ xem lại ở lượt 2" in text(app, "#error")
        assert entered(scanned)[2].struck == {2}


async def test_the_key_shows_only_once_the_scanner_has_queued(session, clock, tmp_path):
    open_count(session)
    app = app_for(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        assert app.screen.check_action("review", ()) is False  # no scanner here: not in the key bar
        await on_pass(pilot, 1)
    scanned_ballots.scan(session, tmp_path)
    app = app_for(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert screen.check_action("review", ()) is None  # this terminal's pass 1 has none waiting: shown dimmed
        await on_pass(pilot, 2)
        assert screen.check_action("review", ()) is True
        binding = next(b for b in screen.BINDINGS if b.id == "counting.review")
        assert binding.key == "ctrl+r" and "Enter nhận" in binding.tooltip


def test_review_dialog_snapshot(snap_compare, clock, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the store named relatively: the image's path is the same on every run
    session = demo_session(Path("congress.json"), clock)
    open_count(session)
    scanned_ballots.scan(session, Path("."))

    async def review(pilot):
        await on_pass(pilot, 2)
        await press(pilot, "ctrl+r")

    assert snap_compare(app_for(session, clock), terminal_size=(100, 32), run_before=review)


async def test_the_approve_form_without_a_kept_image(session, clock):
    """A single-name ballot (the approve form) queued with its reading but no image: said plainly, Enter agrees."""
    session.attendance.attend(COMMITTEE)
    elect_committee(session)
    session.voting.open_round("bi-thu", passes=2)
    scanner = session.__class__(session.path, terminal="scanner", clock=clock)
    scanner.voting.enter_scanned("bi-thu", [(Queued((1,), Reading()), None)], 2)
    session.sync()
    app = app_for(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await on_pass(pilot, 2)
        await press(pilot, "ctrl+r")
        assert "Máy đọc: đồng ý tất cả" in text(app, "#review-reading")
        assert "không có ảnh lưu" in text(app, "#review-path")
        assert "Không có ảnh xem trước" in text(app, "#review-missing")
        await press(pilot, "enter")
        assert session.state.current_round("bi-thu").readings[2][1] == Reading()

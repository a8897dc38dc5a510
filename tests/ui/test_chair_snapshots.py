"""What the chair sees, as SVG snapshots (review changes with `run.py test --snapshot-update` + the report)."""

from __future__ import annotations

from runsheet.ui.app import RunsheetApp
from driving import press

SIZE = (130, 36)


def mid_congress(make_session, tmp_path, clock, lang=None, files=("scenarios/chi-bo.toml", "data/demo-roster.csv")):
    """07:30 start; the first step ran 2 minutes late, the second runs into its warning phase."""
    session = make_session(tmp_path / "c.json", *files)
    members = [m.id for m in session.state.roster][:-3]
    session.attendance.attend(members)
    clock.advance(minutes=12)  # 07:32
    session.agenda.next_step()
    clock.advance(minutes=3)
    session.agenda.next_step()
    clock.advance(minutes=3, seconds=25)
    return RunsheetApp(session, lang=lang, clock=clock, poll=False)


def test_chair_vietnamese(snap_compare, make_session, tmp_path, clock):
    assert snap_compare(mid_congress(make_session, tmp_path, clock), terminal_size=SIZE)


def test_chair_english_interface(snap_compare, make_session, tmp_path, clock):
    assert snap_compare(mid_congress(make_session, tmp_path, clock, lang="en"), terminal_size=SIZE)


def test_chair_english_scenario(snap_compare, make_session, tmp_path, clock):
    app = mid_congress(make_session, tmp_path, clock, files=("scenarios/agm.toml", "data/agm-roster.csv"))
    assert snap_compare(app, terminal_size=SIZE)


def test_chair_overtime_and_paused_at_80x24(snap_compare, make_session, tmp_path, clock):
    app = mid_congress(make_session, tmp_path, clock)
    clock.advance(minutes=2)
    app.session.agenda.pause()
    assert snap_compare(app, terminal_size=(80, 24))


def test_insert_dialog(snap_compare, make_session, tmp_path, clock):
    async def open_dialog(pilot):
        await press(pilot, "i")
        await press(pilot, *"Đọc thư chúc mừng")

    assert snap_compare(mid_congress(make_session, tmp_path, clock), terminal_size=SIZE, run_before=open_dialog)


def test_chair_light_theme_warning(snap_compare, make_session, tmp_path, clock):
    async def light(pilot):
        pilot.app.theme = "textual-light"
        await pilot.pause()

    assert snap_compare(mid_congress(make_session, tmp_path, clock), terminal_size=SIZE, run_before=light)


def test_chair_light_theme_overtime(snap_compare, make_session, tmp_path, clock):
    async def light(pilot):
        pilot.app.theme = "textual-light"
        await pilot.pause()

    app = mid_congress(make_session, tmp_path, clock)
    clock.advance(minutes=2)
    assert snap_compare(app, terminal_size=SIZE, run_before=light)


def test_chair_at_200x60(snap_compare, make_session, tmp_path, clock):
    """The words take the width there is (issue 12, gap 6); the programme keeps readable titles."""
    assert snap_compare(mid_congress(make_session, tmp_path, clock), terminal_size=(200, 60))


def test_chair_at_80x24(snap_compare, make_session, tmp_path, clock):
    """The words in sight, the timer on one line, the keys that fit and the palette's (issue 12, defect 11)."""
    assert snap_compare(mid_congress(make_session, tmp_path, clock), terminal_size=(80, 24))


def test_confirmation_shows_its_keys(snap_compare, make_session, tmp_path, clock):
    async def skip(pilot):
        await press(pilot, "s")

    assert snap_compare(mid_congress(make_session, tmp_path, clock), terminal_size=SIZE, run_before=skip)


def test_vote_dialog_wraps_its_label_at_160x50(snap_compare, make_session, tmp_path, clock):
    async def vote(pilot):
        await press(pilot, "v")

    assert snap_compare(mid_congress(make_session, tmp_path, clock), terminal_size=(160, 50), run_before=vote)

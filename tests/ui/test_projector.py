"""The wall: read-only, large, showing figures only once read and results only once published."""

from __future__ import annotations

from runsheet.commands import Session
from runsheet.rules.election import Reading
from runsheet.ui.app import RunsheetApp
from runsheet.ui.screens.projector import ProjectorScreen
from driving import press
from screen_text import screen_lines

OFFICIALS = ["DV01", "DV02", "DV03", "DV04", "DV06", "DV07", "DV09", "DV10", "DV11", "DV13", "DV14", "DV17"]


def wall(session, clock) -> RunsheetApp:
    return RunsheetApp(Session(session.path, role="projector", clock=clock, terminal="wall"), clock=clock,
                       poll=False)


def shown(app, selector: str) -> bool:
    return app.screen.query_one(selector).display


async def test_the_projector_writes_nothing_whatever_is_pressed(session, clock):
    session.agenda.next_step()
    app = wall(session, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, ProjectorScreen)
        events = len(session.log.events)
        await press(pilot, "n", "p", "space", "plus", "s", "i", "v", "b", "c", "f2", "f3", "f4", "f5", "enter")
        assert isinstance(app.screen, ProjectorScreen)
        session.sync()
        assert len(session.log.events) == events
        # the screen defines no action of its own, and binds only the app's and Textual's own (focus, quit)
        from textual.screen import Screen

        assert [n for n in dir(ProjectorScreen) if n.startswith("action_") and not hasattr(Screen, n)] == []
        actions = {b.action for bs in app.screen._bindings.key_to_bindings.values() for b in bs}
        assert actions <= {"app.focus_next", "app.focus_previous", "app.quit", "screen.copy_text"}, actions


async def test_figures_once_the_report_is_read_and_results_once_published(session, clock):
    session.attendance.attend(OFFICIALS)
    app = wall(session, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        assert not shown(app, "#wall-figures") and not shown(app, "#wall-result-box")
        while session.state.agenda.current != "tinh-hinh-dang-vien":
            session.agenda.next_step()
        session.voting.open_round("chi-uy")
        for _ in OFFICIALS:
            session.voting.enter_ballot("chi-uy", Reading(frozenset({6})))
        session.voting.close_round("chi-uy")
        await app.sync_now()
        await pilot.pause()
        assert shown(app, "#wall-figures") and not shown(app, "#wall-result-box")  # closed is not published
        session.voting.publish_round("chi-uy")
        await app.sync_now()
        await pilot.pause()
        assert shown(app, "#wall-result-box")


def _published_scene(session, clock):
    session.attendance.attend(OFFICIALS)
    while session.state.agenda.current != "ket-qua-chi-uy":
        session.agenda.next_step()
    session.voting.open_round("chi-uy")
    for k in range(12):
        session.voting.enter_ballot("chi-uy", Reading(frozenset({(k % 6) + 1})))
    session.voting.close_round("chi-uy")
    session.voting.publish_round("chi-uy")
    clock.advance(minutes=3)
    return wall(session, clock)


def test_projector_snapshot_80x24(snap_compare, session, clock):
    assert snap_compare(_published_scene(session, clock), terminal_size=(80, 24))


def test_projector_snapshot_200x60(snap_compare, session, clock):
    assert snap_compare(_published_scene(session, clock), terminal_size=(200, 60))


# ---- a speech on the wall ------------------------------------------------------------------------------------------
def _speech_scene(session, clock, minutes: float = 5.5):
    """The discussion, Trần Văn Khách (a guest with a title) speaking for a while of the 7 minutes each."""
    session.attendance.attend(OFFICIALS)
    while session.state.agenda.current != "thao-luan":
        session.agenda.next_step()
    session.speaking.add_speaker("DV03")
    session.speaking.add_speaker("Trần Văn Khách", "Phó Bí thư Đảng ủy phường")
    session.speaking.start_speech()
    clock.advance(minutes=6)
    session.speaking.start_speech()
    clock.advance(minutes=minutes)
    return wall(session, clock)


async def test_a_speech_shows_the_speaker_and_its_countdown_then_the_calm_view(session, clock):
    app = _speech_scene(session, clock, minutes=2)
    async with app.run_test(size=(100, 30)) as pilot:
        speaker = app.screen.query_one("#wall-speaker")
        assert speaker.above.plain == "ĐANG PHÁT BIỂU" and speaker.text == "Trần Văn Khách"
        assert speaker.below.plain == "Phó Bí thư Đảng ủy phường"
        digits = app.screen.query_one("#wall-timer")
        assert digits.text == "05:00" and not digits.has_class("-warning")
        clock.advance(minutes=4)
        await app.sync_now()
        await pilot.pause()
        assert digits.text == "01:00" and digits.has_class("-warning")
        clock.advance(minutes=1, seconds=30)
        await app.sync_now()
        await pilot.pause()
        assert digits.text == "+00:30" and digits.has_class("-overtime")
        session.speaking.toggle_speech_pause()
        await app.sync_now()
        await pilot.pause()
        assert "TẠM DỪNG" in speaker.above.plain and digits.has_class("-paused")
        session.speaking.end_speech()
        await app.sync_now()
        await pilot.pause()
        assert not shown(app, "#wall-speaker")
        assert digits.text == "41:30"  # the step's own timer again: 55 minutes, 13:30 gone


def test_projector_speech_snapshot_80x24(snap_compare, session, clock):
    assert snap_compare(_speech_scene(session, clock), terminal_size=(80, 24))


def test_projector_speech_snapshot_200x60(snap_compare, session, clock):
    assert snap_compare(_speech_scene(session, clock, minutes=7.25), terminal_size=(200, 60))


async def test_q_quits_the_projector(session, clock):
    app = wall(session, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "q")
        await pilot.pause()
        assert not app.is_running


# ---- the wall fills the screen at any size -------------------------------------------------------------------------
async def _scales(session, clock, size) -> dict[str, int]:
    app = _speech_scene(session, clock, minutes=2)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        return {name: app.screen.query_one(f"#wall-{name}").scale for name in ("speaker", "timer")}


async def test_the_speaker_and_the_timer_grow_with_the_screen(make_session, tmp_path, clock):
    small = await _scales(make_session(tmp_path / "a.json"), clock, (80, 24))
    large = await _scales(make_session(tmp_path / "b.json"), clock, (200, 60))
    assert small["speaker"] >= 1 and small["timer"] >= 1  # the name in large letters even at 80 x 24
    assert large["speaker"] >= 2 and large["timer"] >= 3 * small["timer"]


async def test_at_200x60_the_wall_has_no_empty_band(session, clock):
    app = _speech_scene(session, clock, minutes=2)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        inked = [n for n, line in enumerate(screen_lines(app)) if line.strip()]
        assert inked[0] == 0 and inked[-1] == 59 and len(inked) > 40
        assert max(b - a for a, b in zip(inked, inked[1:])) <= 7  # no band of empty lines


# ---- the chair's message, a blank wall ------------------------------------------------------------------------------
async def test_the_chairs_message_flashes_then_stays_and_a_blank_wall_shows_nothing(session, clock):
    session.agenda.next_step()
    app = wall(session, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        assert not shown(app, "#wall-message")
        session.hall.message("Xin đồng chí kết thúc", flash=True)
        await app.sync_now()
        await pilot.pause()
        message = app.screen.query_one("#wall-message")
        assert shown(app, "#wall-message") and message.text == "Xin đồng chí kết thúc"
        flashes = set()
        for _ in range(4):
            clock.advance(seconds=1)
            app.tick()
            await pilot.pause()
            flashes.add(message.has_class("-flash-on"))
        assert flashes == {True, False}
        clock.advance(seconds=10)
        for _ in range(2):
            clock.advance(seconds=1)
            app.tick()
            await pilot.pause()
            assert not message.has_class("-flash-on")  # after its flash, the message stays
        session.hall.blank()
        await app.sync_now()
        await pilot.pause()
        assert app.screen.has_class("-blank") and not shown(app, "#wall")
        session.hall.clear()
        await app.sync_now()
        await pilot.pause()
        assert shown(app, "#wall") and not shown(app, "#wall-message")


async def test_a_message_to_the_podium_is_not_on_the_projector(session, clock):
    session.hall.message("Còn 1 phút", to="podium")
    app = wall(session, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not shown(app, "#wall-message")


def _message_scene(session, clock):
    session.attendance.attend(OFFICIALS)
    while session.state.agenda.current != "thao-luan":
        session.agenda.next_step()
    session.speaking.add_speaker("DV03")
    session.speaking.start_speech()
    clock.advance(minutes=7, seconds=20)
    session.hall.message("Xin đồng chí kết thúc")
    return wall(session, clock)


def test_projector_message_snapshot_80x24(snap_compare, session, clock):
    assert snap_compare(_message_scene(session, clock), terminal_size=(80, 24))


def test_projector_message_snapshot_200x60(snap_compare, session, clock):
    assert snap_compare(_message_scene(session, clock), terminal_size=(200, 60))

"""The chair's key m: a message on the hall's screens (flashing or not, to all screens or one), an empty Enter takes
it down, ctrl+b blanks the screens; the chair's feedback line says what the hall now sees."""

from __future__ import annotations

from runsheet.ui.app import RunsheetApp
from runsheet.ui.screens.chair import ChairScreen
from runsheet.ui.screens.hall_message import HallMessageScreen
from driving import press

SIZE = (130, 36)


def feedback(app) -> str:
    return " ".join(n.message for n in app._notifications)


async def test_m_sends_a_message_takes_it_down_and_blanks_the_screens(session, clock):
    app = RunsheetApp(session, clock=clock, poll=False)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, ChairScreen)
        await press(pilot, "m")
        assert isinstance(app.screen, HallMessageScreen)
        await press(pilot, *"Xin đồng chí kết thúc", "ctrl+f", "enter")
        assert isinstance(app.screen, ChairScreen)
        shown = session.state.hall
        assert shown["projector"].text == "Xin đồng chí kết thúc" and shown["podium"].flash
        assert "«Xin đồng chí kết thúc» (nhấp nháy)" in feedback(app)
        await press(pilot, "m", "ctrl+t", *"Còn 1 phút", "enter")  # ctrl+t: the podium's screen only
        assert session.state.hall["podium"].text == "Còn 1 phút"
        assert session.state.hall["projector"].text == "Xin đồng chí kết thúc"
        await press(pilot, "m", "enter")  # empty: back to the programme, on every screen
        assert session.state.hall == {}
        await press(pilot, "m", "ctrl+t", "ctrl+t", "ctrl+b")  # the projector only, blank
        assert set(session.state.hall) == {"projector"} and session.state.hall["projector"].blank
        await press(pilot, "m", "escape")
        assert isinstance(app.screen, ChairScreen) and session.state.hall["projector"].blank


async def test_the_message_key_is_in_the_palette(session, clock):
    app = RunsheetApp(session, clock=clock, poll=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Thông báo lên màn hình hội trường" in titles


async def test_the_usual_messages_are_one_key_away(session, clock):
    """Issue 16: a short list of usual messages beside free text: F1-F4 put one in the field, Enter sends it."""
    app = RunsheetApp(session, clock=clock, poll=False)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "m")
        assert "F1 Xin đồng chí kết thúc" in str(app.screen.query_one("#usual").render())
        await press(pilot, "f2", "enter")
        assert session.state.hall["projector"].text == "Còn 1 phút"
        await press(pilot, "m", "f4", *" ngay", "enter")  # a usual message, added to
        assert session.state.hall["podium"].text == "Đề nghị đại biểu giữ trật tự ngay"

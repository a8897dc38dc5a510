"""A role's PIN on its terminal: asked when the terminal opens, and at the first write after a PIN was set or changed
while it was open (the write waits for it); the terminal's own dialog, never a lock it cannot leave."""

from __future__ import annotations

import re

import pytest

from runsheet.commands import Session
from runsheet.ui.app import RunsheetApp
from runsheet.ui.screens.desk import DeskScreen
from runsheet.ui.screens.pin import PinScreen
from driving import press

SIZE = (130, 36)


def error_of(app) -> str:
    return str(app.screen.query_one("#error").render())


async def test_a_desk_with_a_pin_asks_for_it(session, clock):
    session.roles.set_pin("desk", "2468")
    desk = Session(session.path, role="desk", clock=clock)
    app = RunsheetApp(desk, clock=clock, poll=False)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, PinScreen)
        await press(pilot, *"1357", "enter")
        assert isinstance(app.screen, PinScreen) and "không đúng" in error_of(app)
        await press(pilot, *"2468", "enter")
        assert isinstance(app.screen, DeskScreen) and not desk.roles.locked
        await press(pilot, *"DV03", "enter")
        assert "DV03" in desk.state.attendance.here


async def test_giving_up_the_pin_closes_the_terminal(session, clock):
    session.roles.set_pin("desk", "2468")
    app = RunsheetApp(Session(session.path, role="desk", clock=clock), clock=clock, poll=False)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "escape")
        await pilot.pause()
        assert not app.is_running


async def test_a_pin_set_while_the_terminal_is_open_is_asked_at_its_next_write(session, clock):
    desk = Session(session.path, role="desk", clock=clock)
    app = RunsheetApp(desk, clock=clock, poll=False)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *"DV03", "enter")
        assert "DV03" in desk.state.attendance.here  # no PIN yet
        session.roles.set_pin("desk", "2468")  # the chair sets one meanwhile
        await press(pilot, *"DV04", "enter")
        assert isinstance(app.screen, PinScreen)
        assert "DV04" not in desk.state.attendance.here
        await press(pilot, *"0000", "enter")
        assert isinstance(app.screen, PinScreen) and "không đúng" in error_of(app)
        await press(pilot, *"2468", "enter")
        assert isinstance(app.screen, DeskScreen)
        assert "DV04" in desk.state.attendance.here  # the write that waited for the PIN is saved
        await press(pilot, *"DV06", "enter")
        assert "DV06" in desk.state.attendance.here  # and the terminal is open again


async def test_giving_up_a_pin_asked_midway_drops_the_write_and_keeps_the_terminal(session, clock):
    desk = Session(session.path, role="desk", clock=clock)
    app = RunsheetApp(desk, clock=clock, poll=False)
    async with app.run_test(size=SIZE) as pilot:
        session.roles.set_pin("desk", "2468")
        await press(pilot, *"DV04", "enter")
        assert isinstance(app.screen, PinScreen)
        await press(pilot, "escape")
        assert app.is_running and isinstance(app.screen, DeskScreen)
        assert "cần mã PIN" in str(app.screen.query_one("#feedback").render())
        assert "DV04" not in desk.state.attendance.here
        await press(pilot, *"DV04", "enter")
        assert isinstance(app.screen, PinScreen)  # asked again at the next write


@pytest.mark.parametrize("width", [80, 100, 120])
async def test_the_chairs_top_line_keeps_its_clock_with_every_warning_up(session, clock, width):
    """The wrong-PIN count and the quorum's warning together pushed the clock off the chair's top line (seen at
    120 columns in tmux): the line gives up words, never the clock."""
    from driving import settle
    from screen_text import screen_lines

    session.roles.set_pin("desk", "2468")
    assert not Session(session.path, role="desk", clock=clock, terminal="desk:7").roles.unlock("1111")
    app = RunsheetApp(Session(session.path, role="chair", clock=clock), clock=clock, poll=False)
    async with app.run_test(size=(width, 24)) as pilot:
        await settle(pilot)
        top = screen_lines(app)[0]
        assert re.search(r" \d\d:\d\d:\d\d$", top) and "⚠" in top and len(top) <= width, top
        assert re.search(r"D = \d+ ?⚠|quá một nửa", top), top  # the quorum's warning, in words or as ⚠

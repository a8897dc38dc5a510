"""Markup in user text, as an attacker types it: `[/]` in a member's name crashed the desk on every restart and, in
an inserted step's title, the chair; `[bold red]x[/]` and `[link=...]` were drawn as styling. Every user text is
shown as the text typed, on every screen."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from runsheet.commands import Session, create
from runsheet.rules.election import Reading
from runsheet.ui.app import RunsheetApp
from runsheet.ui.screens.confirm import ConfirmScreen
from runsheet.ui.screens.insert_step import InsertStepScreen

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ui"))
from driving import press, settle
from screen_text import screen_lines

ROOT = Path(__file__).resolve().parents[2]
SIZE = (200, 60)
CLOSER = "[/]Bá [bold red]Đỏ[/]"  # the name of DV04, a candidate of chi-uy
LINK = "[link=https://e.x]Lạ[/link]"  # the name of DV06, another
TITLE = "Đại hội [bold]X[/] [/]"
STEP_TITLE = "Chào cờ [/] [bold red]x[/]"
ELECTION = "Bầu [/]Chi ủy [link=https://e.x]y[/link]"


@pytest.fixture
def hostile(tmp_path, clock) -> Session:
    roster = (ROOT / "data/demo-roster.csv").read_text(encoding="utf-8")
    roster = re.sub(r"^DV04,[^,]*,", f"DV04,{CLOSER},", roster, flags=re.M)
    roster = re.sub(r"^DV06,[^,]*,", f'DV06,"{LINK}",', roster, flags=re.M)
    scenario = (ROOT / "scenarios/chi-bo.toml").read_text(encoding="utf-8")
    scenario = scenario.replace('title = "Đại hội Chi bộ Phòng Tổng hợp nhiệm kỳ 2025–2027"', f'title = "{TITLE}"', 1)
    scenario = scenario.replace('title = "Chào cờ"', f'title = "{STEP_TITLE}"', 1)
    scenario = scenario.replace('title = "Bầu Ban Chấp hành Chi bộ (Chi ủy)"', f'title = "{ELECTION}"', 1)
    (tmp_path / "roster.csv").write_text(roster, encoding="utf-8")
    (tmp_path / "scenario.toml").write_text(scenario, encoding="utf-8")
    return create(str(tmp_path / "congress.json"), str(tmp_path / "scenario.toml"), str(tmp_path / "roster.csv"),
                  clock=clock, terminal="test:1", congress_date="2025-06-01", start="07:30")


def on_screen(app) -> str:
    return "\n".join(screen_lines(app))


def seen(app, *texts: str) -> None:
    shown = on_screen(app)
    for text in texts:
        assert text in shown, f"{text!r} not on the screen:\n{shown}"


async def test_the_desk_lists_names_as_typed(hostile, clock):
    app = RunsheetApp(hostile, clock=clock, poll=False, screen="desk")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        seen(app, CLOSER, LINK, TITLE)
        await press(pilot, *"dv04", "enter")
        seen(app, CLOSER)
        assert "DV04" in hostile.state.attendance.here
        await press(pilot, "f7")  # the question names the member
        assert isinstance(app.screen, ConfirmScreen)
        seen(app, CLOSER)


async def test_a_member_added_on_the_command_line_with_a_closing_tag_does_not_crash_the_desk(hostile, clock):
    hostile.attendance.add_member("DV99", "[/]", "official", ())
    hostile.attendance.correct_member("DV01", name="[bold red]x[/]")
    app = RunsheetApp(Session(hostile.path, clock=clock, terminal="desk"), clock=clock, poll=False, screen="desk")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, *"dv99")
        seen(app, "[/]")
        await press(pilot, "escape", *"dv01")
        seen(app, "[bold red]x[/]")


async def test_the_chair_inserts_a_step_titled_with_markup(hostile, clock):
    hostile.agenda.next_step()
    app = RunsheetApp(hostile, clock=clock, poll=False)
    async with app.run_test(size=SIZE) as pilot:
        seen(app, TITLE)
        await press(pilot, "i")
        assert isinstance(app.screen, InsertStepScreen)
        await press(pilot, *"[/]Thư [bold red]x[/]", "ctrl+s")
        assert not isinstance(app.screen, InsertStepScreen)
        assert hostile.state.agenda.runs["adhoc-1"].step.title == "[/]Thư [bold red]x[/]"
        await press(pilot, "down")
        seen(app, "[/]Thư [bold red]x[/]")
        await press(pilot, "n")  # the step with markup in its title is now the one running
        seen(app, "Chào cờ [/]")


async def test_the_secretary_shows_a_guest_and_a_member_as_typed(hostile, clock):
    while hostile.state.agenda.current != "thao-luan":
        hostile.agenda.next_step()
    app = RunsheetApp(Session(hostile.path, role="secretary", clock=clock, terminal="tk"), clock=clock, poll=False)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *"[/]Khách [link=https://e.x]y[/link], [bold]Phó[/] Bí thư", "enter")
        await press(pilot, *"dv04", "enter")
        seen(app, "[/]Khách [link=https://e.x]y[/link]", CLOSER)
        await press(pilot, "f5")
        seen(app, "[bold]Phó[/] Bí thư")


async def test_the_projector_shows_the_speaker_and_the_title_as_typed(hostile, clock):
    while hostile.state.agenda.current != "thao-luan":
        hostile.agenda.next_step()
    hostile.speaking.add_speaker("DV04")
    hostile.speaking.start_speech()
    app = RunsheetApp(Session(hostile.path, role="projector", clock=clock, terminal="wall"), clock=clock, poll=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#wall-speaker").text == CLOSER
        seen(app, TITLE)


async def test_the_counting_screen_lists_candidates_as_typed(hostile, clock):
    hostile.attendance.attend(["DV01", "DV02", "DV03", "DV04", "DV06"])
    hostile.voting.open_round("chi-uy")
    hostile.voting.enter_ballot("chi-uy", Reading(frozenset({3})))
    app = RunsheetApp(hostile, clock=clock, poll=False, screen="counting")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        seen(app, CLOSER, LINK, ELECTION)
        await press(pilot, "3", "enter")
        seen(app, CLOSER)

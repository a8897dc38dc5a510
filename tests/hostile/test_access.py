"""Terminals nobody can quietly take, tried as someone at the host would: a command left without --role to skip
every PIN, the chair's PIN removed without it, PINs guessed one after another, a PIN typed where `ps` shows it. The
command line as a process (stdin not a terminal: nobody to ask), the commands, and the screens through the pilot."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from runsheet.cli import common, main
from runsheet.commands import Session
from runsheet.commands.roles import wait_before
from runsheet.errors import DomainError
from runsheet.ui.app import RunsheetApp
from runsheet.ui.screens.chair import ChairScreen
from runsheet.ui.screens.desk import DeskScreen
from runsheet.ui.screens.pin import PinScreen
from runsheet.ui.screens.sign_in import SignInScreen

ROOT = Path(__file__).resolve().parents[2]
ENV = {k: v for k, v in os.environ.items() if k != "RUNSHEET_PIN"} | {"PYTHONUTF8": "1",
                                                                        "PYTHONIOENCODING": "utf-8"}


def run(*args, pin: str | None = None) -> subprocess.CompletedProcess:
    env = ENV if pin is None else {**ENV, "RUNSHEET_PIN": pin}
    proc = subprocess.run([sys.executable, "run.py", *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=60, env=env, stdin=subprocess.DEVNULL)
    assert "Traceback" not in proc.stdout + proc.stderr, proc.stderr
    return proc


def refused_in_one_line(proc: subprocess.CompletedProcess, *said: str) -> None:
    assert proc.returncode == 2 and proc.stdout == "", proc
    assert proc.stderr.count("\n") == 1, proc.stderr
    assert all(text in proc.stderr for text in said), proc.stderr


@pytest.fixture
def chair_pin(session) -> Session:
    session.roles.set_pin("chair", "2468")
    return session


# ---- the command line ----------------------------------------------------------------------------------------

def test_a_command_without_a_role_needs_the_chairs_pin(chair_pin, db):
    before = len(Session(str(db)).log.events)
    refused_in_one_line(run("step", "next", "--db", db), "cần mã PIN", "RUNSHEET_PIN")
    after = Session(str(db))
    assert after.state.agenda.current is None
    assert after.log.head.type == "role.refused" and len(after.log.events) == before + 1
    assert run("step", "next", "--db", db, pin="2468").returncode == 0  # RUNSHEET_PIN
    assert run("step", "next", "--db", db, "--pin", "2468").returncode == 0  # --pin, for scripts
    assert Session(str(db)).state.agenda.current is not None
    assert run("status", "--db", db).returncode == 0  # reading needs no PIN


def test_removing_or_changing_a_pin_needs_the_chairs_pin(chair_pin, db):
    refused_in_one_line(run("pin", "--db", db, "chair", ""), "cần mã PIN")
    refused_in_one_line(run("pin", "--db", db, "desk", "1357"), "cần mã PIN")
    state = Session(str(db)).state
    assert "chair" in state.pins and "desk" not in state.pins
    refused_in_one_line(run("pin", "--db", db, "chair", "", pin="1111"), "không đúng")
    assert "chair" in Session(str(db)).state.pins
    assert run("pin", "--db", db, "chair", "", pin="2468").returncode == 0
    assert "chair" not in Session(str(db)).state.pins


def test_a_wrong_pin_is_logged_without_what_was_typed(chair_pin, db):
    wrong = "864297531086"
    refused_in_one_line(run("step", "next", "--db", db, pin=wrong), "mã PIN không đúng")
    refused_in_one_line(run("attend", "--db", db, "--role", "chair", "A1", "--pin", wrong), "mã PIN không đúng")
    session = Session(str(db))
    events = [e for e in session.log.events if e.type == "role.pin_wrong"]
    assert [e.data for e in events] == [{"role": "chair"}, {"role": "chair"}]
    assert all(e.terminal not in ("test:1", "") for e in events)
    assert [(role, terminal) for role, terminal, _ in session.state.wrong_pins] == \
        [("chair", e.terminal) for e in events]
    assert session.state.wrong_pins[0][2] == events[0].at
    assert wrong not in db.read_text(encoding="utf-8")
    assert session.state.agenda.current is None and not session.state.attendance.here


@pytest.mark.parametrize("bad", ["12", "abcd", "1234567890123", "12 34", "１２３４"])
def test_a_pin_that_is_not_4_to_12_digits_is_refused_in_one_line(session, db, bad):
    size = db.stat().st_size
    refused_in_one_line(run("pin", "--db", db, "desk", bad), "4 đến 12 chữ số")
    refused_in_one_line(run("step", "next", "--db", db, "--pin", bad), "4 đến 12 chữ số")
    refused_in_one_line(run("step", "next", "--db", db, pin=bad), "4 đến 12 chữ số")
    assert db.stat().st_size == size
    other = db.parent / "other.json"
    refused_in_one_line(run("new", "--db", other, "--scenario", ROOT / "tests/data/mini.toml", "--roster",
                            ROOT / "tests/data/mini-roster.csv", "--role-pin", f"desk={bad}"), "4 đến 12 chữ số")
    assert not other.exists()


def test_a_pin_needed_and_not_given_is_asked_when_someone_can_answer(chair_pin, db, monkeypatch, capsys):
    asked = []
    monkeypatch.setattr(common, "interactive", lambda: True)
    monkeypatch.setattr(common, "ask", lambda prompt: asked.append(prompt) or "2468")
    monkeypatch.delenv("RUNSHEET_PIN", raising=False)
    assert main(["status", "--db", str(db)]) == 0 and asked == []  # a read asks nothing
    assert main(["step", "next", "--db", str(db)]) == 0
    assert asked == ["Mã PIN của Chủ tọa: "]
    answers = iter(["2468", "13579", "13579"])  # the chair's PIN, then the desk's new one twice
    monkeypatch.setattr(common, "ask", lambda prompt: asked.append(prompt) or next(answers))
    assert main(["pin", "--db", str(db), "desk"]) == 0
    assert asked[1:] == ["Mã PIN của Chủ tọa: ", "Mã PIN mới của Lễ tân (để trống: bỏ mã PIN): ",
                         "Nhập lại mã PIN mới: "]
    assert Session(str(db), role="desk", pin="13579").roles.unlocked


def test_a_new_pin_is_not_taken_from_nobody(session, db):
    refused_in_one_line(run("pin", "--db", db, "desk"), "chưa có mã PIN mới")
    assert "desk" not in Session(str(db)).state.pins


# ---- the commands: the wait after three wrong PINs -------------------------------------------------------------

def test_after_three_wrong_pins_each_try_waits_longer(session, db, clock):
    session.roles.set_pin("desk", "2468")
    desk = Session(str(db), role="desk", clock=clock, terminal="desk:1")
    waited: list[float] = []
    desk.roles.sleep = waited.append
    for _ in range(10):
        assert not desk.roles.unlock("1111")
    assert waited == [1, 2, 4, 8, 16, 30, 30]
    assert desk.roles.unlock("2468") and waited[-1] == 30  # the right one waits too, then the count starts again
    assert desk.roles.failures == 0 and desk.roles.waiting == 0
    assert [wait_before(n) for n in range(10)] == [0, 0, 0, 1, 2, 4, 8, 16, 30, 30]
    another = Session(str(db), role="desk", clock=clock, terminal="desk:2")  # each terminal counts its own
    another.roles.sleep = waited.append
    assert another.roles.unlock("2468") and len(waited) == 8
    assert len(Session(str(db)).state.wrong_pins) == 10


def test_a_terminal_without_a_role_is_locked_by_the_chairs_pin(chair_pin, db, clock):
    laptop = Session(str(db), clock=clock)
    with pytest.raises(DomainError) as info:
        laptop.agenda.next_step()
    assert info.value.key == "err.pin_needed"
    with pytest.raises(DomainError):
        laptop.roles.set_pin("chair", "")
    assert not laptop.roles.unlock("1357") and laptop.roles.unlock("2468")
    laptop.agenda.next_step()
    laptop.roles.set_pin("chair", "")
    assert "chair" not in Session(str(db)).state.pins


# ---- the screens -------------------------------------------------------------------------------------------------

async def settle(pilot) -> None:
    await pilot.app.settle()
    await pilot.pause()


async def press(pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot)


async def test_a_terminal_without_a_role_opens_nothing_before_the_chairs_pin(chair_pin, db, clock):
    laptop = Session(str(db), clock=clock)
    size = db.stat().st_size
    app = RunsheetApp(laptop, clock=clock, poll=False)
    async with app.run_test(size=(120, 32)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PinScreen)
        await press(pilot, "f2", "f3", "f4", "ctrl+s", "ctrl+t")
        assert isinstance(app.screen, PinScreen) and db.stat().st_size == size
        assert not any(isinstance(s, ChairScreen) for s in app.screen_stack)
        await press(pilot, *"1357", "enter")
        assert isinstance(app.screen, PinScreen) and "không đúng" in str(app.screen.query_one("#error").render())
        await press(pilot, *"2468", "enter")
        assert isinstance(app.screen, ChairScreen)
        await press(pilot, "n")
        assert laptop.state.agenda.current is not None


async def test_a_tab_signs_in_before_anything_can_act(session, db, clock):
    session.roles.set_pin("desk", "2468")
    size = db.stat().st_size
    tab = Session(str(db), clock=clock)
    app = RunsheetApp(tab, clock=clock, poll=False, sign_in=True)
    async with app.run_test(size=(120, 32)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, SignInScreen)
        await press(pilot, "n", "plus", "plus", "space", "v", "b", "f2", "f3", "f4", "ctrl+s")
        assert isinstance(app.screen, SignInScreen) and db.stat().st_size == size
        assert not any(app.is_screen_installed(name) for name in ("chair", "desk", "counting"))
        await press(pilot, "down", "down", "enter")  # chair, secretary, desk
        assert isinstance(app.screen, PinScreen) and tab.role == "desk"
        await press(pilot, "escape")  # back to the choice of role
        assert isinstance(app.screen, SignInScreen) and db.stat().st_size == size
        await press(pilot, "down", "down", "enter", *"2468", "enter")
        assert isinstance(app.screen, DeskScreen) and not app.is_screen_installed("chair")
        await press(pilot, *"A1", "enter")
        assert "A1" in tab.state.attendance.here


async def test_the_chair_is_warned_of_a_wrong_pin_given_elsewhere(session, db, clock):
    session.roles.set_pin("desk", "2468")
    app = RunsheetApp(Session(str(db), role="chair", clock=clock), clock=clock, poll=False)
    async with app.run_test(size=(120, 32)) as pilot:
        await settle(pilot)
        alarm = app.screen.query_one("#pin-alarm")
        assert not alarm.display
        assert not Session(str(db), role="desk", clock=clock, terminal="desk:7").roles.unlock("1111")
        await app.sync_now()
        await settle(pilot)
        notices = [n.message for n in app._notifications]
        assert any("sai mã PIN của Lễ tân" in n and "desk:7" in n for n in notices), notices
        assert alarm.display and "Sai mã PIN: 1" in str(alarm.render())


"""Nothing secret is ever printed: a store error while the counting committee closes its count, a fault whose message
formats the log or the state, a crash's traceback, the command line's errors. The badges' secret and the PINs'
hashes live in the store; no screen, no stderr line, no log shows them."""

from __future__ import annotations

import errno
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from runsheet.commands.voting import VotingCommands
from runsheet.rules.election import Reading
from runsheet.store import lines
from runsheet.ui.app import RunsheetApp, crash_report
from runsheet.ui.widgets.feedback import Feedback

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ui"))
from driving import press, settle
from screen_text import screen_lines

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def counted(session):
    session.roles.set_pin("desk", "2468")
    session.roles.set_pin("counting", "1357")
    session.attendance.attend(["A1", "A2", "A3"])
    session.voting.open_round("chi-uy")
    for _ in range(3):
        session.voting.enter_ballot("chi-uy", Reading(frozenset({1})))
    return session


def secrets_of(session) -> list[str]:
    state = session.state
    found = [state.badge_secret]
    for record in state.pins.values():
        found += [str(v) for v in record.values() if isinstance(v, str) and len(str(v)) >= 8]
    assert len(found) >= 3, found  # the secret, and each PIN's salt and hash
    return found


def none_shown(text: str, secrets: list[str]) -> None:
    for secret in secrets:
        assert secret not in text, f"a secret was shown: {secret}"


def replace_the_store(session, monkeypatch) -> None:
    shutil.copy(session.path, session.path + ".x")
    os.replace(session.path + ".x", session.path)


def fill_the_disk(session, monkeypatch) -> None:
    def full(*_):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(lines.os, "write", full)


def damage_the_store(session, monkeypatch) -> None:
    with open(session.path, "ab") as f:
        f.write(b'{"seq": 99, "garbage": true}\n')


def a_fault_that_says_the_state(session, monkeypatch) -> None:
    """A fault in the code whose message formats the log's events, the state and the session (as a careless error
    message would)."""
    def close_round(self, *_):
        raise ValueError(f"{list(session.log.events)!r} {session.state!r} {session!r}")
    monkeypatch.setattr(VotingCommands, "close_round", close_round)


@pytest.mark.parametrize("trouble", [replace_the_store, fill_the_disk, damage_the_store, a_fault_that_says_the_state])
async def test_a_store_error_at_the_close_of_a_count_shows_no_secret(counted, clock, monkeypatch, capfd, trouble):
    secrets = secrets_of(counted)
    app = RunsheetApp(counted, clock=clock, poll=False, screen="counting")
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        trouble(counted, monkeypatch)
        await press(pilot, "f10")
        await press(pilot, "ctrl+a", "backspace", "3", "enter")
        await settle(pilot)
        shown = "\n".join(screen_lines(app))
        assert not counted.state.current_round("chi-uy").closed
        none_shown(shown, secrets)
        none_shown("\n".join(str(n.message) for n in app._notifications), secrets)
        said = [line.text for line in app.screen.query(Feedback)]  # in full, not only the part in view
        assert any(said), "the error is said"
        none_shown("\n".join(said), secrets)
    out, err = capfd.readouterr()
    none_shown(out + err, secrets)


def test_a_crash_report_shows_where_not_the_values(counted):
    secrets = secrets_of(counted)
    state, events, session = counted.state, counted.log.events, counted  # noqa: F841 (the frame's values)
    try:
        raise RuntimeError("a fault")
    except RuntimeError:
        report = crash_report()
    console = Console(file=io.StringIO(), width=200)
    console.print(report)
    text = console.file.getvalue()
    assert "RuntimeError" in text and "a fault" in text
    none_shown(text, secrets)


def test_reprs_show_no_secret(counted):
    secrets = secrets_of(counted)
    events = counted.log.events
    none_shown(repr(list(events)) + repr(counted.state) + repr(counted) + repr([e.payload for e in events]), secrets)


def test_the_command_line_on_a_damaged_store_shows_no_secret(counted):
    secrets = secrets_of(counted)
    with open(counted.path, "ab") as f:
        f.write(b'{"seq": 99, "garbage": true}\n')
    proc = subprocess.run([sys.executable, "run.py", "round", "close", "--db", counted.path, "chi-uy"], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=60,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    none_shown(proc.stdout + proc.stderr, secrets)

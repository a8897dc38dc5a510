"""A refused action is itself logged (role.refused: who tried what, from which terminal) and changes nothing else:
through the commands, for every write a projector could attempt, and through the command line."""

from __future__ import annotations

import inspect
from functools import partial
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from runsheet.commands.status import status_data
from runsheet.commands import Session
from runsheet.errors import DomainError
from runsheet.rules.election import Reading

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONUTF8": "1", "PYTHONIOENCODING": "utf-8"}


@pytest.fixture
def counting_open(session):
    """The mini congress at its first step, three members in, the Chi ủy round open with one ballot entered."""
    session.agenda.next_step()
    session.attendance.attend(["A1", "A2", "A3"])
    session.voting.open_round("chi-uy")
    session.voting.enter_ballot("chi-uy", Reading(frozenset({3})))
    return session


def snapshot(db: Path, session: Session) -> dict:
    """What the congress looks like to anyone, apart from the count of events and the head of the chain."""
    fresh = Session(str(db), clock=session.clock)
    status = status_data(fresh.state, fresh.log.head, session.clock())
    del status["events"], status["head"]
    return {"status": status, "results": fresh.state.results("chi-uy"), "pins": fresh.state.pins,
            "speeches": sorted(fresh.state.speeches.items)}


def refused(db: Path, session: Session, action, key: str = "err.rights") -> dict | None:
    """Runs an action that must be refused; checks that the store gained exactly one role.refused event and
    nothing else (nothing at all from the projector, whose terminal never writes) and returns its data."""
    before_events = [e.to_doc() for e in Session(str(db)).log.events]
    before = snapshot(db, session)
    with pytest.raises(DomainError) as info:
        action()
    assert info.value.key == key
    after = Session(str(db))
    events = [e.to_doc() for e in after.log.events]
    assert snapshot(db, session) == before
    if session.role == "projector":
        assert events == before_events, "the projector wrote to the store"
        return None
    assert events[:-1] == before_events, "a refusal changed or added more than its own event"
    event = after.log.events[-1]
    assert event.type == "role.refused"
    assert (event.role, event.terminal) == (session.role, session.terminal)
    assert event.data["reason"] == key and set(event.data) == {"right", "reason"}
    return event.data


def test_the_desk_may_not_enter_ballots_or_steer_the_programme(counting_open, db, clock):
    desk = Session(str(db), role="desk", clock=clock, terminal="desk-laptop:7")
    assert refused(db, desk, lambda: desk.voting.enter_ballot("chi-uy", Reading(frozenset({1}))))["right"] == "ballots"
    assert refused(db, desk, desk.agenda.next_step)["right"] == "agenda"
    record = Session(str(db)).state.current_round("chi-uy")
    assert record.entered(1) == 1 and desk.state.current_round("chi-uy").entered(1) == 1
    assert desk.state.agenda.current == "khai-mac"
    desk.attendance.check_in("A6")  # what the desk may do still works, after its refusals
    assert Session(str(db)).log.head.type == "member.attended"


def test_a_role_whose_pin_was_not_given_is_refused_and_logged(counting_open, db, clock):
    counting_open.roles.set_pin("desk", "2468")
    desk = Session(str(db), role="desk", clock=clock, terminal="desk-laptop:8")
    assert refused(db, desk, lambda: desk.attendance.check_in("A6"), key="err.pin_needed")["right"] == "attendance"


# The actions of a Session's parts that only read; every other one writes, and the projector must be refused each.
AREAS = ("agenda", "attendance", "voting", "speaking", "roles")
READS = {"unlock", "locked", "locked_in", "unlocked", "pin_role", "waiting", "check", "list_check", "session"}


def actions(session: Session) -> dict[str, object]:
    """Every public method of the session's parts, by name (names are unique across the parts)."""
    found = {}
    for area in AREAS:
        part = getattr(session, area)
        for name, _ in inspect.getmembers(type(part)):
            if not name.startswith("_") and name not in READS:
                assert name not in found, f"{name} is in two parts"
                found[name] = getattr(part, name)
    return found


def write_calls(chair: Session, tmp_path: Path) -> dict[str, tuple]:
    """Arguments valid enough to pass each write's checks made before its role is checked."""
    ballots = tmp_path / "ballots.csv"
    ballots.write_text("ballot,struck\n2,1\n", encoding="utf-8")
    return {
        "set_pin": ("desk", "2468"), "next_step": (), "previous_step": (), "pause": (), "resume": (),
        "toggle_pause": (), "adjust": (1,), "skip": ("bao-cao",), "restore": ("bao-cao",),
        "insert_step": ("Phát sinh", 5), "move_step": ("chi-dao", None), "move_by": ("chi-dao", 1),
        "end_congress": (), "attend": (["A6"],), "check_in": ("A6",), "scan": (chair.state.badge_payload("A6"),),
        "leave": ("A1",), "undo_check_in": ("A1",), "absent": ("A6", "ốm"), "replace_delegate": ("A1", None),
        "add_member": ("A7", "Đỗ Văn Tâm"), "correct_member": ("A1", "Nguyễn Văn Bính"),
        "record_motion": ("nghi-quyet", 3, 0, 0), "set_ballot_order": ("chi-uy", ["A1", "A2", "A3"]),
        "add_nominee": ("chi-uy", "A6", 3), "open_round": ("chi-uy",),
        "enter_ballot": ("chi-uy", Reading(frozenset({1}))), "withdraw_ballot": ("chi-uy",),
        "enter_scanned": ("chi-uy", [(Reading(frozenset({1})), None)], 2),
        "enter_reviewed": ("chi-uy", 1, Reading(frozenset({1})), 2),
        "resolve_ballot": ("chi-uy", 1, Reading(frozenset({3}))), "import_ballots": ("chi-uy", str(ballots)),
        "cancel_round": ("chi-uy",), "record_collected": ("chi-uy", 1), "set_issued": ("chi-uy", 2),
        "issue_to": ("chi-uy", "A4"), "open_poll": ("chi-uy", ["A6"]), "close_poll": ("chi-uy",),
        "decide_withdrawal": ("chi-uy", "A1", 3, 0, 0), "set_candidates": ("chi-uy", ["A1", "A2", "A3"]),
        "close_round": ("chi-uy",),
        "publish_round": ("chi-uy",), "add_speaker": ("A1",), "start_speech": (), "toggle_speech_pause": (),
        "pause_speech": (), "resume_speech": (), "end_speech": (), "move_speaker": ("s1", 1),
        "withdraw_speaker": ("s1",), "note_speech": ("s1", "ghi chú"), "set_officers": ("presidium", ["A1"]),
        "set_bodies": ({"presidium": ["A1"]},),
    }


def test_the_projector_is_refused_every_write_and_writes_nothing(counting_open, db, clock, tmp_path):
    projector = Session(str(db), role="projector", clock=clock, terminal="wall:1")
    calls = write_calls(counting_open, tmp_path)
    writes = actions(projector)
    unknown = set(writes) - set(calls)
    assert not unknown, f"new actions: add them to READS or to write_calls(): {sorted(unknown)}"
    assert len(writes) >= 45
    size = db.stat().st_size
    for name in sorted(writes):
        refused(db, projector, partial(writes[name], *calls[name]))
    assert db.stat().st_size == size
    # the same calls from the chair's terminal are not refused for want of rights: the arguments are not the reason
    chair = actions(Session(str(db), role="chair", clock=clock, terminal="chair:1"))
    for name in ("next_step", "record_motion", "set_pin"):
        chair[name](*calls[name])


# ---- the command line -----------------------------------------------------------------------------------------

def test_a_refusal_on_the_command_line_is_one_line_exit_2_and_logged(counting_open, db):
    before = len(Session(str(db)).log.events)
    proc = subprocess.run([sys.executable, "run.py", "step", "next", "--db", str(db), "--role", "desk"], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", env=ENV, timeout=60)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert "Lễ tân" in proc.stderr and "điều hành chương trình" in proc.stderr
    after = Session(str(db))
    assert len(after.log.events) == before + 1 and after.state.agenda.current == "khai-mac"
    event = after.log.head
    assert (event.type, event.role, event.data["right"]) == ("role.refused", "desk", "agenda")
    host = socket.gethostname()
    assert event.terminal.startswith(f"{host}:") and event.terminal != f"{host}:{os.getpid()}"  # the CLI's own

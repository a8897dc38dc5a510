"""Several processes writing one store at once: nothing is lost, the chain stays whole, readers never see half
a file."""

import subprocess
import sys
import time
from collections import Counter
from datetime import datetime, UTC
from pathlib import Path

import pytest

from runsheet.clock import FakeClock
from runsheet.commands import Session, create
from runsheet.store.log import EventLog, verify

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
START = datetime(2025, 5, 10, 0, 30, tzinfo=UTC)

WRITERS = 3
COMMANDS = 40  # a multiple of 4, so each writer's adjustments add up to zero

# Each writer owns one member, so every command appends exactly one event whatever the others do:
# check in, +1 minute, leave the room, -1 minute, ... (the step's time never drops below its planned 10 minutes).
WRITER = """
import os, random, sys, time
from runsheet.commands import Session
path, terminal, member, count, go = sys.argv[1:6]
while not os.path.exists(go):
    time.sleep(0.001)
session = Session(path, terminal=terminal)
for k in range(int(count)):
    match k % 4:
        case 0: events = session.attendance.attend([member]).events
        case 1: events = session.agenda.adjust(1).events
        case 2: events = session.attendance.leave(member).events
        case 3: events = session.agenda.adjust(-1).events
    assert len(events) == 1, (k, events)
    time.sleep(random.uniform(0, 0.004))
"""


@pytest.mark.slow
def test_three_writer_processes_lose_nothing(tmp_path):
    path = tmp_path / "congress.json"
    session = create(str(path), str(DATA / "mini.toml"), str(DATA / "mini-roster.csv"),
                     clock=FakeClock(START), terminal="setup", congress_date="2025-05-10")
    session.agenda.next_step()
    before = len(session.log.events)
    go = tmp_path / "go"
    terminals = {f"writer-{i}": f"A{i + 1}" for i in range(WRITERS)}
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), terminal, member, str(COMMANDS), str(go)],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for terminal, member in terminals.items()]
    time.sleep(0.5)  # let them import; they all start on the same signal
    go.touch()

    # While they write, this process keeps reading: every read sees whole commits that chain, and only ever more.
    reader = EventLog(str(path))
    reads, deadline = 0, time.monotonic() + 120
    while any(p.poll() is None for p in procs) and time.monotonic() < deadline:
        seen = len(reader.events)
        reader.refresh()
        assert len(reader.events) >= seen and [e.seq for e in reader.events[-3:]] == \
            list(range(len(reader.events) - len(reader.events[-3:]) + 1, len(reader.events) + 1))
        reads += 1
    outputs = [p.communicate(timeout=60) for p in procs]
    for proc, (_, err) in zip(procs, outputs):
        assert proc.returncode == 0, err
    assert reads > 0

    report = verify(str(path))
    assert report.ok, report.problems
    assert report.events == before + WRITERS * COMMANDS

    final = Session(str(path))
    events = final.log.events
    assert [e.seq for e in events] == list(range(1, before + WRITERS * COMMANDS + 1))
    assert Counter(e.terminal for e in events[before:]) == {t: COMMANDS for t in terminals}
    # filelock is not fair: a writer looping without pause keeps the lock and the writers run one after the other
    # (hence the writers' short pauses); check that they did contend, or this test would prove little
    switches = sum(a.terminal != b.terminal for a, b in zip(events[before:], events[before + 1:]))
    assert switches > WRITERS - 1, "the writers never interleaved"
    for terminal, member in terminals.items():
        mine = [e for e in events if e.terminal == terminal]
        assert [e.type for e in mine[:4]] == ["member.attended", "step.adjusted", "member.left", "step.adjusted"]
        assert member in final.state.attendance.left and member in final.state.attendance.arrived
    assert final.state.attendance.here == set()
    assert final.state.agenda.runs["khai-mac"].extra == 0

    # the setup session, still open, catches up with all of it
    assert len(session.sync()) == WRITERS * COMMANDS
    assert session.state.attendance == final.state.attendance
    names = {p.name for p in tmp_path.iterdir()}
    assert names == {"congress.json", "congress.json.lock", "congress.json.backups", "go"}
    assert [p.name for p in (tmp_path / "congress.json.backups").iterdir()] == ["log.jsonl"]  # no temp file

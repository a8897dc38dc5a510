"""Faults: a terminal killed (SIGKILL) at any moment loses nothing it had committed and never damages the store;
a store damaged by hand is refused with the way back, and `restore` brings back one that verifies."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from runsheet.commands import Session, create
from runsheet.store import backups
from runsheet.store.log import verify
from storefile import load, save

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")

MEMBERS, ELECTION = 60, "bch"
SOAK = int(os.environ.get("RUNSHEET_SOAK", "20"))  # kills of each kind in the slow soak

# Enters ballots one by one for ever (renumbering from 1 after the last issued: a ballot entered again is a
# correction, one more event); prints each committed event's seq, ballot number and struck names.
ENTER = """
import sys
from runsheet.commands import Session
from runsheet.rules.election import Reading
path, start, terminal = sys.argv[1], int(sys.argv[2]), sys.argv[3]
session = Session(path, terminal=terminal)
issued = session.state.current_round("bch").issued
print("ready", flush=True)
k = start
while True:
    number, struck = k % issued + 1, frozenset({k % 5 + 1, (k + 2) % 5 + 1})
    session.voting.enter_ballot("bch", Reading(struck), pass_no=1, ballot=number)
    print(session.log.head.seq, number, *sorted(struck), flush=True)
    k += 1
"""

IMPORT = """
import sys
from runsheet.commands import Session
session = Session(sys.argv[1], terminal="importer")
print("ready", flush=True)
events = session.voting.import_ballots("bch", sys.argv[2], pass_no=2).events
print("imported", len(events), flush=True)
"""


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    """A congress of 60 official members, all present, a round of 5 names for 3 seats open with 2 passes."""
    folder = tmp_path_factory.mktemp("kill-base")
    roster = folder / "roster.csv"
    roster.write_text("id,name,status,flags\n" + "".join(f"K{i:02d},Đảng viên Số {i},official,\n"
                                                         for i in range(1, MEMBERS + 1)), encoding="utf-8")
    scenario = folder / "kill.toml"
    scenario.write_text(f"""[congress]
title = "Đại hội thử"
start = "08:00"

[[election]]
id = "{ELECTION}"
title = "Bầu Ban Chấp hành"
seats = 3
candidates = ["K01", "K02", "K03", "K04", "K05"]

[[step]]
id = "bau"
title = "Bầu cử"
minutes = 60
election = "{ELECTION}"
""", encoding="utf-8")
    path = folder / "congress.json"
    session = create(str(path), str(scenario), str(roster), terminal="setup")
    session.agenda.next_step()
    session.attendance.attend([f"K{i:02d}" for i in range(1, MEMBERS + 1)])
    session.voting.open_round(ELECTION, passes=2)
    return path


def copy_store(base: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "congress.json"
    shutil.copyfile(base, path)
    return path


def start(code: str, *args: str) -> subprocess.Popen:
    # unbuffered: readline() must not take lines past "ready" into a buffer that communicate() would never see
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, bufsize=0)


def wait_ready(proc: subprocess.Popen) -> None:
    line = proc.stdout.readline()
    if line != b"ready\n":
        proc.kill()
        raise AssertionError(f"child did not start: {line!r} {proc.communicate()[1].decode()}")


def kill(proc: subprocess.Popen, may_have_ended: bool = False) -> list[bytes]:
    """SIGKILL; the complete lines it had printed (a line cut by the kill is not a report of anything)."""
    os.kill(proc.pid, signal.SIGKILL)
    out, err = proc.communicate(timeout=30)
    ended = (0,) if may_have_ended else ()  # an import may be over before the kill comes
    assert proc.returncode in (-signal.SIGKILL, *ended), (proc.returncode, err.decode())
    return out.split(b"\n")[:-1]


def check_store(path: Path) -> Session:
    report = verify(str(path))
    assert report.ok, report.problems
    return Session(str(path))  # and it opens: the chain checks again and the fold accepts every event


def enter_and_kill(base: Path, folder: Path, kills: int, rng: random.Random) -> tuple[int, int]:
    """One writer killed `kills` times while entering ballots; after each kill, everything it reported committed
    is in the store, as it reported it. Returns (ballots reported, kills that found a commit unreported)."""
    path = copy_store(base, folder)
    reported, unreported_commits = [], 0
    for run in range(kills):
        terminal = f"killed-{run}"
        proc = start(ENTER, str(path), str(len(reported)), terminal)
        wait_ready(proc)
        # every other run waits for a first commit, so that kills fall amid commits even on a loaded machine
        first = proc.stdout.readline() if run % 2 == 0 else b""
        time.sleep(rng.uniform(0, 0.2))
        lines = [first.rstrip(b"\n")] * bool(first) + kill(proc)
        mine = [tuple(int(x) for x in line.split()) for line in lines]
        session = check_store(path)
        events = session.log.events
        for seq, number, *struck in mine:
            event = events[seq - 1]
            assert (event.type, event.terminal) == ("ballot.entered", terminal), event
            assert (event.data["ballot"], event.data["struck"]) == (number, struck)
        committed = [e for e in events if e.terminal == terminal]
        # the kill may fall between a commit and its report: one event more than reported, never fewer
        assert len(mine) <= len(committed) <= len(mine) + 1, (len(mine), len(committed))
        unreported_commits += len(committed) - len(mine)
        reported += mine
        readings = session.state.current_round(ELECTION).readings.get(1, {})
        assert {number for _, number, *_ in reported} <= set(readings)
        latest = {e.data["ballot"]: e.data["struck"] for e in events if e.type == "ballot.entered"}
        assert {n: sorted(r.struck) for n, r in readings.items()} == latest
    assert reported, "no kill let a single ballot through: the children never reached a commit"
    return len(reported), unreported_commits


def import_and_kill(base: Path, folder: Path, kills: int, rng: random.Random) -> dict[str, int]:
    """A ballots CSV imported and killed at a random moment of the import: all of it or none of it is in the store,
    all of it if the import had returned."""
    ballots = folder / "ballots.csv"
    folder.mkdir(parents=True, exist_ok=True)
    ballots.write_text("ballot,struck\n" + "".join(f"{n},{n % 5 + 1} {(n + 2) % 5 + 1}\n"
                                                   for n in range(1, MEMBERS + 1)), encoding="utf-8")
    # how long an import takes from "ready" to its end, so that the kills fall all over it
    path = copy_store(base, folder / "timing")
    proc = start(IMPORT, str(path), str(ballots))
    wait_ready(proc)
    began = time.monotonic()
    assert proc.stdout.readline() == f"imported {MEMBERS}\n".encode()
    span = time.monotonic() - began
    proc.communicate(timeout=30)
    outcomes = {"all, reported": 0, "all, unreported": 0, "none": 0}
    for run in range(kills):
        path = copy_store(base, folder / f"run-{run}")
        proc = start(IMPORT, str(path), str(ballots))
        wait_ready(proc)
        time.sleep(rng.uniform(0, span * 1.3))
        lines = kill(proc, may_have_ended=True)
        record = check_store(path).state.current_round(ELECTION)
        assert record.entered(1) == 0
        if lines:
            assert lines == [f"imported {MEMBERS}".encode()]
            assert record.entered(2) == MEMBERS
            outcomes["all, reported"] += 1
        else:
            assert record.entered(2) in (0, MEMBERS), record.entered(2)
            outcomes["all, unreported" if record.entered(2) else "none"] += 1
    return outcomes


def test_killed_while_entering_ballots_loses_nothing_committed(base, tmp_path):
    seed = random.randrange(2**32)
    reported, _ = enter_and_kill(base, tmp_path, 4, random.Random(seed))
    assert reported > 0, f"seed {seed}"


def test_killed_while_importing_ballots_is_all_or_nothing(base, tmp_path):
    outcomes = import_and_kill(base, tmp_path, 5, random.Random())
    assert sum(outcomes.values()) == 5


@pytest.mark.slow
def test_kill_soak(base, tmp_path):
    """RUNSHEET_SOAK kills of each kind (default 20), with random delays; the writer's store grows past several
    backups (one every 50 events), so kills also fall while a backup is written."""
    seed = int(os.environ.get("RUNSHEET_SOAK_SEED", random.randrange(2**32)))
    rng = random.Random(seed)
    reported, unreported = enter_and_kill(base, tmp_path / "enter", SOAK, rng)
    outcomes = import_and_kill(base, tmp_path / "import", SOAK, rng)
    print(f"soak seed {seed}: {SOAK} kills while entering ({reported} ballots reported, {unreported} committed "
          f"but unreported); {SOAK} kills while importing: {outcomes}")
    assert reported > SOAK
    store = tmp_path / "enter" / "congress.json"
    assert backups.saved(str(store)) and all(verify(str(b)).ok for b in backups.saved(str(store)))


# ---- a store damaged by hand ------------------------------------------------------------------------------------

def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "run.py", *args], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", stdin=subprocess.DEVNULL, timeout=60,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def garble(path: Path) -> str:
    lines = path.read_bytes().split(b"\n")
    lines[29] = lines[29][:40] + b"\x00\xff" + lines[29][42:]  # bytes of line 30 damaged (a disk, a bad copy)
    path.write_bytes(b"\n".join(lines))
    return "line 30"


def edit(path: Path) -> str:
    doc = load(path)
    doc["events"]["30"]["data"]["seconds"] = 3600
    save(path, doc)
    return "event 30"


@pytest.mark.parametrize("damage", [garble, edit])
def test_a_store_damaged_by_hand_is_refused_and_restore_brings_back_one_that_verifies(tmp_path, damage):
    path = tmp_path / "congress.json"
    session = create(str(path), str(DATA / "mini.toml"), str(DATA / "mini-roster.csv"), terminal="setup")
    session.agenda.next_step()
    for k in range(60):  # 62 events: a backup at 50
        session.agenda.adjust(1 if k % 2 == 0 else -1)
    problem = damage(path)
    hint = f"run.py restore --db {path}"
    for command in (["status", "--db", str(path)], ["--db", str(path), "--role", "chair"]):  # the CLI, the TUI
        refused = run(*command)
        assert refused.returncode == 1 and refused.stdout == "", (command, refused.stdout, refused.stderr)
        lines = refused.stderr.splitlines()
        assert len(lines) == 2 and problem in lines[0] and hint in lines[1], refused.stderr
    restored = run("restore", "--db", str(path))
    assert restored.returncode == 0, restored.stderr
    checked = run("verify", "--db", str(path))
    assert checked.returncode == 0, checked.stdout
    assert check_store(path).log.head.seq == 50
    assert len(list(tmp_path.glob("congress.json.damaged-*"))) == 1  # the damaged store is kept aside

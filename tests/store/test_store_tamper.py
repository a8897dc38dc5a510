"""A store edited by hand is caught: by `verify` (every problem, named by seq) and by opening it (StoreError).

What the file alone cannot show: whole lines removed from its end (a rollback). An open terminal notices (the file
is shorter than what it read); backups and witnesses, which are prefixes of the log, show it to `verify`."""

import re
import subprocess
import sys
from datetime import datetime, UTC
from pathlib import Path

import pytest

from runsheet.clock import FakeClock
from runsheet.commands import Session, create
from runsheet.errors import StoreError
from runsheet.store.events import chain_hash
from runsheet.store.log import verify
from storefile import docs, load, save

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
START = datetime(2025, 5, 10, 0, 30, tzinfo=UTC)


@pytest.fixture
def store(tmp_path) -> Path:
    """A store of 8 events: created, step started, 3 check-ins, an absence, an adjustment, the next step."""
    path = tmp_path / "congress.json"
    clock = FakeClock(START)
    session = create(str(path), str(DATA / "mini.toml"), str(DATA / "mini-roster.csv"),
                     clock=clock, terminal="t1", congress_date="2025-05-10")
    session.agenda.next_step()
    clock.advance(minutes=1)
    session.attendance.attend(["A1", "A2", "A3"])
    session.attendance.absent("A6", "ốm")
    session.agenda.adjust(2)
    clock.advance(minutes=12)
    session.agenda.next_step()
    assert len(session.log.events) == 8
    return path


def names(seq: int) -> re.Pattern:
    return re.compile(rf"\bevent {seq}\b")


def problems(path: Path) -> str:
    report = verify(str(path))
    assert not report.ok
    return "\n".join(report.problems)


def open_fails(path: Path) -> str:
    with pytest.raises(StoreError) as exc:
        assert Session(str(path)).state is None  # never: folded when first needed: the fold refuses it
    return str(exc.value)


def test_the_untouched_store_verifies(store):
    report = verify(str(store))
    assert report.ok and report.events == 8
    Session(str(store))


def test_changed_event_data_is_named_by_its_seq(store):
    doc = load(store)
    doc["events"]["4"]["data"]["member"] = "A4"
    save(store, doc)
    assert names(4).search(problems(store))
    message = open_fails(store)
    assert names(4).search(message) and "altered" in message


def test_changed_event_time_is_detected(store):
    doc = load(store)
    doc["events"]["3"]["time"] = doc["events"]["3"]["time"].replace("00:31", "00:29")
    save(store, doc)
    assert names(3).search(problems(store))
    assert names(3).search(open_fails(store))


def test_an_edit_whose_own_hash_is_recomputed_breaks_the_next_link(store):
    doc = load(store)
    event = doc["events"]["5"]
    event["data"]["member"] = "A4"
    event["hash"] = chain_hash(event["prev"], event["seq"], event["time"], event["role"], event["terminal"],
                               event["type"], event["data"])
    save(store, doc)
    assert names(6).search(problems(store))
    assert names(6).search(open_fails(store))


def test_deleting_the_last_event_leaves_a_shorter_log_that_an_open_terminal_notices(store):
    session = Session(str(store))
    doc = load(store)
    del doc["events"]["8"]
    save(store, doc)
    report = verify(str(store))
    assert report.ok and report.events == 7  # the file alone cannot tell: a backup or a witness does
    with pytest.raises(StoreError, match="replaced or cut short"):
        session.sync()


def test_deleting_a_middle_event_is_detected(store):
    doc = load(store)
    del doc["events"]["4"]
    save(store, doc)
    assert names(4).search(problems(store))
    assert names(4).search(open_fails(store))


def test_deleting_a_middle_event_and_renumbering_is_detected(store):
    doc = load(store)
    events = [e for key, e in doc["events"].items() if key != "4"]
    for seq, event in enumerate(events, start=1):
        event["seq"] = seq
    doc["events"] = {str(e["seq"]): e for e in events}
    save(store, doc)
    assert names(4).search(problems(store))
    assert names(4).search(open_fails(store))


def test_swapping_two_events_is_detected(store):
    doc = load(store)
    table = doc["events"]
    table["3"], table["4"] = table["4"], table["3"]
    save(store, doc)
    assert names(3).search(problems(store))
    assert names(3).search(open_fails(store))


def test_swapping_two_events_data_is_detected(store):
    doc = load(store)
    table = doc["events"]
    table["3"]["data"], table["5"]["data"] = table["5"]["data"], table["3"]["data"]
    save(store, doc)
    report = problems(store)
    assert names(3).search(report) and names(5).search(report)
    assert names(3).search(open_fails(store))


@pytest.mark.parametrize("line", [b"not json", b"[1, 2]", b'{"seq": 4}', b"{}"])
def test_a_whole_line_that_is_no_event_is_damage(store, line):
    raw = store.read_bytes().split(b"\n")
    raw[3] = line
    store.write_bytes(b"\n".join(raw))
    assert problems(store)
    message = open_fails(store)
    assert "line 4" in message or names(4).search(message)


def test_a_file_cut_inside_a_line_opens_with_the_whole_commits_before_the_cut(store):
    """A last line without its newline was never committed (a write interrupted): ignored, not damage."""
    raw = store.read_bytes()
    cut = raw.rfind(b"\n", 0, len(raw) // 2) + 1 + 5  # 5 bytes into a line in the middle
    store.write_bytes(raw[:cut])
    kept = raw[:cut].count(b"\n")
    report = verify(str(store))
    assert report.ok and report.events <= kept and report.uncommitted > 0
    assert len(Session(str(store)).log.events) == report.events


def test_cutting_the_last_line_at_every_byte_keeps_every_earlier_event(store):
    raw = store.read_bytes()
    last = raw.rfind(b"\n", 0, len(raw) - 1) + 1
    for cut in range(last, len(raw)):  # every cut inside the last line (its newline included)
        store.write_bytes(raw[:cut])
        report = verify(str(store))
        assert report.ok and report.events == 7, cut
        session = Session(str(store))
        assert [e.seq for e in session.log.events] == list(range(1, 8))
        session.agenda.adjust(1)  # the next writer cuts the unfinished line away and appends after event 7
        assert [doc["seq"] for doc in docs(store)] == list(range(1, 9)) and verify(str(store)).ok


def test_an_empty_file_is_detected(store):
    store.write_bytes(b"")
    assert problems(store)
    open_fails(store)


def test_a_file_of_only_an_unfinished_line_is_no_store(store):
    store.write_bytes(store.read_bytes()[:40])
    assert problems(store)
    open_fails(store)


def test_an_unknown_event_type_with_a_valid_chain_fails_in_the_fold(store):
    doc = load(store)
    last = doc["events"]["8"]
    event = {"seq": 9, "time": last["time"], "role": "chair", "terminal": "t9", "type": "ballot.forged",
             "data": {"votes": 99}, "prev": last["hash"]}
    event["hash"] = chain_hash(event["prev"], 9, event["time"], "chair", "t9", event["type"], event["data"])
    doc["events"]["9"] = event
    save(store, doc)
    assert verify(str(store)).ok  # the chain itself is intact: verify proves integrity, not meaning
    message = open_fails(store)
    assert "ballot.forged" in message and names(9).search(message)


def test_an_open_session_notices_tampering_on_sync(store):
    session = Session(str(store))
    doc = load(store)
    doc["events"]["8"]["data"]["step"] = "be-mac"  # the last line rewritten in place
    save(store, doc)
    with pytest.raises(StoreError, match="replaced or cut short|altered"):
        session.sync()
    assert names(8).search(problems(store))


def test_an_open_session_notices_rewritten_history_on_its_next_commit(store, tmp_path):
    session = Session(str(store), terminal="t1")
    # a different congress (same files, another id) copied over the store, then grown past it
    other = create(str(tmp_path / "other.json"), str(DATA / "mini.toml"), str(DATA / "mini-roster.csv"),
                   clock=FakeClock(START), terminal="t1", congress_date="2025-05-10")
    for member in ("A1", "A2", "A3", "A6", "A4", "A5", "A1"):
        other.attendance.absent(member)
    other.attendance.attend(["A1"])
    store.write_bytes((tmp_path / "other.json").read_bytes())
    with pytest.raises(StoreError, match="replaced or cut short"):
        session.attendance.attend(["A5"])


# ---- the command line ---------------------------------------------------------------------------------------------

def run_verify(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "run.py", "verify", "--db", str(path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def test_cli_verify_passes_a_good_store(store):
    result = run_verify(store)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok")
    assert "8 sự kiện" in result.stdout


def test_cli_verify_fails_a_tampered_store_naming_the_event(store):
    doc = load(store)
    doc["events"]["6"]["data"]["reason"] = "đi chơi"
    save(store, doc)
    result = run_verify(store)
    assert result.returncode == 1
    assert names(6).search(result.stdout), result.stdout
    assert "ALTERED" in result.stdout


def test_cli_verify_fails_a_store_with_a_damaged_line(store):
    raw = store.read_bytes().split(b"\n")
    raw[2] = raw[2][:20] + b"#" + raw[2][21:]
    store.write_bytes(b"\n".join(raw))
    result = run_verify(store)
    assert result.returncode == 1
    assert names(3).search(result.stdout) and "ALTERED" in result.stdout


def test_cli_verify_says_an_unfinished_last_line_was_never_committed(store):
    store.write_bytes(store.read_bytes()[:-7])
    result = run_verify(store)
    assert result.returncode == 0 and "7 sự kiện" in result.stdout and "chưa từng được ghi nhận" in result.stdout

"""Votes changed without trace, tried as an attacker with the host would: a history rewritten and rechained, a
store rolled back to an older copy. The file alone cannot show either; its backups and witnesses, prefixes of the
log made earlier, do. And the way back (`restore`) never throws away a good store."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from runsheet.commands import Session
from runsheet.errors import DomainError
from runsheet.rules.election import Reading
from runsheet.store import backups
from runsheet.store.events import GENESIS, chain_hash
from runsheet.store.log import verify
from storefile import load, save

ROOT = Path(__file__).resolve().parents[2]
E = "chi-uy"


def run(*args) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "run.py", *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=60, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert "Traceback" not in proc.stdout + proc.stderr, proc.stderr
    return proc


@pytest.fixture
def counted(session, monkeypatch) -> Session:
    """A round of chi-uy counted and closed (A1 A2 A3 present, three ballots), with backups every 5 events."""
    monkeypatch.setattr(backups, "EVERY", 5)
    session.attendance.attend(["A1", "A2", "A3"])
    session.voting.open_round(E)
    for struck in ({1}, {1}, {2}):
        session.voting.enter_ballot(E, Reading(frozenset(struck)))
    session.voting.close_round(E)
    for k in range(6):  # the congress goes on past the next backup
        session.agenda.adjust(1 if k % 2 == 0 else -1) if session.state.agenda.current else session.agenda.next_step()
    return session


def rechain(path: Path, edit) -> None:
    """Edit the events, then renumber and recompute every hash, as a forger who knows the format would."""
    data = load(path)
    docs = [data["events"][k] for k in sorted(data["events"], key=int)]
    edit(docs)
    prev = GENESIS
    for seq, doc in enumerate(docs, start=1):
        doc["seq"], doc["prev"] = seq, prev
        doc["hash"] = prev = chain_hash(prev, seq, doc["time"], doc["role"], doc["terminal"], doc["type"], doc["data"])
    save(path, {"events": {str(doc["seq"]): doc for doc in docs}})


def test_ballots_rewritten_and_rechained_are_caught_by_the_backup(counted):
    path = Path(counted.path)

    def strike_the_other(docs):
        for doc in docs:
            if doc["type"] == "ballot.entered":
                doc["data"]["struck"] = [3]

    rechain(path, strike_the_other)
    assert verify(str(path)).ok  # the chain alone: intact
    checked = run("verify", "--db", path)
    assert checked.returncode == 1 and "REWRITTEN" in checked.stdout and "log.jsonl" in checked.stdout


def test_a_store_rolled_back_to_an_older_copy_is_caught(counted, tmp_path):
    path = Path(counted.path)
    witness = tmp_path / "usb"
    assert run("witness", "--db", path, witness, "--once").returncode == 0
    older = backups.saved(str(path))[0].read_bytes()
    path.write_bytes(older[: older.rfind(b"\n", 0, len(older) - 1) + 1])  # the store: an older copy, one event less
    assert verify(str(path)).ok
    checked = run("verify", "--db", path, "--witness", witness)
    assert checked.returncode == 1 and checked.stdout.count("ROLLED BACK") == 2  # the backup and the witness


def test_a_witness_follows_the_store_and_refuses_a_rewritten_one(counted, tmp_path):
    path, usb = Path(counted.path), tmp_path / "usb"
    first = run("witness", "--db", path, usb, "--once")
    assert first.returncode == 0
    copy = usb / f"{path.name}.witness.jsonl"
    assert copy.read_bytes() == path.read_bytes()
    counted.agenda.adjust(1)
    assert run("witness", "--db", path, usb, "--once").returncode == 0 and copy.read_bytes() == path.read_bytes()
    before = copy.read_bytes()
    rechain(path, lambda docs: docs[3]["data"].update(member="A2"))
    refused = run("witness", "--db", path, usb, "--once")
    assert refused.returncode == 1 and "rewritten" in refused.stderr
    assert copy.read_bytes() == before  # the witness is kept as it was
    checked = run("verify", "--db", path, "--witness", usb)
    assert checked.returncode == 1 and "REWRITTEN" in checked.stdout


def test_restore_never_replaces_a_store_that_verifies_and_agrees_with_its_backups(counted):
    path = Path(counted.path)
    before = path.read_bytes()
    refused = run("restore", "--db", path)
    assert refused.returncode == 2 and "nothing to restore" in refused.stderr
    assert path.read_bytes() == before and not list(path.parent.glob("*.damaged-*"))


def test_restore_puts_back_the_backup_over_a_rewritten_store(counted):
    path = Path(counted.path)
    rechain(path, lambda docs: docs[3]["data"].update(member="A2"))
    restored = run("restore", "--db", path)
    assert restored.returncode == 0, restored.stderr
    assert run("verify", "--db", path).returncode == 0


def test_the_restore_hint_comes_only_with_a_damaged_store(counted):
    path = Path(counted.path)
    lock = Path(str(path) + ".lock")
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from filelock import FileLock; lock = FileLock(sys.argv[1]); lock.acquire(); "
        "print('held', flush=True); time.sleep(60)"), str(lock)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "held\n"
        busy = subprocess.run([sys.executable, "run.py", "attend", "--db", str(path), "A4"], cwd=ROOT,
                              capture_output=True, text=True, timeout=60,
                              env={**os.environ, "RUNSHEET_LOCK_TIMEOUT": "1"})
    finally:
        holder.kill()
    assert busy.returncode != 0 and "lock" in busy.stderr and "restore --db" not in busy.stderr
    lines = path.read_bytes().split(b"\n")
    lines[2] = lines[2].replace(b'"A', b'"B', 1)
    path.write_bytes(b"\n".join(lines))
    damaged = run("status", "--db", path)
    assert damaged.returncode == 1 and "restore --db" in damaged.stderr


def test_a_backup_that_fails_after_the_commit_is_a_warning_and_a_round_closes_once(session, monkeypatch, db):
    monkeypatch.setattr(backups, "EVERY", 5)
    session.attendance.attend(["A1", "A2", "A3"])
    session.voting.open_round(E)
    for struck in ({1}, {1}, {2}):
        session.voting.enter_ballot(E, Reading(frozenset(struck)))

    def broken(store: str, end: int):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups, "save", broken)
    while (len(session.log.events) + 1) % 5:  # the next commit crosses a backup mark
        session.agenda.adjust(1) if session.state.agenda.current else session.agenda.next_step()
    outcome = session.voting.close_round(E)  # the close is committed; its backup is not
    assert outcome.events and session.state.current_round(E).closed is not None
    (warning,) = session.take_warnings()
    assert "backup" in str(warning)
    with pytest.raises(DomainError, match="no open round"):
        session.voting.close_round(E)
    assert [e.type for e in Session(str(db)).log.events].count("round.closed") == 1


def test_a_second_close_in_an_old_store_changes_nothing(counted):
    path = Path(counted.path)
    first = counted.state.current_round(E).closed

    def forge_second_close(docs):
        close = next(doc for doc in docs if doc["type"] == "round.closed")
        second = {**close, "data": {**close["data"], "result": {**close["data"]["result"], "elected": []}}}
        docs.append(second)

    rechain(path, forge_second_close)
    assert Session(str(path)).state.current_round(E).closed == first


def test_a_snapshot_edited_to_show_another_count_is_caught_and_set_aside(session, monkeypatch):
    """A terminal opening a long store trusts the snapshot beside it: one edited to show other votes would show a
    forged congress while the log verifies. verify folds the log and compares; the forged one is moved aside."""
    import orjson

    from runsheet.store import snapshot

    monkeypatch.setattr(snapshot, "SNAPSHOT_EVERY", 10)
    session.attendance.attend(["A1", "A2", "A3"])
    session.voting.open_round(E)
    for struck in ({1}, {1}, {2}):
        session.voting.enter_ballot(E, Reading(frozenset(struck)))
    session.agenda.next_step()
    while session.state.seq < 12:
        session.agenda.adjust(1)
    snap = Path(snapshot.path_of(session.path))
    assert snap.exists()
    assert run("verify", "--db", session.path).returncode == 0  # written in one process, checked in another
    data = orjson.loads(snap.read_bytes())
    data["state"] = orjson.loads(orjson.dumps(data["state"]).replace(b'"Nguy', b'"Ngo'))  # a name changed
    assert data["state"] != orjson.loads(snap.read_bytes())["state"]
    snap.write_bytes(orjson.dumps(data))
    checked = run("verify", "--db", session.path)
    assert checked.returncode == 1 and "ALTERED" in checked.stdout and "forged" in checked.stdout, checked.stdout
    assert not snap.exists() and list(snap.parent.glob(snap.name + ".forged-*"))
    assert run("verify", "--db", session.path).returncode == 0

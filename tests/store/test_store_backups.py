"""Backups: an append-only copy of the log (a prefix of it, a few events behind), verify over it, and restore of the
longest good one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from runsheet.errors import StoreError
from runsheet.store import backups
from runsheet.store.log import verify
from storefile import load, save

ROOT = Path(__file__).resolve().parents[2]


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "run.py", *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)


@pytest.fixture
def small(monkeypatch):
    monkeypatch.setattr(backups, "EVERY", 5)


def fill(session, commands: int) -> None:
    session.agenda.next_step()
    for k in range(commands):
        session.agenda.adjust(1 if k % 2 == 0 else -1)


def test_the_backup_is_a_prefix_of_the_log_a_few_events_behind(session, small):
    fill(session, 22)  # 1 created + 1 started + 22 adjustments = 24 events
    (copy,) = backups.saved(session.path)
    assert copy.name == "log.jsonl"
    store = Path(session.path).read_bytes()
    assert store.startswith(copy.read_bytes()) and len(copy.read_bytes()) < len(store)
    assert verify(str(copy)).ok and verify(str(copy)).events == 20


def test_the_backup_grows_by_what_the_log_gained_not_by_its_whole_size(session, small, monkeypatch):
    fill(session, 3)  # 5 events: the first copy
    copied = []
    real = backups.save

    def counting(store: str, end: int) -> Path:
        before = backups.folder(store).joinpath(backups.MIRROR).stat().st_size
        path = real(store, end)
        copied.append(path.stat().st_size - before)
        return path

    monkeypatch.setattr(backups, "save", counting)
    for k in range(10):
        session.agenda.adjust(1 if k % 2 == 0 else -1)
    assert len(copied) == 2 and all(0 < n < 5 * 1024 for n in copied)  # five events' lines, not the store


def test_restore_puts_back_the_longest_backup_that_verifies_and_keeps_the_damaged_store(session, small):
    fill(session, 22)
    store = Path(session.path)
    doc = load(store)
    doc["events"]["3"]["data"]["seconds"] = 600  # the store edited
    save(store, doc)
    damaged = store.read_bytes()
    backup, events, aside = backups.restore(session.path)
    assert backup.name == "log.jsonl" and events == 20
    assert aside is not None and aside.read_bytes() == damaged  # the damaged store is kept, not deleted
    assert verify(session.path).ok and verify(session.path).events == 20


def test_a_copy_that_no_longer_matches_the_log_is_set_aside_and_a_new_one_begins(session, small, tmp_path):
    fill(session, 8)  # 10 events, the copy at 10
    store = Path(session.path)
    doc = load(store)
    for key in ("10", "9", "8"):
        del doc["events"][key]  # the store rolled back to 7 events behind the copy's back
    save(store, doc)
    from runsheet.commands import Session

    fill(Session(session.path), 3)  # 7 + 4 = 11 events: a copy is due, and the old one is no prefix of the log
    names = sorted(p.name for p in backups.saved(session.path))
    assert names[0].startswith("log-00000010-") and names[1] == "log.jsonl"  # the old copy kept, by its events
    assert all(verify(str(p)).ok for p in backups.saved(session.path))


def test_restore_with_no_good_backup_says_so(session, small):
    store = Path(session.path)
    store.write_bytes(store.read_bytes().replace(b'"role":"chair"', b'"role":"chain"', 1))  # damaged, no backup yet
    with pytest.raises(StoreError, match="no backup"):
        backups.restore(session.path)


def test_cli_verify_checks_backups_and_a_refused_store_names_the_restore_command(session, small):
    fill(session, 8)  # 10 events: a copy at 10
    good = run("verify", "--db", session.path)
    assert good.returncode == 0 and "log.jsonl" in good.stdout
    store = Path(session.path)
    doc = load(store)
    doc["events"]["4"]["data"]["seconds"] = 3600
    save(store, doc)
    refused = run("status", "--db", session.path)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert f"restore --db {session.path}" in refused.stderr
    checked = run("verify", "--db", session.path)
    assert checked.returncode == 1 and "ALTERED: event 4" in checked.stdout
    restored = run("restore", "--db", session.path)
    assert restored.returncode == 0, restored.stderr
    assert run("status", "--db", session.path, "--json").returncode == 0


def test_temporaries_left_by_a_killed_writer_are_removed_at_the_next_write(session, db):
    from runsheet.commands import Session
    from runsheet.store.storage import temporary_prefix

    stale = db.parent / f"{temporary_prefix(str(db))}abc123.tmp"
    stale.write_bytes(b'{"half": ')  # what a writer killed between write and rename leaves
    other = db.parent / ".someone-elses.tmp"
    other.write_bytes(b"x")
    Session(str(db)).attendance.attend(["A1"])
    assert not stale.exists() and other.exists()

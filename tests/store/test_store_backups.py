"""Rotating backups, verify over them, and restore of the last good one."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from runsheet.errors import StoreError
from runsheet.store import backups
from runsheet.store.log import verify

ROOT = Path(__file__).resolve().parents[2]


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "run.py", *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)


@pytest.fixture
def small(monkeypatch):
    monkeypatch.setattr(backups, "EVERY", 5)
    monkeypatch.setattr(backups, "KEEP", 3)


def fill(session, commands: int) -> None:
    session.agenda.next_step()
    for k in range(commands):
        session.agenda.adjust(1 if k % 2 == 0 else -1)


def test_a_backup_every_few_events_and_only_the_newest_kept(session, small):
    fill(session, 22)  # 1 created + 1 started + 22 adjustments = 24 events
    names = [p.name for p in backups.saved(session.path)]
    assert names == ["events-00000020.json", "events-00000015.json", "events-00000010.json"]
    assert all(verify(str(p)).ok for p in backups.saved(session.path))
    assert verify(str(backups.saved(session.path)[0])).events == 20


def test_restore_puts_back_the_newest_backup_that_verifies_and_keeps_the_damaged_store(session, small):
    fill(session, 22)
    newest = backups.saved(session.path)[0]
    doc = json.loads(newest.read_text())
    doc["events"]["3"]["data"]["seconds"] = 600  # the newest backup was altered too
    newest.write_text(json.dumps(doc))
    store = Path(session.path)
    store.write_text(store.read_text()[:100])  # and the store was truncated
    backup, events, aside = backups.restore(session.path)
    assert backup.name == "events-00000015.json" and events == 15
    assert aside is not None and len(aside.read_bytes()) == 100  # the damaged store is kept, not deleted
    assert verify(session.path).ok and verify(session.path).events == 15


def test_restore_with_no_good_backup_says_so(session, small):
    with pytest.raises(StoreError, match="no backup"):
        backups.restore(session.path)


def test_cli_verify_checks_backups_and_a_refused_store_names_the_restore_command(session, small):
    fill(session, 8)  # 10 events: one backup at 10
    good = run("verify", "--db", session.path)
    assert good.returncode == 0 and "events-00000010.json" in good.stdout
    store = Path(session.path)
    doc = json.loads(store.read_text())
    doc["events"]["4"]["data"]["seconds"] = 3600
    store.write_text(json.dumps(doc))
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

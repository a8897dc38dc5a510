"""A store of runsheet's earlier format (one JSON document, rewritten at every commit) is refused with the way
forward, and `run.py migrate` turns it, and its backups, into the append-only one, keeping the old files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from runsheet.commands import Session
from runsheet.errors import StoreError
from runsheet.store.log import verify
from storefile import docs

ROOT = Path(__file__).resolve().parents[2]


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "run.py", *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=60)


def as_format1(events: list[dict]) -> bytes:
    """The events as the earlier runsheet wrote them: TinyDB's layout, the head in a meta table."""
    return orjson.dumps({"events": {str(e["seq"]): e for e in events},
                         "meta": {"1": {"format": 1, "head_seq": events[-1]["seq"], "head_hash": events[-1]["hash"]}}})


@pytest.fixture
def old(session, db) -> tuple[Path, list[dict]]:
    """The mini congress with 12 events in the earlier format, and two old backups (at 5 and 10 events)."""
    session.agenda.next_step()
    for k in range(10):
        session.agenda.adjust(1 if k % 2 == 0 else -1)
    events = docs(db)
    assert len(events) == 12
    for path in db.parent.glob("congress.json.*"):  # the new format's own files: an old store had none
        if path.is_dir():
            for item in path.iterdir():
                item.unlink()
            path.rmdir()
    db.write_bytes(as_format1(events))
    folder = db.parent / "congress.json.backups"
    folder.mkdir()
    for n in (5, 10):
        (folder / f"events-{n:08d}.json").write_bytes(as_format1(events[:n]))
    return db, events


def test_a_store_of_the_earlier_format_is_refused_with_the_way_forward(old):
    db, _ = old
    with pytest.raises(StoreError, match="migrate"):
        Session(str(db))
    refused = run("status", "--db", db)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert f"run.py migrate --db {db}" in refused.stderr and "restore" not in refused.stderr


def test_migrate_turns_the_store_and_its_backups_into_lines_keeping_the_old_files(old):
    db, events = old
    before = db.read_bytes()
    done = run("migrate", "--db", db)
    assert done.returncode == 0, done.stderr
    assert docs(db) == events  # the same events, the same hashes
    assert verify(str(db)).ok and Session(str(db)).state.agenda.current == "khai-mac"
    assert (db.parent / "congress.json.format1").read_bytes() == before
    folder = db.parent / "congress.json.backups"
    assert sorted(p.name for p in folder.glob("*.jsonl")) == ["events-00000005.jsonl", "events-00000010.jsonl",
                                                              "log.jsonl"]
    assert all(verify(str(p)).ok for p in folder.glob("*.jsonl"))
    assert sorted(p.name for p in (folder / "format1").iterdir()) == ["events-00000005.json", "events-00000010.json"]
    Session(str(db)).agenda.adjust(1)  # and it takes new events
    assert verify(str(db)).events == 13
    again = run("migrate", "--db", db)
    assert again.returncode == 2 and "nothing to migrate" in again.stderr


def test_an_altered_old_store_is_not_migrated_and_nothing_changes(old):
    db, events = old
    events[4]["data"]["seconds"] = 3600
    db.write_bytes(as_format1(events))
    def files() -> list[str]:
        return sorted(p.name for p in db.parent.rglob("*") if not p.name.endswith(".lock"))

    before = files()
    refused = run("migrate", "--db", db)
    assert refused.returncode == 1 and "event 5" in refused.stderr and "Traceback" not in refused.stderr
    assert files() == before
    assert db.read_bytes() == as_format1(events)

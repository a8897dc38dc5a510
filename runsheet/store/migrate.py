"""Turning a store of runsheet's earlier format (format1.py: one JSON document, rewritten at every commit) into the
append-only one (lines.py), its backups included. Nothing is deleted: the old store is kept as FILE.format1 and
its old backups in FILE.backups/format1/. Every event is checked (the same chain checks as verify) before
anything is written; a store or backup that does not verify is refused (the store) or left as it was (a backup)."""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from filelock import FileLock

from ..errors import StoreError, StoreMissingError
from . import backups, lines
from .events import Event
from .format1 import Format1Error, read_docs
from .log import LOCK_TIMEOUT, _checked, os_errors
from .storage import temporary_prefix


class NothingToMigrate(StoreError):
    """The store is already in the current format: bad input (exit status 2), nothing is changed."""

    exit_code = 2


@dataclass
class Migration:
    events: int
    kept_as: Path
    backups: list[tuple[Path, int]] = field(default_factory=list)  # converted backups and their events
    skipped: list[tuple[Path, str]] = field(default_factory=list)  # old backups that did not verify, and why


def migrate(store: str) -> Migration:
    store = os.path.realpath(store)
    if not os.path.isfile(store):
        raise StoreMissingError(f"{store}: no such store")
    with os_errors(store), FileLock(store + ".lock", timeout=LOCK_TIMEOUT):
        if lines.sniff(store) != "format1":
            raise NothingToMigrate(f"{store}: not a store of the earlier format: nothing to migrate")
        docs = _verified(store, Path(store).read_bytes())
        kept = Path(store + ".format1")
        if kept.exists():
            raise StoreError(f"{kept}: already there; move it away before migrating again")
        _write_lines(store, docs)
        done = Migration(len(docs), kept)
        old_folder = backups.folder(store)
        old = sorted(old_folder.glob("events-*.json")) if old_folder.is_dir() else []
        if old:
            aside = old_folder / "format1"
            aside.mkdir(exist_ok=True)
            for backup in old:
                try:
                    backup_docs = _verified(str(backup), backup.read_bytes())
                except StoreError as exc:
                    done.skipped.append((backup, str(exc)))
                    shutil.move(str(backup), aside / backup.name)
                    continue
                converted = backup.with_suffix(".jsonl")
                converted.write_bytes(b"".join(lines.commit_bytes([doc]) for doc in backup_docs))
                shutil.move(str(backup), aside / backup.name)
                done.backups.append((converted, len(backup_docs)))
        # the old store goes aside last: until here, a failure leaves it where it was
        os.replace(store, kept)
        os.replace(store + ".migrating", store)
        lines.fsync_folder(os.path.dirname(store))
        Path(store + ".snapshot").unlink(missing_ok=True)
        backups.save(store, os.path.getsize(store))
    return done


def _verified(path: str, raw: bytes) -> list[dict]:
    try:
        docs, head = read_docs(raw)
    except Format1Error as exc:
        raise StoreError(f"{path}: {exc}: it cannot be migrated; `run.py restore` may bring back a backup") from None
    prev: Event | None = None
    for seq, doc in enumerate(docs, start=1):
        prev = _checked(path, doc, seq, prev)
    if (head.get("head_seq"), head.get("head_hash")) != (prev.seq, prev.hash):
        raise StoreError(f"{path}: its head does not match its last event: events were removed or replaced")
    return docs


def _write_lines(store: str, docs: list[dict]) -> None:
    """The new store beside the old one (FILE.migrating), one commit per event, fsynced."""
    fd, tmp = tempfile.mkstemp(prefix=temporary_prefix(store), suffix=".tmp", dir=os.path.dirname(store))
    with os.fdopen(fd, "wb") as f:
        for doc in docs:
            f.write(lines.commit_bytes([doc]))
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, store + ".migrating")

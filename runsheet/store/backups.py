"""Backups of a store: prefixes of its log, and bringing back the longest good one.

FILE.backups/log.jsonl is an append-only copy of the store's log: every EVERY events the writer appends to it what
the store gained since (the bytes of whole commits, fsynced), so the backup is always a prefix of the log, at most
EVERY events behind, and costs a few kilobytes a time however long the log. Should the store and its copy ever
disagree (a store rolled back, or restored from elsewhere), the copy is set aside as log-<seq>.jsonl, never
deleted, and a new one starts. Stores migrated from the earlier format keep their old backups, converted, as
events-<seq>.jsonl: older prefixes.

A damaged store is refused at open; restore sets it aside as FILE.damaged-<time> and puts back the longest backup
that verifies.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from filelock import FileLock

from ..errors import StoreError
from . import lines
from .log import verify
from .storage import temporary_prefix

EVERY = 50
MIRROR = "log.jsonl"


def folder(store: str) -> Path:
    return Path(os.path.realpath(store) + ".backups")  # beside the file a symlink leads to


def crossed(before: int, after: int) -> bool:
    """Whether appending took the log past a multiple of EVERY."""
    return after // EVERY > before // EVERY


def save(store: str, end: int) -> Path:
    """Bring the copy up to the store's whole commits, which end at byte `end` (the caller holds the store's lock)."""
    target = folder(store)
    target.mkdir(exist_ok=True, mode=0o700)
    mirror = target / MIRROR
    size = _copied(store, mirror, end)
    if size < 0:
        _set_aside(mirror)
        size = 0
    with open(store, "rb") as source:
        source.seek(size)
        gained = source.read(end - size)
    fd = os.open(mirror, os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
    try:
        os.ftruncate(fd, size)  # an interrupted copy leaves an unfinished commit: cut it
        os.lseek(fd, size, os.SEEK_SET)
        written = 0
        while written < len(gained):
            written += os.write(fd, gained[written:])
        os.fsync(fd)
    finally:
        os.close(fd)
    return mirror


def _copied(store: str, mirror: Path, end: int) -> int:
    """How much of the store the copy holds (its size, when it ends where one of the store's commits ends and with
    the same line), or -1 when it is not a prefix of the store. Usually one stat and two short reads."""
    try:
        size = mirror.stat().st_size
    except FileNotFoundError:
        return 0
    if 0 < size <= end and _same_start(store, mirror, size) and _ends_a_commit(store, size):
        return size
    whole = _whole_size(mirror)  # an interrupted copy, or no prefix at all: read it to see
    return whole if 0 <= whole <= end and _same_start(store, mirror, whole) else -1


def _ends_a_commit(store: str, size: int) -> bool:
    """Whether the store's line ending at `size` ends a commit (carries no "more")."""
    with open(store, "rb") as f:
        f.seek(max(0, size - 65_536))
        tail = f.read(size - max(0, size - 65_536))
    if not tail.endswith(b"\n"):
        return False
    line = tail[tail.rfind(b"\n", 0, len(tail) - 1) + 1:]
    return not line.rstrip(b"\n").endswith(b'"more":1}')


def _whole_size(path: Path) -> int:
    """The bytes of a copy up to its last whole commit (0 if there is none)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return 0
    try:
        return lines.parse(raw).end
    except lines.Damaged:
        return -1  # a damaged copy is set aside


def _same_start(store: str, mirror: Path, size: int) -> bool:
    """Whether the copy's last whole line is the store's line at the same place (so the copy is its prefix)."""
    if size <= 0:
        return size == 0
    with open(mirror, "rb") as f:
        f.seek(max(0, size - 65_536))
        tail = f.read(size - max(0, size - 65_536))
    start = tail.rfind(b"\n", 0, len(tail) - 1) + 1
    line = tail[start:]
    with open(store, "rb") as f:
        f.seek(size - len(line))
        return f.read(len(line)) == line


def _set_aside(mirror: Path) -> None:
    if not mirror.exists():
        return
    events = len(lines.parse(mirror.read_bytes()).docs) if _whole_size(mirror) >= 0 else 0
    os.replace(mirror, mirror.with_name(f"log-{events:08d}-{time.strftime('%Y%m%d-%H%M%S')}.jsonl"))


def saved(store: str) -> list[Path]:
    """The backups: the live copy first, then the older prefixes, newest first."""
    target = folder(store)
    if not target.is_dir():
        return []
    older = sorted([*target.glob("log-*.jsonl"), *target.glob("events-*.jsonl")], reverse=True)
    mirror = target / MIRROR
    return ([mirror] if mirror.exists() else []) + older


def restore(store: str) -> tuple[Path, int, Path | None]:
    """Put back the longest backup that verifies; the store it replaces is kept beside it, never deleted.
    Returns (the backup, its events, where the replaced store was set aside)."""
    with FileLock(os.path.realpath(store) + ".lock", timeout=30):  # no terminal writes while the store is put back
        return _restore(store)


class NothingToRestore(StoreError):
    """The store verifies and agrees with every backup: it is never replaced (exit status 2)."""

    exit_code = 2


def _restore(store: str) -> tuple[Path, int, Path | None]:
    if os.path.exists(store) and verify(store).ok:
        from .witness import compare, whole_docs

        docs = whole_docs(store)
        if all(compare(store, backup, docs).ok for backup in saved(store)):
            raise NothingToRestore(f"{store}: the store verifies and agrees with its backups: nothing to restore "
                                   f"(it is never replaced by an older copy)", "store.nothing_to_restore", path=store)
    good = [(report.events, backup) for backup in saved(store)
            if (report := verify(str(backup))).ok and report.events]
    if not good:
        raise StoreError(f"{store}: no backup that verifies was found in {folder(store)}")
    events, backup = max(good, key=lambda item: item[0])
    aside = None
    if os.path.exists(store):
        aside = Path(f"{store}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
        os.replace(store, aside)
    fd, tmp = tempfile.mkstemp(prefix=temporary_prefix(store), suffix=".tmp",
                               dir=os.path.dirname(os.path.realpath(store)))
    os.close(fd)
    raw = backup.read_bytes()
    with open(tmp, "wb") as f:
        f.write(raw[:lines.parse(raw).end])  # whole commits only
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, store)
    lines.fsync_folder(os.path.dirname(os.path.realpath(store)))
    for stale in (os.path.realpath(store) + ".snapshot",):  # a snapshot of the replaced store is no use
        Path(stale).unlink(missing_ok=True)
    return backup, events, aside

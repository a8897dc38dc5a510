"""Rotating backups of a store, and bringing back the last good one.

Every EVERY events the writer also saves the bytes it has just written as FILE.backups/events-<seq>.json
(atomically, like the store); the newest KEEP are kept. A damaged or altered store is refused at open; restore
sets it aside as FILE.damaged-<time> and puts back the newest backup that verifies.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

from filelock import FileLock

from ..errors import StoreError
from .log import verify
from .storage import temporary_prefix

EVERY = 50
KEEP = 10


def folder(store: str) -> Path:
    return Path(store + ".backups")


def crossed(before: int, after: int) -> bool:
    """Whether appending took the log past a multiple of EVERY."""
    return after // EVERY > before // EVERY


def save(store: str, raw: bytes, seq: int) -> Path:
    target = folder(store)
    target.mkdir(exist_ok=True)
    path = target / f"events-{seq:08d}.json"
    fd, tmp = tempfile.mkstemp(prefix=".backup-", suffix=".tmp", dir=target)
    with os.fdopen(fd, "wb") as f:
        f.write(raw)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    for old in saved(store)[KEEP:]:
        old.unlink(missing_ok=True)
    return path


def saved(store: str) -> list[Path]:
    """Backups, newest first."""
    target = folder(store)
    return sorted(target.glob("events-*.json"), reverse=True) if target.is_dir() else []


def restore(store: str) -> tuple[Path, int, Path | None]:
    """Put back the newest backup that verifies; the store it replaces is kept beside it, never deleted.
    Returns (the backup, its events, where the replaced store was set aside)."""
    with FileLock(os.path.abspath(store) + ".lock", timeout=30):  # no terminal writes while the store is put back
        return _restore(store)


def _restore(store: str) -> tuple[Path, int, Path | None]:
    for backup in saved(store):
        report = verify(str(backup))
        if report.ok:
            aside = None
            if os.path.exists(store):
                aside = Path(f"{store}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
                os.replace(store, aside)
            fd, tmp = tempfile.mkstemp(prefix=temporary_prefix(store), suffix=".tmp",
                                       dir=os.path.dirname(os.path.abspath(store)))
            os.close(fd)
            shutil.copyfile(backup, tmp)
            os.replace(tmp, store)
            return backup, report.events, aside
    raise StoreError(f"{store}: no backup that verifies was found in {folder(store)}")

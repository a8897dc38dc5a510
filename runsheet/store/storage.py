"""The store as a TinyDB storage, and the file-system helpers the store shares.

`TinyDB(path, storage=AppendOnlyStorage)` opens a store: its table "events" holds one document per event, keyed
by seq, read from the file's lines (lines.py). The storage only ever appends: a write may add events after the
last one, never change or remove one (refused with StoreError). runsheet itself commits through the log's own
appender (log.py), which writes one commit's lines at once under the lock; TinyDB's Table.insert rebuilds its whole
table for every document and is not used. Callers of this storage hold the store's lock around a read and write.
"""

from __future__ import annotations

import errno
import glob
import os

import orjson
from tinydb.storages import Storage

from ..errors import Say, StoreError
from . import lines

# the usual reasons a write fails, said in the congress's language on a screen
OS_REASONS = {getattr(errno, name): key for name, key in (
    ("ENOSPC", "store.disk_full"), ("EDQUOT", "store.disk_full"), ("EACCES", "store.no_permission"),
    ("EPERM", "store.no_permission"), ("EROFS", "store.read_only")) if hasattr(errno, name)}


def os_error(path: str, exc: OSError, written: bool = False) -> StoreError:
    """The StoreError that says an OSError, naming the usual causes in the congress's language."""
    reason = OS_REASONS.get(exc.errno)
    head = f"{path}: the write failed, nothing was changed: " if written else f"{path}: "
    return StoreError(head + (exc.strerror or str(exc)), "store.write_failed" if written else "store.os_error",
                      path=path, reason=Say(reason) if reason else (exc.strerror or str(exc)))


class AppendOnlyStorage(Storage):
    def __init__(self, path: str, **_: object):
        self.path = os.path.realpath(path)
        self.file = lines.LogFile(self.path)
        self.docs: list[dict] = []

    def read(self) -> dict:
        try:
            commit = self.file.read_new()
        except lines.Replaced:
            self.file = lines.LogFile(self.path)
            self.docs = []
            commit = self.file.read_new()
        except lines.Damaged as exc:
            raise StoreError(f"{self.path}: {exc}") from None
        except OSError as exc:
            raise os_error(self.path, exc) from None
        self.docs.extend(commit.docs)
        # a copy: TinyDB edits the documents it is given in place, and the file's own must stay as read
        return {"events": {str(doc["seq"]): orjson.loads(orjson.dumps(doc)) for doc in self.docs}}

    def write(self, data: dict) -> None:
        table = data.get("events", {})
        self.read()
        known = {str(doc["seq"]): doc for doc in self.docs}
        for key, doc in known.items():
            if table.get(key) != doc:
                raise StoreError(f"{self.path}: event {key} would be changed or removed: the store is append-only")
        added = [table[key] for key in sorted(set(table) - set(known), key=int)]
        if added:
            try:
                self.file.append(added)
            except OSError as exc:
                raise os_error(self.path, exc, written=True) from None
            self.docs.extend(added)

    def close(self) -> None:
        pass


def temporary_prefix(path: str) -> str:
    """Temporary files of a store are named after it, so the ones a killed writer left can be found."""
    return f".{os.path.basename(path)}."


def remove_stale_temporaries(path: str) -> int:
    """Remove the temporary files a writer killed mid-write left beside the store (and among its backups).
    Only call it holding the store's lock: every write of the store happens under it, so none is in progress."""
    removed = 0
    path = os.path.realpath(path)
    folder = os.path.dirname(path)
    patterns = (os.path.join(glob.escape(folder), glob.escape(temporary_prefix(path)) + "*.tmp"),
                os.path.join(glob.escape(path + ".backups"), ".backup-*.tmp"))
    for pattern in patterns:
        for stale in glob.glob(pattern):
            try:
                os.unlink(stale)
                removed += 1
            except OSError:
                pass
    return removed

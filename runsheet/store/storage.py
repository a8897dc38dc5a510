"""A TinyDB storage that is safe with several processes on one host.

TinyDB's JSONStorage rewrites the file in place (a reader in another process can see half a file) and keeps
no notion of another writer. This one writes a temporary file in the same folder, fsyncs it, renames it over
the store with os.replace and fsyncs the folder, so the store on disk is always one whole version. Reads are
cached by the file's (inode, mtime_ns, size): the log only grows, so a new version always has a new size.
Callers serialise read-modify-write with the lock file (see log.py).
"""

from __future__ import annotations

import errno
import glob
import os
import tempfile
import time

import orjson
from tinydb.storages import Storage

from ..errors import StoreError

# the usual reasons a write fails, said in the congress's language on a screen
OS_REASONS = {getattr(errno, name): key for name, key in (
    ("ENOSPC", "store.disk_full"), ("EDQUOT", "store.disk_full"), ("EACCES", "store.no_permission"),
    ("EPERM", "store.no_permission"), ("EROFS", "store.read_only")) if hasattr(errno, name)}


def os_error(path: str, exc: OSError, written: bool = False) -> StoreError:
    """The StoreError that says an OSError, naming the usual causes in the congress's language."""
    reason = OS_REASONS.get(exc.errno)
    head = f"{path}: the write failed, nothing was changed: " if written else f"{path}: "
    return StoreError(head + (exc.strerror or str(exc)), "store.write_failed" if written else "store.os_error",
                      path=path, reason="@" + reason if reason else (exc.strerror or str(exc)))


def _signature(st: os.stat_result) -> tuple[int, int, int]:
    return (st.st_ino, st.st_mtime_ns, st.st_size)


class AtomicJSONStorage(Storage):
    def __init__(self, path: str, create: bool = False, **_: object):
        self.path = os.path.abspath(path)
        self.folder = os.path.dirname(self.path)
        self._cache: dict | None = None
        self._sig: tuple[int, int, int] | None = None
        if create:
            self.write({})

    def signature(self) -> tuple[int, int, int] | None:
        try:
            return _signature(os.stat(self.path))
        except FileNotFoundError:
            return None

    def changed(self) -> bool:
        """Cheap test (one stat) whether another process wrote since our last read or write."""
        return self.signature() != self._sig

    def read(self) -> dict | None:
        sig = self.signature()
        if sig is None:
            raise StoreError(f"{self.path}: the store does not exist")
        if sig == self._sig and self._cache is not None:
            return self._cache
        raw, sig = self._read_file()
        if not raw.strip():
            raise StoreError(f"{self.path}: the store is empty (truncated?)")
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            raise StoreError(f"{self.path}: the store is not valid JSON ({exc}); it was damaged or edited") from None
        if not isinstance(data, dict):
            raise StoreError(f"{self.path}: the store is not a runsheet store")
        self._cache, self._sig = data, sig
        return data

    def _read_file(self) -> tuple[bytes, tuple[int, int, int]]:
        # On Windows the file can be briefly unopenable while another process renames over it.
        for attempt in range(100):
            try:
                with open(self.path, "rb") as f:
                    return f.read(), _signature(os.fstat(f.fileno()))
            except PermissionError:
                if os.name != "nt" or attempt == 99:
                    raise StoreError(f"{self.path}: permission denied") from None
                time.sleep(0.01)
            except OSError as exc:
                raise StoreError(f"{self.path}: {exc.strerror or exc}") from None
        raise AssertionError("unreachable")

    def write(self, data: dict) -> None:
        raw = orjson.dumps(data)
        try:
            fd, tmp = tempfile.mkstemp(prefix=temporary_prefix(self.path), suffix=".tmp", dir=self.folder)
        except OSError as exc:
            raise os_error(self.path, exc, written=True) from None
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(raw)
                f.flush()
                os.fsync(f.fileno())
            _replace(tmp, self.path)
        except BaseException as exc:
            self._cache = self._sig = None
            try:
                os.unlink(tmp)
            except OSError:
                pass
            if isinstance(exc, OSError):
                raise os_error(self.path, exc, written=True) from None
            raise
        _fsync_folder(self.folder)
        self._cache, self._sig = data, self.signature()
        self.last_written = raw  # for a backup of exactly this version

    def close(self) -> None:
        self._cache = self._sig = None


def _replace(source: str, target: str) -> None:
    # On Windows a rename over a file that a reader has open fails with PermissionError for a moment;
    # readers hold the file only while reading it, so a short retry is enough.
    for attempt in range(100):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if os.name != "nt" or attempt == 99:
                raise
            time.sleep(0.01)


def _fsync_folder(folder: str) -> None:
    # Makes the rename itself durable. Windows cannot open a folder for fsync; NTFS journals the rename.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def temporary_prefix(path: str) -> str:
    """Temporary files of a store are named after it, so the ones a killed writer left can be found."""
    return f".{os.path.basename(path)}."


def remove_stale_temporaries(path: str) -> int:
    """Remove the temporary files a writer killed mid-write left beside the store (and among its backups).
    Only call it holding the store's lock: every write of the store happens under it, so none is in progress."""
    removed = 0
    folder = os.path.dirname(os.path.abspath(path))
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

"""The store's lock: FILE.lock, held by the one terminal writing.

On POSIX the lock file is opened once and locked with flock() at each commit (filelock, used where there is no
fcntl, reopens the file and walks its own bookkeeping every time: a third of what a commit costs besides its
fsync). flock() locks belong to an open file, so two handles in one process exclude each other as two processes do,
and filelock's FileLock (used by restore and migrate) takes the very same lock.
"""

from __future__ import annotations

import os
import time

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

from filelock import FileLock, Timeout

POLL = 0.005  # how often a waiting writer tries again


class Busy(Exception):
    """Another terminal kept the lock past the time given."""


class StoreLock:
    def __init__(self, path: str):
        self.path = path
        self._fd: int | None = None
        self._fallback = FileLock(path, poll_interval=POLL) if fcntl is None else None

    def acquire(self, timeout: float) -> None:
        if self._fallback is not None:
            try:
                self._fallback.acquire(timeout=timeout)
            except Timeout:
                raise Busy(self.path) from None
            return
        deadline = time.monotonic() + timeout
        while True:
            fd = self._open()
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise Busy(self.path) from None
                time.sleep(POLL)
                continue
            if self._same_file(fd):
                return
            fcntl.flock(fd, fcntl.LOCK_UN)  # the lock file was removed and made again: lock the new one
            os.close(fd)
            self._fd = None

    def release(self) -> None:
        if self._fallback is not None:
            self._fallback.release()
        elif self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)

    def _open(self) -> int:
        if self._fd is None:
            # read-only is enough for flock(), and keeps no file open for writing (a folder can be remounted)
            self._fd = os.open(self.path, os.O_RDONLY | os.O_CREAT, 0o644)
        return self._fd

    def _same_file(self, fd: int) -> bool:
        try:
            return os.fstat(fd).st_ino == os.stat(self.path).st_ino
        except FileNotFoundError:
            return False

    def __del__(self) -> None:
        if self._fd is not None:
            try:
                os.close(self._fd)
            except OSError:
                pass

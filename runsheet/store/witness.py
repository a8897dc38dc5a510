"""Witnesses of a store: copies of its log kept where a tamperer of the store may not reach (a USB key, a folder on
another computer), and the comparison of the store with any copy of its log (a witness or a backup).

Anyone who can write the store can recompute its hash chain: a rewritten history verifies on its own. A copy made
earlier cannot be rewritten with it, and a store that disagrees with one of its copies (another event at the same
seq), or is shorter than one (events removed from the end: a rollback), is caught by `verify`. A copy shorter than
the store is simply behind.

`run.py witness --db FILE DIR` keeps DIR/<store name>.witness.jsonl: it appends, as they are committed, the store's
whole commits (fsynced), and refuses to go on if the store no longer starts with what it has already copied.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import StoreError
from . import lines


@dataclass(frozen=True)
class Agreement:
    """How a store and one copy of its log compare."""

    copy: str
    store_events: int
    copy_events: int
    differs_at: int | None = None  # the first seq where they hold different events
    problem: str | None = None  # the copy could not be read

    @property
    def ok(self) -> bool:
        return self.problem is None and self.differs_at is None and self.store_events >= self.copy_events

    @property
    def rolled_back(self) -> bool:
        return self.problem is None and self.differs_at is None and self.store_events < self.copy_events

    def describe(self) -> str:
        if self.problem:
            return f"{self.copy}: {self.problem}"
        if self.differs_at is not None:
            return (f"{self.copy} holds another event {self.differs_at} than the store: the store's history was "
                    f"rewritten (or the copy is of another store)")
        if self.rolled_back:
            return (f"{self.copy} holds {self.copy_events} events and the store only {self.store_events}: events "
                    f"were removed from the store's end (rolled back)")
        return f"{self.copy}: agrees ({self.copy_events} of the store's {self.store_events} events)"


def whole_docs(path: str | Path) -> list[dict]:
    """The event documents of a log file's whole commits (lines that cannot be read end the reading)."""
    with open(path, "rb") as f:
        raw = f.read()
    try:
        return lines.parse(raw).docs
    except lines.Damaged as exc:
        return lines.parse(raw[:exc.offset]).docs


def compare(store: str, copy: str | Path, store_docs: list[dict] | None = None) -> Agreement:
    """Compare a store with a copy of its log, event by event (seq and hash)."""
    ours = whole_docs(store) if store_docs is None else store_docs
    try:
        theirs = whole_docs(copy)
    except OSError as exc:
        return Agreement(str(copy), len(ours), 0, problem=exc.strerror or str(exc))
    for index, (mine, other) in enumerate(zip(ours, theirs), start=1):
        if (mine.get("seq"), mine.get("hash")) != (other.get("seq"), other.get("hash")):
            return Agreement(str(copy), len(ours), len(theirs), differs_at=index)
    return Agreement(str(copy), len(ours), len(theirs))


def witness_path(store: str, folder: str | Path) -> Path:
    return Path(folder) / f"{os.path.basename(store)}.witness.jsonl"


class Witness:
    """A witness of one store kept in a folder: caught up commit by commit."""

    def __init__(self, store: str, folder: str | Path):
        self.store = store
        self.path = witness_path(store, folder)
        self.size = -1  # the witness's whole commits, once checked against the store (-1: not yet)
        self.last_line = b""

    def catch_up(self) -> int:
        """Append what the store committed since; the bytes added. Refuses, adding nothing, a store that no longer
        starts with what the witness holds."""
        if self.size < 0:
            self._check_all()
        with open(self.store, "rb") as f:
            f.seek(self.size - len(self.last_line))
            raw = f.read()
        if not raw.startswith(self.last_line):
            self._disagrees()
        gained = raw[len(self.last_line):]
        commit = lines.parse(gained, self.size)
        data = gained[:commit.end - self.size]
        if not data:
            return 0
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
        try:
            os.ftruncate(fd, self.size)  # an interrupted copy: its unfinished commit is cut
            os.lseek(fd, self.size, os.SEEK_SET)
            written = 0
            while written < len(data):
                written += os.write(fd, data[written:])
            os.fsync(fd)
        finally:
            os.close(fd)
        self.size = commit.end
        self.last_line = data[data.rfind(b"\n", 0, len(data) - 1) + 1:]
        return len(data)

    def _check_all(self) -> None:
        """The first time: the whole witness must be where the store starts."""
        try:
            copied = self.path.read_bytes()
        except FileNotFoundError:
            copied = b""
        have = lines.parse(copied).end if copied else 0
        with open(self.store, "rb") as f:
            if f.read(have) != copied[:have]:
                self._disagrees()
        self.size = have
        self.last_line = copied[copied.rfind(b"\n", 0, have - 1) + 1:have] if have else b""

    def _disagrees(self):
        raise StoreError(f"{self.store}: the store no longer starts with what {self.path} witnessed: its history was "
                         f"rewritten or rolled back; the witness is kept as it is", "store.witness_disagrees",
                         path=str(self.path))


def follow(store: str, folder: str | Path, every: float = 0.5, stop: Callable[[], bool] = lambda: False,
           told: Callable[[int], None] = lambda added: None) -> None:
    """Keep the witness caught up until stop() says so (Ctrl+C on the command line)."""
    witness = Witness(store, folder)
    size = -1
    while not stop():
        current = os.stat(store).st_size
        if current != size:
            added = witness.catch_up()
            if added:
                told(added)
            size = current
        time.sleep(every)

"""The append-only, hash-chained event log of one congress: one JSON line per event (lines.py).

Every write holds a lock on a separate FILE.lock (filelock: POSIX and Windows). A commit appends only its own
lines, with one write and one fsync; a reader reads only what was appended since it last looked. Opening a long
store reads its snapshot (snapshot.py) and the lines after it; `verify` always reads everything. Backups are
prefixes of the log kept in FILE.backups/ (backups.py).

Each event chains to the one before by its hash. A line that does not parse, or does not chain, is damage: refused
with what is wrong (`run.py restore` brings back the longest backup that verifies). Lines after the last whole
commit were never committed: ignored, and cut away by the next writer.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import overload

from filelock import FileLock

from ..errors import StoreDamaged, StoreError, StoreExistsError, StoreMissingError
from . import lines, snapshot
from .lock import Busy, StoreLock
from .events import DOC_KEYS, GENESIS, Event, Payload
from .storage import os_error, remove_stale_temporaries

LOCK_TIMEOUT = float(os.environ.get("RUNSHEET_LOCK_TIMEOUT", "15"))  # seconds a writer waits for another
WAIT_NOTICE = 0.2  # a lock not had within this long: the terminal says it is waiting for another one


class LockTimeout(StoreError):
    """Another terminal held the store's lock for too long: nothing was written; trying again is safe."""

    def __init__(self, path: str):
        super().__init__(f"{path}: another terminal has held the store's lock for {LOCK_TIMEOUT:.0f} s; "
                         f"nothing was written; try again", "store.lock_timeout", seconds=f"{LOCK_TIMEOUT:.0f}")


class OldFormat(StoreError):
    """A store of runsheet's earlier format (one JSON document): `run.py migrate` turns it into this one."""

    def __init__(self, path: str):
        super().__init__(f"{path}: this store is in runsheet's earlier format; turn it into the current one with "
                         f"`run.py migrate --db {path}` (the old file is kept beside it)", "store.old_format",
                         path=path)


class Events(Sequence[Event]):
    """The log's events, in order. When the log was opened from a snapshot the events before it are read from the
    file only if someone asks for them (a report, a digest check): a terminal that only follows the log never
    holds them."""

    def __init__(self, log: EventLog, base: int):
        self._log = log
        self._base = base  # events before the tail, not read yet (0 once read)
        self._items: list[Event] = []

    def __len__(self) -> int:
        return self._base + len(self._items)

    @overload
    def __getitem__(self, index: int) -> Event: ...
    @overload
    def __getitem__(self, index: slice) -> list[Event]: ...

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step == 1 and start >= self._base:
                return self._items[start - self._base:stop - self._base]
            self._load()
            return self._items[index]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        if index < self._base:
            self._load()
            return self._items[index]
        return self._items[index - self._base]

    def __iter__(self) -> Iterator[Event]:
        self._load()
        return iter(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (Events, list)):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def tail_from(self, position: int) -> list[Event]:
        """The events from `position` (0-based) on, without reading what lies before the tail."""
        return self[position:]

    def extend(self, events: list[Event]) -> None:
        self._items.extend(events)

    def last(self) -> Event | None:
        if self._items:
            return self._items[-1]
        return self._log.snapshot_head

    def _load(self) -> None:
        if self._base:
            prefix = self._log.read_prefix(self._base)
            self._items[:0] = prefix
            self._base = 0


class EventLog:
    """One process's view of the log: the events it has read so far, refreshed on demand."""

    def __init__(self, path: str, use_snapshot: bool = True):
        self.path = os.path.realpath(path)
        if not os.path.isfile(self.path):
            raise StoreMissingError(f"{path}: no such store (create one with `run.py new`)")
        with os_errors(self.path):
            kind = lines.sniff(self.path)
        if kind == "format1":
            raise OldFormat(self.path)
        if kind != "lines":
            raise StoreDamaged(f"{self.path}: not a runsheet store (empty, or not one event per line)")
        self._lock = StoreLock(self.path + ".lock")
        self._swept = False
        self.file = lines.LogFile(self.path)
        self.snapshot: snapshot.Snapshot | None = snapshot.read(self.path) if use_snapshot else None
        self.snapshot_head: Event | None = None
        self.last_line_start = 0  # where the last event's line starts (a snapshot names it)
        self.warnings: list[StoreError] = []  # what failed after a commit (the commit stands): said, not raised
        if self.snapshot is not None and not self._start_from_snapshot(self.snapshot):
            self.snapshot = None
        self.events = Events(self, self.snapshot.seq if self.snapshot else 0)
        self.refresh()
        if not len(self.events):
            raise StoreDamaged(f"{self.path}: the store holds no committed event")

    @classmethod
    def create(cls, path: str, first: Event) -> EventLog:
        path = os.path.realpath(path)
        with os_errors(path):
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with FileLock(path + ".lock", timeout=LOCK_TIMEOUT):
                if os.path.exists(path):
                    raise StoreExistsError(f"{path}: a store already exists there; it is never overwritten")
                lines.create(path, first.to_doc())
        return cls(path)

    @property
    def head(self) -> Event | None:
        return self.events.last()

    def changed(self) -> bool:
        return self.file.changed()

    # ---- reading ------------------------------------------------------------------------------------------------
    def _start_from_snapshot(self, snap: snapshot.Snapshot) -> bool:
        """Whether the store's line at the snapshot's offset is the snapshot's event (then reading starts there)."""
        try:
            with open(self.path, "rb") as f:
                st = os.fstat(f.fileno())
                if st.st_size < snap.offset:
                    return False
                f.seek(snap.line_start)
                raw = f.read(snap.offset - snap.line_start)
            commit = lines.parse(raw, snap.line_start)
            if len(commit.docs) != 1 or commit.docs[0] != snap.head or commit.end != snap.offset:
                return False
            head = _checked(self.path, commit.docs[0], snap.seq, None, check_prev=False)
        except (OSError, lines.Damaged, StoreError):
            return False
        self.snapshot_head = head
        self.last_line_start = snap.line_start
        self.file.start_at(snap.offset, snap.lines, st.st_ino, raw)
        return True

    def refresh(self) -> list[Event]:
        """Read the events other processes appended since our last look; check that they chain on."""
        try:
            with os_errors(self.path):
                commit = self.file.read_new()
        except lines.Replaced:
            raise replaced(self.path) from None
        except lines.Damaged as exc:
            raise StoreDamaged(f"{self.path}: {exc}: the store was damaged or edited; run `run.py verify` for "
                             f"details") from None
        if not commit.docs:
            return []
        new: list[Event] = []
        prev = self.head
        seq = len(self.events)
        for doc in commit.docs:
            seq += 1
            event = _checked(self.path, doc, seq, prev)
            new.append(event)
            prev = event
        self.last_line_start = commit.last_line
        self.events.extend(new)
        return new

    def read_prefix(self, count: int) -> list[Event]:
        """The first `count` events, read from the file and checked (the part a snapshot stood in for)."""
        with os_errors(self.path), open(self.path, "rb") as f:
            raw = f.read(self.snapshot.offset if self.snapshot else None)
        enabled = gc.isenabled()
        gc.disable()
        try:
            commit = lines.parse(raw)
            events: list[Event] = []
            prev = None
            for seq, doc in enumerate(commit.docs[:count], start=1):
                prev = _checked(self.path, doc, seq, prev)
                events.append(prev)
        except lines.Damaged as exc:
            raise StoreDamaged(f"{self.path}: {exc}: the store was damaged or edited") from None
        finally:
            if enabled:
                gc.enable()
        if len(events) != count or events[-1].hash != self.snapshot_head.hash:
            raise StoreDamaged(f"{self.path}: the events before the snapshot do not lead to it: the store was "
                             f"altered; run `run.py verify`")
        return events

    # ---- writing ------------------------------------------------------------------------------------------------
    @contextmanager
    def locked(self, waiting: Callable[[], None] | None = None) -> Iterator[None]:
        """Hold the store's lock (every write happens under it). When another terminal holds it for more than a
        moment, waiting() is called once (a screen says so) before waiting on, up to LOCK_TIMEOUT."""
        with os_errors(self.path):
            self._acquire(waiting)
        try:
            if not self._swept:  # once a terminal: what a writer killed mid-write left behind
                remove_stale_temporaries(self.path)
                self._swept = True
            yield
        finally:
            self._lock.release()

    def _acquire(self, waiting: Callable[[], None] | None) -> None:
        try:
            self._lock.acquire(timeout=WAIT_NOTICE if waiting is not None else LOCK_TIMEOUT)
            return
        except Busy:
            if waiting is None:
                raise LockTimeout(self.path) from None
        waiting()
        try:
            self._lock.acquire(timeout=LOCK_TIMEOUT - WAIT_NOTICE)
        except Busy:
            raise LockTimeout(self.path) from None

    def append(self, payloads: list[Payload], role: str, terminal: str, now: datetime) -> list[Event]:
        """Append events; the caller holds locked() and has refreshed (so its checks saw the latest state)."""
        if not payloads:
            return []
        new, prev = [], self.head
        for payload in payloads:
            prev = Event.make(prev, payload, role, terminal, now)
            new.append(prev)
        docs = [event.to_doc() for event in new]
        try:
            with os_errors(self.path, written=True):
                self.file.append(docs)
        except lines.Replaced:
            raise replaced(self.path) from None
        self.last_line_start = self.file.offset - len(lines.commit_bytes(docs[-1:]))
        before = len(self.events)
        self.events.extend(new)
        from . import backups  # imported here: backups uses verify() from this module

        if backups.crossed(before, prev.seq):
            try:
                with os_errors(self.path):
                    backups.save(self.path, self.file.offset)
            except StoreError as exc:  # the events are committed: a backup that failed is a warning, not a failure
                self.warnings.append(StoreError(f"{self.path}: the events were saved, but the backup copy was not: "
                                                f"{exc}", "store.backup_failed", problem=exc))
        return new

    def save_snapshot(self, state) -> None:
        """Write the snapshot of `state`, which must be folded up to this log's head."""
        head = self.head
        if head is None or state.seq != head.seq:
            return
        snapshot.write(self.path, state, head, self.file.offset, self.last_line_start, self.file.lines)

    def initial_state(self):
        """(a fresh CongressState of the log as read, the number of events it has folded): from the snapshot and
        the events after it, or from the first event on."""
        from .state import CongressState

        enabled = gc.isenabled()
        gc.disable()  # folding a long log makes hundreds of thousands of objects: no collection meanwhile
        try:
            if self.snapshot is not None:
                state = self.snapshot.fresh_state()
                tail = self.events.tail_from(self.snapshot.seq)
            else:
                state = CongressState(self.events[0])
                tail = self.events.tail_from(1)
            state.apply_all(tail)
        finally:
            if enabled:
                gc.enable()
        return state, len(self.events)


def replaced(path: str) -> StoreError:
    return StoreDamaged(f"{path}: the store was replaced or cut short while this terminal had it open (a restore, a "
                      f"migration, or an edit): open it again, and run `run.py verify`", "store.replaced", path=path)


@contextmanager
def os_errors(path: str, written: bool = False) -> Iterator[None]:
    """A file system refusal (permissions, a full disk, a folder in the way) as one clear line."""
    try:
        yield
    except OSError as exc:
        raise os_error(path, exc, written) from None


def _checked(path: str, doc: object, seq: int, prev: Event | None, check_prev: bool = True) -> Event:
    try:
        event = Event.from_doc(doc)  # type: ignore[arg-type]
    except (KeyError, TypeError, ValueError):
        raise StoreDamaged(f"{path}: event {seq} is missing or malformed; the store was damaged or edited") from None
    if set(doc) != DOC_KEYS:  # type: ignore[arg-type]
        raise StoreDamaged(f"{path}: event {seq} ({event.type}) has fields added or removed: it was edited")
    if event.seq != seq:
        raise StoreDamaged(f"{path}: event {seq} carries seq {event.seq}: events were moved or removed")
    if check_prev and event.prev != (prev.hash if prev else GENESIS):
        raise StoreDamaged(f"{path}: event {seq} ({event.type}) does not chain to event {seq - 1}: "
                         f"events were removed, inserted or reordered")
    if event.hash != event.expected_hash():
        raise StoreDamaged(f"{path}: event {seq} ({event.type}, {event.time}) was altered: its hash does not match "
                         f"its content")
    return event


@dataclass
class Verification:
    path: str
    events: int = 0
    head: str = ""
    problems: list[str] = field(default_factory=list)
    uncommitted: int = 0  # bytes after the last whole commit: a write interrupted, never committed (not a problem)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(path: str) -> Verification:
    """Re-check the whole store from the file on disk (never its snapshot), collecting every problem found."""
    report = Verification(path)
    if not os.path.isfile(path):
        raise StoreMissingError(f"{path}: no such store")
    with os_errors(path), open(path, "rb") as f:
        raw = f.read()
    if raw.startswith(lines.FORMAT1_PREFIX):
        report.problems.append(f"{path}: a store of runsheet's earlier format: run `run.py migrate --db {path}`")
        return report
    docs, report.uncommitted = _readable_docs(raw, report.problems)
    if not docs:
        report.problems.append(f"{path}: no committed event")
        return report
    prev: Event | None = None
    for index, doc in enumerate(docs, start=1):
        try:
            event = _checked(path, doc, index, prev)
        except StoreError as exc:
            report.problems.append(str(exc).removeprefix(f"{path}: "))
            try:
                event = Event.from_doc(doc)
            except (KeyError, TypeError, ValueError):
                prev = None
                continue
        prev = event
        report.events, report.head = index, event.hash
    return report


def _readable_docs(raw: bytes, problems: list[str]) -> tuple[list[dict], int]:
    """The event documents of the whole commits, noting each line that cannot be read (and reading on past it)."""
    docs: list[dict] = []
    start = 0
    line_no = 1
    while True:
        try:
            commit = lines.parse(raw[start:], start, line_no)
            docs.extend(commit.docs)
            return docs, commit.torn
        except lines.Damaged as exc:
            problems.append(str(exc) + ": the store was damaged or edited")
            good = lines.parse(raw[start:exc.offset], start, line_no)  # the whole commits before the damage
            docs.extend(good.docs)
            newline = raw.find(b"\n", exc.offset)
            start = len(raw) if newline < 0 else newline + 1
            line_no = exc.line_no + 1


def read_untrusted(path: str) -> list[Event]:
    """The events of a store file as they are, without trusting them (verify says what is wrong with them): what
    cannot be read as an event is left out."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError:
        return []
    docs, _ = _readable_docs(raw, [])
    events = []
    for doc in docs:
        try:
            events.append(Event.from_doc(doc))
        except (KeyError, TypeError, ValueError):
            continue
    return events

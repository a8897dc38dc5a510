"""The append-only, hash-chained event log of one congress, kept in a TinyDB file.

Layout of the file (TinyDB's JSON layout): table "events" with one document per event, keyed by its seq;
table "meta" with one document holding the format version and the head of the chain (seq and hash of the
last event), written in the same atomic write as the events, so removing the last event is detected too.
Every read-modify-write holds a lock on a separate FILE.lock, which filelock implements on POSIX and Windows.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from collections.abc import Callable, Iterator

import orjson
from filelock import FileLock, Timeout
from tinydb import TinyDB

from ..errors import StoreError, StoreExistsError, StoreMissingError
from .events import DOC_KEYS, GENESIS, Event, Payload
from .storage import AtomicJSONStorage, os_error, remove_stale_temporaries

FORMAT = 1
LOCK_TIMEOUT = 15.0
WAIT_NOTICE = 0.2  # a lock not had within this long: the terminal says it is waiting for another one


class LockTimeout(StoreError):
    """Another terminal held the store's lock for too long: nothing was written; trying again is safe."""

    def __init__(self, path: str):
        super().__init__(f"{path}: another terminal has held the store's lock for {LOCK_TIMEOUT:.0f} s; "
                         f"nothing was written; try again", "store.lock_timeout", seconds=f"{LOCK_TIMEOUT:.0f}")


class EventLog:
    """One process's view of the log: the events it has read so far, refreshed on demand."""

    def __init__(self, path: str):
        self.path = os.path.abspath(path)
        if not os.path.isfile(self.path):
            raise StoreMissingError(f"{path}: no such store (create one with `run.py new`)")
        self.db = TinyDB(self.path, storage=AtomicJSONStorage)
        self.storage: AtomicJSONStorage = self.db.storage
        # a short poll: the lock is checked every 5 ms, not filelock's default 50 ms, so a waiting writer gets in soon
        self._lock = FileLock(self.path + ".lock", timeout=LOCK_TIMEOUT, poll_interval=0.005)
        self._swept = False
        self.events: list[Event] = []
        self.refresh()

    @classmethod
    def create(cls, path: str, first: Event) -> EventLog:
        path = os.path.abspath(path)
        with os_errors(path):
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with FileLock(path + ".lock", timeout=LOCK_TIMEOUT):
                if os.path.exists(path):
                    raise StoreExistsError(f"{path}: a store already exists there; it is never overwritten")
                AtomicJSONStorage(path).write(_document([first], {}))
        return cls(path)

    @property
    def head(self) -> Event | None:
        return self.events[-1] if self.events else None

    def changed(self) -> bool:
        return self.storage.changed()

    def refresh(self) -> list[Event]:
        """Read the events other processes appended since our last look; check that they chain on."""
        data = self.storage.read()
        table = data.get("events")
        meta = _head_doc(data)
        if not isinstance(table, dict) or not isinstance(meta, dict):
            raise StoreError(f"{self.path}: not a runsheet store (no events or meta table)")
        if meta.get("format") != FORMAT:
            raise StoreError(f"{self.path}: store format {meta.get('format')!r} is not supported")
        new: list[Event] = []
        prev = self.head
        for seq in range(len(self.events) + 1, len(table) + 1):
            doc = table.get(str(seq))
            event = _checked(self.path, doc, seq, prev)
            new.append(event)
            prev = event
        # prev is None only when the events table is empty, which a store never is (create writes the first event)
        if len(table) < len(self.events) or prev is None or \
                (meta.get("head_seq"), meta.get("head_hash")) != (prev.seq, prev.hash):
            raise StoreError(f"{self.path}: the store was altered: its head does not match its last event "
                             f"(events removed or replaced); run `run.py verify` for details")
        self.events.extend(new)
        return new

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
        # filelock's Timeout is an OSError: it is caught here, before os_errors could make it a generic message
        try:
            self._lock.acquire(timeout=WAIT_NOTICE if waiting is not None else LOCK_TIMEOUT)
            return
        except Timeout:
            if waiting is None:
                raise LockTimeout(self.path) from None
        waiting()
        try:
            self._lock.acquire(timeout=LOCK_TIMEOUT - WAIT_NOTICE)
        except Timeout:
            raise LockTimeout(self.path) from None

    def append(self, payloads: list[Payload], role: str, terminal: str, now: datetime) -> list[Event]:
        """Append events; the caller holds locked() and has refreshed (so its checks saw the latest state)."""
        if not payloads:
            return []
        data = self.storage.read()
        table = data["events"]
        if len(table) != len(self.events):
            raise StoreError(f"{self.path}: the store changed under the lock (refresh before appending)")
        new, prev = [], self.head
        for payload in payloads:
            prev = Event.make(prev, payload, role, terminal, now)
            new.append(prev)
        for event in new:
            table[str(event.seq)] = event.to_doc()
        data["meta"]["1"] = _meta(prev)
        self.storage.write(data)
        before = len(self.events)
        self.events.extend(new)
        from . import backups  # imported here: backups uses verify() from this module

        if backups.crossed(before, prev.seq):
            with os_errors(self.path):
                backups.save(self.path, self.storage.last_written, prev.seq)
        return new


@contextmanager
def os_errors(path: str) -> Iterator[None]:
    """A file system refusal (permissions, a full disk, a folder in the way) as one clear line."""
    try:
        yield
    except OSError as exc:
        raise os_error(path, exc) from None


def _meta(head: Event) -> dict:
    return {"format": FORMAT, "head_seq": head.seq, "head_hash": head.hash}


def _head_doc(data: dict) -> object:
    meta = data.get("meta")
    return meta.get("1") if isinstance(meta, dict) else None


def _document(events: list[Event], extra: dict) -> dict:
    return {"events": {str(e.seq): e.to_doc() for e in events}, "meta": {"1": _meta(events[-1])}, **extra}


def _checked(path: str, doc: object, seq: int, prev: Event | None) -> Event:
    try:
        event = Event.from_doc(doc)  # type: ignore[arg-type]
    except (KeyError, TypeError, ValueError):
        raise StoreError(f"{path}: event {seq} is missing or malformed; the store was damaged or edited") from None
    if set(doc) != DOC_KEYS:  # type: ignore[arg-type]
        raise StoreError(f"{path}: event {seq} ({event.type}) has fields added or removed: it was edited")
    if event.seq != seq:
        raise StoreError(f"{path}: event {seq} carries seq {event.seq}: events were moved or removed")
    if event.prev != (prev.hash if prev else GENESIS):
        raise StoreError(f"{path}: event {seq} ({event.type}) does not chain to event {seq - 1}: "
                         f"events were removed, inserted or reordered")
    if event.hash != event.expected_hash():
        raise StoreError(f"{path}: event {seq} ({event.type}, {event.time}) was altered: its hash does not match "
                         f"its content")
    return event


@dataclass
class Verification:
    path: str
    events: int = 0
    head: str = ""
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(path: str) -> Verification:
    """Re-check the whole store from the file on disk, collecting every problem found."""
    report = Verification(path)
    if not os.path.isfile(path):
        raise StoreMissingError(f"{path}: no such store")
    try:
        with os_errors(path), open(path, "rb") as f:
            data = orjson.loads(f.read())
    except orjson.JSONDecodeError as exc:
        report.problems.append(f"{path}: not valid JSON ({exc}): the file was truncated or edited")
        return report
    table = data.get("events") if isinstance(data, dict) else None
    meta = _head_doc(data) if isinstance(data, dict) else None
    if not isinstance(table, dict) or not table:
        report.problems.append(f"{path}: no events table")
        return report
    prev: Event | None = None
    keys = list(table)
    for index, key in enumerate(keys, start=1):
        if key != str(index):
            report.problems.append(f"event at position {index} is stored under key {key!r}: events were removed "
                                   f"or reordered")
        try:
            event = _checked(path, table[key], index, prev)
        except StoreError as exc:
            report.problems.append(str(exc).removeprefix(f"{path}: "))
            try:
                event = Event.from_doc(table[key])
            except (KeyError, TypeError, ValueError):
                prev = None
                continue
        prev = event
        report.events, report.head = index, event.hash
    if not isinstance(meta, dict):
        report.problems.append("the meta table (head of the chain) is missing")
    elif prev is not None and (meta.get("head_seq"), meta.get("head_hash")) != (prev.seq, prev.hash):
        report.problems.append(f"the head of the chain says event {meta.get('head_seq')} but the last event is "
                               f"{prev.seq}: events were removed from the end or the head was edited")
    return report


def read_untrusted(path: str) -> list[Event]:
    """The events of a store file as they are, without trusting them (verify says what is wrong with them): what
    cannot be read as an event is left out."""
    try:
        with open(path, "rb") as f:
            data = orjson.loads(f.read())
        table = data["events"]
        keys = sorted(table, key=int)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return []
    events = []
    for key in keys:
        try:
            events.append(Event.from_doc(table[key]))
        except (KeyError, TypeError, ValueError):
            continue
    return events

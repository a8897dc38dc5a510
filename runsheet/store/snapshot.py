"""A snapshot of the folded state beside a long store (FILE.snapshot), so that opening it reads the snapshot and the
lines after it rather than the whole log (every command-line call is a new process that opens the store).

A snapshot is only a cache: delete it and nothing changes but speed. It names the event it stands at (seq, hash,
and the byte offset just after that event's line) and the runsheet code that folded it; it is used only when the
code is the same and the store's line at that offset is that very event, and the lines after it must chain on from
it. `verify` never uses it. Written every SNAPSHOT_EVERY events by the terminal that commits past the mark, and by a
terminal that opened a long store without one.
"""

from __future__ import annotations

import gc
import hashlib
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import orjson

from .events import Event
from .snapshot_codec import SnapshotError, decode, encode

SNAPSHOT_EVERY = 1_000
VERSION = 1
_FINGERPRINT: str | None = None


def path_of(store: str) -> str:
    return os.path.realpath(store) + ".snapshot"  # beside the file a symlink leads to


def fingerprint() -> str:
    """The code that folds the log: a snapshot folded by other code (an upgrade) is not used."""
    global _FINGERPRINT
    if _FINGERPRINT is None:
        package = Path(__file__).resolve().parent.parent
        sources = sorted((package / "rules").glob("*.py")) + [package / "store" / name for name in (
            "state.py", "events.py", "snapshot_codec.py", "snapshot.py")]
        digest = hashlib.sha256()
        for source in sources:
            digest.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
        _FINGERPRINT = digest.hexdigest()
    return _FINGERPRINT


@dataclass
class Snapshot:
    head: dict  # the document of the event the snapshot stands at
    offset: int  # the byte offset just after that event's line
    line_start: int  # where that line starts
    lines: int  # the lines up to offset
    state: object  # the encoded state (decode() makes a fresh CongressState of it)

    @property
    def seq(self) -> int:
        return self.head["seq"]

    def fresh_state(self):
        """A new CongressState as the snapshot has it (each caller gets its own)."""
        enabled = gc.isenabled()
        gc.disable()  # a state of a long congress is hundreds of thousands of objects: no collection meanwhile
        try:
            return decode(self.state)
        finally:
            if enabled:
                gc.enable()


def read(store: str) -> Snapshot | None:
    """The snapshot beside a store, if there is one this code can use; None otherwise (a snapshot is a cache)."""
    enabled = gc.isenabled()
    gc.disable()  # a long congress's snapshot is hundreds of thousands of small values: no collection meanwhile
    try:
        with open(path_of(store), "rb") as f:
            data = orjson.loads(f.read())
        if data.get("version") != VERSION or data.get("code") != fingerprint():
            return None
        head, offset, line_start, lines = data["head"], data["offset"], data["line_start"], data["lines"]
        if not (isinstance(head, dict) and type(offset) is int and type(line_start) is int and type(lines) is int
                and 0 <= line_start < offset):
            return None
        return Snapshot(head, offset, line_start, lines, data["state"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    finally:
        if enabled:
            gc.enable()


def write(store: str, state, head: Event, offset: int, line_start: int, lines: int) -> None:
    """Write the snapshot of `state` standing at `head` (best effort: a folder that cannot take it just means no
    snapshot)."""
    try:
        data = orjson.dumps({"version": VERSION, "code": fingerprint(), "head": head.to_doc(), "offset": offset,
                             "line_start": line_start, "lines": lines, "state": encode(state)})
    except SnapshotError:
        return
    target = path_of(store)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(store)}.", suffix=".tmp",
                                   dir=os.path.dirname(target))
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, target)
    except OSError:
        try:
            os.unlink(tmp)
        except (OSError, UnboundLocalError):
            pass


def agrees_with_log(store: str, events: list[Event]) -> bool | None:
    """Whether the snapshot beside a store holds exactly the fold of the log up to its event (verify's check: a
    terminal opening the store trusts the snapshot, so an edited one would show a forged congress). None when there
    is no snapshot this code would use, or its event is not in the log (then no terminal uses it either)."""
    from .state import CongressState

    try:
        with open(path_of(store), "rb") as f:
            data = orjson.loads(f.read())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("version") != VERSION or data.get("code") != fingerprint():
        return None
    head = data.get("head")
    seq = head.get("seq") if isinstance(head, dict) else None
    if type(seq) is not int or not 1 <= seq <= len(events) or events[seq - 1].to_doc() != head:
        return None
    enabled = gc.isenabled()
    gc.disable()
    try:
        state = CongressState(events[0])
        state.apply_all(events[1:seq])
        return orjson.dumps(encode(state)) == orjson.dumps(data.get("state"))
    except Exception:  # a log the fold refuses: verify's own findings say why
        return None
    finally:
        if enabled:
            gc.enable()


def set_aside(store: str) -> str:
    """Move a snapshot that does not agree with the log out of the way (kept, for whoever looks into it)."""
    aside = f"{path_of(store)}.forged-{int(time.time())}"
    os.replace(path_of(store), aside)
    return aside

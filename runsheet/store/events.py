"""One event of the log and the hash that chains it to the one before."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, UTC
from typing import Any

import orjson

GENESIS = "0" * 64
DOC_KEYS = frozenset({"seq", "time", "role", "terminal", "type", "data", "prev", "hash"})


def utc_iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def chain_hash(prev: str, seq: int, time: str, role: str, terminal: str, type: str, data: Any) -> str:
    body = orjson.dumps(
        {"seq": seq, "time": time, "role": role, "terminal": terminal, "type": type, "data": data},
        option=orjson.OPT_SORT_KEYS,
    )
    return hashlib.sha256(prev.encode("ascii") + body).hexdigest()


@dataclass(frozen=True)
class Event:
    seq: int
    time: str
    role: str
    terminal: str
    type: str
    data: dict
    prev: str
    hash: str
    at: datetime = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "at", datetime.fromisoformat(self.time))

    @classmethod
    def make(cls, prev: Event | None, type: str, data: dict, role: str, terminal: str, now: datetime) -> Event:
        seq = 1 if prev is None else prev.seq + 1
        prev_hash = GENESIS if prev is None else prev.hash
        time = utc_iso(now)
        return cls(seq, time, role, terminal, type, data, prev_hash,
                   chain_hash(prev_hash, seq, time, role, terminal, type, data))

    @classmethod
    def from_doc(cls, doc: dict) -> Event:
        return cls(doc["seq"], doc["time"], doc["role"], doc["terminal"], doc["type"], doc["data"],
                   doc["prev"], doc["hash"])

    def to_doc(self) -> dict:
        return {"seq": self.seq, "time": self.time, "role": self.role, "terminal": self.terminal,
                "type": self.type, "data": self.data, "prev": self.prev, "hash": self.hash}

    def expected_hash(self) -> str:
        return chain_hash(self.prev, self.seq, self.time, self.role, self.terminal, self.type, self.data)

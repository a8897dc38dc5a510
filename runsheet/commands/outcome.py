"""What an action returns (Outcome), and what its build function decides under the lock (Change)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, NamedTuple, TypeVar

from ..store.events import Event, Payload

V = TypeVar("V")


@dataclass(frozen=True)
class Outcome(Generic[V]):
    """What an action did: the events it wrote (none when there was nothing to change) and its value."""

    events: tuple[Event, ...]
    value: V = None  # type: ignore[assignment]


class Change(NamedTuple):
    """What an action's build function decided: the events to write and the value to return."""

    payloads: list[Payload]
    value: Any = None

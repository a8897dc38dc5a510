"""A fold of the log kept by a reader that does not write it (a screen): it applies the events appended to the log
since it last looked, from its position (the log's list of events only grows)."""

from __future__ import annotations

from collections.abc import Sequence

from .events import Event
from .state import CongressState


class Follower:
    def __init__(self, events: Sequence[Event]):
        self.events = events  # the log's own list: its writer appends, this reader only reads past its position
        self.state = CongressState(events[0])
        self.position = 1
        self.catch_up()

    def catch_up(self) -> list[Event]:
        """Apply what was appended since the last look; the events applied (none when nothing changed)."""
        if len(self.events) == self.position:
            return []
        new = list(self.events[self.position:])
        self.state.apply_all(new)
        self.position += len(new)
        return new

"""A fold of the log kept by a reader that does not write it (a screen): it applies the events appended to the log
since it last looked, from its position (the log's list of events only grows)."""

from __future__ import annotations

from .events import Event
from .log import EventLog
from .state import CongressState


class Follower:
    def __init__(self, log: EventLog):
        self.log = log  # its writer appends to log.events; this reader only reads past its position
        self.state: CongressState
        self.state, self.position = log.initial_state()

    def catch_up(self) -> list[Event]:
        """Apply what was appended since the last look; the events applied (none when nothing changed)."""
        if len(self.log.events) == self.position:
            return []
        new = self.log.events.tail_from(self.position)
        self.state.apply_all(new)
        self.position += len(new)
        return new

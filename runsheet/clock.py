"""Where commands and screens get the time from, so that tests can drive it."""

from __future__ import annotations

from datetime import datetime, timedelta, UTC
from collections.abc import Callable

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


class FakeClock:
    """A clock that moves only when told to."""

    def __init__(self, start: datetime):
        self.moment = start

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, seconds: float = 0, minutes: float = 0) -> datetime:
        self.moment += timedelta(seconds=seconds, minutes=minutes)
        return self.moment

"""What the hall's screens show besides the programme: a short message from the chair ("Xin đồng chí kết thúc"),
steady or flashing, or nothing at all (blanked). Each screen of the hall (the projector on the wall, the podium's
screen facing the speaker) shows one at a time: a message replaces a blank and a blank a message; clearing goes
back to the programme."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..errors import DomainError

SCREENS = ("projector", "podium")
TARGETS = (*SCREENS, "all")
MESSAGE_MAX = 80  # characters: a message is read from the back of the hall, in large type
FLASH_SECONDS = 10  # a flashing message flashes this long, then stays


@dataclass(frozen=True)
class Shown:
    """What the chair put on a screen of the hall: a message (text), or a blank (text None)."""

    text: str | None
    flash: bool
    at: datetime

    @property
    def blank(self) -> bool:
        return self.text is None

    def flashing(self, now: datetime) -> bool:
        return self.flash and (now - self.at).total_seconds() < FLASH_SECONDS


def screens(to: str) -> tuple[str, ...]:
    """The screens a target names ("all": every screen of the hall)."""
    if to not in TARGETS:
        raise DomainError("err.hall_target", to=to, targets=", ".join(TARGETS))
    return SCREENS if to == "all" else (to,)


def check_message(text: str) -> str:
    """The message as shown: one line, spaces tidied; refused empty or too long to read from the hall."""
    line = " ".join(text.split())
    if not line:
        raise DomainError("err.hall_empty")
    if len(line) > MESSAGE_MAX:
        raise DomainError("err.hall_long", n=len(line), max=MESSAGE_MAX)
    return line

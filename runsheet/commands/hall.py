"""Commands of the hall's screens: the chair's short message on the projector and the podium's screen ("Xin đồng
chí kết thúc", steady or flashing), a blank screen, and back to the programme (rules/hall.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..rules import hall
from ..rules.collation import nfc
from ..store import events as ev
from .outcome import Change, Outcome

if TYPE_CHECKING:
    from . import Session

# the text keys naming the screens a message goes to
TARGET_NAMES = {"projector": "hall.to_projector", "podium": "hall.to_podium", "all": "hall.to_all"}


class HallCommands:
    def __init__(self, session: Session):
        self.session = session

    def message(self, text: str, flash: bool = False, to: str = "all") -> Outcome[str]:
        """Show a short message on the hall's screens (to: projector, podium or all); the line shown is returned."""
        hall.screens(to)
        line = hall.check_message(nfc(text))
        return self.session.commit("hall", lambda state: Change([ev.HallMessage(line, to, flash)], line))

    def blank(self, to: str = "all") -> Outcome[None]:
        """The screens show nothing (a pause, a closed session) until cleared or given a message."""
        hall.screens(to)
        return self.session.commit("hall", lambda state: [ev.HallBlanked(to)])

    def clear(self, to: str = "all") -> Outcome[None]:
        """No message, no blank: the screens show the programme again (nothing written when nothing is shown)."""
        hall.screens(to)
        return self.session.commit("hall", lambda state: [ev.HallCleared(to)]
                                   if any(screen in state.hall for screen in hall.screens(to)) else [])

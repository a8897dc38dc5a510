"""The commands layer: one method per user action, for the screens, the command line and the hall alike.

A Session is one terminal's handle on a congress: its log, the state folded from it, its role and its clock. Its
actions are grouped by area, each a part the Session is composed of:

    session.agenda      the programme: steps, timers, the closing               (agenda.py)
    session.attendance  check-ins, absences, the roster on the day              (attendance.py)
    session.voting      show-of-hands motions, election rounds, ballots          (voting.py)
    session.speaking    the list of speakers, the congress's officers            (speaking.py)
    session.roles       rights and PINs                                           (roles.py)
    session.hall        the chair's message on the hall's screens, or a blank     (hall.py)

Every action checks itself against the latest state under the store's lock, appends its events, and returns an
Outcome: the events written and the value its caller needs (the ballot number given, the member checked in, ...),
so no caller digs into the log. A refusal is a DomainError, said in the congress's language by the shell.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime

from ..clock import Clock, system_clock
from ..errors import DomainError
from ..store.events import Event, Payload
from ..store.log import EventLog
from ..store import snapshot
from ..store.state import CongressState
from .agenda import AgendaCommands
from .attendance import AttendanceCommands
from .create import create, default_terminal
from .hall import HallCommands
from .outcome import Change, Outcome
from .roles import RIGHTS, ROLES, Roles
from .speaking import SpeakingCommands
from .voting import VotingCommands

__all__ = ["RIGHTS", "ROLES", "Change", "Outcome", "Session", "create", "default_terminal"]

Build = Callable[[CongressState], "list[Payload] | Change"]


class Session:
    """One terminal's handle on a congress: its log, the state folded from it, its role and clock."""

    def __init__(self, db: str, role: str | None = None, clock: Clock = system_clock, terminal: str | None = None,
                 pin: str | None = None):
        if role is not None and role not in ROLES:
            raise DomainError("err.role", role=role, roles=", ".join(ROLES))
        self.role = role
        self.clock = clock
        self.terminal = terminal or default_terminal()
        self.log = EventLog(db)
        self._state: CongressState | None = None
        # the store's lock serialises processes; this serialises threads of this one (a screen's store worker, and a
        # test or script calling from another thread)
        self._mutex = threading.RLock()
        self.on_lock_wait: Callable[[], None] | None = None  # told when another terminal holds the lock a while
        self.roles = Roles(self)
        self.agenda = AgendaCommands(self)
        self.attendance = AttendanceCommands(self)
        self.voting = VotingCommands(self)
        self.speaking = SpeakingCommands(self)
        self.hall = HallCommands(self)
        if pin is not None:
            self.roles.unlock(pin)

    def __repr__(self) -> str:
        return f"<Session {self.log.path} role={self.role}>"

    @property
    def state(self) -> CongressState:
        """The congress as this terminal's commands see it, folded when first needed: a screen shows its own fold
        (the app's follower) and needs this one only at its first command, so a terminal decodes the state once
        before its first frame, not twice."""
        if self._state is None:
            with self._mutex:
                if self._state is None:
                    state, folded = self.log.initial_state()
                    if self.log.snapshot is None and folded >= snapshot.SNAPSHOT_EVERY:
                        self.log.save_snapshot(state)  # a long store without one: the next terminal opens it fast
                    self._state = state
        return self._state

    @property
    def path(self) -> str:
        return self.log.path

    def now(self) -> datetime:
        return self.clock()

    def sync(self) -> list[Event]:
        """Apply what other terminals wrote since we last looked; cheap when nothing changed (one stat)."""
        with self._mutex:
            if not self.log.changed():
                return []
            state = self.state  # folded (when first needed) before the log reads on: never the same event twice
            new = self.log.refresh()
            state.apply_all(new)
            return new

    def take_warnings(self) -> list:
        """What went wrong after commits that stand (a backup copy that could not be written), said once."""
        warnings, self.log.warnings = self.log.warnings, []
        return warnings

    def commit(self, right: str | None, build: Build) -> Outcome:
        """Check the terminal's right (None: an entry every terminal may make, a refusal), then under the store's
        lock bring the state up to date, let build decide (it raises DomainError to refuse) and append it."""
        if right is not None:
            self.sync()  # the rights as they stand now: a PIN another terminal set a moment ago applies here
            self.roles.check(right)
        with self.log.locked(self.on_lock_wait), self._mutex:
            state = self.state  # folded before the log reads on, as in sync
            state.apply_all(self.log.refresh())
            decided = build(state)
            change = decided if isinstance(decided, Change) else Change(decided)
            before = len(self.log.events)
            events = self.log.append(change.payloads, self.role or "chair", self.terminal, self.clock())
            state.apply_all(events)
            if events and events[-1].seq // snapshot.SNAPSHOT_EVERY > before // snapshot.SNAPSHOT_EVERY:
                self.log.save_snapshot(state)
        return Outcome(tuple(events), change.value)

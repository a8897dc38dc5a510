"""One function per user action. The TUI and the CLI both call these; each checks the action against the
current state and the role, then appends its events under the store's lock."""

from __future__ import annotations

import os
import socket
import uuid
from datetime import date, datetime, time
from collections.abc import Callable

from .clock import Clock, system_clock
from .errors import DomainError, InputError
from .rules.roster import parse_roster
from .rules.scenario import parse_scenario
from .store.events import Event
from .store.log import EventLog
from .store.state import CREATED, CongressState

ROLES = ("chair", "secretary", "desk", "counting", "projector")
# what each role may do; a terminal opened without a role may do everything (one laptop for a small cell)
RIGHTS = {
    "chair": {"agenda", "attendance"},
    "secretary": {"speeches"},
    "desk": {"attendance"},
    "counting": {"ballots"},
    "projector": set(),
}


def default_terminal() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror}") from None


def create(db: str, scenario_path: str, roster_path: str, clock: Clock = system_clock,
           terminal: str | None = None, congress_date: str | None = None,
           start: str | None = None) -> Session:
    """Create a new store from a scenario and a roster. Validates both first; writes nothing on error."""
    roster_bytes = _read(roster_path)
    roster = parse_roster(roster_bytes, roster_path)
    roster_text = roster_bytes.decode("utf-8-sig")
    try:
        scenario_text = _read(scenario_path).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(scenario_path, "the scenario is not UTF-8 text") from None
    scenario = parse_scenario(scenario_text, scenario_path, roster)
    for value, what, check in ((congress_date, "date", _valid_date), (start, "start", _valid_hhmm)):
        if value is not None and not check(value):
            form = "date YYYY-MM-DD" if what == "date" else "time HH:MM"
            raise DomainError("err.bad_value", option=what, value=value, form=form)
    now = clock()
    local = now.astimezone()
    offset = local.utcoffset().total_seconds() // 60
    day = congress_date or (scenario.congress.date or local.date()).isoformat()
    data = {
        "format": 1,
        "congress_id": uuid.uuid4().hex,
        "date": day,
        "utc_offset_minutes": int(offset),
        "start": start,  # the planned start when the day was moved from the scenario's; None keeps it
        "scenario": {"file": os.path.basename(scenario_path), "text": scenario_text},
        "roster": {"file": os.path.basename(roster_path), "text": roster_text},
    }
    EventLog.create(db, CREATED, data, "chair", terminal or default_terminal(), now)
    return Session(db, clock=clock, terminal=terminal)


def _valid_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
        return len(value) == 10
    except ValueError:
        return False


def _valid_hhmm(value: str) -> bool:
    try:
        time.fromisoformat(value)
        return len(value) == 5
    except ValueError:
        return False


class Session:
    """One terminal's handle on a congress: its log, the state folded from it, its role and clock."""

    def __init__(self, db: str, role: str | None = None, clock: Clock = system_clock, terminal: str | None = None):
        if role is not None and role not in ROLES:
            raise DomainError("err.role", role=role, roles=", ".join(ROLES))
        self.role = role
        self.clock = clock
        self.terminal = terminal or default_terminal()
        self.log = EventLog(db)
        self.state = CongressState(self.log.events[0])
        self.state.apply_all(self.log.events[1:])

    @property
    def path(self) -> str:
        return self.log.path

    def sync(self) -> list[Event]:
        """Apply what other terminals wrote since we last looked; cheap when nothing changed (one stat)."""
        if not self.log.changed():
            return []
        new = self.log.refresh()
        self.state.apply_all(new)
        return new

    def _may(self, right: str) -> None:
        if self.role is not None and right not in RIGHTS[self.role]:
            raise DomainError("err.rights", role=self.role, right=right)

    def _commit(self, right: str, build: Callable[[CongressState], list[tuple[str, dict]]]) -> list[Event]:
        self._may(right)
        with self.log.locked():
            self.state.apply_all(self.log.refresh())
            items = build(self.state)
            events = self.log.append(items, self.role or "chair", self.terminal, self.clock())
        self.state.apply_all(events)
        return events

    def now(self) -> datetime:
        return self.clock()

    # ---- the agenda -------------------------------------------------------------------------------------------
    def next_step(self) -> list[Event]:
        def build(state: CongressState):
            following = state.agenda.check_next()
            return [("step.started", {"step": following})] if following else [("congress.ended", {})]
        return self._commit("agenda", build)

    def previous_step(self) -> list[Event]:
        return self._commit("agenda", lambda s: [("step.started", {"step": s.agenda.check_previous()})])

    def pause(self) -> list[Event]:
        def build(state: CongressState):
            state.agenda.check_pause()
            return [("timer.paused", {"step": state.agenda.current})]
        return self._commit("agenda", build)

    def resume(self) -> list[Event]:
        def build(state: CongressState):
            state.agenda.check_resume()
            return [("timer.resumed", {"step": state.agenda.current})]
        return self._commit("agenda", build)

    def toggle_pause(self) -> list[Event]:
        return self.resume() if self.state.agenda.paused else self.pause()

    def adjust(self, minutes: float, step_id: str | None = None) -> list[Event]:
        def build(state: CongressState):
            target = step_id or state.agenda.current
            if target is None:
                raise DomainError("err.not_running")
            seconds = round(minutes * 60)
            state.agenda.check_adjust(target, seconds)
            return [("step.adjusted", {"step": target, "seconds": seconds})]
        return self._commit("agenda", build)

    def skip(self, step_id: str) -> list[Event]:
        def build(state: CongressState):
            current = state.agenda.current
            following = state.agenda.check_skip(step_id)
            items = [("step.skipped", {"step": step_id})]
            if step_id == current:
                items.append(("step.started", {"step": following}) if following else ("congress.ended", {}))
            return items
        return self._commit("agenda", build)

    def restore(self, step_id: str) -> list[Event]:
        def build(state: CongressState):
            state.agenda.check_restore(step_id)
            return [("step.restored", {"step": step_id})]
        return self._commit("agenda", build)

    def insert_step(self, title: str, minutes: float, who: str = "", script: str = "",
                    after: str | None = None) -> list[Event]:
        title, who = title.strip(), who.strip()
        if not title:
            raise DomainError("err.no_title")
        if not 0 < minutes <= 24 * 60:
            raise DomainError("err.minutes")

        def build(state: CongressState):
            where = after if after is not None else state.agenda.current
            new_id = state.agenda.check_insert(where)
            step = {"id": new_id, "title": title, "minutes": minutes, "who": who, "script": script}
            return [("step.inserted", {"step": step, "after": where})]
        return self._commit("agenda", build)

    def move_step(self, step_id: str, after: str | None) -> list[Event]:
        def build(state: CongressState):
            state.agenda.check_move(step_id, after)
            return [("step.moved", {"step": step_id, "after": after})]
        return self._commit("agenda", build)

    def move_by(self, step_id: str, offset: int) -> list[Event]:
        """Move a step one place earlier (-1) or later (+1) among the steps not yet held."""
        order = [s for s in self.state.agenda.order if s != step_id]
        index = self.state.agenda.order.index(step_id) + offset
        if not 0 <= index <= len(order):
            raise DomainError("err.at_end")
        return self.move_step(step_id, order[index - 1] if index > 0 else None)

    def end_congress(self) -> list[Event]:
        def build(state: CongressState):
            if state.agenda.ended:
                raise DomainError("err.ended")
            if not state.agenda.started:
                raise DomainError("err.not_started")
            return [("congress.ended", {})]
        return self._commit("agenda", build)

    # ---- attendance (the desk's screen comes with its own issue) --------------------------------------------
    def attend(self, member_ids: list[str]) -> list[Event]:
        def build(state: CongressState):
            for member_id in member_ids:
                if state.roster.get(member_id) is None:
                    raise DomainError("err.no_member", id=member_id)
            return [("member.attended", {"member": m}) for m in dict.fromkeys(member_ids)
                    if m not in state.attendance.present]
        return self._commit("attendance", build)

    def absent(self, member_id: str, reason: str | None = None) -> list[Event]:
        def build(state: CongressState):
            if state.roster.get(member_id) is None:
                raise DomainError("err.no_member", id=member_id)
            return [("member.absent", {"member": member_id, "reason": (reason or "").strip() or None})]
        return self._commit("attendance", build)

"""One function per user action. The TUI and the CLI both call these; each checks the action against the
current state and the role, then appends its events under the store's lock."""

from __future__ import annotations

import os
import secrets
import socket
import uuid
from datetime import date, datetime, time
from collections.abc import Callable

from .clock import Clock, system_clock
from .errors import DomainError, InputError
from . import pins
from .rules import badge
from .rules.collation import nfc
from .rules.roster import FLAGS, STATUSES, Member, parse_roster
from .rules.script import hhmm
from .rules.scenario import parse_scenario
from .store.events import Event
from .store.log import EventLog
from .store.state import CREATED, CongressState
from .speaking import SpeakingCommands
from .voting import VotingCommands

ROLES = ("chair", "secretary", "desk", "counting", "projector")
# what each role may do; a terminal opened without a role may do everything (one laptop for a small cell)
RIGHTS = {
    # votes: motions, rounds, results; roles: PINs; officers: presidium, secretariat, counting committee
    "chair": {"agenda", "attendance", "votes", "close", "roles", "speeches", "officers"},
    "secretary": {"speeches", "officers"},
    "desk": {"attendance"},  # check-in, absences, roster corrections
    "counting": {"ballots", "close"},
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
    day = congress_date or (scenario.congress.date or now.astimezone().date()).isoformat()
    # the host's offset on the congress day at its start (not today's: a change to summer time may fall between)
    starts = datetime.combine(date.fromisoformat(day), time.fromisoformat(start) if start else scenario.congress.start)
    offset = starts.astimezone().utcoffset().total_seconds() // 60
    data = {
        "format": 1,
        "badge_secret": secrets.token_hex(16),  # signs the badges' QR codes (rules/badge.py)
        "congress_id": uuid.uuid4().hex,
        "date": day,
        "utc_offset_minutes": int(offset),
        "start": start,  # the planned start when the day was moved from the scenario's; None keeps it
        "scenario": {"file": os.path.basename(scenario_path), "text": scenario_text},
        "roster": {"file": os.path.basename(roster_path), "text": roster_text},
    }
    first = Event.make(None, CREATED, data, "chair", terminal or default_terminal(), now)
    CongressState(first)  # a store is written only if it can be opened again
    EventLog.create(db, first)
    return Session(db, clock=clock, terminal=terminal)


def check_pin_text(pin: str) -> None:
    if len(pin.strip()) < 4 or not pin.isascii():
        raise DomainError("err.pin_short")


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


class Session(VotingCommands, SpeakingCommands):
    """One terminal's handle on a congress: its log, the state folded from it, its role and clock."""

    def __init__(self, db: str, role: str | None = None, clock: Clock = system_clock, terminal: str | None = None,
                 pin: str | None = None):
        if role is not None and role not in ROLES:
            raise DomainError("err.role", role=role, roles=", ".join(ROLES))
        self.role = role
        self.clock = clock
        self.terminal = terminal or default_terminal()
        self.log = EventLog(db)
        self.state = CongressState(self.log.events[0])
        self.state.apply_all(self.log.events[1:])
        self.unlocked = False
        if pin is not None:
            self.unlock(pin)

    # ---- PINs: a role with a PIN writes nothing until its PIN is given ------------------------------------------
    @property
    def locked(self) -> bool:
        return self.role is not None and self.role in self.state.pins and not self.unlocked

    def unlock(self, pin: str) -> bool:
        record = self.state.pins.get(self.role) if self.role else None
        self.unlocked = record is None or pins.matches(pin, record)
        return self.unlocked

    def set_pin(self, role: str, pin: str) -> list[Event]:
        """Set (or with an empty PIN, clear) a role's PIN; stored only as a salted scrypt hash."""
        if role not in ROLES:
            raise DomainError("err.role", role=role, roles=", ".join(ROLES))
        pin = pin.strip()
        if pin:
            check_pin_text(pin)
        record = pins.record(pin) if pin else None
        return self._commit("roles", lambda state: [("role.pin_set", {"role": role, "pin": record})])

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
        refusal = None
        if self.locked:
            refusal = DomainError("err.pin_needed", role=f"@role.{self.role}")
        elif self.role is not None and right not in RIGHTS[self.role]:
            refusal = DomainError("err.rights", role=f"@role.{self.role}", right=f"@right.{right}")
        if refusal is not None:
            if self.role != "projector":  # the wall's terminal never writes, not even its refusals
                self._log_refusal(right, refusal.key)
            raise refusal

    def _log_refusal(self, right: str, reason: str) -> None:
        """A refused action is itself logged (who tried what, from where); it changes nothing else."""
        with self.log.locked():
            self.state.apply_all(self.log.refresh())
            events = self.log.append([("role.refused", {"right": right, "reason": reason})],
                                     self.role or "chair", self.terminal, self.clock())
        self.state.apply_all(events)

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
            return [("step.started", {"step": following})] if following else _closing(state)
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
        """Pause or resume, decided on the latest state under the lock (another terminal may have just done it)."""
        def build(state: CongressState):
            if state.agenda.paused:
                state.agenda.check_resume()
                return [("timer.resumed", {"step": state.agenda.current})]
            state.agenda.check_pause()
            return [("timer.paused", {"step": state.agenda.current})]
        return self._commit("agenda", build)

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
                items += [("step.started", {"step": following})] if following else _closing(state)
            return items
        return self._commit("agenda", build)

    def restore(self, step_id: str) -> list[Event]:
        def build(state: CongressState):
            after = state.agenda.check_restore(step_id)
            items = [("step.restored", {"step": step_id})]
            if after is not False:
                items.append(("step.moved", {"step": step_id, "after": after}))
            return items
        return self._commit("agenda", build)

    def insert_step(self, title: str, minutes: float, who: str = "", script: str = "",
                    after: str | None = None) -> list[Event]:
        title, who = title.strip(), who.strip()
        if not title:
            raise DomainError("err.no_title")
        if not 1 <= minutes <= 24 * 60:
            raise DomainError("err.minutes")

        def build(state: CongressState):
            new_id, where = state.agenda.check_insert(after if after is not None else state.agenda.current)
            step = {"id": new_id, "title": title, "minutes": minutes, "who": who, "script": script}
            return [("step.inserted", {"step": step, "after": where})]
        return self._commit("agenda", build)

    def move_step(self, step_id: str, after: str | None) -> list[Event]:
        def build(state: CongressState):
            state.agenda.check_move(step_id, after)
            return [("step.moved", {"step": step_id, "after": after})]
        return self._commit("agenda", build)

    def move_by(self, step_id: str, offset: int) -> list[Event]:
        """Move a step one place earlier (-1) or later (+1) in the running order."""
        def build(state: CongressState):
            state.agenda.run(step_id)
            order = [s for s in state.agenda.order if s != step_id]
            index = state.agenda.order.index(step_id) + offset
            if not 0 <= index <= len(order):
                raise DomainError("err.at_start" if offset < 0 else "err.at_end")
            after = order[index - 1] if index > 0 else None
            state.agenda.check_move(step_id, after)
            return [("step.moved", {"step": step_id, "after": after})]
        return self._commit("agenda", build)

    def end_congress(self) -> list[Event]:
        def build(state: CongressState):
            if state.agenda.ended:
                raise DomainError("err.ended")
            if not state.agenda.started:
                raise DomainError("err.not_started")
            return _closing(state)
        return self._commit("agenda", build)

    # ---- attendance and the roster -------------------------------------------------------------------------
    def _known(self, state: CongressState, member_id: str) -> Member:
        member = state.roster.get(member_id)
        if member is None:
            raise DomainError("err.no_member", id=member_id)
        return member

    def attend(self, member_ids: list[str]) -> list[Event]:
        """Check members in; those already in the room are left as they are (for scripts and imports)."""
        def build(state: CongressState):
            for member_id in member_ids:
                self._known(state, member_id)
            return [("member.attended", {"member": m}) for m in dict.fromkeys(member_ids)
                    if m not in state.attendance.here]
        return self._commit("attendance", build)

    def check_in(self, member_id: str, via: str = "desk") -> list[Event]:
        """Check one member in at the desk; a second check-in is refused and says when the first was."""
        def build(state: CongressState):
            member = self._known(state, member_id)
            if member_id in state.attendance.here:
                raise DomainError("err.already_in", name=member.name,
                                  time=hhmm(state.attendance.arrived[member_id], state.zone))
            return [("member.attended", {"member": member_id, "via": via})]
        return self._commit("attendance", build)

    def scan(self, text: str) -> list[Event]:
        """Check in the member whose badge was scanned (or its payload typed)."""
        state = self.state
        result = badge.read(text, state.badge_secret, state.congress_id, state.roster.by_id)
        if result.problem is not None:
            raise DomainError(f"err.badge_{result.problem.value}", id=result.member_id or "")
        return self.check_in(result.member_id, via="badge")

    def badge_payload(self, member_id: str) -> str:
        self._known(self.state, member_id)
        return badge.payload(self.state.badge_secret, self.state.congress_id, member_id)

    def leave(self, *member_ids: str) -> list[Event]:
        """Members who came leave the room (all or none of them, if one cannot)."""
        def build(state: CongressState):
            for member_id in member_ids:
                member = self._known(state, member_id)
                if member_id not in state.attendance.here:
                    raise DomainError("err.not_here", name=member.name)
            return [("member.left", {"member": m}) for m in dict.fromkeys(member_ids)]
        return self._commit("attendance", build)

    def undo_check_in(self, *member_ids: str) -> list[Event]:
        """Check-ins made by mistake: recorded as corrections, the check-ins stay in the log."""
        def build(state: CongressState):
            for member_id in member_ids:
                member = self._known(state, member_id)
                if member_id not in state.attendance.arrived:
                    raise DomainError("err.not_checked_in", name=member.name)
            return [("member.attendance_undone", {"member": m}) for m in dict.fromkeys(member_ids)]
        return self._commit("attendance", build)

    def absent(self, member_id: str, reason: str | None = None) -> list[Event]:
        """Record a member absent for the whole congress, with the reason the congress accepted, if any."""
        def build(state: CongressState):
            member = self._known(state, member_id)
            if member_id in state.attendance.arrived:
                raise DomainError("err.came", name=member.name)
            return [("member.absent", {"member": member_id, "reason": (reason or "").strip() or None})]
        return self._commit("attendance", build)

    def replace_delegate(self, delegate_id: str, alternate_id: str | None) -> list[Event]:
        """In a congress of delegates, an alternate (dự khuyết) takes the place of an absent delegate."""
        def build(state: CongressState):
            delegate = self._known(state, delegate_id)
            if state.scenario.congress.kind != "delegates":
                raise DomainError("err.not_delegates")
            if alternate_id is not None:
                alternate = self._known(state, alternate_id)
                if not alternate.alternate or delegate.alternate:
                    raise DomainError("err.not_alternate", name=alternate.name)
                if alternate_id in state.attendance.replaced.values():
                    raise DomainError("err.alternate_taken", name=alternate.name)
                if delegate_id in state.attendance.arrived:
                    raise DomainError("err.came", name=delegate.name)
            return [("delegate.replaced", {"delegate": delegate_id, "alternate": alternate_id})]
        return self._commit("attendance", build)

    def add_member(self, member_id: str, name: str, status: str = "official",
                   flags: tuple[str, ...] = ()) -> list[Event]:
        member = self._member_record(member_id, name, status, flags)

        def build(state: CongressState):
            if state.roster.get(member.id) is not None:
                raise DomainError("err.member_exists", id=member.id)
            return [("member.added", {"member": member_record_data(member)})]
        return self._commit("attendance", build)

    def correct_member(self, member_id: str, name: str | None = None, status: str | None = None,
                       flags: tuple[str, ...] | None = None) -> list[Event]:
        def build(state: CongressState):
            old = self._known(state, member_id)
            new = self._member_record(member_id, old.name if name is None else name,
                                      old.status if status is None else status,
                                      tuple(old.flags) if flags is None else flags)
            if new == old:
                raise DomainError("err.zero")
            return [("member.corrected", {"member": member_record_data(new)})]
        return self._commit("attendance", build)

    @staticmethod
    def _member_record(member_id: str, name: str, status: str, flags) -> Member:
        member_id, name = member_id.strip(), " ".join(nfc(name).split())
        if not member_id or not name:
            raise DomainError("err.member_fields")
        if status not in STATUSES:
            raise DomainError("err.status", status=status, allowed=", ".join(STATUSES))
        unknown = [f for f in flags if f not in FLAGS]
        if unknown:
            raise DomainError("err.flag", flag=unknown[0], allowed=", ".join(FLAGS))
        return Member(member_id, name, status, frozenset(flags))


def _closing(state: CongressState) -> list[tuple[str, dict]]:
    """Closing the congress ends a speech still running (its time stops at the closing)."""
    running = state.speeches.current
    return ([("speech.ended", {"speech": running})] if running else []) + [("congress.ended", {})]


def member_record_data(member: Member) -> dict:
    return {"id": member.id, "name": member.name, "status": member.status,
            "flags": [f for f in FLAGS if f in member.flags]}

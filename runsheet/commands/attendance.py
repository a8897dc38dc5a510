"""Commands of the reception desk: check-ins (typed or from a badge), departures, mistaken check-ins taken back,
absences, members added or corrected on the day, and alternates replacing absent delegates."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from ..errors import DomainError
from ..rules import badge
from ..rules.attendance import Attendance, figures
from ..rules.collation import nfc
from ..rules.roster import FLAGS, STATUSES, Member, Roster
from ..store import events as ev
from ..store.state import CongressState
from ..texts.formats import hhmm
from .outcome import Change, Outcome

if TYPE_CHECKING:
    from . import Session


@dataclass(frozen=True)
class CheckedIn:
    member: Member
    at: datetime


@dataclass(frozen=True)
class Attended:
    """Members a script or an import checked in; those already in the room are left as they are."""
    checked_in: tuple[str, ...]
    already: int


@dataclass(frozen=True)
class Replacements:
    """Who may replace an absent delegate: the alternates not yet used, and the one replacing them now."""
    delegate: Member
    free: tuple[Member, ...]
    current: Member | None


def known(state: CongressState, member_id: str) -> Member:
    member = state.roster.get(member_id)
    if member is None:
        raise DomainError("err.no_member", id=member_id)
    return member


def keep_d(state: CongressState, roster: Roster | None = None, attendance: Attendance | None = None) -> None:
    """While a round is open its D is fixed (it was fixed when the ballots were issued: docs/rules.md, "Who counts",
    runsheet's reading of 190-QĐ/TW Điều 30): a change that would alter D
    (an absence accepted, a status or flag fixed, a member added, an alternate standing in) waits for the count to
    close. Check-ins and departures are not refused here: they do not change who was summoned."""
    open_rounds = state.open_rounds()
    if not open_rounds:
        return
    congress = state.scenario.congress
    after = figures(roster or state.roster, attendance or state.attendance, congress.kind, congress.quorum)
    if after.denominator != state.figures().denominator:
        record = open_rounds[0]
        raise DomainError("err.d_fixed", title=state.scenario.elections[record.election].title, round=record.number,
                          d=record.denominator)


def _attendance_after(state: CongressState, change) -> Attendance:
    attendance = copy.deepcopy(state.attendance)
    change(attendance)
    return attendance


def member_record(member_id: str, name: str, status: str, flags) -> Member:
    member_id, name = member_id.strip(), " ".join(nfc(name).split())
    if not member_id or not name:
        raise DomainError("err.member_fields")
    if status not in STATUSES:
        raise DomainError("err.status", status=status, allowed=", ".join(STATUSES))
    unknown = [f for f in flags if f not in FLAGS]
    if unknown:
        raise DomainError("err.flag", flag=unknown[0], allowed=", ".join(FLAGS))
    return Member(member_id, name, status, frozenset(flags))


def _record(member: Member) -> ev.MemberRecord:
    return ev.MemberRecord(member.id, member.name, member.status, tuple(f for f in FLAGS if f in member.flags))


def replacements(state: CongressState, delegate_id: str) -> Replacements:
    """In a congress of delegates, whether an alternate may replace this delegate, and who may: refused with
    a DomainError (a congress of members, an alternate chosen, a delegate who came)."""
    if state.scenario.congress.kind != "delegates":
        raise DomainError("desk.replace.members")
    delegate = known(state, delegate_id)
    current_id = state.attendance.replaced.get(delegate_id)
    if delegate.alternate:
        raise DomainError("desk.replace.is_alternate", name=delegate.name)
    if delegate_id in state.attendance.arrived and current_id is None:
        raise DomainError("desk.replace.came", name=delegate.name,
                          time=hhmm(state.attendance.arrived[delegate_id], state.zone))
    used = set(state.attendance.replaced.values()) - {current_id}
    free = tuple(m for m in state.roster.sorted() if m.alternate and m.id not in used)
    if not free and current_id is None:
        raise DomainError("desk.replace.none_free")
    return Replacements(delegate, free, state.roster.get(current_id) if current_id else None)


class AttendanceCommands:
    def __init__(self, session: Session):
        self.session = session

    def _commit(self, build) -> Outcome:
        return self.session.commit("attendance", build)

    def attend(self, member_ids: list[str]) -> Outcome[Attended]:
        """Check members in; those already in the room are left as they are (for scripts and imports)."""
        def build(state: CongressState):
            for member_id in member_ids:
                known(state, member_id)
            wanted = list(dict.fromkeys(member_ids))
            new = [m for m in wanted if m not in state.attendance.here]
            return Change([ev.MemberAttended(m) for m in new], Attended(tuple(new), len(wanted) - len(new)))
        return self._commit(build)

    def check_in(self, member_id: str, via: str = "desk") -> Outcome[CheckedIn]:
        """Check one member in at the desk; a second check-in is refused and says when the first was."""
        def build(state: CongressState):
            member = known(state, member_id)
            if member_id in state.attendance.here:
                raise DomainError("err.already_in", name=member.name,
                                  time=hhmm(state.attendance.arrived[member_id], state.zone))
            return Change([ev.MemberAttended(member_id, via)], member)
        outcome = self._commit(build)
        return Outcome(outcome.events, CheckedIn(outcome.value, outcome.events[0].at))

    def scan(self, text: str) -> Outcome[CheckedIn]:
        """Check in the member whose badge was scanned (or its payload typed)."""
        state = self.session.state
        result = badge.read(text, state.badge_secret, state.congress_id, state.roster.by_id)
        if result.problem is not None:
            raise DomainError(badge.PROBLEM_KEYS[result.problem], id=result.member_id or "")
        return self.check_in(result.member_id, via="badge")

    def leave(self, *member_ids: str) -> Outcome[None]:
        """Members who came leave the room (all or none of them, if one cannot)."""
        def build(state: CongressState):
            for member_id in member_ids:
                member = known(state, member_id)
                if member_id not in state.attendance.here:
                    raise DomainError("err.not_here", name=member.name)
            return [ev.MemberLeft(m) for m in dict.fromkeys(member_ids)]
        return self._commit(build)

    def undo_check_in(self, *member_ids: str) -> Outcome[None]:
        """Check-ins made by mistake: recorded as corrections, the check-ins stay in the log."""
        def build(state: CongressState):
            for member_id in member_ids:
                member = known(state, member_id)
                if member_id not in state.attendance.arrived:
                    raise DomainError("err.not_checked_in", name=member.name)
            return [ev.AttendanceUndone(m) for m in dict.fromkeys(member_ids)]
        return self._commit(build)

    def absent(self, member_id: str, reason: str | None = None) -> Outcome[None]:
        """Record a member absent for the whole congress, with the reason accepted, if any."""
        def build(state: CongressState):
            member = known(state, member_id)
            if member_id in state.attendance.arrived:
                raise DomainError("err.came", name=member.name)
            why = (reason or "").strip() or None
            keep_d(state, attendance=_attendance_after(state, lambda a: a.absent(member_id, why)))
            return [ev.MemberAbsent(member_id, why)]
        return self._commit(build)

    def replace_delegate(self, delegate_id: str, alternate_id: str | None) -> Outcome[None]:
        """In a congress of delegates, an alternate (dự khuyết) takes the place of an absent delegate."""
        def build(state: CongressState):
            delegate = known(state, delegate_id)
            if state.scenario.congress.kind != "delegates":
                raise DomainError("err.not_delegates")
            if alternate_id is not None:
                alternate = known(state, alternate_id)
                if not alternate.alternate or delegate.alternate:
                    raise DomainError("err.not_alternate", name=alternate.name)
                if alternate_id in state.attendance.replaced.values():
                    raise DomainError("err.alternate_taken", name=alternate.name)
                if delegate_id in state.attendance.arrived:
                    raise DomainError("err.came", name=delegate.name)
            keep_d(state, attendance=_attendance_after(state, lambda a: a.replace(delegate_id, alternate_id)))
            return [ev.DelegateReplaced(delegate_id, alternate_id)]
        return self._commit(build)

    def add_member(self, member_id: str, name: str, status: str = "official",
                   flags: tuple[str, ...] = ()) -> Outcome[Member]:
        member = member_record(member_id, name, status, flags)

        def build(state: CongressState):
            if state.roster.get(member.id) is not None:
                raise DomainError("err.member_exists", id=member.id)
            keep_d(state, roster=state.roster.with_member(member))
            return Change([ev.MemberAdded(_record(member))], member)
        return self._commit(build)

    def correct_member(self, member_id: str, name: str | None = None, status: str | None = None,
                       flags: tuple[str, ...] | None = None) -> Outcome[Member]:
        """Correct a member's name, status or flags; nothing to change is refused (err.zero)."""
        def build(state: CongressState):
            old = known(state, member_id)
            new = member_record(member_id, old.name if name is None else name,
                                old.status if status is None else status,
                                tuple(old.flags) if flags is None else flags)
            if new == old:
                raise DomainError("err.zero")
            keep_d(state, roster=state.roster.with_member(new))
            return Change([ev.MemberCorrected(_record(new))], new)
        return self._commit(build)

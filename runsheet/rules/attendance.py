"""Attendance and the denominator D (docs/rules.md): who came, who is in the room, who is excused, who counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from datetime import datetime

from .roster import Member, Roster


@dataclass
class Attendance:
    arrived: dict[str, datetime] = field(default_factory=dict)  # member id -> first check-in
    here: set[str] = field(default_factory=set)  # in the room now
    left: dict[str, datetime] = field(default_factory=dict)  # member id -> when they left (and are still away)
    excused: dict[str, str] = field(default_factory=dict)  # member id -> the reason the convening committee accepted
    replaced: dict[str, str] = field(default_factory=dict)  # absent delegate id -> the alternate replacing them
    away: set[str] = field(default_factory=set)  # recorded absent for the whole congress (with a reason or not)

    @property
    def present(self) -> set[str]:
        return self.here

    def attend(self, member_id: str, at: datetime) -> None:
        self.arrived.setdefault(member_id, at)
        self.here.add(member_id)
        self.left.pop(member_id, None)
        self.excused.pop(member_id, None)
        self.away.discard(member_id)

    def leave(self, member_id: str, at: datetime) -> None:
        self.here.discard(member_id)
        self.left[member_id] = at

    def undo(self, member_id: str) -> None:
        """A check-in made by mistake: as if the member had not come."""
        self.arrived.pop(member_id, None)
        self.here.discard(member_id)
        self.left.pop(member_id, None)

    def absent(self, member_id: str, reason: str | None) -> None:
        self.undo(member_id)
        self.away.add(member_id)
        if reason:
            self.excused[member_id] = reason
        else:
            self.excused.pop(member_id, None)

    def replace(self, delegate_id: str, alternate_id: str | None) -> None:
        if alternate_id:
            self.replaced[delegate_id] = alternate_id
        else:
            self.replaced.pop(delegate_id, None)


@dataclass(frozen=True)
class Figures:
    members_total: int
    official_total: int
    probationary_total: int
    present_official: int
    present_probationary: int
    absent_excused: int
    absent_unexcused: int
    exempt_total: int
    exempt_absent: int
    transferred: int  # attached elsewhere and not come (one who comes counts like any member present)
    suspended: int
    denominator: int
    quorum: int | None = None  # a stricter quorum set by the scenario
    left_official: int = 0  # came, then left the room

    @property
    def present_total(self) -> int:
        return self.present_official + self.present_probationary

    @property
    def absent_official(self) -> int:
        return self.absent_excused + self.absent_unexcused + self.exempt_absent

    @property
    def majority(self) -> int:
        """Votes needed: strictly more than half of D."""
        return self.denominator // 2 + 1

    @property
    def more_than_half(self) -> bool:
        """More than half of D in the room: otherwise nothing could be adopted."""
        return 2 * self.present_official > self.denominator

    @property
    def quorum_met(self) -> bool:
        return self.quorum is None or self.present_official >= self.quorum

    @property
    def may_proceed(self) -> bool:
        return self.more_than_half and self.quorum_met


def eligible(member: Member) -> bool:
    """An official member (or delegate) of this congress who may stand and who counts in D unless absent for a reason
    the rules allow: not attached elsewhere, not suspended, not an alternate."""
    return member.official and not member.transferred and not member.suspended and not member.alternate


def may_vote(member: Member) -> bool:
    """An official member who votes when present: those eligible, and a member attached elsewhere who comes (the
    convening committee summons them too; if they come they count: docs/rules.md, "Who counts")."""
    return member.official and not member.suspended and not member.alternate


def counts_in_denominator(member: Member, attendance: Attendance, kind: str = "members") -> bool:
    """D counts the official members summoned, less those who did not come and were absent throughout for a reason
    the convening committee accepted (190-QĐ/TW Điều 30), exempt, or attached elsewhere (summoned too, counted if
    they come: 01-HD/TW 2021 point 13.2); docs/rules.md, "Who counts"."""
    if not may_vote(member):
        return False
    if member.id in attendance.arrived:
        return True
    if member.transferred:
        return False
    if kind == "delegates":
        # a delegate recorded absent throughout counts only through an alternate
        return member.id not in attendance.away or member.id in attendance.replaced
    return not member.exempt and member.id not in attendance.excused


def voting_here(member: Member, attendance: Attendance) -> bool:
    """In the room now with a vote: an eligible member, or an alternate standing in for an absent delegate."""
    if member.id not in attendance.here:
        return False
    return may_vote(member) or (member.alternate and member.id in attendance.replaced.values())


def figures(roster: Roster, attendance: Attendance, kind: str = "members", quorum: int | None = None) -> Figures:
    official = [m for m in roster if m.official and not m.alternate]
    voters = [m for m in official if eligible(m)]
    arrived = attendance.arrived
    absent = [m for m in voters if m.id not in arrived]
    return Figures(
        members_total=len(roster),
        official_total=len(official),
        probationary_total=sum(1 for m in roster if not m.official),
        present_official=sum(1 for m in roster if voting_here(m, attendance)),
        present_probationary=sum(1 for m in roster if not m.official and m.id in attendance.here),
        absent_excused=sum(1 for m in absent if not m.exempt and m.id in attendance.excused),
        absent_unexcused=sum(1 for m in absent if not m.exempt and m.id not in attendance.excused),
        exempt_total=sum(1 for m in official if m.exempt),
        exempt_absent=sum(1 for m in absent if m.exempt),
        transferred=sum(1 for m in official if m.transferred and m.id not in arrived),
        suspended=sum(1 for m in official if m.suspended),
        denominator=sum(1 for m in official if counts_in_denominator(m, attendance, kind)),
        quorum=quorum,
        left_official=sum(1 for m in official if may_vote(m) and m.id in arrived and m.id not in attendance.here),
    )


@dataclass(frozen=True)
class Split:
    """The official members of a members' congress, each in one place: those not summoned (suspended), those summoned
    whom D does not count (absent for a reason accepted, exempt and absent, attached elsewhere and absent), and those D
    counts (present, come and gone, absent without an accepted reason). summoned - not_counted = D."""
    official: int
    suspended: int
    excused: int
    exempt: int
    transferred: int
    present: int
    left: int
    unexcused: int

    @property
    def summoned(self) -> int:
        return self.official - self.suspended

    @property
    def not_counted(self) -> int:
        return self.excused + self.exempt + self.transferred

    @property
    def denominator(self) -> int:
        return self.present + self.left + self.unexcused


def attendance_split(roster: Roster, attendance: Attendance) -> Split:
    places: dict[str, int] = dict.fromkeys(("suspended", "excused", "exempt", "transferred", "present", "left",
                                            "unexcused"), 0)
    official = [m for m in roster if m.official and not m.alternate]
    for m in official:
        if not may_vote(m):
            place = "suspended"
        elif m.id in attendance.arrived:
            place = "present" if m.id in attendance.here else "left"
        elif m.transferred:
            place = "transferred"
        elif m.exempt:
            place = "exempt"
        elif m.id in attendance.excused:
            place = "excused"
        else:
            place = "unexcused"
        places[place] += 1
    return Split(official=len(official), **places)


class Presence(StrEnum):
    HERE = "here"
    LEFT = "left"
    EXCUSED = "excused"
    REPLACED = "replaced"  # an absent delegate whose alternate stands in
    EXEMPT = "exempt"  # exempt and not come: not expected
    TRANSFERRED = "transferred"
    SUSPENDED = "suspended"
    AWAITED = "awaited"  # expected, not arrived yet


def presence(member: Member, attendance: Attendance) -> Presence:
    if member.id in attendance.here:
        return Presence.HERE
    if member.id in attendance.left:
        return Presence.LEFT
    if member.id in attendance.excused:
        return Presence.EXCUSED
    if member.id in attendance.replaced:
        return Presence.REPLACED
    for flag, state in (("suspended", Presence.SUSPENDED), ("transferred", Presence.TRANSFERRED),
                        ("exempt", Presence.EXEMPT)):
        if flag in member.flags:
            return state
    return Presence.AWAITED

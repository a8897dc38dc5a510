"""Attendance and the denominator D (DESIGN.md §4): who is present, who is excused, who counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from .roster import Member, Roster


@dataclass
class Attendance:
    present: dict[str, datetime] = field(default_factory=dict)  # member id -> time checked in
    excused: dict[str, str] = field(default_factory=dict)  # member id -> the reason the congress accepted

    def attend(self, member_id: str, at: datetime) -> None:
        self.present.setdefault(member_id, at)
        self.excused.pop(member_id, None)

    def absent(self, member_id: str, reason: str | None) -> None:
        self.present.pop(member_id, None)
        if reason:
            self.excused[member_id] = reason
        else:
            self.excused.pop(member_id, None)


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
    transferred: int
    suspended: int
    denominator: int
    quorum: int | None = None  # a stricter quorum set by the scenario

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
    def may_proceed(self) -> bool:
        """More than half of D present (else nothing could be adopted), and the scenario's quorum if any."""
        enough = 2 * self.present_official > self.denominator
        return enough and (self.quorum is None or self.present_official >= self.quorum)


def _eligible(member: Member) -> bool:
    return member.official and not member.transferred and not member.suspended


def counts_in_denominator(member: Member, attendance: Attendance, kind: str = "members") -> bool:
    if not _eligible(member):
        return False
    if member.id in attendance.present:
        return True
    if kind == "delegates":
        return False  # a delegate absent with no alternate does not count
    return not member.exempt and member.id not in attendance.excused


def figures(roster: Roster, attendance: Attendance, kind: str = "members", quorum: int | None = None) -> Figures:
    official = [m for m in roster if m.official]
    eligible = [m for m in official if _eligible(m)]
    present = attendance.present
    absent = [m for m in eligible if m.id not in present]
    return Figures(
        members_total=len(roster),
        official_total=len(official),
        probationary_total=len(roster) - len(official),
        present_official=sum(1 for m in eligible if m.id in present),
        present_probationary=sum(1 for m in roster if not m.official and m.id in present),
        absent_excused=sum(1 for m in absent if not m.exempt and m.id in attendance.excused),
        absent_unexcused=sum(1 for m in absent if not m.exempt and m.id not in attendance.excused),
        exempt_total=sum(1 for m in official if m.exempt),
        exempt_absent=sum(1 for m in absent if m.exempt),
        transferred=sum(1 for m in official if m.transferred),
        suspended=sum(1 for m in official if m.suspended),
        denominator=sum(1 for m in official if counts_in_denominator(m, attendance, kind)),
        quorum=quorum,
    )

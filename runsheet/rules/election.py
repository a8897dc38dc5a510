"""Elections by paper ballot (docs/rules.md): ballot forms and validity, tallies against D, winners, ties.

Pure: a round's ballots are plain readings; the store keeps who entered them and when.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple
from collections import Counter
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

from ..errors import DomainError

STRIKE = "strike"  # more names than seats: the voter strikes out the names not elected
APPROVE = "approve"  # as many names as seats: đồng ý / không đồng ý for each name

# reasons a ballot is invalid that the software can infer from the reading
TOO_MANY = "too_many"  # keeps more names than seats
ALL_STRUCK = "all_struck"  # strikes every name
UNMARKED = "unmarked"  # single-name approve form: neither or both boxes marked
# reasons only the committee can see on the paper (a reading may also carry the committee's own words)
PAPER_REASONS = ("not_issued", "written_in", "identifying_mark")

# the text keys (runsheet.texts) of each ballot form and of each reason a ballot is invalid
FORM_TEXT = {STRIKE: "form.strike", APPROVE: "form.approve"}
REASON_TEXT = {TOO_MANY: "reason.too_many", ALL_STRUCK: "reason.all_struck", UNMARKED: "reason.unmarked",
               "not_issued": "reason.not_issued", "written_in": "reason.written_in",
               "identifying_mark": "reason.identifying_mark"}


def form_of(candidates: int, seats: int) -> str:
    return STRIKE if candidates > seats else APPROVE


@dataclass(frozen=True)
class Reading:
    """One paper ballot as read: the numbers struck (or marked không đồng ý), the names marked unclearly
    (approve form), and a reason the committee found it invalid, if any."""

    struck: frozenset[int] = frozenset()
    unclear: frozenset[int] = frozenset()
    invalid: str | None = None

    def to_data(self) -> dict:
        return {"struck": sorted(self.struck), "unclear": sorted(self.unclear), "invalid": self.invalid}

    @classmethod
    def from_data(cls, data: dict) -> Reading:
        return cls(frozenset(data.get("struck", ())), frozenset(data.get("unclear", ())), data.get("invalid"))


@dataclass(frozen=True)
class Queued:
    """A ballot the scanner was not sure of, waiting for a person on its pass: the rows in doubt, the machine's best
    reading (None: queued before the reading was recorded) and the sha256 of its kept image (None: not kept)."""

    rows: tuple[int, ...] = ()
    guess: Reading | None = None
    image: str | None = None
    outside: bool = False  # ink outside the list of names (a name written in, a mark): the committee looks


@dataclass(frozen=True)
class Verdict:
    valid: bool
    reason: str | None  # why invalid (an inferred reason or the committee's)
    votes: frozenset[int]  # the ballot numbers (1-based) that get a vote from this ballot
    kept: int  # names kept (strike form) or agreed (approve form)
    against: frozenset[int] = frozenset()  # approve form, a valid ballot: the names marked không đồng ý


NOBODY: frozenset[int] = frozenset()


class Cast(NamedTuple):
    """What one ballot adds to the tally, kept small (a round holds one per ballot): whether it is valid and why not,
    the names a valid ballot gives no vote (struck; on an approve form marked không đồng ý or unclearly), and the
    names it marks không đồng ý (approve form). A name gets a vote from every valid ballot that does not list it
    in `unvoted`, so counting a ballot costs the names struck, not the names kept."""

    valid: bool
    reason: str | None
    unvoted: frozenset[int]
    against: frozenset[int]


def cast(reading: Reading, candidates: int, seats: int) -> Cast:
    """The ballot as the tally counts it: the same verdict as judge() (readings are checked to hold numbers of the
    list only: check_reading), without building the set of names kept."""
    reason = reading.invalid
    if candidates > seats:  # strike form
        kept = candidates - len(reading.struck)
        if reason is None and kept <= 0:
            reason = ALL_STRUCK
        elif reason is None and kept > seats:
            reason = TOO_MANY
        return Cast(reason is None, reason, reading.struck if reason is None else NOBODY, NOBODY)
    if reason is None and candidates == 1 and reading.unclear:
        reason = UNMARKED
    if reason is not None:
        return Cast(False, reason, NOBODY, NOBODY)
    return Cast(True, None, reading.struck | reading.unclear if reading.unclear else reading.struck, reading.struck)


class ReadingError(DomainError, ValueError):
    """A reading that cannot be on this ballot: a number outside the list, a name both struck and unclear.
    Carries a message key (read.*) and its values, like every DomainError."""


def check_reading(reading: Reading, candidates: int, form: str) -> None:
    numbers = reading.struck | reading.unclear
    outside = sorted(n for n in numbers if not 1 <= n <= candidates)
    if outside:
        raise ReadingError("read.outside", n=outside[0], last=candidates)
    if reading.unclear and form == STRIKE:
        raise ReadingError("read.unclear_strike")
    both = reading.struck & reading.unclear
    if both:
        raise ReadingError("read.both", n=min(both))


def judge(reading: Reading, candidates: int, seats: int) -> Verdict:
    """Whether a ballot is valid, and who it votes for. On an approve form of several names a name marked in both
    boxes or neither gets no vote and the ballot stays valid (190-QĐ/TW Điều 30 khoản 1); a single-name ballot so
    marked votes for nobody: invalid."""
    form = form_of(candidates, seats)
    everyone = frozenset(range(1, candidates + 1))
    if form == STRIKE:
        kept = everyone - reading.struck
        reason = reading.invalid
        if reason is None and not kept:
            reason = ALL_STRUCK
        if reason is None and len(kept) > seats:
            reason = TOO_MANY
        return Verdict(reason is None, reason, kept if reason is None else frozenset(), len(kept))
    agreed = everyone - reading.struck - reading.unclear
    reason = reading.invalid
    if reason is None and candidates == 1 and reading.unclear:
        reason = UNMARKED
    return Verdict(reason is None, reason, agreed if reason is None else frozenset(), len(agreed),
                   reading.struck if reason is None else frozenset())


@dataclass(frozen=True)
class Line:
    no: int
    id: str
    votes: int
    percent: str
    elected: bool
    tied: bool
    over_half: bool
    against: int = 0  # approve form: valid ballots marking the name không đồng ý


@dataclass(frozen=True)
class Tally:
    seats: int
    denominator: int
    valid: int
    invalid: int
    invalid_by_reason: dict[str, int]
    lines: tuple[Line, ...]  # in ballot order
    tied: tuple[str, ...]
    unfilled: int

    @property
    def needed(self) -> int:
        """Votes a candidate needs: strictly more than half of D."""
        return self.denominator // 2 + 1

    @property
    def elected(self) -> list[Line]:
        """The elected, ranked by votes (ballot order among equals)."""
        return sorted((line for line in self.lines if line.elected), key=lambda line: (-line.votes, line.no))


def percent(votes: int, denominator: int) -> str:
    """votes / D × 100 with two decimals, rounded half up ("55.56")."""
    if denominator <= 0:
        return "0.00"
    value = Decimal(votes * 100) / Decimal(denominator)
    return str(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def winners(votes: dict[str, int], seats: int, denominator: int) -> tuple[list[str], list[str]]:
    """(elected, tied): candidates with 2 × votes > D (more than half of D: 190-QĐ/TW Điều 30), by votes, at most
    `seats`; if equal votes straddle the last seat, nobody of that group is elected and they are reported as tied
    (no Party text settles a tie: runsheet's reading, docs/rules.md)."""
    qualified = sorted((c for c in votes if 2 * votes[c] > denominator), key=lambda c: -votes[c])
    if len(qualified) <= seats:
        return qualified, []
    boundary = votes[qualified[seats - 1]]
    if votes[qualified[seats]] != boundary:
        return qualified[:seats], []
    group = [c for c in qualified if votes[c] == boundary]
    return [c for c in qualified[:seats] if votes[c] != boundary], group


def tally(candidate_ids: list[str], seats: int, denominator: int, readings: Iterable[Reading]) -> Tally:
    """Count valid ballots; measure every candidate against D, never against the valid ballots."""
    counts = Counts(len(candidate_ids), seats)
    for reading in readings:
        counts.add(cast(reading, len(candidate_ids), seats))
    return counts.tally(candidate_ids, denominator)


@dataclass
class Counts:
    """Votes per ballot number and ballots valid and invalid, kept up to date ballot by ballot (a live count is
    never recounted from the start)."""

    candidates: int
    seats: int
    unvoted: list[int] = field(default_factory=list)  # by name number (index 0 unused): valid ballots giving no vote
    against: list[int] = field(default_factory=list)  # approve form: không đồng ý, by name number
    valid: int = 0
    invalid: int = 0
    reasons: Counter = field(default_factory=Counter)

    def __post_init__(self) -> None:
        if not self.unvoted:
            self.unvoted = [0] * (self.candidates + 1)
        if not self.against:
            self.against = [0] * (self.candidates + 1)

    def add(self, ballot: Cast, sign: int = 1) -> None:
        if ballot.valid:
            self.valid += sign
            for number in ballot.unvoted:
                self.unvoted[number] += sign
            for number in ballot.against:
                self.against[number] += sign
        else:
            self.invalid += sign
            self.reasons[ballot.reason] += sign
            if not self.reasons[ballot.reason]:
                del self.reasons[ballot.reason]

    def remove(self, ballot: Cast) -> None:
        self.add(ballot, -1)

    @property
    def votes(self) -> list[int]:
        """Votes by name number (index 0 unused): every valid ballot that does not list the name as unvoted."""
        return [0] + [self.valid - n for n in self.unvoted[1:]]

    def tally(self, candidate_ids: list[str], denominator: int) -> Tally:
        counts = self.votes
        votes = {cid: counts[i] for i, cid in enumerate(candidate_ids, start=1)}
        elected, tied = winners(votes, self.seats, denominator)
        chosen, level = set(elected), set(tied)
        lines = tuple(Line(i, cid, counts[i], percent(counts[i], denominator), cid in chosen, cid in level,
                           2 * counts[i] > denominator, self.against[i])
                      for i, cid in enumerate(candidate_ids, start=1))
        reasons = dict(sorted(self.reasons.items()))
        return Tally(self.seats, denominator, self.valid, self.invalid, reasons, lines, tuple(tied),
                     self.seats - len(elected))


# ---- show of hands --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class MotionResult:
    votes_for: int
    against: int
    abstain: int
    present_official: int
    denominator: int

    @property
    def adopted(self) -> bool:
        """More than half of D for it (Điều lệ Đảng Điều 10 khoản 5)."""
        return 2 * self.votes_for > self.denominator

    @property
    def percent_for(self) -> str:
        return percent(self.votes_for, self.denominator)


def check_motion(votes_for: int, against: int, abstain: int, present_official: int) -> str | None:
    """Why these counts cannot be (None when they can)."""
    if min(votes_for, against, abstain) < 0:
        return "negative"
    if votes_for + against + abstain > present_official:
        return "too_many"
    return None


# ---- the candidate list ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ListCheck:
    surplus_percent: str  # (candidates − seats) / seats × 100
    over_limit: bool  # more than 30% over the seats
    no_surplus: bool  # a committee list should be longer than the seats


def check_list(candidates: int, seats: int, committee: bool = True) -> ListCheck:
    surplus = candidates - seats
    return ListCheck(percent(surplus, seats), 10 * surplus > 3 * seats, committee and seats > 1 and surplus <= 0)


SECRETARY_ROUNDS = 3  # a secretary not elected in three rounds is appointed by the higher committee (294-QĐ/TW)


def surplus_allowed(candidates: int, seats: int) -> bool:
    """A committee's list at its first round: longer than the seats, by at most 30% of them (10 × surplus ≤ 3 ×
    seats: 190-QĐ/TW Điều 14 khoản 1), except that a committee of 3 to 5 seats may have one name more even above 30%
    (not found in the texts: docs/rules.md says so)."""
    surplus = candidates - seats
    return surplus > 0 and (10 * surplus <= 3 * seats or (3 <= seats <= 5 and surplus == 1))


def most_candidates(seats: int) -> int:
    """The longest list surplus_allowed accepts."""
    return max(seats + 3 * seats // 10, seats + 1 if 3 <= seats <= 5 else seats)


def floor_nominee_accepted(votes_for: int, present: int) -> bool:
    """A nominee from the floor joins the list only with the agreement of more than 30% of those present
    (10 × agree > 3 × present: 190-QĐ/TW Điều 14 khoản 3), by secret ballot (Điều 3)."""
    return 10 * votes_for > 3 * present


@dataclass
class RoundRecord:
    """One round of an election as the store has it: its list, passes, and readings per pass. Readings change only
    through enter(), withdraw() and resolve(), which keep the agreed ballots and their tally up to date."""

    election: str
    number: int
    candidates: list[str]
    seats: int
    passes: int
    issued: int
    opened_denominator: int  # D when the ballots were issued: the round's D (docs/rules.md, "D is fixed at issue")
    readings: dict[int, dict[int, Reading]] = field(default_factory=dict)  # pass -> ballot no -> reading
    resolved: dict[int, Reading] = field(default_factory=dict)  # ballot no -> the head of committee's reading
    closed: dict | None = None  # the frozen result
    published: bool = False
    collected: int | None = None  # ballots counted from the box, once the committee has recorded it
    counted: frozenset[str] = frozenset()  # the members D counted when the ballots were issued
    added: list[str] = field(default_factory=list)  # members given a ballot later and counted in since (round issued
    #                                                 --add: an exempt member who came, or one excused who came)
    clerks: dict[int, dict[int, str]] = field(default_factory=dict)  # pass -> ballot no -> the terminal that read it
    queued: dict[int, set[int]] = field(default_factory=dict)  # pass -> ballot nos the scanner left to a person
    scans: dict[int, dict[int, Queued]] = field(default_factory=dict)  # pass -> ballot no -> what the scanner saw
    _agreed: dict[int, Cast] = field(default_factory=dict, repr=False)  # ballot no -> what its reading counts
    _mismatched: set[int] = field(default_factory=set, repr=False)
    _missing: dict[int, list[int]] = field(default_factory=dict, repr=False)  # ballot no -> passes without it
    _counts: Counts | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self._counts = Counts(len(self.candidates), self.seats)

    @property
    def form(self) -> str:
        return form_of(len(self.candidates), self.seats)

    @property
    def denominator(self) -> int:
        """The round's D: fixed when its ballots were issued, one more for each member given a ballot later."""
        return self.opened_denominator + len(self.added)

    def counts(self, member_id: str) -> bool:
        """Whether the round's D counts this member."""
        return member_id in self.counted or member_id in self.added

    # ---- changes (the fold calls these) -------------------------------------------------------------------------
    def enter(self, pass_no: int, ballot: int, reading: Reading) -> None:
        """A ballot read on a pass (a number already read on that pass is a correction)."""
        self.readings.setdefault(pass_no, {})[ballot] = reading
        self.resolved.pop(ballot, None)  # a new reading reopens the comparison
        self._update(ballot)

    def withdraw(self, pass_no: int, ballot: int) -> None:
        self.readings.get(pass_no, {}).pop(ballot, None)
        self.resolved.pop(ballot, None)
        self._update(ballot)

    def resolve(self, ballot: int, reading: Reading) -> None:
        """The head of the counting committee settles a ballot the passes read differently."""
        self.resolved[ballot] = reading
        self._update(ballot)

    def _update(self, number: int) -> None:
        """Compare one ballot's readings again and move its votes in or out of the tally: O(names), not O(ballots)."""
        old = self._agreed.pop(number, None)
        if old is not None:
            self._counts.remove(old)
        self._mismatched.discard(number)
        self._missing.pop(number, None)
        if number in self.resolved:
            reading = self.resolved[number]
        else:
            seen = self._passes_of(number)
            absent = [p for p, r in enumerate(seen, start=1) if r is None]
            if len(absent) == len(seen):
                return
            if absent:
                self._missing[number] = absent
                return
            if not all(r == seen[0] or self.same(r, seen[0]) for r in seen[1:]):
                self._mismatched.add(number)
                return
            reading = seen[0]
        ballot = cast(reading, len(self.candidates), self.seats)
        self._agreed[number] = ballot
        self._counts.add(ballot)

    # ---- questions ----------------------------------------------------------------------------------------------
    def same(self, a: Reading, b: Reading) -> bool:
        """Two readings of one ballot agree when they count the same: valid with the same votes, or invalid for
        the same reason (two clerks need not type the same struck names on a ballot both found invalid)."""
        va, vb = cast(a, len(self.candidates), self.seats), cast(b, len(self.candidates), self.seats)
        return (va.valid, va.unvoted if va.valid else va.reason) == (vb.valid, vb.unvoted if vb.valid else vb.reason)

    def _passes_of(self, number: int) -> list[Reading | None]:
        readings = self.readings
        return [readings[p].get(number) if p in readings else None for p in range(1, self.passes + 1)]

    def agreed(self) -> dict[int, Reading]:
        """The ballots every pass read the same way (or the head of the committee settled), in ballot order."""
        return {n: self.resolved[n] if n in self.resolved else self.readings[1][n] for n in sorted(self._agreed)}

    def agreed_count(self) -> int:
        return len(self._agreed)

    def mismatches(self) -> dict[int, list[Reading | None]]:
        """Ballots every pass has entered but read differently (a ballot some pass has not entered yet is
        listed by missing())."""
        return {n: self._passes_of(n) for n in sorted(self._mismatched)}

    def missing(self) -> dict[int, list[int]]:
        """Ballot number -> the passes that have not entered it yet, while another pass has."""
        return {n: list(self._missing[n]) for n in sorted(self._missing)}

    def tally(self, denominator: int) -> Tally:
        """The tally of the agreed ballots against D (kept up to date as ballots arrive)."""
        return self._counts.tally(self.candidates, denominator)

    def entered(self, pass_no: int) -> int:
        return len(self.readings.get(pass_no, {}))

    def to_review(self, pass_no: int) -> list[int]:
        """The ballots the scanner queued on a pass that a person has not entered yet, in order."""
        entered = self.readings.get(pass_no, {})
        return sorted(n for n in self.queued.get(pass_no, ()) if n not in entered)

    def next_ballot(self, pass_no: int) -> int:
        numbers = self.readings.get(pass_no, {})
        return max(max(numbers, default=0), max(self.queued.get(pass_no, ()), default=0)) + 1


def round_result(record: RoundRecord, names: Mapping[str, str], title: str, collected: int, denominator: int,
                 closed: bool = True) -> dict:
    """A round's result as the results JSON (the command line's `results --json`, the frozen result of a close):
    the tally of its agreed ballots against D, with a few fields more (title, needed, invalid reasons, closed)."""
    result = record.tally(denominator)
    return {
        "election": record.election, "title": title,
        "round": record.number, "form": record.form, "seats": record.seats, "denominator": denominator,
        "needed": result.needed,
        "ballots": {"issued": record.issued, "collected": collected, "valid": result.valid,
                    "invalid": result.invalid, "invalid_reasons": result.invalid_by_reason},
        "candidates": [{"no": line.no, "id": line.id, "name": names[line.id], "votes": line.votes,
                        "percent": line.percent, "elected": line.elected,
                        **({"against": line.against} if record.form == APPROVE else {})} for line in result.lines],
        "elected": [line.id for line in result.elected],
        "tied": list(result.tied), "unfilled": result.unfilled, "closed": closed,
    }


def poll_needed(present: int) -> int:
    """The least agreement that is more than 30% of those present."""
    return 3 * present // 10 + 1


def poll_result(record: RoundRecord, names: Mapping[str, str], title: str, collected: int) -> dict:
    """A nomination poll's result: each nominee's agreement (đồng ý) against the official members present when the
    poll opened (its ballots issued), and who joins the list (more than 30% of them agree)."""
    present = record.opened_denominator
    tally_ = record.tally(present)
    return {
        "election": record.election, "title": title, "poll": record.number, "present": present,
        "needed": poll_needed(present),
        "ballots": {"issued": record.issued, "collected": collected, "valid": tally_.valid, "invalid": tally_.invalid,
                    "invalid_reasons": tally_.invalid_by_reason},
        "nominees": [{"no": line.no, "id": line.id, "name": names[line.id], "agree": line.votes,
                      "against": line.against, "percent": percent(line.votes, present),
                      "joins": floor_nominee_accepted(line.votes, present)}
                     for line in tally_.lines],
        "joined": [line.id for line in tally_.lines if floor_nominee_accepted(line.votes, present)],
    }

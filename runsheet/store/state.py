"""The congress as it stands: a fold over the event log, applied event by event."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from ..errors import DomainError, StoreError
from ..rules import attendance as attendance_rules
from ..rules import badge
from ..rules.attendance import Attendance, Figures
from ..rules.election import MotionResult, Reading, RoundRecord, round_result
from ..rules.roster import Member, Roster, parse_roster
from ..rules.scenario import Scenario, Step, parse_scenario
from ..rules.speeches import Speech, Speeches, SpeechTimer
from ..rules.schedule import Agenda, day_start
from ..rules.script import ballot_order
from . import events as ev
from .events import Event, PayloadError

CREATED = ev.CongressCreated.TYPE


class CongressState:
    def __init__(self, created: Event):
        if created.type != CREATED:
            raise StoreError(f"the first event is {created.type!r}, not {CREATED!r}")
        try:
            data: ev.CongressCreated = created.payload
        except PayloadError as exc:
            raise StoreError(f"event 1: {exc}") from None
        self.congress_id: str = data.congress_id
        self.badge_secret: str = data.badge_secret
        self.zone = timezone(timedelta(minutes=data.utc_offset_minutes))
        self.roster: Roster = parse_roster(data.roster["text"], data.roster["file"])
        self.scenario: Scenario = parse_scenario(data.scenario["text"], data.scenario["file"], self.roster)
        planned = self.scenario.congress.start
        start = time.fromisoformat(data.start) if data.start else planned
        day = date.fromisoformat(data.date)
        shift = datetime.combine(day, start) - datetime.combine(day, planned)
        self.agenda = Agenda(self.scenario.steps, day_start(day, start, self.zone), shift)
        self.attendance = Attendance()
        self.ballot_orders: dict[str, list[str]] = {}  # election -> candidate ids in printed order, once edited
        self.nominees: dict[str, list[str]] = {}  # election -> members the floor added to the list
        self.pins: dict[str, dict] = {}  # role -> its PIN's salted scrypt hash
        self.publications: list[tuple[str, int]] = []  # (election, round) in the order results were published
        self.rounds: dict[str, list[RoundRecord]] = {e: [] for e in self.scenario.elections}
        self.motions: dict[str, list[MotionResult]] = {m: [] for m in self.scenario.motions}
        self.speeches = Speeches()
        self.officers: dict[str, list[dict]] = {}  # presidium / secretariat / counting -> [{member?, name, title?}]
        self.seq = created.seq
        self.last_change: datetime = created.at
        self._figures: tuple[int, Figures] | None = None

    def ballot_order(self, election_id: str) -> list[str]:
        if election_id in self.ballot_orders:
            return list(self.ballot_orders[election_id])
        return ballot_order(self.scenario.elections[election_id], self.roster,
                            tuple(self.nominees.get(election_id, ())))

    def current_round(self, election_id: str) -> RoundRecord | None:
        rounds = self.rounds.get(election_id) or []
        return rounds[-1] if rounds else None

    def open_round(self, election_id: str) -> RoundRecord | None:
        record = self.current_round(election_id)
        return record if record is not None and record.closed is None else None

    def published(self, election_id: str) -> dict | None:
        """The latest published result of an election."""
        for record in reversed(self.rounds.get(election_id, [])):
            if record.published:
                return record.closed
        return None

    def last_motion(self, motion_id: str) -> MotionResult | None:
        results = self.motions.get(motion_id)
        return results[-1] if results else None

    def speech_timer(self, now: datetime) -> SpeechTimer | None:
        """The speech being given or paused, timed against its own step's limit (the programme may have moved on);
        no limit (speeches = { limit = N } absent): the clock counts up."""
        current = self.speeches.current
        if current is None:
            return None
        run = self.agenda.runs.get(self.speeches.items[current].step)
        return self.speeches.timer(now, run.step.speech_limit if run is not None else None)

    def officer_names(self, body: str) -> list[str]:
        return [p["name"] + (f", {p['title']}" if p.get("title") else "") for p in self.officers.get(body, [])]

    def badge_payload(self, member_id: str) -> str:
        """What a member's badge QR code says (rules/badge.py)."""
        if self.roster.get(member_id) is None:
            raise DomainError("err.no_member", id=member_id)
        return badge.payload(self.badge_secret, self.congress_id, member_id)

    def latest_published(self) -> dict | None:
        """The result published last, of any election (what the hall sees)."""
        if not self.publications:
            return None
        election, number = self.publications[-1]
        return self.rounds[election][number - 1].closed

    def attendance_reported(self) -> bool:
        """Whether the step that reports attendance (its words carry D) has been held or is being held."""
        return any("{denominator}" in run.step.script and run.started
                   for run in (self.agenda.runs[step_id] for step_id in self.agenda.order))

    def round_result(self, record: RoundRecord, collected: int | None = None, denominator: int | None = None,
                     closed: bool = True) -> dict:
        """A round's result as the results JSON, counted from its agreed ballots (collected: those agreed unless
        given; D: as it stands now unless given)."""
        names = {m: self.roster.get(m).name for m in record.candidates}
        return round_result(record, names, self.scenario.elections[record.election].title,
                            record.agreed_count() if collected is None else collected,
                            self.figures().denominator if denominator is None else denominator, closed)

    def results(self, election_id: str, round_no: int | None = None) -> dict:
        """A round's result (the current round by default): frozen once closed, otherwise the live tally of the
        agreed ballots."""
        if election_id not in self.scenario.elections:
            raise DomainError("err.no_election", id=election_id)
        rounds = self.rounds[election_id]
        if round_no is not None and not 1 <= round_no <= len(rounds):
            raise DomainError("err.no_such_round", id=election_id, n=round_no)
        record = rounds[round_no - 1] if round_no is not None else self.current_round(election_id)
        if record is None:
            raise DomainError("err.no_round", id=election_id)
        return record.closed if record.closed is not None else self.round_result(record, closed=False)

    @property
    def language(self) -> str:
        return self.scenario.congress.language

    def figures(self) -> Figures:
        """The attendance figures and D as they stand (worked out once per change of the log)."""
        if self._figures is None or self._figures[0] != self.seq:
            congress = self.scenario.congress
            self._figures = (self.seq, attendance_rules.figures(self.roster, self.attendance, congress.kind,
                                                                congress.quorum))
        return self._figures[1]

    def apply_all(self, events: list[Event]) -> None:
        for event in events:
            self.apply(event)

    def apply(self, event: Event) -> None:
        try:
            payload = event.payload
        except PayloadError as exc:
            raise StoreError(f"event {event.seq}: {exc}") from None
        handler = _FOLD.get(type(payload))
        if handler is None:  # declared in the catalogue but changes nothing here
            raise StoreError(f"event {event.seq} ({event.type}) has no place in the fold")
        handler(self, payload, event.at)
        self.seq = event.seq
        self.last_change = event.at


# ---- the fold: what each event changes ----------------------------------------------------------------------------
def _inserted(state: CongressState, p: ev.StepInserted, at: datetime) -> None:
    s = p.step
    state.agenda.insert(Step(s.id, s.title, s.minutes, s.who, s.script, adhoc=True), p.after)


def _member(state: CongressState, p: ev.MemberAdded | ev.MemberCorrected, at: datetime) -> None:
    m = p.member
    state.roster = state.roster.with_member(Member(m.id, m.name, m.status, frozenset(m.flags)))


def _pin_set(state: CongressState, p: ev.PinSet, at: datetime) -> None:
    if p.pin:
        state.pins[p.role] = p.pin
    else:
        state.pins.pop(p.role, None)


def _round(state: CongressState, p: ev._RoundEvent) -> RoundRecord:
    return state.rounds[p.election][p.round - 1]


def _round_opened(state: CongressState, p: ev.RoundOpened, at: datetime) -> None:
    state.rounds[p.election].append(RoundRecord(p.election, p.round, list(p.candidates), p.seats, p.passes, p.issued,
                                                p.denominator))


def _reading(p: ev.BallotEntered | ev.BallotResolved) -> Reading:
    return Reading(frozenset(p.struck), frozenset(p.unclear), p.invalid)


def _round_published(state: CongressState, p: ev.RoundPublished, at: datetime) -> None:
    _round(state, p).published = True
    state.publications.append((p.election, p.round))


def _motion(state: CongressState, p: ev.MotionRecorded, at: datetime) -> None:
    state.motions[p.motion].append(MotionResult(p.votes_for, p.against, p.abstain, p.present, p.denominator))


def _speech_added(state: CongressState, p: ev.SpeechAdded, at: datetime) -> None:
    state.speeches.add(Speech(p.speech, p.step, p.name, p.title, p.member))


def _created(state: CongressState, p: ev.CongressCreated, at: datetime) -> None:
    raise StoreError("a second congress.created event")


_FOLD: dict[type, Callable[[CongressState, Any, datetime], None]] = {
    ev.CongressCreated: _created,
    ev.CongressEnded: lambda s, p, at: s.agenda.end(at),
    ev.StepStarted: lambda s, p, at: s.agenda.start(p.step, at),
    ev.TimerPaused: lambda s, p, at: s.agenda.pause(at),
    ev.TimerResumed: lambda s, p, at: s.agenda.resume(at),
    ev.StepAdjusted: lambda s, p, at: s.agenda.adjust(p.step, p.seconds),
    ev.StepSkipped: lambda s, p, at: s.agenda.skip(p.step, at),
    ev.StepRestored: lambda s, p, at: s.agenda.restore(p.step),
    ev.StepInserted: _inserted,
    ev.StepMoved: lambda s, p, at: s.agenda.move(p.step, p.after),
    ev.MemberAttended: lambda s, p, at: s.attendance.attend(p.member, at),
    ev.MemberLeft: lambda s, p, at: s.attendance.leave(p.member, at),
    ev.AttendanceUndone: lambda s, p, at: s.attendance.undo(p.member),
    ev.MemberAbsent: lambda s, p, at: s.attendance.absent(p.member, p.reason),
    ev.DelegateReplaced: lambda s, p, at: s.attendance.replace(p.delegate, p.alternate),
    ev.MemberAdded: _member,
    ev.MemberCorrected: _member,
    ev.PinSet: _pin_set,
    ev.Refused: lambda s, p, at: None,
    ev.OrderSet: lambda s, p, at: s.ballot_orders.__setitem__(p.election, list(p.order)),
    ev.NomineeAdded: lambda s, p, at: s.nominees.setdefault(p.election, []).append(p.member),
    ev.MotionRecorded: _motion,
    ev.RoundOpened: _round_opened,
    ev.BallotEntered: lambda s, p, at: _round(s, p).enter(p.pass_no, p.ballot, _reading(p)),
    ev.BallotWithdrawn: lambda s, p, at: _round(s, p).withdraw(p.pass_no, p.ballot),
    ev.BallotResolved: lambda s, p, at: _round(s, p).resolve(p.ballot, _reading(p)),
    ev.RoundCollected: lambda s, p, at: setattr(_round(s, p), "collected", p.collected),
    ev.RoundIssued: lambda s, p, at: setattr(_round(s, p), "issued", p.issued),
    ev.RoundClosed: lambda s, p, at: setattr(_round(s, p), "closed", p.result),
    ev.RoundPublished: _round_published,
    ev.RoundCancelled: lambda s, p, at: s.rounds[p.election].pop(),
    ev.SpeechAdded: _speech_added,
    ev.SpeechStarted: lambda s, p, at: s.speeches.start(p.speech, at),
    ev.SpeechPaused: lambda s, p, at: s.speeches.pause(at),
    ev.SpeechResumed: lambda s, p, at: s.speeches.resume(at),
    ev.SpeechEnded: lambda s, p, at: s.speeches.end(at),
    ev.SpeechMoved: lambda s, p, at: s.speeches.move(p.speech, p.after),
    ev.SpeechWithdrawn: lambda s, p, at: s.speeches.withdraw(p.speech),
    ev.SpeechNoted: lambda s, p, at: setattr(s.speeches.items[p.speech], "notes", p.notes),
    ev.OfficersSet: lambda s, p, at: s.officers.__setitem__(p.body, [dict(person) for person in p.people]),
}

"""The congress as it stands: a fold over the event log, applied event by event."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from ..errors import DomainError, StoreDamaged
from ..rules import attendance as attendance_rules
from ..rules import badge, hall
from ..rules.attendance import Attendance, Figures
from ..rules.election import MotionResult, Queued, Reading, RoundRecord, poll_result, round_result
from ..rules.roster import Member, Roster, parse_roster
from ..rules.scenario import Scenario, Step, parse_scenario
from ..rules.speeches import Speech, Speeches, SpeechTimer
from ..rules.schedule import Agenda, day_start
from ..rules.script import ballot_order
from . import events as ev
from .events import Event, PayloadError

CREATED = ev.CongressCreated.TYPE


class CongressState:
    _SNAPSHOT_CACHES = ("_figures",)  # made again when first asked for: a snapshot writes them as None

    def __repr__(self) -> str:  # the state holds the badges' secret and the PINs' hashes: a repr shows neither
        return f"<CongressState at event {self.seq}>"

    def __init__(self, created: Event):
        if created.type != CREATED:
            raise StoreDamaged(f"the first event is {created.type!r}, not {CREATED!r}")
        try:
            data: ev.CongressCreated = created.payload
        except PayloadError as exc:
            raise StoreDamaged(f"event 1: {exc}") from None
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
        self.candidate_lists: dict[str, list[str]] = {}  # election -> its list as the chair replaced it
        self.withdrawn: dict[str, set[str]] = {}  # election -> names the congress let come off its list
        self.polls: dict[str, list[RoundRecord]] = {e: [] for e in self.scenario.elections}  # nomination polls
        self.listed_after: dict[str, int] = {}  # election -> the rounds it had when its list was replaced
        self.pins: dict[str, dict] = {}  # role -> its PIN's salted scrypt hash
        self.wrong_pins: list[tuple[str, str, datetime]] = []  # (role, terminal, time) of every wrong PIN given
        self.publications: list[tuple[str, int]] = []  # (election, round) in the order results were published
        self.rounds: dict[str, list[RoundRecord]] = {e: [] for e in self.scenario.elections}
        self.motions: dict[str, list[MotionResult]] = {m: [] for m in self.scenario.motions}
        self.speeches = Speeches()
        self.officers: dict[str, list[dict]] = {}  # presidium / secretariat / counting -> [{member?, name, title?}]
        self.hall: dict[str, hall.Shown] = {}  # projector / podium -> the chair's message or a blank
        self.closed_last: tuple[str, bool] | None = None  # (election, poll?) of the count closed last
        self.seq = created.seq
        self.head_hash: str = created.hash  # the last event's: its first digits are the head's short code
        self.ended_head: tuple[int, str] | None = None  # (seq, hash) of the closing: what the minutes' digest covers
        self.last_change: datetime = created.at
        self._figures: tuple[int, Figures] | None = None

    def ballot_order(self, election_id: str) -> list[str]:
        """The list as it will be printed: an order set by hand, else the replaced list or the scenario's with the
        floor's nominees, in Vietnamese order (unless the scenario lists its order)."""
        gone = self.withdrawn.get(election_id, set())
        if election_id in self.ballot_orders:
            return [m for m in self.ballot_orders[election_id] if m not in gone]
        election = self.scenario.elections[election_id]
        nominees = tuple(self.nominees.get(election_id, ()))
        if election_id in self.candidate_lists:
            election = replace(election, candidates=tuple(self.candidate_lists[election_id]), order="alphabetical")
        return [m for m in ballot_order(election, self.roster, nominees) if m not in gone]

    def finished(self, election_id: str) -> bool:
        """Whether an election has filled its seats (no round to come)."""
        record = self.current_round(election_id)
        return record is not None and record.closed is not None and record.closed["unfilled"] == 0

    def elected(self, election_id: str) -> list[str]:
        """Everyone an election has elected so far, over its closed rounds."""
        return [member for record in self.rounds.get(election_id, []) if record.closed
                for member in record.closed["elected"]]

    def current_round(self, election_id: str) -> RoundRecord | None:
        rounds = self.rounds.get(election_id) or []
        return rounds[-1] if rounds else None

    def open_round(self, election_id: str) -> RoundRecord | None:
        record = self.current_round(election_id)
        return record if record is not None and record.closed is None else None

    def open_poll(self, election_id: str) -> RoundRecord | None:
        """The election's nomination poll being counted, if any."""
        polls = self.polls.get(election_id) or []
        return polls[-1] if polls and polls[-1].closed is None else None

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

    def round_result(self, record: RoundRecord, collected: int | None = None, closed: bool = True) -> dict:
        """A round's result as the results JSON, counted from its agreed ballots against the round's D (fixed when
        its ballots were issued); collected: the ballots agreed unless given."""
        names = {m: self.roster.get(m).name for m in record.candidates}
        return round_result(record, names, self.scenario.elections[record.election].title,
                            record.agreed_count() if collected is None else collected, record.denominator, closed)

    def poll_results(self, election_id: str) -> dict:
        """The election's latest nomination poll: frozen once closed, else live (the ballots agreed so far)."""
        polls = self.polls.get(election_id) or []
        if not polls:
            raise DomainError("err.no_open_poll", id=election_id)
        record = polls[-1]
        if record.closed is not None:
            return record.closed
        names = {m: self.roster.get(m).name for m in record.candidates}
        return poll_result(record, names, self.scenario.elections[election_id].title, record.agreed_count())

    def open_rounds(self) -> list[RoundRecord]:
        return [record for election in self.rounds if (record := self.open_round(election)) is not None]

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
            raise StoreDamaged(f"event {event.seq}: {exc}") from None
        handler = _FOLD.get(type(payload))
        if handler is None:  # declared in the catalogue but changes nothing here
            raise StoreDamaged(f"event {event.seq} ({event.type}) has no place in the fold")
        # the host's clock may be set back during the day: the log keeps its order (seq) and each event's time as
        # written, but the fold never lets time run backwards, so no step or speech ends before it began
        at = event.at if event.at >= self.last_change else self.last_change
        handler(self, payload, at)
        kind = type(payload)
        if kind is ev.BallotEntered:  # the counting room shows who read each ballot
            _round(self, payload).clerks.setdefault(payload.pass_no, {})[payload.ballot] = event.terminal
        elif kind is ev.PinWrong:  # the chair is warned: whose PIN, from which terminal, when
            self.wrong_pins.append((payload.role, event.terminal, event.at))
        elif kind is ev.RoundClosed or kind is ev.NominationClosed:
            self.closed_last = (payload.election, kind is ev.NominationClosed)
        elif kind is ev.CongressEnded:
            self.ended_head = (event.seq, event.hash)
        self.seq = event.seq
        self.head_hash = event.hash
        self.last_change = at


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
    return (state.polls if p.poll else state.rounds)[p.election][p.round - 1]


def _poll_opened(state: CongressState, p: ev.NominationOpened, at: datetime) -> None:
    state.polls[p.election].append(RoundRecord(p.election, p.poll, list(p.nominees), len(p.nominees), 1, p.issued,
                                               p.issued))


def _poll_closed(state: CongressState, p: ev.NominationClosed, at: datetime) -> None:
    record = state.polls[p.election][p.poll - 1]
    record.collected, record.closed = p.collected, p.result


def _withdrawal(state: CongressState, p: ev.WithdrawalDecided, at: datetime) -> None:
    if p.allowed:
        state.withdrawn.setdefault(p.election, set()).add(p.member)


def _round_opened(state: CongressState, p: ev.RoundOpened, at: datetime) -> None:
    kind = state.scenario.congress.kind
    counted = frozenset(m.id for m in state.roster if attendance_rules.counts_in_denominator(m, state.attendance, kind))
    state.rounds[p.election].append(RoundRecord(p.election, p.round, list(p.candidates), p.seats, p.passes, p.issued,
                                                p.denominator, counted=counted))


def _round_issued(state: CongressState, p: ev.RoundIssued, at: datetime) -> None:
    record = _round(state, p)
    record.issued = p.issued
    if p.added:
        record.added.append(p.added)


def _queued(record: RoundRecord, p: ev.BallotQueued) -> None:
    record.queued.setdefault(p.pass_no, set()).add(p.ballot)
    guess = None if p.struck is None else Reading(frozenset(p.struck), frozenset(p.unclear or ()))
    record.scans.setdefault(p.pass_no, {})[p.ballot] = Queued(p.rows, guess, p.image, p.outside)


def _reading(p: ev.BallotEntered | ev.BallotResolved) -> Reading:
    return Reading(frozenset(p.struck), frozenset(p.unclear), p.invalid)


def _candidates_set(state: CongressState, p: ev.CandidatesSet, at: datetime) -> None:
    state.candidate_lists[p.election] = list(p.candidates)
    state.listed_after[p.election] = len(state.rounds[p.election])
    state.ballot_orders.pop(p.election, None)  # an order of the old list no longer fits
    state.nominees.pop(p.election, None)  # the new list is the whole list
    state.withdrawn.pop(p.election, None)


def _round_closed(state: CongressState, p: ev.RoundClosed, at: datetime) -> None:
    record = _round(state, p)
    if record.closed is None:  # a round closes once: a second close (written by an older runsheet) changes nothing
        record.closed = p.result


def _round_published(state: CongressState, p: ev.RoundPublished, at: datetime) -> None:
    _round(state, p).published = True
    state.publications.append((p.election, p.round))


def _motion(state: CongressState, p: ev.MotionRecorded, at: datetime) -> None:
    state.motions[p.motion].append(MotionResult(p.votes_for, p.against, p.abstain, p.present, p.denominator))


def _speech_added(state: CongressState, p: ev.SpeechAdded, at: datetime) -> None:
    state.speeches.add(Speech(p.speech, p.step, p.name, p.title, p.member))


def _hall(state: CongressState, p: ev.HallMessage | ev.HallBlanked | ev.HallCleared, at: datetime) -> None:
    for screen in hall.screens(p.to):
        if isinstance(p, ev.HallCleared):
            state.hall.pop(screen, None)
        else:
            state.hall[screen] = hall.Shown(getattr(p, "text", None), getattr(p, "flash", False), at)


def _created(state: CongressState, p: ev.CongressCreated, at: datetime) -> None:
    raise StoreDamaged("a second congress.created event")


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
    ev.PinWrong: lambda s, p, at: None,  # kept by apply, which knows the terminal
    ev.OrderSet: lambda s, p, at: s.ballot_orders.__setitem__(p.election, list(p.order)),
    ev.NomineeAdded: lambda s, p, at: s.nominees.setdefault(p.election, []).append(p.member),
    ev.CandidatesSet: _candidates_set,
    ev.NominationOpened: _poll_opened,
    ev.NominationClosed: _poll_closed,
    ev.WithdrawalDecided: _withdrawal,
    ev.MotionRecorded: _motion,
    ev.RoundOpened: _round_opened,
    ev.BallotEntered: lambda s, p, at: _round(s, p).enter(p.pass_no, p.ballot, _reading(p)),
    ev.BallotWithdrawn: lambda s, p, at: _round(s, p).withdraw(p.pass_no, p.ballot),
    ev.BallotQueued: lambda s, p, at: _queued(_round(s, p), p),
    ev.BallotResolved: lambda s, p, at: _round(s, p).resolve(p.ballot, _reading(p)),
    ev.RoundCollected: lambda s, p, at: setattr(_round(s, p), "collected", p.collected),
    ev.RoundIssued: _round_issued,
    ev.RoundClosed: _round_closed,
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
    ev.HallMessage: _hall,
    ev.HallBlanked: _hall,
    ev.HallCleared: _hall,
}

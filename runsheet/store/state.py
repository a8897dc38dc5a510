"""The congress as it stands: a fold over the event log, applied event by event."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from ..errors import StoreError
from ..rules import attendance as attendance_rules
from ..rules.attendance import Attendance, Figures
from ..rules.election import MotionResult, Reading, RoundRecord
from ..rules.roster import Member, Roster, parse_roster
from ..rules.scenario import Scenario, Step, parse_scenario
from ..rules.speeches import Speech, Speeches, SpeechTimer
from ..rules.schedule import Agenda, day_start
from ..rules.script import ballot_order
from .events import Event

CREATED = "congress.created"


class CongressState:
    def __init__(self, created: Event):
        if created.type != CREATED:
            raise StoreError(f"the first event is {created.type!r}, not {CREATED!r}")
        data = created.data
        self.congress_id: str = data["congress_id"]
        self.badge_secret: str = data.get("badge_secret", "")
        self.zone = timezone(timedelta(minutes=data["utc_offset_minutes"]))
        self.roster: Roster = parse_roster(data["roster"]["text"], data["roster"]["file"])
        self.scenario: Scenario = parse_scenario(data["scenario"]["text"], data["scenario"]["file"], self.roster)
        planned = self.scenario.congress.start
        start = time.fromisoformat(data["start"]) if data.get("start") else planned
        day = date.fromisoformat(data["date"])
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

    @property
    def language(self) -> str:
        return self.scenario.congress.language

    def figures(self) -> Figures:
        congress = self.scenario.congress
        return attendance_rules.figures(self.roster, self.attendance, congress.kind, congress.quorum)

    def apply_all(self, events: list[Event]) -> None:
        for event in events:
            self.apply(event)

    def apply(self, event: Event) -> None:
        handler = _HANDLERS.get(event.type)
        if handler is None:
            raise StoreError(f"event {event.seq} has an unknown type {event.type!r} (a newer runsheet?)")
        handler(self, event.data, event.at)
        self.seq = event.seq
        self.last_change = event.at


def _step_started(state: CongressState, data: dict, at: datetime) -> None:
    state.agenda.start(data["step"], at)


def _inserted(state: CongressState, data: dict, at: datetime) -> None:
    s = data["step"]
    step = Step(s["id"], s["title"], s["minutes"], s.get("who", ""), s.get("script", ""), adhoc=True)
    state.agenda.insert(step, data.get("after"))


def _member(state: CongressState, data: dict, at: datetime) -> None:
    m = data["member"]
    state.roster = state.roster.with_member(Member(m["id"], m["name"], m["status"], frozenset(m.get("flags", ()))))


def _pin_set(state: CongressState, data: dict, at: datetime) -> None:
    if data["pin"]:
        state.pins[data["role"]] = data["pin"]
    else:
        state.pins.pop(data["role"], None)


def _round(state: CongressState, data: dict) -> RoundRecord:
    return state.rounds[data["election"]][data["round"] - 1]


def _round_opened(state: CongressState, data: dict, at: datetime) -> None:
    state.rounds[data["election"]].append(RoundRecord(
        data["election"], data["round"], list(data["candidates"]), data["seats"], data["passes"], data["issued"],
        data["denominator"]))


def _ballot_entered(state: CongressState, data: dict, at: datetime) -> None:
    record = _round(state, data)
    record.readings.setdefault(data["pass"], {})[data["ballot"]] = Reading.from_data(data)
    record.resolved.pop(data["ballot"], None)  # a new reading reopens the comparison


def _ballot_withdrawn(state: CongressState, data: dict, at: datetime) -> None:
    record = _round(state, data)
    record.readings.get(data["pass"], {}).pop(data["ballot"], None)
    record.resolved.pop(data["ballot"], None)


def _ballot_resolved(state: CongressState, data: dict, at: datetime) -> None:
    _round(state, data).resolved[data["ballot"]] = Reading.from_data(data)


def _round_closed(state: CongressState, data: dict, at: datetime) -> None:
    _round(state, data).closed = data["result"]


def _round_published(state: CongressState, data: dict, at: datetime) -> None:
    _round(state, data).published = True
    state.publications.append((data["election"], data["round"]))


def _motion(state: CongressState, data: dict, at: datetime) -> None:
    state.motions[data["motion"]].append(MotionResult(data["for"], data["against"], data["abstain"],
                                                      data["present"], data["denominator"]))


def _speech_added(state: CongressState, data: dict, at: datetime) -> None:
    state.speeches.add(Speech(data["speech"], data["step"], data["name"], data.get("title", ""), data.get("member")))


_HANDLERS = {
    "step.started": _step_started,
    "congress.ended": lambda s, d, at: s.agenda.end(at),
    "timer.paused": lambda s, d, at: s.agenda.pause(at),
    "timer.resumed": lambda s, d, at: s.agenda.resume(at),
    "step.adjusted": lambda s, d, at: s.agenda.adjust(d["step"], d["seconds"]),
    "step.skipped": lambda s, d, at: s.agenda.skip(d["step"], at),
    "step.restored": lambda s, d, at: s.agenda.restore(d["step"]),
    "step.inserted": _inserted,
    "step.moved": lambda s, d, at: s.agenda.move(d["step"], d.get("after")),
    "member.attended": lambda s, d, at: s.attendance.attend(d["member"], at),
    "member.left": lambda s, d, at: s.attendance.leave(d["member"], at),
    "member.attendance_undone": lambda s, d, at: s.attendance.undo(d["member"]),
    "member.absent": lambda s, d, at: s.attendance.absent(d["member"], d.get("reason")),
    "delegate.replaced": lambda s, d, at: s.attendance.replace(d["delegate"], d.get("alternate")),
    "member.added": _member,
    "election.order_set": lambda s, d, at: s.ballot_orders.__setitem__(d["election"], list(d["order"])),
    "election.nominee_added": lambda s, d, at: s.nominees.setdefault(d["election"], []).append(d["member"]),
    "role.pin_set": _pin_set,
    "round.opened": _round_opened,
    "ballot.entered": _ballot_entered,
    "ballot.withdrawn": _ballot_withdrawn,
    "ballot.resolved": _ballot_resolved,
    "round.closed": _round_closed,
    "round.published": _round_published,
    "round.cancelled": lambda s, d, at: s.rounds[d["election"]].pop(),
    "round.collected": lambda s, d, at: setattr(_round(s, d), "collected", d["collected"]),
    "round.issued": lambda s, d, at: setattr(_round(s, d), "issued", d["issued"]),
    "motion.recorded": _motion,
    "member.corrected": _member,
    "speech.added": _speech_added,
    "speech.started": lambda s, d, at: s.speeches.start(d["speech"], at),
    "speech.paused": lambda s, d, at: s.speeches.pause(at),
    "speech.resumed": lambda s, d, at: s.speeches.resume(at),
    "speech.ended": lambda s, d, at: s.speeches.end(at),
    "speech.moved": lambda s, d, at: s.speeches.move(d["speech"], d.get("after")),
    "speech.withdrawn": lambda s, d, at: s.speeches.withdraw(d["speech"]),
    "speech.noted": lambda s, d, at: setattr(s.speeches.items[d["speech"]], "notes", d["notes"]),
    "officers.set": lambda s, d, at: s.officers.__setitem__(d["body"], list(d["people"])),
    "role.refused": lambda s, d, at: None,  # an action refused for a terminal's role: logged, changes nothing
}

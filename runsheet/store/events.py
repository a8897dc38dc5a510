"""The events of the log: the envelope every event shares (seq, time, role, terminal, type, data, and the hash that
chains it to the one before) and the catalogue of event types, each with its payload declared once.

A payload class says what its event records: its fields, and how they are written in the event's data (the data is
what the hash covers, so a payload writes exactly the keys it always wrote: an optional field left empty is left out
where older events leave it out). Commands build payloads; the fold (state.py) and every reader (reports, digest
checks) read `event.payload`, never the raw data.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

import orjson

GENESIS = "0" * 64
DOC_KEYS = frozenset({"seq", "time", "role", "terminal", "type", "data", "prev", "hash"})


def utc_iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def chain_hash(prev: str, seq: int, time: str, role: str, terminal: str, type: str, data: Any) -> str:
    body = orjson.dumps(
        {"seq": seq, "time": time, "role": role, "terminal": terminal, "type": type, "data": data},
        option=orjson.OPT_SORT_KEYS,
    )
    return hashlib.sha256(prev.encode("ascii") + body).hexdigest()


# ---- payloads ----------------------------------------------------------------------------------------------------
class PayloadError(ValueError):
    """An event's data does not have the shape its type declares."""


def key(name: str, **kwargs: Any) -> Any:
    """A field written under another name in the data ("for", "pass": Python keywords)."""
    return field(metadata={"key": name}, **kwargs)


def optional(default: Any = None, **kwargs: Any) -> Any:
    """A field left out of the data when it holds its default (older events were written without it)."""
    return field(default=default, metadata={"omit": True, **kwargs.pop("metadata", {})}, **kwargs)


def poll_flag() -> Any:
    """Marks a ballot event of a nomination poll rather than of an election round (left out for a round)."""
    return field(default=False, kw_only=True, metadata={"omit": True})


@dataclass(frozen=True)
class Payload:
    """What one type of event records. Subclasses are frozen dataclasses registered with @event."""

    TYPE: ClassVar[str] = ""

    def to_data(self) -> dict:
        data = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if f.metadata.get("omit") and value == f.default:
                continue
            data[f.metadata.get("key", f.name)] = list(value) if isinstance(value, tuple) else value
        return data

    @classmethod
    def from_data(cls, data: dict) -> Payload:
        if not isinstance(data, dict):
            raise PayloadError(f"{cls.TYPE}: the data is not an object")
        values = {}
        for name, key_, as_tuple, missing in cls._reading_plan():
            if key_ in data:
                value = data[key_]
                values[name] = tuple(value) if as_tuple and isinstance(value, list) else value
            elif missing is None:
                raise PayloadError(f"{cls.TYPE}: {key_!r} is missing")
            else:
                values[name] = missing()
        # built without the frozen dataclass's __init__ (which sets each field through object.__setattr__): a long
        # log reads tens of thousands of payloads, and these are exactly the fields __init__ would set
        payload = object.__new__(cls)
        payload.__dict__.update(values)
        return payload

    @classmethod
    def _reading_plan(cls) -> tuple[tuple[str, str, bool, Callable[[], Any] | None], ...]:
        """For each field: its name, its key in the data, whether a list is read as a tuple, and what it holds when
        the data leaves it out (None: required). Worked out once per type."""
        plan = cls.__dict__.get("_plan")
        if plan is None:
            plan = tuple((f.name, f.metadata.get("key", f.name), f.type.startswith("tuple"), _missing(f))
                         for f in dataclasses.fields(cls))
            type.__setattr__(cls, "_plan", plan)
        return plan


def _missing(f: dataclasses.Field) -> Callable[[], Any] | None:
    if f.default is not dataclasses.MISSING:
        default = f.default
        return lambda: default
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory
    return None


CATALOGUE: dict[str, type[Payload]] = {}
P = TypeVar("P", bound=type[Payload])


def event(type_name: str):
    """Register a payload class under its event type (once: a type is declared in one place)."""
    def register(cls: P) -> P:
        if type_name in CATALOGUE:
            raise ValueError(f"event type {type_name!r} declared twice")
        cls.TYPE = type_name
        CATALOGUE[type_name] = cls
        return cls
    return register


# ---- the congress ------------------------------------------------------------------------------------------------
@event("congress.created")
@dataclass(frozen=True)
class CongressCreated(Payload):
    format: int
    congress_id: str
    date: str  # the congress day, YYYY-MM-DD
    utc_offset_minutes: int  # the host's offset on that day at its start
    scenario: dict  # {"file": name, "text": the TOML as given}
    roster: dict  # {"file": name, "text": the CSV as given}
    badge_secret: str = field(default="", repr=False)  # signs the badges' QR codes (rules/badge.py); never shown
    start: str | None = None  # the planned start when the day was moved from the scenario's


@event("congress.ended")
@dataclass(frozen=True)
class CongressEnded(Payload):
    pass


# ---- the agenda --------------------------------------------------------------------------------------------------
@event("step.started")
@dataclass(frozen=True)
class StepStarted(Payload):
    step: str


@event("timer.paused")
@dataclass(frozen=True)
class TimerPaused(Payload):
    step: str | None


@event("timer.resumed")
@dataclass(frozen=True)
class TimerResumed(Payload):
    step: str | None


@event("step.adjusted")
@dataclass(frozen=True)
class StepAdjusted(Payload):
    step: str
    seconds: int


@event("step.skipped")
@dataclass(frozen=True)
class StepSkipped(Payload):
    step: str


@event("step.restored")
@dataclass(frozen=True)
class StepRestored(Payload):
    step: str


@dataclass(frozen=True)
class NewStep:
    id: str
    title: str
    minutes: float
    who: str = ""
    script: str = ""


@event("step.inserted")
@dataclass(frozen=True)
class StepInserted(Payload):
    step: NewStep
    after: str | None

    def to_data(self) -> dict:
        return {"step": dataclasses.asdict(self.step), "after": self.after}

    @classmethod
    def from_data(cls, data: dict) -> StepInserted:
        try:
            s = data["step"]
            return cls(NewStep(s["id"], s["title"], s["minutes"], s.get("who", ""), s.get("script", "")),
                       data.get("after"))
        except (KeyError, TypeError):
            raise PayloadError("step.inserted: the step is missing or malformed") from None


@event("step.moved")
@dataclass(frozen=True)
class StepMoved(Payload):
    step: str
    after: str | None = None


# ---- attendance and the roster -----------------------------------------------------------------------------------
@event("member.attended")
@dataclass(frozen=True)
class MemberAttended(Payload):
    member: str
    via: str | None = optional()  # "desk" or "badge"; a check-in by script or import says nothing


@event("member.left")
@dataclass(frozen=True)
class MemberLeft(Payload):
    member: str


@event("member.attendance_undone")
@dataclass(frozen=True)
class AttendanceUndone(Payload):
    member: str


@event("member.absent")
@dataclass(frozen=True)
class MemberAbsent(Payload):
    member: str
    reason: str | None = None  # the reason accepted, if any


@event("delegate.replaced")
@dataclass(frozen=True)
class DelegateReplaced(Payload):
    delegate: str
    alternate: str | None = None  # None cancels the replacement


@dataclass(frozen=True)
class MemberRecord:
    id: str
    name: str
    status: str
    flags: tuple[str, ...] = ()

    def to_data(self) -> dict:
        return {"id": self.id, "name": self.name, "status": self.status, "flags": list(self.flags)}

    @classmethod
    def from_data(cls, data: dict) -> MemberRecord:
        try:
            return cls(data["id"], data["name"], data["status"], tuple(data.get("flags", ())))
        except (KeyError, TypeError):
            raise PayloadError("member: id, name or status is missing") from None


@dataclass(frozen=True)
class _MemberChange(Payload):
    member: MemberRecord

    def to_data(self) -> dict:
        return {"member": self.member.to_data()}

    @classmethod
    def from_data(cls, data: dict) -> _MemberChange:
        if not isinstance(data, dict) or not isinstance(data.get("member"), dict):
            raise PayloadError(f"{cls.TYPE}: the member is missing")
        return cls(MemberRecord.from_data(data["member"]))


@event("member.added")
@dataclass(frozen=True)
class MemberAdded(_MemberChange):
    pass


@event("member.corrected")
@dataclass(frozen=True)
class MemberCorrected(_MemberChange):
    pass


# ---- roles -------------------------------------------------------------------------------------------------------
@event("role.pin_set")
@dataclass(frozen=True)
class PinSet(Payload):
    role: str
    pin: dict | None = field(repr=False)  # the PIN's salted scrypt hash (commands/roles.py); None clears it


@event("role.refused")
@dataclass(frozen=True)
class Refused(Payload):
    """An action refused for a terminal's role (who tried what, from where); it changes nothing else."""
    right: str
    reason: str


@event("role.pin_wrong")
@dataclass(frozen=True)
class PinWrong(Payload):
    """A wrong PIN given for a role (the terminal and the time are the event's own); never the PIN typed."""
    role: str  # whose PIN was tried: the chair's for a terminal without a role


# ---- motions and elections ---------------------------------------------------------------------------------------
@event("motion.recorded")
@dataclass(frozen=True)
class MotionRecorded(Payload):
    motion: str
    votes_for: int = key("for")
    against: int = 0
    abstain: int = 0
    present: int = 0  # official members present when it was put to the vote
    denominator: int = 0


@event("election.order_set")
@dataclass(frozen=True)
class OrderSet(Payload):
    election: str
    order: tuple[str, ...]


@event("election.candidates_set")
@dataclass(frozen=True)
class CandidatesSet(Payload):
    """The chair replaced an election's list before its next round (the congress decided it)."""
    election: str
    candidates: tuple[str, ...]


@event("election.nominee_added")
@dataclass(frozen=True)
class NomineeAdded(Payload):
    election: str
    member: str
    votes_for: int = key("for")
    present: int = 0


@event("round.opened")
@dataclass(frozen=True)
class RoundOpened(Payload):
    election: str
    round: int
    candidates: tuple[str, ...]
    seats: int
    passes: int
    issued: int
    denominator: int


@dataclass(frozen=True)
class _RoundEvent(Payload):
    election: str
    round: int  # the round, or with poll, the number of the election's nomination poll
    poll: bool = poll_flag()


@dataclass(frozen=True)
class _Ballot(_RoundEvent):
    ballot: int


@event("ballot.entered")
@dataclass(frozen=True)
class BallotEntered(_Ballot):
    pass_no: int = key("pass", default=1)
    struck: tuple[int, ...] = ()
    unclear: tuple[int, ...] = ()
    invalid: str | None = None
    scanner: bool = field(default=False, kw_only=True, metadata={"omit": True})  # read by the scanner (ballots scan)
    image: str | None = field(default=None, kw_only=True, metadata={"omit": True})  # sha256 of its kept scan


@event("ballot.queued")
@dataclass(frozen=True)
class BallotQueued(_Ballot):
    """The scanner was not sure of this ballot: its number is taken in the stack's order, and a person enters it by
    hand on the same pass (nothing is counted from the machine's doubtful reading)."""

    pass_no: int = key("pass", default=1)
    rows: tuple[int, ...] = ()  # the lines the machine was not sure of
    image: str | None = field(default=None, kw_only=True, metadata={"omit": True})  # sha256 of its kept scan
    # the machine's best reading, shown to the person who reviews it (left out by events written before it was kept)
    struck: tuple[int, ...] | None = field(default=None, kw_only=True, metadata={"omit": True})
    unclear: tuple[int, ...] | None = field(default=None, kw_only=True, metadata={"omit": True})
    outside: bool = field(default=False, kw_only=True, metadata={"omit": True})  # ink outside the list of names


@event("ballot.withdrawn")
@dataclass(frozen=True)
class BallotWithdrawn(_Ballot):
    pass_no: int = key("pass", default=1)


@event("ballot.resolved")
@dataclass(frozen=True)
class BallotResolved(_Ballot):
    struck: tuple[int, ...] = ()
    unclear: tuple[int, ...] = ()
    invalid: str | None = None


@event("round.collected")
@dataclass(frozen=True)
class RoundCollected(_RoundEvent):
    collected: int


@event("round.issued")
@dataclass(frozen=True)
class RoundIssued(_RoundEvent):
    issued: int
    added: str | None = optional()  # a member not counted in the round's D, given a ballot: counted in from now


@event("round.closed")
@dataclass(frozen=True)
class RoundClosed(_RoundEvent):
    collected: int
    result: dict  # the frozen result: the results JSON of the round (rules.election.round_result)


@event("round.published")
@dataclass(frozen=True)
class RoundPublished(_RoundEvent):
    pass


@event("nomination.opened")
@dataclass(frozen=True)
class NominationOpened(Payload):
    """A secret poll (phiếu xin ý kiến) on nominees from the floor, before an election's first round."""
    election: str
    poll: int
    nominees: tuple[str, ...]
    issued: int  # official members present


@event("nomination.closed")
@dataclass(frozen=True)
class NominationClosed(Payload):
    election: str
    poll: int
    collected: int
    result: dict  # rules.election.poll_result: each nominee's agreement against those present, and who joins


@event("election.withdrawal")
@dataclass(frozen=True)
class WithdrawalDecided(Payload):
    """A request to come off an election's list, decided by show of hands (allowed: the list loses the name)."""
    election: str
    member: str
    votes_for: int = key("for")
    against: int = 0
    abstain: int = 0
    present: int = 0
    denominator: int = 0
    allowed: bool = False


@event("round.cancelled")
@dataclass(frozen=True)
class RoundCancelled(_RoundEvent):
    pass


# ---- speeches and officers ---------------------------------------------------------------------------------------
@event("speech.added")
@dataclass(frozen=True)
class SpeechAdded(Payload):
    speech: str
    step: str
    name: str
    title: str = ""
    member: str | None = None


@dataclass(frozen=True)
class _SpeechEvent(Payload):
    speech: str


@event("speech.started")
@dataclass(frozen=True)
class SpeechStarted(_SpeechEvent):
    pass


@event("speech.paused")
@dataclass(frozen=True)
class SpeechPaused(_SpeechEvent):
    pass


@event("speech.resumed")
@dataclass(frozen=True)
class SpeechResumed(_SpeechEvent):
    pass


@event("speech.ended")
@dataclass(frozen=True)
class SpeechEnded(_SpeechEvent):
    pass


@event("speech.moved")
@dataclass(frozen=True)
class SpeechMoved(_SpeechEvent):
    after: str | None = None


@event("speech.withdrawn")
@dataclass(frozen=True)
class SpeechWithdrawn(_SpeechEvent):
    pass


@event("speech.noted")
@dataclass(frozen=True)
class SpeechNoted(_SpeechEvent):
    notes: str = ""


@event("officers.set")
@dataclass(frozen=True)
class OfficersSet(Payload):
    body: str  # presidium, secretariat, counting
    people: tuple[dict, ...]  # [{member?, name, title?}]


# ---- the hall's screens (the projector, the podium) -------------------------------------------------------------
@event("hall.message")
@dataclass(frozen=True)
class HallMessage(Payload):
    """The chair's short message on the hall's screens ("Xin đồng chí kết thúc")."""
    text: str
    to: str  # projector, podium or all (rules/hall.py)
    flash: bool = optional(False)


@event("hall.blanked")
@dataclass(frozen=True)
class HallBlanked(Payload):
    """The hall's screens show nothing until cleared."""
    to: str


@event("hall.cleared")
@dataclass(frozen=True)
class HallCleared(Payload):
    """Back to the programme: no message, no blank."""
    to: str


# ---- the envelope ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Event:
    seq: int
    time: str
    role: str
    terminal: str
    type: str
    data: dict = field(repr=False)  # may hold the badges' secret or a PIN's hash: a repr never shows it
    prev: str
    hash: str
    at: datetime = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "at", datetime.fromisoformat(self.time))

    @cached_property
    def payload(self) -> Payload:
        """The data as its type declares it; PayloadError for an unknown type or data of the wrong shape."""
        kind = CATALOGUE.get(self.type)
        if kind is None:
            raise PayloadError(f"unknown event type {self.type!r} (a newer runsheet?)")
        try:
            return kind.from_data(self.data)
        except TypeError as exc:  # a key the type does not declare
            raise PayloadError(f"{self.type}: {exc}") from None

    @classmethod
    def make(cls, prev: Event | None, payload: Payload, role: str, terminal: str, now: datetime) -> Event:
        seq = 1 if prev is None else prev.seq + 1
        prev_hash = GENESIS if prev is None else prev.hash
        time = utc_iso(now)
        data = payload.to_data()
        made = cls(seq, time, role, terminal, payload.TYPE, data, prev_hash,
                   chain_hash(prev_hash, seq, time, role, terminal, payload.TYPE, data))
        made.__dict__["payload"] = payload
        return made

    @classmethod
    def from_doc(cls, doc: dict) -> Event:
        # built without the frozen dataclass's __init__ (a long log reads tens of thousands): the same fields
        event = object.__new__(cls)
        event.__dict__.update(seq=doc["seq"], time=doc["time"], role=doc["role"], terminal=doc["terminal"],
                              type=doc["type"], data=doc["data"], prev=doc["prev"], hash=doc["hash"],
                              at=datetime.fromisoformat(doc["time"]))
        return event

    def to_doc(self) -> dict:
        return {"seq": self.seq, "time": self.time, "role": self.role, "terminal": self.terminal,
                "type": self.type, "data": self.data, "prev": self.prev, "hash": self.hash}

    def expected_hash(self) -> str:
        return chain_hash(self.prev, self.seq, self.time, self.role, self.terminal, self.type, self.data)

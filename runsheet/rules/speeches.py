"""The list of speakers (danh sách phát biểu): who asked to speak at which step, in what order, and how long each
spoke. Pure: the store folds speech events into a Speeches, the commands ask it what is allowed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ..errors import DomainError
from .collation import name_key
from .schedule import WARNING_SHARE, Phase

# why a speech that is no longer waiting cannot start, move or be withdrawn, by its status
NOT_WAITING = {"speaking": "err.speech_speaking", "paused": "err.speech_paused", "done": "err.speech_done",
               "withdrawn": "err.speech_withdrawn"}


@dataclass
class Speech:
    id: str  # "s1", "s2", ... in the order names were put on a list, congress-wide
    step: str
    name: str
    title: str = ""  # a guest's position (chức vụ), or a member's, when given
    member: str | None = None  # a roster id, or None for a guest
    started: datetime | None = None
    ended: datetime | None = None
    paused_at: datetime | None = None
    paused_seconds: float = 0.0
    notes: str = ""
    withdrawn: bool = False

    @property
    def status(self) -> str:
        if self.withdrawn:
            return "withdrawn"
        if self.ended is not None:
            return "done"
        if self.started is None:
            return "waiting"
        return "paused" if self.paused_at is not None else "speaking"

    def elapsed(self, now: datetime) -> float:
        """Speaking time as of now (never counting past it: the minutes ask as of the closing, and a speech left
        running then and ended later must not run on beyond the closing)."""
        if self.started is None:
            return 0.0
        until = min(self.ended or self.paused_at or now, now)
        return max(0.0, (until - self.started).total_seconds() - self.paused_seconds)

    def label(self) -> str:
        return f"{self.name}, {self.title}" if self.title else self.name


@dataclass(frozen=True)
class SpeechTimer:
    """Shaped like the step's Timer so the same widget shows it; allotted None counts up with no limit."""
    speech: Speech
    elapsed: float
    allotted: int | None
    paused: bool

    @property
    def remaining(self) -> float:
        return (self.allotted - self.elapsed) if self.allotted else -self.elapsed

    @property
    def phase(self) -> Phase:
        if not self.allotted:
            return Phase.CALM
        if self.elapsed >= self.allotted:
            return Phase.OVERTIME
        if self.elapsed >= WARNING_SHARE * self.allotted:
            return Phase.WARNING
        return Phase.CALM


@dataclass(frozen=True)
class Total:
    count: int
    seconds: float


@dataclass
class Speeches:
    items: dict[str, Speech] = field(default_factory=dict)
    lists: dict[str, list[str]] = field(default_factory=dict)  # step -> speech ids in speaking order
    current: str | None = None  # the speech being given or paused: one at a time in the hall

    # ---- reading -------------------------------------------------------------------------------------------
    def of_step(self, step_id: str) -> list[Speech]:
        return [self.items[i] for i in self.lists.get(step_id, ())]

    def next_waiting(self, step_id: str | None) -> Speech | None:
        """The first on a step's list who has not spoken yet: who gets the floor next."""
        return next((s for s in self.of_step(step_id) if s.status == "waiting"), None) if step_id else None

    def get(self, speech_id: str) -> Speech:
        speech = self.items.get(speech_id)
        if speech is None:
            raise DomainError("err.no_speech", id=speech_id)
        return speech

    def next_id(self) -> str:
        return f"s{len(self.items) + 1}"

    def timer(self, now: datetime, limit_minutes: float | None) -> SpeechTimer | None:
        if self.current is None:
            return None
        speech = self.items[self.current]
        allotted = round(limit_minutes * 60) if limit_minutes else None
        return SpeechTimer(speech, speech.elapsed(now), allotted, speech.paused_at is not None)

    def step_total(self, step_id: str, now: datetime) -> Total:
        given = [s for s in self.of_step(step_id) if s.started is not None]
        return Total(len(given), sum(s.elapsed(now) for s in given))

    def speaker_totals(self, now: datetime) -> list[tuple[str, Total]]:
        """Each speaker (a member by id, a guest by name and title) with their speeches, in name order."""
        grouped: dict[str, list[Speech]] = {}
        for speech in self.items.values():
            if speech.started is not None:
                grouped.setdefault(speech.member or speech.label(), []).append(speech)
        rows = [(speeches[0].label(), Total(len(speeches), sum(s.elapsed(now) for s in speeches)))
                for speeches in grouped.values()]
        return sorted(rows, key=lambda row: name_key(row[0].split(",")[0]))

    # ---- checks (raise DomainError) ------------------------------------------------------------------------
    def check_start(self, speech_id: str) -> str | None:
        """The speech to end first (the one running), if any."""
        speech = self.get(speech_id)
        if speech.status != "waiting":
            raise DomainError(NOT_WAITING[speech.status], name=speech.name)
        return self.current

    def check_pause(self) -> Speech:
        speech = self._running()
        if speech.paused_at is not None:
            raise DomainError("err.speech_paused", name=speech.name)
        return speech

    def check_resume(self) -> Speech:
        speech = self._running()
        if speech.paused_at is None:
            raise DomainError("err.speech_not_paused", name=speech.name)
        return speech

    def check_end(self) -> Speech:
        return self._running()

    def check_withdraw(self, speech_id: str) -> Speech:
        speech = self.get(speech_id)
        if speech.status != "waiting":
            raise DomainError(NOT_WAITING[speech.status], name=speech.name)
        return speech

    def check_move(self, speech_id: str, offset: int) -> str | None:
        """The speech it will follow after moving one place (None: first); only waiting speeches move."""
        speech = self.check_withdraw(speech_id)
        order = self.lists[speech.step]
        index = order.index(speech_id) + offset
        rest = [i for i in order if i != speech_id]
        passed = rest[index] if offset < 0 and 0 <= index < len(rest) else None
        if not 0 <= index <= len(rest) or (passed and self.items[passed].status != "waiting"):
            raise DomainError("err.speaker_first" if offset < 0 else "err.speaker_last", name=speech.label())
        return rest[index - 1] if index > 0 else None

    def _running(self) -> Speech:
        if self.current is None:
            raise DomainError("err.no_speech_running")
        return self.items[self.current]

    # ---- applying events -----------------------------------------------------------------------------------
    def add(self, speech: Speech) -> None:
        self.items[speech.id] = speech
        self.lists.setdefault(speech.step, []).append(speech.id)

    def start(self, speech_id: str, at: datetime) -> None:
        self.items[speech_id].started = at
        self.current = speech_id

    def pause(self, at: datetime) -> None:
        self.items[self.current].paused_at = at

    def resume(self, at: datetime) -> None:
        speech = self.items[self.current]
        speech.paused_seconds += (at - speech.paused_at).total_seconds()
        speech.paused_at = None

    def end(self, at: datetime) -> None:
        speech = self.items[self.current]
        if speech.paused_at is not None:  # the pause does not count as speaking time
            self.resume(at)
        speech.ended = at
        self.current = None

    def move(self, speech_id: str, after: str | None) -> None:
        order = self.lists[self.items[speech_id].step]
        order.remove(speech_id)
        order.insert(order.index(after) + 1 if after else 0, speech_id)

    def withdraw(self, speech_id: str) -> None:
        speech = self.items[speech_id]
        speech.withdrawn = True
        self.lists[speech.step].remove(speech_id)

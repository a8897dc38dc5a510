"""The programme as it runs: planned, expected and actual times of each step, and the chair's timer.

Pure: every method takes the moment it happens at. Planned times come from the printed programme (the
scenario order, the congress start, fixed `at` times); they never move. The running order may change (steps
moved, inserted, skipped). Expected times follow the running order: a step that has run keeps its actual
times; the current step is expected to end when its remaining time runs out from now; each later step starts
when the one before it is expected to end, but not before its fixed `at` time if it has one, so the slack
before a fixed time absorbs a delay (as Ontime does).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum

from ..errors import DomainError
from .scenario import Step

WARNING_SHARE = 0.8  # the last 20% of a step's time is the warning phase
MIN_ALLOTTED = 60  # a step keeps at least one minute
MAX_ALLOTTED = 24 * 60 * 60  # and lasts at most a day, as a scenario's step


class Phase(StrEnum):
    CALM = "calm"
    WARNING = "warning"
    OVERTIME = "overtime"


class Status(StrEnum):
    PENDING = "pending"
    CURRENT = "current"
    DONE = "done"
    SKIPPED = "skipped"


@dataclass
class StepRun:
    step: Step
    planned_start: datetime | None  # None for a step inserted during the congress
    extra: int = 0  # seconds added (or removed) by the chair
    segments: list[list] = field(default_factory=list)  # [start, end or None] of each stretch the timer ran
    skipped: bool = False
    left_at: datetime | None = None  # when the congress last moved on from this step (a pause is not an end)

    @property
    def allotted(self) -> int:
        return self.step.seconds + self.extra

    @property
    def planned_end(self) -> datetime | None:
        return None if self.planned_start is None else self.planned_start + timedelta(seconds=self.step.seconds)

    @property
    def started(self) -> bool:
        return bool(self.segments)

    @property
    def actual_start(self) -> datetime | None:
        return self.segments[0][0] if self.segments else None

    @property
    def actual_end(self) -> datetime | None:
        return self.left_at

    def elapsed(self, now: datetime) -> float:
        """Seconds run as of now; a clock set back (now before the segment's start) counts nothing, never less."""
        return sum(max(0.0, ((end or now) - start).total_seconds()) for start, end in self.segments)


@dataclass(frozen=True)
class Row:
    """One line of the agenda table."""

    step: Step
    status: Status
    planned_start: datetime | None
    expected_start: datetime | None
    expected_end: datetime | None
    actual_start: datetime | None
    actual_end: datetime | None
    allotted: int
    delta: float | None  # seconds the step ends (or is expected to end) after its planned end


@dataclass(frozen=True)
class Timer:
    step: Step
    elapsed: float
    allotted: int
    paused: bool

    @property
    def remaining(self) -> float:
        return self.allotted - self.elapsed

    @property
    def phase(self) -> Phase:
        if self.elapsed >= self.allotted:
            return Phase.OVERTIME
        if self.elapsed >= WARNING_SHARE * self.allotted:
            return Phase.WARNING
        return Phase.CALM


def day_start(day: date, start: time, zone: tzinfo | None) -> datetime:
    """The planned start of the congress as an aware moment, in the host's time zone unless given one."""
    moment = datetime.combine(day, start)
    return moment.replace(tzinfo=zone) if zone else moment.astimezone()


class Agenda:
    def __init__(self, steps: tuple[Step, ...], starts_at: datetime, at_shift: timedelta = timedelta(0)):
        """at_shift moves the steps' fixed `at` times when the day was moved from the scenario's start."""
        self.starts_at = starts_at
        self.at_shift = at_shift
        self.runs: dict[str, StepRun] = {}
        self.order: list[str] = []
        self.current: str | None = None
        self.paused = False
        self.ended_at: datetime | None = None
        moment = starts_at
        for step in steps:
            if step.at is not None:
                moment = max(moment, self._at(step.at))
            self.runs[step.id] = StepRun(step, moment)
            self.order.append(step.id)
            moment += timedelta(seconds=step.seconds)
        self.planned_end = moment
        self._adhoc = 0

    # ---- queries ---------------------------------------------------------------------------------------
    def run(self, step_id: str) -> StepRun:
        try:
            return self.runs[step_id]
        except KeyError:
            raise DomainError("err.no_step", id=step_id) from None

    @property
    def started(self) -> bool:
        return any(r.started for r in self.runs.values())

    @property
    def ended(self) -> bool:
        return self.ended_at is not None

    def status(self, step_id: str) -> Status:
        run = self.runs[step_id]
        if step_id == self.current:
            return Status.CURRENT
        if run.skipped:
            return Status.SKIPPED
        return Status.DONE if run.started else Status.PENDING

    def following(self, step_id: str | None) -> str | None:
        """The next step in running order that is not skipped (the first one when step_id is None)."""
        start = 0 if step_id is None else self.order.index(step_id) + 1
        return next((s for s in self.order[start:] if not self.runs[s].skipped), None)

    def preceding(self, step_id: str) -> str | None:
        index = self.order.index(step_id)
        return next((s for s in reversed(self.order[:index]) if not self.runs[s].skipped), None)

    def timer(self, now: datetime) -> Timer | None:
        if self.current is None:
            return None
        run = self.runs[self.current]
        return Timer(run.step, run.elapsed(now), run.allotted, self.paused)

    def rows(self, now: datetime) -> list[Row]:
        rows, cursor = [], None
        for step_id in self.order:
            run, status = self.runs[step_id], self.status(step_id)
            start = end = None
            if status is Status.SKIPPED:
                pass
            elif status is Status.DONE and (self.ended or self._before_current(step_id)):
                start, end = run.actual_start, run.actual_end
            elif self.ended:
                pass  # never held: the congress closed without it
            elif status is Status.CURRENT:
                start = run.actual_start
                end = now + timedelta(seconds=max(run.allotted - run.elapsed(now), 0))
            else:
                start = cursor if cursor is not None else max(now, self.starts_at)
                if run.step.at is not None:
                    start = max(start, self._at(run.step.at))
                end = start + timedelta(seconds=max(run.allotted - run.elapsed(now), 0))
            if end is not None:
                cursor = end
            delta = (end - run.planned_end).total_seconds() if end is not None and run.planned_end else None
            rows.append(Row(run.step, status, run.planned_start, start, end, run.actual_start,
                            run.actual_end if status is not Status.CURRENT else None, run.allotted, delta))
        return rows

    def projected_end(self, now: datetime) -> datetime:
        if self.ended_at is not None:
            return self.ended_at
        ends = [row.expected_end for row in self.rows(now) if row.expected_end is not None]
        return ends[-1] if ends else self.planned_end

    def _before_current(self, step_id: str) -> bool:
        if self.current is None:
            return True
        return self.order.index(step_id) < self.order.index(self.current)

    # ---- checks: what an action would do, or why it cannot ----------------------------------------------
    def _not_ended(self) -> None:
        if self.ended:
            raise DomainError("err.ended")

    def check_next(self) -> str | None:
        """The step `next` starts, or None when `next` would end the congress."""
        self._not_ended()
        following = self.following(self.current)
        if following is None and self.current is None:
            raise DomainError("err.all_skipped")
        return following

    def check_previous(self) -> str:
        if self.ended:
            last = next((s for s in reversed(self.order) if self.runs[s].started and not self.runs[s].skipped), None)
            if last is None:
                raise DomainError("err.none_run")
            return last
        if self.current is None:
            raise DomainError("err.not_started")
        previous = self.preceding(self.current)
        if previous is None:
            raise DomainError("err.first")
        return previous

    def check_pause(self) -> None:
        self._not_ended()
        if self.current is None:
            raise DomainError("err.not_running")
        if self.paused:
            raise DomainError("err.paused")

    def check_resume(self) -> None:
        if self.current is None or not self.paused:
            raise DomainError("err.not_paused")

    def check_adjust(self, step_id: str, seconds: int) -> None:
        self._not_ended()
        run = self.run(step_id)
        if self.status(step_id) in (Status.DONE, Status.SKIPPED):
            raise DomainError("err.not_adjustable", title=run.step.title)
        if seconds == 0:
            raise DomainError("err.zero")
        if run.allotted + seconds < MIN_ALLOTTED:
            raise DomainError("err.too_short", title=run.step.title)
        if run.allotted + seconds > MAX_ALLOTTED:
            raise DomainError("err.too_long", title=run.step.title)

    def check_skip(self, step_id: str) -> str | None:
        """Returns the step that starts next when the current step is skipped."""
        self._not_ended()
        run = self.run(step_id)
        if run.skipped:
            raise DomainError("err.skipped", title=run.step.title)
        if step_id != self.current and run.started:
            raise DomainError("err.held", title=run.step.title)
        if step_id == self.current:
            return self.following(step_id)
        return None

    def check_restore(self, step_id: str) -> str | None | bool:
        """Returns False when the step can stay where it is, else the step to put it after (None: first),
        because a step left behind the current one would never be reached."""
        self._not_ended()
        if not self.run(step_id).skipped:
            raise DomainError("err.not_skipped", title=self.runs[step_id].step.title)
        if self.current is not None and self.order.index(step_id) < self.order.index(self.current):
            return self.current
        return False

    def check_insert(self, after: str | None) -> tuple[str, str | None]:
        """The id the new step will get, and where it goes: after `after`, or after the current step when
        `after` lies behind it (a step inserted there would never be reached)."""
        self._not_ended()
        if after is not None:
            self.run(after)
        if self.current is not None and (after is None or self.order.index(after) < self.order.index(self.current)):
            after = self.current
        number = self._adhoc + 1
        while f"adhoc-{number}" in self.runs:
            number += 1
        return f"adhoc-{number}", after

    def check_move(self, step_id: str, after: str | None) -> None:
        self._not_ended()
        run = self.run(step_id)
        if step_id == self.current or run.started:
            raise DomainError("err.started_stays", title=run.step.title)
        if after == step_id:
            raise DomainError("err.after_itself")
        if after is not None:
            self.run(after)
        target = 0 if after is None else self.order.index(after) + 1
        if self.current is not None and target <= self.order.index(self.current):
            raise DomainError("err.before_current")

    # ---- changes: applied when an event is folded in --------------------------------------------------------
    def start(self, step_id: str, at: datetime) -> None:
        self._close_current(at)
        self.ended_at = None
        self.current = step_id
        self.paused = False
        self.runs[step_id].segments.append([at, None])
        self.runs[step_id].left_at = None

    def end(self, at: datetime) -> None:
        self._close_current(at)
        self.current = None
        self.paused = False
        self.ended_at = at

    def pause(self, at: datetime) -> None:
        self.runs[self.current].segments[-1][1] = at
        self.paused = True

    def resume(self, at: datetime) -> None:
        self.runs[self.current].segments.append([at, None])
        self.paused = False

    def adjust(self, step_id: str, seconds: int) -> None:
        self.runs[step_id].extra += seconds

    def skip(self, step_id: str, at: datetime) -> None:
        if step_id == self.current:
            self._close_current(at)
            self.current = None
        self.runs[step_id].skipped = True

    def restore(self, step_id: str) -> None:
        self.runs[step_id].skipped = False

    def insert(self, step: Step, after: str | None) -> None:
        self._adhoc = max(self._adhoc + 1, int(step.id.removeprefix("adhoc-")) if step.id.startswith("adhoc-")
                          and step.id.removeprefix("adhoc-").isdigit() else 0)
        self.runs[step.id] = StepRun(replace(step, adhoc=True), None)
        self.order.insert(0 if after is None else self.order.index(after) + 1, step.id)

    def move(self, step_id: str, after: str | None) -> None:
        self.order.remove(step_id)
        self.order.insert(0 if after is None else self.order.index(after) + 1, step_id)

    def _close_current(self, at: datetime) -> None:
        if self.current is not None:
            run = self.runs[self.current]
            if run.segments[-1][1] is None:
                run.segments[-1][1] = at
            run.left_at = at

    def _at(self, clock: time) -> datetime:
        return datetime.combine(self.starts_at.date(), clock, self.starts_at.tzinfo) + self.at_shift

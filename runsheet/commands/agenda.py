"""Commands that steer the programme: the next or previous step, the step's timer, time added or taken off, steps
skipped, restored, inserted or moved, and the closing of the congress."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from ..errors import DomainError
from ..store import events as ev
from ..store.state import CongressState

from .outcome import Change, Outcome

MAX_MINUTES = 24 * 60  # a step's minutes, or those added to or taken from it at once

if TYPE_CHECKING:
    from . import Session


def leaving(state: CongressState) -> list[ev.Payload]:
    """Leaving a step (to the next, back, skipped, or the closing) ends the speech given at it, running or paused: a
    speech is only ever timed and shown with its own step (README, "The secretary")."""
    running = state.speeches.current
    return [ev.SpeechEnded(running)] if running else []


def closing(state: CongressState) -> list[ev.Payload]:
    """Closing the congress ends a speech still running (its time stops at the closing)."""
    return leaving(state) + [ev.CongressEnded()]


def moving_on(state: CongressState, following: str | None) -> Change:
    """The current step ends: the next one starts (none: the congress closes). The value is the speech this ended,
    if one was running or paused, so that the shell can say so."""
    items = (leaving(state) + [ev.StepStarted(following)]) if following else closing(state)
    return Change(items, state.speeches.current)


class AgendaCommands:
    def __init__(self, session: Session):
        self.session = session

    def _commit(self, build) -> Outcome:
        return self.session.commit("agenda", build)

    def next_step(self) -> Outcome[str | None]:
        """End the current step and start the next; after the last, close the congress. The value is the speech
        this ended, if any."""
        return self._commit(lambda s: moving_on(s, s.agenda.check_next()))

    def previous_step(self) -> Outcome[str | None]:
        """Go back to the previous step; the value is the speech this ended, if any."""
        return self._commit(lambda s: moving_on(s, s.agenda.check_previous()))

    def pause(self) -> Outcome[None]:
        def build(state: CongressState):
            state.agenda.check_pause()
            return [ev.TimerPaused(state.agenda.current)]
        return self._commit(build)

    def resume(self) -> Outcome[None]:
        def build(state: CongressState):
            state.agenda.check_resume()
            return [ev.TimerResumed(state.agenda.current)]
        return self._commit(build)

    def toggle_pause(self) -> Outcome[None]:
        """Pause or resume, decided on the latest state under the lock (another terminal may have just done it)."""
        def build(state: CongressState):
            if state.agenda.paused:
                state.agenda.check_resume()
                return [ev.TimerResumed(state.agenda.current)]
            state.agenda.check_pause()
            return [ev.TimerPaused(state.agenda.current)]
        return self._commit(build)

    def adjust(self, minutes: float, step_id: str | None = None) -> Outcome[None]:
        def build(state: CongressState):
            target = step_id or state.agenda.current
            if target is None:
                raise DomainError("err.not_running")
            if not math.isfinite(minutes) or abs(minutes) > MAX_MINUTES:
                raise DomainError("err.adjust_minutes")
            seconds = round(minutes * 60)
            state.agenda.check_adjust(target, seconds)
            return [ev.StepAdjusted(target, seconds)]
        return self._commit(build)

    def skip(self, step_id: str) -> Outcome[str | None]:
        """Skip a step; skipping the running one moves on (the value: the speech this ended, if any)."""
        def build(state: CongressState):
            current = state.agenda.current
            following = state.agenda.check_skip(step_id)
            if step_id != current:
                return [ev.StepSkipped(step_id)]
            moved = moving_on(state, following)
            return Change([ev.StepSkipped(step_id), *moved.payloads], moved.value)
        return self._commit(build)

    def restore(self, step_id: str) -> Outcome[None]:
        def build(state: CongressState):
            after = state.agenda.check_restore(step_id)
            items: list[ev.Payload] = [ev.StepRestored(step_id)]
            if after is not False:
                items.append(ev.StepMoved(step_id, after))
            return items
        return self._commit(build)

    def insert_step(self, title: str, minutes: float, who: str = "", script: str = "",
                    after: str | None = None) -> Outcome[str]:
        """Insert an ad-hoc step (after the given step, else after the current one); the value is its id."""
        title, who = title.strip(), who.strip()
        if not title:
            raise DomainError("err.no_title")
        if not 1 <= minutes <= MAX_MINUTES:  # nan and inf fail too
            raise DomainError("err.minutes")

        def build(state: CongressState):
            new_id, where = state.agenda.check_insert(after if after is not None else state.agenda.current)
            return Change([ev.StepInserted(ev.NewStep(new_id, title, minutes, who, script), where)], new_id)
        return self._commit(build)

    def move_step(self, step_id: str, after: str | None) -> Outcome[None]:
        def build(state: CongressState):
            state.agenda.check_move(step_id, after)
            return [ev.StepMoved(step_id, after)]
        return self._commit(build)

    def move_by(self, step_id: str, offset: int) -> Outcome[None]:
        """Move a step one place earlier (-1) or later (+1) in the running order."""
        def build(state: CongressState):
            state.agenda.run(step_id)
            order = [s for s in state.agenda.order if s != step_id]
            index = state.agenda.order.index(step_id) + offset
            if not 0 <= index <= len(order):
                raise DomainError("err.at_start" if offset < 0 else "err.at_end")
            after = order[index - 1] if index > 0 else None
            state.agenda.check_move(step_id, after)
            return [ev.StepMoved(step_id, after)]
        return self._commit(build)

    def end_congress(self) -> Outcome[None]:
        def build(state: CongressState):
            if state.agenda.ended:
                raise DomainError("err.ended")
            if not state.agenda.started:
                raise DomainError("err.not_started")
            return closing(state)
        return self._commit(build)


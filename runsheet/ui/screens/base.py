"""What every role's screen shares: commands handed to the store worker, errors said on the screen's feedback line
(never a closed app), and the two ways a screen is redrawn: refresh_state when the log has new events, refresh_clock
on every tick of the clock (timers and clocks only: nothing is recounted on a tick)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from textual.screen import Screen

from ...commands import Session
from ...store.events import Event
from ...store.state import CongressState
from ...texts import say
from ..errors import describe
from ..widgets.feedback import Feedback

if TYPE_CHECKING:
    from ..app import RunsheetApp


class RunsheetScreen(Screen):
    app: RunsheetApp
    FEEDBACK: ClassVar[str | None] = None  # the id of the screen's Feedback line; None: notifications

    def __init__(self) -> None:
        super().__init__()
        self._ready = False  # a first switch to a screen can resume it before on_mount has run

    @property
    def state(self) -> CongressState:
        """The congress as this terminal has seen it so far (the screens' own fold of the log)."""
        return self.app.state

    @property
    def lang(self) -> str:
        return self.app.lang

    def now(self) -> datetime:
        return self.app.steady_now()

    # ---- commands ----------------------------------------------------------------------------------------------
    def run_command(self, command: Callable[[Session], Any], done: Callable[[Any], None] | None = None,
                    failed: Callable[[BaseException, int], None] | None = None, sequence: str | None = None) -> None:
        """Hand command(session) to the store worker; done(outcome) runs here once the screen has the new state,
        or the error is said (failed(error, dropped) instead, when given). Commands of one sequence depend on each
        other: when one fails, those queued after it are dropped (dropped says how many)."""
        self.app.run_command(self, command, done, failed, sequence)

    # ---- the feedback line: what the last key did, gone after a few seconds or at the next action ----------------
    def say(self, text: str, ok: bool = True) -> None:
        if self.FEEDBACK is None or not self.is_mounted:
            self.app.notify(text, severity="information" if ok else "error", timeout=6 if ok else 10, markup=False)
            return
        self.query_one(self.FEEDBACK, Feedback).say(text, ok, self.now())

    def say_error(self, error: BaseException, dropped: int = 0) -> None:
        text = describe(error, self.lang)
        if dropped:
            text += " " + say("store.dropped", self.lang, n=dropped)
        self.say(text, ok=False)

    def say_waiting(self) -> None:
        self.say(say("store.waiting", self.lang), ok=True)

    def clear_feedback(self, only_errors: bool = False) -> None:
        """The next action makes the last message stale (Esc, a new round; only_errors: the text a refusal was about
        has changed, while a confirmation may stay its few seconds)."""
        if self.FEEDBACK is not None and self.is_mounted:
            feedback = self.query_one(self.FEEDBACK, Feedback)
            if not (only_errors and feedback.ok):
                feedback.clear()

    def clock_ticked(self, now: datetime) -> None:
        """Every tick of the clock (app.tick): old feedback goes, then the screen moves its clocks."""
        if self.FEEDBACK is not None and self.is_mounted:
            self.query_one(self.FEEDBACK, Feedback).expire(now)
        self.refresh_clock(now)

    # ---- redrawing ---------------------------------------------------------------------------------------------
    def on_screen_resume(self) -> None:
        if self._ready:
            self.refresh_state([])

    def refresh_state(self, events: list[Event]) -> None:
        """The log has new events (none: redraw everything, as when the screen comes back into view)."""

    def refresh_clock(self, now: datetime) -> None:
        """A tick of the clock: move the clocks and timers, nothing else."""

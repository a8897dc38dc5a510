"""The wall: a read-only view in large type for the hall. The clock, the step and its timer, the attendance
figures once the attendance report has been read, the latest published result; while a speech is given, the
speaker with the speech's countdown in place of the step's timer and the result. It binds no key that writes:
a projector terminal changes nothing."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.widgets import Digits, Static

from ...rules.speeches import SpeechTimer
from ...store.events import Event
from ...texts import say
from ...texts.formats import clock, countdown
from ..widgets.tally_bars import TallyBars
from .base import RunsheetScreen


class ProjectorScreen(RunsheetScreen):
    def compose(self) -> ComposeResult:
        with Vertical(id="wall"):
            yield Static("", id="wall-title")
            with Center():
                yield Digits("", id="wall-clock")
            yield Static("", id="wall-step")
            yield Static("", id="wall-speaker")
            with Center():
                yield Digits("", id="wall-timer")
            yield Static("", id="wall-figures")
            with Center():
                yield TallyBars(id="wall-result")

    def on_mount(self) -> None:
        self._ready = True
        self.refresh_state([])

    def refresh_state(self, events: list[Event]) -> None:
        if not self._ready:
            return
        state, lang = self.state, self.lang
        self.query_one("#wall-title", Static).update(state.scenario.congress.title)
        figures_box = self.query_one("#wall-figures", Static)
        figures_box.display = state.attendance_reported()
        if figures_box.display:
            f = state.figures()
            figures_box.update(say("wall.figures", lang, present=f.present_official, d=f.denominator,
                                   probationary=f.present_probationary, majority=f.majority))
        result = state.latest_published()
        tally = self.query_one(TallyBars)
        if result is not None:
            tally.show(result, lang)
        self.refresh_clock(self.now())

    def refresh_clock(self, now) -> None:
        if not self._ready:
            return
        state, lang = self.state, self.lang
        agenda = state.agenda
        self.query_one("#wall-clock", Digits).update(clock(now, state.zone))
        timer = agenda.timer(now)
        step = self.query_one("#wall-step", Static)
        digits = self.query_one("#wall-timer", Digits)
        if agenda.ended:
            step.update(say("ended", lang, time=clock(agenda.ended_at, state.zone)))
        elif timer is None:
            step.update(say("wall.welcome", lang, start=clock(agenda.starts_at, state.zone)))
        else:
            step.update(Text(timer.step.title, style="bold"))
        speech = state.speech_timer(now)
        self._show_speaker(speech)
        shown = speech or (timer if not agenda.ended else None)
        digits.display = shown is not None
        if shown is not None:
            digits.update(countdown(shown))
            digits.set_class(shown.phase.value == "warning", "-warning")
            digits.set_class(shown.phase.value == "overtime", "-overtime")
            digits.set_class(shown.paused, "-paused")
        self.query_one(TallyBars).display = state.latest_published() is not None and speech is None

    def _show_speaker(self, speech: SpeechTimer | None) -> None:
        box = self.query_one("#wall-speaker", Static)
        box.display = speech is not None
        if speech is None:
            return
        lang = self.lang
        label = say("wall.speaking", lang) + (f" — {say('paused', lang)}" if speech.paused else "")
        parts = [(label, "bold yellow" if speech.paused else "dim"), "\n", (speech.speech.name, "bold")]
        if speech.speech.title:
            parts += ["\n", (speech.speech.title, "italic")]
        box.update(Text.assemble(*parts))

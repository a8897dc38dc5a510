"""The wall: a read-only view in large type for the hall. The clock, the step and its timer, the attendance
figures once the attendance report has been read, the latest published result; while a speech is given, the
speaker with the speech's countdown in place of the step's timer and the result. It binds no key that writes:
a projector terminal changes nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Digits, Static

from ...i18n import t
from ...rules.speeches import SpeechTimer
from ...store.state import CongressState
from ..format import clock, countdown
from ..widgets.tally_bars import TallyBars

if TYPE_CHECKING:
    from ..app import RunsheetApp


def attendance_read(state: CongressState) -> bool:
    """Whether the step that reports attendance (its words carry D) has been held or is being held."""
    for step_id in state.agenda.order:
        run = state.agenda.runs[step_id]
        if "{denominator}" in run.step.script and run.started:
            return True
    return False


def latest_published(state: CongressState) -> dict | None:
    if not state.publications:
        return None
    election, number = state.publications[-1]
    return state.rounds[election][number - 1].closed


class ProjectorScreen(Screen):
    app: RunsheetApp

    def __init__(self) -> None:
        super().__init__()
        self._ready = False

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
        self.refresh_live()

    def on_screen_resume(self) -> None:
        self.refresh_live()

    def refresh_live(self) -> None:
        if not self._ready:
            return
        session, lang = self.app.session, self.app.lang
        state, now = session.state, session.now()
        agenda = state.agenda
        self.query_one("#wall-title", Static).update(state.scenario.congress.title)
        self.query_one("#wall-clock", Digits).update(clock(now, state.zone))
        timer = agenda.timer(now)
        step = self.query_one("#wall-step", Static)
        digits = self.query_one("#wall-timer", Digits)
        if agenda.ended:
            step.update(t("ended", lang, time=clock(agenda.ended_at, state.zone)))
        elif timer is None:
            step.update(t("wall.welcome", lang, start=clock(agenda.starts_at, state.zone)))
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
        figures_box = self.query_one("#wall-figures", Static)
        figures_box.display = attendance_read(state)
        if figures_box.display:
            f = state.figures()
            figures_box.update(t("wall.figures", lang, present=f.present_official, d=f.denominator,
                                 probationary=f.present_probationary, majority=f.majority))
        result = latest_published(state)
        tally = self.query_one(TallyBars)
        tally.display = result is not None and speech is None
        if result is not None:
            tally.show(result, lang)

    def _show_speaker(self, speech: SpeechTimer | None) -> None:
        box = self.query_one("#wall-speaker", Static)
        box.display = speech is not None
        if speech is None:
            return
        lang = self.app.lang
        label = t("wall.speaking", lang) + (f" — {t('paused', lang)}" if speech.paused else "")
        parts = [(label, "bold yellow" if speech.paused else "dim"), "\n", (speech.speech.name, "bold")]
        if speech.speech.title:
            parts += ["\n", (speech.speech.title, "italic")]
        box.update(Text.assemble(*parts))

"""The wall: a read-only view for the hall that fills the screen at any size. The congress, the clock, the step and
its timer, the attendance figures once the attendance report has been read, the latest published result; while a
speech is given, the speaker's name as a caption with the speech's countdown in place of the step's timer. The
chair's message ("Xin đồng chí kết thúc", steady or flashing) takes the place of the clock and the step while it is
up; a blanked wall shows nothing.
Clock, step, name, message and timer are drawn as large as their share of the screen allows (widgets/big_text.py).
It binds no key that writes: a projector terminal changes nothing."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.widgets import Static

from ...rules.digest import short_code
from ...rules.hall import Shown
from ...rules.speeches import SpeechTimer
from ...store.events import Event
from ...texts import say
from ...texts.formats import clock, countdown, local_number
from ..widgets.big_text import BigText
from ..widgets.tally_bars import TallyBars
from .base import RunsheetScreen


class ProjectorScreen(RunsheetScreen):
    HALL_SCREEN = "projector"  # which of the hall's screens this is, for the chair's messages (rules/hall.py)
    DEFAULT_CSS = """
    ProjectorScreen { layout: vertical; }
    ProjectorScreen.-blank { background: black; }
    ProjectorScreen.-blank #wall { display: none; }
    #wall { width: 100%; height: 1fr; }
    #wall-title { width: 100%; height: auto; text-align: center; text-style: bold; color: $text-accent; }
    #wall-clock { height: 1fr; color: $text-muted; text-style: bold; }
    #wall-message { height: 6fr; margin: 0 2; background: $warning 25%; color: $text; text-style: bold; }
    #wall-message.-flash-on { background: $warning; color: $background; }
    #wall-step { height: 1.5fr; text-style: bold; }
    #wall-speaker { height: 3fr; color: $text-accent; text-style: bold; }
    #wall-timer { height: 5fr; color: $text-success; text-style: bold; }
    #wall-timer.-warning { color: $text-warning; }
    #wall-timer.-overtime { color: $text-error; }
    #wall-timer.-paused { color: $text-muted; }
    #wall-figures { width: 100%; height: auto; text-align: center; }
    #wall-result-box { height: auto; }
    #wall-result { width: auto; max-width: 100; }
    #wall-code { width: 100%; height: 1; text-align: right; color: $text-muted; padding: 0 1; }
    ProjectorScreen.-speech #wall-step { height: 1fr; }
    ProjectorScreen.-speech #wall-timer { height: 4fr; }
    ProjectorScreen.-message #wall-clock, ProjectorScreen.-message #wall-step { display: none; }
    ProjectorScreen.-message #wall-code { display: none; }  /* the message has the room while it is up */
    ProjectorScreen.-message #wall-speaker { height: 2fr; }
    ProjectorScreen.-message #wall-timer { height: 3fr; }
    """

    def compose(self) -> ComposeResult:
        with Vertical(id="wall"):
            yield Static("", id="wall-title", markup=False)
            yield BigText(id="wall-clock", max_lines=1)
            yield BigText(id="wall-message")
            yield BigText(id="wall-step")
            yield BigText(id="wall-speaker")
            yield BigText(id="wall-timer", max_lines=1)
            yield Static("", id="wall-figures", markup=False)
            with Center(id="wall-result-box"):
                yield TallyBars(id="wall-result")
            yield Static("", id="wall-code", markup=False)

    def on_mount(self) -> None:
        self._ready = True
        self.refresh_state([])

    @property
    def shown(self) -> Shown | None:
        """What the chair put on this screen: a message, a blank, or nothing."""
        return self.state.hall.get(self.HALL_SCREEN)

    def refresh_state(self, events: list[Event]) -> None:
        if not self._ready:
            return
        state, lang = self.state, self.lang
        self.query_one("#wall-title", Static).update(state.scenario.congress.title)
        self.query_one("#wall-code", Static).update(say("wall.code", lang, code=short_code(state.head_hash),
                                                        seq=local_number(state.seq, lang)))
        figures_box = self.query_one("#wall-figures", Static)
        figures_box.display = state.attendance_reported()
        if figures_box.display:
            f = state.figures()
            figures_box.update(say("wall.figures", lang, present=f.present_official, d=f.denominator,
                                   probationary=f.present_probationary, majority=f.majority))
        result = state.latest_published()
        if result is not None:
            self.query_one(TallyBars).show(result, lang)
        shown = self.shown
        self.set_class(shown is not None and shown.blank, "-blank")
        message = self.query_one("#wall-message", BigText)
        message.display = shown is not None and not shown.blank
        self.set_class(message.display, "-message")
        message.update(shown.text if message.display else "")
        self.refresh_clock(self.now())

    def refresh_clock(self, now: datetime) -> None:
        if not self._ready:
            return
        state, lang = self.state, self.lang
        agenda = state.agenda
        self.query_one("#wall-clock", BigText).update(clock(now, state.zone))
        timer = agenda.timer(now)
        step = self.query_one("#wall-step", BigText)
        if agenda.ended:
            step.update(say("ended", lang, time=clock(agenda.ended_at, state.zone)))
        elif timer is None:
            step.update(say("wall.welcome", lang, start=clock(agenda.starts_at, state.zone)))
        else:
            step.update(timer.step.title)
        speech = state.speech_timer(now)
        self._show_speaker(speech)
        shown = speech or (timer if not agenda.ended else None)
        digits = self.query_one("#wall-timer", BigText)
        digits.display = shown is not None
        if shown is not None:
            digits.update(countdown(shown))
            digits.set_class(shown.phase.value == "warning", "-warning")
            digits.set_class(shown.phase.value == "overtime", "-overtime")
            digits.set_class(shown.paused, "-paused")
        self.query_one("#wall-result-box").display = state.latest_published() is not None and speech is None
        message = self.shown
        self.query_one("#wall-message").set_class(
            message is not None and message.flashing(now) and now.second % 2 == 0, "-flash-on")

    def _show_speaker(self, speech: SpeechTimer | None) -> None:
        """The speaker's name as a caption: who speaks (paused or not) over the name, their title under it."""
        self.set_class(speech is not None, "-speech")
        name = self.query_one("#wall-speaker", BigText)
        name.display = speech is not None
        if speech is None:
            return
        lang = self.lang
        label = say("wall.speaking", lang) + (f" — {say('paused', lang)}" if speech.paused else "")
        above = Text(label, style="bold yellow" if speech.paused else "bold dim")
        below = Text(speech.speech.title, style="italic not bold") if speech.speech.title else None
        name.update(speech.speech.name, above, below)

"""The line across the top of every screen: the congress, attendance and D, the projected end, the clock; on the
chair's, how many wrong PINs were given (once there is one), and the head's short code (the first digits of the last
event's hash: read out or noted, a witness of the log as it stood, checked later with
`run.py verify --code CODE@EVENT`)."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from ...rules.digest import short_code
from ...texts import say
from ...store.state import CongressState
from ...texts.formats import clock, lateness


class TopBar(Horizontal):
    def __init__(self, title: str, code: bool = False, warn_pins: bool = False, **kwargs):
        super().__init__(**kwargs)
        self.congress_title = title
        self.code = code
        self.warn_pins = warn_pins

    def compose(self) -> ComposeResult:
        yield Static(self.congress_title, id="congress-title", markup=False)
        yield Static("", id="pin-alarm", markup=False)
        yield Static("", id="attendance", markup=False)
        yield Static("", id="projection", markup=False)
        if self.code:
            yield Static("", id="head-code", markup=False)
        yield Static("", id="clock", markup=False)

    def on_resize(self) -> None:
        if getattr(self, "_shown", None) is not None:
            self.show(*self._shown)

    def show(self, state: CongressState, now: datetime, lang: str) -> None:
        """Called on every tick of the clock: each part is redrawn only when what it says has changed."""
        self._shown = (state, now, lang)
        agenda, zone, figures = state.agenda, state.zone, state.figures()
        _set(self.query_one("#clock", Static), clock(now, zone, seconds=True))
        wrong = len(state.wrong_pins) if self.warn_pins else 0
        alarm = self.query_one("#pin-alarm", Static)
        alarm.display = bool(wrong)
        _set(alarm, say("pin.wrong_count", lang, n=wrong) if wrong else "")
        projected = agenda.projected_end(now)
        late = (projected - agenda.planned_end).total_seconds()
        projection = self.query_one("#projection", Static)
        attendance = self.query_one("#attendance", Static)
        present = say("present", lang, p=figures.present_official, d=figures.denominator) + (
            "" if figures.may_proceed else f"  {say('no_quorum', lang)}")
        _set(attendance, present)
        when = f"{clock(projected, zone)} ({lateness(late, lang)})"
        labelled = f"{say('projected_end', lang)} {when}"
        # when the line is too narrow the label goes (the title shrinks first), so that the clock keeps its seconds
        needed = 12 + len(present) + 4 + len(labelled) + 4 + 8 + (len(alarm._said) + 2 if wrong else 0)
        width = self.size.width
        if self.code:  # the projection's label first; the code where the line still holds it
            code = self.query_one("#head-code", Static)
            code_text = f"◆{short_code(state.head_hash)}"
            extra, short = len(code_text) + 2, needed - len(labelled) + len(when) + 1
            shown = not width or needed + extra <= width or (needed > width and short + extra <= width)
            _set(code, code_text)
            code.display = shown
            code.tooltip = say("head_code.tooltip", lang, code=short_code(state.head_hash), seq=state.seq)
            needed += extra if shown else 0
        _set(projection, labelled if not width or needed <= width else f"~{when}")
        projection.set_class(late >= 60, "-late")
        attendance.set_class(not figures.may_proceed, "-alarm")


def _set(static: Static, text: str) -> None:
    if getattr(static, "_said", None) != text:
        static._said = text
        static.update(text)

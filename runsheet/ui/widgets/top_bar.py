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
        warning = say("pin.wrong_count", lang, n=wrong) if wrong else ""
        _set(alarm, warning)
        taken = 12 + 4 + 8 + (len(warning) + 2 if wrong else 0)  # the title at its least, paddings, clock, warning
        projected = agenda.projected_end(now)
        late = (projected - agenda.planned_end).total_seconds()
        projection = self.query_one("#projection", Static)
        attendance = self.query_one("#attendance", Static)
        present = say("present", lang, p=figures.present_official, d=figures.denominator)
        if not figures.may_proceed:  # in words where the line holds them, else the ⚠ on the alarm's colour
            worded = f"{present}  {say('no_quorum', lang)}"
            fits = not self.size.width or taken + len(worded) <= self.size.width
            present = worded if fits else f"{present} ⚠"
        _set(attendance, present)
        when = f"{clock(projected, zone)} ({lateness(late, lang)})"
        # the longest projection the line holds: labelled, "~time (lateness)", "~time", or none (the title shrinks
        # first; the clock, docked right, keeps its seconds)
        forms = [f"{say('projected_end', lang)} {when}", f"~{when}", f"~{clock(projected, zone)}", ""]
        base = taken + len(present) + 4
        width = self.size.width
        chosen = next((form for form in forms if not width or base + len(form) <= width), "")
        if self.code:  # shown where the line still holds it after the projection's longest form that fits
            code = self.query_one("#head-code", Static)
            code_text = f"◆{short_code(state.head_hash)}"
            extra = len(code_text) + 2
            shown = not width or base + len(chosen) + extra <= width
            _set(code, code_text)
            code.display = shown
            code.tooltip = say("head_code.tooltip", lang, code=short_code(state.head_hash), seq=state.seq)
        _set(projection, chosen)
        projection.display = bool(chosen)
        projection.set_class(late >= 60, "-late")
        attendance.set_class(not figures.may_proceed, "-alarm")


def _set(static: Static, text: str) -> None:
    if getattr(static, "_said", None) != text:
        static._said = text
        static.update(text)

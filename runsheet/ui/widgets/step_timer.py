"""The large timer of a step or a speech: remaining time in big digits, calm, then warning, then overtime;
with no limit (a speech at a step without one) it counts up. With the class -compact (a small terminal) it is one
line: the time first, then what it means."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Digits, Static

from ...texts import say
from ...rules.schedule import Phase, Timer
from ...rules.speeches import SpeechTimer
from ...texts.formats import countdown, mmss

PHASES = tuple(f"-{p.value}" for p in Phase)


class StepTimer(Vertical):
    def compose(self) -> ComposeResult:
        yield Digits("--:--", id="timer-digits")
        yield Static("", id="timer-info", markup=False)

    def show(self, timer: Timer | SpeechTimer | None, lang: str) -> None:
        digits = self.query_one(Digits)
        info = self.query_one("#timer-info", Static)
        self.remove_class(*PHASES, "-paused")
        if timer is None:
            digits.update("--:--")
            info.update("")
            return
        self.add_class(f"-{timer.phase.value}")
        self.set_class(timer.paused, "-paused")
        digits.update(countdown(timer))
        if self.has_class("-compact"):
            self._one_line(timer, lang, info)
            return
        if timer.allotted:
            label = say("overtime" if timer.remaining < 0 else "remaining", lang)
            allotted = say("allotted", lang, m=f"{timer.allotted / 60:g}")
            parts = [label, f"{say('elapsed', lang)} {mmss(timer.elapsed)} {allotted}"]
        else:
            parts = [say("elapsed", lang), say("no_limit", lang)]
        if timer.paused:
            parts.insert(0, say("paused", lang))
        info.update("  ·  ".join(parts))

    def _one_line(self, timer: Timer | SpeechTimer, lang: str, info: Static) -> None:
        """The compact form: "Còn lại 03:25 · 00:35 / 4 phút", what matters first."""
        if timer.allotted:
            label = say("overtime" if timer.remaining < 0 else "remaining", lang)
            parts = [f"{label} {countdown(timer)}",
                     f"{mmss(timer.elapsed)} {say('allotted', lang, m=f'{timer.allotted / 60:g}')}"]
        else:
            parts = [f"{say('elapsed', lang)} {countdown(timer)}", say("no_limit", lang)]
        if timer.paused:
            parts.append(say("paused", lang))
        info.update(" · ".join(parts))

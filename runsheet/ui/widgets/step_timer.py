"""The large step timer: remaining time in big digits, calm, then warning, then overtime."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Digits, Static

from ...i18n import t
from ...rules.schedule import Phase, Timer
from ..format import mmss

PHASES = tuple(f"-{p.value}" for p in Phase)


class StepTimer(Vertical):
    def compose(self) -> ComposeResult:
        yield Digits("--:--", id="timer-digits")
        yield Static("", id="timer-info")

    def show(self, timer: Timer | None, lang: str) -> None:
        digits = self.query_one(Digits)
        info = self.query_one("#timer-info", Static)
        self.remove_class(*PHASES, "-paused")
        if timer is None:
            digits.update("--:--")
            info.update("")
            return
        self.add_class(f"-{timer.phase.value}")
        self.set_class(timer.paused, "-paused")
        remaining = timer.remaining
        digits.update(("+" if remaining < 0 else "") + mmss(remaining))
        label = t("overtime" if remaining < 0 else "remaining", lang)
        allotted = t("allotted", lang, m=f"{timer.allotted / 60:g}")
        parts = [label, f"{t('elapsed', lang)} {mmss(timer.elapsed)} {allotted}"]
        if timer.paused:
            parts.insert(0, t("paused", lang))
        info.update("  ·  ".join(parts))

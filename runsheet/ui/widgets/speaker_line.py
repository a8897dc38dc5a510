"""One line under the chair's step timer: who has the floor and how long they have left, coloured by phase."""

from __future__ import annotations


from ...texts import say
from ...rules.speeches import SpeechTimer
from ..speakers import time_word
from .plain import PlainStatic
from .step_timer import PHASES


class SpeakerLine(PlainStatic):
    def show(self, timer: SpeechTimer | None, lang: str) -> None:
        self.display = timer is not None
        self.remove_class(*PHASES, "-paused")
        if timer is None:
            return
        self.add_class(f"-{timer.phase.value}")
        self.set_class(timer.paused, "-paused")
        parts = [say("speaker.line", lang, name=timer.speech.label()), time_word(timer, lang)]
        if timer.paused:
            parts.append(say("paused", lang))
        self.update(" · ".join(parts))

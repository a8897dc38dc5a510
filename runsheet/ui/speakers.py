"""How the screens say the time of the speech running."""

from __future__ import annotations

from ..texts import say
from ..rules.speeches import SpeechTimer
from ..texts.formats import mmss


def time_word(timer: SpeechTimer, lang: str) -> str:
    """"còn 03:12", "quá giờ 00:40", or "đã nói 05:00" with no limit."""
    if not timer.allotted:
        return say("speaker.up", lang, time=mmss(timer.elapsed))
    if timer.remaining < 0:
        return say("speaker.over", lang, time=mmss(timer.remaining))
    return say("speaker.left", lang, time=mmss(timer.remaining))

"""What the screens share about the list of speakers: a step's speech limit and the timer of the speech running."""

from __future__ import annotations

from datetime import datetime

from ..i18n import t
from ..rules.speeches import SpeechTimer
from ..store.state import CongressState
from .format import mmss


def speech_limit(state: CongressState, step_id: str) -> float | None:
    """Minutes per speech at a step (scenario: speeches = { limit = N }); None: no limit, the clock counts up."""
    run = state.agenda.runs.get(step_id)
    return run.step.speech_limit if run is not None else None


def speech_timer(state: CongressState, now: datetime) -> SpeechTimer | None:
    """The speech being given or paused, timed against its own step's limit (the programme may have moved on)."""
    current = state.speeches.current
    if current is None:
        return None
    return state.speeches.timer(now, speech_limit(state, state.speeches.items[current].step))


def time_word(timer: SpeechTimer, lang: str) -> str:
    """"còn 03:12", "quá giờ 00:40", or "đã nói 05:00" with no limit."""
    if not timer.allotted:
        return t("speaker.up", lang, time=mmss(timer.elapsed))
    if timer.remaining < 0:
        return t("speaker.over", lang, time=mmss(timer.remaining))
    return t("speaker.left", lang, time=mmss(timer.remaining))

"""F5 on the counting screen and in the scanner's review: why a ballot is invalid, asked in one dialog (the usual
reasons by number, or the committee's own words)."""

from __future__ import annotations

from collections.abc import Callable

from ...rules.election import PAPER_REASONS, REASON_TEXT
from ...texts import say
from .ask import AskScreen


def reason_text(reason: str | None, lang: str) -> str:
    """A reason as said to people: a known reason in the language, else the committee's own words."""
    key = REASON_TEXT.get(reason) if reason else None
    return say(key, lang) if key else reason or ""


def invalid_reason_dialog(lang: str, answered: Callable[[str], None]) -> tuple[AskScreen, Callable]:
    """The dialog and its callback: answered(reason) once a reason is given (a number picks a usual reason)."""
    choices = {str(i): reason for i, reason in enumerate(PAPER_REASONS, start=1)}
    hint = "\n".join(f"{i} = {reason_text(reason, lang)}" for i, reason in choices.items())

    def check(text: str) -> str | None:
        if not text:
            return say("desk.reason.empty", lang)
        if text.isdigit() and text not in choices:
            return say("count.invalid_label", lang)
        return None

    def done(text: str | None) -> None:
        if text:
            answered(choices.get(text, text))

    return AskScreen(say("count.invalid_title", lang), say("count.invalid_label", lang), lang, hint=hint,
                     check=check), done

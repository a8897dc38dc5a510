"""Small formatting helpers shared by the screens and the command line (no Textual here)."""

from __future__ import annotations

from datetime import datetime, tzinfo

from ..i18n import t


def clock(moment: datetime | None, zone: tzinfo, seconds: bool = False) -> str:
    """HH:MM (or HH:MM:SS) in the congress's zone; empty for no moment (hhmm of rules.script says --:--)."""
    if moment is None:
        return ""
    return moment.astimezone(zone).strftime("%H:%M:%S" if seconds else "%H:%M")


def mmss(seconds: float) -> str:
    seconds = int(abs(seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60:02d}:{rest % 60:02d}"


def delta_minutes(seconds: float | None) -> str:
    """A delay in whole minutes: +3', −2', 0'."""
    if seconds is None:
        return ""
    minutes = round(seconds / 60)
    return f"+{minutes}'" if minutes > 0 else (f"−{-minutes}'" if minutes < 0 else "0'")


def lateness(seconds: float, lang: str) -> str:
    minutes = round(seconds / 60)
    if minutes == 0:
        return t("on_time", lang)
    hours, rest = divmod(abs(minutes), 60)
    text = t("hours_short", lang, h=hours, n=rest) if hours else t("minutes_short", lang, n=rest)
    return t("late" if minutes > 0 else "early", lang, m=text)


def countdown(timer) -> str:
    """What a timer's big digits say: the time left, +overtime past the limit, or the time so far with no limit
    (a step's Timer or a SpeechTimer)."""
    if not timer.allotted:
        return mmss(timer.elapsed)
    remaining = timer.remaining
    return ("+" if remaining < 0 else "") + mmss(remaining)

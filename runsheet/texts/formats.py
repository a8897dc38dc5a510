"""How times, durations, numbers and percentages are written, in one place for the screens, the command line and
the documents. Pure: no I/O, no Textual."""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from . import say


def hhmm(moment: datetime | None, zone: tzinfo) -> str:
    """HH:MM in the congress's zone; --:-- for no moment."""
    return "--:--" if moment is None else moment.astimezone(zone).strftime("%H:%M")


def clock(moment: datetime | None, zone: tzinfo, seconds: bool = False) -> str:
    """HH:MM (or HH:MM:SS) in the congress's zone; empty for no moment."""
    if moment is None:
        return ""
    return moment.astimezone(zone).strftime("%H:%M:%S" if seconds else "%H:%M")


def mmss(seconds: float) -> str:
    """A duration as MM:SS, or H:MM:SS from an hour on (the sign is the caller's)."""
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
    """How late or early the programme runs, in words: "chậm 5 phút", "on time"."""
    minutes = round(seconds / 60)
    if minutes == 0:
        return say("on_time", lang)
    hours, rest = divmod(abs(minutes), 60)
    text = say("hours_short", lang, h=hours, n=rest) if hours else say("minutes_short", lang, n=rest)
    return say("late" if minutes > 0 else "early", lang, m=text)


def countdown(timer) -> str:
    """What a timer's big digits say: the time left, +overtime past the limit, or the time so far with no limit
    (a step's Timer or a SpeechTimer)."""
    if not timer.allotted:
        return mmss(timer.elapsed)
    remaining = timer.remaining
    return ("+" if remaining < 0 else "") + mmss(remaining)


def local_number(value: int, lang: str) -> str:
    """Thousands grouped as the language writes them: 1.600 in Vietnamese, 1,600 in English."""
    grouped = f"{value:,}"
    return grouped.replace(",", ".") if lang == "vi" else grouped


def local_percent(value: str, lang: str) -> str:
    """Vietnamese writes a decimal comma (55,56); the JSON keeps the point."""
    return value.replace(".", ",") if lang == "vi" else value


def long_date(day: date, lang: str) -> str:
    """A date as documents write it: "ngày 1 tháng 6 năm 2025", "1 June 2025"."""
    if lang == "en":
        return day.strftime("%d %B %Y").lstrip("0")
    return f"ngày {day.day} tháng {day.month} năm {day.year}"


def clock_text(moment: datetime | None, zone, lang: str) -> str:
    """A time of day as documents write it: "07 giờ 30 phút" (or 07:30 in English); a dash for none."""
    if moment is None:
        return "—"
    local = moment.astimezone(zone)
    return f"{local.hour:02d} giờ {local.minute:02d} phút" if lang == "vi" else local.strftime("%H:%M")


VI_ORDINALS = ("nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười")
EN_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


def ordinal(n: int, lang: str) -> str:
    """An ordinal as documents write it: (bầu lần thứ) "nhất", "hai", "tư"; "first", "second" in English."""
    words = EN_ORDINALS if lang == "en" else VI_ORDINALS
    if 1 <= n <= len(words):
        return words[n - 1]
    return str(n) if lang != "en" else f"{n}th"

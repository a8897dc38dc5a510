"""The line that answers the last key: what was recorded, or why not (with the terminal's bell).

What it says is about the last key only: it goes after a few seconds (the screen's clock ticks call expire(now), so
tests drive it with their own clock) or as soon as the next action makes it stale (the screen calls clear())."""

from __future__ import annotations

from datetime import datetime, timedelta

from rich.text import Text

from .plain import PlainStatic

SHOWN_OK = timedelta(seconds=8)  # time to read "✓ ... saved" and glance back at the paper
SHOWN_ERROR = timedelta(seconds=15)  # a refusal is read, and acted on, before it goes


class Feedback(PlainStatic):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.text = ""
        self.ok = True
        self.said_at: datetime | None = None

    def say(self, text: str, ok: bool = True, now: datetime | None = None) -> None:
        """Show text (names and refusals as typed, never read as markup); now: when, for expire()."""
        self.text, self.ok, self.said_at = text, ok, now
        self.update(Text(text))
        self.set_class(ok, "-ok")
        self.set_class(not ok, "-error")
        if not ok:
            self.app.bell()

    def clear(self) -> None:
        if self.text:
            self.text, self.said_at = "", None
            self.update("")
        self.remove_class("-ok", "-error")

    def expire(self, now: datetime) -> None:
        """Clear what has been shown long enough (a message said without a time stays until replaced)."""
        if self.text and self.said_at is not None and now - self.said_at >= (SHOWN_OK if self.ok else SHOWN_ERROR):
            self.clear()

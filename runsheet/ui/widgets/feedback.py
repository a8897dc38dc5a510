"""The line that answers the last key: what was recorded, or why not (with the terminal's bell)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class Feedback(Static):
    def say(self, text: str, ok: bool = True) -> None:
        self.update(Text(text))  # names and refusals are shown as typed, never read as markup
        self.set_class(ok, "-ok")
        self.set_class(not ok, "-error")
        if not ok:
            self.app.bell()

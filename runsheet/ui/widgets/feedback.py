"""The line that answers the last key: what was recorded, or why not (with the terminal's bell)."""

from __future__ import annotations

from textual.widgets import Static


class Feedback(Static):
    def say(self, text: str, ok: bool = True) -> None:
        self.update(text)
        self.set_class(ok, "-ok")
        self.set_class(not ok, "-error")
        if not ok:
            self.app.bell()

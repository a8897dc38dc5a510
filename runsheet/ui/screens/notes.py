"""The secretary's notes on one speech, several lines, for the minutes: Ctrl+S or Save keeps them."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static, TextArea

from ...texts import say
from .form import FormScreen


class NotesScreen(FormScreen[str | None]):
    BINDINGS = [Binding("ctrl+s", "save", show=False)]

    def __init__(self, title: str, notes: str, lang: str):
        super().__init__()
        self.title_text, self.notes, self.lang = title, notes, lang

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="-wide"):
            yield Static(self.title_text, id="question", markup=False)
            yield Static(say("sec.notes_hint", self.lang), id="hint", markup=False)
            yield TextArea(self.notes, id="notes-text", soft_wrap=True, tab_behavior="focus")
            with Horizontal(id="buttons"):
                yield Button(say("sec.save", self.lang), variant="primary", id="ok")
                yield Button(say("confirm.no", self.lang), id="cancel")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.submit()

    def submit(self) -> None:
        self.dismiss(self.query_one(TextArea).text.strip())

"""A yes/no question, asked only where a slip would be costly. The buttons show their keys: y or c (có) answers yes,
n or k (không) or Esc answers no; the focus starts on "no", so that Enter alone never does the costly thing."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ...texts import say


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS = [Binding("escape,n,k", "answer(False)", show=False), Binding("y,c", "answer(True)", show=False)]

    def __init__(self, question: str, lang: str):
        super().__init__()
        self.question, self.lang = question, lang

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.question, id="question", markup=False)
            with Horizontal(id="buttons"):
                yield Button(say("dialog.yes", self.lang), variant="warning", id="yes")
                yield Button(say("dialog.no", self.lang), id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

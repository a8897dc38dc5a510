"""The terminal's own PIN dialog: asked when a role with a PIN opens, and again at the first write after a PIN was
set or changed while the terminal was open. Gives the PIN typed, or None (Esc)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static


class PinScreen(ModalScreen[str | None]):
    DEFAULT_CSS = """
    PinScreen { align: center middle; }
    PinScreen #dialog { width: 60; max-width: 100%; }
    """
    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, title: str, label: str, hint: str = "", error: str = ""):
        super().__init__()
        self.title_text, self.label, self.hint, self.error = title, label, hint, error

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.title_text, id="question", markup=False)
            if self.hint:
                yield Static(self.hint, id="hint", markup=False)
            yield Label(self.label, markup=False)
            yield Input(id="pin", password=True)
            yield Static(self.error, id="error", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)

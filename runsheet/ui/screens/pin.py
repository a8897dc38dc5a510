"""The terminal's own PIN dialog: asked when a role with a PIN opens (or a terminal without a role, when the chair has
one), and again at the first write after a PIN was set or changed while the terminal was open. It checks the PIN
itself, through the store worker (a wrong one is logged there, and after three each try waits longer): it closes
with True once the PIN is right, or None (Esc)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from ...texts import say
from ..errors import describe

if TYPE_CHECKING:
    from ..app import RunsheetApp


class PinScreen(ModalScreen[bool | None]):
    app: RunsheetApp
    DEFAULT_CSS = """
    PinScreen { align: center middle; }
    PinScreen #dialog { width: 60; max-width: 100%; }
    """
    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, title: str, label: str, hint: str = ""):
        super().__init__()
        self.title_text, self.label, self.hint = title, label, hint

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.title_text, id="question", markup=False)
            if self.hint:
                yield Static(self.hint, id="hint", markup=False)
            yield Label(self.label, markup=False)
            yield Input(id="pin", password=True)
            yield Static("", id="error", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        field = self.query_one(Input)
        if field.disabled:
            return
        given, field.value, field.disabled = event.value.strip(), "", True
        roles, lang = self.app.session.roles, self.app.lang
        wait = roles.waiting
        self._tell(say("pin.waiting", lang, n=roles.failures, seconds=int(wait)) if wait else say("pin.checking", lang))
        self.app.run_command(self, lambda session: session.roles.unlock(given), self._checked, self._failed)

    def _checked(self, right: bool) -> None:
        if right:
            self.dismiss(True)
            return
        self._tell(say("err.pin_wrong", self.app.lang))
        self._reopen()

    def _failed(self, error: BaseException, _dropped: int) -> None:
        self._tell(describe(error, self.app.lang))
        self._reopen()

    def _reopen(self) -> None:
        field = self.query_one(Input)
        field.disabled = False
        field.focus()

    def _tell(self, text: str) -> None:
        self.query_one("#error", Static).update(text)

    def action_cancel(self) -> None:
        self.dismiss(None)

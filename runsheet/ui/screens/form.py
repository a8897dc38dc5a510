"""What every small form dialog shares: Enter or OK submits, Cancel or Escape gives None."""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import ModalScreen, ScreenResultType
from textual.widgets import Button, Input


class FormScreen(ModalScreen[ScreenResultType]):
    BINDINGS = [Binding("escape", "cancel", show=False)]

    def submit(self) -> None:
        raise NotImplementedError

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self.submit()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

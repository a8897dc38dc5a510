"""What every small form dialog shares: Enter moves from field to field and saves on the last (as the desk's member
form), Ctrl+S saves from any field, OK does too, Cancel or Escape gives None; a dialog that saves hands its command to
the store worker and closes once it is saved, or shows the refusal in place and stays open."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.binding import Binding
from textual.screen import ModalScreen, ScreenResultType
from textual.widgets import Button, Input, Static

from ..errors import describe

Command = Callable[[Any], Any]  # a command of the commands layer, given the session


class FormScreen(ModalScreen[ScreenResultType]):
    BINDINGS = [Binding("escape", "cancel", show=False), Binding("ctrl+s", "save", show=False)]
    saving = False  # a command is with the store worker: Enter again does not send it twice

    def save_then_close(self, command: Command | None, result: ScreenResultType,
                        refused: Callable[[BaseException], None] | None = None) -> None:
        """Run command on the store worker; close with result once it is saved (at once with no command); a
        refusal is shown on the dialog's #error line (and refused(error) is told), the dialog stays open."""
        if command is None:
            self.dismiss(result)
            return
        if self.saving:
            return
        self.saving = True

        def done(_outcome) -> None:
            self.saving = False
            self.dismiss(result)

        def failed(error: BaseException, _dropped: int) -> None:
            self.saving = False
            self.query_one("#error", Static).update(describe(error, self.app.lang))
            if refused is not None:
                refused(error)

        self.app.run_command(self, command, done, failed)

    def submit(self) -> None:
        raise NotImplementedError

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in a field moves to the next one; in the last it saves."""
        fields = [field for field in self.query(Input) if field.focusable]
        if event.input in fields and event.input is not fields[-1]:
            fields[fields.index(event.input) + 1].focus()
        else:
            self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self.submit()
        else:
            self.dismiss(None)

    def action_save(self) -> None:
        self.submit()

    def action_cancel(self) -> None:
        self.dismiss(None)

"""The chair's message to the hall's screens (rules/hall.py): type it and Enter shows it; an empty Enter takes it
down (back to the programme); ctrl+f makes it flash, ctrl+t chooses the screens (all, the projector, the podium's),
ctrl+b blanks them. The dialog hands its command to the store worker and closes once it is saved, giving what to say
on the chair's feedback line; a refusal shows in the dialog, which stays open."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ...commands.hall import TARGET_NAMES as WHERE
from ...rules.hall import MESSAGE_MAX, TARGETS
from ...texts import say
from ..errors import describe

USUAL = ("hall.usual.conclude", "hall.usual.one_minute", "hall.usual.louder", "hall.usual.order")  # F1-F4


class HallMessageScreen(ModalScreen[str | None]):
    DEFAULT_CSS = """
    HallMessageScreen { align: center middle; }
    HallMessageScreen #dialog { width: 90; max-width: 100%; }
    HallMessageScreen #hall-options { color: $text-accent; margin-top: 1; }
    """
    BINDINGS = [Binding("escape", "cancel", show=False), Binding("ctrl+f", "flash", show=False),
                Binding("ctrl+t", "target", show=False), Binding("ctrl+b", "blank", show=False),
                *(Binding(f"f{n}", f"usual({n - 1})", show=False) for n in range(1, len(USUAL) + 1))]

    def __init__(self, lang: str, text: str = ""):
        super().__init__()
        self.lang, self.text = lang, text
        self.flash, self.to = False, "all"
        self.saving = False

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(id="dialog"):
            yield Static(say("hall.dialog_title", lang), id="question", markup=False)
            yield Static(say("hall.dialog_hint", lang, max=MESSAGE_MAX), id="hint", markup=False)
            yield Static(" · ".join(f"F{n} {say(key, lang)}" for n, key in enumerate(USUAL, start=1)), id="usual",
                         markup=False)
            yield Input(self.text, id="hall-text", max_length=MESSAGE_MAX,
                        placeholder=say("hall.dialog_example", lang))
            yield Static("", id="hall-options", markup=False)
            yield Static("", id="error", markup=False)

    def on_mount(self) -> None:
        self._show_options()
        self.query_one(Input).focus()

    def _show_options(self) -> None:
        lang = self.lang
        flash = say("hall.flash_on" if self.flash else "hall.flash_off", lang)
        self.query_one("#hall-options", Static).update(
            say("hall.dialog_options", lang, where=say(WHERE[self.to], lang), flash=flash))

    def action_usual(self, index: int) -> None:
        """A usual message in the field, to send with Enter (or to change first)."""
        field = self.query_one(Input)
        field.value = say(USUAL[index], self.lang)
        field.cursor_position = len(field.value)
        field.focus()

    def action_flash(self) -> None:
        self.flash = not self.flash
        self._show_options()

    def action_target(self) -> None:
        self.to = TARGETS[(TARGETS.index(self.to) - 1) % len(TARGETS)]  # all, then the podium, the projector
        self._show_options()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        text, flash, to = event.value, self.flash, self.to
        where = say(WHERE[to], self.lang)
        if text.strip():
            self._save(lambda s: s.hall.message(text, flash, to),
                       lambda line: say("hall.shown_flash" if flash else "hall.shown", self.lang, where=where,
                                        text=line))
        else:
            self._save(lambda s: s.hall.clear(to), lambda _: say("hall.cleared", self.lang, where=where))

    def action_blank(self) -> None:
        to = self.to
        where = say(WHERE[to], self.lang)
        self._save(lambda s: s.hall.blank(to), lambda _: say("hall.blanked", self.lang, where=where))

    def _save(self, command, said) -> None:
        """Run command on the store worker; close, giving said(its value), once it is saved."""
        if self.saving:
            return
        self.saving = True

        def done(outcome) -> None:
            self.saving = False
            self.dismiss(said(outcome.value))

        def failed(error: BaseException, _dropped: int) -> None:
            self.saving = False
            self.query_one("#error", Static).update(describe(error, self.app.lang))

        self.app.run_command(self, command, done, failed)

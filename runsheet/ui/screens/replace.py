"""In a congress of delegates, the desk's dialog to choose the alternate (đại biểu dự khuyết) who replaces an
absent delegate: type part of a name or an id as at the desk (accents optional), ↑/↓ move through the alternates
not yet used, Enter chooses the highlighted one; Enter with the field empty and nobody highlighted cancels the
replacement the delegate has. A refusal is shown in the dialog, which stays open."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from ...texts import say
from ...rules.roster import Member, Roster
from .form import Command, FormScreen

NOBODY = ""  # the answer that cancels a replacement (None is Esc)


class ReplaceScreen(FormScreen[str | None]):
    """save(alternate id or None) gives the command that records it; a refusal is shown in the dialog. The dialog
    gives the alternate's id, NOBODY when the replacement was cancelled, None when nothing was done."""

    BINDINGS = [Binding("up", "cursor(-1)", show=False), Binding("down", "cursor(1)", show=False)]

    def __init__(self, title: str, hint: str, lang: str, roster: Roster, free: list[Member],
                 describe: Callable[[Member], str], save: Callable[[str | None], Command], current: str | None = None):
        super().__init__()
        self.title_text, self.hint, self.lang, self.roster = title, hint, lang, roster
        self.free, self.describe, self.save, self.current = free, describe, save, current
        self.shown: list[Member] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="-wide"):
            yield Static(self.title_text, id="question", markup=False)
            yield Static(self.hint, id="hint", markup=False)
            yield Label(say("replace.label", self.lang), markup=False)
            yield Input(id="alternate-search", placeholder=say("replace.placeholder", self.lang))
            yield OptionList(id="alternates", markup=False)
            yield Static("", id="error", markup=False)
            with Horizontal(id="buttons"):
                yield Button(say("sec.save", self.lang), variant="primary", id="ok")
                yield Button(say("confirm.no", self.lang), id="cancel")

    def on_mount(self) -> None:
        self.query_one(OptionList).can_focus = False  # the field keeps the focus; ↑/↓ move the list
        self._show("")
        self.query_one(Input).focus()

    def _show(self, query: str) -> None:
        free = {m.id for m in self.free}
        self.shown = [m for m in (self.roster.search(query) if query.strip() else self.free) if m.id in free]
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(self.describe(m), id=m.id) for m in self.shown])
        # typing highlights the first match; with the field empty nobody is highlighted until ↓
        options.highlighted = 0 if query.strip() and self.shown else None

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#error", Static).update("")
        self._show(event.value)

    def action_cursor(self, step: int) -> None:
        options = self.query_one(OptionList)
        if not self.shown:
            return
        now = options.highlighted
        options.highlighted = (0 if step > 0 else len(self.shown) - 1) if now is None else \
            max(0, min(len(self.shown) - 1, now + step))

    def submit(self) -> None:
        options, error = self.query_one(OptionList), self.query_one("#error", Static)
        if options.highlighted is not None and self.shown:
            alternate: str | None = self.shown[options.highlighted].id
        elif self.query_one(Input).value.strip():
            error.update(say("replace.no_match", self.lang, query=self.query_one(Input).value.strip()))
            return
        elif self.current is None:
            self.dismiss(None)  # nothing chosen, nothing to cancel
            return
        else:
            alternate = None
        self.save_then_close(self.save(alternate), alternate or NOBODY)

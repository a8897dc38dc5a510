"""The sign-in of a browser tab (`run.py serve`): its role is chosen here before any screen that can act is made;
then that role's PIN is asked (PinScreen) when it has one. Gives the role chosen ("every": every screen, opened with
the chair's PIN), or None (q or Esc: the tab leaves)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

EVERY = "every"  # the choice of every screen: a terminal without a role


class SignInScreen(Screen[str | None]):
    DEFAULT_CSS = """
    SignInScreen { align: center middle; }
    SignInScreen #dialog { width: 64; max-width: 100%; height: auto; border: tall $primary; padding: 1 2; }
    SignInScreen #signin-title { text-style: bold; }
    SignInScreen OptionList { height: auto; margin: 1 0 0 0; }
    """
    BINDINGS = [Binding("escape,q", "leave", show=False)]

    def __init__(self, title: str, hint: str, choices: list[tuple[str, str]]):
        """choices: (role or EVERY, what the line says)."""
        super().__init__()
        self.title_text, self.hint, self.choices = title, hint, choices

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.title_text, id="signin-title", markup=False)
            yield Static(self.hint, id="signin-hint", markup=False)
            yield OptionList(*(Option(Text(label), id=role) for role, label in self.choices), id="signin-roles")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_leave(self) -> None:
        self.dismiss(None)

"""A small modal that asks for one line of text (a reason, a ballot number, a count)."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Static

from ...texts import say
from .form import FormScreen


class AskScreen(FormScreen[str | None]):
    """check(text) returns an error message to show, or None when the answer is acceptable."""

    def __init__(self, title: str, label: str, lang: str, value: str = "", hint: str = "",
                 check: Callable[[str], str | None] = lambda text: None, restrict: str | None = None,
                 suggestions: list[str] | None = None, password: bool = False, error: str = ""):
        super().__init__()
        self.title_text, self.label, self.lang, self.value, self.hint = title, label, lang, value, hint
        self.check, self.restrict = check, restrict
        self.suggester = SuggestFromList(suggestions, case_sensitive=False) if suggestions else None
        self.password = password
        self.error = error  # shown from the start (asked again after a wrong answer)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.title_text, id="question", markup=False)
            if self.hint:
                yield Static(self.hint, id="hint", markup=False)
            yield Static(self.label, classes="field-label", markup=False)  # a Static wraps; a Label is cut
            yield Input(self.value, id="answer", restrict=self.restrict, suggester=self.suggester,
                        password=self.password)
            yield Static(self.error, id="error", markup=False)
            with Horizontal(id="buttons"):
                yield Button(say("confirm.yes", self.lang), variant="primary", id="ok")
                yield Button(say("confirm.no", self.lang), id="cancel")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def submit(self) -> None:
        text = " ".join(self.query_one(Input).value.split())
        problem = self.check(text)
        if problem:
            self.query_one("#error", Static).update(problem)
            return
        self.dismiss(text)

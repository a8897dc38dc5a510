"""The form for an ad-hoc step: title, minutes, who speaks, and optional words. Enter moves from field to field and
inserts from the last, Ctrl+S inserts from any field, Esc gives up."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from ...texts import say
from .form import FormScreen


@dataclass(frozen=True)
class NewStep:
    title: str
    minutes: float
    who: str
    script: str


class InsertStepScreen(FormScreen[NewStep | None]):
    def __init__(self, lang: str):
        super().__init__()
        self.lang = lang

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(id="dialog"):
            yield Static(say("insert.title", lang), id="question", markup=False)
            yield Static(say("insert.keys", lang), id="hint", markup=False)
            for name, label, value, restrict in (("title", "insert.name", "", None),
                                                 ("minutes", "insert.minutes", "5", r"[0-9.,]*"),
                                                 ("who", "insert.who", "", None),
                                                 ("script", "insert.script", "", None)):
                yield Static(say(label, lang), classes="field-label", markup=False)
                yield Input(value, id=name, restrict=restrict)
            yield Static("", id="error", markup=False)
            with Horizontal(id="buttons"):
                yield Button(say("insert.ok", lang), variant="primary", id="ok")
                yield Button(say("confirm.no", lang), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    def submit(self) -> None:
        value = lambda name: self.query_one(f"#{name}", Input).value.strip()
        error = self.query_one("#error", Static)
        if not value("title"):
            error.update(say("insert.no_title", self.lang))
            self.query_one("#title", Input).focus()
            return
        try:
            minutes = float(value("minutes").replace(",", "."))
        except ValueError:
            minutes = 0
        if not 1 <= minutes <= 24 * 60:
            error.update(say("insert.bad_minutes", self.lang))
            self.query_one("#minutes", Input).focus()
            return
        self.dismiss(NewStep(value("title"), minutes, value("who"), value("script")))

"""The form for an ad-hoc step: title, minutes, who speaks, and optional words."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

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
        with Vertical(id="dialog"):
            yield Static(say("insert.title", self.lang), id="question")
            yield Label(say("insert.name", self.lang))
            yield Input(id="title")
            yield Label(say("insert.minutes", self.lang))
            yield Input("5", id="minutes", restrict=r"[0-9.,]*")
            yield Label(say("insert.who", self.lang))
            yield Input(id="who")
            yield Label(say("insert.script", self.lang))
            yield Input(id="script")
            yield Static("", id="error")
            with Horizontal(id="buttons"):
                yield Button(say("insert.ok", self.lang), variant="primary", id="ok")
                yield Button(say("confirm.no", self.lang), id="cancel")

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

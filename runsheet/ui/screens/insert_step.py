"""The form for an ad-hoc step: title, minutes, who speaks, and optional words."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from ...texts import t
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
            yield Static(t("insert.title", self.lang), id="question")
            yield Label(t("insert.name", self.lang))
            yield Input(id="title")
            yield Label(t("insert.minutes", self.lang))
            yield Input("5", id="minutes", restrict=r"[0-9.,]*")
            yield Label(t("insert.who", self.lang))
            yield Input(id="who")
            yield Label(t("insert.script", self.lang))
            yield Input(id="script")
            yield Static("", id="error")
            with Horizontal(id="buttons"):
                yield Button(t("insert.ok", self.lang), variant="primary", id="ok")
                yield Button(t("confirm.no", self.lang), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    def submit(self) -> None:
        value = lambda name: self.query_one(f"#{name}", Input).value.strip()
        error = self.query_one("#error", Static)
        if not value("title"):
            error.update(t("insert.no_title", self.lang))
            self.query_one("#title", Input).focus()
            return
        try:
            minutes = float(value("minutes").replace(",", "."))
        except ValueError:
            minutes = 0
        if not 1 <= minutes <= 24 * 60:
            error.update(t("insert.bad_minutes", self.lang))
            self.query_one("#minutes", Input).focus()
            return
        self.dismiss(NewStep(value("title"), minutes, value("who"), value("script")))

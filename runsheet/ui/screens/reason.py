"""Asks for the reason of an excused absence (the reason the congress accepted)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Static

from ...i18n import t

USUAL = {"vi": ["Ốm đau", "Đi công tác", "Việc gia đình", "Đi học tập trung"],
         "en": ["Illness", "Travelling for work", "Family matters"]}


class ReasonScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, name: str, lang: str):
        super().__init__()
        self.member_name, self.lang = name, lang

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(t("desk.reason.title", self.lang, name=self.member_name), id="question")
            yield Label(t("desk.reason.label", self.lang))
            yield Input(id="reason", suggester=SuggestFromList(USUAL[self.lang], case_sensitive=False))
            yield Static("", id="error")
            with Horizontal(id="buttons"):
                yield Button(t("confirm.yes", self.lang), variant="primary", id="ok")
                yield Button(t("confirm.no", self.lang), id="cancel")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self.submit()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def submit(self) -> None:
        reason = " ".join(self.query_one(Input).value.split())
        if not reason:
            self.query_one("#error", Static).update(t("desk.reason.empty", self.lang))
            return
        self.dismiss(reason)

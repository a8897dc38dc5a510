"""The presidium, the secretariat and the counting committee as the congress chose them: one line each, people
separated by ";", each a roster id or a name, with ", title" if wanted ("DV07, Trưởng ban; DV17; DV19")."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from ...commands.speaking import BODIES, BODY_NAMES
from ...texts import say
from .form import FormScreen


class OfficersScreen(FormScreen[dict | None]):
    """Saves the bodies whose line changed, all or none; a refusal (someone not present, a counter on a list) shows
    in the dialog, which stays open. Gives the lines, or None."""

    def __init__(self, current: dict[str, str], lang: str):
        super().__init__()
        self.current, self.lang = current, lang

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="-wide"):
            yield Static(say("officers.title", self.lang), id="question", markup=False)
            yield Static(say("officers.hint", self.lang), id="hint", markup=False)
            for body in BODIES:
                yield Label(say(BODY_NAMES[body], self.lang), markup=False)
                yield Input(self.current.get(body, ""), id=f"officers-{body}")
            yield Static("", id="error", markup=False)
            with Horizontal(id="buttons"):
                yield Button(say("sec.save", self.lang), variant="primary", id="ok")
                yield Button(say("confirm.no", self.lang), id="cancel")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter moves to the next line; on the last it saves."""
        event.prevent_default()  # not the base class's "Enter submits"
        if event.input.id == f"officers-{BODIES[-1]}":
            self.submit()
        else:
            self.focus_next(Input)

    def submit(self) -> None:
        lines = {body: self.query_one(f"#officers-{body}", Input).value for body in BODIES}
        changed = {body: people(lines[body]) for body in BODIES
                   if lines[body].strip() != self.current.get(body, "") and people(lines[body])}

        self.save_then_close((lambda session: session.speaking.set_bodies(changed)) if changed else None, lines)


def people(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]


def as_line(chosen: list[dict]) -> str:
    """The people of a body as the dialog shows them: members by id, others by name."""
    return "; ".join((p.get("member") or p["name"]) + (f", {p['title']}" if p.get("title") else "") for p in chosen)

"""The secretary's entry field: names and ids to add a speaker; a space on an empty field pauses or resumes the
speech instead of typing (a name never starts with a space), so the field can keep the focus all day."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.message import Message
from textual.widgets import Input


@dataclass(frozen=True)
class Typed:
    """What the field holds: "who" searched in the roster, and a title after a comma ("Name, title")."""
    who: str
    title: str
    has_title: bool  # a comma was typed: the title is given (even empty), nothing more to ask

    @classmethod
    def parse(cls, text: str) -> Typed:
        who, comma, title = text.partition(",")
        return cls(" ".join(who.split()), " ".join(title.split()), bool(comma))


class SpeakerEntry(Input, inherit_bindings=False):
    """Only Input's own editing keys: the arrows and PgUp / PgDn of a scrolling widget are the screen's here."""

    BINDINGS = Input.BINDINGS

    class Space(Message):
        """Space pressed on the empty field."""

    async def _on_key(self, event: events.Key) -> None:
        # Textual calls each class's _on_key in turn (this one first); prevent_default keeps Input's from typing
        if event.key == "space" and not self.value:
            event.stop()
            event.prevent_default()
            self.post_message(self.Space())

    @property
    def typed(self) -> Typed:
        return Typed.parse(self.value)

"""The counting room's entry field: Enter takes the reading typed before it, in the order of the keys.

A plain Input submits from the binding of Enter, which runs after the key has bubbled up to the app: a fast keyboard
wedge or typist has sent the next ballot's digits by then, and they land in the reading being submitted. Here Enter
is handled in the field's own queue of keys: the text typed before it is taken and the field emptied at once, so the
keys after it start the next ballot."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.message import Message
from textual.widgets import Input


class ReadingInput(Input):
    @dataclass
    class Entered(Message):
        input: ReadingInput
        value: str  # what was typed before the Enter

        @property
        def control(self) -> ReadingInput:
            return self.input

    async def _on_key(self, event: events.Key) -> None:
        if event.key != "enter":
            return  # Input's own handling follows
        event.stop()
        event.prevent_default()
        value, self.value = self.value, ""
        self.post_message(self.Entered(self, value))

"""A footer that fits its width: the screen's keys (ui/bindings.py) with their labels when there is room, with their
short labels when there is less, the last keys (those that switch screens) without labels when there is less still,
and always the key of the command palette at the right, which lists them all with their help. Nothing is cut in the
middle of a label, and a click on a key presses it."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.widget import Widget

from ...texts import say
from ..bindings import Key

PALETTE = "ctrl+p"


def shown_key(key: Key) -> str:
    """How a key is written in the footer: its display, else its first key ("ctrl+q" as "^q")."""
    first = key.keys.split(",")[0]
    return key.key_display or ("^" + first.removeprefix("ctrl+") if first.startswith("ctrl+") else first)


def layouts(keys: tuple[Key, ...], lang: str) -> list[list[tuple[Key, str]]]:
    """The ways to write the keys, widest first: full labels, short labels, then the labels left off one key after
    another from the last (the keys that switch screens come last), down to the keys alone."""
    shown = [k for k in keys if k.show]
    short = [say(k.short, lang) if k.short else say(k.label, lang) for k in shown]
    found = [[(k, say(k.label, lang)) for k in shown], list(zip(shown, short))]
    for kept in range(len(shown) - 1, -1, -1):
        found.append([(k, label if n < kept else "") for n, (k, label) in enumerate(zip(shown, short))])
    return found


class KeyBar(Widget):
    DEFAULT_CSS = """
    KeyBar { dock: bottom; height: 1; width: 100%; background: $footer-background; color: $footer-foreground; }
    """

    def __init__(self, keys: tuple[Key, ...], lang: str, id: str | None = None):
        super().__init__(id=id)
        self.keys, self.lang = keys, lang
        self._spans: list[tuple[int, int, str]] = []  # (first cell, past the last, key) of what was drawn

    def render(self) -> Text:
        width = self.size.width
        palette = Text.assemble(("▏", "dim"), ("^p", "bold"), " " + say("act.palette", self.lang))
        room = width - palette.cell_len - 1
        for layout in layouts(self.keys, self.lang):
            line, spans = self._line(layout)
            if line.cell_len <= room:
                break
        else:  # not even the bare keys fit: as many as do
            line.truncate(room)
        self._spans = spans + [(width - palette.cell_len, width, PALETTE)]
        line.append(" " * max(0, width - line.cell_len - palette.cell_len))
        line.append_text(palette)
        return line

    def _line(self, layout: list[tuple[Key, str]]) -> tuple[Text, list[tuple[int, int, str]]]:
        line, spans = Text(no_wrap=True, overflow="crop"), []
        for key, label in layout:
            if line.cell_len:
                line.append(" ")
            start = line.cell_len
            line.append(shown_key(key), style="bold")
            if label:
                line.append(" " + label)
            spans.append((start, start + cell_len(line.plain[start:]), key.keys.split(",")[0]))
        return line, spans

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return

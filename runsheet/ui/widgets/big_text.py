"""Text as large as its box allows: drawn with the wall's bitmap font (big_font.py) at the largest scale whose lines
fit the widget's width and height, words wrapped onto up to max_lines lines; figures too small for it in the 3-row
digits of Textual's Digits; anything else as ordinary text, wrapped. A line of ordinary text may stand above and
below it (a caption: who speaks, their title), the whole centred both ways. Its colour and style come from CSS like
any text's."""

from __future__ import annotations

import textwrap

from rich.cells import cell_len
from rich.text import Text
from textual.renderables.digits import DIGITS, DIGITS3X3_BOLD
from textual.widget import Widget

from . import big_font

MAX_SCALE = 16


def layout(text: str, width: int, height: int, max_lines: int = 2) -> tuple[list[str], int] | None:
    """The lines and the scale that draw text the largest in width × height cells; None when even scale 1 is too
    big."""
    for scale in range(min(MAX_SCALE, max(width, 1)), 0, -1):
        lines = big_font.wrap(text, width // scale)
        if lines is None or len(lines) > max_lines:
            continue
        top, bottom = _rows(lines)
        if big_font.height(len(lines), bottom - top + 1, scale) <= height:
            return lines, scale
    return None


def _rows(lines: list[str]) -> tuple[int, int]:
    spans = [big_font.used_rows(big_font.bitmap(line)) for line in lines]
    return min(s[0] for s in spans), max(s[1] for s in spans)


def small_digits(text: str) -> list[str] | None:
    """The 3 rows of Textual's Digits for a figure ("07:45", "+01:30"), or None for other text."""
    if not text or any(c not in DIGITS for c in text):
        return None
    rows = ["", "", ""]
    for c in text:
        at = DIGITS.index(c) * 3
        for r in range(3):
            rows[r] += DIGITS3X3_BOLD[at + r].ljust(3)
    return rows


class BigText(Widget):
    DEFAULT_CSS = "BigText { width: 100%; height: 1fr; }"

    def __init__(self, text: str = "", max_lines: int = 2, id: str | None = None, classes: str | None = None):
        super().__init__(id=id, classes=classes)
        self.text, self.max_lines = text, max_lines
        self.above: Text | None = None  # a caption over the text
        self.below: Text | None = None  # and under it
        self.scale = 0  # the scale last drawn: 0 in small digits or ordinary text

    def update(self, text: str, above: Text | None = None, below: Text | None = None) -> None:
        if (text, above, below) != (self.text, self.above, self.below):
            self.text, self.above, self.below = text, above, below
            self.refresh()

    def _rows(self, width: int, height: int) -> list[str]:
        """The text's rows, as large as height rows allow."""
        fitted = layout(self.text, width, height, self.max_lines)
        if fitted is not None:
            lines, self.scale = fitted
            return big_font.draw(lines, self.scale)
        self.scale = 0
        digits = small_digits(self.text) if height >= 3 else None
        return digits if digits and cell_len(digits[0]) <= width else textwrap.wrap(self.text, max(1, width))

    def render(self) -> Text:
        width, height = self.content_size
        captions = [c for c in (self.above, self.below) if c is not None]
        if not self.text or width <= 0 or height <= 0:
            self.scale = 0
            return Text("")
        body = [Text(row) for row in self._rows(width, max(1, height - len(captions)))]
        rows = ([self.above] if self.above is not None else []) + body + ([self.below] if self.below is not None
                                                                          else [])
        rows = rows[:height]
        out = Text("\n" * ((height - len(rows)) // 2), no_wrap=True, overflow="crop")
        for n, row in enumerate(rows):
            line = row.copy()
            line.truncate(width)
            out.append(" " * max(0, (width - line.cell_len) // 2))
            out.append_text(line)
            if n < len(rows) - 1:
                out.append("\n")
        return out

"""A scanned ballot's small grey preview drawn in the terminal: two pixels a cell, one above the other ("▀" in the top
pixel's grey on the bottom pixel's grey), shrunk to the widget's size by averaging (pure Python: the screens load no
numpy)."""

from __future__ import annotations

from rich.color import Color
from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from ...store.scan_preview import Grey

HALF = "▀"


def shrink(grey: Grey, width: int, height: int) -> list[list[int]]:
    """The picture shrunk to width x height pixels: each halfway between the mean and the darkest of the source pixels
    it covers (a pen line thinner than a pixel stays in sight, as a mean alone would wash it out)."""
    rows = []
    for y in range(height):
        y0, y1 = y * grey.height // height, max(y * grey.height // height + 1, (y + 1) * grey.height // height)
        row = []
        for x in range(width):
            x0, x1 = x * grey.width // width, max(x * grey.width // width + 1, (x + 1) * grey.width // width)
            block = [grey.pixels[yy * grey.width + x0:yy * grey.width + x1] for yy in range(y0, y1)]
            mean = sum(sum(line) for line in block) // ((y1 - y0) * (x1 - x0))
            row.append((mean + min(min(line) for line in block)) // 2)
        rows.append(row)
    return rows


def fit(grey: Grey, cells_wide: int, cells_high: int) -> tuple[int, int]:
    """The largest picture (pixels) that keeps the ballot's proportions in that many cells (a cell: 1 x 2 pixels)."""
    width = max(1, min(cells_wide, grey.width, round(2 * cells_high * grey.width / grey.height)))
    height = max(2, min(2 * cells_high, round(width * grey.height / grey.width)))
    return width, height + height % 2


def half_blocks(grey: Grey, cells_wide: int, cells_high: int) -> Text:
    width, height = fit(grey, cells_wide, cells_high)
    pixels = shrink(grey, width, height)
    styles: dict[tuple[int, int], Style] = {}
    text = Text(no_wrap=True, overflow="crop")
    for top, bottom in zip(pixels[0::2], pixels[1::2]):
        for a, b in zip(top, bottom):
            a, b = a & ~3, b & ~3  # 64 greys: far fewer styles, no visible difference
            style = styles.get((a, b))
            if style is None:
                style = styles[(a, b)] = Style(color=Color.from_rgb(a, a, a), bgcolor=Color.from_rgb(b, b, b))
            text.append(HALF, style)
        text.append("\n")
    text.rstrip()
    return text


class BallotImage(Widget):
    """The preview, as large as the widget allows; drawn again when its size changes."""

    DEFAULT_CSS = "BallotImage { width: 1fr; height: 1fr; }"

    def __init__(self, grey: Grey, **kwargs) -> None:
        super().__init__(**kwargs)
        self.grey = grey

        self._drawn: tuple[tuple[int, int], Text] | None = None

    def render(self) -> Text:
        size = (self.content_size.width, self.content_size.height)
        if size[0] < 1 or size[1] < 1:
            return Text()
        if self._drawn is None or self._drawn[0] != size:
            self._drawn = (size, half_blocks(self.grey, *size))
        return self._drawn[1]

"""The text of a running app's screen, row by row, as a person reads it (from Textual's SVG screenshot)."""

from __future__ import annotations

import html
import re

TEXT = re.compile(r'<text class="[^"]*" x="([\d.]+)" y="([\d.]+)"[^>]*>(.*?)</text>')
CELL_WIDTH, ROW_HEIGHT = 12.2, 24.4  # Textual's SVG: the width of a cell and the height of a row


def screen_lines(app) -> list[str]:
    rows: dict[int, list[tuple[int, str]]] = {}
    found = [(float(x), float(y), html.unescape(re.sub("<[^>]+>", "", t)))
             for x, y, t in TEXT.findall(app.export_screenshot())]
    top = min((y for _, y, _ in found), default=0.0)
    for x, y, text in found:
        rows.setdefault(round((y - top) / ROW_HEIGHT), []).append((round(x / CELL_WIDTH), text))
    lines = []
    for number in range(app.size.height):
        line = ""
        for column, text in sorted(rows.get(number, [])):
            line = line.ljust(column) + text
        lines.append(line.replace("\xa0", " ").rstrip())
    return lines

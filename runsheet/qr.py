"""QR codes made without Pillow: the modules as a matrix (qrcode's own), and an inline SVG of them, crisp at any
scale. The badges, the printed ballots and the hall's projector page (its link to the delegates' page) draw them."""

from __future__ import annotations

import html

import qrcode
from qrcode.constants import ERROR_CORRECT_M

QUIET = 4  # modules of white around the code, as the QR standard asks


def qr_matrix(text: str, border: int = QUIET, mask: int | None = None) -> list[list[bool]]:
    """The code's modules; mask: the mask pattern to use (by default the one the standard's penalty rule picks, which
    lays the code out eight times to choose)."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=border, mask_pattern=mask)
    code.add_data(text)
    code.make(fit=True)
    return code.get_matrix()


def dark_runs(matrix: list[list[bool]]):
    """(row, first column, length) of each run of dark modules, row by row: one filled rectangle a run draws the
    code in a PDF with a few hundred shapes instead of a thousand squares."""
    for r, cells in enumerate(matrix):
        c = 0
        while c < len(cells):
            if not cells[c]:
                c += 1
                continue
            start = c
            while c < len(cells) and cells[c]:
                c += 1
            yield r, start, c - start


def qr_svg(text: str, size: str = "30mm", mask: int | None = None) -> str:
    """The QR code as an inline SVG: one path of unit squares, `size` wide and high (any CSS length)."""
    matrix = qr_matrix(text, mask=mask)
    n = len(matrix)
    path = "".join(f"M{x},{y}h1v1h-1z" for y, row in enumerate(matrix) for x, dark in enumerate(row) if dark)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {n} {n}" width="{size}" '
            f'height="{size}" shape-rendering="crispEdges" role="img" aria-label="{html.escape(text)}">'
            f'<rect width="{n}" height="{n}" fill="#fff"/><path d="{path}" fill="#000"/></svg>')

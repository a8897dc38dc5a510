"""The template a scan is read against: the printed ballot rendered at a known resolution, with its corner squares
and each name's row measured on that render (rules/ballot_sheet.py says roughly where they are; the render says
exactly where they came out).

Needs the `scan` extra (OpenCV, numpy, pypdfium2)."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from ..rules.ballot_sheet import Sheet

DPI = 200  # the frame every scan is mapped into: the resolution the line detector's kernels are sized for
INK = 150  # a grey level darker than this is ink (white paper 255)


@dataclass
class RowTemplate:
    number: int
    name: tuple[int, int, int, int]  # x0, y0, x1, y1 of the name cell's inside, template pixels
    text: tuple[int, int]  # x0, x1 of the printed name's ink
    agree: tuple[int, int, int, int] | None = None
    disagree: tuple[int, int, int, int] | None = None
    own: np.ndarray | None = None  # the template's own horizontal runs in the name cell (serifs on a line, rules)


@dataclass
class Template:
    dpi: float
    image: np.ndarray  # grey, uint8
    ink: np.ndarray  # bool: the template's own ink
    ink_near: np.ndarray  # the template's ink widened by a few pixels (a scan's blur and misregistration)
    corners: np.ndarray  # 4 x 2 float32: the corner squares' centres, TL TR BR BL
    mark_side: float  # their side, pixels
    rows: list[RowTemplate]
    sheet: Sheet
    watch: np.ndarray | None = None  # uint8, 1 where a pen has no business (watched): see watched()


def render_pdf(pdf: bytes, dpi: float, page: int = 0) -> np.ndarray:
    """One page of a PDF as a grey image."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    bitmap = document[page].render(scale=dpi / 72, grayscale=True)
    image = np.asarray(bitmap.to_pil().convert("L")).copy()
    document.close()
    return image


def find_marks(grey: np.ndarray, side: float, slack: float = 0.45) -> np.ndarray | None:
    """The centres of the four solid corner squares (TL, TR, BR, BL) of a page whose squares are about side pixels:
    the solid, square dark blobs of that size nearest each corner of the image; None when a corner has none."""
    dark = (grey < 110).astype(np.uint8)
    count, _, stats, centres = cv2.connectedComponentsWithStats(dark, connectivity=8)
    area = side * side
    found = []
    for i in range(1, count):
        x, y, w, h, pixels = stats[i]
        if not (1 - slack) * side <= max(w, h) <= (1 + slack) * side * 1.1:
            continue
        if not 0.6 * area <= pixels <= 1.5 * area or pixels < 0.75 * w * h * 0.85 or not 0.7 <= w / h <= 1.43:
            continue
        found.append(centres[i])
    if len(found) < 4:
        return None
    found = np.array(found, dtype=np.float32)
    height, width = grey.shape
    corners = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float32)
    chosen = []
    for corner in corners:
        distance = np.linalg.norm(found - corner, axis=1)
        best = int(np.argmin(distance))
        if distance[best] > 0.35 * np.hypot(width, height):
            return None
        chosen.append(found[best])
    chosen = np.array(chosen, dtype=np.float32)
    if len({tuple(c) for c in chosen.tolist()}) < 4:
        return None
    return chosen


def build(pdf: bytes, sheet: Sheet, dpi: float = DPI) -> Template:
    """Render the printed PDF and measure it: the corner squares found on the render, the rows placed by the layout
    through them, each printed name's ink measured in its row."""
    image = render_pdf(pdf, dpi)
    px = dpi / 25.4
    mark_side = sheet.fiducials[0].w * px
    corners = find_marks(image, mark_side)
    if corners is None:
        raise ValueError("the template's corner squares were not found on its render")
    planned = np.array([m.centre for m in sheet.fiducials], dtype=np.float32) * px
    to_render = cv2.getPerspectiveTransform(planned, corners)  # the layout's mm (as pixels) onto the render

    def place(box, inset_x: float, inset_y: float) -> tuple[int, int, int, int]:
        points = np.array([[[box.x * px + inset_x, box.y * px + inset_y]],
                           [[box.right * px - inset_x, box.bottom * px - inset_y]]], dtype=np.float32)
        (x0, y0), (x1, y1) = cv2.perspectiveTransform(points, to_render)[:, 0]
        return int(round(x0)), int(round(y0)), int(round(x1)), int(round(y1))

    ink = image < INK
    # the runs the template itself makes when seen as a scan sees it: blurred, read at a lenient threshold, with a
    # shorter kernel than the reader's (so that more is counted as the template's, never less)
    blurred = cv2.GaussianBlur(image, (0, 0), 1.0 * dpi / DPI) < 205
    own_runs = cv2.morphologyEx(cv2.dilate(blurred.astype(np.uint8), np.ones((5, 1), np.uint8)), cv2.MORPH_OPEN,
                                np.ones((1, int(35 * dpi / DPI)), np.uint8))
    own_runs = cv2.dilate(own_runs, np.ones((3, 7), np.uint8))
    rows = []
    for row in sheet.rows:
        inset_y = max(2.0, 0.12 * row.name_box.h * px)
        name = place(row.name_box, 0.6 * px, inset_y)
        x0, y0, x1, y1 = name
        columns = np.flatnonzero(ink[y0:y1, x0:x1].any(axis=0))
        text = (x0 + int(columns[0]), x0 + int(columns[-1])) if len(columns) else (x0, x1)
        agree = place(row.agree, 0.6 * px, inset_y) if row.agree else None
        disagree = place(row.disagree, 0.6 * px, inset_y) if row.disagree else None
        rows.append(RowTemplate(row.number, name, text, agree, disagree, own_runs[y0:y1, x0:x1].copy()))
    near = cv2.dilate(ink.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    return Template(dpi, image, ink, near, corners, mark_side, rows, sheet, watched(image, sheet, dpi))


def watched(image: np.ndarray, sheet: Sheet, dpi: float) -> np.ndarray:
    """Where a pen has no business, as 1s: the page outside the list (its headings and rows, widened by 1.5 mm, since a
    line struck through a name may run a little past its cell), the seal's place (widened by 4 mm: a stamp is never
    laid exactly) and a 3 mm border (the paper's edge and its shadow); less the template's own print as a scan shows
    it: blurred, read at a lenient threshold and widened by 3 pixels (misregistration), as the rows subtract it."""
    px = dpi / 25.4
    height, width = image.shape
    watch = np.zeros((height, width), np.uint8)
    edge = int(round(3 * px))
    watch[edge:height - edge, edge:width - edge] = 1
    for box, pad in ((sheet.list_box, 1.5), (sheet.seal, 4.0)):
        x0, y0 = max(0, int((box.x - pad) * px)), max(0, int((box.y - pad) * px))
        watch[y0:int((box.bottom + pad) * px) + 1, x0:int((box.right + pad) * px) + 1] = 0
    own = (cv2.GaussianBlur(image, (0, 0), 1.0 * dpi / DPI) < 230).astype(np.uint8)
    own = cv2.dilate(own, np.ones((7, 7), np.uint8))
    watch[own > 0] = 0
    return watch

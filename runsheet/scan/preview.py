"""The small grey preview of a queued ballot (store/scan_preview.py keeps it): the scan deskewed onto its template (the
same four corner squares the reader maps by), cut to the list of names (the numbers, the names and, on the approve
form, the boxes: what the review is about) and shrunk to PREVIEW_WIDTH pixels wide. A scan whose corners are not
found is shrunk whole, as it is."""

from __future__ import annotations

import cv2
import numpy as np

from ..store.scan_preview import Grey, encode
from .reader import grey_of, register
from .template import Template

PREVIEW_WIDTH = 160  # pixels: wider than a review dialog shows (two pixels a cell, one across)
MARGIN_MM = 2.0


def list_region(template: Template) -> tuple[int, int, int, int]:
    """x0, y0, x1, y1 of the list of names on the template: its heading and rows, as far right as the names (or the
    approve form's boxes) reach."""
    px = template.dpi / 25.4
    box, margin = template.sheet.list_box, MARGIN_MM * px
    right = max(max(row.text[1], row.disagree[2] if row.disagree else 0) for row in template.rows)
    height, width = template.image.shape
    return (max(0, int(box.x * px - margin)), max(0, int(box.y * px - margin)),
            min(width, int(right + 4 * margin)), min(height, int(box.bottom * px + margin)))


def preview_pgm(image: np.ndarray, template: Template, width: int = PREVIEW_WIDTH, whole: bool = False) -> bytes:
    """whole: the whole sheet, deskewed (a ballot queued for a mark outside the list: the mark is what to see)."""
    grey = grey_of(image)
    warped = register(grey, template)
    if warped is not None and whole:
        page = warped
    elif warped is not None:
        x0, y0, x1, y1 = list_region(template)
        page = warped[y0:y1, x0:x1]
    else:
        page = grey
    height = max(1, min(4096, round(page.shape[0] * width / page.shape[1])))
    small = cv2.resize(page, (width, height), interpolation=cv2.INTER_AREA)
    return encode(Grey(width, height, np.ascontiguousarray(small, dtype=np.uint8).tobytes()))

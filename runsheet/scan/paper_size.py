"""Which paper size a scanned ballot was printed on (A4 or A5), told from the page itself: the RSB1 code does not
carry it, and the two layouts put the QR code at a different size against the corner squares (A4: 22 mm for
186 mm between the squares' centres, 0.118; A5: 18 mm for 130 mm, 0.138, 17% larger). The page is read at a
quarter of its resolution to find the squares, only the QR code's corner of the page is mapped at full resolution,
and the size whose QR code fits what zxing-cpp measures is the page's: a few milliseconds a page.

Templates are built the first time a page of their size is read, once per size per run."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

import cv2
import numpy as np

from ..errors import DomainError, Say
from ..rules.ballot_sheet import PAPER, Sheet, sheet
from .reader import ScanReading, grey_of, read_image
from .template import DPI, Template, find_marks

LOW = 600  # pixels on the page's long side when looking for the corner squares
FITS = math.log(1.08)  # the measured QR code is within 8% of a size's (the two sizes are 17% apart)
PAD = 3.0  # mm around the QR codes' places


def sheets_for(count: int, form: str) -> dict[str, Sheet]:
    """The layout of a list of count names on each paper size it fits (DomainError when it fits none: no such
    ballot was printed)."""
    found = {}
    for size in PAPER:
        try:
            found[size] = sheet(size, count, form)
        except DomainError:  # too long a list for this paper
            continue
    return found or {"A4": sheet("A4", count, form)}


class Templates:
    """A round's templates, one per paper size, each built (make(size)) the first time a page of that size is read."""

    def __init__(self, sheets: Mapping[str, Sheet], make: Callable[[str], Template]):
        self.sheets = dict(sheets)
        self._make = make
        self._built: dict[str, Template] = {}
        self.last = "A4" if "A4" in self.sheets else next(iter(self.sheets))

    def __getitem__(self, size: str) -> Template:
        if size not in self._built:
            self._built[size] = self._make(size)
        self.last = size
        return self._built[size]


def _centres(s: Sheet) -> np.ndarray:
    return np.array([m.centre for m in s.fiducials], dtype=np.float32)


def tell_size(grey: np.ndarray, sheets: Mapping[str, Sheet]) -> str | None:
    """The paper size of a scanned ballot, or None when the page does not say (no corner squares, no QR code, or a
    QR code of neither size)."""
    import zxingcpp

    if len(sheets) == 1:
        return next(iter(sheets))
    step = max(1, math.ceil(max(grey.shape) / LOW))  # a whole number: OpenCV's fast path
    height, width = grey.shape[0] // step, grey.shape[1] // step
    small = cv2.resize(grey[:height * step, :width * step], (width, height), interpolation=cv2.INTER_AREA)
    side = np.mean([s.metrics.mark / s.height for s in sheets.values()]) * max(small.shape)
    corners = find_marks(small, side, slack=0.5)
    if corners is None:
        return None
    corners = corners * step + (step - 1) / 2
    # every size's QR code placed in the frame of the first size (its millimetres), through the corner squares
    frame = next(iter(sheets.values()))
    places, scales = {}, {}
    for size, s in sheets.items():
        to_frame = cv2.getPerspectiveTransform(_centres(s), _centres(frame))
        box = np.array([[[s.qr.x, s.qr.y]], [[s.qr.right, s.qr.bottom]]], dtype=np.float32)
        places[size] = cv2.perspectiveTransform(box, to_frame)[:, 0]
        scales[size] = math.dist(*places[size]) / math.dist((s.qr.x, s.qr.y), (s.qr.right, s.qr.bottom))
    every = np.concatenate(list(places.values()))
    x0, y0 = every.min(axis=0) - PAD
    x1, y1 = every.max(axis=0) + PAD
    px = DPI / 25.4
    target = (_centres(frame) - np.array([x0, y0], dtype=np.float32)) * px
    matrix = cv2.getPerspectiveTransform(corners.astype(np.float32), target)
    size_px = (int(math.ceil((x1 - x0) * px)), int(math.ceil((y1 - y0) * px)))
    corner = cv2.warpPerspective(grey, matrix, size_px, flags=cv2.INTER_AREA, borderValue=255)
    found = zxingcpp.read_barcodes(corner, formats=zxingcpp.BarcodeFormat.QRCode)
    if not found:
        return None
    p = found[0].position
    points = [(q.x, q.y) for q in (p.top_left, p.top_right, p.bottom_right, p.bottom_left)]
    measured = sum(math.dist(points[i], points[(i + 1) % 4]) for i in range(4)) / 4 / px  # frame mm
    misfit = {size: abs(math.log(measured / (sheets[size].qr.w * scales[size]))) for size in sheets}
    best = min(misfit, key=misfit.get)
    return best if misfit[best] <= FITS else None


def read_sized(image: np.ndarray, templates: Templates, code: str, size: str | None = None) -> ScanReading:
    """Read one scanned ballot against the template of the size it was printed on. A size given (--size) and a page
    of the other size: refused, saying which size the page is."""
    grey = grey_of(image)
    found = tell_size(grey, templates.sheets)
    if size is not None and found is not None and found != size:
        return ScanReading(refused=Say("scan.refused.size", {"found": found, "size": size}))
    return read_image(grey, templates[found or size or templates.last], code)

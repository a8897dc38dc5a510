"""Reading one scanned ballot against its template: the corner squares found, the scan mapped onto the template
(a homography through the four squares' centres), the QR code checked against the round's, then each name's row.

A row is struck when a pen line crosses the name: the scan's ink in the row, dilated a few pixels vertically (a line
drawn at a slight angle, or wobbling, stays connected) and opened with a long horizontal kernel (only runs longer than
a letter survive), less the runs the template itself has there, covers enough of the printed name's width. The ink
the template does not have (the pen's) guards the decision: a line with too little new ink, or much new ink and no
line, or a length between the two thresholds, is not decided by the machine: the ballot goes to review.

A reading is never taken from the machine alone: it is one pass of a double entry, and a ballot in doubt is queued for
a person rather than guessed."""

from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np

from ..errors import DomainError, Say
from ..rules.ballot_code import parse_ballot_code
from ..rules.election import APPROVE
from .template import Template, find_marks

SCAN_INK = 215  # darker than this is ink on a scan (a faint ballpoint included)...
INK_BELOW_PAPER = 45  # ... and this much darker than the paper (noise and JPEG stay within it)
DILATE_Y = 5  # pixels at 200 dpi: vertical dilation before the opening
OPEN_X = 41  # pixels at 200 dpi: a horizontal run this long is a line, not a letter
STRUCK, CLEAR = 0.5, 0.25  # the line's cover of the printed name: at least STRUCK is struck, at most CLEAR is not
INK_STRUCK = 0.15  # a struck row has at least this much new ink (relative to a thin line across the name)
INK_CLEAR = 0.6  # a row not struck has at most this much new ink
SERIFS, NO_PEN = 0.45, 0.05  # a shorter run with next to no new ink is the print's own (its serifs), not a pen
BOX_MARKED, BOX_EMPTY = 0.06, 0.02  # approve form: new ink's share of a box


@dataclass
class ScanReading:
    """What the machine read on one image: refused (not a ballot of this round, or not readable at all), sent to
    review (read, but not sure enough), or read."""

    struck: frozenset[int] = frozenset()
    unclear: frozenset[int] = frozenset()
    confidence: float = 0.0
    review: bool = False
    refused: Say | None = None
    reason: Say | None = None
    code: str = ""
    rows: dict[int, tuple[float, float]] = field(default_factory=dict)  # number -> (line cover, new ink)
    doubtful: tuple[int, ...] = ()  # the rows the machine was not sure of (review)

    @property
    def accepted(self) -> bool:
        return self.refused is None and not self.review


def grey_of(image: np.ndarray) -> np.ndarray:
    if image.ndim == 2:
        return image
    return cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)


def _qr(warped: np.ndarray, template: Template) -> str | None:
    import zxingcpp

    px = template.dpi / 25.4
    box = template.sheet.qr
    pad = 4 * px
    x0, y0 = max(0, int(box.x * px - pad)), max(0, int(box.y * px - pad))
    x1, y1 = int(box.right * px + pad), int(box.bottom * px + pad)
    found = zxingcpp.read_barcodes(warped[y0:y1, x0:x1], formats=zxingcpp.BarcodeFormat.QRCode)
    return found[0].text if found else None


def register(grey: np.ndarray, template: Template) -> np.ndarray | None:
    """The scan mapped onto the template's frame, or None when its four corner squares are not all found."""
    height, width = template.image.shape
    scale = max(grey.shape) / max(height, width)  # the scan's resolution against the template's, roughly
    corners = find_marks(grey, template.mark_side * scale, slack=0.5)
    if corners is None:
        return None
    matrix = cv2.getPerspectiveTransform(corners, template.corners)
    return cv2.warpPerspective(grey, matrix, (width, height), flags=cv2.INTER_AREA, borderValue=255)


def _lines(ink: np.ndarray) -> np.ndarray:
    grown = cv2.dilate(ink, np.ones((DILATE_Y, 1), np.uint8))
    return cv2.morphologyEx(grown, cv2.MORPH_OPEN, np.ones((1, OPEN_X), np.uint8))


def read_image(image: np.ndarray, template: Template, expected_code: str) -> ScanReading:
    grey = grey_of(image)
    warped = register(grey, template)
    if warped is None:
        return ScanReading(refused=Say("scan.refused.marks"))
    code = _qr(warped, template)
    if code is None:
        return ScanReading(refused=Say("scan.refused.no_code"))
    if code != expected_code:
        try:
            theirs = parse_ballot_code(code)
        except DomainError:  # a QR code of something else entirely
            return ScanReading(refused=Say("scan.refused.not_ballot", {"code": code[:40]}), code=code)
        ours = parse_ballot_code(expected_code)
        key = ("scan.refused.congress" if theirs.congress != ours.congress else
               "scan.refused.election" if theirs.election != ours.election else
               "scan.refused.round" if theirs.round != ours.round else "scan.refused.list")
        return ScanReading(refused=Say(key, {"theirs": theirs.election, "round": theirs.round}), code=code)
    paper = float(np.percentile(warped, 75))  # the paper's own shade (grey recycled paper, a dim scanner)
    ink = (warped < min(SCAN_INK, paper - INK_BELOW_PAPER)).astype(np.uint8)
    if template.sheet.form == APPROVE:
        return _read_boxes(ink, template, code)
    return _read_strikes(ink, template, code)


def _read_strikes(ink: np.ndarray, template: Template, code: str) -> ScanReading:
    struck, doubtful, rows = set(), [], {}
    margins = []
    for row in template.rows:
        x0, y0, x1, y1 = row.name
        scan_lines = _lines(ink[y0:y1, x0:x1])
        if row.own is not None:
            scan_lines = scan_lines & ~row.own
        text_w = max(1, row.text[1] - row.text[0])
        cover = np.count_nonzero(scan_lines.any(axis=0)) / text_w
        new_ink = np.count_nonzero(ink[y0:y1, x0:x1] & ~template.ink_near[y0:y1, x0:x1]) / (text_w * 3.0)
        rows[row.number] = (round(float(cover), 3), round(float(new_ink), 3))
        if cover >= STRUCK and new_ink >= INK_STRUCK:
            struck.add(row.number)
            margins.append(min((cover - STRUCK) / (1 - STRUCK), (new_ink - INK_STRUCK) / INK_STRUCK))
        elif cover <= CLEAR and new_ink <= INK_CLEAR:
            margins.append(min((CLEAR - cover) / CLEAR, (INK_CLEAR - new_ink) / INK_CLEAR))
        elif cover < SERIFS and new_ink < NO_PEN:  # a run of the print itself (serifs on the line), no pen in the cell
            margins.append(min((SERIFS - cover) / SERIFS, (NO_PEN - new_ink) / NO_PEN) / 2)
        else:
            doubtful.append(row.number)
            margins.append(0.0)
    confidence = round(max(0.0, min(1.0, min(margins, default=1.0) + 0.5)), 3) if not doubtful else 0.0
    reason = Say("scan.review.rows", {"rows": ", ".join(str(n) for n in doubtful)}) if doubtful else None
    return ScanReading(frozenset(struck), frozenset(), confidence, bool(doubtful), None, reason, code, rows,
                       tuple(doubtful))


def _read_boxes(ink: np.ndarray, template: Template, code: str) -> ScanReading:
    """Approve form: a box is marked when enough new ink is in it; a row with both or neither marked is unclear."""
    against, unclear, doubtful, rows = set(), set(), [], {}
    for row in template.rows:
        shares = []
        for x0, y0, x1, y1 in (row.agree, row.disagree):
            area = max(1, (x1 - x0) * (y1 - y0))
            shares.append(np.count_nonzero(ink[y0:y1, x0:x1] & ~template.ink_near[y0:y1, x0:x1]) / area)
        rows[row.number] = (round(float(shares[0]), 3), round(float(shares[1]), 3))
        marked = [s >= BOX_MARKED for s in shares]
        if any(BOX_EMPTY < s < BOX_MARKED for s in shares):
            doubtful.append(row.number)
        elif marked == [False, True]:
            against.add(row.number)
        elif marked != [True, False]:
            unclear.add(row.number)
    reason = Say("scan.review.rows", {"rows": ", ".join(str(n) for n in doubtful)}) if doubtful else None
    return ScanReading(frozenset(against), frozenset(unclear), 0.0 if doubtful else 0.9, bool(doubtful), None,
                       reason, code, rows, tuple(doubtful))

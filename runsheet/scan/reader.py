"""Reading one scanned ballot against its template: the corner squares found, the scan mapped onto the template
(a homography through the four squares' centres), the QR code checked against the round's, then each name's row.

A row is struck when a pen line crosses the name: the scan's ink in the row, dilated a few pixels vertically (a line
drawn at a slight angle, or wobbling, stays connected) and opened with a long horizontal kernel (only runs longer than
a letter survive), less the runs the template itself has there, covers enough of the printed name's width. The ink
the template does not have (the pen's) guards the decision: a line with too little new ink, or much new ink and no
line, or a length between the two thresholds, is not decided by the machine: the ballot goes to review. On the
approve form each box is marked, empty or in doubt by the new ink in it (_read_boxes). Anywhere else on the page,
new ink beyond scanner noise (a name written in, a signature, a sign) sends the ballot to review too. The sheet may
lie any way round on the scanner (_turned).

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
BOX_MARK_MM2, BOX_MARK_MM = 0.6, 1.2  # approve form: a box holding this much new ink (mm²) this long (mm) is marked
BOX_EMPTY_MM2 = 0.15  # ... and one holding at most this much is empty
SPILL_MM = 1.5  # ink this near the border two boxes share may be the other box's mark run past it
STRAY_MM2, STRAY_MM = 1.0, 1.5  # a blot of new ink outside the list this large (mm², or mm long) is a mark on it


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
    """The scan mapped onto the template's frame, or None when its four corner squares are not all found. The sheet
    may have been fed any way round (upright, upside down, a quarter turn): see _turned."""
    height, width = template.image.shape
    scale = max(grey.shape) / max(height, width)  # the scan's resolution against the template's, roughly
    corners = find_marks(grey, template.mark_side * scale, slack=0.5)
    if corners is None:
        return None
    matrix = cv2.getPerspectiveTransform(_turned(corners, grey, template), template.corners)
    return cv2.warpPerspective(grey, matrix, (width, height), flags=cv2.INTER_AREA, borderValue=255)


def _turned(corners: np.ndarray, grey: np.ndarray, template: Template) -> np.ndarray:
    """The scan's corner squares (found nearest the image's TL, TR, BR, BL) in the printed page's order. The four
    squares are alike, so the turn comes from the page's shape (a quarter turn swaps its sides) and from the QR code,
    which sits at the page's bottom right: of the two turns left, the one that maps the QR code's place onto the
    darker patch of the scan."""
    across, down = np.linalg.norm(corners[1] - corners[0]), np.linalg.norm(corners[3] - corners[0])
    t_across = np.linalg.norm(template.corners[1] - template.corners[0])
    t_down = np.linalg.norm(template.corners[3] - template.corners[0])
    turns = (0, 2) if (down > across) == (t_down > t_across) else (1, 3)
    candidates = [np.roll(corners, -turn, axis=0) for turn in turns]
    return max(candidates, key=lambda found: _darkness_at_qr(found, grey, template))


def _darkness_at_qr(corners: np.ndarray, grey: np.ndarray, template: Template) -> float:
    """The share of dark pixels of the scan where the QR code's middle would be if the page lay this way round."""
    px = template.dpi / 25.4
    box = template.sheet.qr
    inset = box.w * 0.2
    middle = np.array([[[box.x + inset, box.y + inset]], [[box.right - inset, box.y + inset]],
                       [[box.right - inset, box.bottom - inset]], [[box.x + inset, box.bottom - inset]]],
                      dtype=np.float32) * px
    to_scan = cv2.getPerspectiveTransform(template.corners, corners)
    there = cv2.perspectiveTransform(middle, to_scan)[:, 0]
    x0, y0 = np.floor(there.min(axis=0)).astype(int)
    x1, y1 = np.ceil(there.max(axis=0)).astype(int)
    patch = grey[max(0, y0):max(0, y1), max(0, x0):max(0, x1)]
    return float(np.count_nonzero(patch < 128)) / patch.size if patch.size else 0.0


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
    reading = _read_boxes(ink, template, code) if template.sheet.form == APPROVE else _read_strikes(ink, template, code)
    if _marked_outside(ink, template):
        reading.review, reading.confidence, reading.reason = True, 0.0, Say("scan.review.outside")
    return reading


def _marked_outside(ink: np.ndarray, template: Template) -> bool:
    """Whether the pen left a mark where the page has nothing to mark (a name written in, a signature, a sign that
    tells this ballot from the others): a blot of new ink outside the list (widened by a pixel, so that the broken
    pieces of a stroke join) of STRAY_MM2 or STRAY_MM long; scanner noise and JPEG leave specks far smaller."""
    if template.watch is None:
        return False
    stray = cv2.bitwise_and(ink, template.watch)
    px = template.dpi / 25.4
    if cv2.countNonZero(stray) < STRAY_MM2 * px * px / 4:
        return False
    _, _, stats, _ = cv2.connectedComponentsWithStats(cv2.dilate(stray, np.ones((3, 3), np.uint8)), connectivity=8)
    blots = stats[1:]
    longest = np.maximum(blots[:, cv2.CC_STAT_WIDTH], blots[:, cv2.CC_STAT_HEIGHT]) - 2
    return bool(((blots[:, cv2.CC_STAT_AREA] >= STRAY_MM2 * px * px) | (longest >= STRAY_MM * px)).any())


def _name_cell(ink: np.ndarray, template: Template, row) -> tuple[float, float]:
    """A name cell's line cover (the share of the printed name's width a pen line crosses) and its new ink."""
    x0, y0, x1, y1 = row.name
    scan_lines = _lines(ink[y0:y1, x0:x1])
    if row.own is not None:
        scan_lines = scan_lines & ~row.own
    text_w = max(1, row.text[1] - row.text[0])
    cover = np.count_nonzero(scan_lines.any(axis=0)) / text_w
    new_ink = np.count_nonzero(ink[y0:y1, x0:x1] & ~template.ink_near[y0:y1, x0:x1]) / (text_w * 3.0)
    return float(cover), float(new_ink)


def _clear_name(cover: float, new_ink: float) -> float | None:
    """How surely a name cell holds no pen line (a margin from 0), or None when it may."""
    if cover <= CLEAR and new_ink <= INK_CLEAR:
        return min((CLEAR - cover) / CLEAR, (INK_CLEAR - new_ink) / INK_CLEAR)
    if cover < SERIFS and new_ink < NO_PEN:  # a run of the print itself (serifs on the line), no pen in the cell
        return min((SERIFS - cover) / SERIFS, (NO_PEN - new_ink) / NO_PEN) / 2
    return None


def _outcome(found: set[int], unclear: set[int], doubtful: list[int], margins: list[float], rows: dict,
             code: str) -> ScanReading:
    confidence = round(max(0.0, min(1.0, min(margins, default=1.0) + 0.5)), 3) if not doubtful else 0.0
    reason = Say("scan.review.rows", {"rows": ", ".join(str(n) for n in doubtful)}) if doubtful else None
    return ScanReading(frozenset(found), frozenset(unclear), confidence, bool(doubtful), None, reason, code, rows,
                       tuple(doubtful))


def _read_strikes(ink: np.ndarray, template: Template, code: str) -> ScanReading:
    struck, doubtful, rows = set(), [], {}
    margins = []
    for row in template.rows:
        cover, new_ink = _name_cell(ink, template, row)
        rows[row.number] = (round(cover, 3), round(new_ink, 3))
        clear = _clear_name(cover, new_ink)
        if cover >= STRUCK and new_ink >= INK_STRUCK:
            struck.add(row.number)
            margins.append(min((cover - STRUCK) / (1 - STRUCK), (new_ink - INK_STRUCK) / INK_STRUCK))
        elif clear is not None:
            margins.append(clear)
        else:
            doubtful.append(row.number)
            margins.append(0.0)
    return _outcome(struck, set(), doubtful, margins, rows, code)


@dataclass
class _Box:
    area: float  # new ink, mm²
    extent: float  # the longer side of what it covers, mm
    off_border: float  # new ink more than SPILL_MM from the border shared with the row's other box, mm²
    at_border: bool  # new ink within 1 mm of that border

    @property
    def marked(self) -> bool | None:
        """True when a mark's worth of ink, False when next to none, None in between."""
        if self.area >= BOX_MARK_MM2 and self.extent >= BOX_MARK_MM:
            return True
        return False if self.area <= BOX_EMPTY_MM2 else None

    @property
    def margin(self) -> float:
        if self.marked:
            return min((self.area - BOX_MARK_MM2) / BOX_MARK_MM2, (self.extent - BOX_MARK_MM) / BOX_MARK_MM)
        return (BOX_EMPTY_MM2 - min(self.area, self.off_border)) / BOX_EMPTY_MM2


def _box(ink: np.ndarray, template: Template, box: tuple[int, int, int, int], shared_right: bool) -> _Box:
    x0, y0, x1, y1 = box
    new = ink[y0:y1, x0:x1] & ~template.ink_near[y0:y1, x0:x1]
    px = template.dpi / 25.4
    count = np.count_nonzero(new)
    if not count:
        return _Box(0.0, 0.0, 0.0, False)
    ys, xs = np.nonzero(new)
    spill, near = int(round(SPILL_MM * px)), int(round(px))
    to_border = (x1 - x0 - 1 - xs) if shared_right else xs
    return _Box(float(count / (px * px)), float(max(xs.max() - xs.min(), ys.max() - ys.min()) + 1) / px,
                float(np.count_nonzero(to_border > spill) / (px * px)), bool((to_border < near).any()))


def _read_boxes(ink: np.ndarray, template: Template, code: str) -> ScanReading:
    """Approve form: a box is marked when it holds a mark's worth of new ink (a tick, a cross, a line, a fill: at
    least BOX_MARK_MM2 over BOX_MARK_MM), empty when next to none (BOX_EMPTY_MM2); between the two, or a name cell
    with a pen line or much new ink (a name struck out on a form that asks for boxes), the machine does not decide.
    A row marked in both boxes or in neither is read as unclear (the rules then give the name no vote)."""
    against, unclear, doubtful, rows, margins = set(), set(), [], {}, []
    for row in template.rows:
        agree, disagree = _box(ink, template, row.agree, True), _box(ink, template, row.disagree, False)
        rows[row.number] = (round(agree.area, 2), round(disagree.area, 2))
        marked = [agree.marked, disagree.marked]
        for this, other, index in ((agree, disagree, 0), (disagree, agree, 1)):
            # the other box's mark run past the border they share: this box's ink all by that border, the mark's at it
            if marked[index] is None and marked[1 - index] and other.at_border and this.off_border <= BOX_EMPTY_MM2:
                marked[index] = False
        sure = [box.margin for box in (agree, disagree)]
        name = _clear_name(*_name_cell(ink, template, row))
        if None in marked or name is None:
            doubtful.append(row.number)
            margins.append(0.0)
            continue
        margins.append(min(sure + [name]))
        if marked == [False, True]:
            against.add(row.number)
        elif marked != [True, False]:
            unclear.add(row.number)
    return _outcome(against, unclear, doubtful, margins, rows, code)

"""A synthetic corpus of marked, scanned ballots, made from the printed PDF itself (rendered at 200 or 300 dpi):
pen strokes of random width, angle, wobble, length (60-110% of the name) and colour (blue, black); ticks and dots
that are not strikes; rotation within 3 degrees, scale 0.95-1.05, scanner noise, JPEG quality 60-95, grey or colour.

The mix, from a fixed seed: about 70% strikes only, 20% with distractors, 10% hard (two strokes on a name, short
strokes, faint ink). Each ballot comes with the set of numbers truly struck.

Asked for (they draw from the generator only when asked, so a seed's corpus stays the same without them): the sheet
fed a quarter turn or upside down (turn), the committee's red seal on its place (seal), and a mark outside the rows
(outside: a written-in name, a signature, a cross, a dot or a line in the margins or the blank space below the list),
which the reader must send to review."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from runsheet.scan.template import Template

BLUE, BLACK = (170, 60, 25), (35, 30, 30)  # BGR
SEAL_RED = (45, 40, 200)
OUTSIDE = ("written", "signature", "cross", "dot", "line")


@dataclass
class Ballot:
    jpeg: np.ndarray  # the scan as a JPEG file's bytes (decode() gives the image)
    struck: frozenset[int]
    kind: str  # plain, distractors, hard
    dpi: int
    outside: str | None = None  # the mark drawn outside the rows, if any: the ballot must go to review
    unclear: frozenset[int] = frozenset()  # approve form: the names marked in both boxes or neither
    turn: int = 0  # quarter turns the sheet was fed round

    @property
    def image(self) -> np.ndarray:
        return decode(self.jpeg)


def _stroke(canvas, rng, x0, x1, y, px, colour, width_mm=None, angle=None) -> None:
    width = max(1, int(round((width_mm or rng.uniform(0.3, 0.8)) * px)))
    angle = np.radians(angle if angle is not None else rng.uniform(-3, 3))
    xs = np.linspace(x0, x1, 40)
    wobble = rng.uniform(0, 0.25) * px * np.sin(np.linspace(0, rng.uniform(2, 9), 40) + rng.uniform(0, 6))
    ys = y + (xs - x0) * np.tan(angle) + wobble
    points = np.stack([xs, ys], axis=1).round().astype(np.int32)
    cv2.polylines(canvas, [points], False, colour, width, cv2.LINE_AA)


def _tick(canvas, rng, x, y, px, colour) -> None:
    size = rng.uniform(1.5, 3) * px
    points = np.array([[x, y], [x + size * 0.3, y + size * 0.4], [x + size, y - size * 0.5]], dtype=np.int32)
    cv2.polylines(canvas, [points], False, colour, max(1, int(0.4 * px)), cv2.LINE_AA)


def _dot(canvas, rng, x, y, px, colour) -> None:
    cv2.circle(canvas, (int(x), int(y)), max(1, int(rng.uniform(0.25, 0.6) * px)), colour, -1, cv2.LINE_AA)


def doubtful(template, struck: set[int], rng, row_in_doubt: int = 6):
    """The page struck cleanly on its names, and a short stroke across 38% of one more name: neither clearly struck
    nor clearly not (the reader queues it)."""
    canvas = cv2.cvtColor(template.image, cv2.COLOR_GRAY2BGR)
    px = template.dpi / 25.4
    for row in template.rows:
        x0, y0, x1, y1 = row.name
        text_w = row.text[1] - row.text[0]
        if row.number in struck:
            _stroke(canvas, rng, row.text[0], row.text[1], (y0 + y1) / 2, px, BLUE, 0.5, 0)
        elif row.number == row_in_doubt:
            start = row.text[0] + 0.3 * text_w
            _stroke(canvas, rng, start, start + 0.38 * text_w, (y0 + y1) / 2, px, BLUE, 0.5, 0)
    return canvas


def make_ballot(template: Template, rng: np.random.Generator, kind: str | None = None,
                struck: set[int] | None = None, turn: int = 0, outside: str | None = None,
                seal: bool = False) -> Ballot:
    """A marked, scanned ballot; the names struck at random unless given; fed turn quarter turns round, with the
    outside mark and the seal asked for."""
    px = template.dpi / 25.4
    kind = kind or rng.choice(["plain", "distractors", "hard"], p=[0.7, 0.2, 0.1])
    canvas = cv2.cvtColor(template.image, cv2.COLOR_GRAY2BGR)
    rows = template.rows
    if struck is None:
        count = int(rng.integers(0, min(len(rows), 20) + 1))
        struck = set(rng.choice([r.number for r in rows], size=count, replace=False).tolist()) if count else set()
    colour = BLUE if rng.random() < 0.6 else BLACK
    faint = kind == "hard" and rng.random() < 0.35
    if faint:
        colour = (215, 170, 140) if colour == BLUE else (150, 150, 150)
    hard_short = kind == "hard" and not faint and rng.random() < 0.5
    for row in rows:
        if row.number not in struck:
            continue
        x0, y0, x1, y1 = row.name
        text_w = row.text[1] - row.text[0]
        share = rng.uniform(0.45, 0.6) if hard_short else rng.uniform(0.6, 1.1)
        length = share * text_w
        start = row.text[0] + rng.uniform(-0.05, 0.05) * text_w - max(0, length - text_w) / 2
        if share < 1:
            start = row.text[0] + rng.uniform(0, text_w - length)
        start = max(x0, start)
        end = min(x1, start + length)
        y = (y0 + y1) / 2 + rng.uniform(-0.12, 0.12) * (y1 - y0)
        _stroke(canvas, rng, start, end, y, px, colour)
        if kind == "hard" and not faint and not hard_short:  # two strokes on the name
            _stroke(canvas, rng, start, end, y + rng.uniform(-0.2, 0.2) * (y1 - y0), px, colour)
    if kind == "distractors":
        for _ in range(int(rng.integers(1, 4))):
            row = rows[int(rng.integers(0, len(rows)))]
            x0, y0, x1, y1 = row.name
            x = rng.uniform(x0, max(x0 + 1, x1 - 3 * px))
            y = rng.uniform(y0, y1)
            (_tick if rng.random() < 0.5 else _dot)(canvas, rng, x, y, px, colour)
    finish(canvas, template, rng, colour, outside, seal)
    return Ballot(_scan(canvas, rng, px, turn), frozenset(struck), str(kind), int(template.dpi), outside, turn=turn)


def finish(canvas: np.ndarray, template: Template, rng: np.random.Generator, colour, outside: str | None,
           seal: bool) -> None:
    """The seal and the mark outside the rows, when asked for."""
    px = template.dpi / 25.4
    if seal:
        box = template.sheet.seal
        x, y = box.centre
        centre = (int((x + rng.uniform(-2, 2)) * px), int((y + rng.uniform(-2, 2)) * px))
        radius = box.w / 2 * rng.uniform(0.9, 1.08) * px
        cv2.circle(canvas, centre, int(radius), SEAL_RED, max(1, int(0.8 * px)), cv2.LINE_AA)
        cv2.circle(canvas, centre, int(radius * 0.62), SEAL_RED, max(1, int(0.4 * px)), cv2.LINE_AA)
        for k in range(18):  # the seal's lettering round its ring, as blots
            a = 2 * np.pi * k / 18
            at = (int(centre[0] + 0.8 * radius * np.cos(a)), int(centre[1] + 0.8 * radius * np.sin(a)))
            cv2.ellipse(canvas, at, (int(0.9 * px), int(0.5 * px)), np.degrees(a) + 90, 0, 360, SEAL_RED, -1)
        cv2.drawMarker(canvas, centre, SEAL_RED, cv2.MARKER_STAR, int(radius * 0.6), max(1, int(0.5 * px)))
    if outside:
        draw_outside(canvas, template, rng, outside, colour)


def blank_places(template: Template) -> list[tuple[float, float, float, float]]:
    """Blank places of the printed page, in mm (x0, y0, x1, y1): between the top corner squares above the header,
    the side margins beside the list, the space between the seal and the QR code."""
    s = template.sheet
    m = s.metrics
    left_x = m.inset + m.mark + 1
    list_box = s.list_box
    return [(left_x + 2, m.inset - 2, s.width - left_x - 2, m.inset + m.mark - 1),
            (m.inset - 2, list_box.y, s.metrics.side - 2, list_box.bottom),
            (s.width - m.side + 2, list_box.y, s.width - m.inset + 2, list_box.bottom),
            (s.seal.right + 3, s.seal.y + 1, s.qr.x - 3, s.height - m.inset)]


def draw_outside(canvas: np.ndarray, template: Template, rng: np.random.Generator, what: str, colour) -> None:
    px = template.dpi / 25.4
    places = blank_places(template)
    x0, y0, x1, y1 = places[int(rng.integers(0, len(places)))]
    if what == "written" and y1 - y0 < 6:  # a name is written where there is room for it
        x0, y0, x1, y1 = places[-1]
    width = max(1, int(rng.uniform(0.3, 0.6) * px))
    if what in ("written", "signature"):
        upright = y1 - y0 > x1 - x0  # in a side margin the writing runs down the page
        span = max(x1 - x0, y1 - y0)
        long = min(span, rng.uniform(12, 40)) * rng.uniform(0.6, 0.95)
        tall = min(rng.uniform(2.5, 4.5), 0.8 * min(x1 - x0, y1 - y0))
        start = rng.uniform(0, max(0.1, span - long))
        t = np.linspace(0, 1, 120)
        loops = rng.uniform(5, 12) if what == "written" else rng.uniform(2, 5)
        along = start + long * t + (tall * 0.3 * np.sin(2 * np.pi * loops * t) if what == "signature" else 0)
        across = tall * (0.5 + 0.5 * np.sin(2 * np.pi * loops * t + rng.uniform(0, 6))) * rng.uniform(0.7, 1, t.size)
        middle = (y0 + y1 - tall) / 2 if not upright else (x0 + x1 - tall) / 2
        xs, ys = (middle + across, y0 + along) if upright else (x0 + along, middle + across)
        points = np.stack([xs * px, ys * px], axis=1).round().astype(np.int32)
        cv2.polylines(canvas, [points], False, colour, width, cv2.LINE_AA)
        return
    x, y = rng.uniform(x0, x1) * px, rng.uniform(y0, y1) * px
    if what == "dot":
        cv2.circle(canvas, (int(x), int(y)), max(2, int(rng.uniform(0.5, 0.8) * px)), colour, -1, cv2.LINE_AA)
    elif what == "cross":
        size = min(rng.uniform(2, 4), 0.9 * min(x1 - x0, y1 - y0)) * px / 2
        cv2.line(canvas, (int(x - size), int(y - size)), (int(x + size), int(y + size)), colour, width, cv2.LINE_AA)
        cv2.line(canvas, (int(x - size), int(y + size)), (int(x + size), int(y - size)), colour, width, cv2.LINE_AA)
    else:  # a line: a pen resting on the margin, or an underline
        length = min(rng.uniform(4, 15), 0.9 * max(x1 - x0, y1 - y0)) * px
        dx, dy = (0, length) if y1 - y0 > x1 - x0 else (length, 0)
        cv2.line(canvas, (int(x - dx / 2), int(y - dy / 2)), (int(x + dx / 2), int(y + dy / 2)), colour, width,
                 cv2.LINE_AA)


def _scan(canvas: np.ndarray, rng: np.random.Generator, px: float, turn: int = 0) -> np.ndarray:
    height, width = canvas.shape[:2]
    border = int(4 * px)
    paper = int(rng.integers(235, 256))
    angle, scale = rng.uniform(-3, 3), rng.uniform(0.95, 1.05)
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, scale)
    matrix[:, 2] += (border + rng.uniform(-2, 2) * px, border + rng.uniform(-2, 2) * px)
    size = (width + 2 * border, height + 2 * border)
    out = cv2.warpAffine(canvas, matrix, size, flags=cv2.INTER_LINEAR, borderValue=(paper, paper, paper))
    out = np.minimum(out, paper).astype(np.float32)
    out += rng.normal(0, rng.uniform(2, 6), out.shape)
    out = np.clip(out, 0, 255).astype(np.uint8)
    if rng.random() < 0.5:
        out = cv2.cvtColor(out, cv2.COLOR_BGR2GRAY)
    if turn % 4:
        out = np.ascontiguousarray(np.rot90(out, turn))
    ok, encoded = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, int(rng.integers(60, 96))])
    return encoded  # the scanner's file, as it would be saved


def decode(jpeg: np.ndarray) -> np.ndarray:
    return cv2.imdecode(jpeg, cv2.IMREAD_UNCHANGED)

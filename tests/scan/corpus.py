"""A synthetic corpus of marked, scanned ballots, made from the printed PDF itself (rendered at 200 or 300 dpi):
pen strokes of random width, angle, wobble, length (60-110% of the name) and colour (blue, black); ticks and dots
that are not strikes; rotation within 3 degrees, scale 0.95-1.05, scanner noise, JPEG quality 60-95, grey or colour.

The mix, from a fixed seed: about 70% strikes only, 20% with distractors, 10% hard (two strokes on a name, short
strokes, faint ink). Each ballot comes with the set of numbers truly struck."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from runsheet.scan.template import Template

BLUE, BLACK = (170, 60, 25), (35, 30, 30)  # BGR


@dataclass
class Ballot:
    jpeg: np.ndarray  # the scan as a JPEG file's bytes (decode() gives the image)
    struck: frozenset[int]
    kind: str  # plain, distractors, hard
    dpi: int

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


def make_ballot(template: Template, rng: np.random.Generator, kind: str | None = None,
                struck: set[int] | None = None) -> Ballot:
    """A marked, scanned ballot; the names struck at random unless given."""
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
    return Ballot(_scan(canvas, rng, px), frozenset(struck), str(kind), int(template.dpi))


def _scan(canvas: np.ndarray, rng: np.random.Generator, px: float) -> np.ndarray:
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
    ok, encoded = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, int(rng.integers(60, 96))])
    return encoded  # the scanner's file, as it would be saved


def decode(jpeg: np.ndarray) -> np.ndarray:
    return cv2.imdecode(jpeg, cv2.IMREAD_UNCHANGED)

"""A synthetic corpus of marked, scanned ballots of the approve form (đồng ý / không đồng ý columns), made from the
printed PDF itself and scanned as corpus.py scans the strike form (rotation within 3 degrees, scale, noise, JPEG,
200 and 300 dpi, grey or colour).

Each voter marks one way throughout (a tick, a cross, a line across the box, or a box filled in), with one pen; each
name gets one box, không đồng ý for a random share of the names. The mix, from a fixed seed: about 70% plain, 20%
with distractors (ticks and dots on the names, and a name or two marked in both boxes or in neither: unclear, as
the rules read them), 10% hard (faint ink, small marks, marks running past their box). Each ballot comes with the
numbers marked không đồng ý (struck) and the names marked unclearly (unclear)."""

from __future__ import annotations

import cv2
import numpy as np
from corpus import BLACK, BLUE, Ballot, _dot, _scan, _tick, finish

from runsheet.scan.template import Template

MARKS = ("tick", "cross", "line", "fill")


def _mark(canvas, rng, box, px, style, colour, width, size) -> None:
    """One mark in a box (x0, y0, x1, y1 of its inside, pixels), its height size times the box's."""
    x0, y0, x1, y1 = box
    h, w = y1 - y0, x1 - x0
    cx, cy = (x0 + x1) / 2 + rng.uniform(-0.15, 0.15) * w, (y0 + y1) / 2 + rng.uniform(-0.1, 0.1) * h
    tall = size * h
    wide = min(w * 0.9, tall * rng.uniform(0.9, 1.6))
    if style == "tick":
        points = [[cx - wide / 2, cy], [cx - wide / 6, cy + tall / 2], [cx + wide / 2, cy - tall / 2]]
    elif style == "cross":
        cv2.line(canvas, (int(cx - wide / 2), int(cy - tall / 2)), (int(cx + wide / 2), int(cy + tall / 2)), colour,
                 width, cv2.LINE_AA)
        points = [[cx - wide / 2, cy + tall / 2], [cx + wide / 2, cy - tall / 2]]
    elif style == "line":
        span = rng.uniform(0.4, 0.9) * w
        slope = rng.uniform(-0.15, 0.15) * span
        points = [[cx - span / 2, cy - slope / 2], [cx + span / 2, cy + slope / 2]]
    else:  # filled in: the pen back and forth over most of the box
        turns = int(rng.integers(4, 9))
        xs = np.linspace(cx - wide / 2, cx + wide / 2, turns * 2)
        ys = np.where(np.arange(turns * 2) % 2, cy + tall / 2, cy - tall / 2)
        points = np.stack([xs, ys], axis=1).tolist()
    cv2.polylines(canvas, [np.array(points).round().astype(np.int32)], False, colour, width, cv2.LINE_AA)


def make_approve_ballot(template: Template, rng: np.random.Generator, kind: str | None = None, turn: int = 0,
                        outside: str | None = None, seal: bool = False, style: str | None = None,
                        boxes: dict[int, str] | None = None) -> Ballot:
    """A marked, scanned approve ballot; the way of marking (MARKS) and each name's box at random unless given
    (boxes: number -> agree, disagree, both or neither, for every name)."""
    px = template.dpi / 25.4
    kind = str(kind or rng.choice(["plain", "distractors", "hard"], p=[0.7, 0.2, 0.1]))
    canvas = cv2.cvtColor(template.image, cv2.COLOR_GRAY2BGR)
    style = style or MARKS[int(rng.integers(0, len(MARKS)))]
    colour = BLUE if rng.random() < 0.6 else BLACK
    hard = rng.choice(["faint", "small", "past"]) if kind == "hard" else ""
    if hard == "faint":
        colour = (215, 170, 140) if colour == BLUE else (150, 150, 150)
    width = max(1, int(round(rng.uniform(0.3, 0.7) * px)))
    against_share = rng.uniform(0, 0.5)
    against, unclear = set(), set()
    odd = set()
    if kind == "distractors":  # a name or two marked in both boxes, or in neither
        count = int(rng.integers(1, 3))
        odd = set(rng.choice([r.number for r in template.rows], size=min(count, len(template.rows)),
                             replace=False).tolist())
    for row in template.rows:
        chosen = [row.disagree] if rng.random() < against_share else [row.agree]
        if row.number in odd:
            chosen = [row.agree, row.disagree] if rng.random() < 0.5 else []
        if boxes is not None:
            chosen = {"agree": [row.agree], "disagree": [row.disagree], "both": [row.agree, row.disagree],
                      "neither": []}[boxes[row.number]]
        if len(chosen) != 1:
            unclear.add(row.number)
        elif chosen[0] is row.disagree:
            against.add(row.number)
        size = rng.uniform(0.35, 0.5) if hard == "small" else rng.uniform(1.0, 1.25) if hard == "past" else \
            rng.uniform(0.5, 0.95)
        for box in chosen:
            _mark(canvas, rng, box, px, style, colour, width, size)
    if kind == "distractors":
        for _ in range(int(rng.integers(1, 4))):
            row = template.rows[int(rng.integers(0, len(template.rows)))]
            x0, y0, x1, y1 = row.name
            x, y = rng.uniform(row.text[1], max(row.text[1] + 1, x1 - 3 * px)), rng.uniform(y0, y1)
            (_tick if rng.random() < 0.5 else _dot)(canvas, rng, x, y, px, colour)
    finish(canvas, template, rng, colour, outside, seal)
    return Ballot(_scan(canvas, rng, px, turn), frozenset(against), kind, int(template.dpi), outside,
                  frozenset(unclear), turn)

"""Where everything sits on a printed ballot, in millimetres from the page's top-left corner: the four corner squares
(fiducials), the QR code, the seal's place, the header's band and each name's row with its cells.

The printer (reports/ballot.py) draws from this, and the scanner (scan/) starts from it: it finds the corner squares
on a scan and maps the rows through them. It never trusts these numbers alone: the template is measured again on a
render of the printed PDF, since a printer driver or a font may shift things by a fraction of a millimetre."""

from __future__ import annotations

from dataclasses import dataclass
from math import ceil

from ..errors import DomainError
from .election import APPROVE, STRIKE

PAPER = {"A4": (210.0, 297.0), "A5": (148.0, 210.0)}
PT_MM = 25.4 / 72  # one typographic point, in mm


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def centre(self) -> tuple[float, float]:
        return self.x + self.w / 2, self.y + self.h / 2


@dataclass(frozen=True)
class Row:
    number: int  # as the counting screen numbers the name: its place in the round's list, from 1
    column: int
    number_box: Box
    name_box: Box  # strike form: the pen line goes through this cell
    agree: Box | None = None  # approve form: the đồng ý / không đồng ý cells
    disagree: Box | None = None


@dataclass(frozen=True)
class Metrics:
    """The proportions of one paper size."""

    inset: float  # the corner squares' distance from the paper's edges
    mark: float  # the corner squares' side
    side: float  # the text's margin left and right
    header: float  # the band of the unit, the Party's name, the title and the term
    note: float  # the line that says how to vote
    qr: float  # the QR code's side
    seal: float  # the seal's circle, its diameter
    head_row: float  # the list's column headings
    number_w: float
    box_w: float  # approve form: each of the two columns
    gap: float  # between the columns of a long list
    max_row: float
    min_row: float
    max_pt: float  # the names' largest type


METRICS = {
    "A4": Metrics(inset=8, mark=8, side=18, header=44, note=7, qr=22, seal=26, head_row=8, number_w=11, box_w=24,
                  gap=5, max_row=12, min_row=4.5, max_pt=14),
    "A5": Metrics(inset=6, mark=6, side=11, header=35, note=6, qr=18, seal=20, head_row=6, number_w=8, box_w=17,
                  gap=3, max_row=9, min_row=3.8, max_pt=12),
}
MAX_COLUMNS = {STRIKE: 3, APPROVE: 2}
MIN_NAME_W = 34  # a full Vietnamese name at the smallest type


@dataclass(frozen=True)
class Sheet:
    size: str
    form: str
    width: float
    height: float
    metrics: Metrics
    fiducials: tuple[Box, Box, Box, Box]  # top-left, top-right, bottom-right, bottom-left
    qr: Box
    seal: Box
    header: Box
    note: Box
    heading_row: tuple[Box, ...]  # one band per column of names, over its rows
    rows: tuple[Row, ...]
    columns: int
    row_height: float
    name_pt: float

    @property
    def list_box(self) -> Box:
        top = self.heading_row[0].y
        bottom = max(r.name_box.bottom for r in self.rows)
        return Box(self.metrics.side, top, self.width - 2 * self.metrics.side, bottom - top)


def sheet(size: str, count: int, form: str) -> Sheet:
    """The layout of a ballot of count names on paper size (A4 or A5) in the given form. DomainError when the list
    does not fit the paper (more names than the smallest row allows in the most columns)."""
    width, height = PAPER[size]
    m = METRICS[size]
    far_x, far_y = width - m.inset - m.mark, height - m.inset - m.mark
    fiducials = (Box(m.inset, m.inset, m.mark, m.mark), Box(far_x, m.inset, m.mark, m.mark),
                 Box(far_x, far_y, m.mark, m.mark), Box(m.inset, far_y, m.mark, m.mark))
    top = m.inset + m.mark + 1
    header = Box(m.side, top, width - 2 * m.side, m.header)
    note = Box(m.side, header.bottom, header.w, m.note)
    qr = Box(far_x - 4 - m.qr, height - m.inset - m.qr, m.qr, m.qr)
    seal = Box(m.inset + m.mark + 6, height - m.inset - m.seal, m.seal, m.seal)
    list_top = note.bottom + 1
    list_bottom = min(qr.y, seal.y) - 3
    room = list_bottom - list_top - m.head_row
    boxes = 2 * m.box_w if form == APPROVE else 0

    def name_width(columns: int) -> float:
        return (header.w - m.gap * (columns - 1)) / columns - m.number_w - boxes

    columns = next((c for c in range(1, MAX_COLUMNS[form] + 1)
                    if ceil(count / c) * m.min_row <= room and name_width(c) >= MIN_NAME_W), None)
    if columns is None or count < 1:
        raise DomainError("ballot.err.too_long_a4" if size == "A4" else "ballot.err.too_long", n=count, size=size)
    per_column = ceil(count / columns)
    row_h = min(m.max_row, room / per_column)
    column_w = (header.w - m.gap * (columns - 1)) / columns
    headings, rows = [], []
    for c in range(columns):
        x = m.side + c * (column_w + m.gap)
        headings.append(Box(x, list_top, column_w, m.head_row))
        for i in range(per_column):
            number = c * per_column + i + 1
            if number > count:
                break
            y = list_top + m.head_row + i * row_h
            number_box = Box(x, y, m.number_w, row_h)
            name_w = name_width(columns)
            name_box = Box(number_box.right, y, name_w, row_h)
            agree = disagree = None
            if form == APPROVE:
                agree = Box(name_box.right, y, m.box_w, row_h)
                disagree = Box(agree.right, y, m.box_w, row_h)
            rows.append(Row(number, c, number_box, name_box, agree, disagree))
    name_pt = min(m.max_pt, row_h * 0.62 / PT_MM)
    return Sheet(size, form, width, height, m, fiducials, qr, seal, header, note, tuple(headings), tuple(rows),
                 columns, row_h, round(name_pt, 1))

"""The paper ballot of an election round (phiếu bầu), as a PDF to print and read back by a scanner, and as a .docx
for an office that adds its own touches (that one carries no machine marks: ballots printed from it are counted by
hand only).

The PDF follows the Party's layout: the unit top left (the parent unit, the unit in bold, a star under it), "ĐẢNG
CỘNG SẢN VIỆT NAM" top right, "PHIẾU BẦU ..." and the term centred, the list in the round's printed order numbered as
the counting screen numbers it, in the form the election uses (strike, or đồng ý / không đồng ý columns), and the
place for the seal. The machine marks are four solid corner squares and one QR code (rules/ballot_code.py), the same
on every copy: a ballot that can be told apart from the others is invalid (the secret of the vote), so no copy
carries a serial number or anything else of its own. Every position comes from rules/ballot_sheet.py.
"""

from __future__ import annotations

import io
import os
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import DomainError
from ..qr import dark_runs
from ..rules.ballot_code import ballot_code
from ..rules.ballot_sheet import PT_MM, Box, Sheet, sheet
from ..rules.election import APPROVE, form_of
from ..store.state import CongressState
from ..texts import say
from .document import Document, Para, Table, Title, header_for, qr_matrix, to_docx, write_files

FONTS = Path(__file__).resolve().parent / "fonts"
FAMILY = "DejaVuSerif"  # every Vietnamese letter (Liberation Serif 1.x lacks ơ, ư and the dotted vowels)
MAX_COPIES = 5000
_ELECT = re.compile(r"^(bầu|elect(ion of)?)\s+", re.IGNORECASE)  # "Bầu Chi ủy" -> "PHIẾU BẦU CHI ỦY"


class BallotError(DomainError):
    """Nothing printed: one line, exit status 2 on the command line."""


@dataclass(frozen=True)
class BallotPaper:
    """What a round's ballot lists: the round it is printed for, its names in printed order, its seats."""

    election: str
    round: int
    candidates: tuple[str, ...]
    seats: int

    @property
    def form(self) -> str:
        return form_of(len(self.candidates), self.seats)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _what(state: CongressState, paper: BallotPaper) -> str:
    title = state.scenario.elections[paper.election].title
    return _ELECT.sub("", nfc(title)).upper()


def payload(state: CongressState, paper: BallotPaper) -> str:
    return ballot_code(state.congress_id, paper.election, paper.round, paper.candidates, paper.seats).text()


def layout(paper: BallotPaper, size: str) -> Sheet:
    return sheet(size, len(paper.candidates), paper.form)


# ---- PDF ---------------------------------------------------------------------------------------------------------
class _Page:
    """One ballot drawn on an fpdf2 page (millimetres, origin top left)."""

    def __init__(self, pdf, layout: Sheet):
        self.pdf, self.sheet = pdf, layout
        self.scale = 1.0 if layout.size == "A4" else 0.8  # type sizes on A5

    def font(self, pt: float, style: str = "") -> None:
        self.pdf.set_font(FAMILY, style, pt)

    def fit(self, text: str, width: float, pt: float, style: str = "", least: float = 5.5) -> float:
        """The largest size up to pt at which text fits width (never below least)."""
        self.font(pt, style)
        wide = self.pdf.get_string_width(text)
        if wide > width:
            pt = max(least, pt * width / wide)
            self.font(pt, style)
        return pt

    def centred(self, text: str, box: Box, y: float, pt: float, style: str = "") -> float:
        """A line centred in box's width with its top at y; returns the y under it."""
        pt = self.fit(text, box.w, pt, style)
        height = pt * PT_MM * 1.25
        self.pdf.set_xy(box.x, y)
        self.pdf.cell(box.w, height, text, align="C")
        return y + height

    def wrapped(self, text: str, box: Box, y: float, pt: float, style: str = "") -> float:
        """Centred lines from y down, shrunk a little to fit one line, else wrapped; returns the y under them."""
        pt = self.fit(text, box.w, pt, style, least=pt * 0.8)
        height = pt * PT_MM * 1.25
        self.pdf.set_xy(box.x, y)
        self.pdf.multi_cell(box.w, height, text, align="C", new_x="LEFT", new_y="NEXT")
        return self.pdf.get_y()

    def draw(self, state: CongressState, paper: BallotPaper, lang: str, names: list[str], code: str) -> None:
        pdf, s, k = self.pdf, self.sheet, self.scale
        pdf.add_page()
        pdf.set_fill_color(0, 0, 0)
        pdf.set_draw_color(0, 0, 0)
        for mark in s.fiducials:
            pdf.rect(mark.x, mark.y, mark.w, mark.h, style="F")
        # the header: the unit left, the Party right, each centred on its half
        header = header_for(state.scenario.congress, state.agenda.starts_at.astimezone(state.zone).date(), lang)
        half = s.header.w / 2
        left, right = Box(s.header.x, s.header.y, half - 2, 0), Box(s.header.x + half + 2, s.header.y, half - 2, 0)
        y = s.header.y
        for index, line in enumerate(header.left):
            y = self.wrapped(nfc(line), left, y, 11 * k, "B" if index == len(header.left) - 1 else "")
        if header.left:
            y = self.centred(header.mark, left, y, 11 * k)
        y_right = s.header.y
        for line in header.right:
            y_right = self.centred(line, right, y_right, 11 * k, "B")
            pdf.set_line_width(0.25)
            rule = 14 * k
            pdf.line(right.x + right.w / 2 - rule, y_right + 1, right.x + right.w / 2 + rule, y_right + 1)
        # the title and the term, in bold, centred on the page
        y = max(y, y_right) + 3 * k
        title = say("ballot.title", lang, what=_what(state, paper))
        title_pt = 15 * k
        pdf.set_xy(s.header.x, y)
        self.font(title_pt, "B")
        if pdf.get_string_width(title) > s.header.w:
            title_pt = 13 * k
            self.font(title_pt, "B")
        pdf.multi_cell(s.header.w, title_pt * PT_MM * 1.3, title, align="C", new_x="LEFT", new_y="NEXT")
        y = pdf.get_y()
        term = state.scenario.congress.term
        if term:
            y = self.centred(say("ballot.term", lang, term=nfc(term)), s.header, y, 13 * k, "B")
        if paper.round > 1:
            y = self.centred(say("ballot.round", lang, round=paper.round), s.header, y, 12 * k, "I")
        # how to vote, in italics
        key = "ballot.note.approve" if paper.form == APPROVE else "ballot.note.strike"
        self.centred(say(key, lang), s.note, s.note.y + 0.5, 10 * k, "I")
        self.table(paper, lang, names)
        self.seal(lang)
        self.qr(code)

    def table(self, paper: BallotPaper, lang: str, names: list[str]) -> None:
        pdf, s, k = self.pdf, self.sheet, self.scale
        pdf.set_line_width(0.2)
        heads = [("ballot.col.number", "C"), ("ballot.col.name", "C")]
        if paper.form == APPROVE:
            heads += [("ballot.col.agree", "C"), ("ballot.col.disagree", "C")]
        first = s.rows[0]
        widths = [first.number_box.w, first.name_box.w] + ([first.agree.w, first.disagree.w] if first.agree else [])
        for band in s.heading_row:
            x = band.x
            for (key, align), width in zip(heads, widths):
                pdf.rect(x, band.y, width, band.h)
                pt = self.fit(say(key, lang), width - 1, 11 * k, "B")
                pdf.set_xy(x, band.y)
                pdf.cell(width, band.h, say(key, lang), align=align)
                del pt
                x += width
        pad = 2 * k
        for row, name in zip(s.rows, names):
            for box in (row.number_box, row.name_box, row.agree, row.disagree):
                if box is not None:
                    pdf.rect(box.x, box.y, box.w, box.h)
            self.font(s.name_pt)
            pdf.set_xy(row.number_box.x, row.number_box.y)
            pdf.cell(row.number_box.w, row.number_box.h, str(row.number), align="C")
            self.fit(name, row.name_box.w - 2 * pad, s.name_pt)
            pdf.set_xy(row.name_box.x + pad, row.name_box.y)
            pdf.cell(row.name_box.w - 2 * pad, row.name_box.h, name, align="L")

    def seal(self, lang: str) -> None:
        pdf, box = self.pdf, self.sheet.seal
        pdf.set_draw_color(150, 150, 150)
        pdf.set_line_width(0.2)
        pdf.set_dash_pattern(dash=1, gap=1)
        pdf.ellipse(box.x, box.y, box.w, box.h)
        pdf.set_dash_pattern()
        pdf.set_text_color(120, 120, 120)
        self.centred(say("ballot.seal", lang), box, box.y + box.h / 2 - 2, 8 * self.scale, "I")
        pdf.set_text_color(0, 0, 0)
        pdf.set_draw_color(0, 0, 0)

    def qr(self, code: str) -> None:
        matrix = qr_matrix(code, border=0)
        box = self.sheet.qr
        module = box.w / len(matrix)
        for r, start, length in dark_runs(matrix):
            self.pdf.rect(box.x + start * module, box.y + r * module, length * module, module, style="F")


def ballot_pdf(state: CongressState, paper: BallotPaper, size: str, lang: str, copies: int = 1) -> bytes:
    """The PDF of copies identical ballots (one a page), fonts embedded."""
    from fpdf import FPDF

    s = layout(paper, size)
    pdf = FPDF(unit="mm", format=(s.width, s.height))
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    pdf.set_creator("runsheet")
    pdf.set_title(say("ballot.title", lang, what=_what(state, paper)))
    for style, file in (("", "DejaVuSerif.ttf"), ("B", "DejaVuSerif-Bold.ttf"), ("I", "DejaVuSerif-Italic.ttf")):
        pdf.add_font(FAMILY, style, str(FONTS / file))
    names = [nfc(state.roster.get(c).name) for c in paper.candidates]
    code = payload(state, paper)
    page = _Page(pdf, s)
    for _ in range(copies):
        page.draw(state, paper, lang, names, code)
    return bytes(pdf.output())


# ---- .docx -------------------------------------------------------------------------------------------------------
def ballot_docx(state: CongressState, paper: BallotPaper, size: str, lang: str) -> bytes:
    """The same ballot as an editable .docx (Times New Roman, theme fonts stripped), without machine marks."""
    from docx import Document as Docx
    from docx.shared import Mm

    header = header_for(state.scenario.congress, state.agenda.starts_at.astimezone(state.zone).date(), lang)
    term = state.scenario.congress.term
    doc = Document(page_numbers=False).add(replace(header, place_date=""),
                         Title(say("ballot.title", lang, what=_what(state, paper)),
                               say("ballot.term", lang, term=nfc(term)) if term else ""))
    if paper.round > 1:
        doc.add(Para(say("ballot.round", lang, round=paper.round), italic=True, center=True))
    doc.add(Para(say("ballot.note.approve" if paper.form == APPROVE else "ballot.note.strike", lang), italic=True,
                 center=True))
    names = [nfc(state.roster.get(c).name) for c in paper.candidates]
    columns = [say("ballot.col.number", lang), say("ballot.col.name", lang)]
    widths: tuple[float, ...] = (1, 6)
    rows = [[str(n), name] for n, name in enumerate(names, start=1)]
    if paper.form == APPROVE:
        columns += [say("ballot.col.agree", lang), say("ballot.col.disagree", lang)]
        widths = (1, 5, 2, 2)
        rows = [row + ["", ""] for row in rows]
    doc.add(Table(columns, rows, align="cl" + "cc" * (paper.form == APPROVE), widths=widths, row_height=0.8))
    doc.add(Para(f"({say('ballot.seal', lang)})", italic=True))
    document = Docx(io.BytesIO(to_docx(doc)))
    if size == "A5":
        section = document.sections[0]
        section.page_width, section.page_height = Mm(148), Mm(210)
        section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Mm(12)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def write_ballots(state: CongressState, paper: BallotPaper, out_dir: str, lang: str, size: str = "A4",
                  copies: int = 1) -> list[str]:
    """Write the round's ballots (.pdf with copies pages, and .docx) into out_dir (made if missing), both or none."""
    if not 1 <= copies <= MAX_COPIES:
        raise BallotError("ballot.err.copies", n=copies)
    stem = os.path.join(out_dir, say("ballot.file", lang, election=paper.election, round=paper.round))
    files = [(stem + ".pdf", ballot_pdf(state, paper, size, lang, copies)),
             (stem + ".docx", ballot_docx(state, paper, size, lang))]
    try:
        os.makedirs(out_dir, exist_ok=True)
        write_files(files)
    except OSError as exc:
        raise BallotError("ballot.err.write", path=out_dir, problem=exc.strerror or exc) from None
    return [path for path, _ in files]

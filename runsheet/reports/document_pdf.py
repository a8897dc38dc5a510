"""A Document (reports/document.py) written straight to PDF with fpdf2, in the page set-up of its .docx: A4, margins
top and bottom 20 mm, left 30 mm, right 20 mm, page numbers centred at the top from the second page, a table's
header row repeated on every page and no row split across two, the columns as wide as content_widths makes them,
headings and the words before the signatures kept with what follows, the QR code drawn as vector squares.

Used for the ballot entry log, a long table of wrapped cells that LibreOffice is slow to lay out (the national log
with two passes, 3,400 rows: 53 s on a quiet machine, 126 s on a busy one; with three, 5,000 rows: 79 s quiet,
past its 300 s time-out busy; here 2-4 s). Every other document goes through LibreOffice from its .docx
(reports/pdf.py), whatever its size: offices compare those with what Word shows, one document always comes out of
one writer, and the largest of them, a national attendance sheet (1,600 rows), takes LibreOffice 18 s on a busy
machine.

The font is DejaVu Serif, shipped in reports/fonts and embedded (subset): Times New Roman, which the .docx names, is
Microsoft's, neither installed on Linux nor ours to ship, and Liberation Serif 1.x, its metric twin on many systems,
lacks ơ, ư and the dotted vowels. DejaVu Serif has every Vietnamese letter but sets wider than Times, so its sizes
here are a step or two smaller than the .docx's (a line holds about as many letters)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from ..qr import dark_runs, qr_matrix
from .document import (QR, Document, Header, Heading, Para, Signatures, Table, Title, clean,
                       content_widths)

FONTS = Path(__file__).resolve().parent / "fonts"
FAMILY = "DejaVuSerif"
FACES = {"": "DejaVuSerif.ttf", "B": "DejaVuSerif-Bold.ttf", "I": "DejaVuSerif-Italic.ttf"}
TOP = BOTTOM = 20.0  # mm, Hướng dẫn 36-HD/VPTW: top and bottom 20-25 mm, left 30-35 mm, right 15-20 mm
LEFT, RIGHT = 30.0, 20.0
NUMBER_Y = 10.0  # the page number's baseline, in the top margin (where Word puts its header)
# the .docx's sizes (14 pt text, 13 pt tables and the header, 16 pt title, 11 pt notes) in DejaVu Serif
TEXT, CELL, HEAD, TITLE, SMALL, PAYLOAD = 12.0, 10.0, 11.0, 14.0, 9.0, 8.0
LEADING, CELL_LEADING = 1.25, 1.2  # line height over type size
PT = 25.4 / 72  # mm in a point
PAD_X, PAD_Y = 1.5, 0.6  # a table cell's inner margins, mm
AFTER = 1.5  # mm after a paragraph


def nfc(text: str) -> str:
    """Text as the PDF carries it: cleaned, composed (ơ one letter, as DejaVu has it and a reader copies it back)."""
    return unicodedata.normalize("NFC", clean(text)).replace("\t", "    ")


def to_pdf(doc: Document) -> bytes:
    return _Writer(doc).render()


class _Writer:
    def __init__(self, doc: Document):
        from fpdf import FPDF

        numbered = doc.page_numbers

        class Pages(FPDF):
            def header(self) -> None:  # fpdf2 calls it on every new page, then restores the font
                if numbered and self.page_no() > 1:
                    self.set_font(FAMILY, "", TEXT)
                    label = str(self.page_no())
                    self.text((self.w - self.get_string_width(label)) / 2, NUMBER_Y + TEXT * PT * 0.8, label)

        self.doc = doc
        self.pdf = pdf = Pages(orientation="L" if doc.landscape else "P", unit="mm", format="A4")
        pdf.set_creator("runsheet")
        pdf.set_margins(LEFT, TOP, RIGHT)
        pdf.set_auto_page_break(True, BOTTOM)  # a long paragraph runs on to the next page
        pdf.c_margin = 0
        for style, file in FACES.items():
            pdf.add_font(FAMILY, style, str(FONTS / file))
        self.width = pdf.w - LEFT - RIGHT
        self.foot = pdf.h - BOTTOM
        self._widths: dict[tuple[str, float, str], float] = {}

    # ---- measuring -----------------------------------------------------------------------------------------------
    def font(self, size: float, style: str = "") -> None:
        self.pdf.set_font(FAMILY, "B" if "B" in style else style, size)  # bold italic is set bold (no such face)

    def word_width(self, word: str, size: float, style: str) -> float:
        key = (word, size, style)
        width = self._widths.get(key)
        if width is None:
            self.font(size, style)
            width = self._widths[key] = self.pdf.get_string_width(word, normalized=True)
        return width

    def wrap(self, text: str, width: float, size: float, style: str = "") -> list[str]:
        """Lines of text within width, broken between words (a word wider than the line, between letters)."""
        space = self.word_width(" ", size, style)
        lines: list[str] = []
        for paragraph in text.split("\n"):
            line, used = "", 0.0
            for word in paragraph.split(" "):
                wide = self.word_width(word, size, style)
                if line and used + space + wide <= width + 1e-6:
                    line, used = f"{line} {word}", used + space + wide
                    continue
                if line:
                    lines.append(line)
                while wide > width + 1e-6 and len(word) > 1:  # a word that cannot fit: broken where it must
                    cut = len(word) - 1
                    while cut > 1 and self.word_width(word[:cut], size, style) > width:
                        cut -= 1
                    lines.append(word[:cut])
                    word = word[cut:]
                    wide = self.word_width(word, size, style)
                line, used = word, wide
            lines.append(line)
        return lines

    def para_lines(self, block: Para) -> int:
        self.font(SMALL if block.small else TEXT, _style(block))
        return len(self.pdf.multi_cell(self.width, 1, nfc(block.text), dry_run=True, output="LINES"))

    def height(self, block, whole: bool = True) -> float:
        """The height a block takes; whole=False: the least of it that must stand on the page it starts on (a
        table's header row and first row, a paragraph's first two lines)."""
        if isinstance(block, Header):
            lines = [len(self.wrap(nfc(text), self.width / 2 - 4, HEAD, "B")) for text in block.left]
            return (max(sum(lines) + 1, len(block.right) + 2) * HEAD * PT * LEADING + 4)
        if isinstance(block, Title):
            return (TITLE + (TEXT if block.subtitle else 0)) * PT * LEADING + 4
        if isinstance(block, Heading):
            return TEXT * PT * LEADING + AFTER
        if isinstance(block, Para):
            lines = self.para_lines(block)
            return min(lines, lines if whole else 2) * (SMALL if block.small else TEXT) * PT * LEADING + AFTER
        if isinstance(block, Table):
            widths = self.table_widths(block)
            rows = block.rows if whole else block.rows[:1]
            return (self.row_height(block.columns, widths, "B") + sum(self.row_height(r, widths, "", block.row_height)
                                                                      for r in rows) + AFTER)
        if isinstance(block, Signatures):
            return (4 + max((len(names) for _, names in block.blocks), default=0)) * TEXT * PT * LEADING + 9
        if isinstance(block, QR):
            return self.qr_side(block) + (SMALL + 2 * PAYLOAD) * PT * LEADING + 4
        raise TypeError(f"unknown block {block!r}")

    def table_widths(self, block: Table) -> list[float]:
        shares = block.widths or content_widths(block.columns, block.rows, block.align)
        return [self.width * share / sum(shares) for share in shares]

    def row_height(self, values: list[str], widths: list[float], style: str, least_cm: float = 0) -> float:
        lines = max((len(self.wrap(nfc(str(v)), w - 2 * PAD_X, CELL, style)) for v, w in zip(values, widths)),
                    default=1)
        return max(lines * CELL * PT * CELL_LEADING + 2 * PAD_Y, least_cm * 10)

    @staticmethod
    def qr_side(block: QR) -> float:
        """The code's side with its quiet zone, as in the .docx: 35 mm, or half a millimetre a module, so a phone
        reads it."""
        return max(35.0, len(qr_matrix(block.payload)) * 0.5)

    # ---- writing -------------------------------------------------------------------------------------------------
    def render(self) -> bytes:
        self.pdf.add_page()
        blocks = self.doc.blocks
        for index, block in enumerate(blocks):
            self.keep_with_what_follows(blocks, index)
            if isinstance(block, Header):
                self.header(block)
            elif isinstance(block, Title):
                self.title(block)
            elif isinstance(block, Heading):
                self.paragraph(block.text, TEXT, "B", "L")
            elif isinstance(block, Para):
                self.paragraph(block.text, SMALL if block.small else TEXT, _style(block),
                               "C" if block.center else self.justified(block))
            elif isinstance(block, Table):
                following = blocks[index + 1] if index + 1 < len(blocks) else None
                self.table(block, self.height(following) if isinstance(following, Signatures) else 0.0)
            elif isinstance(block, Signatures):
                self.signatures(block)
            elif isinstance(block, QR):
                self.qr(block)
            else:
                raise TypeError(f"unknown block {block!r}")
        return bytes(self.pdf.output())

    def keep_with_what_follows(self, blocks: list, index: int) -> None:
        """A new page before a chain that would be cut where it must not be: a title or heading and what follows
        it, the last paragraph before the signatures and the signatures, a signature block or a QR annex whole."""
        if index and _kept(blocks[index - 1], blocks[index]):
            return  # placed with the block before it
        need, end = 0.0, index
        while end + 1 < len(blocks) and _kept(blocks[end], blocks[end + 1]):
            need += self.height(blocks[end])
            end += 1
        need += self.height(blocks[end], whole=isinstance(blocks[end], (Signatures, QR, Header, Title, Heading)))
        room = self.foot - self.pdf.get_y()
        if need > room and need <= self.foot - TOP and self.pdf.get_y() > TOP + 1:
            self.pdf.add_page()

    def justified(self, block: Para) -> str:
        """Justified, as the .docx's paragraphs, unless a word (a digest) is wider than half the line: then the
        first line would be a few words spread across the page."""
        size = SMALL if block.small else TEXT
        widest = max((self.word_width(w, size, _style(block)) for w in nfc(block.text).split()), default=0.0)
        return "L" if widest > self.width / 2 else "J"

    def room_for(self, height: float) -> bool:
        return self.pdf.get_y() + height <= self.foot + 1e-6

    def header(self, block: Header) -> None:
        """The unit top left (the parent unit, the unit in bold, the mark under it), the Party top right with a short
        rule under it and the place and date in italics, each line centred on its half and wrapped within it."""
        pdf, half = self.pdf, self.width / 2
        top = y = pdf.get_y()
        for number, text in enumerate([*block.left, *([block.mark] if block.left else [])]):
            y = self.centred_lines(text, LEFT, half, y, HEAD, "B" if number == len(block.left) - 1 else "")
        y_right = top
        for text in block.right:
            y_right = self.centred_lines(text, LEFT + half, half, y_right, HEAD, "B")
        if block.right:
            rule = self.word_width(nfc(block.right[-1]), HEAD, "B") / 3
            middle = LEFT + half + half / 2
            pdf.set_line_width(0.25)
            pdf.line(middle - rule / 2, y_right + 1.2, middle + rule / 2, y_right + 1.2)
            y_right += 4
        if block.place_date:
            y_right = self.centred_lines(block.place_date, LEFT + half, half, y_right, HEAD, "I")
        pdf.set_y(max(y, y_right) + 4)

    def centred_lines(self, text: str, x: float, width: float, y: float, size: float, style: str = "") -> float:
        """Text centred in [x, x + width] from y down, wrapped between words (with a little air either side);
        returns the y under it."""
        for part in self.wrap(nfc(text), width - 4, size, style):
            self.centred(part, x, width, y, size, style)
            y += size * PT * LEADING
        return y

    def centred(self, text: str, x: float, width: float, y: float, size: float, style: str = "") -> None:
        """One line centred in [x, x + width] with its top at y."""
        text = nfc(text)
        self.font(size, style)
        self.pdf.text(x + (width - self.word_width(text, size, style)) / 2, y + size * PT * 0.95, text)

    def title(self, block: Title) -> None:
        self.paragraph(block.text, TITLE, "B", "C", after=0 if block.subtitle else 3)
        if block.subtitle:
            self.paragraph(block.subtitle, TEXT, "B", "C", after=3)

    def paragraph(self, text: str, size: float, style: str, align: str, after: float = AFTER) -> None:
        pdf = self.pdf
        self.font(size, style)
        pdf.set_x(LEFT)
        pdf.multi_cell(self.width, size * PT * LEADING, nfc(text), align=align, new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(pdf.get_y() + after)

    def table(self, block: Table, signatures: float = 0.0) -> None:
        """The table, its header row on every page, no row split; the last row on the page of the signatures that
        follow it (signatures: their height), so that they never stand alone."""
        pdf = self.pdf
        widths = self.table_widths(block)
        align = block.align.ljust(len(block.columns), "l")
        pdf.set_line_width(0.2)
        head_height = self.row_height(block.columns, widths, "B")

        def head() -> None:
            self.row(block.columns, widths, "c" * len(widths), "B", head_height)

        head()
        last = len(block.rows) - 1
        for number, values in enumerate(block.rows):
            values = [str(v) for v in values[:len(widths)]] + [""] * (len(widths) - len(values))
            height = self.row_height(values, widths, "", block.row_height)
            if number == last and signatures and height + signatures <= self.foot - TOP - head_height:
                height_with = height + AFTER + signatures
            else:
                height_with = height
            if not self.room_for(height_with) and pdf.get_y() > TOP + head_height + 1:
                pdf.add_page()  # the row goes whole to the next page, under the header row again
                head()
            self.row(values, widths, align, "", height)
        pdf.set_y(pdf.get_y() + AFTER)

    def row(self, values: list[str], widths: list[float], align: str, style: str, height: float) -> None:
        pdf = self.pdf
        top, x = pdf.get_y(), LEFT
        line = CELL * PT * CELL_LEADING
        self.font(CELL, style)
        for value, width, how in zip(values, widths, align):
            pdf.rect(x, top, width, height)
            for number, text in enumerate(self.wrap(nfc(value), width - 2 * PAD_X, CELL, style)):
                wide = self.word_width(text, CELL, style)
                left = {"l": x + PAD_X, "r": x + width - PAD_X - wide, "c": x + (width - wide) / 2}[how]
                if text:
                    pdf.text(left, top + PAD_Y + number * line + CELL * PT * 0.95, text)
            x += width
        pdf.set_y(top + height)

    def signatures(self, block: Signatures) -> None:
        pdf = self.pdf
        pdf.set_y(pdf.get_y() + 3)
        top = pdf.get_y()
        width = self.width / max(1, len(block.blocks))
        line = TEXT * PT * LEADING
        bottom = top
        for number, (role, names) in enumerate(block.blocks):
            x = LEFT + number * width
            self.centred(role, x, width, top, TEXT, "B")
            y = top + 4 * line  # room to sign
            for name in names:
                self.centred(name, x, width, y, TEXT, "B")
                y += line
            bottom = max(bottom, y)
        pdf.set_y(bottom + 6)

    def qr(self, block: QR) -> None:
        pdf = self.pdf
        matrix = qr_matrix(block.payload)  # with its quiet zone, left white
        side = self.qr_side(block)
        module = side / len(matrix)
        x0, y0 = LEFT + (self.width - side) / 2, pdf.get_y()
        pdf.set_fill_color(0, 0, 0)
        for r, start, length in dark_runs(matrix):
            pdf.rect(x0 + start * module, y0 + r * module, length * module, module, style="F")
        pdf.set_y(y0 + side)
        self.paragraph(block.caption, SMALL, "I", "C", after=0)
        self.paragraph(block.payload, PAYLOAD, "", "C")


def _style(block: Para) -> str:
    return ("B" if block.bold else "") + ("I" if block.italic else "")


def _kept(block, following) -> bool:
    """Whether block stays on the page of the block after it (as keep_with_next in the .docx)."""
    return isinstance(block, (Title, Heading)) or (isinstance(block, Para) and isinstance(following, Signatures))


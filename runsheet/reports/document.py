"""A small block model for the congress's documents, written both as Markdown and as .docx in the layout Party
documents use: unit names top left with a line under them, "ĐẢNG CỘNG SẢN VIỆT NAM" top right, place and date in
italics, the title centred in bold, Times New Roman 14 set explicitly (no theme fonts), A4."""

from __future__ import annotations

import io
import os
import re
import struct
import tempfile
import zlib
from dataclasses import dataclass, field
from datetime import date
from xml.sax.saxutils import escape


from ..qr import qr_matrix
from ..texts.formats import long_date

FONT = "Times New Roman"
SIZE = 14
PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"
RULE = "─────"  # the short line under the Party's name (a hyphen line on typewritten minutes)
STAR = "*"  # under the issuing body's name on a Party document (Hướng dẫn 36-HD/VPTW on the form of Party documents)


@dataclass(frozen=True)
class Header:
    left: list[str]  # the parent unit, then the unit (bold)
    right: list[str]  # "ĐẢNG CỘNG SẢN VIỆT NAM"
    place_date: str  # "Phú Thọ, ngày 1 tháng 6 năm 2025", in italics
    mark: str = RULE  # under the unit: "*" on a Party document


@dataclass(frozen=True)
class Title:
    text: str
    subtitle: str = ""


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Para:
    text: str
    bold: bool = False
    italic: bool = False
    center: bool = False
    small: bool = False  # a note in the margin's size (11 pt), not part of the text


@dataclass(frozen=True)
class Table:
    columns: list[str]
    rows: list[list[str]]
    align: str = ""  # one letter per column: l, r or c (default l)
    widths: tuple[float, ...] = ()  # the columns' shares of the page's width in .docx (default: by their content)
    row_height: float = 0  # the least height of a body row in .docx, in cm (room for a signature)


@dataclass(frozen=True)
class Signatures:
    blocks: list[tuple[str, list[str]]]  # (role, names) side by side; names may be empty (signed by hand)


@dataclass(frozen=True)
class QR:
    payload: str
    caption: str


@dataclass
class Document:
    blocks: list = field(default_factory=list)
    landscape: bool = False
    page_numbers: bool = True  # from the second page on (a ballot has none: every ballot is the same)

    def add(self, *blocks) -> Document:
        self.blocks.extend(blocks)
        return self


def header_for(congress, day: date, lang: str) -> Header:
    """The standard header from the scenario's [congress] table (parent, unit, locality) and the congress date."""
    left = [x.upper() for x in (congress.parent, congress.unit) if x]
    when = long_date(day, lang)
    place_date = f"{congress.locality}, {when}" if congress.locality else when[:1].upper() + when[1:]
    party = lang == "vi"
    return Header(left, [PARTY] if party else [], place_date, STAR if party else RULE)


# ---- user text ---------------------------------------------------------------------------------------------------
# Characters a document never keeps from what people typed or pasted: control characters (XML 1.0 refuses most, and
# a terminal or a viewer may act on them) and the bidirectional controls (U+202E and its kin reverse what a reader
# sees, so a name or a figure would read otherwise than it is written).
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
                     "\ufffe\uffff]")
_MD_MARKS = re.compile(r"([\\`*_\[\]])")  # what Markdown would read as emphasis, code, a link or an escape


def clean(text: str) -> str:
    """Text as a document writes it: without control and bidirectional-control characters (.docx and .md)."""
    return _UNSAFE.sub("", text)


def md_text(text: str) -> str:
    """Text as Markdown shows it literally: cleaned, HTML escaped (a `<script>` is text), Markdown's marks escaped."""
    text = clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_MARKS.sub(r"\\\1", text)


# ---- Markdown ----------------------------------------------------------------------------------------------------
def _cell(text: str) -> str:
    return md_text(text).replace("|", "\\|").replace("\n", "<br>")


def to_md(doc: Document) -> str:
    out: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Header):
            left = [f"**{_cell(x)}**" if i == len(block.left) - 1 else _cell(x) for i, x in enumerate(block.left)]
            left += [_cell(block.mark)] if block.left else []
            right = [f"**{_cell(x)}**" for x in block.right] + ([RULE] if block.right else [])
            rows = max(len(left), len(right))
            left += [""] * (rows - len(left))
            right += [""] * (rows - len(right))
            lines = [f"| {a} | {b} |" for a, b in zip(left, right)]
            out += [lines[0], "|:---:|:---:|", *lines[1:], "", f"*{md_text(block.place_date)}*", ""]
        elif isinstance(block, Title):
            out += [f"# {md_text(block.text)}", ""]
            if block.subtitle:
                out += [f"**{md_text(block.subtitle)}**", ""]
        elif isinstance(block, Heading):
            out += [f"## {md_text(block.text)}", ""]
        elif isinstance(block, Para):
            text = md_text(block.text)
            if block.bold:
                text = f"**{text}**"
            if block.italic:
                text = f"*{text}*"
            out += [text, ""]
        elif isinstance(block, Table):
            marks = {"l": ":---", "r": "---:", "c": ":---:"}
            align = block.align.ljust(len(block.columns), "l")
            out.append("| " + " | ".join(_cell(c) for c in block.columns) + " |")
            out.append("|" + "|".join(marks[a] for a in align) + "|")
            out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in block.rows]
            out.append("")
        elif isinstance(block, Signatures):
            out.append("| " + " | ".join(f"**{_cell(role)}**" for role, _ in block.blocks) + " |")
            out.append("|" + "|".join(":---:" for _ in block.blocks) + "|")
            out.append("| " + " | ".join("<br><br><br>" + "<br>".join(_cell(n) for n in names)
                                         for _, names in block.blocks) + " |")
            out.append("")
        elif isinstance(block, QR):
            out += [md_text(block.caption), "", f"`{clean(block.payload).replace('`', '')}`", ""]
        else:
            raise TypeError(f"unknown block {block!r}")
    return "\n".join(out).rstrip() + "\n"


def write_md(doc: Document, path: str) -> None:
    _atomic_write(path, to_md(doc).encode("utf-8"))


# ---- .docx -----------------------------------------------------------------------------------------------------
def qr_png(payload: str, scale: int = 8, border: int = 4) -> bytes:
    """A black-on-white PNG of the QR code, made without Pillow (qrcode's matrix, zlib, and a few bytes of PNG)."""
    matrix = qr_matrix(payload, border)
    rows = []
    for line in matrix:
        pixels = b"".join((b"\x00" if dark else b"\xff") * scale for dark in line)
        rows.extend([b"\x00" + pixels] * scale)  # filter byte 0, then 8-bit grey pixels
    size = len(matrix) * scale

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))


PAGE_UNITS = 72  # the text width of an A4 page (16 cm) in units of 2.2 mm, an average letter of 13 pt Times
WIDE_TEXT = 40  # a text column wider than this wraps rather than take the page from the others
CELL_MARGIN = 2.5  # a cell's own left and right margins (0.19 cm each in Word and LibreOffice), and a little air


def _text_width(text: str) -> float:
    """How wide a text is set in 13 pt Times New Roman, in units of an average lowercase letter: capitals and
    digits are wider, spaces and punctuation narrower (close enough to keep a name on one line)."""
    width = 0.0
    for ch in text:
        if ch.isupper():
            width += 1.45
        elif ch.isdigit():
            width += 1.1
        elif ch in " .,:;!'|":
            width += 0.55
        else:
            width += 1.0
    return width


def content_widths(columns: list[str], rows: list[list[str]], align: str = "") -> tuple[float, ...]:
    """The columns' shares of the page, from what they hold: each as wide as its longest line (a text column at
    most WIDE_TEXT letters), never narrower than its longest word (a name or a title wraps between words, never
    inside one; a number or a time never wraps); room left over goes to the text columns, so numbers stay narrow
    and names and titles do not wrap."""
    count = len(columns)
    align = align.ljust(count, "l")
    longest_word = [0.0] * count
    longest_line = [0.0] * count
    for c, head in enumerate(columns):
        longest_word[c] = max((_text_width(word) for word in head.split()), default=1.0)
    for row in rows:
        for c, value in enumerate(row[:count]):
            for line in str(value).split("\n"):
                longest_line[c] = max(longest_line[c], _text_width(line))
                longest_word[c] = max(longest_word[c], max((_text_width(w) for w in line.split()), default=0.0))
    want = [max(longest_word[c], min(longest_line[c], WIDE_TEXT if align[c] == "l" else longest_line[c]))
            + CELL_MARGIN for c in range(count)]
    least = [longest_word[c] + CELL_MARGIN for c in range(count)]
    over = sum(want) - PAGE_UNITS
    if over > 0:  # too wide: the widest columns give back first (a long title wraps before a name does)
        want = _level_from_the_top(want, least, over)
    else:  # room to spare: the columns that wrap take it (else the text columns), so that their lines wrap less
        text = [c for c in range(count) if longest_line[c] + CELL_MARGIN > want[c] + 1e-9] or \
            [c for c in range(count) if align[c] == "l"] or list(range(count))
        share = sum(want[c] for c in text)
        want = [w + (-over * w / share if c in text else 0) for c, w in enumerate(want)]
    return tuple(float(w) for w in want)


def _level_from_the_top(want: list[float], least: list[float], over: float) -> list[float]:
    """Lower the widest columns to a common level (never below their longest word) until `over` is given back."""
    want = list(want)
    while over > 1e-9:
        room = [c for c in range(len(want)) if want[c] - least[c] > 1e-9]
        if not room:
            break
        top = max(want[c] for c in room)
        widest = [c for c in room if want[c] >= top - 1e-9]
        below = max([want[c] for c in room if c not in widest] + [max(least[c] for c in widest)])
        step = min(over / len(widest), top - below, *(want[c] - least[c] for c in widest))
        for c in widest:
            want[c] -= step
        over -= step * len(widest)
    return want


def write_docx(doc: Document, path: str) -> None:
    _atomic_write(path, to_docx(doc))


def to_docx(doc: Document) -> bytes:
    from docx import Document as Docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, Twips

    document = Docx()
    _explicit_fonts(document)
    section = document.sections[0]
    section.page_width, section.page_height = Twips(11906), Twips(16838)  # A4
    if doc.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    # Hướng dẫn 36-HD/VPTW: top and bottom 20-25 mm, left 30-35 mm, right 15-20 mm
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    if doc.page_numbers:
        _page_numbers(section)
    last: list = [None]  # the paragraph written last, kept with a signature block that follows it
    last_table: list = [None]  # the table just written, if nothing came after it

    def paragraph(container, text: str = "", bold=False, italic=False, align=None, size=SIZE, after=4):
        p = container.add_paragraph()
        p.paragraph_format.space_after = Pt(after)
        if align is not None:
            p.alignment = align
        if text:
            run = p.add_run(_xml_safe(text))
            run.bold, run.italic = bold or None, italic or None
            _run_font(run, size)
        last[0] = p
        return p

    center, justify = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY
    for block in doc.blocks:
        if isinstance(block, Header):
            table = document.add_table(rows=1, cols=2)
            left, right_cell = table.rows[0].cells
            for cell, lines in ((left, block.left), (right_cell, block.right)):
                cell.paragraphs[0].text = ""
                for index, line in enumerate(lines):
                    target = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
                    target.alignment = center
                    target.paragraph_format.space_after = Pt(0)
                    run = target.add_run(_xml_safe(line))
                    run.bold = cell is right_cell or index == len(lines) - 1 or None
                    _run_font(run, 13)
                if lines:
                    rule = cell.add_paragraph()
                    rule.alignment = center
                    _run_font(rule.add_run(block.mark if cell is left else RULE), 13)
            paragraph(right_cell, block.place_date, italic=True, align=center)
        elif isinstance(block, Title):
            title = paragraph(document, block.text, bold=True, align=center, size=16, after=0 if block.subtitle else 10)
            title.paragraph_format.keep_with_next = True
            if block.subtitle:
                paragraph(document, block.subtitle, bold=True, align=center, after=10).paragraph_format.keep_with_next \
                    = True
        elif isinstance(block, Heading):
            paragraph(document, block.text, bold=True, after=4).paragraph_format.keep_with_next = True
        elif isinstance(block, Para):
            paragraph(document, block.text, bold=block.bold, italic=block.italic,
                      align=center if block.center else justify, size=11 if block.small else SIZE)
        elif isinstance(block, Table):
            table = document.add_table(rows=1, cols=len(block.columns))
            table.style = document.styles["Table Grid"]
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            widths = block.widths or content_widths(block.columns, block.rows, block.align)
            table.autofit = False
            _fixed_layout(table)  # Word and LibreOffice both keep the widths given, not their own guesses
            page = section.page_width - section.left_margin - section.right_margin
            for column, cell, share in zip(table.columns, table.rows[0].cells, widths):
                column.width = cell.width = int(page * share / sum(widths))
            _repeat_header(table.rows[0])
            for cell, value in zip(table.rows[0].cells, block.columns):
                cell_p = cell.paragraphs[0]
                cell_p.alignment = center
                run = cell_p.add_run(_xml_safe(value))
                run.bold = True
                _run_font(run, 13)
            _add_rows(table, block.rows, block.align.ljust(len(block.columns), "l"), block.row_height)
            paragraph(document, after=2)
            last_table[0] = table
            continue
        elif isinstance(block, Signatures):
            if last[0] is not None:  # what they sign ends on the page the signatures are on
                last[0].paragraph_format.keep_with_next = True
            if last_table[0] is not None:  # a table's last row too (the attendance sheet), not only the gap under it
                for cell in last_table[0].rows[-1].cells:
                    for p in cell.paragraphs:
                        p.paragraph_format.keep_with_next = True
            table = document.add_table(rows=1, cols=len(block.blocks))
            table.rows[0]._tr.get_or_add_trPr().append(_cant_split())
            for cell, (role, names) in zip(table.rows[0].cells, block.blocks):
                cell.paragraphs[0].alignment = center
                run = cell.paragraphs[0].add_run(_xml_safe(role))
                run.bold = True
                _run_font(run, SIZE)
                for _ in range(3):
                    cell.add_paragraph()
                for name in names:
                    p = cell.add_paragraph()
                    p.alignment = center
                    bold = p.add_run(_xml_safe(name))
                    bold.bold = True
                    _run_font(bold, SIZE)
        elif isinstance(block, QR):
            p = paragraph(document, align=center, after=0)
            modules = len(qr_matrix(block.payload))  # at least half a millimetre a module, so a phone reads it
            p.add_run().add_picture(io.BytesIO(qr_png(block.payload)), width=Cm(max(3.5, modules * 0.05)))
            paragraph(document, block.caption, italic=True, align=center, size=11, after=0)
            paragraph(document, block.payload, align=center, size=10)
        else:
            raise TypeError(f"unknown block {block!r}")
        last_table[0] = None
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


_JC = {"l": "left", "r": "right", "c": "center"}
_CELL_RUN = (f'<w:r><w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
             '<w:sz w:val="26"/></w:rPr>')  # 13 pt, the size of every table cell


def _xml_safe(text: str) -> str:
    return clean(text)


def _add_rows(table, rows: list[list[str]], align: str, height_cm: float = 0) -> None:
    """The body rows of a table, written as WordprocessingML in one piece: python-docx builds a cell at a time
    (about 750 rows a second), which made the national entry log (3,300 rows) take 8 s; this takes a fraction of it.
    Every run names Times New Roman in each script slot at 13 pt, like the cells _run_font writes."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    if not rows:
        return
    widths = [tc.tcPr.tcW.w for tc in table.rows[0]._tr.tc_lst]
    cells = [f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{w}"/></w:tcPr><w:p><w:pPr><w:jc w:val="{_JC[a]}"/></w:pPr>'
             for w, a in zip(widths, align)]
    row = "<w:tr><w:trPr><w:cantSplit/>"  # a row never splits across pages
    if height_cm:
        row += f'<w:trHeight w:val="{round(height_cm * 567)}" w:hRule="atLeast"/>'  # twips
    row += "</w:trPr>"
    out = []
    for values in rows:
        out.append(row)
        for c, value in enumerate(values[:len(cells)]):
            out.append(cells[c])
            if value:
                out.append(_CELL_RUN)
                out.append("<w:br/>".join(
                    "<w:tab/>".join(f'<w:t xml:space="preserve">{escape(piece)}</w:t>' if piece else ""
                                    for piece in line.split("\t"))
                    for line in _xml_safe(value).split("\n")))
                out.append("</w:r>")
            out.append("</w:p></w:tc>")
        for c in range(len(values), len(cells)):  # a short row: empty cells, as python-docx would leave them
            out.append(cells[c] + "</w:p></w:tc>")
        out.append("</w:tr>")
    body = parse_xml(f"<w:tbl {nsdecls('w')}>{''.join(out)}</w:tbl>")
    tbl = table._tbl
    for tr in list(body):
        tbl.append(tr)


def _cant_split():
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    return parse_xml(f'<w:cantSplit {nsdecls("w")}/>')


def _page_numbers(section) -> None:
    """Page numbers centred at the top from the second page on (the first page's header is left empty)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run()
    _run_font(run, SIZE)
    for xml in (f'<w:fldChar {nsdecls("w")} w:fldCharType="begin"/>',
                f'<w:instrText {nsdecls("w")} xml:space="preserve"> PAGE </w:instrText>',
                f'<w:fldChar {nsdecls("w")} w:fldCharType="end"/>'):
        run._r.append(parse_xml(xml))


def _fixed_layout(table) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    table._tbl.tblPr.append(parse_xml(f'<w:tblLayout {nsdecls("w")} w:type="fixed"/>'))


def _repeat_header(row) -> None:
    """The header row is repeated at the top of every page the table runs onto, and never split."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    row._tr.get_or_add_trPr().append(_cant_split())
    row._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))


def _run_font(run, size: int) -> None:
    run.font.name = FONT
    run.font.size = _pt(size)
    _set_fonts(run._element.get_or_add_rPr())


def _pt(size: int):
    from docx.shared import Pt

    return Pt(size)


def _set_fonts(rpr) -> None:
    """Every script slot names Times New Roman and no theme font remains to override it (Word prefers themes)."""
    from docx.oxml.ns import qn

    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)


def _explicit_fonts(document) -> None:
    from docx.oxml.ns import qn

    styles = document.styles.element
    for fonts in styles.iter(qn("w:rFonts")):
        _set_fonts(fonts.getparent())
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if rpr is not None:
            _set_fonts(rpr)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = _pt(SIZE)
    _set_fonts(normal.element.get_or_add_rPr())


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_files(files: list[tuple[str, bytes]]) -> None:
    """Write a set of documents all or none: every one to a temporary file beside its target first (fsynced), then
    each renamed over its name; a failure before the renames (a full disk, a folder we may not write) leaves no
    temporary file and changes nothing."""
    temps: list[tuple[str, str]] = []
    try:
        for path, data in files:
            folder = os.path.dirname(os.path.abspath(path))
            fd, temp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=os.path.splitext(path)[1])
            temps.append((temp, path))
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.chmod(temp, 0o666 & ~_umask())  # mkstemp makes it private (0600): as readable as any file
        for temp, path in temps:
            os.replace(temp, path)
    except BaseException:
        for temp, _ in temps:
            if os.path.exists(temp):
                os.unlink(temp)
        raise


def _atomic_write(path: str, data: bytes) -> None:
    """Write beside the target and rename, so a half-written document is never left under its name."""
    write_files([(path, data)])

"""The printed ballot (reports/ballot.py, run.py ballots print), checked on a render of the PDF: the paper's size,
the QR code as a reader decodes it, the four corner squares where the layout puts them, the fonts embedded and
every Vietnamese name in the text; the .docx; the command line's refusals."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
import zxingcpp
from docx import Document as Docx
from docx.oxml.ns import qn

from ballot_congress import make_congress, names
from runsheet.cli.ballot_papers import round_paper
from runsheet.errors import DomainError
from runsheet.reports.ballot import ballot_docx, ballot_pdf, layout, payload
from runsheet.rules.ballot_code import parse_ballot_code

ROOT = Path(__file__).resolve().parents[2]
DPI = 200
ENV = {**os.environ, "PYTHONUTF8": "1", "PYTHONIOENCODING": "utf-8"}


@pytest.fixture(scope="module")
def congress(tmp_path_factory):
    return make_congress(tmp_path_factory.mktemp("ballots"), candidates=60, seats=50)


def render(data: bytes, page: int = 0) -> np.ndarray:
    pdf = pdfium.PdfDocument(data)
    return np.asarray(pdf[page].render(scale=DPI / 72, grayscale=True).to_pil().convert("L"))


def px(mm: float) -> int:
    return round(mm * DPI / 25.4)


def test_the_a5_ballot_renders_with_its_marks_and_every_name(congress):
    state = congress.state
    paper = round_paper(state, "bch")
    data = ballot_pdf(state, paper, "A5", "vi", copies=2)
    pdf = pdfium.PdfDocument(data)
    assert len(pdf) == 2
    width, height = pdf[0].get_size()
    assert abs(width - 148 / 25.4 * 72) < 0.1 and abs(height - 210 / 25.4 * 72) < 0.1
    image = render(data)
    assert np.array_equal(image, render(data, 1))  # every copy the same: no serial, nothing to tell them apart
    found = zxingcpp.read_barcodes(image)
    assert [f.text for f in found] == [payload(state, paper)]
    code = parse_ballot_code(found[0].text)
    assert (code.congress, code.election, code.round) == (state.congress_id[:8], "bch", 1)
    sheet = layout(paper, "A5")
    for mark in sheet.fiducials:
        x0, y0, x1, y1 = px(mark.x), px(mark.y), px(mark.right), px(mark.bottom)
        assert image[y0 + 2:y1 - 2, x0 + 2:x1 - 2].max() < 80  # solid
        ring = np.concatenate([image[y0 - 6:y0 - 3, x0:x1].ravel(), image[y1 + 3:y1 + 6, x0:x1].ravel(),
                               image[y0:y1, x0 - 6:x0 - 3].ravel(), image[y0:y1, x1 + 3:x1 + 6].ravel()])
        assert ring.min() > 200  # and alone: white just outside it
    text = pdf[0].get_textpage().get_text_range()
    text = unicodedata.normalize("NFC", text)
    for name in names(60):
        assert name in text
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "PHIẾU BẦU BAN CHẤP HÀNH ĐẢNG BỘ KHÓA XX" in text
    assert "NHIỆM KỲ 2025–2030" in text
    assert data.count(b"/FontFile2") >= 2 and b"DejaVuSerif" in data  # TrueType fonts embedded


def test_each_name_is_in_its_row_numbered_as_the_counting_screen_numbers_it(congress):
    state = congress.state
    paper = round_paper(state, "bch")
    pdf = pdfium.PdfDocument(ballot_pdf(state, paper, "A5", "vi"))
    page = pdf[0].get_textpage()
    _, height = pdf[0].get_size()
    listed = [state.roster.get(c).name for c in paper.candidates]
    for row in layout(paper, "A5").rows:
        box = row.name_box
        # PDF points from the bottom left
        left, right = box.x / 25.4 * 72, box.right / 25.4 * 72
        top, bottom = height - box.y / 25.4 * 72, height - box.bottom / 25.4 * 72
        inside = unicodedata.normalize("NFC", page.get_text_bounded(left, bottom, right, top)).strip()
        assert inside == listed[row.number - 1]


def test_the_approve_form_has_agree_and_disagree_columns(tmp_path):
    state = make_congress(tmp_path, candidates=3, seats=3).state
    paper = round_paper(state, "bch")
    assert paper.form == "approve"
    data = ballot_pdf(state, paper, "A4", "vi")
    text = pdfium.PdfDocument(data)[0].get_textpage().get_text_range()
    assert "Đồng ý" in text and "Không đồng ý" in text
    assert len(zxingcpp.read_barcodes(render(data))) == 1


def test_the_docx_lists_the_names_in_times_new_roman(congress):
    state = congress.state
    paper = round_paper(state, "bch")
    import io

    document = Docx(io.BytesIO(ballot_docx(state, paper, "A5", "vi")))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    for name in names(60):
        assert name in cells
    assert round(document.sections[0].page_width.mm) == 148
    for fonts in document.element.iter(qn("w:rFonts")):
        assert fonts.get(qn("w:asciiTheme")) is None


def test_a_list_emptied_by_withdrawals_has_no_ballot(tmp_path):
    state = make_congress(tmp_path, candidates=3, seats=2).state
    state.withdrawn["bch"] = {"M001", "M002", "M003"}
    with pytest.raises(DomainError) as caught:
        round_paper(state, "bch")
    assert caught.value.key == "ballot.err.no_list"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "run.py"), *args], capture_output=True, text=True, env=ENV,
                          cwd=ROOT)


def test_the_command_writes_the_pdf_and_the_docx(tmp_path):
    session = make_congress(tmp_path, candidates=8, seats=6)
    out = tmp_path / "phieu"
    done = run("ballots", "print", "--db", session.log.path, "bch", "--out", str(out), "--copies", "3",
               "--size", "A5")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == ["bch-vong-1-phieu-bau.docx", "bch-vong-1-phieu-bau.pdf"]
    assert len(pdfium.PdfDocument(str(out / "bch-vong-1-phieu-bau.pdf"))) == 3
    assert "3 tờ A5, 8 tên" in done.stdout


@pytest.mark.parametrize("args, words", [
    (("nope",), "'nope'"),
    (("bch", "--copies", "0"), "0"),
    (("bch", "--size", "A3"), "A3"),
])
def test_the_command_refuses_in_one_line_and_writes_nothing(tmp_path, args, words):
    session = make_congress(tmp_path, candidates=8, seats=6)
    out = tmp_path / "phieu"
    done = run("ballots", "print", "--db", session.log.path, *args, "--out", str(out))
    assert done.returncode == 2 and done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1 and words in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()

"""Documents written straight to PDF (reports/document_pdf.py, fpdf2), as `counting-minutes --pdf` writes the ballot
entry log: read back with pdfium, they pass the checks the LibreOffice PDFs pass (test_pdf.py): A4, the margins of
Party documents, fonts embedded, the Vietnamese composed (NFC) and the names whole, page numbers centred at the top
from the second page, the table's header row on every page and no row split across two, the QR code decoding.
A moderate entry log (two passes of 160 ballots, some ten pages): the national one is bench/bench_entry_log_pdf.py's."""

from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path

import pytest

from full_congress import drive
from runsheet.commands import create
from runsheet.reports.counting import build_entry_log, write_counting_minutes
from runsheet.reports.document import Para, Signatures, Table
from runsheet.reports.document_pdf import to_pdf
from runsheet.reports.minutes import build_minutes

A4 = (595.3, 841.9)  # points
MEMBERS, SEATS = 160, 10
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
GIVEN = ["Thị Thu Hằng", "Quốc Hùng", "Văn Dũng", "Ngọc Ánh", "Hữu Phước", "Thị Yến", "Mạnh Cường", "Xuân Trường"]
CANDIDATES = ["Nguyễn Thị Phương Thảo", "Lê Thị Thu Hằng", "Trần Mạnh Hùng", "Hoàng Thị Lan", "Phạm Quốc Thành",
              "Ngô Thị Dung", "Đặng Hữu Phước", "Vũ Ngọc Ánh", "Bùi Xuân Trường", "Huỳnh Thị Yến", "Đỗ Văn Dũng",
              "Võ Mạnh Cường"]


def moderate_congress(folder: Path):
    """A congress of 160 members, one election of 12 names for 10 seats, two passes of 160 ballots, closed."""
    rng = random.Random(17)
    rows = ["id,name,status,flags"] + [f"C{i:02d},{name},official," for i, name in enumerate(CANDIDATES, 1)]
    rows += [f"M{i:03d},{rng.choice(FAMILY)} {rng.choice(GIVEN)},official," for i in range(len(CANDIDATES) + 1,
                                                                                           MEMBERS + 1)]
    (folder / "roster.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    ids = [row.split(",")[0] for row in rows[1:]]
    (folder / "congress.toml").write_text(f"""[congress]
title = "Đại hội Đảng bộ phường Hạ Long (dữ liệu thử)"
parent = "Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh Quảng Ninh"
unit = "Đảng bộ phường Hạ Long"
locality = "Quảng Ninh"
term = "2025–2030"
start = "08:00"
language = "vi"
kind = "members"

[[election]]
id = "bch"
title = "Bầu Ban Chấp hành Đảng bộ"
seats = {SEATS}
candidates = [{", ".join(f'"C{i:02d}"' for i in range(1, len(CANDIDATES) + 1))}]

[[step]]
id = "bau-cu"
title = "Bầu cử"
minutes = 60
election = "bch"
""", encoding="utf-8")
    ballots = ["ballot,struck"] + [f"{n},{' '.join(map(str, sorted(rng.sample(range(1, 13), 2))))}"
                                   for n in range(1, MEMBERS + 1)]
    (folder / "ballots.csv").write_text("\n".join(ballots) + "\n", encoding="utf-8")
    session = create(str(folder / "congress.json"), str(folder / "congress.toml"), str(folder / "roster.csv"),
                     terminal="kiem-phieu-1", congress_date="2025-06-01")
    session.attendance.attend(ids)
    session.voting.open_round("bch", passes=2)
    for pass_no in (1, 2):
        session.voting.import_ballots("bch", str(folder / "ballots.csv"), pass_no)
    session.voting.close_round("bch", MEMBERS)
    return session


@pytest.fixture(scope="module")
def entry_log(tmp_path_factory):
    session = moderate_congress(tmp_path_factory.mktemp("moderate"))
    doc = build_entry_log(session.log.events, session.state, "bch", "vi")
    return doc, to_pdf(doc)


def pages(data: bytes):
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    return [document[i] for i in range(len(document))]


def page_text(page) -> str:
    return unicodedata.normalize("NFC", page.get_textpage().get_text_range())


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_every_page_is_a4_with_the_margins_of_party_documents(entry_log):
    _, data = entry_log
    rendered = pages(data)
    assert len(rendered) >= 5
    for number, page in enumerate(rendered, start=1):
        width, height = page.get_size()
        assert abs(width - A4[0]) < 1 and abs(height - A4[1]) < 1, number
        text = page.get_textpage()
        boxes = [text.get_charbox(i) for i in range(text.count_chars()) if not text.get_text_range(i, 1).isspace()]
        left = min(box[0] for box in boxes) / 72 * 25.4
        right = (width - max(box[2] for box in boxes)) / 72 * 25.4
        bottom = min(box[1] for box in boxes) / 72 * 25.4
        assert left >= 28 and right >= 18 and bottom >= 19, (number, left, right, bottom)  # 30, 20, 20 mm


def test_fonts_are_embedded_and_the_vietnamese_reads_back_composed(entry_log):
    _, data = entry_log
    assert b"/FontFile2" in data and b"DejaVuSerif" in data
    raw = "\n".join(p.get_textpage().get_text_range() for p in pages(data))
    assert raw == unicodedata.normalize("NFC", raw)  # ơ, ư, ầ read back as one letter each
    assert "NHẬT KÝ NHẬP PHIẾU" in raw and "Đại hội Đảng bộ phường Hạ Long" in raw
    for name in CANDIDATES:  # whole on one line: a cell sized to its names never breaks one
        assert name in raw, name


def test_page_numbers_centred_at_the_top_from_the_second_page(entry_log):
    _, data = entry_log
    rendered = pages(data)
    first_lines = [page_text(p).strip().splitlines()[0].strip() for p in rendered]
    assert first_lines[0] != "1" and first_lines[1:] == [str(n) for n in range(2, len(rendered) + 1)]
    page = rendered[1]
    text = page.get_textpage()
    box = text.get_charbox(0)
    width, height = page.get_size()
    assert abs((box[0] + box[2]) / 2 - width / 2) < 6 and height - box[3] < 20 / 25.4 * 72  # centred, in the margin


def test_the_header_row_is_on_every_page_and_no_row_is_split(entry_log):
    doc, data = entry_log
    log = [block for block in doc.blocks if isinstance(block, Table)][-1]
    texts = [words(page_text(p)) for p in pages(data)]
    header = " ".join(words(c) for c in log.columns)
    with_rows = [n for n, text in enumerate(texts) if "gạch" in text or "không gạch" in text]
    assert len(with_rows) >= 4
    for n in with_rows:
        assert header in texts[n], n
    for row in log.rows:  # a row's cells, in order, all on one page
        line = words(" ".join(value for value in row if value))
        assert any(line in text for text in texts), line


def test_the_qr_code_decodes_and_the_signatures_stand_with_what_they_sign(tmp_path):
    import zxingcpp

    session = drive(tmp_path / "congress.json")
    doc = build_minutes(session.state, "vi", session.now())
    found, signed = [], []
    for page in pages(to_pdf(doc)):
        found += [r.text for r in zxingcpp.read_barcodes(page.render(scale=200 / 72).to_pil()) if r.valid]
        signed.append(words(page_text(page)))
    assert any(text.startswith("RSL1|") for text in found)
    roles = next(block for block in doc.blocks if isinstance(block, Signatures)).blocks
    before = next(block for block, after in zip(doc.blocks, doc.blocks[1:]) if isinstance(after, Signatures))
    assert isinstance(before, Para)
    page = next(text for text in signed if words(roles[0][0]) in text)
    assert words(before.text)[-30:] in page


def test_counting_minutes_write_the_entry_log_pdf_directly_without_libreoffice(tmp_path, monkeypatch):
    from runsheet.reports import pdf

    monkeypatch.setattr(pdf, "office", lambda: None)
    session = moderate_congress(tmp_path)
    written = write_counting_minutes(session.log.events, session.state, "bch", str(tmp_path / "out"), "vi",
                                     log_pdf=True)
    made = [Path(p) for p in written if p.endswith(".pdf")]
    assert [p.name for p in made] == ["bch-vong-1-nhat-ky-nhap-phieu.pdf"]
    assert made[0].read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize("ending", ["paragraph", "table"])
def test_the_signatures_are_never_alone_on_a_page(ending):
    """What is signed ends near a page's foot, with no room under it for the signatures: its last words (or the
    table's last row) go to the next page with them."""
    from runsheet.reports.document import Document, Title

    def body(lines: int) -> Document:
        if ending == "table":
            return Document().add(Title("DANH SÁCH"), Table(["TT", "Họ và tên"], [[str(n), f"Đảng viên thứ {n}"]
                                                                                  for n in range(1, lines + 1)], "cl"))
        return Document().add(Title("BIÊN BẢN"), *(Para(f"Dòng thứ {n} của biên bản.") for n in range(1, lines + 1)))

    def laid_out(doc: Document) -> list[str]:
        return [words(page_text(p)) + " " for p in pages(to_pdf(doc))]

    first = laid_out(body(80))[0]
    fit = max(n for n in range(1, 81) if f"thứ {n} " in first)
    doc = body(fit - 1).add(Signatures([("THƯ KÝ", ["Phan Thị Hòa"]), ("CHỦ TỊCH", ["Trần Mạnh Hùng"])]))
    signed = laid_out(doc)
    page = next(n for n, text in enumerate(signed) if "THƯ KÝ" in text)
    assert page > 0 and f"thứ {fit - 1} " in signed[page] and "Trần Mạnh Hùng" in signed[page]

"""The documents as an office prints them: rendered to PDF by LibreOffice headless (as `--pdf` makes them), then
read back: A4, the margins of Party documents, fonts embedded with every Vietnamese letter, names of ordinary
length whole in their cells, page numbers from the second page, the QR code still decoding. Skipped, saying why,
where LibreOffice is not installed (.ci/run installs it)."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from full_congress import PRESENT, START, drive
from runsheet.clock import FakeClock
from runsheet.commands import create
from runsheet.reports import pdf

ROOT = Path(__file__).resolve().parents[2]
needs_office = pytest.mark.skipif(pdf.office() is None, reason="LibreOffice is not installed "
                                  "(apt install libreoffice-writer-nogui)")
A4 = (595.3, 841.9)  # points
A5 = (419.5, 595.3)
NAMES = ["Ngô Thị Dung", "Lê Thị Thu Hằng", "Lê Quốc Hùng", "Trần Mạnh Hùng", "Hoàng Thị Lan", "Phạm Quốc Thành"]


def run(*args, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "run.py", *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=300, env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})})


@pytest.fixture(scope="module")
def congress(tmp_path_factory):
    return drive(tmp_path_factory.mktemp("pdf") / "congress.json")


@pytest.fixture(scope="module")
def printed(congress, tmp_path_factory) -> dict[str, Path]:
    if pdf.office() is None:
        pytest.skip("LibreOffice is not installed (apt install libreoffice-writer-nogui)")
    out = tmp_path_factory.mktemp("printed")
    for args in (("minutes",), ("counting-minutes", "chi-uy")):
        done = run(*args, "--db", congress.path, "--out", out, "--pdf")
        assert done.returncode == 0, done.stderr
    return {path.stem: path for path in out.glob("*.pdf")}


def pages(path: Path):
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    return [document[i] for i in range(len(document))]


def test_pdf_is_refused_before_anything_is_written_without_libreoffice(congress, tmp_path):
    out = tmp_path / "out"
    done = run("minutes", "--db", congress.path, "--out", out, "--pdf", env={"PATH": str(tmp_path / "empty")})
    assert done.returncode == 2 and "LibreOffice" in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()


def test_a_pdf_left_by_an_earlier_run_is_removed_when_its_docx_is_written_again_without_pdf(congress, tmp_path):
    first = run("minutes", "--db", congress.path, "--out", tmp_path)
    docx = Path(next(line for line in first.stdout.splitlines() if line.endswith(".docx")))
    stale, other = docx.with_suffix(".pdf"), tmp_path / "to-trinh.pdf"
    stale.write_bytes(b"%PDF-1.4 the minutes as they stood this morning")
    other.write_bytes(b"%PDF-1.4 not ours")
    again = run("minutes", "--db", congress.path, "--out", tmp_path)
    assert again.returncode == 0, again.stderr
    assert not stale.exists() and other.exists()
    assert str(stale) in again.stdout and "PDF" in again.stdout


@needs_office
def test_every_page_is_a4_with_the_margins_of_party_documents(printed):
    for name, path in printed.items():
        for number, page in enumerate(pages(path), start=1):
            width, height = page.get_size()
            assert abs(width - A4[0]) < 1 and abs(height - A4[1]) < 1, (name, number)
            text = page.get_textpage()
            boxes = [text.get_charbox(i) for i in range(text.count_chars())
                     if not text.get_text_range(i, 1).isspace()]
            left = min(box[0] for box in boxes) / 72 * 25.4
            right = (width - max(box[2] for box in boxes)) / 72 * 25.4
            assert left >= 28 and right >= 13, (name, number, left, right)  # 30 mm and 20 mm, less a table's rule


@needs_office
def test_fonts_are_embedded_and_the_vietnamese_reads_back(printed):
    for name, path in printed.items():
        raw = path.read_bytes()
        assert b"/FontFile2" in raw or b"/FontFile3" in raw, name
    minutes = unicodedata.normalize("NFC", "\n".join(p.get_textpage().get_text_range() for p in
                                                     pages(printed["bien-ban-dai-hoi"])))
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in minutes and "BIÊN BẢN ĐẠI HỘI" in minutes
    for name in NAMES:  # whole on one line: a cell sized to its names never breaks one
        assert name in minutes, name


@needs_office
def test_the_entry_log_pdf_is_written_directly_and_the_minutes_through_libreoffice(printed):
    import pypdfium2 as pdfium

    def made_by(name: str) -> str:
        metadata = pdfium.PdfDocument(str(printed[name])).get_metadata_dict()
        return f"{metadata.get('Creator')} {metadata.get('Producer')}"

    assert made_by("chi-uy-vong-1-nhat-ky-nhap-phieu").startswith("runsheet")  # document_pdf.py
    assert "LibreOffice" in made_by("chi-uy-vong-1-bien-ban-kiem-phieu")


@needs_office
def test_page_numbers_from_the_second_page(printed):
    numbered = pages(printed["bien-ban-dai-hoi"])
    assert len(numbered) >= 2
    first_lines = [p.get_textpage().get_text_range().strip().splitlines()[0].strip() for p in numbered]
    assert first_lines[0] != "1" and first_lines[1:] == [str(n) for n in range(2, len(numbered) + 1)]


@needs_office
def test_the_qr_codes_still_decode_from_the_rendered_pages(printed):
    import zxingcpp

    found = []
    for name in ("bien-ban-dai-hoi", "chi-uy-vong-1-bien-ban-kiem-phieu"):
        for page in pages(printed[name]):
            image = page.render(scale=200 / 72).to_pil()
            found += [r.text for r in zxingcpp.read_barcodes(image) if r.valid]
    assert any(text.startswith("RSL1|") for text in found) and any(text.startswith("RSD1|") for text in found)


@needs_office
def test_page_images_for_the_eye(printed):
    """RUNSHEET_GOLDEN=update writes the pages of the Vietnamese minutes, counting minutes and entry log (whose PDF
    runsheet writes itself) beside the golden .md (tests/golden/pages/), to be looked at when the layout changes;
    otherwise checks there is one per page."""
    folder = ROOT / "tests" / "golden" / "pages"
    for name in ("bien-ban-dai-hoi", "chi-uy-vong-1-bien-ban-kiem-phieu", "chi-uy-vong-1-nhat-ky-nhap-phieu"):
        rendered = pages(printed[name])
        if os.environ.get("RUNSHEET_GOLDEN") == "update":
            folder.mkdir(exist_ok=True)
            for old in folder.glob(f"{name}-*.png"):
                old.unlink()
            for number, page in enumerate(rendered, start=1):
                page.render(scale=1.2).to_pil().convert("L").save(folder / f"{name}-{number}.png", optimize=True)
        assert len(list(folder.glob(f"{name}-*.png"))) == len(rendered), name


# ---- the other documents: the poll's counting minutes (Mẫu 5), the attendance sheet, the printed ballots' .docx ----
@pytest.fixture(scope="module")
def others(tmp_path_factory) -> dict[str, tuple[Path, tuple[float, float]]]:
    """Each document rendered through LibreOffice, with the page size it must have. The congress: the demo's, its
    members checked in, a poll on a nominee from the floor (DV03, Nguyễn Văn Bình) closed, the chi-uy list to print."""
    if pdf.office() is None:
        pytest.skip("LibreOffice is not installed (apt install libreoffice-writer-nogui)")
    folder = tmp_path_factory.mktemp("others")
    session = create(str(folder / "congress.json"), str(ROOT / "scenarios" / "chi-bo.toml"),
                     str(ROOT / "data" / "demo-roster.csv"), clock=FakeClock(START), terminal="chu-toa",
                     congress_date="2025-06-01")
    session.attendance.attend(PRESENT)
    issued = session.voting.open_poll("chi-uy", ["DV03"]).value
    ballots = folder / "poll.csv"
    ballots.write_text("ballot,against\n" + "".join(f"{n},{'1' if n == 1 else ''}\n" for n in range(1, issued + 1)),
                       encoding="utf-8")
    session.voting.import_ballots("chi-uy", str(ballots), 1, poll=True)
    session.voting.close_poll("chi-uy")
    out = folder / "out"
    db = folder / "congress.json"
    for args in (("counting-minutes", "chi-uy", "--nomination"), ("attendance-sheet",)):
        done = run(*args, "--db", db, "--out", out, "--pdf")
        assert done.returncode == 0, done.stderr
    made = {"chi-uy-lay-y-kien-1-bien-ban-kiem-phieu": (out / "chi-uy-lay-y-kien-1-bien-ban-kiem-phieu.pdf", A4),
            "danh-sach-du-dai-hoi": (out / "danh-sach-du-dai-hoi.pdf", A4)}
    for size, page in (("A4", A4), ("A5", A5)):
        done = run("ballots", "print", "chi-uy", "--db", db, "--out", folder / size, "--size", size, "--copies", 1)
        assert done.returncode == 0, done.stderr
        docx = folder / size / "chi-uy-vong-1-phieu-bau.docx"
        made[f"phieu-bau-{size}"] = (Path(pdf.to_pdf([str(docx)])[0]), page)
    return made


@needs_office
def test_the_other_documents_render_on_their_page_with_fonts_embedded(others):
    for name, (path, size) in others.items():
        raw = path.read_bytes()
        assert b"/FontFile2" in raw or b"/FontFile3" in raw, name
        for number, page in enumerate(pages(path), start=1):
            width, height = page.get_size()
            assert abs(width - size[0]) < 1 and abs(height - size[1]) < 1, (name, number, width, height)
            if name.startswith("phieu-bau"):
                continue  # a ballot keeps its own margins
            text = page.get_textpage()
            boxes = [text.get_charbox(i) for i in range(text.count_chars())
                     if not text.get_text_range(i, 1).isspace()]
            left = min(box[0] for box in boxes) / 72 * 25.4
            right = (width - max(box[2] for box in boxes)) / 72 * 25.4
            assert left >= 28 and right >= 13, (name, number, left, right)


@needs_office
def test_the_other_documents_read_back_in_vietnamese_with_the_names_whole(others):
    def text(name: str) -> str:
        return unicodedata.normalize("NFC", "\n".join(p.get_textpage().get_text_range()
                                                       for p in pages(others[name][0])))

    poll = text("chi-uy-lay-y-kien-1-bien-ban-kiem-phieu")
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in poll and "BIÊN BẢN KIỂM PHIẾU" in poll and "Nguyễn Văn Bình" in poll
    sheet = text("danh-sach-du-dai-hoi")
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in sheet and "Ký tên" in sheet
    for name in [*NAMES, "Nguyễn Thị Hoa", "Cao Xuân Tuấn"]:
        assert name in sheet, name
    for size in ("A4", "A5"):
        ballot = text(f"phieu-bau-{size}")
        assert "PHIẾU BẦU" in ballot, size
        for name in [*NAMES, "Nguyễn Văn Bình"]:  # the nominee joined the list
            assert name in ballot, (size, name)


# ---- a signature block never alone on a page ----------------------------------------------------------------------
def rendered_pages(doc, folder: Path, name: str) -> list[str]:
    """The document's pages as LibreOffice lays them out, as text (NFC, spaces folded)."""
    from runsheet.reports.document import write_docx

    docx = folder / f"{name}.docx"
    write_docx(doc, str(docx))
    return [" ".join(unicodedata.normalize("NFC", p.get_textpage().get_text_range()).split())
            for p in pages(Path(pdf.to_pdf([str(docx)])[0]))]


@needs_office
def test_the_signatures_are_never_alone_on_a_page(tmp_path):
    """The minutes' last words end near a page's foot, with no room under them for the signatures: the words go to
    the next page with the signatures (keep with next), rather than leave them alone there."""
    from runsheet.reports.document import Document, Para, Signatures, Title

    def minutes(lines: int) -> Document:
        return Document().add(Title("BIÊN BẢN ĐẠI HỘI"), *(Para(f"Dòng thứ {n} của biên bản.") for n in
                                                              range(1, lines + 1)))

    filled = rendered_pages(minutes(80), tmp_path, "filled")
    fit = max(n for n in range(1, 81) if f"Dòng thứ {n} của" in filled[0])  # the lines page 1 holds
    closing = "Đại hội bế mạc lúc 11 giờ 30 phút cùng ngày."
    doc = minutes(fit - 2).add(Para(closing), Signatures([("THƯ KÝ", ["Phan Thị Hòa"]),
                                                          ("CHỦ TỊCH", ["Trần Mạnh Hùng"])]))
    laid_out = rendered_pages(doc, tmp_path, "signed")
    signed = next(n for n, text in enumerate(laid_out) if "THƯ KÝ" in text)
    assert signed > 0, "the signatures fit on the first page: the test no longer puts them at its foot"
    assert closing in laid_out[signed] and "Phan Thị Hòa" in laid_out[signed]


@needs_office
def test_the_signatures_under_a_table_keep_its_last_row_with_them(tmp_path):
    """The attendance sheet ends with its table, then the signature: a table that ends near a page's foot takes its
    last row to the next page with the signature."""
    from runsheet.reports.document import Document, Signatures, Table, Title

    def sheet(rows: int) -> Document:
        return Document().add(Title("DANH SÁCH ĐẢNG VIÊN DỰ ĐẠI HỘI"), Table(
            ["TT", "Họ và tên", "Ký tên"], [[str(n), f"Đảng viên thứ {n}", ""] for n in range(1, rows + 1)], "cll"))

    filled = rendered_pages(sheet(80), tmp_path, "filled")
    fit = max(n for n in range(1, 81) if f"Đảng viên thứ {n} " in filled[0] + " ")
    doc = sheet(fit - 2).add(Signatures([("NGƯỜI LẬP DANH SÁCH", ["Phan Thị Hòa"])]))
    laid_out = rendered_pages(doc, tmp_path, "signed")
    signed = next(n for n, text in enumerate(laid_out) if "NGƯỜI LẬP DANH SÁCH" in text)
    assert signed > 0, "the signature fits on the first page: the test no longer puts it at its foot"
    assert f"Đảng viên thứ {fit - 2}" in laid_out[signed] and "Phan Thị Hòa" in laid_out[signed]

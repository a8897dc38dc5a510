"""The counting minutes and the ballot entry log of a closed round (docs/rules.md, "The counting minutes"): golden
Markdown, the .docx read back (every field, explicit fonts, A4, the QR code decoded by zxing-cpp), and the refusals.

RUNSHEET_GOLDEN=update pytest tests/reports/test_counting_minutes.py rewrites the golden files (then read them)."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest
import zxingcpp
from docx import Document as Docx
from PIL import Image

from counting_round import E, VOTES, drive, normalise
from runsheet.commands import Session
from runsheet.reports.counting import CountingMinutesError, write_counting_minutes
from runsheet.store.digest_check import digest_text

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
UPDATE = os.environ.get("RUNSHEET_GOLDEN") == "update"
ENV = {**os.environ, "PYTHONUTF8": "1", "PYTHONIOENCODING": "utf-8"}


@pytest.fixture(scope="module")
def closed(tmp_path_factory) -> Session:
    return drive(tmp_path_factory.mktemp("counted") / "congress.json")


@pytest.fixture(scope="module")
def written(closed, tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("out")
    paths = [Path(p) for p in write_counting_minutes(closed.log.events, closed.state, E, str(out), "vi")]
    return {p.name: p for p in paths}


def run(*args: object) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "run.py", *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", env=ENV, timeout=120)
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr
    return proc


def docx_text(path: Path) -> str:
    doc = Docx(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


# ---- golden files ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang, kind, golden", [
    ("vi", "bien-ban-kiem-phieu", "bien-ban-kiem-phieu.md"),
    ("vi", "nhat-ky-nhap-phieu", "nhat-ky-nhap-phieu.md"),
    ("en", "counting-minutes", "counting-minutes-en.md"),
])
def test_markdown_matches_the_golden_files(closed, tmp_path, lang, kind, golden):
    paths = write_counting_minutes(closed.log.events, closed.state, E, str(tmp_path), lang)
    path = next(Path(p) for p in paths if p.endswith(f"{kind}.md"))
    text = normalise(path.read_text(encoding="utf-8"))
    if UPDATE:
        (GOLDEN / golden).write_text(text, encoding="utf-8")
    assert text == (GOLDEN / golden).read_text(encoding="utf-8")


def test_file_names_in_both_languages(closed, written, tmp_path):
    assert sorted(written) == ["chi-uy-vong-1-bien-ban-kiem-phieu.docx", "chi-uy-vong-1-bien-ban-kiem-phieu.md",
                               "chi-uy-vong-1-nhat-ky-nhap-phieu.docx", "chi-uy-vong-1-nhat-ky-nhap-phieu.md"]
    english = [Path(p).name for p in write_counting_minutes(closed.log.events, closed.state, E, str(tmp_path), "en", 1)]
    assert english == ["chi-uy-round-1-counting-minutes.docx", "chi-uy-round-1-counting-minutes.md",
                       "chi-uy-round-1-ballot-entry-log.docx", "chi-uy-round-1-ballot-entry-log.md"]


# ---- the .docx ------------------------------------------------------------------------------------------------------
def test_the_minutes_docx_holds_every_required_field(closed, written):
    text = docx_text(written["chi-uy-vong-1-bien-ban-kiem-phieu.docx"])
    required = [
        # unit, congress, term, place and date
        "ĐẢNG BỘ VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ", "CHI BỘ PHÒNG TỔNG HỢP", "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Phú Thọ, ngày 1 tháng 6 năm 2025", "BIÊN BẢN KIỂM PHIẾU",
        "Bầu Ban Chấp hành Chi bộ (Chi ủy), bầu lần thứ nhất",
        "Đại hội Chi bộ Phòng Tổng hợp nhiệm kỳ 2025–2027", "Hội trường tầng 3",
        # the regulations cited
        "Căn cứ Điều lệ Đảng", "Quy chế bầu cử trong Đảng ban hành kèm theo Quyết định số 190-QĐ/TW ngày 10/10/2024",
        "Hướng dẫn số 04-HD/TW ngày 31/12/2024",
        # the counting committee, head first
        "1. Vũ Đức Thanh – Trưởng ban", "2. Nguyễn Thị Hoa – Thành viên", "3. Cao Xuân Tuấn – Thành viên",
        # seats and the list
        "Số lượng bầu: 5 đồng chí", "Danh sách bầu cử gồm 6 đồng chí", "gạch tên",
        # members summoned, present, absent, D
        "Tổng số đảng viên chính thức của Chi bộ Phòng Tổng hợp: 16 đồng chí",
        "Số đảng viên chính thức được triệu tập: 16 đồng chí",
        "không tính vào D: 3 đồng chí (vắng mặt suốt thời gian Đại hội có lý do được cấp ủy triệu tập Đại hội đồng ý "
        "1; miễn công tác và sinh hoạt đảng, không dự Đại hội 1; sinh hoạt tạm thời nơi khác, không dự Đại hội 1)",
        "Trong số D: có mặt, được phát phiếu bầu 12; đã đến Đại hội nhưng không có mặt lúc phát phiếu 0; vắng mặt "
        "không có lý do được chấp thuận 1",
        "(D): 13 đồng chí", "từ 7 phiếu bầu trở lên",
        # ballots
        "Số phiếu phát ra: 12 phiếu", "Số phiếu thu vào: 12 phiếu", "Số phiếu hợp lệ: 10 phiếu",
        "Số phiếu không hợp lệ: 2 phiếu (trong đó: gạch hết tên: 1; có dấu hiệu nhận biết: 1)",
        "Tỷ lệ % so với D = 13", "69,23", "61,54", "53,85",
        # the result
        "trúng cử", "Các đồng chí Hoàng Thị Lan, Phạm Quốc Thành có số phiếu bầu bằng nhau (7 phiếu)",
        "Số lượng còn thiếu so với số lượng bầu: 1 đồng chí",
        # times, signatures, the digest
        "Phát phiếu bầu lúc 09 giờ 45 phút", "kết thúc kiểm phiếu lúc 10 giờ 02 phút",
        "CÁC THÀNH VIÊN BAN KIỂM PHIẾU", "TRƯỞNG BAN KIỂM PHIẾU", "PHỤ LỤC", digest_text(closed.log.events, E),
    ]
    missing = [r for r in required if r not in text]
    assert not missing


def _rows(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_votes_in_ballot_order_and_the_elected_ranked(closed, written):
    doc = Docx(str(written["chi-uy-vong-1-bien-ban-kiem-phieu.docx"]))
    tables = [_rows(t) for t in doc.tables]
    votes = next(t for t in tables if t[0][:3] == ["TT", "Họ và tên", "Số phiếu bầu"] and len(t[0]) == 5)
    names = [closed.state.roster.get(cid).name for cid in VOTES]
    assert [row[1] for row in votes[1:]] == names  # ballot order
    assert [int(row[2]) for row in votes[1:]] == list(VOTES.values())
    assert [row[4] for row in votes[1:]] == ["Trúng cử"] * 4 + ["Bằng phiếu"] * 2
    elected = next(t for t in tables if t[0][:3] == ["TT", "Họ và tên", "Số phiếu bầu"] and len(t[0]) == 4)
    assert [row[1] for row in elected[1:]] == names[:4]  # ranked by votes, ballot order among equals


def test_fonts_are_explicit_and_the_page_is_a4(written):
    for name in ("chi-uy-vong-1-bien-ban-kiem-phieu.docx", "chi-uy-vong-1-nhat-ky-nhap-phieu.docx"):
        path = written[name]
        doc = Docx(str(path))
        section = doc.sections[0]
        assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)
        assert doc.styles["Normal"].font.name == "Times New Roman" and doc.styles["Normal"].font.size.pt == 14
        with zipfile.ZipFile(path) as z:
            for part in ("word/styles.xml", "word/document.xml"):
                xml = z.read(part).decode("utf-8")
                assert not re.search(r"w:(ascii|hAnsi|eastAsia|cs)theme=", xml, re.IGNORECASE), (name, part)
                fonts = re.findall(r"<w:rFonts ([^>]*)/>", xml)
                assert fonts, (name, part)
                for attributes in fonts:
                    assert 'w:ascii="Times New Roman"' in attributes and 'w:hAnsi="Times New Roman"' in attributes


def test_the_qr_code_in_the_docx_decodes_to_exactly_the_digest(closed, written):
    with zipfile.ZipFile(written["chi-uy-vong-1-bien-ban-kiem-phieu.docx"]) as z:
        images = [n for n in z.namelist() if n.startswith("word/media/")]
        assert len(images) == 1
        picture = Image.open(io.BytesIO(z.read(images[0]))).convert("L")
    found = [r.text for r in zxingcpp.read_barcodes(np.asarray(picture)) if r.valid and "QR" in str(r.format)]
    assert found == [digest_text(closed.log.events, E)]
    assert found[0].startswith("RSD1|") and "|seq=" in found[0]


# ---- the ballot entry log --------------------------------------------------------------------------------------------
def test_the_entry_log_lists_every_ballot_with_pass_terminal_time_and_reading(closed, written):
    doc = Docx(str(written["chi-uy-vong-1-nhat-ky-nhap-phieu.docx"]))
    table = next(_rows(t) for t in doc.tables if _rows(t)[0][0] == "Sự kiện")
    assert table[0] == ["Sự kiện", "Giờ", "Máy nhập", "Lượt", "Phiếu số", "Nội dung đọc", "Kết luận, ghi chú"]
    rows = table[1:]
    entered = [r for r in rows if r[3] in ("1", "2") and r[5] != "rút lại"]
    for pass_no, terminal in (("1", "kiem-phieu-1"), ("2", "kiem-phieu-2")):
        mine = [r for r in entered if r[3] == pass_no]
        assert {int(r[4]) for r in mine} == set(range(1, 13))
        assert {r[2] for r in mine} == {terminal}
    assert all(re.fullmatch(r"\d\d:\d\d:\d\d", r[1]) for r in rows)
    first = next(r for r in rows if r[3:5] == ["1", "1"])
    assert first[1:] == ["09:57:00", "kiem-phieu-1", "1", "1", "gạch 5", "hợp lệ"]
    # the correction keeps the earlier reading in view, the taken-back entry and its re-entry are both there
    correction = [r for r in rows if r[3:5] == ["2", "3"]]
    assert [r[5] for r in correction] == ["gạch 6", "gạch 5"] and "sửa lại (trước đó: gạch 6)" in correction[1][6]
    fifth = [r for r in rows if r[3:5] == ["2", "5"]]
    assert [r[5] for r in fifth] == ["gạch 3 4", "rút lại", "gạch 3"] and "nhập lại" in fifth[2][6]
    settled = next(r for r in rows if r[3] == "Trưởng ban")
    assert settled[4:6] == ["7", "gạch 1 5"] and "1: gạch 1 5; 2: gạch 1" in settled[6]
    invalid = [r for r in rows if r[4] in ("11", "12")]
    assert all("không hợp lệ" in r[6] for r in invalid) and "có dấu hiệu nhận biết" in invalid[0][6]
    text = docx_text(written["chi-uy-vong-1-nhat-ky-nhap-phieu.docx"])
    assert "Số lần sửa: 1; số lần rút lại: 1; số phiếu Trưởng ban quyết định: 1" in text
    assert "Kết thúc kiểm phiếu: thu vào 12; hợp lệ 10; không hợp lệ 2" in text
    assert digest_text(closed.log.events, E) in text


# ---- refusals --------------------------------------------------------------------------------------------------------
def test_refusals_write_nothing(closed, tmp_path):
    out = tmp_path / "out"
    with pytest.raises(CountingMinutesError) as info:
        write_counting_minutes(closed.log.events, closed.state, "bi-thu", str(out), "vi")  # no round yet
    assert info.value.key == "counting_minutes.err.no_round" and "chưa có lần bầu nào" in info.value.text("vi")
    for election, round_no, key in (("khong-co", None, "counting_minutes.err.no_election"),
                                    (E, 2, "counting_minutes.err.no_such_round")):
        with pytest.raises(CountingMinutesError) as info:
            write_counting_minutes(closed.log.events, closed.state, election, str(out), "en", round_no)
        assert info.value.key == key
    assert not out.exists()


def test_the_cli_refuses_an_open_round_and_an_unknown_election(tmp_path):
    db = tmp_path / "open.json"
    session = drive(db)
    session.voting.publish_round(E)
    session.voting.open_round(E)  # round 2 among the tied, still being counted
    out = tmp_path / "out"
    proc = run("counting-minutes", "--db", db, E, "--out", out, "--round", "2")
    assert proc.returncode == 2 and proc.stdout == ""
    lines = proc.stderr.strip().split("\n")
    assert len(lines) == 1 and "lần bầu 2 của 'chi-uy' chưa kết thúc kiểm phiếu" in lines[0]
    proc = run("counting-minutes", "--db", db, "bau-gi", "--out", out, "--lang", "en")
    assert proc.returncode == 2 and proc.stderr.strip() == "run.py: error: no election 'bau-gi' in the scenario"
    assert not out.exists()
    # without --round: the latest closed round, though round 2 is open
    proc = run("counting-minutes", "--db", db, E, "--out", out)
    assert proc.returncode == 0, proc.stderr
    assert [Path(p).name for p in proc.stdout.split()] == [
        "chi-uy-vong-1-bien-ban-kiem-phieu.docx", "chi-uy-vong-1-bien-ban-kiem-phieu.md",
        "chi-uy-vong-1-nhat-ky-nhap-phieu.docx", "chi-uy-vong-1-nhat-ky-nhap-phieu.md"]


def test_a_long_entry_log_is_written_as_markdown_only(closed, tmp_path, monkeypatch):
    from runsheet.reports import counting

    monkeypatch.setattr(counting, "LOG_DOCX_ROWS", 20)  # this log has 31 rows
    names = [Path(p).name for p in write_counting_minutes(closed.log.events, closed.state, E, str(tmp_path), "vi")]
    assert names == ["chi-uy-vong-1-bien-ban-kiem-phieu.docx", "chi-uy-vong-1-bien-ban-kiem-phieu.md",
                     "chi-uy-vong-1-nhat-ky-nhap-phieu.md"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names)


def test_a_committee_not_recorded_leaves_lines_to_write_in(tmp_path):
    session = drive(tmp_path / "congress.json", committee=False)
    paths = write_counting_minutes(session.log.events, session.state, E, str(tmp_path / "out"), "vi")
    text = Path(paths[1]).read_text(encoding="utf-8")
    assert "chưa ghi nhận trong runsheet: ghi tay" in text
    assert "1. ……………………………… – Trưởng ban" in text and "3. ……………………………… – Thành viên" in text

"""The minutes of the congress: golden Markdown of a whole demo congress, the .docx read back, and refusals."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document as Docx

from counting_round import normalise
from full_congress import drive
from runsheet.commands import Session
from runsheet.reports.minutes import write_minutes

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
UPDATE = os.environ.get("RUNSHEET_GOLDEN") == "update"  # RUNSHEET_GOLDEN=update pytest ... rewrites the files


@pytest.fixture(scope="module")
def congress(tmp_path_factory) -> Session:
    return drive(tmp_path_factory.mktemp("full") / "congress.json")


@pytest.mark.parametrize("lang, golden", [("vi", "bien-ban-dai-hoi.md"), ("en", "minutes-en.md")])
def test_minutes_match_the_golden_files(congress, tmp_path, lang, golden):
    paths = write_minutes(congress.state, str(tmp_path), lang, congress.now())
    text = normalise(Path(paths[1]).read_text(encoding="utf-8"))
    if UPDATE:
        (GOLDEN / golden).write_text(text, encoding="utf-8")
    assert text == (GOLDEN / golden).read_text(encoding="utf-8")


def _docx_text(path: str) -> str:
    doc = Docx(path)
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def test_the_docx_holds_every_required_field(congress, tmp_path):
    docx_path = write_minutes(congress.state, str(tmp_path), "vi", congress.now())[0]
    text = _docx_text(docx_path)
    required = [
        "ĐẢNG BỘ VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ", "CHI BỘ PHÒNG TỔNG HỢP", "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Phú Thọ, ngày 1 tháng 6 năm 2025", "BIÊN BẢN ĐẠI HỘI", "Đại hội Chi bộ Phòng Tổng hợp nhiệm kỳ 2025–2027",
        "khai mạc lúc 07 giờ 30 phút", "Hội trường tầng 3",
        "Có mặt: 15 đồng chí (12 đảng viên chính thức, 3 đảng viên dự bị)",
        "Trịnh Văn Dũng (Đi công tác theo quyết định của cơ quan)",
        "Đảng viên chính thức vắng mặt không có lý do: 1 đồng chí: Dương Ngọc Lộc",
        "(D): 13", "Đoàn Chủ tịch: Trần Mạnh Hùng; Lê Thị Thu Hằng; Phạm Quốc Thành",
        "Đoàn Thư ký: Phan Thị Hòa; Đặng Minh Đức", "Ban Kiểm phiếu: Vũ Đức Thanh, Trưởng ban",
        "Báo cáo chính trị", "07:53", "08:18",  # a step with its actual start and end
        "Nguyễn Văn Khải, Phó Bí thư Đảng ủy Văn phòng", "8 phút", "tăng cường tập huấn",  # a speech
        "Thông qua Nghị quyết Đại hội: tán thành 11 (84,62% so với D = 13)", "không biểu quyết 1",
        "Được thông qua", "phiếu phát ra 12, thu vào 12, hợp lệ 10, không hợp lệ 2", "76,92", "Phạm Quốc Thành",
        "Trúng cử: Trần Mạnh Hùng.", "bế mạc lúc 11 giờ 31 phút", "THƯ KÝ ĐẠI HỘI", "T/M ĐOÀN CHỦ TỊCH",
        "Chi ủy nhiệm kỳ 2025–2027 gồm 5 đồng chí", "Bí thư", "Chi ủy viên", "Thông qua Biên bản Đại hội",
        "Đảng viên dự bị vắng mặt: 1 đồng chí: Lý Gia Minh (Ốm, nằm viện)",
    ]
    missing = [r for r in required if r not in text]
    assert not missing


def test_the_docx_sets_times_new_roman_14_on_a4_with_no_theme_fonts(congress, tmp_path):
    docx_path = write_minutes(congress.state, str(tmp_path), "vi", congress.now())[0]
    doc = Docx(docx_path)
    section = doc.sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)
    assert doc.styles["Normal"].font.name == "Times New Roman"
    assert doc.styles["Normal"].font.size.pt == 14
    with zipfile.ZipFile(docx_path) as z:
        for part in ("word/styles.xml", "word/document.xml"):
            xml = z.read(part).decode("utf-8")
            assert not re.search(r'w:(ascii|hAnsi|eastAsia|cs)theme=', xml, re.IGNORECASE), part
            fonts = re.findall(r'<w:rFonts ([^>]*)/>', xml)
            assert fonts, part
            for attributes in fonts:
                assert 'w:ascii="Times New Roman"' in attributes and 'w:hAnsi="Times New Roman"' in attributes
    runs = [r for p in doc.paragraphs for r in p.runs if r.text.strip()]
    assert runs and all(r.font.name == "Times New Roman" for r in runs)
    place_date = next(p for table in doc.tables for c in table.rows[0].cells for p in c.paragraphs
                      if "ngày 1 tháng 6" in p.text)
    assert all(r.italic for r in place_date.runs)
    title = next(p for p in doc.paragraphs if p.text == "BIÊN BẢN ĐẠI HỘI")
    assert title.alignment == 1 and all(r.bold for r in title.runs)  # centred, bold


def _run(root: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, str(root / "run.py"), *args], capture_output=True, text=True,
                            cwd=root, env={**os.environ, "PYTHONUTF8": "1"})
    if check:
        assert result.returncode == 0, result.stderr
    return result


def test_minutes_are_refused_before_the_closing_and_written_as_a_draft(root, tmp_path):
    db = str(tmp_path / "c.json")
    _run(root, "new", "--db", db, "--scenario", "scenarios/chi-bo.toml", "--roster", "data/demo-roster.csv")
    _run(root, "step", "next", "--db", db)
    out = tmp_path / "out"
    refused = _run(root, "minutes", "--db", db, "--out", str(out), check=False)
    assert refused.returncode == 2
    assert refused.stderr.count("\n") == 1 and "chưa bế mạc" in refused.stderr and "Traceback" not in refused.stderr
    assert not out.exists()
    draft = _run(root, "minutes", "--db", db, "--out", str(out), "--draft")
    assert (out / "bien-ban-dai-hoi-du-thao.md").read_text(encoding="utf-8").count("DỰ THẢO BIÊN BẢN ĐẠI HỘI") == 1
    assert draft.stdout.splitlines() == [str(out / "bien-ban-dai-hoi-du-thao.docx"),
                                         str(out / "bien-ban-dai-hoi-du-thao.md")]


def test_minutes_are_refused_while_a_count_is_open(root, tmp_path):
    db = str(tmp_path / "c.json")
    _run(root, "new", "--db", db, "--scenario", "scenarios/chi-bo.toml", "--roster", "data/demo-roster.csv")
    _run(root, "attend", "--db", db, "DV01", "DV02", "DV03")
    _run(root, "round", "open", "--db", db, "chi-uy")
    _run(root, "step", "end", "--db", db, check=False)
    _run(root, "step", "next", "--db", db)
    _run(root, "step", "end", "--db", db)
    refused = _run(root, "minutes", "--db", db, "--out", str(tmp_path / "out"), "--lang", "en", check=False)
    assert refused.returncode == 2 and "round 1 of chi-uy is still being counted" in refused.stderr
    assert not (tmp_path / "out").exists()


def test_a_whole_congress_from_the_command_line_gives_the_minutes(root, tmp_path):
    """The demo congress run only through run.py, as a script would: every step, votes, speeches, elections."""
    db = str(tmp_path / "c.json")

    def cli(*args: str) -> str:
        return _run(root, *args, "--db", db).stdout

    cli("new", "--scenario", "scenarios/chi-bo.toml", "--roster", "data/demo-roster.csv")
    cli("attend", "DV01", "DV02", "DV03", "DV04", "DV06", "DV07", "DV09", "DV10", "DV11", "DV14", "DV17", "DV19",
        "DV12", "DV15")
    cli("absent", "DV13", "--excused", "Đi công tác")
    cli("officers", "presidium", "DV01", "DV02", "DV04")
    cli("officers", "secretariat", "DV14")
    cli("officers", "counting", "DV07, Trưởng ban", "DV17", "DV19")
    strike = tmp_path / "chi-uy.csv"
    # every ballot strikes the sixth name (Phạm Quốc Thành): the five others are elected, the secretary among them
    strike.write_text("ballot,struck\n" + "".join(f"{n},6\n" for n in range(1, 13)), encoding="utf-8")
    approve = tmp_path / "one.csv"
    approve.write_text("ballot,struck\n" + "".join(f"{n},\n" for n in range(1, 13)), encoding="utf-8")
    order = cli("status", "--json")
    steps = re.findall(r'"([a-z-]+)"', order.split('"order"')[1].split("]")[0])
    scenario = (root / "scenarios" / "chi-bo.toml").read_text(encoding="utf-8")
    blocks = {re.search(r'^id = "([^"]+)"', b, re.M).group(1): b for b in scenario.split("[[step]]")[1:]}
    for step in steps:
        cli("step", "next")
        block = blocks[step]
        if motion := re.search(r'^motion = "([^"]+)"', block, re.M):
            cli("motion", motion.group(1), "--for", "12", "--against", "0", "--abstain", "0")
        if "speeches" in block:
            cli("speech", "add", "DV03")
            cli("speech", "add", "Nguyễn Văn Khải", "--title", "Phó Bí thư Đảng ủy Văn phòng")
            cli("speech", "start")
            cli("speech", "note", "s1", "Đề nghị bổ sung chỉ tiêu")
            cli("speech", "start")
            cli("speech", "end")
        if election := re.search(r'^election = "([^"]+)"', block, re.M):
            name = election.group(1)
            cli("round", "open", name)
            cli("ballots", "import", name, str(strike if name == "chi-uy" else approve))
            cli("round", "close", name)
            cli("round", "publish", name)
    cli("step", "next")  # after the last step the congress closes
    paths = cli("minutes", "--out", str(tmp_path / "out")).split()
    text = Path(paths[1]).read_text(encoding="utf-8")
    for expected in ("Có mặt: 14 đồng chí (12 đảng viên chính thức, 2 đảng viên dự bị)", "(D): 13",
                     "Nguyễn Văn Khải, Phó Bí thư Đảng ủy Văn phòng", "Đề nghị bổ sung chỉ tiêu",
                     "Ban Kiểm phiếu: Vũ Đức Thanh, Trưởng ban; Nguyễn Thị Hoa; Cao Xuân Tuấn",
                     "Thông qua Nghị quyết Đại hội: tán thành 12", "phiếu phát ra 12, thu vào 12, hợp lệ 12",
                     "Trúng cử: Trần Mạnh Hùng.", "Đại hội bế mạc lúc", "Thông qua Biên bản Đại hội",
                     "Chi ủy nhiệm kỳ 2025–2027 gồm 5 đồng chí"):
        assert expected in text, expected
    assert "Chào cờ" in _docx_text(paths[0])

"""The attendance sheet (issue 12, gap 7): the members summoned in name order with a column to sign, the Party header,
.docx and .md; from the command line (`run.py attendance-sheet`) with a one-line refusal."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from docx import Document as Docx
from docx.shared import Cm

from runsheet.clock import FakeClock
from runsheet.commands import create
from runsheet.reports.attendance_sheet import build_attendance_sheet, write_attendance_sheet
from runsheet.reports.document import to_md

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
ENV = {**os.environ, "PYTHONUTF8": "1", "PYTHONIOENCODING": "utf-8"}
START = datetime(2025, 6, 1, 7, 0, tzinfo=timezone(timedelta(hours=7)))


def demo(path: Path, scenario: str = "scenarios/chi-bo.toml", roster: str = "data/demo-roster.csv"):
    return create(str(path), str(ROOT / scenario), str(ROOT / roster), clock=FakeClock(START), terminal="test",
                  congress_date="2025-06-01")


def test_the_sheet_lists_the_members_summoned_with_a_column_to_sign(tmp_path):
    session = demo(tmp_path / "congress.json")
    session.attendance.absent("DV16", "Đi công tác")
    text = to_md(build_attendance_sheet(session.state, "vi"))
    assert "**ĐẢNG CỘNG SẢN VIỆT NAM**" in text and "**CHI BỘ PHÒNG TỔNG HỢP**" in text
    assert "# DANH SÁCH ĐẢNG VIÊN DỰ ĐẠI HỘI" in text
    assert "Tổng số đảng viên được triệu tập: 20 đồng chí (chính thức 16, dự bị 4)." in text
    assert "## Đảng viên chính thức (16 đồng chí)" in text and "## Đảng viên dự bị (4 đồng chí)" in text
    assert "| TT | Họ và tên | Chức vụ, ghi chú | Ký tên |" in text
    assert "| 1 | Nguyễn Văn Bình |  |  |" in text  # in Vietnamese name order: Bình first
    assert "| Dương Ngọc Lộc | Vắng có lý do: Đi công tác |  |" in text
    assert "| Đỗ Văn Lợi | Miễn công tác và sinh hoạt đảng |  |" in text
    assert "| 20 | Vũ Thị Hải Yến |  |  |" in text


def test_a_congress_of_delegates_lists_delegates_and_alternates(tmp_path):
    session = demo(tmp_path / "delegates.json", "tests/data/delegates.toml", "tests/data/delegates-roster.csv")
    text = to_md(build_attendance_sheet(session.state, "vi"))
    assert "# DANH SÁCH ĐẠI BIỂU DỰ ĐẠI HỘI" in text
    assert "## Đại biểu chính thức" in text and "## Đại biểu dự khuyết" in text
    english = to_md(build_attendance_sheet(session.state, "en"))
    assert "# DELEGATES ATTENDING THE CONGRESS" in english and "| # | Name | Office, notes | Signature |" in english


def test_the_docx_gives_room_to_sign(tmp_path):
    session = demo(tmp_path / "congress.json")
    paths = write_attendance_sheet(session.state, str(tmp_path / "out"), "vi")
    assert [Path(p).name for p in paths] == ["danh-sach-du-dai-hoi.docx", "danh-sach-du-dai-hoi.md"]
    doc = Docx(paths[0])
    members = doc.tables[1]  # after the header's table
    assert [c.text for c in members.rows[0].cells] == ["TT", "Họ và tên", "Chức vụ, ghi chú", "Ký tên"]
    assert members.rows[1].cells[1].text == "Nguyễn Văn Bình"
    widths = [c.width for c in members.rows[0].cells]
    assert widths[0] < Cm(1.5) and widths[3] > Cm(4)  # TT narrow, the signature wide
    assert members.rows[1].height >= Cm(0.99)  # room for a signature in each row


def run(*args: str) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "run.py", *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", env=ENV, timeout=120)
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr
    return proc


def test_the_command_line_writes_the_sheet_and_refuses_in_one_line(tmp_path):
    db = tmp_path / "congress.json"
    demo(db)
    proc = run("attendance-sheet", "--db", db, "--out", tmp_path / "papers")
    assert proc.returncode == 0 and proc.stderr == ""
    assert proc.stdout.split() == [str(tmp_path / "papers" / "danh-sach-du-dai-hoi.docx"),
                                   str(tmp_path / "papers" / "danh-sach-du-dai-hoi.md")]
    (tmp_path / "a-file").write_text("")
    proc = run("attendance-sheet", "--db", db, "--out", tmp_path / "a-file" / "x")
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "không ghi được danh sách vào" in proc.stderr


def test_pdf_without_libreoffice_is_refused_before_anything_is_written(tmp_path):
    db = tmp_path / "congress.json"
    demo(db)
    out = tmp_path / "papers"
    proc = subprocess.run([sys.executable, "run.py", "attendance-sheet", "--db", str(db), "--out", str(out), "--pdf"],
                          cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120,
                          env={**ENV, "PATH": str(tmp_path / "empty")})
    assert proc.returncode == 2 and proc.stdout == "" and "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1 and "LibreOffice" in proc.stderr
    assert not out.exists()

"""Documents written from hostile text: a `<script>` in a name, a note or a title is text in the .md (escaped), and the
right-to-left override and other control characters that would make a name or a figure read otherwise are left out
of the .md and the .docx alike (one function of the reports layer, document.clean)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from runsheet.commands import create
from runsheet.rules.election import Reading

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests/data"
SCRIPT = "<script>alert(1)</script>"
RLO = "\u202e"
NAME = f"{SCRIPT}Lê {RLO}nA\u2066x\u0007"
NOTE = f"[bấm](javascript:alert(1)) <img src=x onerror=alert(1)> {RLO}9 :iol"


@pytest.fixture
def store(tmp_path, clock) -> Path:
    roster = (DATA / "mini-roster.csv").read_text(encoding="utf-8").replace("A3,Lê Văn An,", f'A3,"{NAME}",')
    scenario = (DATA / "mini.toml").read_text(encoding="utf-8").replace('title = "Báo cáo chính trị"',
                                                                        f'title = "Báo cáo {SCRIPT} {RLO}"')
    (tmp_path / "r.csv").write_text(roster, encoding="utf-8")
    (tmp_path / "s.toml").write_text(scenario, encoding="utf-8")
    session = create(str(tmp_path / "c.json"), str(tmp_path / "s.toml"), str(tmp_path / "r.csv"), clock=clock,
                     terminal="t:1", congress_date="2025-06-01")
    session.attendance.attend(["A1", "A2", "A3"])
    while session.state.agenda.current != "bao-cao":
        session.agenda.next_step()
    speech = session.speaking.add_speaker("A3").value
    session.speaking.start_speech(speech)
    clock.advance(minutes=2)
    session.speaking.end_speech()
    session.speaking.note_speech(speech, NOTE)
    session.voting.open_round("chi-uy")
    for struck in ({1}, {2}, {3}):
        session.voting.enter_ballot("chi-uy", Reading(frozenset(struck)))
    session.voting.close_round("chi-uy")
    return tmp_path / "c.json"


def run(*args) -> None:
    proc = subprocess.run([sys.executable, "run.py", *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=120, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert proc.returncode == 0, proc.stderr


def test_markdown_and_docx_keep_no_script_and_no_bidi_override(store, tmp_path):
    out = tmp_path / "out"
    run("minutes", "--db", store, "--out", out, "--draft")
    run("counting-minutes", "--db", store, "chi-uy", "--out", out)
    run("attendance-sheet", "--db", store, "--out", out)
    written = sorted(p.name for p in out.iterdir())
    md = {p.name: p.read_text(encoding="utf-8") for p in out.glob("*.md")}
    assert len(md) >= 4, written  # the minutes, the counting minutes, the entry log, the attendance sheet
    for name, text in md.items():
        assert "<script" not in text and "<img" not in text, name
        assert not re.search(r"(?<!\\)\]\(javascript:", text), name  # a link only with its bracket escaped
        for char in (RLO, "\u2066", "\u0007"):
            assert char not in text, (name, hex(ord(char)))
    assert "&lt;script&gt;" in "".join(md.values())  # the name is there, as text
    for path in out.glob("*.docx"):
        with zipfile.ZipFile(path) as docx:
            xml = docx.read("word/document.xml").decode("utf-8")
        assert RLO not in xml and "\u2066" not in xml, path.name
        assert "&lt;script&gt;" in xml or "Lê" in xml


def test_clean_and_md_text():
    from runsheet.reports.document import clean, md_text

    assert clean(f"A{RLO}B\u200fC\x00D\tE\nF") == "AB" + "C" + "D\tE\nF"
    assert md_text("<b>*x* [y](z) `c` a_b \\") == "&lt;b&gt;\\*x\\* \\[y\\](z) \\`c\\` a\\_b \\\\"

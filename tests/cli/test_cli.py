"""The command line as a process (docs/formats.md): exit status, one-line errors, and what `status --json` shows."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SCENARIO = DATA / "mini.toml"
ROSTER = DATA / "mini-roster.csv"
ENV = {**os.environ, "PYTHONUTF8": "1", "PYTHONIOENCODING": "utf-8"}


def run(*args: str) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "run.py", *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", env=ENV, timeout=120)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stdout, proc.stdout
    return proc


def ok(*args: str) -> subprocess.CompletedProcess:
    proc = run(*args)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    return proc


def fails(*args: str) -> str:
    """Runs a command that must be refused: exit 2, exactly one line on stderr. Returns that line."""
    proc = run(*args)
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    lines = proc.stderr.strip("\n").split("\n")
    assert len(lines) == 1 and lines[0].strip(), proc.stderr
    return lines[0]


def status(db: Path) -> dict:
    return json.loads(ok("status", "--db", db, "--json").stdout)


def step(db: Path, *args: str) -> subprocess.CompletedProcess:
    return ok("step", "--db", db, *args)


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "congress.json"
    ok("new", "--db", path, "--scenario", SCENARIO, "--roster", ROSTER)
    return path


# ---- new -----------------------------------------------------------------------------------------------------

def test_new_creates_a_store(tmp_path):
    path = tmp_path / "sub" / "congress.json"
    proc = ok("new", "--db", path, "--scenario", SCENARIO, "--roster", ROSTER)
    assert path.is_file()
    assert proc.stdout.strip()
    data = status(path)
    assert data["events"] == 1
    assert data["order"] == ["khai-mac", "bao-cao", "chi-dao", "bau", "be-mac"]
    assert data["planned_end"] == "09:10"


def test_new_refuses_to_overwrite(db):
    ok("attend", "--db", db, "A1")
    before = db.read_bytes()
    line = fails("new", "--db", db, "--scenario", SCENARIO, "--roster", ROSTER)
    assert str(db) in line
    assert db.read_bytes() == before


def test_new_refuses_any_existing_file(tmp_path):
    path = tmp_path / "notes.json"
    path.write_bytes(b"my own notes")
    fails("new", "--db", path, "--scenario", SCENARIO, "--roster", ROSTER)
    assert path.read_bytes() == b"my own notes"


def bad_scenario(tmp_path: Path) -> tuple[Path, int]:
    text = SCENARIO.read_text(encoding="utf-8").replace("minutes = 20\nwho = \"Bí thư\"",
                                                        "minutes = 0\nwho = \"Bí thư\"")
    assert "minutes = 0" in text
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("minutes = 0") + 1
    return path, line


def test_new_with_a_bad_scenario(tmp_path):
    scenario, line_no = bad_scenario(tmp_path)
    store = tmp_path / "congress.json"
    line = fails("new", "--db", store, "--scenario", scenario, "--roster", ROSTER)
    assert f"{scenario}:{line_no}:" in line
    assert "bao-cao" in line
    assert not store.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.toml"]


def test_new_with_a_toml_syntax_error(tmp_path):
    scenario = tmp_path / "syntax.toml"
    scenario.write_text(SCENARIO.read_text(encoding="utf-8") + "\nthis is not toml\n", encoding="utf-8")
    line_no = len(scenario.read_text(encoding="utf-8").splitlines())
    store = tmp_path / "congress.json"
    line = fails("new", "--db", store, "--scenario", scenario, "--roster", ROSTER)
    assert f"{scenario}:{line_no}:" in line
    assert not store.exists()


def test_new_with_a_candidate_missing_from_the_roster(tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text("\n".join(row for row in ROSTER.read_text(encoding="utf-8").splitlines()
                                if not row.startswith("A3,")) + "\n", encoding="utf-8")
    store = tmp_path / "congress.json"
    line = fails("new", "--db", store, "--scenario", SCENARIO, "--roster", roster)
    assert f"{SCENARIO}:" in line and "chi-uy" in line and "A3" in line
    assert not store.exists()


def test_new_with_a_bad_roster(tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text("id,name,status,flags\nA1,Nguyễn Văn Bình,official,\nA2,Trần Thị Hoa,chairman,\n",
                      encoding="utf-8")
    store = tmp_path / "congress.json"
    line = fails("new", "--db", store, "--scenario", SCENARIO, "--roster", roster)
    assert f"{roster}:3:" in line and "A2" in line and "chairman" in line
    assert not store.exists()


def test_new_with_missing_files(tmp_path):
    store = tmp_path / "congress.json"
    line = fails("new", "--db", store, "--scenario", tmp_path / "nope.toml", "--roster", ROSTER)
    assert "nope.toml" in line
    line = fails("new", "--db", store, "--scenario", SCENARIO, "--roster", tmp_path / "nope.csv")
    assert "nope.csv" in line
    assert not store.exists()


# ---- attendance ----------------------------------------------------------------------------------------------

def test_status_before_anything(db):
    data = status(db)
    for key in ("present_official", "present_probationary", "denominator", "step"):
        assert key in data
    assert data["present_official"] == 0 and data["present_probationary"] == 0
    assert data["denominator"] == 3  # A1..A3; A4 exempt absent, A5 transferred, A6 probationary
    assert data["step"] is None and data["ended"] is False


def test_attend_then_status(db):
    ok("attend", "--db", db, "A1", "A2", "A4", "A6", "A5")
    data = status(db)
    assert data["present_official"] == 4  # A1, A2, the exempt A4 and A5, attached elsewhere but here
    assert data["present_probationary"] == 1
    assert data["denominator"] == 5  # the exempt A4 and the attached A5 attend, so count
    assert data["majority"] == 3
    assert data["may_proceed"] is True
    assert data["events"] == 6
    ok("attend", "--db", db, "A1")  # already present: nothing new is recorded
    assert status(db)["events"] == 6


def test_absent_excused_lowers_d(db):
    assert status(db)["denominator"] == 3
    ok("absent", "--db", db, "A1")
    data = status(db)
    assert data["denominator"] == 3 and data["absent_unexcused"] == 3
    ok("absent", "--db", db, "A1", "--excused", "ốm, Đại hội chấp nhận")
    data = status(db)
    assert data["denominator"] == 2
    assert data["absent_excused"] == 1 and data["absent_unexcused"] == 2


def test_unknown_member_id(db):
    before = db.read_bytes()
    line = fails("attend", "--db", db, "A1", "ZZ9")
    assert "ZZ9" in line
    line = fails("absent", "--db", db, "ZZ9", "--excused", "x")
    assert "ZZ9" in line
    assert db.read_bytes() == before
    assert status(db)["present_official"] == 0


def test_missing_store(tmp_path):
    proc = run("status", "--db", tmp_path / "nope.json", "--json")
    assert proc.returncode != 0
    assert len(proc.stderr.strip().splitlines()) == 1


# ---- the agenda ----------------------------------------------------------------------------------------------

def test_step_next(db):
    step(db, "next")
    data = status(db)
    s = data["step"]
    assert s["id"] == "khai-mac" and s["title"] == "Khai mạc"
    assert s["allotted"] == 600 and s["paused"] is False and s["phase"] == "calm"
    assert 0 <= s["elapsed"] < 60 and s["remaining"] == s["allotted"] - s["elapsed"]
    assert data["events"] == 2
    step(db, "next")
    assert status(db)["step"]["id"] == "bao-cao"


def test_step_pause_and_resume(db):
    step(db, "next")
    step(db, "pause")
    assert status(db)["step"]["paused"] is True
    fails("step", "--db", db, "pause")
    step(db, "resume")
    assert status(db)["step"]["paused"] is False
    fails("step", "--db", db, "resume")
    assert status(db)["events"] == 4


def test_step_adjust(db):
    step(db, "next")
    step(db, "adjust", "3")
    assert status(db)["step"]["allotted"] == 780
    step(db, "adjust", "-5")
    assert status(db)["step"]["allotted"] == 480
    line = fails("step", "--db", db, "adjust", "-8")  # would leave less than a minute
    assert "Khai mạc" in line or "khai-mac" in line
    assert status(db)["step"]["allotted"] == 480
    step(db, "adjust", "2", "--step", "bau")
    step(db, "next")
    step(db, "next")
    step(db, "next")
    s = status(db)["step"]
    assert (s["id"], s["allotted"]) == ("bau", 22 * 60)


def test_step_skip_a_later_step(db):
    step(db, "next")
    step(db, "skip", "bao-cao")
    data = status(db)
    assert data["step"]["id"] == "khai-mac" and data["events"] == 3
    step(db, "next")
    assert status(db)["step"]["id"] == "chi-dao"
    fails("step", "--db", db, "skip", "bao-cao")  # already skipped
    step(db, "restore", "bao-cao")  # behind the current step: it comes back right after it
    assert status(db)["order"] == ["khai-mac", "chi-dao", "bao-cao", "bau", "be-mac"]


def test_step_skip_the_current_step(db):
    step(db, "next")
    step(db, "skip", "khai-mac")
    data = status(db)
    assert data["step"]["id"] == "bao-cao"
    assert data["events"] == 4  # started, skipped, started


def test_step_skip_unknown(db):
    line = fails("step", "--db", db, "skip", "nope")
    assert "nope" in line


def test_step_insert(db):
    step(db, "next")
    step(db, "insert", "Phát biểu thêm", "--minutes", "4")
    data = status(db)
    assert data["order"] == ["khai-mac", "adhoc-1", "bao-cao", "chi-dao", "bau", "be-mac"]
    assert data["step"]["id"] == "khai-mac"
    step(db, "next")
    s = status(db)["step"]
    assert (s["id"], s["title"], s["allotted"]) == ("adhoc-1", "Phát biểu thêm", 240)
    step(db, "insert", "Cuối", "--minutes", "1", "--after", "be-mac")
    assert status(db)["order"][-1] == "adhoc-2"
    fails("step", "--db", db, "insert", "X", "--minutes", "0")
    fails("step", "--db", db, "insert", "  ", "--minutes", "3")


def test_step_move(db):
    step(db, "next")
    step(db, "move", "be-mac", "--after", "khai-mac")
    data = status(db)
    assert data["order"] == ["khai-mac", "be-mac", "bao-cao", "chi-dao", "bau"]
    step(db, "next")
    assert status(db)["step"]["id"] == "be-mac"
    before = status(db)
    line = fails("step", "--db", db, "move", "khai-mac", "--after", "bau")  # already held
    assert "khai-mac" in line or "Khai mạc" in line
    fails("step", "--db", db, "move", "bau", "--first")  # before the current step
    assert status(db)["order"] == before["order"] and status(db)["events"] == before["events"]


def test_step_previous(db):
    step(db, "next")
    step(db, "next")
    step(db, "previous")
    data = status(db)
    assert data["step"]["id"] == "khai-mac"
    assert data["events"] == 4


def test_step_previous_at_the_first_step_changes_nothing(db):
    step(db, "next")
    before = db.read_bytes()
    events = status(db)["events"]
    fails("step", "--db", db, "previous")  # the message is in the congress's language
    assert db.read_bytes() == before
    assert status(db)["events"] == events
    assert status(db)["step"]["id"] == "khai-mac"


def test_step_actions_before_the_start(db):
    before = db.read_bytes()
    for action in (["previous"], ["pause"], ["resume"], ["end"], ["adjust", "3"]):
        fails("step", "--db", db, *action)
    assert db.read_bytes() == before


def test_step_end(db):
    step(db, "next")
    step(db, "end")
    data = status(db)
    assert data["ended"] is True and data["step"] is None
    before = db.read_bytes()
    fails("step", "--db", db, "next")
    fails("step", "--db", db, "end")
    assert db.read_bytes() == before


def test_next_after_the_last_step_ends_the_congress(db):
    for _ in range(5):
        step(db, "next")
    assert status(db)["step"]["id"] == "be-mac"
    step(db, "next")
    data = status(db)
    assert data["ended"] is True and data["step"] is None


def test_verify(db):
    ok("attend", "--db", db, "A1", "A2")
    step(db, "next")
    proc = ok("verify", "--db", db)
    assert "4" in proc.stdout


def test_verify_detects_an_edit(db):
    ok("attend", "--db", db, "A1")
    raw = db.read_text(encoding="utf-8")
    assert '"A1"' in raw
    db.write_text(raw.replace('"A1"', '"A2"'), encoding="utf-8")
    proc = run("verify", "--db", db)
    assert proc.returncode == 1
    assert proc.stdout.strip()


def test_usage_errors_exit_2(db):
    proc = run("step", "--db", db, "fly")
    assert proc.returncode == 2
    proc = run("attend", "--db", db)
    assert proc.returncode == 2


def test_an_empty_digest_is_refused_not_taken_for_a_plain_verify(tmp_path, root):
    import subprocess
    import sys

    db = tmp_path / "c.json"
    run = lambda *a: subprocess.run([sys.executable, str(root / "run.py"), *a], capture_output=True, text=True,
                                    cwd=root)
    assert run("new", "--db", str(db), "--scenario", "scenarios/agm.toml", "--roster", "data/agm-roster.csv"
               ).returncode == 0
    checked = run("verify", "--db", str(db), "--digest", "")
    assert checked.returncode == 2 and checked.stderr.count("\n") == 1 and "Traceback" not in checked.stderr
    plain = run("verify", "--db", str(db))
    assert plain.returncode == 0 and "events" in plain.stdout  # the AGM is in English: so is its verify


def test_step_next_ends_the_speech_of_the_step_it_leaves(db):
    """Issue 12, defect 3: the command line follows the same rule as the chair's `n`: leaving a step ends its speech."""
    step(db, "next")
    step(db, "next")  # "bao-cao": speeches of five minutes
    ok("speech", "--db", db, "add", "A2")
    ok("speech", "--db", db, "start")
    out = step(db, "next").stdout
    assert "đã phát biểu" in out and "chi-dao" in out
    listed = json.loads(ok("speech", "--db", db, "list", "--step", "bao-cao", "--json").stdout)
    assert [s["status"] for s in (listed["speeches"] if isinstance(listed, dict) else listed)] == ["done"]
    refused = fails("speech", "--db", db, "resume")
    assert "không có ai đang phát biểu" in refused


def test_round_open_at_another_step_opens_and_says_so(db):
    """Issue 12, defect 13: one rule for the screen and the command line: a round opens from any step; when the step
    running is not the election's, the chair's screen asks first and the command line says so on stderr."""
    ok("attend", "--db", db, "A1", "A2", "A3")
    step(db, "next")  # "khai-mac": no election
    opened = run("round", "open", "--db", db, "chi-uy")
    assert opened.returncode == 0 and "vòng 1" in opened.stdout
    assert "không phải bước của cuộc bầu «Bầu Chi ủy»" in opened.stderr
    ok("round", "cancel", "--db", db, "chi-uy")
    for _ in range(3):
        step(db, "next")
    assert status(db)["step"]["id"] == "bau"
    again = run("round", "open", "--db", db, "chi-uy")
    assert again.returncode == 0 and "không phải bước của cuộc bầu" not in again.stderr

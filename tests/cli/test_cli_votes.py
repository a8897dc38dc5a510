"""Motions, election rounds and ballot imports through the command line as a process (docs/formats.md).

mini scenario: A1 A2 A3 official, A4 exempt, A5 transferred, A6 probationary; with A1 A2 A3 present D = 3.
Election "chi-uy": 2 seats, printed in the order of given names: 1 = A3 Lê Văn An, 2 = A1 Nguyễn Văn Bình,
3 = A2 Trần Thị Hoa.
"""

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
E = "chi-uy"
HEADER = "ballot,struck,unclear,invalid\n"


def run(*args: object) -> subprocess.CompletedProcess:
    proc = subprocess.run(
        [sys.executable, "run.py", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=ENV,
        timeout=120,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stdout, proc.stdout
    return proc


def ok(*args: object) -> subprocess.CompletedProcess:
    proc = run(*args)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    return proc


def fails(*args: object) -> str:
    """A command that must be refused: exit 2, exactly one line on stderr, nothing on stdout."""
    proc = run(*args)
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    lines = proc.stderr.strip("\n").split("\n")
    assert len(lines) == 1 and lines[0].startswith("run.py") and ": error: " in lines[0], proc.stderr
    assert proc.stdout == ""
    return lines[0]


def open_round(db: Path, *args: object) -> subprocess.CompletedProcess:
    """`round open`: the mini list (3 names for 2 seats) is 50% over the seats, which is warned about on stderr
    (docs/rules.md: at most 30%) but not refused."""
    proc = run("round", "open", "--db", db, E, *args)
    assert proc.returncode == 0, proc.stderr
    warning = proc.stderr.strip("\n").split("\n")
    assert len(warning) == 1 and "50" in warning[0] and "30%" in warning[0], proc.stderr
    return proc


def results(db: Path) -> dict:
    return json.loads(ok("results", "--db", db, E, "--json").stdout)


def ballots_csv(path: Path, body: str, bom: bool = False) -> Path:
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + (HEADER + body).encode("utf-8"))
    return path


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "congress.json"
    ok("new", "--db", path, "--scenario", SCENARIO, "--roster", ROSTER, "--date", "2025-06-01")
    ok("attend", "--db", path, "A1", "A2", "A3", "A6")  # A6 is probationary: no vote, no ballot
    return path


# ---- motions -------------------------------------------------------------------------------------------------------


def test_motion_json_adopted(db):
    data = json.loads(
        ok("motion", "--db", db, "nghi-quyet", "--for", 2, "--against", 1, "--abstain", 0, "--json").stdout
    )
    assert data == {
        "motion": "nghi-quyet",
        "for": 2,
        "against": 1,
        "abstain": 0,
        "present": 3,
        "denominator": 3,
        "percent_for": "66.67",
        "adopted": True,
    }


def test_motion_json_not_adopted_against_D(db):
    ok("attend", "--db", db, "A4")  # the exempt member comes: D = 4
    data = json.loads(
        ok("motion", "--db", db, "nghi-quyet", "--for", 2, "--against", 0, "--abstain", 2, "--json").stdout
    )
    assert (data["present"], data["denominator"], data["percent_for"], data["adopted"]) == (4, 4, "50.00", False)


def test_motion_plain_output(db):
    proc = ok("motion", "--db", db, "nghi-quyet", "--for", 3, "--against", 0, "--abstain", 0, "--lang", "en")
    assert "3 of 3" in proc.stdout and "adopted" in proc.stdout


def test_motion_bad_counts(db):
    before = db.read_bytes()
    line = fails("motion", "--db", db, "nghi-quyet", "--for", 3, "--against", 1, "--abstain", 0, "--lang", "en")
    assert "4" in line and "3" in line
    fails("motion", "--db", db, "nghi-quyet", "--for", -1, "--against", 0, "--abstain", 0)
    fails("motion", "--db", db, "no-such-motion", "--for", 1, "--against", 0, "--abstain", 0)
    assert db.read_bytes() == before
    # not a number: a usage error, one line too
    assert "--for" in fails("motion", "--db", db, "nghi-quyet", "--for", "x", "--against", 0, "--abstain", 0)
    assert "--abstain" in fails("motion", "--db", db, "nghi-quyet", "--for", 1, "--against", 0)
    assert db.read_bytes() == before


# ---- a whole round -------------------------------------------------------------------------------------------------

EXPECTED = {
    "election": E,
    "title": "Bầu Chi ủy",
    "round": 1,
    "form": "strike",
    "seats": 2,
    "denominator": 3,
    "needed": 2,
    "ballots": {"issued": 3, "collected": 3, "valid": 2, "invalid": 1, "invalid_reasons": {"written_in": 1}},
    "candidates": [
        {"no": 1, "id": "A3", "name": "Lê Văn An", "votes": 1, "percent": "33.33", "elected": False},
        {"no": 2, "id": "A1", "name": "Nguyễn Văn Bình", "votes": 2, "percent": "66.67", "elected": True},
        {"no": 3, "id": "A2", "name": "Trần Thị Hoa", "votes": 1, "percent": "33.33", "elected": False},
    ],
    "elected": ["A1"],
    "tied": [],
    "unfilled": 1,
    "closed": True,
}
# ballot 1 strikes A3 (keeps A1 A2), ballot 2 strikes A2 (keeps A3 A1), ballot 3 has a name written in:
# A1 2 votes of D = 3 (66.67%, elected), A2 and A3 1 each (33.33%); one seat unfilled
BODY = "1,1,,\n2,3,,\n3,,,written_in\n"


@pytest.mark.parametrize("bom", [False, True])
def test_round_open_import_close_results_publish(db, tmp_path, bom):
    proc = open_round(db, "--lang", "en")
    assert proc.stderr == "WARNING: the list is 50.00% over the seats, more than 30%\n"
    assert "3 ballots issued" in proc.stdout and "D = 3" in proc.stdout
    csv = ballots_csv(tmp_path / "phieu.csv", BODY, bom=bom)
    proc = ok("ballots", "import", "--db", db, E, csv, "--lang", "en")
    assert "entered 3 ballots (pass 1)" in proc.stdout

    live = results(db)
    assert live == {**EXPECTED, "closed": False}

    fails("round", "publish", "--db", db, E)  # not closed yet
    proc = ok("round", "close", "--db", db, E, "--collected", 3, "--lang", "en")
    assert "Nguyễn Văn Bình" in proc.stdout and "1 seat(s) unfilled" in proc.stdout
    assert results(db) == EXPECTED

    ok("attend", "--db", db, "A4")  # D is 4 now; the closed count keeps D = 3
    assert results(db) == EXPECTED
    ok("round", "publish", "--db", db, E)
    fails("round", "publish", "--db", db, E)
    status = json.loads(ok("status", "--db", db, "--json").stdout)
    assert status["denominator"] == 4


def test_round_close_default_collected_and_refusals(db, tmp_path):
    open_round(db)
    ok("ballots", "import", "--db", db, E, ballots_csv(tmp_path / "b.csv", "1,1,,\n2,3,,\n"))
    before = db.read_bytes()
    assert "3" in fails("round", "close", "--db", db, E, "--collected", 3)  # 2 entered, 3 collected
    assert "4" in fails("round", "close", "--db", db, E, "--collected", 4)  # more than the 3 issued
    assert db.read_bytes() == before
    ok("round", "close", "--db", db, E)  # collected = the 2 entered
    data = results(db)
    assert data["ballots"] == {"issued": 3, "collected": 2, "valid": 2, "invalid": 0, "invalid_reasons": {}}
    assert [c["votes"] for c in data["candidates"]] == [1, 2, 1]
    fails("ballots", "import", "--db", db, E, ballots_csv(tmp_path / "c.csv", "3,1,,\n"))  # the round is closed


def test_results_before_any_round(db):
    line = fails("results", "--db", db, E, "--json")
    assert E in line


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ("1,1,,\n2,9,,\n3,2,,\n", 3),  # no name 9 on a ballot of 3 names
        ("1,1,,\n2,2,,\n1,3,,\n", 4),  # ballot 1 twice
        ("1,1,,\nzwei,2,,\n", 3),
    ],
)
def test_import_of_a_bad_csv_names_file_and_line_and_changes_nothing(db, tmp_path, body, line):
    open_round(db)
    csv = ballots_csv(tmp_path / "bad.csv", body)
    before = db.read_bytes()
    message = fails("ballots", "import", "--db", db, E, csv)
    assert f"{csv}:{line}:" in message
    assert db.read_bytes() == before
    assert results(db)["ballots"]["collected"] == 0


def test_import_of_a_missing_file(db, tmp_path):
    open_round(db)
    before = db.read_bytes()
    assert "nope.csv" in fails("ballots", "import", "--db", db, E, tmp_path / "nope.csv")
    assert db.read_bytes() == before


# ---- double entry --------------------------------------------------------------------------------------------------


def test_double_entry_then_close(db, tmp_path):
    proc = open_round(db, "--passes", 2, "--lang", "en")
    assert "2 pass(es)" in proc.stdout
    csv = ballots_csv(tmp_path / "b.csv", BODY)
    ok("ballots", "import", "--db", db, E, csv)
    fails("round", "close", "--db", db, E, "--collected", 3)  # pass 2 has entered nothing yet
    proc = ok("ballots", "import", "--db", db, E, csv, "--pass", 2, "--lang", "en")
    assert "pass 2" in proc.stdout
    ok("round", "close", "--db", db, E, "--collected", 3)
    assert results(db) == EXPECTED


def test_double_entry_mismatch_refuses_close(db, tmp_path):
    open_round(db, "--passes", 2)
    ok("ballots", "import", "--db", db, E, ballots_csv(tmp_path / "p1.csv", BODY))
    ok(
        "ballots",
        "import",
        "--db",
        db,
        E,
        ballots_csv(tmp_path / "p2.csv", "1,1,,\n2,2,,\n3,,,written_in\n"),
        "--pass",
        2,
    )
    live = results(db)
    assert live["ballots"]["collected"] == 2  # ballot 2 is read differently: not counted yet
    before = db.read_bytes()
    line = fails("round", "close", "--db", db, E, "--lang", "en")
    assert "2" in line
    assert db.read_bytes() == before
    fails("ballots", "import", "--db", db, E, ballots_csv(tmp_path / "p3.csv", "1,1,,\n"), "--pass", 3)


# ---- the ballot order ----------------------------------------------------------------------------------------------


def test_round_order_before_opening(db, tmp_path):
    assert ok("round", "order", "--db", db, E, "A1", "A2", "A3").stdout.strip() == "A1, A2, A3"
    open_round(db)
    fails("round", "order", "--db", db, E, "A3", "A2", "A1")
    ok("ballots", "import", "--db", db, E, ballots_csv(tmp_path / "b.csv", "1,1,,\n"))  # strikes A1 now
    assert [(c["no"], c["id"], c["votes"]) for c in results(db)["candidates"]] == [
        (1, "A1", 0),
        (2, "A2", 1),
        (3, "A3", 1),
    ]

"""The Party's election rules through the command line as a process: the list replaced, nominees from the floor
through a secret poll and its counting minutes, a withdrawal by show of hands, a ballot handed to a member counted in
late, the retired show-of-hands nominee, a cell too small for a committee refused at `new` (docs/rules.md).

mini scenario: A1 A2 A3 official, A4 exempt, A5 attached elsewhere, A6 probationary; with A1 A2 A3 present D = 3.
chi-uy: 2 seats, A1 A2 A3, printed 1 = A3 Lê Văn An, 2 = A1 Nguyễn Văn Bình, 3 = A2 Trần Thị Hoa.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_cli_votes import E, ROSTER, SCENARIO, fails, ok, run


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "congress.json"
    ok("new", "--db", path, "--scenario", SCENARIO, "--roster", ROSTER, "--date", "2025-06-01")
    ok("attend", "--db", path, "A1", "A2", "A3", "A4")  # four official members present: D = 4
    return path


def test_a_cell_too_small_for_a_committee_is_refused_at_new_and_nothing_is_written(tmp_path):
    scenario = tmp_path / "cell.toml"
    scenario.write_text(SCENARIO.read_text(encoding="utf-8").replace(
        'seats = 2', 'seats = 2\nkind = "committee"'), encoding="utf-8")
    store = tmp_path / "c.json"
    line = fails("new", "--db", store, "--scenario", scenario, "--roster", ROSTER)
    assert "cell.toml" in line and "chi-uy" in line and "9" in line
    assert not store.exists()


def test_the_list_replaced_before_a_round(db):
    out = ok("round", "candidates", "--db", db, E, "A2", "A4", "A1").stdout
    # printed in Vietnamese order, by given name: Bình, Đức, Hoa
    assert out.strip() == "chi-uy: danh sách bầu cử mới: Nguyễn Văn Bình, Phạm Minh Đức, Trần Thị Hoa"
    line = fails("round", "candidates", "--db", db, E, "A1", "A6")
    assert "Vũ Thị Lan" in line  # probationary: may not stand
    fails("round", "candidates", "--db", db, E, "A1", "A1")


def test_a_nominee_from_the_floor_joins_through_a_poll_with_its_counting_minutes(db, tmp_path):
    line = fails("round", "nominate", "--db", db, E, "A4", "--for", "3")
    assert "nominate open" in line  # the show-of-hands way is retired, and says what replaced it
    assert "4 phiếu" in ok("nominate", "open", "--db", db, E, "A4").stdout
    fails("nominate", "open", "--db", db, E, "A4")  # one poll at a time
    ballots = tmp_path / "poll.csv"
    ballots.write_text("ballot,against\n1,1\n2,\n3,\n4,\n", encoding="utf-8")
    ok("nominate", "import", "--db", db, E, ballots)
    result = json.loads(ok("nominate", "close", "--db", db, E, "--json").stdout)
    assert result["nominees"][0] == {"no": 1, "id": "A4", "name": "Phạm Minh Đức", "agree": 3, "against": 1,
                                   "percent": "75.00", "joins": True}
    assert result["joined"] == ["A4"]
    out = tmp_path / "out"
    paths = ok("counting-minutes", "--db", db, E, "--nomination", "--out", out).stdout.split()
    assert [Path(p).name for p in paths] == ["chi-uy-lay-y-kien-1-bien-ban-kiem-phieu.docx",
                                             "chi-uy-lay-y-kien-1-bien-ban-kiem-phieu.md"]
    paper = Path(paths[1]).read_text(encoding="utf-8")
    assert "| 1 | Phạm Minh Đức | 3 | 1 | 75,00 | Bổ sung vào danh sách |" in paper
    opened = run("round", "open", "--db", db, E)  # 4 names for 2 seats: warned about on stderr, not refused
    assert opened.returncode == 0 and "100" in opened.stderr
    results = json.loads(ok("results", "--db", db, E, "--json").stdout)
    assert [c["id"] for c in results["candidates"]] == ["A3", "A1", "A4", "A2"]  # An, Bình, Đức, Hoa


def test_the_counting_minutes_of_a_poll_never_held_are_refused(db, tmp_path):
    line = fails("counting-minutes", "--db", db, E, "--nomination", "--out", tmp_path / "out")
    assert "chưa có lần lấy ý kiến" in line and not (tmp_path / "out").exists()


def test_a_withdrawal_is_decided_by_show_of_hands(db):
    refused = ok("round", "withdraw", "--db", db, E, "A3", "--for", "2", "--against", "2", "--abstain", "0").stdout
    assert "không đồng ý" in refused and "Lê Văn An" in refused  # 2 is not more than half of 4
    allowed = ok("round", "withdraw", "--db", db, E, "A3", "--for", "3", "--against", "1", "--abstain", "0").stdout
    assert "đồng ý để đồng chí Lê Văn An rút" in allowed
    fails("round", "withdraw", "--db", db, E, "A3", "--for", "3", "--against", "1", "--abstain", "0")  # off already
    results = run("round", "open", "--db", db, E)
    assert results.returncode == 0, results.stderr
    data = json.loads(ok("results", "--db", db, E, "--json").stdout)
    assert [c["id"] for c in data["candidates"]] == ["A1", "A2"]


def test_a_member_counted_in_late_is_handed_a_ballot(tmp_path):
    db = tmp_path / "c.json"
    ok("new", "--db", db, "--scenario", SCENARIO, "--roster", ROSTER, "--date", "2025-06-01")
    ok("attend", "--db", db, "A1", "A2", "A3")
    run("round", "open", "--db", db, E)
    fails("absent", "--db", db, "A1", "--excused", "ốm")  # A1 came: refused
    fails("leave", "--db", db, "A5")  # not here
    ok("attend", "--db", db, "A4")  # the exempt member comes during the vote
    out = ok("round", "issued", "--db", db, E, "--add", "A4").stdout
    assert "Phạm Minh Đức" in out and "phát ra 4" in out and "D = 4" in out
    fails("round", "issued", "--db", db, E, "--add", "A4")  # counted already
    assert json.loads(ok("results", "--db", db, E, "--json").stdout)["denominator"] == 4

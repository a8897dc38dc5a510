"""`run.py ballots review` (issue 15, item 3 from the command line): the ballots the scanner queued on a pass, with
the machine's reading, the lines it was not sure of and the kept image's path; --accept enters the machine's reading
as a person's, --enter what the person reads instead; bad input is one line and exit 2, nothing entered. And the
queued event's reading: older events, written without it, still fold."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np
import pytest
from corpus import doubtful, make_ballot
from test_scan_cli import E, PRESENT

from runsheet.cli import main
from runsheet.cli.ballot_papers import round_paper
from runsheet.commands import Session
from runsheet.reports.ballot import ballot_pdf, layout
from runsheet.scan.template import build
from runsheet.store import events as ev

ROOT = Path(__file__).resolve().parents[2]
STACK = [{1}, set(), {3}, {2, 5}]  # ballots 2 and 4 get a short stroke on name 6 too: both queued


@pytest.fixture
def queued(tmp_path, capsys):
    db = str(tmp_path / "c.json")
    assert cli(capsys, "new", "--db", db, "--scenario", ROOT / "scenarios/chi-bo.toml",
               "--roster", ROOT / "data/demo-roster.csv")[0] == 0
    cli(capsys, "attend", "--db", db, *PRESENT)
    cli(capsys, "round", "open", "--db", db, E, "--passes", 2)
    state = Session(db).state
    paper = round_paper(state, E)
    template = build(ballot_pdf(state, paper, "A4", "vi"), layout(paper, "A4"))
    rng = np.random.default_rng(3)
    files = []
    for n, struck in enumerate(STACK, start=1):
        image = doubtful(template, struck, rng) if n in (2, 4) else make_ballot(template, rng, "plain", struck).image
        files.append(tmp_path / f"s{n}.png")
        cv2.imwrite(str(files[-1]), image)
    code, out, err = cli(capsys, "ballots", "scan", "--db", db, E, *files, "--pass", 2)
    assert code == 0, err
    return db


def cli(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_the_queue_is_listed_with_the_machines_reading_and_the_image(queued, capsys):
    code, out, _ = cli(capsys, "ballots", "review", "--db", queued, E)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Phiếu số 2 (lượt 2): máy đọc: không gạch tên nào; máy chưa chắc ở dòng 6"
    assert lines[2] == "Phiếu số 4 (lượt 2): máy đọc: 2 5; máy chưa chắc ở dòng 6"
    assert lines[1].startswith("  ảnh: ") and Path(lines[1][len("  ảnh: "):]).is_file()
    assert lines[-1] == "2 phiếu chờ xem lại."
    _, out, _ = cli(capsys, "ballots", "review", "--db", queued, E, "--pass", 2, "--json")
    items = json.loads(out)
    assert [(i["ballot"], i["pass"], i["rows"], i["struck"]) for i in items] == [(2, 2, [6], []), (4, 2, [6], [2, 5])]
    assert all(Path(i["image"]).is_file() and Path(i["preview"]).read_bytes().startswith(b"P5\n160 ") for i in items)
    _, out, _ = cli(capsys, "ballots", "review", "--db", queued, E, "--pass", 1)
    assert out.strip() == "0 phiếu chờ xem lại."


def test_accept_and_enter_are_a_persons_entries_on_the_scanners_pass(queued, capsys):
    code, out, _ = cli(capsys, "ballots", "review", "--db", queued, E, "--accept", 4, "--lang", "en")
    assert code == 0 and out.strip() == "Ballot 4: the machine's reading accepted, entered on pass 2."
    code, out, _ = cli(capsys, "ballots", "review", "--db", queued, E, "--enter", 2, "6")
    assert code == 0 and "Phiếu số 2: đã nhập vào lượt 2 theo người đọc" in out
    session = Session(queued)
    readings = session.state.open_round(E).readings[2]
    assert readings[4].struck == {2, 5} and readings[2].struck == {6}
    last = [e for e in session.log.events if e.type == "ballot.entered"][-2:]
    assert all(not e.payload.scanner and e.terminal != "scanner" for e in last)
    assert session.state.open_round(E).to_review(2) == []


@pytest.mark.parametrize("args, says", [
    (("--accept", 3), "phiếu số 3 không chờ xem lại"),  # the scanner entered it itself
    (("--accept", 2, "--pass", 1), "phiếu số 2 không chờ xem lại ở lượt 1"),
    (("--enter", "x", "6"), "số phiếu không hợp lệ: x"),
    (("--enter", 2, "9"), "9"),  # not a number on the list
    (("--pass", 3), "3"),
])
def test_bad_input_is_one_line_and_nothing_is_entered(queued, capsys, args, says):
    events = len(Session(queued).log.events)
    code, out, err = cli(capsys, "ballots", "review", "--db", queued, E, *args)
    assert code == 2 and err.count("\n") == 1 and says in err and not out
    assert len(Session(queued).log.events) == events


def test_an_event_written_before_the_reading_was_kept_still_folds(queued, capsys):
    session = Session(queued, terminal="scanner")
    session.voting.enter_scanned(E, [((1,), None)], 2)  # as the scanner queued before: the rows only
    data = session.log.events[-1].payload.to_data()
    assert "struck" not in data and "unclear" not in data and "image" not in data  # written as before
    assert ev.BallotQueued.from_data(data).struck is None
    assert session.state.open_round(E).scans[2][5].guess is None
    _, out, _ = cli(capsys, "ballots", "review", "--db", queued, E)
    assert "Phiếu số 5 (lượt 2): máy đọc: máy không ghi lại cách đọc; máy chưa chắc ở dòng 1" in out
    assert "ảnh: không có ảnh lưu" in out
    code, _, err = cli(capsys, "ballots", "review", "--db", queued, E, "--accept", 5)
    assert code == 2 and "máy không ghi lại cách đọc phiếu số 5" in err


def test_a_ballot_marked_outside_the_list_is_queued_saying_so(tmp_path, capsys):
    """Queued for ink outside the list (no line in doubt): the event and the review say why."""
    db = str(tmp_path / "c.json")
    cli(capsys, "new", "--db", db, "--scenario", ROOT / "scenarios/chi-bo.toml",
        "--roster", ROOT / "data/demo-roster.csv")
    cli(capsys, "attend", "--db", db, *PRESENT)
    cli(capsys, "round", "open", "--db", db, E, "--passes", 2)
    state = Session(db).state
    paper = round_paper(state, E)
    template = build(ballot_pdf(state, paper, "A4", "vi"), layout(paper, "A4"))
    image = make_ballot(template, np.random.default_rng(5), "plain", {2}, outside="written").image
    cv2.imwrite(str(tmp_path / "s1.png"), image)
    code, _, err = cli(capsys, "ballots", "scan", "--db", db, E, tmp_path / "s1.png", "--pass", 2)
    assert code == 0, err
    queued = [e.payload for e in Session(db).log.events if e.type == "ballot.queued"]
    assert len(queued) == 1 and queued[0].outside and queued[0].rows == ()
    _, out, _ = cli(capsys, "ballots", "review", "--db", db, E)
    assert "  Có chữ hoặc dấu ngoài danh sách" in out.splitlines()
    _, out, _ = cli(capsys, "ballots", "review", "--db", db, E, "--json")
    item = json.loads(out)[0]
    assert item["outside"] is True
    width, height = map(int, Path(item["preview"]).read_bytes().split(b"\n")[1].split())
    assert width == 160 and abs(height / width - 297 / 210) < 0.02  # the whole sheet: the mark is what to see

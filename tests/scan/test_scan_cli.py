"""`run.py ballots scan` as a process (issue 15): the demo congress's Chi ủy round opened with 2 passes, its ballots
printed by `ballots print`, struck by the corpus generator with known readings, scanned as pass 2, the same stack
entered by hand as pass 1, closed: the result is the hand count's. A ballot of another round and a blank page are
refused (nothing entered, no number taken); a doubtful one is queued with its number, entered by hand."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest
from corpus import doubtful, make_ballot
from PIL import Image

from runsheet.cli.ballot_papers import round_paper
from runsheet.commands import Session
from runsheet.reports.ballot import BallotPaper, ballot_pdf, layout
from runsheet.scan.template import build, render_pdf

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONUTF8": "1", "PYTHONIOENCODING": "utf-8"}
E = "chi-uy"
PRESENT = ["DV01", "DV02", "DV03", "DV04", "DV05", "DV06", "DV07", "DV08"]
# the stack, in order: what each ballot truly strikes (6 names, 5 seats)
STACK = [{1}, {2, 6}, {3}, set(), {1, 4}, {5}]
DOUBTFUL = 4  # the 4th ballot of the stack (0-based 3) gets a short, doubtful stroke besides its reading


def run(*args: object, check: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "run.py", *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", env=ENV, timeout=300)
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def new_congress(folder: Path, passes: int) -> str:
    db = str(folder / "c.json")
    run("new", "--db", db, "--scenario", "scenarios/chi-bo.toml", "--roster", "data/demo-roster.csv")
    run("attend", "--db", db, *PRESENT)
    run("round", "open", "--db", db, E, "--passes", passes)
    return db


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    """A two-pass round, its ballots printed (A5), struck and saved as the scanner would: PNG and JPEG files, and a
    two-page PDF; with a ballot of round 2 and a blank page among them."""
    folder = tmp_path_factory.mktemp("scan")
    db = new_congress(folder, 2)
    run("ballots", "print", "--db", db, E, "--out", folder / "print", "--size", "A5", "--copies", 1)
    pdf = next((folder / "print").glob("*.pdf")).read_bytes()
    state = Session(db).state
    paper = round_paper(state, E)
    template = build(pdf, layout(paper, "A5"))
    rng = np.random.default_rng(15)
    images = []
    for n, struck in enumerate(STACK, start=1):
        if n == DOUBTFUL:
            images.append(doubtful(template, struck, rng))
        else:
            images.append(make_ballot(template, rng, "plain", set(struck)).image)
    files = []
    for n, image in enumerate(images[:3], start=1):
        files.append(folder / f"b{n}.png")
        cv2.imwrite(str(files[-1]), image)
    other = render_pdf(ballot_pdf(state, BallotPaper(E, 2, paper.candidates, paper.seats), "A5", "vi"), 200)
    files.append(folder / "other-round.png")
    cv2.imwrite(str(files[-1]), other)
    files.append(folder / "b4.jpg")
    cv2.imwrite(str(files[-1]), images[3], [cv2.IMWRITE_JPEG_QUALITY, 85])
    pages = [Image.fromarray(cv2.cvtColor(images[4], cv2.COLOR_BGR2RGB) if images[4].ndim == 3 else images[4]),
             Image.new("L", (1165, 1654), 250),
             Image.fromarray(cv2.cvtColor(images[5], cv2.COLOR_BGR2RGB) if images[5].ndim == 3 else images[5])]
    files.append(folder / "stack.pdf")
    pages[0].convert("RGB").save(files[-1], save_all=True, append_images=[p.convert("RGB") for p in pages[1:]],
                                 resolution=200)
    return db, files, folder




def test_a_one_pass_round_is_refused_before_any_image_is_read(tmp_path):
    db = new_congress(tmp_path, 1)
    blank = tmp_path / "blank.png"
    cv2.imwrite(str(blank), np.full((100, 100), 250, np.uint8))
    refused = run("ballots", "scan", "--db", db, E, blank, "--pass", 1, check=False)
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1
    assert "chỉ có một lượt nhập" in refused.stderr and not refused.stdout
    record = Session(db).state.open_round(E)
    assert record.entered(1) == 0 and record.next_ballot(1) == 1


def test_a_pass_the_round_has_not_and_a_missing_file_are_refused(scanned):
    db, files, _ = scanned
    wrong = run("ballots", "scan", "--db", db, E, files[0], "--pass", 3, "--lang", "en", check=False)
    assert wrong.returncode == 2 and wrong.stderr.count("\n") == 1 and "no pass 3" in wrong.stderr
    missing = run("ballots", "scan", "--db", db, E, files[0], "nowhere.png", "--pass", 2, check=False)
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1 and "nowhere.png" in missing.stderr
    assert Session(db).state.open_round(E).entered(2) == 0


def test_the_scanner_is_one_pass_and_the_count_is_the_hand_count(scanned, tmp_path):
    db, files, folder = scanned
    scan = run("ballots", "scan", "--db", db, E, *files, "--pass", 2, "--size", "A5", "--json", check=False)
    assert scan.returncode == 2  # two images refused; the others processed
    items = json.loads(scan.stdout)
    assert [(Path(i["file"]).name, i["page"]) for i in items] == [
        ("b1.png", 1), ("b2.png", 1), ("b3.png", 1), ("other-round.png", 1), ("b4.jpg", 1),
        ("stack.pdf", 1), ("stack.pdf", 2), ("stack.pdf", 3)]
    refused = [i for i in items if "refused" in i]
    assert [(Path(i["file"]).name, i["page"]) for i in refused] == [("other-round.png", 1), ("stack.pdf", 2)]
    assert "lần bầu thứ 2" in refused[0]["refused"] and "bốn ô vuông" in refused[1]["refused"]
    read = [i for i in items if "refused" not in i]
    assert [i["ballot"] for i in read] == [1, 2, 3, 4, 5, 6]  # refused images take no number
    queued = [i for i in read if i["review"]]
    assert [i["ballot"] for i in queued] == [DOUBTFUL] and "6" in queued[0]["reason"]
    for item, struck in zip(read, STACK):
        if not item["review"]:
            assert set(item["struck"]) == struck and 0 < item["confidence"] <= 1 and item["reason"] is None

    log = Session(db).log
    entered = [e for e in log.events if e.type == "ballot.entered"]
    assert [e.payload.ballot for e in entered] == [1, 2, 3, 5, 6]
    assert all(e.terminal == "scanner" and e.payload.scanner and e.payload.pass_no == 2 for e in entered)
    queued_events = [e for e in log.events if e.type == "ballot.queued"]
    assert [(e.payload.ballot, e.payload.rows) for e in queued_events] == [(DOUBTFUL, (6,))]
    # every ballot's image is kept beside the store, named by the sha256 its event records
    kept = Path(f"{db}.scans") / f"{E}-1"
    hashes = [e.payload.image for e in sorted(entered + queued_events, key=lambda e: e.payload.ballot)]
    assert sorted(p.name.split(".")[0] for p in kept.iterdir() if p.is_file()) == sorted(hashes)
    assert len(set(hashes)) == 6
    # the queued ballot: the machine's reading recorded, and a small preview beside its image for the review
    doubt = queued_events[0].payload
    assert doubt.struck == tuple(sorted(STACK[DOUBTFUL - 1])) and doubt.unclear == ()
    assert [p.name for p in (kept / "previews").iterdir()] == [f"{hashes[DOUBTFUL - 1]}.pgm"]
    assert (kept / f"{hashes[0]}.png").read_bytes() == files[0].read_bytes()  # a file is kept as it was scanned
    assert (kept / f"{hashes[DOUBTFUL - 1]}.jpg").read_bytes() == files[4].read_bytes()

    # the clerk enters the queued ballot by hand on the scanner's pass, and the whole stack as pass 1
    hand = folder / "hand.csv"
    hand.write_text("ballot,struck,unclear,invalid\n" + "".join(
        f"{n},{' '.join(map(str, sorted(s)))},,\n" for n, s in enumerate(STACK, start=1)), encoding="utf-8")
    queued_csv = folder / "queued.csv"
    queued_csv.write_text("ballot,struck,unclear,invalid\n"
                          f"{DOUBTFUL},{' '.join(map(str, sorted(STACK[DOUBTFUL - 1])))},,\n", encoding="utf-8")
    run("ballots", "import", "--db", db, E, queued_csv, "--pass", 2)
    run("ballots", "import", "--db", db, E, hand, "--pass", 1)
    run("round", "close", "--db", db, E)
    scanner_result = json.loads(run("results", "--db", db, E, "--json").stdout)

    by_hand = new_congress(tmp_path, 1)
    run("ballots", "import", "--db", by_hand, E, hand)
    run("round", "close", "--db", by_hand, E)
    hand_result = json.loads(run("results", "--db", by_hand, E, "--json").stdout)
    assert scanner_result["ballots"] == hand_result["ballots"] and scanner_result["ballots"]["collected"] == 6
    assert [c["votes"] for c in scanner_result["candidates"]] == [c["votes"] for c in hand_result["candidates"]]

    run("counting-minutes", "--db", db, E, "--out", folder / "minutes")
    minutes = "".join(p.read_text(encoding="utf-8") for p in (folder / "minutes").glob("*.md"))
    assert "Lượt 2 do máy quét đọc" in minutes and "máy quét chưa chắc ở dòng 6: để người nhập tay" in minutes
    assert minutes.count("máy quét đọc") == 6  # the five ballots it entered, and the pass's line

    verified = run("verify", "--db", db)
    assert "6 ảnh phiếu quét" in verified.stdout
    page = kept / f"{hashes[5]}.png"  # the PDF's last page, kept as PNG
    page.write_bytes(page.read_bytes() + b"\0")
    altered = run("verify", "--db", db, check=False)
    assert altered.returncode == 1 and "ALTERED: sự kiện" in altered.stdout and "đã bị thay đổi" in altered.stdout
    page.unlink()
    gone = run("verify", "--db", db, "--lang", "en", check=False)
    assert gone.returncode == 1 and f"the scanned image {hashes[5]} is gone" in gone.stdout


def test_the_text_output_says_what_was_entered_queued_and_refused(tmp_path):
    db = new_congress(tmp_path, 2)
    blank = tmp_path / "blank.png"
    cv2.imwrite(str(blank), np.full((1654, 1165), 250, np.uint8))
    out = run("ballots", "scan", "--db", db, E, blank, "--pass", 2, check=False)
    assert out.returncode == 2
    assert out.stderr.splitlines() == [f"run.py: error: {blank} trang 1: không nhận (không tìm thấy đủ bốn ô vuông "
                                       "định vị ở bốn góc (trang trắng, ảnh thiếu góc hoặc không phải phiếu bầu)); "
                                       "không nhập, không lấy số phiếu"]
    assert "đã nhập 0 phiếu; 0 phiếu chờ nhập tay; 1 ảnh không nhận" in out.stdout
    assert Session(db).state.open_round(E).next_ballot(2) == 1

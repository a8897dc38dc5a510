"""`run.py ballots rescan` as a process (issue 15, point 4), and `ballots scan` telling A4 from A5 by itself.

A two-pass round of the demo congress, its ballots printed on A4 and on A5 and scanned in one stack without --size;
the same stack entered by hand as pass 1. The recount from the kept images is printed beside the recorded result,
on the open round and on the closed one, with a ballot the committee settled otherwise than the image reads, a
ballot the machine is unsure of, an altered image and a missing one; and the store is never written."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import cv2
import numpy as np
import pytest
from corpus import doubtful, make_ballot
from test_scan_cli import E, new_congress, run

from runsheet.cli.ballot_papers import round_paper
from runsheet.commands import Session
from runsheet.reports.ballot import layout
from runsheet.rules.election import Reading
from runsheet.scan.template import build

# the stack, in order: the size each ballot was printed on and what it truly strikes (6 names, 5 seats)
STACK = [("A4", {1}), ("A5", {2, 6}), ("A4", {3}), ("A5", {1, 4}), ("A5", {5})]
UNSURE = 5  # besides its stroke on 5, a short stroke across name 6: the machine is not sure of it


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rescan")
    db = new_congress(folder, 2)
    templates = {}
    paper = round_paper(Session(db).state, E)
    for size in ("A4", "A5"):
        run("ballots", "print", "--db", db, E, "--out", folder / size, "--size", size, "--copies", 1)
        templates[size] = build(next((folder / size).glob("*.pdf")).read_bytes(), layout(paper, size))
    rng = np.random.default_rng(1515)
    files = []
    for n, (size, struck) in enumerate(STACK, start=1):
        image = (doubtful(templates[size], struck, rng) if n == UNSURE else
                 make_ballot(templates[size], rng, "plain", set(struck)).image)
        files.append(folder / f"b{n}-{size}.png")
        cv2.imwrite(str(files[-1]), image)
    return db, files, folder


def kept_state(db: str) -> str:
    """The store and every kept image, as one hash: what a command that writes nothing leaves as it was."""
    digest = hashlib.sha256(Path(db).read_bytes())
    for path in sorted(Path(f"{db}.scans").rglob("*")):
        digest.update(str(path).encode() + (path.read_bytes() if path.is_file() else b""))
    return digest.hexdigest()


def rescan(db: str, *args: object) -> tuple[int, object]:
    before = kept_state(db)
    proc = run("ballots", "rescan", "--db", db, E, *args, check=False)
    assert kept_state(db) == before  # nothing written: the store byte for byte, the images
    assert proc.returncode in (0, 1), proc.stderr
    return proc.returncode, json.loads(proc.stdout) if "--json" in args else proc.stdout


def test_a_size_given_and_a_page_of_the_other_size_is_refused_saying_which(stack):
    db, files, _ = stack
    refused = run("ballots", "scan", "--db", db, E, files[0], "--pass", 2, "--size", "A5", check=False)
    assert refused.returncode == 2 and "phiếu in khổ A4, không phải A5" in refused.stderr
    assert Session(db).state.open_round(E).entered(2) == 0


def test_the_recount_from_the_images_beside_the_recorded_result(stack):
    db, files, folder = stack
    no_scan = rescan(db)
    assert no_scan == (0, no_scan[1]) and "không có phiếu nào do máy quét đọc" in no_scan[1]

    # A4 and A5 in one stack, no --size: each page says its size
    scan = run("ballots", "scan", "--db", db, E, *files, "--pass", 2, "--json")
    items = json.loads(scan.stdout)
    assert [i["ballot"] for i in items] == [1, 2, 3, 4, 5]
    assert [i["review"] for i in items] == [False, False, False, False, True]
    assert [set(i["struck"]) for i in items[:4]] == [struck for _, struck in STACK[:4]]
    # the clerk types on the scanner's pass the queued ballot and a 6th the scanner never saw; the stack as pass 1,
    # ballot 3 misread as 4, ballot 2 found invalid (a mark that identifies it)
    (folder / "queued.csv").write_text("ballot,struck,unclear,invalid\n5,5,,\n6,2,,\n", encoding="utf-8")
    run("ballots", "import", "--db", db, E, folder / "queued.csv", "--pass", 2)
    typed = [struck if n != 3 else {4} for n, (_, struck) in enumerate(STACK, start=1)] + [{2}]
    (folder / "hand.csv").write_text("ballot,struck,unclear,invalid\n" + "".join(
        f"{n},{' '.join(map(str, sorted(s)))},,{'identifying_mark' if n == 2 else ''}\n"
        for n, s in enumerate(typed, start=1)), encoding="utf-8")
    run("ballots", "import", "--db", db, E, folder / "hand.csv", "--pass", 1)

    # the round open, ballots 2 and 3 not agreed yet: the recount agrees with the result as it stands
    status, open_round = rescan(db, "--json")
    assert status == 0 and open_round["agrees"] and not open_round["closed"] and open_round["scanned"] == 5
    assert open_round["pending"] == [2, 3] and open_round["unsure"] == [UNSURE] and open_round["differs"] == []
    assert all(c["recorded"] == c["recount"] for c in open_round["candidates"])
    assert open_round["ballots"]["from_images"] == 2 and open_round["ballots"]["as_recorded"] == 2  # 5, and 6
    assert [i["status"] for i in open_round["read"]] == ["confirmed", "pending", "pending", "confirmed", "unsure"]
    assert open_round["read"][2]["machine"] == {"struck": [3]} and open_round["read"][2]["recorded"] is None

    # the head of the committee settles ballot 2 as invalid (the mark is on the paper, not for the machine to see)
    # and ballot 3 as the clerk typed it: the image reads otherwise
    session = Session(db)
    session.voting.resolve_ballot(E, 2, Reading(frozenset({2, 6}), invalid="identifying_mark"))
    session.voting.resolve_ballot(E, 3, Reading(frozenset({4})))
    status, text = rescan(db)
    assert status == 1
    lines = text.splitlines()
    assert lines[0] == ("Kiểm phiếu lại từ ảnh phiếu quét: «Bầu Ban Chấp hành Chi bộ (Chi ủy)», lần bầu thứ 1 (đang "
                        "kiểm phiếu: đối chiếu với kết quả hiện tại)")
    assert "Máy đọc lại 5 ảnh phiếu quét: 3 phiếu tính từ ảnh, 1 phiếu máy chưa chắc, 0 ảnh không dùng được" in text
    assert ("Phiếu số 2: Ban kiểm phiếu đã xác định trên phiếu giấy là không hợp lệ (có dấu hiệu nhận biết); giữ "
            "nguyên (máy đọc: gạch 2, 6).") in text
    assert "Phiếu số 3: máy đọc lại gạch 3; đã ghi nhận gạch 4. Ban kiểm phiếu đối chiếu phiếu giấy." in text
    assert ("Phiếu số 5: máy không chắc ở dòng 6: chuyển Ban kiểm phiếu xem; tính theo kết quả đã ghi nhận "
            "(gạch 5).") in text
    assert "1 phiếu không có ảnh quét (nhập tay): tính theo kết quả đã ghi nhận." in text
    assert "KHÔNG KHỚP: 1 phiếu máy đọc khác kết quả đã ghi nhận, 0 ảnh không dùng được" in text
    changed = [line for line in lines if line.startswith("!")]
    assert len(changed) == 2 and changed[0].startswith("!  3.") and changed[0].endswith("-1")
    assert changed[1].startswith("!  4.") and changed[1].endswith("+1")

    # closed: the recount against the frozen result; an image altered and one gone are named, as verify does
    run("round", "close", "--db", db, E)
    status, closed = rescan(db, "--round", 1, "--json")
    assert status == 1 and closed["closed"] and closed["differs"] == [3] and closed["paper"] == [2]
    assert closed["ballots"]["recorded"] == closed["ballots"]["recount"] == {"valid": 5, "invalid": 1}
    recorded = json.loads(run("results", "--db", db, E, "--json").stdout)
    assert [c["recorded"] for c in closed["candidates"]] == [c["votes"] for c in recorded["candidates"]]
    assert [c["difference"] for c in closed["candidates"]] == [0, 0, -1, 1, 0, 0]
    images = {i["ballot"]: Path(i["file"]) for i in closed["read"]}
    images[1].write_bytes(images[1].read_bytes() + b"\0")
    images[4].unlink()
    status, text = rescan(db, "--lang", "en")
    assert status == 1
    assert f"Ballot 1: the scanned image {images[1]} was altered, not used; counted as recorded." in text
    assert f"Ballot 4: the scanned image {images[4].stem} is gone; counted as recorded." in text
    assert "2 images unusable" in text and "DOES NOT AGREE" in text


def test_unknown_election_or_round_one_line(stack):
    db, _, _ = stack
    for args, said in ((("nope",), "'nope'"), ((E, "--round", 7), "7")):
        proc = run("ballots", "rescan", "--db", db, *args, check=False)
        assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and said in proc.stderr and not proc.stdout

"""`run.py ballots scan --watch DIR` as a process (issue 15): a scanner's "scan to folder". Images dropped into the
folder are entered as they arrive, a copy of an image already read is skipped ("đã quét"), a PDF still being written
is not read half-way, SIGTERM ends the watch (exit 0) and so does the round's end; bad input is refused at once."""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import cv2
import numpy as np
import pytest
from corpus import make_ballot
from PIL import Image
from test_scan_cli import E, ENV, ROOT, new_congress, run

from runsheet.cli.ballot_papers import round_paper
from runsheet.commands import Session
from runsheet.reports.ballot import layout
from runsheet.scan.template import build

STACK = [{1}, {2, 6}, {3}, {4}]  # what each ballot strikes (6 names, 5 seats)
WAIT = 60  # seconds a line may take (two CPUs shared with other test runs)


class Watch:
    """`ballots scan --watch` running, its lines (one JSON object each) read as they come."""

    def __init__(self, db: str, folder: Path, *more: str):
        self.proc = subprocess.Popen(
            [sys.executable, "run.py", "ballots", "scan", "--db", db, E, "--pass", "2", "--watch", str(folder),
             "--size", "A5", "--json", *more], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            encoding="utf-8", env=ENV)
        self.lines: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(json.loads(line))
        self.lines.put(None)

    def next(self, timeout: float = WAIT) -> dict | None:
        return self.lines.get(timeout=timeout)

    def nothing_for(self, seconds: float) -> None:
        with pytest.raises(queue.Empty):
            print("unexpected:", self.lines.get(timeout=seconds))

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()


@pytest.fixture(scope="module")
def ballots(tmp_path_factory):
    """A two-pass round and its ballots, struck and scanned: PNG files, and a two-page PDF."""
    folder = tmp_path_factory.mktemp("watch")
    db = new_congress(folder, 2)
    run("ballots", "print", "--db", db, E, "--out", folder / "print", "--size", "A5", "--copies", 1)
    template = build(next((folder / "print").glob("*.pdf")).read_bytes(), layout(round_paper(Session(db).state, E),
                                                                                 "A5"))
    rng = np.random.default_rng(151)
    images = [make_ballot(template, rng, "plain", set(s)).image for s in STACK]
    files = []
    for n, image in enumerate(images[:2], start=1):
        files.append(folder / f"b{n}.png")
        cv2.imwrite(str(files[-1]), image)
    pages = [Image.fromarray(cv2.cvtColor(i, cv2.COLOR_BGR2RGB) if i.ndim == 3 else i).convert("RGB")
             for i in images[2:]]
    files.append(folder / "stack.pdf")
    pages[0].save(files[-1], save_all=True, append_images=pages[1:], resolution=200)
    return db, files


def test_images_are_entered_as_they_arrive_once_each_until_sigterm(ballots, tmp_path):
    db, (b1, b2, stack) = ballots
    folder = tmp_path / "scans-in"
    folder.mkdir()
    shutil.copy(b1, folder / "0001.png")  # in the folder before the watch starts: read too
    watch = Watch(db, folder)
    try:
        started = watch.next()
        assert started["watching"] == str(folder) and started["pass"] == 2 and "Ctrl-C" in started["message"]
        first = watch.next()
        assert (Path(first["file"]).name, first["ballot"], first["struck"], first["review"]) == ("0001.png", 1, [1],
                                                                                                 False)
        shutil.copy(b2, folder / "0002.png")
        second = watch.next()
        assert (Path(second["file"]).name, second["ballot"], second["struck"]) == ("0002.png", 2, [2, 6])

        shutil.copy(b1, folder / "0003.png")  # the first ballot scanned again: never entered twice
        again = watch.next()
        assert Path(again["file"]).name == "0003.png" and again["ballot"] == 1 and "đã quét" in again["skipped"]

        data = stack.read_bytes()  # a PDF being written: half of it, left a while, is not read
        with open(folder / "0004.pdf", "wb") as f:
            f.write(data[: len(data) // 2])
        watch.nothing_for(3.5)
        with open(folder / "0004.pdf", "ab") as f:
            f.write(data[len(data) // 2:])
        pages = [watch.next(), watch.next()]
        assert [(p["page"], p["ballot"], p["struck"]) for p in pages] == [(1, 3, [3]), (2, 4, [4])]

        watch.proc.send_signal(signal.SIGTERM)
        assert watch.proc.wait(timeout=WAIT) == 0
        stopped = watch.next()
        assert stopped["stopped"] == "signal" and (stopped["entered"], stopped["skipped"]) == (4, 1)
        assert watch.next() is None and watch.proc.stderr.read() == ""
    finally:
        watch.stop()
    record = Session(db).state.open_round(E)
    assert {n: set(r.struck) for n, r in record.readings[2].items()} == dict(enumerate(STACK, start=1))
    kept = list((Path(f"{db}.scans") / f"{E}-1").iterdir())
    assert len(kept) == 4
    # the one-shot command skips an image already read too
    again = run("ballots", "scan", "--db", db, E, b2, "--pass", 2, "--size", "A5", "--json")
    assert [(i["ballot"], "đã quét" in i["skipped"]) for i in json.loads(again.stdout)] == [(2, True)]
    assert Session(db).state.open_round(E).entered(2) == 4


def test_the_watch_ends_when_the_round_is_no_longer_counted(tmp_path):
    db = new_congress(tmp_path, 2)
    (tmp_path / "in").mkdir()
    watch = Watch(db, tmp_path / "in", "--lang", "en")
    try:
        assert "watching" in watch.next()
        run("round", "cancel", "--db", db, E)
        stopped = watch.next()
        assert stopped["stopped"] == "closed" and "no longer being counted" in stopped["message"]
        assert watch.proc.wait(timeout=WAIT) == 0
    finally:
        watch.stop()


def test_bad_input_is_refused_in_one_line_before_anything_is_read(tmp_path):
    one_pass = new_congress(tmp_path, 1)
    (tmp_path / "in").mkdir()
    cv2.imwrite(str(tmp_path / "in" / "b.png"), np.full((100, 100), 250, np.uint8))
    for db, folder, said in ((one_pass, tmp_path / "in", "chỉ có một lượt nhập"),
                             (one_pass, tmp_path / "nowhere", "chỉ có một lượt nhập"),  # the round first
                             (new_congress(tmp_path / "two", 2), tmp_path / "nowhere", "không có thư mục")):
        started = time.monotonic()
        refused = run("ballots", "scan", "--db", db, E, "--pass", 2, "--watch", folder, check=False)
        assert refused.returncode == 2 and refused.stderr.count("\n") == 1 and said in refused.stderr
        assert not refused.stdout and time.monotonic() - started < 30
    locked = new_congress(tmp_path / "pin", 2)
    Session(locked).roles.set_pin("chair", "2468")
    no_pin = run("ballots", "scan", "--db", locked, E, "--pass", 2, "--watch", tmp_path / "in", check=False)
    assert no_pin.returncode == 2 and no_pin.stderr.count("\n") == 1 and "cần mã PIN" in no_pin.stderr
    assert not no_pin.stdout
    both = run("ballots", "scan", "--db", one_pass, E, tmp_path / "in" / "b.png", "--pass", 2, "--watch",
               tmp_path / "in", check=False)
    assert both.returncode == 2 and "không cho cả hai" in both.stderr
    assert Session(one_pass).state.open_round(E).entered(1) == 0


def test_without_the_scan_extra_the_refusal_is_one_line(tmp_path):
    db = new_congress(tmp_path, 2)
    (tmp_path / "in").mkdir()
    fake = tmp_path / "no-opencv" / "cv2"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise ImportError('No module named cv2', name='cv2')\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "run.py", "ballots", "scan", "--db", db, E, "--pass", "2", "--watch",
                           str(tmp_path / "in"), "--json"], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", env={**ENV, "PYTHONPATH": str(fake.parent)}, timeout=120)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and not proc.stdout
    assert "runsheet[scan]" in proc.stderr and "cv2" in proc.stderr and "Traceback" not in proc.stderr
    assert os.listdir(tmp_path / "in") == []

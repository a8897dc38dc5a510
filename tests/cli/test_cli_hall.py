"""`run.py message`: the chair's message on the hall's screens, a blank, back to the programme; bad input in one line,
exit 2, nothing written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from runsheet.commands import Session

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
ENV = {**os.environ, "PYTHONUTF8": "1", "PYTHONIOENCODING": "utf-8"}


def run(*args: object) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "run.py", *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", env=ENV, timeout=120)
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr
    return proc


@pytest.fixture
def store(tmp_path) -> Path:
    path = tmp_path / "c.json"
    assert run("new", "--db", path, "--scenario", DATA / "mini.toml", "--roster", DATA / "mini-roster.csv",
               "--date", "2025-06-01").returncode == 0
    return path


def test_message_blank_and_clear(store):
    proc = run("message", "--db", store, "Xin đồng chí kết thúc", "--flash")
    assert proc.returncode == 0 and proc.stdout == "Các màn hình hội trường: «Xin đồng chí kết thúc» (nhấp nháy)\n"
    shown = Session(str(store)).state.hall
    assert shown["projector"].text == shown["podium"].text == "Xin đồng chí kết thúc" and shown["podium"].flash
    proc = run("message", "--db", store, "--blank", "--to", "projector", "--lang", "en")
    assert proc.returncode == 0 and proc.stdout == "The projector: blank\n"
    assert Session(str(store)).state.hall["projector"].blank
    assert run("message", "--db", store, "--clear").stdout == "Các màn hình hội trường: trở lại chương trình\n"
    assert Session(str(store)).state.hall == {}


@pytest.mark.parametrize("args, says", [
    ((), "--blank"),  # nothing to do
    (("Xin mời", "--clear"), "--clear"),
    (("--blank", "--flash"), "--flash"),
    (("   ",), "trống"),
    (("x" * 81,), "tối đa 80"),
    (("Xin mời", "--role", "secretary"), "Thư ký"),
])
def test_bad_input_in_one_line_and_nothing_written(store, args, says):
    events = len(Session(str(store)).log.events)
    proc = run("message", "--db", store, *args)
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 2 and len(lines) == 1 and says in lines[0], proc.stderr
    written = [e.type for e in Session(str(store)).log.events[events:]]
    assert written in ([], ["role.refused"])  # a role's refusal is logged, and nothing else


def test_a_screen_that_does_not_exist_is_refused_by_argparse(store):
    proc = run("message", "--db", store, "Xin mời", "--to", "wall")
    assert proc.returncode == 2 and "invalid choice" in proc.stderr

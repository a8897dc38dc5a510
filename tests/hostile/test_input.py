"""Hostile input on the command line: numbers that are not numbers, days out of range, a TOML nested 5,000 deep, a
CSV cell over 128 KiB, bytes that are not UTF-8. Each is one line naming the file (and line or key), exit status 2,
no traceback, nothing written."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = ROOT / "scenarios/chi-bo.toml"
ROSTER = ROOT / "data/demo-roster.csv"
BIG = "x" * (129 * 1024)  # over the csv module's field limit (128 KiB)


def run(*args) -> subprocess.CompletedProcess:
    argv = [a if isinstance(a, bytes) else str(a).encode() for a in args]
    proc = subprocess.run([sys.executable.encode(), b"run.py", *argv], cwd=ROOT, capture_output=True, timeout=60,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    proc.stdout, proc.stderr = proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")
    return proc


def refused(proc: subprocess.CompletedProcess, *words: str) -> str:
    """One line on stderr holding words, exit status 2, no traceback."""
    assert "Traceback" not in proc.stdout + proc.stderr, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 2 and len(lines) == 1, proc.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def new(tmp_path: Path, scenario: Path = SCENARIO, roster: Path = ROSTER, *more) -> subprocess.CompletedProcess:
    return run("new", "--db", tmp_path / "c.json", "--scenario", scenario, "--roster", roster, *more)


def scenario_with(tmp_path: Path, old: str, new_text: str) -> Path:
    text = SCENARIO.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "s.toml"
    path.write_text(text.replace(old, new_text, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("limit", ["nan", "inf", "-inf", "-3", "0", "1e300", "1441"])
def test_a_speech_limit_that_is_not_a_number_of_minutes(tmp_path, limit):
    path = scenario_with(tmp_path, "speeches = { limit = 7 }", f"speeches = {{ limit = {limit} }}")
    refused(new(tmp_path, path), "s.toml:", "speeches")
    assert not (tmp_path / "c.json").exists()


@pytest.mark.parametrize("minutes", ["nan", "inf", "-inf", "1e300"])
def test_a_step_of_minutes_that_are_not_a_number(tmp_path, minutes):
    path = scenario_with(tmp_path, "minutes = 3\n", f"minutes = {minutes}\n")
    refused(new(tmp_path, path), "s.toml:", "minutes")


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "1969-12-31"])
def test_a_day_out_of_range_in_the_scenario(tmp_path, day):
    path = scenario_with(tmp_path, 'start = "07:30"\n', f'start = "23:30"\ndate = {day}\n')
    refused(new(tmp_path, path), "s.toml:", "date")
    assert not (tmp_path / "c.json").exists()


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_a_day_out_of_range_on_the_command_line(tmp_path, day):
    refused(new(tmp_path, SCENARIO, ROSTER, "--date", day, "--start", "23:59"), "--date")
    assert not (tmp_path / "c.json").exists()


def test_a_toml_nested_5000_deep(tmp_path):
    path = tmp_path / "deep.toml"
    path.write_text("a = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    refused(new(tmp_path, path), "deep.toml", "nested")
    path.write_text("[congress]\n" + "x = " + "{ y = " * 5000 + "1" + " }" * 5000 + "\n", encoding="utf-8")
    refused(new(tmp_path, path), "deep.toml", "nested")


def test_a_roster_cell_over_128_kib(tmp_path):
    roster = tmp_path / "r.csv"
    roster.write_text(ROSTER.read_text(encoding="utf-8") + f"DV77,{BIG},official,\n", encoding="utf-8")
    refused(new(tmp_path, SCENARIO, roster), "r.csv:22")


@pytest.fixture
def store(tmp_path) -> Path:
    db = tmp_path / "c.json"
    assert new(tmp_path).returncode == 0
    assert run("attend", "--db", db, "DV01", "DV02", "DV03").returncode == 0
    return db


@pytest.mark.parametrize("header", ["ballot,struck", "ballot,against"])
def test_a_ballots_cell_over_128_kib(store, tmp_path, header):
    poll = header.endswith("against")
    opened = run("nominate", "open", "--db", store, "chi-uy", "DV03") if poll else run("round", "open", "--db", store,
                                                                                       "chi-uy")
    assert opened.returncode == 0, opened.stderr
    before = store.read_bytes()
    ballots = tmp_path / "b.csv"
    ballots.write_text(f"{header}\n1,1\n2,\"{BIG}\"\n", encoding="utf-8")
    command = ("nominate", "import") if poll else ("ballots", "import")
    refused(run(*command, "--db", store, "chi-uy", ballots), "b.csv:3")
    ballots.write_text(f"{header},{BIG}\n", encoding="utf-8")  # in the header
    refused(run(*command, "--db", store, "chi-uy", ballots), "b.csv:1")
    assert store.read_bytes() == before


@pytest.mark.parametrize("name", [b"\xff\xfe", b"Nguy\xc3n"])
def test_bytes_that_are_not_utf8_in_argv(store, name):
    before = store.read_bytes()
    line = refused(run("member", "add", "--db", store, "DV99", name), "UTF-8")
    assert re.search(r"\b6\b", line)  # the argument, counted as typed after run.py
    assert store.read_bytes() == before


@pytest.mark.parametrize("minutes", ["nan", "inf", "1e300", "1e10", "2000"])
def test_minutes_added_that_are_not_a_number(store, minutes):
    assert run("step", "--db", store, "next").returncode == 0
    before = store.read_bytes()
    refused(run("step", "--db", store, "adjust", minutes))
    assert store.read_bytes() == before
    assert run("status", "--db", store).returncode == 0


def test_an_id_or_text_beginning_with_an_at_sign_is_shown_as_it_is(tmp_path):
    """A refusal's values were read as message keys when they began with "@": `attend @x` gave a KeyError traceback
    (the fuzz of the digest parser found it with the text "@")."""
    db = tmp_path / "c.json"
    assert run("new", "--db", db, "--scenario", ROOT / "scenarios/chi-bo.toml",
               "--roster", ROOT / "data/demo-roster.csv").returncode == 0
    refused = run("attend", "--db", db, "@x")
    assert refused.returncode == 2 and "@x" in refused.stderr and "Traceback" not in refused.stderr

"""A store reached through a symlink is written through to its target: the lock, the snapshot and the backups sit
beside the target, so a terminal opening the link and one opening the target share one lock and one history."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from runsheet.commands import Session
from runsheet.store import backups
from runsheet.store.log import verify

ROOT = Path(__file__).resolve().parents[2]


def run(*args) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "run.py", *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=60, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


@pytest.fixture
def linked(tmp_path, session) -> Path:
    """The store in real/, and link.json in another folder pointing to it."""
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "c.json"
    os.replace(session.path, target)
    (tmp_path / "elsewhere").mkdir()
    link = tmp_path / "elsewhere" / "link.json"
    link.symlink_to(target)
    return link


def beside_the_link(link: Path) -> list[str]:
    return sorted(p.name for p in link.parent.iterdir() if p.name != link.name)


def test_a_commit_through_the_link_locks_and_backs_up_beside_the_target(linked, clock, monkeypatch):
    monkeypatch.setattr(backups, "EVERY", 2)
    session = Session(str(linked), clock=clock, terminal="t:1")
    assert session.log.path == os.path.realpath(linked)
    session.attendance.attend(["A1", "A2"])
    session.attendance.attend(["A3"])
    assert beside_the_link(linked) == []  # no lock, snapshot or backups beside the link
    target = linked.resolve()
    assert Path(str(target) + ".lock").exists() and backups.folder(str(linked)) == Path(str(target) + ".backups")
    assert backups.folder(str(target)).is_dir()
    assert linked.is_symlink() and verify(str(target)).ok
    assert Session(str(target), clock=clock).state.attendance.here == {"A1", "A2", "A3"}


def test_the_command_line_opens_and_writes_through_the_link(linked):
    assert run("attend", "--db", linked, "A1").returncode == 0
    assert run("status", "--db", linked).returncode == 0
    assert run("verify", "--db", linked).returncode == 0
    assert beside_the_link(linked) == [] and linked.is_symlink()
    assert "A1" in Session(str(linked.resolve())).state.attendance.here

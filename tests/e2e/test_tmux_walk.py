"""An end-to-end walk as a person would: the real app in tmux, keys sent, the screen read back.
Two terminals on one store: what the chair does in one shows in the other."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def test_two_terminals_follow_the_chair(tmux, tmp_path):
    db = tmp_path / "congress.json"
    subprocess.run([sys.executable, "run.py", "new", "--db", str(db), "--scenario", "scenarios/chi-bo.toml",
                    "--roster", "data/demo-roster.csv"], cwd=ROOT, check=True, capture_output=True)
    app = f"{sys.executable} run.py --db {db}"
    tmux.open("chair", app)
    tmux.open("other", app)
    tmux.wait_for("chair", "nhấn n")
    tmux.wait_for("other", "nhấn n")

    tmux("send-keys", "-t", "chair", "n")
    tmux.wait_for("chair", "Người trình bày")
    screen = tmux.wait_for("other", "▶1")  # the chair's step, live in the other terminal
    assert "Người trình bày" in screen and "Kính thưa" in screen

    tmux("send-keys", "-t", "chair", "space")
    tmux.wait_for("other", "TẠM DỪNG")
    tmux("send-keys", "-t", "chair", "q")
    tmux("send-keys", "-t", "other", "q")

    status = subprocess.run([sys.executable, "run.py", "status", "--db", str(db), "--json"], cwd=ROOT,
                            check=True, capture_output=True, text=True).stdout
    assert '"paused": true' in status and '"id": "chao-co"' in status

"""An end-to-end walk as a person would: the real app in tmux, keys sent, the screen read back.
Two terminals on one store: what the chair does in one shows in the other."""

from __future__ import annotations

import shutil
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Tmux:
    def __init__(self):
        self.socket = f"runsheet-{uuid.uuid4().hex[:8]}"

    def __call__(self, *args: str) -> str:
        # pytest's readline may put COLUMNS/LINES (80x24) in the environment: the panes must not inherit them
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True,
                              check=True, env=env).stdout

    def screen(self, target: str) -> str:
        return self("capture-pane", "-p", "-t", target)

    def wait_for(self, target: str, text: str, timeout: float = 15) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen(target)
            if text in screen:
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared in {target}:\n{screen}")
            time.sleep(0.2)

    def close(self):
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


@pytest.fixture
def tmux():
    session = Tmux()
    yield session
    session.close()


def test_two_terminals_follow_the_chair(tmux, tmp_path):
    db = tmp_path / "congress.json"
    subprocess.run([sys.executable, "run.py", "new", "--db", str(db), "--scenario", "scenarios/chi-bo.toml",
                    "--roster", "data/demo-roster.csv"], cwd=ROOT, check=True, capture_output=True)
    app = f"{sys.executable} run.py --db {db}"
    tmux("new-session", "-d", "-s", "chair", "-x", "120", "-y", "32", "-c", str(ROOT), app)
    tmux("new-session", "-d", "-s", "other", "-x", "120", "-y", "32", "-c", str(ROOT), app)
    tmux.wait_for("chair", "nhấn N")
    tmux.wait_for("other", "nhấn N")

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

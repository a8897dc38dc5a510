"""The tmux driver the end-to-end walks share: the real app in tmux sessions, keys sent, screens read back."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


class Tmux:
    def __init__(self):
        self.socket = f"runsheet-{uuid.uuid4().hex[:8]}"
        # GNU readline (imported by pytest) puts COLUMNS=80 and LINES=24 in the C environment of this process;
        # the panes would inherit them and Textual would draw 80 columns whatever the pane's size
        self.env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}

    def __call__(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True,
                              env=self.env).stdout

    def open(self, name: str, command: str, width: int = 120) -> None:
        self("new-session", "-d", "-s", name, "-x", str(width), "-y", "32", "-c", str(ROOT), command)

    def keys(self, target: str, *keys: str) -> None:
        self("send-keys", "-t", target, *keys)

    def wait_for(self, target: str, *patterns: str, timeout: float = 15) -> str:
        """Poll the pane until every regular expression matches it; the screen as last read."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self("capture-pane", "-p", "-t", target)
            if all(re.search(p, screen) for p in patterns):
                return screen
            if time.monotonic() > deadline:
                missing = [p for p in patterns if not re.search(p, screen)]
                raise AssertionError(f"{missing} never appeared in {target}:\n{screen}")
            time.sleep(0.2)

    def close(self):
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


@pytest.fixture
def tmux():
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    session = Tmux()
    yield session
    session.close()

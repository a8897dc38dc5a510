"""`run.py serve` as a process for the tests that need the real server (tests/e2e/test_serve.py,
tests/hostile/test_serve_access.py)."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
ANSI = re.compile(rb"\x1b(\[[0-9;?<>=$]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")  # a terminal's codes


def mini_store(folder: Path) -> Path:
    """A store of the mini congress (tests/data/mini.toml) to serve."""
    from runsheet.commands import create

    path = folder / "congress.json"
    create(str(path), str(DATA / "mini.toml"), str(DATA / "mini-roster.csv"), terminal="setup")
    return path


def free_port(host: str) -> int:
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.bind((host, 0))
            return s.getsockname()[1]
    except OSError as exc:
        pytest.skip(f"cannot open a socket on {host}: {exc}")


class Served:
    """`run.py serve` in its own process group (the tabs it spawns belong to it), output kept in files."""

    def __init__(self, tmp_path: Path, *args: str, env: dict | None = None):
        self.out, self.err = tmp_path / "serve.out", tmp_path / "serve.err"
        with open(self.out, "wb") as out, open(self.err, "wb") as err:
            self.proc = subprocess.Popen([sys.executable, "run.py", "serve", *args], cwd=ROOT, stdout=out, stderr=err,
                                         stdin=subprocess.DEVNULL, start_new_session=True, env=env)

    def wait_listening(self, port: int, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"serve exited with {self.proc.returncode}: {self.stderr()}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.1)
        raise AssertionError(f"serve never listened on {port}: {self.stderr()}")

    def stderr(self) -> str:
        return self.err.read_text(encoding="utf-8", errors="replace")

    def group(self) -> set[int]:
        """The processes of the server's group still alive (Linux /proc), the server included."""
        members = set()
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                if int(fields[2]) == self.proc.pid and fields[0] != "Z":
                    members.add(int(entry.name))
        return members

    def kill(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait(timeout=10)

"""`run.py hall` from the command line: it serves, says where, warns when bound beyond this machine; bad input is one
line and exit 2."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
ENV = {**os.environ, "PYTHONUTF8": "1", "PYTHONIOENCODING": "utf-8"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(*args: object, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "run.py", *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", env=ENV, timeout=120, **kw)


@pytest.fixture
def store(tmp_path) -> Path:
    path = tmp_path / "c.json"
    assert run("new", "--db", path, "--scenario", DATA / "mini.toml", "--roster", DATA / "mini-roster.csv",
               "--date", "2025-06-01").returncode == 0
    return path


def serve(store: Path, host: str) -> tuple[subprocess.Popen, int]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "run.py", "hall", "--db", str(store), "--host", host, "--port", str(port)],
                            cwd=ROOT, env=ENV, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/projector", timeout=1) as response:
                assert response.status == 200
                return proc, port
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise AssertionError(proc.stderr.read())


def stop(proc: subprocess.Popen) -> str:
    proc.terminate()
    _, err = proc.communicate(timeout=10)
    return err


@pytest.mark.parametrize("host, warned", [("127.0.0.1", False), ("0.0.0.0", True)])
def test_it_serves_says_where_and_warns_beyond_this_machine(store, host, warned):
    proc, port = serve(store, host)
    err = stop(proc)
    assert f":{port}/ (màn hình chiếu: /projector" in err and "Traceback" not in err
    assert ("cảnh báo: đang mở trên 0.0.0.0" in err) is warned


@pytest.mark.parametrize("args, says", [
    (["--port", "0"], "cổng 0 không hợp lệ"),
    (["--port", "x"], "invalid int value"),
])
def test_bad_input_is_one_line_and_exit_2(store, args, says):
    proc = run("hall", "--db", store, *args)
    assert proc.returncode == 2 and says in proc.stderr and len(proc.stderr.strip().splitlines()) <= 2
    assert "Traceback" not in proc.stderr


def test_a_missing_store_is_one_line(tmp_path):
    proc = run("hall", "--db", tmp_path / "none.json")
    assert proc.returncode == 2 and proc.stderr.strip().endswith("no such store (create one with `run.py new`)")
    assert len(proc.stderr.strip().splitlines()) == 1

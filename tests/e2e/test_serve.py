"""`run.py serve`: the app in a browser. The real server as a process, its page over HTTP, and one tab's websocket:
the app's screen arrives over it, and a key typed in the tab is a command on the store."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from runsheet.commands import Session
from served import ANSI, Served, free_port, mini_store

aiohttp = pytest.importorskip("aiohttp")

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def store(tmp_path) -> Path:
    return mini_store(tmp_path)


async def fetch(url: str, headers: dict | None = None) -> str:
    async with aiohttp.ClientSession() as client, client.get(url, headers=headers) as response:
        assert response.status == 200
        return await response.text()


async def read_screen(ws, shown: tuple[str, ...]) -> str:
    """The tab's output, escape sequences removed, read until every text in shown has appeared."""
    screen = b""
    deadline = time.monotonic() + 30
    while not all(text.encode() in ANSI.sub(b"", screen) for text in shown):
        assert time.monotonic() < deadline, f"not in the tab's output: {shown}: {ANSI.sub(b'', screen)[-800:]!r}"
        try:
            message = await ws.receive(timeout=1)
        except TimeoutError:
            continue
        assert message.type in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT), message
        if message.type == aiohttp.WSMsgType.BINARY:
            screen += message.data
    return ANSI.sub(b"", screen).decode("utf-8", "replace")


async def one_tab(port: int, db: Path, shown: tuple[str, ...]) -> tuple[str, Session]:
    """Open a tab the way textual.js does; read its screen until it shows what is expected, then check a member in
    from the keyboard and wait for the store to record it."""
    async with aiohttp.ClientSession() as client, \
            client.ws_connect(f"http://127.0.0.1:{port}/ws?width=120&height=32",
                              origin=f"http://127.0.0.1:{port}") as ws:
        await ws.send_json(["resize", {"width": 120, "height": 32}])
        screen = await read_screen(ws, shown)
        await ws.send_json(["stdin", "binh"])
        await asyncio.sleep(0.3)
        await ws.send_json(["stdin", "\r"])
        deadline = time.monotonic() + 30
        while True:
            session = Session(str(db))
            if session.state.attendance.here:
                break
            assert time.monotonic() < deadline, "the keys typed in the tab never reached the store"
            await asyncio.sleep(0.1)
    return screen, session


async def first_screen(port: int, shown: tuple[str, ...]) -> str:
    async with aiohttp.ClientSession() as client, \
            client.ws_connect(f"http://127.0.0.1:{port}/ws?width=120&height=32",
                              origin=f"http://127.0.0.1:{port}") as ws:
        return await read_screen(ws, shown)


def test_a_browser_tab_is_a_terminal_on_the_store(tmp_path, store):
    port = free_port("127.0.0.1")
    served = Served(tmp_path, "--db", str(store), "--role", "desk", "--lang", "en", "--port", str(port))
    try:
        served.wait_listening(port)
        page = asyncio.run(fetch(f"http://127.0.0.1:{port}/"))
        assert "runsheet — congress run-sheet" in page and "textual.js" in page
        assert f'data-session-websocket-url="ws://127.0.0.1:{port}/ws"' in page

        # the desk's screen, in English: --role and --lang reach the tab's process
        screen, session = asyncio.run(one_tab(port, store, ("Nguyễn Văn Bình", "Present 0 · D = 3")))
        assert "Khai mạc" not in screen  # not the chair's agenda
        assert session.state.attendance.here == {"A1"}
        checked_in = session.log.head
        assert (checked_in.type, checked_in.role) == ("member.attended", "desk")
        assert checked_in.terminal != "setup"

        # the closed tab's process goes away; only the server is left
        if Path("/proc/self/stat").exists():
            deadline = time.monotonic() + 15
            while served.group() - {served.proc.pid} and time.monotonic() < deadline:
                time.sleep(0.1)
            assert served.group() == {served.proc.pid}, "a closed tab left its process running"
        assert served.proc.poll() is None
        assert "warning" not in served.stderr() and "cảnh báo" not in served.stderr()
    finally:
        served.kill()


def test_a_pin_in_the_servers_environment_does_not_unlock_the_tabs(tmp_path, store):
    Session(str(store)).roles.set_pin("desk", "2468")
    port = free_port("127.0.0.1")
    served = Served(tmp_path, "--db", str(store), "--role", "desk", "--port", str(port),
                    env={**os.environ, "RUNSHEET_PIN": "2468"})
    try:
        served.wait_listening(port)
        assert "Nhập mã PIN" in asyncio.run(first_screen(port, ("Mã PIN của Lễ tân", "Nhập mã PIN")))
    finally:
        served.kill()


def test_serving_beyond_this_machine_without_pins_warns_and_points_the_page_at_the_address_used(tmp_path, store):
    port = free_port("0.0.0.0")
    served = Served(tmp_path, "--db", str(store), "--host", "0.0.0.0", "--port", str(port), "--allow-no-pin")
    try:
        served.wait_listening(port)
        lines = served.stderr().splitlines()
        assert len(lines) == 1, lines
        assert "cảnh báo" in lines[0] and f"0.0.0.0:{port}" in lines[0] and "không có xác thực" in lines[0]
        assert "PIN" in lines[0]  # the congress's language: Vietnamese
        # the browser reached the server as congress.local: the websocket must be there, not at 0.0.0.0
        page = asyncio.run(fetch(f"http://127.0.0.1:{port}/", headers={"Host": f"congress.local:{port}"}))
        assert f'data-session-websocket-url="ws://congress.local:{port}/ws"' in page
    finally:
        served.kill()


def test_serve_refuses_a_missing_or_damaged_store_in_one_line(tmp_path, store):
    port = str(free_port("127.0.0.1"))
    missing = subprocess.run([sys.executable, "run.py", "serve", "--db", str(tmp_path / "none.json"), "--port", port],
                             cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert missing.returncode == 2 and missing.stdout == ""
    assert missing.stderr.count("\n") == 1 and "none.json" in missing.stderr
    store.write_bytes(store.read_bytes()[:200])
    damaged = subprocess.run([sys.executable, "run.py", "serve", "--db", str(store), "--port", port],
                             cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert damaged.returncode == 1 and damaged.stdout == ""
    assert "no committed event" in damaged.stderr and "Traceback" not in damaged.stderr

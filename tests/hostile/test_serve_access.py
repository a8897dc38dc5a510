"""`run.py serve` as an attacker would try it: a page of another site in the operator's browser driving the
websocket, a name of the attacker's that resolves to 127.0.0.1, a tab that acts before it signs in, a server opened
to the network while roles have no PIN. The real server, as a process, on a free port."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from pathlib import Path

import pytest

from runsheet.commands import ROLES, Session
from served import ANSI, Served, free_port, mini_store

aiohttp = pytest.importorskip("aiohttp")

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def store(tmp_path) -> Path:
    return mini_store(tmp_path)


@pytest.fixture
def server(tmp_path, store):
    port = free_port("127.0.0.1")
    served = Served(tmp_path, "--db", str(store), "--port", str(port))
    try:
        served.wait_listening(port)
        yield served, port
    finally:
        served.kill()


async def handshake(port: int, origin: str | None, host: str | None = None) -> int:
    """The status of a websocket handshake: 101 when it opened (then closed at once), else the refusal's."""
    headers = {"Host": host} if host else {}
    async with aiohttp.ClientSession() as client:
        try:
            async with client.ws_connect(f"http://127.0.0.1:{port}/ws?width=80&height=24", origin=origin,
                                         headers=headers):
                return 101
        except aiohttp.WSServerHandshakeError as exc:
            return exc.status


async def tab(port: int, keys: list[str], shown: tuple[str, ...]) -> str:
    """A tab opened as textual.js opens it: the screen read until it shows what is expected, then keys typed."""
    async with aiohttp.ClientSession() as client, \
            client.ws_connect(f"http://127.0.0.1:{port}/ws?width=100&height=30",
                              origin=f"http://127.0.0.1:{port}") as ws:
        await ws.send_json(["resize", {"width": 100, "height": 30}])
        screen = b""
        deadline = time.monotonic() + 30
        while not all(text.encode() in ANSI.sub(b"", screen) for text in shown):
            assert time.monotonic() < deadline, f"not in the tab: {shown}: {ANSI.sub(b'', screen)[-600:]!r}"
            try:
                message = await ws.receive(timeout=1)
            except TimeoutError:
                continue
            if message.type == aiohttp.WSMsgType.BINARY:
                screen += message.data
        for key in keys:
            await ws.send_json(["stdin", key])
            await asyncio.sleep(0.2)
        await asyncio.sleep(1.5)
        return ANSI.sub(b"", screen).decode("utf-8", "replace")


def test_a_websocket_from_another_sites_page_is_refused_and_the_pages_own_is_taken(server, store):
    served, port = server
    assert asyncio.run(handshake(port, "http://evil.example")) == 403
    assert asyncio.run(handshake(port, f"http://127.0.0.1:{port + 1}")) == 403  # another port is another origin
    assert asyncio.run(handshake(port, f"https://127.0.0.1:{port}")) == 403  # another scheme too
    assert asyncio.run(handshake(port, "null")) == 403
    assert asyncio.run(handshake(port, None)) == 403  # browsers always send one; a program must say it
    # a name of the attacker's made to resolve to 127.0.0.1: the page and the websocket agree, the name is not ours
    assert asyncio.run(handshake(port, f"http://evil.example:{port}", host=f"evil.example:{port}")) == 403
    assert asyncio.run(handshake(port, f"http://127.0.0.1:{port}")) == 101
    assert asyncio.run(handshake(port, f"http://localhost:{port}", host=f"localhost:{port}")) == 101
    assert "evil.example" in served.stderr()  # the operator sees what was refused
    assert len(Session(str(store)).log.events) == 1  # nothing reached the store


def test_a_tab_starts_on_its_sign_in_and_its_keys_act_on_nothing_else(server, store):
    served, port = server
    screen = asyncio.run(tab(port, ["n", "+", "+", " ", "v", "\x1bOQ", "\x1bOR"],
                             ("Đăng nhập máy trạm", "Chủ tọa", "Lễ tân", "Mọi màn hình")))
    assert "Khai mạc" not in screen  # no programme before signing in
    assert len(Session(str(store)).log.events) == 1  # n + + space v F2 F3 did nothing


def test_serving_beyond_this_machine_is_refused_while_a_role_has_no_pin(tmp_path, store):
    port = str(free_port("127.0.0.1"))
    Session(str(store)).roles.set_pin("desk", "2468")
    proc = subprocess.run([sys.executable, "run.py", "serve", "--db", str(store), "--host", "0.0.0.0", "--port", port],
                          cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=60,
                          stdin=subprocess.DEVNULL)
    assert proc.returncode == 2 and proc.stdout == "" and "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1 and "--allow-no-pin" in proc.stderr
    named = proc.stderr.split("PIN:")[1]
    assert all(role in named for role in ROLES if role != "desk") and "desk" not in named


def test_serving_beyond_this_machine_starts_once_every_role_has_a_pin(tmp_path, store):
    session = Session(str(store))
    for number, role in enumerate(ROLES[::-1]):  # the chair's last: it needs its own PIN from then on
        session.roles.set_pin(role, f"24680{number}")
    port = free_port("0.0.0.0")
    served = Served(tmp_path, "--db", str(store), "--host", "0.0.0.0", "--port", str(port))
    try:
        served.wait_listening(port)
        assert served.stderr() == ""
    finally:
        served.kill()

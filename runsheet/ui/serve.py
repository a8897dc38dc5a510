"""`run.py serve`: the app in a browser through textual-serve. Every browser tab runs its own process of this
same interpreter (`python -m runsheet --db STORE [--role R] [--lang L]`), so a tab is one more terminal on the
store, exactly like a second window in the room."""

from __future__ import annotations

import ipaddress
import os
import shlex
import socket
import subprocess
import sys
from pathlib import Path

from ..commands import Session
from ..errors import RunsheetError
from ..texts import say

def is_loopback(host: str) -> bool:
    """Whether binding host reaches this machine only. An empty host or 0.0.0.0 / :: means every interface."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        pass
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except (OSError, UnicodeError):
        return False
    try:
        return bool(addresses) and all(ipaddress.ip_address(a.split("%")[0]).is_loopback for a in addresses)
    except ValueError:
        return False


def app_command(db: str, role: str | None, lang: str | None) -> str:
    """The shell command textual-serve runs for each tab (it starts it with create_subprocess_shell)."""
    argv = [sys.executable, "-m", "runsheet", "--db", os.path.abspath(db)]
    if role:
        argv += ["--role", role]
    if lang:
        argv += ["--lang", lang]
    # cmd.exe does not read POSIX shell quoting
    return subprocess.list2cmdline(argv) if os.name == "nt" else shlex.join(argv)


def serve(db: str | None, role: str | None = None, lang: str | None = None, host: str = "127.0.0.1",
          port: int = 8000) -> int:
    if db is None:
        from ..demo import open_demo

        db = open_demo().path  # created once here, not by several tabs racing each other
    session = Session(db, role=role)  # a missing or damaged store is refused now, with its one-line error
    say_lang = lang or session.state.language
    if not 1 <= port <= 65535:
        raise RunsheetError(say("serve.port", say_lang, port=port))

    # Each tab must run this very runsheet, also when it is importable only from a checkout (run.py adds the
    # checkout to sys.path; a tab's fresh interpreter would not).
    package_root = str(Path(__file__).resolve().parent.parent)
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH")) if p)
    # A PIN in the server's environment would unlock every tab for whoever opens the page.
    os.environ.pop("RUNSHEET_PIN", None)

    if not is_loopback(host):
        print(say("serve.warning", say_lang, host=host or "*", port=port, db=session.path), file=sys.stderr, flush=True)

    from textual_serve.server import Server

    class RunsheetServer(Server):
        async def handle_index(self, request):
            # The page tells the browser where the websocket is. textual-serve builds it from the bound address,
            # which a browser cannot reach when it is 0.0.0.0; the address the browser itself used is right.
            self.public_url = f"{request.scheme}://{request.host}"
            return await super().handle_index(request)

    server = RunsheetServer(app_command(session.path, role, lang), host=host, port=port,
                            title=say("app.title", say_lang))
    try:
        server.serve()
    except OSError as exc:
        reason = os.strerror(exc.errno) if exc.errno else str(exc)  # aiohttp's text repeats host and port
        raise RunsheetError(say("serve.listen", say_lang, host=host, port=port, reason=reason)) from None
    return 0

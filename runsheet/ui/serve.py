"""`run.py serve`: the app in a browser through textual-serve. Every browser tab runs its own process of this
same interpreter (`python -m runsheet --db STORE --sign-in [--role R] [--lang L]`), so a tab is one more terminal on
the store, exactly like a second window in the room; it starts on its sign-in (its role, then that role's PIN).

textual-serve has no login and takes any websocket: here a websocket is taken only from a page of this server (its
Origin is the page's own address), and, on a server bound to this machine only, only under a loopback name (a
page elsewhere that has its name resolve to 127.0.0.1 still sends its own name). Bound beyond this machine, the
server does not start while a role has no PIN (unless --allow-no-pin)."""

from __future__ import annotations

import ipaddress
import os
import shlex
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from ..commands import ROLES, Session
from ..errors import RunsheetError
from ..net import is_loopback
from ..texts import say


def loopback_name(host: str) -> bool:
    """Whether a name in a request's Host is this machine's, read as written (never resolved: a name that resolves
    to 127.0.0.1 may be anyone's)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def websocket_allowed(origin: str | None, scheme: str, host: str, local_only: bool) -> bool:
    """Whether a websocket may open: its Origin is the page's own (same scheme, host and port as the address the
    browser asked for), and on a server bound to this machine only, that address is a loopback one. A request with
    no Origin is refused: every browser sends one, and a program that is not a browser can send any it likes (the
    PINs, not this check, stand against it)."""
    asked, page = _place(origin), _place(f"{scheme}://{host}" if host else None)
    if asked is None or asked != page:
        return False
    return not local_only or loopback_name(page[1])


DEFAULT_PORTS = {"http": 80, "https": 443}


def _place(url: str | None) -> tuple[str, str, int] | None:
    """(scheme, host, port) of an address, the port filled in when left out; None for anything else."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
        port = parts.port or DEFAULT_PORTS.get(parts.scheme.lower())
    except ValueError:
        return None
    if not parts.hostname or port is None or parts.path not in ("", "/") or parts.username or parts.password:
        return None
    return parts.scheme.lower(), parts.hostname.lower(), port

def app_command(db: str, role: str | None, lang: str | None) -> str:
    """The shell command textual-serve runs for each tab (it starts it with create_subprocess_shell)."""
    argv = [sys.executable, "-m", "runsheet", "--db", os.path.abspath(db), "--sign-in"]
    if role:
        argv += ["--role", role]
    if lang:
        argv += ["--lang", lang]
    # cmd.exe does not read POSIX shell quoting
    return subprocess.list2cmdline(argv) if os.name == "nt" else shlex.join(argv)


def serve(db: str | None, role: str | None = None, lang: str | None = None, host: str = "127.0.0.1",
          port: int = 8000, allow_no_pin: bool = False) -> int:
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

    local_only = is_loopback(host)
    if not local_only:
        no_pin = [r for r in ROLES if r not in session.state.pins]
        if no_pin and not allow_no_pin:
            raise RunsheetError(say("serve.no_pin", say_lang, host=host or "*", port=port, roles=", ".join(no_pin),
                                    db=session.path))
        if no_pin:
            print(say("serve.warning", say_lang, host=host or "*", port=port, db=session.path), file=sys.stderr,
                  flush=True)

    from aiohttp import web
    from textual_serve.server import Server

    class RunsheetServer(Server):
        async def handle_index(self, request):
            # The page tells the browser where the websocket is. textual-serve builds it from the bound address,
            # which a browser cannot reach when it is 0.0.0.0; the address the browser itself used is right.
            self.public_url = f"{request.scheme}://{request.host}"
            return await super().handle_index(request)

        async def handle_websocket(self, request):
            origin = request.headers.get("Origin")
            if not websocket_allowed(origin, request.scheme, request.host, local_only):
                print(say("serve.refused", say_lang, origin=origin or "—", host=request.host), file=sys.stderr,
                      flush=True)
                return web.Response(status=403, text="403: Forbidden\n")
            return await super().handle_websocket(request)

    server = RunsheetServer(app_command(session.path, role, lang), host=host, port=port,
                            title=say("app.title", say_lang))
    try:
        server.serve()
    except OSError as exc:
        reason = os.strerror(exc.errno) if exc.errno else str(exc)  # aiohttp's text repeats host and port
        raise RunsheetError(say("serve.listen", say_lang, host=host, port=port, reason=reason)) from None
    return 0

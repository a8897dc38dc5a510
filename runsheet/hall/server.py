"""`run.py hall`: the hall's pages over HTTP (aiohttp) and one stream of server-sent events that every browser
follows. One reader of the store (a Follower over the EventLog, refreshed every READ_EVERY seconds in one task)
computes the hall's view once per change and hands the same JSON to every client; a client that falls behind gets
only the latest view. Events that change nothing the hall sees (the ballots of a count) send nothing, but for the
log's head in the footer, refreshed at most every CODE_EVERY seconds. Only the pages and assets named in PAGES and
ASSETS are served (anything else is 404), all from this package: no request leaves the host, so a hall with no
internet works."""

from __future__ import annotations

import asyncio
import json
import mimetypes
import os
import re
import sys
import time
from datetime import UTC, datetime
from importlib import resources

from aiohttp import web

from ..errors import RunsheetError
from ..net import is_loopback
from ..qr import qr_matrix
from ..store.documents import document_path
from ..store.follow import Follower
from ..store.log import EventLog
from ..texts import say
from .view import hall_view

READ_EVERY = 0.2  # seconds between two looks at the store (one stat when nothing changed)
CODE_EVERY = 30.0  # seconds: the footer's code (the log's head) alone is sent again at most this often
# Views are compared as of one fixed moment: a timer's elapsed time there says when it started and how long it was
# paused, so two looks at an unchanged state compare equal whatever the time, and a change of it does not.
SAME_AS_OF = datetime(2999, 1, 1, tzinfo=UTC)
KEEPALIVE = 15.0  # seconds: a comment line keeps proxies and phones from closing a quiet stream
PAGES = {"/": "phone.html", "/projector": "projector.html", "/podium": "podium.html"}
ASSETS = {"style.css": "text/css", "live.js": "text/javascript", "projector.js": "text/javascript",
          "podium.js": "text/javascript", "phone.js": "text/javascript",
          "DejaVuSans.ttf": "font/ttf", "DejaVuSans-Bold.ttf": "font/ttf"}  # every Vietnamese letter, on any laptop
HEADERS = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
           "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
                                      "frame-ancestors 'none'"}
HOST = re.compile(r"[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?|\[[0-9A-Fa-f:.]{2,45}\](:[0-9]{1,5})?")
FOLLOW = web.AppKey("follow", asyncio.Task)


def _asset(name: str) -> bytes:
    return resources.files(__package__).joinpath("assets", name).read_bytes()


class Hall:
    """The one reader of the store and the latest view it computed; clients wait on `changed`."""

    def __init__(self, db: str, lang: str | None = None, now=lambda: datetime.now(UTC)):
        self.db = db
        self.follower = Follower(EventLog(db))
        self.lang, self.now = lang, now
        self.version = 0
        self.view = b""
        self.seen: tuple[dict, str] | None = None  # what was last sent, as of SAME_AS_OF: (all but the code, code)
        self.sent_at = 0.0
        self.code_due = False  # the head moved on since the last send, nothing else did
        self.changed = asyncio.Condition()
        self._compute()

    def _compute(self) -> bool:
        """The view computed and its version moved on, unless the hall would see no difference."""
        shown = hall_view(self.follower.state, SAME_AS_OF, self.lang)
        shown.pop("now"), shown.pop("seq")
        code = shown.pop("code")
        if self.seen is not None:
            same, same_code = self.seen[0] == shown, self.seen[1] == code
            if same and (same_code or time.monotonic() - self.sent_at < CODE_EVERY):
                self.code_due = not same_code
                return False
        self.code_due = False
        self.seen, self.sent_at = (shown, code), time.monotonic()
        self.view = json.dumps(hall_view(self.follower.state, self.now(), self.lang), ensure_ascii=False).encode()
        self.version += 1
        return True

    def _read(self) -> bool:
        """New events folded and the view computed again (in a thread: the loop keeps serving meanwhile)."""
        log = self.follower.log
        if not log.changed():
            return self.code_due and time.monotonic() - self.sent_at >= CODE_EVERY and self._compute()
        log.refresh()
        if not self.follower.catch_up():
            return False
        return self._compute()

    async def follow(self) -> None:
        while True:
            try:
                fresh = await asyncio.to_thread(self._read)
            except RunsheetError as exc:  # a damaged or replaced store: said once a look, the pages keep the last view
                print(f"run.py hall: {exc}", file=sys.stderr, flush=True)
                fresh = False
            if fresh:
                async with self.changed:
                    self.changed.notify_all()
            await asyncio.sleep(READ_EVERY)

    async def _newer_than(self, seen: int) -> bool:
        """Wait for a view newer than `seen`: False when none came within KEEPALIVE."""
        async with self.changed:
            try:
                await asyncio.wait_for(self.changed.wait_for(lambda: seen != self.version), KEEPALIVE)
            except TimeoutError:
                return False
        return True

    async def stream(self, request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream", **HEADERS})
        await response.prepare(request)
        seen = 0
        try:
            while True:
                if seen != self.version:
                    seen = self.version
                    await response.write(b"data: " + self.view + b"\n\n")
                    continue
                if not await self._newer_than(seen):
                    await response.write(b": \n\n")
        except (ConnectionResetError, asyncio.CancelledError):
            pass
        return response


def delegates_qr(host: str) -> str:
    """The delegates' page's address as the browser reached this server (its Host: on the hall's network, the
    address a phone there can reach too), as a QR code drawn inline, and in words beneath it."""
    if not HOST.fullmatch(host):
        host = "127.0.0.1"
    url = f"http://{host}/"
    matrix = qr_matrix(url)
    n = len(matrix)
    path = "".join(f"M{x},{y}h1v1h-1z" for y, row in enumerate(matrix) for x, dark in enumerate(row) if dark)
    return (f'<svg id="qr" viewBox="0 0 {n} {n}" shape-rendering="crispEdges" role="img" aria-label="{url}">'
            f'<rect width="{n}" height="{n}" fill="#fff"/><path d="{path}" fill="#000"/></svg>'
            f'<div id="qr-url">{url}</div>')


def build_app(hall: Hall) -> web.Application:
    app = web.Application()

    async def start(app: web.Application) -> None:
        app[FOLLOW] = asyncio.create_task(hall.follow())

    async def stop(app: web.Application) -> None:
        app[FOLLOW].cancel()

    async def page(request: web.Request) -> web.Response:
        body = _asset(PAGES[request.path])
        if request.path == "/projector":
            body = body.replace(b"<!--qr-->", delegates_qr(request.host).encode())
        return web.Response(body=body, content_type="text/html", charset="utf-8", headers=HEADERS)

    async def asset(request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if name not in ASSETS:
            raise web.HTTPNotFound()
        kind = ASSETS[name]
        return web.Response(body=_asset(name), content_type=kind, charset=None if kind.startswith("font/") else "utf-8",
                            headers=HEADERS)

    async def document(request: web.Request) -> web.StreamResponse:
        """A congress document, by its id in the scenario alone: no path of the request reaches the disk."""
        found = hall.follower.state.scenario.documents.get(request.match_info["id"])
        path = None if found is None else document_path(hall.db, found)
        if path is None or not path.is_file():
            raise web.HTTPNotFound()
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return web.FileResponse(path, headers={**HEADERS, "Content-Type": kind,
                                               "Content-Disposition": f'inline; filename="{path.name}"'})

    async def events(request: web.Request) -> web.StreamResponse:
        return await hall.stream(request)

    app.on_startup.append(start)
    app.on_cleanup.append(stop)
    for path in PAGES:
        app.router.add_get(path, page)
    app.router.add_get("/assets/{name}", asset)
    app.router.add_get("/events", events)
    app.router.add_get("/documents/{id}", document)
    return app


def serve(db: str, lang: str | None, host: str, port: int) -> int:
    hall = Hall(db, lang)  # a missing or damaged store: its one-line error now
    say_lang = lang or hall.follower.state.language
    if not 1 <= port <= 65535:
        raise RunsheetError(say("serve.port", say_lang, port=port))
    if not is_loopback(host):
        print(say("hall.warning", say_lang, host=host or "*", port=port, db=db), file=sys.stderr, flush=True)
    print(say("hall.listening", say_lang, host=host or "0.0.0.0", port=port), file=sys.stderr, flush=True)
    try:
        web.run_app(build_app(hall), host=host or None, port=port, print=None, handle_signals=True)
    except OSError as exc:
        reason = os.strerror(exc.errno) if exc.errno else str(exc)
        raise RunsheetError(say("serve.listen", say_lang, host=host, port=port, reason=reason)) from None
    return 0

"""Headless Chromium (Debian's /usr/bin/chromium) driven over the DevTools protocol with aiohttp's websocket client:
no Playwright or Selenium needed. Starts with the tests that use it; `available()` says why it cannot run."""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import os
import re
import shutil
import subprocess
import tempfile

import aiohttp

CHROMIUM = os.environ.get("RUNSHEET_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


def available() -> str | None:
    """None when Chromium can run here, else why not."""
    if not os.path.exists(CHROMIUM):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    try:
        subprocess.run([CHROMIUM, "--headless=new", "--no-sandbox", "--version"], capture_output=True, timeout=30,
                       check=True)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"Chromium does not start: {exc}"
    return None


class Browser:
    def __init__(self) -> None:
        self.profile = tempfile.mkdtemp(prefix="runsheet-chromium-")
        self.proc: subprocess.Popen | None = None
        self.session: aiohttp.ClientSession | None = None
        self.ws = None
        self.ids = itertools.count(1)
        self.pending: dict[int, asyncio.Future] = {}
        self.requests: list[str] = []
        self.reader: asyncio.Task | None = None

    async def start(self, width: int, height: int) -> None:
        self.proc = subprocess.Popen(
            [CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
             "--disable-background-networking", "--disable-component-update", "--hide-scrollbars",
             "--remote-debugging-port=0", f"--user-data-dir={self.profile}", f"--window-size={width},{height}",
             "about:blank"], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        port = await asyncio.to_thread(self._devtools_port)
        self.session = aiohttp.ClientSession()
        async with self.session.get(f"http://127.0.0.1:{port}/json/list") as response:
            targets = await response.json(content_type=None)
        page = next(t for t in targets if t["type"] == "page")
        self.ws = await self.session.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0)
        self.reader = asyncio.create_task(self._read())
        await self.send("Network.enable")
        await self.send("Page.enable")
        await self.size(width, height)

    def _devtools_port(self) -> int:
        for line in self.proc.stderr:
            found = re.search(r"DevTools listening on ws://[^:]+:(\d+)/", line)
            if found:
                return int(found.group(1))
        raise RuntimeError("Chromium ended before it listened")

    async def _read(self) -> None:
        async for message in self.ws:
            data = json.loads(message.data)
            if "id" in data and data["id"] in self.pending:
                self.pending.pop(data["id"]).set_result(data)
            elif data.get("method") == "Network.requestWillBeSent":
                self.requests.append(data["params"]["request"]["url"])

    async def send(self, method: str, **params) -> dict:
        n = next(self.ids)
        self.pending[n] = asyncio.get_running_loop().create_future()
        await self.ws.send_str(json.dumps({"id": n, "method": method, "params": params}))
        answer = await asyncio.wait_for(self.pending[n], 30)
        if "error" in answer:
            raise RuntimeError(f"{method}: {answer['error']}")
        return answer.get("result", {})

    async def size(self, width: int, height: int, mobile: bool = False) -> None:
        await self.send("Emulation.setDeviceMetricsOverride", width=width, height=height,
                        deviceScaleFactor=1 if not mobile else 2, mobile=mobile)

    async def open(self, url: str) -> None:
        await self.send("Page.navigate", url=url)

    async def evaluate(self, expression: str):
        answer = await self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        return answer["result"].get("value")

    async def wait_for(self, expression: str, timeout: float) -> float:
        """Seconds until expression is true in the page (polled every 20 ms); TimeoutError after timeout."""
        loop = asyncio.get_running_loop()
        started = loop.time()
        while not await self.evaluate(expression):
            if loop.time() - started > timeout:
                raise TimeoutError(expression)
            await asyncio.sleep(0.02)
        return loop.time() - started

    async def screenshot(self, path) -> None:
        shot = await self.send("Page.captureScreenshot", format="png")
        with open(path, "wb") as f:
            f.write(base64.b64decode(shot["data"]))

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        if self.session is not None:
            await self.session.close()
        if self.reader is not None:
            self.reader.cancel()
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)

"""The counting screen's scanner: `python -m runsheet ballots scan --watch DIR --json`, run as a child process.

Why a process: the screens may neither load OpenCV (the scan extra: a terminal without it still counts by hand) nor
import the command line (import contracts), and reading a ballot takes a CPU for a tenth of a second or more, which
the screen's thread must never wait for. The child writes its ballots to the store as any other terminal does (as
"scanner"), so the screen sees them through its usual poll of the store; its lines (one JSON object each, or the
one-line refusal of bad input) are read on a thread and handed to the screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from textual.screen import Screen

PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])  # where `-m runsheet` finds this very runsheet


class ScannerProcess:
    """One watch at a time: told(line) for each line (a dict, or a text), then ended(exit status), on the screen's
    thread."""

    def __init__(self, screen: Screen, told: Callable[[dict | str], None], ended: Callable[[int], None]):
        self.screen, self.told, self.ended = screen, told, ended
        self.proc: subprocess.Popen | None = None

    @property
    def running(self) -> bool:
        return self.proc is not None

    def start(self, db: str, election: str, pass_no: int, folder: str, lang: str, role: str | None,
              pin: str | None = None) -> None:
        argv = [sys.executable, "-m", "runsheet", "ballots", "scan", "--db", os.path.abspath(db), election,
                "--pass", str(pass_no), "--watch", os.path.abspath(folder), "--json", "--lang", lang]
        if role:
            argv += ["--role", role]
        env = {**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONUTF8": "1",
               "PYTHONPATH": os.pathsep.join(p for p in (PACKAGE_ROOT, os.environ.get("PYTHONPATH")) if p)}
        if pin:
            env["RUNSHEET_PIN"] = pin  # not on the command line, which every user of the host can read
        self.proc = proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                            stderr=subprocess.STDOUT, text=True, encoding="utf-8", errors="replace",
                                            env=env)
        app = self.screen.app  # taken here: a widget finds its app from the UI's thread only
        self.screen.run_worker(lambda: self._follow(proc, app), thread=True, group="scanner", exit_on_error=False)

    def stop(self) -> None:
        """Ask the watch to stop: it finishes the image under way (on Windows, terminate() ends it at once; a ballot
        is written whole or not at all either way)."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()

    def _follow(self, proc: subprocess.Popen, app) -> None:
        """On the worker's thread: the child's lines, then its end, handed to the screen while it is there."""
        for line in proc.stdout:
            line = line.strip()
            if line:
                try:
                    data = json.loads(line)
                except ValueError:
                    data = line
                self._hand(app, self.told, data if isinstance(data, dict) else line)
        code = proc.wait()
        self._hand(app, self._end, proc, code)

    def _end(self, proc: subprocess.Popen, code: int) -> None:
        if self.proc is proc:
            self.proc = None
            self.ended(code)

    @staticmethod
    def _hand(app, callback: Callable, *values) -> None:
        try:
            app.call_from_thread(callback, *values)
        except RuntimeError:  # the app has closed: nobody to tell
            pass

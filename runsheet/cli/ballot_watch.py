"""run.py ballots scan --watch DIR: a scanner's "scan to folder" read as one pass, image by image as they arrive.

The template is built once; DIR is then looked at about once a second. A file is read once it is complete: its size
and time unchanged between two looks (and a PDF, PNG or JPEG ending as one does, or left so for PATIENCE looks: a
file whose writer died is then read and refused); while a file that appeared earlier is still being written, the
later ones wait for it, so the ballots keep the stack's order (files that appeared in the same look: by name).
Each file is read, kept, entered or queued exactly as `ballots scan IMAGES` does (ballot_scan.Reader), one line per
image (with --json one JSON object per line). The files already in DIR when the watch starts are read too: an image
already read for this round (the same sha256) is said "đã quét" and skipped, so starting again on the same folder
enters nothing twice.

It stops, finishing the image under way, on Ctrl-C or SIGTERM (exit 0), and when the round is closed or another one
opened (said so, exit 0)."""

from __future__ import annotations

import argparse
import os
import signal
import time
from pathlib import Path

from ..errors import DomainError
from ..texts import say
from .ballot_scan import Reader, _pages, open_scan, print_item
from .common import print_json

POLL = 1.0  # seconds between two looks at the folder
PATIENCE = 10  # looks a stable file that does not end as its kind does is waited for, before it is read anyway
SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".pdf"}
ENDINGS = {".pdf": b"%%EOF", ".png": b"IEND", ".jpg": b"\xff\xd9", ".jpeg": b"\xff\xd9"}  # in the last bytes


def watch_folder(args: argparse.Namespace) -> int:
    if args.images:
        raise DomainError("scan.err.watch_and_images")
    session, lang, record = open_scan(args)
    session.roles.check("ballots")  # a PIN needed is asked (or its want said) now, not at the first ballot
    folder = os.path.abspath(args.watch)
    if not os.path.isdir(folder):
        raise DomainError("scan.err.no_folder", folder=args.watch)
    reader = Reader.start(args, session, lang, record)
    where = {"folder": folder, "election": args.election, "round": record.number, "pass_no": args.pass_no}
    _tell(args, {"watching": folder, "election": args.election, "round": record.number, "pass": args.pass_no},
          say("scan.watch.start", lang, **where))
    stop = _Stop()
    arrivals = Arrivals(folder)
    totals = {"entered": 0, "queued": 0, "refused": 0, "skipped": 0}
    how = "signal"
    try:
        while not stop.asked:
            if _round_over(session, args.election, record.number):
                how = "closed"
                break
            for path in arrivals.ready():
                if stop.asked or _round_over(session, args.election, record.number):
                    break
                for item in _read(reader, path):
                    totals[_kind(item)] += 1
                    if args.json:
                        print_json(item, indent=False)
                    else:
                        print_item(item, args.pass_no, lang)
            stop.sleep(POLL)
    finally:
        stop.restore()
    end = say("scan.watch.closed" if how == "closed" else "scan.watch.stopped", lang, **where)
    total = say("scan.watch.total", lang, pass_no=args.pass_no, **totals)
    _tell(args, {"stopped": how, **totals}, f"{end}\n{total}")
    return 0


def _read(reader: Reader, path: str) -> list[dict]:
    """One file's images, entered or queued as one stack; a file the store refuses (more ballots than were issued,
    the round closed meanwhile) is said refused, and the watch goes on."""
    pages = list(_pages([path]))
    try:
        return reader.read(pages)[0]
    except DomainError as exc:
        return [{"file": p.file, "page": p.page, "refused": exc.text(reader.lang)} for p in pages]


def _kind(item: dict) -> str:
    if "refused" in item:
        return "refused"
    if "skipped" in item:
        return "skipped"
    return "queued" if item["review"] else "entered"


def _tell(args: argparse.Namespace, data: dict, text: str) -> None:
    if args.json:
        print_json({**data, "message": text.replace("\n", " ")}, indent=False)
    else:
        print(text, flush=True)


def _round_over(session, election: str, round_no: int) -> bool:
    """Whether the round the watch enters is no longer the one being counted (closed, or another opened)."""
    session.sync()
    current = session.state.open_round(election)
    return current is None or current.number != round_no


class Arrivals:
    """The image files of a folder, each given once it is complete, in the order they appeared (then by name)."""

    def __init__(self, folder: str):
        self.folder = folder
        self.looks = 0
        self.order: dict[str, tuple[int, str]] = {}  # name -> (the look it was first seen at, name): not read yet
        self.last: dict[str, tuple[int, int]] = {}  # name -> (size, time) at the look before
        self.waited: dict[str, int] = {}  # name -> looks it was stable but did not end as its kind does
        self.done: set[str] = set()

    def ready(self) -> list[str]:
        self.looks += 1
        now = self._look()
        self.done &= now.keys()  # a file taken away and brought back (or another of its name) is new
        for name in now.keys() - self.done - self.order.keys():
            self.order[name] = (self.looks, name)
        ready = []
        for name in sorted(self.order, key=self.order.get):
            if name not in now:  # gone before it was read
                del self.order[name]
                continue
            if now[name] != self.last.get(name):
                break  # still being written (or first seen at this look): the files after it wait
            if not self._complete(name):
                self.waited[name] = self.waited.get(name, 0) + 1
                if self.waited[name] < PATIENCE:
                    break
            del self.order[name]
            self.waited.pop(name, None)
            self.done.add(name)
            ready.append(os.path.join(self.folder, name))
        self.last = now
        return ready

    def _look(self) -> dict[str, tuple[int, int]]:
        found = {}
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return found  # the folder unreachable a moment (a network share): the next look tries again
        for entry in entries:
            if entry.name.startswith((".", "~")) or Path(entry.name).suffix.lower() not in SUFFIXES:
                continue
            try:
                if entry.is_file():
                    st = entry.stat()
                    found[entry.name] = (st.st_size, st.st_mtime_ns)
            except OSError:
                continue
        return found

    def _complete(self, name: str) -> bool:
        path = os.path.join(self.folder, name)
        ending = ENDINGS.get(Path(name).suffix.lower())
        try:
            with open(path, "rb") as f:
                f.seek(0, os.SEEK_END)
                size = f.tell()
                if size == 0:
                    return False
                if ending is None:
                    return True
                f.seek(max(0, size - 1024))
                return ending in f.read()
        except OSError:
            return False


class _Stop:
    """Ctrl-C or SIGTERM asks the watch to stop once the image under way is read (a flag, looked at between images
    and in the sleep between looks)."""

    def __init__(self) -> None:
        self.asked = False
        self._before = {}
        for sig in (signal.SIGINT, signal.SIGTERM):
            self._before[sig] = signal.signal(sig, self._ask)

    def _ask(self, signum, frame) -> None:
        self.asked = True

    def sleep(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while not self.asked and time.monotonic() < end:
            time.sleep(max(0.0, min(0.05, end - time.monotonic())))

    def restore(self) -> None:
        for sig, handler in self._before.items():
            signal.signal(sig, handler)

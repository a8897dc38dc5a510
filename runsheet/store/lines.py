"""The store's file: one JSON document per line, one event per line, only ever appended to.

A commit appends its events' lines with one write and one fsync, under the store's lock. Every line of a commit but
its last carries "more": 1, so a commit cut short (a writer killed mid-write, the power lost before the fsync
returned) is never half read: the lines after the last whole commit were never committed. Readers ignore them; the
next writer cuts them away under the lock before it appends. Nothing whose fsync returned is lost.

A reader keeps the byte offset it has read to (the end of the last whole commit) and reads only what was appended
since. A new inode, or a file shorter than that offset, means the store was replaced (restored, migrated): the
reader says so (Replaced) and its caller reads it whole again.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import orjson

MORE = "more"  # on every line of a commit but the last
LINE_PREFIX = b'{"seq":'  # how the first line of a store of this format starts (orjson writes keys in order)
FORMAT1_PREFIX = b'{"events":'  # the earlier format: the whole store as one JSON document (run.py migrate)


class Replaced(Exception):
    """The file is not the one this reader was reading: another inode, shorter than what was read, or its last line
    read is no longer where it was (the file rewritten in place)."""


class Damaged(Exception):
    """A whole line (or commit) that is not an event document: the store was damaged or edited."""

    def __init__(self, line_no: int, offset: int, problem: str):
        super().__init__(f"line {line_no} (byte {offset}): {problem}")
        self.line_no = line_no
        self.offset = offset
        self.problem = problem


@dataclass
class Commit:
    """Whole commits read from an offset: their event documents, and where they end."""

    docs: list[dict]
    end: int  # byte offset just after the last whole commit read
    lines: int  # whole lines up to `end`
    torn: int  # bytes after `end`: an unfinished commit (never committed)
    last_line: int  # where the last whole commit's last line starts (a snapshot names it)


def sniff(path: str) -> str:
    """"lines" (this format), "format1" (the earlier single-document store) or "unknown" (empty, or not a store)."""
    with open(path, "rb") as f:
        head = f.read(len(FORMAT1_PREFIX))
    if head.startswith(LINE_PREFIX):
        return "lines"
    if head.startswith(FORMAT1_PREFIX):
        return "format1"
    return "unknown"


def parse(raw: bytes, start: int = 0, first_line: int = 1) -> Commit:
    """The whole commits in raw (the bytes of the file from offset `start`), stopping at the first line that does
    not end a commit when nothing follows it. A complete line that is not a JSON object is Damaged."""
    docs: list[dict] = []
    pending: list[dict] = []
    position = 0
    end = 0
    last_line = -1
    line_no = first_line - 1
    committed_lines = 0
    size = len(raw)
    while position < size:
        newline = raw.find(b"\n", position)
        if newline < 0:
            break  # a last line without its newline: torn
        line_no += 1
        try:
            doc = orjson.loads(raw[position:newline])
        except orjson.JSONDecodeError as exc:
            raise Damaged(line_no, start + position, f"not valid JSON ({exc})") from None
        if not isinstance(doc, dict):
            raise Damaged(line_no, start + position, "not an event document")
        line_start, position = position, newline + 1
        if doc.pop(MORE, None):
            pending.append(doc)
            continue
        if pending:
            docs.extend(pending)
            pending = []
        docs.append(doc)
        end, last_line, committed_lines = position, line_start, line_no - (first_line - 1)
    return Commit(docs, start + end, committed_lines, size - end, start + last_line if last_line >= 0 else -1)


def commit_bytes(docs: list[dict]) -> bytes:
    """The lines of one commit: every document but the last marked as continued."""
    last = len(docs) - 1
    return b"".join(orjson.dumps({**doc, MORE: 1} if i < last else doc) + b"\n" for i, doc in enumerate(docs))


class LogFile:
    """One reader's (and writer's) position in the store's file."""

    def __init__(self, path: str):
        self.path = path
        self.offset = 0  # the end of the last whole commit read
        self.lines = 0  # whole lines read up to offset
        self.inode: int | None = None
        self.seen_size = -1  # the file's size at the last look (a torn tail that stays does not look like news)
        self.last_line = b""  # the last whole line read, which must still end at `offset` when reading on

    def changed(self) -> bool:
        """Cheap test (one stat) whether the file grew, shrank or was replaced since the last look."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return True
        return st.st_ino != self.inode or st.st_size != self.seen_size

    def read_new(self) -> Commit:
        """The whole commits appended since the last read. Raises Replaced, Damaged, or OSError."""
        with open(self.path, "rb") as f:
            st = os.fstat(f.fileno())
            if self.inode is not None and (st.st_ino != self.inode or st.st_size < self.offset):
                raise Replaced(self.path)
            f.seek(self.offset - len(self.last_line))
            raw = f.read()
        if not raw.startswith(self.last_line):
            raise Replaced(self.path)
        raw = raw[len(self.last_line):]
        commit = parse(raw, self.offset, self.lines + 1)
        if commit.docs:
            self.last_line = raw[commit.last_line - self.offset:commit.end - self.offset]
        self.inode = st.st_ino
        self.seen_size = self.offset + len(raw)
        self.offset = commit.end
        self.lines += commit.lines
        return commit

    def start_at(self, offset: int, lines: int, inode: int, last_line: bytes) -> None:
        """Read from here on (a snapshot vouches for what comes before; last_line ends at offset)."""
        self.offset, self.lines, self.inode, self.seen_size, self.last_line = offset, lines, inode, -1, last_line

    def append(self, docs: list[dict]) -> int:
        """Append one commit (the caller holds the lock and has read to the end): cut away what an interrupted
        writer left after the last whole commit, write the commit's lines at once, fsync. Returns the new end.
        On an error nothing of the commit stays in the file (it is cut back) and the OSError is raised."""
        data = commit_bytes(docs)
        fd = os.open(self.path, os.O_WRONLY | getattr(os, "O_BINARY", 0))
        try:
            size = os.fstat(fd).st_size
            if size != self.offset:
                if size < self.offset:
                    raise Replaced(self.path)
                os.ftruncate(fd, self.offset)  # an interrupted commit: never committed
            try:
                os.lseek(fd, self.offset, os.SEEK_SET)
                written = 0
                while written < len(data):
                    written += os.write(fd, data[written:])
                os.fsync(fd)
            except BaseException:
                try:
                    os.ftruncate(fd, self.offset)
                    os.fsync(fd)
                except OSError:
                    pass  # the unfinished lines stay: readers ignore them, the next writer cuts them
                raise
        finally:
            os.close(fd)
        self.offset += len(data)
        self.lines += len(docs)
        self.seen_size = self.offset
        self.last_line = data[data.rfind(b"\n", 0, len(data) - 1) + 1:]
        return self.offset


def create(path: str, doc: dict) -> None:
    """Write a new store holding its first event (the caller made sure nothing is there, under the lock)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        os.write(fd, commit_bytes([doc]))
        os.fsync(fd)
    finally:
        os.close(fd)
    fsync_folder(os.path.dirname(path))


def fsync_folder(folder: str) -> None:
    # Makes a new name durable. Windows cannot open a folder for fsync; NTFS journals it.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)

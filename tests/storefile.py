"""Reading and rewriting a store's file behind runsheet's back, as a tamperer or a test would: one JSON line per
event (the lines of a commit but its last carry "more": 1)."""

from __future__ import annotations

from pathlib import Path

import orjson


def lines_of(path: Path | str) -> list[dict]:
    """Every whole line of the file, parsed, as written (with "more" where it is)."""
    raw = Path(path).read_bytes()
    return [orjson.loads(line) for line in raw.split(b"\n")[:-1]]


def docs(path: Path | str) -> list[dict]:
    """The event documents, in order."""
    return [{k: v for k, v in line.items() if k != "more"} for line in lines_of(path)]


def load(path: Path | str) -> dict:
    """The events as one table keyed by seq (as text), to edit and save()."""
    return {"events": {str(doc["seq"]): doc for doc in docs(path)}}


def save(path: Path | str, data: dict) -> None:
    """Write the table back, one line per event in the table's order, each its own commit."""
    Path(path).write_bytes(b"".join(orjson.dumps(doc) + b"\n" for doc in data["events"].values()))

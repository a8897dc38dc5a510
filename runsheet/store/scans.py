"""The scanned ballots' images, kept beside the store: FILE.scans/<election>-<round>/<sha256>.<ext>, one file per
ballot the scanner entered or queued. The ballot's event records the sha256, so `verify` finds each image by it and
checks that it is still the image the scanner read (a recount can be replayed from them)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from . import events as ev


def folder_of(db: str, election: str, round_no: int) -> Path:
    return Path(f"{db}.scans") / f"{election}-{round_no}"


def keep(db: str, election: str, round_no: int, data: bytes, ext: str) -> str:
    """Write one image (unless the same image is already kept) and return its sha256."""
    digest = hashlib.sha256(data).hexdigest()
    folder = folder_of(db, election, round_no)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{digest}.{ext}"
    if not path.exists():
        partial = path.with_suffix(path.suffix + ".part")
        with open(partial, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(partial, path)
    return digest


def kept(db: str, election: str, round_no: int, image: str) -> tuple[bytes | None, str, str | None]:
    """One kept image found by its sha256: (its bytes, its path or its hash, None), or (None, the path or the hash,
    "missing" or "altered")."""
    found = sorted(folder_of(db, election, round_no).glob(f"{image}.*"))
    found = [f for f in found if not f.name.endswith(".part")]
    if not found:
        return None, image, "missing"
    data = found[0].read_bytes()
    if hashlib.sha256(data).hexdigest() != image:
        return None, str(found[0]), "altered"
    return data, str(found[0]), None


def check(db: str, events: list[ev.Event]) -> tuple[int, list[tuple[int, str, str]]]:
    """The kept images the log names, checked: how many, and for each problem (seq, the image's path or its
    hash, "missing" or "altered")."""
    checked, problems = 0, []
    for event in events:
        p = event.payload
        image = getattr(p, "image", None) if isinstance(p, (ev.BallotEntered, ev.BallotQueued)) else None
        if not image:
            continue
        checked += 1
        _, where, problem = kept(db, p.election, p.round, image)
        if problem is not None:
            problems.append((event.seq, where, problem))
    return checked, problems

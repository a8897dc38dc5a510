"""A small grey preview of a queued ballot's scan, for the review on the counting screen: the scanner writes it beside
the kept image when it queues the ballot (FILE.scans/<election>-<round>/previews/<sha256>.pgm: the ballot deskewed
onto its template and shrunk to about 140 pixels wide, a binary PGM), and the screen reads it here, in pure Python
(the screens load no OpenCV and no numpy). A preview is a convenience, not a record: verify does not check it, and
a review without one still shows the reading and the full image's path."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .scans import folder_of

FOLDER = "previews"  # a folder of its own: the kept images beside it stay one file per sha256


@dataclass(frozen=True)
class Grey:
    width: int
    height: int
    pixels: bytes  # width * height grey levels (0 black .. 255 white), row by row

    def at(self, x: int, y: int) -> int:
        return self.pixels[y * self.width + x]


def path_of(db: str, election: str, round_no: int, image: str) -> Path:
    return folder_of(db, election, round_no) / FOLDER / f"{image}.pgm"


def image_path(db: str, election: str, round_no: int, image: str) -> Path | None:
    """The kept image itself (the file the clerk can open), or None when it is not there."""
    found = sorted(p for p in folder_of(db, election, round_no).glob(f"{image}.*") if not p.name.endswith(".part"))
    return found[0] if found else None


def write(db: str, election: str, round_no: int, image: str, pgm: bytes) -> Path:
    path = path_of(db, election, round_no, image)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".part")
    partial.write_bytes(pgm)
    os.replace(partial, path)
    return path


def encode(grey: Grey) -> bytes:
    return b"P5\n%d %d\n255\n" % (grey.width, grey.height) + grey.pixels


def decode(data: bytes) -> Grey:
    """A binary PGM (P5, 8 bits) read; ValueError when it is not one."""
    fields, at = [], 0
    while len(fields) < 4:
        while at < len(data) and data[at:at + 1].isspace():
            at += 1
        if data[at:at + 1] == b"#":  # a comment, to the end of its line
            while at < len(data) and data[at:at + 1] != b"\n":
                at += 1
            continue
        start = at
        while at < len(data) and not data[at:at + 1].isspace():
            at += 1
        if start == at:
            raise ValueError("not a PGM: its header is cut short")
        fields.append(data[start:at])
    if fields[0] != b"P5" or not all(f.isdigit() for f in fields[1:]):
        raise ValueError("not a binary PGM")
    width, height, top = (int(f) for f in fields[1:])
    if top != 255 or not (0 < width <= 4096 and 0 < height <= 4096):
        raise ValueError("not an 8-bit PGM of a sensible size")
    pixels = data[at + 1:at + 1 + width * height]
    if len(pixels) != width * height:
        raise ValueError("the PGM's pixels are cut short")
    return Grey(width, height, pixels)


def read(db: str, election: str, round_no: int, image: str | None) -> Grey | None:
    """The preview of a kept image, or None when there is none (or it cannot be read)."""
    if not image:
        return None
    try:
        return decode(path_of(db, election, round_no, image).read_bytes())
    except (OSError, ValueError):
        return None

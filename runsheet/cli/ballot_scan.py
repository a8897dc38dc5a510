"""run.py ballots scan: the scanner as one pass of a double (or triple) entry.

The images (PNG, JPEG, TIFF, a PDF's pages rasterised at 200 dpi) are read in the order given, each against the
template of the open round's printed ballot. A sure reading is entered on the pass (terminal "scanner", the
event marked as the scanner's, with the sha256 of its image kept beside the store: store/scans.py); a reading in
doubt is queued: it takes its number in the stack's order and a person enters that number by hand on the same
pass (its image kept too); a refused image (another round or list, a blank page, a corner
missing) enters nothing and takes no number. OpenCV is loaded only when this command runs."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from ..commands.voting import check_scanner_pass, open_record
from ..errors import DomainError, Say
from ..rules.election import APPROVE, Queued, Reading
from ..store import scan_preview, scans
from ..texts import say
from .ballot_reading import round_templates
from .common import open_session, print_json

SCANNER = "scanner"  # the terminal name the scanner's ballots are entered under
PDF_DPI = 200


@dataclass
class Page:
    file: str
    page: int
    image: object | None  # a grey numpy image, or None when the file or page could not be decoded
    data: bytes = b""  # the image as kept beside the store: the file itself, or a PDF's or TIFF's page as PNG
    ext: str = "png"


def scan_ballots(args: argparse.Namespace) -> int:
    session, lang = open_session(args, terminal=SCANNER)
    state = session.state
    record = open_record(state, args.election)
    check_scanner_pass(record, args.pass_no)  # before any image is read: nothing entered
    for path in args.images:
        if not os.path.isfile(path):
            raise DomainError("scan.err.no_file", file=path)

    from ..reports.ballot import BallotPaper, payload
    from ..scan.paper_size import read_sized
    from ..scan.preview import preview_pgm

    paper = BallotPaper(args.election, record.number, tuple(record.candidates), record.seats)
    templates = round_templates(state, paper, lang)  # A4 or A5: each page says which (scan/paper_size.py)
    code = payload(state, paper)
    approve = record.form == APPROVE
    results, entries = [], []
    for page in _pages(args.images):
        if page.image is None:
            results.append((page, None, Say("scan.refused.unreadable")))
            continue
        reading = read_sized(page.image, templates, code, args.size)
        if reading.refused is not None:
            results.append((page, reading, reading.refused))
            continue
        results.append((page, reading, None))
        image = scans.keep(args.db, args.election, record.number, page.data or _png(page.image), page.ext)
        guess = Reading(reading.struck, reading.unclear if approve else frozenset())
        if reading.review:  # the review shows the machine's reading and a small preview of the ballot
            small = preview_pgm(page.image, templates[templates.last])  # the template this page was read with
            scan_preview.write(args.db, args.election, record.number, image, small)
        entries.append((Queued(reading.doubtful, guess) if reading.review else guess, image))
    numbers = iter(session.voting.enter_scanned(args.election, entries, args.pass_no).value if entries else ())
    shown, counts = [], {"entered": 0, "queued": 0, "refused": 0}
    for page, reading, refused in results:
        item = {"file": page.file, "page": page.page}
        if refused is not None:
            item["refused"] = refused.text(lang)
            counts["refused"] += 1
        else:
            item["ballot"] = next(numbers)
            if approve:
                item["marks"] = {"against": sorted(reading.struck), "unclear": sorted(reading.unclear)}
            else:
                item["struck"] = sorted(reading.struck)
            item.update(confidence=float(reading.confidence), review=reading.review,
                        reason=reading.reason.text(lang) if reading.reason else None)
            counts["queued" if reading.review else "entered"] += 1
        shown.append(item)
    if args.json:
        print_json(shown)
    else:
        _print(shown, args.pass_no, counts, lang)
    return 2 if counts["refused"] else 0


def _print(shown: list[dict], pass_no: int, counts: dict, lang: str) -> None:
    for item in shown:
        where = say("scan.where", lang, file=item["file"], page=item["page"])
        if "refused" in item:
            print(f"run.py: error: {say('scan.out.refused', lang, where=where, why=item['refused'])}", file=sys.stderr)
            continue
        marks = item.get("struck", item.get("marks", {}).get("against", []))
        read = ", ".join(str(n) for n in marks) or say("scan.out.none", lang)
        if item["review"]:
            print(say("scan.out.queued", lang, where=where, ballot=item["ballot"], read=read, reason=item["reason"],
                      pass_no=pass_no))
        else:
            print(say("scan.out.entered", lang, where=where, ballot=item["ballot"], read=read, pass_no=pass_no,
                      confidence=item["confidence"]))
    print(say("scan.out.summary", lang, pass_no=pass_no, **counts))
    if counts["queued"]:
        print(say("scan.out.queued_rule", lang, pass_no=pass_no))


def _pages(paths: list[str]):
    """Each image, or each page of a PDF or multi-page TIFF, in order, as a grey image (None when undecodable)."""
    import cv2
    import numpy as np

    for path in paths:
        if path.lower().endswith(".pdf"):
            yield from _pdf_pages(path)
            continue
        ok, images = cv2.imreadmulti(path, flags=cv2.IMREAD_GRAYSCALE)
        if not ok or not images:
            data = np.fromfile(path, dtype=np.uint8)
            images = [cv2.imdecode(data, cv2.IMREAD_GRAYSCALE) if data.size else None]
        if len(images) == 1:  # the file itself is kept
            ext = Path(path).suffix.lstrip(".").lower() or "img"
            yield Page(path, 1, images[0], Path(path).read_bytes(), ext)
            continue
        for number, image in enumerate(images, start=1):
            yield Page(path, number, image)


def _png(image) -> bytes:
    import cv2

    return cv2.imencode(".png", image)[1].tobytes()


def _pdf_pages(path: str):
    import numpy as np
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError:
        yield Page(path, 1, None)
        return
    try:
        for number in range(len(document)):
            bitmap = document[number].render(scale=PDF_DPI / 72, grayscale=True)
            yield Page(path, number + 1, np.asarray(bitmap.to_pil().convert("L")).copy())
    finally:
        document.close()

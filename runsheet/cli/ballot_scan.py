"""run.py ballots scan: the scanner as one pass of a double (or triple) entry.

The images (PNG, JPEG, TIFF, a PDF's pages rasterised at 200 dpi) are read in the order given, each against the
template of the open round's printed ballot. A sure reading is entered on the pass (terminal "scanner", the
event marked as the scanner's, with the sha256 of its image kept beside the store: store/scans.py); a reading in
doubt is queued: it takes its number in the stack's order and a person enters that number by hand on the same
pass (its image kept too); a refused image (another round or list, a blank page, a corner
missing) enters nothing and takes no number; an image already read for this round (the same sha256) is skipped, never
entered twice. With --watch DIR the same reading serves a scanner's "scan to folder" (ballot_watch.py). OpenCV is
loaded only when this command runs."""

from __future__ import annotations

import argparse
import hashlib
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
    if args.watch is not None:  # a scanner's "scan to folder" (ballot_watch.py), read by the same Reader
        from .ballot_watch import watch_folder

        return watch_folder(args)
    if not args.images:
        raise DomainError("scan.err.no_images")
    session, lang, record = open_scan(args)
    for path in args.images:
        if not os.path.isfile(path):
            raise DomainError("scan.err.no_file", file=path)
    reader = Reader.start(args, session, lang, record)
    shown, counts = reader.read(_pages(args.images))
    if args.json:
        print_json(shown)
    else:
        for item in shown:
            print_item(item, args.pass_no, lang)
        _summary(args.pass_no, counts, lang)
    return 2 if counts["refused"] else 0


def open_scan(args: argparse.Namespace):
    """The session (as the scanner's terminal) and the round the scanner may be a pass of: refused before any image
    is read."""
    session, lang = open_session(args, terminal=SCANNER)
    record = open_record(session.state, args.election)
    check_scanner_pass(record, args.pass_no)  # before any image is read: nothing entered
    return session, lang, record


@dataclass
class Reader:
    """The open round's template, built once, and what entering the images it reads needs. An image already kept for
    this round (the same sha256 in a ballot's event) is skipped, never entered twice."""

    session: object
    lang: str
    db: str
    election: str
    pass_no: int
    round_no: int
    templates: object  # the round's templates, one per paper size (scan/paper_size.py)
    size: str | None  # --size: a page of the other size is refused; None: told from each page
    code: str
    approve: bool
    seen: dict[str, int]  # sha256 of the images the round's ballots were read from -> the ballot's number

    @classmethod
    def start(cls, args: argparse.Namespace, session, lang: str, record) -> Reader:
        try:
            from ..reports.ballot import BallotPaper, payload
            from ..scan.template import build  # noqa: F401  OpenCV (the scan extra): missing, said before any image is read
        except ImportError as exc:
            raise DomainError("scan.err.no_extra", module=exc.name or str(exc)) from None
        state = session.state
        paper = BallotPaper(args.election, record.number, tuple(record.candidates), record.seats)
        templates = round_templates(state, paper, lang)  # A4 or A5: each page says which (scan/paper_size.py)
        return cls(session, lang, args.db, args.election, args.pass_no, record.number, templates, args.size,
                   payload(state, paper), record.form == APPROVE, _images_of(session.log.events, args.election,
                                                                             record.number))

    def read(self, pages) -> tuple[list[dict], dict]:
        """Read, keep and enter (or queue) the pages, in order, as one stack: the items to show, and the counts."""
        from ..scan.paper_size import read_sized
        from ..scan.preview import preview_pgm

        results, entries, digests = [], [], []
        for page in pages:
            if page.image is None:
                results.append((page, None, Say("scan.refused.unreadable")))
                continue
            data = page.data or _png(page.image)
            digest = hashlib.sha256(data).hexdigest()
            if digest in self.seen or digest in digests:
                results.append((page, digest, None))
                continue
            reading = read_sized(page.image, self.templates, self.code, self.size)
            if reading.refused is not None:
                results.append((page, reading, reading.refused))
                continue
            results.append((page, reading, None))
            digests.append(scans.keep(self.db, self.election, self.round_no, data, page.ext))
            guess = Reading(reading.struck, reading.unclear if self.approve else frozenset())
            outside = reading.reason is not None and reading.reason.key == "scan.review.outside"
            if reading.review:  # the review shows the machine's reading and a small preview of the ballot
                template = self.templates[self.templates.last]  # the one this page was read with
                small = preview_pgm(page.image, template, whole=outside)  # a mark outside: the whole sheet
                scan_preview.write(self.db, self.election, self.round_no, digests[-1], small)
            entries.append((Queued(reading.doubtful, guess, outside=outside) if reading.review else guess, digests[-1]))
        entered = self.session.voting.enter_scanned(self.election, entries, self.pass_no).value if entries else []
        self.seen.update(zip(digests, entered))
        numbers, lang, approve = iter(entered), self.lang, self.approve
        shown, counts = [], {"entered": 0, "queued": 0, "refused": 0, "skipped": 0}
        for page, reading, refused in results:
            item = {"file": page.file, "page": page.page}
            if refused is not None:
                item["refused"] = refused.text(lang)
                counts["refused"] += 1
            elif isinstance(reading, str):  # an image already read: its ballot's number
                item.update(ballot=self.seen[reading], skipped=say("scan.out.seen", lang, ballot=self.seen[reading]))
                counts["skipped"] += 1
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
        return shown, counts


def _images_of(events, election: str, round_no: int) -> dict[str, int]:
    """The images the round's ballots were read from (any pass): sha256 -> the ballot's number."""
    return {e.payload.image: e.payload.ballot for e in events
            if e.type in ("ballot.entered", "ballot.queued") and getattr(e.payload, "image", None)
            and e.payload.election == election and e.payload.round == round_no}


def print_item(item: dict, pass_no: int, lang: str) -> None:
    """One image's line: entered or queued on stdout, refused on stderr."""
    where = say("scan.where", lang, file=item["file"], page=item["page"])
    if "refused" in item:
        print(f"run.py: error: {say('scan.out.refused', lang, where=where, why=item['refused'])}", file=sys.stderr,
              flush=True)
        return
    if "skipped" in item:
        print(f"{where}: {item['skipped']}", flush=True)
        return
    marks = item.get("struck", item.get("marks", {}).get("against", []))
    read = ", ".join(str(n) for n in marks) or say("scan.out.none", lang)
    if item["review"]:
        print(say("scan.out.queued", lang, where=where, ballot=item["ballot"], read=read, reason=item["reason"],
                  pass_no=pass_no), flush=True)
    else:
        print(say("scan.out.entered", lang, where=where, ballot=item["ballot"], read=read, pass_no=pass_no,
                  confidence=item["confidence"]), flush=True)


def _summary(pass_no: int, counts: dict, lang: str) -> None:
    print(say("scan.out.summary", lang, pass_no=pass_no, **counts))
    if counts["skipped"]:
        print(say("scan.out.skipped", lang, n=counts["skipped"]))
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

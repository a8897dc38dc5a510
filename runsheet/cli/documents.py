"""The congress's papers from the command line: the minutes, an election round's counting minutes and ballot entry
log, the attendance sheet, the badge sheet."""

from __future__ import annotations

import argparse
import os
import re

from ..errors import DomainError
from ..reports import pdf
from ..texts import say
from .common import open_session


def register(sub) -> None:
    minutes = sub.add_parser("minutes", help="write the minutes of the congress (.docx and .md)")
    minutes.add_argument("--out", required=True, metavar="DIR")
    minutes.add_argument("--draft", action="store_true", help="a draft before the closing (marked DỰ THẢO)")
    minutes.add_argument("--pdf", action="store_true", help="also a PDF beside the .docx, made by LibreOffice")
    minutes.set_defaults(func=write_minutes)
    counted = sub.add_parser("counting-minutes",
                             help="write an election round's counting minutes and ballot entry log (.docx and .md)")
    counted.add_argument("election", metavar="ELECTION")
    counted.add_argument("--out", required=True, metavar="DIR")
    counted.add_argument("--round", dest="round_no", type=int, help="an earlier round (default: the latest closed)")
    counted.add_argument("--nomination", action="store_true",
                         help="the counting minutes of the election's poll on floor nominees instead (with --round: "
                              "an earlier poll)")
    counted.add_argument("--pdf", action="store_true", help="also PDFs beside the .docx files: the counting minutes' "
                         "made by LibreOffice, the entry log's written directly (seconds for thousands of rows)")
    counted.set_defaults(func=write_counting_minutes)
    sheet = sub.add_parser("attendance-sheet",
                           help="write the attendance sheet, signed on arrival (.docx and .md)")
    sheet.add_argument("--out", required=True, metavar="DIR")
    sheet.add_argument("--pdf", action="store_true", help="also a PDF beside the .docx, made by LibreOffice")
    sheet.set_defaults(func=write_attendance_sheet)
    badges = sub.add_parser("badges", help="print an A4 sheet of badges with QR codes (one HTML file)")
    badges.add_argument("--out", required=True)
    badges.add_argument("--hall", metavar="URL", help="the delegates' page on the hall's server (run.py hall), as the "
                                                      "hall's phones reach it (http://192.168.1.10:8080/): a small "
                                                      "QR code to it on every badge")
    badges.set_defaults(func=write_badges)


def write_minutes(args: argparse.Namespace) -> int:
    from ..reports.minutes import write_minutes as write

    if args.pdf:
        pdf.require()  # refused before anything is written
    session, lang = open_session(args)
    _print_with_pdfs(write(session.state, args.out, lang, session.now(), args.draft), args.pdf, lang)
    return 0


def _print_with_pdfs(paths: list[str], make_pdf: bool, lang: str) -> None:
    """Print the paths written, and with make_pdf convert through LibreOffice each .docx whose PDF was not written
    already (the entry log's is written directly). Without make_pdf, a PDF left beside a .docx just rewritten by an
    earlier --pdf is removed: printed later, it would pass for the document as it now stands."""
    for path in paths:
        print(path)
    docx = [p for p in paths if p.endswith(".docx")]
    if make_pdf:
        done = {p[:-len(".pdf")] for p in paths if p.endswith(".pdf")}
        for path in pdf.to_pdf([p for p in docx if p[:-len(".docx")] not in done]):
            print(path)
        return
    for stale in (p[:-len(".docx")] + ".pdf" for p in docx):
        if os.path.isfile(stale):
            os.unlink(stale)
            print(say("pdf.out.stale_removed", lang, path=stale))


def write_counting_minutes(args: argparse.Namespace) -> int:
    from ..reports.counting import write_counting_minutes as write
    from ..reports.poll_minutes import write_poll_minutes

    if args.pdf:
        pdf.require()
    session, lang = open_session(args)
    events, state = session.log.events, session.state
    if args.nomination:
        paths = write_poll_minutes(events, state, args.election, args.out, lang, args.round_no)
    else:
        paths = write(events, state, args.election, args.out, lang, args.round_no, log_pdf=args.pdf)
    _print_with_pdfs(paths, args.pdf, lang)
    return 0


def write_attendance_sheet(args: argparse.Namespace) -> int:
    from ..reports.attendance_sheet import write_attendance_sheet as write

    if args.pdf:
        pdf.require()  # refused before anything is written
    session, lang = open_session(args)
    _print_with_pdfs(write(session.state, args.out, lang), args.pdf, lang)
    return 0


def write_badges(args: argparse.Namespace) -> int:
    from ..reports.badges import write_badges as write

    hall = args.hall
    if hall is not None and not re.fullmatch(r"https?://[A-Za-z0-9.\-\[\]:]+(/\S*)?", hall):
        raise DomainError("err.hall_url", url=hall)
    session, lang = open_session(args)
    count = write(session.state, args.out, lang, hall)
    print(say("cli.badges", lang, n=count, path=args.out))
    return 0

"""run.py ballots review: the ballots the scanner queued (not sure of its reading), as the counting screen's review
shows them: the machine's reading, the lines it was not sure of, the kept image's path (and its small preview's);
--accept BALLOT enters the machine's reading as this terminal's (a person's confirmation, not the scanner's), --enter
BALLOT ENTRY enters what the person reads instead (typed as on the counting screen: "1 4", "!2" for invalid)."""

from __future__ import annotations

import argparse

from ..commands.voting import open_record
from ..errors import DomainError
from ..rules.ballot_entry import parse_entry
from ..rules.election import APPROVE, Queued, RoundRecord
from ..store import scan_preview
from ..texts import say
from .common import open_session, print_json


def register(actions) -> None:
    reviewed = actions.add_parser("review", help="the ballots the scanner queued: its reading, the lines it was not "
                                                 "sure of, the image; --accept or --enter one")
    reviewed.add_argument("election", metavar="ELECTION")
    reviewed.add_argument("--pass", dest="pass_no", type=int, help="the scanner's pass (default: every pass)")
    chosen = reviewed.add_mutually_exclusive_group()
    chosen.add_argument("--accept", type=int, metavar="BALLOT", help="enter the machine's reading of this ballot")
    chosen.add_argument("--enter", nargs=2, metavar=("BALLOT", "ENTRY"),
                        help="enter this ballot as read by a person (as typed on the counting screen)")
    reviewed.add_argument("--json", action="store_true")
    reviewed.set_defaults(func=review_ballots)


def review_ballots(args: argparse.Namespace) -> int:
    session, lang = open_session(args)
    record = open_record(session.state, args.election)
    if args.pass_no is not None and not 1 <= args.pass_no <= record.passes:
        raise DomainError("err.no_pass", n=args.pass_no, passes=record.passes)
    if args.accept is not None or args.enter is not None:
        return _enter(args, session, record, lang)
    waiting = _waiting(record, args.pass_no)
    if args.json:
        print_json([_item(args.db, record, pass_no, number) for pass_no, number in waiting])
        return 0
    for pass_no, number in waiting:
        item = _item(args.db, record, pass_no, number)
        print(say("review.cli.ballot", lang, n=number, pass_no=pass_no, read=_read(item, lang),
                  rows=", ".join(map(str, item["rows"])) or "—"))
        if item["outside"]:
            print("  " + say("review.outside", lang))
        print("  " + say("review.cli.image", lang, path=item["image"] or say("review.no_image", lang)))
    print(say("review.cli.summary", lang, n=len(waiting)))
    return 0


def _enter(args: argparse.Namespace, session, record: RoundRecord, lang: str) -> int:
    if args.accept is not None:
        number = args.accept
    elif args.enter[0].isdigit():
        number = int(args.enter[0])
    else:
        raise DomainError("review.err.ballot", ballot=args.enter[0])
    passes = [p for p, n in _waiting(record, args.pass_no) if n == number]
    if not passes:
        raise DomainError("review.err.not_queued", n=number, pass_no=args.pass_no or "—")
    if len(passes) > 1:
        raise DomainError("review.err.which_pass", n=number)
    pass_no = passes[0]
    if args.accept is not None:
        reading = record.scans.get(pass_no, {}).get(number, Queued()).guess
        if reading is None:
            raise DomainError("review.err.no_guess", n=number)
    else:
        reading = parse_entry(args.enter[1], record)
    session.voting.enter_reviewed(args.election, number, reading, pass_no)
    key = "review.cli.accepted" if args.accept is not None else "review.cli.entered"
    print(say(key, lang, n=number, pass_no=pass_no))
    return 0


def _waiting(record: RoundRecord, pass_no: int | None) -> list[tuple[int, int]]:
    passes = [pass_no] if pass_no is not None else range(1, record.passes + 1)
    return [(p, n) for p in passes for n in record.to_review(p)]


def _item(db: str, record: RoundRecord, pass_no: int, number: int) -> dict:
    queued = record.scans.get(pass_no, {}).get(number, Queued())
    guess, image = queued.guess, queued.image
    item: dict = {"ballot": number, "pass": pass_no, "rows": list(queued.rows), "outside": queued.outside}
    if guess is None:
        item["read"] = None
    elif record.form == APPROVE:
        item["marks"] = {"against": sorted(guess.struck), "unclear": sorted(guess.unclear)}
    else:
        item["struck"] = sorted(guess.struck)
    kept = scan_preview.image_path(db, record.election, record.number, image) if image else None
    preview = scan_preview.path_of(db, record.election, record.number, image) if image else None
    item["image"] = str(kept) if kept else None
    item["preview"] = str(preview) if preview is not None and preview.exists() else None
    return item


def _read(item: dict, lang: str) -> str:
    if item.get("read", True) is None:
        return say("review.no_guess", lang)
    if "marks" in item:  # approve form: the names marked không đồng ý, ?N marked unclearly
        marks = item["marks"]
        shown = [str(n) for n in marks["against"]] + [f"?{n}" for n in marks["unclear"]]
        return " ".join(shown) or say("count.all_agree", lang)
    return " ".join(map(str, item["struck"])) or say("scan.out.none", lang)

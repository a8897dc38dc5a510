"""run.py ballots rescan: the counting committee's recount from the scanned ballots' images, beside the recorded
result; it writes nothing.

The images are those the round's scanner events name (ballot.entered marked as the scanner's, ballot.queued), found
by their sha256 beside the store (store/scans.py) and read again, in the order of their ballot numbers, with the
reader and template of today. Each ballot the machine reads surely is compared with what was recorded for that
number (the agreed reading: the passes' or the head of the committee's). The recount counts each recorded ballot
from its image when the machine is sure, and as recorded otherwise (the machine unsure, no image, an image gone or
altered, a ballot the committee found invalid on the paper), and says which. Exit 0 when the recount agrees, 1
when a ballot reads differently or an image is missing, altered or no longer read as this round's ballot."""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field

from ..errors import Say
from ..rules.election import APPROVE, REASON_TEXT, Reading, tally
from ..store import events as ev
from ..store import scans
from ..texts import say
from .ballot_reading import round_templates
from .common import open_session, print_json

AGREES, DIFFERS, UNSURE, PENDING, PAPER = "confirmed", "differs", "unsure", "pending", "paper"
REFUSED, MISSING, ALTERED = "refused", "missing", "altered"
FAILS = (DIFFERS, REFUSED, MISSING, ALTERED)  # the recount does not agree


@dataclass
class Reread:
    ballot: int
    image: str  # its sha256
    status: str = AGREES
    machine: Reading | None = None  # the machine's reading today (sure, or the doubtful one when unsure)
    recorded: Reading | None = None  # the agreed reading of that number, None while not agreed
    why: Say | None = None  # refused or unsure: why
    where: str = ""  # the image's path (or its hash when missing)
    rows: tuple[int, ...] = field(default_factory=tuple)


def rescan_ballots(args: argparse.Namespace) -> int:
    session, lang = open_session(args)
    state = session.state
    recorded = state.results(args.election, args.round_no)  # unknown election or round: one line, exit 2
    record = state.rounds[args.election][recorded["round"] - 1]
    images = _scanned(session.log.events, args.election, record.number)
    if not images:
        if args.json:
            print_json({"election": args.election, "round": record.number, "closed": record.closed is not None,
                        "scanned": 0, "agrees": None})
        else:
            print(say("rescan.none", lang, title=recorded["title"], round=record.number))
        return 0

    import cv2
    import numpy as np

    from ..reports.ballot import BallotPaper, payload
    from ..scan.paper_size import read_sized

    paper = BallotPaper(args.election, record.number, tuple(record.candidates), record.seats)
    templates, code = round_templates(state, paper, lang), payload(state, paper)
    approve, agreed = record.form == APPROVE, record.agreed()
    rereads = []
    for ballot, image in sorted(images.items()):
        item = Reread(ballot, image, recorded=agreed.get(ballot))
        rereads.append(item)
        data, item.where, problem = scans.kept(args.db, args.election, record.number, image)
        if problem is not None:
            item.status = problem
            continue
        grey = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_GRAYSCALE)
        if grey is None:
            item.status, item.why = REFUSED, Say("scan.refused.unreadable")
            continue
        reading = read_sized(grey, templates, code)
        if reading.refused is not None:
            item.status, item.why = REFUSED, reading.refused
            continue
        item.machine = Reading(reading.struck, reading.unclear if approve else frozenset())
        if reading.review:
            item.status, item.why, item.rows = UNSURE, reading.reason, reading.doubtful
        elif item.recorded is None:
            item.status = PENDING
        elif item.recorded.invalid is not None:
            item.status = PAPER
        elif not record.same(item.machine, item.recorded):
            item.status = DIFFERS

    from_image = {r.ballot: r.machine for r in rereads if r.status in (AGREES, DIFFERS)}
    recount = tally(record.candidates, record.seats, recorded["denominator"],
                    [from_image.get(n, reading) for n, reading in agreed.items()])
    result = _result(recorded, record, rereads, recount, len(agreed) - len(from_image), lang)
    if args.json:
        print_json(result)
    else:
        _print(result, rereads, approve, lang)
    return 0 if result["agrees"] else 1


def _scanned(events, election: str, round_no: int) -> dict[int, str]:
    """Ballot number -> the sha256 of its image, for the ballots of the round the scanner entered or queued."""
    found = {}
    for event in events:
        p = event.payload
        if not isinstance(p, (ev.BallotEntered, ev.BallotQueued)) or p.poll or not p.image:
            continue
        if isinstance(p, ev.BallotEntered) and not p.scanner:
            continue
        if p.election == election and p.round == round_no:
            found[p.ballot] = p.image
    return found


def _result(recorded: dict, record, rereads: list[Reread], recount, kept: int, lang: str) -> dict:
    lines = {line.no: line for line in recount.lines}
    candidates = [{"no": c["no"], "id": c["id"], "name": c["name"], "recorded": c["votes"],
                   "recount": lines[c["no"]].votes, "difference": lines[c["no"]].votes - c["votes"]}
                  for c in recorded["candidates"]]
    by = {status: [r.ballot for r in rereads if r.status == status]
          for status in (AGREES, DIFFERS, UNSURE, PENDING, PAPER, REFUSED, MISSING, ALTERED)}
    agrees = not any(by[s] for s in FAILS) and not any(c["difference"] for c in candidates)
    return {
        "election": record.election, "title": recorded["title"], "round": record.number,
        "closed": record.closed is not None, "form": record.form, "scanned": len(rereads),
        "agrees": agrees,
        "candidates": candidates,
        "ballots": {"recorded": {"valid": recorded["ballots"]["valid"], "invalid": recorded["ballots"]["invalid"]},
                    "recount": {"valid": recount.valid, "invalid": recount.invalid},
                    "from_images": len([r for r in rereads if r.status in (AGREES, DIFFERS)]),
                    "as_recorded": kept},
        **by,
        "read": [_item(r, record.form == APPROVE, lang) for r in rereads],
    }


def _item(r: Reread, approve: bool, lang: str) -> dict:
    item = {"ballot": r.ballot, "image": r.image, "file": r.where, "status": r.status}
    if r.machine is not None:
        item["machine"] = ({"against": sorted(r.machine.struck), "unclear": sorted(r.machine.unclear)} if approve
                           else {"struck": sorted(r.machine.struck)})
    item["recorded"] = r.recorded.to_data() if r.recorded is not None else None
    if r.why is not None:
        item["reason"] = r.why.text(lang)
    return item


def _read_text(reading: Reading | None, approve: bool, lang: str) -> str:
    if reading is None:
        return say("rescan.not_agreed", lang)
    if reading.invalid is not None:
        reason = say(REASON_TEXT[reading.invalid], lang) if reading.invalid in REASON_TEXT else reading.invalid
        return say("rescan.invalid", lang, reason=reason)
    numbers = ", ".join(str(n) for n in sorted(reading.struck))
    if approve:
        text = say("rescan.against", lang, numbers=numbers) if numbers else say("rescan.all_agree", lang)
        unclear = ", ".join(str(n) for n in sorted(reading.unclear))
        return text + (say("rescan.unclear", lang, numbers=unclear) if unclear else "")
    return say("rescan.struck", lang, numbers=numbers) if numbers else say("scan.out.none", lang)


def _print(result: dict, rereads: list[Reread], approve: bool, lang: str) -> None:
    print(say("rescan.head", lang, title=result["title"], round=result["round"],
              state=say("rescan.closed" if result["closed"] else "rescan.open", lang)))
    ballots = result["ballots"]
    print(say("rescan.read", lang, n=result["scanned"], sure=ballots["from_images"], unsure=len(result[UNSURE]),
              lost=len(result[MISSING]) + len(result[ALTERED]) + len(result[REFUSED])))
    name_w = max([len(c["name"]) for c in result["candidates"]] + [24])
    print(f"{say('rescan.col.no', lang):>4}  {say('rescan.col.name', lang):<{name_w}}  "
          f"{say('rescan.col.recorded', lang):>12}  {say('rescan.col.recount', lang):>12}  "
          f"{say('rescan.col.difference', lang):>10}")
    for c in result["candidates"]:
        mark, difference = ("!", f"{c['difference']:+d}") if c["difference"] else (" ", "0")
        print(f"{mark}{c['no']:>3}. {c['name']:<{name_w}}  {c['recorded']:>12}  {c['recount']:>12}  {difference:>10}")
    print(say("rescan.totals", lang, valid=ballots["recorded"]["valid"], invalid=ballots["recorded"]["invalid"],
              recount_valid=ballots["recount"]["valid"], recount_invalid=ballots["recount"]["invalid"]))
    for r in rereads:
        machine, recorded = _read_text(r.machine, approve, lang), _read_text(r.recorded, approve, lang)
        if r.status == DIFFERS:
            print(say("rescan.differs", lang, ballot=r.ballot, machine=machine, recorded=recorded))
        elif r.status == UNSURE:
            print(say("rescan.unsure", lang, ballot=r.ballot, why=r.why.text(lang), recorded=recorded))
        elif r.status == PENDING:
            print(say("rescan.pending", lang, ballot=r.ballot, machine=machine))
        elif r.status == PAPER:
            print(say("rescan.paper", lang, ballot=r.ballot, recorded=recorded, machine=machine))
        elif r.status == REFUSED:
            print(say("rescan.refused", lang, ballot=r.ballot, why=r.why.text(lang), file=r.where))
        elif r.status in (MISSING, ALTERED):
            print(say("rescan.missing" if r.status == MISSING else "rescan.altered", lang, ballot=r.ballot,
                      image=r.where))
    without = ballots["as_recorded"] - len([r for r in rereads if r.status not in (AGREES, DIFFERS, PENDING)
                                            and r.recorded is not None])
    if without:
        print(say("rescan.without_image", lang, n=without))
    if result["agrees"]:
        print(say("rescan.agrees", lang))
    else:
        print(say("rescan.differs_total", lang, differs=len(result[DIFFERS]),
                  lost=len(result[MISSING]) + len(result[ALTERED]) + len(result[REFUSED])))

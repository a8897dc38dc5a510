"""Motions, election rounds and ballots from the command line."""

from __future__ import annotations

import argparse
import sys

from ..commands.voting import step_elections
from ..rules.election import FORM_TEXT
from ..texts import say
from ..texts.formats import local_percent
from . import ballot_review
from .ballot_papers import print_ballots
from .ballot_rescan import rescan_ballots
from .ballot_scan import scan_ballots
from .common import actions, open_session, print_json


def register(sub) -> None:
    motion = sub.add_parser("motion", help="record a show-of-hands vote (adopted when for > D/2)")
    motion.add_argument("motion_id", metavar="MOTION")
    motion.add_argument("--for", dest="votes_for", type=int, required=True)
    motion.add_argument("--against", type=int, required=True)
    motion.add_argument("--abstain", type=int, required=True)
    motion.add_argument("--json", action="store_true")
    motion.set_defaults(func=record_motion)

    rounds = sub.add_parser("round", help="open, close or publish an election round")
    rounds.set_defaults(func=steer_round)
    round_actions = actions(rounds)
    opened = round_actions.add_parser("open", help="open the next round (ballots issued = official members present)")
    opened.add_argument("election", metavar="ELECTION")
    opened.add_argument("--passes", type=int, default=1, help="entry passes for double (2) or triple (3) entry")
    opened.add_argument("--candidates", nargs="+", metavar="ID", help="a later round's list, in ballot order")
    opened.add_argument("--seats", type=int, help="seats of a later round (default: those unfilled)")
    closed = round_actions.add_parser("close", help="close the count and freeze the result")
    closed.add_argument("election", metavar="ELECTION")
    closed.add_argument("--collected", type=int, help="ballots collected from the box (default: those entered)")
    cancelled = round_actions.add_parser("cancel", help="take back a round opened by mistake (no ballot entered)")
    cancelled.add_argument("election", metavar="ELECTION")
    collected = round_actions.add_parser("collected", help="record the ballots counted from the box")
    collected.add_argument("election", metavar="ELECTION")
    collected.add_argument("count", type=int, metavar="N")
    issued = round_actions.add_parser("issued", help="correct the ballots issued (a latecomer given a ballot), or "
                                                     "--add ID: a member D did not count, handed a ballot")
    issued.add_argument("election", metavar="ELECTION")
    given = issued.add_mutually_exclusive_group(required=True)
    given.add_argument("count", type=int, metavar="N", nargs="?")
    given.add_argument("--add", metavar="ID", help="a member not counted in the round's D (exempt, or excused) who "
                                                  "came and is handed a ballot: counted in from now on")
    published = round_actions.add_parser("publish", help="publish the closed round's result")
    published.add_argument("election", metavar="ELECTION")
    nominee = round_actions.add_parser("nominate", help="retired: a nominee from the floor joins through a secret poll "
                                                        "(run.py nominate open|import|close)")
    nominee.add_argument("election", metavar="ELECTION")
    nominee.add_argument("member", metavar="ID")
    nominee.add_argument("--for", dest="votes_for", type=int, required=True, help=argparse.SUPPRESS)
    listed = round_actions.add_parser("candidates", help="replace the list before the next round (as the congress "
                                                         "decided; printed in Vietnamese order unless ordered again)")
    listed.add_argument("election", metavar="ELECTION")
    listed.add_argument("ids", nargs="+", metavar="ID")
    withdrawn = round_actions.add_parser("withdraw", help="a request to come off the list, decided by show of hands "
                                                          "(allowed when more than half of D are for it)")
    withdrawn.add_argument("election", metavar="ELECTION")
    withdrawn.add_argument("member", metavar="ID")
    withdrawn.add_argument("--for", dest="votes_for", type=int, required=True)
    withdrawn.add_argument("--against", type=int, required=True)
    withdrawn.add_argument("--abstain", type=int, required=True)
    order = round_actions.add_parser("order", help="set the order names are printed in, before a round opens")
    order.add_argument("election", metavar="ELECTION")
    order.add_argument("ids", nargs="+", metavar="ID")

    ballots = sub.add_parser("ballots", help="enter ballots")
    ballots.set_defaults(func=import_ballots)
    ballot_actions = actions(ballots)
    imported = ballot_actions.add_parser("import", help="import a ballots CSV (ballot,struck,unclear,invalid)")
    imported.add_argument("election", metavar="ELECTION")
    imported.add_argument("file", metavar="B.csv")
    imported.add_argument("--pass", dest="pass_no", type=int, default=1)
    printed = ballot_actions.add_parser("print", help="write the ballot of the open round (or else of the next round "
                                                      "to open) as a PDF to print and scan, and a .docx")
    printed.add_argument("election", metavar="ELECTION")
    printed.add_argument("--out", required=True, metavar="DIR")
    printed.add_argument("--copies", type=int, help="pages in the PDF (default: the ballots issued, else the "
                                                    "official members present)")
    printed.add_argument("--size", choices=("A4", "A5"), default="A4")
    printed.set_defaults(func=print_ballots)
    scanned = ballot_actions.add_parser("scan", help="read scanned ballots (PNG, JPEG, TIFF, PDF) as one pass of a "
                                                     "double entry; doubtful ones are queued for a person")
    scanned.add_argument("election", metavar="ELECTION")
    scanned.add_argument("images", nargs="*", metavar="IMAGE")
    scanned.add_argument("--watch", metavar="DIR", help="read each image file that arrives in DIR, until Ctrl-C or the "
                                                        "round closes (instead of IMAGE...)")
    scanned.add_argument("--pass", dest="pass_no", type=int, required=True)
    scanned.add_argument("--size", choices=("A4", "A5"), help="the size the ballots were printed at (default: "
                         "told from each page; given: a page of the other size is refused)")
    scanned.add_argument("--json", action="store_true")
    scanned.set_defaults(func=scan_ballots)
    rescanned = ballot_actions.add_parser("rescan", help="recount a round from its scanned ballots' images, beside "
                                                         "the recorded result (writes nothing)")
    rescanned.add_argument("election", metavar="ELECTION")
    rescanned.add_argument("--round", dest="round_no", type=int, help="an earlier round (default: the current one)")
    rescanned.add_argument("--json", action="store_true")
    rescanned.set_defaults(func=rescan_ballots)
    ballot_review.register(ballot_actions)

    nominate = sub.add_parser("nominate", help="nominees from the floor: a secret poll (phiếu xin ý kiến); those more "
                                               "than 30%% of the members present agree to join the list")
    nominate.set_defaults(func=poll)
    poll_actions = actions(nominate)
    opened_poll = poll_actions.add_parser("open", help="open the poll on the nominees (ballots to the official "
                                                       "members present)")
    opened_poll.add_argument("election", metavar="ELECTION")
    opened_poll.add_argument("ids", nargs="+", metavar="ID")
    imported_poll = poll_actions.add_parser("import", help="import the poll's ballots (CSV: ballot,against)")
    imported_poll.add_argument("election", metavar="ELECTION")
    imported_poll.add_argument("file", metavar="B.csv")
    imported_poll.add_argument("--pass", dest="pass_no", type=int, default=1)
    closed_poll = poll_actions.add_parser("close", help="close the poll's count: who joins the list")
    closed_poll.add_argument("election", metavar="ELECTION")
    closed_poll.add_argument("--collected", type=int, help="ballots collected from the box (default: those entered)")
    closed_poll.add_argument("--json", action="store_true")

    results = sub.add_parser("results", help="the current round's result (live until it closes)")
    results.add_argument("election", metavar="ELECTION")
    results.add_argument("--round", dest="round_no", type=int, help="an earlier round (default: the current one)")
    results.add_argument("--json", action="store_true")
    results.set_defaults(func=show_results)


def record_motion(args: argparse.Namespace) -> int:
    session, lang = open_session(args)
    result = session.voting.record_motion(args.motion_id, args.votes_for, args.against, args.abstain).value
    if args.json:
        print_json({"motion": args.motion_id, "for": result.votes_for, "against": result.against,
                    "abstain": result.abstain, "present": result.present_official, "denominator": result.denominator,
                    "percent_for": result.percent_for, "adopted": result.adopted}, indent=False)
    else:
        print(say("cli.motion", lang, title=session.state.scenario.motions[args.motion_id].title, **{
            "for": result.votes_for, "d": result.denominator, "pct": local_percent(result.percent_for, lang),
            "verdict": say("cli.adopted" if result.adopted else "cli.rejected", lang)}))
    return 0


def steer_round(args: argparse.Namespace) -> int:
    session, lang = open_session(args)
    voting, election = session.voting, args.election
    if args.action == "open":
        opened = voting.open_round(election, args.passes, args.candidates, args.seats).value
        check = opened.list_check
        if opened.round == 1 and (check.over_limit or check.no_surplus):
            key = "cli.list_warn_over" if check.over_limit else "cli.list_warn_none"
            print(say(key, lang, pct=local_percent(check.surplus_percent, lang)), file=sys.stderr)
        current = session.state.agenda.current  # any step may open a round; another step's is said (as the chair asks)
        if current is not None and election not in step_elections(session.state, current):
            print(say("round.off_step_opened", lang, step=session.state.agenda.run(current).step.title,
                      title=session.state.scenario.elections[election].title, round=opened.round), file=sys.stderr)
        print(say("cli.round_opened", lang, election=election, round=opened.round, issued=opened.issued,
                  d=opened.denominator, form=say(FORM_TEXT[opened.form], lang), passes=opened.passes))
    elif args.action == "close":
        print_results(voting.close_round(election, args.collected).value, lang)
    elif args.action == "cancel":
        voting.cancel_round(election)
        print(say("cli.cancelled", lang, election=election))
    elif args.action == "collected":
        voting.record_collected(election, args.count)
        print(say("count.collected", lang, n=args.count))
    elif args.action == "issued" and args.add:
        d = voting.issue_to(election, args.add).value
        print(say("cli.issued_to", lang, election=election, name=session.state.roster.get(args.add).name,
                  issued=session.state.current_round(election).issued, d=d))
    elif args.action == "issued":
        voting.set_issued(election, args.count)
        print(say("cli.issued", lang, election=election, n=args.count))
    elif args.action == "publish":
        voting.publish_round(election)
        print(say("cli.published", lang, election=election))
    elif args.action == "nominate":
        voting.add_nominee(election, args.member, args.votes_for)
    elif args.action == "candidates":
        names = voting.set_candidates(election, args.ids).value
        print(say("cli.candidates", lang, election=election, names=", ".join(names)))
    elif args.action == "withdraw":
        allowed = voting.decide_withdrawal(election, args.member, args.votes_for, args.against, args.abstain).value
        print(say("cli.withdrawal_allowed" if allowed else "cli.withdrawal_refused", lang,
                  name=session.state.roster.get(args.member).name, votes=args.votes_for,
                  d=session.state.figures().denominator))
    elif args.action == "order":
        voting.set_ballot_order(election, args.ids)
        print(", ".join(args.ids))
    return 0


def import_ballots(args: argparse.Namespace) -> int:
    session, lang = open_session(args)
    count = session.voting.import_ballots(args.election, args.file, args.pass_no).value
    print(say("cli.imported", lang, n=count, pass_no=args.pass_no))
    return 0


def show_results(args: argparse.Namespace) -> int:
    session, lang = open_session(args)
    data = session.state.results(args.election, args.round_no)
    if args.json:
        print_json(data)
    else:
        print_results(data, lang)
    return 0


def print_results(data: dict, lang: str) -> None:
    ballots = data["ballots"]
    print(say("cli.results_head", lang, title=data["title"], round=data["round"], seats=data["seats"],
              d=data["denominator"], needed=data["needed"], issued=ballots["issued"], collected=ballots["collected"],
              valid=ballots["valid"], invalid=ballots["invalid"]))
    for c in data["candidates"]:
        mark = "*" if c["elected"] else ("=" if c["id"] in data["tied"] else " ")
        against = f"  {say('count.against', lang, n=c['against'])}" if "against" in c else ""
        print(f"{mark} {c['no']:>3}. {c['name']:<32} {c['votes']:>5}  {local_percent(c['percent'], lang):>6}%{against}")
    if data["tied"]:
        names = {c["id"]: c["name"] for c in data["candidates"]}
        print(say("cli.tied", lang, ids=", ".join(names[i] for i in data["tied"])))
    if data["unfilled"]:
        print(say("cli.unfilled", lang, n=data["unfilled"]))


def poll(args: argparse.Namespace) -> int:
    session, lang = open_session(args)
    voting, election = session.voting, args.election
    if args.action == "open":
        issued = voting.open_poll(election, args.ids).value
        print(say("cli.poll_opened", lang, election=election, n=len(args.ids), issued=issued))
    elif args.action == "import":
        count = voting.import_ballots(election, args.file, args.pass_no, poll=True).value
        print(say("cli.imported", lang, n=count, pass_no=args.pass_no))
    elif args.action == "close":
        result = voting.close_poll(election, args.collected).value
        if args.json:
            print_json(result)
        else:
            print_poll(result, lang)
    return 0


def print_poll(result: dict, lang: str) -> None:
    ballots = result["ballots"]
    print(say("cli.poll_head", lang, title=result["title"], present=result["present"], needed=result["needed"],
              issued=ballots["issued"], collected=ballots["collected"], valid=ballots["valid"],
              invalid=ballots["invalid"]))
    for n in result["nominees"]:
        mark = "+" if n["joins"] else " "
        against = f"  {say('count.against', lang, n=n['against'])}" if "against" in n else ""
        print(f"{mark} {n['no']:>3}. {n['name']:<32} {n['agree']:>5}  {local_percent(n['percent'], lang):>6}%{against}")

"""The desk from the command line: check-ins, badges, departures, absences, alternates, the roster on the day."""

from __future__ import annotations

import argparse

from ..rules.roster import FLAGS, STATUSES
from ..texts import say
from .common import actions, open_session


def register(sub) -> None:
    attend = sub.add_parser("attend", help="check members in (with --undo: take back check-ins made by mistake)")
    attend.add_argument("ids", nargs="+", metavar="ID")
    attend.add_argument("--undo", action="store_true")
    attend.set_defaults(func=check_in)

    scan = sub.add_parser("scan", help="check in the member whose badge QR payload is given")
    scan.add_argument("payload")
    scan.set_defaults(func=scan_badge)

    leave = sub.add_parser("leave", help="record that members left the room")
    leave.add_argument("ids", nargs="+", metavar="ID")
    leave.set_defaults(func=leave_room)

    absent = sub.add_parser("absent", help="record a member absent, with the reason the convening committee accepted")
    absent.add_argument("id", metavar="ID")
    absent.add_argument("--excused", metavar="REASON")
    absent.set_defaults(func=record_absent)

    replace = sub.add_parser("replace", help="congress of delegates: an alternate replaces an absent delegate")
    replace.add_argument("delegate", metavar="DELEGATE")
    replace.add_argument("alternate", metavar="ALTERNATE", nargs="?", help="omit to cancel the replacement")
    replace.set_defaults(func=replace_delegate)

    member = sub.add_parser("member", help="correct the roster during the congress: add a member, fix one")
    member.set_defaults(func=roster)
    members = actions(member)
    add = members.add_parser("add", help="add a member")
    add.add_argument("id", metavar="ID")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--status", default="official", choices=STATUSES)
    add.add_argument("--flags", default="", help="space-separated: " + " ".join(FLAGS))
    fix = members.add_parser("fix", help="correct a member's name, status or flags")
    fix.add_argument("id", metavar="ID")
    fix.add_argument("--name")
    fix.add_argument("--status", choices=STATUSES)
    fix.add_argument("--flags", help="the full new set, space-separated (\"\" for none)")


def check_in(args: argparse.Namespace) -> int:
    session, lang = open_session(args)
    if args.undo:
        session.attendance.undo_check_in(*args.ids)
        print(say("cli.undone", lang, n=len(args.ids)))
    else:
        attended = session.attendance.attend(args.ids).value
        print(say("cli.checked_in", lang, n=len(attended.checked_in), already=attended.already))
    return 0


def scan_badge(args: argparse.Namespace) -> int:
    session, lang = open_session(args)
    member = session.attendance.scan(args.payload).value.member
    print(say("cli.scanned", lang, name=member.name, id=member.id))
    return 0


def leave_room(args: argparse.Namespace) -> int:
    session, lang = open_session(args)
    session.attendance.leave(*args.ids)
    print(say("cli.left", lang, n=len(args.ids)))
    return 0


def record_absent(args: argparse.Namespace) -> int:
    session, lang = open_session(args)
    session.attendance.absent(args.id, args.excused)
    print(say("cli.excused", lang, id=args.id, reason=args.excused) if args.excused
          else say("cli.absent", lang, id=args.id))
    return 0


def replace_delegate(args: argparse.Namespace) -> int:
    session, lang = open_session(args)
    session.attendance.replace_delegate(args.delegate, args.alternate)
    print(say("cli.replaced", lang, delegate=args.delegate, alternate=args.alternate or "—"))
    return 0


def roster(args: argparse.Namespace) -> int:
    session, _ = open_session(args)
    flags = None if args.flags is None else tuple(args.flags.replace(";", " ").split())
    if args.action == "add":
        m = session.attendance.add_member(args.id, args.name, args.status, flags or ()).value
    else:
        m = session.attendance.correct_member(args.id, args.name, args.status, flags).value
    print(f"{m.id},{m.name},{m.status},{' '.join(sorted(m.flags))}")
    return 0

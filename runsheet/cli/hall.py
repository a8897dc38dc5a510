"""`message`: the chair's short message on the hall's screens, a blank screen, or back to the programme; `hall`: the
hall's pages in a browser (runsheet/hall)."""

from __future__ import annotations

import argparse

from ..commands.hall import TARGET_NAMES as WHERE
from ..errors import DomainError
from ..rules.hall import MESSAGE_MAX, TARGETS
from ..texts import say
from .common import open_session

def register(sub) -> None:
    message = sub.add_parser("message", help="a short message on the hall's screens (projector, podium), or "
                                             "--blank them, or --clear back to the programme")
    message.add_argument("text", metavar="TEXT", nargs="?",
                         help=f'the message, at most {MESSAGE_MAX} characters ("Xin đồng chí kết thúc")')
    message.add_argument("--flash", action="store_true", help="the message flashes for a few seconds")
    message.add_argument("--to", choices=TARGETS, default="all", help="which screens (default: all)")
    what = message.add_mutually_exclusive_group()
    what.add_argument("--blank", action="store_true", help="the screens show nothing until cleared")
    what.add_argument("--clear", action="store_true", help="no message, no blank: the programme again")
    message.set_defaults(func=hall_message)
    pages = sub.add_parser("hall", help="the hall's pages in a browser, read-only: /projector, /podium and the "
                                        "delegates' programme at /")
    pages.add_argument("--host", default="127.0.0.1", help="address to bind (default: this machine only)")
    pages.add_argument("--port", type=int, default=8080)
    pages.set_defaults(func=hall_pages)


def hall_pages(args: argparse.Namespace) -> int:
    from ..hall.server import serve  # aiohttp is loaded only for this command

    return serve(args.db, args.lang, args.host, args.port)


def hall_message(args: argparse.Namespace) -> int:
    if (args.text is not None) + args.blank + args.clear != 1 or (args.flash and args.text is None):
        raise DomainError("err.hall_what")
    session, lang = open_session(args)
    where = say(WHERE[args.to], lang)
    if args.blank:
        session.hall.blank(args.to)
        print(say("hall.blanked", lang, where=where))
    elif args.clear:
        session.hall.clear(args.to)
        print(say("hall.cleared", lang, where=where))
    else:
        line = session.hall.message(args.text, args.flash, args.to).value
        print(say("hall.shown_flash" if args.flash else "hall.shown", lang, where=where, text=line))
    return 0

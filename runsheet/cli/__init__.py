"""The command line: every user action can be scripted. Bad input: one line on stderr, exit status 2.

Each group of commands is a module that registers its own subcommands and their handlers (set_defaults(func=...)):
store.py (new, pin, status, verify, restore), agenda.py (step), attendance.py (attend, scan, leave, absent, replace,
member), voting.py (motion, round, ballots, results), speaking.py (speech, officers), hall.py (message, hall),
documents.py (minutes, counting-minutes, badges) and app.py (the screens, serve).
"""

from __future__ import annotations

import argparse
import sys

from ..errors import DomainError, RunsheetError, StoreDamaged
from ..store import backups
from ..texts import say
from . import agenda, app, attendance, documents, hall, speaking, store, voting
from .common import Commands, Parser, shared

GROUPS = (store, agenda, attendance, voting, speaking, hall, documents, app)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="run.py", description="runsheet: run a congress live from its script",
                    parents=[shared(suppress=False)])
    parser.register("action", "commands", Commands)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", action="commands")
    parser.set_defaults(func=app.run_screens)
    app.screen_options(parser)
    for group in GROUPS:
        group.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):  # Windows pipes default to the ANSI code page: Vietnamese needs UTF-8
            stream.reconfigure(encoding="utf-8")
    argv = sys.argv[1:] if argv is None else argv
    bad = next((n for n, arg in enumerate(argv, start=1) if not _utf8(arg)), None)
    if bad is not None:  # the bytes would reach the store's JSON, and fail there with a traceback
        lang = "en" if any(b == "--lang" and a == "en" for b, a in zip(argv, argv[1:])) \
            or "--lang=en" in argv else "vi"
        shown = argv[bad - 1].encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        print(f"run.py: error: {say('cli.argv_not_utf8', lang, n=bad, arg=shown)}", file=sys.stderr)
        return 2
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command not in (None, "serve") and not args.db:  # serve without --db: the demo congress
        parser.error(f"{args.command}: --db FILE is required")
    try:
        code = args.func(args)
        session = getattr(args, "session", None)
        for warning in session.take_warnings() if session is not None else ():
            print(f"run.py: warning: {warning.text(args.lang or getattr(args, 'store_lang', 'vi'))}", file=sys.stderr)
        return code
    except DomainError as exc:
        lang = args.lang or getattr(args, "store_lang", "vi")
        hint = say("cli.pin_hint", lang) if exc.key == "err.pin_needed" else ""
        print(f"run.py: error: {exc.text(lang)}{hint}", file=sys.stderr)
        return exc.exit_code
    except RunsheetError as exc:
        print(f"run.py: error: {exc}", file=sys.stderr)
        if isinstance(exc, StoreDamaged) and args.db and args.command not in ("restore", "migrate") \
                and backups.saved(args.db):
            print(f"run.py: {say('cli.restore_hint', args.lang or 'vi', db=args.db)}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130


def _utf8(arg: str) -> bool:
    """Bytes of argv that are not UTF-8 reach Python as lone surrogates (surrogateescape)."""
    try:
        arg.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def console() -> None:
    """Entry point of the `runsheet` console script."""
    sys.exit(main())

"""What every command that opens the store shares: the session, its language, the role's PIN, JSON output."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable

import orjson

from ..commands import ROLES, Session
from ..commands.roles import ROLE_NAMES, check_pin_text
from ..errors import DomainError, RunsheetError
from ..texts import say


def pin_of(args: argparse.Namespace) -> str | None:
    """The PIN given to this command: --pin (seen by every user of the host in the list of processes: for scripts
    only), else RUNSHEET_PIN. Refused unless it is 4 to 12 digits."""
    pin = getattr(args, "pin", None) or os.environ.get("RUNSHEET_PIN") or None
    if pin is not None:
        check_pin_text(pin)
    return pin


def interactive() -> bool:
    """Whether someone at a keyboard can be asked (stdin is a terminal)."""
    return sys.stdin is not None and sys.stdin.isatty()


def ask(prompt: str) -> str:
    return getpass.getpass(prompt)


def pin_prompt(lang: str) -> Callable[[str], str | None] | None:
    """Asks a role's PIN, not echoed, when a write needs it and someone can answer; None when nobody can."""
    if not interactive():
        return None

    def prompt(role: str) -> str | None:
        given = ask(say("cli.pin_prompt", lang, role=say(ROLE_NAMES[role], lang))).strip()
        check_pin_text(given)
        return given

    return prompt


def open_session(args: argparse.Namespace, terminal: str | None = None) -> tuple[Session, str]:
    """The store of --db as this terminal's role, unlocked with its PIN when it has one (without --role: the
    chair's); and the language to speak (--lang, else the congress's), kept on args for the error message too.
    A PIN neither given nor needed yet is asked (interactively) by the first write that needs it."""
    session = args.session = Session(args.db, role=args.role, terminal=terminal)
    lang = args.store_lang = args.lang or session.state.language
    pin = pin_of(args)
    if pin is not None and not session.roles.unlock(pin):
        raise DomainError("err.pin_wrong")
    if session.roles.locked:
        session.roles.prompt = pin_prompt(lang)
    return session, lang


def store_lang(db: str) -> str:
    """The congress's language, for commands that must speak even when the store cannot be opened (then vi)."""
    try:
        return Session(db).state.language
    except RunsheetError:
        return "vi"


def print_json(data: object, indent: bool = True) -> None:
    sys.stdout.write(orjson.dumps(data, option=orjson.OPT_INDENT_2 if indent else 0).decode() + "\n")


def shared(suppress: bool) -> argparse.ArgumentParser:
    """Options that may stand before or after the command (a command's copy leaves the first one alone)."""
    shared = argparse.ArgumentParser(add_help=False)
    default = {"default": argparse.SUPPRESS} if suppress else {}
    shared.add_argument("--db", help="the congress store (a JSON file); without it, the demo congress", **default)
    shared.add_argument("--role", choices=ROLES, help="lock this terminal to one role's screen and rights",
                        **default)
    shared.add_argument("--lang", choices=("vi", "en"), help="interface language (default: the scenario's)",
                        **default)
    shared.add_argument("--pin", help="the role's PIN (without --role: the chair's), if it has one; better "
                                      "RUNSHEET_PIN or the prompt: other users of the host see the command line",
                        **default)
    return shared


class Parser(argparse.ArgumentParser):
    """Usage errors in one line too, pointing to -h rather than printing the usage block."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} -h)\n")


class Commands(argparse._SubParsersAction):
    """Subcommands that take the shared options too (before or after their name)."""

    def add_parser(self, name, **kwargs):
        kwargs.setdefault("parents", [shared(suppress=True)])
        return super().add_parser(name, **kwargs)


def actions(parser: argparse.ArgumentParser, dest: str = "action") -> Commands:
    """The subcommands of a group command (step next, round open, ...)."""
    parser.register("action", "commands", Commands)
    return parser.add_subparsers(dest=dest, metavar="ACTION", required=True, action="commands")

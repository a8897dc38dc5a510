"""The store itself: create it, set a role's PIN, its status, verify it, restore a backup."""

from __future__ import annotations

import argparse
import os
import re

from ..commands import ROLES, create
from ..commands.roles import ROLE_NAMES, check_pin_text
from ..commands.status import status_data
from ..errors import DomainError
from ..rules.digest import LogDigest
from ..store import backups
from ..store import scans, snapshot
from ..store.events import Event
from ..store.log import verify
from ..store.witness import compare, whole_docs, witness_path
from ..texts import say
from . import common
from .common import open_session, print_json, store_lang
from .agenda import print_current


def register(sub) -> None:
    new = sub.add_parser("new", help="create a congress store from a scenario and a roster")
    new.add_argument("--scenario", required=True)
    new.add_argument("--roster", required=True)
    new.add_argument("--date", help="the congress date YYYY-MM-DD (default: the scenario's date, or today)")
    new.add_argument("--start", help="the planned start HH:MM, when it differs from the scenario's")
    new.add_argument("--role-pin", action="append", default=[], metavar="ROLE=PIN",
                     help="a PIN for a role (repeat for several roles)")
    new.set_defaults(func=new_store)

    pin = sub.add_parser("pin", help="set a role's PIN (4-12 digits; an empty PIN removes it); stored as a salted "
                                     "hash; needs the chair's PIN when the chair has one")
    pin.add_argument("pin_role", metavar="ROLE", choices=ROLES)
    pin.add_argument("new_pin", metavar="PIN", nargs="?",
                     help="the new PIN (left out: asked twice, not echoed; given here, other users of the host see it)")
    pin.set_defaults(func=set_pin)

    status = sub.add_parser("status", help="current step, attendance figures, D, open rounds")
    status.add_argument("--json", action="store_true")
    status.set_defaults(func=show_status)

    migrated = sub.add_parser("migrate", help="turn a store of runsheet's earlier format into the append-only one "
                                              "(its backups too; the old files are kept aside)")
    migrated.set_defaults(func=migrate_store)
    restored = sub.add_parser("restore", help="put back the longest backup that verifies (the damaged store is kept "
                                              "aside)")
    restored.set_defaults(func=restore)
    witnessed = sub.add_parser("witness", help="keep an append-only copy of the log in DIR (a USB key, another "
                                                "computer's folder) as it is written, until Ctrl+C")
    witnessed.add_argument("folder", metavar="DIR")
    witnessed.add_argument("--once", action="store_true", help="catch up once and stop")
    witnessed.set_defaults(func=keep_witness)
    verified = sub.add_parser("verify", help="re-check the hash chain and the store against its backups and "
                                             "witnesses; exit 1 if the store was altered or rolled back")
    verified.add_argument("--witness", action="append", default=[], metavar="DIR",
                          help="a folder holding a witness of this store (run.py witness); repeatable")
    verified.add_argument("--digest", metavar="TEXT",
                          help="the digest printed on counting minutes or the congress minutes (or read from their QR "
                               "code): does it match?")
    verified.add_argument("--code", metavar="CODE@EVENT",
                          help="a short code noted from the chair's screen, the projector or a document, with its "
                               "event number (3fa9c2e1@1234): does the store still hold that event?")
    verified.set_defaults(func=verify_store)


def new_store(args: argparse.Namespace) -> int:
    role_pins = []
    for item in args.role_pin:
        role, _, value = item.partition("=")
        if role not in ROLES or not value:
            raise DomainError("err.role", role=role, roles=", ".join(ROLES))
        role_pins.append((role, value))
    for _role, value in role_pins:  # refused before anything is written
        check_pin_text(value)
    session = create(args.db, args.scenario, args.roster, congress_date=args.date, start=args.start)
    for role, value in role_pins:
        session.roles.set_pin(role, value)
    state = session.state
    print(say("cli.created", args.lang or state.language, path=session.path, title=state.scenario.congress.title,
              members=len(state.roster), steps=len(state.scenario.steps)))
    return 0


def set_pin(args: argparse.Namespace) -> int:
    session, lang = open_session(args)
    session.roles.check("roles")  # the chair's PIN (asked first when it is needed), before the new one
    new_pin = args.new_pin if args.new_pin is not None else asked_new_pin(args.pin_role, lang)
    session.roles.set_pin(args.pin_role, new_pin)
    key = "cli.pin_set" if new_pin.strip() else "cli.pin_cleared"
    print(say(key, lang, role=say(ROLE_NAMES[args.pin_role], lang)))
    return 0


def asked_new_pin(role: str, lang: str) -> str:
    """The new PIN, typed twice without echo; refused when nobody can be asked, or the two differ."""
    if not common.interactive():
        raise DomainError("err.pin_not_given")
    first = common.ask(say("cli.new_pin_prompt", lang, role=say(ROLE_NAMES[role], lang))).strip()
    if first:
        check_pin_text(first)
        if common.ask(say("cli.new_pin_again", lang)).strip() != first:
            raise DomainError("err.pin_again")
    return first


def show_status(args: argparse.Namespace) -> int:
    session, lang = open_session(args)
    data = status_data(session.state, session.log.head, session.now())
    if args.json:
        print_json(data)
        return 0
    print(data["title"])
    print_current(session, lang)
    print(say("cli.present", lang, official=data["present_official"], probationary=data["present_probationary"],
              d=data["denominator"], majority=data["majority"])
          + ("" if data["may_proceed"] else f"  ({say('cli.no_quorum', lang)})"))
    print(say("cli.ends", lang, planned=data["planned_end"], projected=data["projected_end"]))
    print(say("cli.head", lang, seq=data["head"]["seq"], hash=data["head"]["hash"][:16]))
    return 0


def verify_store(args: argparse.Namespace) -> int:
    if args.digest is not None or args.code is not None:
        return check_digest(args)
    lang = args.lang or store_lang(args.db)
    report = verify(args.db)
    altered = not report.ok
    if report.ok:
        print(say("cli.verified", lang, n=report.events, hash=report.head[:16]))
    if report.uncommitted:
        print(say("cli.uncommitted", lang, n=report.uncommitted))
    for problem in report.problems:
        print(f"ALTERED: {problem}")
    docs = whole_docs(args.db)
    if report.ok and snapshot.agrees_with_log(args.db, [Event.from_doc(doc) for doc in docs]) is False:
        altered = True
        print("ALTERED: " + say("cli.snapshot_forged", lang, path=snapshot.path_of(args.db),
                                aside=snapshot.set_aside(args.db)))
    if report.ok:  # the scanned ballots' images the log names (ballots scan)
        images, problems = scans.check(args.db, [Event.from_doc(doc) for doc in docs])
        for seq, image, problem in problems:
            print("ALTERED: " + say("cli.scan_missing" if problem == "missing" else "cli.scan_altered", lang,
                                    seq=seq, image=image))
        if images and not problems:
            print(say("cli.scans_ok", lang, n=images, path=f"{args.db}.scans"))
        altered = altered or bool(problems)
    for backup in backups.saved(args.db):
        checked = verify(str(backup))
        altered = altered or not checked.ok
        print(say("cli.backup_ok" if checked.ok else "cli.backup_bad", lang, path=backup, n=checked.events))
        if not _agrees(args.db, backup, docs, lang):
            altered = True
    for folder in args.witness:
        if not _agrees(args.db, witness_path(args.db, folder), docs, lang):
            altered = True
    if altered and backups.saved(args.db):
        print(say("cli.restore_hint", lang, db=args.db))
    return 1 if altered else 0


def _agrees(db: str, copy, docs: list[dict], lang: str) -> bool:
    """Say how the store compares with one copy of its log; False (the store is bad) when they disagree."""
    agreement = compare(db, copy, docs)
    if agreement.problem:
        print(say("cli.copy_unreadable", lang, path=copy, problem=agreement.problem))
        return True
    if agreement.differs_at is not None:
        print("REWRITTEN: " + say("cli.copy_differs", lang, path=copy, seq=agreement.differs_at))
        return False
    if agreement.rolled_back:
        print("ROLLED BACK: " + say("cli.copy_longer", lang, path=copy, copy=agreement.copy_events,
                                    store=agreement.store_events))
        return False
    print(say("cli.copy_agrees", lang, path=copy, n=agreement.copy_events))
    return True


def keep_witness(args: argparse.Namespace) -> int:
    from ..store.witness import Witness, follow

    lang = args.lang or store_lang(args.db)
    os.makedirs(args.folder, exist_ok=True)
    if args.once:
        witness = Witness(args.db, args.folder)
        added = witness.catch_up()
        print(say("cli.witnessed", lang, path=witness.path, n=added))
        return 0
    print(say("cli.witnessing", lang, path=witness_path(args.db, args.folder)), flush=True)
    try:
        follow(args.db, args.folder, told=lambda added: print(say("cli.witnessed", lang,
                                                                   path=witness_path(args.db, args.folder), n=added),
                                                               flush=True))
    except KeyboardInterrupt:
        return 0
    return 0


def check_digest(args: argparse.Namespace) -> int:
    from ..store.digest_check import check_digest as check
    from ..store.log_digest_check import check_log_digest

    if args.code is not None:
        result = check_log_digest(args.db, parse_code(args.code))
    else:
        result = check(args.db, args.digest)
    for line in result.lines(args.lang or store_lang(args.db)):
        print(line)
    return 0 if result.ok else 1


def parse_code(text: str) -> LogDigest:
    """CODE@EVENT as noted from a screen ("3fa9c2e1@1234", the number written 1.234 or 1,234 too)."""
    match = re.fullmatch(r"\s*([0-9a-fA-F]{8,16})\s*@\s*([0-9][0-9.,]{0,12})\s*", text)
    seq = match and match.group(2).replace(".", "").replace(",", "")
    if not match or not seq.isdigit() or int(seq) < 1:
        raise DomainError("err.code_form", text=text)
    return LogDigest("", int(seq), match.group(1).lower())


def migrate_store(args: argparse.Namespace) -> int:
    from ..store.migrate import migrate

    lang = args.lang or "vi"
    done = migrate(args.db)
    print(say("cli.migrated", lang, path=args.db, n=done.events, kept=done.kept_as))
    for backup, events in done.backups:
        print(say("cli.backup_ok", lang, path=backup, n=events))
    for backup, problem in done.skipped:
        print(say("cli.backup_skipped", lang, path=backup, problem=problem))
    return 0


def restore(args: argparse.Namespace) -> int:
    backup, events, aside = backups.restore(args.db)
    print(say("cli.restored", args.lang or "vi", path=backup, n=events, aside=aside or "—"))
    return 0


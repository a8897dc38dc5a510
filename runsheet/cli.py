"""The command line: every user action can be scripted. Bad input: one line on stderr, exit status 2."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import datetime

import orjson

from . import commands
from .commands import ROLES, Session
from .rules.roster import FLAGS, STATUSES
from .errors import DomainError, RunsheetError, StoreError
from .i18n import t
from .rules.script import hhmm, local_percent
from .ui.format import mmss
from .store import backups
from .store.log import verify


def _shared(suppress: bool) -> argparse.ArgumentParser:
    """Options that may stand before or after the command (a command's copy leaves the first one alone)."""
    shared = argparse.ArgumentParser(add_help=False)
    default = {"default": argparse.SUPPRESS} if suppress else {}
    shared.add_argument("--db", help="the congress store (a JSON file); without it, the demo congress", **default)
    shared.add_argument("--role", choices=ROLES, help="lock this terminal to one role's screen and rights",
                        **default)
    shared.add_argument("--lang", choices=("vi", "en"), help="interface language (default: the scenario's)",
                        **default)
    shared.add_argument("--pin", help="the role's PIN, if it has one (or set RUNSHEET_PIN)", **default)
    return shared


class _Parser(argparse.ArgumentParser):
    """Usage errors in one line too (DESIGN.md §3), pointing to -h rather than printing the usage block."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} -h)\n")


class _Commands(argparse._SubParsersAction):
    def add_parser(self, name, **kwargs):
        kwargs.setdefault("parents", [_shared(suppress=True)])
        return super().add_parser(name, **kwargs)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="run.py", description="runsheet: run a congress live from its script",
                     parents=[_shared(suppress=False)])
    parser.register("action", "commands", _Commands)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", action="commands")

    new = sub.add_parser("new", help="create a congress store from a scenario and a roster")
    new.add_argument("--scenario", required=True)
    new.add_argument("--roster", required=True)
    new.add_argument("--date", help="the congress date YYYY-MM-DD (default: the scenario's date, or today)")
    new.add_argument("--start", help="the planned start HH:MM, when it differs from the scenario's")
    new.add_argument("--role-pin", action="append", default=[], metavar="ROLE=PIN",
                     help="a PIN for a role (repeat for several roles)")

    pin = sub.add_parser("pin", help="set a role's PIN (an empty PIN removes it); stored as a salted hash")
    pin.add_argument("pin_role", metavar="ROLE", choices=ROLES)
    pin.add_argument("new_pin", metavar="PIN")

    status = sub.add_parser("status", help="current step, attendance figures, D, open rounds")
    status.add_argument("--json", action="store_true")

    sub.add_parser("restore", help="put back the newest backup that verifies (the damaged store is kept aside)")
    verified = sub.add_parser("verify", help="re-check the hash chain; exit 1 if the store was altered")
    verified.add_argument("--digest", metavar="TEXT",
                          help="the digest printed on counting minutes (or read from their QR code): does it match?")

    served = sub.add_parser("serve", help="serve the app to browsers (textual-serve); each tab is its own process")
    served.add_argument("--host", default="127.0.0.1", help="address to bind (default: this machine only)")
    served.add_argument("--port", type=int, default=8000)

    minutes = sub.add_parser("minutes", help="write the minutes of the congress (.docx and .md)")
    minutes.add_argument("--out", required=True, metavar="DIR")
    minutes.add_argument("--draft", action="store_true", help="a draft before the closing (marked DỰ THẢO)")
    counted = sub.add_parser("counting-minutes",
                             help="write an election round's counting minutes and ballot entry log (.docx and .md)")
    counted.add_argument("election", metavar="ELECTION")
    counted.add_argument("--out", required=True, metavar="DIR")
    counted.add_argument("--round", dest="round_no", type=int, help="an earlier round (default: the latest closed)")

    officers = sub.add_parser("officers", help="record the presidium, secretariat or counting committee")
    officers.add_argument("body", metavar="BODY", choices=("presidium", "secretariat", "counting"))
    officers.add_argument("people", nargs="+", metavar="PERSON", help='a roster id, or "Name, title" for others')

    speech = sub.add_parser("speech", help="the list of speakers: add, start, pause, resume, end, move, note, ...")
    speech.register("action", "commands", _Commands)
    speech_actions = speech.add_subparsers(dest="action", metavar="ACTION", required=True, action="commands")
    added = speech_actions.add_parser("add", help="put a member (roster id) or a guest (name) on a step's list")
    added.add_argument("who", metavar="WHO")
    added.add_argument("--title", default="", help="the speaker's position (chức vụ)")
    added.add_argument("--step", help="a step id (default: the current step)")
    started = speech_actions.add_parser("start", help="give the floor (default: the next waiting speaker)")
    started.add_argument("speech_id", metavar="SPEECH", nargs="?")
    speech_actions.add_parser("pause", help="pause the speech")
    speech_actions.add_parser("resume", help="resume the speech")
    speech_actions.add_parser("end", help="end the speech")
    moved = speech_actions.add_parser("move", help="move a waiting speaker one place up or down")
    moved.add_argument("speech_id", metavar="SPEECH")
    moved.add_argument("direction", choices=("up", "down"))
    withdrawn = speech_actions.add_parser("withdraw", help="take a waiting speaker off the list")
    withdrawn.add_argument("speech_id", metavar="SPEECH")
    noted = speech_actions.add_parser("note", help="the secretary's notes on a speech (replaces the earlier note)")
    noted.add_argument("speech_id", metavar="SPEECH")
    noted.add_argument("notes", metavar="TEXT")
    listed = speech_actions.add_parser("list", help="the speakers of a step, with durations")
    listed.add_argument("--step", help="a step id (default: the current step)")
    listed.add_argument("--json", action="store_true")

    attend = sub.add_parser("attend", help="check members in (with --undo: take back check-ins made by mistake)")
    attend.add_argument("ids", nargs="+", metavar="ID")
    attend.add_argument("--undo", action="store_true")

    scan = sub.add_parser("scan", help="check in the member whose badge QR payload is given")
    scan.add_argument("payload")

    leave = sub.add_parser("leave", help="record that members left the room")
    leave.add_argument("ids", nargs="+", metavar="ID")

    replace = sub.add_parser("replace", help="congress of delegates: an alternate replaces an absent delegate")
    replace.add_argument("delegate", metavar="DELEGATE")
    replace.add_argument("alternate", metavar="ALTERNATE", nargs="?", help="omit to cancel the replacement")

    member = sub.add_parser("member", help="correct the roster during the congress: add a member, fix one")
    member.register("action", "commands", _Commands)
    member_actions = member.add_subparsers(dest="action", metavar="ACTION", required=True, action="commands")
    add = member_actions.add_parser("add", help="add a member")
    add.add_argument("id", metavar="ID")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--status", default="official", choices=STATUSES)
    add.add_argument("--flags", default="", help="space-separated: " + " ".join(FLAGS))
    fix = member_actions.add_parser("fix", help="correct a member's name, status or flags")
    fix.add_argument("id", metavar="ID")
    fix.add_argument("--name")
    fix.add_argument("--status", choices=STATUSES)
    fix.add_argument("--flags", help="the full new set, space-separated (\"\" for none)")

    motion = sub.add_parser("motion", help="record a show-of-hands vote (adopted when for > D/2)")
    motion.add_argument("motion_id", metavar="MOTION")
    motion.add_argument("--for", dest="votes_for", type=int, required=True)
    motion.add_argument("--against", type=int, required=True)
    motion.add_argument("--abstain", type=int, required=True)
    motion.add_argument("--json", action="store_true")

    rounds = sub.add_parser("round", help="open, close or publish an election round")
    rounds.register("action", "commands", _Commands)
    round_actions = rounds.add_subparsers(dest="action", metavar="ACTION", required=True, action="commands")
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
    issued = round_actions.add_parser("issued", help="correct the ballots issued (a latecomer given a ballot)")
    issued.add_argument("election", metavar="ELECTION")
    issued.add_argument("count", type=int, metavar="N")
    published = round_actions.add_parser("publish", help="publish the closed round's result")
    published.add_argument("election", metavar="ELECTION")
    nominee = round_actions.add_parser("nominate", help="add a nominee from the floor (needs > 30% of those present)")
    nominee.add_argument("election", metavar="ELECTION")
    nominee.add_argument("member", metavar="ID")
    nominee.add_argument("--for", dest="votes_for", type=int, required=True, help="members present in favour")
    order = round_actions.add_parser("order", help="set the order names are printed in, before a round opens")
    order.add_argument("election", metavar="ELECTION")
    order.add_argument("ids", nargs="+", metavar="ID")

    ballots = sub.add_parser("ballots", help="enter ballots")
    ballots.register("action", "commands", _Commands)
    ballot_actions = ballots.add_subparsers(dest="action", metavar="ACTION", required=True, action="commands")
    imported = ballot_actions.add_parser("import", help="import a ballots CSV (ballot,struck,unclear,invalid)")
    imported.add_argument("election", metavar="ELECTION")
    imported.add_argument("file", metavar="B.csv")
    imported.add_argument("--pass", dest="pass_no", type=int, default=1)

    results = sub.add_parser("results", help="the current round's result (live until it closes)")
    results.add_argument("election", metavar="ELECTION")
    results.add_argument("--round", dest="round_no", type=int, help="an earlier round (default: the current one)")
    results.add_argument("--json", action="store_true")

    badges = sub.add_parser("badges", help="print an A4 sheet of badges with QR codes (one HTML file)")
    badges.add_argument("--out", required=True)

    absent = sub.add_parser("absent", help="record a member absent, with the reason the congress accepted")
    absent.add_argument("id", metavar="ID")
    absent.add_argument("--excused", metavar="REASON")

    step = sub.add_parser("step", help="steer the programme: next, previous, pause, resume, adjust, skip, ...")
    step.register("action", "commands", _Commands)
    actions = step.add_subparsers(dest="action", metavar="ACTION", required=True, action="commands")
    actions.add_parser("next", help="end the current step and start the next (ends the congress after the last)")
    actions.add_parser("previous", help="go back to the previous step")
    actions.add_parser("pause", help="pause the step's timer")
    actions.add_parser("resume", help="resume the step's timer")
    actions.add_parser("end", help="close the congress")
    adjust = actions.add_parser("adjust", help="add (or with a minus sign remove) minutes")
    adjust.add_argument("minutes", type=float)
    adjust.add_argument("--step", help="a step id (default: the current step)")
    for name, help_text in (("skip", "skip a step"), ("restore", "restore a skipped step")):
        p = actions.add_parser(name, help=help_text)
        p.add_argument("step_id", metavar="STEP")
    insert = actions.add_parser("insert", help="insert an ad-hoc step")
    insert.add_argument("title")
    insert.add_argument("--minutes", type=float, required=True)
    insert.add_argument("--who", default="")
    insert.add_argument("--script", default="")
    insert.add_argument("--after", help="a step id (default: after the current step)")
    move = actions.add_parser("move", help="move a step that has not started")
    move.add_argument("step_id", metavar="STEP")
    where = move.add_mutually_exclusive_group(required=True)
    where.add_argument("--after", help="the step it should follow")
    where.add_argument("--first", action="store_true", help="make it the first step")
    return parser


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):  # Windows pipes default to the ANSI code page: Vietnamese needs UTF-8
            stream.reconfigure(encoding="utf-8")
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command not in (None, "serve") and not args.db:  # serve without --db: the demo congress
        parser.error(f"{args.command}: --db FILE is required")
    try:
        return _dispatch(args)
    except DomainError as exc:
        print(f"run.py: error: {exc.text(args.lang or getattr(args, 'store_lang', 'vi'))}", file=sys.stderr)
        return exc.exit_code
    except RunsheetError as exc:
        print(f"run.py: error: {exc}", file=sys.stderr)
        if isinstance(exc, StoreError) and args.db and args.command != "restore" and backups.saved(args.db):
            print(f"run.py: {t('cli.restore_hint', args.lang or 'vi', db=args.db)}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130


def _dispatch(args: argparse.Namespace) -> int:
    if args.command is None:
        from .ui.app import run_app

        return run_app(db=args.db, role=args.role, lang=args.lang, pin=_pin(args))
    if args.command == "new":
        role_pins = []
        for item in args.role_pin:
            role, _, value = item.partition("=")
            if role not in ROLES or not value:
                raise DomainError("err.role", role=role, roles=", ".join(ROLES))
            role_pins.append((role, value))
        for _role, value in role_pins:  # refused before anything is written
            commands.check_pin_text(value)
        session = commands.create(args.db, args.scenario, args.roster, congress_date=args.date, start=args.start)
        for role, value in role_pins:
            session.set_pin(role, value)
        state = session.state
        print(t("cli.created", args.lang or state.language, path=session.path, title=state.scenario.congress.title,
                members=len(state.roster), steps=len(state.scenario.steps)))
        return 0
    if args.command == "verify" and args.digest is not None:
        from .reports.digest import check_digest

        check = check_digest(args.db, args.digest)
        for line in check.lines(args.lang or _store_lang(args.db)):
            print(line)
        return 0 if check.ok else 1
    if args.command == "serve":
        from .serve import serve

        return serve(args.db, role=args.role, lang=args.lang, host=args.host, port=args.port)
    if args.command == "verify":
        lang = args.lang or _store_lang(args.db)
        report = verify(args.db)
        altered = not report.ok
        if report.ok:
            print(t("cli.verified", lang, n=report.events, hash=report.head[:16]))
        for problem in report.problems:
            print(f"ALTERED: {problem}")
        for backup in backups.saved(args.db):
            checked = verify(str(backup))
            altered = altered or not checked.ok
            print(t("cli.backup_ok" if checked.ok else "cli.backup_bad", lang, path=backup, n=checked.events))
        if altered and backups.saved(args.db):
            print(t("cli.restore_hint", lang, db=args.db))
        return 1 if altered else 0
    if args.command == "restore":
        backup, events, aside = backups.restore(args.db)
        print(t("cli.restored", args.lang or "vi", path=backup, n=events, aside=aside or "—"))
        return 0
    session = Session(args.db, role=args.role)
    lang = args.store_lang = args.lang or session.state.language
    if _pin(args) is not None and not session.unlock(_pin(args)):
        raise DomainError("err.pin_wrong")
    if args.command == "status":
        return _status(session, args.json, lang)
    if args.command == "pin":
        session.set_pin(args.pin_role, args.new_pin)
        key = "cli.pin_set" if args.new_pin.strip() else "cli.pin_cleared"
        print(t(key, lang, role=t(f"role.{args.pin_role}", lang)))
        return 0
    if args.command == "attend" and args.undo:
        session.undo_check_in(*args.ids)
        print(t("cli.undone", lang, n=len(args.ids)))
    elif args.command == "attend":
        events = session.attend(args.ids)
        print(t("cli.checked_in", lang, n=len(events), already=len(set(args.ids)) - len(events)))
    elif args.command == "scan":
        session.scan(args.payload)
        member_id = session.log.head.data["member"]
        print(t("cli.scanned", lang, name=session.state.roster.get(member_id).name, id=member_id))
    elif args.command == "leave":
        session.leave(*args.ids)
        print(t("cli.left", lang, n=len(args.ids)))
    elif args.command == "replace":
        session.replace_delegate(args.delegate, args.alternate)
        print(t("cli.replaced", lang, delegate=args.delegate, alternate=args.alternate or "—"))
    elif args.command == "member":
        flags = None if args.flags is None else tuple(args.flags.replace(";", " ").split())
        if args.action == "add":
            session.add_member(args.id, args.name, args.status, flags or ())
        else:
            session.correct_member(args.id, args.name, args.status, flags)
        m = session.state.roster.get(args.id)
        print(f"{m.id},{m.name},{m.status},{' '.join(sorted(m.flags))}")
    elif args.command == "motion":
        session.record_motion(args.motion_id, args.votes_for, args.against, args.abstain)
        result = session.motion_result(args.motion_id)
        data = {"motion": args.motion_id, "for": result.votes_for, "against": result.against,
                "abstain": result.abstain, "present": result.present_official, "denominator": result.denominator,
                "percent_for": result.percent_for, "adopted": result.adopted}
        if args.json:
            sys.stdout.write(orjson.dumps(data).decode() + "\n")
        else:
            print(t("cli.motion", lang, title=session.state.scenario.motions[args.motion_id].title, **{
                "for": result.votes_for, "d": result.denominator, "pct": local_percent(result.percent_for, lang),
                "verdict": t("cli.adopted" if result.adopted else "cli.rejected", lang)}))
    elif args.command == "round":
        _round(session, args, lang)
    elif args.command == "ballots":
        events = session.import_ballots(args.election, args.file, args.pass_no)
        print(t("cli.imported", lang, n=len(events), pass_no=args.pass_no))
    elif args.command == "results":
        data = session.live_results(args.election, args.round_no)
        if args.json:
            sys.stdout.write(orjson.dumps(data, option=orjson.OPT_INDENT_2).decode() + "\n")
        else:
            _print_results(data, lang)
    elif args.command == "badges":
        from .reports.badges import write_badges

        count = write_badges(session, args.out, lang)
        print(t("cli.badges", lang, n=count, path=args.out))
    elif args.command == "absent":
        session.absent(args.id, args.excused)
        print(t("cli.excused", lang, id=args.id, reason=args.excused) if args.excused
              else t("cli.absent", lang, id=args.id))
    elif args.command == "step":
        _step(session, args)
        _print_current(session, lang)
    elif args.command == "speech":
        return _speech(session, args, lang)
    elif args.command == "officers":
        session.set_officers(args.body, args.people)
        print(f"{t('body.' + args.body, lang)}: {'; '.join(session.state.officer_names(args.body))}")
    elif args.command == "minutes":
        from .reports.minutes import write_minutes

        for path in write_minutes(session, args.out, lang, args.draft):
            print(path)
    elif args.command == "counting-minutes":
        from .reports.counting import write_counting_minutes

        for path in write_counting_minutes(session, args.election, args.out, lang, args.round_no):
            print(path)
    return 0


def _speech(session: Session, args: argparse.Namespace, lang: str) -> int:
    action = args.action
    if action == "add":
        session.add_speaker(args.who, args.title, args.step)
        print(session.log.head.data["speech"])
    elif action == "start":
        session.start_speech(args.speech_id)
    elif action == "pause":
        session.pause_speech()
    elif action == "resume":
        session.resume_speech()
    elif action == "end":
        session.end_speech()
    elif action == "move":
        session.move_speaker(args.speech_id, -1 if args.direction == "up" else 1)
    elif action == "withdraw":
        session.withdraw_speaker(args.speech_id)
    elif action == "note":
        session.note_speech(args.speech_id, args.notes)
    if action == "list" or action in ("move", "withdraw"):
        _print_speakers(session, args, lang)
    elif action != "add":
        speeches = session.state.speeches
        shown = args.speech_id if action == "note" else speeches.current or session.log.head.data["speech"]
        speech = speeches.items[shown]
        print(t("cli.speech", lang, id=speech.id, name=speech.label(), status=t(f"speech.{speech.status}", lang),
                time=mmss(speech.elapsed(session.now()))))
    return 0


def _print_speakers(session: Session, args: argparse.Namespace, lang: str) -> None:
    state, now = session.state, session.now()
    step = getattr(args, "step", None) or (state.speeches.items[args.speech_id].step
                                           if getattr(args, "speech_id", None) else state.agenda.current)
    if step is None:
        raise DomainError("err.not_running")
    state.agenda.run(step)
    speeches = state.speeches.of_step(step)
    if getattr(args, "json", False):
        rows = [{"speech": s.id, "member": s.member, "name": s.name, "title": s.title, "status": s.status,
                 "seconds": round(s.elapsed(now)), "notes": s.notes} for s in speeches]
        sys.stdout.write(orjson.dumps({"step": step, "speeches": rows}, option=orjson.OPT_INDENT_2).decode() + "\n")
        return
    for number, s in enumerate(speeches, start=1):
        print(f"{number:>3}. {s.id:<5} {s.label():<40} {t(f'speech.{s.status}', lang):<12} {mmss(s.elapsed(now))}")
    total = state.speeches.step_total(step, now)
    print(t("cli.speech_total", lang, n=total.count, time=mmss(total.seconds)))


def _store_lang(db: str) -> str:
    """The congress's language, for commands that must speak even when the store cannot be opened (then vi)."""
    try:
        return Session(db).state.language
    except RunsheetError:
        return "vi"


def _pin(args: argparse.Namespace) -> str | None:
    return getattr(args, "pin", None) or os.environ.get("RUNSHEET_PIN") or None


def _round(session: Session, args: argparse.Namespace, lang: str) -> None:
    if args.action == "open":
        check = session.list_check(args.election)
        session.open_round(args.election, args.passes, args.candidates, args.seats)
        if session.state.current_round(args.election).number == 1 and (check.over_limit or check.no_surplus):
            key = "cli.list_warn_over" if check.over_limit else "cli.list_warn_none"
            print(t(key, lang, pct=local_percent(check.surplus_percent, lang)), file=sys.stderr)
        record = session.state.current_round(args.election)
        print(t("cli.round_opened", lang, election=args.election, round=record.number, issued=record.issued,
                d=record.opened_denominator, form=t(f"form.{record.form}", lang), passes=record.passes))
    elif args.action == "close":
        session.close_round(args.election, args.collected)
        _print_results(session.state.current_round(args.election).closed, lang)
    elif args.action == "cancel":
        session.cancel_round(args.election)
        print(t("cli.cancelled", lang, election=args.election))
    elif args.action == "collected":
        session.record_collected(args.election, args.count)
        print(t("count.collected", lang, n=args.count))
    elif args.action == "issued":
        session.set_issued(args.election, args.count)
        print(t("cli.issued", lang, election=args.election, n=args.count))
    elif args.action == "publish":
        session.publish_round(args.election)
        print(t("cli.published", lang, election=args.election))
    elif args.action == "nominate":
        session.add_nominee(args.election, args.member, args.votes_for)
        print(t("cli.nominee", lang, name=session.state.roster.get(args.member).name, votes=args.votes_for,
                present=session.log.head.data["present"]))
    elif args.action == "order":
        session.set_ballot_order(args.election, args.ids)
        print(", ".join(args.ids))


def _print_results(data: dict, lang: str) -> None:
    ballots = data["ballots"]
    print(t("cli.results_head", lang, title=data["title"], round=data["round"], seats=data["seats"],
            d=data["denominator"], needed=data["needed"], issued=ballots["issued"], collected=ballots["collected"],
            valid=ballots["valid"], invalid=ballots["invalid"]))
    for c in data["candidates"]:
        mark = "*" if c["elected"] else ("=" if c["id"] in data["tied"] else " ")
        print(f"{mark} {c['no']:>3}. {c['name']:<32} {c['votes']:>5}  {local_percent(c['percent'], lang):>6}%")
    if data["tied"]:
        names = {c["id"]: c["name"] for c in data["candidates"]}
        print(t("cli.tied", lang, ids=", ".join(names[i] for i in data["tied"])))
    if data["unfilled"]:
        print(t("cli.unfilled", lang, n=data["unfilled"]))


def _step(session: Session, args: argparse.Namespace) -> None:
    action = args.action
    if action == "next":
        session.next_step()
    elif action == "previous":
        session.previous_step()
    elif action == "pause":
        session.pause()
    elif action == "resume":
        session.resume()
    elif action == "end":
        session.end_congress()
    elif action == "adjust":
        session.adjust(args.minutes, args.step)
    elif action == "skip":
        session.skip(args.step_id)
    elif action == "restore":
        session.restore(args.step_id)
    elif action == "insert":
        session.insert_step(args.title, args.minutes, args.who, args.script, args.after)
    elif action == "move":
        session.move_step(args.step_id, None if args.first else args.after)


def status_data(session: Session, now: datetime) -> dict:
    state = session.state
    agenda, figures, zone = state.agenda, state.figures(), state.zone
    timer = agenda.timer(now)
    step = None
    if timer is not None:
        step = {"id": timer.step.id, "title": timer.step.title, "elapsed": round(timer.elapsed),
                "allotted": timer.allotted, "remaining": round(timer.remaining), "phase": timer.phase.value,
                "paused": timer.paused}
    return {
        "congress_id": state.congress_id, "title": state.scenario.congress.title,
        "present_official": figures.present_official, "present_probationary": figures.present_probationary,
        "present_total": figures.present_total, "left_official": figures.left_official,
        "absent_excused": figures.absent_excused, "absent_unexcused": figures.absent_unexcused,
        "exempt_total": figures.exempt_total, "exempt_absent": figures.exempt_absent,
        "transferred": figures.transferred, "suspended": figures.suspended,
        "members_total": figures.members_total, "official_total": figures.official_total,
        "probationary_total": figures.probationary_total,
        "denominator": figures.denominator, "majority": figures.majority, "may_proceed": figures.may_proceed,
        "quorum": {"more_than_half": figures.more_than_half, "stricter": figures.quorum,
                   "stricter_met": figures.quorum_met, "may_proceed": figures.may_proceed},
        "step": step, "ended": agenda.ended,
        "planned_end": hhmm(agenda.planned_end, zone), "projected_end": hhmm(agenda.projected_end(now), zone),
        "order": list(agenda.order), "events": state.seq,
        "open_rounds": [{"election": e, "round": r.number, "issued": r.issued, "passes": r.passes,
                         "entered": [r.entered(p) for p in range(1, r.passes + 1)]}
                        for e in state.rounds if (r := state.open_round(e)) is not None],
        # the head of the hash chain: noted on paper, it proves later that nothing was removed from the end
        "head": {"seq": session.log.head.seq, "hash": session.log.head.hash},
    }


def _status(session: Session, as_json: bool, lang: str) -> int:
    data = status_data(session, session.now())
    if as_json:
        sys.stdout.write(orjson.dumps(data, option=orjson.OPT_INDENT_2).decode() + "\n")
        return 0
    print(data["title"])
    _print_current(session, lang)
    print(t("cli.present", lang, official=data["present_official"], probationary=data["present_probationary"],
            d=data["denominator"], majority=data["majority"])
          + ("" if data["may_proceed"] else f"  ({t('cli.no_quorum', lang)})"))
    print(t("cli.ends", lang, planned=data["planned_end"], projected=data["projected_end"]))
    print(t("cli.head", lang, seq=data["head"]["seq"], hash=data["head"]["hash"][:16]))
    return 0


def _print_current(session: Session, lang: str) -> None:
    agenda = session.state.agenda
    timer = agenda.timer(session.now())
    if agenda.ended:
        print(t("cli.closed", lang, time=hhmm(agenda.ended_at, session.state.zone)))
    elif timer is None:
        print(t("cli.not_started", lang))
    else:
        print(t("cli.step", lang, id=timer.step.id, title=timer.step.title, elapsed=mmss(timer.elapsed),
                allotted=mmss(timer.allotted)) + (t("cli.paused", lang) if timer.paused else ""))


def console() -> None:
    """Entry point of the `runsheet` console script."""
    sys.exit(main())

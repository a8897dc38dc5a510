"""`step`: steer the programme from the command line."""

from __future__ import annotations

import argparse

from ..commands import Session
from ..texts import say
from ..texts.formats import hhmm, mmss
from .common import actions, open_session


def register(sub) -> None:
    step = sub.add_parser("step", help="steer the programme: next, previous, pause, resume, adjust, skip, ...")
    step.set_defaults(func=steer)
    steps = actions(step)
    steps.add_parser("next", help="end the current step and start the next (ends the congress after the last)")
    steps.add_parser("previous", help="go back to the previous step")
    steps.add_parser("pause", help="pause the step's timer")
    steps.add_parser("resume", help="resume the step's timer")
    steps.add_parser("end", help="close the congress")
    adjust = steps.add_parser("adjust", help="add (or with a minus sign remove) minutes")
    adjust.add_argument("minutes", type=float)
    adjust.add_argument("--step", help="a step id (default: the current step)")
    for name, help_text in (("skip", "skip a step"), ("restore", "restore a skipped step")):
        p = steps.add_parser(name, help=help_text)
        p.add_argument("step_id", metavar="STEP")
    insert = steps.add_parser("insert", help="insert an ad-hoc step")
    insert.add_argument("title")
    insert.add_argument("--minutes", type=float, required=True)
    insert.add_argument("--who", default="")
    insert.add_argument("--script", default="")
    insert.add_argument("--after", help="a step id (default: after the current step)")
    move = steps.add_parser("move", help="move a step that has not started")
    move.add_argument("step_id", metavar="STEP")
    where = move.add_mutually_exclusive_group(required=True)
    where.add_argument("--after", help="the step it should follow")
    where.add_argument("--first", action="store_true", help="make it the first step")


def steer(args: argparse.Namespace) -> int:
    session, lang = open_session(args)
    agenda = session.agenda
    action = args.action
    ended = None  # a speech ended by leaving its step
    if action == "next":
        ended = agenda.next_step().value
    elif action == "previous":
        ended = agenda.previous_step().value
    elif action == "pause":
        agenda.pause()
    elif action == "resume":
        agenda.resume()
    elif action == "end":
        agenda.end_congress()
    elif action == "adjust":
        agenda.adjust(args.minutes, args.step)
    elif action == "skip":
        ended = agenda.skip(args.step_id).value
    elif action == "restore":
        agenda.restore(args.step_id)
    elif action == "insert":
        agenda.insert_step(args.title, args.minutes, args.who, args.script, args.after)
    elif action == "move":
        agenda.move_step(args.step_id, None if args.first else args.after)
    if ended is not None:
        speech = session.state.speeches.items[ended]
        print(say("sec.ended", lang, name=speech.label(), time=mmss(speech.elapsed(session.now()))))
    print_current(session, lang)
    return 0


def print_current(session: Session, lang: str) -> None:
    agenda = session.state.agenda
    timer = agenda.timer(session.now())
    if agenda.ended:
        print(say("cli.closed", lang, time=hhmm(agenda.ended_at, session.state.zone)))
    elif timer is None:
        print(say("cli.not_started", lang))
    else:
        print(say("cli.step", lang, id=timer.step.id, title=timer.step.title, elapsed=mmss(timer.elapsed),
                  allotted=mmss(timer.allotted)) + (say("cli.paused", lang) if timer.paused else ""))

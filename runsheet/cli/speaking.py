"""The list of speakers and the congress's officers from the command line."""

from __future__ import annotations

import argparse

from ..commands import Session
from ..commands.speaking import BODIES, BODY_NAMES
from ..errors import DomainError
from ..texts import say
from ..texts.formats import mmss
from .common import actions, open_session, print_json

STATUS = {"waiting": "speech.waiting", "speaking": "speech.speaking", "paused": "speech.paused", "done": "speech.done",
          "withdrawn": "speech.withdrawn"}


def register(sub) -> None:
    officers = sub.add_parser("officers", help="record the presidium, secretariat, counting committee or the guests "
                                               "(đại biểu khách mời: \"Name, title\")")
    officers.add_argument("body", metavar="BODY", choices=BODIES)
    officers.add_argument("people", nargs="+", metavar="PERSON", help='a roster id, or "Name, title" for others')
    officers.set_defaults(func=set_officers)

    speech = sub.add_parser("speech", help="the list of speakers: add, start, pause, resume, end, move, note, ...")
    speech.set_defaults(func=speeches)
    speech_actions = actions(speech)
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


def set_officers(args: argparse.Namespace) -> int:
    session, lang = open_session(args)
    session.speaking.set_officers(args.body, args.people)
    print(f"{say(BODY_NAMES[args.body], lang)}: {'; '.join(session.state.officer_names(args.body))}")
    return 0


def speeches(args: argparse.Namespace) -> int:
    session, lang = open_session(args)
    speaking, action = session.speaking, args.action
    shown = None  # the speech to print a line about
    if action == "add":
        print(speaking.add_speaker(args.who, args.title, args.step).value)
        return 0
    if action == "start":
        shown = speaking.start_speech(args.speech_id).value
    elif action == "pause":
        shown = speaking.pause_speech().value
    elif action == "resume":
        shown = speaking.resume_speech().value
    elif action == "end":
        shown = speaking.end_speech().value
    elif action == "move":
        speaking.move_speaker(args.speech_id, -1 if args.direction == "up" else 1)
    elif action == "withdraw":
        speaking.withdraw_speaker(args.speech_id)
    elif action == "note":
        speaking.note_speech(args.speech_id, args.notes)
        shown = args.speech_id
    if shown is None:  # list, move, withdraw: the list of the step
        print_speakers(session, args, lang)
        return 0
    speech = session.state.speeches.items[shown]
    print(say("cli.speech", lang, id=speech.id, name=speech.label(), status=say(STATUS[speech.status], lang),
              time=mmss(speech.elapsed(session.now()))))
    return 0


def print_speakers(session: Session, args: argparse.Namespace, lang: str) -> None:
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
        print_json({"step": step, "speeches": rows})
        return
    for number, s in enumerate(speeches, start=1):
        print(f"{number:>3}. {s.id:<5} {s.label():<40} {say(STATUS[s.status], lang):<12} {mmss(s.elapsed(now))}")
    total = state.speeches.step_total(step, now)
    print(say("cli.speech_total", lang, n=total.count, time=mmss(total.seconds)))

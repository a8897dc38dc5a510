"""The chair's screen: the programme with its times, the current step's words, and the step timer.

The programme takes the width its columns need (the titles up to a readable length) and the step's words take the rest;
on a small terminal (under 100 columns, or under 30 rows) the programme keeps only the step and its delay and the
timer shrinks to one line, so that the words stay in sight. The keys' line shows what fits, the palette has them all."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ...commands.voting import proposed_round, step_elections
from ...errors import DomainError
from ...rules import script
from ...rules.schedule import Status
from ...store.events import Event
from ...texts import say
from ...texts.formats import clock, local_percent
from ..widgets.agenda_table import AgendaTable
from ..widgets.key_line import KeyLine
from ..widgets.speaker_line import SpeakerLine
from ..widgets.step_timer import StepTimer
from ..widgets.tally_bars import TallyBars
from ..widgets.top_bar import TopBar
from .ask import AskScreen
from .hall_message import HallMessageScreen
from .base import RunsheetScreen
from .confirm import ConfirmScreen
from .insert_step import InsertStepScreen, NewStep

NARROW = 100  # columns: under this the programme shows only its steps and their delay
SHORT = 30  # rows: under this the timer is one line
AGENDA_NATURAL = 104  # the programme with every column and titles of about 48 characters
LISTED = 12  # names a round's dialog lists (a national list runs to hundreds)
TYPED_AHEAD = 0.5  # seconds: a key this soon after a dialog closed (or after such a key) was meant for the dialog


class ChairScreen(RunsheetScreen):
    def __init__(self) -> None:
        super().__init__()
        self._quiet_until = 0.0  # keys typed until then were meant for a dialog just closed: not the chair's

    def compose(self) -> ComposeResult:
        lang = self.lang
        yield TopBar(self.state.scenario.congress.title, code=True, warn_pins=True, id="topbar")
        with Horizontal(id="body"):
            yield AgendaTable(lang, id="agenda")
            with Vertical(id="current"):
                yield Static("", id="step-title", markup=False)
                yield Static("", id="step-who", markup=False)
                yield Static("", id="step-tags", markup=False)
                yield StepTimer(id="timer")
                yield SpeakerLine("", id="chair-speaker", markup=False)
                with VerticalScroll(id="script-box"):
                    yield TallyBars(id="chair-tally")
                    yield Static("", id="script", markup=False)
                yield Static("", id="next-step", markup=False)
        yield KeyLine(getattr(self, "KEYS", ()), lang, id="keys")

    def on_mount(self) -> None:
        self._ready = True
        self._fit(self.size.width, self.size.height)
        self.refresh_state([])
        current = self.state.agenda.current
        if current:
            self.query_one(AgendaTable).select(current)
        self.query_one(AgendaTable).focus()

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int) -> None:
        """The programme's width: what its columns need, leaving the words at least 40% (on a narrow terminal, 58%)."""
        if not width:
            return
        narrow, short = width < NARROW, height < SHORT
        self.set_class(narrow, "-narrow")
        self.set_class(short or narrow, "-short")
        self.query_one(StepTimer).set_class(short or narrow, "-compact")
        agenda = max(34, round(width * 0.42)) if narrow else min(AGENDA_NATURAL, width - round(width * 0.4))
        self.query_one(AgendaTable).styles.width = agenda

    # ---- what the screen shows -------------------------------------------------------------------------
    def _step(self, now):
        """The step the screen is about: the one running, else (before the start) the first."""
        agenda = self.state.agenda
        timer = agenda.timer(now)
        step = timer.step if timer else None
        if step is None and not agenda.ended:
            first = agenda.following(None)
            step = agenda.runs[first].step if first else None
        return timer, step

    def refresh_clock(self, now) -> None:
        """The clocks, the programme's times, the timers and the words read out (they may carry the time)."""
        if not self._ready:
            return
        state, lang = self.state, self.lang
        agenda, zone = state.agenda, state.zone
        self.query_one(AgendaTable).show(agenda.rows(now), zone)
        self.query_one(TopBar).show(state, now, lang)
        timer, step = self._step(now)
        self.query_one(StepTimer).show(timer, lang)
        self.query_one(SpeakerLine).show(state.speech_timer(now), lang)
        words = script.render(state.scenario, state.roster, agenda, state.figures(), step, now, zone,
                              lambda key, **values: say(key, lang, **values), lambda p: local_percent(p, lang),
                              state.published, state.last_motion, state.ballot_order) if step else ""
        script_box = self.query_one("#script", Static)
        if getattr(script_box, "_said", None) != words:
            script_box._said = words
            script_box.update(words)

    def refresh_state(self, events: list[Event]) -> None:
        if not self._ready:
            return
        state, lang, now = self.state, self.lang, self.now()
        agenda, zone = state.agenda, state.zone
        self.refresh_clock(now)
        timer, step = self._step(now)
        title = self.query_one("#step-title", Static)
        if agenda.ended:
            title.update(say("ended", lang, time=clock(agenda.ended_at, zone)))
        elif timer is None:
            title.update(say("not_started", lang))
        else:
            title.update(step.title)
        self.query_one("#step-who", Static).update(f"{say('who', lang)}: {step.who}" if step and step.who else "")
        self.query_one("#step-tags", Static).update(self._tags(step) if step else "")
        tally = self.query_one("#chair-tally", TallyBars)
        shown = next((e for e in self._elections(step) if state.current_round(e) is not None), None)
        tally.display = shown is not None
        if shown is not None:
            tally.show(state.results(shown), lang)
        following = agenda.following(step.id) if step and not agenda.ended else None
        hint = ""
        if following:
            nxt = agenda.runs[following].step
            hint = f"{say('next', lang)}: {nxt.title}" + (f" — {nxt.who}" if nxt.who else "")
        self.query_one("#next-step", Static).update(hint)

    def _elections(self, step) -> list[str]:
        """The elections the step is about: the one it carries, and those whose result its words read out."""
        return step_elections(self.state, step.id) if step is not None else []

    def _tags(self, step) -> str:
        """What the step carries besides words: an election, a vote, a list of speakers; a round to come."""
        state, lang = self.state, self.lang
        scenario = state.scenario
        tags = []
        if step.election:
            election = scenario.elections[step.election]
            tags.append(say("tag.election", lang, title=election.title, seats=election.seats,
                            n=len(election.candidates)))
        if step.motion:
            tags.append(say("tag.motion", lang, title=scenario.motions[step.motion].title))
            result = state.last_motion(step.motion)
            if result is not None:
                verdict = say("cli.adopted" if result.adopted else "cli.rejected", lang)
                tags.append(say("tag.motion_result", lang, **{"for": result.votes_for, "d": result.denominator,
                                                              "pct": local_percent(result.percent_for, lang),
                                                              "verdict": verdict}))
        for election_id in self._elections(step):
            record = state.current_round(election_id)
            if record is None:
                continue
            key = "tag.round_open" if record.closed is None else (
                "tag.round_published" if record.published else "tag.round_closed")
            tags.append(say(key, lang, round=record.number))
            if record.published and record.closed["unfilled"]:
                proposal = self._proposal(election_id)
                if proposal is not None:
                    tags.append(say("tag.next_round", lang, n=record.closed["unfilled"], round=record.number + 1))
        if step.speech_limit:
            tags.append(say("tag.speeches", lang, m=f"{step.speech_limit:g}"))
        return "\n".join(tags)

    def _proposal(self, election_id: str) -> tuple[list[str], int] | None:
        """The list and seats the election's next round would open with, or None when none may open now."""
        try:
            return proposed_round(self.state, election_id)
        except DomainError:
            return None

    # ---- keys typed for a dialog that has just closed --------------------------------------------------------
    def _dialog(self, dialog: ModalScreen, answered: Callable[[Any], None]) -> None:
        """Show a dialog; once it closes, keys typed within a moment do not reach the chair's single-letter keys
        (a form that saved earlier than its user thought would otherwise end a step, or pause it)."""
        def closed(result: Any) -> None:
            self._quiet_until = time.monotonic() + TYPED_AHEAD
            answered(result)

        self.app.push_screen(dialog, closed)

    def on_key(self, event: events.Key) -> None:
        if event.is_printable and time.monotonic() < self._quiet_until:
            self._quiet_until = time.monotonic() + TYPED_AHEAD  # typing goes on: still meant for the dialog
            event.stop()
            event.prevent_default()
            self.notify(say("chair.typed_ahead", self.lang), severity="warning", timeout=3, markup=False)

    # ---- actions ------------------------------------------------------------------------------------------
    def _run(self, command: Callable[[Any], Any], then: Callable[[Any], None] | None = None) -> None:
        """Hand the command to the store worker; then(outcome) once it is saved (a refusal is said)."""
        self.run_command(command, then)

    def _follow_current(self, outcome: Any = None) -> None:
        """Select the step now running; say which speech leaving the last step ended, if any."""
        current = self.state.agenda.current
        if current:
            self.query_one(AgendaTable).select(current)
        ended = getattr(outcome, "value", None)
        if isinstance(ended, str) and ended in self.state.speeches.items:
            speech = self.state.speeches.items[ended]
            self.notify(say("chair.speech_ended", self.lang, name=speech.label()), timeout=6, markup=False)

    def _selected(self) -> str | None:
        return self.query_one(AgendaTable).selected

    def action_next_step(self) -> None:
        agenda = self.state.agenda
        if agenda.current is not None and agenda.following(agenda.current) is None and not agenda.ended:
            self._confirm(say("confirm.end", self.lang), lambda s: s.agenda.next_step())
        else:
            self._run(lambda s: s.agenda.next_step(), self._follow_current)

    def action_previous_step(self) -> None:
        self._run(lambda s: s.agenda.previous_step(), self._follow_current)

    def action_toggle_pause(self) -> None:
        self._run(lambda s: s.agenda.toggle_pause())

    def action_adjust(self, minutes: int) -> None:
        self._run(lambda s: s.agenda.adjust(minutes))

    def action_skip(self) -> None:
        step_id = self._selected()
        if step_id is None:
            return
        agenda = self.state.agenda
        if agenda.status(step_id) is Status.SKIPPED:
            self._run(lambda s: s.agenda.restore(step_id))
        elif step_id == agenda.current:
            title = agenda.runs[step_id].step.title
            self._confirm(say("confirm.skip_current", self.lang, title=title), lambda s: s.agenda.skip(step_id))
        else:
            self._run(lambda s: s.agenda.skip(step_id))

    def action_move(self, offset: int) -> None:
        step_id = self._selected()
        if step_id is not None:
            self._run(lambda s: s.agenda.move_by(step_id, offset),
                      lambda _: self.query_one(AgendaTable).select(step_id))

    def action_insert(self) -> None:
        after = self._selected()

        def inserted(new: NewStep | None) -> None:
            if new is not None:
                self._run(lambda s: s.agenda.insert_step(new.title, new.minutes, new.who, new.script, after))

        self._dialog(InsertStepScreen(self.lang), inserted)

    # ---- votes and elections ----------------------------------------------------------------------------------
    def _current_step(self):
        agenda = self.state.agenda
        return agenda.runs[agenda.current].step if agenda.current else None

    def action_vote(self) -> None:
        """Record the show of hands on the current step's motion: for, against, abstaining. The field starts empty:
        one Enter never records a vote nobody counted."""
        lang = self.lang
        step = self._current_step()
        if step is None or not step.motion:
            self.notify(say("chair.no_motion", lang), severity="warning", markup=False)
            return
        present = self.state.figures().present_official

        def check(text: str) -> str | None:
            parts = text.split()
            if len(parts) != 3 or not all(p.isdigit() for p in parts):
                return say("chair.vote_format", lang)
            return None

        def answered(text: str | None) -> None:
            if text:
                votes_for, against, abstain = map(int, text.split())
                self._run(lambda s: s.voting.record_motion(step.motion, votes_for, against, abstain))

        title = self.state.scenario.motions[step.motion].title
        self._dialog(AskScreen(title, say("chair.vote_label", lang), lang,
                               hint=say("chair.vote_hint", lang, present=present), check=check,
                               restrict=r"[0-9 ]*"), answered)

    def _election_to_open(self) -> tuple[str | None, bool]:
        """The election `b` opens a round of, and whether it is the current step's: the first the step is about that
        may open one; at a step about none, the nearest later election that may (else the nearest earlier)."""
        agenda = self.state.agenda
        here = self._elections(self._current_step())
        for election_id in here:
            if self._proposal(election_id) is not None:
                return election_id, True
        if here:
            return here[0], True  # its round is open, or it is finished: the command says which
        order = agenda.order
        start = order.index(agenda.current) if agenda.current else 0
        for step_id in order[start:] + order[:start][::-1]:
            for election_id in step_elections(self.state, step_id):
                if self._proposal(election_id) is not None:
                    return election_id, False
        return None, False

    def action_open_round(self) -> None:
        """Open a round: of the step's election without asking; from another step, once the chair said yes."""
        lang = self.lang
        election_id, here = self._election_to_open()
        if election_id is None:
            self.notify(say("chair.no_election_left", lang), severity="warning", markup=False)
            return
        try:
            names, seats = proposed_round(self.state, election_id)
        except DomainError as error:
            self.notify(error.text(lang), severity="warning", markup=False)
            return
        number = len(self.state.rounds[election_id]) + 1
        title = self.state.scenario.elections[election_id].title
        if here:
            self._ask_passes(election_id, number, names, seats)
            return
        step = self._current_step()
        question = say("chair.off_step_q", lang, step=step.title if step else say("chair.no_step", lang),
                       title=title, round=number)
        self._dialog(ConfirmScreen(question, lang),
                     lambda yes: self._ask_passes(election_id, number, names, seats) if yes else None)

    def _ask_passes(self, election_id: str, number: int, names: list[str], seats: int) -> None:
        lang, state = self.lang, self.state
        title = state.scenario.elections[election_id].title
        listed = ", ".join(state.roster.get(m).name for m in names[:LISTED]) + ("…" if len(names) > LISTED else "")
        last = state.current_round(election_id)
        key = "chair.round_list" if last is None else ("chair.runoff" if last.closed["tied"] else "chair.unfilled")
        hint = say(key, lang, seats=seats, n=len(names), names=listed)

        def answered(text: str | None) -> None:
            if text:
                self._run(lambda s: s.voting.open_round(election_id, passes=int(text)))

        self._dialog(AskScreen(say("chair.open_title", lang, title=title, round=number),
                               say("chair.passes_label", lang), lang, value="1", hint=hint, restrict=r"[1-3]?",
                               check=lambda s: None if s in ("1", "2", "3") else say("err.passes", lang)), answered)

    def action_publish(self) -> None:
        """Publish a closed count: the step's election's, else the one waiting (the question names it)."""
        lang, state = self.lang, self.state
        here = self._elections(self._current_step())
        waiting = [e for e in here + [e for e in state.scenario.elections if e not in here]
                   if (record := state.current_round(e)) is not None and record.closed is not None
                   and not record.published]
        if not waiting:
            if here:  # the command says why not (still counting, or published already)
                self._run(lambda s: s.voting.publish_round(here[0]))
            else:
                self.notify(say("chair.nothing_to_publish", lang), severity="warning", markup=False)
            return
        election_id = waiting[0]
        title = state.scenario.elections[election_id].title
        self._confirm(say("chair.publish_q", lang, title=title), lambda s: s.voting.publish_round(election_id))

    def _confirm(self, question: str, command: Callable[[Any], Any]) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                self._run(command, self._follow_current)

        self._dialog(ConfirmScreen(question, self.lang), answered)

    def action_message(self) -> None:
        """m: a message on the hall's screens, a blank, or back to the programme (ui/screens/hall_message.py)."""
        self._dialog(HallMessageScreen(self.lang), lambda said: said and self.say(said))

"""The chair's screen: the programme with its times, the current step's words, and the step timer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Static

from ...rules import script
from ...rules.schedule import Status
from ...store.events import Event
from ...texts import say
from ...texts.formats import clock, local_percent
from ..widgets.agenda_table import AgendaTable
from ..widgets.speaker_line import SpeakerLine
from ..widgets.step_timer import StepTimer
from ..widgets.tally_bars import TallyBars
from ..widgets.top_bar import TopBar
from .ask import AskScreen
from .confirm import ConfirmScreen
from .hall_message import HallMessageScreen
from .base import RunsheetScreen
from .insert_step import InsertStepScreen, NewStep


class ChairScreen(RunsheetScreen):
    def compose(self) -> ComposeResult:
        lang = self.lang
        yield TopBar(self.state.scenario.congress.title, id="topbar")
        with Horizontal(id="body"):
            yield AgendaTable(lang, id="agenda")
            with Vertical(id="current"):
                yield Static("", id="step-title")
                yield Static("", id="step-who")
                yield Static("", id="step-tags")
                yield StepTimer(id="timer")
                yield SpeakerLine("", id="chair-speaker", markup=False)
                with VerticalScroll(id="script-box"):
                    yield TallyBars(id="chair-tally")
                    yield Static("", id="script", markup=False)
                yield Static("", id="next-step")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._ready = True
        self.refresh_state([])
        current = self.state.agenda.current
        if current:
            self.query_one(AgendaTable).select(current)
        self.query_one(AgendaTable).focus()

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
        record = state.current_round(step.election) if step and step.election else None
        tally.display = record is not None
        if record is not None:
            tally.show(state.results(step.election), lang)
        following = agenda.following(step.id) if step and not agenda.ended else None
        hint = ""
        if following:
            nxt = agenda.runs[following].step
            hint = f"{say('next', lang)}: {nxt.title}" + (f" — {nxt.who}" if nxt.who else "")
        self.query_one("#next-step", Static).update(hint)

    def _tags(self, step) -> str:
        """What the step carries besides words: an election, a vote, a list of speakers."""
        scenario, lang = self.state.scenario, self.lang
        tags = []
        if step.election:
            election = scenario.elections[step.election]
            tags.append(say("tag.election", lang, title=election.title, seats=election.seats,
                            n=len(election.candidates)))
        if step.motion:
            tags.append(say("tag.motion", lang, title=scenario.motions[step.motion].title))
            result = self.state.last_motion(step.motion)
            if result is not None:
                verdict = say("cli.adopted" if result.adopted else "cli.rejected", lang)
                tags.append(say("tag.motion_result", lang, **{"for": result.votes_for, "d": result.denominator,
                                                              "pct": local_percent(result.percent_for, lang),
                                                              "verdict": verdict}))
        if step.election:
            record = self.state.current_round(step.election)
            if record is not None:
                key = "tag.round_open" if record.closed is None else (
                    "tag.round_published" if record.published else "tag.round_closed")
                tags.append(say(key, lang, round=record.number))
        if step.speech_limit:
            tags.append(say("tag.speeches", lang, m=f"{step.speech_limit:g}"))
        return "\n".join(tags)

    # ---- actions ------------------------------------------------------------------------------------------
    def _run(self, command: Callable[[Any], Any], then: Callable[[], None] | None = None) -> None:
        """Hand the command to the store worker; then() once it is saved (a refusal is said)."""
        self.run_command(command, (lambda _: then()) if then else None)

    def _follow_current(self) -> None:
        current = self.state.agenda.current
        if current:
            self.query_one(AgendaTable).select(current)

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
            self._run(lambda s: s.agenda.move_by(step_id, offset), lambda: self.query_one(AgendaTable).select(step_id))

    def action_insert(self) -> None:
        after = self._selected()

        def inserted(new: NewStep | None) -> None:
            if new is not None:
                self._run(lambda s: s.agenda.insert_step(new.title, new.minutes, new.who, new.script, after))

        self.app.push_screen(InsertStepScreen(self.lang), inserted)

    # ---- votes and elections of the current step ------------------------------------------------------------
    def _current_step(self):
        agenda = self.state.agenda
        return agenda.runs[agenda.current].step if agenda.current else None

    def action_vote(self) -> None:
        """Record the show of hands on the current step's motion: for, against, abstaining."""
        lang = self.lang
        step = self._current_step()
        if step is None or not step.motion:
            self.notify(say("chair.no_motion", lang), severity="warning")
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
        self.app.push_screen(AskScreen(title, say("chair.vote_label", lang), lang, value=f"{present} 0 0",
                                       hint=say("chair.vote_hint", lang, present=present), check=check,
                                       restrict=r"[0-9 ]*"), answered)

    def action_open_round(self) -> None:
        lang = self.lang
        step = self._current_step()
        if step is None or not step.election:
            self.notify(say("chair.no_election", lang), severity="warning")
            return

        def answered(text: str | None) -> None:
            if text:
                self._run(lambda s: s.voting.open_round(step.election, passes=int(text)))

        title = self.state.scenario.elections[step.election].title
        self.app.push_screen(AskScreen(say("chair.open_title", lang, title=title), say("chair.passes_label", lang),
                                       lang, value="1", restrict=r"[1-3]?",
                                       check=lambda s: None if s in ("1", "2", "3") else say("err.passes", lang)),
                             answered)

    def action_publish(self) -> None:
        lang = self.lang
        step = self._current_step()
        if step is None or not step.election:
            self.notify(say("chair.no_election", lang), severity="warning")
            return
        title = self.state.scenario.elections[step.election].title
        self._confirm(say("chair.publish_q", lang, title=title), lambda s: s.voting.publish_round(step.election))

    def _confirm(self, question: str, command: Callable[[Any], Any]) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                self._run(command, self._follow_current)

        self.app.push_screen(ConfirmScreen(question, self.lang), answered)

    def action_message(self) -> None:
        """m: a message on the hall's screens, a blank, or back to the programme (ui/screens/hall_message.py)."""
        self.app.push_screen(HallMessageScreen(self.lang), lambda said: said and self.say(said))

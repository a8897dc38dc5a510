"""The chair's screen: the programme with its times, the current step's words, and the step timer."""

from __future__ import annotations

from typing import TYPE_CHECKING
from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from ...errors import DomainError, StoreError
from ...i18n import t
from ...rules import script
from ...rules.schedule import Status
from ...rules.script import local_percent
from ..format import clock
from ..widgets.agenda_table import AgendaTable
from ..widgets.speaker_line import SpeakerLine
from ..widgets.step_timer import StepTimer
from ..widgets.tally_bars import TallyBars
from ..widgets.top_bar import TopBar
from .ask import AskScreen
from .confirm import ConfirmScreen
from .insert_step import InsertStepScreen, NewStep

if TYPE_CHECKING:
    from ..app import RunsheetApp


class ChairScreen(Screen):
    app: RunsheetApp

    def __init__(self) -> None:
        super().__init__()
        self._ready = False  # a first switch to this screen can resume it before on_mount has run

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        yield TopBar(self.app.session.state.scenario.congress.title, id="topbar")
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

    def on_screen_resume(self) -> None:
        self.refresh_live()

    def on_mount(self) -> None:
        self._ready = True
        self.refresh_live()
        current = self.app.session.state.agenda.current
        if current:
            self.query_one(AgendaTable).select(current)
        self.query_one(AgendaTable).focus()

    # ---- what the screen shows -------------------------------------------------------------------------
    def refresh_live(self) -> None:
        if not self._ready:
            return
        session, lang = self.app.session, self.app.lang
        state, now = session.state, session.now()
        agenda, zone, figures = state.agenda, state.zone, state.figures()
        self.query_one(AgendaTable).show(agenda.rows(now), zone)
        self.query_one(TopBar).show(state, now, lang)

        timer = agenda.timer(now)
        self.query_one(StepTimer).show(timer, lang)
        self.query_one(SpeakerLine).show(state.speech_timer(now), lang)
        step = timer.step if timer else None
        if step is None and not agenda.ended:
            first = agenda.following(None)
            step = agenda.runs[first].step if first else None
        title = self.query_one("#step-title", Static)
        if agenda.ended:
            title.update(t("ended", lang, time=clock(agenda.ended_at, zone)))
        elif timer is None:
            title.update(t("not_started", lang))
        else:
            title.update(step.title)
        self.query_one("#step-who", Static).update(f"{t('who', lang)}: {step.who}" if step and step.who else "")
        self.query_one("#step-tags", Static).update(self._tags(step) if step else "")
        tally = self.query_one("#chair-tally", TallyBars)
        record = state.current_round(step.election) if step and step.election else None
        tally.display = record is not None
        if record is not None:
            tally.show(session.live_results(step.election), lang)
        words = script.render(state.scenario, state.roster, agenda, figures, step, now, zone, lang,
                              state.published, state.last_motion, state.ballot_order) if step else ""
        self.query_one("#script", Static).update(words)
        following = agenda.following(step.id) if step and not agenda.ended else None
        hint = ""
        if following:
            nxt = agenda.runs[following].step
            hint = f"{t('next', lang)}: {nxt.title}" + (f" — {nxt.who}" if nxt.who else "")
        self.query_one("#next-step", Static).update(hint)

    def _tags(self, step) -> str:
        """What the step carries besides words: an election, a vote, a list of speakers."""
        scenario, lang = self.app.session.state.scenario, self.app.lang
        tags = []
        if step.election:
            election = scenario.elections[step.election]
            tags.append(t("tag.election", lang, title=election.title, seats=election.seats,
                          n=len(election.candidates)))
        if step.motion:
            tags.append(t("tag.motion", lang, title=scenario.motions[step.motion].title))
            result = self.app.session.state.last_motion(step.motion)
            if result is not None:
                verdict = t("cli.adopted" if result.adopted else "cli.rejected", lang)
                tags.append(t("tag.motion_result", lang, **{"for": result.votes_for, "d": result.denominator,
                                                            "pct": local_percent(result.percent_for, lang),
                                                            "verdict": verdict}))
        if step.election:
            record = self.app.session.state.current_round(step.election)
            if record is not None:
                key = "tag.round_open" if record.closed is None else (
                    "tag.round_published" if record.published else "tag.round_closed")
                tags.append(t(key, lang, round=record.number))
        if step.speech_limit:
            tags.append(t("tag.speeches", lang, m=f"{step.speech_limit:g}"))
        return "\n".join(tags)

    # ---- actions ------------------------------------------------------------------------------------------
    def _run(self, command: Callable[[], object]) -> bool:
        try:
            command()
        except DomainError as exc:
            self.notify(exc.text(self.app.lang), severity="error", timeout=6)
            return False
        except StoreError as exc:
            self.notify(str(exc), severity="error", timeout=15)
            return False
        self.refresh_live()
        return True

    def _follow_current(self) -> None:
        current = self.app.session.state.agenda.current
        if current:
            self.query_one(AgendaTable).select(current)

    def _selected(self) -> str | None:
        return self.query_one(AgendaTable).selected

    def action_next_step(self) -> None:
        session = self.app.session
        agenda = session.state.agenda
        if agenda.current is not None and agenda.following(agenda.current) is None and not agenda.ended:
            self._confirm(t("confirm.end", self.app.lang), session.next_step)
        elif self._run(session.next_step):
            self._follow_current()

    def action_previous_step(self) -> None:
        if self._run(self.app.session.previous_step):
            self._follow_current()

    def action_toggle_pause(self) -> None:
        self._run(self.app.session.toggle_pause)

    def action_adjust(self, minutes: int) -> None:
        self._run(lambda: self.app.session.adjust(minutes))

    def action_skip(self) -> None:
        session, step_id = self.app.session, self._selected()
        if step_id is None:
            return
        agenda = session.state.agenda
        if agenda.status(step_id) is Status.SKIPPED:
            self._run(lambda: session.restore(step_id))
        elif step_id == agenda.current:
            title = agenda.runs[step_id].step.title
            self._confirm(t("confirm.skip_current", self.app.lang, title=title), lambda: session.skip(step_id))
        else:
            self._run(lambda: session.skip(step_id))

    def action_move(self, offset: int) -> None:
        step_id = self._selected()
        if step_id is not None and self._run(lambda: self.app.session.move_by(step_id, offset)):
            self.query_one(AgendaTable).select(step_id)

    def action_insert(self) -> None:
        after = self._selected()

        def inserted(new: NewStep | None) -> None:
            if new is not None:
                self._run(lambda: self.app.session.insert_step(new.title, new.minutes, new.who, new.script, after))

        self.app.push_screen(InsertStepScreen(self.app.lang), inserted)

    # ---- votes and elections of the current step ------------------------------------------------------------
    def _current_step(self):
        agenda = self.app.session.state.agenda
        return agenda.runs[agenda.current].step if agenda.current else None

    def action_vote(self) -> None:
        """Record the show of hands on the current step's motion: for, against, abstaining."""
        session, lang = self.app.session, self.app.lang
        step = self._current_step()
        if step is None or not step.motion:
            self.notify(t("chair.no_motion", lang), severity="warning")
            return
        present = session.state.figures().present_official

        def check(text: str) -> str | None:
            parts = text.split()
            if len(parts) != 3 or not all(p.isdigit() for p in parts):
                return t("chair.vote_format", lang)
            return None

        def answered(text: str | None) -> None:
            if text:
                votes_for, against, abstain = map(int, text.split())
                self._run(lambda: session.record_motion(step.motion, votes_for, against, abstain))

        title = session.state.scenario.motions[step.motion].title
        self.app.push_screen(AskScreen(title, t("chair.vote_label", lang), lang, value=f"{present} 0 0",
                                       hint=t("chair.vote_hint", lang, present=present), check=check,
                                       restrict=r"[0-9 ]*"), answered)

    def action_open_round(self) -> None:
        session, lang = self.app.session, self.app.lang
        step = self._current_step()
        if step is None or not step.election:
            self.notify(t("chair.no_election", lang), severity="warning")
            return

        def answered(text: str | None) -> None:
            if text:
                self._run(lambda: session.open_round(step.election, passes=int(text)))

        title = session.state.scenario.elections[step.election].title
        self.app.push_screen(AskScreen(t("chair.open_title", lang, title=title), t("chair.passes_label", lang),
                                       lang, value="1", restrict=r"[1-3]?",
                                       check=lambda s: None if s in ("1", "2", "3") else t("err.passes", lang)),
                             answered)

    def action_publish(self) -> None:
        session, lang = self.app.session, self.app.lang
        step = self._current_step()
        if step is None or not step.election:
            self.notify(t("chair.no_election", lang), severity="warning")
            return
        title = session.state.scenario.elections[step.election].title
        self._confirm(t("chair.publish_q", lang, title=title), lambda: session.publish_round(step.election))

    def _confirm(self, question: str, command: Callable[[], object]) -> None:
        def answered(yes: bool | None) -> None:
            if yes and self._run(command):
                self._follow_current()

        self.app.push_screen(ConfirmScreen(question, self.app.lang), answered)

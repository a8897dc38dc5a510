"""The secretary's screen (thư ký): a step's list of speakers, the floor given and timed speech by speech, notes
for the minutes, and the totals per step and per speaker. The entry field keeps the focus: typing adds a
speaker, function keys act on the list (as at the desk)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Static

from ...rules.speeches import Speech
from ...store.events import Event
from ...texts import say
from ...texts.formats import clock, mmss
from ..widgets.feedback import Feedback
from ..widgets.key_bar import KeyBar
from ..widgets.match_list import GUEST, MatchList
from ..widgets.speaker_entry import SpeakerEntry
from ..widgets.speaker_list import SpeakerList
from ..widgets.speech_totals import SpeechTotals
from ..widgets.step_timer import StepTimer
from ..widgets.top_bar import TopBar
from .ask import AskScreen
from .confirm import ConfirmScreen
from .notes import NotesScreen
from .base import RunsheetScreen
from .officers import BODIES, OfficersScreen, as_line


class SecretaryScreen(RunsheetScreen):
    FEEDBACK = "#sec-feedback"
    KEYS: tuple = ()  # its keys, set by ui/bindings.localized

    def __init__(self) -> None:
        super().__init__()
        self._viewing: str | None = None  # a step chosen with PgUp / PgDn; None follows the step now

    def compose(self) -> ComposeResult:
        lang = self.lang
        yield TopBar(self.state.scenario.congress.title, id="topbar")
        with Horizontal(id="body"):
            with Vertical(id="sec-main"):
                yield Static("", id="sec-step", markup=False)
                yield SpeakerEntry(placeholder=say("sec.entry", lang), id="speaker-entry")
                yield Feedback(id="sec-feedback")
                yield MatchList(lang, id="matches")
                yield SpeakerList(lang, id="speakers")
                yield Static("", id="speech-notes", markup=False)
                yield Static("", id="step-total", markup=False)
            with Vertical(id="sec-side"):
                yield Static("", id="now-label", markup=False)
                yield Static("", id="now-name", markup=False)
                yield StepTimer(id="speech-timer")
                with VerticalScroll(id="totals-box"):
                    yield SpeechTotals(id="totals")
        yield KeyBar(self.KEYS, lang)  # fits 80 columns: a compact Footer ended in a stray character there

    def on_mount(self) -> None:
        self._ready = True
        self.refresh_state([])
        self._place_cursor()
        self.query_one(SpeakerEntry).focus()

    # ---- the step whose list is shown ---------------------------------------------------------------------
    @property
    def step_id(self) -> str:
        """The step chosen with PgUp / PgDn, else the step now, else (before the start) the first with speeches."""
        agenda = self.state.agenda
        if self._viewing in agenda.runs:
            return self._viewing
        if agenda.current:
            return agenda.current
        return next((i for i in agenda.order if agenda.runs[i].step.speech_limit), agenda.order[0])

    def _speeches(self) -> list[Speech]:
        return self.state.speeches.of_step(self.step_id)

    def _selected(self) -> Speech | None:
        speech_id = self.query_one(SpeakerList).selected
        return self.state.speeches.items.get(speech_id) if speech_id else None

    def _next_waiting(self):
        return self.state.speeches.next_waiting(self.step_id)

    def _place_cursor(self) -> None:
        """On the speech running, else the first waiting, else the last."""
        speeches, current = self._speeches(), self.state.speeches.current
        target = next((s for s in speeches if s.id == current), None) or self._next_waiting() or (
            speeches[-1] if speeches else None)
        if target is not None:
            self.query_one(SpeakerList).select(target.id)
        self._show_notes()

    # ---- what the screen shows -----------------------------------------------------------------------------
    def refresh_state(self, events: list[Event]) -> None:
        self.refresh_clock(self.now())

    def refresh_clock(self, now) -> None:
        """Everything: the lists are short, and their times run with the clock."""
        if not self._ready:
            return
        state, lang = self.state, self.lang
        self.query_one(TopBar).show(state, now, lang)
        if self._viewing == state.agenda.current:  # the programme caught up with the step looked at: follow it
            self._viewing = None
        step_id = self.step_id
        step = state.agenda.runs[step_id].step
        speeches = state.speeches.of_step(step_id)
        self.query_one("#sec-step", Static).update(self._heading(step_id))
        self.query_one(SpeakerList).show(speeches, now, step.speech_limit)
        self._show_notes()
        total = state.speeches.step_total(step_id, now)
        waiting = sum(s.status == "waiting" for s in speeches)
        self.query_one("#step-total", Static).update(
            say("sec.total", lang, n=total.count, time=mmss(total.seconds), waiting=waiting))
        self._show_floor(speeches)
        self.query_one(SpeechTotals).show(state, now, lang)

    def _heading(self, step_id: str) -> Text:
        agenda, lang = self.state.agenda, self.lang
        step = agenda.runs[step_id].step
        limit = say("sec.limit", lang, m=f"{step.speech_limit:g}") if step.speech_limit else say("sec.no_limit", lang)
        number = say("sec.step", lang, n=agenda.order.index(step_id) + 1, total=len(agenda.order), title=step.title)
        heading = Text(number, style="bold", no_wrap=True, overflow="ellipsis")
        if self._viewing is not None:
            return heading.append_text(Text("\n" + say("sec.other", lang), style="bold yellow"))
        return heading.append_text(Text(f"\n{say('sec.title', lang)} · {limit}", style="dim"))

    def _show_notes(self) -> None:
        speech = self._selected()
        notes = self.query_one("#speech-notes", Static)
        notes.display = bool(speech and speech.notes)
        if notes.display:
            notes.update(say("sec.notes", self.lang, notes=" ".join(speech.notes.split())))

    def _show_floor(self, speeches: list[Speech]) -> None:
        """Who has the floor, in the side panel with the big countdown; or who is next."""
        state, lang = self.state, self.lang
        timer = state.speech_timer(self.now())
        self.query_one(StepTimer).show(timer, lang)
        label = self.query_one("#now-label", Static)
        name = self.query_one("#now-name", Static)
        label.set_class(timer is not None and not timer.paused, "-speaking")
        label.set_class(timer is not None and timer.paused, "-paused")
        if timer is not None:
            label.update(say("sec.paused_now" if timer.paused else "sec.speaking", lang))
            name.update(timer.speech.label())
            return
        label.update(say("sec.nobody", lang))
        following = self._next_waiting()
        name.update(say("sec.next_up", lang, name=following.label()) if following else "")

    # ---- typing: find a member, or a guest ------------------------------------------------------------------
    def on_input_changed(self, event: Input.Changed) -> None:
        state, typed = self.state, self.query_one(SpeakerEntry).typed
        members = state.roster.search(typed.who) if typed.who else []
        listed = {s.member: n for n, s in enumerate(self._speeches(), start=1) if s.member}
        self.query_one(MatchList).show(members, typed.who, listed)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_add()

    def on_speaker_entry_space(self, message: SpeakerEntry.Space) -> None:
        self.action_toggle_speech()

    def action_cursor(self, offset: int) -> None:
        matches = self.query_one(MatchList)
        table = matches if matches.display else self.query_one(SpeakerList)
        if table.row_count:
            table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + offset)))
        self._show_notes()

    def action_add(self) -> None:
        """Enter: the member highlighted, or the text as a guest ("Name, title"; without a comma, ask the title)."""
        lang, typed = self.lang, self.query_one(SpeakerEntry).typed
        if not typed.who:
            return
        choice = self.query_one(MatchList).selected
        if choice and choice != GUEST:
            self._add(choice, typed.title)
        elif typed.has_title:
            self._add(typed.who, typed.title)
        else:
            def answered(title: str | None) -> None:
                if title is not None:
                    self._add(typed.who, title)

            self.app.push_screen(AskScreen(say("sec.guest_title", lang, name=typed.who), say("sec.guest_label", lang),
                                           lang, hint=say("sec.guest_hint", lang)), answered)

    def _add(self, who: str, title: str) -> None:
        step_id, lang = self.step_id, self.lang
        self.query_one(SpeakerEntry).value = ""  # the next name can be typed while this one is saved

        def added(outcome) -> None:
            speech_id = outcome.value
            order = [s.id for s in self.state.speeches.of_step(step_id)]
            speech = self.state.speeches.items[speech_id]
            self.say(say("sec.added", lang, no=order.index(speech_id) + 1, name=speech.label()))
            if len(order) == 1:
                self._place_cursor()

        self.run_command(lambda s: s.speaking.add_speaker(who, title, step_id=step_id), added)

    def action_clear(self) -> None:
        """Esc: empty the field; on an empty field, back to the list of the step now."""
        entry = self.query_one(SpeakerEntry)
        if entry.value:
            entry.value = ""
        elif self._viewing is not None:
            self._viewing = None
            self.refresh_state([])
            self._place_cursor()
        entry.focus()

    # ---- the floor ----------------------------------------------------------------------------------------
    def _run(self, command: Callable[[Any], Any], then: Callable[[Any], None] | None = None) -> None:
        """Hand the command to the store worker; then(outcome) once it is saved (a refusal is said)."""
        self.run_command(command, then)

    def action_start(self) -> None:
        """Give the floor to the speaker selected if waiting, else to the next waiting on this list."""
        lang = self.lang
        selected = self._selected()
        target = selected if selected and selected.status == "waiting" else self._next_waiting()
        if target is None:
            self.say(say("err.no_speaker_waiting", lang), ok=False)
            return

        def started(outcome) -> None:
            speech = self.state.speeches.items[outcome.value]
            self.query_one(SpeakerList).select(speech.id)
            self.say(say("sec.started", lang, name=speech.label(), time=clock(speech.started, self.state.zone)))

        self._run(lambda s: s.speaking.start_speech(target.id), started)

    def action_toggle_speech(self) -> None:
        def toggled(outcome) -> None:
            speech = self.state.speeches.items[outcome.value.speech]
            self.say(say("sec.paused" if outcome.value.paused else "sec.resumed", self.lang, name=speech.label()))

        self._run(lambda s: s.speaking.toggle_speech_pause(), toggled)

    def action_end(self) -> None:
        def ended(outcome) -> None:
            speech = self.state.speeches.items[outcome.value]
            self.say(say("sec.ended", self.lang, name=speech.label(), time=mmss(speech.elapsed(self.now()))))
            self._place_cursor()

        self._run(lambda s: s.speaking.end_speech(), ended)

    # ---- the list -----------------------------------------------------------------------------------------
    def _on_selected(self) -> Speech | None:
        speech = self._selected()
        if speech is None:
            self.say(say("sec.none_selected", self.lang), ok=False)
        return speech

    def action_move(self, offset: int) -> None:
        speech = self._on_selected()
        if speech is None:
            return

        def moved(_outcome) -> None:
            self.query_one(SpeakerList).select(speech.id)
            number = [s.id for s in self._speeches()].index(speech.id) + 1
            self.say(say("sec.moved", self.lang, name=speech.label(), no=number))

        self._run(lambda s: s.speaking.move_speaker(speech.id, offset), moved)

    def action_withdraw(self) -> None:
        speech = self._on_selected()
        if speech is None:
            return
        if speech.status != "waiting":  # refused at once, without asking first
            self._run(lambda s: s.speaking.withdraw_speaker(speech.id))
            return

        def withdrawn(_outcome) -> None:
            self.say(say("sec.withdrawn", self.lang, name=speech.label()))
            self._place_cursor()

        def answered(yes: bool | None) -> None:
            if yes:
                self._run(lambda s: s.speaking.withdraw_speaker(speech.id), withdrawn)

        self.app.push_screen(ConfirmScreen(say("sec.withdraw_q", self.lang, name=speech.label()), self.lang),
                             answered)

    def action_notes(self) -> None:
        speech = self._on_selected()
        if speech is None:
            return

        def answered(notes: str | None) -> None:
            if notes is not None:
                self._run(lambda s: s.speaking.note_speech(speech.id, notes),
                          lambda _: self.say(say("sec.noted", self.lang, name=speech.label())))

        self.app.push_screen(NotesScreen(say("sec.notes_title", self.lang, name=speech.label()), speech.notes,
                                         self.lang), answered)

    def action_officers(self) -> None:
        """Record the presidium, the secretariat and the counting committee (for the minutes)."""
        state, lang = self.state, self.lang
        current = {body: as_line(state.officers.get(body, [])) for body in BODIES}

        def answered(lines: dict | None) -> None:
            if lines is not None:
                self.say(say("officers.saved", lang))

        self.app.push_screen(OfficersScreen(current, lang), answered)

    def action_view(self, offset: int) -> None:
        """Show the list of the step before or after (PgUp / PgDn); back on the step now, follow it again."""
        agenda = self.state.agenda
        index = max(0, min(len(agenda.order) - 1, agenda.order.index(self.step_id) + offset))
        self._viewing = None if agenda.order[index] == agenda.current else agenda.order[index]
        self.query_one(SpeakerEntry).value = ""
        self.refresh_state([])
        self._place_cursor()

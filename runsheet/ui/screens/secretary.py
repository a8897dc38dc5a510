"""The secretary's screen (thư ký): a step's list of speakers, the floor given and timed speech by speech, notes
for the minutes, and the totals per step and per speaker. The entry field keeps the focus: typing adds a
speaker, function keys act on the list (as at the desk)."""

from __future__ import annotations

from typing import TYPE_CHECKING
from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from ...errors import DomainError, StoreError
from ...i18n import t
from ...rules.speeches import Speech
from ..format import clock, mmss
from ..widgets.feedback import Feedback
from ..widgets.match_list import GUEST, MatchList
from ..widgets.speaker_entry import SpeakerEntry
from ..widgets.speaker_list import SpeakerList
from ..widgets.speech_totals import SpeechTotals
from ..widgets.step_timer import StepTimer
from ..widgets.top_bar import TopBar
from .ask import AskScreen
from .confirm import ConfirmScreen
from .notes import NotesScreen
from .officers import BODIES, OfficersScreen, as_line, people

if TYPE_CHECKING:
    from ..app import RunsheetApp


class SecretaryScreen(Screen):
    app: RunsheetApp

    def __init__(self) -> None:
        super().__init__()
        self._ready = False  # a first switch to this screen can resume it before on_mount has run
        self._viewing: str | None = None  # a step chosen with PgUp / PgDn; None follows the step now

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        yield TopBar(self.app.session.state.scenario.congress.title, id="topbar")
        with Horizontal(id="body"):
            with Vertical(id="sec-main"):
                yield Static("", id="sec-step")
                yield SpeakerEntry(placeholder=t("sec.entry", lang), id="speaker-entry")
                yield Feedback(id="sec-feedback")
                yield MatchList(lang, id="matches")
                yield SpeakerList(lang, id="speakers")
                yield Static("", id="speech-notes", markup=False)
                yield Static("", id="step-total")
            with Vertical(id="sec-side"):
                yield Static("", id="now-label")
                yield Static("", id="now-name", markup=False)
                yield StepTimer(id="speech-timer")
                with VerticalScroll(id="totals-box"):
                    yield SpeechTotals(id="totals")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._ready = True
        self.refresh_live()
        self._place_cursor()
        self.query_one(SpeakerEntry).focus()

    def on_screen_resume(self) -> None:
        self.refresh_live()

    # ---- the step whose list is shown ---------------------------------------------------------------------
    @property
    def step_id(self) -> str:
        """The step chosen with PgUp / PgDn, else the step now, else (before the start) the first with speeches."""
        agenda = self.app.session.state.agenda
        if self._viewing in agenda.runs:
            return self._viewing
        if agenda.current:
            return agenda.current
        return next((i for i in agenda.order if agenda.runs[i].step.speech_limit), agenda.order[0])

    def _speeches(self) -> list[Speech]:
        return self.app.session.state.speeches.of_step(self.step_id)

    def _selected(self) -> Speech | None:
        speech_id = self.query_one(SpeakerList).selected
        return self.app.session.state.speeches.items.get(speech_id) if speech_id else None

    def _next_waiting(self):
        return self.app.session.state.speeches.next_waiting(self.step_id)

    def _place_cursor(self) -> None:
        """On the speech running, else the first waiting, else the last."""
        speeches, current = self._speeches(), self.app.session.state.speeches.current
        target = next((s for s in speeches if s.id == current), None) or self._next_waiting() or (
            speeches[-1] if speeches else None)
        if target is not None:
            self.query_one(SpeakerList).select(target.id)
        self._show_notes()

    # ---- what the screen shows -----------------------------------------------------------------------------
    def refresh_live(self) -> None:
        if not self._ready:
            return
        session, lang = self.app.session, self.app.lang
        state, now = session.state, session.now()
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
            t("sec.total", lang, n=total.count, time=mmss(total.seconds), waiting=waiting))
        self._show_floor(speeches)
        self.query_one(SpeechTotals).show(state, now, lang)

    def _heading(self, step_id: str) -> Text:
        agenda, lang = self.app.session.state.agenda, self.app.lang
        step = agenda.runs[step_id].step
        limit = t("sec.limit", lang, m=f"{step.speech_limit:g}") if step.speech_limit else t("sec.no_limit", lang)
        number = t("sec.step", lang, n=agenda.order.index(step_id) + 1, total=len(agenda.order), title=step.title)
        heading = Text(number, style="bold", no_wrap=True, overflow="ellipsis")
        if self._viewing is not None:
            return heading.append_text(Text("\n" + t("sec.other", lang), style="bold yellow"))
        return heading.append_text(Text(f"\n{t('sec.title', lang)} · {limit}", style="dim"))

    def _show_notes(self) -> None:
        speech = self._selected()
        notes = self.query_one("#speech-notes", Static)
        notes.display = bool(speech and speech.notes)
        if notes.display:
            notes.update(t("sec.notes", self.app.lang, notes=" ".join(speech.notes.split())))

    def _show_floor(self, speeches: list[Speech]) -> None:
        """Who has the floor, in the side panel with the big countdown; or who is next."""
        state, lang = self.app.session.state, self.app.lang
        timer = state.speech_timer(self.app.session.now())
        self.query_one(StepTimer).show(timer, lang)
        label = self.query_one("#now-label", Static)
        name = self.query_one("#now-name", Static)
        label.set_class(timer is not None and not timer.paused, "-speaking")
        label.set_class(timer is not None and timer.paused, "-paused")
        if timer is not None:
            label.update(t("sec.paused_now" if timer.paused else "sec.speaking", lang))
            name.update(timer.speech.label())
            return
        label.update(t("sec.nobody", lang))
        following = self._next_waiting()
        name.update(t("sec.next_up", lang, name=following.label()) if following else "")

    def _say(self, text: str, ok: bool = True) -> None:
        self.query_one("#sec-feedback", Feedback).say(text, ok)

    # ---- typing: find a member, or a guest ------------------------------------------------------------------
    def on_input_changed(self, event: Input.Changed) -> None:
        state, typed = self.app.session.state, self.query_one(SpeakerEntry).typed
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
        lang, typed = self.app.lang, self.query_one(SpeakerEntry).typed
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

            self.app.push_screen(AskScreen(t("sec.guest_title", lang, name=typed.who), t("sec.guest_label", lang),
                                           lang, hint=t("sec.guest_hint", lang)), answered)

    def _add(self, who: str, title: str) -> None:
        session, step_id = self.app.session, self.step_id
        events = self._run(lambda: session.add_speaker(who, title, step_id=step_id))
        if events is None:
            return
        speech_id = events[-1].data["speech"]
        order = [s.id for s in self._speeches()]
        speech = session.state.speeches.items[speech_id]
        self._say(t("sec.added", self.app.lang, no=order.index(speech_id) + 1, name=speech.label()))
        self.query_one(SpeakerEntry).value = ""
        if len(order) == 1:
            self._place_cursor()

    def action_clear(self) -> None:
        """Esc: empty the field; on an empty field, back to the list of the step now."""
        entry = self.query_one(SpeakerEntry)
        if entry.value:
            entry.value = ""
        elif self._viewing is not None:
            self._viewing = None
            self.refresh_live()
            self._place_cursor()
        entry.focus()

    # ---- the floor ----------------------------------------------------------------------------------------
    def _run(self, command: Callable[[], list]) -> list | None:
        try:
            events = command()
        except DomainError as exc:
            self._say(exc.text(self.app.lang), ok=False)
            return None
        except StoreError as exc:
            self._say(str(exc), ok=False)
            return None
        self.refresh_live()
        return events

    def action_start(self) -> None:
        """Give the floor to the speaker selected if waiting, else to the next waiting on this list."""
        session, lang = self.app.session, self.app.lang
        selected = self._selected()
        target = selected if selected and selected.status == "waiting" else self._next_waiting()
        if target is None:
            self._say(t("err.no_speaker_waiting", lang), ok=False)
            return
        if self._run(lambda: session.start_speech(target.id)) is not None:
            self.query_one(SpeakerList).select(target.id)
            self._say(t("sec.started", lang, name=target.label(), time=clock(target.started, session.state.zone)))

    def action_toggle_speech(self) -> None:
        state = self.app.session.state
        if self._run(self.app.session.toggle_speech_pause) is not None:
            speech = state.speeches.items[state.speeches.current]
            self._say(t("sec.paused" if speech.paused_at else "sec.resumed", self.app.lang, name=speech.label()))

    def action_end(self) -> None:
        session = self.app.session
        running = session.state.speeches.current
        if self._run(session.end_speech) is not None:
            speech = session.state.speeches.items[running]
            self._say(t("sec.ended", self.app.lang, name=speech.label(), time=mmss(speech.elapsed(session.now()))))
            self._place_cursor()

    # ---- the list -----------------------------------------------------------------------------------------
    def _on_selected(self) -> Speech | None:
        speech = self._selected()
        if speech is None:
            self._say(t("sec.none_selected", self.app.lang), ok=False)
        return speech

    def action_move(self, offset: int) -> None:
        speech = self._on_selected()
        if speech is None:
            return

        def move() -> list:
            return self.app.session.move_speaker(speech.id, offset)

        if self._run(move) is not None:
            self.query_one(SpeakerList).select(speech.id)
            number = [s.id for s in self._speeches()].index(speech.id) + 1
            self._say(t("sec.moved", self.app.lang, name=speech.label(), no=number))

    def action_withdraw(self) -> None:
        speech = self._on_selected()
        if speech is None:
            return
        if speech.status != "waiting":  # refused at once, without asking first
            self._run(lambda: self.app.session.withdraw_speaker(speech.id))
            return

        def answered(yes: bool | None) -> None:
            if yes and self._run(lambda: self.app.session.withdraw_speaker(speech.id)) is not None:
                self._say(t("sec.withdrawn", self.app.lang, name=speech.label()))
                self._place_cursor()

        self.app.push_screen(ConfirmScreen(t("sec.withdraw_q", self.app.lang, name=speech.label()), self.app.lang),
                             answered)

    def action_notes(self) -> None:
        speech = self._on_selected()
        if speech is None:
            return

        def answered(notes: str | None) -> None:
            if notes is not None and self._run(lambda: self.app.session.note_speech(speech.id, notes)) is not None:
                self._say(t("sec.noted", self.app.lang, name=speech.label()))

        self.app.push_screen(NotesScreen(t("sec.notes_title", self.app.lang, name=speech.label()), speech.notes,
                                         self.app.lang), answered)

    def action_officers(self) -> None:
        """Record the presidium, the secretariat and the counting committee (for the minutes)."""
        state, lang = self.app.session.state, self.app.lang
        current = {body: as_line(state.officers.get(body, [])) for body in BODIES}

        def answered(lines: dict | None) -> None:
            if lines is None:
                return
            for body in BODIES:
                if lines[body].strip() == current[body] or not people(lines[body]):
                    continue
                if self._run(lambda body=body: self.app.session.set_officers(body, people(lines[body]))) is None:
                    return
            self._say(t("officers.saved", lang))

        self.app.push_screen(OfficersScreen(current, lang), answered)

    def action_view(self, offset: int) -> None:
        """Show the list of the step before or after (PgUp / PgDn); back on the step now, follow it again."""
        agenda = self.app.session.state.agenda
        index = max(0, min(len(agenda.order) - 1, agenda.order.index(self.step_id) + offset))
        self._viewing = None if agenda.order[index] == agenda.current else agenda.order[index]
        self.query_one(SpeakerEntry).value = ""
        self.refresh_live()
        self._place_cursor()

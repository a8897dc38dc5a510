"""The reception desk: find a member by name or id (diacritics optional) or scan a badge, Enter checks in;
excused absences, departures and mistaken check-ins; members added to the roster or corrected on the day, an
alternate replacing an absent delegate; the live figures and D."""

from __future__ import annotations

import dataclasses
import os

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Footer, Input, Static

from ...commands.attendance import CheckedIn, Replacements, replacements
from ...errors import DomainError
from ...rules.attendance import Figures
from ...rules import badge
from ...rules.attendance import Presence, presence
from ...rules.digest import find_digest
from ...rules.roster import FLAGS, Member
from ...store.digest_check import check_digest
from ...store.events import Event
from ...store.state import CongressState
from ...texts import say
from ...texts.formats import clock
from ..widgets.attendance_figures import AttendanceFigures, QuorumBanner
from ..widgets.feedback import Feedback
from ..widgets.plain import PlainTable
from ..widgets.top_bar import TopBar
from .ask import AskScreen
from .base import RunsheetScreen
from .confirm import ConfirmScreen
from .member_form import FLAG_TEXT, STATUS_TEXT, MemberFields, MemberFormScreen, next_id
from .replace import ReplaceScreen

USUAL_REASONS = {"vi": ["Ốm đau", "Đi công tác", "Việc gia đình", "Đi học tập trung"],
                 "en": ["Illness", "Travelling for work", "Family matters"]}
PRESENCE = {Presence.HERE: "presence.here", Presence.LEFT: "presence.left", Presence.EXCUSED: "presence.excused",
            Presence.REPLACED: "presence.replaced", Presence.EXEMPT: "presence.exempt",
            Presence.TRANSFERRED: "presence.transferred", Presence.SUSPENDED: "presence.suspended",
            Presence.AWAITED: "presence.awaited"}
PRESENCE_STYLE = {Presence.HERE: "bold green", Presence.LEFT: "yellow", Presence.EXCUSED: "cyan",
                  Presence.AWAITED: "", Presence.REPLACED: "cyan"}


class BadgesNotWritten(DomainError):
    """The badge sheet's file cannot be written: said on the feedback line."""


class DeskScreen(RunsheetScreen):
    FEEDBACK = "#feedback"
    # below 100 columns the attendance report gives its room to the members' statuses: one line of figures instead
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]

    def __init__(self) -> None:
        super().__init__()
        self._shown: list[tuple] = []
        self._moved = False  # the clerk moved the highlight (↑/↓, a click) since the search last changed
        self._last_in: str | None = None  # the member this desk checked in last, for F7
        self._just_in: str | None = None  # the member the last Enter checked in, kept highlighted until the clerk types
        self._put: str | None = None  # what the screen itself last put in the search field (not the clerk's typing)

    def compose(self) -> ComposeResult:
        lang = self.lang
        yield TopBar(self.state.scenario.congress.title, id="topbar")
        with Horizontal(id="body"):
            with Vertical(id="desk-main"):
                yield Input(placeholder=say("desk.search", lang), id="search")
                yield Static("", id="figures-line", markup=False)
                yield Feedback(id="feedback")
                yield PlainTable(id="members", cursor_type="row")
            with VerticalScroll(id="desk-side"):
                yield Static(say("fig.title", lang), id="figures-title", markup=False)
                yield AttendanceFigures(id="figures")
                yield QuorumBanner(id="quorum")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#members", DataTable)
        for key in ("desk.col.id", "desk.col.name", "desk.col.kind", "desk.col.presence"):
            table.add_column(say(key, self.lang), key=key)
        if not self._delegates:  # F10 still answers (why not) but leaves the footer to keys that act here
            keys = self._bindings.key_to_bindings
            for key, found in keys.items():
                keys[key] = [dataclasses.replace(b, show=False) if b.action == "replace" else b for b in found]
        self._ready = True
        self.refresh_state([])
        self.query_one("#search", Input).focus()

    # ---- what the screen shows -------------------------------------------------------------------------------
    def refresh_clock(self, now) -> None:
        self.query_one(TopBar).show(self.state, now, self.lang)

    def refresh_state(self, events: list[Event]) -> None:
        if not self._ready:
            return
        state, lang = self.state, self.lang
        self.query_one(TopBar).show(state, self.now(), lang)
        figures = state.figures()
        self.query_one(AttendanceFigures).show(figures, lang)
        self.query_one(QuorumBanner).show(figures, lang)
        self._show_figures_line(figures)
        self._show_members(state)

    def _show_figures_line(self, f: Figures) -> None:
        """The attendance report in one line, for a narrow terminal (the side panel is hidden there)."""
        text = say("desk.figures_line", self.lang, present=f.present_official, official=f.official_total,
                   probationary=f.present_probationary, excused=f.absent_excused, unexcused=f.absent_unexcused,
                   d=f.denominator, majority=f.majority)
        if not f.may_proceed:
            text += "  " + say("desk.figures_warn", self.lang)
        line = self.query_one("#figures-line", Static)
        line.update(Text(text))
        line.set_class(not f.may_proceed, "-alarm")

    def _matches(self, state: CongressState) -> list[Member]:
        query = self.query_one("#search", Input).value
        if badge.find_payload(query) is not None:
            return state.roster.sorted()
        return state.roster.search(query)

    def _show_members(self, state: CongressState) -> None:
        rows = [(m.id, m.name, self._kind(m), self._presence(m, state)) for m in self._matches(state)]
        if rows == self._shown:
            return
        table = self.query_one("#members", DataTable)
        selected = self.selected
        self._shown = rows
        table.clear()
        for member_id, name, kind, (text, style) in rows:
            table.add_row(member_id, name, kind, Text(text, style=style, justify="left"), key=member_id)
        if selected is not None and selected in state.roster.by_id:
            for index, row in enumerate(rows):
                if row[0] == selected:
                    table.move_cursor(row=index)

    def _kind(self, member: Member) -> str:
        if member.alternate:
            return say("desk.kind.alternate", self.lang)
        return say("desk.kind.official" if member.official else "desk.kind.probationary", self.lang)

    def _presence(self, member: Member, state: CongressState) -> tuple[str, str]:
        where = presence(member, state.attendance)
        values = {"time": clock(state.attendance.arrived.get(member.id) or state.attendance.left.get(member.id),
                                state.zone)}
        if where is Presence.LEFT:
            values["time"] = clock(state.attendance.left[member.id], state.zone)
        elif where is Presence.EXCUSED:
            values["reason"] = state.attendance.excused[member.id]
            replacing = state.roster.get(state.attendance.replaced.get(member.id, ""))
            if replacing is not None:  # excused and replaced: say both
                return (say("desk.excused_replaced", self.lang, reason=values["reason"], alternate=replacing.name),
                        PRESENCE_STYLE[Presence.REPLACED])
        elif where is Presence.REPLACED:
            alternate = state.roster.get(state.attendance.replaced[member.id])
            values["alternate"] = alternate.name if alternate else "?"
        return say(PRESENCE[where], self.lang, **values), PRESENCE_STYLE.get(where, "dim")

    @property
    def selected(self) -> str | None:
        """The highlighted row's member (whoever put the highlight there)."""
        table = self.query_one("#members", DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    @property
    def chosen(self) -> str | None:
        """The member the clerk means: the only one the search matches, the one whose id was typed in full, or the
        one the clerk highlighted with their own move. None when the search matches several and the highlight is
        only where the list put it."""
        if len(self._shown) == 1:
            return self._shown[0][0]
        query = self.query_one("#search", Input).value.strip().casefold()
        exact = next((row[0] for row in self._shown if row[0].casefold() == query), None)
        if exact is not None:
            return exact
        return self.selected if self._moved else None

    def _not_chosen(self) -> None:
        """Say why nothing was done: nobody matches, several do (pick one), or nothing was typed."""
        lang = self.lang
        query = self.query_one("#search", Input).value.strip()
        if query and not self._shown:
            self.say(say("desk.no_match", lang, query=query), ok=False)
        elif query:
            self.say(say("desk.ambiguous", lang, n=len(self._shown), query=query), ok=False)
        else:
            self.say(say("desk.select_first", lang), ok=False)

    # ---- typing and keys -------------------------------------------------------------------------------------
    def _put_search(self, value: str) -> Input:
        """Set the search field from the screen (a check-in clears it, a member is offered): not the clerk's typing,
        so the message about it stays."""
        search = self.query_one("#search", Input)
        self._put = value
        search.value = value
        return search

    def on_input_changed(self, event: Input.Changed) -> None:
        self._moved = False
        if event.value != self._put:  # the clerk typed: a refusal about the text before is stale
            self._put = None
            self._just_in = None
            self.clear_feedback(only_errors=True)
        self._show_members(self.state)
        if self._just_in is not None:  # the check-in was saved before the search's clearing reached the screen
            self._highlight(self._just_in)
        elif self._shown:  # the first match, or the member whose id was typed in full
            query = event.value.strip().casefold()
            row = next((i for i, shown in enumerate(self._shown) if shown[0].casefold() == query), 0)
            self.query_one("#members", DataTable).move_cursor(row=row)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_check_in()

    def action_cursor(self, step: int) -> None:
        table = self.query_one("#members", DataTable)
        if table.row_count:
            table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + step)))
            self._moved = True

    def action_check_in(self) -> None:
        lang = self.lang
        search = self.query_one("#search", Input)
        query = search.value.strip()
        if find_digest(query) is not None:  # the QR code of counting minutes: does the paper match the store?
            self._put_search("")
            self.run_command(lambda s: check_digest(s.path, find_digest(query)),
                             lambda check: self.say(check.summary(lang), check.ok))
            return
        if badge.find_payload(query) is not None:
            command = lambda s: s.attendance.scan(query)
        else:
            member_id = self.chosen  # several match and the clerk picked none: nobody is checked in by guess
            if member_id is None:
                if query:
                    self._not_chosen()
                return
            command = lambda s: s.attendance.check_in(member_id)
        self._just_in = None
        self._put_search("")  # the next name can be typed at once; the check-in is said when it is saved

        def checked_in(outcome) -> None:
            done: CheckedIn = outcome.value
            self._last_in = self._just_in = done.member.id
            self._highlight(done.member.id)  # F7 takes back the member highlighted: this one
            self.say(say("desk.checked_in", lang, name=done.member.name, id=done.member.id,
                         time=clock(done.at, self.state.zone)))

        def refused(error: BaseException, _dropped: int) -> None:
            self.say_error(error)
            if not isinstance(error, DomainError) and not search.value:  # not saved: the query comes back
                self._put_search(query)

        self.run_command(command, checked_in, refused)

    def _highlight(self, member_id: str) -> None:
        """Highlight a member's row, when the list shows them (not a move of the clerk's: Enter still asks for one)."""
        for index, row in enumerate(self._shown):
            if row[0] == member_id:
                self.query_one("#members", DataTable).move_cursor(row=index)
                return

    def _on_selected(self, command, message: str, member_id: str | None = None) -> None:
        member_id = member_id or self.chosen
        if member_id is None:
            self._not_chosen()
            return
        lang = self.lang

        def done(_outcome) -> None:
            state = self.state
            member = state.roster.get(member_id)
            left = state.attendance.left.get(member_id)
            self.say(say(message, lang, name=member.name, time=clock(left, state.zone),
                         reason=state.attendance.excused.get(member_id, "")))

        self.run_command(lambda s: command(s, member_id), done)

    def action_undo(self) -> None:
        """Take back a check-in made by mistake: the member the clerk chose, else the one this desk checked in last;
        asked first, naming them."""
        lang, state = self.lang, self.state
        member_id = self.chosen
        if member_id is None and self._last_in in state.attendance.arrived:
            member_id = self._last_in
        if member_id is None:
            self._not_chosen()
            return
        member = state.roster.get(member_id)
        if member_id not in state.attendance.arrived:
            self.say(say("err.not_checked_in", lang, name=member.name), ok=False)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                if member_id == self._last_in:
                    self._last_in = None
                self._on_selected(lambda s, m: s.attendance.undo_check_in(m), "desk.undone", member_id)

        question = say("desk.undo_q", lang, name=member.name, id=member.id,
                       time=clock(state.attendance.arrived[member_id], state.zone))
        self.app.push_screen(ConfirmScreen(question, lang), answered)

    def action_leave(self) -> None:
        self._on_selected(lambda s, m: s.attendance.leave(m), "desk.left")

    def action_excuse(self) -> None:
        member_id = self.chosen
        if member_id is None:
            self._not_chosen()
            return
        member = self.state.roster.get(member_id)

        def answered(reason: str | None) -> None:
            if reason:
                self._on_selected(lambda s, m: s.attendance.absent(m, reason), "desk.excused", member_id)

        lang = self.lang
        self.app.push_screen(AskScreen(say("desk.reason.title", lang, name=member.name), say("desk.reason.label", lang),
                                       lang, suggestions=USUAL_REASONS[lang],
                                       check=lambda s: None if s else say("desk.reason.empty", lang)), answered)

    def action_clear(self) -> None:
        self._put_search("").focus()
        self.clear_feedback()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self._moved = True  # a click on a row (or Enter in the table) is the clerk's own choice
        self.action_check_in()

    # ---- the roster on the day: add, correct, replace --------------------------------------------------------
    @property
    def _delegates(self) -> bool:
        return self.state.scenario.congress.kind == "delegates"

    def _summary(self, member: Member) -> str:
        lang = self.lang
        parts = [say(STATUS_TEXT[member.status], lang)]
        parts += [say(FLAG_TEXT[f], lang) for f in FLAGS if f in member.flags]
        return ", ".join(parts)

    def _offer_check_in(self, member_id: str) -> None:
        """Put the member in the search field, selected and highlighted: Enter checks them in, typing starts
        the next search."""
        search = self._put_search(member_id)
        search.focus()
        search.select_all()

    def action_add_member(self) -> None:
        lang, state = self.lang, self.state
        typed = self.query_one("#search", Input).value.strip()
        # what the clerk typed and found nobody for is the new member's name, or id; else the roster's next id
        looks_like_id = bool(typed) and " " not in typed and any(c.isdigit() for c in typed)
        unmatched = typed if typed and not self._shown and badge.find_payload(typed) is None else ""
        member_id = unmatched if looks_like_id and unmatched else next_id(m.id for m in state.roster)
        name = unmatched if unmatched and not looks_like_id else ""

        def save(fields: MemberFields):
            return lambda s: s.attendance.add_member(fields.id, fields.name, fields.status, fields.flags)

        def done(fields: MemberFields | None) -> None:
            if fields is None:
                return
            member = self.state.roster.get(fields.id)
            self._offer_check_in(member.id)
            self.say(say("desk.added", lang, name=member.name, id=member.id, kind=self._summary(member)))

        self.app.push_screen(MemberFormScreen(lang, save, alternates=self._delegates, member_id=member_id,
                                              name=name), done)

    def action_fix_member(self) -> None:
        lang = self.lang
        member_id = self.chosen
        if member_id is None:
            self._not_chosen()
            return
        old = self.state.roster.get(member_id)

        def save(fields: MemberFields):
            if (fields.name, fields.status, frozenset(fields.flags)) == (old.name, old.status, old.flags):
                return None  # nothing to write: the dialog closes and says so
            return lambda s: s.attendance.correct_member(member_id, fields.name, fields.status, fields.flags)

        def done(fields: MemberFields | None) -> None:
            if fields is None:
                return
            member = self.state.roster.get(member_id)
            if member == old:
                self.say(say("desk.unchanged", lang, name=old.name))
                return
            self.say(say("desk.fixed", lang, name=member.name, id=member.id, kind=self._summary(member)))

        self.app.push_screen(MemberFormScreen(lang, save, member=old, alternates=self._delegates), done)

    def action_replace(self) -> None:
        lang, state = self.lang, self.state
        delegate_id = self.chosen
        if delegate_id is None and self._delegates:
            self._not_chosen()
            return
        try:
            choices: Replacements = replacements(state, delegate_id or "")
        except DomainError as exc:
            self.say(exc.text(lang), ok=False)
            return
        delegate, current = choices.delegate, choices.current
        hint = (say("desk.replace.current", lang, name=current.name, id=current.id) if current
                else say("desk.replace.hint", lang))

        def describe(member: Member) -> str:
            return f"{member.id}  {member.name}  · {self._presence(member, self.state)[0]}"

        def done(alternate_id: str | None) -> None:
            if alternate_id is None:
                return
            if not alternate_id:
                self.say(say("desk.replace.cancelled", lang, name=delegate.name))
                return
            alternate = self.state.roster.get(alternate_id)
            if alternate_id in self.state.attendance.here:
                self.say(say("desk.replaced", lang, name=delegate.name, alternate=alternate.name))
            else:  # the alternate has not checked in: one Enter does it
                self._offer_check_in(alternate_id)
                self.say(say("desk.replaced_check_in", lang, name=delegate.name, alternate=alternate.name))

        self.app.push_screen(ReplaceScreen(say("desk.replace.title", lang, name=delegate.name, id=delegate.id), hint,
                                           lang, state.roster, list(choices.free), describe,
                                           lambda alternate: lambda s: s.attendance.replace_delegate(delegate_id,
                                                                                                    alternate),
                                           current=current.id if current else None), done)

    # ---- papers printed at the desk: the attendance sheet, the badges ----------------------------------------------
    @property
    def _folder(self) -> str:
        """Where the desk's papers go unless the clerk says otherwise: beside the congress's store."""
        return os.path.dirname(os.path.abspath(self.app.session.path))

    def action_attendance_sheet(self) -> None:
        from ...reports.attendance_sheet import write_attendance_sheet

        lang = self.lang

        def answered(folder: str | None) -> None:
            if folder:
                self.say(say("desk.writing", lang))
                self.run_command(lambda s: write_attendance_sheet(s.state, folder, lang),
                                 lambda paths: self.say(say("desk.written", lang, paths=", ".join(paths))))

        self.app.push_screen(AskScreen(say("desk.sheet_title", lang), say("desk.folder_label", lang), lang,
                                       value=self._folder, hint=say("desk.sheet_hint", lang),
                                       check=lambda s: None if s else say("desk.folder_empty", lang)), answered)

    def action_badges(self) -> None:
        from ...reports.badges import write_badges

        lang = self.lang

        def write(session, path: str) -> str:
            try:
                write_badges(session.state, path, lang)
            except OSError as exc:
                raise BadgesNotWritten("desk.badges_err", path=path, problem=exc.strerror or exc) from None
            return path

        def answered(path: str | None) -> None:
            if path:
                self.say(say("desk.writing", lang))
                self.run_command(lambda s: write(s, path),
                                 lambda written: self.say(say("desk.written", lang, paths=written)))

        self.app.push_screen(AskScreen(say("desk.badges_title", lang), say("desk.file_label", lang), lang,
                                       value=os.path.join(self._folder, say("desk.badges_file", lang)),
                                       hint=say("desk.badges_hint", lang),
                                       check=lambda s: None if s else say("desk.folder_empty", lang)), answered)

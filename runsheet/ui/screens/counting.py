"""The counting room: enter paper ballots fast (the struck numbers, Enter), see each ballot as read before it
is committed, double entry by passes, mismatches resolved by the head of the committee, live tallies, and the
reconciliation of ballots issued, collected and entered."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Input, Static

from ...rules.ballot_entry import closed_number, entry_text, parse_entry
from ...rules.digest import find_digest, may_be_digest
from ...rules.election import (APPROVE, FORM_TEXT, Queued, Reading, ReadingError,
                               RoundRecord, judge)
from ...store.digest_check import check_digest
from ...store.events import Event
from ...texts import say
from ..widgets.ballot_list import BallotList, Row
from ..widgets.feedback import Feedback
from ..widgets.reading_input import ReadingInput
from ..widgets.tally_bars import TallyBars
from ..widgets.top_bar import TopBar
from .ask import AskScreen
from .invalid_reason import invalid_reason_dialog, reason_text
from .base import RunsheetScreen
from .counting_scanner import ScannerKey
from .scan_review import Reviewed, ScanReviewScreen, next_to_review

# what changes the figures of a round on this screen (the rest of the log leaves them as they are)
COUNT_EVENTS = ("round.", "ballot.", "member.", "delegate.", "nomination.")


class CountingScreen(ScannerKey, RunsheetScreen):
    FEEDBACK = "#count-feedback"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]

    def __init__(self) -> None:
        super().__init__()
        self.election: str | None = None
        self.poll = False  # the election's nomination poll is counted here, not one of its rounds
        self.pass_no = 1
        self.correcting: int | None = None
        self.pass_chosen = False  # with double entry, the clerk says which pass this terminal enters
        self._round: tuple | None = None  # (election, round) shown, to start afresh when a new round opens
        self._typed = ""  # the reading field's last value, to tell typing from deleting
        self._put: str | None = None  # what the screen itself last put in the field (not the clerk's typing)
        self._pending = 0  # new ballots typed and handed to the store worker, not yet saved
        self._verdicts: dict[tuple, Text] = {}  # (reading, round's shape) -> its verdict, drawn once
        self._reviewed: int = 0  # the queued ballot last opened for review (Esc leaves it: the next key opens the next)

    def compose(self) -> ComposeResult:
        yield TopBar(self.state.scenario.congress.title, id="topbar")
        yield Static("", id="round-info", markup=False)
        with Horizontal(id="body"):
            with Vertical(id="count-main"):
                yield Static("", id="ballot-no", markup=False)
                waiting = Static("", id="review-waiting", markup=False)
                waiting.display = False  # until the scanner queues a ballot on this pass
                yield waiting
                yield ReadingInput(id="reading", placeholder=say("count.placeholder", self.app.lang))
                yield Feedback(id="count-feedback")
                with VerticalScroll(id="preview-box"):
                    yield Static("", id="preview", markup=False)
                yield BallotList(self.app.lang, id="ballots")
            with VerticalScroll(id="count-side"):
                yield self.scanner_status()
                yield Static("", id="reconcile", markup=False)
                yield TallyBars(id="tally")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._ready = True
        self._follow()
        self.refresh_state([])
        self.query_one("#reading", Input).focus()

    def on_screen_resume(self) -> None:
        self._follow()
        super().on_screen_resume()

    def _follow(self) -> None:
        """Which poll or round to show: the one shown, while it is counted and once it is closed (its figures stay
        until the clerk moves on); a poll or round opened since takes over once the one shown is closed."""
        current = self.record
        if current is not None and current.closed is None:
            return
        state = self.state
        for election_id in state.scenario.elections:
            for poll, record in ((True, state.open_poll(election_id)), (False, state.open_round(election_id))):
                if record is not None:
                    self.election, self.poll = election_id, poll
                    return
        if current is None:  # nothing shown yet, and nothing open: the count closed last
            self.election, self.poll = state.closed_last or (next(iter(state.scenario.elections), None), False)

    @property
    def record(self) -> RoundRecord | None:
        """The round (or the nomination poll) shown."""
        if self.election is None:
            return None
        if self.poll:
            polls = self.state.polls.get(self.election) or []
            return polls[-1] if polls else None
        return self.state.current_round(self.election)

    @property
    def _sequence(self) -> str:
        """The ballots of one pass of one round are a sequence: each takes the next number."""
        record = self.record
        kind = "poll" if self.poll else "ballots"
        return f"{kind}:{record.election}:{record.number}:{self.pass_no}" if record else kind

    def _result(self, record: RoundRecord) -> dict:
        """The tally shown: a round's result, or a poll's drawn the same way (agreement against those present, the
        line at more than 30%)."""
        if not self.poll:
            return self.state.results(record.election)
        poll = self.state.poll_results(record.election)
        return {"denominator": poll["present"], "needed": poll["needed"], "closed": record.closed is not None,
                "tied": [], "ballots": poll["ballots"], "poll": True,
                "candidates": [{"no": n["no"], "id": n["id"], "name": n["name"], "votes": n["agree"],
                                "percent": n["percent"], "elected": n["joins"]} for n in poll["nominees"]]}

    # ---- what the screen shows --------------------------------------------------------------------------------
    def refresh_clock(self, now) -> None:
        self.query_one(TopBar).show(self.state, now, self.lang)

    def refresh_state(self, events: list[Event]) -> None:
        """Redraw from new events; the round's figures and tally only when an event can change them (a tally is
        never recounted for nothing: the state keeps it up to date ballot by ballot)."""
        if not self._ready:
            return
        if events and not any(e.type.startswith(COUNT_EVENTS) for e in events):
            self.refresh_clock(self.now())
            return
        lang, state = self.lang, self.state
        self._follow()  # another poll or round may have opened
        self.scanner_key_update()
        record = self.record
        key = (record.election, record.number, self.poll) if record else None
        if key != self._round:
            if self._round is not None:
                self.clear_feedback()  # "the count is closed" was about the round before
            self._round, self.pass_no, self.pass_chosen, self.correcting = key, 1, False, None
        self.query_one(TopBar).show(state, self.now(), lang)
        record = self.record
        info = self.query_one("#round-info", Static)
        if record is None:
            info.update(say("count.no_round", lang))
            self.query_one("#ballot-no", Static).update("")
            self.query_one(TallyBars).show(None, lang)
            self.query_one("#reconcile", Static).update("")
            self.query_one(BallotList).show(None)
            return
        title = state.scenario.elections[record.election].title
        state_key = "count.closed" if record.closed else "count.open"
        if self.poll:
            info.update(say("count.poll", lang, title=title, n=len(record.candidates), present=record.issued,
                            state=say(state_key, lang)))
        else:
            d = record.closed["denominator"] if record.closed else record.denominator
            info.update(say("count.round", lang, title=title, round=record.number,
                            form=say(FORM_TEXT[record.form], lang), seats=record.seats, n=len(record.candidates), d=d,
                            pass_no=self.pass_no, passes=record.passes, state=say(state_key, lang)))
        placeholder = "count.placeholder"
        if record.form == APPROVE:
            placeholder = "count.placeholder_one" if len(record.candidates) == 1 else "count.placeholder_approve"
        field = self.query_one("#reading", Input)
        # once closed, the field takes the QR code of the counting minutes (checked against the store)
        field.placeholder = say("digest.scan.placeholder", lang) if record.closed else say(placeholder, lang)
        if record.closed is not None and self.poll:
            joined = ", ".join(n["name"] for n in record.closed["nominees"] if n["joins"]) or say("script.nobody", lang)
            self.query_one("#ballot-no", Static).update(say("count.poll_done", lang, names=joined))
        elif record.closed is not None:
            elected = ", ".join(c["name"] for c in sorted(record.closed["candidates"], key=lambda c: -c["votes"])
                                if c["elected"]) or say("script.nobody", lang)
            self.query_one("#ballot-no", Static).update(say("count.done", lang, elected=elected))
        else:
            number = self.correcting or record.next_ballot(self.pass_no) + self._pending
            key = "count.correcting" if self.correcting else "count.ballot"
            if not self.correcting and number > record.issued:  # every ballot issued is entered on this pass
                key = "count.all_entered"
            self.query_one("#ballot-no", Static).update(say(key, lang, n=number, issued=record.issued))
        result = self._result(record)
        self.query_one(TallyBars).show(result, lang)
        self.query_one("#reconcile", Static).update(self._reconciliation(record, result))
        self._show_ballots(record)
        self._show_waiting(record)
        self._preview()

    def _show_ballots(self, record: RoundRecord) -> None:
        """The ballots entered on this terminal's pass, as the list shows them (it asks for the cells of those in its
        window only)."""
        lang, this = self.lang, self.app.session.terminal
        mismatched = record.mismatches() if record.passes > 1 else {}
        readings = record.readings.get(self.pass_no, {})
        clerks = record.clerks.get(self.pass_no, {})

        def row_of(number: int) -> Row:
            reading = readings[number]
            clerk = clerks.get(number, "")
            verdict = self._verdict(reading, record)
            if number in mismatched:
                verdict = Text("≠ " + say("count.mismatch", lang), style="bold red")
            return (entry_text(reading).strip() or "—", verdict,
                    say("count.this_terminal", lang) if clerk == this else clerk)

        self.query_one(BallotList).show((record.election, record.number, self.poll, self.pass_no), sorted(readings),
                                        row_of)

    def _verdict(self, reading: Reading, record: RoundRecord) -> Text:
        key = (reading, len(record.candidates), record.seats, record.form)
        if key not in self._verdicts:
            verdict = judge(reading, len(record.candidates), record.seats)
            self._verdicts[key] = (Text("✓ " + say("count.valid_short", self.lang), style="green") if verdict.valid
                                   else Text("✗ " + reason_text(verdict.reason, self.lang), style="yellow"))
        return self._verdicts[key]

    def _reconciliation(self, record: RoundRecord, result: dict) -> Text:
        lang = self.lang
        text = Text()
        ballots = result["ballots"]
        text.append(say("count.issued", lang, n=record.issued) + "\n", style="bold")
        for pass_no in range(1, record.passes + 1):
            waiting = len(record.to_review(pass_no)) if not self.poll else 0
            key = "count.entered_review" if waiting else "count.entered"
            text.append(say(key, lang, pass_no=pass_no, n=record.entered(pass_no), waiting=waiting) + "\n")
        if record.passes > 1:
            text.append(say("count.agreed", lang, n=record.agreed_count()) + "\n")
        text.append(say("count.valid", lang, valid=ballots["valid"], invalid=ballots["invalid"]) + "\n")
        for reason, n in sorted(ballots.get("invalid_reasons", {}).items()):
            text.append(f"  – {reason_text(reason, lang)}: {n}\n")
        if record.closed or record.collected is not None:
            collected = ballots["collected"] if record.closed else record.collected
            text.append(say("count.collected", lang, n=collected) + "\n", style="bold")
        mismatches = record.mismatches()
        if mismatches:
            text.append(say("count.mismatches", lang, ballots=", ".join(map(str, mismatches))) + "\n",
                        style="bold red")
        return text

    def _show_waiting(self, record: RoundRecord) -> None:
        """The ballots the scanner queued on this terminal's pass that nobody has entered yet (Ctrl+R reviews them)."""
        waiting = self._waiting(record)
        line = self.query_one("#review-waiting", Static)
        line.display = bool(waiting)
        line.update(Text(say("count.review_waiting", self.lang, n=len(waiting)), style="bold yellow"))
        self.refresh_bindings()

    def _waiting(self, record: RoundRecord | None) -> list[int]:
        if record is None or record.closed is not None or self.poll:
            return []
        return record.to_review(self.pass_no)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "review":  # shown once the scanner has queued a ballot on the round; usable while one waits
            record = None if not self._ready else self.record
            if record is None or self.poll or not any(record.queued.values()):
                return False
            return True if self._waiting(record) else None
        return super().check_action(action, parameters)  # the scanner's key (counting_scanner.ScannerKey)

    def action_review(self) -> None:
        """Ctrl+R: the next ballot the scanner queued on this pass, its image and the machine's reading."""
        record, lang = self.record, self.lang
        if record is None or record.closed or self.poll:
            return
        if record.passes > 1 and not self.pass_chosen:  # the review enters on this terminal's pass: say which
            self.action_next_pass()
            return
        number = next_to_review(record, self.pass_no, self._reviewed)
        if number is None:
            self.say(say("count.review_none", lang, pass_no=self.pass_no), ok=False)
            return
        self._reviewed = number
        names = [self.state.roster.get(c).name for c in record.candidates]
        form = record.form

        def closed(reviewed: Reviewed | None) -> None:
            if reviewed is None:
                waiting = len(self._waiting(self.record))
                self.say(say("count.review_left", lang, n=number, waiting=waiting))
            elif reviewed.accepted:
                self.say(say("review.accepted", lang, n=number, reading=_describe(reviewed.reading, lang, form)))
            else:
                verdict = judge(reviewed.reading, len(names), record.seats)
                key = "count.saved_valid" if verdict.valid else "count.saved_invalid"
                self.say(say(key, lang, n=number, reading=_describe(reviewed.reading, lang, form),
                             reason=reason_text(verdict.reason, lang)))
            self.refresh_state([])

        queued = record.scans.get(self.pass_no, {}).get(number) or Queued()
        self.app.push_screen(ScanReviewScreen(record, names, self.pass_no, number, queued, lang), closed)

    def _preview(self) -> None:
        """The ballot as it will be read: struck names struck through, names kept against seats, valid or not
        (redrawn only when what is typed, or the round, changed: not for another terminal's ballot)."""
        record, lang = self.record, self.lang
        preview = self.query_one("#preview", Static)
        typed = self.query_one("#reading", Input).value
        shown = (typed, lang, (record.election, record.number, record.closed is None) if record else None)
        if shown == getattr(self, "_previewed", None):
            return
        self._previewed = shown
        self.query_one("#preview-box").display = record is not None and not record.closed  # nothing to read then
        if record is None or record.closed:
            preview.update("")
            return
        names = [self.state.roster.get(c).name for c in record.candidates]
        try:
            reading = parse_entry(typed, record)
        except ReadingError as exc:
            preview.update(Text(exc.text(lang), style="bold red"))
            return
        verdict = judge(reading, len(names), record.seats)
        text = Text()
        key = "count.kept" if record.form != APPROVE else "count.agreed_names"
        text.append(say(key, lang, kept=verdict.kept, seats=record.seats) + "  ")  # first: in view on a small screen
        if verdict.valid:
            text.append(say("count.is_valid", lang), style="bold green")
        else:
            text.append(say("count.is_invalid", lang, reason=reason_text(verdict.reason, lang)), style="bold red")
        text.append("\n")
        for number, name in enumerate(names, start=1):
            if number in reading.struck:
                mark = "✗" if record.form == APPROVE else "—"
                text.append(f" {mark} {number:>3}. {name}\n", style="strike dim")
            elif number in reading.unclear:
                text.append(f" ? {number:>3}. {name}\n", style="yellow")
            else:
                text.append(f" ✓ {number:>3}. {name}\n", style="bold")
        text.rstrip()
        preview.update(text)

    # ---- entering ballots ---------------------------------------------------------------------------------
    def _put_reading(self, value: str) -> Input:
        """Set the field from the screen (cleared after a ballot, a reading to correct): not the clerk's typing."""
        field = self.query_one("#reading", Input)
        self._put = self._typed = field.value = value
        field.cursor_position = len(value)
        return field

    def on_input_changed(self, event: Input.Changed) -> None:
        record, field = self.record, event.input
        if field.value != self._put:  # the clerk typed: a refusal about the text before is stale
            self._put = None
            self.clear_feedback(only_errors=True)
        # typed, not deleted (backspace must be able to pass a space): longer, or not what was there cut short (a
        # selected reading replaced by the next key)
        grew = len(field.value) > len(self._typed) or not self._typed.startswith(field.value)
        self._typed = field.value
        if may_be_digest(field.value):  # a scanner typing a digest: no spaces after its digits, no preview
            return
        if (record is not None and grew and field.cursor_position == len(field.value)
                and closed_number(field.value, len(record.candidates))):
            field.value += " "  # fires Changed again, which then finds a space at the end
            field.cursor_position = len(field.value)
            return
        self._preview()

    def on_reading_input_entered(self, event: ReadingInput.Entered) -> None:
        """Enter: the field has already been emptied for the next ballot (keys typed after Enter go there)."""
        lang = self.lang
        self._typed = event.input.value
        digest = find_digest(event.value)
        if digest is not None:  # the QR code of counting minutes: does the paper match the store?
            self.run_command(lambda s: check_digest(s.path, digest), lambda check: self.say(check.summary(lang),
                                                                                             check.ok))
            return
        record = self.record
        if record is not None and record.closed and event.value.strip():  # no ballot enters a closed count
            self.say(f"{say('count.closed', lang)}: {say('digest.scan.placeholder', lang)}", ok=False)
            return
        if record is None or record.closed:
            return
        try:
            reading = parse_entry(event.value, record)
        except ReadingError as exc:
            self.say(exc.text(lang), ok=False)
            self._give_back(event.value)
            return
        if record.passes > 1 and not self.pass_chosen:  # with double entry, say which pass this terminal enters
            self._give_back(event.value, select=False)
            self.action_next_pass()
            return
        self._commit(reading)

    def _give_back(self, text: str, select: bool = True) -> None:
        """Put back a reading that was not entered, selected: the next key replaces it, Esc clears it (unless the
        clerk has typed on already)."""
        field = self.query_one("#reading", ReadingInput)
        if field.value:
            return
        self._put_reading(text)
        if select:
            field.select_all()

    def _commit(self, reading: Reading, typed: str | None = None) -> None:
        """Hand the ballot to the store worker: the next ballot can be typed while this one is saved (ballots typed
        ahead keep their order and their numbers). typed: the field's text it was read from, when it is still there
        (F5), to clear; after Enter the field is already empty, or holds the next ballot's first keys."""
        record, lang = self.record, self.lang
        if record.passes > 1 and not self.pass_chosen:  # with double entry, say which pass this terminal enters
            self.action_next_pass()
            return
        election, pass_no, correcting, poll = record.election, self.pass_no, self.correcting, self.poll
        candidates, seats, form = len(record.candidates), record.seats, record.form
        if correcting is None:
            self._pending += 1

        def saved(outcome) -> None:
            if correcting is None:
                self._pending -= 1
            verdict = judge(reading, candidates, seats)
            key = "count.saved_valid" if verdict.valid else "count.saved_invalid"
            self.say(say(key, lang, n=outcome.value, reading=_describe(reading, lang, form),
                         reason=reason_text(verdict.reason, lang)))
            self.refresh_state([])

        def refused(error: BaseException, dropped: int) -> None:
            if correcting is None:
                self._pending = max(0, self._pending - 1 - dropped)
            self.say_error(error, dropped)
            self.refresh_state([])

        # a new ballot takes the next number under the store's lock: two terminals never share one
        self.run_command(lambda s: s.voting.enter_ballot(election, reading, pass_no, correcting, poll), saved, refused,
                         sequence=self._sequence)
        self.correcting = None
        if typed is not None and self.query_one("#reading", Input).value == typed:
            self._put_reading("")
        self.refresh_state([])

    def action_invalid(self) -> None:
        record, lang = self.record, self.lang
        if record is None or record.closed:
            return

        def answered(reason: str) -> None:
            base, typed = Reading(), self.query_one("#reading", Input).value
            try:
                base = parse_entry(typed, record)
            except ReadingError:
                pass
            self._commit(Reading(base.struck, base.unclear, reason), typed)

        self.app.push_screen(*invalid_reason_dialog(lang, answered))

    def action_take_back(self) -> None:
        record, lang = self.record, self.lang
        if record is None or record.closed:
            return
        election, pass_no, poll = record.election, self.pass_no, self.poll
        self.run_command(lambda s: s.voting.withdraw_ballot(election, pass_no, poll=poll),
                         lambda outcome: self.say(say("count.taken_back", lang, n=outcome.value)),
                         sequence=self._sequence)

    def action_correct(self) -> None:
        """F7: pick the ballot to correct in the list of those entered (↑/↓ or its number, Enter; Esc: back)."""
        record, lang = self.record, self.lang
        if record is None or record.closed:
            return
        if not record.readings.get(self.pass_no):
            self.say(say("count.none_entered", lang, pass_no=self.pass_no), ok=False)
            return
        self.query_one(BallotList).pick()
        self.say(say("count.pick", lang))

    def on_data_table_row_selected(self, event: BallotList.RowSelected) -> None:
        if event.data_table.id == "ballots":
            self._correct(int(event.row_key.value))

    def _correct(self, number: int) -> None:
        record = self.record
        entered = record.readings.get(self.pass_no, {}) if record is not None and not record.closed else {}
        if number not in entered:
            return
        self.correcting = number
        self._put_reading(entry_text(entered[number])).focus()
        self.clear_feedback()
        self.refresh_state([])

    def action_clear_reading(self) -> None:
        """Esc: back from the list to the field; leave a correction; clear what was typed, and the message."""
        ballots = self.query_one(BallotList)
        if ballots.has_focus:
            self.query_one("#reading", Input).focus()
        else:
            self.correcting = None
            self._put_reading("")
        self.clear_feedback()
        self.refresh_state([])

    def action_next_pass(self) -> None:
        """Choose this terminal's pass: each clerk enters the whole stack as one pass."""
        record, lang = self.record, self.lang
        if record is None:
            return
        passes = [str(p) for p in range(1, record.passes + 1)]

        def answered(text: str | None) -> None:
            if text:
                self.pass_no, self.pass_chosen, self.correcting = int(text), True, None
                self.say(say("count.pass_now", lang, pass_no=self.pass_no))
                self.refresh_state([])
                self.query_one("#reading", Input).focus()

        self.app.push_screen(AskScreen(say("count.pass_title", lang),
                                       say("count.pass_label", lang, passes=record.passes), lang,
                                       value=str(self.pass_no), restrict=r"[0-9]*",
                                       check=lambda s: None if s in passes else say("count.pass_label", lang,
                                                                                    passes=record.passes)),
                             answered)

    def action_resolve(self) -> None:
        record, lang = self.record, self.lang
        if record is None or record.closed:
            return
        mismatches = record.mismatches()
        if not mismatches:
            self.say(say("count.no_mismatch", lang))
            return
        number = next(iter(mismatches))
        readings = [_describe(r, lang, record.form) if r else "—" for r in mismatches[number]]
        sides = "\n".join(say("count.pass_reading", lang, pass_no=i, reading=reading)
                          for i, reading in enumerate(readings, start=1))

        def check(text: str) -> str | None:
            try:
                parse_entry(text, record)
            except ReadingError as exc:
                return exc.text(lang)
            return None

        def answered(text: str | None) -> None:
            if text is None:
                return
            reading, election, poll = parse_entry(text, record), record.election, self.poll
            self.run_command(lambda s: s.voting.resolve_ballot(election, number, reading, poll),
                             lambda _: self.say(say("count.resolved", lang, n=number)))

        self.app.push_screen(AskScreen(say("count.resolve_title", lang, n=number), say("count.resolve_label", lang),
                                       lang, hint=sides, check=check), answered)

    def action_collected(self) -> None:
        record, lang = self.record, self.lang
        if record is None or record.closed:
            return
        election, poll = record.election, self.poll

        def answered(text: str | None) -> None:
            if text:
                self.run_command(lambda s: s.voting.record_collected(election, int(text), poll),
                                 lambda _: self.say(say("count.collected", lang, n=int(text))))

        self.app.push_screen(AskScreen(say("count.collected_title", lang), say("count.close_label", lang), lang,
                                       restrict=r"[0-9]*",
                                       check=lambda s: None if s.isdigit() else say("count.need_number", lang)),
                             answered)

    def action_issued(self) -> None:
        """Correct the ballots issued (a latecomer given a ballot after the round opened)."""
        record, lang = self.record, self.lang
        if record is None or record.closed:
            return
        if self.poll:
            self.say(say("count.poll_no_issued", lang), ok=False)
            return
        election = record.election

        def answered(text: str | None) -> None:
            if text and text.isdigit():
                self.run_command(lambda s: s.voting.set_issued(election, int(text)),
                                 lambda _: self.say(say("count.issued", lang, n=int(text))))

        self.app.push_screen(AskScreen(say("count.issued_title", lang), say("count.issued_label", lang), lang,
                                       value=str(record.issued), restrict=r"[0-9]*",
                                       check=lambda s: None if s.isdigit() else say("count.need_number", lang)),
                             answered)

    def action_close_count(self) -> None:
        record, lang = self.record, self.lang
        if record is None or record.closed:
            return
        default = "" if record.collected is None else str(record.collected)  # the box is counted, not assumed
        election, poll = record.election, self.poll

        def close(session, count: int):
            return session.voting.close_poll(election, count) if poll else session.voting.close_round(election, count)

        def answered(text: str | None) -> None:
            if text:
                self.run_command(lambda s: close(s, int(text)),
                                 lambda _: self.say(say("count.closed_now", lang)))

        self.app.push_screen(AskScreen(say("count.close_title", lang), say("count.close_label", lang), lang,
                                       value=default, restrict=r"[0-9]*",
                                       check=lambda s: None if s.isdigit() else say("count.need_number", lang)),
                             answered)



def _describe(reading: Reading, lang: str, form: str = "strike") -> str:
    parts = []
    if reading.struck:
        key = "count.disagree" if form == APPROVE else "count.struck"
        parts.append(say(key, lang, numbers=" ".join(map(str, sorted(reading.struck)))))
    if reading.unclear:
        parts.append(say("count.unclear", lang, numbers=" ".join(map(str, sorted(reading.unclear)))))
    if reading.invalid:
        parts.append(reason_text(reading.invalid, lang))
    return "; ".join(parts) or say("count.all_agree" if form == APPROVE else "count.nothing_struck", lang)

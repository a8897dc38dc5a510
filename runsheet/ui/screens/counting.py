"""The counting room: enter paper ballots fast (the struck numbers, Enter), see each ballot as read before it
is committed, double entry by passes, mismatches resolved by the head of the committee, live tallies, and the
reconciliation of ballots issued, collected and entered."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from ...errors import DomainError, StoreError
from ...i18n import t
from ...reports.digest import find_digest, may_be_digest, scan_placeholder, scan_report
from ...rules.election import APPROVE, PAPER_REASONS, Reading, ReadingError, RoundRecord, check_reading, judge
from ..widgets.feedback import Feedback
from ..widgets.tally_bars import TallyBars
from ..widgets.top_bar import TopBar
from .ask import AskScreen

if TYPE_CHECKING:
    from ..app import RunsheetApp


def parse_entry(text: str, record: RoundRecord) -> Reading:
    """What the clerk typed: the numbers struck ("3 7 12"); on the approve form "?N" marks name N unclear, and
    on a single-name approve ballot "?" alone means both or neither box marked; "!1", "!2", "!3" mark the
    ballot invalid for a reason only the paper shows (PAPER_REASONS). Raises ReadingError."""
    struck, unclear, invalid = set(), set(), None
    for token in text.replace(",", " ").split():
        if token.startswith("!"):
            index = token[1:]
            if not (index.isascii() and index.isdigit() and 1 <= int(index) <= len(PAPER_REASONS)):
                raise ReadingError("read.reason")
            invalid = PAPER_REASONS[int(index) - 1]
            continue
        target = struck
        if token.startswith("?"):
            target, token = unclear, token[1:]
            if not token and record.form == APPROVE and len(record.candidates) == 1:
                token = "1"
        if not (token.isascii() and token.isdigit()):
            raise ReadingError("read.token", token=token or "?")
        target.add(int(token))
    reading = Reading(frozenset(struck), frozenset(unclear), invalid)
    check_reading(reading, len(record.candidates), record.form)
    return reading


def reading_text(reading: Reading) -> str:
    """A reading written back the way a clerk types it (for a correction)."""
    words = [str(n) for n in sorted(reading.struck)] + [f"?{n}" for n in sorted(reading.unclear)]
    if reading.invalid in PAPER_REASONS:
        words.append(f"!{PAPER_REASONS.index(reading.invalid) + 1}")
    return " ".join(words) + (" " if words else "")


def closed_number(text: str, candidates: int) -> bool:
    """Whether the number being typed at the end of text cannot grow (another digit would pass the last name
    number): the screen then types the space itself. With 6 names every digit is a whole number; with 200,
    "47" and "103" are, "12" is not."""
    digits = len(text) - len(text.rstrip("0123456789"))
    if digits == 0:
        return False
    number = int(text[-digits:])
    return number > 0 and number * 10 > candidates


def keystrokes(numbers: list[int], candidates: int) -> int:
    """Keys a clerk presses for a ballot with these names struck, spaces the screen adds not counted, Enter
    included."""
    count, text = 0, ""
    for number in numbers:
        if text and not text.endswith(" "):
            text += " "
            count += 1
        for digit in str(number):
            text += digit
            count += 1
            if closed_number(text, candidates):
                text += " "
    return count + 1


class CountingScreen(Screen):
    app: RunsheetApp

    def __init__(self) -> None:
        super().__init__()
        self._ready = False
        self.election: str | None = None
        self.pass_no = 1
        self.correcting: int | None = None
        self.pass_chosen = False  # with double entry, the clerk says which pass this terminal enters
        self._round: tuple | None = None  # (election, round) shown, to start afresh when a new round opens
        self._typed = ""  # the reading field's last value, to tell typing from deleting

    def compose(self) -> ComposeResult:
        yield TopBar(self.app.session.state.scenario.congress.title, id="topbar")
        yield Static("", id="round-info")
        with Horizontal(id="body"):
            with Vertical(id="count-main"):
                yield Static("", id="ballot-no")
                yield Input(id="reading", placeholder=t("count.placeholder", self.app.lang))
                yield Feedback(id="count-feedback")
                with VerticalScroll(id="preview-box"):
                    yield Static("", id="preview")
            with VerticalScroll(id="count-side"):
                yield Static("", id="reconcile")
                yield TallyBars(id="tally")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._ready = True
        self.election = self._default_election()
        self.refresh_live()
        self.query_one("#reading", Input).focus()

    def on_screen_resume(self) -> None:
        if self.election is None or self.app.session.state.open_round(self.election) is None:
            self.election = self._default_election()
        self.refresh_live()

    def _default_election(self) -> str | None:
        state = self.app.session.state
        for election_id in state.scenario.elections:
            if state.open_round(election_id) is not None:
                return election_id
        closed = [(r.number, e) for e, rounds in state.rounds.items() for r in rounds]
        return max(closed)[1] if closed else next(iter(state.scenario.elections), None)

    @property
    def record(self) -> RoundRecord | None:
        return self.app.session.state.current_round(self.election) if self.election else None

    # ---- what the screen shows --------------------------------------------------------------------------------
    def refresh_live(self) -> None:
        if not self._ready:
            return
        session, lang = self.app.session, self.app.lang
        state = session.state
        current = self.record
        if current is None or current.closed is not None:
            self.election = self._default_election()  # another election's round may have opened
        record = self.record
        key = (record.election, record.number) if record else None
        if key != self._round:
            self._round, self.pass_no, self.pass_chosen, self.correcting = key, 1, False, None
        self.query_one(TopBar).show(state, session.now(), lang)
        record = self.record
        info = self.query_one("#round-info", Static)
        if record is None:
            info.update(t("count.no_round", lang))
            self.query_one("#ballot-no", Static).update("")
            self.query_one(TallyBars).show(None, lang)
            self.query_one("#reconcile", Static).update("")
            return
        title = state.scenario.elections[record.election].title
        state_key = "count.closed" if record.closed else "count.open"
        d = record.closed["denominator"] if record.closed else state.figures().denominator
        info.update(t("count.round", lang, title=title, round=record.number, form=t(f"form.{record.form}", lang),
                      seats=record.seats, n=len(record.candidates), d=d,
                      pass_no=self.pass_no, passes=record.passes, state=t(state_key, lang)))
        placeholder = "count.placeholder"
        if record.form == APPROVE:
            placeholder = "count.placeholder_one" if len(record.candidates) == 1 else "count.placeholder_approve"
        field = self.query_one("#reading", Input)
        # once closed, the field takes the QR code of the counting minutes (checked against the store)
        field.placeholder = scan_placeholder(lang) if record.closed else t(placeholder, lang)
        if record.closed is not None:
            elected = ", ".join(c["name"] for c in sorted(record.closed["candidates"], key=lambda c: -c["votes"])
                                if c["elected"]) or t("script.nobody", lang)
            self.query_one("#ballot-no", Static).update(t("count.done", lang, elected=elected))
        else:
            number = self.correcting or record.next_ballot(self.pass_no)
            key = "count.correcting" if self.correcting else "count.ballot"
            if not self.correcting and number > record.issued:  # every ballot issued is entered on this pass
                key = "count.all_entered"
            self.query_one("#ballot-no", Static).update(t(key, lang, n=number, issued=record.issued))
        result = session.live_results(record.election)
        self.query_one(TallyBars).show(result, lang)
        self.query_one("#reconcile", Static).update(self._reconciliation(record, result))
        self._preview()

    def _reconciliation(self, record: RoundRecord, result: dict) -> Text:
        lang = self.app.lang
        text = Text()
        ballots = result["ballots"]
        text.append(t("count.issued", lang, n=record.issued) + "\n", style="bold")
        for pass_no in range(1, record.passes + 1):
            text.append(t("count.entered", lang, pass_no=pass_no, n=record.entered(pass_no)) + "\n")
        if record.passes > 1:
            text.append(t("count.agreed", lang, n=len(record.agreed())) + "\n")
        text.append(t("count.valid", lang, valid=ballots["valid"], invalid=ballots["invalid"]) + "\n")
        for reason, n in sorted(ballots.get("invalid_reasons", {}).items()):
            text.append(f"  – {_reason(reason, lang)}: {n}\n")
        if record.closed or record.collected is not None:
            collected = ballots["collected"] if record.closed else record.collected
            text.append(t("count.collected", lang, n=collected) + "\n", style="bold")
        mismatches = record.mismatches()
        if mismatches:
            text.append(t("count.mismatches", lang, ballots=", ".join(map(str, mismatches))) + "\n",
                        style="bold red")
        return text

    def _preview(self) -> None:
        """The ballot as it will be read: struck names struck through, names kept against seats, valid or not."""
        record, lang = self.record, self.app.lang
        preview = self.query_one("#preview", Static)
        if record is None or record.closed:
            preview.update("")
            return
        names = [self.app.session.state.roster.get(c).name for c in record.candidates]
        try:
            reading = parse_entry(self.query_one("#reading", Input).value, record)
        except ReadingError as exc:
            preview.update(Text(exc.text(lang), style="bold red"))
            return
        verdict = judge(reading, len(names), record.seats)
        text = Text()
        for number, name in enumerate(names, start=1):
            if number in reading.struck:
                mark = "✗" if record.form == APPROVE else "—"
                text.append(f" {mark} {number:>3}. {name}\n", style="strike dim")
            elif number in reading.unclear:
                text.append(f" ? {number:>3}. {name}\n", style="yellow")
            else:
                text.append(f" ✓ {number:>3}. {name}\n", style="bold")
        key = "count.kept" if record.form != APPROVE else "count.agreed_names"
        text.append("\n" + t(key, lang, kept=verdict.kept, seats=record.seats) + "  ")
        if verdict.valid:
            text.append(t("count.is_valid", lang), style="bold green")
        else:
            text.append(t("count.is_invalid", lang, reason=_reason(verdict.reason, lang)), style="bold red")
        preview.update(text)

    def _say(self, text: str, ok: bool = True) -> None:
        self.query_one("#count-feedback", Feedback).say(text, ok)

    # ---- entering ballots ---------------------------------------------------------------------------------
    def on_input_changed(self, event: Input.Changed) -> None:
        record, field = self.record, event.input
        grew = len(field.value) > len(self._typed)  # never on a deletion, or backspace could not pass a space
        self._typed = field.value
        if may_be_digest(field.value):  # a scanner typing a digest: no spaces after its digits, no preview
            return
        if (record is not None and grew and field.cursor_position == len(field.value)
                and closed_number(field.value, len(record.candidates))):
            field.value += " "  # fires Changed again, which then finds a space at the end
            field.cursor_position = len(field.value)
            return
        self._preview()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if find_digest(event.value) is not None:  # the QR code of counting minutes: does the paper match the store?
            self._say(*scan_report(self.app.session.path, find_digest(event.value), self.app.lang))
            self._typed = event.input.value = ""
            return
        record = self.record
        if record is not None and record.closed and event.value.strip():  # no ballot enters a closed count
            self._say(f"{t('count.closed', self.app.lang)}: {scan_placeholder(self.app.lang)}", ok=False)
            self._typed = event.input.value = ""
            return
        if record is None or record.closed:
            return
        try:
            reading = parse_entry(event.value, record)
        except ReadingError as exc:
            self._say(exc.text(self.app.lang), ok=False)
            return
        self._commit(reading)

    def _commit(self, reading: Reading) -> None:
        record, lang, session = self.record, self.app.lang, self.app.session
        if record.passes > 1 and not self.pass_chosen:  # with double entry, say which pass this terminal enters
            self.action_next_pass()
            return
        try:
            # a new ballot takes the next number under the store's lock: two terminals never share one
            events = session.enter_ballot(record.election, reading, self.pass_no, self.correcting)
        except (DomainError, StoreError) as exc:
            self._say(exc.text(lang) if isinstance(exc, DomainError) else str(exc), ok=False)
            return
        number = events[0].data["ballot"]
        verdict = judge(reading, len(record.candidates), record.seats)
        summary = _describe(reading, lang, record.form)
        key = "count.saved_valid" if verdict.valid else "count.saved_invalid"
        self._say(t(key, lang, n=number, reading=summary, reason=_reason(verdict.reason, lang)))
        self.correcting = None
        self.query_one("#reading", Input).value = ""
        self.refresh_live()

    def action_invalid(self) -> None:
        record, lang = self.record, self.app.lang
        if record is None or record.closed:
            return
        choices = {str(i): reason for i, reason in enumerate(PAPER_REASONS, start=1)}
        hint = "\n".join(f"{i} = {_reason(reason, lang)}" for i, reason in choices.items())

        def answered(text: str | None) -> None:
            if text:
                base = Reading()
                try:
                    base = parse_entry(self.query_one("#reading", Input).value, record)
                except ReadingError:
                    pass
                self._commit(Reading(base.struck, base.unclear, choices.get(text, text)))

        def check(text: str) -> str | None:
            if not text:
                return t("desk.reason.empty", lang)
            if text.isdigit() and text not in choices:
                return t("count.invalid_label", lang)
            return None

        self.app.push_screen(AskScreen(t("count.invalid_title", lang), t("count.invalid_label", lang), lang,
                                       hint=hint, check=check), answered)

    def action_take_back(self) -> None:
        record, lang = self.record, self.app.lang
        if record is None or record.closed:
            return
        try:
            events = self.app.session.withdraw_ballot(record.election, self.pass_no)
        except DomainError as exc:
            self._say(exc.text(lang), ok=False)
            return
        self._say(t("count.taken_back", lang, n=events[0].data["ballot"]))
        self.refresh_live()

    def action_correct(self) -> None:
        record, lang = self.record, self.app.lang
        if record is None or record.closed:
            return
        entered = record.readings.get(self.pass_no, {})

        def check(text: str) -> str | None:
            return None if text.isdigit() and int(text) in entered else t("count.no_such_ballot", lang)

        def answered(text: str | None) -> None:
            if text:
                self.correcting = int(text)
                field = self.query_one("#reading", Input)
                self._typed = field.value = reading_text(entered[int(text)])
                field.cursor_position = len(field.value)
                field.focus()
                self.refresh_live()

        self.app.push_screen(AskScreen(t("count.correct_title", lang), t("count.correct_label", lang), lang,
                                       check=check, restrict=r"[0-9]*"), answered)

    def action_cancel_correction(self) -> None:
        if self.correcting is not None:
            self.correcting = None
            self._typed = self.query_one("#reading", Input).value = ""
            self.refresh_live()

    def action_next_pass(self) -> None:
        """Choose this terminal's pass: each clerk enters the whole stack as one pass."""
        record, lang = self.record, self.app.lang
        if record is None:
            return
        passes = [str(p) for p in range(1, record.passes + 1)]

        def answered(text: str | None) -> None:
            if text:
                self.pass_no, self.pass_chosen, self.correcting = int(text), True, None
                self._say(t("count.pass_now", lang, pass_no=self.pass_no))
                self.refresh_live()
                self.query_one("#reading", Input).focus()

        self.app.push_screen(AskScreen(t("count.pass_title", lang), t("count.pass_label", lang, passes=record.passes),
                                       lang, value=str(self.pass_no), restrict=r"[0-9]*",
                                       check=lambda s: None if s in passes else t("count.pass_label", lang,
                                                                                  passes=record.passes)),
                             answered)

    def action_resolve(self) -> None:
        record, lang = self.record, self.app.lang
        if record is None or record.closed:
            return
        mismatches = record.mismatches()
        if not mismatches:
            self._say(t("count.no_mismatch", lang))
            return
        number = next(iter(mismatches))
        readings = [_describe(r, lang, record.form) if r else "—" for r in mismatches[number]]
        sides = "\n".join(t("count.pass_reading", lang, pass_no=i, reading=reading)
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
            try:
                self.app.session.resolve_ballot(record.election, number, parse_entry(text, record))
            except DomainError as exc:
                self._say(exc.text(lang), ok=False)
                return
            self._say(t("count.resolved", lang, n=number))
            self.refresh_live()

        self.app.push_screen(AskScreen(t("count.resolve_title", lang, n=number), t("count.resolve_label", lang),
                                       lang, hint=sides, check=check), answered)

    def action_collected(self) -> None:
        record, lang = self.record, self.app.lang
        if record is None or record.closed:
            return

        def answered(text: str | None) -> None:
            if text:
                try:
                    self.app.session.record_collected(record.election, int(text))
                except DomainError as exc:
                    self._say(exc.text(lang), ok=False)
                    return
                self._say(t("count.collected", lang, n=int(text)))
                self.refresh_live()

        self.app.push_screen(AskScreen(t("count.collected_title", lang), t("count.close_label", lang), lang,
                                       restrict=r"[0-9]*",
                                       check=lambda s: None if s.isdigit() else t("count.need_number", lang)),
                             answered)

    def action_issued(self) -> None:
        """Correct the ballots issued (a latecomer given a ballot after the round opened)."""
        record, lang = self.record, self.app.lang
        if record is None or record.closed:
            return

        def answered(text: str | None) -> None:
            if text and text.isdigit():
                try:
                    self.app.session.set_issued(record.election, int(text))
                except DomainError as exc:
                    self._say(exc.text(lang), ok=False)
                    return
                self._say(t("count.issued", lang, n=int(text)))
                self.refresh_live()

        self.app.push_screen(AskScreen(t("count.issued_title", lang), t("count.issued_label", lang), lang,
                                       value=str(record.issued), restrict=r"[0-9]*",
                                       check=lambda s: None if s.isdigit() else t("count.need_number", lang)),
                             answered)

    def action_close_count(self) -> None:
        record, lang = self.record, self.app.lang
        if record is None or record.closed:
            return
        default = "" if record.collected is None else str(record.collected)  # the box is counted, not assumed

        def answered(text: str | None) -> None:
            if not text:
                return
            try:
                self.app.session.close_round(record.election, int(text))
            except DomainError as exc:
                self._say(exc.text(lang), ok=False)
                return
            self._say(t("count.closed_now", lang))
            self.refresh_live()

        self.app.push_screen(AskScreen(t("count.close_title", lang), t("count.close_label", lang), lang,
                                       value=default, restrict=r"[0-9]*",
                                       check=lambda s: None if s.isdigit() else t("count.need_number", lang)),
                             answered)


def _reason(reason: str | None, lang: str) -> str:
    if reason is None:
        return ""
    key = f"reason.{reason}"
    try:
        return t(key, lang)
    except KeyError:
        return reason  # the committee's own words


def _describe(reading: Reading, lang: str, form: str = "strike") -> str:
    parts = []
    if reading.struck:
        key = "count.disagree" if form == APPROVE else "count.struck"
        parts.append(t(key, lang, numbers=" ".join(map(str, sorted(reading.struck)))))
    if reading.unclear:
        parts.append(t("count.unclear", lang, numbers=" ".join(map(str, sorted(reading.unclear)))))
    if reading.invalid:
        parts.append(_reason(reading.invalid, lang))
    return "; ".join(parts) or t("count.all_agree" if form == APPROVE else "count.nothing_struck", lang)

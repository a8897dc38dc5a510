"""The review of a ballot the scanner was not sure of (counting screen, Ctrl+R): its picture at the terminal's
resolution (the small preview the scanner kept beside the image), the full image's path to open, the machine's
reading with the lines it was not sure of marked; Enter accepts the machine's reading, numbers typed correct it, F5
says it is invalid and why, Esc leaves it for later. What is entered is this terminal's reading, a person's: the
scanner's own pass never settles a ballot."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Static

from ...rules.ballot_entry import parse_entry
from ...rules.election import APPROVE, Queued, Reading, ReadingError, RoundRecord, judge
from ...store import scan_preview
from ...texts import say
from ..widgets.ballot_image import BallotImage
from .invalid_reason import invalid_reason_dialog, reason_text
from .form import FormScreen


@dataclass(frozen=True)
class Reviewed:
    """What the review entered: the ballot, its reading, and whether it was the machine's reading accepted."""

    ballot: int
    reading: Reading
    accepted: bool


class ScanReviewScreen(FormScreen[Reviewed | None]):
    DEFAULT_CSS = """
    ScanReviewScreen { align: center middle; }
    ScanReviewScreen #review { width: 96%; max-width: 120; height: 96%; padding: 0 1; border: thick $warning;
                               background: $surface; }
    ScanReviewScreen #review-title { text-style: bold; height: auto; }
    ScanReviewScreen #review-body { height: 1fr; }
    ScanReviewScreen #review-picture { width: 42%; max-width: 48; height: 1fr; margin-right: 1; }
    ScanReviewScreen #review-side { width: 1fr; height: 1fr; }
    ScanReviewScreen #review-missing { color: $text-warning; height: auto; }
    ScanReviewScreen #review-path { color: $text-muted; height: auto; }
    ScanReviewScreen #review-reading { height: 1fr; overflow-y: auto; }
    ScanReviewScreen #review-keys { color: $text-muted; height: auto; }
    """
    BINDINGS = [Binding("escape", "cancel", show=False), Binding("f5", "invalid", show=False)]

    def __init__(self, record: RoundRecord, names: list[str], pass_no: int, ballot: int, queued: Queued,
                 lang: str) -> None:
        super().__init__()
        self.record, self.names, self.pass_no, self.ballot, self.queued, self.lang = (record, names, pass_no, ballot,
                                                                                     queued, lang)

    def compose(self) -> ComposeResult:
        lang, queued = self.lang, self.queued
        with Vertical(id="review"):
            title = say("review.title", lang, n=self.ballot, pass_no=self.pass_no)
            if queued.rows:
                title += " · " + say("review.doubt", lang, rows=", ".join(map(str, queued.rows)))
            if queued.outside:
                title += " · " + say("review.outside", lang)
            yield Static(title, id="review-title", markup=False)
            with Horizontal(id="review-body"):
                with Vertical(id="review-picture"):
                    yield Static(say("review.loading", lang), id="review-missing", markup=False)
                with Vertical(id="review-side"):
                    yield Static("", id="review-path", markup=False)
                    yield Static("", id="review-reading", markup=False)
                    yield Input(id="review-entry", placeholder=say("review.placeholder", lang))
                    yield Static("", id="error", markup=False)
                    yield Static(say("review.keys", lang), id="review-keys", markup=False)

    def on_mount(self) -> None:
        self._show_reading("")
        self.query_one(Input).focus()
        election, round_no, image = self.record.election, self.record.number, self.queued.image

        def look(session):  # files beside the store: read by the store worker, never on the screen's thread
            if not image:
                return None, None
            return (scan_preview.read(session.path, election, round_no, image),
                    _near(scan_preview.image_path(session.path, election, round_no, image)))

        self.app.run_command(self, look, self._show_picture, lambda error, _: self._show_picture((None, None)))

    def _show_picture(self, found) -> None:
        if not self.is_mounted:
            return
        grey, path = found
        lang = self.lang
        self.query_one("#review-path", Static).update(
            say("review.image", lang, path=str(path) if path else say("review.no_image", lang)))
        missing = self.query_one("#review-missing", Static)
        if grey is None:
            missing.update(say("review.no_preview", lang))
            return
        missing.display = False
        self.query_one("#review-picture").mount(BallotImage(grey, id="review-image"))

    # ---- what is shown: the machine's reading, or what the clerk types instead ---------------------------------
    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#error", Static).update("")
        self._show_reading(event.value)

    def _show_reading(self, typed: str) -> None:
        lang, record, queued = self.lang, self.record, self.queued
        reading, heading = queued.guess, None
        if typed.strip():
            try:
                reading = parse_entry(typed, record)
            except ReadingError as exc:
                self.query_one("#review-reading", Static).update(Text(exc.text(lang), style="bold red"))
                return
            heading = say("review.typed", lang, reading=_numbers(reading, lang, record.form))
        elif reading is None:
            heading = say("review.machine", lang, reading=say("review.no_guess", lang))
        else:
            heading = say("review.machine", lang, reading=_numbers(reading, lang, record.form))
        text = Text(heading + "\n", style="bold")
        shown = reading or Reading()
        if reading is not None:
            verdict = judge(reading, len(self.names), record.seats)
            key = "count.kept" if record.form != APPROVE else "count.agreed_names"
            text.append(say(key, lang, kept=verdict.kept, seats=record.seats) + "  ")
            if verdict.valid:
                text.append(say("count.is_valid", lang), style="bold green")
            else:
                text.append(say("count.is_invalid", lang, reason=reason_text(verdict.reason, lang)), style="bold red")
            text.append("\n")
        for number, name in enumerate(self.names, start=1):
            unsure = number in queued.rows
            if number in shown.struck:
                mark, style = ("✗" if record.form == APPROVE else "—"), "strike dim"
            elif number in shown.unclear:
                mark, style = "?", "yellow"
            else:
                mark, style = "✓", "bold"
            text.append(f" {mark} {number:>3}. {name}", style=style)
            if unsure:
                text.append(f"  ◀ {say('review.unsure', lang)}", style="bold reverse yellow")
            text.append("\n")
        text.rstrip()
        self.query_one("#review-reading", Static).update(text)

    # ---- entering it -----------------------------------------------------------------------------------------
    def submit(self) -> None:
        typed = self.query_one(Input).value
        if not typed.strip():
            if self.queued.guess is None:
                self.query_one("#error", Static).update(say("review.type_it", self.lang))
                return
            self._enter(self.queued.guess, accepted=True)
            return
        try:
            reading = parse_entry(typed, self.record)
        except ReadingError as exc:
            self.query_one("#error", Static).update(exc.text(self.lang))
            return
        self._enter(reading, accepted=False)

    def _enter(self, reading: Reading, accepted: bool) -> None:
        election, ballot, pass_no = self.record.election, self.ballot, self.pass_no
        self.save_then_close(lambda s: s.voting.enter_reviewed(election, ballot, reading, pass_no),
                             Reviewed(ballot, reading, accepted))

    def action_invalid(self) -> None:
        """F5: invalid, with the reason (as on the counting screen): the names struck are those typed, else the
        machine's."""
        try:
            base = parse_entry(self.query_one(Input).value, self.record)
        except ReadingError:
            base = Reading()
        if not base.struck and not base.unclear and self.queued.guess is not None:
            base = self.queued.guess

        def answered(reason: str) -> None:
            self._enter(Reading(base.struck, base.unclear, reason), accepted=False)

        self.app.push_screen(*invalid_reason_dialog(self.lang, answered))


def _near(path: Path | None) -> Path | None:
    """A path under the folder runsheet runs in, said from there (shorter to read and to type); else in full."""
    if path is None:
        return None
    try:
        return path.resolve().relative_to(Path.cwd())
    except ValueError:
        return path.resolve()


def next_to_review(record: RoundRecord, pass_no: int, after: int = 0) -> int | None:
    """The next ballot waiting for review on the pass after the one last opened (Esc left it), round to the first."""
    waiting = record.to_review(pass_no)
    return next((n for n in waiting if n > after), waiting[0] if waiting else None)


def _numbers(reading: Reading, lang: str, form: str) -> str:
    """A reading in the clerk's own notation: the numbers struck, ?n unclear, and the reason it is invalid."""
    parts = [" ".join(map(str, sorted(reading.struck)))] if reading.struck else []
    parts += [f"?{n}" for n in sorted(reading.unclear)]
    if reading.invalid:
        parts.append(reason_text(reading.invalid, lang))
    return " ".join(parts) or say("count.all_agree" if form == APPROVE else "scan.out.none", lang)


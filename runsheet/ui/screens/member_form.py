"""The desk's dialog to add a member who is not on the roster, or to correct one (the same form, id fixed).

Enter moves from field to field and saves on the last, Ctrl+S saves from any field, Esc gives up. The status
is chosen with ←/→, the flags are ticked with ↑/↓ and Space. A refusal (a duplicate id, an empty name) is shown
in the dialog, which stays open with the field to fix focused."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, SelectionList, Static

from ...errors import DomainError
from ...texts import say
from ...rules.roster import FLAGS, STATUSES, Member
from .form import Command, FormScreen

STATUS_TEXT = {"official": "member.status.official", "probationary": "member.status.probationary"}
FLAG_TEXT = {"exempt": "member.flag.exempt", "transferred": "member.flag.transferred",
             "suspended": "member.flag.suspended", "alternate": "member.flag.alternate"}


@dataclass(frozen=True)
class MemberFields:
    id: str
    name: str
    status: str
    flags: tuple[str, ...]


class StatusChoice(RadioSet, inherit_bindings=False):
    """The status: ←/→ (or ↑/↓) choose at once; Enter is left to the dialog (the next field)."""

    BINDINGS = [
        Binding("right,down", "choose(1)", show=False),
        Binding("left,up", "choose(-1)", show=False),
        Binding("space", "toggle_button", show=False),
    ]

    def action_choose(self, direction: int) -> None:
        if direction > 0:
            self.action_next_button()
        else:
            self.action_previous_button()
        self.action_toggle_button()


class FlagChoice(SelectionList[str], inherit_bindings=False):
    """The flags: ↑/↓ move, Space ticks; Enter is left to the dialog (save)."""

    BINDINGS = [
        Binding("down", "cursor_down", show=False),
        Binding("up", "cursor_up", show=False),
        Binding("home", "first", show=False),
        Binding("end", "last", show=False),
        Binding("space", "select", show=False),
    ]


def next_id(ids: Iterable[str]) -> str:
    """The id after the roster's highest, in its most common pattern ("DV20" -> "DV21"); "" when there is none."""
    ids = list(ids)
    numbered = [(m.group(1), m.group(2)) for m in (re.fullmatch(r"(.*?)(\d+)", i) for i in ids) if m]
    if not numbered:
        return ""
    prefix = Counter(p for p, _ in numbered).most_common(1)[0][0]
    digits = [d for p, d in numbered if p == prefix]
    width = max(len(d) for d in digits)
    taken = set(ids)
    n = max(int(d) for d in digits) + 1
    while f"{prefix}{n:0{width}d}" in taken:
        n += 1
    return f"{prefix}{n:0{width}d}"


class MemberFormScreen(FormScreen[MemberFields | None]):
    """save(fields) gives the command that saves them (None: nothing to save); the dialog closes once it is saved,
    and shows a refusal in place."""

    BINDINGS = [
        Binding("enter", "advance", show=False),  # reached from the status and the flags, which leave Enter alone
        Binding("ctrl+s", "save", show=False),
    ]

    def __init__(self, lang: str, save: Callable[[MemberFields], Command | None], member: Member | None = None,
                 alternates: bool = False, member_id: str = "", name: str = ""):
        super().__init__()
        self.lang, self.save, self.member = lang, save, member
        self.start = MemberFields(member.id, member.name, member.status, tuple(member.flags)) if member else \
            MemberFields(member_id, name, STATUSES[0], ())
        # "alternate" only means something in a congress of delegates (or on a member who already carries it)
        self.offered = [f for f in FLAGS if f != "alternate" or alternates or f in self.start.flags]

    def compose(self) -> ComposeResult:
        lang = self.lang
        title = (say("member.fix.title", lang, id=self.member.id) if self.member else say("member.add.title", lang))
        with Vertical(id="dialog", classes="-member"):
            yield Static(title, id="question", markup=False)
            with Grid(id="member-grid"):
                yield Label(say("member.id", lang), markup=False)
                yield Input(self.start.id, id="member-id", disabled=self.member is not None)
                yield Label(say("member.name", lang), markup=False)
                # a correction puts the cursor after the name rather than selecting it (a key would erase it)
                yield Input(self.start.name, id="member-name", select_on_focus=self.member is None)
                yield Label(say("member.status", lang), markup=False)
                with StatusChoice(id="member-status"):
                    for status in STATUSES:
                        yield RadioButton(say(STATUS_TEXT[status], lang), value=status == self.start.status)
                yield Label(say("member.flags", lang), markup=False)
                yield FlagChoice(*[(say(FLAG_TEXT[f], lang), f, f in self.start.flags) for f in self.offered],
                                 id="member-flags")
            yield Static("", id="error", markup=False)
            yield Static(say("member.keys", lang), id="hint", markup=False)
            with Horizontal(id="buttons"):
                yield Button(say("sec.save", lang), variant="primary", id="ok")
                yield Button(say("confirm.no", lang), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#member-name" if self.member else "#member-id", Input).focus()

    def _fields(self) -> list:
        return [w for w in (self.query_one("#member-id", Input), self.query_one("#member-name", Input),
                            self.query_one(StatusChoice), self.query_one(FlagChoice)) if w.focusable]

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter moves to the next field (not the base class's "Enter submits")."""
        event.prevent_default()
        self.action_advance()

    def action_advance(self) -> None:
        fields = self._fields()
        if self.focused in fields and self.focused is not fields[-1]:
            fields[fields.index(self.focused) + 1].focus()
        else:
            self.submit()

    def action_save(self) -> None:
        self.submit()

    def answer(self) -> MemberFields:
        status = STATUSES[max(0, self.query_one(StatusChoice).pressed_index)]
        chosen = set(self.query_one(FlagChoice).selected)
        return MemberFields(self.query_one("#member-id", Input).value.strip(),
                            " ".join(self.query_one("#member-name", Input).value.split()), status,
                            tuple(f for f in FLAGS if f in chosen))

    def submit(self) -> None:
        fields, error = self.answer(), self.query_one("#error", Static)
        for name, empty, key in (("id", not fields.id, "member.no_id"), ("name", not fields.name, "member.no_name")):
            if empty:
                error.update(say(key, self.lang))
                self.query_one(f"#member-{name}", Input).focus()
                return
        def refused(exc: BaseException) -> None:
            if isinstance(exc, DomainError) and exc.key == "err.member_exists":
                self.query_one("#member-id", Input).focus()

        self.save_then_close(self.save(fields), fields, refused)

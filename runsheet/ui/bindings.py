"""The one registry of key bindings: each screen takes its bindings from here, labelled in its language."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

from ..texts import t


@dataclass(frozen=True)
class Key:
    keys: str
    action: str
    label: str  # i18n key of the footer label; the palette uses it too, with help.<name> as its help text
    show: bool = True
    key_display: str | None = None


CHAIR = (
    Key("n", "next_step", "act.next"),
    Key("p", "previous_step", "act.previous"),
    Key("space", "toggle_pause", "act.pause", key_display="␣"),
    Key("plus,equals_sign", "adjust(1)", "act.add", key_display="+"),
    Key("minus", "adjust(-1)", "act.remove", key_display="−"),
    Key("shift+up,ctrl+up", "move(-1)", "act.up", show=False),  # rare: in the palette and the README
    Key("shift+down,ctrl+down", "move(1)", "act.down", show=False),
    Key("s", "skip", "act.skip"),
    Key("i", "insert", "act.insert"),
    Key("v", "vote", "act.vote"),
    Key("b", "open_round", "act.open_round"),
    Key("c", "publish", "act.publish"),
    Key("asterisk", "adjust(5)", "act.add5", show=False),
    Key("underscore", "adjust(-5)", "act.remove5", show=False),
    Key("q", "app.quit", "act.quit", show=False),  # ctrl+q quits on every screen
)

DESK = (
    Key("enter", "check_in", "act.check_in", show=False),
    Key("up", "cursor(-1)", "act.up", show=False),
    Key("down", "cursor(1)", "act.down", show=False),
    # function keys: the search field keeps every letter and ctrl key for typing
    Key("f5", "excuse", "act.excuse"),
    Key("f6", "leave", "act.leave"),
    Key("f7", "undo", "act.undo"),
    Key("f8", "add_member", "act.member_add"),
    Key("f9", "fix_member", "act.member_fix"),
    Key("f10", "replace", "act.replace"),  # a congress of members says why not
    Key("escape", "clear", "act.clear", show=False),  # in the palette; the footer keeps room for the F-keys
    Key("ctrl+q", "app.quit", "act.quit"),
)

COUNTING = (
    Key("f5", "invalid", "act.invalid"),
    Key("f6", "take_back", "act.take_back"),
    Key("f7", "correct", "act.correct"),
    Key("f8", "next_pass", "act.pass"),
    Key("f9", "resolve", "act.resolve"),
    Key("ctrl+t", "collected", "act.collected"),
    Key("ctrl+g", "issued", "act.issued", show=False),  # rare: in the palette and the README
    Key("f10", "close_count", "act.close_count"),
    Key("escape", "cancel_correction", "act.cancel_correction", show=False),
    Key("ctrl+q", "app.quit", "act.quit"),
)

SECRETARY = (
    # the entry field keeps the focus (typing adds a speaker): function keys act, space only on an empty field
    Key("enter", "add", "act.add_speaker", show=False),
    Key("up", "cursor(-1)", "act.up", show=False),
    Key("down", "cursor(1)", "act.down", show=False),
    Key("f5", "start", "act.give_floor"),
    Key("space,f6", "toggle_speech", "act.speech_pause", key_display="␣"),
    Key("f7", "end", "act.end_speech"),
    Key("f8", "notes", "act.notes"),
    Key("f9", "withdraw", "act.withdraw"),
    Key("f10", "officers", "act.officers"),
    Key("shift+up,ctrl+up", "move(-1)", "act.speaker_up", show=False),
    Key("shift+down,ctrl+down", "move(1)", "act.speaker_down", show=False),
    Key("pageup", "view(-1)", "act.step_before", key_display="PgUp"),
    Key("pagedown", "view(1)", "act.step_after", key_display="PgDn"),
    Key("escape", "clear", "act.back", show=False),
    Key("ctrl+q", "app.quit", "act.quit"),
)

PROJECTOR = (Key("ctrl+q", "app.quit", "act.quit", show=False),)  # nothing that writes

# switching screens, on a terminal not locked to one role
# F1: F5-F10 act on the desk's and the counting room's own screens, and F11 is the terminal's full screen
# (Windows Terminal, the Windows console, GNOME Terminal), never seen by the app
SWITCH = (
    Key("f2", "app.show('chair')", "act.chair"),
    Key("f1", "app.show('secretary')", "act.secretary"),
    Key("f3", "app.show('desk')", "act.desk"),
    Key("f4", "app.show('counting')", "act.counting"),
    Key("f12", "app.show('projector')", "act.projector"),
)


def bindings(keys: tuple[Key, ...], lang: str) -> list[Binding]:
    return [Binding(k.keys, k.action, t(k.label, lang), show=k.show, key_display=k.key_display) for k in keys]


def localized(screen_class: type, keys: tuple[Key, ...], lang: str) -> type:
    """A subclass of screen_class whose footer speaks lang (Textual reads BINDINGS per class)."""
    return type(screen_class.__name__, (screen_class,), {"BINDINGS": bindings(keys, lang), "KEYS": keys})


def palette_name(key: Key) -> str:
    """The i18n name shared by a key's palette title (palette.NAME) and help (help.NAME)."""
    return key.label.removeprefix("act.")

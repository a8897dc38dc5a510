"""The one registry of key bindings: each screen takes its bindings from here, labelled in its language; the command
palette lists them too, each with its own title and help."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

from ..texts import say


@dataclass(frozen=True)
class Key:
    keys: str
    action: str
    label: str  # the text key of the footer label
    palette: str | None  # the text keys of its title and help in the command palette; None: not in the palette
    help: str | None
    show: bool = True
    key_display: str | None = None
    short: str | None = None  # the text key of a shorter footer label, for a narrow screen (widgets/key_bar.py)
    id: str | None = None  # a binding's id (tests and keymaps find it by it); its help is then its tooltip too


CHAIR = (
    Key("n", "next_step", "act.next", "palette.next", "help.next"),
    Key("p", "previous_step", "act.previous", "palette.previous", "help.previous"),
    Key("space", "toggle_pause", "act.pause", "palette.pause", "help.pause", key_display="␣"),
    Key("plus,equals_sign", "adjust(1)", "act.add", "palette.add", "help.add", key_display="+"),
    Key("minus", "adjust(-1)", "act.remove", "palette.remove", "help.remove", key_display="−"),
    # rare: in the palette and the README
    Key("shift+up,ctrl+up", "move(-1)", "act.up", "palette.up", "help.up", show=False),
    Key("shift+down,ctrl+down", "move(1)", "act.down", "palette.down", "help.down", show=False),
    Key("s", "skip", "act.skip", "palette.skip", "help.skip"),
    Key("i", "insert", "act.insert", "palette.insert", "help.insert"),
    Key("v", "vote", "act.vote", "palette.vote", "help.vote"),
    Key("b", "open_round", "act.open_round", "palette.open_round", "help.open_round"),
    Key("c", "publish", "act.publish", "palette.publish", "help.publish"),
    Key("asterisk", "adjust(5)", "act.add5", "palette.add5", "help.add", show=False),
    Key("underscore", "adjust(-5)", "act.remove5", "palette.remove5", "help.remove", show=False),
    Key("m", "message", "act.message", "palette.message", "help.message", show=False),  # the hall's screens
    Key("q", "app.quit", "act.quit", None, None, show=False),  # ctrl+q quits on every screen
)

DESK = (
    Key("enter", "check_in", "act.check_in", "palette.check_in", "help.check_in", show=False),
    Key("up", "cursor(-1)", "act.up", None, None, show=False),
    Key("down", "cursor(1)", "act.down", None, None, show=False),
    # function keys: the search field keeps every letter and ctrl key for typing
    Key("f5", "excuse", "act.excuse", "palette.excuse", "help.excuse"),
    Key("f6", "leave", "act.leave", "palette.leave", "help.leave"),
    Key("f7", "undo", "act.undo", "palette.undo", "help.undo"),
    Key("f8", "add_member", "act.member_add", "palette.member_add", "help.member_add"),
    Key("f9", "fix_member", "act.member_fix", "palette.member_fix", "help.member_fix"),
    Key("f10", "replace", "act.replace", "palette.replace", "help.replace"),  # a congress of members says why not
    # papers printed once or twice a day: in the palette (their help names the key), the footer keeps the F-keys
    Key("ctrl+l", "attendance_sheet", "act.attendance_sheet", "palette.attendance_sheet", "help.attendance_sheet",
        show=False),
    Key("ctrl+t", "badges", "act.badges", "palette.badges", "help.badges", show=False),
    # in the palette; the footer keeps room for the F-keys
    Key("escape", "clear", "act.clear", "palette.clear", "help.clear", show=False),
    Key("ctrl+q", "app.quit", "act.quit", None, None),
)

COUNTING = (
    # the keys of every ballot first: a narrow footer keeps them, the rest is in the palette
    Key("f5", "invalid", "act.invalid", "palette.invalid", "help.invalid"),
    Key("f6", "take_back", "act.take_back", "palette.take_back", "help.take_back"),
    Key("f7", "correct", "act.correct", "palette.correct", "help.correct"),
    Key("escape", "clear_reading", "act.clear_reading", "palette.clear_reading", "help.clear_reading",
        key_display="esc"),
    # shown once the scanner has queued a ballot on the round (CountingScreen.check_action): a ballot's key too
    Key("ctrl+r", "review", "act.review", "palette.review", "help.review", id="counting.review"),
    Key("f10", "close_count", "act.close_count", "palette.close_count", "help.close_count"),
    Key("f9", "resolve", "act.resolve", "palette.resolve", "help.resolve"),
    Key("ctrl+t", "collected", "act.collected", "palette.collected", "help.collected"),
    Key("f8", "next_pass", "act.pass", "palette.pass", "help.pass"),
    Key("ctrl+g", "issued", "act.issued", "palette.issued", "help.issued", show=False),  # rare: palette and README
    Key("ctrl+o", "scanner", "act.scanner", "palette.scanner", "help.scanner", id="counting.scanner"),  # round of 2+
    Key("ctrl+q", "app.quit", "act.quit", None, None),
)

SECRETARY = (
    # the entry field keeps the focus (typing adds a speaker): function keys act, space only on an empty field
    Key("enter", "add", "act.add_speaker", "palette.add_speaker", "help.add_speaker", show=False),
    Key("up", "cursor(-1)", "act.up", None, None, show=False),
    Key("down", "cursor(1)", "act.down", None, None, show=False),
    Key("f5", "start", "act.give_floor", "palette.give_floor", "help.give_floor", short="short.give_floor"),
    Key("space,f6", "toggle_speech", "act.speech_pause", "palette.speech_pause", "help.speech_pause",
        key_display="␣", short="short.speech_pause"),
    Key("f7", "end", "act.end_speech", "palette.end_speech", "help.end_speech", short="short.end_speech"),
    Key("f8", "notes", "act.notes", "palette.notes", "help.notes", short="short.notes"),
    Key("f9", "withdraw", "act.withdraw", "palette.withdraw", "help.withdraw", short="short.withdraw"),
    Key("f10", "officers", "act.officers", "palette.officers", "help.officers"),
    Key("shift+up,ctrl+up", "move(-1)", "act.speaker_up", "palette.speaker_up", "help.speaker_up", show=False),
    Key("shift+down,ctrl+down", "move(1)", "act.speaker_down", "palette.speaker_down", "help.speaker_down",
        show=False),
    Key("pageup", "view(-1)", "act.step_before", "palette.step_before", "help.step_before", key_display="PgUp",
        short="short.step_before"),
    Key("pagedown", "view(1)", "act.step_after", "palette.step_after", "help.step_after", key_display="PgDn",
        short="short.step_after"),
    Key("escape", "clear", "act.back", "palette.back", "help.back", show=False),
    Key("ctrl+q", "app.quit", "act.quit", None, None, show=False),  # on every screen; the palette's "Quit" too
)

PROJECTOR = (Key("q,ctrl+q", "app.quit", "act.quit", None, None, show=False),)  # nothing that writes

# switching screens, on a terminal not locked to one role
# F1: F5-F10 act on the desk's and the counting room's own screens, and F11 is the terminal's full screen
# (Windows Terminal, the Windows console, GNOME Terminal), never seen by the app
SWITCH = (
    Key("f2", "app.show('chair')", "act.chair", "palette.chair", "help.chair"),
    Key("f1", "app.show('secretary')", "act.secretary", "palette.secretary", "help.secretary"),
    Key("f3", "app.show('desk')", "act.desk", "palette.desk", "help.desk"),
    Key("f4", "app.show('counting')", "act.counting", "palette.counting", "help.counting"),
    Key("f12", "app.show('projector')", "act.projector", "palette.projector", "help.projector"),
)


def bindings(keys: tuple[Key, ...], lang: str) -> list[Binding]:
    return [Binding(k.keys, k.action, say(k.label, lang), show=k.show, key_display=k.key_display, id=k.id,
                    tooltip=say(k.help, lang) if k.id and k.help else "") for k in keys]


def localized(screen_class: type, keys: tuple[Key, ...], lang: str) -> type:
    """A subclass of screen_class whose footer speaks lang (Textual reads BINDINGS per class)."""
    return type(screen_class.__name__, (screen_class,), {"BINDINGS": bindings(keys, lang), "KEYS": keys})

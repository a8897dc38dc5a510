"""The chair's keys in one line at the foot of the screen, fitted to the terminal's width: on a narrow terminal the
keys used least leave the line first (they stay in the command palette, whose key the line always shows). Each key
is clickable, as in Textual's footer."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.markup import escape
from textual.widgets import Static

from ...texts import say
from ..bindings import Key

# the order in which the keys leave the line as it narrows: the rarest first, the step's own keys last
LEAVE_FIRST = ("insert", "skip", "screens", "adjust", "vote", "publish", "open_round")
PALETTE = Key("ctrl+p", "app.command_palette", "act.palette", None, None, key_display="^p")


@dataclass(frozen=True)
class Item:
    name: str  # what it is, for LEAVE_FIRST: the action's name, or "screens"
    keys: tuple[tuple[str, str], ...]  # (the key as shown, the action a click runs)
    label: str

    @property
    def width(self) -> int:
        return sum(len(shown) + 1 for shown, _ in self.keys) + len(self.label)

    def markup(self) -> str:
        """The keys in the accent colour, then the label; a click on a key (on a lone key's label too) acts."""
        keys = [f"[b $text-accent]{escape(shown)}[/]" for shown, _ in self.keys]
        if len(self.keys) == 1:
            return f"[@click=\"{self.keys[0][1]}\"]{keys[0]} {escape(self.label)}[/]"
        clickable = " ".join(f"[@click=\"{action}\"]{key}[/]" for key, (_, action) in zip(keys, self.keys))
        return f"{clickable} {escape(self.label)}"


def _shown(key: Key) -> str:
    if key.key_display:
        return key.key_display
    first = key.keys.split(",")[0]
    return first.upper() if first.startswith("f") and first[1:].isdigit() else first


def _action(key: Key) -> str:
    return key.action if key.action.startswith("app.") else f"screen.{key.action}"


def items(keys: tuple[Key, ...], lang: str, grouped: bool) -> list[Item]:
    """The keys the footer shows, each with its label; grouped: +/− as one item, the screens' F-keys as one."""
    found: list[Item] = []
    for key in keys:
        if not key.show:
            continue
        name = key.action.split("(")[0]
        if grouped and name == "adjust":
            if not any(item.name == "adjust" for item in found):
                found.append(Item("adjust", (), say("act.adjust", lang)))
            group = next(item for item in found if item.name == "adjust")
            found[found.index(group)] = Item("adjust", group.keys + ((_shown(key), _action(key)),), group.label)
        elif grouped and key.action.startswith("app.show("):
            if not any(item.name == "screens" for item in found):
                found.append(Item("screens", (), say("act.screens", lang)))
            group = next(item for item in found if item.name == "screens")
            found[found.index(group)] = Item("screens", group.keys + ((_shown(key), _action(key)),), group.label)
        else:
            found.append(Item(name.removeprefix("app."), ((_shown(key), _action(key)),), say(key.label, lang)))
    return found


def fitted(keys: tuple[Key, ...], lang: str, width: int) -> list[Item]:
    """Every key with its label when they fit; else grouped, dropping the keys used least until the line fits beside
    the palette's key."""
    palette = Item("palette", ((_shown(PALETTE), PALETTE.action),), say(PALETTE.label, lang))
    room = width - palette.width - 2
    line = items(keys, lang, grouped=False)
    if _width(line) <= room:
        return line + [palette]
    line = items(keys, lang, grouped=True)
    for name in LEAVE_FIRST:
        if _width(line) <= room:
            break
        line = [item for item in line if item.name != name]
    return line + [palette]


def _width(line: list[Item]) -> int:
    return sum(item.width for item in line) + 2 * max(0, len(line) - 1)


class KeyLine(Static):
    auto_links = False  # a key keeps its own colour, not the colour and underline of a link (a click still acts)

    def __init__(self, keys: tuple[Key, ...], lang: str, **kwargs):
        super().__init__("", **kwargs)
        self.keys, self.lang = keys, lang

    def on_resize(self) -> None:
        self.draw()

    def draw(self) -> None:
        width = self.content_size.width
        if not width:
            return
        line = fitted(self.keys, self.lang, width)
        keys, palette = line[:-1], line[-1]
        text = "  ".join(item.markup() for item in keys)
        gap = max(2, width - _width(keys) - palette.width)
        self.update(Content.from_markup(text + " " * gap + palette.markup()))

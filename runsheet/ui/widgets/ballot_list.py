"""The ballots already entered on this terminal's pass: number, reading as typed, verdict, who entered it. The last
ones stay in view as ballots come in; F7 gives it the focus to pick a ballot to correct (↑/↓, or type its number).

A national stack has thousands of ballots, so the list holds a window of them (the last WINDOW, or those around a
ballot the clerk typed the number of) and asks for the cells of those only; the top border says how many are out of
the window. Redrawn by difference within the window: a new ballot adds a row, a correction changes one, a ballot
taken back removes one; the window is drawn afresh only when it moves, or for another round or pass."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence

from rich.text import Text
from textual import events

from ...texts import say
from .plain import PlainTable

Row = tuple[str, Text, str]  # the reading as typed, the verdict, the clerk
WINDOW = 200


class BallotList(PlainTable):
    def __init__(self, lang: str, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.lang = lang
        self._key: tuple | None = None
        self._numbers: Sequence[int] = ()  # every ballot entered on the pass, in order
        self._row_of: Callable[[int], Row] | None = None
        self._rows: dict[int, Row] = {}  # the window drawn
        self._anchor: int | None = None  # a ballot the clerk jumped to out of the window; None: the last ones
        self._typed = ""  # digits typed while picking: the ballot number to jump to

    def on_mount(self) -> None:
        for key in ("count.col.no", "count.col.reading", "count.col.verdict", "count.col.clerk"):
            self.add_column(say(key, self.lang), key=key)

    @property
    def picked(self) -> int | None:
        """The ballot highlighted."""
        if not self.row_count:
            return None
        return int(self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value)

    def show(self, key: tuple | None, numbers: Sequence[int] = (), row_of: Callable[[int], Row] | None = None) -> None:
        """numbers: the ballots entered, ascending; row_of: the cells of one; key: the round and pass they belong to
        (another key: drawn afresh, the window back on the last ones)."""
        if key != self._key:
            self._anchor = None
        elif len(numbers) > len(self._numbers) and not self.has_focus:
            self._anchor = None  # a new ballot while the clerk is not picking: the last ones come back in view
        self._numbers, self._row_of = numbers, row_of
        self._draw(key)

    def _window(self) -> Sequence[int]:
        numbers = self._numbers
        if self._anchor is None or len(numbers) <= WINDOW:
            return numbers[-WINDOW:]
        at = bisect_left(numbers, self._anchor)
        start = max(0, min(at - WINDOW // 2, len(numbers) - WINDOW))
        return numbers[start:start + WINDOW]

    def _draw(self, key: tuple | None) -> None:
        shown = self._window()
        rows = {number: self._row_of(number) for number in shown} if self._row_of else {}
        old = self._rows
        added = sorted(rows.keys() - old.keys())
        if key != self._key or (added and old and added[0] < max(old)):  # another list, a gap filled, a moved window
            self._key = key
            self.clear()
            old = {}
            added = sorted(rows)
        for number in old.keys() - rows.keys():
            self.remove_row(str(number))
        for number in old.keys() & rows.keys():
            if old[number] != rows[number]:
                for column, value in zip(("count.col.reading", "count.col.verdict", "count.col.clerk"),
                                         rows[number]):
                    self.update_cell(str(number), column, value)
        for number in added:
            self.add_row(Text(str(number), justify="right"), *rows[number], key=str(number))
        self._rows = rows
        hidden = len(self._numbers) - len(shown)
        self.border_title = say("count.list_window", self.lang, shown=len(shown), n=len(self._numbers)) if hidden \
            else None
        if added and not self.has_focus and self.row_count:  # the last ballots in view, unless the clerk is picking
            self.move_cursor(row=self.row_count - 1, animate=False)

    def pick(self) -> None:
        """F7: the focus comes here, on the last ballot entered."""
        self._typed = ""
        if self._anchor is not None:
            self._anchor = None
            self._draw(self._key)
        if self.row_count:
            self.move_cursor(row=self.row_count - 1, animate=False)
        self.focus()

    def _entered(self, number: int) -> bool:
        at = bisect_left(self._numbers, number)
        return at < len(self._numbers) and self._numbers[at] == number

    def on_key(self, event: events.Key) -> None:
        """Digits jump to the ballot of that number (a stack of hundreds is not walked with ↑), bringing it into the
        window when it was out of it."""
        if not (event.character and event.character.isdigit() and event.character.isascii()):
            return
        event.stop()
        for typed in (self._typed + event.character, event.character):
            number = int(typed)
            if self._entered(number):
                self._typed = typed
                if number not in self._rows:
                    self._anchor = number
                    self._draw(self._key)
                self.move_cursor(row=self.get_row_index(str(number)), animate=False)
                return
        self._typed = (self._typed + event.character)[-6:]  # the number may not be entered yet: keep typing

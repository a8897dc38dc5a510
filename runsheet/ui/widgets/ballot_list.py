"""The ballots already entered on this terminal's pass: number, reading as typed, verdict, who entered it. The last
ones stay in view as ballots come in; F7 gives it the focus to pick a ballot to correct (↑/↓, or type its number).

Redrawn by difference: a new ballot adds a row, a correction changes one, a ballot taken back removes one; the whole
list is drawn again only for another round or pass (a national stack has thousands of ballots)."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.widgets import DataTable

from ...texts import say

Row = tuple[str, Text, str]  # the reading as typed, the verdict, the clerk


class BallotList(DataTable):
    def __init__(self, lang: str, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.lang = lang
        self._key: tuple | None = None
        self._rows: dict[int, Row] = {}
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

    def show(self, key: tuple | None, rows: dict[int, Row]) -> None:
        """rows: ballot number -> its cells; key: the round and pass they belong to (another key: drawn afresh)."""
        old = self._rows
        added = sorted(rows.keys() - old.keys())
        if key != self._key or (added and old and added[0] < max(old)):  # another list, or a gap filled
            self._key = key
            self.clear()
            self._rows = {}
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
        self._rows = dict(rows)
        if added and not self.has_focus and self.row_count:  # the last ballots in view, unless the clerk is picking
            self.move_cursor(row=self.row_count - 1, animate=False)

    def pick(self) -> None:
        """F7: the focus comes here, on the last ballot entered."""
        self._typed = ""
        if self.row_count:
            self.move_cursor(row=self.row_count - 1, animate=False)
        self.focus()

    def on_key(self, event: events.Key) -> None:
        """Digits jump to the ballot of that number (a stack of hundreds is not walked with ↑)."""
        if not (event.character and event.character.isdigit() and event.character.isascii()):
            return
        event.stop()
        for typed in (self._typed + event.character, event.character):
            if int(typed) in self._rows:
                self._typed = typed
                self.move_cursor(row=self.get_row_index(str(int(typed))), animate=False)
                return
        self._typed = (self._typed + event.character)[-6:]  # the number may not be entered yet: keep typing

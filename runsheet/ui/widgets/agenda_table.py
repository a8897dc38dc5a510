"""The programme as a table: planned, expected and actual times and the delta of each step."""

from __future__ import annotations

from datetime import tzinfo

from rich.text import Text

from ...texts import say
from .plain import PlainTable
from ...rules.schedule import Row, Status
from ...texts.formats import clock, delta_minutes

COLUMNS = ("col.no", "col.step", "col.minutes", "col.planned", "col.expected", "col.actual", "col.delta")
MIN_TITLE = 16
DROP_FIRST = ("col.minutes", "col.actual", "col.planned", "col.expected")  # on a narrow terminal, these go first
WIDTHS = {"col.no": 3, "col.minutes": 4, "col.planned": 7, "col.expected": 7, "col.actual": 11, "col.delta": 5}
STYLE = {Status.CURRENT: "bold reverse", Status.DONE: "dim", Status.SKIPPED: "dim strike", Status.PENDING: ""}


class AgendaTable(PlainTable):
    def __init__(self, lang: str, **kwargs):
        super().__init__(cursor_type="row", zebra_stripes=False, **kwargs)
        self.lang = lang
        self._shown: list[tuple] = []
        self._rows: tuple = ()
        self._layout: tuple = ((), 0)

    def on_mount(self) -> None:
        self._columns(self.size.width)

    def on_resize(self, event) -> None:
        selected = self.selected
        if self._columns(event.size.width):
            self._shown = []
            if self._rows:
                self.show(*self._rows)
            if selected is not None:
                self.select(selected)

    def _columns(self, width: int) -> bool:
        """The step title takes whatever the time columns leave, so the times never scroll out of sight;
        on a narrow terminal the least needed columns go first."""
        columns = list(COLUMNS)
        while True:
            fixed = sum(max(len(say(key, self.lang)), WIDTHS[key]) for key in columns if key != "col.step")
            title = width - fixed - 2 * len(columns) - 4  # cell padding and the scrollbar
            if title >= MIN_TITLE or not any(key in columns for key in DROP_FIRST):
                break
            columns.remove(next(key for key in DROP_FIRST if key in columns))
        layout = (tuple(columns), max(title, MIN_TITLE))
        if layout == self._layout:
            return False
        self._layout = layout
        self.clear(columns=True)
        for key in columns:
            width = layout[1] if key == "col.step" else max(len(say(key, self.lang)), WIDTHS[key])
            self.add_column(say(key, self.lang), key=key, width=width)
        return True

    @property
    def selected(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def select(self, step_id: str) -> None:
        for index, cells in enumerate(self._shown):
            if cells[0] == step_id:
                self.move_cursor(row=index)
                return

    def show(self, rows: list[Row], zone: tzinfo) -> None:
        """Redraw only when what the table shows has changed (it is polled several times a second)."""
        self._rows = (rows, zone)
        shown = [self._cells(index, row, zone) for index, row in enumerate(rows, start=1)]
        if shown == self._shown:
            return
        selected = self.selected
        self._shown = shown
        self.clear()
        for cells, row in zip(shown, rows):
            style = STYLE[row.status]
            delta = cells[-1]
            late = "bold red" if delta.startswith("+") else ("green" if delta.startswith("−") else "")
            texts = dict(zip(COLUMNS, (Text(c, style=style, no_wrap=True, overflow="ellipsis") for c in cells[1:])))
            texts["col.delta"] = Text(delta, style=f"{style} {late}".strip())
            self.add_row(*(texts[key] for key in self._layout[0]), key=cells[0])
        if selected is not None:
            self.select(selected)

    def _cells(self, index: int, row: Row, zone: tzinfo) -> tuple:
        step = row.step
        mark = {Status.CURRENT: "▶", Status.DONE: "✓", Status.SKIPPED: "–"}.get(row.status, "")
        title = step.title + (f" ({say('adhoc', self.lang)})" if step.adhoc else "")
        if row.status is Status.SKIPPED:
            title += f" — {say('status.skipped', self.lang)}"
        minutes = row.allotted / 60
        return (step.id, f"{mark}{index}", title, f"{minutes:g}", clock(row.planned_start, zone),
                clock(row.expected_start, zone) if row.status is Status.PENDING else "",
                _span(clock(row.actual_start, zone), clock(row.actual_end, zone)),
                delta_minutes(row.delta) if row.status is not Status.SKIPPED else "")


def _span(start: str, end: str) -> str:
    return f"{start}–{end}" if end else start

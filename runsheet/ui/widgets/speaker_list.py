"""A step's speakers in speaking order: number, name and title, status, time; the one speaking stands out.
Polled several times a second: rows are rebuilt only when the list changes, otherwise only changed cells."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text

from ...texts import say
from .plain import PlainTable
from ...rules.speeches import Speech
from ...texts.formats import mmss

COLUMNS = ("sec.col.no", "sec.col.speaker", "sec.col.status", "sec.col.time")
WIDTHS = {"sec.col.no": 3, "sec.col.status": 16, "sec.col.time": 7}
MIN_SPEAKER = 20  # below this, the status column shows only its mark
MARK = {"speaking": "▶", "paused": "‖", "done": "✓", "waiting": ""}
STATUS = {"speaking": "sec.status.speaking", "paused": "sec.status.paused", "done": "sec.status.done",
          "waiting": "sec.status.waiting"}
STYLE = {"speaking": "bold green", "paused": "bold yellow", "done": "dim", "waiting": ""}


class SpeakerList(PlainTable):
    def __init__(self, lang: str, **kwargs):
        super().__init__(cursor_type="row", zebra_stripes=False, **kwargs)
        self.lang = lang
        self.can_focus = False  # the entry field keeps the focus; arrows reach this list through the screen
        self.compact = False
        self._layout: tuple = ()
        self._rows: dict[str, tuple] = {}  # speech id -> cells as given
        self._cells: dict[str, tuple] = {}  # speech id -> cells as drawn
        self._wanted: str | None = None  # the row to select once the rows are drawn

    def on_resize(self, event) -> None:
        """The speaker's name takes what the other columns leave; on a narrow terminal the status is a mark."""
        labels = {key: say(key, self.lang) for key in COLUMNS}
        widths = {key: max(len(labels[key]), width) for key, width in WIDTHS.items()}
        self.compact = event.size.width - sum(widths.values()) - 2 * len(COLUMNS) - 2 < MIN_SPEAKER
        if self.compact:
            labels["sec.col.status"], widths["sec.col.status"] = "", 1
        width = max(MIN_SPEAKER // 2, event.size.width - sum(widths.values()) - 2 * len(COLUMNS) - 2)
        if (width, self.compact) == self._layout:
            return
        self._layout = (width, self.compact)
        selected = self.selected or self._wanted
        self.clear(columns=True)
        for key in COLUMNS:
            self.add_column(labels[key], key=key, width=widths.get(key, width))
        self._cells = {}
        self._draw()
        if selected:
            self.select(selected)

    @property
    def selected(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def select(self, speech_id: str) -> None:
        self._wanted = speech_id
        if speech_id in self._cells:
            self.move_cursor(row=list(self._cells).index(speech_id))

    def show(self, speeches: list[Speech], now: datetime, limit: float | None) -> None:
        self._rows = {s.id: self._row(number, s, now, limit) for number, s in enumerate(speeches, start=1)}
        if self.columns:  # else drawn at the first resize, when the width is known
            self._draw()

    def _draw(self) -> None:
        cells = {speech_id: self._fit(row) for speech_id, row in self._rows.items()}
        if list(cells) != list(self._cells):
            selected = self.selected or self._wanted
            self.clear()
            for speech_id, row in cells.items():
                self.add_row(*(self._text(*cell) for cell in row), key=speech_id)
            self._cells = cells
            if selected:
                self.select(selected)
            return
        for speech_id, row in cells.items():
            for key, old, new in zip(COLUMNS, self._cells[speech_id], row, strict=True):
                if old != new:
                    self.update_cell(speech_id, key, self._text(*new))
        self._cells = cells

    def _fit(self, row: tuple) -> tuple:
        """The cells drawn: the status in words, or only its mark on a narrow terminal."""
        number, name, (status, mark, style), time = row
        return number, name, ((mark or "·") if self.compact else f"{mark} {status}".strip(), style), time

    @staticmethod
    def _text(text: str, style: str) -> Text:
        return Text(text, style=style, no_wrap=True, overflow="ellipsis")

    def _row(self, number: int, speech: Speech, now: datetime, limit: float | None) -> tuple:
        status = speech.status
        style = STYLE.get(status, "")
        name = speech.label() + (" ✎" if speech.notes else "")
        seconds = speech.elapsed(now)
        time = mmss(seconds) if speech.started else ""
        over = bool(limit) and seconds > limit * 60
        return ((str(number), style), (name, style), (say(STATUS[status], self.lang), MARK[status], style),
                (time, "bold red" if over else style))

"""The members matching what the secretary types, and last a row that adds the text as a guest instead."""

from __future__ import annotations

from rich.text import Text

from ...texts import say
from .plain import PlainTable
from ...rules.roster import Member

GUEST = "+guest"  # the row key of "add as a guest"
MAX_ROWS = 40


class MatchList(PlainTable):
    def __init__(self, lang: str, **kwargs):
        super().__init__(cursor_type="row", show_header=False, zebra_stripes=False, **kwargs)
        self.lang = lang
        self.can_focus = False
        self.display = False

    def on_mount(self) -> None:
        self.add_column("id", key="id", width=6)
        self.add_column("name", key="name")

    @property
    def selected(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def show(self, members: list[Member], guest: str, listed: dict[str, int]) -> None:
        """members found for the text typed; guest: that text as a guest's name ("" for none); listed: the
        members already on the step's list, with their number there."""
        self.clear()
        for member in members[:MAX_ROWS]:
            name = Text(member.name, style="bold")
            if member.id in listed:
                name.append("  " + say("sec.listed", self.lang, no=listed[member.id]), style="dim")
            self.add_row(member.id, name, key=member.id)
        if guest:
            self.add_row("+", Text(say("sec.guest_row", self.lang, name=guest), style="italic"), key=GUEST)
        self.display = self.row_count > 0
        if self.row_count:
            self.move_cursor(row=0)

"""The attendance report in figures, with D and a loud warning when nothing could be adopted."""

from __future__ import annotations

from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ...texts import say
from ...rules.attendance import Figures
from .plain import PlainStatic


class AttendanceFigures(PlainStatic):
    def show(self, f: Figures, lang: str) -> None:
        table = Table.grid(padding=(0, 2), expand=True)
        table.add_column(ratio=1)
        table.add_column(justify="right", min_width=5)
        rows = [
            ("fig.members", f.members_total), ("fig.official", f.official_total),
            ("fig.probationary", f.probationary_total), None,
            ("fig.present_official", f.present_official), ("fig.left", f.left_official),
            ("fig.absent_excused", f.absent_excused), ("fig.absent_unexcused", f.absent_unexcused),
            ("fig.exempt", f"{f.exempt_absent} / {f.exempt_total}"), ("fig.transferred", f.transferred),
            ("fig.suspended", f.suspended), ("fig.present_probationary", f.present_probationary), None,
        ]
        for row in rows:
            if row is None:
                table.add_row("", "")
            else:
                label = say(row[0], lang)
                indent = len(label) - len(label.lstrip(" "))
                table.add_row(Padding(Text(label.lstrip(" ")), (0, 0, 0, indent)), Text(str(row[1]), style="bold"))
        table.add_row(Text(say("fig.denominator", lang), style="bold"), Text(str(f.denominator), style="bold reverse"))
        table.add_row(Text(say("fig.majority", lang)), Text(str(f.majority), style="bold"))
        self.update(table)
        self.set_class(not f.may_proceed, "-alarm")


class QuorumBanner(PlainStatic):
    def show(self, f: Figures, lang: str) -> None:
        lines = [say("fig.ok" if f.more_than_half else "fig.warn", lang)]
        if not f.quorum_met:
            lines.append(say("fig.quorum", lang, n=f.quorum))
        self.update("\n".join(lines))
        self.set_class(not f.may_proceed, "-alarm")

"""Live tallies: a bar per candidate with votes, percent of D, the line of votes needed, elected or tied."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from ...texts import say
from ...texts.formats import local_percent

BAR = 20


class TallyBars(Static):
    def show(self, result: dict | None, lang: str) -> None:
        if result is None:
            self.update(say("count.no_round", lang))
            return
        d, needed = result["denominator"], result["needed"]
        table = Table.grid(padding=(0, 1))
        table.add_column(justify="right", min_width=3, no_wrap=True)
        table.add_column(max_width=24, no_wrap=True, overflow="ellipsis")
        for _ in range(3):
            table.add_column(no_wrap=True)
        mark_at = min(BAR - 1, round(BAR * needed / d)) if d else BAR - 1
        for c in result["candidates"]:
            filled = round(BAR * c["votes"] / d) if d else 0
            bar = Text()
            for i in range(BAR):
                if i == mark_at:
                    bar.append("│", style="bold")
                elif i < filled:
                    tied = c["id"] in result["tied"]
                    bar.append("█", style="green" if c["elected"] else ("yellow" if tied else "blue"))
                else:
                    bar.append("·", style="dim")
            sign = "✓" if c["elected"] else ("=" if c["id"] in result["tied"] else "")
            table.add_row(f"{c['no']}.", Text(c["name"], no_wrap=True, overflow="ellipsis"), bar,
                          Text(f"{c['votes']:>4}  {local_percent(c['percent'], lang):>6}%"), Text(sign, style="bold"))
        title = say("count.tally_head" if not result.get("closed", True) else "count.tally_final", lang, d=d,
                    needed=needed)
        self.update(_stack(title, table))


def _stack(title: str, table: Table) -> Table:
    outer = Table.grid()
    outer.add_row(Text(title, style="bold"))
    outer.add_row(table)
    return outer

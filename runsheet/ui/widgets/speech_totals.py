"""Totals of the speeches given: per step (how many, how long) and per speaker, for the secretary's minutes."""

from __future__ import annotations

from datetime import datetime

from rich.console import Group
from rich.table import Table
from rich.text import Text

from ...texts import say
from ...store.state import CongressState
from ...texts.formats import mmss
from .plain import PlainStatic


class SpeechTotals(PlainStatic):
    def show(self, state: CongressState, now: datetime, lang: str) -> None:
        speeches = state.speeches
        steps = [(state.agenda.runs[step_id].step.title, speeches.step_total(step_id, now))
                 for step_id in state.agenda.order if step_id in speeches.lists]
        steps = [(title, total) for title, total in steps if total.count]
        if not steps:
            self.update(Text(say("sec.nothing_yet", lang), style="dim"))
            return
        self.update(Group(Text(say("sec.by_step", lang), style="bold"), _table(steps, lang),
                          Text(""), Text(say("sec.by_speaker", lang), style="bold"),
                          _table(speeches.speaker_totals(now), lang)))


def _table(rows, lang: str) -> Table:
    table = Table(box=None, show_header=False, padding=(0, 1, 0, 0), expand=True)
    table.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    table.add_column(justify="right", no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    for name, total in rows:
        table.add_row(Text(name), say("sec.times", lang, n=total.count), mmss(total.seconds))
    return table

"""Live tallies: a bar per candidate with votes, percent of D (on an approve form the disagreeing votes too), the line
of votes needed, elected or tied.

Drawn as plain lines of text in columns worked out here (not a Rich table): a list of 200 names is redrawn in a
few milliseconds, where a table took about 170 ms per render and the screen renders it several times a layout."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Static

from ...texts import say
from ...texts.formats import local_percent

BAR = 20
MIN_BAR = 8
NAME = 24  # the widest a name is drawn; longer ones end in "…"
MIN_NAME = 8


def _fit(text: str, width: int) -> str:
    """text cut to width cells (ending in "…" when cut) and padded to exactly width cells."""
    if cell_len(text) > width:
        cut = Text(text)
        cut.truncate(width, overflow="ellipsis")
        text = cut.plain
    return text + " " * (width - cell_len(text))


def tally_text(result: dict, lang: str, width: int | None = None) -> Text:
    d, needed = result["denominator"], result["needed"]
    if result.get("poll"):
        title = say("count.tally_poll", lang, d=d, needed=needed)
    else:
        title = say("count.tally_head" if not result.get("closed", True) else "count.tally_final", lang, d=d,
                    needed=needed)
    out = Text()
    out.append(title + "\n", style="bold")
    candidates = result["candidates"]
    if not candidates:
        return out
    tied = set(result["tied"])
    numbers = [f"{c['no']}." for c in candidates]
    figures = [f"{c['votes']:>4}  {local_percent(c['percent'], lang):>6}%" for c in candidates]
    if all("against" in c for c in candidates):  # an approve form: the chair reads out the disagreeing votes too
        width_against = max(len(str(c["against"])) for c in candidates)
        figures = [f"{figure}  {say('count.against', lang, n=str(c['against']).rjust(width_against))}"
                   for figure, c in zip(figures, candidates)]
    signs = ["✓" if c["elected"] else ("=" if c["id"] in tied else "") for c in candidates]
    w_no = max(3, *map(len, numbers))
    w_name = min(NAME, max(cell_len(c["name"]) for c in candidates))
    w_figures = max(map(len, figures))
    w_sign = max(map(len, signs))
    bar = BAR
    total = w_no + 1 + w_name + 1 + bar + 1 + w_figures + (1 + w_sign if w_sign else 0)
    if width and total > width:  # too narrow: the bars give way first (the chair reads the names out)
        bar = max(MIN_BAR, bar - (total - width))
        w_name = max(MIN_NAME, w_name - max(0, total - width - (BAR - bar)))
    mark_at = min(bar - 1, round(bar * needed / d)) if d else bar - 1
    for c, number, figure, sign in zip(candidates, numbers, figures, signs):
        filled = round(bar * c["votes"] / d) if d else 0
        colour = "green" if c["elected"] else ("yellow" if c["id"] in tied else "blue")
        out.append(number.rjust(w_no) + " " + _fit(c["name"], w_name) + " ")
        below = min(filled, mark_at)  # the bar up to the line of votes needed, the line, the bar beyond it
        out.append("█" * below, style=colour)
        out.append("·" * (mark_at - below), style="dim")
        out.append("│", style="bold")
        beyond = bar - mark_at - 1
        shown = max(0, min(filled - mark_at - 1, beyond))
        out.append("█" * shown, style=colour)
        out.append("·" * (beyond - shown), style="dim")
        out.append(" " + figure.ljust(w_figures))
        if w_sign:
            out.append(" ")
            out.append(sign.ljust(w_sign), style="bold")
        out.append("\n")
    out.rstrip()
    return out


class TallyBars(Static):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._shown: tuple[dict, str] | None = None

    def show(self, result: dict | None, lang: str) -> None:
        if result is None:
            self._shown = None
            self.update(say("count.no_round", lang))
            return
        self._shown = (result, lang)
        self.update(tally_text(result, lang, self.content_size.width or None))

    def on_resize(self) -> None:
        if self._shown is not None:
            self.update(tally_text(*self._shown, self.content_size.width or None))

"""Live tallies: a bar per candidate with votes, percent of D (on an approve form the disagreeing votes too), the line
of votes needed, elected or tied.

Drawn as plain lines of text in columns worked out here (not a Rich table): a list of 200 names is redrawn in a
few milliseconds, where a table took about 170 ms per render and the screen renders it several times a layout. Only
the lines in view are turned into cells (the widget draws line by line), each once until the tally changes: a
national list of 200 names is mostly out of view."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

from ...texts import say
from ...texts.formats import local_percent

BAR = 20
MIN_BAR = 8
NAME = 24  # the widest a name is drawn; longer ones end in "…"
MIN_NAME = 8
LEAST_NAME = 4  # a narrower name than this says nothing: the line may then be cut


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
    votes = [f"{c['votes']:>4}  {local_percent(c['percent'], lang):>6}%" for c in candidates]
    against = [str(c["against"]) for c in candidates] if all("against" in c for c in candidates) else []
    signs = ["✓" if c["elected"] else ("=" if c["id"] in tied else "") for c in candidates]
    w_no = max(3, *map(len, numbers))
    w_sign = max(map(len, signs))
    w_name = min(NAME, max(cell_len(c["name"]) for c in candidates))

    def with_against(short: bool) -> list[str]:
        """The figures, and on an approve form the disagreeing votes (the chair reads them out too): in words, or on
        a narrow panel as the ✗ the preview marks them with."""
        if not against:
            return votes
        wide = max(map(len, against))
        return [f"{figure}  {'✗ ' + n.rjust(wide) if short else say('count.against', lang, n=n.rjust(wide))}"
                for figure, n in zip(votes, against)]

    def total(bar: int, w_name: int, w_figures: int) -> int:
        return w_no + 1 + w_name + 1 + (bar + 1 if bar else 0) + w_figures + (1 + w_sign if w_sign else 0)

    def fit(w_figures: int) -> tuple[int, int, int]:
        """The bars' width, the names', and how many cells the lines are still too wide by: the bars shorten first
        (the chair reads the names out), then the names down to MIN_NAME."""
        bar, w_cut, over = BAR, w_name, total(BAR, w_name, w_figures) - width
        if over > 0:
            bar = max(MIN_BAR, bar - over)
            over = total(bar, w_cut, w_figures) - width
        if over > 0:
            cut = min(over, w_cut - min(MIN_NAME, w_cut))
            w_cut, over = w_cut - cut, over - cut
        return bar, w_cut, over

    # too narrow: the bars and names shorten; if that is not enough, "không đồng ý" becomes the ✗ the preview marks
    # them with, and then the bars go and give their room back to the names; the votes and percentages are never cut
    figures = with_against(False)
    bar = BAR
    if width:
        w_figures = max(map(len, figures))
        bar, w_cut, over = fit(w_figures)
        if over > 0 and against:
            figures = with_against(True)
            w_figures = max(map(len, figures))
            bar, w_cut, over = fit(w_figures)
        if over > 0:
            bar, over = 0, total(0, w_name, w_figures) - width
            w_cut = max(min(LEAST_NAME, w_name), w_name - max(0, over))
        w_name = w_cut
    w_figures = max(map(len, figures))
    mark_at = min(bar - 1, round(bar * needed / d)) if d else bar - 1
    for c, number, figure, sign in zip(candidates, numbers, figures, signs):
        filled = round(bar * c["votes"] / d) if d else 0
        colour = "green" if c["elected"] else ("yellow" if c["id"] in tied else "blue")
        out.append(number.rjust(w_no) + " " + _fit(c["name"], w_name) + " ")
        if not bar:  # no room for bars: the figures right after the name
            out.append(figure.ljust(w_figures))
            if w_sign:
                out.append(" ")
                out.append(sign.ljust(w_sign), style="bold")
            out.append("\n")
            continue
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


class TallyBars(Widget):
    DEFAULT_CSS = "TallyBars { height: auto; }"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._shown: tuple[dict, str] | None = None
        self._text = Text()
        self._lines: list[Text] = []
        self._strips: dict[int, Strip] = {}  # the lines drawn so far, for the tally as it stands

    def show(self, result: dict | None, lang: str) -> None:
        if result is None:
            self._shown = None
            self._set(Text(say("count.no_round", lang)))
            return
        self._shown = (result, lang)
        self._set(tally_text(result, lang, self.content_size.width or None))

    def on_resize(self) -> None:
        if self._shown is not None:
            self._set(tally_text(*self._shown, self.content_size.width or None))

    def _set(self, text: Text) -> None:
        if text == self._text:
            return
        height, width = len(self._lines), self.content_size.width
        lines: list[Text] = []
        for line in text.split("\n", allow_blank=True):  # a name's line fits by its columns; a title may wrap
            lines.extend(line.wrap(self.app.console, width) if width and line.cell_len > width else [line])
        self._text, self._lines = text, lines
        self._strips.clear()
        self.refresh(layout=len(self._lines) != height)

    def render(self) -> Text:
        """The whole tally as text (what a test or a screen reader reads); the screen draws it with render_line."""
        return self._text

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return max((line.cell_len for line in self._lines), default=0)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines)

    def render_line(self, y: int) -> Strip:
        strip = self._strips.get(y)
        if strip is None:
            style = self.rich_style
            if y < len(self._lines):
                line = self._lines[y].copy()
                line.no_wrap = True
                line.stylize_before(style)
                strip = Strip(line.render(self.app.console), line.cell_len)
            else:
                strip = Strip.blank(self.size.width, style)
            self._strips[y] = strip
        return strip

"""A bitmap font for the wall, drawn at any size with half blocks (▀ ▄ █): Latin letters with every Vietnamese
diacritic (a tone mark above or below, a hat, a horn, đ), digits and the punctuation of names, times and messages.

Each glyph is 7 rows of cap height and 2 of descender, 5 columns wide (ơ ư Ơ Ư Đ 6, punctuation narrower), on a grid
of 13 pixel rows: 4 above the capitals for their marks, 7, and 2 below. Marks are not drawn per letter: a letter is
split into its base and its marks (Unicode NFD) and the marks are laid over the base, two rows each (one row for a
tone over a capital's hat: there is no room for two). A terminal cell is two pixels high and one wide, so the pixels
are square: scale s draws each pixel as s × s of them."""

from __future__ import annotations

import unicodedata
from functools import lru_cache, cache

ABOVE, CAP, BELOW = 4, 7, 2  # pixel rows: marks over capitals, cap height, descenders
HEIGHT = ABOVE + CAP + BELOW
GAP = 1  # pixel columns between glyphs

# ---- the glyphs: cap rows, then descender rows (left out when empty) ----------------------------------------------
_UPPER = {
    "A": ".###. #...# #...# #...# ##### #...# #...#",
    "B": "####. #...# #...# ####. #...# #...# ####.",
    "C": ".###. #...# #.... #.... #.... #...# .###.",
    "D": "###.. #..#. #...# #...# #...# #..#. ###..",
    "E": "##### #.... #.... ####. #.... #.... #####",
    "F": "##### #.... #.... ####. #.... #.... #....",
    "G": ".###. #...# #.... #.### #...# #...# .####",
    "H": "#...# #...# #...# ##### #...# #...# #...#",
    "I": ".###. ..#.. ..#.. ..#.. ..#.. ..#.. .###.",
    "J": "..### ...#. ...#. ...#. ...#. #..#. .##..",
    "K": "#...# #..#. #.#.. ##... #.#.. #..#. #...#",
    "L": "#.... #.... #.... #.... #.... #.... #####",
    "M": "#...# ##.## #.#.# #.#.# #...# #...# #...#",
    "N": "#...# #...# ##..# #.#.# #..## #...# #...#",
    "O": ".###. #...# #...# #...# #...# #...# .###.",
    "P": "####. #...# #...# ####. #.... #.... #....",
    "Q": ".###. #...# #...# #...# #.#.# #..#. .##.#",
    "R": "####. #...# #...# ####. #.#.. #..#. #...#",
    "S": ".#### #.... #.... .###. ....# ....# ####.",
    "T": "##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..",
    "U": "#...# #...# #...# #...# #...# #...# .###.",
    "V": "#...# #...# #...# #...# #...# .#.#. ..#..",
    "W": "#...# #...# #...# #.#.# #.#.# #.#.# .#.#.",
    "X": "#...# #...# .#.#. ..#.. .#.#. #...# #...#",
    "Y": "#...# #...# #...# .#.#. ..#.. ..#.. ..#..",
    "Z": "##### ....# ...#. ..#.. .#... #.... #####",
    "Đ": ".###.. .#..#. .#...# ####.# .#...# .#..#. .###..",
    "Ơ": ".###.# #...#. #...#. #...#. #...#. #...#. .###..",
    "Ư": "#....# #...#. #...#. #...#. #...#. #...#. .###..",
}
_LOWER = {
    "a": "..... ..... .###. ....# .#### #...# .####",
    "b": "#.... #.... #.##. ##..# #...# #...# ####.",
    "c": "..... ..... .###. #.... #.... #...# .###.",
    "d": "....# ....# .##.# #..## #...# #...# .####",
    "e": "..... ..... .###. #...# ##### #.... .###.",
    "f": "..##. .#..# .#... ###.. .#... .#... .#...",
    "g": "..... ..... .#### #...# #...# #...# .#### ....# .###.",
    "h": "#.... #.... #.##. ##..# #...# #...# #...#",
    "i": "..#.. ..... .##.. ..#.. ..#.. ..#.. .###.",
    "j": "...#. ..... ..##. ...#. ...#. ...#. ...#. #..#. .##..",
    "k": "#.... #.... #..#. #.#.. ##... #.#.. #..#.",
    "l": ".##.. ..#.. ..#.. ..#.. ..#.. ..#.. .###.",
    "m": "..... ..... ##.#. #.#.# #.#.# #...# #...#",
    "n": "..... ..... #.##. ##..# #...# #...# #...#",
    "o": "..... ..... .###. #...# #...# #...# .###.",
    "p": "..... ..... ####. #...# #...# #...# ####. #.... #....",
    "q": "..... ..... .#### #...# #...# #...# .#### ....# ....#",
    "r": "..... ..... #.##. ##..# #.... #.... #....",
    "s": "..... ..... .###. #.... .###. ....# ####.",
    "t": ".#... .#... ###.. .#... .#... .#..# ..##.",
    "u": "..... ..... #...# #...# #...# #..## .##.#",
    "v": "..... ..... #...# #...# #...# .#.#. ..#..",
    "w": "..... ..... #...# #...# #.#.# #.#.# .#.#.",
    "x": "..... ..... #...# .#.#. ..#.. .#.#. #...#",
    "y": "..... ..... #...# #...# #...# #...# .#### ....# .###.",
    "z": "..... ..... ##### ...#. ..#.. .#... #####",
    "đ": "...#. ..### .##.# #..## #...# #...# .####",
    "ı": "..... ..... .##.. ..#.. ..#.. ..#.. .###.",  # i without its dot, under a mark
    "ơ": "...... ...... .###.# #...#. #...#. #...#. .###..",
    "ư": "...... ...... #....# #...#. #...#. #..##. .##.#.",
}
_OTHER = {
    "0": ".###. #...# #...# #...# #...# #...# .###.",
    "1": "..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.",
    "2": ".###. #...# ....# ...#. ..#.. .#... #####",
    "3": "##### ...#. ..#.. ...#. ....# #...# .###.",
    "4": "...#. ..##. .#.#. #..#. ##### ...#. ...#.",
    "5": "##### #.... ####. ....# ....# #...# .###.",
    "6": "..##. .#... #.... ####. #...# #...# .###.",
    "7": "##### ....# ...#. ..#.. .#... .#... .#...",
    "8": ".###. #...# #...# .###. #...# #...# .###.",
    "9": ".###. #...# #...# .#### ....# ...#. .##..",
    " ": "... ... ... ... ... ... ...",
    ":": ". . # . # . .",
    ".": ". . . . . . #",
    ",": ".. .. .. .. .. .# .# #. ..",
    ";": ".. .. .# .. .. .# .# #. ..",
    "!": "# # # # # . #",
    "?": ".###. #...# ...#. ..#.. ..#.. ..... ..#..",
    "-": ".... .... .... #### .... .... ....",
    "–": "..... ..... ..... ##### ..... ..... .....",
    "—": "....... ....... ....... ####### ....... ....... .......",
    "+": "..... ..#.. ..#.. ##### ..#.. ..#.. .....",
    "=": "..... ..... ##### ..... ##### ..... .....",
    "/": "....# ...#. ...#. ..#.. .#... .#... #....",
    "(": "..# .#. #.. #.. #.. .#. ..#",
    ")": "#.. .#. ..# ..# ..# .#. #..",
    "'": "# # . . . . .",
    '"': "#.# #.# ... ... ... ... ...",
    "«": "..... ..#.# .#.#. #.#.. .#.#. ..#.# .....",
    "»": "..... #.#.. .#.#. ..#.# .#.#. #.#.. .....",
    "%": "##..# ##.#. ...#. ..#.. .#... .#.## #..##",
    "&": ".##.. #..#. #.#.. .#... #.#.# #..#. .##.#",
    "#": ".#.#. .#.#. ##### .#.#. ##### .#.#. .#.#.",
    "·": ". . . # . . .",
    "…": "..... ..... ..... ..... ..... ..... #.#.#",
    "×": "..... #...# .#.#. ..#.. .#.#. #...# .....",
}
UNKNOWN = "?"

# the marks, laid over the base letter: two rows each; one row when a tone sits over a capital's hat
_MARKS = {
    "\u0300": ".#... ..#..",  # grave: huyền
    "\u0301": "...#. ..#..",  # acute: sắc
    "\u0309": ".##.. ..#..",  # hook above: hỏi
    "\u0303": ".##.# #..#.",  # tilde: ngã
    "\u0302": "..#.. .#.#.",  # circumflex: â ê ô
    "\u0306": "#...# .###.",  # breve: ă
}
_TONE_ON_HAT = {"\u0300": "#....", "\u0301": "....#", "\u0309": "...##", "\u0303": "##.##"}
HATS = {"\u0302", "\u0306"}
DOT_BELOW, HORN = "\u0323", "\u031b"


def _rows(spec: str) -> list[str]:
    rows = spec.split(" ")
    return rows + ["." * len(rows[0])] * (CAP + BELOW - len(rows))


@cache
def _base(char: str) -> tuple[str, ...]:
    """A glyph's rows, marks not yet laid."""
    spec = _UPPER.get(char) or _LOWER.get(char) or _OTHER.get(char) or _OTHER[UNKNOWN]
    rows = _rows(spec)
    return tuple(["." * len(rows[0])] * ABOVE + rows)


def _lay(grid: list[list[str]], rows: list[str], top: int) -> None:
    for r, row in enumerate(rows):
        for c, pixel in enumerate(row):
            if pixel == "#" and 0 <= top + r < HEIGHT and c < len(grid[0]):
                grid[top + r][c] = "#"


@lru_cache(maxsize=4096)
def glyph(char: str) -> tuple[str, ...]:
    """The pixel rows of one character ("#" set, "." clear), marks and all."""
    parts = unicodedata.normalize("NFD", char)
    base, marks = parts[0], parts[1:]
    if HORN in marks:
        base = {"o": "ơ", "u": "ư", "O": "Ơ", "U": "Ư"}.get(base, base)
    tones = [m for m in marks if m in _MARKS and m not in HATS]
    hats = [m for m in marks if m in HATS]
    if base == "i" and (tones or hats):
        base = "ı"
    if base not in _UPPER and base not in _LOWER and base not in _OTHER:
        base = UNKNOWN if unicodedata.category(base)[0] not in "LN" else base.upper()
    grid = [list(row) for row in _base(base)]
    upper = base in _UPPER
    # a mark's two rows, a clear row under them, then the capital (or the small letter's x-height)
    top = ABOVE - 3 if upper else ABOVE - 1
    if hats:
        _lay(grid, _MARKS[hats[0]].split(" "), top)
        if tones:
            if upper:
                _lay(grid, [_TONE_ON_HAT[tones[0]]], 0)
            else:
                _lay(grid, _MARKS[tones[0]].split(" "), top - 2)
    elif tones:
        _lay(grid, _MARKS[tones[0]].split(" "), top)
    if DOT_BELOW in marks:  # under the letter; beside a descender (ỵ)
        row, col = (HEIGHT - 1, 2) if grid[HEIGHT - 1][2] == "." else (HEIGHT - 2, 1)
        grid[row][col] = "#"
    return tuple("".join(row) for row in grid)


def bitmap(text: str) -> list[str]:
    """A line of text as pixel rows."""
    chars = [glyph(c) for c in unicodedata.normalize("NFC", text)]
    if not chars:
        return [""] * HEIGHT
    gap = "." * GAP
    return [gap.join(g[row] for g in chars) for row in range(HEIGHT)]


def width(text: str) -> int:
    """The width of a line in pixels (= terminal cells at scale 1)."""
    return sum(len(glyph(c)[0]) for c in unicodedata.normalize("NFC", text)) + GAP * max(0, len(text) - 1)


def used_rows(rows: list[str]) -> tuple[int, int]:
    """The first and last rows with a pixel set (the cap rows when there is none)."""
    inked = [i for i, row in enumerate(rows) if "#" in row]
    return (inked[0], inked[-1]) if inked else (ABOVE, ABOVE + CAP - 1)


_HALVES = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


def draw(lines: list[str], scale: int) -> list[str]:
    """Lines of text drawn at a scale: the terminal rows, each pixel s cells wide and s half-cells high. The lines
    share their top and bottom (the rows any of them uses), so a name on two lines keeps one size."""
    maps = [bitmap(line) for line in lines]
    spans = [used_rows(m) for m in maps]
    top, bottom = min(s[0] for s in spans), max(s[1] for s in spans)
    out: list[str] = []
    for rows in maps:
        pixels = ["".join(c * scale for c in row) for row in rows[top:bottom + 1]]
        tall = [row for row in pixels for _ in range(scale)]
        if len(tall) % 2:
            tall.append("." * len(tall[0]))
        out += ["".join(_HALVES[(a == "#", b == "#")] for a, b in zip(upper, lower))
                for upper, lower in zip(tall[0::2], tall[1::2])]
    return out


def height(lines: int, text_rows: int, scale: int) -> int:
    """Terminal rows taken by lines of text_rows pixel rows each at a scale."""
    return lines * ((text_rows * scale + 1) // 2)


def wrap(text: str, limit: int) -> list[str] | None:
    """Words laid on lines of at most limit pixels (scale 1); None when a word alone is wider."""
    lines: list[str] = []
    for word in text.split():
        if width(word) > limit:
            return None
        if lines and width(lines[-1] + " " + word) <= limit:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]

"""The wall's large letters: every Vietnamese letter drawn, each unlike every other; text laid at the largest scale its
box allows, wrapped when a line is too wide, in small digits or plain text when even the smallest is too big."""

from __future__ import annotations

import unicodedata

import pytest

from runsheet.ui.widgets import big_font
from runsheet.ui.widgets.big_text import layout, small_digits

VOWELS = "aăâeêioôơuưy"
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
LETTERS = [unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES] + list("bcdđghklmnpqrstvx")
LETTERS += [c.upper() for c in LETTERS]


def test_every_vietnamese_letter_has_a_glyph_of_its_own():
    drawn = {}
    for letter in LETTERS:
        rows = big_font.glyph(letter)
        assert len(rows) == big_font.HEIGHT and len({len(r) for r in rows}) == 1, letter
        assert "#" in "".join(rows), letter
        drawn.setdefault(rows, []).append(letter)
    alike = [letters for letters in drawn.values() if len(letters) > 1]
    assert alike == []


def test_an_unknown_character_is_drawn_as_a_question_mark():
    assert big_font.glyph("☃") == big_font.glyph("?")


def test_marks_stand_clear_of_their_letter():
    """A blank pixel row between a capital and its mark, and between a small letter's x-height and its mark."""
    for letter in ("Á", "Ầ", "á", "ầ", "ế"):
        rows = big_font.glyph(letter)
        inked = [i for i, row in enumerate(rows) if "#" in row]
        gaps = [b - a for a, b in zip(inked, inked[1:])]
        assert max(gaps) == 2, letter


def test_the_largest_scale_that_fits():
    lines, scale = layout("05:00", 200, 30)
    assert lines == ["05:00"] and scale == 8  # 7 pixel rows × 8 = 28 cells high; × 9 would be 32
    lines, scale = layout("Trần Văn Khách", 80, 10)
    assert scale == 1 and lines == ["Trần Văn Khách"]
    lines, scale = layout("Trần Văn Khách", 60, 12)
    assert lines == ["Trần Văn", "Khách"] and scale == 1  # wrapped
    assert layout("Trần Văn Khách", 60, 12, max_lines=1) is None
    assert layout("05:00", 20, 3) is None and small_digits("05:00") is not None
    assert small_digits("Xin mời") is None


@pytest.mark.parametrize("scale", [1, 2, 3])
def test_drawn_rows_are_as_wide_and_high_as_the_scale_says(scale):
    text = "Nguyễn Thị Hoa"
    rows = big_font.draw([text], scale)
    top, bottom = big_font.used_rows(big_font.bitmap(text))
    assert len(rows) == big_font.height(1, bottom - top + 1, scale)
    assert {len(row) for row in rows} == {big_font.width(text) * scale}

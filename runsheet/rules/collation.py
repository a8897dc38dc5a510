"""Vietnamese collation and accent-insensitive search keys.

Ballot order (docs/rules.md) sorts by the given name (the last word), then the family name, then the middle
names. Within a word the letters of the Vietnamese alphabet are compared first; tones are only a secondary
difference, so "Án" < "Anh" and Ma < Mà < Mả < Mã < Má < Mạ.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")

# f j w z are not Vietnamese letters; they sit after their Latin neighbours for foreign names.
ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {unicodedata.normalize("NFD", letter): i for i, letter in enumerate(ALPHABET)}

# Marks that change the vowel (part of the letter) versus marks that carry the tone (secondary).
QUALITY_MARKS = frozenset("\u0306\u0302\u031b")  # breve, circumflex, horn
TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng

# Primary weight groups: punctuation < digits < Vietnamese/Latin letters < other scripts.
_PUNCT, _DIGIT, _LETTER, _OTHER = range(4)


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch).startswith("M")


def fold(s: str) -> str:
    """Lower-case, accent-free form for search: "Nguyễn Văn Bình" -> "nguyen van binh"."""
    # casefold before NFD: casefold may itself produce combining marks ("İ" -> "i̇").
    decomposed = unicodedata.normalize("NFD", s.casefold())
    bare = "".join(ch for ch in decomposed if not _is_mark(ch)).replace("đ", "d")
    return " ".join(bare.split())


def _clusters(word: str) -> list[tuple[str, list[str]]]:
    """Split into (base character, combining marks) pairs, case-folded and canonically decomposed."""
    # NFD first, so NFC and NFD spellings of the same word give identical keys.
    text = unicodedata.normalize("NFD", unicodedata.normalize("NFD", word).casefold())
    out: list[tuple[str, list[str]]] = []
    for ch in text:
        if out and _is_mark(ch):
            out[-1][1].append(ch)
        else:
            out.append((ch, []))
    return out


def _primary(base: str) -> tuple[int, int]:
    if base in _LETTER_RANK:
        return (_LETTER, _LETTER_RANK[base])
    if base.isdigit():
        return (_DIGIT, ord(base))
    if base.isalpha():
        return (_OTHER, ord(base))
    return (_PUNCT, ord(base))


def word_key(word: str) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, ...], ...]]:
    """Sort key for one word: (letters, tones). Case-insensitive; tones only break ties between letters."""
    primary: list[tuple[int, int]] = []
    secondary: list[tuple[int, ...]] = []
    for base, marks in _clusters(word):
        quality = "".join(m for m in marks if m in QUALITY_MARKS)
        rest = [m for m in marks if m not in QUALITY_MARKS]
        if base + quality in _LETTER_RANK:
            primary.append(_primary(base + quality))
        else:  # e.g. "ĕ" in a foreign name: compare as the bare letter, the mark becomes secondary
            primary.append(_primary(base))
            rest = marks
        # No mark sorts first; unknown marks (ü, ç, ...) after the five tones.
        secondary.append(tuple(sorted(TONE_RANK.get(m, 100 + ord(m)) for m in rest)))
    return tuple(primary), tuple(secondary)


def name_key(full_name: str) -> tuple:
    """Sort key for a full name in ballot order.

    (given, family, (middles...), name): each part compared with word_key, so the given name decides
    entirely (letters, then tones) before the family name is looked at. The NFC name itself comes last
    so that names differing only in letter case still sort in a fixed order.
    """
    words = nfc(full_name).split()
    given = words[-1] if words else ""
    family = words[0] if len(words) > 1 else ""
    middles = tuple(word_key(w) for w in words[1:-1])
    return word_key(given), word_key(family), middles, " ".join(words)


def sort_names(items: Iterable[T], key: Callable[[T], str] = lambda x: x) -> list[T]:
    """Sort items in ballot order of the name that key returns."""
    return sorted(items, key=lambda item: name_key(key(item)))

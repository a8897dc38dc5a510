"""A text that tells which key to press names it as the key is bound: "nhấn n", never "nhấn N" for the key n
(which would be shift+n, bound to nothing)."""

from __future__ import annotations

import re

from runsheet.texts import TEXT
from runsheet.ui import bindings

HINT = re.compile(r"(?:nhấn|press)\s+([A-Za-z0-9])\b", re.IGNORECASE)


def _bound() -> set[str]:
    keys: set[str] = set()
    for value in vars(bindings).values():
        if isinstance(value, tuple) and value and all(isinstance(k, bindings.Key) for k in value):
            for key in value:
                keys |= set(key.keys.split(","))
    return keys


def test_every_key_a_text_names_is_bound_as_named():
    bound = _bound()
    assert "n" in bound and "c" in bound
    named = [(text_key, key) for text_key, pair in TEXT.items() for text in pair for key in HINT.findall(text)]
    assert named, "the pattern finds the hints"
    wrong = [(text_key, key) for text_key, key in named if key not in bound]
    assert wrong == []

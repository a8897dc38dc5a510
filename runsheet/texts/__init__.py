"""Every text in Vietnamese (the default) and English, said with say(key, lang, **values). Pure, and a leaf: it
imports nothing of runsheet, so every layer but the rules (which raise errors carrying keys) may use it.

Each area keeps its table in a module of its own; they all join the one table TEXT, where a key is declared once."""

from __future__ import annotations

from . import (ballots, chair, cli, common, counting, counting_minutes, desk, digest, errors, hall, keys, minutes, scan,
               scan_review, scan_watch, script, secretary, terminal)

TEXT: dict[str, tuple[str, str]] = {}  # key: (vi, en)


def _merge(*tables: dict[str, tuple[str, str]]) -> None:
    for table in tables:
        twice = TEXT.keys() & table.keys()
        if twice:
            raise ValueError(f"text keys declared twice: {sorted(twice)}")
        TEXT.update(table)


def say(key: str, lang: str = "vi", /, **values: object) -> str:
    """The text of key in lang ("vi" or "en"), its {placeholders} filled with values."""
    vi, en = TEXT[key]
    text = en if lang == "en" else vi
    return text.format(**values) if values else text


_merge(common.TEXT, keys.TEXT, chair.TEXT, desk.TEXT, counting.TEXT, secretary.TEXT, script.TEXT, hall.TEXT,
       terminal.TEXT, errors.TEXT, cli.TEXT, digest.TEXT, minutes.TEXT, counting_minutes.TEXT,
       ballots.TEXT, scan.TEXT, scan_review.TEXT, scan_watch.TEXT)

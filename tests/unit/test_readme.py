"""The README as a reader meets it: code spans that close on their line, every command of run.py in a code block,
every key that switches screens in the keys table."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from runsheet.cli import build_parser
from runsheet.ui.bindings import SWITCH

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _prose_and_code() -> tuple[list[str], list[str]]:
    prose, code, fenced = [], [], False
    for line in README.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        else:
            (code if fenced else prose).append(line)
    return prose, code


def test_code_spans_close_on_their_line():
    prose, _ = _prose_and_code()
    unclosed = [line for line in prose if line.count("`") % 2]
    assert unclosed == []


def test_every_command_is_shown_in_a_code_block():
    _, code = _prose_and_code()
    shown = {m.group(1) for line in code if (m := re.match(r"python3 run\.py (?:--db \S+ )?([a-z-]+)", line))}
    commands = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)).choices
    assert set(commands) - shown == set()


def test_the_keys_table_names_every_screen_key():
    table = [line for line in README.splitlines() if line.startswith("| `")]
    for key in SWITCH:
        assert any(f"`{key.keys.upper()}`" in row for row in table), key.keys

"""Every command's --help prints its help and exits 0 (a "%" in a help text once crashed argparse)."""

from __future__ import annotations

import argparse

import pytest

from runsheet.cli import build_parser, main


def _commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [path]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += _commands(sub, (*path, name))
    return found


COMMANDS = _commands(build_parser())


def test_the_walk_finds_the_commands_and_their_actions():
    assert () in COMMANDS and ("round",) in COMMANDS and ("round", "open") in COMMANDS
    assert ("nominate", "close") in COMMANDS and len(COMMANDS) > 30


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "run.py")
def test_help_of_every_command(command, capsys):
    with pytest.raises(SystemExit) as info:
        main([*command, "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: run.py") and "--db" in out

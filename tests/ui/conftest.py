from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from runsheet.clock import FakeClock
from runsheet.commands import Session, create

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch):
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)


@pytest.fixture(autouse=True)
def no_typed_ahead_pause(monkeypatch):
    """The chair ignores keys typed within half a second of a dialog closing (they were meant for the dialog); the
    pilot types far faster than anyone, so tests of other things turn that off (test_chair_keys.py tests it)."""
    monkeypatch.setattr("runsheet.ui.screens.chair.TYPED_AHEAD", 0.0)


@pytest.fixture(autouse=True)
def fixed_congress_ids(monkeypatch):
    """The chair's screen shows the head's short code, which chains the congress id and the badge secret: made the
    same on every run (and still different for each congress a test creates) so that snapshots compare."""
    import importlib
    import itertools
    import types
    import uuid

    made, module = itertools.count(1), importlib.import_module("runsheet.commands.create")
    monkeypatch.setattr(module, "uuid", types.SimpleNamespace(uuid4=lambda: uuid.UUID(int=next(made))))
    monkeypatch.setattr(module, "secrets", types.SimpleNamespace(token_hex=lambda n: f"{next(made):0{2 * n}x}"))


@pytest.fixture
def clock(start_moment) -> FakeClock:
    return FakeClock(start_moment)


def demo_session(path: Path, clock: FakeClock, scenario: str = "scenarios/chi-bo.toml",
                 roster: str = "data/demo-roster.csv") -> Session:
    session = create(str(path), str(ROOT / scenario), str(ROOT / roster), clock=clock, terminal="test:1",
                     congress_date="2025-06-01", start="07:30")
    return session


@pytest.fixture
def make_session(clock):
    return lambda path, *files: demo_session(path, clock, *files)


@pytest.fixture
def session(tmp_path, clock) -> Session:
    return demo_session(tmp_path / "congress.json", clock)

"""A store of tests/data/mini.toml and mini-roster.csv, with a clock the tests move."""

from __future__ import annotations

from pathlib import Path

import pytest

from runsheet.clock import FakeClock
from runsheet.commands import Session, create

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def clock(start_moment) -> FakeClock:
    return FakeClock(start_moment)


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "congress.json"


@pytest.fixture
def session(db, clock) -> Session:
    return create(str(db), str(DATA / "mini.toml"), str(DATA / "mini-roster.csv"), clock=clock, terminal="test:1",
                  congress_date="2025-06-01")

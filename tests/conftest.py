"""Shared fixtures. Times are shown in the host's zone, so tests fix it to Vietnam's for stable output."""

from __future__ import annotations

import os
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from runsheet.clock import FakeClock
from runsheet.commands import Session, create

os.environ["TZ"] = "Asia/Ho_Chi_Minh"
if hasattr(time, "tzset"):
    time.tzset()

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
VN = timezone(timedelta(hours=7))


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture
def start_moment() -> datetime:
    """07:20 local on the congress day, ten minutes before the planned start."""
    return datetime(2025, 6, 1, 7, 20, tzinfo=VN)


# a store of tests/data/mini.toml and mini-roster.csv, with a clock the tests move (tests/ui has its own, of the
# demo congress)
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

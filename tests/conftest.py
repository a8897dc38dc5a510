"""Shared fixtures. Times are shown in the host's zone, so tests fix it to Vietnam's for stable output."""

from __future__ import annotations

import os
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

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

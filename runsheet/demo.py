"""The demo congress that `python3 run.py` opens with no --db: created on first use from the shipped
scenario and roster, with most members checked in and the first step running."""

from __future__ import annotations

import os
import sys
from datetime import timedelta
from pathlib import Path

from .clock import Clock, system_clock
from .commands import Session, create

ABSENT_EXCUSED = {"DV16": "Đi công tác"}  # members with no part in running the demo congress
ABSENT = {"DV13"}


def shipped(*parts: str) -> Path:
    """A file shipped with runsheet: beside the package in a checkout, under share/runsheet when installed."""
    for root in (Path(__file__).resolve().parent.parent, Path(sys.prefix) / "share" / "runsheet"):
        candidate = root.joinpath(*parts)
        if candidate.exists():
            return candidate
    raise FileNotFoundError(os.path.join(*parts))


def demo_store() -> Path:
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "scenarios").is_dir() and os.access(checkout, os.W_OK):
        return checkout / "data" / "demo" / "congress.json"
    return Path.home() / ".runsheet" / "demo.json"


def open_demo(clock: Clock = system_clock, role: str | None = None) -> Session:
    """Open the demo congress; a demo left from another day is set aside and a new one planned from now."""
    path = demo_store()
    today = clock().astimezone().date().isoformat()
    if path.exists() and Session(str(path), clock=clock).state.agenda.starts_at.date().isoformat() != today:
        path.rename(path.with_name(f"congress-{path.stat().st_mtime_ns}.json"))
    if not path.exists():
        now = clock().astimezone()
        start = (now - timedelta(minutes=now.minute % 5)).strftime("%H:%M")
        session = create(str(path), str(shipped("scenarios", "chi-bo.toml")),
                         str(shipped("data", "demo-roster.csv")), clock=clock, congress_date=today, start=start)
        present = [m.id for m in session.state.roster if m.id not in ABSENT_EXCUSED and m.id not in ABSENT
                   and not m.exempt and not m.transferred]
        session.attendance.attend(present)
        for member_id, reason in ABSENT_EXCUSED.items():
            if session.state.roster.get(member_id):
                session.attendance.absent(member_id, reason)
        session.agenda.next_step()
    return Session(str(path), role=role, clock=clock)

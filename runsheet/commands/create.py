"""A new congress store from a scenario and a roster: both are checked first; nothing is written on error."""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import uuid
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from ..clock import Clock, system_clock
from ..errors import DomainError, InputError
from ..rules.roster import parse_roster
from ..rules.scenario import FIRST_DAY, LAST_DAY, Document, parse_scenario
from ..store.documents import document_path, documents_folder
from ..store.events import CongressCreated, Event
from ..store.log import EventLog
from ..store.state import CongressState

if TYPE_CHECKING:
    from . import Session

FORMAT = 1


def default_terminal() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror}") from None


def create(db: str, scenario_path: str, roster_path: str, clock: Clock = system_clock,
           terminal: str | None = None, congress_date: str | None = None,
           start: str | None = None) -> Session:
    """Create a new store from a scenario and a roster. Validates both first; writes nothing on error."""
    from . import Session  # the package imports this module first

    roster_bytes = _read(roster_path)
    roster = parse_roster(roster_bytes, roster_path)
    roster_text = roster_bytes.decode("utf-8-sig")
    try:
        scenario_text = _read(scenario_path).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(scenario_path, "the scenario is not UTF-8 text") from None
    scenario = parse_scenario(scenario_text, scenario_path, roster)
    sources = _documents(scenario, scenario_path)
    for value, what, check in ((congress_date, "date", _valid_date), (start, "start", _valid_hhmm)):
        if value is not None and not check(value):
            form = f"date YYYY-MM-DD, {FIRST_DAY}…{LAST_DAY}" if what == "date" else "time HH:MM"
            raise DomainError("err.bad_value", option=what, value=value, form=form)
    now = clock()
    day = congress_date or (scenario.congress.date or now.astimezone().date()).isoformat()
    # the host's offset on the congress day at its start (not today's: a change to summer time may fall between)
    starts = datetime.combine(date.fromisoformat(day), time.fromisoformat(start) if start else scenario.congress.start)
    offset = starts.astimezone().utcoffset().total_seconds() // 60
    created = CongressCreated(
        format=FORMAT, congress_id=uuid.uuid4().hex, date=day, utc_offset_minutes=int(offset),
        scenario={"file": os.path.basename(scenario_path), "text": scenario_text},
        roster={"file": os.path.basename(roster_path), "text": roster_text},
        badge_secret=secrets.token_hex(16), start=start)
    first = Event.make(None, created, "chair", terminal or default_terminal(), now)
    CongressState(first)  # a store is written only if it can be opened again
    EventLog.create(db, first)
    if sources:
        documents_folder(db).mkdir(exist_ok=True)
        for document, source in sources:
            shutil.copyfile(source, document_path(db, document))
    return Session(db, clock=clock, terminal=terminal)


def _documents(scenario, scenario_path: str) -> list[tuple[Document, Path]]:
    """The scenario's documents and their files (relative to its folder), each checked to be there."""
    folder = Path(scenario_path).resolve().parent
    found = []
    for document in scenario.documents.values():
        source = folder / document.file
        if not source.is_file():
            raise InputError(scenario_path, f"document {document.id}: no file {document.file} beside the scenario")
        found.append((document, source))
    return found


def _valid_date(value: str) -> bool:
    try:
        return len(value) == 10 and FIRST_DAY <= date.fromisoformat(value) <= LAST_DAY
    except ValueError:
        return False


def _valid_hhmm(value: str) -> bool:
    try:
        time.fromisoformat(value)
        return len(value) == 5
    except ValueError:
        return False

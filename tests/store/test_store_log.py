"""The event log on real files: appending, refreshing from another handle, creating and opening."""

from datetime import datetime, UTC
from pathlib import Path

import pytest
from tinydb import TinyDB

from runsheet.clock import FakeClock
from runsheet.commands import Session, create
from runsheet.errors import StoreError
from runsheet.store.log import EventLog, verify
from runsheet.store.storage import AppendOnlyStorage
from storefile import docs, lines_of

DATA = Path(__file__).resolve().parents[1] / "data"
START = datetime(2025, 5, 10, 0, 30, tzinfo=UTC)


def new_store(tmp_path: Path, terminal: str = "t1") -> tuple[Path, Session]:
    path = tmp_path / "congress.json"
    session = create(str(path), str(DATA / "mini.toml"), str(DATA / "mini-roster.csv"),
                     clock=FakeClock(START), terminal=terminal, congress_date="2025-05-10")
    return path, session


def test_create_writes_one_line_holding_the_first_event(tmp_path):
    path, session = new_store(tmp_path)
    assert path.read_bytes().count(b"\n") == 1 and path.read_bytes().endswith(b"\n")
    (doc,) = docs(path)
    assert doc["type"] == "congress.created" and doc["hash"] == session.log.head.hash
    assert verify(str(path)).ok


def test_a_commit_appends_its_lines_and_leaves_every_earlier_byte_as_it_was(tmp_path):
    path, session = new_store(tmp_path)
    before = path.read_bytes()
    session.attendance.attend(["A1", "A2", "A3"])  # one commit of three events
    after = path.read_bytes()
    assert after.startswith(before)
    added = lines_of(path)[1:]
    assert [line.get("more") for line in added] == [1, 1, None]  # a commit's lines but its last say more follow
    assert [doc["seq"] for doc in docs(path)] == [1, 2, 3, 4]


def test_tinydb_opens_the_store_and_may_only_append(tmp_path):
    path, session = new_store(tmp_path)
    session.attendance.attend(["A1"])
    db = TinyDB(str(path), storage=AppendOnlyStorage)
    table = db.table("events")
    assert [doc["type"] for doc in table.all()] == ["congress.created", "member.attended"]
    with pytest.raises(StoreError, match="append-only"):
        table.update({"role": "desk"}, doc_ids=[2])
    assert verify(str(path)).ok and len(docs(path)) == 2


def test_second_session_sees_the_first_ones_events_after_sync(tmp_path):
    path, writer = new_store(tmp_path)
    reader = Session(str(path), terminal="t2")
    assert reader.sync() == []

    written = [*writer.agenda.next_step().events, *writer.attendance.attend(["A1", "A2"]).events]
    assert len(written) == 3
    new = reader.sync()
    assert [e.seq for e in new] == [2, 3, 4]
    assert new == written
    assert reader.state.agenda.current == "khai-mac"
    assert set(reader.state.attendance.present) == {"A1", "A2"}
    assert reader.state.seq == 4
    assert reader.sync() == []  # nothing more to apply


def test_sync_applies_only_the_new_events(tmp_path):
    path, writer = new_store(tmp_path)
    reader = Session(str(path), terminal="t2")
    writer.agenda.next_step()
    writer.agenda.adjust(2)
    reader.sync()
    writer.agenda.adjust(3)
    assert [e.type for e in reader.sync()] == ["step.adjusted"]
    # had the first adjustment been applied twice, the step would have 2 extra minutes too many
    assert reader.state.agenda.runs["khai-mac"].extra == 5 * 60
    assert writer.state.agenda.runs["khai-mac"].extra == 5 * 60


def test_eventlog_refresh_returns_only_new_events(tmp_path):
    path, writer = new_store(tmp_path)
    log = EventLog(str(path))
    assert [e.seq for e in log.events] == [1]
    writer.attendance.attend(["A1"])
    writer.attendance.attend(["A2"])
    assert [e.seq for e in log.refresh()] == [2, 3]
    assert log.refresh() == []
    assert [e.seq for e in log.events] == [1, 2, 3]


def test_changed_is_false_when_nothing_was_written(tmp_path):
    path, writer = new_store(tmp_path)
    reader = Session(str(path), terminal="t2")
    assert not reader.log.changed()
    assert not writer.log.changed()
    writer.attendance.attend(["A1"])
    assert not writer.log.changed()  # its own write is not news to it
    assert reader.log.changed()
    reader.sync()
    assert not reader.log.changed()
    writer.attendance.attend(["A1"])  # already present: no event, no write
    assert not reader.log.changed()


def test_a_commit_first_takes_in_what_others_wrote(tmp_path):
    path, first = new_store(tmp_path)
    second = Session(str(path), terminal="t2")
    second.attendance.attend(["A1"])
    # `first` has not synced, but its command must see A1 present and append after event 2
    events = first.attendance.attend(["A1", "A2"]).events
    assert [(e.seq, e.data["member"]) for e in events] == [(3, "A2")]
    assert [e.seq for e in first.log.events] == [1, 2, 3]
    assert set(first.state.attendance.present) == {"A1", "A2"}
    assert [e.terminal for e in first.log.events] == ["t1", "t2", "t1"]
    assert verify(str(path)).ok


def test_a_fresh_session_folds_to_the_same_state(tmp_path):
    path, writer = new_store(tmp_path)
    writer.agenda.next_step()
    writer.attendance.attend(["A1", "A3"])
    writer.attendance.absent("A2", "ốm")
    writer.agenda.adjust(-2)
    fresh = Session(str(path))
    assert fresh.log.events == writer.log.events
    assert fresh.state.attendance == writer.state.attendance
    assert fresh.state.agenda.runs["khai-mac"].extra == -120
    assert fresh.state.figures() == writer.state.figures()


def test_create_refuses_an_existing_store_and_leaves_it_unchanged(tmp_path):
    path, session = new_store(tmp_path)
    session.attendance.attend(["A1"])
    before = path.read_bytes()
    with pytest.raises(StoreError, match="already exists"):
        new_store(tmp_path)
    assert path.read_bytes() == before


def test_create_refuses_any_existing_file(tmp_path):
    path = tmp_path / "congress.json"
    path.write_bytes(b"not ours")
    with pytest.raises(StoreError):
        new_store(tmp_path)
    assert path.read_bytes() == b"not ours"


def test_opening_a_missing_store_raises(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        Session(str(tmp_path / "missing.json"))
    with pytest.raises(StoreError):
        EventLog(str(tmp_path / "missing.json"))
    assert list(tmp_path.iterdir()) == []


def test_every_line_is_whole_after_every_write_and_no_temp_files_remain(tmp_path):
    path, session = new_store(tmp_path)
    session.agenda.next_step()
    commands = [lambda: session.attendance.attend(["A1"]), lambda: session.attendance.absent("A2", "công tác"),
                lambda: session.agenda.adjust(1), lambda: session.agenda.pause(), lambda: session.agenda.resume(),
                lambda: session.agenda.next_step(), lambda: session.attendance.attend(["A3", "A6"])]
    for command in commands:
        command()
        written = docs(path)
        assert len(written) == len(session.log.events)
        assert (written[-1]["seq"], written[-1]["hash"]) == (session.log.head.seq, session.log.head.hash)
        # the lock file stays (filelock keeps it); no temporary file does
        assert {p.name for p in tmp_path.iterdir()} <= {"congress.json", "congress.json.lock"}
    assert verify(str(path)).ok
    assert verify(str(path)).events == len(session.log.events)

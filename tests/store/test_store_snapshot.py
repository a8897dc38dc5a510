"""The snapshot beside a long store: opening reads it and the lines after it, and gives the state a fold from the
first event gives; it is only a cache (deleted, stale, of other code, of another store: not used, nothing else
changes); and the codec writes every kind of value the fold of a whole congress builds."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from full_congress import drive
from runsheet.commands import Session
from runsheet.rules.election import Reading
from runsheet.store import snapshot
from runsheet.store.log import EventLog
from runsheet.store.snapshot_codec import SnapshotError, decode, encode
from runsheet.store.state import CongressState


def same(a: object, b: object, where: str = "state") -> None:
    """a and b hold the same values all the way down (sets compared as sets, objects by their attributes)."""
    assert type(a) is type(b), (where, type(a), type(b))
    if isinstance(a, (list, tuple)) and not isinstance(a, Enum):
        assert len(a) == len(b), where
        for k, (x, y) in enumerate(zip(a, b)):
            same(x, y, f"{where}[{k}]")
    elif isinstance(a, dict):
        assert set(a) == set(b), (where, set(a) ^ set(b))
        for key in a:
            same(a[key], b[key], f"{where}[{key!r}]")
    elif hasattr(a, "__dict__") and not isinstance(a, type):
        caches = getattr(type(a), "_SNAPSHOT_CACHES", ())  # written as None, made again when first asked for
        same(*({k: v for k, v in vars(x).items() if k not in caches} for x in (a, b)), where)
    else:
        assert a == b, (where, a, b)


@pytest.fixture(scope="module")
def congress(tmp_path_factory) -> Session:
    return drive(tmp_path_factory.mktemp("snap") / "congress.json")


def test_the_state_of_a_whole_congress_reads_back_the_same(congress):
    state = congress.state
    back = decode(orjson.loads(orjson.dumps(encode(state))))
    assert isinstance(back, CongressState)
    same(back, state)
    for election in state.scenario.elections:
        if state.rounds[election]:
            assert back.results(election) == state.results(election)
    assert back.figures() == state.figures()


def test_a_value_the_codec_does_not_know_is_refused_when_writing():
    with pytest.raises(SnapshotError):
        encode({"clock": object()})
    with pytest.raises(SnapshotError):
        decode({"O": [0, "builtins:object", {}]})  # only runsheet's own classes are made


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 3), st.integers(1, 40), st.frozensets(st.integers(1, 6), max_size=6)),
                max_size=60))
def test_any_round_of_ballots_reads_back_the_same(entries):
    from runsheet.rules.election import RoundRecord

    record = RoundRecord("e", 1, [f"C{i}" for i in range(1, 7)], 4, 3, 40, 40)
    for pass_no, ballot, struck in entries:
        record.enter(pass_no, ballot, Reading(struck))
    back = decode(orjson.loads(orjson.dumps(encode(record))))
    same(back, record)
    assert back.tally(40) == record.tally(40) and back.mismatches() == record.mismatches()
    back.enter(1, 1, Reading(frozenset({1})))  # and it goes on counting as the original would
    record.enter(1, 1, Reading(frozenset({1})))
    assert back.tally(40) == record.tally(40)


@pytest.fixture
def every_ten(monkeypatch):
    monkeypatch.setattr(snapshot, "SNAPSHOT_EVERY", 10)


def fill(session: Session, commands: int) -> None:
    session.agenda.next_step()
    for k in range(commands):
        session.agenda.adjust(1 if k % 2 == 0 else -1)


def test_a_long_store_opens_from_its_snapshot_and_the_lines_after_it(session, every_ten):
    fill(session, 23)  # 25 events: a snapshot at 20
    path = session.path
    snap = snapshot.read(path)
    assert snap is not None and snap.seq == 20
    opened = Session(path)
    assert opened.log.snapshot is not None
    assert opened.log.events._base == 20 and len(opened.log.events) == 25  # the prefix is not read
    same(opened.state, session.state)
    assert [e.seq for e in opened.log.events] == list(range(1, 26))  # read when asked for, and checked
    assert opened.log.events == session.log.events


def test_without_its_snapshot_a_store_opens_the_same(session, every_ten):
    fill(session, 23)
    Path(snapshot.path_of(session.path)).unlink()
    opened = Session(session.path)
    assert opened.log.snapshot is None
    same(opened.state, session.state)
    assert snapshot.read(session.path) is not None  # written again, for the next terminal


@pytest.mark.parametrize("spoil", ["garbage", "other code", "other store", "moved offset"])
def test_a_snapshot_that_does_not_fit_is_not_used(session, every_ten, tmp_path, spoil):
    fill(session, 23)
    path = Path(snapshot.path_of(session.path))
    data = orjson.loads(path.read_bytes())
    if spoil == "garbage":
        path.write_bytes(b"{not json")
    elif spoil == "other code":
        data["code"] = "0" * 64
        path.write_bytes(orjson.dumps(data))
    elif spoil == "other store":
        data["head"]["hash"] = "f" * 64
        path.write_bytes(orjson.dumps(data))
    else:
        data["offset"] -= 1
        path.write_bytes(orjson.dumps(data))
    log = EventLog(session.path)
    assert log.snapshot is None and len(log.events) == 25
    same(Session(session.path).state, session.state)


def test_a_snapshot_of_a_state_says_which_event_it_stands_at(session, every_ten):
    fill(session, 7)
    assert snapshot.read(session.path) is None  # 9 events: no mark crossed yet
    session.agenda.adjust(1)
    snap = snapshot.read(session.path)
    assert snap is not None and snap.seq == 10 and snap.head["hash"] == session.log.events[9].hash


def test_the_screens_follower_starts_from_the_snapshot_too(session, every_ten):
    from runsheet.store.follow import Follower

    fill(session, 23)
    opened = Session(session.path)
    follower = Follower(opened.log)
    assert follower.position == 25 and opened.log.events._base == 20
    session.agenda.adjust(1)
    opened.sync()
    assert [e.seq for e in follower.catch_up()] == [26]
    same(follower.state, session.state)



def test_the_same_state_is_always_written_the_same(congress):
    """verify compares a snapshot with a fold of the log byte for byte: a set's members (ordered by a hash that
    changes with every process) and a cache made on demand must not make two writings of one state differ."""
    state = congress.state
    state.figures()  # the cache made
    folded = congress.log.initial_state()[0]  # another fold of the same log, its cache not made
    assert orjson.dumps(encode(state)) == orjson.dumps(encode(folded))

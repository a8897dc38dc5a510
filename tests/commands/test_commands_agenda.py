"""Session commands on real stores: creating a store, steering the programme, and what each role may do."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from runsheet.commands import Session, create
from runsheet.errors import DomainError, InputError, StoreExistsError

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SCENARIO = DATA / "mini.toml"
ROSTER = DATA / "mini-roster.csv"
# mini.toml's programme, in its printed order
ORDER = ["khai-mac", "bao-cao", "chi-dao", "bau", "be-mac"]


def types(events) -> list[str]:
    return [e.type for e in events]


def refused(key: str, action, *args, **kwargs) -> DomainError:
    with pytest.raises(DomainError) as info:
        action(*args, **kwargs)
    assert info.value.key == key, (info.value.key, str(info.value))
    return info.value


# ---- create --------------------------------------------------------------------------------------------------

def test_create_with_a_bad_scenario_writes_nothing(tmp_path, clock):
    bad = tmp_path / "bad.toml"
    bad.write_text(SCENARIO.read_text(encoding="utf-8").replace("{denominator}", "{no_such_value}"),
                   encoding="utf-8")
    db = tmp_path / "sub" / "congress.json"
    with pytest.raises(InputError) as info:
        create(str(db), str(bad), str(ROSTER), clock=clock)
    assert "bad.toml" in str(info.value) and "khai-mac" in str(info.value)
    assert not db.exists() and not db.parent.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.toml"]


@pytest.mark.parametrize("rows, problem", [
    ("A1,Nguyễn Văn Bình,official,\nA1,Trần Thị Hoa,official,\n", "duplicate"),
    ("A1,Nguyễn Văn Bình,chinh-thuc,\n", "status"),
])
def test_create_with_a_bad_roster_writes_nothing(tmp_path, clock, rows, problem):
    bad = tmp_path / "bad.csv"
    bad.write_text("id,name,status,flags\n" + rows, encoding="utf-8")
    db = tmp_path / "sub" / "congress.json"
    with pytest.raises(InputError) as info:
        create(str(db), str(SCENARIO), str(bad), clock=clock)
    assert "bad.csv" in str(info.value) and problem in str(info.value)
    assert not db.exists() and not db.parent.exists()


def test_create_with_a_missing_file_writes_nothing(tmp_path, clock):
    db = tmp_path / "congress.json"
    with pytest.raises(InputError):
        create(str(db), str(tmp_path / "nowhere.toml"), str(ROSTER), clock=clock)
    with pytest.raises(InputError):
        create(str(db), str(SCENARIO), str(tmp_path / "nowhere.csv"), clock=clock)
    assert list(tmp_path.iterdir()) == []


def test_create_refuses_an_existing_store(session, db, clock):
    session.attendance.attend(["A1"])
    before = db.read_bytes()
    with pytest.raises(StoreExistsError) as info:
        create(str(db), str(SCENARIO), str(ROSTER), clock=clock)
    assert info.value.exit_code == 2
    assert str(db) in str(info.value)
    assert db.read_bytes() == before
    assert Session(str(db)).state.attendance.here == {"A1"}


def test_create_refuses_any_existing_file(tmp_path, clock):
    other = tmp_path / "notes.txt"
    other.write_bytes(b"not a store\n")
    with pytest.raises(StoreExistsError) as info:
        create(str(other), str(SCENARIO), str(ROSTER), clock=clock)
    assert info.value.exit_code == 2
    assert other.read_bytes() == b"not a store\n"


def test_created_event_carries_the_congress_identity(session, tmp_path, clock):
    first = session.log.events[0]
    assert first.type == "congress.created" and first.seq == 1
    data = first.data
    assert re.fullmatch(r"[0-9a-f]{32}", data["badge_secret"])
    assert re.fullmatch(r"[0-9a-f]{32}", data["congress_id"])
    assert data["date"] == "2025-06-01"
    assert data["utc_offset_minutes"] == 7 * 60  # Asia/Ho_Chi_Minh (tests/conftest.py)
    assert session.state.congress_id == data["congress_id"]
    assert session.state.badge_secret == data["badge_secret"]
    # a second congress gets its own identity and its own secret
    other = create(str(tmp_path / "other.json"), str(SCENARIO), str(ROSTER), clock=clock).log.events[0].data
    assert other["congress_id"] != data["congress_id"]
    assert other["badge_secret"] != data["badge_secret"]


# ---- restore and insert never leave a step behind the current one -----------------------------------------

def test_restore_behind_the_current_step_moves_it_after_the_current_step(session, db, clock):
    session.agenda.next_step()                        # khai-mac
    session.agenda.skip("bao-cao")
    clock.advance(minutes=10)
    session.agenda.next_step()                        # chi-dao: bao-cao now lies behind it
    assert session.state.agenda.current == "chi-dao"
    events = session.agenda.restore("bao-cao").events
    assert types(events) == ["step.restored", "step.moved"]
    assert events[1].data == {"step": "bao-cao", "after": "chi-dao"}
    expected = ["khai-mac", "chi-dao", "bao-cao", "bau", "be-mac"]
    assert session.state.agenda.order == expected
    assert Session(str(db)).state.agenda.order == expected
    clock.advance(minutes=15)
    session.agenda.next_step()
    assert session.state.agenda.current == "bao-cao"  # reached, not lost behind


def test_restore_ahead_of_the_current_step_leaves_it_in_place(session):
    session.agenda.next_step()
    session.agenda.skip("bau")
    events = session.agenda.restore("bau").events
    assert types(events) == ["step.restored"]
    assert session.state.agenda.order == ORDER
    refused("err.not_skipped", session.agenda.restore, "bau")


def test_insert_after_a_step_behind_the_current_one_lands_after_the_current_step(session, db, clock):
    session.agenda.next_step()
    clock.advance(minutes=10)
    session.agenda.next_step()
    session.agenda.next_step()                        # chi-dao
    events = session.agenda.insert_step("Phát biểu của khách mời", 5, who="Khách mời", after="khai-mac").events
    assert types(events) == ["step.inserted"]
    new_id = events[0].data["step"]["id"]
    assert events[0].data["after"] == "chi-dao"
    order = session.state.agenda.order
    assert order.index(new_id) == order.index("chi-dao") + 1
    assert Session(str(db)).state.agenda.order == order


def test_insert_after_a_later_step_goes_where_asked(session):
    session.agenda.next_step()
    events = session.agenda.insert_step("Giải lao", 10, after="bau").events
    order = session.state.agenda.order
    assert order.index(events[0].data["step"]["id"]) == order.index("bau") + 1


# ---- move_by ----------------------------------------------------------------------------------------------------

def test_move_by_refuses_at_the_start_and_at_the_end(session, db):
    before = db.read_bytes()
    refused("err.at_start", session.agenda.move_by, "khai-mac", -1)
    refused("err.at_end", session.agenda.move_by, "be-mac", +1)
    assert db.read_bytes() == before
    assert session.state.agenda.order == ORDER


def test_move_by_swaps_with_a_neighbour(session):
    session.agenda.move_by("bau", -1)
    assert session.state.agenda.order == ["khai-mac", "bao-cao", "bau", "chi-dao", "be-mac"]
    session.agenda.move_by("khai-mac", +1)
    assert session.state.agenda.order == ["bao-cao", "khai-mac", "bau", "chi-dao", "be-mac"]


# ---- pause decided on the latest state ------------------------------------------------------------------------

def test_toggle_pause_decides_on_the_latest_state(session, db, clock):
    session.agenda.next_step()
    stale = Session(str(db), clock=clock, terminal="test:2")   # opened before the pause
    other = Session(str(db), clock=clock, terminal="test:3")
    clock.advance(minutes=2)
    assert types(session.agenda.pause().events) == ["timer.paused"]
    assert not stale.state.agenda.paused                      # it has not looked yet
    clock.advance(minutes=1)
    events = stale.agenda.toggle_pause().events
    assert types(events) == ["timer.resumed"]                 # not a second pause, not an error
    assert not stale.state.agenda.paused
    session.sync()
    assert not session.state.agenda.paused
    # a plain pause from a terminal that has not looked is checked on the latest state too
    session.agenda.pause()
    refused("err.paused", other.agenda.pause)


def test_toggle_pause_pauses_a_running_step(session):
    session.agenda.next_step()
    assert types(session.agenda.toggle_pause().events) == ["timer.paused"]
    assert session.state.agenda.paused
    assert types(session.agenda.toggle_pause().events) == ["timer.resumed"]


# ---- roles --------------------------------------------------------------------------------------------------------

def test_desk_may_not_steer_the_programme(session, db, clock):
    desk = Session(str(db), role="desk", clock=clock)
    before = len(desk.log.events)
    exc = refused("err.rights", desk.agenda.next_step)
    # the refusal itself is logged (who tried what), and nothing else is written
    assert [(e.type, e.role, e.data) for e in Session(str(db)).log.events[before:]] == [
        ("role.refused", "desk", {"right": "agenda", "reason": "err.rights"})]
    assert desk.state.agenda.current is None
    vi, en = exc.text("vi"), exc.text("en")
    assert vi != en
    assert "Lễ tân" in vi and "điều hành chương trình" in vi
    assert "desk" in en and "steer the programme" in en
    assert str(exc) == en
    desk.attendance.attend(["A1"])                                     # what the desk is for
    assert desk.state.attendance.here == {"A1"}


def test_projector_may_not_record_attendance(session, db, clock):
    projector = Session(str(db), role="projector", clock=clock)
    before = db.read_bytes()
    exc = refused("err.rights", projector.attendance.attend, ["A1"])
    refused("err.rights", projector.attendance.check_in, "A1")
    assert db.read_bytes() == before
    vi, en = exc.text("vi"), exc.text("en")
    assert vi != en
    assert "máy chiếu" in vi and "điểm danh" in vi
    assert "projector" in en and "record attendance" in en


def test_no_role_may_do_both(session, db, clock):
    anyone = Session(str(db), role=None, clock=clock)
    anyone.agenda.next_step()
    anyone.attendance.attend(["A1", "A2"])
    reopened = Session(str(db))
    assert reopened.state.agenda.current == "khai-mac"
    assert reopened.state.attendance.here == {"A1", "A2"}
    assert [e.role for e in reopened.log.events[1:]] == ["chair"] * 3


def test_unknown_role_is_refused(session, db):
    refused("err.role", Session, str(db), role="janitor")

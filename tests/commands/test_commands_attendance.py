"""Session commands on real stores: check-in, departures, absences, the roster, delegates and badge scans."""

from __future__ import annotations

import time
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import pytest

from runsheet.commands.status import status_data
from runsheet.commands import Session, create
from runsheet.errors import DomainError
from runsheet.rules import badge

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SCENARIO = DATA / "mini.toml"
ROSTER = DATA / "mini-roster.csv"
# mini-roster.csv: A1..A3 official, A4 official exempt, A5 official transferred, A6 probationary -> D = 3


def refused(key: str, action, *args, **kwargs) -> DomainError:
    with pytest.raises(DomainError) as info:
        action(*args, **kwargs)
    assert info.value.key == key, (info.value.key, str(info.value))
    return info.value


def D(session: Session) -> int:
    return session.state.figures().denominator


@pytest.fixture
def host_in_utc(monkeypatch):
    """The terminal's own zone differs from the congress's: times must still be said in the congress's zone."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


# ---- check-in ------------------------------------------------------------------------------------------------

def test_second_check_in_is_refused_and_says_when_the_first_was(session, db, clock, host_in_utc):
    clock.moment = datetime(2025, 6, 1, 0, 25, tzinfo=UTC)  # 07:25 in Vietnam
    events = session.attendance.check_in("A1").events
    assert [(e.type, e.data) for e in events] == [("member.attended", {"member": "A1", "via": "desk"})]
    clock.advance(minutes=20)
    before = db.read_bytes()
    exc = refused("err.already_in", session.attendance.check_in, "A1")
    assert db.read_bytes() == before
    for lang in ("vi", "en"):
        assert "07:25" in exc.text(lang) and "Nguyễn Văn Bình" in exc.text(lang)
    assert "00:25" not in exc.text("vi")


def test_check_in_of_an_unknown_member_is_refused(session, db):
    before = db.read_bytes()
    refused("err.no_member", session.attendance.check_in, "ZZ9")
    refused("err.no_member", session.attendance.attend, ["A1", "ZZ9"])  # all or nothing
    assert db.read_bytes() == before


def test_attend_skips_those_already_present(session, clock):
    session.attendance.attend(["A1"])
    clock.advance(minutes=5)
    events = session.attendance.attend(["A1", "A2", "A2", "A6"]).events
    assert [e.data["member"] for e in events] == ["A2", "A6"]
    assert session.state.attendance.here == {"A1", "A2", "A6"}
    assert session.attendance.attend(["A1", "A2"]).events == ()
    assert session.state.attendance.arrived["A1"] < session.state.attendance.arrived["A2"]


# ---- leave, undo ---------------------------------------------------------------------------------------------

def test_leave_requires_presence(session, db, clock):
    refused("err.not_here", session.attendance.leave, "A1")
    session.attendance.attend(["A1"])
    before = db.read_bytes()
    refused("err.not_here", session.attendance.leave, "A1", "A2")  # all or none
    assert db.read_bytes() == before
    assert session.state.attendance.here == {"A1"}
    clock.advance(minutes=30)
    events = session.attendance.leave("A1").events
    assert [e.type for e in events] == ["member.left"]
    assert "A1" not in session.state.attendance.here and "A1" in session.state.attendance.arrived
    assert session.state.figures().left_official == 1
    refused("err.not_here", session.attendance.leave, "A1")


def test_undo_check_in_removes_the_arrival_and_keeps_the_log(session, db):
    session.attendance.attend(["A1", "A2"])
    events = session.attendance.undo_check_in("A1").events
    assert [(e.type, e.data) for e in events] == [("member.attendance_undone", {"member": "A1"})]
    assert "A1" not in session.state.attendance.arrived and "A1" not in session.state.attendance.here
    assert session.state.attendance.here == {"A2"}
    log = [(e.type, e.data.get("member")) for e in Session(str(db)).log.events]
    assert ("member.attended", "A1") in log and log[-1] == ("member.attendance_undone", "A1")
    assert Session(str(db)).state.attendance.here == {"A2"}
    refused("err.not_checked_in", session.attendance.undo_check_in, "A1")
    refused("err.not_checked_in", session.attendance.undo_check_in, "A3")


# ---- absences and D -----------------------------------------------------------------------------------------

def test_absent_refuses_a_member_who_came(session, db, clock):
    session.attendance.attend(["A1"])
    refused("err.came", session.attendance.absent, "A1", "Ốm")
    session.attendance.leave("A1")
    refused("err.came", session.attendance.absent, "A1", "Ốm")  # came, then left: still came
    session.attendance.undo_check_in("A1")                        # the check-in was a mistake
    session.attendance.absent("A1", "Ốm")
    assert session.state.attendance.excused == {"A1": "Ốm"}


def test_absent_with_a_reason_lowers_D_without_one_does_not(session, db):
    assert D(session) == 3
    session.attendance.absent("A3")
    assert D(session) == 3
    session.attendance.absent("A3", "   ")                        # a blank reason is no reason
    assert D(session) == 3
    session.attendance.absent("A2", "Đi công tác")
    assert D(session) == 2
    figures = Session(str(db)).state.figures()
    # A1 (not come yet) and A3 count as absent without a reason, A2 with one
    assert (figures.denominator, figures.absent_excused, figures.absent_unexcused) == (2, 1, 2)


# ---- the roster -----------------------------------------------------------------------------------------------

def test_add_member_appears_in_the_roster_and_the_figures(session, db, clock):
    before = status_data(session.state, session.log.head, clock())
    events = session.attendance.add_member("A7", "Đinh Văn Tâm").events
    assert events[0].type == "member.added"
    assert session.state.roster.get("A7").name == "Đinh Văn Tâm"
    after = status_data(session.state, session.log.head, clock())
    assert after["members_total"] == before["members_total"] + 1
    assert after["official_total"] == before["official_total"] + 1
    assert after["denominator"] == before["denominator"] + 1
    session.attendance.attend(["A7"])
    assert status_data(session.state, session.log.head, clock())["present_official"] == 1
    reopened = Session(str(db))
    assert reopened.state.roster.get("A7").name == "Đinh Văn Tâm"
    assert status_data(reopened.state, reopened.log.head, clock())["members_total"] == after["members_total"]


def test_add_member_refuses_a_duplicate_id(session, db):
    before = db.read_bytes()
    refused("err.member_exists", session.attendance.add_member, "A1", "Người Khác")
    refused("err.member_exists", session.attendance.add_member, " A1 ", "Người Khác")
    assert db.read_bytes() == before
    assert session.state.roster.get("A1").name == "Nguyễn Văn Bình"


def test_correct_member_fixes_the_name_in_NFC(session, db):
    typed = unicodedata.normalize("NFD", "Trần  Thị Hòa ")    # decomposed, with stray spaces
    events = session.attendance.correct_member("A2", name=typed).events
    assert events[0].type == "member.corrected"
    name = session.state.roster.get("A2").name
    assert name == unicodedata.normalize("NFC", "Trần Thị Hòa") and unicodedata.is_normalized("NFC", name)
    assert Session(str(db)).state.roster.get("A2").name == name
    assert len(session.state.roster) == 6


def test_correct_member_without_a_change_is_refused(session, db):
    before = db.read_bytes()
    refused("err.zero", session.attendance.correct_member, "A1", name="Nguyễn Văn Bình")
    refused("err.zero", session.attendance.correct_member, "A1", name=unicodedata.normalize("NFD", "Nguyễn Văn Bình"))
    refused("err.zero", session.attendance.correct_member, "A1", status="official")
    refused("err.no_member", session.attendance.correct_member, "ZZ9", name="Ai Đó")
    assert db.read_bytes() == before


def test_status_correction_moves_D(session, db):
    session.attendance.correct_member("A6", status="official")
    assert D(session) == 4
    session.attendance.correct_member("A1", flags=("suspended",))
    assert D(Session(str(db))) == 3


# ---- delegates ------------------------------------------------------------------------------------------------

DELEGATES_TOML = """\
[congress]
title = "Đại hội đại biểu Đảng bộ Thử nghiệm nhiệm kỳ 2025–2030"
term = "2025–2030"
start = "07:30"
kind = "delegates"

[[step]]
id = "khai-mac"
title = "Khai mạc"
minutes = 10
"""

DELEGATES_CSV = """\
id,name,status,flags
D1,Nguyễn Văn An,official,
D2,Trần Thị Bích,official,
D3,Lê Văn Cường,official,
D4,Phạm Thị Dung,official,
R1,Hoàng Văn Em,official,alternate
R2,Vũ Thị Gấm,official,alternate
"""


@pytest.fixture
def delegates(tmp_path, clock) -> Session:
    (tmp_path / "dh.toml").write_text(DELEGATES_TOML, encoding="utf-8")
    (tmp_path / "dh.csv").write_text(DELEGATES_CSV, encoding="utf-8")
    return create(str(tmp_path / "delegates.json"), str(tmp_path / "dh.toml"), str(tmp_path / "dh.csv"),
                  clock=clock, terminal="test:1", congress_date="2025-06-01")


def test_replace_delegate_is_refused_in_a_congress_of_members(session, db):
    before = db.read_bytes()
    refused("err.not_delegates", session.attendance.replace_delegate, "A1", "A2")
    assert db.read_bytes() == before


def test_a_replacement_keeps_D_and_the_alternate_counts_present(delegates):
    assert D(delegates) == 4
    delegates.attendance.attend(["D1", "R1"])
    assert delegates.state.figures().present_official == 1   # R1 stands in for nobody yet
    delegates.attendance.absent("D3")
    assert D(delegates) == 3                                   # absent throughout, no alternate
    delegates.attendance.replace_delegate("D3", "R1")
    assert D(delegates) == 4
    assert delegates.state.figures().present_official == 2   # D1 and R1 for D3
    reopened = Session(delegates.path)
    assert reopened.state.figures().denominator == 4 and reopened.state.figures().present_official == 2
    delegates.attendance.replace_delegate("D3", None)                     # cancelled
    assert D(delegates) == 3 and delegates.state.figures().present_official == 1


def test_an_alternate_cannot_replace_two_delegates(delegates):
    delegates.attendance.absent("D3")
    delegates.attendance.absent("D4")
    delegates.attendance.replace_delegate("D3", "R1")
    before = Path(delegates.path).read_bytes()
    exc = refused("err.alternate_taken", delegates.attendance.replace_delegate, "D4", "R1")
    assert "Hoàng Văn Em" in exc.text("vi")
    assert Path(delegates.path).read_bytes() == before
    assert D(delegates) == 3
    delegates.attendance.replace_delegate("D4", "R2")
    assert D(delegates) == 4


def test_only_an_alternate_replaces_and_only_an_absent_delegate(delegates):
    refused("err.not_alternate", delegates.attendance.replace_delegate, "D3", "D2")
    refused("err.not_alternate", delegates.attendance.replace_delegate, "R1", "R2")
    delegates.attendance.attend(["D3"])
    refused("err.came", delegates.attendance.replace_delegate, "D3", "R1")


# ---- badge scans ----------------------------------------------------------------------------------------------

def test_scan_of_a_valid_badge_checks_in(session, db):
    payload = session.state.badge_payload("A2")
    assert payload.startswith("RS1-") and "-A2-" in payload
    events = session.attendance.scan(payload).events
    assert [(e.type, e.data) for e in events] == [("member.attended", {"member": "A2", "via": "badge"})]
    assert Session(str(db)).state.attendance.here == {"A2"}
    before = db.read_bytes()
    refused("err.already_in", session.attendance.scan, payload)
    assert db.read_bytes() == before


def test_scan_of_a_badge_of_another_congress(session, db, tmp_path, clock):
    other = create(str(tmp_path / "other.json"), str(SCENARIO), str(ROSTER), clock=clock)
    assert badge.congress_code(other.state.congress_id) != badge.congress_code(session.state.congress_id)
    before = db.read_bytes()
    refused("err.badge_other_congress", session.attendance.scan, other.state.badge_payload("A2"))
    assert db.read_bytes() == before


def test_scan_of_a_forged_or_mistyped_badge(session, db):
    payload = session.state.badge_payload("A2")
    forged = payload[:-1] + str((int(payload[-1]) + 1) % 10)
    before = db.read_bytes()
    refused("err.badge_forged", session.attendance.scan, forged)
    # a check made for one member does not open the door for another
    refused("err.badge_forged", session.attendance.scan, payload.replace("-A2-", "-A1-"))
    assert db.read_bytes() == before


@pytest.mark.parametrize("garbage", ["", "hello", "A2", "RS1-", "RS1-123456", "https://example.org/RS2-1-A2-3"])
def test_scan_of_garbage(session, db, garbage):
    before = db.read_bytes()
    refused("err.badge_not_a_badge", session.attendance.scan, garbage)
    assert db.read_bytes() == before


def test_scan_of_an_unknown_member(session):
    secret, congress = session.state.badge_secret, session.state.congress_id
    refused("err.badge_unknown_member", session.attendance.scan, badge.payload(secret, congress, "ZZ9"))


def test_scan_typed_after_other_text_still_works(session):
    events = session.attendance.scan("nguyen van " + session.state.badge_payload("A1")).events
    assert events[0].data == {"member": "A1", "via": "badge"}


def test_scan_with_a_lowercase_prefix_works(session):
    payload = session.state.badge_payload("A3")
    events = session.attendance.scan("rs1-" + payload.removeprefix("RS1-")).events
    assert events[0].data == {"member": "A3", "via": "badge"}

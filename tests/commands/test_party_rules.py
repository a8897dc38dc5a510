"""The Party's election rules an organization department checks, on the demo congress (scenarios/chi-bo.toml,
data/demo-roster.csv; docs/rules.md): a cell's committee, the surplus of a committee's list, a secretary and deputy
from the committee just elected, the counting committee, D fixed when the ballots are issued.

demo roster: DV01..DV19 less the probationary DV12, DV15, DV18, DV20; DV05 exempt, DV08 attached elsewhere.
chi-uy: 5 seats, DV01 DV02 DV04 DV06 DV09 DV11, printed in the order of given names:
1 DV09 Dung, 2 DV02 Hằng, 3 DV11 Hùng (Lê Quốc), 4 DV01 Hùng (Trần Mạnh), 5 DV06 Lan, 6 DV04 Thành.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runsheet.commands import Session, create
from runsheet.errors import DomainError, InputError
from runsheet.rules.election import Reading, most_candidates, surplus_allowed

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = ROOT / "scenarios" / "chi-bo.toml"
ROSTER = ROOT / "data" / "demo-roster.csv"
PRESENT = ["DV01", "DV02", "DV03", "DV04", "DV06", "DV07", "DV09", "DV10", "DV11", "DV14", "DV17", "DV19"]


def refused(key: str, action, *args, **kwargs) -> DomainError:
    with pytest.raises(DomainError) as info:
        action(*args, **kwargs)
    assert info.value.key == key, (info.value.key, str(info.value))
    return info.value


@pytest.fixture
def demo(tmp_path, clock) -> Session:
    session = create(str(tmp_path / "c.json"), str(SCENARIO), str(ROSTER), clock=clock, terminal="t",
                     congress_date="2025-06-01")
    session.attendance.attend(PRESENT)
    return session


def close_committee(session: Session, struck: set[int] = frozenset({6})) -> None:
    """chi-uy's round closed with every ballot striking the same names (by default the sixth: five elected)."""
    session.voting.open_round("chi-uy")
    for _ in range(session.state.current_round("chi-uy").issued):
        session.voting.enter_ballot("chi-uy", Reading(frozenset(struck)))
    session.voting.close_round("chi-uy")


LIST = 'candidates = ["DV01", "DV02", "DV04", "DV06", "DV09", "DV11"]'
TEN = 'candidates = ["DV01", "DV02", "DV03", "DV04", "DV06", "DV07", "DV09", "DV10", "DV11", "DV13"]'


def scenario_with(tmp_path: Path, **changes: str) -> Path:
    text = SCENARIO.read_text(encoding="utf-8")
    for old, new in changes.items():
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / "changed.toml"
    path.write_text(text, encoding="utf-8")
    return path


# ---- a cell's committee (294-QĐ/TW) ---------------------------------------------------------------------------------
def test_a_cell_of_fewer_than_nine_official_members_elects_no_committee(tmp_path, clock):
    roster = tmp_path / "small.csv"
    lines = ROSTER.read_text(encoding="utf-8").splitlines()
    keep = [line for line in lines if not re.match(r"DV(0[3578]|1[03-9])", line)]  # 8 official members left
    roster.write_text("\n".join(keep) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        create(str(tmp_path / "c.json"), str(SCENARIO), str(roster), clock=clock, terminal="t")
    assert "9 or more official members" in str(info.value) and "chi-uy" in str(info.value)
    assert not (tmp_path / "c.json").exists()


def test_a_cell_committee_has_at_most_seven_seats(tmp_path, clock):
    path = scenario_with(tmp_path, **{"seats = 5": "seats = 8", LIST: TEN})
    with pytest.raises(InputError) as info:
        create(str(tmp_path / "c.json"), str(path), str(ROSTER), clock=clock, terminal="t")
    assert "at most 7" in str(info.value)
    assert not (tmp_path / "c.json").exists()


def test_a_party_committee_of_a_base_organisation_is_not_held_to_the_cells_limits(tmp_path, clock):
    path = scenario_with(tmp_path, **{"seats = 5": "seats = 8", LIST: TEN, 'level = "cell"': 'level = "base"'})
    create(str(tmp_path / "c.json"), str(path), str(ROSTER), clock=clock, terminal="t")


# ---- the surplus of a committee's list at its first round (190-QĐ/TW Điều 14) -------------------------------------
@pytest.mark.parametrize("seats, lowest, most",
                         [(1, 2, 1), (3, 4, 4), (5, 6, 6), (7, 8, 9), (10, 11, 13), (15, 16, 19)])
def test_the_surplus_allowed(seats, lowest, most):
    allowed = [n for n in range(seats, 2 * seats + 3) if surplus_allowed(n, seats)]
    assert allowed == list(range(lowest, most + 1)) if most >= lowest else allowed == []
    assert most_candidates(seats) == max(allowed, default=seats)


def test_a_committees_first_round_needs_a_list_longer_than_the_seats_by_at_most_30_percent(demo):
    before = len(demo.log.events)
    demo.voting.set_candidates("chi-uy", ["DV01", "DV02", "DV04", "DV06", "DV09"])  # 5 names for 5 seats
    error = refused("err.surplus", demo.voting.open_round, "chi-uy")
    assert "từ 6 đến 6" in error.text("vi")
    demo.voting.set_candidates("chi-uy", ["DV01", "DV02", "DV03", "DV04", "DV06", "DV09", "DV11"])  # 7 for 5
    refused("err.surplus", demo.voting.open_round, "chi-uy")
    assert demo.state.open_round("chi-uy") is None and len(demo.log.events) == before + 2
    demo.voting.set_candidates("chi-uy", ["DV01", "DV02", "DV04", "DV06", "DV09", "DV11"])
    demo.voting.open_round("chi-uy")


def test_a_later_round_for_unfilled_seats_may_have_as_many_names_as_seats(demo):
    close_committee(demo, {5, 6})  # four elected, one seat left
    assert demo.state.results("chi-uy")["unfilled"] == 1
    demo.voting.set_candidates("chi-uy", ["DV06"])
    demo.voting.open_round("chi-uy")  # one name for one seat: not the first round, no surplus needed
    assert demo.state.current_round("chi-uy").number == 2


# ---- a secretary and a deputy from the committee just elected (294-QĐ/TW) -------------------------------------------
def test_the_secretary_is_elected_from_the_committee_just_elected(demo):
    error = refused("err.not_in_committee", demo.voting.open_round, "bi-thu")  # nobody elected yet
    assert "Trần Mạnh Hùng" in error.text("vi")
    close_committee(demo, {4, 6})  # Trần Mạnh Hùng (4) struck everywhere: not elected
    refused("err.not_in_committee", demo.voting.open_round, "bi-thu")
    demo.voting.set_candidates("bi-thu", ["DV02"])
    demo.voting.open_round("bi-thu")


def test_the_secretary_is_not_also_the_deputy(demo):
    close_committee(demo)
    demo.voting.open_round("bi-thu")  # DV01
    for _ in range(len(PRESENT)):
        demo.voting.enter_ballot("bi-thu", Reading())
    demo.voting.close_round("bi-thu")
    assert demo.state.elected("bi-thu") == ["DV01"]
    demo.voting.set_candidates("pho-bi-thu", ["DV01"])
    refused("err.secretary_not_deputy", demo.voting.open_round, "pho-bi-thu")
    demo.voting.set_candidates("pho-bi-thu", ["DV02"])
    demo.voting.open_round("pho-bi-thu")


def test_no_fourth_round_for_a_secretary(demo):
    close_committee(demo)
    for _ in range(3):  # three rounds, nobody more than half of D: the higher committee appoints
        demo.voting.open_round("bi-thu")
        for _ in range(len(PRESENT)):
            demo.voting.enter_ballot("bi-thu", Reading(frozenset({1})))
        demo.voting.close_round("bi-thu")
    assert demo.state.elected("bi-thu") == []
    error = refused("err.secretary_appointed", demo.voting.open_round, "bi-thu")
    assert "3" in error.text("vi")


# ---- the counting committee (190-QĐ/TW Điều 8) ----------------------------------------------------------------------
@pytest.mark.parametrize("person, key", [
    ("Người Ngoài", "err.counter_not_member"),  # not on the roster
    ("DV12", "err.counter_not_official"),  # probationary
    ("DV16", "err.counter_not_here"),  # official, not present
    ("DV09", "err.counter_on_list"),  # on chi-uy's list
])
def test_the_counting_committee_is_of_official_members_present_on_no_list(demo, person, key):
    before = len(demo.log.events)
    refused(key, demo.speaking.set_officers, "counting", ["DV07, Trưởng ban", person])
    assert len(demo.log.events) == before
    demo.speaking.set_officers("counting", ["DV07, Trưởng ban", "DV17", "DV19"])


def test_a_round_does_not_open_while_a_counter_stands_on_its_list(demo):
    demo.speaking.set_officers("counting", ["DV07, Trưởng ban", "DV17", "DV19"])
    demo.voting.set_candidates("chi-uy", ["DV01", "DV02", "DV04", "DV06", "DV09", "DV07"])  # DV07 nominated later
    error = refused("err.counter_on_list", demo.voting.open_round, "chi-uy")
    assert "Vũ Đức Thanh" in error.text("vi")


def test_a_counter_may_stand_once_the_election_they_counted_is_finished(demo):
    close_committee(demo)
    demo.speaking.set_officers("counting", ["DV03, Trưởng ban", "DV10", "DV14"])  # chi-uy finished: DV09 is free
    demo.speaking.set_officers("counting", ["DV09, Trưởng ban", "DV10", "DV14"])


# ---- D fixed when the ballots are issued (190-QĐ/TW Điều 30) ---------------------------------------------------------
def test_changes_that_would_alter_d_wait_while_a_round_is_counted(demo):
    demo.voting.open_round("chi-uy")
    d = demo.state.current_round("chi-uy").denominator
    before = len(demo.log.events)
    refused("err.d_fixed", demo.attendance.absent, "DV16", "ốm")  # excusing a member D counts
    refused("err.d_fixed", demo.attendance.add_member, "DV30", "Nguyễn Văn Mới")
    refused("err.d_fixed", demo.attendance.correct_member, "DV16", status="probationary")
    assert len(demo.log.events) == before
    demo.attendance.correct_member("DV16", name="Dương Văn Lộc")  # a name fixed: D unchanged, accepted
    demo.attendance.check_in("DV05")  # the exempt member comes: checked in, but the round's D stays
    assert demo.state.current_round("chi-uy").denominator == d == demo.state.results("chi-uy")["denominator"]


def test_a_member_not_counted_who_comes_during_the_vote_is_handed_a_ballot_and_counted(demo):
    demo.voting.open_round("chi-uy")
    record = demo.state.current_round("chi-uy")
    d, issued = record.denominator, record.issued
    refused("err.not_here", demo.voting.issue_to, "chi-uy", "DV05")
    demo.attendance.check_in("DV05")
    refused("err.counted_already", demo.voting.issue_to, "chi-uy", "DV01")
    refused("err.cannot_vote", demo.voting.issue_to, "chi-uy", "DV12")
    assert demo.voting.issue_to("chi-uy", "DV05").value == d + 1
    record = demo.state.current_round("chi-uy")
    assert (record.denominator, record.issued, record.added) == (d + 1, issued + 1, ["DV05"])
    refused("err.counted_already", demo.voting.issue_to, "chi-uy", "DV05")
    assert Session(demo.path).state.current_round("chi-uy").denominator == d + 1


ACTIONS = st.lists(st.tuples(st.sampled_from(["check_in", "leave", "absent", "excuse", "undo", "add", "status"]),
                             st.sampled_from(["DV05", "DV08", "DV12", "DV13", "DV16", "DV18", "DV03", "DV30"])),
                   max_size=12)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=ACTIONS)
def test_property_no_attendance_command_moves_an_open_rounds_d(tmp_path_factory, clock, actions):
    path = tmp_path_factory.mktemp("d") / "c.json"
    session = create(str(path), str(SCENARIO), str(ROSTER), clock=clock, terminal="t", congress_date="2025-06-01")
    session.attendance.attend(PRESENT)
    session.voting.open_round("chi-uy")
    d = session.state.current_round("chi-uy").denominator
    commands = {"check_in": lambda m: session.attendance.check_in(m),
                "leave": lambda m: session.attendance.leave(m),
                "absent": lambda m: session.attendance.absent(m),
                "excuse": lambda m: session.attendance.absent(m, "công tác"),
                "undo": lambda m: session.attendance.undo_check_in(m),
                "add": lambda m: session.attendance.add_member(m, "Người Mới"),
                "status": lambda m: session.attendance.correct_member(m, status="official")}
    for action, member in actions:
        try:
            commands[action](member)
        except DomainError:
            pass
        assert session.state.current_round("chi-uy").denominator == d
        assert session.state.results("chi-uy")["denominator"] == d
    assert Session(str(path)).state.current_round("chi-uy").denominator == d

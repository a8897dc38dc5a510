"""Session commands for motions and election rounds on real stores (commands/voting.py; docs/rules.md).

mini-roster.csv: A1..A3 official, A4 official exempt, A5 official transferred, A6 probationary -> D = 3.
Election "chi-uy": 2 seats, candidates A1 A2 A3, printed in the order of given names: A3 (An), A1 (Bình),
A2 (Hoa), so ballot numbers 1, 2, 3 are A3, A1, A2. Readings here are built from ids, through the round's list.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from runsheet.commands import Session
from runsheet.errors import DomainError, InputError
from runsheet.rules.election import Reading

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SCENARIO = DATA / "mini.toml"
ROSTER = DATA / "mini-roster.csv"
E = "chi-uy"


@pytest.fixture
def opened(session) -> Session:
    """A1 A2 A3 present (D = 3, 3 ballots issued) and round 1 of chi-uy open, one pass."""
    session.attendance.attend(["A1", "A2", "A3"])
    session.voting.open_round(E)
    return session


def refused(key: str, action, *args, **kwargs) -> DomainError:
    with pytest.raises(DomainError) as info:
        action(*args, **kwargs)
    assert info.value.key == key, (info.value.key, str(info.value))
    return info.value


def keeping(session: Session, *ids: str, election: str = E, invalid: str | None = None) -> Reading:
    """A strike-form reading that keeps exactly these candidates of the current round."""
    names = session.state.current_round(election).candidates
    return Reading(frozenset(i for i, cid in enumerate(names, start=1) if cid not in ids), invalid=invalid)


def votes(result: dict) -> dict[str, int]:
    return {c["id"]: c["votes"] for c in result["candidates"]}


def log_types(db: Path) -> list[str]:
    return [e.type for e in Session(str(db)).log.events]


# ---- motions -------------------------------------------------------------------------------------------------------


def test_motion_records_present_and_D_at_that_moment(session, db, clock):
    session.attendance.attend(["A1", "A2", "A6"])  # A6 is probationary: present, no vote
    events = session.voting.record_motion("nghi-quyet", 2, 0, 0).events
    assert [(e.type, e.data) for e in events] == [
        (
            "motion.recorded",
            {"motion": "nghi-quyet", "for": 2, "against": 0, "abstain": 0, "present": 2, "denominator": 3},
        )
    ]
    first = session.state.last_motion("nghi-quyet")
    assert first.adopted and first.percent_for == "66.67"  # 2 × 2 > 3

    clock.advance(minutes=10)
    session.attendance.attend(["A4"])  # an exempt member who comes counts in D: D = 4, present 3
    session.voting.record_motion("nghi-quyet", 2, 1, 0)
    second = session.state.last_motion("nghi-quyet")
    assert (second.present_official, second.denominator) == (3, 4)
    assert not second.adopted and second.percent_for == "50.00"  # exactly half of D is not enough
    reopened = Session(str(db)).state.motions["nghi-quyet"]
    assert [(m.votes_for, m.present_official, m.denominator) for m in reopened] == [(2, 2, 3), (2, 3, 4)]
    assert (reopened[0].adopted, reopened[1].adopted) == (True, False)


def test_motion_with_more_votes_than_members_present_is_refused(session, db):
    session.attendance.attend(["A1", "A2", "A6"])
    before = db.read_bytes()
    exc = refused("err.motion_too_many", session.voting.record_motion, "nghi-quyet", 2, 1, 0)
    assert exc.values == {"total": 3, "present": 2}
    refused("err.motion_negative", session.voting.record_motion, "nghi-quyet", 2, -1, 0)
    refused("err.no_motion", session.voting.record_motion, "no-such-motion", 1, 0, 0)
    assert db.read_bytes() == before
    assert session.state.last_motion("nghi-quyet") is None


# ---- opening a round -----------------------------------------------------------------------------------------------


def test_probationary_members_get_no_ballot(session):
    session.attendance.attend(["A1", "A2", "A6"])
    [event] = session.voting.open_round(E).events
    assert event.data["issued"] == 2 and event.data["denominator"] == 3
    record = session.state.current_round(E)
    assert (record.number, record.issued, record.opened_denominator) == (1, 2, 3)
    assert record.candidates == ["A3", "A1", "A2"] and record.form == "strike" and record.seats == 2
    session.voting.enter_ballot(E, keeping(session, "A1", "A2"))
    session.voting.enter_ballot(E, keeping(session, "A1", "A3"))
    exc = refused("err.ballot_number", session.voting.enter_ballot, E, keeping(session, "A1"))  # ballot 3 of 2 issued
    assert exc.values["issued"] == 2


def test_open_round_refusals(session, db):
    refused("err.nobody_present", session.voting.open_round, E)
    session.attendance.attend(["A6"])  # only a probationary member
    refused("err.nobody_present", session.voting.open_round, E)
    session.attendance.attend(["A1"])
    refused("err.no_election", session.voting.open_round, "no-such")
    refused("err.passes", session.voting.open_round, E, passes=4)
    refused("err.round_list", session.voting.open_round, E, seats=4)
    refused("err.no_member", session.voting.open_round, E, candidates=["A1", "ZZ"])
    before = db.read_bytes()
    session.voting.open_round(E)
    assert db.read_bytes() != before
    refused("err.round_open", session.voting.open_round, E)


def test_no_ballot_without_an_open_round(session):
    session.attendance.attend(["A1"])
    refused("err.no_open_round", session.voting.enter_ballot, E, Reading(frozenset({1})))
    refused("err.no_round", session.state.results, E)


# ---- entering, withdrawing, correcting -----------------------------------------------------------------------------


def test_enter_numbers_ballots_in_turn(opened):
    events = opened.voting.enter_ballot(E, keeping(opened, "A1", "A2")).events
    assert events[0].type == "ballot.entered"
    assert events[0].data == {
        "election": E,
        "round": 1,
        "pass": 1,
        "ballot": 1,
        "struck": [1],
        "unclear": [],
        "invalid": None,
    }
    assert opened.voting.enter_ballot(E, keeping(opened, "A3")).value == 2
    record = opened.state.current_round(E)
    assert record.entered(1) == 2 and record.next_ballot(1) == 3
    live = opened.state.results(E)
    assert votes(live) == {"A3": 1, "A1": 1, "A2": 1} and live["closed"] is False


def test_a_reading_that_cannot_be_on_the_ballot_is_refused(opened, db):
    before = db.read_bytes()
    exc = refused("err.reading", opened.voting.enter_ballot, E, Reading(frozenset({4})))
    assert exc.values["ballot"] == 1
    refused("err.reading", opened.voting.enter_ballot, E, Reading(unclear=frozenset({1})))  # strike form
    refused("err.no_pass", opened.voting.enter_ballot, E, Reading(frozenset({1})), pass_no=2)
    refused("err.ballot_number", opened.voting.enter_ballot, E, Reading(frozenset({1})), ballot=4)
    refused("err.ballot_number", opened.voting.enter_ballot, E, Reading(frozenset({1})), ballot=0)
    assert db.read_bytes() == before


def test_reentering_a_ballot_is_a_correction_and_the_log_keeps_both(opened, db):
    opened.voting.enter_ballot(E, keeping(opened, "A1", "A2"))
    opened.voting.enter_ballot(E, keeping(opened, "A1", "A3"))
    opened.voting.enter_ballot(E, keeping(opened, "A3", "A2"), ballot=1)  # ballot 1 was misread
    record = opened.state.current_round(E)
    assert record.entered(1) == 2 and record.next_ballot(1) == 3
    assert record.readings[1][1] == keeping(opened, "A3", "A2")
    assert votes(opened.state.results(E)) == {"A3": 2, "A1": 1, "A2": 1}
    entered = [e.data for e in Session(str(db)).log.events if e.type == "ballot.entered"]
    assert [d["ballot"] for d in entered] == [1, 2, 1]
    assert [d["struck"] for d in entered if d["ballot"] == 1] == [[1], [2]]  # A3 struck, then A1 struck
    assert Session(str(db)).state.current_round(E).readings[1][1] == keeping(opened, "A3", "A2")


def test_withdraw_takes_back_the_last_ballot_or_a_given_one(opened, db):
    for kept in (("A1", "A2"), ("A1", "A3"), ("A2", "A3")):
        opened.voting.enter_ballot(E, keeping(opened, *kept))
    [event] = opened.voting.withdraw_ballot(E).events
    assert event.type == "ballot.withdrawn" and event.data["ballot"] == 3
    opened.voting.withdraw_ballot(E, ballot=1)
    record = opened.state.current_round(E)
    assert sorted(record.readings[1]) == [2] and record.next_ballot(1) == 3
    assert votes(opened.state.results(E)) == {"A3": 1, "A1": 1, "A2": 0}
    refused("err.no_ballot", opened.voting.withdraw_ballot, E, ballot=1)
    refused("err.no_ballots_yet", opened.voting.withdraw_ballot, E, pass_no=2)
    assert log_types(db).count("ballot.entered") == 3 and log_types(db).count("ballot.withdrawn") == 2
    opened.voting.enter_ballot(E, keeping(opened, "A2"), ballot=1)  # entered again after being taken back
    assert Session(str(db)).state.current_round(E).readings[1][1] == keeping(opened, "A2")


# ---- double entry --------------------------------------------------------------------------------------------------


def test_double_entry_mismatch_blocks_close_until_resolved(session, db):
    session.attendance.attend(["A1", "A2", "A3"])
    session.voting.open_round(E, passes=2)
    first = [keeping(session, "A1", "A2"), keeping(session, "A1", "A2"), keeping(session, "A1", "A2")]
    second = [keeping(session, "A1", "A2"), keeping(session, "A3", "A2"), keeping(session, "A1", "A2")]
    for reading in first:
        session.voting.enter_ballot(E, reading, pass_no=1)
    for reading in second:
        session.voting.enter_ballot(E, reading, pass_no=2)
    record = session.state.current_round(E)
    assert record.mismatches() == {2: [first[1], second[1]]}
    assert sorted(record.agreed()) == [1, 3]
    live = session.state.results(E)
    assert live["ballots"]["collected"] == 2 and votes(live) == {"A3": 0, "A1": 2, "A2": 2}

    before = db.read_bytes()
    exc = refused("err.mismatches", session.voting.close_round, E)
    assert exc.values["n"] == 1 and exc.values["ballots"] == "2"
    refused("err.mismatches", session.voting.close_round, E, collected=3)
    assert db.read_bytes() == before

    resolution = keeping(session, "A1", "A3")  # the head of the committee reads the paper: neither pass was right
    [event] = session.voting.resolve_ballot(E, 2, resolution).events
    assert event.type == "ballot.resolved" and "pass" not in event.data
    assert session.state.current_round(E).mismatches() == {}
    session.voting.close_round(E)
    result = session.state.current_round(E).closed
    assert result["ballots"] == {"issued": 3, "collected": 3, "valid": 3, "invalid": 0, "invalid_reasons": {}}
    assert votes(result) == {"A3": 1, "A1": 3, "A2": 2}  # ballot 2 counted as resolved
    assert result["elected"] == ["A1", "A2"] and result["unfilled"] == 0
    assert Session(str(db)).state.current_round(E).closed == result


def test_resolve_refuses_a_reading_that_cannot_be(session):
    session.attendance.attend(["A1", "A2", "A3"])
    session.voting.open_round(E, passes=2)
    refused("err.not_mismatched", session.voting.resolve_ballot, E, 1, Reading(frozenset({1})))
    session.voting.enter_ballot(E, Reading(frozenset({1})), pass_no=1)
    session.voting.enter_ballot(E, Reading(frozenset({2})), pass_no=2)
    refused("err.reading", session.voting.resolve_ballot, E, 1, Reading(frozenset({7})))
    refused("err.not_mismatched", session.voting.resolve_ballot, E, 4, Reading(frozenset({1})))


def test_a_new_reading_reopens_a_settled_ballot(session):
    session.attendance.attend(["A1", "A2", "A3"])
    session.voting.open_round(E, passes=2)
    session.voting.enter_ballot(E, Reading(frozenset({1})), pass_no=1)
    session.voting.enter_ballot(E, Reading(frozenset({2})), pass_no=2)
    session.voting.resolve_ballot(E, 1, Reading(frozenset({2})))
    record = session.state.current_round(E)
    assert record.agreed()[1].struck == {2} and not record.mismatches()
    session.voting.enter_ballot(E, Reading(frozenset({3})), pass_no=1, ballot=1)  # a correction after the settlement
    assert 1 in record.mismatches() and 1 not in record.agreed()


def test_two_passes_that_both_find_a_ballot_invalid_agree(session):
    session.attendance.attend(["A1", "A2", "A3"])
    session.voting.open_round(E, passes=2)
    session.voting.enter_ballot(E, Reading(frozenset({1}), invalid="written_in"), pass_no=1)
    session.voting.enter_ballot(E, Reading(frozenset(), invalid="written_in"), pass_no=2)
    assert 1 in session.state.current_round(E).agreed()


def test_close_refused_while_a_pass_has_not_entered_every_ballot(session, db):
    session.attendance.attend(["A1", "A2", "A3"])
    session.voting.open_round(E, passes=2)
    for kept in (("A1", "A2"), ("A1", "A3"), ("A2", "A3")):
        session.voting.enter_ballot(E, keeping(session, *kept), pass_no=1)
    for kept in (("A1", "A2"), ("A1", "A3")):
        session.voting.enter_ballot(E, keeping(session, *kept), pass_no=2)
    before = db.read_bytes()
    exc = refused("err.missing", session.voting.close_round, E, collected=3)  # names the ballots pass 2 lacks
    assert exc.values == {"ballots": "3"}
    refused("err.missing", session.voting.close_round, E)
    assert db.read_bytes() == before
    session.voting.enter_ballot(E, keeping(session, "A2", "A3"), pass_no=2)
    session.voting.close_round(E, collected=3)
    assert votes(session.state.current_round(E).closed) == {"A3": 2, "A1": 2, "A2": 2}


def test_close_refused_when_entered_differs_from_collected(opened, db):
    opened.voting.enter_ballot(E, keeping(opened, "A1", "A2"))
    opened.voting.enter_ballot(E, keeping(opened, "A1", "A3"))
    before = db.read_bytes()
    exc = refused("err.entered_differs", opened.voting.close_round, E, collected=3)
    assert exc.values == {"pass_no": 1, "entered": 2, "collected": 3}
    refused("err.entered_differs", opened.voting.close_round, E, collected=1)
    exc = refused("err.collected_over", opened.voting.close_round, E, collected=4)
    assert exc.values == {"collected": 4, "issued": 3}
    assert db.read_bytes() == before
    opened.voting.close_round(E, collected=2)
    assert opened.state.current_round(E).closed["ballots"]["collected"] == 2


# ---- closing and publishing ----------------------------------------------------------------------------------------


def test_close_freezes_the_result(opened, db, clock):
    opened.voting.enter_ballot(E, keeping(opened, "A1", "A2"))
    opened.voting.enter_ballot(E, keeping(opened, "A1", "A3"))
    opened.voting.enter_ballot(E, Reading(invalid="identifying_mark"))
    clock.advance(minutes=5)
    [event] = opened.voting.close_round(E).events
    assert event.type == "round.closed" and event.data["collected"] == 3
    frozen = opened.state.current_round(E).closed
    assert frozen["denominator"] == 3 and frozen["closed"] is True
    assert votes(frozen) == {"A3": 1, "A1": 2, "A2": 1}
    assert frozen["ballots"]["invalid_reasons"] == {"identifying_mark": 1}
    assert frozen["elected"] == ["A1"] and frozen["tied"] == [] and frozen["unfilled"] == 1

    opened.attendance.attend(["A4"])  # an exempt member comes later: D is now 4, the closed count stays as it was
    assert opened.state.figures().denominator == 4
    assert opened.state.current_round(E).closed == frozen
    assert opened.state.results(E) == frozen
    assert Session(str(db)).state.current_round(E).closed == frozen
    refused("err.no_open_round", opened.voting.enter_ballot, E, Reading(frozenset({1})))
    refused("err.no_open_round", opened.voting.close_round, E)


def test_publish_only_after_close_and_once(session, db):
    refused("err.not_closed", session.voting.publish_round, E)  # no round yet
    session.attendance.attend(["A1", "A2", "A3"])
    session.voting.open_round(E)
    for kept in (("A1", "A2"), ("A1", "A2"), ("A1", "A3")):
        session.voting.enter_ballot(E, keeping(session, *kept))
    refused("err.not_closed", session.voting.publish_round, E)
    assert session.state.published(E) is None
    session.voting.close_round(E)
    [event] = session.voting.publish_round(E).events
    assert event.type == "round.published" and event.data == {"election": E, "round": 1}
    assert session.state.published(E) == session.state.current_round(E).closed
    before = db.read_bytes()
    refused("err.published", session.voting.publish_round, E)
    assert db.read_bytes() == before
    assert Session(str(db)).state.current_round(E).published


def test_second_round_defaults_to_a_runoff_among_the_tied(session, db):
    session.attendance.add_member("A7", "Đỗ Văn Nam")
    session.attendance.add_member("A8", "Ngô Thị Mai")
    session.attendance.attend(["A1", "A2", "A3", "A7", "A8"])  # D = 5, 5 ballots
    session.voting.open_round(E)
    for kept in (("A1", "A2"), ("A1", "A2"), ("A1", "A3"), ("A1", "A3"), ("A2", "A3")):
        session.voting.enter_ballot(E, keeping(session, *kept))
    session.voting.close_round(E)
    first = session.state.current_round(E).closed
    assert votes(first) == {"A3": 3, "A1": 4, "A2": 3}  # A2 and A3 both over D/2, equal at the last seat
    assert first["elected"] == ["A1"] and first["tied"] == ["A3", "A2"] and first["unfilled"] == 1
    assert [c["percent"] for c in first["candidates"]] == ["60.00", "80.00", "60.00"]
    session.voting.publish_round(E)

    [event] = session.voting.open_round(E).events
    assert event.data["round"] == 2
    record = session.state.current_round(E)
    assert record.candidates == ["A3", "A2"] and record.seats == 1 and record.form == "strike"
    assert record.issued == 5
    for kept in ("A2", "A2", "A3", "A2", "A3"):
        session.voting.enter_ballot(E, keeping(session, kept))
    session.voting.close_round(E)
    second = session.state.current_round(E).closed
    assert second["round"] == 2 and votes(second) == {"A3": 2, "A2": 3}
    assert second["elected"] == ["A2"] and second["unfilled"] == 0
    assert session.state.published(E) == first  # round 2 is not published yet
    refused("err.all_elected", session.voting.open_round, E)  # A1 and A2 fill both seats


def test_a_later_round_may_be_given_its_list_and_seats(session):
    session.attendance.attend(["A1", "A2", "A3"])
    session.voting.open_round(E)
    for kept in (("A1",), ("A2",), ("A3",)):
        session.voting.enter_ballot(E, keeping(session, *kept))
    session.voting.close_round(E)
    assert session.state.current_round(E).closed["unfilled"] == 2
    session.voting.open_round(E)  # default: the names not elected (here everyone) for the unfilled seats
    record = session.state.current_round(E)
    assert record.candidates == ["A3", "A1", "A2"] and record.seats == 2
    refused("err.nothing_collected", session.voting.close_round, E)  # an empty round cannot be frozen
    session.voting.cancel_round(E)  # opened by mistake: taken back, the log keeps both events
    assert session.state.current_round(E).number == 1
    session.voting.open_round(E, candidates=["A1", "A2"], seats=2)
    assert session.state.current_round(E).form == "approve"


# ---- the ballot order ----------------------------------------------------------------------------------------------


def test_set_ballot_order_only_while_no_round_is_open(session, db):
    [event] = session.voting.set_ballot_order(E, ["A1", "A2", "A3"]).events
    assert event.data == {"election": E, "order": ["A1", "A2", "A3"]}
    assert session.state.ballot_order(E) == ["A1", "A2", "A3"]
    refused("err.order_names", session.voting.set_ballot_order, E, ["A1", "A2"])
    refused("err.order_names", session.voting.set_ballot_order, E, ["A1", "A2", "A4"])
    session.attendance.attend(["A1", "A2", "A3"])
    session.voting.open_round(E)
    assert session.state.current_round(E).candidates == ["A1", "A2", "A3"]
    before = db.read_bytes()
    refused("err.round_open", session.voting.set_ballot_order, E, ["A3", "A2", "A1"])
    assert db.read_bytes() == before
    session.voting.cancel_round(E)
    session.voting.set_ballot_order(E, ["A3", "A2", "A1"])
    assert Session(str(db)).state.ballot_order(E) == ["A3", "A2", "A1"]


# ---- nominees from the floor ---------------------------------------------------------------------------------------


def poll(session, agree_with: list[set[int]]) -> dict:
    """Enter the open poll's ballots, each agreeing with the nominees numbered, and close it."""
    record = session.state.open_poll(E)
    for agreeing in agree_with:
        against = frozenset(range(1, len(record.candidates) + 1)) - frozenset(agreeing)
        session.voting.enter_ballot(E, Reading(against), poll=True)
    return session.voting.close_poll(E).value


def test_a_floor_nominee_joins_the_list_through_a_secret_poll_of_more_than_30_percent(session, db):
    session.attendance.attend(["A1", "A2", "A3", "A4", "A6"])  # 4 official present (A6 is probationary)
    before = db.read_bytes()
    refused("err.nominate_retired", session.voting.add_nominee, E, "A4", 2)  # the show-of-hands way is retired
    refused("err.cannot_stand", session.voting.open_poll, E, ["A6"])  # probationary
    refused("err.cannot_stand", session.voting.open_poll, E, ["A5"])  # transferred
    refused("err.on_list", session.voting.open_poll, E, ["A1"])
    refused("err.no_member", session.voting.open_poll, E, ["ZZ"])
    refused("err.no_open_poll", session.voting.enter_ballot, E, Reading(), 1, None, True)
    assert db.read_bytes() == before  # refused: nothing written
    assert session.voting.open_poll(E, ["A4"]).value == 4  # a ballot each to the four official members present
    refused("err.poll_open", session.voting.open_poll, E, ["A4"])
    refused("err.no_open_round", session.voting.enter_ballot, E, Reading())  # a poll is not a round
    result = poll(session, [{1}, {1}, set(), set()])  # 2 of 4 agree: 10 × 2 = 20 > 3 × 4 = 12
    assert result["nominees"] == [{"no": 1, "id": "A4", "name": "Phạm Minh Đức", "agree": 2, "against": 2,
                                   "percent": "50.00", "joins": True}]
    assert result["needed"] == 2 and result["joined"] == ["A4"] and result["ballots"]["valid"] == 4
    added = [e for e in session.log.events if e.type == "election.nominee_added"]
    assert [e.data for e in added] == [{"election": E, "member": "A4", "for": 2, "present": 4}]
    assert session.state.ballot_order(E) == ["A3", "A1", "A4", "A2"]  # An, Bình, Đức, Hoa: đ comes before h
    assert Session(str(db)).state.ballot_order(E) == ["A3", "A1", "A4", "A2"]
    session.voting.open_round(E)
    assert session.state.current_round(E).candidates == ["A3", "A1", "A4", "A2"]
    refused("err.round_started", session.voting.open_poll, E, ["A4"])


def test_a_nominee_30_percent_or_fewer_agree_with_does_not_join(session):
    session.attendance.attend(["A1", "A2", "A3", "A4"])
    session.voting.open_poll(E, ["A4"])
    result = poll(session, [{1}, set(), set(), set()])  # 1 of 4: 10 × 1 = 10, not > 12
    assert result["joined"] == [] and not result["nominees"][0]["joins"]
    assert "A4" not in session.state.ballot_order(E)


def test_a_new_order_cannot_drop_a_floor_nominee(session, db):
    session.attendance.attend(["A1", "A2", "A3", "A4"])
    session.voting.open_poll(E, ["A4"])
    poll(session, [{1}, {1}, set(), set()])
    before = db.read_bytes()
    # the scenario's list, without A4
    refused("err.order_names", session.voting.set_ballot_order, E, ["A1", "A2", "A3"])
    assert db.read_bytes() == before
    session.voting.set_ballot_order(E, ["A4", "A1", "A2", "A3"])
    assert session.state.ballot_order(E) == ["A4", "A1", "A2", "A3"]


def test_a_withdrawal_from_the_list_is_decided_by_show_of_hands(session, db):
    session.attendance.attend(["A1", "A2", "A3"])  # D = 3
    refused("err.not_on_list", session.voting.decide_withdrawal, E, "A4", 3, 0, 0)
    refused("err.motion_too_many", session.voting.decide_withdrawal, E, "A3", 3, 1, 0)
    assert session.voting.decide_withdrawal(E, "A3", 1, 2, 0).value is False  # 1 is not more than half of 3
    assert "A3" in session.state.ballot_order(E)
    assert session.voting.decide_withdrawal(E, "A3", 2, 1, 0).value is True
    assert session.state.ballot_order(E) == ["A1", "A2"] == Session(str(db)).state.ballot_order(E)
    decided = [e.data for e in session.log.events if e.type == "election.withdrawal"]
    assert [d["allowed"] for d in decided] == [False, True]
    assert decided[1]["for"] == 2 and decided[1]["denominator"] == 3


# ---- roles ---------------------------------------------------------------------------------------------------------


def test_roles_for_ballots(session, db, clock):
    session.attendance.attend(["A1", "A2", "A3"])
    desk = Session(str(db), role="desk", clock=clock)
    counting = Session(str(db), role="counting", clock=clock)
    refused("err.rights", counting.voting.record_motion, "nghi-quyet", 3, 0, 0)
    refused("err.rights", counting.voting.open_round, E)
    session.voting.open_round(E)
    before = len(Session(str(db)).log.events)
    refused("err.rights", desk.voting.enter_ballot, E, Reading(frozenset({1})))
    refused("err.rights", desk.voting.close_round, E)
    assert [(e.type, e.data["right"]) for e in Session(str(db)).log.events[before:]] == [
        ("role.refused", "ballots"), ("role.refused", "close")]  # logged, nothing else written
    for kept in (("A1", "A2"), ("A1", "A2"), ("A1", "A3")):
        counting.voting.enter_ballot(E, keeping(session, *kept))  # the command itself reads the latest state
    counting.voting.close_round(E)
    assert counting.state.current_round(E).closed["elected"] == ["A1", "A2"]
    refused("err.rights", counting.voting.publish_round, E)
    session.sync()
    session.voting.publish_round(E)
    events = Session(str(db)).log.events
    assert [e.role for e in events if e.type == "ballot.entered"] == ["counting"] * 3
    assert [e.role for e in events if e.type == "round.closed"] == ["counting"]


# ---- import --------------------------------------------------------------------------------------------------------


def write(path: Path, text: str, bom: bool = False) -> Path:
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    return path


def test_import_enters_every_row(opened, tmp_path):
    csv = write(tmp_path / "b.csv", 'ballot,struck,unclear,invalid\n1,1,,\n2,"3",,\n\n3,,,written_in\n', bom=True)
    events = opened.voting.import_ballots(E, str(csv)).events
    assert [e.data["ballot"] for e in events] == [1, 2, 3]
    result = opened.state.results(E)
    # ballot order A3 A1 A2: 1 strikes A3, 2 strikes A2, 3 is invalid
    assert votes(result) == {"A3": 1, "A1": 2, "A2": 1}
    assert (result["ballots"]["valid"], result["ballots"]["invalid"]) == (2, 1)


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ("1,1,,\n2,9,,\n3,2,,\n", 3, "9"),  # name number 9 on a 3-name ballot
        ("1,1,,\n2,2,,\n1,3,,\n", 4, "twice"),  # ballot 1 again
        ("1,1,,\nx,2,,\n", 3, "whole number"),
        ("1,1,,\n2,1 a,,\n", 3, "name numbers"),
        ("1,1,,\n4,1,,\n", 3, "4"),  # more ballots than were issued
        ("1,1,2,\n", 2, "unclear"),  # unclear marks on the strike form
    ],
)
def test_import_is_all_or_nothing(opened, db, tmp_path, body, line, words):
    csv = write(tmp_path / "ballots.csv", "ballot,struck,unclear,invalid\n" + body)
    before = db.read_bytes()
    with pytest.raises(InputError) as info:
        opened.voting.import_ballots(E, str(csv))
    exc = info.value
    assert exc.file == str(csv) and exc.line == line, str(exc)
    assert str(exc).startswith(f"{csv}:{line}: ") and words in str(exc)
    assert db.read_bytes() == before
    assert opened.state.current_round(E).entered(1) == 0
    assert Session(str(db)).state.current_round(E).entered(1) == 0


def test_import_without_a_ballot_column_or_file(opened, db, tmp_path):
    before = db.read_bytes()
    with pytest.raises(InputError, match="ballot"):
        opened.voting.import_ballots(E, str(write(tmp_path / "b.csv", "so,struck\n1,1\n")))
    with pytest.raises(InputError):
        opened.voting.import_ballots(E, str(tmp_path / "missing.csv"))
    assert db.read_bytes() == before


def test_import_into_the_second_pass(session, tmp_path):
    session.attendance.attend(["A1", "A2", "A3"])
    session.voting.open_round(E, passes=2)
    csv = write(tmp_path / "b.csv", "ballot,struck\n1,1\n2,3\n3,1\n")
    session.voting.import_ballots(E, str(csv), pass_no=1)
    session.voting.import_ballots(E, str(csv), pass_no=2)
    assert session.state.current_round(E).mismatches() == {}
    session.voting.close_round(E)
    assert votes(session.state.current_round(E).closed) == {"A3": 1, "A1": 3, "A2": 2}


# ---- the results JSON ----------------------------------------------------------------------------------------------


def test_results_json_keys_and_percent_strings(opened):
    for kept in (("A1", "A2"), ("A1", "A3")):
        opened.voting.enter_ballot(E, keeping(opened, *kept))
    opened.voting.enter_ballot(E, Reading(invalid="not_issued"))
    for result in (opened.state.results(E), (opened.voting.close_round(E), opened.state.results(E))[1]):
        assert set(result) == {
            "election",
            "round",
            "form",
            "seats",
            "denominator",
            "ballots",
            "candidates",
            "tied",
            "unfilled",
            "title",
            "needed",
            "elected",
            "closed",
        }
        assert set(result["ballots"]) == {"issued", "collected", "valid", "invalid", "invalid_reasons"}
        assert all(set(c) == {"no", "id", "name", "votes", "percent", "elected"} for c in result["candidates"])
        assert all(
            isinstance(c["percent"], str) and re.fullmatch(r"\d+\.\d\d", c["percent"]) for c in result["candidates"]
        )
        assert (result["election"], result["round"], result["form"], result["seats"]) == (E, 1, "strike", 2)
        assert (result["denominator"], result["needed"]) == (3, 2)
        assert result["ballots"] == {
            "issued": 3,
            "collected": 3,
            "valid": 2,
            "invalid": 1,
            "invalid_reasons": {"not_issued": 1},
        }
        assert [
            (c["no"], c["id"], c["name"], c["votes"], c["percent"], c["elected"]) for c in result["candidates"]
        ] == [
            (1, "A3", "Lê Văn An", 1, "33.33", False),
            (2, "A1", "Nguyễn Văn Bình", 2, "66.67", True),
            (3, "A2", "Trần Thị Hoa", 1, "33.33", False),
        ]
        assert (result["elected"], result["tied"], result["unfilled"]) == (["A1"], [], 1)
    assert result["closed"] is True


def test_import_refuses_unknown_columns_extra_cells_and_ballots_already_entered(session, tmp_path):
    session.attendance.attend(["A1", "A2", "A3"])
    session.voting.open_round(E)
    bad_column = tmp_path / "cols.csv"
    bad_column.write_text("ballot,khong_dong_y\n1,1\n", encoding="utf-8")
    with pytest.raises(InputError, match="unknown column 'khong_dong_y'"):
        session.voting.import_ballots(E, str(bad_column))
    extra = tmp_path / "extra.csv"
    extra.write_text("ballot,struck\n1,1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="more cells than columns") as info:
        session.voting.import_ballots(E, str(extra))
    assert info.value.line == 2
    good = tmp_path / "good.csv"
    good.write_text("ballot,struck\n1,1\n2,2\n", encoding="utf-8")
    session.voting.import_ballots(E, str(good))
    with pytest.raises(InputError, match="already entered") as info:
        session.voting.import_ballots(E, str(good))
    assert info.value.line == 2
    assert len(session.state.current_round(E).readings[1]) == 2


def test_a_later_round_list_must_be_able_to_stand(session):
    session.attendance.attend(["A1", "A2", "A3"])
    session.voting.open_round(E)
    session.voting.cancel_round(E)
    refused("err.cannot_stand", session.voting.open_round, E, candidates=["A1", "A6"], seats=1)  # A6 is probationary


def test_ballots_issued_can_be_corrected_while_the_round_is_open(session, db, clock):
    session.attendance.attend(["A1", "A2", "A3"])
    session.voting.open_round(E)
    assert session.state.current_round(E).issued == 3
    refused("err.issued_range", session.voting.set_issued, E, 4)  # more than the official members present
    session.voting.set_issued(E, 2)
    session.attendance.attend(["A4"])  # a latecomer gets a ballot
    session.voting.set_issued(E, 3)
    assert session.voting.set_issued(E, 3).events == ()
    session.voting.enter_ballot(E, Reading(frozenset({1})), ballot=3)
    refused("err.issued_range", session.voting.set_issued, E, 2)  # ballot 3 is entered
    assert Session(str(db)).state.current_round(E).issued == 3


@pytest.mark.parametrize("first", ["sync", "commit"])
def test_a_session_folds_when_first_needed_and_counts_each_event_once(opened, clock, first):
    """A terminal folds its commands' state only when first needed (its screen has its own fold); whatever another
    terminal wrote meanwhile is then folded once, not once in the fold and again as 'new'."""
    import orjson

    from runsheet.store import snapshot_codec

    late = Session(opened.path, clock=clock, terminal="test:2")  # opened, nothing folded yet
    opened.voting.enter_ballot(E, Reading(frozenset({1})))
    opened.agenda.next_step()
    opened.speaking.add_speaker("A1")  # a speaker added twice would speak twice
    if first == "sync":
        late.sync()
    else:
        late.voting.enter_ballot(E, Reading(frozenset({2})))
        opened.sync()
    assert len(late.state.speeches.items) == 1
    late.state._figures = opened.state._figures = None  # a cache, made when first asked for
    assert orjson.dumps(snapshot_codec.encode(late.state)) == orjson.dumps(snapshot_codec.encode(opened.state))

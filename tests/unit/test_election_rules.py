"""The election and motion rules of docs/rules.md (runsheet.rules.election), with hand-computed cases and properties.

Ballot numbers are 1-based positions in the printed list. On the strike form a reading lists the names struck;
on the approve form `struck` is the "không đồng ý" column and `unclear` the names marked in both boxes or neither.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from runsheet.rules.election import (
    ALL_STRUCK,
    APPROVE,
    PAPER_REASONS,
    STRIKE,
    TOO_MANY,
    UNMARKED,
    MotionResult,
    Reading,
    ReadingError,
    RoundRecord,
    check_list,
    check_motion,
    cast,
    check_reading,
    floor_nominee_accepted,
    form_of,
    judge,
    percent,
    tally,
    winners,
)


def keep(candidates: int, *kept: int, invalid: str | None = None) -> Reading:
    """A strike-form ballot that keeps exactly the names `kept` (strikes all the others)."""
    return Reading(frozenset(range(1, candidates + 1)) - frozenset(kept), invalid=invalid)


def line(result, cid: str):
    return next(x for x in result.lines if x.id == cid)


# ---- forms ---------------------------------------------------------------------------------------------------------


def test_form_follows_the_list_length():
    assert form_of(3, 2) == STRIKE
    assert form_of(200, 194) == STRIKE
    assert form_of(3, 3) == APPROVE
    assert form_of(1, 1) == APPROVE


# ---- threshold against D, never against valid ballots --------------------------------------------------------------


def test_five_of_nine_valid_with_d_ten_is_not_elected():
    # X, Y for 1 seat: 5 ballots keep X, 4 keep Y; 9 valid ballots; D = 10
    readings = [keep(2, 1)] * 5 + [keep(2, 2)] * 4
    result = tally(["X", "Y"], 1, 10, readings)
    assert (result.valid, result.invalid) == (9, 0)
    x = line(result, "X")
    assert x.votes == 5 and x.percent == "50.00"
    assert not x.elected and not x.over_half  # 5 > 9/2, but 2 × 5 = 10 is not > D = 10
    assert result.elected == [] and result.tied == () and result.unfilled == 1
    assert result.needed == 6


def test_six_of_nine_valid_with_d_ten_is_elected():
    readings = [keep(2, 1)] * 6 + [keep(2, 2)] * 3
    result = tally(["X", "Y"], 1, 10, readings)
    x = line(result, "X")
    assert x.votes == 6 and x.percent == "60.00" and x.elected and x.over_half
    assert [e.id for e in result.elected] == ["X"] and result.unfilled == 0
    assert not line(result, "Y").elected


def test_exactly_half_is_not_elected():
    assert winners({"X": 4}, 1, 8) == ([], [])
    assert winners({"X": 5}, 1, 8) == (["X"], [])
    assert winners({"X": 4}, 1, 7) == (["X"], [])  # D odd: 4 > 3.5
    assert winners({"X": 3}, 1, 7) == ([], [])
    result = tally(["X", "Y"], 1, 8, [keep(2, 1)] * 4 + [keep(2, 2)] * 4)
    assert [x.elected for x in result.lines] == [False, False]
    assert result.tied == ()  # equal, but neither reached the threshold: nothing to run off
    assert result.unfilled == 1


# ---- percent -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("votes", "d", "shown"),
    [
        (5, 9, "55.56"),
        (1, 3, "33.33"),
        (2, 3, "66.67"),
        (10, 10, "100.00"),
        (0, 10, "0.00"),
        (7, 0, "0.00"),  # D = 0: nothing to divide by
        (0, 0, "0.00"),
        (1, 32, "3.13"),  # 3.125: half up, not half to even (3.12)
        (3, 32, "9.38"),  # 9.375
        (1, 160, "0.63"),  # 0.625
        (1, 8000, "0.01"),  # 0.0125
        (1, 1600, "0.06"),  # 0.0625
        (801, 1600, "50.06"),  # 50.0625
        (800, 1600, "50.00"),
    ],
)
def test_percent_two_decimals_half_up(votes, d, shown):
    assert percent(votes, d) == shown


# ---- winners and ties ----------------------------------------------------------------------------------------------


def test_equal_votes_straddling_the_last_seat_elect_nobody_of_the_group():
    # 2 seats, D = 10: A 8, B 6, C 6 -> A elected; B and C tie for the last seat
    assert winners({"A": 8, "B": 6, "C": 6}, 2, 10) == (["A"], ["B", "C"])
    # 10 ballots (all valid, D = 10) that give exactly those votes: 3 candidates, 2 seats
    readings = [keep(3, 1, 2)] * 4 + [keep(3, 1, 3)] * 4 + [keep(3, 2, 3)] * 2
    result = tally(["A", "B", "C"], 2, 10, readings)
    assert [x.votes for x in result.lines] == [8, 6, 6]
    assert [x.id for x in result.elected] == ["A"]
    assert result.tied == ("B", "C")
    assert [x.tied for x in result.lines] == [False, True, True]
    assert [x.elected for x in result.lines] == [True, False, False]
    assert result.unfilled == 1


def test_the_whole_list_tied_for_the_seats():
    assert winners({"A": 6, "B": 6, "C": 6}, 2, 10) == ([], ["A", "B", "C"])
    readings = [keep(3, 1, 2)] * 3 + [keep(3, 1, 3)] * 3 + [keep(3, 2, 3)] * 3
    result = tally(["A", "B", "C"], 2, 9, readings)
    assert [x.votes for x in result.lines] == [6, 6, 6]
    assert result.elected == [] and result.tied == ("A", "B", "C") and result.unfilled == 2


def test_a_tie_fully_inside_the_seats_elects_all():
    assert winners({"A": 6, "B": 6, "C": 3}, 2, 10) == (["A", "B"], [])
    assert sorted(winners({"A": 8, "B": 6, "C": 6, "D": 2}, 3, 10)[0]) == ["A", "B", "C"]
    readings = [keep(3, 1, 2)] * 6 + [keep(3, 3)] * 3
    result = tally(["A", "B", "C"], 2, 10, readings)
    assert [x.votes for x in result.lines] == [6, 6, 3]
    assert [x.id for x in result.elected] == ["A", "B"] and result.tied == () and result.unfilled == 0


def test_a_tie_below_the_threshold_is_not_reported():
    # A is elected; B and C are equal below the threshold: one seat unfilled, no runoff among them
    assert winners({"A": 9, "B": 5, "C": 5}, 2, 10) == (["A"], [])


def test_equal_votes_below_the_last_seat_do_not_matter():
    assert winners({"A": 9, "B": 8, "C": 7, "D": 7}, 2, 10) == (["A", "B"], [])


def test_elected_are_ranked_by_votes_then_ballot_order():
    readings = [keep(3, 2, 3)] * 3 + [keep(3, 1, 3)] * 1
    result = tally(["A", "B", "C"], 2, 4, readings)
    assert [x.votes for x in result.lines] == [1, 3, 4]
    assert [x.id for x in result.elected] == ["C", "B"]


# ---- the strike form -----------------------------------------------------------------------------------------------


def test_strike_form_keeping_fewer_names_than_seats_is_valid():
    verdict = judge(Reading(frozenset({1, 2, 3})), 5, 3)  # keeps 4 and 5: 2 names for 3 seats
    assert verdict.valid and verdict.reason is None
    assert verdict.votes == {4, 5} and verdict.kept == 2


def test_strike_form_keeping_exactly_the_seats_is_valid():
    verdict = judge(Reading(frozenset({1, 2})), 5, 3)
    assert verdict.valid and verdict.votes == {3, 4, 5}


def test_strike_form_keeping_more_names_than_seats_is_invalid():
    verdict = judge(Reading(frozenset({1})), 5, 3)  # keeps 4 names for 3 seats
    assert not verdict.valid and verdict.reason == TOO_MANY and verdict.votes == frozenset()
    assert judge(Reading(), 5, 3).reason == TOO_MANY  # nothing struck


def test_striking_every_name_is_invalid():
    verdict = judge(Reading(frozenset({1, 2, 3, 4, 5})), 5, 3)
    assert not verdict.valid and verdict.reason == ALL_STRUCK and verdict.votes == frozenset()


@pytest.mark.parametrize("reason", [*PAPER_REASONS, "rách làm đôi"])
def test_a_paper_reason_makes_a_ballot_invalid(reason):
    verdict = judge(Reading(frozenset({1, 2}), invalid=reason), 5, 3)  # otherwise a valid reading
    assert not verdict.valid and verdict.reason == reason and verdict.votes == frozenset()
    approve = judge(Reading(invalid=reason), 3, 3)
    assert not approve.valid and approve.reason == reason and approve.votes == frozenset()


def test_invalid_ballots_give_no_votes_and_are_counted_by_reason():
    readings = [
        keep(3, 1, 2),
        keep(3, 1),
        Reading(invalid="written_in"),
        Reading(frozenset({1, 2, 3})),
        Reading(),
        Reading(invalid="written_in"),
    ]
    result = tally(["A", "B", "C"], 2, 10, readings)
    assert (result.valid, result.invalid) == (2, 4)
    assert result.invalid_by_reason == {"written_in": 2, ALL_STRUCK: 1, TOO_MANY: 1}
    assert [x.votes for x in result.lines] == [2, 1, 0]


# ---- the approve form ----------------------------------------------------------------------------------------------


def test_single_name_approve_form():
    agreed = judge(Reading(), 1, 1)
    assert agreed.valid and agreed.votes == {1}
    against = judge(Reading(frozenset({1})), 1, 1)  # "không đồng ý": a valid ballot without a vote
    assert against.valid and against.reason is None and against.votes == frozenset()
    unclear = judge(Reading(unclear=frozenset({1})), 1, 1)  # both boxes or neither
    assert not unclear.valid and unclear.reason == UNMARKED and unclear.votes == frozenset()


def test_single_name_tally():
    readings = [Reading()] * 3 + [Reading(frozenset({1}))] * 2 + [Reading(unclear=frozenset({1}))]
    result = tally(["X"], 1, 7, readings)
    assert (result.valid, result.invalid, result.invalid_by_reason) == (5, 1, {UNMARKED: 1})
    assert line(result, "X").votes == 3 and line(result, "X").percent == "42.86"
    assert not line(result, "X").elected and result.unfilled == 1  # 3 of D = 7 is not more than half


def test_multi_name_approve_form_unclear_name_gets_no_vote_ballot_stays_valid():
    verdict = judge(Reading(unclear=frozenset({2})), 3, 3)
    assert verdict.valid and verdict.votes == {1, 3}
    verdict = judge(Reading(frozenset({1}), frozenset({2})), 3, 3)
    assert verdict.valid and verdict.votes == {3}
    every = judge(Reading(frozenset({1, 2, 3})), 3, 3)  # against everyone: valid, no votes (not "all struck")
    assert every.valid and every.votes == frozenset()
    unclear_all = judge(Reading(unclear=frozenset({1, 2, 3})), 3, 3)
    assert unclear_all.valid and unclear_all.votes == frozenset()


# ---- readings that cannot be on the ballot -------------------------------------------------------------------------


@pytest.mark.parametrize("reading", [Reading(frozenset({4})), Reading(frozenset({0})), Reading(frozenset({-1}))])
def test_check_reading_number_outside_the_list(reading):
    with pytest.raises(ReadingError, match="1–3"):
        check_reading(reading, 3, STRIKE)


def test_check_reading_unclear_outside_the_list_on_approve_form():
    with pytest.raises(ReadingError):
        check_reading(Reading(unclear=frozenset({4})), 3, APPROVE)


def test_check_reading_unclear_on_the_strike_form():
    with pytest.raises(ReadingError):
        check_reading(Reading(unclear=frozenset({1})), 3, STRIKE)


def test_check_reading_struck_and_unclear():
    with pytest.raises(ReadingError, match="2"):
        check_reading(Reading(frozenset({2}), frozenset({2})), 3, APPROVE)


def test_check_reading_accepts_good_readings():
    check_reading(Reading(frozenset({1, 3})), 3, STRIKE)
    check_reading(Reading(frozenset({1}), frozenset({3})), 3, APPROVE)
    check_reading(Reading(invalid="written_in"), 3, STRIKE)
    check_reading(Reading(), 1, APPROVE)


def test_reading_round_trips_through_data():
    reading = Reading(frozenset({3, 1}), frozenset({2}), "identifying_mark")
    data = reading.to_data()
    assert data == {"struck": [1, 3], "unclear": [2], "invalid": "identifying_mark"}
    assert Reading.from_data(data) == reading


# ---- motions (show of hands) ---------------------------------------------------------------------------------------


def test_motion_adopted_iff_twice_for_exceeds_d():
    assert not MotionResult(5, 2, 0, 7, 10).adopted  # 5 of 7 present, but D = 10
    assert MotionResult(6, 1, 0, 7, 10).adopted
    assert not MotionResult(4, 0, 0, 5, 8).adopted  # exactly half
    assert MotionResult(4, 0, 3, 7, 7).adopted
    assert MotionResult(6, 1, 0, 7, 10).percent_for == "60.00"
    assert MotionResult(2, 1, 0, 3, 3).percent_for == "66.67"


def test_check_motion():
    assert check_motion(5, 3, 2, 10) is None
    assert check_motion(5, 3, 2, 11) is None  # not every member present has to raise a hand
    assert check_motion(5, 3, 3, 10) == "too_many"
    assert check_motion(11, 0, 0, 10) == "too_many"
    assert check_motion(-1, 0, 0, 10) == "negative"
    assert check_motion(0, 0, 0, 0) is None


# ---- the candidate list --------------------------------------------------------------------------------------------


def test_check_list_surplus():
    ok = check_list(12, 10)
    assert ok.surplus_percent == "20.00" and not ok.over_limit and not ok.no_surplus
    at_limit = check_list(13, 10)  # at most 30% over the seats: exactly 30% is allowed
    assert at_limit.surplus_percent == "30.00" and not at_limit.over_limit
    over = check_list(14, 10)
    assert over.surplus_percent == "40.00" and over.over_limit
    assert check_list(10, 7).over_limit  # 42.86%
    assert check_list(6, 5).surplus_percent == "20.00" and not check_list(6, 5).over_limit


def test_check_list_a_committee_needs_a_surplus():
    same = check_list(5, 5)
    assert same.no_surplus and same.surplus_percent == "0.00"
    assert check_list(4, 5).no_surplus
    # equal to the seats is allowed for the secretary or deputy
    assert not check_list(1, 1, committee=False).no_surplus
    assert not check_list(5, 5, committee=False).no_surplus


def test_floor_nominee_needs_more_than_thirty_percent_of_those_present():
    assert not floor_nominee_accepted(3, 10)
    assert floor_nominee_accepted(4, 10)
    assert not floor_nominee_accepted(30, 100)
    assert floor_nominee_accepted(31, 100)
    assert not floor_nominee_accepted(0, 0)


# ---- properties ----------------------------------------------------------------------------------------------------

REASONS = st.sampled_from([None, None, None, None, *PAPER_REASONS, "rách"])


@st.composite
def rounds(draw):
    """(candidate ids, seats, D, readings) for any list and any ballots the committee could read."""
    n = draw(st.integers(1, 7))
    seats = draw(st.integers(1, n))
    numbers = st.frozensets(st.integers(1, n))
    approve = form_of(n, seats) == APPROVE
    readings = []
    for _ in range(draw(st.integers(0, 25))):
        struck = draw(numbers)
        unclear = draw(numbers) - struck if approve else frozenset()
        readings.append(Reading(struck, unclear, draw(REASONS)))
    d = len(readings) + draw(st.integers(0, 6))  # ballots go only to members present, who are all in D
    return [f"C{i}" for i in range(1, n + 1)], seats, d, readings


@settings(max_examples=300, deadline=None)
@given(rounds())
def test_what_a_ballot_counts_is_what_judge_says(case):
    """cast() (kept small for the tally) and judge() (the whole verdict, for the screens) never disagree."""
    ids, seats, _, readings = case
    everyone = frozenset(range(1, len(ids) + 1))
    for reading in readings:
        verdict, ballot = judge(reading, len(ids), seats), cast(reading, len(ids), seats)
        assert (ballot.valid, ballot.reason) == (verdict.valid, verdict.reason)
        if verdict.valid:
            assert everyone - ballot.unvoted == verdict.votes and ballot.against == verdict.against


@settings(max_examples=300, deadline=None)
@given(rounds())
def test_tally_properties(case):
    ids, seats, d, readings = case
    result = tally(ids, seats, d, readings)
    assert result.valid + result.invalid == len(readings)
    assert sum(result.invalid_by_reason.values()) == result.invalid
    assert all(0 <= x.votes <= result.valid for x in result.lines)
    assert len(result.elected) <= seats
    assert all(2 * x.votes > d for x in result.elected)
    elected = {x.id for x in result.elected}
    assert elected.isdisjoint(result.tied)
    assert result.unfilled == seats - len(elected)
    assert all(2 * x.votes > d for x in result.lines if x.id in result.tied)
    assert all(x.percent == percent(x.votes, d) for x in result.lines)
    if form_of(len(ids), seats) == STRIKE:  # a valid strike ballot keeps at most `seats` names
        assert sum(x.votes for x in result.lines) <= seats * result.valid


@settings(max_examples=200, deadline=None)
@given(rounds(), st.data())
def test_the_order_of_ballots_never_changes_the_tally(case, data):
    ids, seats, d, readings = case
    shuffled = data.draw(st.permutations(readings))
    assert tally(ids, seats, d, shuffled) == tally(ids, seats, d, readings)


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(st.sampled_from("ABCDEFGH"), st.integers(0, 20), min_size=1), st.integers(1, 8), st.integers(0, 30)
)
def test_winners_properties(votes, seats, d):
    elected, tied = winners(votes, seats, d)
    assert len(elected) <= seats and not set(elected) & set(tied)
    assert all(2 * votes[c] > d for c in elected + tied)
    # nobody outside the elected beats anyone elected, and every tied candidate has the same votes
    outside = [votes[c] for c in votes if c not in elected]
    assert all(votes[c] > v for c in elected for v in outside)
    assert len({votes[c] for c in tied}) <= 1
    if tied:
        assert len(elected) + len(tied) > seats  # a tie only when the group straddles the last seat


def _record(candidates: int, passes: int) -> RoundRecord:
    return RoundRecord("e", 1, [f"C{i}" for i in range(1, candidates + 1)], 1, passes, 50, 50)


def _entered(record: RoundRecord, readings: dict[int, dict[int, Reading]], resolved=None) -> RoundRecord:
    """Readings entered pass by pass (as the fold enters them), then the resolutions."""
    for pass_no, by_ballot in readings.items():
        for number, reading in by_ballot.items():
            record.enter(pass_no, number, reading)
    for number, reading in (resolved or {}).items():
        record.resolve(number, reading)
    return record


readings_by_ballot = st.dictionaries(
    st.integers(1, 30), st.builds(Reading, st.frozensets(st.integers(1, 4)), st.just(frozenset()), REASONS), max_size=20
)


@settings(max_examples=200, deadline=None)
@given(readings_by_ballot)
def test_agreed_equals_the_readings_when_both_passes_are_identical(entered):
    record = _entered(_record(4, 2), {1: dict(entered), 2: dict(entered)})
    assert record.agreed() == entered
    assert record.mismatches() == {}


@settings(max_examples=200, deadline=None)
@given(readings_by_ballot, st.data())
def test_agreed_excludes_ballots_read_differently_unless_resolved(entered, data):
    record = _record(4, 2)
    numbers = sorted(entered)
    changed = data.draw(st.sets(st.sampled_from(numbers)) if numbers else st.just(set()))
    second = dict(entered)
    for n in changed:
        other = entered[n]
        second[n] = Reading(other.struck ^ {1}, other.unclear, other.invalid)  # a different reading
    resolved_numbers = data.draw(st.sets(st.sampled_from(sorted(changed))) if changed else st.just(set()))
    resolution = Reading(frozenset({2, 3}))
    _entered(record, {1: dict(entered), 2: second}, {n: resolution for n in resolved_numbers})
    # readings that differ but count the same (e.g. both invalid for keeping too many) agree
    changed = {n for n in changed if not record.same(entered[n], second[n])}
    agreed = record.agreed()
    assert set(agreed) == set(entered) - (changed - resolved_numbers)
    for n, reading in agreed.items():
        assert reading == (resolution if n in resolved_numbers else entered[n])
    assert set(record.mismatches()) == changed - resolved_numbers
    for n, seen in record.mismatches().items():
        assert seen == [entered[n], second[n]]


def test_a_ballot_only_one_pass_has_entered_is_neither_agreed_nor_a_mismatch():
    record = _entered(_record(3, 2), {1: {1: Reading(frozenset({1})), 2: Reading(frozenset({2}))},
                                      2: {1: Reading(frozenset({1}))}})
    assert record.agreed() == {1: Reading(frozenset({1}))}
    assert record.mismatches() == {}
    assert (record.entered(1), record.entered(2)) == (2, 1)
    assert (record.next_ballot(1), record.next_ballot(2)) == (3, 2)


def test_single_pass_agreed_is_what_was_entered():
    record = _entered(_record(3, 1), {1: {2: Reading(frozenset({1})), 1: Reading()}})
    assert record.agreed() == {1: Reading(), 2: Reading(frozenset({1}))}
    assert list(record.agreed()) == [1, 2]  # in ballot-number order


# ---- the live tally is kept ballot by ballot: it must always equal a count from scratch -------------------------
ACTIONS = st.lists(st.tuples(
    st.sampled_from(["enter", "enter", "enter", "withdraw", "resolve"]),
    st.integers(1, 3),  # pass
    st.integers(1, 12),  # ballot
    st.builds(Reading, st.frozensets(st.integers(1, 5), max_size=5), st.just(frozenset()), REASONS),
), max_size=60)


def _recounted(record: RoundRecord, denominator: int):
    """What the tally of the agreed ballots is when counted again from the start."""
    return tally(record.candidates, record.seats, denominator, record.agreed().values())


@settings(max_examples=300, deadline=None)
@given(ACTIONS, st.integers(1, 3), st.integers(1, 4), st.integers(1, 30))
def test_the_tally_kept_ballot_by_ballot_equals_a_recount(actions, passes, seats, denominator):
    record = RoundRecord("e", 1, [f"C{i}" for i in range(1, 6)], seats, passes, 12, denominator)
    for action, pass_no, number, reading in actions:
        pass_no = min(pass_no, passes)
        if action == "enter":
            record.enter(pass_no, number, reading)
        elif action == "withdraw":
            record.withdraw(pass_no, number)
        elif number in record.mismatches():
            record.resolve(number, reading)
        assert record.tally(denominator) == _recounted(record, denominator)
    # and the three sets never overlap: agreed, read differently, still missing on a pass
    agreed, mismatched, missing = set(record.agreed()), set(record.mismatches()), set(record.missing())
    assert not (agreed & mismatched or agreed & missing or mismatched & missing)
    entered = set().union(*(record.readings.get(p, {}) for p in range(1, passes + 1)))
    assert agreed | mismatched | missing == entered | (set(record.resolved) & agreed)

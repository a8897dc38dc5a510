"""The grammar of a ballot as a clerk types it and as a ballots CSV writes it (rules/ballot_entry.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from runsheet.errors import InputError
from runsheet.rules.ballot_entry import (ballot_rows, closed_number, entry_text, keystrokes, numbers, parse_entry,
                                        split_digits)
from runsheet.rules.election import PAPER_REASONS, Reading, ReadingError, RoundRecord


def record(candidates: int, seats: int) -> RoundRecord:
    return RoundRecord("e", 1, [f"C{i}" for i in range(1, candidates + 1)], seats, 1, 50, 50)


def test_numbers_that_cannot_grow_close_themselves():
    assert [closed_number(x, 6) for x in ("", "2", "2 5", "2 ")] == [False, True, True, False]
    assert [closed_number(x, 200) for x in ("12", "47", "103", "20", "200", "1")] == [False, True, True, False,
                                                                                         True, False]
    # 6 names struck of 200: "12 47 88 103 150 199" with 5 spaces added by the screen: 16 keys and Enter
    assert keystrokes([12, 47, 88, 103, 150, 199], 200) == 17
    assert keystrokes([2, 5], 6) == 3  # "2", "5", Enter


def test_digits_without_spaces_split_as_the_screen_spaces_them():
    """Issue 12, defect 6: digits pasted, or sent by a keyboard wedge faster than the screen spaces them."""
    assert split_digits("125", 6) == [1, 2, 5]
    assert split_digits("47103", 200) == [47, 103]
    assert split_digits("12", 200) == [12]
    assert parse_entry("125", record(6, 5)).struck == {1, 2, 5}
    assert parse_entry("25", record(6, 5)) == parse_entry("2 5 ", record(6, 5))
    assert parse_entry("?12", record(3, 3)) == Reading(frozenset({2}), frozenset({1}))
    assert parse_entry("!31", record(6, 5)) == Reading(frozenset({1}), invalid=PAPER_REASONS[2])
    assert parse_entry("16", record(6, 5)).struck == {1, 6}  # "phiếu không có tên số 16": now names 1 and 6


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 300).flatmap(lambda n: st.tuples(st.just(n), st.lists(st.integers(1, n), unique=True))))
def test_a_ballot_typed_without_the_screens_spaces_reads_the_same(case):
    candidates, struck = case
    typed = ""  # as the clerk types it: a space only where the number could still grow, the screen adds the others
    wedge = ""  # the same keys, with no space added by the screen
    for number in struck:
        if typed and not typed.endswith(" "):
            typed += " "
            wedge += " "
        typed += str(number)
        wedge += str(number)
        if closed_number(typed, candidates):
            typed += " "
    big = record(candidates, candidates)
    assert parse_entry(wedge, big) == parse_entry(typed, big)
    assert parse_entry(wedge, big).struck == set(struck)


def test_struck_numbers_with_any_separator():
    assert parse_entry("3 7,12;5", record(20, 5)).struck == {3, 5, 7, 12}
    assert numbers(" 3;7 , 12 ") == {3, 7, 12}
    with pytest.raises(ReadingError):
        numbers("3 x")


def test_unclear_and_invalid_marks():
    approve = record(3, 3)
    assert parse_entry("1 ?2", approve) == Reading(frozenset({1}), frozenset({2}))
    assert parse_entry("?", record(1, 1)) == Reading(frozenset(), frozenset({1}))  # one name: both or neither box
    assert parse_entry("2 !3", record(6, 5)) == Reading(frozenset({2}), invalid=PAPER_REASONS[2])


@pytest.mark.parametrize("typed, key", [("7", "read.outside"), ("!4", "read.reason"), ("a", "read.token"),
                                        ("?2", "read.unclear_strike"), ("2 ?2", "read.unclear_strike")])
def test_what_cannot_be_on_the_ballot_is_refused_with_its_reason(typed, key):
    with pytest.raises(ReadingError) as info:
        parse_entry(typed, record(6, 5))
    assert info.value.key == key


@settings(max_examples=200, deadline=None)
@given(st.frozensets(st.integers(1, 9)), st.frozensets(st.integers(1, 9)), st.sampled_from([None, *PAPER_REASONS]))
def test_a_reading_written_back_reads_the_same(struck, unclear, invalid):
    unclear = unclear - struck
    reading = Reading(struck, unclear, invalid)
    assert parse_entry(entry_text(reading), record(9, 9)) == reading


def test_ballots_csv_rows_use_the_same_grammar(tmp_path):
    rows = ballot_rows("ballot,struck,unclear,invalid\n1,3 7;2,,\n2,,,rách\n\n", "b.csv")
    assert [(r.line, r.ballot, r.reading) for r in rows] == [
        (2, 1, Reading(frozenset({2, 3, 7}))), (3, 2, Reading(invalid="rách"))]
    with pytest.raises(InputError, match="b.csv:2"):
        ballot_rows("ballot,struck\n1,3 x\n", "b.csv")

"""The QR code of a printed ballot (rules/ballot_code.py): written and read back, and refused when malformed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runsheet.errors import DomainError
from runsheet.rules.ballot_code import BallotCode, ballot_code, list_hash, parse_ballot_code
from runsheet.rules.ballot_sheet import sheet
from runsheet.rules.election import APPROVE, STRIKE


def test_the_code_names_congress_election_round_and_list():
    code = ballot_code("3F9C2A71deadbeef", "chi-uy", 2, ["DV01", "DV02"], 1)
    assert code.text() == f"RSB1|3f9c2a71|chi-uy|2|{list_hash(['DV01', 'DV02'], 1)}"
    assert parse_ballot_code(code.text()) == code


def test_another_order_or_other_seats_is_another_list():
    assert list_hash(["A", "B"], 1) != list_hash(["B", "A"], 1)
    assert list_hash(["A", "B"], 1) != list_hash(["A", "B"], 2)


@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=20),
       st.integers(1, 999))
def test_any_election_id_reads_back(election, round_no):
    code = BallotCode("0123abcd", election, round_no, "89abcdef")
    assert parse_ballot_code(code.text()) == code


@pytest.mark.parametrize("text, problem", [
    ("RSD1|0123abcd|chi-uy|1|89abcdef", "RSB1"),
    ("RSB1|0123abcd|chi-uy|1", "5"),
    ("RSB1|0123abcX|chi-uy|1|89abcdef", "8"),
    ("RSB1|0123abcd|chi uy|1|89abcdef", "election"),
    ("RSB1|0123abcd|chi-uy|0|89abcdef", "round"),
    ("RSB1|0123abcd|chi-uy|1|89abcde", "list"),
])
def test_a_malformed_code_is_refused_naming_the_problem(text, problem):
    with pytest.raises(DomainError) as caught:
        parse_ballot_code(text)
    assert caught.value.key == "ballot.err.code" and problem in str(caught.value)


@pytest.mark.parametrize("size, count, form, columns", [
    ("A4", 6, STRIKE, 1), ("A5", 6, STRIKE, 1), ("A5", 60, STRIKE, 2), ("A4", 100, STRIKE, 3),
    ("A4", 1, APPROVE, 1), ("A5", 20, APPROVE, 1), ("A4", 40, APPROVE, 1)])
def test_the_rows_fit_between_the_header_and_the_marks(size, count, form, columns):
    s = sheet(size, count, form)
    assert s.columns == columns and [r.number for r in s.rows] == list(range(1, count + 1))
    lowest = min(s.qr.y, s.seal.y)
    for row in s.rows:
        assert s.note.bottom <= row.name_box.y and row.name_box.bottom < lowest
        for mark in s.fiducials:
            for box in (row.number_box, row.name_box, row.agree, row.disagree):
                apart = box is None or box.right < mark.x or mark.right < box.x or box.bottom < mark.y \
                    or mark.bottom < box.y
                assert apart
        assert row.name_box.w >= 34
        assert (row.agree is not None) == (form == APPROVE)


def test_a_list_too_long_for_the_paper_is_refused():
    with pytest.raises(DomainError) as caught:
        sheet("A5", 200, STRIKE)
    assert caught.value.key == "ballot.err.too_long"
    with pytest.raises(DomainError) as caught:  # on A4 there is no larger paper to offer
        sheet("A4", 60, APPROVE)
    assert caught.value.key == "ballot.err.too_long_a4"
    assert "--size" not in caught.value.text("vi") and "A4" in caught.value.text("vi")

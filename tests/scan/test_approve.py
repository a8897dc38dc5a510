"""The scanner's reader on the approve form (đồng ý / không đồng ý columns: as many names as seats), on a synthetic
corpus made from the printed PDF (tests/scan/approve_corpus.py): no wrong reading accepted, most accepted without
review; a name marked không đồng ý read as struck, one marked in both boxes or in neither as unclear (the rules then
give it no vote; on a single-name ballot the ballot is invalid); a name struck through instead of a box marked, or a
mark outside the list, sent to review."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from approve_corpus import MARKS, _mark, make_approve_ballot
from ballot_congress import make_congress
from corpus import _scan, _stroke, decode

from runsheet.cli.ballot_papers import round_paper
from runsheet.reports.ballot import ballot_pdf, layout, payload
from runsheet.rules.election import UNMARKED, Reading, judge
from runsheet.scan.reader import read_image
from runsheet.scan.template import build


def _printed(folder, names: int):
    state = make_congress(folder, candidates=names, seats=names).state
    paper = round_paper(state, "bch")
    assert paper.form == "approve"
    pdf = ballot_pdf(state, paper, "A5", "vi")
    sheet = layout(paper, "A5")
    return payload(state, paper), build(pdf, sheet, 200), build(pdf, sheet, 300)


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    return _printed(tmp_path_factory.mktemp("approve"), 20)


def _exact(reading, ballot) -> bool:
    return reading.struck == ballot.struck and reading.unclear == ballot.unclear


def test_an_approve_corpus_is_read_with_no_wrong_reading_accepted(printed):
    code, t200, t300 = printed
    rng = np.random.default_rng(2026)
    accepted = wrong = 0
    for _ in range(60):
        ballot = make_approve_ballot(t200 if rng.random() < 0.6 else t300, rng)
        reading = read_image(ballot.image, t200, code)
        assert reading.refused is None
        if reading.accepted:
            accepted += 1
            wrong += not _exact(reading, ballot)
            assert 0 < reading.confidence <= 1
        else:
            assert reading.reason is not None and reading.confidence == 0
    assert wrong == 0 and accepted >= 57


@pytest.mark.parametrize("style", MARKS)
def test_every_way_of_marking_a_box_is_read(printed, style):
    code, t200, t300 = printed
    rng = np.random.default_rng(len(style))
    boxes = {n: "disagree" if n % 3 == 0 else "agree" for n in range(1, 21)}
    for template in (t200, t300):
        ballot = make_approve_ballot(template, rng, "plain", style=style, boxes=boxes)
        reading = read_image(ballot.image, t200, code)
        assert reading.accepted and reading.struck == {3, 6, 9, 12, 15, 18} and not reading.unclear


def test_both_boxes_or_neither_is_read_unclear(printed):
    code, t200, _ = printed
    rng = np.random.default_rng(3)
    boxes = {n: "agree" for n in range(1, 21)} | {2: "disagree", 5: "both", 9: "neither", 14: "disagree"}
    ballot = make_approve_ballot(t200, rng, "plain", style="cross", boxes=boxes)
    reading = read_image(ballot.image, t200, code)
    assert reading.accepted and reading.struck == {2, 14} and reading.unclear == {5, 9}
    verdict = judge(Reading(reading.struck, reading.unclear), 20, 20)
    assert verdict.valid and verdict.against == {2, 14} and verdict.votes == set(range(1, 21)) - {2, 5, 9, 14}


def test_a_single_name_marked_in_both_boxes_is_unclear_and_the_ballot_invalid(tmp_path):
    code, t200, _ = _printed(tmp_path, 1)
    rng = np.random.default_rng(4)
    for boxes, against, unclear in (({1: "agree"}, set(), set()), ({1: "disagree"}, {1}, set()),
                                    ({1: "both"}, set(), {1}), ({1: "neither"}, set(), {1})):
        reading = read_image(make_approve_ballot(t200, rng, "plain", style="tick", boxes=boxes).image, t200, code)
        assert reading.accepted and reading.struck == against and reading.unclear == unclear
    assert judge(Reading(frozenset(), frozenset({1})), 1, 1).reason == UNMARKED


def test_a_turned_sheet_is_read_and_a_mark_outside_goes_to_review(printed):
    code, t200, t300 = printed
    rng = np.random.default_rng(5)
    for turn in (1, 2, 3):
        ballot = make_approve_ballot(t300 if turn == 2 else t200, rng, "plain", turn=turn, seal=True)
        reading = read_image(ballot.image, t200, code)
        assert reading.accepted and _exact(reading, ballot)
    for what in ("written", "dot"):
        reading = read_image(make_approve_ballot(t200, rng, "plain", outside=what).image, t200, code)
        assert reading.review and reading.reason.key == "scan.review.outside"


def test_a_name_struck_through_on_the_approve_form_goes_to_review(printed):
    """The voter struck a name as on the strike form instead of marking its không đồng ý box: not the machine's to
    decide."""
    code, t200, _ = printed
    rng = np.random.default_rng(6)
    px = t200.dpi / 25.4
    canvas = cv2.cvtColor(t200.image, cv2.COLOR_GRAY2BGR)
    for row in t200.rows:
        if row.number != 7:
            _mark(canvas, rng, row.agree, px, "tick", (35, 30, 30), 3, 0.7)
    row = t200.rows[6]
    _stroke(canvas, rng, row.text[0], row.text[1], (row.name[1] + row.name[3]) / 2, px, (35, 30, 30))
    reading = read_image(decode(_scan(canvas, rng, px)), t200, code)
    assert reading.review and reading.doubtful == (7,)

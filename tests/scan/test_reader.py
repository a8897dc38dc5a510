"""The scanner's reader (runsheet/scan) on a synthetic corpus made from the printed PDF (tests/scan/corpus.py): no
wrong reading accepted, most accepted without review; a sheet fed upside down or a quarter turn read as well; a
mark outside the list sent to review, the committee's seal not; ballots of another round or list, a page with a
corner missing and a blank page are refused, saying why."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from ballot_congress import make_congress
from corpus import OUTSIDE, make_ballot

from runsheet.cli.ballot_papers import round_paper
from runsheet.reports.ballot import BallotPaper, ballot_pdf, layout, payload
from runsheet.scan.reader import read_image
from runsheet.scan.template import build


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    state = make_congress(tmp_path_factory.mktemp("scan"), candidates=60, seats=50).state
    paper = round_paper(state, "bch")
    pdf = ballot_pdf(state, paper, "A5", "vi")
    sheet = layout(paper, "A5")
    return state, paper, pdf, build(pdf, sheet, 200), build(pdf, sheet, 300)


def test_the_template_is_measured_on_the_render(printed):
    _, paper, _, template, _ = printed
    assert len(template.rows) == 60 and template.corners.shape == (4, 2)
    for row in template.rows:  # every printed name's ink was found inside its cell
        x0, _, x1, _ = row.name
        assert x0 <= row.text[0] < row.text[1] <= x1


def test_a_corpus_is_read_with_no_wrong_reading_accepted(printed):
    state, paper, _, t200, t300 = printed
    code = payload(state, paper)
    rng = np.random.default_rng(2025)
    accepted = wrong = 0
    for _ in range(80):
        ballot = make_ballot(t200 if rng.random() < 0.7 else t300, rng)
        reading = read_image(ballot.image, t200, code)
        assert reading.refused is None
        if reading.accepted:
            accepted += 1
            wrong += reading.struck != ballot.struck
            assert 0 < reading.confidence <= 1
        else:
            assert reading.reason is not None and reading.confidence == 0
    assert wrong == 0 and accepted >= 76


def test_every_kind_of_mark_is_read_exactly(printed):
    state, paper, _, t200, _ = printed
    code = payload(state, paper)
    rng = np.random.default_rng(7)
    for kind in ("plain", "distractors"):
        ballot = make_ballot(t200, rng, kind)
        reading = read_image(ballot.image, t200, code)
        assert reading.accepted and reading.struck == ballot.struck


@pytest.mark.parametrize("turn", [1, 2, 3])
def test_a_sheet_fed_turned_round_is_read(printed, turn):
    """A stack fed upside down, or the sheets scanned a quarter turn round: the corner squares are alike, the QR
    code's place tells which way the page lies."""
    state, paper, _, t200, t300 = printed
    code = payload(state, paper)
    rng = np.random.default_rng(100 + turn)
    for template, kind in ((t200, "plain"), (t300, "distractors"), (t200, "hard")):
        ballot = make_ballot(template, rng, kind, turn=turn)
        height, width = ballot.image.shape[:2]
        assert (height < width) == bool(turn % 2)
        reading = read_image(ballot.image, t200, code)
        assert reading.refused is None
        assert reading.struck == ballot.struck or (kind == "hard" and reading.review)
    upright = _render(printed[2])
    assert read_image(np.rot90(upright, turn).copy(), t200, code).accepted


def test_a_mark_outside_the_list_goes_to_review(printed):
    """A name written in, a signature, a cross, a dot or a line in the margins or the blank space below the list:
    the ballot could be told from the others (or carries a name), so the machine does not enter it, and says why."""
    state, paper, _, t200, t300 = printed
    code = payload(state, paper)
    rng = np.random.default_rng(16)
    for what in OUTSIDE:
        for template, turn in ((t200, 0), (t300, 2)):
            ballot = make_ballot(template, rng, "plain", turn=turn, outside=what, seal=True)
            reading = read_image(ballot.image, t200, code)
            assert reading.review and not reading.accepted, what
            assert reading.reason.key == "scan.review.outside" and reading.confidence == 0
            assert "ngoài danh sách" in reading.reason.text("vi")


def test_the_seal_and_plain_ballots_raise_no_false_review(printed):
    """The committee's red seal on its place (a little off it, as stamps are laid) and the template's own print
    under noise and JPEG are not marks outside the list."""
    state, paper, _, t200, t300 = printed
    code = payload(state, paper)
    rng = np.random.default_rng(17)
    for n in range(16):
        ballot = make_ballot(t200 if n % 2 else t300, rng, "plain", seal=True, turn=n % 4)
        reading = read_image(ballot.image, t200, code)
        assert reading.reason is None or reading.reason.key != "scan.review.outside"
        assert reading.accepted and reading.struck == ballot.struck


def _render(pdf: bytes, dpi: int = 200) -> np.ndarray:
    from runsheet.scan.template import render_pdf

    return render_pdf(pdf, dpi)


def test_a_ballot_of_another_round_or_list_is_refused(printed):
    state, paper, _, t200, _ = printed
    code = payload(state, paper)
    later = BallotPaper("bch", 2, paper.candidates[:12], 2)
    other = _render(ballot_pdf(state, BallotPaper("bch", 2, paper.candidates, paper.seats), "A5", "vi"))
    reading = read_image(other, t200, code)
    assert reading.refused is not None and reading.refused.key == "scan.refused.round"
    shuffled = BallotPaper("bch", 1, tuple(reversed(paper.candidates)), paper.seats)
    reading = read_image(_render(ballot_pdf(state, shuffled, "A5", "vi")), t200, code)
    assert reading.refused.key == "scan.refused.list"
    reading = read_image(_render(ballot_pdf(state, later, "A5", "vi")), t200, code)
    assert reading.refused.key == "scan.refused.round"
    assert "lần bầu thứ 2" in reading.refused.text("vi")


def test_a_blank_page_and_a_torn_corner_are_refused(printed):
    state, paper, pdf, t200, _ = printed
    code = payload(state, paper)
    blank = np.full((1654, 1165), 250, np.uint8)
    assert read_image(blank, t200, code).refused.key == "scan.refused.marks"
    torn = _render(pdf)
    cv2.fillPoly(torn, [np.array([[0, 0], [180, 0], [0, 180]])], 255)  # the top-left corner torn off
    assert read_image(torn, t200, code).refused.key == "scan.refused.marks"
    assert read_image(_render(pdf), t200, code).accepted  # the same page whole is read (nothing struck)

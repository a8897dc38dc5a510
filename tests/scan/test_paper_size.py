"""The paper size a scanned ballot was printed on, told from the page (scan/paper_size.py): A4 and A5 ballots of a
60-name list, scanned at 200 and 300 dpi, rotated, scaled, noisy (tests/scan/corpus.py), each read against the
template of its own size; each size's template built once, on its first page; a given size refuses the other."""

from __future__ import annotations

import numpy as np
import pytest
from ballot_congress import make_congress
from corpus import make_ballot

from runsheet.errors import DomainError
from runsheet.cli.ballot_papers import round_paper
from runsheet.reports.ballot import ballot_pdf, layout, payload
from runsheet.scan.paper_size import Templates, read_sized, sheets_for, tell_size
from runsheet.scan.reader import read_image
from runsheet.scan.template import build


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    state = make_congress(tmp_path_factory.mktemp("size"), candidates=60, seats=50).state
    paper = round_paper(state, "bch")
    pdfs = {size: ballot_pdf(state, paper, size, "vi") for size in ("A4", "A5")}
    corpus = {(size, dpi): build(pdfs[size], layout(paper, size), dpi) for size in pdfs for dpi in (200, 300)}
    return state, paper, pdfs, corpus


def test_each_page_says_its_size_and_is_read_with_its_own_template(printed):
    state, paper, pdfs, corpus = printed
    built = []

    def make(size):
        built.append(size)
        return corpus[(size, 200)]

    templates = Templates(sheets_for(len(paper.candidates), paper.form), make)
    code = payload(state, paper)
    rng = np.random.default_rng(4)
    for n in range(8):
        size, dpi = ("A4", "A5")[n % 2], (200, 300)[n // 2 % 2]
        image = make_ballot(corpus[(size, dpi)], rng).image
        assert tell_size(image if image.ndim == 2 else image[..., 1], templates.sheets) == size
        reading = read_sized(image, templates, code)
        assert reading.refused is None
        own = read_image(image, corpus[(size, 200)], code)
        assert (reading.struck, reading.review) == (own.struck, own.review)
    assert built == ["A4", "A5"]  # each template built once, when its first page came

    other = read_sized(make_ballot(corpus[("A4", 200)], rng).image, templates, code, size="A5")
    assert other.refused is not None and other.refused.text("vi") == "phiếu in khổ A4, không phải A5"
    assert other.refused.text("en") == "a ballot printed on A4, not A5"


def test_a_page_that_does_not_say_its_size(printed):
    _, paper, _, _ = printed
    sheets = sheets_for(len(paper.candidates), paper.form)
    assert tell_size(np.full((1654, 1165), 250, np.uint8), sheets) is None  # a blank page: the reader refuses it
    assert list(sheets_for(100, paper.form)) == ["A4"]  # a list too long for A5: only A4 is tried
    with pytest.raises(DomainError):
        sheets_for(200, paper.form)

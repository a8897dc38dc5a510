"""What `ballots scan` and `ballots rescan` share: a round's templates, one per paper size it fits, each rendered
from the round's printed ballot the first time a page of that size is read (scan/paper_size.py tells the size)."""

from __future__ import annotations

from ..store.state import CongressState


def round_templates(state: CongressState, paper, lang: str):
    from ..reports.ballot import ballot_pdf
    from ..scan.paper_size import Templates, sheets_for
    from ..scan.template import build

    sheets = sheets_for(len(paper.candidates), paper.form)
    return Templates(sheets, lambda size: build(ballot_pdf(state, paper, size, lang), sheets[size]))

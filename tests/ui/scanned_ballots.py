"""Ballots the scanner queued, for the review's tests: the open round's ballot printed, a stack struck by the scan
corpus's pen (tests/scan/corpus.py), one ballot (or more) with a short stroke the reader cannot decide, saved as PNG
files and read by `ballots scan` on a pass, as the clerk's scanner would."""

from __future__ import annotations

import contextlib
import functools
import io
import sys
from pathlib import Path
from unittest import mock

import pytest

cv2 = pytest.importorskip("cv2")  # the scan extra
np = pytest.importorskip("numpy")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scan"))
from corpus import doubtful, make_ballot  # noqa: E402

from runsheet.cli import main  # noqa: E402
from runsheet.cli.ballot_papers import round_paper  # noqa: E402
from runsheet.commands import Session  # noqa: E402
from runsheet.reports.ballot import ballot_pdf, layout, payload  # noqa: E402
from runsheet.scan.template import build  # noqa: E402

E = "chi-uy"
STACK = [{1}, {2, 6}, {3}, set(), {1, 4}]  # what each ballot truly strikes (6 names, 5 seats)
_MADE: dict[tuple, list[bytes]] = {}  # the same round's ballot (the congress ids are fixed in tests): made once


def images(state, doubtful_ballots: dict[int, int]) -> list[bytes]:
    paper = round_paper(state, E)
    key = (payload(state, paper), tuple(sorted(doubtful_ballots.items())))
    if key not in _MADE:
        template = build(ballot_pdf(state, paper, "A4", "vi"), layout(paper, "A4"))
        rng = np.random.default_rng(15)
        made = []
        for n, struck in enumerate(STACK, start=1):
            image = (doubtful(template, struck, rng, doubtful_ballots[n]) if n in doubtful_ballots
                     else make_ballot(template, rng, "plain", set(struck)).image)
            made.append(cv2.imencode(".png", image)[1].tobytes())
        _MADE[key] = made
    return _MADE[key]


def scan(session, folder: Path, pass_no: int = 2, doubtful_ballots: dict[int, int] | None = None) -> str:
    """The stack scanned as pass_no of the open round, the scanner's output. doubtful_ballots: ballot -> the row with
    a short stroke (queued); by default ballot 2 (struck 2 and 6) in doubt on row 4, ballot 4 (nothing struck) on 6."""
    doubtful_ballots = {2: 4, 4: 6} if doubtful_ballots is None else doubtful_ballots
    files = []
    for n, data in enumerate(images(session.state, doubtful_ballots), start=1):
        files.append(folder / f"scan-{n}.png")
        files[-1].write_bytes(data)
    out = io.StringIO()
    # the scanner's events stamped by the test's clock (as the app's), not the machine's
    scanner_session = functools.partial(Session, clock=session.clock)
    with contextlib.redirect_stdout(out), mock.patch("runsheet.cli.common.Session", scanner_session):
        code = main(["ballots", "scan", "--db", str(session.path), E, *map(str, files), "--pass", str(pass_no)])
    assert code == 0, out.getvalue()
    session.sync()
    return out.getvalue()

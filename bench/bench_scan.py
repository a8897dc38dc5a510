"""Reading scanned ballots: 2,000 synthetic scans of a 60-name A5 ballot (50 seats), read one after another; or of
an approve-form ballot (--form approve: as many names as seats, 20 by default).

    .venv/bin/python bench/bench_scan.py [--ballots N] [--seed N] [--form strike|approve] [--names N]
                                         [--turned SHARE] [--outside SHARE]

The ballots are made by tests/scan/corpus.py from the printed PDF itself (pen strokes of random width, angle,
wobble, length and colour; ticks and dots; rotation, scale, noise, JPEG, 200 and 300 dpi, grey and colour; about 70%
strikes only, 20% with distractors, 10% hard), or by tests/scan/approve_corpus.py (ticks, crosses, lines and boxes
filled in; distractors and names marked in both boxes or neither; faint, small marks and marks past their box).
--turned feeds that share of the sheets a quarter turn or upside down; --outside gives that share a mark outside the
list (a written-in name, a signature, a cross, a dot, a line), which must go to review: one accepted counts as WRONG
(without these two options a seed's corpus is the same as before they existed). Measured: exact readings accepted
without review, readings sent to review, WRONG readings accepted (the number that matters: target 0), refused, and
the reading's rate on one core (the corpus is made, as JPEG files in memory, before the clock starts; decoding them
is timed).
Needs the scan and test extras. Not a test: pytest does not collect it.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "scan")]

import cv2  # noqa: E402
import numpy as np  # noqa: E402
from ballot_congress import make_congress  # noqa: E402
from approve_corpus import make_approve_ballot  # noqa: E402
from corpus import OUTSIDE, decode, make_ballot  # noqa: E402

from runsheet.cli.ballot_papers import round_paper  # noqa: E402
from runsheet.reports.ballot import ballot_pdf, layout, payload  # noqa: E402
from runsheet.scan.paper_size import Templates, read_sized, sheets_for  # noqa: E402
from runsheet.scan.template import build  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ballots", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--form", choices=("strike", "approve"), default="strike")
    parser.add_argument("--names", type=int, help="names on the list (60 on the strike form, 20 on the approve form)")
    parser.add_argument("--turned", type=float, default=0.0, help="share of the sheets fed turned round")
    parser.add_argument("--outside", type=float, default=0.0, help="share of the ballots marked outside the list")
    args = parser.parse_args()
    cv2.setNumThreads(1)  # one core
    names = args.names or (60 if args.form == "strike" else 20)
    seats = names - 10 if args.form == "strike" else names
    with tempfile.TemporaryDirectory() as folder:
        state = make_congress(Path(folder), candidates=names, seats=seats).state
    paper = round_paper(state, "bch")
    pdf = ballot_pdf(state, paper, "A5", "vi")
    sheet = layout(paper, "A5")
    t200, t300 = build(pdf, sheet, 200), build(pdf, sheet, 300)
    code = payload(state, paper)
    # as ballots scan reads: each page's size told from the page, the other size's template built when first needed
    templates = Templates(sheets_for(names, paper.form), lambda size: t200 if size == "A5" else
                          build(ballot_pdf(state, paper, size, "vi"), layout(paper, size)))
    rng = np.random.default_rng(args.seed)
    extra = np.random.default_rng(args.seed + 1)  # which sheets are turned or marked outside: the corpus's own draws
    make = make_ballot if args.form == "strike" else make_approve_ballot
    print(f"making {args.ballots} ballots (seed {args.seed}, {args.form} form) ...", flush=True)
    corpus = []
    for _ in range(args.ballots):
        template = t200 if rng.random() < 0.6 else t300
        turn = int(extra.integers(1, 4)) if extra.random() < args.turned else 0
        outside = OUTSIDE[int(extra.integers(0, len(OUTSIDE)))] if extra.random() < args.outside else None
        corpus.append(make(template, rng, turn=turn, outside=outside))
    tally: Counter = Counter()
    by_kind: Counter = Counter()
    spent: Counter = Counter()
    start = time.perf_counter()
    for ballot in corpus:
        began = time.perf_counter()
        reading = read_sized(decode(ballot.jpeg), templates, code)  # decoding the scanner's file counts
        spent[ballot.dpi] += time.perf_counter() - began
        exact = reading.struck == ballot.struck and reading.unclear == ballot.unclear and not ballot.outside
        outcome = "refused" if reading.refused else "review" if reading.review else "exact" if exact else "WRONG"
        tally[outcome] += 1
        by_kind[ballot.kind, outcome] += 1
        if ballot.outside:
            by_kind["outside", outcome] += 1
    elapsed = time.perf_counter() - start
    n = len(corpus)
    kinds = Counter(b.kind for b in corpus)
    dpis = Counter(b.dpi for b in corpus)
    marked_outside = sum(1 for b in corpus if b.outside)
    print(f"\n{n} ballots of {names} names, A5, {args.form} form: {dict(kinds)}; {dict(dpis)} dpi")
    print(f"{'outcome':<28}{'ballots':>8}{'share':>9}")
    for label, key in (("exact, accepted", "exact"), ("sent to review", "review"), ("WRONG, accepted", "WRONG"),
                       ("refused", "refused")):
        print(f"{label:<28}{tally[key]:>8}{100 * tally[key] / n:>8.1f}%")
    print(f"{'ballots a second (1 core)':<28}{n / elapsed:>8.1f}")
    for dpi in sorted(dpis):
        print(f"{f'  of them at {dpi} dpi':<28}{dpis[dpi] / spent[dpi]:>8.1f}")
    print("review by kind: " + ", ".join(f"{k} {by_kind[k, 'review']}/{kinds[k]}" for k in kinds))
    if args.turned:
        print(f"turned round: {sum(1 for b in corpus if b.turn)} sheets")
    if marked_outside:
        print(f"marked outside the list: {marked_outside}, sent to review {by_kind['outside', 'review']}, "
              f"accepted {by_kind['outside', 'WRONG']}, refused {by_kind['outside', 'refused']}")


if __name__ == "__main__":
    main()

"""Reading scanned ballots: 2,000 synthetic scans of a 60-name A5 ballot (50 seats), read one after another.

    .venv/bin/python bench/bench_scan.py [--ballots N] [--seed N]

The ballots are made by tests/scan/corpus.py from the printed PDF itself (pen strokes of random width, angle,
wobble, length and colour; ticks and dots; rotation, scale, noise, JPEG, 200 and 300 dpi, grey and colour; about 70%
strikes only, 20% with distractors, 10% hard). Measured: exact readings accepted without review, readings sent to
review, WRONG readings accepted (the number that matters: target 0), refused, and the reading's rate on one core
(the corpus is made, as JPEG files in memory, before the clock starts; decoding them is timed).
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
from corpus import decode, make_ballot  # noqa: E402

from runsheet.cli.ballot_papers import round_paper  # noqa: E402
from runsheet.reports.ballot import ballot_pdf, layout, payload  # noqa: E402
from runsheet.scan.paper_size import Templates, read_sized, sheets_for  # noqa: E402
from runsheet.scan.template import build  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ballots", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    cv2.setNumThreads(1)  # one core
    with tempfile.TemporaryDirectory() as folder:
        state = make_congress(Path(folder), candidates=60, seats=50).state
    paper = round_paper(state, "bch")
    pdf = ballot_pdf(state, paper, "A5", "vi")
    sheet = layout(paper, "A5")
    t200, t300 = build(pdf, sheet, 200), build(pdf, sheet, 300)
    code = payload(state, paper)
    templates = Templates(sheets_for(60, paper.form), lambda size: t200 if size == "A5" else  # as ballots scan reads:
                          build(ballot_pdf(state, paper, size, "vi"), layout(paper, size)))  # each page's size told
    rng = np.random.default_rng(args.seed)
    print(f"making {args.ballots} ballots (seed {args.seed}) ...", flush=True)
    corpus = [make_ballot(t200 if rng.random() < 0.6 else t300, rng) for _ in range(args.ballots)]
    tally: Counter = Counter()
    by_kind: Counter = Counter()
    spent: Counter = Counter()
    start = time.perf_counter()
    for ballot in corpus:
        began = time.perf_counter()
        reading = read_sized(decode(ballot.jpeg), templates, code)  # decoding the scanner's file counts
        spent[ballot.dpi] += time.perf_counter() - began
        outcome = ("refused" if reading.refused else "review" if reading.review else
                   "exact" if reading.struck == ballot.struck else "WRONG")
        tally[outcome] += 1
        by_kind[ballot.kind, outcome] += 1
    elapsed = time.perf_counter() - start
    n = len(corpus)
    kinds = Counter(b.kind for b in corpus)
    dpis = Counter(b.dpi for b in corpus)
    print(f"\n{n} ballots of 60 names, A5: {dict(kinds)}; {dict(dpis)} dpi")
    print(f"{'outcome':<28}{'ballots':>8}{'share':>9}")
    for label, key in (("exact, accepted", "exact"), ("sent to review", "review"), ("WRONG, accepted", "WRONG"),
                       ("refused", "refused")):
        print(f"{label:<28}{tally[key]:>8}{100 * tally[key] / n:>8.1f}%")
    print(f"{'ballots a second (1 core)':<28}{n / elapsed:>8.1f}")
    for dpi in sorted(dpis):
        print(f"{f'  of them at {dpi} dpi':<28}{dpis[dpi] / spent[dpi]:>8.1f}")
    print("review by kind: " + ", ".join(f"{k} {by_kind[k, 'review']}/{kinds[k]}" for k in kinds))


if __name__ == "__main__":
    main()

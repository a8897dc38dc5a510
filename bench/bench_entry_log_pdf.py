"""The national entry log to PDF: written directly (reports/document_pdf.py, fpdf2) and, with --office, through
LibreOffice headless from its .docx (how every document was made before), for comparison.

    .venv/bin/python bench/bench_entry_log_pdf.py [--dir FOLDER] [--seed N] [--passes 2] [--office]

The congress is bench_ballots.py's national one: 1,600 official members present, a ballot of 200 names, 194 seats;
the round's passes (2 by default) each import the same 1,600 ballots from a CSV (`ballots import`), then it closes.
Measured: writing the counting minutes and the entry log (.docx, .md) as the command does, the entry log's rows
and pages, the direct PDF's time and size, and with --office LibreOffice's time for the entry log's .docx (minutes
on this machine: not run unless asked). Not a test: pytest does not collect it.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_ballots import ELECTION, MEMBERS, ballots_csv, make_inputs  # noqa: E402
from runsheet.commands import Session, create  # noqa: E402
from runsheet.errors import DomainError  # noqa: E402


def national(folder: Path, seed: int, passes: int) -> Path:
    """A national store with the round closed after `passes` passes of 1,600 ballots."""
    rng = random.Random(seed)
    scenario, roster, ids = make_inputs(folder, rng)
    path = folder / "national.json"
    session = create(str(path), str(scenario), str(roster), terminal="bench")
    session.attendance.attend(ids)
    session.voting.open_round(ELECTION, passes=passes)
    ballots = ballots_csv(folder, rng, MEMBERS)
    for pass_no in range(1, passes + 1):
        session.voting.import_ballots(ELECTION, ballots, pass_no)
    session.voting.close_round(ELECTION, MEMBERS)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", help="where to put the store and the documents (default: a temporary folder)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--passes", type=int, default=2)
    parser.add_argument("--office", action="store_true", help="also time LibreOffice on the entry log's .docx")
    parser.add_argument("--keep", action="store_true", help="keep the folder (with --dir)")
    args = parser.parse_args()

    from runsheet.reports import pdf
    from runsheet.reports.counting import build_entry_log, write_counting_minutes
    from runsheet.reports.document import Table
    from runsheet.reports.document_pdf import to_pdf

    folder = Path(tempfile.mkdtemp(prefix="runsheet-entry-log-", dir=args.dir))
    rows: list[tuple[str, str]] = []
    try:
        began = time.perf_counter()
        path = national(folder, args.seed, args.passes)
        rows.append((f"build the national store ({args.passes} passes of {MEMBERS:,} ballots, closed)",
                     f"{time.perf_counter() - began:6.1f} s"))
        session = Session(str(path))
        events, state = session.log.events, session.state
        out = folder / "out"
        began = time.perf_counter()
        written = write_counting_minutes(events, state, ELECTION, str(out), "vi")
        rows.append(("counting minutes + entry log, .docx and .md (as the command writes them)",
                     f"{time.perf_counter() - began:6.1f} s"))
        log = build_entry_log(events, state, ELECTION, "vi")
        table_rows = sum(len(block.rows) for block in log.blocks if isinstance(block, Table))
        began = time.perf_counter()
        data = to_pdf(log)
        direct = time.perf_counter() - began
        import pypdfium2 as pdfium

        page_count = len(pdfium.PdfDocument(data))
        rows.append((f"entry log ({table_rows:,} table rows) to PDF directly (fpdf2): {page_count} pages, "
                     f"{len(data) / 2**20:.1f} MiB", f"{direct:6.1f} s"))
        if args.office:
            docx = next(p for p in written if p.endswith(".docx") and "nhat-ky" in os.path.basename(p))
            began = time.perf_counter()
            try:
                made = pdf.to_pdf([docx])
            except DomainError as exc:  # a timeout (pdf.TIMEOUT) on a loaded machine
                rows.append(("entry log's .docx to PDF through LibreOffice: failed", exc.text("en")[-60:]))
            else:
                office = time.perf_counter() - began
                office_pages = len(pdfium.PdfDocument(made[0]))
                rows.append((f"entry log's .docx to PDF through LibreOffice: {office_pages} pages",
                             f"{office:6.1f} s"))
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    width = max(len(label) for label, _ in rows)
    print(f"runsheet entry log PDF benchmark: Python {sys.version.split()[0]}, {sys.platform}, {os.cpu_count()} CPUs; "
          f"seed {args.seed}")
    print("-" * (width + 12))
    for label, value in rows:
        print(f"{label:<{width}}  {value}")


if __name__ == "__main__":
    main()

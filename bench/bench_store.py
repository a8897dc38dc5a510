"""What a commit costs as the log grows, side by side with what a commit could cost at best; and what opening,
following and asking the status of a long store costs.

    .venv/bin/python bench/bench_store.py [--sizes 100,1000,5000,20000,50000] [--samples 200] [--dir FOLDER]

1. Commits. One store is written one commit at a time (one event each: +1 and -1 minute on the current step, in
   turn) up to each size; at each size SAMPLES commits are timed interleaved, one by one, with the two floors at
   the same number of rows: a JSON-lines append + fsync of a document of the same size (the least an append-only
   log can do), and an insert into SQLite in WAL mode with synchronous=FULL. The time to write the whole log one
   commit at a time is reported too.
2. The long store. At the largest size: opening a Session (with the snapshot beside the store, and without it),
   `run.py status` as a new process, verify(); and a reader in its own process that syncs 100 times while this
   process commits, with its peak memory.
Not a test: pytest does not collect it. Linux or macOS (resource.getrusage).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from runsheet.commands import Session, create  # noqa: E402
from runsheet.store import snapshot  # noqa: E402
from runsheet.store.log import verify  # noqa: E402

DATA = ROOT / "tests" / "data"

READER = """
import resource, sys, time
sys.path.insert(0, sys.argv[1])
from runsheet.commands import Session
session = Session(sys.argv[2], terminal="reader")
print("ready", flush=True)
synced = 0
while synced < 100:
    if session.sync():
        synced += 1
    else:
        time.sleep(0.002)
# the peak of this process's own memory: VmHWM (ru_maxrss keeps the parent's peak across fork and exec on Linux)
status = open("/proc/self/status").read() if sys.platform == "linux" else ""
peak = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")),
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
print(peak, len(session.log.events), int(session.log.snapshot is not None), flush=True)
"""


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.2f}"


def p50_p95(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(0.95 * (len(ordered) - 1))]


class Floors:
    """The two references, kept at the same number of rows as the store."""

    def __init__(self, folder: Path, line: bytes):
        self.line = line
        self.lines = open(folder / "floor.jsonl", "ab", buffering=0)
        self.db = sqlite3.connect(folder / "floor.sqlite", isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.execute("CREATE TABLE events (seq INTEGER PRIMARY KEY, doc BLOB)")
        self.rows = 0

    def fill_to(self, rows: int) -> None:
        missing = rows - self.rows
        if missing > 0:
            self.lines.write(self.line * missing)
            os.fsync(self.lines.fileno())
            self.db.execute("BEGIN")
            self.db.executemany("INSERT INTO events (doc) VALUES (?)", [(self.line,)] * missing)
            self.db.execute("COMMIT")
            self.rows = rows

    def append_line(self) -> None:
        self.lines.write(self.line)
        os.fsync(self.lines.fileno())

    def insert_row(self) -> None:
        self.db.execute("INSERT INTO events (doc) VALUES (?)", (self.line,))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,5000,20000,50000")
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--dir", help="where to write (default: the system's temporary folder)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="runsheet-bench-", dir=args.dir) as name:
        folder = Path(name)
        path = folder / "congress.json"
        session = create(str(path), str(DATA / "mini.toml"), str(DATA / "mini-roster.csv"), terminal="bench")
        session.agenda.next_step()
        sign = [1]

        def commit() -> None:
            session.agenda.adjust(sign[0])
            sign[0] = -sign[0]

        commit()
        floors = Floors(folder, path.read_bytes().splitlines(keepends=True)[-1])
        print(f"runsheet store benchmark: Python {sys.version.split()[0]}, {sys.platform}, {os.cpu_count()} CPUs, "
              f"{args.samples} commits per size, interleaved with the floors; times in ms")
        print(f"{'events':>8} | {'runsheet p50':>12} {'p95':>7} | {'JSON lines+fsync p50':>20} {'p95':>7} | "
              f"{'SQLite WAL p50':>14} {'p95':>7} | {'runsheet/floor p95':>18} | file")
        writing, p95s = 0.0, {}
        for size in sizes:
            started = time.perf_counter()
            while len(session.log.events) < size - args.samples // 2:
                commit()
            writing += time.perf_counter() - started
            floors.fill_to(len(session.log.events))
            ours, lines, rows = [], [], []
            for _ in range(args.samples):
                ours.append(timed(commit))
                lines.append(timed(floors.append_line))
                rows.append(timed(floors.insert_row))
            floors.rows += args.samples
            (a50, a95), (b50, b95), (c50, c95) = p50_p95(ours), p50_p95(lines), p50_p95(rows)
            p95s[size] = a95
            print(f"{size:>8,} | {ms(a50):>12} {ms(a95):>7} | {ms(b50):>20} {ms(b95):>7} | {ms(c50):>14} "
                  f"{ms(c95):>7} | {a95 / b95:>17.1f}x | {path.stat().st_size / 2**20:.1f} MiB")
        events = len(session.log.events)
        print(f"p95 at {sizes[-1]:,} / p95 at {sizes[0]:,}: {p95s[sizes[-1]] / p95s[sizes[0]]:.2f}; "
              f"writing the {events:,} events one commit at a time took {writing:.1f} s "
              f"(the sampled commits aside)")
        long_store(path, events)


def long_store(path: Path, events: int) -> None:
    print(f"\nthe long store ({events:,} events, {path.stat().st_size / 2**20:.1f} MiB):")
    opened = statistics.median(timed(lambda: Session(str(path)).state) for _ in range(3))  # folded when first asked
    print(f"  open a Session, from the snapshot:        {ms(opened)} ms (median of 3)")
    snap = Path(snapshot.path_of(str(path)))
    kept = snap.read_bytes()
    snap.unlink()
    whole = timed(lambda: Session(str(path)).state)  # and writes the snapshot again
    snap.write_bytes(kept)
    print(f"  open a Session, without the snapshot:     {ms(whole)} ms")
    status = statistics.median(timed(lambda: subprocess.run(
        [sys.executable, str(ROOT / "run.py"), "status", "--db", str(path)], capture_output=True, check=True))
        for _ in range(3))
    print(f"  run.py status, a new process:             {ms(status)} ms (median of 3)")
    report = None

    def check() -> None:
        nonlocal report
        report = verify(str(path))

    print(f"  verify():                                 {ms(timed(check))} ms ({report.events:,} events, "
          f"ok={report.ok})")
    reader = subprocess.Popen([sys.executable, "-c", READER, str(ROOT), str(path)], stdout=subprocess.PIPE,
                              text=True)
    assert reader.stdout.readline() == "ready\n"
    writer = Session(str(path), terminal="bench-writer")
    sign = 1
    while reader.poll() is None:
        writer.agenda.adjust(sign)
        sign = -sign
        time.sleep(0.005)
    peak, seen, from_snapshot = reader.stdout.read().split()
    unit = 1024 if sys.platform != "darwin" else 1
    print(f"  a reader after 100 syncs: peak memory {int(peak) * unit / 2**20:.0f} MiB ({int(seen):,} events; "
          f"opened {'from the snapshot' if from_snapshot == '1' else 'WITHOUT a snapshot'})")


if __name__ == "__main__":
    main()

"""How the store scales with the number of events: commit latency, opening, verify, and orjson against json.

    .venv/bin/python bench/bench_store.py

Every commit rewrites the whole file (atomic write + fsync), so its cost grows with the log; this shows by how much
at a small congress (~100 events) and a very long one (~5,000). Not a test: pytest does not collect it.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from collections.abc import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import orjson  # noqa: E402

from runsheet.commands import Session, create  # noqa: E402
from runsheet.store.log import verify  # noqa: E402

DATA = ROOT / "tests" / "data"
SAMPLES = 200
SMALL, LARGE = 100, 5_000


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def median_of(runs: int, action: Callable[[], object]) -> float:
    return statistics.median(timed(action) for _ in range(runs))


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f} ms"


def kib(path: Path) -> str:
    return f"{path.stat().st_size / 1024:,.0f} KiB"


class Driver:
    """Appends one event per command: +1 and -1 minute on the current step, in turn."""

    def __init__(self, session: Session):
        self.session = session
        self.sign = 1

    def command(self) -> None:
        self.session.agenda.adjust(self.sign)
        self.sign = -self.sign

    def fill_to(self, events: int) -> None:
        while len(self.session.log.events) < events:
            self.command()

    def latencies(self, count: int) -> list[float]:
        return sorted(timed(self.command) for _ in range(count))


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    return (statistics.median(samples), samples[int(0.95 * (len(samples) - 1))], samples[-1])


def main() -> None:
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="runsheet-bench-") as folder:
        path = Path(folder) / "congress.json"
        session = create(str(path), str(DATA / "mini.toml"), str(DATA / "mini-roster.csv"), terminal="bench")
        session.agenda.next_step()
        driver = Driver(session)

        started = time.perf_counter()
        for low in (SMALL, LARGE - SAMPLES):
            driver.fill_to(low)
            size_before = kib(path)
            p50, p95, worst = percentiles(driver.latencies(SAMPLES))
            high = len(session.log.events)
            rows.append((f"commit, {low:,}->{high:,} events ({size_before}->{kib(path)})",
                         f"p50 {ms(p50)}   p95 {ms(p95)}   max {ms(worst)}"))
        filled = time.perf_counter() - started
        assert len(session.log.events) == LARGE

        rows.append((f"file size at {LARGE:,} events", kib(path)))
        rows.append((f"open Session at {LARGE:,} (read, check chain, fold)",
                     f"median of 5 {ms(median_of(5, lambda: Session(str(path))))}"))
        report = verify(str(path))
        assert report.ok and report.events == LARGE, report.problems
        rows.append((f"verify() at {LARGE:,}", f"median of 5 {ms(median_of(5, lambda: verify(str(path))))}"))

        # what every other terminal pays when one event is added: re-read and re-parse the whole file
        reader = Session(str(path), terminal="reader")

        def one_more_then_sync() -> None:
            driver.command()
            started = time.perf_counter()
            assert len(reader.sync()) == 1
            sync_times.append(time.perf_counter() - started)

        sync_times: list[float] = []
        for _ in range(20):
            one_more_then_sync()
        rows.append((f"sync() of another terminal, 1 new event at ~{LARGE:,}",
                     f"median of 20 {ms(statistics.median(sync_times))}"))

        raw = path.read_bytes()
        document = orjson.loads(raw)
        orjson_time = median_of(5, lambda: orjson.loads(orjson.dumps(document)))
        json_time = median_of(5, lambda: json.loads(json.dumps(document, ensure_ascii=False).encode("utf-8")))
        rows.append((f"dumps+loads of the {LARGE:,}-event document, orjson", f"median of 5 {ms(orjson_time)}"))
        rows.append(("                            ... stdlib json", f"median of 5 {ms(json_time)}   "
                                                                    f"({json_time / orjson_time:.1f}x orjson)"))

    width = max(len(label) for label, _ in rows)
    print(f"runsheet store benchmark: Python {sys.version.split()[0]}, {sys.platform}, "
          f"{SAMPLES} commits per window, filling took {filled:.1f} s")
    print("-" * (width + 60))
    for label, value in rows:
        print(f"{label:<{width}}  {value}")


if __name__ == "__main__":
    main()

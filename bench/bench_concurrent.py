"""Ballot entry at national scale by three terminals at once, watched by a fourth that polls like the app.

    .venv/bin/python bench/bench_concurrent.py [--ballots N] [--writers K] [--poll S[,S...]] [--dir FOLDER] [--seed N]

The congress of bench_ballots.py (1,600 official members present, D = 1,600, one election of 200 names for 194
seats, 6 names struck per ballot), round opened with 2 passes. K writer processes (default 3) enter the ballots
through Session.voting.enter_ballot, each its own slice of the ballot numbers, first on pass 1 then on pass 2 (the two
readings agree), so 2 × N ballot events in all. Each writer measures every whole Session call (take the lock, re-read
what the others wrote, check, hash, atomic write + fsync, fold). A reader process per poll interval (default only
the app's POLL_SECONDS = 0.25 s) calls Session.sync() on that schedule, like a terminal's timer, and notes when
each ballot event became visible to it: measured from the moment the writer's call returned (the event is on disk
by then), and from the event's own time (taken before its write). The screen's redraw after a sync is not included.
Not a test: pytest does not collect it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_ballots import CANDIDATES, ELECTION, MEMBERS, SEATS, STRUCK, filesystem, make_inputs, mib, ms  # noqa: E402

from runsheet.commands import Session, create  # noqa: E402
from runsheet.rules.election import Reading  # noqa: E402

try:
    import resource
except ImportError:  # Windows
    resource = None

APP_POLL = 0.25  # runsheet.ui.store_worker.POLL_SECONDS (not imported: that would load Textual into every process)


def peak_rss() -> int | None:
    """This process's peak resident memory in bytes (getrusage: KiB on Linux, bytes on macOS)."""
    if resource is None:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def reading_for(seed: int, ballot: int) -> Reading:
    return Reading(frozenset(random.Random(seed * 100_003 + ballot).sample(range(1, CANDIDATES + 1), STRUCK)))


def my_ballots(index: int, writers: int, ballots: int) -> range:
    size = -(-ballots // writers)
    return range(index * size + 1, min(ballots, (index + 1) * size) + 1)


def wait_for(go: str) -> None:
    while not os.path.exists(go):
        time.sleep(0.001)


def writer(path: str, index: int, writers: int, ballots: int, seed: int, go: str, out: str) -> None:
    session = Session(path, terminal=f"writer-{index + 1}")
    numbers = my_ballots(index, writers, ballots)
    readings = {n: reading_for(seed, n) for n in numbers}
    wait_for(go)
    latencies, commits = [], []
    for pass_no in (1, 2):
        for number in numbers:
            began = time.perf_counter()
            session.voting.enter_ballot(ELECTION, readings[number], pass_no=pass_no, ballot=number)
            latencies.append(time.perf_counter() - began)
            commits.append((session.log.head.seq, time.time()))
    Path(out).write_text(json.dumps({"latencies": latencies, "commits": commits, "rss": peak_rss()}))


def reader(path: str, poll: float, expected: int, go: str, out: str) -> None:
    session = Session(path, terminal=f"reader-{poll:g}")
    wait_for(go)
    seen, syncs, idle = {}, [], []
    deadline = time.monotonic() + 3600
    tick = time.monotonic()
    while len(seen) < expected and time.monotonic() < deadline:
        time.sleep(max(0.0, tick - time.monotonic()))
        began = time.perf_counter()
        new = session.sync()
        spent = time.perf_counter() - began
        wall = time.time()
        (syncs if new else idle).append(spent)
        for event in new:
            if event.type == "ballot.entered":
                seen[event.seq] = (wall, event.at.timestamp())
        # a fixed-rate timer that skips the ticks it missed, like Textual's set_interval
        tick = max(tick + poll, time.monotonic())
    Path(out).write_text(json.dumps({"seen": seen, "syncs": syncs, "idle": idle, "rss": peak_rss()}))


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    if not ordered:
        return "no samples"
    p50 = ordered[(len(ordered) - 1) // 2]
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    return f"p50 {ms(p50)}   p95 {ms(p95)}   max {ms(ordered[-1])}"


def rss(value: int | None) -> str:
    return mib(value) if value is not None else "n/a (no resource module)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ballots", type=int, default=MEMBERS, help=f"ballots per pass (default {MEMBERS:,})")
    parser.add_argument("--writers", type=int, default=3)
    parser.add_argument("--poll", default=str(APP_POLL),
                        help="the readers' poll intervals in seconds, comma-separated (default: the app's 0.25)")
    parser.add_argument("--dir", help="where to put the store (default: the system's temporary folder)")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    if not 1 <= args.ballots <= MEMBERS or args.writers < 1:
        parser.error(f"--ballots must be 1..{MEMBERS} and --writers at least 1")
    polls = [float(p) for p in args.poll.split(",") if p.strip()]
    script = str(Path(__file__).resolve())
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="runsheet-concurrent-", dir=args.dir) as name:
        folder = Path(name)
        scenario, roster, ids = make_inputs(folder, random.Random(args.seed))
        path = folder / "congress.json"
        session = create(str(path), str(scenario), str(roster), terminal="setup")
        session.attendance.attend(ids)
        session.voting.open_round(ELECTION, passes=2)
        base_events = len(session.log.events)
        base_size = path.stat().st_size
        setup_rss = peak_rss()
        del session

        go = str(folder / "go")
        expected = 2 * args.ballots
        procs = []
        for index in range(args.writers):
            out = folder / f"writer-{index}.json"
            procs.append(("writer", index, out, subprocess.Popen(
                [sys.executable, script, "_writer", str(path), str(index), str(args.writers), str(args.ballots),
                 str(args.seed), go, str(out)])))
        for index, poll in enumerate(polls):
            out = folder / f"reader-{index}.json"
            procs.append(("reader", poll, out, subprocess.Popen(
                [sys.executable, script, "_reader", str(path), str(poll), str(expected), go, str(out)])))
        time.sleep(2.0)  # let every process import and open the store; they all start on the same signal
        began = time.perf_counter()
        Path(go).touch()
        for kind, _, _, proc in procs:
            if kind == "writer":
                proc.wait()
        writing = time.perf_counter() - began
        for kind, _, _, proc in procs:
            if proc.wait() != 0:
                raise SystemExit(f"a {kind} process failed (exit {proc.returncode})")
        results = [(kind, key, json.loads(out.read_text())) for kind, key, out, _ in procs]

        final = Session(str(path))
        record = final.state.current_round(ELECTION)
        assert record.entered(1) == record.entered(2) == args.ballots and not record.mismatches()
        events = final.log.events
        assert len(events) == base_events + expected
        from runsheet.store.log import verify

        report = verify(str(path))
        assert report.ok, report.problems
        size = path.stat().st_size
        where = filesystem(folder.resolve())

    writers = [r for kind, _, r in results if kind == "writer"]
    committed = {seq: wall for w in writers for seq, wall in w["commits"]}
    every = [lat for w in writers for lat in w["latencies"]]
    rows.append((f"{args.writers} writers, wall time for {expected:,} ballot events", f"{writing:8.1f} s   "
                 f"({expected / writing:,.0f} ballots/s together)"))
    for index, w in enumerate(writers, start=1):
        rows.append((f"per-ballot commit, writer {index} ({len(w['latencies']):,} ballots)",
                     percentiles(w["latencies"])))
    rows.append((f"per-ballot commit, all writers ({len(every):,})", percentiles(every)))
    early = [lat for w in writers for lat in w["latencies"][: len(w["latencies"]) // 2]]
    late = [lat for w in writers for lat in w["latencies"][len(w["latencies"]) // 2:]]
    rows.append(("  pass 1 (the first half of each writer's calls)", percentiles(early)))
    rows.append(("  pass 2 (the store larger by then)", percentiles(late)))
    for kind, poll, r in results:
        if kind != "reader":
            continue
        seen = {int(seq): pair for seq, pair in r["seen"].items()}
        assert len(seen) == expected, f"reader {poll} saw {len(seen)} of {expected}"
        from_return = [seen[seq][0] - committed[seq] for seq in seen]
        from_event = [seen[seq][0] - seen[seq][1] for seq in seen]
        label = f"reader polling every {poll:g} s" + (" (as the app)" if poll == APP_POLL else "")
        rows.append((f"{label}: visible after the writer's call returned", percentiles(from_return)))
        rows.append(("  ... after the event's own time (before its write)", percentiles(from_event)))
        rows.append((f"  sync() that found new events ({len(r['syncs']):,})", percentiles(r["syncs"])))
        rows.append((f"  sync() that found nothing ({len(r['idle']):,}, one stat)", percentiles(r["idle"])))
        rows.append(("  peak memory (maxrss), reader", rss(r["rss"])))
        early_seen = sum(1 for d in from_return if d < 0)
        if early_seen:
            rows.append(("  seen before the writer's call returned (its fold)", f"{early_seen:,} events"))
    for index, w in enumerate(writers, start=1):
        rows.append((f"peak memory (maxrss), writer {index}", rss(w["rss"])))
    rows.append(("peak memory (maxrss), setup process (create + 1,600 check-ins)", rss(setup_rss)))
    rows.append(("events in the store", f"{len(events):,} ({base_events:,} before the ballots)"))
    rows.append(("store size", f"{mib(base_size)} before the ballots, {mib(size)} at the end ({size:,} bytes)"))
    rows.append(("verify() of the final store", "ok"))

    width = max(len(label) for label, _ in rows)
    print(f"runsheet concurrent ballot benchmark: Python {sys.version.split()[0]}, {sys.platform}, "
          f"{os.cpu_count()} CPUs; store on {where}; seed {args.seed}")
    print(f"{MEMBERS:,} official members present (D = {MEMBERS:,}), {CANDIDATES} names, {SEATS} seats, {STRUCK} struck "
          f"per ballot; {args.ballots:,} ballots × 2 passes by {args.writers} writer processes; readers polling "
          f"every {', '.join(f'{p:g}' for p in polls)} s")
    print("-" * (width + 60))
    for label, value in rows:
        print(f"{label:<{width}}  {value}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["_writer"]:
        path, index, writers, ballots, seed, go, out = sys.argv[2:]
        writer(path, int(index), int(writers), int(ballots), int(seed), go, out)
    elif sys.argv[1:2] == ["_reader"]:
        path, poll, expected, go, out = sys.argv[2:]
        reader(path, float(poll), int(expected), go, out)
    else:
        main()

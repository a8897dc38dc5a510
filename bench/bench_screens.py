"""A terminal at national scale, in a real terminal: its first frame, its idle CPU, and how soon another terminal's
ballot reaches its screen.

    .venv/bin/python bench/bench_screens.py [--checkout DIR ...] [--role counting|chair] [--events N] [--idle S]
                                            [--remote N] [--dir FOLDER]

The congress of bench_ballots.py (1,600 official members present, elections of 200 names for 194 seats). With
--events 3000 (the default) one round is open on 2 passes with 1,500 ballots entered on both (3,000 ballot
events, imported as two ballots CSVs); with more, earlier elections of 3 passes of 1,600 ballots each are counted
and closed first, until the log holds about that many events (--events 50000: a long national congress), and the
last round is left open. A checkout of the earlier store format (no runsheet/store/lines.py) gets the same events
written in its format. For each checkout given (default: this one; give an older clone too to measure side by
side) the probe (screen_probe.py) runs that checkout's app as the role in tmux (120 x 40) on a copy of the store:
  first frame: from the probe's start (before its imports) to the screen's first refresh;
  idle:   after 5 s to settle, the app's CPU time over --idle seconds (utime + stime from /proc), as % of one core;
  remote: another process (this checkout's Session, like another terminal) enters --remote ballots of pass 1, one
          every 0.2-0.4 s; for each, the time from its commit returning to the first redraw of the counting screen
          showing a state that holds it (the probe notes every redraw with the seq of the state shown).
Linux only (/proc, tmux). Not a test: pytest does not collect it.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from bench_ballots import CANDIDATES, ELECTION, MEMBERS, STRUCK, ballots_csv, cpu_seconds, make_inputs  # noqa: E402

from runsheet.commands import create  # noqa: E402

WRITER = """
import random, sys, time
sys.path.insert(0, sys.argv[1])
from runsheet.commands import Session
from runsheet.rules.election import Reading
store, election, remote, seed, entered, candidates, struck = sys.argv[2], sys.argv[3], *map(int, sys.argv[4:])
writer = Session(store, terminal="bench-remote")
rng = random.Random(seed)
for number in range(entered + 1, entered + 1 + remote):
    time.sleep(rng.uniform(0.2, 0.4))
    reading = Reading(frozenset(rng.sample(range(1, candidates + 1), struck)))
    seq = writer.voting.enter_ballot(election, reading, 1, number).events[-1].seq
    print(seq, f"{time.time():.6f}", flush=True)
"""
ENTERED = 1_500  # ballots entered on both passes before the measures; the remote ones follow on pass 1


def build(folder: Path, seed: int, events: int) -> tuple[Path, str]:
    """The store, and the election whose round is left open."""
    rng = random.Random(seed)
    scenario, roster, ids = make_inputs(folder, rng)
    earlier = max(0, -(-(events - 1_600 - 2 * ENTERED) // (3 * MEMBERS + 2)))  # elections counted and closed first
    text = scenario.read_text(encoding="utf-8")
    block = text[text.index("[[election]]"):text.index("[[step]]")]
    scenario.write_text(text + "".join("\n" + block.replace(f'id = "{ELECTION}"', f'id = "{ELECTION}{k}"')
                                       for k in range(1, earlier + 1)), encoding="utf-8")
    path = folder / "national.json"
    session = create(str(path), str(scenario), str(roster), terminal="bench")
    session.attendance.attend(ids)
    session.agenda.next_step()


    full = ballots_csv(folder, rng, MEMBERS)
    for k in range(1, earlier + 1):
        session.voting.open_round(f"{ELECTION}{k}", passes=3)
        for pass_no in (1, 2, 3):
            session.voting.import_ballots(f"{ELECTION}{k}", full, pass_no)
        session.voting.close_round(f"{ELECTION}{k}", MEMBERS)
    session.voting.open_round(ELECTION, passes=2)
    entered = ballots_csv(folder, rng, ENTERED)
    for pass_no in (1, 2):
        session.voting.import_ballots(ELECTION, entered, pass_no)
    return path, ELECTION


def store_for(checkout: Path, base: Path, folder: Path) -> Path:
    """A copy of the store in the checkout's own format (the earlier one: one JSON document), snapshot included."""
    store = folder / "national.json"
    if (checkout / "runsheet" / "store" / "lines.py").exists():
        shutil.copyfile(base, store)
        snap = Path(str(base) + ".snapshot")
        if snap.exists():
            shutil.copyfile(snap, str(store) + ".snapshot")
        return store
    import orjson

    events = [orjson.loads(line) for line in base.read_bytes().splitlines()]
    for event in events:
        event.pop("more", None)
    store.write_bytes(orjson.dumps({"events": {str(e["seq"]): e for e in events}, "meta": {"1": {
        "format": 1, "head_seq": events[-1]["seq"], "head_hash": events[-1]["hash"]}}}))
    return store



def measure(checkout: Path, store: Path, folder: Path, idle: float, remote: int, seed: int, role: str,
            election: str) -> dict:
    socket = f"bench-{uuid.uuid4().hex[:8]}"
    record = folder / "redraws.txt"
    command = (f"{sys.executable} {HERE / 'screen_probe.py'} --checkout {checkout} --db {store} "
               f"--record {record} --role {role} --started {time.time():.6f}")
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    subprocess.run(["tmux", "-L", socket, "new-session", "-d", "-x", "120", "-y", "40", command], check=True, env=env)
    try:
        deadline = time.monotonic() + 60
        while not (record.exists() and "ready" in record.read_text()):
            if time.monotonic() > deadline:
                raise RuntimeError(f"the app of {checkout} did not start")
            time.sleep(0.1)
        ready = next(line.split() for line in record.read_text().splitlines() if line.startswith("ready"))
        pid, first_frame = int(ready[1]), float(ready[2]) if len(ready) > 2 else float("nan")
        time.sleep(5)
        before, began = cpu_seconds(pid), time.monotonic()
        time.sleep(idle)
        cpu = (cpu_seconds(pid) - before) / (time.monotonic() - began) * 100
        # another terminal, running the same checkout (it writes the store in that checkout's format)
        writer = subprocess.run([sys.executable, "-c", WRITER, str(checkout), str(store), election, str(remote),
                                 str(seed), str(ENTERED), str(CANDIDATES), str(STRUCK)],
                                capture_output=True, text=True, check=True)
        commits = [(int(seq), float(at)) for seq, at in (line.split() for line in writer.stdout.splitlines())]
        time.sleep(2)
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)
    redraws = [tuple(map(float, line.split())) for line in record.read_text().splitlines()
               if line.strip() and not line.startswith(("ready", "rss"))]
    rss = [float(line.split()[1]) for line in record.read_text().splitlines() if line.startswith("rss")]
    delays = []
    for seq, committed in commits:
        shown = next((at for at, shown_seq in redraws if shown_seq >= seq and at >= committed - 1), None)
        delays.append(float("inf") if shown is None else max(0.0, shown - committed))
    return {"cpu": cpu, "delays": delays, "first_frame": first_frame, "rss": max(rss, default=float("nan"))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkout", action="append", help="a runsheet checkout to measure (default: this one)")
    parser.add_argument("--idle", type=float, default=20.0, help="seconds of idle CPU measured")
    parser.add_argument("--remote", type=int, default=60, help="ballots entered by another terminal")
    parser.add_argument("--dir", help="where to put the stores (default: the system's temporary folder)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--role", default="counting", choices=("counting", "chair"))
    parser.add_argument("--events", type=int, default=3_000, help="about how many events the store holds")
    args = parser.parse_args()
    if shutil.which("tmux") is None or not Path("/proc/self/stat").exists():
        sys.exit("bench_screens.py needs tmux and /proc (Linux)")
    checkouts = [Path(c).resolve() for c in (args.checkout or [str(ROOT)])]
    with tempfile.TemporaryDirectory(prefix="runsheet-screens-", dir=args.dir) as name:
        folder = Path(name)
        started = time.perf_counter()
        base, election = build(folder, args.seed, args.events)
        events = base.read_bytes().count(b"\n")
        print(f"store: {events:,} events, {MEMBERS:,} members present, {CANDIDATES} names, a round open with "
              f"{ENTERED:,} ballots x 2 passes entered, {base.stat().st_size / 2**20:.1f} MiB (built in "
              f"{time.perf_counter() - started:.1f} s); the {args.role} screen")
        status = []
        for _ in range(3):
            began = time.perf_counter()
            subprocess.run([sys.executable, str(ROOT / "run.py"), "status", "--db", str(base)], capture_output=True,
                           check=True)
            status.append(time.perf_counter() - began)
        print(f"run.py status on it (this checkout, a new process): {statistics.median(status) * 1000:.0f} ms, "
              f"median of 3")
        print(f"{'checkout':<32} {'first frame':>11} {'idle CPU':>9} {'peak RSS':>9} "
              f"{'remote ballot to screen: p50':>29} {'p95':>8} {'max':>8}")
        for checkout in checkouts:
            run = folder / uuid.uuid4().hex[:6]
            run.mkdir()
            store = store_for(checkout, base, run)
            result = measure(checkout, store, run, args.idle, args.remote, args.seed, args.role, election)
            delays = sorted(result["delays"])
            p95 = delays[int(0.95 * (len(delays) - 1))]
            print(f"{str(checkout)[-32:]:<32} {result['first_frame']:10.2f}s {result['cpu']:8.1f}% "
                  f"{result['rss']:6.0f} MiB {statistics.median(delays) * 1000:26.0f} ms {p95 * 1000:5.0f} ms "
                  f"{delays[-1] * 1000:5.0f} ms")


if __name__ == "__main__":
    main()

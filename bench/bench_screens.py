"""A counting terminal at national scale, in a real terminal: its idle CPU, and how soon another terminal's ballot
reaches its screen.

    .venv/bin/python bench/bench_screens.py [--checkout DIR ...] [--idle S] [--remote N] [--dir FOLDER]

The congress of bench_ballots.py (1,600 official members present, one election of 200 names for 194 seats) with
the round open on 2 passes and 1,500 ballots entered on both (3,000 ballot events, imported as two ballots CSVs).
For each checkout given (default: this one; give an older clone too to measure side by side) the probe
(screen_probe.py) runs that checkout's app as the counting role in tmux (120 x 40) on a copy of that store:
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

from bench_ballots import CANDIDATES, ELECTION, MEMBERS, STRUCK, make_inputs  # noqa: E402

from runsheet.commands import Session, create  # noqa: E402
from runsheet.rules.election import Reading  # noqa: E402

ENTERED = 1_500  # ballots entered on both passes before the measures; the remote ones follow on pass 1
TICKS = os.sysconf("SC_CLK_TCK")


def build(folder: Path, seed: int) -> Path:
    rng = random.Random(seed)
    scenario, roster, ids = make_inputs(folder, rng)
    path = folder / "national.json"
    session = create(str(path), str(scenario), str(roster), terminal="bench")
    session.attendance.attend(ids)
    session.agenda.next_step()
    session.voting.open_round(ELECTION, passes=2)
    ballots = folder / "ballots.csv"
    rows = ["ballot,struck"]
    for number in range(1, ENTERED + 1):
        rows.append(f"{number},{' '.join(map(str, sorted(rng.sample(range(1, CANDIDATES + 1), STRUCK))))}")
    ballots.write_text("\n".join(rows) + "\n", encoding="utf-8")
    for pass_no in (1, 2):
        session.voting.import_ballots(ELECTION, str(ballots), pass_no)
    return path


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime


def measure(checkout: Path, store: Path, folder: Path, idle: float, remote: int, seed: int) -> dict:
    socket = f"bench-{uuid.uuid4().hex[:8]}"
    record = folder / "redraws.txt"
    command = (f"{sys.executable} {HERE / 'screen_probe.py'} --checkout {checkout} --db {store} "
               f"--record {record}")
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    subprocess.run(["tmux", "-L", socket, "new-session", "-d", "-x", "120", "-y", "40", command], check=True, env=env)
    try:
        deadline = time.monotonic() + 60
        while not (record.exists() and "ready" in record.read_text()):
            if time.monotonic() > deadline:
                raise RuntimeError(f"the app of {checkout} did not start")
            time.sleep(0.1)
        pid = next(int(line.split()[1]) for line in record.read_text().splitlines() if line.startswith("ready"))
        time.sleep(5)
        before, began = cpu_seconds(pid), time.monotonic()
        time.sleep(idle)
        cpu = (cpu_seconds(pid) - before) / (time.monotonic() - began) * 100
        writer = Session(str(store), terminal="bench-remote")
        rng = random.Random(seed)
        commits = []
        for number in range(ENTERED + 1, ENTERED + 1 + remote):
            time.sleep(rng.uniform(0.2, 0.4))
            reading = Reading(frozenset(rng.sample(range(1, CANDIDATES + 1), STRUCK)))
            seq = writer.voting.enter_ballot(ELECTION, reading, 1, number).events[-1].seq
            commits.append((seq, time.time()))
        time.sleep(2)
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)
    redraws = [tuple(map(float, line.split())) for line in record.read_text().splitlines()
               if line.strip() and not line.startswith("ready")]
    delays = []
    for seq, committed in commits:
        shown = next((at for at, shown_seq in redraws if shown_seq >= seq and at >= committed - 1), None)
        delays.append(float("inf") if shown is None else max(0.0, shown - committed))
    return {"cpu": cpu, "delays": delays}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkout", action="append", help="a runsheet checkout to measure (default: this one)")
    parser.add_argument("--idle", type=float, default=20.0, help="seconds of idle CPU measured")
    parser.add_argument("--remote", type=int, default=60, help="ballots entered by another terminal")
    parser.add_argument("--dir", help="where to put the stores (default: the system's temporary folder)")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    if shutil.which("tmux") is None or not Path("/proc/self/stat").exists():
        sys.exit("bench_screens.py needs tmux and /proc (Linux)")
    checkouts = [Path(c).resolve() for c in (args.checkout or [str(ROOT)])]
    with tempfile.TemporaryDirectory(prefix="runsheet-screens-", dir=args.dir) as name:
        folder = Path(name)
        started = time.perf_counter()
        base = build(folder, args.seed)
        print(f"store: {MEMBERS:,} members present, {CANDIDATES} names, {ENTERED:,} ballots x 2 passes entered, "
              f"{base.stat().st_size / 2**20:.1f} MiB (built in {time.perf_counter() - started:.1f} s)")
        print(f"{'checkout':<40} {'idle CPU':>9} {'remote ballot to screen: p50':>29} {'p95':>8} {'max':>8}")
        for checkout in checkouts:
            run = folder / uuid.uuid4().hex[:6]
            run.mkdir()
            store = run / "national.json"
            shutil.copyfile(base, store)
            result = measure(checkout, store, run, args.idle, args.remote, args.seed)
            delays = sorted(result["delays"])
            p95 = delays[int(0.95 * (len(delays) - 1))]
            print(f"{str(checkout)[-40:]:<40} {result['cpu']:8.1f}% {statistics.median(delays) * 1000:26.0f} ms "
                  f"{p95 * 1000:5.0f} ms {delays[-1] * 1000:5.0f} ms")


if __name__ == "__main__":
    main()

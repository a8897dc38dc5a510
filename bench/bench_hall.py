"""The hall's server (`run.py hall`) with 300 phones following it while a national count goes on.

    .venv/bin/python bench/bench_hall.py [--clients 300] [--seconds 40] [--rate 20] [--every 1.5] [--dir FOLDER]

The congress of bench_ballots.py (1,600 official members present and 100 more on the roster, not yet in; elections
of 200 names for 194 seats): one earlier election counted on 3 passes of 1,600 ballots and closed, not yet
published; the next round open on 2 passes with 600 ballots entered on both (about 9,000 events). The server runs
as a subprocess on that store; --clients SSE clients (aiohttp, in this process) follow /events. Another process
(a Session, like a counting terminal) enters --rate ballots a second and, every --every seconds, one change the hall
sees, in turn: a check-in, a step, a speech started, a message, a speech ended, the message cleared, the earlier
election published (once). For each change: the time from its commit returning (in the writer) to its arrival
(the first view whose seq holds it) at each client; p50/p95/max over every client and change, by kind and in all.
The server's CPU (utime + stime from /proc, as % of one core over the run) and its peak memory (VmHWM); the views
each client received against the changes made (the ballots alone must send nothing). Linux only. Not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from bench_ballots import CANDIDATES, ELECTION, MEMBERS, STRUCK, ballots_csv, cpu_seconds, make_inputs  # noqa: E402

from runsheet.commands import create  # noqa: E402

EXTRA = 100  # members on the roster not checked in at the start: the check-ins of the bench
ENTERED = 600  # ballots of the open round entered on both passes before the bench
STEPS = 40

WRITER = """
import random, sys, time
sys.path.insert(0, sys.argv[1])
from runsheet.commands import Session
from runsheet.rules.election import Reading
store, election, earlier, seconds, rate, every, entered, candidates, struck, extra = sys.argv[2:12]
seconds, rate, every = float(seconds), float(rate), float(every)
entered, candidates, struck, extra = int(entered), int(candidates), int(struck), int(extra)
writer = Session(store, terminal="bench-writer")
rng = random.Random(7)
newcomers = iter(f"X{i:04d}" for i in range(1, extra + 1))
published = False

def change(kind):
    global published
    if kind == "publish" and published:
        kind = "check-in"
    if kind == "check-in":
        outcome = writer.attendance.check_in(next(newcomers))
    elif kind == "step":
        outcome = writer.agenda.next_step()
    elif kind == "speech":
        writer.speaking.add_speaker(f"D{rng.randint(1, 1600):04d}")
        outcome = writer.speaking.start_speech()
    elif kind == "message":
        outcome = writer.hall.message("Xin đồng chí kết thúc", rng.random() < 0.5, "all")
    elif kind == "speech-end":
        outcome = writer.speaking.end_speech()
    elif kind == "clear":
        outcome = writer.hall.clear("all")
    else:
        outcome = writer.voting.publish_round(earlier)
        published = True
    print("change", kind, outcome.events[-1].seq, f"{time.time():.6f}", flush=True)

kinds = ["check-in", "step", "speech", "message", "speech-end", "clear", "publish"]
numbers = {1: entered, 2: entered}
start = time.monotonic()
due = start + every
ballots = k = 0
while time.monotonic() - start < seconds:
    pass_no = 1 + ballots % 2
    numbers[pass_no] += 1
    reading = Reading(frozenset(rng.sample(range(1, candidates + 1), struck)))
    writer.voting.enter_ballot(election, reading, pass_no, numbers[pass_no])
    ballots += 1
    if time.monotonic() >= due:
        change(kinds[k % len(kinds)])
        k += 1
        due += every
    time.sleep(max(0.0, start + ballots / rate - time.monotonic()))
print("ballots", ballots, flush=True)
"""


def build(folder: Path, seed: int) -> tuple[Path, str]:
    """The store, and the earlier election (closed, not published)."""
    rng = random.Random(seed)
    scenario, roster, ids = make_inputs(folder, rng)
    with roster.open("a", encoding="utf-8") as extra:
        extra.writelines(f"X{i:04d},Đại biểu {i},official,\n" for i in range(1, EXTRA + 1))
    text = scenario.read_text(encoding="utf-8")
    block = text[text.index("[[election]]"):text.index("[[step]]")]
    opening = '[[step]]\nid = "khai-mac"\ntitle = "Khai mạc"\nminutes = 10\nscript = "D = {denominator}."\n\n'
    sessions = "".join(f'\n[[step]]\nid = "phien-{k}"\ntitle = "Thảo luận, phiên {k}"\nminutes = 15\n'
                       for k in range(1, STEPS + 1))
    earlier = f"{ELECTION}0"
    text = (text[:text.index("[[step]]")] + block.replace(f'id = "{ELECTION}"', f'id = "{earlier}"') + opening
            + text[text.index("[[step]]"):] + sessions)
    scenario.write_text(text, encoding="utf-8")
    path = folder / "national.json"
    session = create(str(path), str(scenario), str(roster), terminal="bench")
    session.attendance.attend(ids)
    session.agenda.next_step()  # khai-mac: attendance reported
    session.agenda.next_step()  # bau-cu


    full = ballots_csv(folder, rng, MEMBERS)
    session.voting.open_round(earlier, passes=3)
    for pass_no in (1, 2, 3):
        session.voting.import_ballots(earlier, full, pass_no)
    session.voting.close_round(earlier, MEMBERS)
    session.voting.open_round(ELECTION, passes=2)
    entered = ballots_csv(folder, rng, ENTERED)
    for pass_no in (1, 2):
        session.voting.import_ballots(ELECTION, entered, pass_no)
    return path, earlier



def peak_memory(pid: int) -> str:
    return next(line.split(":", 1)[1].strip() for line in Path(f"/proc/{pid}/status").read_text().splitlines()
                if line.startswith("VmHWM"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


SEQ = re.compile(rb'"seq": (\d+)')


async def follow(session: aiohttp.ClientSession, url: str, arrivals: list, ready: asyncio.Event,
                 connected: list) -> None:
    async with session.get(url) as stream:
        first = True
        while True:
            line = await stream.content.readline()
            if not line:
                return
            if line.startswith(b"data: "):
                arrivals.append((time.time(), int(SEQ.search(line, 0, 200).group(1))))
                if first:
                    first = False
                    connected.append(1)
                    ready.set()


def quantiles(delays: list[float]) -> str:
    delays = sorted(delays)
    p95 = delays[min(len(delays) - 1, round(0.95 * (len(delays) - 1)))]
    return f"{statistics.median(delays) * 1000:7.0f} {p95 * 1000:7.0f} {delays[-1] * 1000:7.0f}"


async def measure(args, store: Path, earlier: str) -> None:
    port = free_port()
    server = subprocess.Popen([sys.executable, str(ROOT / "run.py"), "hall", "--db", str(store), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/events"
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), 0.1).close()
                break
            except OSError:
                time.sleep(0.1)
        arrivals: list[list] = [[] for _ in range(args.clients)]
        connected: list = []
        limits = aiohttp.TCPConnector(limit=0)
        async with aiohttp.ClientSession(connector=limits, read_bufsize=2 ** 22,
                                         timeout=aiohttp.ClientTimeout(total=None)) as session:
            ready = asyncio.Event()
            tasks = [asyncio.create_task(follow(session, url, arrivals[i], ready, connected))
                     for i in range(args.clients)]
            while len(connected) < args.clients:
                await asyncio.sleep(0.1)
            print(f"{args.clients} clients connected", flush=True)
            cpu0, wall0 = cpu_seconds(server.pid), time.monotonic()
            writer = await asyncio.create_subprocess_exec(
                sys.executable, "-c", WRITER, str(ROOT), str(store), ELECTION, earlier, str(args.seconds),
                str(args.rate), str(args.every), str(ENTERED), str(CANDIDATES), str(STRUCK), str(EXTRA),
                stdout=asyncio.subprocess.PIPE)
            out, _ = await writer.communicate()
            await asyncio.sleep(2.0)  # the last change on its way
            cpu = cpu_seconds(server.pid) - cpu0
            wall = time.monotonic() - wall0
            memory = peak_memory(server.pid)
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
    finally:
        server.terminate()
        server.wait()
    changes, ballots = [], 0
    for line in out.decode().splitlines():
        words = line.split()
        if words[0] == "change":
            changes.append((words[1], int(words[2]), float(words[3])))
        elif words[0] == "ballots":
            ballots = int(words[1])
    by_kind: dict[str, list[float]] = {}
    missed = 0
    for kind, seq, at in changes:
        for got in arrivals:
            arrival = next((t for t, s in got if s >= seq), None)
            if arrival is None:
                missed += 1
            else:
                by_kind.setdefault(kind, []).append(max(0.0, arrival - at))
    print(f"\n{len(changes)} hall-visible changes and {ballots} ballots in {args.seconds:.0f} s; "
          f"{args.clients} clients; the store holds about {changes[-1][1] if changes else 0:,} events")
    print(f"{'change':<12} {'count':>5} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7}")
    for kind, delays in by_kind.items():
        print(f"{kind:<12} {len(delays) // args.clients:>5} {quantiles(delays)}")
    every = [d for delays in by_kind.values() for d in delays]
    print(f"{'all':<12} {len(changes):>5} {quantiles(every)}")
    views = [len(got) for got in arrivals]
    print(f"views received by a client: {min(views)}-{max(views)} (the first included) for {len(changes)} changes; "
          f"arrivals missing: {missed}")
    print(f"server CPU: {100 * cpu / wall:.1f}% of one core over {wall:.1f} s; peak memory (VmHWM): {memory}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=40.0, help="how long the writer runs")
    parser.add_argument("--rate", type=float, default=20.0, help="ballots a second")
    parser.add_argument("--every", type=float, default=1.5, help="seconds between two hall-visible changes")
    parser.add_argument("--dir", help="where to put the store (default: the system's temporary folder)")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="runsheet-hall-", dir=args.dir) as name:
        started = time.monotonic()
        store, earlier = build(Path(name), args.seed)
        print(f"store built in {time.monotonic() - started:.0f} s", flush=True)
        asyncio.run(measure(args, store, earlier))


if __name__ == "__main__":
    main()

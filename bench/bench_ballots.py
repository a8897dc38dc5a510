"""Ballot entry at national scale: 1,600 delegates, a ballot of 200 names, double entry through Session.

    .venv/bin/python bench/bench_ballots.py [--dir FOLDER] [--seed N]

The congress: a generated roster of 1,600 official members; 200 of them are the candidates of one election
(the list is part of the roster, as at a congress the candidates are delegates). Seats = 194, so that a ballot
striking 6 of the 200 names keeps 194 = seats and is valid (with 180 seats a ballot must strike at least 20).
All 1,600 check in with one `attend` call; the round opens with 2 passes (ballots issued = 1,600, D = 1,600);
then each pass enters the same 1,600 ballots one by one through Session.voting.enter_ballot, each striking 6 random
names. Measured: the latency of each whole Session call (check, hash, atomic write + fsync, fold), in windows
as the log grows; recomputing the tally (live_results) at the end; opening the final store (Session(path));
the store's size; peak memory. Not a test: pytest does not collect it.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from runsheet.commands import Session, create  # noqa: E402
from runsheet.rules.election import Reading  # noqa: E402

MEMBERS, CANDIDATES, SEATS, STRUCK = 1_600, 200, 194, 6
ELECTION = "tw"
WINDOW = 100  # ballots per latency window
TYPED = "12 47 88 103 150 199"  # a typical ballot on the counting screen: the struck numbers, then Enter

FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
]
MIDDLE = ["Văn", "Thị", "Minh", "Quốc", "Đức", "Thanh", "Hữu", "Ngọc", "Xuân", "Hồng", "Mạnh", "Thu"]
GIVEN = [
    "An",
    "Bình",
    "Chính",
    "Dũng",
    "Đạt",
    "Giang",
    "Hà",
    "Hải",
    "Hằng",
    "Hiếu",
    "Hòa",
    "Hùng",
    "Khánh",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Nam",
    "Nga",
    "Phong",
    "Phúc",
    "Quang",
    "Sơn",
    "Tâm",
    "Thắng",
    "Thảo",
    "Thành",
    "Trung",
    "Tuấn",
    "Vân",
    "Việt",
    "Yến",
]


def ballots_csv(folder: Path, rng: random.Random, count: int) -> str:
    """A ballots CSV of count ballots, each striking STRUCK names at random (for `ballots import`)."""
    file = folder / f"ballots-{count}.csv"
    rows = ["ballot,struck"] + [f"{n},{' '.join(map(str, sorted(rng.sample(range(1, CANDIDATES + 1), STRUCK))))}"
                                for n in range(1, count + 1)]
    file.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return str(file)


def cpu_seconds(pid: int) -> float:
    """A process's CPU time so far (user and system), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def make_inputs(folder: Path, rng: random.Random) -> tuple[Path, Path, list[str]]:
    ids = [f"D{i:04d}" for i in range(1, MEMBERS + 1)]
    rows = ["id,name,status,flags"]
    for member_id in ids:
        rows.append(f"{member_id},{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)},official,")
    roster = folder / "roster.csv"
    roster.write_text("\n".join(rows) + "\n", encoding="utf-8")
    candidates = ids[:CANDIDATES]
    scenario = folder / "national.toml"
    scenario.write_text(
        f"""[congress]
title = "Đại hội đại biểu toàn quốc (dữ liệu thử)"
term = "2026–2031"
start = "08:00"
language = "vi"
kind = "members"

[[election]]
id = "{ELECTION}"
title = "Bầu Ban Chấp hành"
seats = {SEATS}
candidates = [{", ".join(f'"{c}"' for c in candidates)}]

[[step]]
id = "bau-cu"
title = "Bầu cử"
minutes = 240
election = "{ELECTION}"
""",
        encoding="utf-8",
    )
    return scenario, roster, ids


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f} ms"


def mib(size: float) -> str:
    return f"{size / 2**20:,.1f} MiB"


def stats(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    return f"p50 {ms(statistics.median(ordered))}   p95 {ms(p95)}   max {ms(ordered[-1])}"


def filesystem(path: Path) -> str:
    """The file system the store is on (fsync costs differ a lot between tmpfs, ext4, overlay...)."""
    best, kind = "", "?"
    try:
        with open("/proc/mounts", encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 3 and str(path).startswith(parts[1]) and len(parts[1]) > len(best):
                    best, kind = parts[1], parts[2]
    except OSError:
        pass
    return f"{kind} at {best or '?'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", help="where to put the store (default: the system's temporary folder)")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="runsheet-ballots-", dir=args.dir) as name:
        folder = Path(name)
        scenario, roster, ids = make_inputs(folder, rng)
        path = folder / "congress.json"
        started = time.perf_counter()
        session = create(str(path), str(scenario), str(roster), terminal="bench")
        rows.append(("create the store (roster of 1,600, list of 200)", ms(time.perf_counter() - started)))

        began = time.perf_counter()
        session.attendance.attend(ids)
        rows.append(("check in 1,600 (one attend call, 1,600 events)", ms(time.perf_counter() - began)))
        figures = session.state.figures()
        assert figures.present_official == MEMBERS and figures.denominator == MEMBERS

        began = time.perf_counter()
        session.voting.open_round(ELECTION, passes=2)
        rows.append(("open the round (2 passes)", ms(time.perf_counter() - began)))
        record = session.state.current_round(ELECTION)
        assert record.issued == MEMBERS and record.form == "strike" and len(record.candidates) == CANDIDATES
        base_events = len(session.log.events)

        readings = [Reading(frozenset(rng.sample(range(1, CANDIDATES + 1), STRUCK))) for _ in range(MEMBERS)]
        latencies: list[float] = []  # one per ballot event, in order (pass 1 then pass 2)
        sizes: dict[int, int] = {}  # ballot events entered -> store size
        for pass_no in (1, 2):
            for reading in readings:
                began = time.perf_counter()
                session.voting.enter_ballot(ELECTION, reading, pass_no=pass_no)
                latencies.append(time.perf_counter() - began)
                count = len(latencies)
                if count in (1, 500, 1_600, 3_200):
                    sizes[count] = path.stat().st_size
        entry_time = sum(latencies)
        record = session.state.current_round(ELECTION)
        assert record.entered(1) == record.entered(2) == MEMBERS and not record.mismatches()

        rows.append(("enter 3,200 ballots (2 passes × 1,600), total", f"{entry_time:8.1f} s"))
        rows.append(("per-ballot commit, all 3,200", stats(latencies)))
        rows.append(("per-ballot commit, pass 1 (ballot events 1–1,600)", stats(latencies[:MEMBERS])))
        rows.append(("per-ballot commit, pass 2 (ballot events 1,601–3,200)", stats(latencies[MEMBERS:])))
        for at in (1, 500, 1_600, 3_200):
            low = max(0, min(at, len(latencies)) - WINDOW)
            window = latencies[low : low + WINDOW]
            total = base_events + at
            rows.append(
                (
                    f"  window of {WINDOW} ending at ballot event {at:,} ({total:,} events, {mib(sizes[at])})"
                    if at > 1
                    else f"  first {WINDOW} ballot events ({base_events + 1:,}–{base_events + WINDOW:,} events)",
                    stats(window),
                )
            )

        began = time.perf_counter()
        result = session.state.results(ELECTION)
        rows.append(("the live tally (state.results) of 1,600 ballots, kept ballot by ballot",
                     ms(time.perf_counter() - began)))
        assert result["ballots"]["valid"] == MEMBERS and len(result["elected"]) <= SEATS
        opens = []
        for _ in range(3):
            began = time.perf_counter()
            fresh = Session(str(path))
            assert fresh.state.seq  # folded when first asked for
            opens.append(time.perf_counter() - began)
        rows.append(
            (
                f"open the final store, Session(path), {len(fresh.log.events):,} events",
                f"median of 3 {ms(statistics.median(opens))}",
            )
        )
        rows.append(("store size at the end", f"{mib(path.stat().st_size)} ({path.stat().st_size:,} bytes)"))

        # memory: tracemalloc slows every call it watches, so it watches only a copy of the final store that a
        # second terminal opens, tallies and closes; the timings above and the close below run without it
        del fresh
        copy = folder / "copy.json"
        shutil.copyfile(path, copy)
        tracemalloc.start()
        other = Session(str(copy), terminal="bench-2")
        other.state.results(ELECTION)
        other.voting.close_round(ELECTION, collected=MEMBERS)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        del other
        began = time.perf_counter()
        session.voting.close_round(ELECTION, collected=MEMBERS)
        rows.append(("close the round (checks passes, freezes the result)", ms(time.perf_counter() - began)))
        closed = session.state.current_round(ELECTION).closed
        rows.append(("tracemalloc peak: open the final store + tally + close", mib(peak)))
        maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS
        rows.append(("getrusage maxrss of the whole run", mib(maxrss * (1 if sys.platform == "darwin" else 1024))))
        elected = len(closed["elected"])
        top = max(c["votes"] for c in closed["candidates"])
        low = min(c["votes"] for c in closed["candidates"])
        rows.append(
            (
                "result",
                f"{elected} elected of {SEATS} seats, tied {len(closed['tied'])}, "
                f"unfilled {closed['unfilled']}; votes {low:,}–{top:,} of D = {closed['denominator']:,}",
            )
        )
        where = filesystem(folder.resolve())

    digits = sum(ch.isdigit() for ch in TYPED)
    spaces = TYPED.count(" ")
    rows.append(
        (
            f"keystrokes for one ballot: {TYPED!r} + Enter",
            f"{len(TYPED) + 1} ({digits} digits + {spaces} spaces + 1 Enter)",
        )
    )
    from runsheet.rules.ballot_entry import keystrokes  # the screen types the space after a number that cannot grow

    rows.append(
        (
            "  ... on the counting screen, which adds the spaces it can",
            f"{keystrokes([int(n) for n in TYPED.split()], CANDIDATES)} keys",
        )
    )

    width = max(len(label) for label, _ in rows)
    print(
        f"runsheet ballot benchmark: Python {sys.version.split()[0]}, {sys.platform}, {os.cpu_count()} CPUs; "
        f"store on {where}; seed {args.seed}"
    )
    print(
        f"{MEMBERS:,} official members present (D = {MEMBERS:,}), {CANDIDATES} names, {SEATS} seats, "
        f"{STRUCK} struck per ballot, 2 passes"
    )
    print("-" * (width + 60))
    for label, value in rows:
        print(f"{label:<{width}}  {value}")


if __name__ == "__main__":
    main()

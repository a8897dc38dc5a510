"""Scale of a bad day (issue 14): `run.py new` with a roster of 5,000 members (under 2 s) and `run.py badges` for
2,000 members (under 20 s), each timed as a user runs it, in a process of its own.

    .venv/bin/python bench/bench_bad_days.py [--members 5000] [--badges 2000]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
MIDDLE = ["Văn", "Thị", "Minh", "Quốc", "Thu", "Đức", "Hữu", "Ngọc"]
GIVEN = ["An", "Bình", "Hoa", "Hùng", "Lan", "Mai", "Nam", "Thành", "Tuấn", "Yến", "Hằng", "Khải"]


def roster(members: int) -> str:
    """The demo roster (the scenario's candidates), then members up to the number asked."""
    lines = (ROOT / "data/demo-roster.csv").read_text(encoding="utf-8").splitlines()
    for n in range(len(lines), members + 1):
        name = f"{SURNAMES[n % 10]} {MIDDLE[n // 10 % 8]} {GIVEN[n // 80 % 12]}"
        lines.append(f"DV{n:02d},{name},{'probationary' if n % 9 == 0 else 'official'},")
    return "\n".join(lines) + "\n"


def timed(*args: str) -> float:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "run.py", *args], cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"run.py {args[0]} failed: {proc.stderr.strip()}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=5000)
    parser.add_argument("--badges", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for members, label in ((args.members, "new"), (args.badges, "badges")):
            path = os.path.join(folder, f"roster-{members}.csv")
            Path(path).write_text(roster(members), encoding="utf-8")
            db = os.path.join(folder, f"c-{members}.json")
            took_new = timed("new", "--db", db, "--scenario", "scenarios/chi-bo.toml", "--roster", path)
            if label == "new":
                print(f"new, {members} members: {took_new:.2f} s (goal: under 2 s)")
            else:
                took = timed("badges", "--db", db, "--out", os.path.join(folder, "badges.html"))
                print(f"badges, {members} members: {took:.2f} s (goal: under 20 s)")


if __name__ == "__main__":
    main()

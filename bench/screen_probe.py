"""Runs one checkout's app on a store, in a real terminal, and notes every redraw of the counting (or chair) screen.

    python bench/screen_probe.py --checkout DIR --db STORE --record FILE [--role counting]

Started by bench_screens.py inside tmux. It imports runsheet from --checkout (this one, or an older clone to
measure side by side), opens the store as the given role and, each time the counting screen redraws from the state
(refresh_state in this version, refresh_live in older ones), appends "<unix time> <seq of the state shown>" to
--record, "ready <pid> <seconds from launch to the first frame>" once the screen is up, and "rss <MiB>" (its
peak memory) every second. Not a test.
"""

from __future__ import annotations

import time

STARTED = time.time()  # before the imports: the first frame is measured from here (or from --started)

import argparse  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402


def peak_mib() -> float:
    """This process's peak memory: VmHWM on Linux (ru_maxrss would keep a parent's peak across fork and exec)."""
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--checkout", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--record", required=True)
    parser.add_argument("--role", default="counting")
    parser.add_argument("--started", type=float, help="when the process was launched (unix time)")
    args = parser.parse_args()
    checkout = os.path.abspath(args.checkout)
    sys.path.insert(0, checkout)
    import runsheet

    if not os.path.abspath(runsheet.__file__).startswith(checkout + os.sep):  # an editable install answers first
        sys.exit(f"screen_probe: runsheet came from {runsheet.__file__}, not from {checkout}")
    from runsheet.commands import Session
    from runsheet.ui import app as app_module
    from runsheet.ui.screens.chair import ChairScreen
    from runsheet.ui.screens.counting import CountingScreen

    record = open(args.record, "w", buffering=1, encoding="utf-8")
    session = Session(args.db, role=args.role)
    app = app_module.RunsheetApp(session)

    def shown_seq() -> int:
        state = getattr(app, "state", None) or app.session.state  # the screens' fold, or (older) the session's
        return state.seq

    screen = ChairScreen if args.role == "chair" else CountingScreen
    for name in ("refresh_state", "refresh_live"):
        original = screen.__dict__.get(name)
        if original is None:
            continue

        def noted(self, *a, _original=original, **k):
            result = _original(self, *a, **k)
            record.write(f"{time.time():.6f} {shown_seq()}\n")
            return result

        setattr(screen, name, noted)
    started = args.started or STARTED

    def ready() -> None:
        record.write(f"ready {os.getpid()} {time.time() - started:.3f}\n")
        app.set_interval(1.0, lambda: record.write(f"rss {peak_mib():.1f}\n"))

    app.call_after_refresh(ready)
    app.run()


if __name__ == "__main__":
    main()

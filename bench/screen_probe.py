"""Runs one checkout's app on a store, in a real terminal, and notes every redraw of the counting screen.

    python bench/screen_probe.py --checkout DIR --db STORE --record FILE [--role counting]

Started by bench_screens.py inside tmux. It imports runsheet from --checkout (this one, or an older clone to
measure side by side), opens the store as the given role and, each time the counting screen redraws from the state
(refresh_state in this version, refresh_live in older ones), appends "<unix time> <seq of the state shown>" to
--record, and "ready <pid>" once the screen is up. Not a test.
"""

from __future__ import annotations

import argparse
import os
import sys
import time


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--checkout", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--record", required=True)
    parser.add_argument("--role", default="counting")
    args = parser.parse_args()
    checkout = os.path.abspath(args.checkout)
    sys.path.insert(0, checkout)
    import runsheet

    if not os.path.abspath(runsheet.__file__).startswith(checkout + os.sep):  # an editable install answers first
        sys.exit(f"screen_probe: runsheet came from {runsheet.__file__}, not from {checkout}")
    from runsheet.commands import Session
    from runsheet.ui import app as app_module
    from runsheet.ui.screens.counting import CountingScreen

    record = open(args.record, "w", buffering=1, encoding="utf-8")
    session = Session(args.db, role=args.role)
    app = app_module.RunsheetApp(session)

    def shown_seq() -> int:
        state = getattr(app, "state", None) or app.session.state  # the screens' fold, or (older) the session's
        return state.seq

    for name in ("refresh_state", "refresh_live"):
        original = getattr(CountingScreen, name, None)
        if original is None:
            continue

        def noted(self, *a, _original=original, **k):
            result = _original(self, *a, **k)
            record.write(f"{time.time():.6f} {shown_seq()}\n")
            return result

        setattr(CountingScreen, name, noted)

    def ready() -> None:
        record.write(f"ready {os.getpid()}\n")

    app.call_after_refresh(ready)
    app.run()


if __name__ == "__main__":
    main()

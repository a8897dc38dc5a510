"""The screens: `run.py [--db FILE] [--role ROLE]` in this terminal, `run.py serve` in browsers. The only place the
command line imports the screens' package, to start them."""

from __future__ import annotations

import argparse

from .common import pin_of


def register(sub) -> None:
    served = sub.add_parser("serve", help="serve the app to browsers (textual-serve); each tab is its own process")
    served.add_argument("--host", default="127.0.0.1", help="address to bind (default: this machine only)")
    served.add_argument("--port", type=int, default=8000)
    served.set_defaults(func=serve)


def run_screens(args: argparse.Namespace) -> int:
    from ..ui.app import run_app

    return run_app(db=args.db, role=args.role, lang=args.lang, pin=pin_of(args))


def serve(args: argparse.Namespace) -> int:
    from ..ui.serve import serve as serve_app

    return serve_app(args.db, role=args.role, lang=args.lang, host=args.host, port=args.port)

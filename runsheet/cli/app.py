"""The screens: `run.py [--db FILE] [--role ROLE]` in this terminal, `run.py serve` in browsers. The only place the
command line imports the screens' package, to start them."""

from __future__ import annotations

import argparse

from .common import pin_of


def register(sub) -> None:
    served = sub.add_parser("serve", help="serve the app to browsers (textual-serve); each tab is its own process "
                                          "and starts on a sign-in (its role, then that role's PIN)")
    served.add_argument("--host", default="127.0.0.1", help="address to bind (default: this machine only; beyond "
                                                            "it, every role needs a PIN)")
    served.add_argument("--port", type=int, default=8000)
    served.add_argument("--allow-no-pin", action="store_true",
                        help="serve beyond this machine although some roles have no PIN (with a warning)")
    served.set_defaults(func=serve)


def screen_options(parser: argparse.ArgumentParser) -> None:
    # a browser tab's process (ui/serve.py starts it so): its role is chosen on the sign-in screen
    parser.add_argument("--sign-in", action="store_true", help=argparse.SUPPRESS)


def run_screens(args: argparse.Namespace) -> int:
    from ..ui.app import run_app

    return run_app(db=args.db, role=args.role, lang=args.lang, pin=pin_of(args), sign_in=args.sign_in)


def serve(args: argparse.Namespace) -> int:
    from ..ui.serve import serve as serve_app

    return serve_app(args.db, role=args.role, lang=args.lang, host=args.host, port=args.port,
                     allow_no_pin=args.allow_no_pin)

#!/usr/bin/env python3
"""runsheet's entry point and bootstrap.

    python3 run.py [ARGS]       prepare ./.venv on first use, then run runsheet (the demo congress by default)
    python3 run.py test [ARGS]  the same environment with the test extras, then pytest ARGS

Standard library only: this file must run on a fresh machine (Windows included) before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".runsheet-installed"
TEST_EXTRAS = "test,scan"  # what the tests need: the test tools and the scanner's image libraries


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def fail(message: str) -> NoReturn:  # noqa: F821
    print(f"run.py: {message}", file=sys.stderr)
    sys.exit(2)


def wanted(extras: str) -> str:
    """What the environment must hold: the project file's hash and the extras installed."""
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:16]
    return f"{digest} {extras}"


def installed() -> set[str]:
    try:
        return set(STAMP.read_text(encoding="utf-8").splitlines())
    except OSError:
        return set()


def create_venv() -> None:
    print("runsheet: first run: creating the environment in .venv ...", flush=True)
    try:
        import venv
    except ImportError:
        fail("this Python has no 'venv' module; install it (Debian/Ubuntu: apt install python3-venv) and retry")
    try:
        venv.EnvBuilder(with_pip=True).create(VENV)
        subprocess.run([str(venv_python()), "-m", "pip", "--version"], check=True, capture_output=True)
    except (subprocess.CalledProcessError, OSError) as exc:
        shutil.rmtree(VENV, ignore_errors=True)  # a .venv without pip would be blamed on the network next time
        fail(f"could not create .venv with pip ({exc}); this Python may lack ensurepip "
             "(Debian/Ubuntu: apt install python3-venv python3-pip), then run the same command again")


def ensure(extras: str) -> Path:
    if sys.version_info < (3, 11):  # noqa: UP036 (this file must speak on an older Python too)
        fail(f"Python 3.11 or newer is needed (this is {sys.version.split()[0]})")
    python = venv_python()
    if wanted(extras) in installed() and python.exists():
        return python
    if not python.exists():
        create_venv()
    target = "." if extras == "base" else f".[{extras}]"
    print(f"runsheet: installing runsheet and its dependencies ({target}) into .venv ...", flush=True)
    command = [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-e", target]
    if subprocess.call(command, cwd=ROOT) != 0:
        fail("installing the dependencies failed (see pip's message above). Is the network reachable? "
             "Fix it and run the same command again.")
    done = {line for line in installed() if line.split(" ")[0] == wanted(extras).split(" ")[0]}
    STAMP.write_text("\n".join(sorted(done | {wanted(extras)})) + "\n", encoding="utf-8")
    print("runsheet: environment ready.", flush=True)
    return python


def inside_venv() -> bool:
    return Path(sys.prefix).resolve() == VENV.resolve()


def main(argv: list[str]) -> int:
    if inside_venv() and argv[:1] != ["test"]:
        # already in the environment (tests call `.venv/bin/python run.py ...`): no second interpreter
        sys.path.insert(0, str(ROOT))
        from runsheet.cli import main as runsheet_main

        return runsheet_main(argv)
    if argv[:1] == ["test"]:
        python = ensure(TEST_EXTRAS)
        return subprocess.call([str(python), "-m", "pytest", *argv[1:]], cwd=ROOT)
    ready = installed()
    extras = TEST_EXTRAS if wanted(TEST_EXTRAS) in ready else "base"
    python = ensure(extras)
    return subprocess.call([str(python), "-m", "runsheet", *argv])


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        sys.exit(130)

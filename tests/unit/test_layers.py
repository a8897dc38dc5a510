"""The layers import only downwards (rules -> store -> commands -> shells), as the import contracts in pyproject.toml
say (import-linter); the command line and everything below the screens never load Textual."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT = Path(sys.executable).with_name("lint-imports")


def lint(cwd: Path, pythonpath: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    return subprocess.run([str(LINT), "--no-cache"], cwd=cwd, env=env, capture_output=True, text=True)


def test_every_import_contract_is_kept():
    done = lint(ROOT, ROOT)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout and "11 kept" in done.stdout, done.stdout[-3000:]


@pytest.mark.parametrize("module, line, contract", [
    ("rules/collation.py", "from ..ui import app", "Layers"),
    ("store/events.py", "from ..commands import Session", "Layers"),
    ("rules/election.py", "from ..texts import say", "The rules say no text"),
    ("reports/minutes.py", "from ..commands import Session", "The reports read the store"),
    ("ui/screens/desk.py", "from ...cli import main", "The screens do not import the command line"),
    ("cli/voting.py", "from ..ui.widgets import tally_bars", "The command line imports the screens only"),
    ("commands/agenda.py", "import textual", "Nothing below the shells loads Textual"),
    ("scan/reader.py", "from ..reports import ballot", "The scanner reads images"),
    ("reports/ballot.py", "import cv2", "Only the scanner loads OpenCV"),
    ("ui/widgets/ballot_image.py", "import numpy", "Only the scanner loads OpenCV and numpy"),
    ("scan/template.py", "import textual", "Nothing below the shells loads Textual"),
    ("hall/view.py", "from ..commands import Session", "The hall's pages only read"),
    ("hall/server.py", "from ..ui.widgets import tally_bars", "The hall's pages only read"),
    ("hall/server.py", "import textual", "The hall's pages only read"),
])
def test_a_forbidden_import_breaks_its_contract(tmp_path, module, line, contract):
    """A copy of the package with one import that goes the wrong way: the contracts catch it."""
    shutil.copytree(ROOT / "runsheet", tmp_path / "runsheet", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    path = tmp_path / "runsheet" / module
    text = path.read_text(encoding="utf-8")
    head, _, rest = text.partition("from __future__ import annotations\n")
    path.write_text(f"{head}from __future__ import annotations\n{line}  # noqa\n{rest}", encoding="utf-8")
    done = lint(tmp_path, tmp_path)
    assert done.returncode != 0
    broken = done.stdout.split("Broken contracts")[-1]
    assert contract in broken, done.stdout[-3000:]


def test_the_command_line_and_the_layers_below_the_screens_load_no_textual():
    code = ("import sys, runsheet.cli, runsheet.commands, runsheet.store.state, runsheet.rules.script, "
            "runsheet.reports.minutes, runsheet.reports.counting, runsheet.reports.ballot, runsheet.scan.reader, "
            "runsheet.hall.server;"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=ROOT).stdout.strip()
    assert out == "[]"


def test_the_command_line_loads_no_opencv_until_a_scan_runs():
    """cli/ballot_scan.py imports the scanner inside the command: run.py on a laptop without the scan extra works."""
    code = "import sys, runsheet.cli; print(sorted(m for m in sys.modules if m.split('.')[0] in ('cv2', 'numpy')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=ROOT).stdout.strip()
    assert out == "[]"

"""The layers import only downwards: rules -> store -> commands -> shells. Rules and store never see Textual."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "runsheet"
LAYER = {"rules": 0, "store": 1, "commands": 2, "cli": 3, "ui": 3, "reports": 3, "demo": 3, "serve": 3}
BASE = {"errors", "i18n", "clock"}  # importable from any layer


def imported_modules(path: Path, root: Path = PACKAGE.parent) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                package = path.relative_to(root).with_suffix("").parts[: -node.level]
                names.add(".".join((*package, node.module or "")).rstrip("."))
            else:
                names.add(node.module or "")
    return names


def layer_of(module: str) -> int | None:
    parts = module.split(".")
    if parts[0] != "runsheet" or len(parts) < 2 or parts[1] in BASE:
        return None
    return LAYER.get(parts[1])


def test_rules_and_store_never_import_textual_or_higher_layers():
    checked = 0
    for folder in ("rules", "store"):
        for path in (PACKAGE / folder).glob("*.py"):
            own = LAYER[folder]
            for module in imported_modules(path):
                assert not module.startswith(("textual", "rich")), f"{path.name} imports {module}"
                higher = layer_of(module)
                assert higher is None or higher <= own, f"{folder}/{path.name} imports {module} (a higher layer)"
            checked += 1
    assert checked >= 8


def test_commands_do_not_import_shells():
    for module in imported_modules(PACKAGE / "commands.py"):
        assert layer_of(module) in (None, 0, 1, 2), module
        assert not module.startswith("textual"), module


def test_importing_rules_store_and_commands_loads_no_textual():
    code = ("import sys, runsheet.commands, runsheet.store.state, runsheet.rules.script;"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=PACKAGE.parent).stdout.strip()
    assert out == "[]"


def test_the_checker_sees_a_violation(tmp_path):
    bad = tmp_path / "runsheet" / "rules" / "probe.py"
    bad.parent.mkdir(parents=True)
    bad.write_text("from textual.app import App\nfrom ..ui import app\n", encoding="utf-8")
    modules = imported_modules(bad, tmp_path)
    assert "textual.app" in modules and "runsheet.ui" in modules and layer_of("runsheet.ui") == 3

"""What the documentation and the code point to exists in the repository: a file named in README.md, docs/ or a
docstring (docs/rules.md, rules/election.py, scenarios/chi-bo.toml, a design note) is there to be read."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NAMED = re.compile(r"(?<![\w/.-])((?:[\w-]+/)*[\w-]+\.(?:md|toml|csv|py|tcss|json|txt))\b")
# files the texts name as examples of what a user writes, not as files of the repository
EXAMPLES = {"ballots.csv", "poll.csv", "B.csv", "congress.json", "x.json", "results.json", "roster.csv",
            "scenario.toml"}


def _sources() -> list[Path]:
    found = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    for folder in ("runsheet", "bench"):  # the tests name the files they write
        found += [p for p in sorted((ROOT / folder).rglob("*.py")) if "__snapshots__" not in p.parts]
    return found


def _exists(name: str, files: set[str], basenames: set[str]) -> bool:
    if "/" not in name:
        return name in basenames
    return any(path == name or path.endswith("/" + name) for path in files)


def test_every_file_named_is_in_the_repository():
    files = {p.relative_to(ROOT).as_posix() for p in ROOT.rglob("*")
             if p.is_file() and not {".git", ".venv", "__pycache__"} & set(p.parts)}
    basenames = {name.rsplit("/", 1)[-1] for name in files}
    missing = []
    for source in _sources():
        for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
            for name in NAMED.findall(line):
                if source.suffix == ".py" and "/" not in name and not name.endswith(".md"):
                    continue  # in code, a bare "x.py" is as likely an attribute (args.json) as a file
                if name.rsplit("/", 1)[-1] not in EXAMPLES and not _exists(name, files, basenames):
                    missing.append(f"{source.relative_to(ROOT)}:{number}: {name}")
    assert missing == [], "\n".join(missing)


def test_no_design_file_is_cited():
    cited = [f"{source.relative_to(ROOT)}" for source in _sources() if source != Path(__file__)
             and re.search(r"design[\w-]*\.(md|txt|pdf)|design/", source.read_text(encoding="utf-8"), re.I)]
    assert cited == []

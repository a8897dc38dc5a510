"""Placeholders in a step's script: which exist, and filling them from live figures."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

SIMPLE = frozenset({
    # the congress
    "title", "unit", "parent", "term", "place", "date", "start", "now",
    # the agenda
    "step_title", "step_minutes", "next_step", "projected_end", "speech_limit",
    # attendance
    "members_total", "official_total", "probationary_total", "present_official", "present_probationary",
    "present_total", "absent_official", "absent_excused", "absent_unexcused", "exempt_total", "exempt_absent",
    "transferred", "suspended", "denominator", "majority", "may_proceed",
})
# name -> what its argument names
WITH_ARGUMENT = {"seats": "election", "candidates": "election", "results": "election", "elected": "election",
                 "motion": "motion"}

_BRACES = re.compile(r"\{([^{}]*)\}")
_NAME = re.compile(r"^([a-z_]+)(?::([A-Za-z0-9_.-]+))?$")


def problems(text: str, elections: set[str], motions: set[str]) -> list[str]:
    """Every unknown placeholder or stray brace in text, as messages."""
    found = []
    for match in _BRACES.finditer(text):
        inner = match.group(1)
        m = _NAME.match(inner)
        if not m:
            found.append(f"malformed placeholder {{{inner}}}")
            continue
        name, arg = m.groups()
        if arg is None:
            if name in WITH_ARGUMENT:
                found.append(f"placeholder {{{name}}} needs an id: {{{name}:ID}}")
            elif name not in SIMPLE:
                found.append(f"unknown placeholder {{{name}}}")
        elif name not in WITH_ARGUMENT:
            found.append(f"unknown placeholder {{{inner}}}")
        else:
            kind = WITH_ARGUMENT[name]
            if arg not in (elections if kind == "election" else motions):
                found.append(f"placeholder {{{inner}}} names no {kind} {arg!r}")
    rest = _BRACES.sub("", text)
    if "{" in rest or "}" in rest:
        found.append("a stray brace (write placeholders as {name})")
    return found


def fill(text: str, values: Mapping[str, str], with_argument: Callable[[str, str], str]) -> str:
    """Replace each placeholder; the text was validated when the scenario loaded."""

    def one(match: re.Match) -> str:
        m = _NAME.match(match.group(1))
        if not m:
            return match.group(0)
        name, arg = m.groups()
        if arg is None:
            return str(values.get(name, match.group(0)))
        return with_argument(name, arg)

    return _BRACES.sub(one, text)

"""The one table of texts (runsheet.texts): every key is said in both languages with the same placeholders, every key
the code names is in the table, no key is assembled at run time, and the table holds no dead text."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from runsheet.store.events import CATALOGUE
from runsheet.texts import TEXT

PACKAGE = Path(__file__).resolve().parents[2] / "runsheet"
KEY = re.compile(r"^[a-z_]+(\.[A-Za-z0-9_]+)+$")
PIECE = re.compile(r"^[a-z_]+(\.[a-z0-9_]*)+$")  # the start of a key: "role.", "err.speech_"
PREFIXES = {key.split(".")[0] for key in TEXT if "." in key}
ASSEMBLING_METHODS = {"format", "join", "replace", "removeprefix", "removesuffix", "strip", "lstrip", "rstrip"}

# keys whose placeholders differ between the languages, and why
PLACEHOLDERS_DIFFER = {
    "minutes.speeches_at": "English says speech or speeches ({speeches}); Vietnamese has no plural",
    "counting_minutes.h.attendance": "Vietnamese names who attended in the heading ({WHO}); English does not",
}
# keys that runsheet/ never names, and why they stay
USED_THROUGH_DATA: dict[str, str] = {}


# ---- the checker ----------------------------------------------------------------------------------------------------
def _error_classes(trees: list[ast.Module]) -> tuple[set[str], set[str]]:
    """The names of the DomainError classes (a key is their first argument) and of the StoreError classes (a key is
    their second argument, or key=), subclasses included."""
    bases = {node.name: {b.id for b in node.bases if isinstance(b, ast.Name)}
             for tree in trees for node in ast.walk(tree) if isinstance(node, ast.ClassDef)}

    def family(root: str) -> set[str]:
        found = {root}
        while True:
            more = {name for name, of in bases.items() if of & found} - found
            if not more:
                return found
            found |= more

    return family("DomainError"), family("StoreError")


def _looks_like_key(text: str) -> bool:
    return bool(KEY.match(text)) and text.split(".")[0] in PREFIXES and text not in CATALOGUE


def _key_arguments(call: ast.Call, domain_errors: set[str], store_errors: set[str]) -> list[ast.expr]:
    """The arguments of a call that name a text key."""
    func = call.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
    keywords = {k.arg: k.value for k in call.keywords}
    if (isinstance(func, ast.Name) and name in ("say", "_say", "_t", "Say")) or name in domain_errors:
        return call.args[:1]
    if name in store_errors:
        return call.args[1:2] + [v for k, v in keywords.items() if k == "key"]
    if name == "Key":  # Key(keys, action, label, palette, help, ...)
        return call.args[2:5] + [v for k, v in keywords.items() if k in ("label", "palette", "help")]
    return []


def _actions(call: ast.Call) -> list[ast.expr]:
    """The keys and the action of a Key(...): Textual's names ("app.quit"), not text keys."""
    if isinstance(call.func, ast.Name) and call.func.id == "Key":
        return call.args[:2] + [k.value for k in call.keywords if k.arg in ("keys", "action")]
    return []


def _check_key(node: ast.expr, where: str, problems: list[str]) -> None:
    if isinstance(node, ast.Constant):
        if node.value is not None and node.value not in TEXT:
            problems.append(f"{where}: unknown key {node.value!r}")
    elif isinstance(node, ast.IfExp):
        _check_key(node.body, where, problems)
        _check_key(node.orelse, where, problems)
    elif isinstance(node, (ast.JoinedStr, ast.BinOp)) or (
            isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr in ASSEMBLING_METHODS):
        problems.append(f"{where}: key assembled at run time: {ast.unparse(node)}")
    elif not isinstance(node, (ast.Name, ast.Attribute, ast.Subscript)):
        problems.append(f"{where}: a key that no table names: {ast.unparse(node)}")


def _assembles_a_key(node: ast.expr) -> bool:
    """An f-string or a + whose text starts like a key ("role.", "@body."): a key put together from pieces."""
    if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
        head = node.values[0].value
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and isinstance(node.left, ast.Constant) \
            and isinstance(node.left.value, str):
        head = node.left.value
    else:
        return False
    head = head.removeprefix("@")
    return bool(PIECE.match(head)) and head.split(".")[0] in PREFIXES


def check_source(source: str, filename: str, domain_errors=frozenset({"DomainError"}),
                 store_errors=frozenset({"StoreError"})) -> list[str]:
    """What is wrong with the text keys of one module: unknown keys, keys assembled at run time."""
    problems: list[str] = []
    tree = ast.parse(source, filename)
    # the pieces of an f-string, and the keys and actions of a Key(...), are no text keys
    skipped = {id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for part in node.values}
    skipped |= {id(argument) for node in ast.walk(tree) if isinstance(node, ast.Call) for argument in _actions(node)}
    for node in ast.walk(tree):
        where = f"{filename}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Call):
            for argument in _key_arguments(node, set(domain_errors), set(store_errors)):
                _check_key(argument, where, problems)
        if _assembles_a_key(node):
            problems.append(f"{where}: key assembled at run time: {ast.unparse(node)}")
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped:
            text = node.value.removeprefix("@")
            if _looks_like_key(text) and text not in TEXT:
                problems.append(f"{where}: unknown key {node.value!r}")
    return sorted(set(problems))


def _modules() -> dict[str, str]:
    return {str(path.relative_to(PACKAGE.parent)): path.read_text(encoding="utf-8")
            for path in sorted(PACKAGE.rglob("*.py"))}


def _table_keys(tree: ast.Module) -> set[int]:
    """The ids of the key nodes of a module's TEXT table (runsheet/texts/*.py): they declare keys, they use none."""
    found = set()
    for node in tree.body:
        target = node.target if isinstance(node, ast.AnnAssign) else node.targets[0] if isinstance(node, ast.Assign) \
            else None
        if isinstance(target, ast.Name) and target.id == "TEXT" and isinstance(node.value, ast.Dict):
            found |= {id(key) for key in node.value.keys}
    return found


# ---- the table ------------------------------------------------------------------------------------------------------
def _fields(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


@pytest.mark.parametrize("key", sorted(TEXT))
def test_every_text_is_said_in_both_languages_with_the_same_placeholders(key):
    vi, en = TEXT[key]
    assert isinstance(vi, str) and vi.strip() and isinstance(en, str) and en.strip(), key
    if key not in PLACEHOLDERS_DIFFER:
        assert _fields(vi) == _fields(en), (key, _fields(vi), _fields(en))


def test_the_placeholders_listed_as_different_do_differ():
    for key in PLACEHOLDERS_DIFFER:
        assert _fields(TEXT[key][0]) != _fields(TEXT[key][1]), f"{key} needs no exception any more"


# ---- the code -------------------------------------------------------------------------------------------------------
def test_every_key_the_code_names_exists_and_none_is_assembled_at_run_time():
    modules = _modules()
    domain_errors, store_errors = _error_classes([ast.parse(source) for source in modules.values()])
    assert {"DomainError", "ReadingError", "MinutesNotReady", "CountingMinutesError"} <= domain_errors
    problems = [problem for name, source in modules.items()
                for problem in check_source(source, name, domain_errors, store_errors)]
    assert not problems, "\n".join(problems)


def _said_keys(source: str, filename: str, domain_errors: set[str], store_errors: set[str]) -> set[str]:
    """The keys a module says: those given to say() and its kind, and those that look like keys anywhere (in tables);
    not the keys its own TEXT table declares. A key with no dot counts only where a key goes ("clock" is also an id)."""
    tree = ast.parse(source, filename)
    declared = _table_keys(tree) if filename.startswith("runsheet/texts/") else set()

    def constants(node: ast.expr):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value
        elif isinstance(node, ast.IfExp):
            yield from constants(node.body)
            yield from constants(node.orelse)

    said = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            said |= {key for argument in _key_arguments(node, domain_errors, store_errors)
                     for key in constants(argument)}
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in declared:
            text = node.value.removeprefix("@")
            if KEY.match(text):
                said.add(text)
    return said


def test_every_key_in_the_table_is_said():
    modules = _modules()
    domain_errors, store_errors = _error_classes([ast.parse(source) for source in modules.values()])
    said = set().union(*(_said_keys(source, name, domain_errors, store_errors) for name, source in modules.items()))
    unsaid = sorted(set(TEXT) - said - set(USED_THROUGH_DATA))
    assert not unsaid, unsaid
    assert not set(USED_THROUGH_DATA) - set(TEXT)


def test_the_checker_finds_an_assembled_key_and_an_unknown_one():
    source = '\n'.join([
        'say(f"role.{role}", lang)',  # an f-string key
        'DomainError("err." + reason)',  # a concatenated key
        'say("err.no_such_text", lang)',  # a key not in the table
        'say("late" if late else "err.nowhere", lang)',  # one branch unknown
        'ROLE_NAMES = {role: f"role.{role}" for role in ROLES}',  # a table assembled from pieces
        'StoreError("message", "store.nowhere")',  # a store error's key is its second argument
        'Key("n", "next_step", "act.next", "palette.next", "help.nowhere")',
        'CHOICES = ("body.presidium", "body.nowhere")',  # a key in a table
        'say(key.removeprefix("act."), lang)',
    ])
    problems = check_source(source, "example.py")
    assert any(":1: key assembled" in p for p in problems)
    assert any(":2: key assembled" in p for p in problems)
    assert any(":3: unknown key 'err.no_such_text'" in p for p in problems)
    assert any(":4: unknown key 'err.nowhere'" in p for p in problems)
    assert any(":5: key assembled" in p for p in problems)
    assert any(":6: unknown key 'store.nowhere'" in p for p in problems)
    assert any(":7: unknown key 'help.nowhere'" in p for p in problems)
    assert any(":8: unknown key 'body.nowhere'" in p for p in problems)
    assert any(":9: key assembled" in p for p in problems)
    assert len(problems) == 9, problems


def test_the_checker_accepts_keys_named_in_full_or_taken_from_a_table():
    source = '\n'.join([
        'PRESENCE = {Presence.HERE: "presence.here", Presence.LEFT: "presence.left"}',
        'say(PRESENCE[where], lang)',
        'say("late" if late else "early", lang, m=text)',
        'DomainError("err.rights", role="@" + ROLE_NAMES[role])',
        'Key("ctrl+q", "app.quit", "act.quit", None, None)',
        'congress = {"member.attended": 1}',  # an event type, not a text
    ])
    assert check_source(source, "example.py") == []

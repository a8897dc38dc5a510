"""The folded state as plain JSON, and back: a closed codec for the snapshot beside a long store (snapshot.py).

Only the kinds of value the fold builds are written: None, booleans, numbers and strings; lists, dicts (any
hashable keys), counters, sets, frozensets and tuples; dates, times, datetimes, time deltas and fixed-offset
zones; enums; and instances of the classes of runsheet's rules and of the state itself (their attributes, as they
are). Reading back makes instances of those classes only, without running their __init__ (no code from the file
runs): a snapshot is data, never a program. A value of any other kind is refused when writing, so a new kind in
the fold shows up in the tests rather than as a wrong state. Readings and counted ballots, the most numerous
objects of a long congress, are written compactly, equal readings once.

Objects and mutable containers met twice are written once and referred to after (the state shares a few), so a
state read back has the same shape as the one written.

The same state is always written the same way (sets in sorted order, a class's caches as None: the attributes it
names in _SNAPSHOT_CACHES), so `verify` can compare a snapshot with a fold of the log byte for byte.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections import Counter
from datetime import date, datetime, time, timedelta, timezone
from enum import Enum
from typing import Any

from .. import rules
from ..rules.election import Cast, Reading

_STATE_MODULES = ("runsheet.store.state",)


class SnapshotError(ValueError):
    """A value the codec does not write, or a snapshot that does not read back."""


def _classes() -> dict[str, type]:
    found: dict[str, type] = {}
    names = [f"{rules.__name__}.{m.name}" for m in pkgutil.iter_modules(rules.__path__)] + list(_STATE_MODULES)
    for name in names:
        module = importlib.import_module(name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == name and not issubclass(cls, BaseException):
                found[f"{name}:{cls.__qualname__}"] = cls
    return found


_CLASSES: dict[str, type] | None = None
_NAMES: dict[type, str] = {}
_TUPLES: dict[type, str] = {}


def classes() -> dict[str, type]:
    global _CLASSES
    if _CLASSES is None:
        _CLASSES = _classes()
        _NAMES.update({cls: name for name, cls in _CLASSES.items()})
        _TUPLES.update({cls: name for name, cls in _CLASSES.items() if issubclass(cls, tuple)})
    return _CLASSES


def encode(value: Any) -> Any:
    classes()
    memo: dict[Any, int] = {}  # id() of an object or container met before, or a Reading (by value)
    keep: list[Any] = []  # keeps every memoised object alive, so no id() is reused while encoding
    return _encode(value, memo, keep)


def _encode(value: Any, memo: dict[Any, int], keep: list[Any]) -> Any:
    kind = type(value)
    if value is None or kind in (bool, int, float, str):
        return value
    if kind is Reading:  # the most numerous object of a long congress: one per ballot and pass, written compactly
        written = _reading(value, memo)
        return {"@": written} if type(written) is int else {"r": written}
    if kind is Cast:  # one per ballot counted
        return {"c": [value.valid, value.reason, list(value.unvoted), list(value.against)]}
    if kind in _TUPLES:  # a NamedTuple of the rules
        return {"N": [_TUPLES[kind], [_encode(v, memo, keep) for v in value]]}
    if kind is frozenset:
        return {"F": [_encode(v, memo, keep) for v in _in_order(value)]}
    if kind is tuple:
        return {"T": [_encode(v, memo, keep) for v in value]}
    if isinstance(value, Enum):
        name = _NAMES.get(kind)
        if name is None:
            raise SnapshotError(f"an enum the snapshot does not know: {kind!r}")
        return {"E": [name, value.value]}
    if kind is datetime:
        return {"dt": value.isoformat()}
    if kind is date:
        return {"d": value.isoformat()}
    if kind is time:
        return {"t": value.isoformat()}
    if kind is timedelta:
        return {"td": [value.days, value.seconds, value.microseconds]}
    if kind is timezone:
        return {"tz": value.utcoffset(None).total_seconds()}
    ref = memo.get(id(value))
    if ref is not None:
        return {"@": ref}
    memo[id(value)] = ref = len(memo)
    keep.append(value)
    if kind is list:
        return {"L": [ref, [_encode(v, memo, keep) for v in value]]}
    if kind is dict:
        if value and all(type(k) is int for k in value):
            kinds = {type(v) for v in value.values()}
            if kinds == {Reading}:  # a pass's readings by ballot: keys, then each reading (an int: one met before)
                return {"KR": [ref, list(value), [_reading(v, memo) for v in value.values()]]}
            if kinds == {str}:  # who read each ballot of a pass
                return {"KS": [ref, list(value), list(value.values())]}
            if kinds == {Cast}:  # the ballots counted, by number
                return {"KC": [ref, list(value), [[v.valid, v.reason, list(v.unvoted), list(v.against)]
                                                   for v in value.values()]]}
        if all(type(k) is str for k in value):
            return {"D": [ref, {k: _encode(v, memo, keep) for k, v in value.items()}]}
        return {"K": [ref, [[_encode(k, memo, keep), _encode(v, memo, keep)] for k, v in value.items()]]}
    if kind is set:
        return {"S": [ref, [_encode(v, memo, keep) for v in _in_order(value)]]}
    if kind is Counter:
        return {"C": [ref, [[_encode(k, memo, keep), n] for k, n in value.items()]]}
    name = _NAMES.get(kind)
    if name is None or not hasattr(value, "__dict__"):
        raise SnapshotError(f"a value the snapshot does not write: {kind!r}")
    caches = getattr(kind, "_SNAPSHOT_CACHES", ())
    return {"O": [ref, name, {k: None if k in caches else _encode(v, memo, keep) for k, v in vars(value).items()}]}


def _in_order(members: set | frozenset) -> list:
    """A set's members in an order that does not depend on the process (strings hash differently in each)."""
    try:
        return sorted(members)
    except TypeError:  # members of mixed or unordered kinds
        return sorted(members, key=lambda v: (type(v).__name__, repr(v)))


def _reading(value: Reading, memo: dict[Any, int]) -> int | list:
    """A reading as the number it was given when first written, or written in full (equal readings: once)."""
    ref = memo.get(value)
    if ref is not None:
        return ref
    memo[value] = ref = len(memo)
    return [ref, sorted(value.struck), sorted(value.unclear), value.invalid]


def _made_reading(body: list, refs: dict[int, Any]) -> Reading:
    ref, struck, unclear, invalid = body
    reading = object.__new__(Reading)  # a frozen dataclass: set its fields without its __init__
    reading.__dict__.update(struck=frozenset(struck), unclear=frozenset(unclear), invalid=invalid)
    refs[ref] = reading
    return reading


def decode(data: Any) -> Any:
    known = classes()
    refs: dict[int, Any] = {}
    try:
        return _decode(data, refs, known)
    except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
        raise SnapshotError(f"the snapshot does not read back: {exc!r}") from None


def _decode(data: Any, refs: dict[int, Any], known: dict[str, type]) -> Any:
    if type(data) is not dict:
        if type(data) is list:  # never written bare: a list is always tagged
            raise SnapshotError("a bare list")
        return data
    (tag, body), = data.items()
    if tag == "@":  # the most frequent first: a reading met before, a counted ballot, a set of numbers
        return refs[body]
    if tag == "KR":
        ref, keys, values = body
        readings: dict = {}
        refs[ref] = readings
        for key, value in zip(keys, values):
            readings[key] = refs[value] if type(value) is int else _made_reading(value, refs)
        return readings
    if tag == "KS":
        ref, keys, values = body
        refs[ref] = named = dict(zip(keys, values))
        return named
    if tag == "KC":
        ref, keys, rows = body
        counted = {key: Cast(valid, reason, frozenset(unvoted), frozenset(against))
                   for key, (valid, reason, unvoted, against) in zip(keys, rows)}
        refs[ref] = counted
        return counted
    if tag == "r":
        return _made_reading(body, refs)
    if tag == "c":
        valid, reason, unvoted, against = body
        return Cast(valid, reason, frozenset(unvoted), frozenset(against))
    if tag == "N":
        name, items = body
        cls = known[name]
        if not issubclass(cls, tuple):
            raise SnapshotError(f"{name} is not a named tuple")
        return cls(*(_decode(v, refs, known) for v in items))
    if tag == "F":
        return frozenset(_decode(v, refs, known) for v in body)
    if tag == "T":
        return tuple(_decode(v, refs, known) for v in body)
    if tag == "L":
        ref, items = body
        out: list = []
        refs[ref] = out
        out.extend(_decode(v, refs, known) for v in items)
        return out
    if tag == "D":
        ref, items = body
        mapping: dict = {}
        refs[ref] = mapping
        for k, v in items.items():
            mapping[k] = _decode(v, refs, known)
        return mapping
    if tag == "K":
        ref, items = body
        mapping = {}
        refs[ref] = mapping
        for k, v in items:
            mapping[_decode(k, refs, known)] = _decode(v, refs, known)
        return mapping
    if tag == "S":
        ref, items = body
        members: set = set()
        refs[ref] = members
        members.update(_decode(v, refs, known) for v in items)
        return members
    if tag == "C":
        ref, items = body
        counter: Counter = Counter()
        refs[ref] = counter
        for k, n in items:
            counter[_decode(k, refs, known)] = n
        return counter
    if tag == "O":
        ref, name, attributes = body
        cls = known[name]
        obj = object.__new__(cls)
        refs[ref] = obj
        obj.__dict__.update({k: _decode(v, refs, known) for k, v in attributes.items()})
        return obj
    if tag == "E":
        name, value = body
        cls = known[name]
        if not issubclass(cls, Enum):
            raise SnapshotError(f"{name} is not an enum")
        return cls(value)
    if tag == "dt":
        return datetime.fromisoformat(body)
    if tag == "d":
        return date.fromisoformat(body)
    if tag == "t":
        return time.fromisoformat(body)
    if tag == "td":
        return timedelta(days=body[0], seconds=body[1], microseconds=body[2])
    if tag == "tz":
        return timezone(timedelta(seconds=body))
    raise SnapshotError(f"an unknown tag {tag!r}")

"""The roster of members (docs/formats.md) and its CSV form."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from runsheet.errors import InputError
from runsheet.rules.collation import fold, name_key, nfc

STATUSES = ("official", "probationary")
FLAGS = ("exempt", "transferred", "suspended", "alternate")  # alternate: a reserve delegate (đại biểu dự khuyết)
COLUMNS = ("id", "name", "status", "flags")
REQUIRED_COLUMNS = ("id", "name", "status")  # a roster with no special cases may leave out "flags"


@dataclass(frozen=True)
class Member:
    id: str
    name: str
    status: str
    flags: frozenset[str] = frozenset()

    @property
    def official(self) -> bool:
        return self.status == "official"

    @property
    def exempt(self) -> bool:
        return "exempt" in self.flags

    @property
    def transferred(self) -> bool:
        return "transferred" in self.flags

    @property
    def suspended(self) -> bool:
        return "suspended" in self.flags

    @property
    def alternate(self) -> bool:
        return "alternate" in self.flags


@dataclass(frozen=True)
class Roster:
    members: tuple[Member, ...] = ()
    by_id: dict[str, Member] = field(init=False, repr=False, compare=False, hash=False)
    _folded: tuple[tuple[str, str], ...] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        by_id: dict[str, Member] = {}
        for m in self.members:
            if m.id in by_id:
                raise ValueError(f"duplicate member id {m.id!r}")
            by_id[m.id] = m
        object.__setattr__(self, "by_id", by_id)
        object.__setattr__(self, "_folded", tuple((fold(m.name), fold(m.id)) for m in self.members))

    def get(self, id: str) -> Member | None:
        return self.by_id.get(id)

    def with_member(self, member: Member) -> Roster:
        """A roster with member added, or replacing the member of the same id (a correction)."""
        if member.id in self.by_id:
            return Roster(tuple(member if m.id == member.id else m for m in self.members))
        return Roster((*self.members, member))

    def __len__(self) -> int:
        return len(self.members)

    def __iter__(self) -> Iterator[Member]:
        return iter(self.members)

    def sorted(self) -> list[Member]:
        """Members in Vietnamese name order (given name, family name, middle names)."""
        return sorted(self.members, key=lambda m: (name_key(m.name), m.id))

    def search(self, query: str) -> list[Member]:
        """Members matching every word of query, ignoring case and diacritics: each word begins a word of the
        name ("ng v binh", "binh"), or begins the id ("dv0"). Results in Vietnamese name order."""
        words = fold(query).split()
        hits = [
            m
            for m, (name, id_) in zip(self.members, self._folded, strict=True)
            if all(any(part.startswith(w) for part in name.split()) or id_.startswith(w) for w in words)
        ]
        return sorted(hits, key=lambda m: (name_key(m.name), m.id))


def _decode(data: bytes | str, filename: str) -> str:
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise InputError(
            filename,
            f"not UTF-8 text (byte 0x{data[e.start]:02x}); "
            'in Excel use "Save As" and choose "CSV UTF-8 (Comma delimited)"',
            line=line,
        ) from None


def _records(text: str, filename: str) -> Iterator[tuple[int, list[str]]]:
    """Yield (first physical line, cells) for every non-blank record."""
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    # Excel in a Vietnamese locale may separate with ';'.
    delimiter = ";" if ";" in first and "," not in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            raise InputError(filename, f"cannot read CSV: {e}", line=reader.line_num) from None
        cells = [c.strip() for c in row]
        if any(cells):  # skip blank lines, and ",,," rows that Excel leaves behind
            yield start, cells
        start = reader.line_num + 1


def _split_flags(cell: str) -> list[str]:
    return [f.casefold() for f in re.split(r"[\s;]+", cell) if f]


def parse_roster(data: bytes | str, filename: str) -> Roster:
    """Parse a roster CSV (id,name,status,flags; columns by header name). Raises InputError."""
    records = _records(_decode(data, filename), filename)
    header_line, header = next(records, (0, []))
    if not header:
        raise InputError(filename, "the file is empty; expected a header line: " + ",".join(COLUMNS))

    index: dict[str, int] = {}
    for i, cell in enumerate(header):
        col = cell.casefold()
        if col in COLUMNS:
            if col in index:
                raise InputError(filename, f'column "{col}" appears twice in the header', line=header_line)
            index[col] = i
    missing = [c for c in REQUIRED_COLUMNS if c not in index]
    if missing:
        raise InputError(
            filename,
            f"missing column(s): {', '.join(missing)}; the header must name " + ",".join(COLUMNS),
            line=header_line,
        )

    members: list[Member] = []
    first_line: dict[str, int] = {}
    for line, cells in records:
        cells += [""] * (len(header) - len(cells))
        get = {c: cells[i] for c, i in index.items()}
        id_ = get["id"]
        if any(cells[len(header) :]):
            raise InputError(
                filename,
                "more cells than the header has columns (is there a comma in a name? put it in quotes)",
                line=line,
                item=id_ or None,
            )
        if not id_:
            raise InputError(filename, "empty id", line=line)
        if id_ in first_line:
            raise InputError(
                filename, f"duplicate id (first on line {first_line[id_]})", line=line, item=id_
            )
        name = " ".join(nfc(get["name"]).split())
        if not name:
            raise InputError(filename, "empty name", line=line, item=id_)
        status = get["status"].casefold()
        if status not in STATUSES:
            raise InputError(
                filename,
                (f'unknown status "{get["status"]}"' if status else "empty status")
                + f"; allowed: {', '.join(STATUSES)}",
                line=line,
                item=id_,
            )
        flags = _split_flags(get.get("flags", ""))
        unknown = [f for f in flags if f not in FLAGS]
        if unknown:
            raise InputError(
                filename,
                f'unknown flag "{unknown[0]}"; allowed: {", ".join(FLAGS)}'
                ' (several separated by spaces or ";")',
                line=line,
                item=id_,
            )
        first_line[id_] = line
        members.append(Member(id_, name, status, frozenset(flags)))
    return Roster(tuple(members))


def roster_to_csv(roster: Roster) -> str:
    """The roster as CSV text that parse_roster reads back to an equal Roster."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for m in roster:
        writer.writerow([m.id, m.name, m.status, " ".join(f for f in FLAGS if f in m.flags)])
    return out.getvalue()

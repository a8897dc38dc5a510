"""The scenario (kịch bản): the congress, its elections, motions and steps, loaded from TOML and validated.

Every error names the file, the line where it can be found, the id, and the problem (docs/formats.md).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from ..errors import InputError
from . import placeholders
from .collation import nfc
from .roster import Roster

LANGUAGES = ("vi", "en")
KINDS = ("members", "delegates")
LEVELS = ("cell", "base", "upper")  # chi bộ; đảng bộ cơ sở; cấp trên cơ sở
ELECTION_KINDS = ("committee", "secretary", "deputy", "delegates", "other")
ORDERS = ("alphabetical", "listed")
# A cell (chi bộ) elects a committee (chi ủy) only with 9 or more official members, of at most 7 (294-QĐ/TW;
# docs/rules.md, "A cell's committee and officers"); a smaller cell elects its secretary, and a deputy if needed,
# directly.
CELL_COMMITTEE_MEMBERS = 9
CELL_COMMITTEE_SEATS = 7
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_SUFFIX = re.compile(r"^\.[a-z0-9]{1,8}$")
# the days a congress may be held on: a day whose planned steps run past the year 9999, or before the year 1 in the
# host's zone, cannot be computed (and before 1970 some hosts cannot convert a time to their zone)
FIRST_DAY, LAST_DAY = date(1970, 1, 1), date(2999, 12, 31)
_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")

CONGRESS_KEYS = {"title", "unit", "parent", "term", "place", "locality", "date", "start", "language", "kind", "quorum",
                 "level"}
ELECTION_KEYS = {"id", "title", "seats", "candidates", "order", "kind", "from"}
MOTION_KEYS = {"id", "title", "kind"}
MOTION_KINDS = ("minutes", "other")  # minutes: adopting the congress's own minutes (the minutes say so only then)
DOCUMENT_KEYS = {"id", "title", "file"}
STEP_KEYS = {"id", "title", "minutes", "who", "script", "at", "election", "motion", "speeches"}


@dataclass(frozen=True)
class Congress:
    title: str
    start: time
    unit: str = ""
    parent: str = ""
    term: str = ""
    place: str = ""
    locality: str = ""  # the place name before the date on documents ("Phú Thọ, ngày ... tháng ... năm ...")
    date: date | None = None
    language: str = "vi"
    kind: str = "members"
    quorum: int | None = None  # a stricter quorum: official members present needed, if the scenario sets one
    level: str = "cell"  # cell (chi bộ), base (đảng bộ cơ sở), upper (cấp trên cơ sở)


@dataclass(frozen=True)
class Election:
    id: str
    title: str
    seats: int
    candidates: tuple[str, ...]
    order: str = "alphabetical"
    kind: str = "other"  # committee (cấp ủy), secretary (bí thư), deputy (phó bí thư), delegates, other
    source: str | None = None  # `from`: the committee election whose elected are this secretary's or deputy's pool

    @property
    def committee(self) -> bool:
        return self.kind == "committee"


@dataclass(frozen=True)
class Motion:
    id: str
    title: str
    kind: str = "other"


@dataclass(frozen=True)
class Document:
    """A congress document handed to the delegates (the report, the draft resolution): `file` relative to the
    scenario's folder, copied beside the store at `new` and served by its id alone."""
    id: str
    title: str
    file: str

    @property
    def suffix(self) -> str:
        """The file's extension as the copy keeps it (".pdf"), or none when it is not plain letters and digits."""
        name = self.file.replace("\\", "/").rsplit("/", 1)[-1]
        suffix = name[name.rfind("."):].lower() if "." in name.lstrip(".") else ""
        return suffix if _SUFFIX.match(suffix) else ""


@dataclass(frozen=True)
class Step:
    id: str
    title: str
    minutes: float
    who: str = ""
    script: str = ""
    at: time | None = None  # a fixed planned start: the step does not start earlier
    election: str | None = None
    motion: str | None = None
    speech_limit: float | None = None  # minutes per speech, for a step with a list of speakers
    adhoc: bool = False  # inserted during the congress, not in the printed programme

    @property
    def seconds(self) -> int:
        return round(self.minutes * 60)


@dataclass(frozen=True)
class Scenario:
    file: str
    congress: Congress
    steps: tuple[Step, ...]
    elections: dict[str, Election] = field(default_factory=dict)
    motions: dict[str, Motion] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)


class _Lines:
    """Finds the line of a table header or a key inside it, since tomllib reports no positions for values."""

    def __init__(self, text: str):
        self.lines = text.splitlines()

    def header(self, name: str, index: int | None = None) -> int | None:
        pattern = re.compile(rf"^\s*\[\[\s*{name}\s*\]\]" if index is not None else rf"^\s*\[\s*{name}\s*\]")
        seen = -1
        for number, line in enumerate(self.lines, start=1):
            if pattern.match(line):
                seen += 1
                if index is None or seen == index:
                    return number
        return None

    def key(self, table: str, index: int | None, key: str) -> int | None:
        start = self.header(table, index)
        if start is None:
            return None
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
        for number in range(start + 1, len(self.lines) + 1):
            line = self.lines[number - 1]
            if re.match(r"^\s*\[", line):
                break
            if pattern.match(line):
                return number
        return start


def load_scenario(path: str, roster: Roster | None) -> Scenario:
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as exc:
        raise InputError(path, f"cannot read the scenario: {exc.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(path, "the scenario is not UTF-8 text", line=raw[: exc.start].count(b"\n") + 1) from None
    return parse_scenario(text, path, roster)


def parse_scenario(text: str, file: str, roster: Roster | None) -> Scenario:
    try:
        doc = tomllib.loads(text)
        return _Builder(text, file, roster).build(doc)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        m = re.search(r"\(at line (\d+), column \d+\)", message)
        line = int(m.group(1)) if m else None
        message = re.sub(r" \(at line.*\)", "", message)
        raise InputError(file, f"TOML syntax: {message}", line=line) from None
    except RecursionError:  # tomllib reads nested arrays and tables by recursion
        raise InputError(file, "the TOML is nested too deeply (arrays or tables within each other)") from None


class _Builder:
    def __init__(self, text: str, file: str, roster: Roster | None):
        self.file, self.roster, self.lines = file, roster, _Lines(text)

    def fail(self, message: str, table: str, index: int | None = None, key: str | None = None,
             item: str | None = None):
        line = self.lines.key(table, index, key) if key else self.lines.header(table, index)
        raise InputError(self.file, message, line=line, item=item)

    def build(self, doc: dict[str, Any]) -> Scenario:
        unknown = set(doc) - {"congress", "election", "motion", "step", "document"}
        if unknown:
            raise InputError(self.file, f"unknown table(s): {', '.join(sorted(unknown))}")
        congress = self.congress(doc.get("congress"))
        motions = self.table_list(doc, "motion", MOTION_KEYS, self.motion)
        elections = self.table_list(doc, "election", ELECTION_KEYS, self.election)
        self.officers(congress, elections)
        steps = self.table_list(doc, "step", STEP_KEYS, lambda d, i: self.step(d, i, elections, motions))
        if not steps:
            raise InputError(self.file, "the scenario has no [[step]]")
        documents = self.table_list(doc, "document", DOCUMENT_KEYS, self.document)
        return Scenario(self.file, congress, tuple(steps.values()), elections, motions, documents)

    def table_list(self, doc: dict, name: str, keys: set[str], make) -> dict:
        items = doc.get(name, [])
        if not isinstance(items, list) or not all(isinstance(data, dict) for data in items):
            self.fail(f"write [[{name}]] (an array of tables)", name)
        result: dict = {}
        for index, data in enumerate(items):
            extra = set(data) - keys
            if extra:
                key = sorted(extra)[0]
                self.fail(f"unknown key {key!r} in [[{name}]] (known: {', '.join(sorted(keys))})", name, index, key,
                          item=str(data.get("id", "")) or None)
            ident = data.get("id")
            if not isinstance(ident, str) or not _ID.match(ident):
                self.fail("every entry needs an id of letters, digits, '-', '_' or '.'", name, index, "id")
            if ident in result:
                self.fail(f"duplicate {name} id", name, index, "id", item=ident)
            result[ident] = make(data, index)
        return result

    def text(self, data: dict, key: str, table: str, index: int | None, required: bool = False) -> str:
        value = data.get(key, "")
        if not isinstance(value, str):
            self.fail(f"{key} must be text", table, index, key, item=data.get("id"))
        if required and not value.strip():
            self.fail(f"{key} is required", table, index, key if key in data else None, item=data.get("id"))
        return nfc(value.strip() if key != "script" else value.strip("\n"))

    def clock_time(self, value: Any, table: str, index: int | None, key: str, item: str | None) -> time:
        m = _HHMM.match(value) if isinstance(value, str) else None
        if not m:
            self.fail(f"{key} must be a time of day as \"HH:MM\", not {value!r}", table, index, key, item=item)
        return time(int(m.group(1)), int(m.group(2)))

    def congress(self, data: Any) -> Congress:
        if not isinstance(data, dict):
            raise InputError(self.file, "the [congress] table is missing")
        extra = set(data) - CONGRESS_KEYS
        if extra:
            key = sorted(extra)[0]
            self.fail(f"unknown key {key!r} in [congress] (known: {', '.join(sorted(CONGRESS_KEYS))})",
                      "congress", None, key)
        if "start" not in data:
            self.fail("start (the planned start, \"HH:MM\") is required", "congress")
        start = self.clock_time(data["start"], "congress", None, "start", None)
        day = data.get("date")
        if day is not None and (isinstance(day, datetime) or not isinstance(day, date)):
            try:
                day = date.fromisoformat(day) if isinstance(day, str) else None
            except ValueError:
                day = None
            if day is None:
                self.fail(f"date must be a day, YYYY-MM-DD, not {data['date']!r}", "congress", None, "date")
        if day is not None and not FIRST_DAY <= day <= LAST_DAY:
            self.fail(f"date must be a day from {FIRST_DAY} to {LAST_DAY}, not {day}", "congress", None, "date")
        language = data.get("language", "vi")
        if language not in LANGUAGES:
            self.fail(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}", "congress", None,
                      "language")
        kind = data.get("kind", "members")
        if kind not in KINDS:
            self.fail(f"kind must be one of {', '.join(KINDS)}, not {kind!r}", "congress", None, "kind")
        quorum = data.get("quorum")
        if quorum is not None and (not isinstance(quorum, int) or isinstance(quorum, bool) or quorum < 1):
            self.fail("quorum must be a whole number of official members present, at least 1", "congress", None,
                      "quorum")
        level = data.get("level", "cell")
        if level not in LEVELS:
            self.fail(f"level must be one of {', '.join(LEVELS)}, not {level!r}", "congress", None, "level")
        return Congress(
            title=self.text(data, "title", "congress", None, required=True), start=start,
            unit=self.text(data, "unit", "congress", None), parent=self.text(data, "parent", "congress", None),
            term=self.text(data, "term", "congress", None), place=self.text(data, "place", "congress", None),
            locality=self.text(data, "locality", "congress", None),
            date=day, language=language, kind=kind, quorum=quorum, level=level,
        )

    def motion(self, data: dict, index: int) -> Motion:
        kind = data.get("kind", "other")
        if kind not in MOTION_KINDS:
            self.fail(f"kind must be one of {', '.join(MOTION_KINDS)}, not {kind!r}", "motion", index, "kind",
                      item=data["id"])
        return Motion(data["id"], self.text(data, "title", "motion", index, required=True), kind)

    def document(self, data: dict, index: int) -> Document:
        file = self.text(data, "file", "document", index, required=True)
        parts = file.replace("\\", "/").split("/")
        if file.startswith(("/", "\\")) or ":" in file or ".." in parts:
            self.fail("file must be a path inside the scenario's folder", "document", index, "file", item=data["id"])
        return Document(data["id"], self.text(data, "title", "document", index, required=True), file)

    def election(self, data: dict, index: int) -> Election:
        ident = data["id"]
        title = self.text(data, "title", "election", index, required=True)
        candidates = data.get("candidates")
        if not isinstance(candidates, list) or not candidates or not all(isinstance(c, str) for c in candidates):
            self.fail("candidates must be a non-empty list of roster ids", "election", index, "candidates",
                      item=ident)
        seen = set()
        for cand in candidates:
            if cand in seen:
                self.fail(f"candidate {cand} is listed twice", "election", index, "candidates", item=ident)
            seen.add(cand)
            if self.roster is not None:
                member = self.roster.get(cand)
                if member is None:
                    self.fail(f"candidate {cand} is not in the roster", "election", index, "candidates", item=ident)
                if not member.official:
                    self.fail(f"candidate {cand} ({member.name}) is not an official member and cannot stand",
                              "election", index, "candidates", item=ident)
                if member.transferred or member.suspended:
                    why = "is attached elsewhere" if member.transferred else "is suspended"
                    self.fail(f"candidate {cand} ({member.name}) {why} and cannot stand", "election", index,
                              "candidates", item=ident)
        seats = data.get("seats")
        if not isinstance(seats, int) or isinstance(seats, bool) or not 1 <= seats <= len(candidates):
            self.fail(f"seats must be a whole number from 1 to the number of candidates ({len(candidates)}), "
                      f"not {seats!r}", "election", index, "seats", item=ident)
        order = data.get("order", "alphabetical")
        if order not in ORDERS:
            self.fail(f"order must be one of {', '.join(ORDERS)}, not {order!r}", "election", index, "order",
                      item=ident)
        kind = data.get("kind", "other")
        if kind not in ELECTION_KINDS:
            self.fail(f"kind must be one of {', '.join(ELECTION_KINDS)}, not {kind!r}", "election", index, "kind",
                      item=ident)
        source = data.get("from")
        if source is not None and (kind not in ("secretary", "deputy") or not isinstance(source, str)):
            self.fail("from names the committee election a secretary or deputy is elected from (kind = "
                      "\"secretary\" or \"deputy\")", "election", index, "from", item=ident)
        return Election(ident, title, seats, tuple(candidates), order, kind, source)

    def officers(self, congress: Congress, elections: dict[str, Election]) -> None:
        """A secretary or deputy elected from a committee names a committee election; a cell elects a committee only
        with enough official members, and of few enough seats."""
        for index, election in enumerate(elections.values()):
            source = elections.get(election.source) if election.source else None
            if election.source and (source is None or not source.committee):
                self.fail(f"from {election.source!r} is not a committee election of the scenario", "election", index,
                          "from", item=election.id)
            if election.kind in ("secretary", "deputy") and election.seats != 1:
                self.fail(f"a {election.kind} election has one seat, not {election.seats}", "election", index,
                          "seats", item=election.id)
            if not (election.committee and congress.level == "cell"):
                continue
            officials = sum(1 for m in self.roster or () if m.official and not m.alternate)
            if self.roster is not None and officials < CELL_COMMITTEE_MEMBERS:
                self.fail(f"a cell elects a committee only with {CELL_COMMITTEE_MEMBERS} or more official members; "
                          f"the roster has {officials}: elect the secretary (and a deputy if needed) directly",
                          "election", index, "kind", item=election.id)
            if election.seats > CELL_COMMITTEE_SEATS:
                self.fail(f"a cell's committee has at most {CELL_COMMITTEE_SEATS} members, not {election.seats}",
                          "election", index, "seats", item=election.id)

    def step(self, data: dict, index: int, elections: dict, motions: dict) -> Step:
        ident = data["id"]
        title = self.text(data, "title", "step", index, required=True)
        minutes = data.get("minutes")
        if not isinstance(minutes, (int, float)) or isinstance(minutes, bool) or not 1 <= minutes <= 24 * 60:
            self.fail(f"minutes must be a number of minutes from 1 to 1440, not {minutes!r}", "step", index,
                      "minutes" if "minutes" in data else None, item=ident)
        at = None
        if "at" in data:
            at = self.clock_time(data["at"], "step", index, "at", ident)
        for key, known in (("election", elections), ("motion", motions)):
            ref = data.get(key)
            if ref is not None and (not isinstance(ref, str) or ref not in known):
                self.fail(f"{key} {ref!r} is not defined in the scenario", "step", index, key, item=ident)
        limit = None
        if "speeches" in data:
            speeches = data["speeches"]
            limit = speeches.get("limit") if isinstance(speeches, dict) else None
            if not isinstance(limit, (int, float)) or isinstance(limit, bool) or not 0 < limit <= 24 * 60:
                self.fail("speeches must be { limit = N } with N minutes per speech, 0 < N <= 1440", "step", index,
                          "speeches", item=ident)
        script = self.text(data, "script", "step", index)
        for problem in placeholders.problems(script, set(elections), set(motions)):
            self.fail(problem, "step", index, "script", item=ident)
        return Step(ident, title, minutes, self.text(data, "who", "step", index), script, at,
                    data.get("election"), data.get("motion"), limit)

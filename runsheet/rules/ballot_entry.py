"""The grammar of a ballot as a clerk types it, and as a ballots CSV writes it: one grammar for both.

Typed on the counting screen: the numbers of the names struck ("3 7 12", commas or semicolons also separate);
on the approve form "?N" marks name N unclear (both or neither box marked), and on a single-name approve ballot
"?" alone means just that; "!1", "!2", "!3" mark the ballot invalid for a reason only the paper shows
(PAPER_REASONS). A ballots CSV has the columns ballot,struck,unclear,invalid: struck and unclear hold numbers in
the same grammar, invalid the committee's reason in words.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from ..errors import InputError
from .election import APPROVE, PAPER_REASONS, Reading, ReadingError, RoundRecord, check_reading

SEPARATORS = str.maketrans({",": " ", ";": " "})
BALLOT_COLUMNS = ("ballot", "struck", "unclear", "invalid")
POLL_COLUMNS = ("ballot", "against", "unclear", "invalid")  # a nomination poll: the nominees marked không đồng ý


def tokens(text: str) -> list[str]:
    return text.translate(SEPARATORS).split()


def _number(token: str) -> int:
    if not (token.isascii() and token.isdigit()):
        raise ReadingError("read.token", token=token or "?")
    return int(token)


def numbers(text: str) -> frozenset[int]:
    """'3 7 12' (spaces, commas or semicolons between) as numbers; ReadingError on anything else."""
    return frozenset(_number(token) for token in tokens(text))


def parse_entry(text: str, record: RoundRecord) -> Reading:
    """What the clerk typed, as a reading of a ballot of this round; ReadingError when it cannot be one. A run of
    digits is split as the screen spaces it while it is typed (split_digits), so digits pasted or sent by a fast
    keyboard wedge, which the screen had no time to space, read the same as typed ones."""
    candidates = len(record.candidates)
    struck, unclear, invalid = set(), set(), None
    for token in tokens(text):
        if token.startswith("!"):  # one digit names the reason; digits after it are name numbers
            index, token = token[1:2], token[2:]
            if not (index.isascii() and index.isdigit() and 1 <= int(index) <= len(PAPER_REASONS)):
                raise ReadingError("read.reason")
            invalid = PAPER_REASONS[int(index) - 1]
            if not token:
                continue
        target = struck
        if token.startswith("?"):
            target, token = unclear, token[1:]
            if not token and record.form == APPROVE and candidates == 1:
                token = "1"
        first, *rest = split_digits(token, candidates) if token.isascii() and token.isdigit() else [_number(token)]
        target.add(first)  # "?12" with 6 names is ?1 2: the mark goes with the number it was typed on
        struck.update(rest)
    reading = Reading(frozenset(struck), frozenset(unclear), invalid)
    check_reading(reading, candidates, record.form)
    return reading


def split_digits(digits: str, candidates: int) -> list[int]:
    """A run of digits as the name numbers the clerk typed: each number ends where another digit would pass the last
    name number (closed_number), as the screen spaces them. With 6 names "125" is 1 2 5; with 200, "47103" is 47 103
    and "12" stays 12."""
    found, current = [], ""
    for digit in digits:
        current += digit
        if closed_number(current, candidates):
            found.append(int(current))
            current = ""
    if current:
        found.append(int(current))
    return found


def entry_text(reading: Reading) -> str:
    """A reading written back the way a clerk types it (for a correction)."""
    words = [str(n) for n in sorted(reading.struck)] + [f"?{n}" for n in sorted(reading.unclear)]
    if reading.invalid in PAPER_REASONS:
        words.append(f"!{PAPER_REASONS.index(reading.invalid) + 1}")
    return " ".join(words) + (" " if words else "")


def closed_number(text: str, candidates: int) -> bool:
    """Whether the number being typed at the end of text cannot grow (another digit would pass the last name
    number): the screen then types the space itself. With 6 names every digit is a whole number; with 200,
    "47" and "103" are, "12" is not."""
    digits = len(text) - len(text.rstrip("0123456789"))
    if digits == 0:
        return False
    number = int(text[-digits:])
    return number > 0 and number * 10 > candidates


def keystrokes(struck: list[int], candidates: int) -> int:
    """Keys a clerk presses for a ballot with these names struck, spaces the screen adds not counted, Enter
    included."""
    count, text = 0, ""
    for number in struck:
        if text and not text.endswith(" "):
            text += " "
            count += 1
        for digit in str(number):
            text += digit
            count += 1
            if closed_number(text, candidates):
                text += " "
    return count + 1


def _csv_rows(reader, path: str):
    """The reader's rows; a row it cannot read (a cell over the csv module's limit of 128 KiB, a NUL) is an
    InputError naming the line."""
    while True:
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InputError(path, f"cannot read CSV: {exc}", line=reader.line_num) from None


@dataclass(frozen=True)
class BallotRow:
    line: int  # in the CSV file
    ballot: int
    reading: Reading


def ballot_rows(text: str, path: str, poll: bool = False) -> list[BallotRow]:
    """The rows of a ballots CSV (ballot,struck,unclear,invalid; of a nomination poll, ballot,against,unclear,invalid);
    InputError naming the file and line."""
    known = POLL_COLUMNS if poll else BALLOT_COLUMNS
    reader = csv.reader(io.StringIO(text))
    rows_read = _csv_rows(reader, path)
    header = next(rows_read, None)
    if header is None:
        raise InputError(path, "the ballots file is empty")
    columns = [h.strip().lower() for h in header]
    unknown = [c for c in columns if c not in known]
    if unknown:
        raise InputError(path, f"unknown column {unknown[0]!r} (columns: {', '.join(known)})", line=1)
    if "ballot" not in columns:
        raise InputError(path, f"missing column 'ballot' (columns: {', '.join(known)})", line=1)
    struck_column = "against" if poll else "struck"
    rows = []
    for cells in rows_read:
        line = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(columns) and any(c.strip() for c in cells[len(columns):]):
            raise InputError(path, f"more cells than columns ({len(columns)}); quote a cell that holds a comma",
                             line=line)
        values = {columns[i]: c.strip() for i, c in enumerate(cells) if i < len(columns)}
        try:
            number = int(values.get("ballot", ""))
        except ValueError:
            raise InputError(path, f"ballot number {values.get('ballot')!r} is not a whole number", line=line) from None
        try:
            struck, unclear = numbers(values.get(struck_column, "")), numbers(values.get("unclear", ""))
        except ReadingError:
            raise InputError(path, f"{struck_column} and unclear hold name numbers separated by spaces", line=line,
                             item=f"ballot {number}") from None
        rows.append(BallotRow(line, number, Reading(struck, unclear, values.get("invalid") or None)))
    return rows

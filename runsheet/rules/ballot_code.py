"""The QR code printed on every paper ballot: which congress, election, round and list the ballot belongs to.

Format (ASCII only, fields separated by "|"; 5 fields):

    RSB1|<congress>|<election>|<round>|<list>

    RSB1        the prefix and format version
    congress    the first 8 hex digits of the congress id (the store's congress.created event)
    election    the election id of the scenario (percent-encoded outside [A-Za-z0-9._~-], as in the digest)
    round       the round number the ballot was printed for (1, 2, ...)
    list        the first 8 hex digits of the sha256 of "<seats>|<id>,<id>,..." (the round's seats and its names in
                printed order): a ballot printed before the list or its order changed does not match

Every ballot of a round carries the same code. There is deliberately no serial number: a ballot that can be told
apart from the others is invalid (it would break the secret of the vote), so the scanner learns nothing from the
code about who voted, only which stack the paper belongs to.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from urllib.parse import quote, unquote

from ..errors import DomainError, Say

PREFIX = "RSB1|"
CONGRESS_CHARS = 8
LIST_CHARS = 8

_HEX = re.compile(r"[0-9a-f]+")
_ID = re.compile(r"(?:[A-Za-z0-9._~-]|%[0-9A-Fa-f]{2})+")
_NUMBER = re.compile(r"[1-9][0-9]{0,5}")


@dataclass(frozen=True)
class BallotCode:
    congress: str  # 8 hex digits
    election: str
    round: int
    list_hash: str  # 8 hex digits

    def text(self) -> str:
        return f"{PREFIX}{self.congress}|{quote(self.election, safe='-._~')}|{self.round}|{self.list_hash}"


def list_hash(candidates: list[str] | tuple[str, ...], seats: int) -> str:
    """The short hash of a round's list: its seats and its names in printed order."""
    text = f"{seats}|{','.join(candidates)}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:LIST_CHARS]


def ballot_code(congress_id: str, election: str, round_no: int, candidates, seats: int) -> BallotCode:
    return BallotCode(congress_id[:CONGRESS_CHARS].lower(), election, round_no, list_hash(candidates, seats))


def parse_ballot_code(text: str) -> BallotCode:
    """Read a ballot's code; DomainError("ballot.err.code") naming what is wrong when it is not one."""
    raw = text.strip()
    shown = raw if len(raw) <= 60 else raw[:59] + "…"
    if not raw.upper().startswith(PREFIX):
        raise DomainError("ballot.err.code", text=shown, problem=Say("ballot.bad.prefix"))
    parts = raw[len(PREFIX):].split("|")
    if len(parts) != 4:
        raise DomainError("ballot.err.code", text=shown, problem=Say("ballot.bad.fields"))
    congress, election, round_text, listed = parts
    congress, listed = congress.lower(), listed.lower()
    if len(congress) != CONGRESS_CHARS or not _HEX.fullmatch(congress):
        raise DomainError("ballot.err.code", text=shown, problem=Say("ballot.bad.congress"))
    if not _ID.fullmatch(election):
        raise DomainError("ballot.err.code", text=shown, problem=Say("ballot.bad.election"))
    if not _NUMBER.fullmatch(round_text):
        raise DomainError("ballot.err.code", text=shown, problem=Say("ballot.bad.round"))
    if len(listed) != LIST_CHARS or not _HEX.fullmatch(listed):
        raise DomainError("ballot.err.code", text=shown, problem=Say("ballot.bad.list"))
    return BallotCode(congress, unquote(election), int(round_text), listed)

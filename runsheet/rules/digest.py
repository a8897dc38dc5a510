"""The digest of a closed election round: one line that ties the paper counting minutes to the store.

It is printed under a QR code on the counting minutes (biên bản kiểm phiếu). Scanned back into runsheet (the desk's
or the counting room's input field) or given to `run.py verify --db STORE --digest TEXT`, it says whether the paper
and the store agree, and if not, exactly what differs.

Format (ASCII only, fields separated by "|", in this order; 13 fields):

    RSD1|<congress>|<election>|<round>|seq=<n>|h=<hash>|S=<seats>|D=<D>|I=<issued>|C=<collected>|V=<valid>|X=<invalid>|<votes>

    RSD1        the prefix and format version (a scanner's input is recognised by it)
    congress    the first 8 hex digits of the congress id (the store's congress.created event)
    election    the election id of the scenario; round: the round number (1, 2, ...)
    seq=        the seq of the round's round.closed event in the store
    h=          the first 16 hex digits of that event's hash: it chains every event before it (check-ins, the
                ballots, the close with its frozen result), so a store rewritten before the close cannot match
    S= D=       seats to fill in this round; D, the denominator the result was measured against
    I= C= V= X= ballots issued, collected, valid, invalid
    votes       <candidate id>:<votes> for every name on the ballot, in ballot order, separated by ","; when that
                would make the digest longer than 600 characters (a long list), "#" and the votes alone in ballot
                order ("#9,9,8,8,7,7"), the ids being known from the store

A candidate or election id holding a character outside [A-Za-z0-9._~-] is written percent-encoded (UTF-8), so the
separators never occur inside a field. Example (6 names, 5 seats):

    RSD1|3f9c2a71|chi-uy|1|seq=50|h=9b1e0c44d2a7f310|S=5|D=13|I=12|C=12|V=10|X=2|DV09:9,DV02:9,DV11:8,DV01:8,DV06:7,DV04:7

About 60 characters plus 8 per name: a QR code of version 5-10 for a committee; a list of 200 names takes the
short form, about 1,000 characters.

Whether a scanned digest matches is decided against the store by store/digest_check.py.

The log's digest (on the congress minutes) ties the paper to the whole log at the closing:

    RSL1|<congress>|seq=<n>|h=<hash>

    congress    as above; seq= the seq of the congress.ended event (of the last event, on a draft)
    h=          the first 16 hex digits of that event's hash, which chains every event before it

and the head's short code, its first 8 hex digits, is what the chair's screen, the projector and every document show
("mã kiểm chứng"): read out or noted, it is a witness of the log as it stood, checked with `verify --code`.

A keyboard-wedge scanner types the digest as keystrokes: a Vietnamese input method (Telex, VNI) left on may turn
letters of the hex digits into accented ones (the badge codes avoid letters for that reason); turn it off, or use
`run.py verify --digest` with the text read by a phone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from urllib.parse import quote, unquote

from ..errors import DomainError, Say

PREFIX = "RSD1|"
LOG_PREFIX = "RSL1|"
CODE_CHARS = 8  # the head's short code
HASH_CHARS = 16
LONG = 600  # a digest longer than this gives the votes alone (a QR code the size of a stamp stays readable)
CONGRESS_CHARS = 8
FIGURES = ("S", "D", "I", "C", "V", "X")  # in the order they are written
LABELS = {"S": "digest.label.S", "D": "digest.label.D", "I": "digest.label.I", "C": "digest.label.C",
          "V": "digest.label.V", "X": "digest.label.X"}  # each figure's label



def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _malformed(raw: str, problem: Say) -> DomainError:
    return DomainError("digest.err.malformed", problem=problem, text=_shorten(raw, 60))


def _bad_field(raw: str, name: str, value: str, what: Say) -> DomainError:
    return _malformed(raw, Say("digest.bad.field", {"name": name, "value": _shorten(value, 24), "what": what}))


# ---- writing ---------------------------------------------------------------------------------------------------
def _escape(value: str) -> str:
    return quote(value, safe="-._~")


@dataclass(frozen=True)
class Digest:
    congress: str
    election: str
    round: int
    seq: int
    hash: str
    figures: dict[str, int]  # S D I C V X
    votes: tuple[tuple[str, int], ...]  # (candidate id, votes) in ballot order; ids "" in the short form
    short: bool = False  # the votes alone, in ballot order

    def text(self) -> str:
        figures = "|".join(f"{k}={self.figures[k]}" for k in FIGURES)
        votes = "#" + ",".join(str(n) for _, n in self.votes) if self.short else \
            ",".join(f"{_escape(cid)}:{n}" for cid, n in self.votes)
        return (f"{PREFIX}{self.congress}|{_escape(self.election)}|{self.round}|seq={self.seq}|h={self.hash}|"
                f"{figures}|{votes}")


def result_figures(result: dict) -> dict[str, int]:
    ballots = result["ballots"]
    return {"S": result["seats"], "D": result["denominator"], "I": ballots["issued"], "C": ballots["collected"],
            "V": ballots["valid"], "X": ballots["invalid"]}


def digest_for(congress_id: str, closed_seq: int, closed_hash: str, election: str, round_no: int,
               result: dict) -> Digest:
    """The digest of a closed round: its close event's seq and hash, and the frozen result it carries."""
    digest = Digest(congress_id[:CONGRESS_CHARS], election, round_no, closed_seq, closed_hash[:HASH_CHARS],
                    result_figures(result), tuple((c["id"], c["votes"]) for c in result["candidates"]))
    if len(digest.text()) > LONG:
        digest = replace(digest, votes=tuple(("", n) for _, n in digest.votes), short=True)
    return digest


def short_code(head_hash: str) -> str:
    """The head's short code: the first hex digits of the last event's hash."""
    return head_hash[:CODE_CHARS]


@dataclass(frozen=True)
class LogDigest:
    """The log as it stood at one event (the closing, for the minutes)."""

    congress: str
    seq: int
    hash: str

    def text(self) -> str:
        return f"{LOG_PREFIX}{self.congress}|seq={self.seq}|h={self.hash}"


def log_digest_for(congress_id: str, seq: int, event_hash: str) -> LogDigest:
    return LogDigest(congress_id[:CONGRESS_CHARS], seq, event_hash[:HASH_CHARS])


def find_digest(text: str) -> str | None:
    """The digest (a round's or the log's) in what was typed, if any (a scan may land after text already in the
    field)."""
    found = list(re.finditer(f"{re.escape(PREFIX)}|{re.escape(LOG_PREFIX)}", text, re.IGNORECASE))
    return text[found[-1].start():].strip() if found else None


def parse_log_digest(text: str) -> LogDigest:
    raw = text.strip()
    if not raw.upper().startswith(LOG_PREFIX):
        raise _malformed(raw, Say("digest.bad.prefix"))
    parts = raw[len(LOG_PREFIX):].split("|")
    if len(parts) != 3:
        raise _malformed(raw, Say("digest.bad.log_fields", {"n": len(parts) + 1}))
    congress, seq_text, hash_text = parts
    congress = congress.lower()
    if len(congress) != CONGRESS_CHARS or not _HEX.fullmatch(congress):
        raise _bad_field(raw, "congress", congress, Say("digest.what.hex", {"n": CONGRESS_CHARS}))
    seq = _keyed(raw, "seq", seq_text)
    name, equals, hash_value = hash_text.partition("=")
    hash_value = hash_value.lower()
    if name != "h" or not equals or len(hash_value) != HASH_CHARS or not _HEX.fullmatch(hash_value):
        raise _bad_field(raw, "h", hash_text, Say("digest.what.hex", {"n": HASH_CHARS}))
    return LogDigest(congress, seq, hash_value)


def parse_any(text: str) -> Digest | LogDigest:
    """A round's digest or the log's, by its prefix."""
    return parse_log_digest(text) if text.strip().upper().startswith(LOG_PREFIX) else parse_digest(text)


_NUMBER = re.compile(r"[0-9]{1,9}")
_HEX = re.compile(r"[0-9a-f]+")
_ID = re.compile(r"(?:[A-Za-z0-9._~-]|%[0-9A-Fa-f]{2})+")


def parse_digest(text: str) -> Digest:
    """Read a digest; DomainError (naming the field) when it is not one."""
    raw = text.strip()
    if not raw.upper().startswith(PREFIX):
        raise _malformed(raw, Say("digest.bad.prefix"))
    parts = raw[len(PREFIX):].split("|")
    if len(parts) != 12:
        raise _malformed(raw, Say("digest.bad.fields", {"n": len(parts) + 1}))
    congress, election, round_text, seq_text, hash_text, *figure_parts, votes_text = parts
    congress = congress.lower()
    if len(congress) != CONGRESS_CHARS or not _HEX.fullmatch(congress):
        raise _bad_field(raw, "congress", congress, Say("digest.what.hex", {"n": CONGRESS_CHARS}))
    if not _ID.fullmatch(election):
        raise _bad_field(raw, "election", election, Say("digest.what.id"))
    if not _NUMBER.fullmatch(round_text):
        raise _bad_field(raw, "round", round_text, Say("digest.what.number"))
    seq = _keyed(raw, "seq", seq_text)
    name, equals, hash_value = hash_text.partition("=")
    hash_value = hash_value.lower()
    if name != "h" or not equals or len(hash_value) != HASH_CHARS or not _HEX.fullmatch(hash_value):
        raise _bad_field(raw, "h", hash_text, Say("digest.what.hex", {"n": HASH_CHARS}))
    figures = {key: _keyed(raw, key, value) for key, value in zip(FIGURES, figure_parts, strict=True)}
    votes = []
    short = votes_text.startswith("#")
    for item in votes_text.removeprefix("#").split(","):
        cid, colon, count = item.rpartition(":")
        if short and not colon and _NUMBER.fullmatch(count):
            votes.append(("", int(count)))
        elif short or not colon or not _ID.fullmatch(cid) or not _NUMBER.fullmatch(count):
            raise _bad_field(raw, "votes", item, Say("digest.what.votes"))
        else:
            votes.append((unquote(cid), int(count)))
    return Digest(congress, unquote(election), int(round_text), seq, hash_value, figures, tuple(votes), short)


def _keyed(raw: str, key: str, value: str) -> int:
    name, equals, number = value.partition("=")
    if name != key or not equals or not _NUMBER.fullmatch(number):
        raise _bad_field(raw, key, value, Say("digest.what.key", {"key": key}))
    return int(number)


# ---- recognising one in a field -----------------------------------------------------------------------------------
def may_be_digest(text: str) -> bool:
    """Whether a field holds a digest being typed (a scanner types it key by key), from its first character on."""
    head = text.lstrip().upper()[:len(PREFIX)]
    return bool(head) and (PREFIX.startswith(head) or LOG_PREFIX.startswith(head))



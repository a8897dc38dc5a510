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
    votes       <candidate id>:<votes> for every name on the ballot, in ballot order, separated by ","

A candidate or election id holding a character outside [A-Za-z0-9._~-] is written percent-encoded (UTF-8), so the
separators never occur inside a field. Example (6 names, 5 seats):

    RSD1|3f9c2a71|chi-uy|1|seq=143|h=9b1e0c44d2a7f310|S=5|D=13|I=12|C=12|V=10|X=2|DV02:9,DV06:8,DV01:10,DV11:8,DV04:10,DV09:7

About 60 characters plus 8 per name: a QR code of version 10-15 for a committee, within version 40 for a list of
200 names. Whether a scanned digest matches is decided against the file on disk, read without trusting it: the
chain is verified (store.log.verify), the round's close event is found by election and round, its seq and hash
compared, then every figure and every candidate's votes against the frozen result in the store, and, when the
ballots kept in the store no longer add up to that result, against a recount of them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from urllib.parse import quote, unquote

import orjson

from ..errors import DomainError, StoreMissingError
from ..store.events import Event
from ..store.log import verify

PREFIX = "RSD1|"
HASH_CHARS = 16
CONGRESS_CHARS = 8
FIGURES = ("S", "D", "I", "C", "V", "X")  # in the order they are written

TEXT: dict[str, tuple[str, str]] = {
    # refusals (DigestError): one line, exit status 2
    "err.malformed": ("mã đối chiếu không đúng định dạng ({problem}): {text}",
                      "the digest is malformed ({problem}): {text}"),
    "bad.prefix": ("phải bắt đầu bằng RSD1|", "it must start with RSD1|"),
    "bad.fields": ("cần 13 trường ngăn bởi |, có {n}", "13 fields separated by | are needed, found {n}"),
    "bad.field": ("trường {name} phải là {what}, có «{value}»", "field {name} must be {what}, found “{value}”"),
    "what.hex": ("{n} chữ số hệ 16", "{n} hex digits"),
    "what.number": ("số nguyên", "a whole number"),
    "what.key": ("{key}=số", "{key}=number"),
    "what.id": ("một mã", "an id"),
    "what.votes": ("danh sách mã:số phiếu", "a list of id:votes"),
    "err.no_closed_round": ("cuộc bầu {election!r} chưa có lần bầu nào kết thúc kiểm phiếu",
                            "election {election!r} has no closed round"),
    "err.round_not_closed": ("lần bầu {round} của {election!r} chưa kết thúc kiểm phiếu",
                             "round {round} of {election!r} is not closed"),
    # the verdict
    "ok": ("✓ KHỚP: biên bản kiểm phiếu {title} (lần {round}) khớp với dữ liệu lưu trữ.",
           "✓ MATCHES: the counting minutes of {title} (round {round}) match the store."),
    "bad": ("✗ KHÔNG KHỚP: biên bản kiểm phiếu {title} (lần {round}) khác với dữ liệu lưu trữ:",
            "✗ DOES NOT MATCH: the counting minutes of {title} (round {round}) differ from the store:"),
    # what was compared
    "congress.ok": ("Đại hội: {name} (mã {code})", "Congress: {name} (id {code})"),
    "congress.bad": ("Mã đại hội khác: trên giấy {paper}, trong kho {store} ({name}): mã này của đại hội khác",
                     "Another congress: paper {paper}, store {store} ({name}): this digest belongs to another "
                     "congress"),
    "round.ok": ("Kết thúc kiểm phiếu lúc {time} (sự kiện số {seq})", "Count closed at {time} (event {seq})"),
    "round.no_election": ("Kho dữ liệu không có cuộc bầu {election!r}", "The store has no election {election!r}"),
    "round.missing": ("Kho dữ liệu không có lần bầu {round} của {election!r}",
                      "The store has no round {round} of {election!r}"),
    "round.open": ("Lần bầu {round} của {election!r} chưa kết thúc kiểm phiếu trong kho dữ liệu",
                   "Round {round} of {election!r} is not closed in the store"),
    "seq.bad": ("Sự kiện kết thúc kiểm phiếu: trên giấy số {paper}, trong kho số {store} (sự kiện đã bị thêm "
                "hoặc bớt trước đó)", "The close is event {paper} on paper, {store} in the store (events were "
                "inserted or removed before it)"),
    "hash.ok": ("Mã băm chuỗi sự kiện tại lúc kết thúc kiểm phiếu: {hash}",
                "Hash of the event chain at the close: {hash}"),
    "hash.bad": ("Mã băm tại lúc kết thúc kiểm phiếu khác: trên giấy {paper}, trong kho {store}: dữ liệu đến lúc đó "
                 "đã bị ghi lại", "The chain hash at the close differs: paper {paper}, store {store}: the store "
                 "was rewritten up to that point"),
    "chain.ok": ("Chuỗi băm của kho dữ liệu toàn vẹn ({n} sự kiện)", "The store's hash chain verifies ({n} events)"),
    "chain.bad": ("Chuỗi băm của kho dữ liệu bị phá vỡ (dữ liệu đã bị sửa):",
                  "The store's hash chain fails verification (the store was altered):"),
    "chain.unreadable": ("Không đọc được các sự kiện trong kho dữ liệu", "The store's events cannot be read"),
    "figures.ok": ("Số liệu khớp: số lượng bầu {S}; D = {D}; phiếu phát ra {I}, thu vào {C}, hợp lệ {V}, "
                   "không hợp lệ {X}", "Figures match: {S} to elect; D = {D}; ballots issued {I}, collected {C}, "
                   "valid {V}, invalid {X}"),
    "figure.bad": ("{label}: trên giấy {paper}, trong kho {store}", "{label}: paper {paper}, store {store}"),
    "votes.ok": ("Số phiếu bầu của cả {n} người trong danh sách khớp", "The votes of all {n} names match"),
    "votes.bad": ("Số phiếu bầu của {name} ({id}): trên giấy {paper}, trong kho {store}",
                  "Votes for {name} ({id}): paper {paper}, store {store}"),
    "votes.not_listed": ("{id}: có trên giấy, không có trong danh sách lần bầu này trong kho",
                         "{id}: on the paper, not on this round's list in the store"),
    "votes.not_on_paper": ("{name} ({id}): có trong danh sách trong kho, không có trên giấy",
                           "{name} ({id}): on the list in the store, not on the paper"),
    "votes.order": ("Thứ tự danh sách khác: trên giấy {paper}, trong kho {store}",
                    "The list's order differs: paper {paper}, store {store}"),
    "recount.bad": ("Kiểm lại từ các phiếu lưu trong kho: {label} {recount} (kết quả đã chốt {store}, trên giấy "
                    "{paper}): phiếu trong kho đã bị sửa", "Recounting the ballots kept in the store: {label} "
                    "{recount} (frozen result {store}, paper {paper}): ballots in the store were altered"),
    "recount.failed": ("Không kiểm lại được các phiếu lưu trong kho: {problem}",
                       "The ballots kept in the store cannot be recounted: {problem}"),
    "paper.altered": ("Kho dữ liệu toàn vẹn và mã băm khớp: chính tờ biên bản (hoặc mã đối chiếu đã nhập) khác với "
                      "dữ liệu: giấy đã bị sửa hoặc mã bị gõ nhầm", "The store is intact and the hash matches: the "
                      "paper (or the digest as typed) differs from it: the paper was altered or the digest mistyped"),
    "label.S": ("Số lượng bầu", "Seats"),
    "label.D": ("D (số đảng viên chính thức được triệu tập tính tỷ lệ)", "D (denominator)"),
    "label.I": ("Số phiếu phát ra", "Ballots issued"),
    "label.C": ("Số phiếu thu vào", "Ballots collected"),
    "label.V": ("Số phiếu hợp lệ", "Valid ballots"),
    "label.X": ("Số phiếu không hợp lệ", "Invalid ballots"),
    "label.votes": ("số phiếu của {name}", "votes for {name}"),
    # on the counting minutes and in the screens
    "caption": ("Mã đối chiếu với dữ liệu lưu trữ (quét vào runsheet, hoặc: run.py verify --digest \"…\")",
                "Digest for checking against the store (scan it into runsheet, or: run.py verify --digest \"…\")"),
}


def _t(key: str, lang: str, **values: object) -> str:
    vi, en = TEXT[key]
    text = en if lang == "en" else vi
    return text.format(**values) if values else text


@dataclass(frozen=True)
class Say:
    """A message of TEXT with its values, said in a language when shown (values may be Say themselves)."""

    key: str
    values: dict = field(default_factory=dict)

    def text(self, lang: str) -> str:
        return _t(self.key, lang, **{k: v.text(lang) if isinstance(v, Say) else v for k, v in self.values.items()})


class DigestError(DomainError):
    """A digest that cannot be read, or a round that has none: one line on the command line, exit status 2."""

    def text(self, lang: str) -> str:
        return Say(self.key, self.values).text(lang)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _malformed(raw: str, problem: Say) -> DigestError:
    return DigestError("err.malformed", problem=problem, text=_shorten(raw, 60))


def _bad_field(raw: str, name: str, value: str, what: Say) -> DigestError:
    return _malformed(raw, Say("bad.field", {"name": name, "value": _shorten(value, 24), "what": what}))


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
    votes: tuple[tuple[str, int], ...]  # (candidate id, votes) in ballot order

    def text(self) -> str:
        figures = "|".join(f"{k}={self.figures[k]}" for k in FIGURES)
        votes = ",".join(f"{_escape(cid)}:{n}" for cid, n in self.votes)
        return (f"{PREFIX}{self.congress}|{_escape(self.election)}|{self.round}|seq={self.seq}|h={self.hash}|"
                f"{figures}|{votes}")


def result_figures(result: dict) -> dict[str, int]:
    ballots = result["ballots"]
    return {"S": result["seats"], "D": result["denominator"], "I": ballots["issued"], "C": ballots["collected"],
            "V": ballots["valid"], "X": ballots["invalid"]}


def digest_of(created: Event, closed: Event) -> Digest:
    result = closed.data["result"]
    return Digest(created.data["congress_id"][:CONGRESS_CHARS], closed.data["election"], closed.data["round"],
                  closed.seq, closed.hash[:HASH_CHARS], result_figures(result),
                  tuple((c["id"], c["votes"]) for c in result["candidates"]))


def close_event(events: Sequence[Event], election_id: str, round_no: int | None = None) -> Event | None:
    """The round.closed event of a round (the latest closed round of the election when round_no is None)."""
    for event in reversed(events):
        if event.type == "round.closed" and event.data.get("election") == election_id and \
                (round_no is None or event.data.get("round") == round_no):
            return event
    return None


def digest_text(source, election_id: str, round_no: int | None = None) -> str:
    """The digest of a closed round, from an EventLog, a Session or a list of events. DigestError when the round
    is not closed (or the election has no closed round)."""
    events = getattr(getattr(source, "log", source), "events", source)
    closed = close_event(events, election_id, round_no)
    if closed is None:
        if round_no is None:
            raise DigestError("err.no_closed_round", election=election_id)
        raise DigestError("err.round_not_closed", election=election_id, round=round_no)
    return digest_of(events[0], closed).text()


# ---- reading ---------------------------------------------------------------------------------------------------
def find_digest(text: str) -> str | None:
    """The digest in what was typed, if any (a scan may land after text already in the field)."""
    index = text.upper().rfind(PREFIX)
    return text[index:].strip() if index >= 0 else None


_NUMBER = re.compile(r"[0-9]{1,9}")
_HEX = re.compile(r"[0-9a-f]+")
_ID = re.compile(r"(?:[A-Za-z0-9._~-]|%[0-9A-Fa-f]{2})+")


def parse_digest(text: str) -> Digest:
    """Read a digest; DigestError (naming the field) when it is not one."""
    raw = text.strip()
    if not raw.upper().startswith(PREFIX):
        raise _malformed(raw, Say("bad.prefix"))
    parts = raw[len(PREFIX):].split("|")
    if len(parts) != 12:
        raise _malformed(raw, Say("bad.fields", {"n": len(parts) + 1}))
    congress, election, round_text, seq_text, hash_text, *figure_parts, votes_text = parts
    congress = congress.lower()
    if len(congress) != CONGRESS_CHARS or not _HEX.fullmatch(congress):
        raise _bad_field(raw, "congress", congress, Say("what.hex", {"n": CONGRESS_CHARS}))
    if not _ID.fullmatch(election):
        raise _bad_field(raw, "election", election, Say("what.id"))
    if not _NUMBER.fullmatch(round_text):
        raise _bad_field(raw, "round", round_text, Say("what.number"))
    seq = _keyed(raw, "seq", seq_text)
    name, equals, hash_value = hash_text.partition("=")
    hash_value = hash_value.lower()
    if name != "h" or not equals or len(hash_value) != HASH_CHARS or not _HEX.fullmatch(hash_value):
        raise _bad_field(raw, "h", hash_text, Say("what.hex", {"n": HASH_CHARS}))
    figures = {key: _keyed(raw, key, value) for key, value in zip(FIGURES, figure_parts, strict=True)}
    votes = []
    for item in votes_text.split(",") if votes_text else [""]:
        cid, colon, count = item.rpartition(":")
        if not colon or not _ID.fullmatch(cid) or not _NUMBER.fullmatch(count):
            raise _bad_field(raw, "votes", item, Say("what.votes"))
        votes.append((unquote(cid), int(count)))
    return Digest(congress, unquote(election), int(round_text), seq, hash_value, figures, tuple(votes))


def _keyed(raw: str, key: str, value: str) -> int:
    name, equals, number = value.partition("=")
    if name != key or not equals or not _NUMBER.fullmatch(number):
        raise _bad_field(raw, key, value, Say("what.key", {"key": key}))
    return int(number)

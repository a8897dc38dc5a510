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

Whether a scanned digest matches is decided against the file on disk, read without trusting it: the chain is
verified (store.log.verify), the round's close event is found by election and round, its seq and hash compared,
then every figure and every candidate's votes against the frozen result in the store, and, when the ballots kept
in the store no longer add up to that result, against a recount of them. When the chain verifies and the hash
matches but a figure differs, it is the paper (or the digest as typed) that differs from the store.

A keyboard-wedge scanner types the digest as keystrokes: a Vietnamese input method (Telex, VNI) left on may turn
letters of the hex digits into accented ones (the badge codes avoid letters for that reason); turn it off, or use
`run.py verify --digest` with the text read by a phone.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from urllib.parse import quote, unquote

import orjson

from ..errors import DomainError, RunsheetError, StoreMissingError
from ..i18n import pick
from ..store.events import GENESIS, Event
from ..store.log import verify
from ..store.state import CongressState
from ..voting import results_data

PREFIX = "RSD1|"
HASH_CHARS = 16
LONG = 600  # a digest longer than this gives the votes alone (a QR code the size of a stamp stays readable)
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
    "what.votes": ("danh sách mã:số phiếu (hoặc # và các số phiếu)", "a list of id:votes (or # and the votes)"),
    "err.no_closed_round": ("cuộc bầu {election!r} chưa có lần bầu nào kết thúc kiểm phiếu",
                            "election {election!r} has no closed round"),
    "err.round_not_closed": ("lần bầu {round} của {election!r} chưa kết thúc kiểm phiếu",
                             "round {round} of {election!r} is not closed"),
    # the verdict
    "ok": ("✓ KHỚP: biên bản kiểm phiếu {title}, lần bầu thứ {round}, khớp với dữ liệu lưu trữ.",
           "✓ MATCHES: the counting minutes of {title}, round {round}, match the store."),
    "bad": ("✗ KHÔNG KHỚP: biên bản kiểm phiếu {title}, lần bầu thứ {round}, khác với dữ liệu lưu trữ:",
            "✗ DOES NOT MATCH: the counting minutes of {title}, round {round}, differ from the store:"),
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
    "event.altered": ("sự kiện số {seq} ({type}; {what}; lúc {time}) đã bị sửa: mã băm không khớp nội dung",
                      "event {seq} ({type}; {what}; at {time}) was altered: its hash does not match its content"),
    "event.unchained": ("sự kiện số {seq} ({type}; {what}; lúc {time}) không nối với sự kiện trước: sự kiện đã bị "
                        "thêm, bớt hoặc đổi chỗ", "event {seq} ({type}; {what}; at {time}) does not chain to the one "
                        "before: events were inserted, removed or reordered"),
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
    "votes.count": ("Số người trong danh sách khác: trên giấy {paper}, trong kho {store}",
                    "The number of names differs: paper {paper}, store {store}"),
    "votes.order": ("Thứ tự danh sách khác: trên giấy {paper}, trong kho {store}",
                    "The list's order differs: paper {paper}, store {store}"),
    "recount.bad": ("Kiểm lại từ các phiếu lưu trong kho: {label} {recount} (kết quả đã chốt {store}, trên giấy "
                    "{paper}): phiếu trong kho đã bị sửa", "Recounting the ballots kept in the store: {label} "
                    "{recount} (frozen result {store}, paper {paper}): ballots in the store were altered"),
    "recount.result": ("Kiểm lại từ các phiếu lưu trong kho: {label} {recount}, đúng như trên giấy; kết quả đã chốt "
                       "trong kho ghi {store}: kết quả đã chốt trong kho đã bị sửa", "Recounting the ballots kept in "
                       "the store: {label} {recount}, as on the paper; the frozen result in the store says {store}: "
                       "the frozen result in the store was altered"),
    "round.reclosed": ("Lần bầu này đã được kết thúc kiểm phiếu thêm một lần nữa sau đó trong kho (sự kiện số {seq}, "
                       "lúc {time}); runsheet không cho mở lại một lần bầu đã kết thúc: kho dữ liệu đã bị sửa sau khi "
                       "in biên bản (so sánh dưới đây với lần kết thúc sau)", "The store closes this round again "
                       "later (event {seq}, at {time}); runsheet never reopens a closed round: the store was altered "
                       "after the paper was printed (compared below with that later close)"),
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
    "scan.placeholder": ("Quét mã QR trên biên bản kiểm phiếu để đối chiếu với dữ liệu lưu trữ",
                         "Scan the QR code on the counting minutes to check them against the store"),
    "caption": ("Mã đối chiếu với dữ liệu lưu trữ (quét vào runsheet, hoặc: run.py verify --digest \"…\")",
                "Digest for checking against the store (scan it into runsheet, or: run.py verify --digest \"…\")"),
}


def _t(key: str, lang: str, /, **values: object) -> str:
    return pick(TEXT, key, lang, **values)


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


def digest_of(created: Event, closed: Event) -> Digest:
    result = closed.data["result"]
    digest = Digest(created.data["congress_id"][:CONGRESS_CHARS], closed.data["election"], closed.data["round"],
                    closed.seq, closed.hash[:HASH_CHARS], result_figures(result),
                    tuple((c["id"], c["votes"]) for c in result["candidates"]))
    if len(digest.text()) > LONG:
        digest = replace(digest, votes=tuple(("", n) for _, n in digest.votes), short=True)
    return digest


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
    found = list(re.finditer(re.escape(PREFIX), text, re.IGNORECASE))
    return text[found[-1].start():].strip() if found else None


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
    short = votes_text.startswith("#")
    for item in votes_text.removeprefix("#").split(","):
        cid, colon, count = item.rpartition(":")
        if short and not colon and _NUMBER.fullmatch(count):
            votes.append(("", int(count)))
        elif short or not colon or not _ID.fullmatch(cid) or not _NUMBER.fullmatch(count):
            raise _bad_field(raw, "votes", item, Say("what.votes"))
        else:
            votes.append((unquote(cid), int(count)))
    return Digest(congress, unquote(election), int(round_text), seq, hash_value, figures, tuple(votes), short)


def _keyed(raw: str, key: str, value: str) -> int:
    name, equals, number = value.partition("=")
    if name != key or not equals or not _NUMBER.fullmatch(number):
        raise _bad_field(raw, key, value, Say("what.key", {"key": key}))
    return int(number)


# ---- checking a digest against a store ---------------------------------------------------------------------------
@dataclass
class Finding:
    ok: bool
    say: Say
    details: list = field(default_factory=list)  # lines under the finding: Say, or verify's own text


@dataclass
class DigestCheck:
    """What matched and what differs between a digest (the paper) and a store."""

    digest: Digest
    title: str  # the election's title (its id when the store does not know it)
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(f.ok for f in self.findings)

    def verdict(self, lang: str) -> str:
        return _t("ok" if self.ok else "bad", lang, title=self.title, round=self.digest.round)

    def lines(self, lang: str) -> list[str]:
        out = [self.verdict(lang)]
        for finding in self.findings:
            out.append(("  ✓ " if finding.ok else "  ✗ ") + finding.say.text(lang))
            out += [f"      – {d.text(lang) if isinstance(d, Say) else d}" for d in finding.details]
        return out

    def differences(self, lang: str) -> list[str]:
        """Only what differs, each with its details on the same line (for a message on a screen)."""
        return [" ".join([f.say.text(lang), *(d.text(lang) if isinstance(d, Say) else d for d in f.details)])
                for f in self.findings if not f.ok]


def read_events(path: str) -> list[Event]:
    """The events of a store file as they are, without trusting them (verify says what is wrong with them)."""
    try:
        with open(path, "rb") as f:
            data = orjson.loads(f.read())
        table = data["events"]
        keys = sorted(table, key=int)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return []
    events = []
    for key in keys:
        try:
            events.append(Event.from_doc(table[key]))
        except (KeyError, TypeError, ValueError):
            continue
    return events


def state_before(events: Sequence[Event], seq: int):
    """The congress as it stood just before event seq (after it, with seq + 1)."""
    state = CongressState(events[0])
    for event in events[1:]:
        if event.seq >= seq:
            break
        state.apply(event)
    return state


def _zone(created: Event) -> timezone:
    return timezone(timedelta(minutes=created.data.get("utc_offset_minutes", 0)))


def local_time(moment: datetime, created: Event) -> str:
    return moment.astimezone(_zone(created)).strftime("%H:%M:%S %d/%m/%Y")


def check_digest(db_path: str, text: str) -> DigestCheck:
    """Compare a digest (scanned or typed from the paper) with the store at db_path. DigestError when the text is
    not a digest; StoreMissingError when there is no store."""
    digest = parse_digest(text)
    if not os.path.isfile(db_path):
        raise StoreMissingError(f"{db_path}: no such store")
    report = verify(db_path)
    events = read_events(db_path)
    check = DigestCheck(digest, digest.election)
    found = check.findings
    if not events or events[0].type != "congress.created":
        found.append(Finding(False, Say("chain.unreadable"), report.problems))
        return check
    created = events[0]
    try:
        congress_name = CongressState(created).scenario.congress.title
    except Exception:  # a damaged first event: the chain findings below say so
        congress_name = "?"
    store_code = str(created.data.get("congress_id", ""))[:CONGRESS_CHARS]
    chain = (Finding(True, Say("chain.ok", {"n": report.events})) if report.ok
             else Finding(False, Say("chain.bad"), _chain_details(events, report.problems)))
    if store_code != digest.congress:
        found += [Finding(False, Say("congress.bad", {"paper": digest.congress, "store": store_code,
                                                     "name": congress_name})), chain]
        return check
    found.append(Finding(True, Say("congress.ok", {"name": congress_name, "code": store_code})))
    closed = close_event(events, digest.election, digest.round)
    if closed is None:
        found += [Finding(False, _missing_round(events, digest)), chain]
        return check
    stored = closed.data.get("result") or {}
    check.title = stored.get("title") or digest.election
    found.append(Finding(True, Say("round.ok", {"time": local_time(closed.at, created), "seq": closed.seq})))
    printed = _close_at(events, digest)  # the paper's own close, when the store still holds it where it says
    if printed is not None and printed is not closed:  # ...and a second close of the same round after it
        found.append(Finding(False, Say("round.reclosed", {"seq": closed.seq,
                                                           "time": local_time(closed.at, created)})))
        hash_ok = True  # _close_at compared it
        found.append(Finding(True, Say("hash.ok", {"hash": digest.hash})))
    else:
        if closed.seq != digest.seq:
            found.append(Finding(False, Say("seq.bad", {"paper": digest.seq, "store": closed.seq})))
        hash_ok = closed.hash[:HASH_CHARS] == digest.hash
        found.append(Finding(True, Say("hash.ok", {"hash": digest.hash})) if hash_ok else
                     Finding(False, Say("hash.bad", {"paper": digest.hash, "store": closed.hash[:HASH_CHARS]})))
    found.append(chain)
    figures_differ = _compare(found, digest, stored)
    _recount(found, digest, stored, events, closed)
    if figures_differ and hash_ok and closed.seq == digest.seq and report.ok:
        found.append(Finding(False, Say("paper.altered")))
    return check


def _close_at(events: Sequence[Event], digest: Digest) -> Event | None:
    """The event at the paper's seq, if it is the close of the paper's round with the paper's hash."""
    if not 1 <= digest.seq <= len(events):
        return None
    event = events[digest.seq - 1]
    data = event.data if isinstance(event.data, dict) else {}
    if event.seq != digest.seq or event.type != "round.closed" or event.hash[:HASH_CHARS] != digest.hash or \
            (data.get("election"), data.get("round")) != (digest.election, digest.round):
        return None
    return event


def scan_placeholder(lang: str) -> str:
    return _t("scan.placeholder", lang)


def may_be_digest(text: str) -> bool:
    """Whether a field holds a digest being typed (a scanner types it key by key), from its first character on."""
    head = text.lstrip().upper()[:len(PREFIX)]
    return bool(head) and PREFIX.startswith(head)


def scan_report(db_path: str, text: str, lang: str) -> tuple[str, bool]:
    """What a screen says when a digest is scanned into it: one line, and whether the paper matches the store."""
    try:
        check = check_digest(db_path, text)
    except DomainError as exc:
        return exc.text(lang), False
    except RunsheetError as exc:
        return str(exc), False
    if check.ok:
        return check.verdict(lang), True
    return f"{check.verdict(lang)} {'; '.join(check.differences(lang))}", False


def _chain_details(events: Sequence[Event], problems: list[str]) -> list:
    """verify's problems, with the events whose content no longer matches their hash (or that no longer chain to
    the one before) named in the reader's language, with what they recorded."""
    created = events[0]
    named: dict[int, Say] = {}
    previous = GENESIS
    for event in events:
        values = {"seq": event.seq, "type": event.type, "time": local_time(event.at, created),
                  "what": _what(event)}
        if event.hash != event.expected_hash():
            named[event.seq] = Say("event.altered", values)
        elif event.prev != previous:
            named[event.seq] = Say("event.unchained", values)
        previous = event.hash
    out: list = []
    for problem in problems:
        match = re.match(r"event (\d+) ", problem)
        seq = int(match.group(1)) if match else None
        if seq in named:
            if named[seq] not in out:
                out.append(named[seq])
        else:
            out.append(problem)
    return out


def _what(event: Event) -> str:
    data = event.data if isinstance(event.data, dict) else {}
    parts = [f"{key} {data[key]}" for key in ("election", "round", "pass", "ballot", "member", "step")
             if key in data and not isinstance(data[key], (dict, list))]
    return ", ".join(parts)


def _missing_round(events: Sequence[Event], digest: Digest) -> Say:
    values = {"election": digest.election, "round": digest.round}
    opened = [e for e in events if e.type == "round.opened" and e.data.get("election") == digest.election]
    if any(e.data.get("round") == digest.round for e in opened):
        return Say("round.open", values)
    try:
        known = digest.election in state_before(events, 2).scenario.elections
    except Exception:
        known = True
    return Say("round.missing" if known else "round.no_election", values)


def _compare(found: list[Finding], digest: Digest, stored: dict) -> bool:
    """Paper against the frozen result in the store; True when something differs."""
    try:
        figures = result_figures(stored)
        candidates = list(stored["candidates"])
    except (KeyError, TypeError):
        figures, candidates = {}, []
    bad = [Finding(False, Say("figure.bad", {"label": Say(f"label.{key}"), "paper": digest.figures[key],
                                             "store": figures.get(key, "—")}))
           for key in FIGURES if figures.get(key) != digest.figures[key]]
    found += bad or [Finding(True, Say("figures.ok", dict(digest.figures)))]
    names = {c.get("id"): c.get("name", "") for c in candidates}
    store_votes = {c.get("id"): c.get("votes") for c in candidates}
    paper, differ = _paper_votes(digest, candidates)
    paper_votes = dict(paper)
    for cid, votes in paper:
        if cid not in store_votes:
            differ.append(Finding(False, Say("votes.not_listed", {"id": cid})))
        elif store_votes[cid] != votes:
            differ.append(Finding(False, Say("votes.bad", {"name": names[cid], "id": cid, "paper": votes,
                                                           "store": store_votes[cid]})))
    for cid in store_votes if paper else ():
        if cid not in paper_votes:
            differ.append(Finding(False, Say("votes.not_on_paper", {"name": names[cid], "id": cid})))
    paper_order, store_order = [cid for cid, _ in paper], [c.get("id") for c in candidates]
    if not differ and paper_order != store_order:
        differ.append(Finding(False, Say("votes.order", {"paper": " ".join(paper_order),
                                                          "store": " ".join(map(str, store_order))})))
    found += differ or [Finding(True, Say("votes.ok", {"n": len(digest.votes)}))]
    return bool(bad or differ)


def _paper_votes(digest: Digest, candidates: list[dict]) -> tuple[list[tuple[str, int]], list[Finding]]:
    """The paper's votes by candidate id: the short form takes the ids from the store's list, in order."""
    if not digest.short:
        return list(digest.votes), []
    ids = [c.get("id") for c in candidates]
    if len(ids) != len(digest.votes):
        return [], [Finding(False, Say("votes.count", {"paper": len(digest.votes), "store": len(ids)}))]
    return [(cid, n) for cid, (_, n) in zip(ids, digest.votes, strict=True)], []


def _recount(found: list[Finding], digest: Digest, stored: dict, events: Sequence[Event], closed: Event) -> None:
    """Count the ballots kept in the store again, as the close did; say where they no longer give the frozen
    result (ballot events edited after the close was written)."""
    try:
        state = state_before(events, closed.seq)
        record = state.rounds[digest.election][digest.round - 1]
        again = results_data(state, record, record.agreed(), closed.data["collected"], state.figures().denominator)
        figures, frozen = result_figures(again), result_figures(stored)
        stored_votes = {c["id"]: c["votes"] for c in stored["candidates"]}
    except Exception as exc:  # a store edited by hand may break the fold anywhere
        found.append(Finding(False, Say("recount.failed", {"problem": str(exc) or type(exc).__name__})))
        return
    paper_votes = dict(_paper_votes(digest, stored["candidates"])[0])
    def differs(label: Say, recount, store, paper) -> None:
        # the ballots kept still give what the paper says: it is the frozen result that was rewritten
        key = "recount.result" if recount == paper else "recount.bad"
        found.append(Finding(False, Say(key, {"label": label, "recount": recount, "store": store, "paper": paper})))

    for key in FIGURES:
        if figures[key] != frozen.get(key):
            differs(Say(f"label.{key}"), figures[key], frozen.get(key), digest.figures[key])
    for c in again["candidates"]:
        if c["votes"] != stored_votes.get(c["id"]):
            differs(Say("label.votes", {"name": c["name"]}), c["votes"], stored_votes.get(c["id"], "—"),
                    paper_votes.get(c["id"], "—"))

"""Checking a digest (the paper counting minutes) against the store (rules/digest.py says what a digest holds).

Whether a scanned digest matches is decided against the file on disk, read without trusting it: the chain is
verified (log.verify), the round's close event is found by election and round, its seq and hash compared, then
every figure and every candidate's votes against the frozen result in the store, and, when the ballots kept in the
store no longer add up to that result, against a recount of them. When the chain verifies and the hash matches
but a figure differs, it is the paper (or the digest as typed) that differs from the store.

The check reads the events' raw data, not their typed payloads, on purpose: a store edited by hand may hold data of
any shape, and the check must say what it finds rather than fail on it. The reports, reading a store that verified,
use the payloads (digest_of).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from ..errors import DomainError, Say, StoreMissingError
from ..rules.digest import (FIGURES, HASH_CHARS, LABELS, LOG_PREFIX, CONGRESS_CHARS, Digest, digest_for, parse_digest,
                            parse_log_digest, result_figures)
from ..texts import say
from . import events as ev
from .events import GENESIS, Event
from .log import read_untrusted, verify
from .log_digest_check import LogCheck, check_log_digest
from .state import CongressState


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
        return say("digest.ok" if self.ok else "digest.bad", lang, title=self.title, round=self.digest.round)

    def lines(self, lang: str) -> list[str]:
        out = [self.verdict(lang)]
        for finding in self.findings:
            out.append(("  ✓ " if finding.ok else "  ✗ ") + finding.say.text(lang))
            out += [f"      – {d.text(lang) if isinstance(d, Say) else d}" for d in finding.details]
        return out

    def summary(self, lang: str) -> str:
        """One line for a screen: the verdict, and what differs."""
        return self.verdict(lang) if self.ok else f"{self.verdict(lang)} {'; '.join(self.differences(lang))}"

    def differences(self, lang: str) -> list[str]:
        """Only what differs, each with its details on the same line (for a message on a screen)."""
        return [" ".join([f.say.text(lang), *(d.text(lang) if isinstance(d, Say) else d for d in f.details)])
                for f in self.findings if not f.ok]


def close_event(events: Sequence[Event], election_id: str, round_no: int | None = None) -> Event | None:
    """The round.closed event of a round (the latest closed round of the election when round_no is None)."""
    for event in reversed(events):
        if event.type == ev.RoundClosed.TYPE and event.data.get("election") == election_id and \
                (round_no is None or event.data.get("round") == round_no):
            return event
    return None


def digest_of(created: Event, closed: Event) -> Digest:
    """The digest of the round a close event closed (created: the log's first event, for the congress id)."""
    done: ev.RoundClosed = closed.payload
    return digest_for(created.payload.congress_id, closed.seq, closed.hash, done.election, done.round, done.result)


def digest_text(events: Sequence[Event], election_id: str, round_no: int | None = None) -> str:
    """The digest of a closed round. DomainError when the round is not closed (or the election has no closed
    round)."""
    closed = close_event(events, election_id, round_no)
    if closed is None:
        if round_no is None:
            raise DomainError("digest.err.no_closed_round", election=election_id)
        raise DomainError("digest.err.round_not_closed", election=election_id, round=round_no)
    return digest_of(events[0], closed).text()


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


def check_digest(db_path: str, text: str) -> DigestCheck | LogCheck:
    """Compare a digest (scanned or typed from the paper: a round's, or the log's from the congress minutes) with the
    store at db_path. DomainError when the text is not a digest; StoreMissingError when there is no store."""
    if text.strip().upper().startswith(LOG_PREFIX):
        return check_log_digest(db_path, parse_log_digest(text))
    digest = parse_digest(text)
    if not os.path.isfile(db_path):
        raise StoreMissingError(f"{db_path}: no such store")
    report = verify(db_path)
    events = read_untrusted(db_path)
    check = DigestCheck(digest, digest.election)
    found = check.findings
    if not events or events[0].type != "congress.created":
        found.append(Finding(False, Say("digest.chain.unreadable"), report.problems))
        return check
    created = events[0]
    try:
        congress_name = CongressState(created).scenario.congress.title
    except Exception:  # a damaged first event: the chain findings below say so
        congress_name = "?"
    store_code = str(created.data.get("congress_id", ""))[:CONGRESS_CHARS]
    chain = (Finding(True, Say("digest.chain.ok", {"n": report.events})) if report.ok
             else Finding(False, Say("digest.chain.bad"), _chain_details(events, report.problems)))
    if store_code != digest.congress:
        found += [Finding(False, Say("digest.congress.bad", {"paper": digest.congress, "store": store_code,
                                                     "name": congress_name})), chain]
        return check
    found.append(Finding(True, Say("digest.congress.ok", {"name": congress_name, "code": store_code})))
    closed = close_event(events, digest.election, digest.round)
    if closed is None:
        found += [Finding(False, _missing_round(events, digest)), chain]
        return check
    stored = closed.data.get("result") or {}
    check.title = stored.get("title") or digest.election
    found.append(Finding(True, Say("digest.round.ok", {"time": local_time(closed.at, created), "seq": closed.seq})))
    printed = _close_at(events, digest)  # the paper's own close, when the store still holds it where it says
    if printed is not None and printed is not closed:  # ...and a second close of the same round after it
        found.append(Finding(False, Say("digest.round.reclosed", {"seq": closed.seq,
                                                           "time": local_time(closed.at, created)})))
        hash_ok = True  # _close_at compared it
        found.append(Finding(True, Say("digest.hash.ok", {"hash": digest.hash})))
    else:
        if closed.seq != digest.seq:
            found.append(Finding(False, Say("digest.seq.bad", {"paper": digest.seq, "store": closed.seq})))
        hash_ok = closed.hash[:HASH_CHARS] == digest.hash
        found.append(Finding(True, Say("digest.hash.ok", {"hash": digest.hash})) if hash_ok else
                     Finding(False, Say("digest.hash.bad", {"paper": digest.hash, "store": closed.hash[:HASH_CHARS]})))
    found.append(chain)
    figures_differ = _compare(found, digest, stored)
    _recount(found, digest, stored, events, closed)
    if figures_differ and hash_ok and closed.seq == digest.seq and report.ok:
        found.append(Finding(False, Say("digest.paper.altered")))
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
            named[event.seq] = Say("digest.event.altered", values)
        elif event.prev != previous:
            named[event.seq] = Say("digest.event.unchained", values)
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
        return Say("digest.round.open", values)
    try:
        known = digest.election in state_before(events, 2).scenario.elections
    except Exception:
        known = True
    return Say("digest.round.missing" if known else "digest.round.no_election", values)


def _compare(found: list[Finding], digest: Digest, stored: dict) -> bool:
    """Paper against the frozen result in the store; True when something differs."""
    try:
        figures = result_figures(stored)
        candidates = list(stored["candidates"])
    except (KeyError, TypeError):
        figures, candidates = {}, []
    bad = [Finding(False, Say("digest.figure.bad", {"label": Say(LABELS[key]), "paper": digest.figures[key],
                                             "store": figures.get(key, "—")}))
           for key in FIGURES if figures.get(key) != digest.figures[key]]
    found += bad or [Finding(True, Say("digest.figures.ok", dict(digest.figures)))]
    names = {c.get("id"): c.get("name", "") for c in candidates}
    store_votes = {c.get("id"): c.get("votes") for c in candidates}
    paper, differ = _paper_votes(digest, candidates)
    paper_votes = dict(paper)
    for cid, votes in paper:
        if cid not in store_votes:
            differ.append(Finding(False, Say("digest.votes.not_listed", {"id": cid})))
        elif store_votes[cid] != votes:
            differ.append(Finding(False, Say("digest.votes.bad", {"name": names[cid], "id": cid, "paper": votes,
                                                           "store": store_votes[cid]})))
    for cid in store_votes if paper else ():
        if cid not in paper_votes:
            differ.append(Finding(False, Say("digest.votes.not_on_paper", {"name": names[cid], "id": cid})))
    paper_order, store_order = [cid for cid, _ in paper], [c.get("id") for c in candidates]
    if not differ and paper_order != store_order:
        differ.append(Finding(False, Say("digest.votes.order", {"paper": " ".join(paper_order),
                                                          "store": " ".join(map(str, store_order))})))
    found += differ or [Finding(True, Say("digest.votes.ok", {"n": len(digest.votes)}))]
    return bool(bad or differ)


def _paper_votes(digest: Digest, candidates: list[dict]) -> tuple[list[tuple[str, int]], list[Finding]]:
    """The paper's votes by candidate id: the short form takes the ids from the store's list, in order."""
    if not digest.short:
        return list(digest.votes), []
    ids = [c.get("id") for c in candidates]
    if len(ids) != len(digest.votes):
        return [], [Finding(False, Say("digest.votes.count", {"paper": len(digest.votes), "store": len(ids)}))]
    return [(cid, n) for cid, (_, n) in zip(ids, digest.votes, strict=True)], []


def _recount(found: list[Finding], digest: Digest, stored: dict, events: Sequence[Event], closed: Event) -> None:
    """Count the ballots kept in the store again, as the close did; say where they no longer give the frozen
    result (ballot events edited after the close was written)."""
    try:
        state = state_before(events, closed.seq)
        record = state.rounds[digest.election][digest.round - 1]
        again = state.round_result(record, closed.data["collected"])
        figures, frozen = result_figures(again), result_figures(stored)
        stored_votes = {c["id"]: c["votes"] for c in stored["candidates"]}
    except Exception as exc:  # a store edited by hand may break the fold anywhere
        found.append(Finding(False, Say("digest.recount.failed", {"problem": str(exc) or type(exc).__name__})))
        return
    paper_votes = dict(_paper_votes(digest, stored["candidates"])[0])
    def differs(label: Say, recount, store, paper) -> None:
        # the ballots kept still give what the paper says: it is the frozen result that was rewritten
        key = "digest.recount.result" if recount == paper else "digest.recount.bad"
        found.append(Finding(False, Say(key, {"label": label, "recount": recount, "store": store, "paper": paper})))

    for key in FIGURES:
        if figures[key] != frozen.get(key):
            differs(Say(LABELS[key]), figures[key], frozen.get(key), digest.figures[key])
    for c in again["candidates"]:
        if c["votes"] != stored_votes.get(c["id"]):
            differs(Say("digest.label.votes", {"name": c["name"]}), c["votes"], stored_votes.get(c["id"], "—"),
                    paper_votes.get(c["id"], "—"))

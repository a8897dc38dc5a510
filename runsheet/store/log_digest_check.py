"""Checking the log's digest (printed on the congress minutes) or a head's short code against the store: the event
the paper names must still be in the store, at its seq, with the hash the paper gives (which chains everything
before it). A store cut back to before it, or whose history up to it was rewritten and rechained, fails here even
when its own chain verifies."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from ..errors import Say, StoreMissingError
from ..rules.digest import CONGRESS_CHARS, LogDigest
from ..texts import say
from .log import read_untrusted, verify


@dataclass
class LogFinding:
    ok: bool
    say: Say


@dataclass
class LogCheck:
    """What matched and what differs between the paper (a log digest, or a short code noted with its event) and
    the store; the same face as digest_check.DigestCheck (verdict, lines, summary)."""

    digest: LogDigest
    findings: list[LogFinding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(f.ok for f in self.findings)

    def verdict(self, lang: str) -> str:
        return say("digest.log.ok" if self.ok else "digest.log.bad", lang, seq=self.digest.seq)

    def lines(self, lang: str) -> list[str]:
        return [self.verdict(lang)] + [("  ✓ " if f.ok else "  ✗ ") + f.say.text(lang) for f in self.findings]

    def summary(self, lang: str) -> str:
        bad = [f.say.text(lang) for f in self.findings if not f.ok]
        return " ".join([self.verdict(lang), *bad])

    def differences(self, lang: str) -> list[str]:
        return [f.say.text(lang) for f in self.findings if not f.ok]


def check_log_digest(db_path: str, digest: LogDigest) -> LogCheck:
    """digest.congress empty: a short code noted from a screen (the congress is the store's)."""
    if not os.path.isfile(db_path):
        raise StoreMissingError(f"{db_path}: no such store")
    report = verify(db_path)
    events = read_untrusted(db_path)
    check = LogCheck(digest)
    found = check.findings
    if not events or events[0].type != "congress.created":
        found.append(LogFinding(False, Say("digest.chain.unreadable")))
        return check
    store_code = str(events[0].data.get("congress_id", ""))[:CONGRESS_CHARS]
    if digest.congress and digest.congress != store_code:
        found.append(LogFinding(False, Say("digest.log.congress", {"paper": digest.congress, "store": store_code})))
        return check
    if digest.seq > len(events):
        found.append(LogFinding(False, Say("digest.log.missing", {"seq": digest.seq, "n": len(events)})))
    else:
        event = events[digest.seq - 1]
        if event.hash.startswith(digest.hash):
            found.append(LogFinding(True, Say("digest.log.same", {"seq": digest.seq, "hash": digest.hash,
                                                                  "later": len(events) - digest.seq})))
        else:
            found.append(LogFinding(False, Say("digest.log.differs", {"seq": digest.seq, "paper": digest.hash,
                                                                      "store": event.hash[:len(digest.hash)]})))
    found.append(LogFinding(True, Say("digest.chain.ok", {"n": report.events})) if report.ok
                 else LogFinding(False, Say("digest.log.chain_bad", {"problem": report.problems[0]})))
    return check

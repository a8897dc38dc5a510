"""The counting minutes of a closed election round (biên bản kiểm phiếu) and its ballot entry log (nhật ký nhập
phiếu), written from the event log as .docx and .md (docs/rules.md, "The counting minutes").

The minutes carry the unit, the congress and its term; the regulations cited; the seats; the list in ballot order;
the counting committee; the official members summoned, present and absent; the ballots issued, collected, valid and
invalid (with the reasons); the votes and percent of D of every name in ballot order; the elected ranked by votes;
a tie or unfilled seats; the time of the close; the committee's signatures; and the round's digest (rules/digest.py)
as a QR code with its text printed under it in an annex after the signatures, so that the paper can be checked
against the store later.

The entry log lists every event of the round as the clerks' terminals wrote it: each ballot with its pass,
terminal, local time and reading, the ballots taken back, the corrections (a new reading of a ballot already entered;
the old one is named), the ballots the head of the committee settled, the count from the box and the close. It is
written as .md, and as .docx too up to LOG_DOCX_ROWS rows; with --pdf its PDF is written directly (document_pdf.py,
seconds where LibreOffice took minutes for the national log), not converted from the .docx as the minutes are.
"""

from __future__ import annotations

import os

from ..errors import DomainError
from ..texts import say
from ..rules.attendance import attendance_split, eligible
from ..rules.election import APPROVE, REASON_TEXT, STRIKE, Reading, judge
from ..texts.formats import clock_text, local_number, local_percent, long_date, ordinal
from ..store.events import Event
from ..store import events as ev
from ..store.digest_check import close_event, digest_of, state_before
from ..store.state import CongressState
from .check_code import check_code_line
from .document import (QR, Document, Heading, Para, Signatures, Table, Title, header_for,
                       to_docx, to_md, write_files)
from .document_pdf import to_pdf

BLANK = "………………………………"
# the national entry log (1,600 ballots, two passes, ~3,300 rows) takes about 0.3 s as .docx (document._add_rows);
# beyond this many rows the log is written as Markdown only
LOG_DOCX_ROWS = 20_000
FORM_TEXT = {STRIKE: "counting_minutes.form.strike", APPROVE: "counting_minutes.form.approve"}
LOG_COLUMNS = ("counting_minutes.log.col.seq", "counting_minutes.log.col.time", "counting_minutes.log.col.terminal",
               "counting_minutes.log.col.pass", "counting_minutes.log.col.ballot", "counting_minutes.log.col.reading",
               "counting_minutes.log.col.note")


def _say(key: str, lang: str, /, **values: object) -> str:
    # whole numbers grouped as the language writes them: 1.600 đồng chí
    return say(key, lang, **{k: local_number(v, lang) if type(v) is int else v for k, v in values.items()})


class CountingMinutesError(DomainError):
    """Nothing to write counting minutes of: one line, exit status 2 on the command line, nothing written."""


def reason_text(reason: str | None, lang: str) -> str:
    if reason is None:
        return ""
    key = REASON_TEXT.get(reason)
    return say(key, lang) if key else reason  # else the committee's own words


def reading_text(reading: Reading, form: str, lang: str) -> str:
    """A reading in words, the way the counting screen shows it."""
    def numbers(values) -> str:
        return " ".join(map(str, sorted(values)))

    parts = []
    if reading.struck:
        parts.append(say("count.disagree" if form == APPROVE else "count.struck", lang,
                         numbers=numbers(reading.struck)))
    if reading.unclear:
        parts.append(say("count.unclear", lang, numbers=numbers(reading.unclear)))
    if not parts:
        parts.append(say("count.all_agree" if form == APPROVE else "count.nothing_struck", lang))
    if reading.invalid and reason_text(reading.invalid, lang):
        parts.append(reason_text(reading.invalid, lang))
    return "; ".join(parts)


# ---- choosing the round --------------------------------------------------------------------------------------------
def _round_events(events: list[Event], state: CongressState, election_id: str,
                  round_no: int | None) -> tuple[list[Event], Event, Event]:
    """(all events, the round's round.opened, its round.closed); refuses when there is nothing closed to report."""
    if election_id not in state.scenario.elections:
        raise CountingMinutesError("counting_minutes.err.no_election", id=election_id)
    rounds = state.rounds.get(election_id, [])
    if not rounds:
        raise CountingMinutesError("counting_minutes.err.no_round", id=election_id)
    if round_no is None:
        closed = [r for r in rounds if r.closed is not None]
        round_no = closed[-1].number if closed else rounds[-1].number
    if not 1 <= round_no <= len(rounds):
        raise CountingMinutesError("counting_minutes.err.no_such_round", id=election_id, n=round_no)
    if rounds[round_no - 1].closed is None:
        raise CountingMinutesError("counting_minutes.err.not_closed", id=election_id, n=round_no)
    closed_event = close_event(events, election_id, round_no)
    opened_event = next(e for e in reversed(events[:closed_event.seq])
                        if isinstance(e.payload, ev.RoundOpened) and e.payload.election == election_id
                        and e.payload.round == round_no)
    return events, opened_event, closed_event


# ---- the counting minutes ------------------------------------------------------------------------------------------
def counting_committee(state, events: list[Event], closed: Event) -> tuple[str | None, list[tuple[str, str]]]:
    """(the head's name, [(name, title)] of everyone, head first); the head is the one titled so, else the first.
    The committee that counted this round: as recorded when the count closed (a committee chosen later, for a later
    election or another day, did not count it), else as recorded now (recorded late: better than blank lines)."""
    people = next((list(e.payload.people) for e in reversed(events[:closed.seq])
                   if isinstance(e.payload, ev.OfficersSet) and e.payload.body == "counting"), None) \
        or state.officers.get("counting", [])
    if not people:
        return None, []
    def heads(title: str) -> bool:
        title = title.lower()
        return any(w in title for w in ("trưởng", "head", "chair")) and not title.startswith(("phó", "deputy", "vice"))

    index = next((i for i, p in enumerate(people) if heads(p.get("title") or "")), 0)
    ordered = [people[index], *people[:index], *people[index + 1:]]
    return ordered[0]["name"], [(p["name"], p.get("title") or "") for p in ordered]


def committee_section(doc: Document, state: CongressState, events: list[Event], closed: Event,
                      lang: str) -> tuple[str, list]:
    """The counting committee's heading and members (blank lines to fill in by hand when none was recorded); its
    head and members, for the signatures."""
    doc.add(Heading(_say("counting_minutes.h.committee", lang)))
    head, people = counting_committee(state, events, closed)
    if people:
        doc.add(Para(_say("counting_minutes.committee", lang)))
        for number, (name, role) in enumerate(people, start=1):
            role = role or _say("counting_minutes.head" if number == 1 else "counting_minutes.member", lang)
            doc.add(Para(f"{number}. {name} – {role}"))
    else:
        doc.add(Para(_say("counting_minutes.committee.blank", lang)))
        for number in range(1, 4):
            role = _say("counting_minutes.head" if number == 1 else "counting_minutes.member", lang)
            doc.add(Para(f"{number}. {BLANK} – {role}"))
    return head, people


def build_counting_minutes(events: list[Event], state: CongressState, election_id: str, lang: str,
                           round_no: int | None = None) -> Document:
    return _minutes(state, *_round_events(events, state, election_id, round_no), lang)


def _minutes(state: CongressState, events: list[Event], opened: Event, closed: Event, lang: str) -> Document:
    zone = state.zone
    result = closed.payload.result
    at_issue = state_before(events, opened.seq + 1)  # attendance when the ballots were issued
    congress = state.scenario.congress
    party = congress.language == "vi"  # a Party congress (in either language); not a generic assembly's English one
    who = _say("counting_minutes.who.delegates" if congress.kind == "delegates" else "counting_minutes.who.members",
               lang)
    day = closed.at.astimezone(zone).date()
    title = result["title"]
    ballots = result["ballots"]
    d = result["denominator"]
    approve = result["form"] == APPROVE
    names = {c["id"]: c["name"] for c in result["candidates"]}
    round_words = ordinal(result["round"], lang)

    doc = Document()
    doc.add(header_for(congress, day, lang),
            Title(_say("counting_minutes.title", lang),
                  _say("counting_minutes.subtitle", lang, title=title, round=round_words)))
    heading = congress.title
    if congress.term and congress.term not in heading:
        heading += _say("counting_minutes.term", lang, term=congress.term)
    doc.add(Para(heading, bold=True, center=True))
    if party:
        for key in ("counting_minutes.basis", "counting_minutes.basis.190", "counting_minutes.basis.04"):
            doc.add(Para(_say(key, lang), italic=True))
    what = title[:1].lower() + title[1:] if lang == "vi" else title
    place = _say("counting_minutes.at_place", lang, place=congress.place) if congress.place else ""
    doc.add(Para(_say("counting_minutes.intro", lang, date=long_date(day, lang), place=place, congress=congress.title,
                      what=what, round=round_words)))
    opened_text = clock_text(opened.at, zone, lang)
    if opened.at.astimezone(zone).date() != day:  # the vote before midnight, the count after it
        opened_text = _say("counting_minutes.on_day", lang, time=opened_text,
                           date=long_date(opened.at.astimezone(zone).date(), lang))
    doc.add(Para(_say("counting_minutes.times", lang, opened=opened_text, closed=clock_text(closed.at, zone, lang))))

    head, people = committee_section(doc, state, events, closed, lang)

    doc.add(Heading(_say("counting_minutes.h.list", lang)))
    doc.add(Para(_say("counting_minutes.seats", lang, seats=result["seats"], n=len(result["candidates"]),
                      form=_say(FORM_TEXT[result["form"]], lang))))
    doc.add(Table([_say("counting_minutes.col.no", lang), _say("counting_minutes.col.name", lang)],
                  [[str(c["no"]), c["name"]] for c in result["candidates"]], "cl"))

    doc.add(Heading(_say("counting_minutes.h.attendance", lang, WHO=who.upper())))
    record = state.rounds[result["election"]][result["round"] - 1]
    _attendance(doc, congress, at_issue, record, d, result["needed"], who, lang)

    doc.add(Heading(_say("counting_minutes.h.ballots", lang)))
    doc.add(Para(_say("counting_minutes.issued", lang, n=ballots["issued"])),
            Para(_say("counting_minutes.collected", lang, n=ballots["collected"])),
            Para(_say("counting_minutes.valid", lang, n=ballots["valid"])))
    reasons = sorted(ballots.get("invalid_reasons", {}).items())
    listed = "; ".join(f"{reason_text(r, lang)}: {n}" for r, n in reasons)
    doc.add(Para(_say("counting_minutes.invalid", lang, n=ballots["invalid"],
                      reasons=_say("counting_minutes.reasons", lang, list=listed) if reasons else "")))
    doc.add(Para(_say("counting_minutes.votes_intro", lang)))
    tied = set(result["tied"])
    marks = {c["id"]: _say("counting_minutes.mark.elected", lang) if c["elected"]
             else _say("counting_minutes.mark.tied", lang) if c["id"] in tied else "" for c in result["candidates"]}
    doc.add(_votes_table(result["candidates"], approve, d, who, lang, marks))

    doc.add(Heading(_say("counting_minutes.h.result", lang)))
    by_id = {c["id"]: c for c in result["candidates"]}
    if result["elected"]:
        doc.add(Para(_say("counting_minutes.elected_intro" if party else "counting_minutes.elected_intro.plain", lang)))
        ranked = [dict(by_id[cid], no=rank) for rank, cid in enumerate(result["elected"], start=1)]
        doc.add(_votes_table(ranked, approve, d, who, lang))
    else:
        doc.add(Para(_say("counting_minutes.none_elected", lang), bold=True))
    if result["tied"]:
        doc.add(Para(_say("counting_minutes.tied", lang, names=", ".join(names[i] for i in result["tied"]),
                          votes=by_id[result["tied"][0]]["votes"])))
    doc.add(Para(_say("counting_minutes.unfilled", lang, n=result["unfilled"]) if result["unfilled"]
                 else _say("counting_minutes.filled", lang)))
    doc.add(Para(_say("counting_minutes.closing", lang, time=clock_text(closed.at, zone, lang))))

    members = [name for name, _ in people[1:]]
    doc.add(Signatures([(_say("counting_minutes.sign.members", lang), members),
                        (_say("counting_minutes.sign.head", lang), [head] if head else [])]))
    # the digest is runsheet's, not the regulations': an annex after the signatures, not part of the minutes' text
    doc.add(Heading(_say("counting_minutes.h.annex", lang)))
    doc.add(QR(digest_of(events[0], closed).text(), say("digest.caption", lang)), check_code_line(state, lang))
    return doc


def _votes_table(candidates: list[dict], approve: bool, d: int, who: str, lang: str,
                 marks: dict[str, str] | None = None) -> Table:
    """Votes by name: the agreeing and disagreeing votes on an approve form (a name neither struck nor kept on a
    ballot that is valid is in neither column), the votes on a strike-out form; the percent of D."""
    head = [_say("counting_minutes.col.no", lang), _say("counting_minutes.col.name", lang)]
    if approve:
        head += [_say("counting_minutes.col.votes.approve", lang), _say("counting_minutes.col.votes.against", lang)]
    else:
        head.append(_say("counting_minutes.col.votes", lang))
    head.append(_say("counting_minutes.col.percent", lang, who=who, d=d))
    rows = []
    for c in candidates:
        row = [str(c["no"]), c["name"], local_number(c["votes"], lang)]
        if approve:
            row.append(local_number(c.get("against", 0), lang))
        row.append(local_percent(c["percent"], lang))
        rows.append(row)
    align = "clrrr" if approve else "clrr"
    if marks is not None:
        head.append(_say("counting_minutes.col.result", lang))
        for row, c in zip(rows, candidates):
            row.append(marks[c["id"]])
        align += "c"
    return Table(head, rows, align)


def _attendance(doc: Document, congress, at_issue, record, d: int, needed: int, who: str, lang: str) -> None:
    """The attendance at the vote, as when the ballots were issued (the round's D was fixed then), and the members
    counted in since, each handed a ballot when they came. The figures add up: the members summoned, less those D does
    not count, plus those counted in later, are D; and D is those present, those who came and left, and those absent
    without a reason the convening committee accepted."""
    state = at_issue
    attendance = state.attendance
    if congress.kind == "delegates":
        figures = state.figures()
        summoned = [m for m in state.roster if eligible(m)]
        absent = [m for m in summoned if m.id not in attendance.here]
        arrived = attendance.arrived
        standing = sum(1 for a in attendance.replaced.values() if a in attendance.here)
        doc.add(Para(_say("counting_minutes.summoned.delegates", lang, n=len(summoned))))
        doc.add(Para(_say("counting_minutes.present.delegates", lang, n=figures.present_official,
                          standing=_say("counting_minutes.standing", lang, n=standing) if standing else "")))
        doc.add(Para(_say("counting_minutes.absent.delegates", lang, n=len(absent),
                          left=sum(1 for m in absent if m.id in arrived),
                          replaced=sum(1 for m in absent if m.id not in arrived and m.id in attendance.replaced),
                          away=sum(1 for m in absent if m.id not in arrived and m.id not in attendance.replaced
                                 and m.id in attendance.away),
                          awaited=sum(1 for m in absent if m.id not in arrived and m.id not in attendance.replaced
                                    and m.id not in attendance.away))))
        if record.added:
            names = ", ".join(state.roster.get(m).name for m in record.added)
            doc.add(Para(_say("counting_minutes.added", lang, who=who, names=names)))
        doc.add(Para(_say("counting_minutes.d", lang, who=who, d=d, needed=needed), bold=True))
        return
    split = attendance_split(state.roster, attendance)
    doc.add(Para(_say("counting_minutes.official", lang, who=who, unit=congress.unit or congress.title,
                      total=split.official)))
    if split.suspended:
        doc.add(Para(_say("counting_minutes.suspended", lang, who=who, n=split.suspended)))
    doc.add(Para(_say("counting_minutes.summoned", lang, who=who, n=split.summoned)))
    if split.not_counted:
        doc.add(Para(_say("counting_minutes.not_counted", lang, n=split.not_counted, excused=split.excused,
                          exempt=split.exempt, transferred=split.transferred)))
    if record.added:
        names = ", ".join(state.roster.get(m).name for m in record.added)
        doc.add(Para(_say("counting_minutes.added", lang, who=who, names=names)))
    doc.add(Para(_say("counting_minutes.d", lang, who=who, d=d, needed=needed), bold=True))
    doc.add(Para(_say("counting_minutes.d_parts", lang, present=split.present + len(record.added), left=split.left,
                      unexcused=split.unexcused)))


# ---- the ballot entry log ------------------------------------------------------------------------------------------
def build_entry_log(events: list[Event], state: CongressState, election_id: str, lang: str,
                    round_no: int | None = None) -> Document:
    return _entry_log(state, *_round_events(events, state, election_id, round_no), lang)


def _entry_log(state: CongressState, events: list[Event], opened: Event, closed: Event, lang: str) -> Document:
    start: ev.RoundOpened = opened.payload
    election_id = start.election
    zone = state.zone
    result = closed.payload.result
    number = result["round"]
    candidates, seats, passes = start.candidates, start.seats, start.passes
    form = result["form"]
    day = closed.at.astimezone(zone).date()

    doc = Document()
    doc.add(header_for(state.scenario.congress, day, lang),
            Title(_say("counting_minutes.log.title", lang),
                  _say("counting_minutes.subtitle", lang, title=result["title"], round=ordinal(number, lang))),
            Para(state.scenario.congress.title, bold=True, center=True))
    doc.add(Para(_say("counting_minutes.log.list", lang)))
    doc.add(Table([_say("counting_minutes.col.no", lang), _say("counting_minutes.col.name", lang)],
                  [[str(c["no"]), c["name"]] for c in result["candidates"]], "cl"))
    doc.add(Para(_say("counting_minutes.log.passes", lang, passes=passes) if passes > 1
                 else _say("counting_minutes.log.one_pass", lang)))

    def mine(event: Event) -> bool:
        p = event.payload
        return getattr(p, "election", None) == election_id and getattr(p, "round", None) == number

    def hms(event: Event) -> str:
        return event.at.astimezone(zone).strftime("%H:%M:%S")

    def verdict(reading: Reading) -> str:
        judged = judge(reading, len(candidates), seats)
        if judged.valid:
            return _say("counting_minutes.log.valid", lang)
        return _say("counting_minutes.log.invalid", lang, reason=reason_text(judged.reason, lang))

    current: dict[tuple[int, int], Reading] = {}  # (pass, ballot) -> the reading standing now
    withdrawn: set[tuple[int, int]] = set()
    terminals: dict[int, list[str]] = {}
    scanned: set[int] = set()  # the passes the scanner read (ballots scan)
    corrections = withdrawals = resolved = 0
    rows = []
    window = [e for e in events[opened.seq - 1:] if mine(e)]
    for event in window:
        p = event.payload
        row = [str(event.seq), hms(event), event.terminal, "", "", "", ""]
        if isinstance(p, ev.RoundOpened):
            row[5] = _say("counting_minutes.log.opened", lang, issued=p.issued, d=p.denominator)
        elif isinstance(p, ev.BallotEntered):
            key = (p.pass_no, p.ballot)
            reading = Reading(frozenset(p.struck), frozenset(p.unclear), p.invalid)
            notes = [verdict(reading)]
            if key in current:
                corrections += 1
                notes.append(_say("counting_minutes.log.correction", lang, old=reading_text(current[key], form, lang)))
            elif key in withdrawn:
                notes.append(_say("counting_minutes.log.reentered", lang))
            current[key] = reading
            withdrawn.discard(key)
            if event.terminal not in terminals.setdefault(p.pass_no, []):
                terminals[p.pass_no].append(event.terminal)
            if p.scanner:
                notes.append(_say("counting_minutes.log.by_scanner", lang))
                scanned.add(p.pass_no)
            row[3:] = [str(p.pass_no), str(p.ballot), reading_text(reading, form, lang), "; ".join(notes)]
        elif isinstance(p, ev.BallotWithdrawn):
            key = (p.pass_no, p.ballot)
            old = current.pop(key, None)
            withdrawn.add(key)
            withdrawals += 1
            row[3:] = [str(p.pass_no), str(p.ballot), _say("counting_minutes.log.withdrawn", lang),
                       _say("counting_minutes.log.withdrawn_note", lang,
                            old=reading_text(old, form, lang) if old else "—")]
        elif isinstance(p, ev.BallotResolved):
            reading = Reading(frozenset(p.struck), frozenset(p.unclear), p.invalid)
            resolved += 1
            seen = "; ".join(f"{n}: {reading_text(current[(n, p.ballot)], form, lang)}"
                             for n in range(1, passes + 1) if (n, p.ballot) in current)
            row[3:] = [_say("counting_minutes.log.head", lang), str(p.ballot), reading_text(reading, form, lang),
                       f"{verdict(reading)}; {_say('counting_minutes.log.resolved', lang, readings=seen)}"]
        elif isinstance(p, ev.BallotQueued):
            why = _say("counting_minutes.log.queued_outside", lang) if p.outside or not p.rows else \
                _say("counting_minutes.log.queued", lang, rows=", ".join(map(str, p.rows)))
            row[3:] = [str(p.pass_no), str(p.ballot), "—", why]
        elif isinstance(p, ev.RoundCollected):
            row[5] = _say("counting_minutes.log.collected", lang, n=p.collected)
        elif isinstance(p, ev.RoundClosed):
            b = p.result["ballots"]
            row[5] = _say("counting_minutes.log.closed", lang, collected=b["collected"], valid=b["valid"],
                          invalid=b["invalid"])
        elif isinstance(p, ev.RoundPublished):
            row[5] = _say("counting_minutes.log.published", lang)
        else:
            continue
        rows.append(row)
    doc.add(Table([_say(key, lang) for key in LOG_COLUMNS], rows, "rclcrll"))
    for pass_no in range(1, passes + 1):
        standing = sum(1 for (p, _) in current if p == pass_no)
        doc.add(Para(_say("counting_minutes.log.summary", lang, pass_no=pass_no, n=standing,
                          terminals=", ".join(terminals.get(pass_no, [])) or "—")))
        if pass_no in scanned:
            doc.add(Para(_say("counting_minutes.log.scanner", lang, pass_no=pass_no)))
    doc.add(Para(_say("counting_minutes.log.counts", lang, corrections=corrections, withdrawals=withdrawals,
                      resolved=resolved, counted=result["ballots"]["collected"])))
    head, _ = counting_committee(state, events, closed)
    doc.add(Signatures([(_say("counting_minutes.sign.head", lang), [head] if head else [])]))
    doc.add(Heading(_say("counting_minutes.h.annex", lang)),
            Para(_say("counting_minutes.log.digest", lang, digest=digest_of(events[0], closed).text())),
            check_code_line(state, lang))
    return doc


def write_counting_minutes(events: list[Event], state: CongressState, election_id: str, out_dir: str, lang: str,
                           round_no: int | None = None, log_pdf: bool = False) -> list[str]:
    """Write the counting minutes (.docx, .md) and the ballot entry log (.docx, .md; with log_pdf its PDF too,
    written directly: document_pdf.py) of a closed round into out_dir (made if missing); refuses, writing nothing,
    when the election is unknown or the round is not closed."""
    events, opened, closed = _round_events(events, state, election_id, round_no)
    minutes = _minutes(state, events, opened, closed, lang)
    entry_log = _entry_log(state, events, opened, closed, lang)
    number = closed.payload.round
    files: list[tuple[str, bytes]] = []
    stale: list[str] = []
    for key, doc in (("counting_minutes.file.minutes", minutes), ("counting_minutes.file.log", entry_log)):
        stem = os.path.join(out_dir, _say(key, lang, election=election_id, round=number))
        if doc is minutes or _rows(doc) <= LOG_DOCX_ROWS:
            files.append((stem + ".docx", to_docx(doc)))
        else:  # an earlier, shorter log of this round must not pass for this one
            stale.append(stem + ".docx")
        files.append((stem + ".md", to_md(doc).encode("utf-8")))
        if log_pdf and doc is entry_log:
            files.append((stem + ".pdf", to_pdf(entry_log)))
    try:
        os.makedirs(out_dir, exist_ok=True)
        write_files(files)  # all four documents or none
        for path in stale:
            if os.path.exists(path):
                os.unlink(path)
    except OSError as exc:  # --out names a file, a folder we may not write, a full disk...
        raise CountingMinutesError("counting_minutes.err.write", path=out_dir, problem=exc.strerror or exc) from None
    paths = [path for path, _ in files]
    return paths


def _rows(doc: Document) -> int:
    return sum(len(block.rows) for block in doc.blocks if isinstance(block, Table))

"""The counting minutes of a nomination poll (biên bản kiểm phiếu lấy ý kiến giới thiệu): the congress was asked, by
secret ballot, whether names put forward from the floor join an election's list (docs/rules.md, "Floor nominees").

The minutes carry the unit and the congress; the regulations cited; the counting committee; the names put forward;
the official members present when the ballots were issued and the votes needed (more than 30% of them); the ballots
issued, collected, valid and invalid; each name's agreeing and disagreeing votes and percent; who joins the list;
the time of the close and the committee's signatures. Written from the event log as .docx and .md.
"""

from __future__ import annotations

import os

from ..store import events as ev
from ..store.events import Event
from ..store.state import CongressState
from ..texts.formats import clock_text, local_number, local_percent, long_date
from ..texts import say
from .counting import CountingMinutesError, committee_section, reason_text
from .check_code import check_code_line
from .document import Document, Heading, Para, Signatures, Table, Title, header_for, to_docx, to_md, write_files


def _say(key: str, lang: str, /, **values: object) -> str:
    return say(key, lang, **{k: local_number(v, lang) if type(v) is int else v for k, v in values.items()})


def _poll_events(events: list[Event], state: CongressState, election_id: str,
                 poll_no: int | None) -> tuple[Event, Event]:
    """(the poll's nomination.opened, its nomination.closed); refuses when there is no closed poll to report."""
    if election_id not in state.scenario.elections:
        raise CountingMinutesError("counting_minutes.err.no_election", id=election_id)
    polls = state.polls.get(election_id, [])
    if not polls:
        raise CountingMinutesError("poll_minutes.err.no_poll", id=election_id)
    if poll_no is None:
        closed = [p for p in polls if p.closed is not None]
        poll_no = closed[-1].number if closed else polls[-1].number
    if not 1 <= poll_no <= len(polls):
        raise CountingMinutesError("poll_minutes.err.no_such_poll", id=election_id, n=poll_no)
    if polls[poll_no - 1].closed is None:
        raise CountingMinutesError("poll_minutes.err.not_closed", id=election_id, n=poll_no)

    def mine(event: Event, kind: type) -> bool:
        return isinstance(event.payload, kind) and event.payload.election == election_id \
            and event.payload.poll == poll_no

    closed_event = next(e for e in reversed(events) if mine(e, ev.NominationClosed))
    opened_event = next(e for e in reversed(events[:closed_event.seq]) if mine(e, ev.NominationOpened))
    return opened_event, closed_event


def build_poll_minutes(events: list[Event], state: CongressState, election_id: str, lang: str,
                       poll_no: int | None = None) -> Document:
    opened, closed = _poll_events(events, state, election_id, poll_no)
    zone = state.zone
    result = closed.payload.result
    congress = state.scenario.congress
    day = closed.at.astimezone(zone).date()
    title = result["title"]
    what = title[:1].lower() + title[1:] if lang == "vi" else title
    ballots = result["ballots"]
    present = result["present"]
    nominees = result["nominees"]

    doc = Document()
    doc.add(header_for(congress, day, lang),
            Title(_say("poll_minutes.title", lang), _say("poll_minutes.subtitle", lang, what=what)))
    heading = congress.title
    if congress.term and congress.term not in heading:
        heading += _say("counting_minutes.term", lang, term=congress.term)
    doc.add(Para(heading, bold=True, center=True))
    if congress.language == "vi":
        for key in ("counting_minutes.basis", "counting_minutes.basis.190", "counting_minutes.basis.04"):
            doc.add(Para(_say(key, lang), italic=True))
    place = _say("counting_minutes.at_place", lang, place=congress.place) if congress.place else ""
    doc.add(Para(_say("poll_minutes.intro", lang, date=long_date(day, lang), place=place, congress=congress.title,
                      what=what)))
    doc.add(Para(_say("poll_minutes.times", lang, opened=clock_text(opened.at, zone, lang),
                      closed=clock_text(closed.at, zone, lang))))

    head, people = committee_section(doc, state, events, closed, lang)

    doc.add(Heading(_say("poll_minutes.h.nominees", lang)))
    doc.add(Para(_say("poll_minutes.nominees", lang, n=len(nominees))))
    doc.add(Table([_say("counting_minutes.col.no", lang), _say("counting_minutes.col.name", lang)],
                  [[str(n["no"]), n["name"]] for n in nominees], "cl"))

    doc.add(Heading(_say("poll_minutes.h.present", lang)))
    doc.add(Para(_say("poll_minutes.present", lang, n=present)))
    doc.add(Para(_say("poll_minutes.needed", lang, needed=result["needed"]), bold=True))

    doc.add(Heading(_say("counting_minutes.h.ballots", lang)))
    doc.add(Para(_say("counting_minutes.issued", lang, n=ballots["issued"])),
            Para(_say("counting_minutes.collected", lang, n=ballots["collected"])),
            Para(_say("counting_minutes.valid", lang, n=ballots["valid"])))
    reasons = sorted(ballots.get("invalid_reasons", {}).items())
    listed = "; ".join(f"{reason_text(r, lang)}: {n}" for r, n in reasons)
    doc.add(Para(_say("counting_minutes.invalid", lang, n=ballots["invalid"],
                      reasons=_say("counting_minutes.reasons", lang, list=listed) if reasons else "")))
    doc.add(Table([_say("counting_minutes.col.no", lang), _say("counting_minutes.col.name", lang),
                   _say("counting_minutes.col.votes.approve", lang), _say("counting_minutes.col.votes.against", lang),
                   _say("poll_minutes.col.percent", lang, n=present), _say("counting_minutes.col.result", lang)],
                  [[str(n["no"]), n["name"], local_number(n["agree"], lang), local_number(n.get("against", 0), lang),
                    local_percent(n["percent"], lang),
                    _say("poll_minutes.mark.joins" if n["joins"] else "poll_minutes.mark.not", lang)]
                   for n in nominees], "clrrrc"))

    doc.add(Heading(_say("poll_minutes.h.result", lang)))
    joined = [n["name"] for n in nominees if n["joins"]]
    doc.add(Para(_say("poll_minutes.joined" if len(joined) > 1 else "poll_minutes.joined_one", lang,
                      names=", ".join(joined), what=what) if joined
                 else _say("poll_minutes.none_joined", lang, what=what), bold=True))
    doc.add(Para(_say("poll_minutes.closing", lang, time=clock_text(closed.at, zone, lang))))
    members = [name for name, _ in people[1:]]
    doc.add(Signatures([(_say("counting_minutes.sign.members", lang), members),
                        (_say("counting_minutes.sign.head", lang), [head] if head else [])]),
            check_code_line(state, lang))
    return doc


def write_poll_minutes(events: list[Event], state: CongressState, election_id: str, out_dir: str, lang: str,
                       poll_no: int | None = None) -> list[str]:
    """Write the counting minutes of an election's nomination poll (.docx, .md) into out_dir (made if missing);
    refuses, writing nothing, when the election is unknown or has no closed poll."""
    doc = build_poll_minutes(events, state, election_id, lang, poll_no)
    number = poll_no or max(p.number for p in state.polls[election_id] if p.closed is not None)
    stem = os.path.join(out_dir, _say("poll_minutes.file", lang, election=election_id, poll=number))
    files = [(stem + ".docx", to_docx(doc)), (stem + ".md", to_md(doc).encode("utf-8"))]
    try:
        os.makedirs(out_dir, exist_ok=True)
        write_files(files)
    except OSError as exc:  # --out names a file, a folder we may not write, a full disk...
        raise CountingMinutesError("counting_minutes.err.write", path=out_dir, problem=exc.strerror or exc) from None
    return [path for path, _ in files]

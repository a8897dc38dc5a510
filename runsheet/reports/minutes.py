"""The minutes of the congress (biên bản đại hội), written from the event log as .docx and .md."""

from __future__ import annotations

import os
from datetime import datetime

from ..errors import DomainError
from ..rules.attendance import Presence, presence
from ..rules.roster import Member
from ..rules.collation import name_key
from ..texts import say
from ..rules.election import APPROVE
from ..texts.formats import clock_text, hhmm, local_number, local_percent, long_date, ordinal
from ..rules.schedule import Status
from ..store.state import CongressState
from .check_code import check_code_line, log_digest_qr
from .document import (Document, Heading, Para, Signatures, Table, Title, header_for, to_docx,
                       to_md, write_files)

BODIES = {"presidium": "minutes.body.presidium", "secretariat": "minutes.body.secretariat",
          "counting": "minutes.body.counting"}
APPROVE_COLUMNS = ("minutes.col.no", "minutes.col.candidate", "minutes.col.agree", "minutes.col.against",
                   "minutes.col.percent_agree", "minutes.col.elected")
# the committee's name and its members' offices, by the level of the congress (docs/rules.md, "A cell's officers")
COMMITTEE = {"cell": "minutes.committee.cell", "base": "minutes.committee.base", "upper": "minutes.committee.upper"}
MEMBER_OFFICE = {"cell": "minutes.office.member.cell", "base": "minutes.office.member.base",
                 "upper": "minutes.office.member.upper"}
OFFICES = {"secretary": "minutes.office.secretary", "deputy": "minutes.office.deputy"}
STEP_COLUMNS = ("minutes.col.no", "minutes.col.step", "minutes.col.who", "minutes.col.start", "minutes.col.end",
                "minutes.col.minutes")
SPEECH_COLUMNS = ("minutes.col.no", "minutes.col.speaker", "minutes.col.duration", "minutes.col.notes")
VOTE_COLUMNS = ("minutes.col.no", "minutes.col.candidate", "minutes.col.votes", "minutes.col.percent",
                "minutes.col.elected")


def _say(key: str, lang: str, /, **values: object) -> str:
    # whole numbers grouped as the language writes them: 1.600 đồng chí
    return say(key, lang, **{k: local_number(v, lang) if type(v) is int else v for k, v in values.items()})


class MinutesNotReady(DomainError):
    """Not in a state to report: a DomainError (exit 2 on the command line)."""


def duration(seconds: float, lang: str = "vi") -> str:
    """A length of time in words ("6 phút 30 giây"): "6:30" beside the clock times of the steps reads as a time of
    day (a discussion "tổng thời gian 19:30" would read as half past seven in the evening)."""
    seconds = max(0, round(seconds))
    if seconds >= 3600 - 30:  # an hour or more: to the minute
        hours, minutes = divmod((seconds + 30) // 60, 60)
        return (_say("minutes.duration.h", lang, h=hours, m=minutes) if minutes
                else _say("minutes.duration.hh", lang, h=hours))
    minutes, rest = divmod(seconds, 60)
    if minutes and rest:
        return _say("minutes.duration.ms", lang, m=minutes, s=rest)
    return _say("minutes.duration.m", lang, m=minutes) if minutes else _say("minutes.duration.s", lang, s=rest)


def check_ready(state: CongressState, draft: bool) -> None:
    if not draft and not state.agenda.ended:
        raise MinutesNotReady("minutes.err.not_closed")
    if not draft:
        for election in state.rounds:
            record = state.open_round(election)
            if record is not None:
                raise MinutesNotReady("minutes.err.round_open", election=election, round=record.number)


def build_minutes(state: CongressState, lang: str, now: datetime, draft: bool = False) -> Document:
    check_ready(state, draft)
    congress = state.scenario.congress
    starts = [r.actual_start for r in state.agenda.runs.values() if r.actual_start is not None]
    start = min(starts) if starts else None
    day = (start or now).astimezone(state.zone).date()
    doc = Document()
    title = _say("minutes.title", lang)
    doc.add(header_for(congress, day, lang),
            Title(f"{_say('minutes.draft', lang)} {title}" if draft else title, congress.title))

    doc.add(Heading(_say("minutes.h.time", lang)))
    place = _say("minutes.at_place", lang, place=congress.place) if congress.place else ""
    doc.add(Para(_say("minutes.opened", lang, time=clock_text(start, state.zone, lang), date=long_date(day, lang),
                      place=place) if start else _say("minutes.not_opened", lang)))

    _attendance(doc, state, lang)
    _steps(doc, state, lang, now)
    _speeches(doc, state, lang, now)
    _motions(doc, state, lang)
    _elections(doc, state, lang)
    _committee(doc, state, lang)

    doc.add(Heading(_say("minutes.h.close", lang)))
    ended = state.agenda.ended_at
    if ended is None:
        doc.add(Para(_say("minutes.not_closed", lang, time=clock_text(now, state.zone, lang))))
    elif ended.astimezone(state.zone).date() == day:
        doc.add(Para(_say("minutes.closed", lang, time=clock_text(ended, state.zone, lang))))
    else:  # a congress of more than one day, or one that ran past midnight
        doc.add(Para(_say("minutes.closed_on", lang, time=clock_text(ended, state.zone, lang),
                          date=long_date(ended.astimezone(state.zone).date(), lang))))
    adopted = _adopted(state)
    if adopted is not None:  # said only when the congress voted the minutes (a motion of kind "minutes")
        doc.add(Para(_say("minutes.approved", lang, for_=adopted.votes_for, d=adopted.denominator,
                          pct=local_percent(adopted.percent_for, lang))))
    presidium, secretariat = state.officer_names("presidium"), state.officer_names("secretariat")
    doc.add(Signatures([(_say("minutes.sign.secretary", lang), [_bare(n) for n in secretariat[:1]]),
                        (_say("minutes.sign.chair", lang), [_bare(n) for n in presidium[:1]])]))
    # runsheet's, not the regulations': an annex after the signatures, as on the counting minutes
    doc.add(Heading(_say("minutes.h.annex", lang)), log_digest_qr(state, lang), check_code_line(state, lang))
    return doc


def _bare(name: str) -> str:
    return name.split(",")[0]


def _adopted(state: CongressState):
    """The vote that adopted these minutes, if the congress has taken one (the last of a motion of kind minutes)."""
    for motion_id, motion in state.scenario.motions.items():
        result = state.last_motion(motion_id)
        if motion.kind == "minutes" and result is not None and result.adopted:
            return result
    return None


def _names(state: CongressState, ids, with_reason: bool = False) -> str:
    people = [state.roster.get(i) for i in ids]
    people = sorted((p for p in people if p is not None), key=lambda m: name_key(m.name))
    shown = [f"{p.name} ({state.attendance.excused[p.id]})" if with_reason and p.id in state.attendance.excused
             else p.name for p in people]
    return ", ".join(shown)


def _absent_kind(member: Member, state: CongressState) -> str | None:
    """Where an absent member is reported: "excused" or "unexcused" (listed by name), "apart" (counted on the line of
    the exempt, the attached elsewhere and the suspended), or None (an alternate not standing in: not expected)."""
    if member.alternate:
        return None
    if member.official and (member.transferred or member.suspended or member.exempt):
        return "apart"
    return "excused" if member.id in state.attendance.excused else "unexcused"


def _attendance(doc: Document, state: CongressState, lang: str) -> None:
    doc.add(Heading(_say("minutes.h.present", lang)))
    f = state.figures()
    congress = state.scenario.congress
    delegates = congress.kind == "delegates"
    attendance = state.attendance
    roster = list(state.roster.members)
    if delegates:
        alternates = sum(1 for m in roster if m.alternate)
        doc.add(Para(_say("minutes.delegates", lang, official=f.official_total,
                          alternates=_say("minutes.alternates", lang, n=alternates) if alternates else "")))
        standing = [(d, a) for d, a in attendance.replaced.items() if a in attendance.here]
        doc.add(Para(_say("minutes.here.delegates", lang, present=f.present_total,
                          standing=_say("minutes.standing", lang, n=len(standing)) if standing else "")))
        if attendance.replaced:
            pairs = [(state.roster.get(d), state.roster.get(a)) for d, a in attendance.replaced.items()]
            doc.add(Para(_say("minutes.replaced", lang, names="; ".join(
                _say("minutes.replaces", lang, alternate=a.name, delegate=d.name) for d, a in pairs if d and a))))
    else:
        doc.add(Para(_say("minutes.members", lang, unit=congress.unit or congress.title, total=f.members_total,
                          official=f.official_total, probationary=f.probationary_total)))
        doc.add(Para(_say("minutes.here", lang, present=f.present_total, official=f.present_official,
                          probationary=f.present_probationary)))
    # every member not in the room is reported once: left, excused, without a reason (recorded absent, or simply
    # never come: they still count in D), or on the line of the exempt, the attached elsewhere and the suspended
    guests = state.officer_names("guests")
    if guests:
        doc.add(Para(_say("minutes.guests", lang, names="; ".join(guests))))
    away = [m for m in roster if m.id not in attendance.here]
    left = [m.id for m in away if presence(m, attendance) is Presence.LEFT]
    absent = [m for m in away if m.id not in attendance.left]
    official = [m for m in absent if m.official]
    excused = [m.id for m in official if _absent_kind(m, state) == "excused"]
    unexcused = [m.id for m in official if _absent_kind(m, state) == "unexcused"]
    probationary = [m.id for m in absent if not m.official and not m.alternate]
    if left:
        doc.add(Para(_say("minutes.left", lang, n=len(left), names=_names(state, left))))
    doc.add(Para(_say("minutes.excused.delegates" if delegates else "minutes.excused", lang, n=len(excused),
                      names=f": {_names(state, excused, with_reason=True)}" if excused else "")))
    doc.add(Para(_say("minutes.unexcused.delegates" if delegates else "minutes.unexcused", lang, n=len(unexcused),
                      names=f": {_names(state, unexcused)}" if unexcused else "")))
    if probationary:
        doc.add(Para(_say("minutes.probationary_absent", lang, n=len(probationary),
                          names=_names(state, probationary, with_reason=True))))
    if not delegates or f.exempt_absent or f.transferred or f.suspended:
        doc.add(Para(_say("minutes.apart", lang, exempt=f.exempt_absent, transferred=f.transferred,
                          suspended=f.suspended)))
    doc.add(Para(_say("minutes.denominator.delegates" if delegates else "minutes.denominator", lang, d=f.denominator,
                      majority=f.majority), bold=True))
    for body, key in BODIES.items():
        names = state.officer_names(body)
        doc.add(Para(_say("minutes.officers", lang, body=_say(key, lang),
                          names="; ".join(names) if names else _say("minutes.not_recorded", lang))))


def _steps(doc: Document, state: CongressState, lang: str, now: datetime) -> None:
    doc.add(Heading(_say("minutes.h.steps", lang)))
    rows = []
    moment = state.agenda.ended_at or now
    for number, row in enumerate(state.agenda.rows(moment), start=1):
        title = row.step.title + (f" {_say('minutes.adhoc', lang)}" if row.step.adhoc else "")
        if row.status is Status.SKIPPED:
            rows.append([str(number), f"{title} {_say('minutes.skipped', lang)}", row.step.who, "", "", ""])
            continue
        spent = state.agenda.runs[row.step.id].elapsed(moment) if row.actual_start else None
        rows.append([str(number), title, row.step.who, hhmm(row.actual_start, state.zone) if row.actual_start else "",
                     hhmm(row.actual_end, state.zone) if row.actual_end else "",
                     str(round(spent / 60)) if spent is not None else ""])
    doc.add(Table([_say(key, lang) for key in STEP_COLUMNS], rows, "lllccr"))


def _speeches(doc: Document, state: CongressState, lang: str, now: datetime) -> None:
    doc.add(Heading(_say("minutes.h.speeches", lang)))
    moment = state.agenda.ended_at or now
    any_given = False
    for step_id in state.agenda.order:
        given = [s for s in state.speeches.of_step(step_id) if s.started is not None]
        if not given:
            continue
        any_given = True
        total = state.speeches.step_total(step_id, moment)
        doc.add(Para(_say("minutes.speeches_at", lang, step=state.agenda.run(step_id).step.title, n=total.count,
                          speeches="speech" if total.count == 1 else "speeches", time=duration(total.seconds, lang)),
                     italic=True))
        doc.add(Table([_say(key, lang) for key in SPEECH_COLUMNS],
                      [[str(i), s.label(), duration(s.elapsed(moment), lang), s.notes]
                       for i, s in enumerate(given, 1)],
                      "llcl"))
    if not any_given:
        doc.add(Para(_say("minutes.no_speeches", lang)))


def _motions(doc: Document, state: CongressState, lang: str) -> None:
    doc.add(Heading(_say("minutes.h.motions", lang)))
    recorded = False
    for motion_id, motion in state.scenario.motions.items():
        results = state.motions.get(motion_id, [])
        for number, r in enumerate(results, start=1):
            recorded = True
            title = motion.title + (f" {_say('minutes.revote', lang, n=number)}" if len(results) > 1 else "")
            doc.add(Para("– " + _say("minutes.motion", lang, title=title, for_=r.votes_for, against=r.against,
                                     abstain=r.abstain, present=r.present_official, d=r.denominator,
                                     pct=local_percent(r.percent_for, lang),
                                     verdict=_say("minutes.adopted" if r.adopted else "minutes.rejected", lang))))
    if not recorded:
        doc.add(Para(_say("minutes.no_motions", lang)))


def _elections(doc: Document, state: CongressState, lang: str) -> None:
    doc.add(Heading(_say("minutes.h.elections", lang)))
    closed_any = False
    for election_id in state.scenario.elections:
        for record in state.rounds.get(election_id, []):
            result = record.closed
            if result is None:
                continue
            closed_any = True
            ballots = result["ballots"]
            doc.add(Para(_say("minutes.round", lang, title=result["title"], round=ordinal(result["round"], lang),
                              seats=result["seats"], issued=ballots["issued"], collected=ballots["collected"],
                              valid=ballots["valid"], invalid=ballots["invalid"], d=result["denominator"]), bold=True))
            if not record.published:
                doc.add(Para(_say("minutes.unpublished", lang), italic=True))
            mark = {c["id"]: "✓" if c["elected"] else ("=" if c["id"] in result["tied"] else "")
                    for c in result["candidates"]}
            if result["form"] == APPROVE:  # đồng ý and không đồng ý, both counted
                doc.add(Table([_say(key, lang) for key in APPROVE_COLUMNS],
                              [[str(c["no"]), c["name"], local_number(c["votes"], lang),
                                local_number(c.get("against", 0), lang), local_percent(c["percent"], lang),
                                mark[c["id"]]] for c in result["candidates"]], "llrrrc"))
            else:
                doc.add(Table([_say(key, lang) for key in VOTE_COLUMNS],
                              [[str(c["no"]), c["name"], local_number(c["votes"], lang),
                                local_percent(c["percent"], lang), mark[c["id"]]]
                               for c in result["candidates"]], "llrrc"))
            names = {c["id"]: c["name"] for c in result["candidates"]}
            elected = [names[i] for i in result["elected"]]
            doc.add(Para(_say("minutes.elected", lang, names=", ".join(elected)) if elected
                         else _say("minutes.none_elected", lang)))
            if result["tied"]:
                doc.add(Para(_say("minutes.tied", lang, names=", ".join(names[i] for i in result["tied"]))))
            if result["unfilled"]:
                doc.add(Para(_say("minutes.unfilled", lang, n=result["unfilled"])))
    if not closed_any:
        doc.add(Para(_say("minutes.no_elections", lang)))


def _committee(doc: Document, state: CongressState, lang: str) -> None:
    """The committee the congress elected, each member with the office the congress elected them to."""
    elections = state.scenario.elections.values()
    committees = [e for e in elections if e.committee and state.elected(e.id)]
    if not committees:
        return
    level = state.scenario.congress.level
    officers = {member: OFFICES[e.kind] for e in elections if e.kind in OFFICES for member in state.elected(e.id)}
    for committee in committees:
        elected = state.elected(committee.id)
        offices = {member: officers.get(member, MEMBER_OFFICE[level]) for member in elected}
        doc.add(Para(_say("minutes.committee", lang, committee=_say(COMMITTEE[level], lang),
                          term=state.scenario.congress.term, n=len(elected)), bold=True))
        order = {"minutes.office.secretary": 0, "minutes.office.deputy": 1}
        ranked = sorted(elected, key=lambda m: (order.get(offices.get(m), 2), name_key(state.roster.get(m).name)))
        doc.add(Table([_say("minutes.col.no", lang), _say("minutes.col.candidate", lang),
                       _say("minutes.col.office", lang)],
                      [[str(n), state.roster.get(m).name, _say(offices[m], lang)]
                       for n, m in enumerate(ranked, start=1)], "lll"))


def write_minutes(state: CongressState, out_dir: str, lang: str, now: datetime, draft: bool = False) -> list[str]:
    """Write the minutes as .docx and .md into out_dir (made if missing); refuses, writing nothing, if not ready."""
    doc = build_minutes(state, lang, now, draft)
    stem = os.path.join(out_dir, _say("minutes.file", lang) + ("-du-thao" if draft and lang == "vi" else
                                                               "-draft" if draft else ""))
    files = [(stem + ".docx", to_docx(doc)), (stem + ".md", to_md(doc).encode("utf-8"))]
    try:
        os.makedirs(out_dir, exist_ok=True)
        write_files(files)
    except OSError as exc:  # --out names a file, a folder we may not write, a full disk...
        raise MinutesNotReady("minutes.err.write", path=out_dir, problem=exc.strerror or exc) from None
    return [stem + ".docx", stem + ".md"]

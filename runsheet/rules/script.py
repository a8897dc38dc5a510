"""The words of a step as the chair reads them, with live figures filled in.

The rules know which phrase a placeholder needs (a result, a vote, whether the congress may proceed) but not its
words: the caller gives say(key, **values), the text of a key in the language the words are read in, and
percent(value), a percentage as that language writes it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo

from . import placeholders
from .attendance import Figures
from .election import MotionResult
from .collation import name_key
from .roster import Roster
from .scenario import Election, Scenario, Step
from .schedule import Agenda


def ballot_order(election: Election, roster: Roster, nominees: tuple[str, ...] = ()) -> list[str]:
    """Candidate ids in the order printed on the ballot (with nominees the floor added)."""
    names = [*election.candidates, *nominees]
    if election.order == "listed":
        return names
    return sorted(names, key=lambda c: name_key(roster.get(c).name))


Say = Callable[..., str]  # say(key, **values): a text in the language the words are read in


def hhmm(moment: datetime | None, zone: tzinfo) -> str:
    return "--:--" if moment is None else moment.astimezone(zone).strftime("%H:%M")


def values(scenario: Scenario, agenda: Agenda, figures: Figures, step: Step, now: datetime, zone: tzinfo,
           say: Say) -> dict[str, str]:
    congress = scenario.congress
    following = agenda.following(step.id) if step.id in agenda.runs else None
    day = agenda.starts_at.astimezone(zone).date()
    return {
        "title": congress.title, "unit": congress.unit, "parent": congress.parent, "term": congress.term,
        "place": congress.place, "date": day.strftime("%d/%m/%Y"), "start": hhmm(agenda.starts_at, zone),
        "now": hhmm(now, zone),
        "step_title": step.title, "step_minutes": _number(step.minutes),
        "next_step": agenda.runs[following].step.title if following else "",
        "projected_end": hhmm(agenda.projected_end(now), zone),
        "speech_limit": _number(step.speech_limit) if step.speech_limit else "",
        "members_total": str(figures.members_total), "official_total": str(figures.official_total),
        "probationary_total": str(figures.probationary_total),
        "present_official": str(figures.present_official),
        "present_probationary": str(figures.present_probationary), "present_total": str(figures.present_total),
        "absent_official": str(figures.absent_official), "absent_excused": str(figures.absent_excused),
        "absent_unexcused": str(figures.absent_unexcused), "exempt_total": str(figures.exempt_total),
        "exempt_absent": str(figures.exempt_absent), "transferred": str(figures.transferred),
        "suspended": str(figures.suspended), "denominator": str(figures.denominator),
        "majority": str(figures.majority),
        "may_proceed": say("may_proceed.yes" if figures.may_proceed else "may_proceed.no"),
    }


def render(scenario: Scenario, roster: Roster, agenda: Agenda, figures: Figures, step: Step, now: datetime,
           zone: tzinfo, say: Say, percent: Callable[[str], str],
           published: Callable[[str], dict | None] = lambda e: None,
           motion: Callable[[str], MotionResult | None] = lambda m: None,
           order: Callable[[str], list[str]] | None = None) -> str:
    """The step's words with live figures; published(election) gives the latest published result, motion(id)
    the latest recorded show of hands, order(election) the printed ballot order."""
    def with_argument(name: str, arg: str) -> str:
        if name in ("seats", "candidates"):
            election = scenario.elections[arg]
            if name == "seats":
                return str(election.seats)
            ids = order(arg) if order else ballot_order(election, roster)
            return ", ".join(roster.get(c).name for c in ids)
        if name == "motion":
            result = motion(arg)
            if result is None:
                return say("not_yet")
            return say("script.motion", **{"for": result.votes_for, "against": result.against,
                                           "abstain": result.abstain, "d": result.denominator,
                                           "pct": percent(result.percent_for),
                                           "verdict": say("cli.adopted" if result.adopted else "cli.rejected")})
        result = published(arg)
        if result is None:
            return say("not_yet")
        if name == "elected":
            names = [c["name"] for c in sorted(result["candidates"], key=lambda c: (-c["votes"], c["no"]))
                     if c["elected"]]
            return ", ".join(names) if names else say("script.nobody")
        return results_text(result, say, percent)

    return placeholders.fill(step.script, values(scenario, agenda, figures, step, now, zone, say), with_argument)


def results_text(result: dict, say: Say, percent: Callable[[str], str]) -> str:
    """A published result as the counting committee reads it out."""
    ballots = result["ballots"]
    lines = [say("script.ballots", issued=ballots["issued"], collected=ballots["collected"],
                 valid=ballots["valid"], invalid=ballots["invalid"], d=result["denominator"])]
    for c in result["candidates"]:
        lines.append(say("script.candidate", name=c["name"], votes=c["votes"], pct=percent(c["percent"])))
    elected = [c for c in sorted(result["candidates"], key=lambda c: (-c["votes"], c["no"])) if c["elected"]]
    lines.append(say("script.elected", names=", ".join(c["name"] for c in elected) or say("script.nobody")))
    if result["tied"]:
        names = {c["id"]: c["name"] for c in result["candidates"]}
        lines.append(say("script.tied", names=", ".join(names[i] for i in result["tied"])))
    if result["unfilled"]:
        lines.append(say("script.unfilled", n=result["unfilled"]))
    return "\n".join(lines)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)

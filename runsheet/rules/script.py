"""The words of a step as the chair reads them, with live figures filled in."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo

from ..i18n import t
from . import placeholders
from .attendance import Figures
from .election import MotionResult
from .collation import name_key
from .roster import Roster
from .scenario import Election, Scenario, Step
from .schedule import Agenda


def hhmm(moment: datetime | None, zone: tzinfo) -> str:
    return "--:--" if moment is None else moment.astimezone(zone).strftime("%H:%M")


def ballot_order(election: Election, roster: Roster, nominees: tuple[str, ...] = ()) -> list[str]:
    """Candidate ids in the order printed on the ballot (with nominees the floor added)."""
    names = [*election.candidates, *nominees]
    if election.order == "listed":
        return names
    return sorted(names, key=lambda c: name_key(roster.get(c).name))


def values(scenario: Scenario, agenda: Agenda, figures: Figures, step: Step, now: datetime, zone: tzinfo,
           lang: str) -> dict[str, str]:
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
        "may_proceed": t("may_proceed.yes" if figures.may_proceed else "may_proceed.no", lang),
    }


def render(scenario: Scenario, roster: Roster, agenda: Agenda, figures: Figures, step: Step, now: datetime,
           zone: tzinfo, lang: str, published: Callable[[str], dict | None] = lambda e: None,
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
                return t("not_yet", lang)
            return t("script.motion", lang, **{"for": result.votes_for, "against": result.against,
                                                "abstain": result.abstain, "d": result.denominator,
                                                "pct": local_percent(result.percent_for, lang),
                                                "verdict": t("cli.adopted" if result.adopted else "cli.rejected",
                                                             lang)})
        result = published(arg)
        if result is None:
            return t("not_yet", lang)
        if name == "elected":
            names = [c["name"] for c in sorted(result["candidates"], key=lambda c: (-c["votes"], c["no"]))
                     if c["elected"]]
            return ", ".join(names) if names else t("script.nobody", lang)
        return results_text(result, lang)

    return placeholders.fill(step.script, values(scenario, agenda, figures, step, now, zone, lang), with_argument)


def local_number(value: int, lang: str) -> str:
    """Thousands grouped as the language writes them: 1.600 in Vietnamese, 1,600 in English."""
    grouped = f"{value:,}"
    return grouped.replace(",", ".") if lang == "vi" else grouped


def local_percent(value: str, lang: str) -> str:
    """Vietnamese writes a decimal comma (55,56); the JSON keeps the point."""
    return value.replace(".", ",") if lang == "vi" else value


def results_text(result: dict, lang: str) -> str:
    """A published result as the counting committee reads it out."""
    ballots = result["ballots"]
    lines = [t("script.ballots", lang, issued=ballots["issued"], collected=ballots["collected"],
               valid=ballots["valid"], invalid=ballots["invalid"], d=result["denominator"])]
    for c in result["candidates"]:
        pct = local_percent(c["percent"], lang)
        lines.append(t("script.candidate", lang, name=c["name"], votes=c["votes"], pct=pct))
    elected = [c for c in sorted(result["candidates"], key=lambda c: (-c["votes"], c["no"])) if c["elected"]]
    lines.append(t("script.elected", lang, names=", ".join(c["name"] for c in elected) or t("script.nobody", lang)))
    if result["tied"]:
        names = {c["id"]: c["name"] for c in result["candidates"]}
        lines.append(t("script.tied", lang, names=", ".join(names[i] for i in result["tied"])))
    if result["unfilled"]:
        lines.append(t("script.unfilled", lang, n=result["unfilled"]))
    return "\n".join(lines)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)

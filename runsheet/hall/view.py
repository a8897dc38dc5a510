"""What the hall's pages show, as one small JSON computed once per change of the store and sent to every browser.
Timers are sent as their state at `now` (elapsed, allotted, paused): the page counts on from there by itself, so a
countdown ticks with no traffic. Only what the hall sees: the published results, never a tally being counted."""

from __future__ import annotations

from datetime import datetime

from ..rules.digest import short_code
from ..rules.hall import FLASH_SECONDS, SCREENS
from ..rules.schedule import WARNING_SHARE
from ..store.state import CongressState
from ..texts import say
from ..texts.formats import clock, local_number, local_percent


def _ms(moment: datetime | None) -> int | None:
    return None if moment is None else round(moment.timestamp() * 1000)


def _timer(elapsed: float, allotted: float | None, paused: bool) -> dict:
    return {"elapsed": round(elapsed, 3), "allotted": allotted or 0, "paused": paused}


def _result(result: dict, lang: str) -> dict:
    tied = set(result["tied"])
    return {"title": result["title"], "round": result["round"], "d": result["denominator"], "needed": result["needed"],
            "head": say("hall.result_head", lang, d=result["denominator"], needed=result["needed"]),
            "candidates": [{"no": c["no"], "name": c["name"], "votes": c["votes"],
                            "percent": local_percent(c["percent"], lang), "elected": c["elected"],
                            "tied": c["id"] in tied} for c in result["candidates"]]}


def _texts(lang: str) -> dict[str, str]:
    return {"speaking": say("wall.speaking", lang), "paused": say("paused", lang),
            "elected": say("hall.elected", lang), "tied": say("hall.tied", lang),
            "programme": say("hall.programme", lang), "results": say("hall.results", lang),
            "planned": say("hall.planned", lang), "expected": say("hall.expected", lang),
            "now": say("hall.now", lang), "held": say("hall.held", lang), "no_results": say("hall.no_results", lang),
            "offline": say("hall.offline", lang), "scan": say("hall.scan", lang),
            "documents": say("hall.documents", lang), "download": say("hall.download", lang)}


def hall_view(state: CongressState, now: datetime, lang: str | None = None) -> dict:
    lang = lang or state.language
    agenda, zone = state.agenda, state.zone
    timer = agenda.timer(now)
    step = None
    if agenda.ended:
        headline = say("ended", lang, time=clock(agenda.ended_at, zone))
    elif timer is None:
        headline = say("wall.welcome", lang, start=clock(agenda.starts_at, zone))
    else:
        headline = timer.step.title
        step = _timer(timer.elapsed, timer.allotted, timer.paused)
    speech = state.speech_timer(now)
    figures = None
    if state.attendance_reported():
        f = state.figures()
        figures = say("wall.figures", lang, present=f.present_official, d=f.denominator,
                      probationary=f.present_probationary, majority=f.majority)
    published = [state.rounds[election][number - 1].closed for election, number in state.publications]
    hall = {}
    for screen in SCREENS:
        shown = state.hall.get(screen)
        hall[screen] = None if shown is None else {
            "blank": shown.blank, "text": shown.text or "",
            "flash_until": _ms(shown.at) + FLASH_SECONDS * 1000 if shown.flash else 0}
    programme = [{"no": n, "title": row.step.title, "status": row.status.value,
                  "planned": clock(row.planned_start, zone), "expected": clock(row.expected_start, zone),
                  "actual": clock(row.actual_start, zone)}
                 for n, row in enumerate(agenda.rows(now), start=1)]
    return {
        "lang": lang, "seq": state.seq, "title": state.scenario.congress.title, "now": _ms(now),
        "zone": round(zone.utcoffset(None).total_seconds() / 60), "warning_share": WARNING_SHARE,
        "headline": headline, "step": step,
        # the projector's idle view (the programme and the delegates' QR code): before the congress starts, and
        # while the step is paused between two parts of it with nobody speaking
        "idle": not agenda.ended and (timer is None or (timer.paused and speech is None)),
        "speech": None if speech is None else {"name": speech.speech.name, "title": speech.speech.title,
                                               **_timer(speech.elapsed, speech.allotted, speech.paused)},
        "figures": figures,
        "result": _result(published[-1], lang) if published else None,
        "results": [_result(r, lang) for r in reversed(published)],
        "hall": hall, "programme": programme,
        "documents": [{"id": d.id, "title": d.title} for d in state.scenario.documents.values()],
        "code": say("wall.code", lang, code=short_code(state.head_hash), seq=local_number(state.seq, lang)),
        "texts": _texts(lang),
    }

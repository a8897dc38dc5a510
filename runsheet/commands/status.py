"""The state of the congress as `status` reports it (the JSON of `status --json`)."""

from __future__ import annotations

from datetime import datetime

from ..store.events import Event
from ..store.state import CongressState
from ..texts.formats import hhmm


def status_data(state: CongressState, head: Event, now: datetime) -> dict:
    """What `status --json` prints: the step now, the attendance figures and D, the open rounds, the head of the
    chain."""
    agenda, figures, zone = state.agenda, state.figures(), state.zone
    timer = agenda.timer(now)
    step = None
    if timer is not None:
        step = {"id": timer.step.id, "title": timer.step.title, "elapsed": round(timer.elapsed),
                "allotted": timer.allotted, "remaining": round(timer.remaining), "phase": timer.phase.value,
                "paused": timer.paused}
    return {
        "congress_id": state.congress_id, "title": state.scenario.congress.title,
        "present_official": figures.present_official, "present_probationary": figures.present_probationary,
        "present_total": figures.present_total, "left_official": figures.left_official,
        "absent_excused": figures.absent_excused, "absent_unexcused": figures.absent_unexcused,
        "exempt_total": figures.exempt_total, "exempt_absent": figures.exempt_absent,
        "transferred": figures.transferred, "suspended": figures.suspended,
        "members_total": figures.members_total, "official_total": figures.official_total,
        "probationary_total": figures.probationary_total,
        "denominator": figures.denominator, "majority": figures.majority, "may_proceed": figures.may_proceed,
        "quorum": {"more_than_half": figures.more_than_half, "stricter": figures.quorum,
                   "stricter_met": figures.quorum_met, "may_proceed": figures.may_proceed},
        "step": step, "ended": agenda.ended,
        "planned_end": hhmm(agenda.planned_end, zone), "projected_end": hhmm(agenda.projected_end(now), zone),
        "order": list(agenda.order), "events": state.seq,
        "open_rounds": [{"election": e, "round": r.number, "issued": r.issued, "passes": r.passes,
                         "entered": [r.entered(p) for p in range(1, r.passes + 1)]}
                        for e in state.rounds if (r := state.open_round(e)) is not None],
        # the head of the hash chain: noted on paper, it proves later that nothing was removed from the end
        "head": {"seq": head.seq, "hash": head.hash},
    }

"""A small congress for the hall's tests (tests/data/mini.toml): members checked in, steps started, a speech, a
round counted and published."""

from __future__ import annotations

from runsheet.commands import Session
from runsheet.rules.election import Reading


def elect(session: Session) -> None:
    """A round of chi-uy counted on three ballots (Lê Văn An and Nguyễn Văn Bình elected), closed, not yet published."""
    for member in ("A1", "A2", "A3"):
        if member not in session.state.attendance.here:
            session.attendance.check_in(member)
    session.voting.open_round("chi-uy")
    for struck in ({3}, {3}, {2}):
        session.voting.enter_ballot("chi-uy", Reading(frozenset(struck)))
    session.voting.close_round("chi-uy", 3)

"""run.py ballots print: the paper ballots of an election's open round, or else of the next round to open."""

from __future__ import annotations

import argparse

from ..commands.voting import election_of, proposed_round
from ..errors import DomainError
from ..store.state import CongressState
from ..texts import say
from .common import open_session


def round_paper(state: CongressState, election_id: str):
    """The ballot of the open round, or else of the round open_round would open now (its list and seats)."""
    from ..reports.ballot import BallotPaper

    election_of(state, election_id)
    record = state.open_round(election_id)
    if record is not None:
        return BallotPaper(election_id, record.number, tuple(record.candidates), record.seats)
    names, seats = proposed_round(state, election_id)
    if not names:
        raise DomainError("ballot.err.no_list", id=election_id)
    return BallotPaper(election_id, len(state.rounds[election_id]) + 1, tuple(names), seats)


def print_ballots(args: argparse.Namespace) -> int:
    from ..reports.ballot import write_ballots

    session, lang = open_session(args)
    state = session.state
    paper = round_paper(state, args.election)
    copies = args.copies
    if copies is None:  # as many as there are ballots to hand out, else one to copy
        record = state.open_round(args.election)
        copies = record.issued if record is not None else max(1, state.figures().present_official)
    paths = write_ballots(state, paper, args.out, lang, args.size, copies)
    print(say("ballot.printed", lang, title=state.scenario.elections[args.election].title, round=paper.round,
              n=copies, size=args.size, names=len(paper.candidates), path=paths[0]))
    print(paths[1])
    print(say("ballot.docx_note", lang))
    return 0

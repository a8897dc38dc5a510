"""Commands for show-of-hands motions and election rounds: the candidate list and its order, nominees from the
floor, rounds opened, ballots entered, taken back, corrected and settled, ballots issued and collected, the count
closed and the result published."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..errors import DomainError, InputError
from ..rules.attendance import eligible, may_vote
from ..rules.ballot_entry import ballot_rows
from ..rules.election import (
    SECRETARY_ROUNDS,
    ListCheck,
    MotionResult,
    Queued,
    Reading,
    ReadingError,
    RoundRecord,
    check_list,
    check_motion,
    check_reading,
    most_candidates,
    poll_result,
    surplus_allowed,
)
from ..rules.scenario import Election
from ..rules.script import ballot_order
from ..store import events as ev
from ..store.state import CongressState
from .outcome import Change, Outcome

if TYPE_CHECKING:
    from . import Session


@dataclass(frozen=True)
class OpenedRound:
    election: str
    round: int
    issued: int
    denominator: int
    form: str
    passes: int
    list_check: ListCheck  # the list against the seats, as it was opened (a warning for a first round)


def election_of(state: CongressState, election_id: str) -> Election:
    election = state.scenario.elections.get(election_id)
    if election is None:
        raise DomainError("err.no_election", id=election_id)
    return election


def open_record(state: CongressState, election_id: str, poll: bool = False) -> RoundRecord:
    """The election's round being counted (or, with poll, its nomination poll)."""
    election_of(state, election_id)
    record = state.open_poll(election_id) if poll else state.open_round(election_id)
    if record is None:
        raise DomainError("err.no_open_poll" if poll else "err.no_open_round", id=election_id)
    return record


def ballot_data(record: RoundRecord, reading: Reading, pass_no: int, ballot: int | None,
                poll: bool = False) -> ev.BallotEntered:
    """A ballot of a pass as it will be written (the next number of the pass unless given); DomainError when it
    cannot be on this round."""
    if not 1 <= pass_no <= record.passes:
        raise DomainError("err.no_pass", n=pass_no, passes=record.passes)
    number = record.next_ballot(pass_no) if ballot is None else ballot
    if not 1 <= number <= record.issued:
        raise DomainError("err.ballot_number", n=number, issued=record.issued)
    try:
        check_reading(reading, len(record.candidates), record.form)
    except ReadingError as exc:
        raise DomainError("err.reading", ballot=number, problem=exc) from None
    return ev.BallotEntered(record.election, record.number, number, pass_no, tuple(sorted(reading.struck)),
                            tuple(sorted(reading.unclear)), reading.invalid, poll=poll)


def check_scanner_pass(record: RoundRecord, pass_no: int) -> None:
    """The scanner may be one pass of a round entered twice or three times, never the only one."""
    if record.passes < 2:
        raise DomainError("scan.err.one_pass", election=record.election, round=record.number)
    if not 1 <= pass_no <= record.passes:
        raise DomainError("err.no_pass", n=pass_no, passes=record.passes)


def counted(record: RoundRecord, collected: int | None) -> int:
    """The ballots a count closes with, checked: every pass entered as many as were collected (the number recorded
    from the box, or the ballots agreed), no mismatch left, no more collected than issued."""
    agreed = record.agreed_count()
    count = collected if collected is not None else (record.collected if record.collected is not None else agreed)
    if count > record.issued:
        raise DomainError("err.collected_over", collected=count, issued=record.issued)
    if count == 0:
        raise DomainError("err.nothing_collected")
    missing = record.missing()
    if missing:
        raise DomainError("err.missing", ballots=_list(missing))
    mismatched = record.mismatches()
    if mismatched:
        raise DomainError("err.mismatches", n=len(mismatched), ballots=_list(mismatched))
    for pass_no in range(1, record.passes + 1):
        if record.entered(pass_no) != count:
            raise DomainError("err.entered_differs", pass_no=pass_no, entered=record.entered(pass_no), collected=count)
    if agreed != count:
        raise DomainError("err.entered_differs", pass_no=1, entered=agreed, collected=count)
    return count


def check_surplus(candidates: int, seats: int) -> None:
    """A committee's first round: more names than seats, at most 30% more (190-QĐ/TW Điều 14 khoản 1), but for a
    committee of 3 to 5 seats one name more even above 30% (docs/rules.md, "The candidate list")."""
    if not surplus_allowed(candidates, seats):
        raise DomainError("err.surplus", n=candidates, seats=seats, low=seats + 1, most=most_candidates(seats))


def check_officers(state: CongressState, election: Election, names: list[str], rounds: int) -> None:
    """A secretary or deputy is elected from the committee just elected; the secretary is not also the deputy; a
    secretary not elected in three rounds is appointed by the higher committee (294-QĐ/TW; docs/rules.md, "A cell's
    committee and officers")."""
    if election.kind == "secretary" and rounds >= SECRETARY_ROUNDS:
        raise DomainError("err.secretary_appointed", title=election.title, rounds=SECRETARY_ROUNDS)
    if election.source:
        elected = state.elected(election.source)
        committee = state.scenario.elections[election.source].title
        for member_id in names:
            if member_id not in elected:
                raise DomainError("err.not_in_committee", name=state.roster.get(member_id).name, committee=committee)
    if election.kind == "deputy":
        secretaries = {m for e in state.scenario.elections.values() if e.kind == "secretary"
                       for m in state.elected(e.id)}
        for member_id in names:
            if member_id in secretaries:
                raise DomainError("err.secretary_not_deputy", name=state.roster.get(member_id).name)


def check_counting_committee(state: CongressState, election: Election, names: list[str]) -> None:
    """Nobody on a list counts its ballots (190-QĐ/TW Điều 8; docs/rules.md, "The counting committee")."""
    for person in state.officers.get("counting", []):
        if person.get("member") in names:
            raise DomainError("err.counter_on_list", name=person["name"], election=election.title)


def names_of(state: CongressState, member_ids: list[str]) -> list[str]:
    return [state.roster.get(m).name for m in member_ids]


_READ_OUT = re.compile(r"\{(?:results|elected):([A-Za-z0-9_.-]+)\}")


def step_elections(state: CongressState, step_id: str) -> list[str]:
    """The elections a step is about: the one whose ballots are cast at it, then those whose result its words read
    out ({results:ID}, {elected:ID}). A round may be opened at any step; at another step the chair is asked first and
    the command line says so (README, "Votes and elections")."""
    step = state.agenda.run(step_id).step
    found = [step.election] if step.election else []
    for election_id in _READ_OUT.findall(step.script):
        if election_id not in found:
            found.append(election_id)
    return found


def proposed_round(state: CongressState, election_id: str) -> tuple[list[str], int]:
    """The list and the seats of the election's next round, as open_round takes them by default: the scenario's list
    (with the floor's nominees) for all the seats; after a round that left seats unfilled, a list the chair gave since
    (round candidates), else a runoff among the tied, else those not elected, for the unfilled seats."""
    election = election_of(state, election_id)
    if state.open_round(election_id) is not None:
        raise DomainError("err.round_open", id=election_id)
    rounds = state.rounds[election_id]
    if not rounds:
        return state.ballot_order(election_id), election.seats
    last = rounds[-1].closed
    if last["unfilled"] == 0:
        raise DomainError("err.all_elected", id=election_id)
    if state.listed_after.get(election_id) == len(rounds):
        return state.ballot_order(election_id), last["unfilled"]
    return list(last["tied"] or [c["id"] for c in last["candidates"] if not c["elected"]]), last["unfilled"]


def _list(numbers) -> str:
    shown = [str(n) for n in list(numbers)[:10]]
    return ", ".join(shown) + ("…" if len(numbers) > 10 else "")


class VotingCommands:
    def __init__(self, session: Session):
        self.session = session

    # ---- show of hands ------------------------------------------------------------------------------------
    def record_motion(self, motion_id: str, votes_for: int, against: int, abstain: int) -> Outcome[MotionResult]:
        def build(state: CongressState):
            if motion_id not in state.scenario.motions:
                raise DomainError("err.no_motion", id=motion_id)
            figures = state.figures()
            problem = check_motion(votes_for, against, abstain, figures.present_official)
            if problem == "negative":
                raise DomainError("err.motion_negative")
            if problem == "too_many":
                raise DomainError("err.motion_too_many", total=votes_for + against + abstain,
                                  present=figures.present_official)
            result = MotionResult(votes_for, against, abstain, figures.present_official, figures.denominator)
            return Change([ev.MotionRecorded(motion_id, votes_for, against, abstain, figures.present_official,
                                             figures.denominator)], result)
        return self.session.commit("votes", build)

    # ---- the candidate list ---------------------------------------------------------------------------------
    def set_ballot_order(self, election_id: str, order: list[str]) -> Outcome[None]:
        """The order names are printed in (the printed ballot is the truth); only while no round is open."""
        def build(state: CongressState):
            election_of(state, election_id)
            if state.open_round(election_id) is not None:
                raise DomainError("err.round_open", id=election_id)
            # exactly the names on the list now (the scenario's and the floor's nominees): a new order never drops one
            if sorted(order) != sorted(state.ballot_order(election_id)):
                raise DomainError("err.order_names", id=election_id)
            return [ev.OrderSet(election_id, tuple(order))]
        return self.session.commit("votes", build)

    def list_check(self, state: CongressState, election_id: str) -> ListCheck:
        """The candidate list against the seats: the surplus, over 30%, or none for a committee."""
        election = election_of(state, election_id)
        return check_list(len(state.ballot_order(election_id)), election.seats)

    # ---- rounds ---------------------------------------------------------------------------------------------
    def open_round(self, election_id: str, passes: int = 1, candidates: list[str] | None = None,
                   seats: int | None = None) -> Outcome[OpenedRound]:
        """Open the next round: ballots issued = official members present now; D as it stands now."""
        def build(state: CongressState):
            election = election_of(state, election_id)
            proposed, seats_left = proposed_round(state, election_id)
            if not 1 <= passes <= 3:
                raise DomainError("err.passes")
            rounds = state.rounds[election_id]
            names = list(candidates) if candidates is not None else proposed
            places = seats if seats is not None else seats_left
            for member_id in names:
                member = state.roster.get(member_id)
                if member is None:
                    raise DomainError("err.no_member", id=member_id)
                if not eligible(member):
                    raise DomainError("err.cannot_stand", name=member.name)
            if len(set(names)) != len(names) or not 1 <= places <= len(names):
                raise DomainError("err.round_list", seats=places, n=len(names))
            if election.committee and not rounds:
                check_surplus(len(names), places)
            check_officers(state, election, names, len(rounds))
            check_counting_committee(state, election, names)
            figures = state.figures()
            if figures.present_official == 0:
                raise DomainError("err.nobody_present")
            listed = self.list_check(state, election_id)
            opened = ev.RoundOpened(election_id, len(rounds) + 1, tuple(names), places, passes,
                                    figures.present_official, figures.denominator)
            record = RoundRecord(election_id, opened.round, names, places, passes, opened.issued, opened.denominator)
            return Change([opened], OpenedRound(election_id, opened.round, opened.issued, opened.denominator,
                                                record.form, passes, listed))
        return self.session.commit("votes", build)

    def cancel_round(self, election_id: str) -> Outcome[None]:
        """A round opened by mistake (before any ballot was entered) is taken back; the log keeps both."""
        def build(state: CongressState):
            record = open_record(state, election_id)
            if any(record.readings.get(p) for p in range(1, record.passes + 1)):
                raise DomainError("err.round_has_ballots", id=election_id)
            return [ev.RoundCancelled(election_id, record.number)]
        return self.session.commit("votes", build)

    def set_issued(self, election_id: str, issued: int) -> Outcome[int]:
        """Correct the ballots issued while the round is open (a latecomer given a ballot, one not handed out):
        never fewer than a number already entered or collected, never more than official members present."""
        def build(state: CongressState):
            record = open_record(state, election_id)
            entered = max((max(r, default=0) for r in record.readings.values()), default=0)
            floor = max(entered, record.collected or 0, 1)
            present = state.figures().present_official
            if not floor <= issued <= present:
                raise DomainError("err.issued_range", issued=issued, low=floor, high=present)
            if issued == record.issued:
                return Change([], issued)
            return Change([ev.RoundIssued(election_id, record.number, issued)], issued)
        return self.session.commit("ballots", build)  # the counting committee hands the ballots out

    def issue_to(self, election_id: str, member_id: str) -> Outcome[int]:
        """A member the round's D did not count (an exempt member, or one whose absence was accepted) came during the
        round and is handed a ballot: one more ballot issued, and the member counted in the round's D from now on
        (the counting minutes say so). The value is the round's D."""
        def build(state: CongressState):
            record = open_record(state, election_id)
            member = state.roster.get(member_id)
            if member is None:
                raise DomainError("err.no_member", id=member_id)
            if not may_vote(member):
                raise DomainError("err.cannot_vote", name=member.name)
            if member_id not in state.attendance.here:
                raise DomainError("err.not_here", name=member.name)
            if record.counts(member_id):
                raise DomainError("err.counted_already", name=member.name, issued=record.issued)
            return Change([ev.RoundIssued(election_id, record.number, record.issued + 1, member_id)],
                          record.denominator + 1)
        return self.session.commit("ballots", build)

    def set_candidates(self, election_id: str, member_ids: list[str]) -> Outcome[tuple[str, ...]]:
        """Replace an election's list before its next round opens (the chair, after the congress decided it: a
        secretary's list from the new committee, a new list for unfilled seats). Printed in Vietnamese order unless
        an order is set again (round order). The value is the list as it will be printed."""
        def build(state: CongressState):
            election_of(state, election_id)
            if state.open_round(election_id) is not None:
                raise DomainError("err.round_open", id=election_id)
            if not member_ids or len(set(member_ids)) != len(member_ids):
                raise DomainError("err.round_list", seats=state.scenario.elections[election_id].seats,
                                  n=len(set(member_ids)))
            for member_id in member_ids:
                member = state.roster.get(member_id)
                if member is None:
                    raise DomainError("err.no_member", id=member_id)
                if not eligible(member):
                    raise DomainError("err.cannot_stand", name=member.name)
            change = ev.CandidatesSet(election_id, tuple(member_ids))
            listed = replace(state.scenario.elections[election_id], candidates=tuple(member_ids),
                             order="alphabetical")
            return Change([change], tuple(names_of(state, ballot_order(listed, state.roster))))
        return self.session.commit("votes", build)

    def record_collected(self, election_id: str, collected: int, poll: bool = False) -> Outcome[int]:
        """The ballots the committee counted from the box, before (or while) entering them."""
        def build(state: CongressState):
            record = open_record(state, election_id, poll)
            if not 0 <= collected <= record.issued:
                raise DomainError("err.collected_over", collected=collected, issued=record.issued)
            return Change([ev.RoundCollected(election_id, record.number, collected, poll=poll)], collected)
        return self.session.commit("ballots", build)

    def close_round(self, election_id: str, collected: int | None = None) -> Outcome[dict]:
        """Close the count: every pass entered the same number of ballots as were collected, no mismatch is
        left, collected is not more than issued. Freezes the result (the value) against the round's D."""
        def build(state: CongressState):
            record = open_record(state, election_id)
            count = counted(record, collected)
            result = state.round_result(record, count)
            return Change([ev.RoundClosed(election_id, record.number, count, result)], result)
        return self.session.commit("close", build)

    # ---- nominees from the floor, withdrawals from the list -------------------------------------------------
    def add_nominee(self, election_id: str, member_id: str, votes_for: int) -> Outcome[int]:
        """Retired: a nominee from the floor joins the list through a secret poll (open_poll ... close_poll)."""
        def build(state: CongressState):
            raise DomainError("err.nominate_retired", id=election_id)
        return self.session.commit("votes", build)

    def open_poll(self, election_id: str, nominees: list[str]) -> Outcome[int]:
        """A secret poll (phiếu xin ý kiến) on members put forward from the floor, not on the list the convening
        committee prepared, before the election's first round: ballots issued to the official members present.
        The value is the ballots issued."""
        def build(state: CongressState):
            election_of(state, election_id)
            if state.rounds[election_id]:
                raise DomainError("err.round_started", id=election_id)
            if state.open_poll(election_id) is not None:
                raise DomainError("err.poll_open", id=election_id)
            if not nominees or len(set(nominees)) != len(nominees):
                raise DomainError("err.poll_list")
            listed = state.ballot_order(election_id)
            for member_id in nominees:
                member = state.roster.get(member_id)
                if member is None:
                    raise DomainError("err.no_member", id=member_id)
                if not eligible(member):
                    raise DomainError("err.cannot_stand", name=member.name)
                if member_id in listed:
                    raise DomainError("err.on_list", name=member.name)
            present = state.figures().present_official
            if present == 0:
                raise DomainError("err.nobody_present")
            number = len(state.polls[election_id]) + 1
            return Change([ev.NominationOpened(election_id, number, tuple(nominees), present)], present)
        return self.session.commit("votes", build)

    def close_poll(self, election_id: str, collected: int | None = None) -> Outcome[dict]:
        """Close the poll's count (as a round's): nominees more than 30% of those present agree to join the list
        (each logged with its count); the others do not. The value is the poll's result."""
        def build(state: CongressState):
            record = open_record(state, election_id, poll=True)
            count = counted(record, collected)
            names = {m: state.roster.get(m).name for m in record.candidates}
            result = poll_result(record, names, state.scenario.elections[election_id].title, count)
            items: list[ev.Payload] = [ev.NominationClosed(election_id, record.number, count, result)]
            order = state.ballot_orders.get(election_id)
            for nominee in result["nominees"]:
                if nominee["joins"]:
                    items.append(ev.NomineeAdded(election_id, nominee["id"], nominee["agree"], result["present"]))
                    if order is not None:  # an edited order: the nominee goes at the end, to be placed
                        order = [*order, nominee["id"]]
            if order is not None and order != state.ballot_orders[election_id]:
                items.append(ev.OrderSet(election_id, tuple(order)))
            return Change(items, result)
        return self.session.commit("close", build)

    def decide_withdrawal(self, election_id: str, member_id: str, votes_for: int, against: int,
                          abstain: int) -> Outcome[bool]:
        """A request to come off the list, decided by show of hands before the next round: allowed when more than
        half of D are for it (docs/rules.md, "Withdrawals"). Logged either way; the value says whether allowed."""
        def build(state: CongressState):
            election_of(state, election_id)
            if state.open_round(election_id) is not None:
                raise DomainError("err.round_open", id=election_id)
            member = state.roster.get(member_id)
            if member is None:
                raise DomainError("err.no_member", id=member_id)
            if member_id not in state.ballot_order(election_id):
                raise DomainError("err.not_on_list", name=member.name)
            figures = state.figures()
            problem = check_motion(votes_for, against, abstain, figures.present_official)
            if problem == "negative":
                raise DomainError("err.motion_negative")
            if problem == "too_many":
                raise DomainError("err.motion_too_many", total=votes_for + against + abstain,
                                  present=figures.present_official)
            allowed = MotionResult(votes_for, against, abstain, figures.present_official, figures.denominator).adopted
            return Change([ev.WithdrawalDecided(election_id, member_id, votes_for, against, abstain,
                                                figures.present_official, figures.denominator, allowed)], allowed)
        return self.session.commit("votes", build)

    def publish_round(self, election_id: str) -> Outcome[None]:
        def build(state: CongressState):
            election_of(state, election_id)
            record = state.current_round(election_id)
            if record is None or record.closed is None:
                raise DomainError("err.not_closed", id=election_id)
            if record.published:
                raise DomainError("err.published", id=election_id)
            return [ev.RoundPublished(election_id, record.number)]
        return self.session.commit("votes", build)

    # ---- ballots --------------------------------------------------------------------------------------------
    def enter_ballot(self, election_id: str, reading: Reading, pass_no: int = 1, ballot: int | None = None,
                     poll: bool = False) -> Outcome[int]:
        """Enter one ballot of a pass (the next number unless given; a number already entered is a correction), of
        the election's round being counted, or with poll of its nomination poll (struck: the nominees marked không
        đồng ý). The value is the ballot's number, taken under the store's lock: two terminals never share one."""
        def build(state: CongressState):
            entered = ballot_data(open_record(state, election_id, poll), reading, pass_no, ballot, poll)
            return Change([entered], entered.ballot)
        return self.session.commit("ballots", build)

    def withdraw_ballot(self, election_id: str, pass_no: int = 1, ballot: int | None = None,
                        poll: bool = False) -> Outcome[int]:
        """Take back a ballot of a pass (by default the last one entered); the log keeps the reading. The value is
        the number taken back."""
        def build(state: CongressState):
            record = open_record(state, election_id, poll)
            entered = record.readings.get(pass_no, {})
            number = max(entered, default=None) if ballot is None else ballot
            if number is None:
                raise DomainError("err.no_ballots_yet")
            if number not in entered:
                raise DomainError("err.no_ballot", n=number)
            return Change([ev.BallotWithdrawn(election_id, record.number, number, pass_no, poll=poll)], number)
        return self.session.commit("ballots", build)

    def resolve_ballot(self, election_id: str, ballot: int, reading: Reading, poll: bool = False) -> Outcome[int]:
        """The head of the counting committee settles a ballot the passes read differently."""
        def build(state: CongressState):
            record = open_record(state, election_id, poll)
            if ballot not in record.mismatches():
                raise DomainError("err.not_mismatched", n=ballot)
            entered = ballot_data(record, reading, 1, ballot)
            return Change([ev.BallotResolved(election_id, record.number, ballot, entered.struck, entered.unclear,
                                             entered.invalid, poll=poll)], ballot)
        return self.session.commit("ballots", build)

    def enter_scanned(self, election_id: str, readings: list[tuple[Reading | Queued | tuple[int, ...], str | None]],
                      pass_no: int) -> Outcome[list[int]]:
        """The scanner's pass: the ballots it read, in the stack's order, numbered on from the pass's last number,
        each with the sha256 of its kept image (or None); a Reading is entered (marked as the scanner's), a Queued
        (the rows it was not sure of, and its best reading; or just a tuple of the rows) queues the ballot for a
        person: its number is taken and nothing is entered.
        All or none. Refused on a round of one pass (a human pass is always the other side). The value is the
        numbers, in order."""
        def build(state: CongressState):
            record = open_record(state, election_id)
            check_scanner_pass(record, pass_no)
            number, items, numbers = record.next_ballot(pass_no), [], []
            for reading, image in readings:
                if isinstance(reading, Reading):
                    items.append(replace(ballot_data(record, reading, pass_no, number), scanner=True, image=image))
                else:
                    if number > record.issued:
                        raise DomainError("err.ballot_number", n=number, issued=record.issued)
                    doubt = reading if isinstance(reading, Queued) else Queued(tuple(reading))
                    guess = doubt.guess
                    items.append(ev.BallotQueued(
                        election_id, record.number, number, pass_no, tuple(doubt.rows), image=image,
                        struck=None if guess is None else tuple(sorted(guess.struck)),
                        unclear=None if guess is None else tuple(sorted(guess.unclear)), outside=doubt.outside))
                numbers.append(number)
                number += 1
            return Change(items, numbers)
        return self.session.commit("ballots", build)

    def enter_reviewed(self, election_id: str, ballot: int, reading: Reading, pass_no: int) -> Outcome[int]:
        """A person enters a ballot the scanner queued on a pass, having looked at it: the machine's reading accepted
        or corrected (entered as this terminal's, not the scanner's). Refused when the ballot is not waiting on that
        pass (never queued, or entered since). The value is the ballot's number."""
        def build(state: CongressState):
            record = open_record(state, election_id)
            if not 1 <= pass_no <= record.passes:
                raise DomainError("err.no_pass", n=pass_no, passes=record.passes)
            if ballot not in record.to_review(pass_no):
                raise DomainError("review.err.not_queued", n=ballot, pass_no=pass_no)
            entered = ballot_data(record, reading, pass_no, ballot)
            return Change([entered], entered.ballot)
        return self.session.commit("ballots", build)

    def import_ballots(self, election_id: str, path: str, pass_no: int = 1, poll: bool = False) -> Outcome[int]:
        """Import a ballots CSV (ballot,struck,unclear,invalid; for a nomination poll ballot,against): all rows or
        none. The value is the number of ballots imported."""
        try:
            with open(path, encoding="utf-8-sig", newline="") as f:
                text = f.read()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(path, f"cannot read the ballots file: {getattr(exc, 'strerror', None) or exc}") from None
        rows = ballot_rows(text, path, poll)

        def build(state: CongressState):
            record = open_record(state, election_id, poll)
            items, seen = [], set()
            entered = record.readings.get(pass_no, {}) if 1 <= pass_no <= record.passes else {}
            for row in rows:
                if row.ballot in seen:
                    raise InputError(path, f"ballot {row.ballot} appears twice", line=row.line)
                if row.ballot in entered:
                    raise InputError(path, f"ballot {row.ballot} is already entered in pass {pass_no} (correct it "
                                     f"on the counting screen, or import into another pass)", line=row.line)
                seen.add(row.ballot)
                try:
                    items.append(ballot_data(record, row.reading, pass_no, row.ballot, poll))
                except DomainError as exc:
                    raise InputError(path, exc.text("en"), line=row.line) from None
            return Change(items, len(items))
        return self.session.commit("ballots", build)

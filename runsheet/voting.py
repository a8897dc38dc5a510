"""Commands for show-of-hands motions and election rounds; part of the commands layer (Session mixes it in)."""

from __future__ import annotations

import csv
import io

from .errors import DomainError, InputError
from .rules.election import (
    MotionResult,
    Reading,
    ReadingError,
    RoundRecord,
    ListCheck,
    check_list,
    check_motion,
    check_reading,
    floor_nominee_accepted,
    tally,
)
from .rules.attendance import eligible
from .store.events import Event
from .store.state import CongressState

BALLOT_COLUMNS = ("ballot", "struck", "unclear", "invalid")


def parse_numbers(text: str) -> frozenset[int]:
    """'3 7 12' (or commas/semicolons) as numbers; ValueError on anything else."""
    parts = text.replace(",", " ").replace(";", " ").split()
    if not all(p.isascii() and p.isdigit() for p in parts):
        raise ValueError(text)
    return frozenset(int(p) for p in parts)


class VotingCommands:
    # ---- show of hands ------------------------------------------------------------------------------------
    def record_motion(self, motion_id: str, votes_for: int, against: int, abstain: int) -> list[Event]:
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
            return [("motion.recorded", {"motion": motion_id, "for": votes_for, "against": against,
                                         "abstain": abstain, "present": figures.present_official,
                                         "denominator": figures.denominator})]
        return self._commit("votes", build)

    def motion_result(self, motion_id: str) -> MotionResult | None:
        results = self.state.motions.get(motion_id)
        return results[-1] if results else None

    # ---- election rounds ------------------------------------------------------------------------------------
    def _election(self, state: CongressState, election_id: str):
        election = state.scenario.elections.get(election_id)
        if election is None:
            raise DomainError("err.no_election", id=election_id)
        return election

    def _open(self, state: CongressState, election_id: str) -> RoundRecord:
        self._election(state, election_id)
        record = state.open_round(election_id)
        if record is None:
            raise DomainError("err.no_open_round", id=election_id)
        return record

    def set_ballot_order(self, election_id: str, order: list[str]) -> list[Event]:
        """The order names are printed in (the printed ballot is the truth); only while no round is open."""
        def build(state: CongressState):
            self._election(state, election_id)
            if state.open_round(election_id) is not None:
                raise DomainError("err.round_open", id=election_id)
            # exactly the names on the list now (the scenario's and the floor's nominees): a new order never drops one
            if sorted(order) != sorted(state.ballot_order(election_id)):
                raise DomainError("err.order_names", id=election_id)
            return [("election.order_set", {"election": election_id, "order": list(order)})]
        return self._commit("votes", build)

    def add_nominee(self, election_id: str, member_id: str, votes_for: int) -> list[Event]:
        """A nominee from the floor, not proposed by the outgoing committee, joins the list only when more than
        30% of the official members present agree (recorded with the count), before the first round."""
        def build(state: CongressState):
            self._election(state, election_id)
            if state.rounds[election_id]:
                raise DomainError("err.round_started", id=election_id)
            member = state.roster.get(member_id)
            if member is None:
                raise DomainError("err.no_member", id=member_id)
            if not eligible(member):
                raise DomainError("err.cannot_stand", name=member.name)
            if member_id in state.ballot_order(election_id):
                raise DomainError("err.on_list", name=member.name)
            present = state.figures().present_official
            if votes_for < 0:
                raise DomainError("err.motion_negative")
            if votes_for > present:
                raise DomainError("err.motion_too_many", total=votes_for, present=present)
            if not floor_nominee_accepted(votes_for, present):
                raise DomainError("err.nominee_votes", name=member.name, votes=votes_for, present=present)
            items = [("election.nominee_added", {"election": election_id, "member": member_id, "for": votes_for,
                                                 "present": present})]
            if election_id in state.ballot_orders:  # an edited order: the nominee goes at the end, to be placed
                items.append(("election.order_set", {"election": election_id,
                                                     "order": [*state.ballot_orders[election_id], member_id]}))
            return items
        return self._commit("votes", build)

    def list_check(self, election_id: str) -> ListCheck:
        """The candidate list against the seats: the surplus, over 30%, or none for a committee."""
        election = self._election(self.state, election_id)
        return check_list(len(self.state.ballot_order(election_id)), election.seats)

    def open_round(self, election_id: str, passes: int = 1, candidates: list[str] | None = None,
                   seats: int | None = None) -> list[Event]:
        """Open the next round: ballots issued = official members present now; D as it stands now."""
        def build(state: CongressState):
            election = self._election(state, election_id)
            if state.open_round(election_id) is not None:
                raise DomainError("err.round_open", id=election_id)
            if not 1 <= passes <= 3:
                raise DomainError("err.passes")
            rounds = state.rounds[election_id]
            names, places = candidates, seats
            if rounds:
                last = rounds[-1].closed
                if last["unfilled"] == 0:
                    raise DomainError("err.all_elected", id=election_id)
                if names is None:  # by default: a runoff among the tied, else the rest for the unfilled seats
                    names = last["tied"] or [c["id"] for c in last["candidates"] if not c["elected"]]
                if places is None:
                    places = last["unfilled"]
            names = list(names) if names is not None else state.ballot_order(election_id)
            places = election.seats if places is None else places
            for member_id in names:
                member = state.roster.get(member_id)
                if member is None:
                    raise DomainError("err.no_member", id=member_id)
                if not eligible(member):
                    raise DomainError("err.cannot_stand", name=member.name)
            if len(set(names)) != len(names) or not 1 <= places <= len(names):
                raise DomainError("err.round_list", seats=places, n=len(names))
            figures = state.figures()
            if figures.present_official == 0:
                raise DomainError("err.nobody_present")
            return [("round.opened", {"election": election_id, "round": len(rounds) + 1, "candidates": names,
                                      "seats": places, "passes": passes, "issued": figures.present_official,
                                      "denominator": figures.denominator})]
        return self._commit("votes", build)

    def enter_ballot(self, election_id: str, reading: Reading, pass_no: int = 1,
                     ballot: int | None = None) -> list[Event]:
        """Enter one ballot of a pass (the next number unless given); a number already entered is a correction."""
        def build(state: CongressState):
            record = self._open(state, election_id)
            return [("ballot.entered", self._ballot_data(record, reading, pass_no, ballot))]
        return self._commit("ballots", build)

    def _ballot_data(self, record: RoundRecord, reading: Reading, pass_no: int, ballot: int | None) -> dict:
        if not 1 <= pass_no <= record.passes:
            raise DomainError("err.no_pass", n=pass_no, passes=record.passes)
        number = record.next_ballot(pass_no) if ballot is None else ballot
        if not 1 <= number <= record.issued:
            raise DomainError("err.ballot_number", n=number, issued=record.issued)
        try:
            check_reading(reading, len(record.candidates), record.form)
        except ReadingError as exc:
            raise DomainError("err.reading", ballot=number, problem=exc) from None
        return {"election": record.election, "round": record.number, "pass": pass_no, "ballot": number,
                **reading.to_data()}

    def withdraw_ballot(self, election_id: str, pass_no: int = 1, ballot: int | None = None) -> list[Event]:
        """Take back a ballot of a pass (by default the last one entered); the log keeps the reading."""
        def build(state: CongressState):
            record = self._open(state, election_id)
            entered = record.readings.get(pass_no, {})
            number = max(entered, default=None) if ballot is None else ballot
            if number is None:
                raise DomainError("err.no_ballots_yet")
            if number not in entered:
                raise DomainError("err.no_ballot", n=number)
            return [("ballot.withdrawn", {"election": election_id, "round": record.number, "pass": pass_no,
                                          "ballot": number})]
        return self._commit("ballots", build)

    def resolve_ballot(self, election_id: str, ballot: int, reading: Reading) -> list[Event]:
        """The head of the counting committee settles a ballot the passes read differently."""
        def build(state: CongressState):
            record = self._open(state, election_id)
            if ballot not in record.mismatches():
                raise DomainError("err.not_mismatched", n=ballot)
            data = self._ballot_data(record, reading, 1, ballot)
            data.pop("pass")
            return [("ballot.resolved", data)]
        return self._commit("ballots", build)

    def import_ballots(self, election_id: str, path: str, pass_no: int = 1) -> list[Event]:
        """Import a ballots CSV (ballot,struck,unclear,invalid): all rows or none."""
        try:
            with open(path, encoding="utf-8-sig", newline="") as f:
                text = f.read()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(path, f"cannot read the ballots file: {getattr(exc, 'strerror', None) or exc}") from None
        rows = _ballot_rows(text, path)

        def build(state: CongressState):
            record = self._open(state, election_id)
            items, seen = [], set()
            entered = record.readings.get(pass_no, {}) if 1 <= pass_no <= record.passes else {}
            for line, number, reading in rows:
                if number in seen:
                    raise InputError(path, f"ballot {number} appears twice", line=line)
                if number in entered:
                    raise InputError(path, f"ballot {number} is already entered in pass {pass_no} (correct it on "
                                     f"the counting screen, or import into another pass)", line=line)
                seen.add(number)
                try:
                    data = self._ballot_data(record, reading, pass_no, number)
                except DomainError as exc:
                    raise InputError(path, exc.text("en"), line=line) from None
                items.append(("ballot.entered", data))
            return items
        return self._commit("ballots", build)

    def cancel_round(self, election_id: str) -> list[Event]:
        """A round opened by mistake (before any ballot was entered) is taken back; the log keeps both."""
        def build(state: CongressState):
            record = self._open(state, election_id)
            if any(record.readings.get(p) for p in range(1, record.passes + 1)):
                raise DomainError("err.round_has_ballots", id=election_id)
            return [("round.cancelled", {"election": election_id, "round": record.number})]
        return self._commit("votes", build)

    def set_issued(self, election_id: str, issued: int) -> list[Event]:
        """Correct the ballots issued while the round is open (a latecomer given a ballot, one not handed out):
        never fewer than a number already entered or collected, never more than official members present."""
        def build(state: CongressState):
            record = self._open(state, election_id)
            entered = max((max(r, default=0) for r in record.readings.values()), default=0)
            floor = max(entered, record.collected or 0, 1)
            present = state.figures().present_official
            if not floor <= issued <= present:
                raise DomainError("err.issued_range", issued=issued, low=floor, high=present)
            if issued == record.issued:
                return []
            return [("round.issued", {"election": election_id, "round": record.number, "issued": issued})]
        return self._commit("ballots", build)  # the counting committee hands the ballots out

    def record_collected(self, election_id: str, collected: int) -> list[Event]:
        """The ballots the committee counted from the box, before (or while) entering them."""
        def build(state: CongressState):
            record = self._open(state, election_id)
            if not 0 <= collected <= record.issued:
                raise DomainError("err.collected_over", collected=collected, issued=record.issued)
            return [("round.collected", {"election": election_id, "round": record.number, "collected": collected})]
        return self._commit("ballots", build)

    def close_round(self, election_id: str, collected: int | None = None) -> list[Event]:
        """Close the count: every pass entered the same number of ballots as were collected, no mismatch is
        left, collected is not more than issued. Freezes the result with D as it stands now."""
        def build(state: CongressState):
            record = self._open(state, election_id)
            agreed = record.agreed()
            count = collected if collected is not None else (
                record.collected if record.collected is not None else len(agreed))
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
                    raise DomainError("err.entered_differs", pass_no=pass_no, entered=record.entered(pass_no),
                                      collected=count)
            if len(agreed) != count:
                raise DomainError("err.entered_differs", pass_no=1, entered=len(agreed), collected=count)
            figures = state.figures()
            result = results_data(state, record, agreed, count, figures.denominator)
            return [("round.closed", {"election": election_id, "round": record.number, "collected": count,
                                      "result": result})]
        return self._commit("close", build)

    def publish_round(self, election_id: str) -> list[Event]:
        def build(state: CongressState):
            self._election(state, election_id)
            record = state.current_round(election_id)
            if record is None or record.closed is None:
                raise DomainError("err.not_closed", id=election_id)
            if record.published:
                raise DomainError("err.published", id=election_id)
            return [("round.published", {"election": election_id, "round": record.number})]
        return self._commit("votes", build)

    def live_results(self, election_id: str, round_no: int | None = None) -> dict:
        """A round's result (the current round by default): frozen once closed, otherwise the tally of the agreed
        ballots."""
        state = self.state
        self._election(state, election_id)
        rounds = state.rounds[election_id]
        if round_no is not None and not 1 <= round_no <= len(rounds):
            raise DomainError("err.no_such_round", id=election_id, n=round_no)
        record = rounds[round_no - 1] if round_no is not None else state.current_round(election_id)
        if record is None:
            raise DomainError("err.no_round", id=election_id)
        if record.closed is not None:
            return record.closed
        agreed = record.agreed()
        return results_data(state, record, agreed, len(agreed), state.figures().denominator, closed=False)


def results_data(state: CongressState, record: RoundRecord, agreed: dict[int, Reading], collected: int,
                 denominator: int, closed: bool = True) -> dict:
    """The results JSON of DESIGN.md §3 (plus a few fields: title, needed, invalid reasons, closed)."""
    result = tally(record.candidates, record.seats, denominator, agreed.values())
    names = {m: state.roster.get(m).name for m in record.candidates}
    return {
        "election": record.election, "title": state.scenario.elections[record.election].title,
        "round": record.number, "form": record.form, "seats": record.seats, "denominator": denominator,
        "needed": result.needed,
        "ballots": {"issued": record.issued, "collected": collected, "valid": result.valid,
                    "invalid": result.invalid, "invalid_reasons": result.invalid_by_reason},
        "candidates": [{"no": line.no, "id": line.id, "name": names[line.id], "votes": line.votes,
                        "percent": line.percent, "elected": line.elected} for line in result.lines],
        "elected": [line.id for line in result.elected],
        "tied": list(result.tied), "unfilled": result.unfilled, "closed": closed,
    }


def _list(numbers) -> str:
    shown = [str(n) for n in list(numbers)[:10]]
    return ", ".join(shown) + ("…" if len(numbers) > 10 else "")


def _ballot_rows(text: str, path: str) -> list[tuple[int, int, Reading]]:
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None:
        raise InputError(path, "the ballots file is empty")
    columns = [h.strip().lower() for h in header]
    unknown = [c for c in columns if c not in BALLOT_COLUMNS]
    if unknown:
        raise InputError(path, f"unknown column {unknown[0]!r} (columns: {', '.join(BALLOT_COLUMNS)})", line=1)
    if "ballot" not in columns:
        raise InputError(path, f"missing column 'ballot' (columns: {', '.join(BALLOT_COLUMNS)})", line=1)
    rows = []
    for cells in reader:
        line = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(columns) and any(c.strip() for c in cells[len(columns):]):
            raise InputError(path, f"more cells than columns ({len(columns)}); quote a cell that holds a comma",
                             line=line)
        values = {columns[i]: c.strip() for i, c in enumerate(cells) if i < len(columns)}
        try:
            number = int(values.get("ballot", ""))
        except ValueError:
            raise InputError(path, f"ballot number {values.get('ballot')!r} is not a whole number", line=line) from None
        try:
            struck, unclear = parse_numbers(values.get("struck", "")), parse_numbers(values.get("unclear", ""))
        except ValueError:
            raise InputError(path, "struck and unclear hold name numbers separated by spaces", line=line,
                             item=f"ballot {number}") from None
        invalid = values.get("invalid") or None
        rows.append((line, number, Reading(struck, unclear, invalid)))
    return rows

"""One closed round of the demo congress's committee election (scenarios/chi-bo.toml, data/demo-roster.csv), driven
through the commands by named terminals with a clock the driver moves: deterministic but for the congress id and the
hashes (random secrets at create), which normalise() replaces for golden comparisons.

Attendance: twelve official members and three probationary present, DV13 excused, DV16 absent without a reason,
DV05 exempt and absent, DV08 attached elsewhere: D = 13, twelve ballots issued, 7 votes needed.
chi-uy: 6 names, 5 seats, strike form; in ballot order (given names: Dung, Hằng, Hùng, Hùng, Lan, Thành)
1 Ngô Thị Dung (DV09), 2 Lê Thị Thu Hằng (DV02), 3 Lê Quốc Hùng (DV11), 4 Trần Mạnh Hùng (DV01), 5 Hoàng Thị Lan
(DV06), 6 Phạm Quốc Thành (DV04).
Double entry on two terminals; the second clerk corrects ballot 3, takes back and re-enters ballot 5, and reads
ballot 7 differently, which the head of the committee settles. Ballot 11 bears an identifying mark, ballot 12 has every
name struck. Votes 9 9 8 8 7 7: four elected, the last two tied for the fifth seat, one seat unfilled.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

from runsheet.clock import FakeClock
from runsheet.commands import Session, create
from runsheet.rules.election import Reading

ROOT = Path(__file__).resolve().parents[2]
VN = timezone(timedelta(hours=7))
START = datetime(2025, 6, 1, 9, 40, tzinfo=VN)
E = "chi-uy"
PRESENT = ["DV01", "DV02", "DV03", "DV04", "DV06", "DV07", "DV09", "DV10", "DV11", "DV14", "DV17", "DV19",
           "DV12", "DV15", "DV18"]
STRUCK = [{5}, {6}, {5}, {6}, {3}, {4}, {1, 5}, {2, 6}, {3}, {4}, {2}, {1, 2, 3, 4, 5, 6}]
MARKED = 11  # ballot 11: an identifying mark
VOTES = {"DV09": 9, "DV02": 9, "DV11": 8, "DV01": 8, "DV06": 7, "DV04": 7}  # in ballot order


def reading(number: int, struck: set[int] | None = None) -> Reading:
    return Reading(frozenset(STRUCK[number - 1] if struck is None else struck),
                   invalid="identifying_mark" if number == MARKED else None)


def drive(db: Path, committee: bool = True) -> Session:
    """The congress up to the close of round 1 of chi-uy (not published). Returns the chair's session."""
    clock = FakeClock(START)
    chair = create(str(db), str(ROOT / "scenarios" / "chi-bo.toml"), str(ROOT / "data" / "demo-roster.csv"),
                   clock=clock, terminal="chu-toa", congress_date="2025-06-01", start="07:30")
    desk = Session(str(db), role="desk", clock=clock, terminal="le-tan")
    desk.attendance.attend(PRESENT)
    desk.attendance.absent("DV13", "Đi công tác theo quyết định của cơ quan")
    desk.attendance.absent("DV16")
    if committee:
        Session(str(db), role="secretary", clock=clock, terminal="thu-ky").speaking.set_officers(
            "counting", ["DV07, Trưởng ban", "DV17", "DV19"])
    clock.advance(minutes=5)
    chair.voting.open_round(E, passes=2)
    clock.advance(minutes=12)  # the vote
    first, second = (Session(str(db), role="counting", clock=clock, terminal=f"kiem-phieu-{n}") for n in (1, 2))
    first.voting.record_collected(E, 12)
    for number in range(1, 13):
        first.voting.enter_ballot(E, reading(number), 1)
        clock.advance(seconds=7)
        if number == 3:
            second.voting.enter_ballot(E, reading(3, {6}), 2)  # a slip...
            clock.advance(seconds=4)
            second.voting.enter_ballot(E, reading(3), 2, ballot=3)  # ...corrected at once (F7)
        elif number == 5:
            second.voting.enter_ballot(E, reading(5, {3, 4}), 2)
            clock.advance(seconds=3)
            second.voting.withdraw_ballot(E, 2)  # taken back (F6) and entered again
            second.voting.enter_ballot(E, reading(5), 2)
        elif number == 7:
            second.voting.enter_ballot(E, reading(7, {1}), 2)  # read differently from pass 1
        else:
            second.voting.enter_ballot(E, reading(number), 2)
        clock.advance(seconds=6)
    clock.advance(minutes=1)
    first.voting.resolve_ballot(E, 7, reading(7))  # the head of the committee looks at the paper
    clock.advance(minutes=2)
    first.voting.close_round(E, 12)
    chair.sync()
    return chair


def normalise(text: str) -> str:
    """The congress id and the hashes, which differ on every run, as fixed tokens."""
    text = re.sub(r"RS[DL]1\|[0-9a-f]{8}\|", lambda m: m.group(0)[:5] + "<congress>|", text)
    text = re.sub(r"(: |--code )[0-9a-f]{8}\b", r"\1<code>", text)  # the head's short code
    return re.sub(r"\bh=[0-9a-f]{16}\b", "h=<hash>", text)

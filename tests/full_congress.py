"""A whole demo congress (scenarios/chi-bo.toml, data/demo-roster.csv) run start to finish through the commands
with a clock the driver moves: deterministic, so its minutes can be compared with golden files."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from runsheet.clock import FakeClock
from runsheet.commands import Session, create
from runsheet.rules.election import Reading

ROOT = Path(__file__).resolve().parent.parent
VN = timezone(timedelta(hours=7))
START = datetime(2025, 6, 1, 7, 15, tzinfo=VN)

PRESENT = ["DV01", "DV02", "DV03", "DV04", "DV06", "DV07", "DV09", "DV10", "DV11", "DV14", "DV17", "DV19",
           "DV12", "DV15", "DV18"]  # twelve official members and three probationary
EXCUSED = {"DV13": "Đi công tác theo quyết định của cơ quan", "DV20": "Ốm, nằm viện"}
UNEXCUSED = ["DV16"]
# D = 16 official - DV08 (transferred) - DV05 (exempt, absent) - DV13 (excused) = 13; twelve present

# the chi-uy ballots (6 names, 5 seats, strike form), numbers as printed in ballot order
CHI_UY = [{2}, {2}, {5}, {5}, {6}, {6}, {6}, {2, 5}, {6}, {6}, set(), {1, 2, 3, 4, 5, 6}]
SPEECHES = [
    ("DV03", "", 6.5, "Đề nghị bổ sung chỉ tiêu phát triển đảng viên mới trong nhiệm kỳ."),
    ("DV09", "", 8, "Nêu khó khăn trong chuyển đổi số; đề nghị tăng cường tập huấn cho cán bộ."),
    ("Nguyễn Văn Khải", "Phó Bí thư Đảng ủy Văn phòng", 5, "Ghi nhận kết quả; lưu ý công tác kiểm tra, giám sát."),
]


def drive(db: Path, clock: FakeClock | None = None) -> Session:
    clock = clock or FakeClock(START)
    session = create(str(db), str(ROOT / "scenarios" / "chi-bo.toml"), str(ROOT / "data" / "demo-roster.csv"),
                     clock=clock, terminal="chu-toa", congress_date="2025-06-01")
    desk = Session(str(db), role="desk", clock=clock, terminal="le-tan")
    secretary = Session(str(db), role="secretary", clock=clock, terminal="thu-ky")
    counting = [Session(str(db), role="counting", clock=clock, terminal=f"kiem-phieu-{n}") for n in (1, 2)]
    for member in PRESENT:
        desk.attendance.check_in(member)
        clock.advance(seconds=20)
    for member, reason in EXCUSED.items():
        desk.attendance.absent(member, reason)
    for member in UNEXCUSED:
        desk.attendance.absent(member)
    clock.moment = START + timedelta(minutes=15)  # 07:30, the planned start
    for step_id in list(session.state.agenda.order):
        session.agenda.next_step()
        step = session.state.agenda.run(step_id).step
        if step.id == "bau-doan-chu-tich":
            secretary.speaking.set_officers("presidium", ["DV01", "DV02", "DV04"])
            secretary.speaking.set_officers("secretariat", ["DV14", "DV10"])
        if step.id == "bau-ban-kiem-phieu":
            secretary.speaking.set_officers("counting", ["DV07, Trưởng ban", "DV17", "DV19"])
        if step.motion:
            present = session.state.figures().present_official
            session.voting.record_motion(step.motion, present - 1, 0, 1) if step.motion == "nghi-quyet" \
                else session.voting.record_motion(step.motion, present, 0, 0)
        if step.speech_limit:
            for who, title, _minutes, _notes in SPEECHES:
                secretary.speaking.add_speaker(who, title)
            for _, _, minutes, notes in SPEECHES:
                speech = secretary.speaking.start_speech().value
                clock.advance(minutes=minutes)
                secretary.speaking.end_speech()
                secretary.speaking.note_speech(speech, notes)
                clock.advance(seconds=30)
        if step.election:
            _election(session, counting, clock, step.election)
        clock.moment = max(clock.moment, session.state.agenda.run(step_id).actual_start
                           + timedelta(seconds=step.seconds + (60 if step.id == "thao-luan" else 0)))
    session.agenda.next_step()  # after the last step: the congress closes
    return session


def _election(chair: Session, counting: list[Session], clock: FakeClock, election: str) -> None:
    chair.voting.open_round(election, passes=2)
    record = chair.state.current_round(election)
    readings = [Reading(frozenset(s)) for s in CHI_UY] if election == "chi-uy" else \
        [Reading(frozenset({1}) if n == 4 else frozenset()) for n in range(record.issued)]
    for pass_no, clerk in ((1, counting[0]), (2, counting[1])):
        for number, reading in enumerate(readings, start=1):
            if pass_no == 2 and number == 3 and election == "chi-uy":
                clerk.voting.enter_ballot(election, Reading(frozenset({4})), pass_no)  # a slip, corrected at once
                clerk.voting.enter_ballot(election, reading, pass_no, ballot=number)
                continue
            clerk.voting.enter_ballot(election, reading, pass_no)
            clock.advance(seconds=10)
    counting[0].voting.close_round(election, len(readings))
    chair.voting.publish_round(election)

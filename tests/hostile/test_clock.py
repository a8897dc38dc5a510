"""The host's clock set back during a step (15:00 to 13:00): the log keeps its order (seq; an event's time may go
back), no step or speech lasts less than nothing, on screen or in the minutes, and the chair is told once."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

from runsheet.reports.document import to_md
from runsheet.reports.minutes import build_minutes
from runsheet.ui.app import RunsheetApp

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ui"))
from driving import settle

VN_3PM = dict(hour=15, minute=0, second=0)


def set_back(session, clock) -> datetime:
    """khai-mac held, bao-cao started at 15:00 with a speech; at 15:10 the clock is set back to 13:10."""
    session.attendance.attend(["A1", "A2", "A3"])
    session.agenda.next_step()
    clock.moment = clock.moment.replace(**VN_3PM)
    session.agenda.next_step()  # bao-cao, at 15:00
    speech = session.speaking.add_speaker("A1").value
    session.speaking.start_speech(speech)
    clock.advance(minutes=10)
    clock.moment -= timedelta(hours=2)  # 13:10
    return clock.moment


def test_events_keep_their_order_and_nothing_runs_backwards(session, clock):
    set_back(session, clock)
    runs = session.state.agenda.runs
    assert runs["bao-cao"].elapsed(clock()) == 0  # not -110 minutes
    assert session.state.speech_timer(clock()).elapsed == 0
    clock.advance(minutes=5)
    session.speaking.end_speech()
    session.agenda.next_step()  # bao-cao ends at 13:15 by the clock
    events = session.log.events
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    assert events[-1].at < events[-3].at  # the log keeps the times as written
    for step_id in ("khai-mac", "bao-cao"):
        run = runs[step_id]
        assert run.actual_end >= run.actual_start, step_id
        assert run.elapsed(clock()) >= 0
    for speech in session.state.speeches.items.values():
        assert speech.elapsed(clock()) >= 0
    for row in session.state.agenda.rows(clock()):
        if row.actual_start and row.actual_end:
            assert row.actual_end >= row.actual_start


def test_the_minutes_show_no_step_ending_before_it_began(session, clock):
    set_back(session, clock)
    clock.advance(minutes=5)
    session.agenda.next_step()
    text = to_md(build_minutes(session.state, "vi", clock(), draft=True))
    assert "15:00 | 13:15" not in text and "15 giờ 00 phút | 13 giờ 15" not in text
    assert "| -" not in text  # no negative minutes
    run = session.state.agenda.runs["bao-cao"]
    assert run.actual_end >= run.actual_start


async def test_the_chair_is_told_once(session, clock):
    session.attendance.attend(["A1", "A2", "A3"])
    session.agenda.next_step()
    clock.moment = clock.moment.replace(**VN_3PM)
    session.agenda.next_step()
    app = RunsheetApp(session, clock=clock, poll=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        clock.advance(minutes=10)
        app.tick()
        await settle(pilot)
        assert not [n for n in app._notifications if "lùi" in str(n.message)]
        clock.moment -= timedelta(hours=2)
        for _ in range(3):
            app.tick()
            clock.advance(seconds=1)
        await settle(pilot)
        told = [str(n.message) for n in app._notifications if "lùi" in str(n.message)]
        assert len(told) == 1, told
        assert "120 phút" in told[0] and "15:10" in told[0]
        assert app.screen.query_one("#timer-digits").value == "10:00"  # 20 minutes, 10 gone: it stands still

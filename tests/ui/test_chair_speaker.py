"""The chair sees who has the floor: one line under the step's timer, coloured like the timer."""

from __future__ import annotations

from runsheet.ui.app import RunsheetApp
from runsheet.ui.widgets.speaker_line import SpeakerLine

SIZE = (130, 36)


def discussion(session) -> None:
    while session.state.agenda.current != "thao-luan":
        session.agenda.next_step()


def line(app) -> SpeakerLine:
    return app.screen.query_one(SpeakerLine)


async def test_the_speaker_line_follows_the_speech(session, clock):
    discussion(session)
    session.speaking.add_speaker("DV03")
    app = RunsheetApp(session, clock=clock, poll=False)
    async with app.run_test(size=SIZE) as pilot:
        assert not line(app).display
        session.speaking.start_speech()
        clock.advance(minutes=2)
        await app.sync_now()
        await pilot.pause()
        assert line(app).display and line(app).has_class("-calm")
        assert str(line(app).render()) == "Đang phát biểu: Nguyễn Văn Bình · còn 05:00"
        clock.advance(minutes=4)
        await app.sync_now()
        await pilot.pause()
        assert line(app).has_class("-warning")
        clock.advance(minutes=2)
        session.speaking.pause_speech()
        await app.sync_now()
        await pilot.pause()
        assert line(app).has_class("-overtime") and line(app).has_class("-paused")
        assert str(line(app).render()) == "Đang phát biểu: Nguyễn Văn Bình · quá giờ 01:00 · TẠM DỪNG"
        session.speaking.end_speech()
        await app.sync_now()
        await pilot.pause()
        assert not line(app).display


async def test_a_speech_at_a_step_without_a_limit_counts_up(session, clock):
    discussion(session)
    session.agenda.next_step()  # "Phát biểu chỉ đạo ...": no limit per speech
    session.speaking.add_speaker("Nguyễn Văn Cấp Trên", "Ủy viên Ban Thường vụ Đảng ủy")
    session.speaking.start_speech()
    clock.advance(minutes=9)
    app = RunsheetApp(session, clock=clock, poll=False, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert str(line(app).render()) == "Speaking: Nguyễn Văn Cấp Trên, Ủy viên Ban Thường vụ Đảng ủy · 09:00 so far"
        assert line(app).has_class("-calm")


def test_chair_with_a_speaker_snapshot(snap_compare, session, clock):
    session.attendance.attend([m.id for m in session.state.roster][:-3])
    discussion(session)
    session.speaking.add_speaker("DV13")
    session.speaking.start_speech()
    clock.advance(minutes=5, seconds=40)
    assert snap_compare(RunsheetApp(session, clock=clock, poll=False), terminal_size=(100, 30))

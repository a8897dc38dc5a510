"""The list of speakers and the officers, through the commands: events, timings, refusals."""

from __future__ import annotations

import pytest

from runsheet.commands import Session
from runsheet.errors import DomainError
from runsheet.rules.schedule import Phase


@pytest.fixture
def talking(session, clock):
    """The mini congress at its report step, which allows speeches of five minutes."""
    session.agenda.next_step()
    session.agenda.next_step()
    assert session.state.agenda.current == "bao-cao"
    return session


def test_members_and_guests_join_the_list_of_the_current_step(talking):
    talking.speaking.add_speaker("A2")
    talking.speaking.add_speaker("  Trần   Văn Khách ", "Bí thư Đảng ủy phường")
    first, guest = talking.state.speeches.of_step("bao-cao")
    assert (first.id, first.member, first.name) == ("s1", "A2", talking.state.roster.get("A2").name)
    assert (guest.member, guest.name, guest.title) == (None, "Trần Văn Khách", "Bí thư Đảng ủy phường")
    assert guest.label() == "Trần Văn Khách, Bí thư Đảng ủy phường"
    assert [s.status for s in (first, guest)] == ["waiting", "waiting"]


def test_a_speaker_may_be_put_on_a_later_step_and_unknown_steps_are_refused(talking):
    talking.speaking.add_speaker("A3", step_id="be-mac")
    assert [s.member for s in talking.state.speeches.of_step("be-mac")] == ["A3"]
    with pytest.raises(DomainError):
        talking.speaking.add_speaker("A3", step_id="no-such-step")
    with pytest.raises(DomainError) as refused:
        talking.speaking.add_speaker("   ")
    assert refused.value.key == "err.speaker_empty"


def test_a_speech_times_only_while_it_runs_and_counts_down_from_the_step_limit(talking, clock):
    talking.speaking.add_speaker("A2")
    talking.speaking.start_speech()
    clock.advance(minutes=2)
    talking.speaking.pause_speech()
    clock.advance(minutes=10)  # a pause does not count
    talking.speaking.resume_speech()
    clock.advance(minutes=2, seconds=30)
    timer = talking.state.speeches.timer(clock(), 5)
    assert (timer.elapsed, timer.allotted, timer.remaining) == (270, 300, 30)
    assert timer.phase is Phase.WARNING  # the last 20%
    clock.advance(minutes=1)
    assert talking.state.speeches.timer(clock(), 5).phase is Phase.OVERTIME
    talking.speaking.end_speech()
    speech = talking.state.speeches.items["s1"]
    assert speech.status == "done" and speech.elapsed(clock()) == 330
    assert talking.state.speeches.timer(clock(), 5) is None


def test_ending_while_paused_does_not_count_the_pause(talking, clock):
    talking.speaking.add_speaker("A2")
    talking.speaking.start_speech()
    clock.advance(minutes=1)
    talking.speaking.toggle_speech_pause()
    clock.advance(minutes=5)
    talking.speaking.end_speech()
    assert talking.state.speeches.items["s1"].elapsed(clock()) == 60


def test_giving_the_floor_to_the_next_ends_the_speech_running(talking, clock):
    for who in ("A1", "A2", "A3"):
        talking.speaking.add_speaker(who)
    talking.speaking.start_speech()
    clock.advance(minutes=3)
    events = talking.speaking.start_speech("s3").events  # the chair calls someone out of turn
    assert [e.type for e in events] == ["speech.ended", "speech.started"]
    assert talking.state.speeches.items["s1"].status == "done"
    assert talking.state.speeches.current == "s3"
    clock.advance(minutes=1)
    talking.speaking.start_speech()  # the next waiting one
    assert talking.state.speeches.current == "s2"
    total = talking.state.speeches.step_total("bao-cao", clock())
    assert (total.count, total.seconds) == (3, 240)


def test_refusals_name_the_problem(talking):
    talking.speaking.add_speaker("A1")
    with pytest.raises(DomainError) as refused:
        talking.speaking.end_speech()
    assert refused.value.key == "err.no_speech_running"
    talking.speaking.start_speech()
    talking.speaking.end_speech()
    with pytest.raises(DomainError) as refused:
        talking.speaking.start_speech("s1")
    assert refused.value.key == "err.speech_done" and "đã phát biểu xong" in refused.value.text("vi")
    with pytest.raises(DomainError) as refused:
        talking.speaking.start_speech()
    assert refused.value.key == "err.no_speaker_waiting"
    with pytest.raises(DomainError):
        talking.speaking.withdraw_speaker("s1")
    with pytest.raises(DomainError) as refused:
        talking.speaking.note_speech("s9", "x")
    assert refused.value.key == "err.no_speech"


def test_waiting_speakers_move_and_withdraw_but_never_above_one_who_spoke(talking):
    for who in ("A1", "A2", "A3", "A4"):
        talking.speaking.add_speaker(who)
    talking.speaking.start_speech()
    talking.speaking.move_speaker("s4", -1)
    assert [s.id for s in talking.state.speeches.of_step("bao-cao")] == ["s1", "s2", "s4", "s3"]
    talking.speaking.move_speaker("s4", -1)
    with pytest.raises(DomainError):
        talking.speaking.move_speaker("s4", -1)  # s1 is speaking
    with pytest.raises(DomainError):
        talking.speaking.move_speaker("s3", 1)  # already last
    talking.speaking.withdraw_speaker("s2")
    assert [s.id for s in talking.state.speeches.of_step("bao-cao")] == ["s1", "s4", "s3"]
    assert talking.state.speeches.items["s2"].status == "withdrawn"


def test_notes_replace_each_other_and_every_version_stays_in_the_log(talking):
    talking.speaking.add_speaker("A1")
    talking.speaking.note_speech("s1", "Đề nghị")
    talking.speaking.note_speech("s1", "Đề nghị bổ sung chỉ tiêu")
    assert talking.speaking.note_speech("s1", "Đề nghị bổ sung chỉ tiêu").events == ()  # unchanged: nothing written
    assert talking.state.speeches.items["s1"].notes == "Đề nghị bổ sung chỉ tiêu"
    assert [e.data["notes"] for e in talking.log.events if e.type == "speech.noted"] == [
        "Đề nghị", "Đề nghị bổ sung chỉ tiêu"]


def test_another_terminal_sees_the_list_and_the_running_speech(talking, db, clock):
    other = Session(str(db), role="projector", clock=clock)
    talking.speaking.add_speaker("A2")
    talking.speaking.start_speech()
    other.sync()
    assert other.state.speeches.current == "s1"
    reopened = Session(str(db), clock=clock)
    assert reopened.state.speeches.items["s1"].status == "speaking"


def test_speaker_totals_group_a_member_s_speeches(talking, clock):
    for who in ("A1", "A2", "A1"):
        talking.speaking.add_speaker(who)
    for minutes in (1, 2, 3):
        talking.speaking.start_speech()
        clock.advance(minutes=minutes)
    talking.speaking.end_speech()
    totals = dict(talking.state.speeches.speaker_totals(clock()))
    name = talking.state.roster.get("A1").name
    assert (totals[name].count, totals[name].seconds) == (2, 240)


def test_only_the_secretary_and_the_chair_keep_the_list(db, clock, talking):
    for role in ("desk", "counting", "projector"):
        with pytest.raises(DomainError) as refused:
            Session(str(db), role=role, clock=clock).speaking.add_speaker("A1")
        assert refused.value.key == "err.rights"
    Session(str(db), role="secretary", clock=clock).speaking.add_speaker("A1")
    Session(str(db), role="chair", clock=clock).speaking.add_speaker("A2")
    assert len(Session(str(db), clock=clock).state.speeches.items) == 2


def test_officers_are_recorded_by_id_or_name_with_titles(talking):
    talking.speaking.set_officers("presidium", ["A1, Chủ tịch", "Nguyễn Văn Khách, cán bộ Văn phòng", "A2"])
    state = talking.state
    assert state.officer_names("presidium") == [f"{state.roster.get('A1').name}, Chủ tịch",
                                                "Nguyễn Văn Khách, cán bộ Văn phòng", state.roster.get("A2").name]
    talking.speaking.set_officers("presidium", ["A3"])  # a correction replaces the body
    assert state.officer_names("presidium") == [state.roster.get("A3").name]
    with pytest.raises(DomainError):
        talking.speaking.set_officers("jury", ["A1"])
    with pytest.raises(DomainError):
        talking.speaking.set_officers("presidium", [" ", ""])


def test_a_skipped_step_takes_no_speakers_and_its_list_cannot_be_given_the_floor(talking):
    talking.speaking.add_speaker("A2", step_id="chi-dao")  # put on a later step's list
    talking.agenda.skip("chi-dao")  # ...which the congress then drops
    with pytest.raises(DomainError) as refused:
        talking.speaking.start_speech("s1")
    assert refused.value.key == "err.skipped" and "Phát biểu chỉ đạo" in refused.value.text("vi")
    with pytest.raises(DomainError) as refused:
        talking.speaking.add_speaker("A3", step_id="chi-dao")
    assert refused.value.key == "err.skipped"
    talking.agenda.restore("chi-dao")  # restored: its list is usable again, once the congress is at it
    talking.agenda.next_step()
    talking.speaking.start_speech("s1")
    assert talking.state.speeches.current == "s1"


def test_the_floor_is_given_only_at_the_speakers_own_step(talking):
    """A speech is timed and shown with its own step: a name on a later step's list waits for that step."""
    talking.speaking.add_speaker("A2", step_id="chi-dao")
    with pytest.raises(DomainError) as refused:
        talking.speaking.start_speech("s1")
    assert refused.value.key == "err.speech_other_step" and "Phát biểu chỉ đạo" in refused.value.text("vi")
    assert talking.state.speeches.items["s1"].status == "waiting"
    talking.agenda.next_step()
    talking.speaking.start_speech()  # the next waiting of the step now running
    assert talking.state.speeches.current == "s1"


@pytest.mark.parametrize("leave", ["next", "previous", "skip"])
@pytest.mark.parametrize("paused", [False, True])
def test_leaving_a_step_ends_its_speech(talking, clock, leave, paused):
    """Defect 3 of issue 12: `n` or `p` during a speech left it running under another step."""
    talking.speaking.add_speaker("A2")
    talking.speaking.start_speech()
    clock.advance(minutes=2)
    if paused:
        talking.speaking.pause_speech()
        clock.advance(minutes=1)
    moved = {"next": talking.agenda.next_step, "previous": talking.agenda.previous_step,
             "skip": lambda: talking.agenda.skip("bao-cao")}[leave]()
    assert moved.value == "s1"
    assert {"speech.ended", "step.started"} <= {e.type for e in moved.events}
    assert talking.state.speeches.current is None
    assert talking.state.speech_timer(clock()) is None
    speech = talking.state.speeches.items["s1"]
    clock.advance(minutes=5)
    assert speech.status == "done" and speech.elapsed(clock()) == 120
    assert talking.state.agenda.current != "bao-cao"


def test_steps_without_a_speech_end_none(talking):
    assert talking.agenda.next_step().value is None
    assert [e.type for e in talking.agenda.previous_step().events] == ["step.started"]


def test_no_speech_starts_before_the_opening_or_after_the_closing(session, clock):
    session.speaking.add_speaker("A1", step_id="bao-cao")  # registering in advance is fine
    with pytest.raises(DomainError) as refused:
        session.speaking.start_speech("s1")
    assert refused.value.key == "err.not_running"
    session.agenda.next_step()
    session.agenda.end_congress()
    with pytest.raises(DomainError) as refused:
        session.speaking.start_speech("s1")
    assert refused.value.key == "err.not_running"
    assert session.state.speeches.items["s1"].status == "waiting"


def test_closing_the_congress_ends_the_speech_running(talking, clock):
    talking.speaking.add_speaker("A2")
    talking.speaking.start_speech()
    clock.advance(minutes=3)
    talking.agenda.end_congress()
    assert [e.type for e in talking.log.events[-2:]] == ["speech.ended", "congress.ended"]
    clock.advance(minutes=30)
    speech = talking.state.speeches.items["s1"]
    assert speech.status == "done" and speech.elapsed(clock()) == 180

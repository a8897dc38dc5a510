"""The agenda: planned, expected and actual times, the chair's timer, and the checks on each action."""

from datetime import datetime, time, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from runsheet.errors import DomainError
from runsheet.rules.scenario import Step
from runsheet.rules.schedule import Agenda, Phase, Status

TZ = timezone(timedelta(hours=7))
START = datetime(2025, 6, 1, 7, 30, tzinfo=TZ)


def T(hour: int, minute: int, second: int = 0) -> datetime:
    return datetime(2025, 6, 1, hour, minute, second, tzinfo=TZ)


STEPS = (
    Step("a", "Khai mạc", 10),
    Step("b", "Báo cáo", 20),
    Step("c", "Chỉ đạo", 15, at=time(8, 30)),
    Step("d", "Bầu cử", 20),
    Step("e", "Bế mạc", 5),
)


def agenda(steps=STEPS) -> Agenda:
    return Agenda(steps, START)


def rows(ag: Agenda, now: datetime) -> dict:
    return {row.step.id: row for row in ag.rows(now)}


def expected(ag: Agenda, now: datetime) -> dict:
    return {row.step.id: (row.expected_start, row.expected_end) for row in ag.rows(now)}


def next_(ag: Agenda, now: datetime) -> None:
    """What the `next` command does."""
    following = ag.check_next()
    if following is None:
        ag.end(now)
    else:
        ag.start(following, now)


def skip(ag: Agenda, step_id: str, now: datetime) -> None:
    """What the `skip` command does."""
    was_current = step_id == ag.current
    following = ag.check_skip(step_id)
    ag.skip(step_id, now)
    if was_current:
        if following is None:
            ag.end(now)
        else:
            ag.start(following, now)


# ---- planned times -------------------------------------------------------------------------------------------

def test_planned_starts_back_to_back_with_slack_before_a_fixed_time():
    ag = agenda()
    assert [ag.runs[s].planned_start for s in ag.order] == [T(7, 30), T(7, 40), T(8, 30), T(8, 45), T(9, 5)]
    assert [ag.runs[s].planned_end for s in ag.order] == [T(7, 40), T(8, 0), T(8, 45), T(9, 5), T(9, 10)]
    assert ag.planned_end == T(9, 10)
    assert not ag.started and not ag.ended and ag.current is None
    assert ag.timer(T(7, 0)) is None


def test_fixed_time_earlier_than_running_total_does_not_pull_a_step_earlier():
    steps = (Step("a", "A", 10), Step("b", "B", 20, at=time(7, 35)), Step("c", "C", 5))
    ag = agenda(steps)
    assert [ag.runs[s].planned_start for s in ag.order] == [T(7, 30), T(7, 40), T(8, 0)]
    assert ag.planned_end == T(8, 5)


def test_fractional_minutes():
    ag = agenda((Step("a", "A", 1.5), Step("b", "B", 2)))
    assert ag.runs["b"].planned_start == T(7, 31, 30)
    assert ag.planned_end == T(7, 33, 30)


# ---- expected times before the start -------------------------------------------------------------------------

def test_expected_before_start_when_early():
    ag = agenda()
    exp = expected(ag, T(7, 0))
    assert exp == {"a": (T(7, 30), T(7, 40)), "b": (T(7, 40), T(8, 0)), "c": (T(8, 30), T(8, 45)),
                   "d": (T(8, 45), T(9, 5)), "e": (T(9, 5), T(9, 10))}
    assert ag.projected_end(T(7, 0)) == T(9, 10)
    assert all(row.status is Status.PENDING for row in ag.rows(T(7, 0)))
    assert [row.delta for row in ag.rows(T(7, 0))] == [0, 0, 0, 0, 0]


def test_expected_before_start_when_late_slack_absorbs():
    ag = agenda()
    exp = expected(ag, T(7, 50))
    assert exp["a"] == (T(7, 50), T(8, 0))
    assert exp["b"] == (T(8, 0), T(8, 20))
    assert exp["c"] == (T(8, 30), T(8, 45))
    assert ag.projected_end(T(7, 50)) == T(9, 10)


def test_expected_before_start_when_later_than_the_slack():
    ag = agenda()
    exp = expected(ag, T(8, 25))
    assert exp == {"a": (T(8, 25), T(8, 35)), "b": (T(8, 35), T(8, 55)), "c": (T(8, 55), T(9, 10)),
                   "d": (T(9, 10), T(9, 30)), "e": (T(9, 30), T(9, 35))}
    assert ag.projected_end(T(8, 25)) == T(9, 35)


# ---- after the start -----------------------------------------------------------------------------------------

def test_current_step_expected_end_is_now_plus_remaining():
    ag = agenda()
    next_(ag, T(7, 32))
    assert ag.current == "a" and ag.started
    r = rows(ag, T(7, 35))
    assert r["a"].status is Status.CURRENT
    assert r["a"].actual_start == T(7, 32) and r["a"].actual_end is None
    assert r["a"].expected_start == T(7, 32)
    assert r["a"].expected_end == T(7, 42)  # 3 minutes gone, 7 to go
    assert r["b"].expected_start == T(7, 42) and r["b"].expected_end == T(8, 2)
    assert r["a"].delta == 120 and r["b"].delta == 120 and r["c"].delta == 0


def test_delay_propagates_then_is_absorbed_by_the_slack():
    ag = agenda()
    next_(ag, T(7, 30))
    now = T(7, 55)  # step a is 15 minutes over
    r = rows(ag, now)
    assert r["a"].expected_end == now
    assert (r["b"].expected_start, r["b"].expected_end) == (T(7, 55), T(8, 15))
    assert r["b"].delta == 15 * 60
    assert (r["c"].expected_start, r["c"].expected_end) == (T(8, 30), T(8, 45))
    assert r["c"].delta == 0 and r["e"].delta == 0
    assert ag.projected_end(now) == T(9, 10)


def test_delay_bigger_than_the_slack_reaches_the_fixed_step():
    ag = agenda()
    next_(ag, T(7, 30))
    next_(ag, T(7, 40))
    now = T(8, 35)  # b (planned to end at 8:00) still running
    r = rows(ag, now)
    assert r["a"].status is Status.DONE
    assert (r["a"].expected_start, r["a"].expected_end) == (T(7, 30), T(7, 40))
    assert r["b"].expected_end == now
    assert (r["c"].expected_start, r["c"].expected_end) == (T(8, 35), T(8, 50))
    assert r["c"].delta == 5 * 60
    assert ag.projected_end(now) == T(9, 15)


def test_running_early_moves_later_steps_earlier_except_a_fixed_step():
    ag = agenda()
    next_(ag, T(7, 30))
    next_(ag, T(7, 35))  # a ended 5 minutes early
    r = rows(ag, T(7, 35))
    assert r["a"].actual_end == T(7, 35) and r["a"].delta == -300
    assert (r["b"].expected_start, r["b"].expected_end) == (T(7, 35), T(7, 55))
    assert r["b"].delta == -300
    assert (r["c"].expected_start, r["c"].expected_end) == (T(8, 30), T(8, 45))
    assert r["d"].expected_start == T(8, 45)


def test_without_a_fixed_step_running_early_moves_the_projected_end():
    ag = agenda((Step("a", "A", 10), Step("b", "B", 20)))
    next_(ag, T(7, 30))
    next_(ag, T(7, 34))
    assert ag.projected_end(T(7, 34)) == T(7, 54)


def test_pause_stops_elapsed_and_resume_continues():
    ag = agenda()
    next_(ag, T(7, 30))
    ag.check_pause()
    ag.pause(T(7, 32))
    assert ag.paused
    timer = ag.timer(T(7, 50))
    assert timer.paused and timer.elapsed == 120 and timer.remaining == 480
    assert rows(ag, T(7, 50))["a"].expected_end == T(7, 58)  # the remaining 8 minutes from now
    ag.check_resume()
    ag.resume(T(7, 50))
    assert not ag.paused
    timer = ag.timer(T(7, 51))
    assert not timer.paused and timer.elapsed == 180
    assert ag.runs["a"].segments == [[T(7, 30), T(7, 32)], [T(7, 50), None]]


def test_previous_and_next_accumulate_elapsed_across_segments():
    ag = agenda()
    next_(ag, T(7, 30))
    next_(ag, T(7, 35))
    assert ag.check_previous() == "a"
    ag.start(ag.check_previous(), T(7, 40))
    assert ag.current == "a"
    assert ag.status("b") is Status.DONE
    assert ag.timer(T(7, 42)).elapsed == 7 * 60  # 5 before, 2 now
    r = rows(ag, T(7, 42))
    assert r["a"].expected_end == T(7, 45)
    # b already ran 5 of its 20 minutes: it is expected to take the other 15 after a
    assert (r["b"].expected_start, r["b"].expected_end) == (T(7, 45), T(8, 0))
    assert ag.check_next() == "b"
    next_(ag, T(7, 45))
    assert ag.current == "b"
    assert ag.runs["a"].elapsed(T(8, 0)) == 10 * 60
    assert ag.timer(T(7, 46)).elapsed == 6 * 60
    assert len(ag.runs["b"].segments) == 2
    assert ag.runs["b"].actual_start == T(7, 35)


def test_adjust_changes_allotted_and_projected_end():
    ag = agenda((Step("a", "A", 10), Step("b", "B", 20), Step("c", "C", 5)))
    next_(ag, T(7, 30))
    ag.check_adjust("a", 180)
    ag.adjust("a", 180)
    assert ag.timer(T(7, 30)).allotted == 13 * 60
    assert rows(ag, T(7, 30))["a"].expected_end == T(7, 43)
    assert rows(ag, T(7, 30))["a"].allotted == 13 * 60
    assert ag.projected_end(T(7, 30)) == T(8, 8)
    ag.check_adjust("c", -120)
    ag.adjust("c", -120)
    assert ag.projected_end(T(7, 30)) == T(8, 6)
    # the planned times never move
    assert ag.runs["a"].planned_end == T(7, 40) and ag.planned_end == T(8, 5)


def test_adjust_absorbed_by_the_slack_before_a_fixed_step():
    ag = agenda()
    next_(ag, T(7, 30))
    ag.adjust("a", 5 * 60)
    assert ag.projected_end(T(7, 30)) == T(9, 10)
    ag.adjust("d", 5 * 60)
    assert ag.projected_end(T(7, 30)) == T(9, 15)


def test_adjust_refuses_below_one_minute_and_nothing():
    ag = agenda()
    next_(ag, T(7, 30))
    ag.check_adjust("a", -9 * 60)  # down to exactly one minute is fine
    with pytest.raises(DomainError, match="less than one minute"):
        ag.check_adjust("a", -9 * 60 - 1)
    with pytest.raises(DomainError, match="nothing to adjust"):
        ag.check_adjust("a", 0)
    with pytest.raises(DomainError, match="no step"):
        ag.check_adjust("zz", 60)
    next_(ag, T(7, 40))
    with pytest.raises(DomainError, match="over or skipped"):
        ag.check_adjust("a", 60)


def test_skip_excludes_a_step_from_expected_times_and_projected_end():
    ag = agenda()
    assert ag.check_skip("d") is None
    ag.skip("d", T(7, 0))
    r = rows(ag, T(7, 0))
    assert r["d"].status is Status.SKIPPED
    assert (r["d"].expected_start, r["d"].expected_end, r["d"].delta) == (None, None, None)
    assert (r["e"].expected_start, r["e"].expected_end) == (T(8, 45), T(8, 50))
    assert ag.projected_end(T(7, 0)) == T(8, 50)
    assert ag.following("c") == "e"
    with pytest.raises(DomainError, match="already skipped"):
        ag.check_skip("d")


def test_skip_the_first_step_before_start():
    ag = agenda()
    ag.skip("a", T(7, 0))
    assert expected(ag, T(7, 0))["b"] == (T(7, 30), T(7, 50))
    assert ag.check_next() == "b"


def test_skipping_the_current_step():
    ag = agenda()
    next_(ag, T(7, 30))
    assert ag.check_skip("a") == "b"
    skip(ag, "a", T(7, 33))
    assert ag.current == "b"
    assert ag.status("a") is Status.SKIPPED
    assert ag.runs["a"].elapsed(T(9, 0)) == 180  # its time stays recorded
    r = rows(ag, T(7, 33))
    assert (r["a"].expected_start, r["a"].expected_end) == (None, None)
    assert (r["b"].expected_start, r["b"].expected_end) == (T(7, 33), T(7, 53))
    with pytest.raises(DomainError, match="already skipped"):
        ag.check_skip("a")


def test_a_step_already_held_cannot_be_skipped():
    ag = agenda()
    next_(ag, T(7, 30))
    next_(ag, T(7, 40))
    with pytest.raises(DomainError, match="already been held"):
        ag.check_skip("a")


def test_skipping_the_last_current_step_ends_nothing_by_itself():
    ag = agenda((Step("a", "A", 10),))
    next_(ag, T(7, 30))
    assert ag.check_skip("a") is None  # the command then ends the congress


def test_restore():
    ag = agenda()
    ag.skip("b", T(7, 0))
    ag.check_restore("b")
    ag.restore("b")
    assert ag.status("b") is Status.PENDING
    assert expected(ag, T(7, 0))["b"] == (T(7, 40), T(8, 0))
    with pytest.raises(DomainError, match="not skipped"):
        ag.check_restore("b")


def test_insert_an_adhoc_step():
    ag = agenda()
    next_(ag, T(7, 30))
    new_id, after = ag.check_insert("a")
    assert (new_id, after) == ("adhoc-1", "a")
    ag.insert(Step(new_id, "Phát biểu thêm", 4), "a")
    assert ag.order == ["a", "adhoc-1", "b", "c", "d", "e"]
    assert ag.runs["adhoc-1"].step.adhoc
    assert ag.check_insert(None) == ("adhoc-2", "a")  # never before the current step
    r = rows(ag, T(7, 30))
    assert r["adhoc-1"].planned_start is None and r["adhoc-1"].delta is None
    assert (r["adhoc-1"].expected_start, r["adhoc-1"].expected_end) == (T(7, 40), T(7, 44))
    assert (r["b"].expected_start, r["b"].expected_end) == (T(7, 44), T(8, 4))
    assert r["b"].delta == 240
    assert ag.planned_end == T(9, 10)
    assert ag.check_next() == "adhoc-1"
    with pytest.raises(DomainError, match="no step"):
        ag.check_insert("zz")


def test_insert_at_the_top_before_start():
    ag = agenda()
    ag.insert(Step("adhoc-1", "X", 5), None)
    assert ag.order[0] == "adhoc-1"
    assert expected(ag, T(7, 0))["a"] == (T(7, 35), T(7, 45))


def test_move():
    ag = agenda()
    ag.check_move("d", "a")
    ag.move("d", "a")
    assert ag.order == ["a", "d", "b", "c", "e"]
    assert ag.runs["d"].planned_start == T(8, 45)  # planned times never move
    exp = expected(ag, T(7, 0))
    assert exp["d"] == (T(7, 40), T(8, 0))
    assert exp["b"] == (T(8, 0), T(8, 20))
    assert exp["c"] == (T(8, 30), T(8, 45))
    assert exp["e"] == (T(8, 45), T(8, 50))
    ag.check_move("e", None)
    ag.move("e", None)
    assert ag.order[0] == "e"


def test_move_refusals():
    ag = agenda()
    next_(ag, T(7, 30))
    next_(ag, T(7, 40))  # b is current
    with pytest.raises(DomainError, match="has started"):
        ag.check_move("a", "c")
    with pytest.raises(DomainError, match="has started"):
        ag.check_move("b", "c")
    with pytest.raises(DomainError, match="after the current step"):
        ag.check_move("d", None)
    with pytest.raises(DomainError, match="after the current step"):
        ag.check_move("d", "a")
    with pytest.raises(DomainError, match="after itself"):
        ag.check_move("d", "d")
    with pytest.raises(DomainError, match="no step"):
        ag.check_move("d", "zz")
    ag.check_move("d", "b")  # right after the current step is fine
    ag.move("d", "b")
    assert ag.order == ["a", "b", "d", "c", "e"]


@pytest.mark.parametrize("seconds,phase", [
    (0, Phase.CALM), (479, Phase.CALM), (480, Phase.WARNING), (599, Phase.WARNING), (600, Phase.OVERTIME),
    (900, Phase.OVERTIME),
])
def test_timer_phases(seconds, phase):
    ag = agenda()
    next_(ag, T(7, 30))
    timer = ag.timer(T(7, 30) + timedelta(seconds=seconds))
    assert timer.phase is phase
    assert timer.remaining == 600 - seconds
    assert timer.step.id == "a"


def test_warning_share_follows_adjust():
    ag = agenda()
    next_(ag, T(7, 30))
    ag.adjust("a", 600)  # 20 minutes: warning from 16
    assert ag.timer(T(7, 45)).phase is Phase.CALM
    assert ag.timer(T(7, 46)).phase is Phase.WARNING
    assert ag.timer(T(7, 50)).phase is Phase.OVERTIME


def test_delta_is_expected_or_actual_end_minus_planned_end():
    ag = agenda()
    next_(ag, T(7, 31))
    next_(ag, T(7, 43))  # a: planned end 7:40, actual end 7:43
    now = T(7, 50)
    for row in ag.rows(now):
        end = row.actual_end if row.status is Status.DONE else row.expected_end
        assert row.delta == (end - ag.runs[row.step.id].planned_end).total_seconds()
    r = rows(ag, now)
    assert r["a"].delta == 180
    assert r["b"].delta == 180  # 7:43 + 20 min vs 8:00
    assert r["c"].delta == 0


def test_end_and_rows_after_the_end():
    ag = agenda((Step("a", "A", 10), Step("b", "B", 20)))
    next_(ag, T(7, 30))
    next_(ag, T(7, 41))
    assert ag.check_next() is None
    next_(ag, T(8, 2))
    assert ag.ended and ag.current is None and ag.ended_at == T(8, 2)
    r = rows(ag, T(9, 0))
    assert (r["b"].expected_start, r["b"].expected_end) == (T(7, 41), T(8, 2))
    assert ag.projected_end(T(9, 0)) == T(8, 2)
    assert ag.timer(T(9, 0)) is None


# ---- checks in the wrong state -------------------------------------------------------------------------------

def test_checks_before_start():
    ag = agenda()
    with pytest.raises(DomainError, match="no step is running"):
        ag.check_pause()
    with pytest.raises(DomainError, match="not paused"):
        ag.check_resume()
    with pytest.raises(DomainError, match="not started"):
        ag.check_previous()
    assert ag.check_next() == "a"


def test_pause_when_paused_and_resume_when_running():
    ag = agenda()
    next_(ag, T(7, 30))
    with pytest.raises(DomainError, match="not paused"):
        ag.check_resume()
    ag.pause(T(7, 31))
    with pytest.raises(DomainError, match="already paused"):
        ag.check_pause()


def test_previous_at_the_first_step():
    ag = agenda()
    next_(ag, T(7, 30))
    with pytest.raises(DomainError, match="first step"):
        ag.check_previous()
    ag.skip("b", T(7, 31))
    next_(ag, T(7, 32))  # c, with b skipped: previous goes back to a
    assert ag.current == "c" and ag.check_previous() == "a"


def test_checks_after_the_end():
    ag = agenda((Step("a", "A", 10),))
    next_(ag, T(7, 30))
    next_(ag, T(7, 40))
    assert ag.ended
    for check in (ag.check_next, ag.check_pause, lambda: ag.check_adjust("a", 60), lambda: ag.check_skip("a"),
                  lambda: ag.check_insert(None), lambda: ag.check_move("a", None)):
        with pytest.raises(DomainError):
            check()
    with pytest.raises(DomainError, match="not paused"):
        ag.check_resume()
    assert ag.check_previous() == "a"  # the chair may reopen the last step


def test_every_step_skipped():
    ag = agenda((Step("a", "A", 10), Step("b", "B", 5)))
    ag.skip("a", T(7, 0))
    ag.skip("b", T(7, 0))
    with pytest.raises(DomainError, match="every step is skipped"):
        ag.check_next()


# ---- property ------------------------------------------------------------------------------------------------

ACTIONS = st.lists(
    st.tuples(
        st.sampled_from(["next", "pause", "resume", "adjust", "skip", "previous"]),
        st.integers(min_value=0, max_value=1800),  # seconds since the action before
        st.integers(min_value=-30, max_value=30),  # minutes for adjust
        st.sampled_from([s.id for s in STEPS] + [None]),  # the step for adjust/skip (None: the current one)
    ),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(ACTIONS, st.integers(min_value=-3600, max_value=3600))
def test_property_projected_end_and_elapsed(actions, offset):
    ag = agenda()
    now = START + timedelta(seconds=offset)
    before = {s: 0.0 for s in ag.order}
    first_start = None
    for name, gap, minutes, target in actions:
        now += timedelta(seconds=gap)
        step_id = target or ag.current
        try:
            if name == "next":
                next_(ag, now)
            elif name == "previous":
                ag.start(ag.check_previous(), now)
            elif name == "pause":
                ag.check_pause()
                ag.pause(now)
            elif name == "resume":
                ag.check_resume()
                ag.resume(now)
            elif name == "adjust":
                if step_id is None:
                    continue
                ag.check_adjust(step_id, minutes * 60)
                ag.adjust(step_id, minutes * 60)
            elif name == "skip":
                if step_id is None:
                    continue
                skip(ag, step_id, now)
        except DomainError:
            continue
        if first_start is None and ag.started:
            first_start = now
        if not ag.ended:
            assert ag.projected_end(now) >= now
        for s in ag.order:
            elapsed = ag.runs[s].elapsed(now)
            assert elapsed >= before[s]
            before[s] = elapsed
            assert ag.runs[s].allotted >= 60
        if first_start is not None:
            # one step at a time: the steps together never ran longer than the congress has
            assert sum(before.values()) <= (now - first_start).total_seconds() + 1e-6
        timer = ag.timer(now)
        if timer is not None:
            assert timer.elapsed >= 0 and timer.paused == ag.paused


def test_insert_behind_the_current_step_lands_after_it():
    ag = agenda()
    next_(ag, T(7, 30))
    next_(ag, T(7, 40))
    new_id, after = ag.check_insert("a")
    assert after == "b"


def test_adhoc_ids_never_collide_with_scenario_ids():
    steps = (Step("adhoc-1", "Một", 5), Step("x", "Hai", 5))
    ag = Agenda(steps, T(7, 30))
    new_id, _ = ag.check_insert(None)
    assert new_id == "adhoc-2"
    ag.insert(Step(new_id, "Ba", 5), None)
    assert ag.check_insert(None)[0] == "adhoc-3"


def test_restoring_a_step_behind_the_current_one_brings_it_after():
    ag = agenda()
    ag.skip("b", T(7, 0))
    next_(ag, T(7, 30))
    next_(ag, T(7, 40))  # a, then c: b is skipped, behind
    assert ag.current == "c"
    assert ag.check_restore("b") == "c"
    ag.skip("e", T(7, 41))
    assert ag.check_restore("e") is False  # ahead of the current step: it stays where it is


def test_a_pause_is_not_the_end_of_a_step():
    ag = agenda()
    next_(ag, T(7, 35))
    ag.pause(T(7, 40))
    next_(ag, T(7, 43))
    row = rows(ag, T(7, 43))["a"]
    assert row.actual_end == T(7, 43)
    assert row.delta == (T(7, 43) - T(7, 40)).total_seconds()


def test_nothing_is_projected_after_the_congress_closes():
    ag = agenda()
    next_(ag, T(7, 30))
    ag.end(T(7, 35))
    assert ag.projected_end(T(9, 0)) == T(7, 35)
    assert all(r.expected_start is None for r in ag.rows(T(9, 0)) if r.status is Status.PENDING)

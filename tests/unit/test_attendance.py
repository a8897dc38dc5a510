"""Attendance and the denominator D (docs/rules.md)."""

from copy import deepcopy
from datetime import datetime, UTC

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from runsheet.rules.attendance import Attendance, Figures, attendance_split, counts_in_denominator, figures
from runsheet.rules.roster import FLAGS, Member, Roster

AT = datetime(2025, 6, 1, 0, 30, tzinfo=UTC)


def member(ident, status="official", *flags):
    return Member(ident, f"Đảng viên {ident}", status, frozenset(flags))


ROSTER = Roster((
    member("O1"), member("O2"), member("O3"),
    member("E1", "official", "exempt"),
    member("P1", "probationary"),
    member("T1", "official", "transferred"),
    member("S1", "official", "suspended"),
))


def D(attendance: Attendance, roster=ROSTER, kind="members") -> int:
    return figures(roster, attendance, kind).denominator


def present(*ids) -> Attendance:
    a = Attendance()
    for i in ids:
        a.attend(i, AT)
    return a


# ---- hand-made cases -----------------------------------------------------------------------------------------

def test_nobody_present():
    f = figures(ROSTER, Attendance())
    # O1..O3 absent without accepted reason still count; E1 absent, P1, T1, S1 never
    assert f.denominator == 3
    assert (f.members_total, f.official_total, f.probationary_total) == (7, 6, 1)
    assert (f.present_official, f.present_probationary, f.present_total) == (0, 0, 0)
    assert (f.absent_excused, f.absent_unexcused, f.exempt_absent, f.absent_official) == (0, 3, 1, 4)
    assert (f.exempt_total, f.transferred, f.suspended) == (1, 1, 1)
    assert not f.may_proceed


def test_exempt_present_counts_exempt_absent_does_not():
    assert D(present("E1")) == 4
    assert D(present()) == 3
    f = figures(ROSTER, present("E1"))
    assert f.present_official == 1 and f.exempt_absent == 0


def test_excused_absent_does_not_count_unexcused_does():
    a = Attendance()
    a.absent("O1", "ốm, Đại hội chấp nhận")
    assert D(a) == 2
    f = figures(ROSTER, a)
    assert (f.absent_excused, f.absent_unexcused) == (1, 2)
    a.absent("O2", None)  # absent with no accepted reason: still counts
    assert D(a) == 2
    a.absent("O1", None)  # the reason withdrawn: counts again
    assert D(a) == 3


def test_attending_clears_an_excuse():
    a = Attendance()
    a.absent("O1", "công tác")
    a.attend("O1", AT)
    assert "O1" not in a.excused
    assert D(a) == 3 and figures(ROSTER, a).present_official == 1


def test_absent_clears_presence():
    a = present("O1", "E1")
    a.absent("E1", None)
    assert D(a) == 3
    assert figures(ROSTER, a).present_official == 1


def test_attend_keeps_the_first_time():
    a = Attendance()
    a.attend("O1", AT)
    a.attend("O1", datetime(2025, 6, 1, 1, 0, tzinfo=UTC))
    assert a.arrived["O1"] == AT


def test_probationary_never_counts():
    assert D(present("P1")) == 3
    f = figures(ROSTER, present("P1"))
    assert (f.present_official, f.present_probationary) == (0, 1)
    assert not counts_in_denominator(ROSTER.get("P1"), present("P1"))


def test_suspended_never_count():
    assert D(present("S1")) == 3
    assert figures(ROSTER, present("S1")).present_official == 0
    a = Attendance()
    a.absent("S1", "lý do")
    assert D(a) == 3


def test_a_member_attached_elsewhere_counts_only_when_they_come():
    """They are summoned too; if they come they count and vote (docs/rules.md, "Who counts")."""
    assert D(Attendance()) == 3
    a = Attendance()
    a.absent("T1", "lý do")
    assert D(a) == 3
    f = figures(ROSTER, present("T1"))
    assert f.denominator == 4 and f.present_official == 1 and f.transferred == 0


def test_everyone_present():
    f = figures(ROSTER, present(*(m.id for m in ROSTER)))
    assert f.denominator == 5  # O1..O3, E1 and T1 (attached elsewhere, but here)
    assert (f.present_official, f.present_probationary, f.absent_official) == (5, 1, 0)
    assert f.majority == 3 and f.may_proceed


def test_delegates_count_until_recorded_absent_throughout():
    assert D(Attendance(), kind="delegates") == 4  # not arrived yet is not absent throughout
    a = present("O1", "E1", "P1", "T1")
    a.absent("O2", None)
    a.absent("O3", "ốm")
    assert D(a, kind="delegates") == 3  # O1, E1, T1; absent with or without a reason, no alternate: not counted


def test_an_alternate_keeps_an_absent_delegate_in_d_and_votes():
    roster = Roster((*ROSTER.members, member("A1", "official", "alternate")))
    a = present("O1", "A1")
    a.absent("O2", "ốm")
    assert D(a, roster, "delegates") == 3  # O1, O3 (not recorded absent), E1
    a.replace("O2", "A1")
    f = figures(roster, a, "delegates")
    assert f.denominator == 4 and f.present_official == 2  # O1 and the alternate standing in
    assert f.official_total == 6  # alternates are not among the delegates summoned


def test_departure_keeps_a_member_in_d_but_not_in_the_room():
    a = present("O1", "O2")
    a.leave("O2", AT)
    f = figures(ROSTER, a)
    assert f.denominator == 3 and f.present_official == 1 and f.left_official == 1


def test_undo_of_a_mistaken_check_in():
    a = present("E1")
    a.undo("E1")
    assert D(a) == 3 and not a.arrived


@pytest.mark.parametrize("d,majority", [(0, 1), (1, 1), (2, 2), (3, 2), (9, 5), (10, 6), (11, 6)])
def test_majority(d, majority):
    f = Figures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, d)
    assert f.majority == majority


@pytest.mark.parametrize("present_official,d,quorum,ok", [
    (5, 10, None, False), (6, 10, None, True), (5, 9, None, True), (4, 9, None, False), (0, 0, None, False),
    (6, 10, 7, False), (7, 10, 7, True), (1, 1, None, True),
])
def test_may_proceed(present_official, d, quorum, ok):
    f = Figures(0, 0, 0, present_official, 0, 0, 0, 0, 0, 0, 0, d, quorum)
    assert f.may_proceed is ok


def test_quorum_passed_through():
    f = figures(ROSTER, present("O1", "O2"), quorum=3)
    assert f.quorum == 3 and f.denominator == 3 and not f.may_proceed
    assert figures(ROSTER, present("O1", "O2", "O3"), quorum=3).may_proceed


# ---- properties ----------------------------------------------------------------------------------------------

@st.composite
def congress(draw):
    n = draw(st.integers(min_value=0, max_value=15))
    members = []
    for i in range(n):
        status = draw(st.sampled_from(["official", "official", "probationary"]))
        flags = draw(st.frozensets(st.sampled_from(FLAGS)))
        members.append(Member(f"M{i}", f"Tên {i}", status, flags))
    roster = Roster(tuple(members))
    attendance = Attendance()
    for m in members:
        how = draw(st.sampled_from(["present", "excused", "absent", "unknown"]))
        if how == "present":
            attendance.attend(m.id, AT)
        elif how == "excused":
            attendance.absent(m.id, "lý do")
        elif how == "absent":
            attendance.absent(m.id, None)
    kind = draw(st.sampled_from(["members", "delegates"]))
    return roster, attendance, kind


def copy(a: Attendance) -> Attendance:
    return deepcopy(a)


def eligible(roster):
    """Everyone D may count: official members (delegates) not suspended, alternates aside."""
    return [m for m in roster if m.official and not m.suspended and not m.alternate]


@settings(max_examples=300)
@given(congress())
def test_property_bounds_and_identities(data):
    roster, attendance, kind = data
    f = figures(roster, attendance, kind)
    assert f.present_official <= f.denominator <= len(eligible(roster))
    if kind == "members":
        assert f.denominator == f.present_official + f.absent_unexcused
    else:
        not_away = sum(1 for m in eligible(roster) if m.id not in attendance.arrived and m.id not in attendance.away
                       and not m.transferred)
        assert f.denominator == f.present_official + not_away
    assert f.majority == f.denominator // 2 + 1
    assert 2 * f.majority > f.denominator >= 2 * (f.majority - 1)
    assert f.may_proceed == (2 * f.present_official > f.denominator)
    assert f.denominator == sum(counts_in_denominator(m, attendance, kind) for m in roster)


@settings(max_examples=300)
@given(congress(), st.data())
def test_property_attending_never_lowers_d(data, draw):
    roster, attendance, kind = data
    if not len(roster):
        return
    m = draw.draw(st.sampled_from(roster.members))
    before = D(attendance, roster, kind)
    after_attendance = copy(attendance)
    after_attendance.attend(m.id, AT)
    after = D(after_attendance, roster, kind)
    assert after >= before
    if m in eligible(roster) and m.id not in attendance.present:
        assert figures(roster, after_attendance, kind).present_official == figures(
            roster, attendance, kind).present_official + 1


@settings(max_examples=300)
@given(congress(), st.data())
def test_property_excusing_never_raises_d(data, draw):
    roster, attendance, kind = data
    if not len(roster):
        return
    m = draw.draw(st.sampled_from(roster.members))
    before = D(attendance, roster, kind)
    excused = copy(attendance)
    excused.absent(m.id, "lý do được chấp nhận")
    assert D(excused, roster, kind) <= before
    # an excused absence never counts more than an unexcused one
    unexcused = copy(attendance)
    unexcused.absent(m.id, None)
    assert D(excused, roster, kind) <= D(unexcused, roster, kind)


@settings(max_examples=300)
@given(congress(), st.data())
def test_property_probationary_never_changes_d(data, draw):
    roster, attendance, kind = data
    before = D(attendance, roster, kind)
    probationary = [m for m in roster if not m.official]
    # without the probationary members at all
    officials = Roster(tuple(m for m in roster if m.official))
    assert D(attendance, officials, kind) == before
    # whatever the probationary members do
    changed = copy(attendance)
    for m in probationary:
        how = draw.draw(st.sampled_from(["present", "excused", "absent"]))
        if how == "present":
            changed.attend(m.id, AT)
        else:
            changed.absent(m.id, "lý do" if how == "excused" else None)
    assert D(changed, roster, kind) == before
    assert figures(roster, changed, kind).present_official == figures(roster, attendance, kind).present_official
    # and whatever flags they carry
    reflagged = Roster(tuple(
        Member(m.id, m.name, m.status, draw.draw(st.frozensets(st.sampled_from(FLAGS)))) if not m.official else m
        for m in roster
    ))
    assert D(attendance, reflagged, kind) == before


@settings(max_examples=300)
@given(congress(), st.data())
def test_property_the_counting_minutes_split_adds_up_to_d(data, draw):
    """Every official member in one place: summoned less those not counted is D, and D is those present, those who
    came and left, and those absent without an accepted reason (the counting minutes print all three)."""
    roster, attendance, _ = data
    for m in roster:
        if m.id in attendance.here and draw.draw(st.booleans()):
            attendance.leave(m.id, AT)
    split = attendance_split(roster, attendance)
    d = figures(roster, attendance, "members").denominator
    assert split.summoned - split.not_counted == split.denominator == d
    assert split.suspended + split.not_counted + split.denominator == split.official
    assert split.official == sum(1 for m in roster if m.official and not m.alternate)


def test_the_split_puts_each_member_where_the_minutes_say():
    a = present("O1", "T1")
    a.attend("O2", AT)
    a.leave("O2", AT)
    a.absent("O3", "ốm")
    split = attendance_split(ROSTER, a)
    assert (split.official, split.suspended, split.summoned) == (6, 1, 5)
    assert (split.excused, split.exempt, split.transferred) == (1, 1, 0)  # T1 came: counted like anyone present
    assert (split.present, split.left, split.unexcused, split.denominator) == (2, 1, 0, 3)

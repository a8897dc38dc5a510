"""The reception desk through the pilot: search, check-in, scans, excused absences, departures, undo; members
added and corrected on the day, alternates replacing absent delegates."""

from __future__ import annotations

from textual.widgets import Input

from runsheet.commands import Session
from runsheet.ui.app import RunsheetApp
from runsheet.ui.screens.desk import DeskScreen
from runsheet.ui.screens.ask import AskScreen as ReasonScreen
from runsheet.ui.screens.confirm import ConfirmScreen
from runsheet.ui.screens.member_form import MemberFormScreen
from runsheet.ui.screens.replace import ReplaceScreen
from driving import press

SIZE = (130, 36)


def desk_app(session, clock) -> RunsheetApp:
    return RunsheetApp(session, clock=clock, poll=False, screen="desk")


def feedback(app) -> str:
    return str(app.screen.query_one("#feedback").render())


def listed(app) -> list[str]:
    table = app.screen.query_one("#members")
    return [str(table.get_row_at(i)[1]) for i in range(table.row_count)]


async def test_search_without_diacritics_and_enter_checks_in(session, clock):
    app = desk_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, DeskScreen)
        await press(pilot, *"nguyen van binh")
        assert listed(app) == ["Nguyễn Văn Bình"]
        await press(pilot, "enter")
        assert "DV03" in session.state.attendance.here
        assert "Nguyễn Văn Bình" in feedback(app) and "07:20" in feedback(app)
        assert app.screen.query_one("#search").value == ""


async def test_search_with_diacritics_and_case(session, clock):
    app = desk_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *"HÙNG")
        assert listed(app) == ["Lê Quốc Hùng", "Trần Mạnh Hùng"]
        await press(pilot, "down", "enter")
        assert session.state.attendance.here == {"DV01"}


async def test_search_by_id_and_no_match(session, clock):
    app = desk_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *"dv17")
        assert listed(app) == ["Nguyễn Thị Hoa"]
        await press(pilot, "ctrl+a", "backspace", *"zzz", "enter")
        assert "zzz" in feedback(app) and not session.state.attendance.here


async def test_scans_valid_repeated_foreign_and_forged(session, clock, tmp_path, make_session):
    good = session.state.badge_payload("DV06")
    foreign = make_session(tmp_path / "other.json").state.badge_payload("DV06")
    forged = good[:-1] + ("0" if good[-1] != "0" else "1")
    app = desk_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *good, "enter")
        assert session.state.attendance.here == {"DV06"}
        assert "Hoàng Thị Lan" in feedback(app)
        events = len(session.log.events)
        clock.advance(minutes=22)
        await press(pilot, *good, "enter")
        assert "đã điểm danh lúc 07:20" in feedback(app)
        await press(pilot, *foreign, "enter")
        assert "đại hội khác" in feedback(app)
        await press(pilot, *forged, "enter")
        assert "giả mạo" in feedback(app)
        await press(pilot, *"RS1-12-", "enter")
        assert "không phải" in feedback(app)
        assert len(session.log.events) == events  # nothing counted twice, nothing written


async def test_scan_lands_after_text_already_typed(session, clock):
    app = desk_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *"ngu", *session.state.badge_payload("DV09"), "enter")
        assert session.state.attendance.here == {"DV09"}


async def test_undo_a_mistaken_check_in(session, clock):
    app = desk_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *"DV03", "enter", *"DV03")
        assert "DV03" in session.state.attendance.here
        await press(pilot, "f7")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Nguyễn Văn Bình (DV03)" in str(app.screen.query_one("#question").render())
        await press(pilot, "y")
        assert "DV03" not in session.state.attendance.arrived
        assert [e.type for e in session.log.events[-2:]] == ["member.attended", "member.attendance_undone"]
        assert "Hủy điểm danh" in feedback(app) or "hủy điểm danh" in feedback(app).lower()


async def test_f7_right_after_a_check_in_takes_back_that_member(session, clock):
    """Issue 12, defect 1: the highlight went back to row 1 after each check-in, and F7 took back Nguyễn Văn Bình."""
    app = desk_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *"binh", "enter", *"trinh van dung", "enter")
        assert session.state.attendance.here == {"DV03", "DV13"}
        assert app.screen.selected == "DV13"  # the row just checked in stays highlighted
        await press(pilot, "f7")
        assert isinstance(app.screen, ConfirmScreen)  # asked first, naming who
        assert "Trịnh Văn Dũng (DV13)" in str(app.screen.query_one("#question").render())
        await press(pilot, "y")
        assert session.state.attendance.here == {"DV03"}
        assert "Trịnh Văn Dũng" in feedback(app)


async def test_the_highlight_stays_on_the_member_checked_in_when_the_search_clears_late(session, clock):
    """Under load the check-in was saved before the cleared search's message reached the screen, which then put the
    highlight back on row 1 (the 80x24 snapshot saw it): F7 would have offered the wrong member."""
    app = desk_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *"dv06", "enter")
        search = app.screen.query_one("#search", Input)
        app.screen.on_input_changed(Input.Changed(search, ""))  # the clearing arriving after the check-in
        assert app.screen.selected == "DV06"
        await press(pilot, *"binh")  # typing again: the first match, as always
        assert app.screen.selected == "DV03"


async def test_f7_on_a_member_the_clerk_highlighted_and_a_refusal_to_guess(session, clock):
    session.attendance.attend(["DV01", "DV11"])
    app = desk_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *"hung", "f7")  # two match, none picked, nobody checked in here yet: nothing is guessed
        assert isinstance(app.screen, DeskScreen) and "2 người khớp với «hung»" in feedback(app)
        await press(pilot, "down", "f7")
        assert "Trần Mạnh Hùng (DV01)" in str(app.screen.query_one("#question").render())
        await press(pilot, "escape")  # not confirmed: nothing written
        assert isinstance(app.screen, DeskScreen) and session.state.attendance.here == {"DV01", "DV11"}


async def test_an_ambiguous_search_checks_in_nobody(session, clock):
    """Issue 12, gap 4: `hung` checked in Lê Quốc Hùng though Trần Mạnh Hùng matched too."""
    app = desk_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        events = len(session.log.events)
        await press(pilot, *"hung", "enter")
        assert len(session.log.events) == events and not session.state.attendance.here
        assert "2 người khớp với «hung»" in feedback(app)
        await press(pilot, "down", "up", "enter")  # the clerk's own pick: the first
        assert session.state.attendance.here == {"DV11"}
        await press(pilot, "enter")  # an empty field picks nobody (the list shows everyone)
        assert session.state.attendance.here == {"DV11"}
        await press(pilot, *"hung", "f6")  # F5, F6, F9 do not guess either
        assert "2 người khớp" in feedback(app) and not session.state.attendance.left


async def test_excused_absence_asks_the_reason(session, clock):
    app = desk_app(session, clock)
    d_before = session.state.figures().denominator
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *"lan", "down")  # Hoàng Thị Lan, then Bùi Văn Lân
        await press(pilot, "up", "f5")
        assert isinstance(app.screen, ReasonScreen)
        await press(pilot, "enter")  # an empty reason is refused
        assert isinstance(app.screen, ReasonScreen)
        await press(pilot, *"Đi công tác", "enter")
        assert not isinstance(app.screen, ReasonScreen)
        assert session.state.attendance.excused == {"DV06": "Đi công tác"}
        assert session.state.figures().denominator == d_before - 1
        assert "Đi công tác" in feedback(app)


async def test_departure(session, clock):
    session.attendance.check_in("DV03")
    app = desk_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *"binh")
        clock.advance(minutes=90)
        await press(pilot, "f6")
        assert "DV03" in session.state.attendance.left
        assert "08:50" in feedback(app)
        assert session.state.figures().left_official == 1


async def test_figures_and_warning_follow_check_ins(session, clock):
    app = desk_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        banner = app.screen.query_one("#quorum")
        assert banner.has_class("-alarm")
        officials = [m.id for m in session.state.roster if m.official and not m.flags]
        session.attendance.attend(officials[: len(officials) // 2 + 1])
        await app.sync_now()
        await pilot.pause()
        assert not banner.has_class("-alarm")
        assert "Có mặt" in str(app.screen.query_one("#attendance").render())


async def test_another_terminal_sees_the_check_in(session, clock):
    other = Session(session.path, clock=clock, terminal="test:2")
    app = desk_app(other, clock)
    async with app.run_test(size=SIZE) as pilot:
        session.attendance.check_in("DV03")
        await app.sync_now()
        await pilot.pause()
        await press(pilot, *"DV03")
        table = app.screen.query_one("#members")
        assert "Có mặt" in str(table.get_row_at(0)[3])


async def test_switch_between_chair_and_desk(session, clock):
    app = RunsheetApp(session, clock=clock, poll=False)
    async with app.run_test(size=SIZE) as pilot:
        assert type(app.screen).__name__ == "ChairScreen"
        await press(pilot, "f3")
        assert isinstance(app.screen, DeskScreen)
        await press(pilot, "f2")
        assert type(app.screen).__name__ == "ChairScreen"


async def test_a_desk_terminal_cannot_reach_the_chair(tmp_path, clock, session):
    desk = Session(session.path, role="desk", clock=clock)
    app = RunsheetApp(desk, clock=clock, poll=False)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, DeskScreen)
        await press(pilot, "f2")
        assert isinstance(app.screen, DeskScreen)


def test_desk_snapshot(snap_compare, session, clock):
    session.attendance.attend(["DV01", "DV02", "DV03", "DV04", "DV12"])
    session.attendance.absent("DV16", "Đi công tác")
    session.attendance.check_in("DV06")
    clock.advance(minutes=40)
    session.attendance.leave("DV04")

    async def search(pilot):
        await press(pilot, *"h")
        await pilot.pause()

    assert snap_compare(desk_app(session, clock), terminal_size=SIZE, run_before=search)


def test_desk_snapshot_at_80x24_english(snap_compare, session, clock):
    officials = [m.id for m in session.state.roster if m.official and not m.flags]
    session.attendance.attend(officials)
    app = RunsheetApp(session, lang="en", clock=clock, poll=False, screen="desk")
    assert snap_compare(app, terminal_size=(80, 24))


# ---- the roster on the day: F8 adds, F9 corrects, F10 an alternate replaces an absent delegate ----------------

def error_of(app) -> str:
    return str(app.screen.query_one("#error").render())


def delegates_session(make_session, tmp_path):
    return make_session(tmp_path / "delegates.json", "tests/data/delegates.toml", "tests/data/delegates-roster.csv")


async def test_f8_adds_a_member_and_enter_checks_them_in(session, clock):
    app = desk_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *"nguyen thi mai")  # not on the roster: what was typed becomes the name
        assert listed(app) == []
        await press(pilot, "f8")
        assert isinstance(app.screen, MemberFormScreen)
        assert app.screen.query_one("#member-id").value == "DV21"  # the roster's next id, selected: typing replaces
        assert app.screen.query_one("#member-name").value == "nguyen thi mai"
        await press(pilot, "enter")  # id -> name
        await press(pilot, "ctrl+u", *"Nguyễn Thị Mai", "enter", "enter", "enter")  # name, status, flags: saved
        assert isinstance(app.screen, DeskScreen)
        added = session.state.roster.get("DV21")
        assert (added.name, added.status, added.flags) == ("Nguyễn Thị Mai", "official", frozenset())
        assert session.log.head.type == "member.added"
        assert "Nguyễn Thị Mai" in feedback(app) and "Enter" in feedback(app)
        assert listed(app) == ["Nguyễn Thị Mai"] and app.screen.selected == "DV21"
        assert str(app.screen.query_one("#members").get_row_at(0)[3]) == "Chưa đến"
        assert "D = 15" in str(app.screen.query_one("#attendance").render())  # an official member more in D
        await press(pilot, "enter")  # the offered check-in
        assert "DV21" in session.state.attendance.here
        assert "có mặt lúc 07:20" in feedback(app)
        assert "Có mặt" in str(app.screen.query_one("#members").get_row("DV21")[3])


async def test_f8_refuses_a_duplicate_id_and_keeps_the_dialog(session, clock):
    app = desk_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        events = len(session.log.events)
        await press(pilot, "f8", *"DV03", "enter", *"Nguyễn Văn Khác", "enter", "enter", "enter")
        assert isinstance(app.screen, MemberFormScreen)
        assert "đã có đảng viên mã 'DV03'" in error_of(app)
        assert app.screen.focused is app.screen.query_one("#member-id")  # the field to fix, its text selected
        assert len(session.log.events) == events and session.state.roster.get("DV03").name == "Nguyễn Văn Bình"
        await press(pilot, *"DV30", "ctrl+s")
        assert isinstance(app.screen, DeskScreen)
        assert session.state.roster.get("DV30").name == "Nguyễn Văn Khác"


async def test_f8_asks_for_the_name_and_esc_gives_up(session, clock):
    app = desk_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        events = len(session.log.events)
        await press(pilot, "f8", "ctrl+s")
        assert isinstance(app.screen, MemberFormScreen) and "Cần có họ và tên" in error_of(app)
        assert app.screen.focused is app.screen.query_one("#member-name")
        await press(pilot, "escape")
        assert isinstance(app.screen, DeskScreen)
        assert len(session.log.events) == events and len(session.state.roster) == 20


async def test_f8_in_english_with_status_and_flags(session, clock):
    app = RunsheetApp(session, lang="en", clock=clock, poll=False, screen="desk")
    async with app.run_test(size=SIZE) as pilot:
        d_before = session.state.figures().denominator
        await press(pilot, "f8")
        assert "Add to the roster" in str(app.screen.query_one("#question").render())
        await press(pilot, "ctrl+u", *"X7", "enter", *"Jane Smith", "enter")
        await press(pilot, "right", "enter")  # probationary
        await press(pilot, "down", "space")  # the second flag: attached elsewhere
        await press(pilot, "enter")
        assert isinstance(app.screen, DeskScreen)
        member = session.state.roster.get("X7")
        assert (member.status, member.flags) == ("probationary", frozenset({"transferred"}))
        assert "Added Jane Smith (X7), Probationary, Attached elsewhere for now" in feedback(app)
        assert str(app.screen.query_one("#members").get_row_at(0)[2]) == "Probationary"
        assert session.state.figures().denominator == d_before  # probationary: not in D


async def test_f9_corrects_the_highlighted_member(session, clock):
    app = desk_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        d_before = session.state.figures().denominator
        await press(pilot, *"binh", "f9")
        form = app.screen
        assert isinstance(form, MemberFormScreen)
        assert form.query_one("#member-id").value == "DV03" and form.query_one("#member-id").disabled
        assert form.focused is form.query_one("#member-name")
        await press(pilot, "backspace", "backspace", "backspace", *"ính", "enter")  # Bình -> Bính, a typo
        await press(pilot, "enter", "space", "enter")  # status kept; flags: exempt
        assert isinstance(app.screen, DeskScreen)
        member = session.state.roster.get("DV03")
        assert (member.name, member.status, member.flags) == ("Nguyễn Văn Bính", "official", frozenset({"exempt"}))
        assert session.log.head.type == "member.corrected"
        assert "Đã sửa DV03" in feedback(app) and "Miễn công tác" in feedback(app)
        assert session.state.figures().denominator == d_before - 1  # exempt and not here: out of D
        await press(pilot, "ctrl+u", *"DV03")
        assert listed(app) == ["Nguyễn Văn Bính"]
        assert "Miễn sinh hoạt" in str(app.screen.query_one("#members").get_row_at(0)[3])


async def test_f9_without_a_change_writes_nothing_and_without_a_selection_says_so(session, clock):
    app = desk_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        events = len(session.log.events)
        await press(pilot, *"binh", "f9", "enter", "enter", "enter")
        assert isinstance(app.screen, DeskScreen)
        assert "Không có gì thay đổi" in feedback(app) and len(session.log.events) == events
        await press(pilot, "ctrl+u", *"zzz", "f9")
        assert isinstance(app.screen, DeskScreen) and "Không tìm thấy ai khớp với «zzz»" in feedback(app)
        await press(pilot, "ctrl+u", "f9")
        assert isinstance(app.screen, DeskScreen) and "Chưa chọn ai" in feedback(app)


async def test_f10_in_a_congress_of_members_says_why_not(session, clock):
    app = desk_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        events = len(session.log.events)
        await press(pilot, *"binh", "f10")
        assert isinstance(app.screen, DeskScreen)
        assert "chỉ đại hội đại biểu" in feedback(app)
        assert len(session.log.events) == events
        shown = {b.binding.action for b in app.screen.active_bindings.values() if b.binding.show}
        assert {"add_member", "fix_member"} <= shown and "replace" not in shown  # the footer skips it here


async def test_the_palette_offers_the_roster_actions(session, clock):
    app = desk_app(session, clock)
    async with app.run_test(size=SIZE):
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Thêm người chưa có trong danh sách", "Sửa họ tên, loại, đánh dấu của người đang chọn",
                "Đại biểu dự khuyết thay đại biểu vắng mặt đang chọn"} <= titles


async def test_f10_an_alternate_replaces_an_absent_delegate(make_session, tmp_path, clock):
    session = delegates_session(make_session, tmp_path)
    session.attendance.absent("D03", "Ốm đau")
    app = desk_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        assert session.state.figures().denominator == 4
        shown = {b.binding.action for b in app.screen.active_bindings.values() if b.binding.show}
        assert "replace" in shown
        await press(pilot, *"cuong", "f10")
        dialog = app.screen
        assert isinstance(dialog, ReplaceScreen)
        assert "Lê Văn Cường (D03)" in str(dialog.query_one("#question").render())
        assert [m.id for m in dialog.shown] == ["R01", "R02"]  # the free alternates, in name order (Em, Gấm)
        await press(pilot, *"em")
        assert [m.id for m in dialog.shown] == ["R01"]
        await press(pilot, "enter")
        assert isinstance(app.screen, DeskScreen)
        assert session.state.attendance.replaced == {"D03": "R01"}
        assert session.state.figures().denominator == 5
        assert "Hoàng Văn Em thay cho Lê Văn Cường" in feedback(app)
        assert app.screen.selected == "R01"  # the alternate has not come yet: Enter checks them in
        await press(pilot, "enter")
        assert "R01" in session.state.attendance.here
        await press(pilot, *"cuong")
        assert "dự khuyết thay: Hoàng Văn Em" in str(app.screen.query_one("#members").get_row_at(0)[3])


async def test_f10_an_empty_answer_cancels_the_replacement(make_session, tmp_path, clock):
    session = delegates_session(make_session, tmp_path)
    session.attendance.absent("D03", None)
    session.attendance.replace_delegate("D03", "R02")
    app = desk_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *"cuong")
        assert "Bùi Thị Gấm" in str(app.screen.query_one("#members").get_row_at(0)[3])
        await press(pilot, "f10")
        assert "Đang thay: Bùi Thị Gấm (R02)" in str(app.screen.query_one("#hint").render())
        await press(pilot, "enter")
        assert isinstance(app.screen, DeskScreen)
        assert session.state.attendance.replaced == {}
        assert "Đã hủy thay thế" in feedback(app)
        assert "Bùi Thị Gấm" not in str(app.screen.query_one("#members").get_row_at(0)[3])


async def test_f10_refusals(make_session, tmp_path, clock):
    session = delegates_session(make_session, tmp_path)
    session.attendance.absent("D03", None)
    session.attendance.absent("D04", None)
    session.attendance.check_in("D01")
    other = Session(session.path, clock=clock, terminal="test:2")
    app = desk_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *"R01", "f10")  # an alternate replaces nobody
        assert isinstance(app.screen, DeskScreen) and "là đại biểu dự khuyết" in feedback(app)
        await press(pilot, "ctrl+u", *"D01", "f10")  # a delegate who came needs nobody
        assert isinstance(app.screen, DeskScreen) and "đã điểm danh lúc 07:20" in feedback(app)
        await press(pilot, "ctrl+u", *"D03", "f10", *"zzz", "enter")
        assert isinstance(app.screen, ReplaceScreen) and "zzz" in error_of(app)
        other.attendance.replace_delegate("D04", "R02")  # another terminal takes R02 while the dialog is open
        await press(pilot, "ctrl+u", *"gam", "enter")
        assert isinstance(app.screen, ReplaceScreen)
        assert "Bùi Thị Gấm đã thay cho một đại biểu khác" in error_of(app)
        assert session.state.attendance.replaced == {"D04": "R02"}
        await press(pilot, "escape")
        assert isinstance(app.screen, DeskScreen)
        await press(pilot, "f10")  # R02 is taken now: only R01 is offered
        assert [m.id for m in app.screen.shown] == ["R01"]


async def test_f10_in_english(make_session, tmp_path, clock):
    session = delegates_session(make_session, tmp_path)
    session.attendance.absent("D05", None)
    session.attendance.check_in("R01")
    app = RunsheetApp(session, lang="en", clock=clock, poll=False, screen="desk")
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *"D05", "f10")
        assert "An alternate replaces Đỗ Minh Đức (D05)" in str(app.screen.query_one("#question").render())
        await press(pilot, "down", "enter")  # nothing typed: ↓ highlights the first free alternate
        assert session.state.attendance.replaced == {"D05": "R01"}
        assert "✓ Hoàng Văn Em replaces Đỗ Minh Đức" == feedback(app)  # already here: nothing more to do
        assert "Absent, replaced by Hoàng Văn Em" in str(app.screen.query_one("#members").get_row_at(0)[3])


def test_member_dialog_snapshot(snap_compare, make_session, tmp_path, clock):
    session = delegates_session(make_session, tmp_path)

    async def fix(pilot):
        await press(pilot, *"R02", "f9", "enter", "right", "enter")  # name kept, probationary, on the flags
        await pilot.pause()

    assert snap_compare(desk_app(session, clock), terminal_size=SIZE, run_before=fix)


# ---- issue 12: messages that go, a narrow terminal, papers printed at the desk ----------------------------------

async def test_esc_clears_a_message_and_typing_clears_a_refusal(session, clock):
    """Issue 12, defect 9: "Không tìm thấy ai khớp với «xyz»" stayed after Esc."""
    app = desk_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *"xyz", "enter")
        assert "xyz" in feedback(app)
        await press(pilot, "escape")
        assert feedback(app) == "" and app.screen.query_one("#search").value == ""
        await press(pilot, *"xyz", "enter", "backspace")  # the text the refusal was about changed
        assert feedback(app) == ""


async def test_messages_go_after_a_few_seconds_of_the_clock(session, clock):
    app = desk_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *"binh", "enter")
        assert "Nguyễn Văn Bình" in feedback(app)
        clock.advance(seconds=5)
        app.tick()
        assert "Nguyễn Văn Bình" in feedback(app)  # still there to read
        clock.advance(seconds=5)
        app.tick()
        await pilot.pause()
        assert feedback(app) == ""
        await press(pilot, *"zzz", "enter")
        clock.advance(seconds=10)
        app.tick()
        assert "zzz" in feedback(app)  # a refusal stays longer
        clock.advance(seconds=10)
        app.tick()
        await pilot.pause()
        assert feedback(app) == ""


async def test_at_80x24_the_statuses_are_whole(session, clock):
    """Issue 12, defect 11: at 80x24 the statuses were cut ("Sinh hoạ"); the figures shrink to one line there."""
    session.attendance.absent("DV16", "Đi công tác")
    app = desk_app(session, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#members")
        assert table.virtual_size.width <= table.scrollable_content_region.width
        assert "D = 13" in str(app.screen.query_one("#figures-line").render())
        assert app.screen.query_one("#figures-line").has_class("-alarm")
    app = desk_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.screen.query_one("#figures-line").display and app.screen.query_one("#desk-side").display


def test_desk_snapshot_at_80x24(snap_compare, session, clock):
    session.attendance.attend(["DV01", "DV02", "DV03", "DV04", "DV12"])
    session.attendance.absent("DV16", "Đi công tác")

    async def check_in(pilot):
        await press(pilot, *"dv06", "enter")  # the list of everyone, the member just checked in highlighted
        await pilot.pause()

    assert snap_compare(desk_app(session, clock), terminal_size=(80, 24), run_before=check_in)


def test_desk_snapshot_at_200x60(snap_compare, session, clock):
    session.attendance.attend(["DV01", "DV02", "DV03", "DV04", "DV12"])
    session.attendance.absent("DV16", "Đi công tác")

    async def search(pilot):
        await press(pilot, *"hung", "enter")  # two match: the refusal says so
        await pilot.pause()

    assert snap_compare(desk_app(session, clock), terminal_size=(200, 60), run_before=search)


async def test_the_desk_prints_the_attendance_sheet_and_the_badges(session, clock, tmp_path):
    """Issue 12, gap 7: the attendance sheet and the badge sheet, from the desk, written by the store worker."""
    app = desk_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "ctrl+l")
        assert isinstance(app.screen, ReasonScreen)
        assert app.screen.query_one("#answer").value == str(tmp_path)  # beside the store
        await press(pilot, "ctrl+u", *str(tmp_path / "giay-to"), "enter")
        assert isinstance(app.screen, DeskScreen)
        assert (tmp_path / "giay-to" / "danh-sach-du-dai-hoi.docx").exists()
        sheet = (tmp_path / "giay-to" / "danh-sach-du-dai-hoi.md").read_text()
        assert "TT | Họ và tên | Chức vụ, ghi chú | Ký tên" in sheet
        assert "danh-sach-du-dai-hoi.docx" in feedback(app)
        await press(pilot, "ctrl+t")
        assert app.screen.query_one("#answer").value == str(tmp_path / "the-dai-bieu.html")
        await press(pilot, "enter")
        assert 'data-member="DV03"' in (tmp_path / "the-dai-bieu.html").read_text()
        assert "the-dai-bieu.html" in feedback(app)
        await press(pilot, "ctrl+t", "ctrl+u", *str(tmp_path / "no" / "such" / "x.html"), "enter")
        assert "không ghi được thẻ đại biểu" in feedback(app)  # said, the screen stays
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"In danh sách đảng viên dự Đại hội (ký tên)", "In thẻ đại biểu có mã QR"} <= titles


def test_every_desk_key_is_in_the_palette_or_the_footer():
    from runsheet.ui.bindings import DESK

    assert {k.action for k in DESK if k.palette is None} == {"cursor(-1)", "cursor(1)", "app.quit"}

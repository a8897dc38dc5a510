"""The reception desk through the pilot: search, check-in, scans, excused absences, departures, undo."""

from __future__ import annotations

from runsheet.commands import Session
from runsheet.ui.app import RunsheetApp
from runsheet.ui.screens.desk import DeskScreen
from runsheet.ui.screens.ask import AskScreen as ReasonScreen

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
        await pilot.press(*"nguyen van binh")
        assert listed(app) == ["Nguyễn Văn Bình"]
        await pilot.press("enter")
        assert "DV03" in session.state.attendance.here
        assert "Nguyễn Văn Bình" in feedback(app) and "07:20" in feedback(app)
        assert app.screen.query_one("#search").value == ""


async def test_search_with_diacritics_and_case(session, clock):
    app = desk_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"HÙNG")
        assert listed(app) == ["Lê Quốc Hùng", "Trần Mạnh Hùng"]
        await pilot.press("down", "enter")
        assert session.state.attendance.here == {"DV01"}


async def test_search_by_id_and_no_match(session, clock):
    app = desk_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"dv17")
        assert listed(app) == ["Nguyễn Thị Hoa"]
        await pilot.press("ctrl+a", "backspace", *"zzz", "enter")
        assert "zzz" in feedback(app) and not session.state.attendance.here


async def test_scans_valid_repeated_foreign_and_forged(session, clock, tmp_path, make_session):
    good = session.badge_payload("DV06")
    foreign = make_session(tmp_path / "other.json").badge_payload("DV06")
    forged = good[:-1] + ("0" if good[-1] != "0" else "1")
    app = desk_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*good, "enter")
        assert session.state.attendance.here == {"DV06"}
        assert "Hoàng Thị Lan" in feedback(app)
        events = len(session.log.events)
        clock.advance(minutes=22)
        await pilot.press(*good, "enter")
        assert "đã điểm danh lúc 07:20" in feedback(app)
        await pilot.press(*foreign, "enter")
        assert "đại hội khác" in feedback(app)
        await pilot.press(*forged, "enter")
        assert "giả mạo" in feedback(app)
        await pilot.press(*"RS1-12-", "enter")
        assert "không phải" in feedback(app)
        assert len(session.log.events) == events  # nothing counted twice, nothing written


async def test_scan_lands_after_text_already_typed(session, clock):
    app = desk_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"ngu", *session.badge_payload("DV09"), "enter")
        assert session.state.attendance.here == {"DV09"}


async def test_undo_a_mistaken_check_in(session, clock):
    app = desk_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"DV03", "enter", *"DV03")
        assert "DV03" in session.state.attendance.here
        await pilot.press("f7")
        assert "DV03" not in session.state.attendance.arrived
        assert [e.type for e in session.log.events[-2:]] == ["member.attended", "member.attendance_undone"]
        assert "Hủy điểm danh" in feedback(app) or "hủy điểm danh" in feedback(app).lower()


async def test_excused_absence_asks_the_reason(session, clock):
    app = desk_app(session, clock)
    d_before = session.state.figures().denominator
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"lan", "down")  # Hoàng Thị Lan, then Bùi Văn Lân
        await pilot.press("up", "f5")
        assert isinstance(app.screen, ReasonScreen)
        await pilot.press("enter")  # an empty reason is refused
        assert isinstance(app.screen, ReasonScreen)
        await pilot.press(*"Đi công tác", "enter")
        assert not isinstance(app.screen, ReasonScreen)
        assert session.state.attendance.excused == {"DV06": "Đi công tác"}
        assert session.state.figures().denominator == d_before - 1
        assert "Đi công tác" in feedback(app)


async def test_departure(session, clock):
    session.check_in("DV03")
    app = desk_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"binh")
        clock.advance(minutes=90)
        await pilot.press("f6")
        assert "DV03" in session.state.attendance.left
        assert "08:50" in feedback(app)
        assert session.state.figures().left_official == 1


async def test_figures_and_warning_follow_check_ins(session, clock):
    app = desk_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        banner = app.screen.query_one("#quorum")
        assert banner.has_class("-alarm")
        officials = [m.id for m in session.state.roster if m.official and not m.flags]
        session.attend(officials[: len(officials) // 2 + 1])
        app.tick()
        await pilot.pause()
        assert not banner.has_class("-alarm")
        assert "Có mặt" in str(app.screen.query_one("#attendance").render())


async def test_another_terminal_sees_the_check_in(session, clock):
    other = Session(session.path, clock=clock, terminal="test:2")
    app = desk_app(other, clock)
    async with app.run_test(size=SIZE) as pilot:
        session.check_in("DV03")
        app.tick()
        await pilot.pause()
        await pilot.press(*"DV03")
        table = app.screen.query_one("#members")
        assert "Có mặt" in str(table.get_row_at(0)[3])


async def test_switch_between_chair_and_desk(session, clock):
    app = RunsheetApp(session, clock=clock, poll=False)
    async with app.run_test(size=SIZE) as pilot:
        assert type(app.screen).__name__ == "ChairScreen"
        await pilot.press("f3")
        assert isinstance(app.screen, DeskScreen)
        await pilot.press("f2")
        assert type(app.screen).__name__ == "ChairScreen"


async def test_a_desk_terminal_cannot_reach_the_chair(tmp_path, clock, session):
    desk = Session(session.path, role="desk", clock=clock)
    app = RunsheetApp(desk, clock=clock, poll=False)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, DeskScreen)
        await pilot.press("f2")
        assert isinstance(app.screen, DeskScreen)


def test_desk_snapshot(snap_compare, session, clock):
    session.attend(["DV01", "DV02", "DV03", "DV04", "DV12"])
    session.absent("DV16", "Đi công tác")
    session.check_in("DV06")
    clock.advance(minutes=40)
    session.leave("DV04")

    async def search(pilot):
        await pilot.press(*"h")
        await pilot.pause()

    assert snap_compare(desk_app(session, clock), terminal_size=SIZE, run_before=search)


def test_desk_snapshot_at_80x24_english(snap_compare, session, clock):
    officials = [m.id for m in session.state.roster if m.official and not m.flags]
    session.attend(officials)
    app = RunsheetApp(session, lang="en", clock=clock, poll=False, screen="desk")
    assert snap_compare(app, terminal_size=(80, 24))


async def test_a_desk_with_a_pin_asks_for_it(session, clock):
    from runsheet.ui.screens.ask import AskScreen

    session.set_pin("desk", "2468")
    desk = Session(session.path, role="desk", clock=clock)
    app = RunsheetApp(desk, clock=clock, poll=False)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, AskScreen)
        await pilot.press(*"1357", "enter")
        assert isinstance(app.screen, AskScreen) and "không đúng" in str(app.screen.query_one("#error").render())
        await pilot.press("ctrl+u", *"2468", "enter")
        assert isinstance(app.screen, DeskScreen) and not desk.locked
        await pilot.press(*"DV03", "enter")
        assert "DV03" in desk.state.attendance.here


async def test_giving_up_the_pin_closes_the_terminal(session, clock):
    session.set_pin("desk", "2468")
    app = RunsheetApp(Session(session.path, role="desk", clock=clock), clock=clock, poll=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        await pilot.pause()
        assert not app.is_running

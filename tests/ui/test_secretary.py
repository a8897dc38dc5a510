"""The secretary's screen through the pilot: the list of speakers, the floor and its countdown, notes, totals."""

from __future__ import annotations

import io

from rich.console import Console

from runsheet.commands import Session
from runsheet.ui.app import RunsheetApp
from runsheet.ui.screens.ask import AskScreen
from runsheet.ui.screens.chair import ChairScreen
from runsheet.ui.screens.confirm import ConfirmScreen
from runsheet.ui.screens.notes import NotesScreen
from runsheet.ui.screens.secretary import SecretaryScreen
from runsheet.ui.widgets.speaker_list import SpeakerList
from runsheet.ui.widgets.step_timer import StepTimer
from driving import press

SIZE = (120, 36)
STEP = "thao-luan"  # chi-bo.toml: "Thảo luận, tham luận", speeches = { limit = 7 }


def to_discussion(session) -> None:
    while session.state.agenda.current != STEP:
        session.agenda.next_step()


def secretary_app(session, clock, role: str | None = "secretary", lang: str | None = None) -> RunsheetApp:
    terminal = Session(session.path, role=role, clock=clock, terminal="thu-ky")
    return RunsheetApp(terminal, clock=clock, poll=False, lang=lang, screen=None if role else "secretary")


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


def printed(renderable) -> str:
    console = Console(width=60, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def feedback(app) -> str:
    return text_of(app, "#sec-feedback")


def listed(app) -> list[str]:
    table = app.screen.query_one(SpeakerList)
    return [str(table.get_row_at(i)[1]) for i in range(table.row_count)]


def names(app, step: str = STEP) -> list[str]:
    app.session.sync()
    return [s.label() for s in app.session.state.speeches.of_step(step)]


async def test_opens_on_the_secretary_screen_and_stays_there(session, clock):
    to_discussion(session)
    app = secretary_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, SecretaryScreen)
        assert "Thảo luận, tham luận" in text_of(app, "#sec-step")
        assert "Danh sách phát biểu" in text_of(app, "#sec-step") and "7 phút" in text_of(app, "#sec-step")
        await press(pilot, "f2", "f3", "f4", "f12", "f1")
        assert isinstance(app.screen, SecretaryScreen)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert "Chuyển sang màn hình Chủ tọa" not in titles
        assert {"Mời phát biểu: người đang chọn, hoặc người chờ tiếp theo", "Kết thúc lượt phát biểu",
                "Tạm dừng / tiếp tục lượt phát biểu", "Ghi chú lượt phát biểu đang chọn",
                "Rút tên người đang chọn khỏi danh sách", "Chuyển người phát biểu lên trước",
                "Xem danh sách phát biểu của bước sau"} <= titles


async def test_a_terminal_with_no_role_reaches_it_with_f1_and_the_palette(session, clock):
    app = RunsheetApp(session, clock=clock, poll=False)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, ChairScreen)
        await press(pilot, "f1")
        assert isinstance(app.screen, SecretaryScreen)
        await press(pilot, "f2")
        assert isinstance(app.screen, ChairScreen)
        command = next(c for c in app.get_system_commands(app.screen) if c.title == "Chuyển sang màn hình Thư ký")
        command.callback()
        await pilot.pause()
        assert isinstance(app.screen, SecretaryScreen)


async def test_members_are_found_without_diacritics_and_enter_adds(session, clock):
    to_discussion(session)
    app = secretary_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *"nguyen van binh", "enter")
        assert names(app) == ["Nguyễn Văn Bình"]
        assert app.session.state.speeches.of_step(STEP)[0].member == "DV03"
        assert "Đã thêm số 1: Nguyễn Văn Bình" in feedback(app)
        assert app.screen.query_one("#speaker-entry").value == ""
        await press(pilot, *"HÙNG", "down", "enter")  # Lê Quốc Hùng, then Trần Mạnh Hùng
        await press(pilot, *"dv13, Tổ trưởng tổ đảng", "enter")  # an id, and a title after a comma
        assert names(app) == ["Nguyễn Văn Bình", "Trần Mạnh Hùng", "Trịnh Văn Dũng, Tổ trưởng tổ đảng"]
        assert listed(app) == names(app)
        await press(pilot, *"binh")  # the matches say who is already on the list
        assert "đã có trong danh sách, số 1" in str(app.screen.query_one("#matches").get_row_at(0)[1])


async def test_guests_in_one_go_or_with_the_title_asked(session, clock):
    to_discussion(session)
    app = secretary_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *"Trần Văn Khách, Phó Bí thư Đảng ủy phường", "enter")
        assert not isinstance(app.screen, AskScreen)
        guest = app.session.state.speeches.of_step(STEP)[0]
        assert (guest.name, guest.title, guest.member) == ("Trần Văn Khách", "Phó Bí thư Đảng ủy phường", None)
        await press(pilot, *"Lò Thị Mây", "enter")  # matches nobody: the title is asked, Escape gives up
        assert isinstance(app.screen, AskScreen)
        assert "Khách mời: Lò Thị Mây" in text_of(app, "#question")
        await press(pilot, "escape")
        assert len(names(app)) == 1 and app.screen.query_one("#speaker-entry").value == "Lò Thị Mây"
        await press(pilot, "enter", *"Bí thư Đoàn phường", "enter")
        await press(pilot, *"quan", "down", "enter", "enter")  # past Hoàng Minh Quân to the guest row, no title
        assert names(app) == ["Trần Văn Khách, Phó Bí thư Đảng ủy phường", "Lò Thị Mây, Bí thư Đoàn phường", "quan"]


async def test_start_pause_resume_end_and_the_next(session, clock):
    to_discussion(session)
    for who in ("DV03", "DV13", "DV06"):
        session.speaking.add_speaker(who)
    app = secretary_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        speeches = app.session.state.speeches
        await press(pilot, "f5")
        assert speeches.current == "s1" and "Nguyễn Văn Bình phát biểu từ" in feedback(app)
        assert "Đang phát biểu" in text_of(app, "#now-label") and text_of(app, "#now-name") == "Nguyễn Văn Bình"
        clock.advance(minutes=2)
        await press(pilot, "space")  # the field is empty: space pauses
        assert speeches.items["s1"].status == "paused" and "Tạm dừng" in text_of(app, "#now-label")
        assert "TẠM DỪNG" in text_of(app, "#timer-info")
        clock.advance(minutes=5)
        await press(pilot, "f6")
        assert speeches.items["s1"].status == "speaking"
        clock.advance(minutes=1)
        await press(pilot, "f7")
        assert speeches.items["s1"].status == "done" and round(speeches.items["s1"].elapsed(clock())) == 180
        assert "Nguyễn Văn Bình đã phát biểu 03:00" in feedback(app)
        assert text_of(app, "#now-name") == "Tiếp theo: Trịnh Văn Dũng"
        await press(pilot, "down")  # the cursor sat on the next waiting (Dũng); the selected one gets the floor
        await press(pilot, "f5")
        assert speeches.current == "s3"
        clock.advance(minutes=1)
        await press(pilot, "f5")  # the next waiting; the speech running ends
        assert speeches.current == "s2" and speeches.items["s3"].status == "done"
        await press(pilot, *"a b")  # a space in a name is typed, not a pause
        assert app.screen.query_one("#speaker-entry").value == "a b" and speeches.items["s2"].status == "speaking"


async def test_countdown_calm_warning_overtime_with_the_clock(session, clock):
    to_discussion(session)
    session.speaking.add_speaker("DV03")
    app = secretary_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        timer = app.screen.query_one(StepTimer)
        await press(pilot, "f5")
        for minutes, phase, digits in ((3, "-calm", "04:00"), (2 + 40 / 60, "-warning", "01:20"),
                                       (1 + 21 / 60, "-overtime", "+00:01")):
            clock.advance(minutes=minutes)
            await app.sync_now()
            await pilot.pause()
            assert timer.has_class(phase), (minutes, timer.classes)
            assert app.screen.query_one("#timer-digits").value == digits
        assert "Quá giờ" in text_of(app, "#timer-info") and "/ 7 phút" in text_of(app, "#timer-info")
        assert "07:01" in listed_time(app, 0)


def listed_time(app, row: int) -> str:
    return str(app.screen.query_one(SpeakerList).get_row_at(row)[3])


async def test_a_step_without_a_limit_counts_up(session, clock):
    to_discussion(session)
    app = secretary_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "pagedown")  # "Phát biểu chỉ đạo của đại diện Đảng ủy cấp trên": no limit
        assert "Phát biểu chỉ đạo" in text_of(app, "#sec-step") and "bước khác" in text_of(app, "#sec-step")
        await press(pilot, *"Nguyễn Văn Cấp Trên, Ủy viên Ban Thường vụ", "enter")
        session.agenda.next_step()  # the floor is given at the speaker's own step (issue 12, defect 3)
        await app.sync_now()
        await press(pilot, "f5")
        clock.advance(minutes=12)
        await app.sync_now()
        await pilot.pause()
        assert app.screen.query_one("#timer-digits").value == "12:00"
        assert app.screen.query_one(StepTimer).has_class("-calm")
        assert "không giới hạn" in text_of(app, "#timer-info")
        assert names(app, "phat-bieu-chi-dao") == ["Nguyễn Văn Cấp Trên, Ủy viên Ban Thường vụ"]
        assert names(app) == []


async def test_reorder_with_shift_arrows_and_refusals(session, clock):
    to_discussion(session)
    for who in ("DV03", "DV13", "DV06"):
        session.speaking.add_speaker(who)
    app = secretary_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "down", "down", "shift+up")  # Hoàng Thị Lan before Trịnh Văn Dũng
        assert names(app) == ["Nguyễn Văn Bình", "Hoàng Thị Lan", "Trịnh Văn Dũng"]
        assert app.screen.query_one(SpeakerList).selected == "s3" and "số 2" in feedback(app)
        await press(pilot, "shift+up")
        assert names(app)[0] == "Hoàng Thị Lan"
        events = len(app.session.log.events)
        await press(pilot, "shift+up")  # already first: refused, said, nothing written
        assert len(app.session.log.events) == events
        assert "Hoàng Thị Lan đã ở đầu những người đang chờ" in feedback(app)
        assert app.screen.query_one("#sec-feedback").has_class("-error")
        await press(pilot, "ctrl+down", "ctrl+down")
        assert names(app)[-1] == "Hoàng Thị Lan"


async def test_withdraw_asks_and_only_a_waiting_speaker(session, clock):
    to_discussion(session)
    for who in ("DV03", "DV13"):
        session.speaking.add_speaker(who)
    session.speaking.start_speech()
    app = secretary_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "f9")  # the cursor is on the speech running: refused at once
        assert not isinstance(app.screen, ConfirmScreen) and "đang phát biểu" in feedback(app)
        await press(pilot, "down", "f9")
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, "escape")
        assert names(app) == ["Nguyễn Văn Bình", "Trịnh Văn Dũng"]
        await press(pilot, "f9", "y")
        assert names(app) == ["Nguyễn Văn Bình"] and "Đã rút tên Trịnh Văn Dũng" in feedback(app)
        assert listed(app) == ["Nguyễn Văn Bình"]


async def test_notes_in_a_dialog(session, clock):
    to_discussion(session)
    session.speaking.add_speaker("DV03")
    session.speaking.start_speech()
    app = secretary_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "f8")
        assert isinstance(app.screen, NotesScreen)
        await press(pilot, *"Đề nghị bổ sung", "enter", *"giải pháp chuyển đổi số", "ctrl+s")
        assert not isinstance(app.screen, NotesScreen)
        assert app.session.state.speeches.items["s1"].notes == "Đề nghị bổ sung\ngiải pháp chuyển đổi số"
        assert "Đã lưu ghi chú" in feedback(app)
        assert "✎" in listed(app)[0]
        assert "Đề nghị bổ sung giải pháp chuyển đổi số" in text_of(app, "#speech-notes")
        await press(pilot, "f8", *" nữa", "escape")  # Escape keeps the notes as they were
        assert app.session.state.speeches.items["s1"].notes.endswith("chuyển đổi số")


async def test_another_steps_list_and_back(session, clock):
    to_discussion(session)
    session.speaking.add_speaker("DV03")
    app = secretary_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "pageup")
        assert "Báo cáo kiểm điểm" in text_of(app, "#sec-step") and listed(app) == []
        await press(pilot, *"dv06", "enter")
        assert names(app, "bao-cao-kiem-diem") == ["Hoàng Thị Lan"]
        await press(pilot, "escape")
        assert "Thảo luận" in text_of(app, "#sec-step") and listed(app) == ["Nguyễn Văn Bình"]
        await press(pilot, "pagedown", "pageup")  # back on the step now: following it again
        assert "bước khác" not in text_of(app, "#sec-step")
        for _ in range(30):
            await press(pilot, "pageup")
        assert "Bước 1/26" in text_of(app, "#sec-step")


async def test_refusals_are_said_not_raised(session, clock):
    to_discussion(session)
    app = secretary_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        events = len(app.session.log.events)
        await press(pilot, "f7")
        assert "không có ai đang phát biểu" in feedback(app)
        await press(pilot, "space")
        assert "không có ai đang phát biểu" in feedback(app)
        await press(pilot, "f5")
        assert "không còn ai chờ phát biểu" in feedback(app)
        await press(pilot, "f8")
        assert "Chưa chọn người phát biểu nào" in feedback(app)
        assert len(app.session.log.events) == events and app.is_running


async def test_a_desk_terminal_has_no_secretary_screen(session, clock):
    desk = Session(session.path, role="desk", clock=clock, terminal="desk")
    app = RunsheetApp(desk, clock=clock, poll=False)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "f1")
        assert not app.is_screen_installed("secretary") and not isinstance(app.screen, SecretaryScreen)


async def test_another_terminal_writing_is_shown_after_a_tick(session, clock):
    to_discussion(session)
    app = secretary_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        chair = Session(session.path, role="chair", clock=clock, terminal="chu-toa")
        chair.speaking.add_speaker("DV11")
        chair.speaking.start_speech()
        clock.advance(minutes=1)
        await app.sync_now()
        await pilot.pause()
        assert listed(app) == ["Lê Quốc Hùng"]
        assert text_of(app, "#now-name") == "Lê Quốc Hùng"
        assert app.screen.query_one("#timer-digits").value == "06:00"
        assert "Lê Quốc Hùng 1 lượt 01:00" in " ".join(printed(app.screen.query_one("#totals").content).split())


async def test_english_interface(session, clock):
    to_discussion(session)
    session.speaking.add_speaker("DV03")
    app = secretary_app(session, clock, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "f5")
        assert "has the floor" in feedback(app) and "Speaking" in text_of(app, "#now-label")
        assert "7 min" in text_of(app, "#sec-step")


# ---- snapshots ---------------------------------------------------------------------------------------------------
def busy_discussion(session, clock, lang=None) -> RunsheetApp:
    """Two spoke (one with notes, one over time), one speaks into the warning phase, two wait (a guest)."""
    session.attendance.attend(["DV01", "DV02", "DV03", "DV04", "DV06", "DV07", "DV09", "DV10", "DV11", "DV13", "DV14"])
    to_discussion(session)
    for who, title in (("DV03", ""), ("DV13", "Tổ trưởng tổ đảng"), ("DV06", ""), ("DV17", ""),
                       ("Trần Văn Khách", "Phó Bí thư Đảng ủy phường")):
        session.speaking.add_speaker(who, title)
    session.speaking.start_speech()
    clock.advance(minutes=6, seconds=10)
    session.speaking.note_speech("s1", "Đề nghị bổ sung giải pháp chuyển đổi số trong công tác tham mưu")
    session.speaking.start_speech()
    clock.advance(minutes=7, seconds=45)
    session.speaking.start_speech()
    clock.advance(minutes=5, seconds=50)
    return secretary_app(session, clock, lang=lang)


def test_secretary_snapshot_80x24(snap_compare, session, clock):
    assert snap_compare(busy_discussion(session, clock), terminal_size=(80, 24))


def test_secretary_snapshot_160x48(snap_compare, session, clock):
    async def typing(pilot):
        await press(pilot, *"hung")

    assert snap_compare(busy_discussion(session, clock), terminal_size=(160, 48), run_before=typing)


async def test_officers_recorded_in_a_dialog(session, clock):
    from runsheet.ui.screens.officers import OfficersScreen

    session.speaking.set_officers("presidium", ["DV01", "DV02"])
    session.attendance.attend(["DV07", "DV17", "DV19", "DV09"])
    app = secretary_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "f10")
        assert isinstance(app.screen, OfficersScreen)
        assert app.screen.query_one("#officers-presidium").value == "DV01; DV02"
        await press(pilot, "enter")  # the presidium unchanged: Enter moves on
        await press(pilot, *"dv14; Đặng Minh Đức", "enter", *"DV07, Trưởng ban; DV17; Người Ngoài, cán bộ", "enter",
                    "enter")  # the guests' line left empty: Enter saves
        # a counting committee of official members present only: the dialog says who is not, and stays open
        assert isinstance(app.screen, OfficersScreen)
        assert "Người Ngoài" in str(app.screen.query_one("#error").render())
        await press(pilot, "shift+tab", "ctrl+u", *"DV07, Trưởng ban; DV17; DV09", "enter", "enter")  # DV09 stands
        assert isinstance(app.screen, OfficersScreen) and "Ngô Thị Dung" in str(app.screen.query_one("#error").render())
        await press(pilot, "shift+tab", "ctrl+u", *"DV07, Trưởng ban; DV17; DV19", "enter", "enter")
        assert not isinstance(app.screen, OfficersScreen)
        state = session.state
        session.sync()
        assert state.officer_names("secretariat") == ["Phan Thị Hòa", "Đặng Minh Đức"]
        assert state.officer_names("counting") == ["Vũ Đức Thanh, Trưởng ban", "Nguyễn Thị Hoa", "Cao Xuân Tuấn"]
        # the presidium was not rewritten; the secretariat was not saved with a counting committee refused
        assert [e.type for e in session.log.events].count("officers.set") == 3
        await press(pilot, "f10")
        assert app.screen.query_one("#officers-counting").value == "DV07, Trưởng ban; DV17; DV19"
        await press(pilot, "escape")
        assert not isinstance(app.screen, OfficersScreen)


async def test_at_80x24_the_footer_reaches_every_key_and_ends_with_the_palette(session, clock):
    """A compact Footer cut the labels and ended in a stray character; the key bar fits what it can and names the
    palette, which lists every key."""
    from runsheet.texts import say
    from runsheet.ui.widgets.key_bar import shown_key
    from screen_text import screen_lines

    to_discussion(session)
    for role in ("secretary", None):
        app = secretary_app(session, clock, role=role)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            footer = screen_lines(app)[-1]
            assert footer.endswith("▏^p Mọi lệnh"), footer
            words = footer.split()
            for key in app.screen.KEYS:
                if key.show:
                    assert shown_key(key) in words, (role, key.keys, footer)
            commands = {c.title for c in app.get_system_commands(app.screen)}
            assert {say(key.palette, "vi") for key in app.screen.KEYS if key.palette} <= commands


async def test_a_click_on_the_footer_presses_the_key(session, clock):
    to_discussion(session)
    session.speaking.add_speaker("DV03")
    app = secretary_app(session, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.click("KeyBar", offset=(1, 0))  # "f5"
        await pilot.app.settle()
        await pilot.pause()
        assert app.session.state.speeches.current is not None


def test_secretary_snapshot_200x60(snap_compare, session, clock):
    assert snap_compare(busy_discussion(session, clock), terminal_size=(200, 60))

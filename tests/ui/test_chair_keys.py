"""The chair's keys, driven through Textual's pilot on a real store, with a clock the test moves."""

from __future__ import annotations

from runsheet.commands import Session
from runsheet.rules.schedule import Status
from runsheet.ui.app import RunsheetApp
from runsheet.ui.screens.confirm import ConfirmScreen
from runsheet.ui.screens.insert_step import InsertStepScreen
from runsheet.ui.widgets.agenda_table import AgendaTable
from driving import press, click

SIZE = (130, 36)


def app_for(session, clock, lang=None) -> RunsheetApp:
    return RunsheetApp(session, lang=lang, clock=clock, poll=False)


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


async def test_opens_on_first_step_with_words_and_title(session, clock):
    session.agenda.next_step()
    app = app_for(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Đại hội Chi bộ Phòng Tổng hợp" in text_of(app, "#congress-title")
        assert text_of(app, "#step-title") == "Chào cờ"
        assert "chào cờ" in text_of(app, "#script").lower()
        clock.advance(seconds=65)
        await app.sync_now()
        await pilot.pause()
        assert "01:05" in text_of(app, "#timer-info")


async def test_next_previous_and_time_adds_up(session, clock):
    app = app_for(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "n")
        assert session.state.agenda.current == "chao-co"
        clock.advance(minutes=2)
        await press(pilot, "n")
        assert session.state.agenda.current == "bau-doan-chu-tich"
        clock.advance(minutes=1)
        await press(pilot, "p")
        assert session.state.agenda.current == "chao-co"
        clock.advance(minutes=1)
        timer = session.state.agenda.timer(clock())
        assert round(timer.elapsed) == 180
        assert app.screen.query_one(AgendaTable).selected == "chao-co"


async def test_pause_and_resume(session, clock):
    session.agenda.next_step()
    app = app_for(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        clock.advance(seconds=30)
        await press(pilot, "space")
        assert session.state.agenda.paused
        assert "TẠM DỪNG" in text_of(app, "#timer-info")
        clock.advance(minutes=5)
        await press(pilot, "space")
        assert not session.state.agenda.paused
        assert round(session.state.agenda.timer(clock()).elapsed) == 30


async def test_add_and_remove_minutes(session, clock):
    session.agenda.next_step()
    app = app_for(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        allotted = session.state.agenda.runs["chao-co"].allotted
        await press(pilot, "plus")
        await press(pilot, "asterisk")
        assert session.state.agenda.runs["chao-co"].allotted == allotted + 6 * 60
        await press(pilot, "minus")
        await press(pilot, "underscore")
        assert session.state.agenda.runs["chao-co"].allotted == allotted
        for _ in range(3):
            await press(pilot, "minus")
        # three minutes planned: the third press would leave less than a minute and is refused
        assert session.state.agenda.runs["chao-co"].allotted == allotted - 120


async def test_skip_and_restore_selected_step(session, clock):
    session.agenda.next_step()
    app = app_for(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "down")
        selected = app.screen.query_one(AgendaTable).selected
        assert selected == "bau-doan-chu-tich"
        await press(pilot, "s")
        assert session.state.agenda.status(selected) is Status.SKIPPED
        await press(pilot, "s")
        assert session.state.agenda.status(selected) is Status.PENDING


async def test_skipping_the_running_step_asks_first(session, clock):
    session.agenda.next_step()
    app = app_for(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "s")
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, "escape")
        assert session.state.agenda.current == "chao-co"
        await press(pilot, "s")
        await press(pilot, "y")
        assert session.state.agenda.status("chao-co") is Status.SKIPPED
        assert session.state.agenda.current == "bau-doan-chu-tich"


async def test_move_selected_step(session, clock):
    session.agenda.next_step()
    app = app_for(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "down", "down")  # "chuong-trinh", third
        await press(pilot, "shift+down")
        order = session.state.agenda.order
        assert order.index("chuong-trinh") == 3 and order.index("khai-mac") == 2
        assert app.screen.query_one(AgendaTable).selected == "chuong-trinh"
        await press(pilot, "shift+up", "shift+up")
        assert session.state.agenda.order.index("chuong-trinh") == 1
        await press(pilot, "shift+up")  # it cannot move before the running step
        assert session.state.agenda.order.index("chuong-trinh") == 1


async def test_insert_ad_hoc_step(session, clock):
    session.agenda.next_step()
    app = app_for(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "i")
        assert isinstance(app.screen, InsertStepScreen)
        await press(pilot, *"Đọc thư chúc mừng")
        await press(pilot, "tab", "backspace", "3", "tab", *"Văn phòng", "enter")
        await pilot.pause()
        order = session.state.agenda.order
        assert order[1] == "adhoc-1"
        step = session.state.agenda.runs["adhoc-1"].step
        assert (step.title, step.minutes, step.who) == ("Đọc thư chúc mừng", 3, "Văn phòng")


async def test_insert_refuses_empty_title(session, clock):
    app = app_for(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "i", "enter")
        assert isinstance(app.screen, InsertStepScreen)
        assert "nội dung" in text_of(app, "#error").lower()
        await press(pilot, "escape")
        assert not isinstance(app.screen, InsertStepScreen)
        assert len(session.log.events) == 1


async def test_next_on_last_step_asks_then_closes(session, clock):
    for _ in session.state.agenda.order:
        session.agenda.next_step() if session.state.agenda.following(session.state.agenda.current) else None
    assert session.state.agenda.following(session.state.agenda.current) is None
    app = app_for(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "n")
        assert isinstance(app.screen, ConfirmScreen)
        await click(pilot, "#yes")
        assert session.state.agenda.ended
        assert "bế mạc" in text_of(app, "#step-title")


async def test_refused_action_tells_why_and_writes_nothing(session, clock):
    app = app_for(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "space")  # nothing is running yet
        await pilot.pause()
        assert len(session.log.events) == 1
        assert any("chưa có bước nào đang diễn ra" in n.message for n in app._notifications)


async def test_palette_offers_every_chair_action(session, clock):
    app = app_for(session, clock)
    async with app.run_test(size=SIZE):
        titles = {c.title for c in app.get_system_commands(app.screen)}
        for title in ("Bước tiếp theo", "Quay lại bước trước", "Tạm dừng / tiếp tục đồng hồ", "Thêm 1 phút",
                      "Bớt 1 phút", "Bỏ qua / khôi phục bước", "Chèn bước phát sinh", "Chuyển bước lên trước",
                      "Chuyển bước xuống sau"):
            assert title in titles


async def test_palette_command_runs_the_action(session, clock):
    app = app_for(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        command = next(c for c in app.get_system_commands(app.screen) if c.title == "Bước tiếp theo")
        command.callback()
        await pilot.pause()
        assert session.state.agenda.current == "chao-co"


async def test_english_interface(session, clock):
    session.agenda.next_step()
    app = app_for(session, clock, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Remaining" in text_of(app, "#timer-info")
        assert "Next" in text_of(app, "#next-step")


async def test_reopen_and_second_terminal_see_the_same_congress(session, clock, tmp_path):
    app = app_for(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "n")
        clock.advance(minutes=2)
        await press(pilot, "space")
        await press(pilot, "plus")
    other = Session(session.path, clock=clock, terminal="test:2")
    assert other.state.agenda.current == "chao-co" and other.state.agenda.paused
    assert other.state.agenda.timer(clock()).elapsed == session.state.agenda.timer(clock()).elapsed == 120
    assert other.state.agenda.runs["chao-co"].extra == 60
    watcher = app_for(Session(session.path, clock=clock, terminal="test:3"), clock)
    async with watcher.run_test(size=SIZE) as pilot:
        other.agenda.resume()
        other.agenda.next_step()
        await watcher.sync_now()
        await pilot.pause()
        assert text_of(watcher, "#step-title") == "Bầu Đoàn Chủ tịch, Đoàn Thư ký"


async def test_step_tags_name_the_vote_and_the_election(session, clock):
    session.agenda.next_step()
    app = app_for(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        assert text_of(app, "#step-tags") == ""
        await press(pilot, "n")
        assert "Biểu quyết" in text_of(app, "#step-tags")
        while session.state.agenda.current != "bo-phieu-chi-uy":
            session.agenda.next_step()
        await app.sync_now()
        await pilot.pause()
        assert "bầu 5 trong số 6 đồng chí" in text_of(app, "#step-tags")


async def test_q_quits_and_the_congress_stays(session, clock):
    session.agenda.next_step()
    app = app_for(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "q")
        await pilot.pause()
        assert not app.is_running
    assert Session(session.path, clock=clock).state.agenda.current == "chao-co"


async def test_vote_open_round_and_publish_from_the_chair(session, clock):
    from runsheet.rules.election import Reading
    from runsheet.ui.screens.ask import AskScreen

    officials = ["DV01", "DV02", "DV03", "DV04", "DV06", "DV07", "DV09", "DV10", "DV11", "DV13", "DV14", "DV17"]
    session.attendance.attend(officials)
    session.agenda.next_step()
    session.agenda.next_step()  # "bau-doan-chu-tich" carries the motion "doan-chu-tich"
    app = app_for(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "v")
        assert isinstance(app.screen, AskScreen)
        assert app.screen.query_one("#answer").value == "12 0 0"
        await press(pilot, "ctrl+u", *"11 0 1", "enter")
        result = session.state.last_motion("doan-chu-tich")
        assert (result.votes_for, result.against, result.abstain, result.adopted) == (11, 0, 1, True)
        assert "11/14" in text_of(app, "#step-tags")  # D = 16 official - transferred - exempt absent
        await press(pilot, "b")  # this step carries no election
        assert not isinstance(app.screen, AskScreen)
        while session.state.agenda.current != "bo-phieu-chi-uy":
            session.agenda.next_step()
        await app.sync_now()
        await press(pilot, "b", "backspace", "2", "enter")
        record = session.state.current_round("chi-uy")
        assert record.passes == 2 and record.issued == 12
        for pass_no in (1, 2):
            for _ in officials:
                session.voting.enter_ballot("chi-uy", Reading(frozenset({6})), pass_no=pass_no)
        session.voting.close_round("chi-uy")
        await app.sync_now()
        await press(pilot, "c")
        await press(pilot, "y")
        assert session.state.current_round("chi-uy").published
        assert "đã công bố" in text_of(app, "#step-tags")

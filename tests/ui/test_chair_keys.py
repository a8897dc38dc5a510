"""The chair's keys, driven through Textual's pilot on a real store, with a clock the test moves."""

from __future__ import annotations

from runsheet.commands import Session
from runsheet.rules.schedule import Status
from runsheet.texts import say
from runsheet.ui.app import RunsheetApp
from runsheet.ui.screens.confirm import ConfirmScreen
from runsheet.ui.screens.insert_step import InsertStepScreen
from runsheet.ui.widgets.agenda_table import AgendaTable
from driving import click, press, settle

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
    """Issue 12, defect 2: Enter moves from field to field and inserts from the last; before, the first Enter inserted
    the title alone, and what was typed next went to the chair's keys ("n" ended a step, a space paused it)."""
    session.agenda.next_step()
    app = app_for(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "i")
        assert isinstance(app.screen, InsertStepScreen)
        await press(pilot, *"Đọc thư chúc mừng", "enter")
        assert isinstance(app.screen, InsertStepScreen) and len(session.log.events) == 2  # nothing saved yet
        await press(pilot, "backspace", "3", "enter", *"Văn phòng Đảng ủy", "enter")
        assert isinstance(app.screen, InsertStepScreen)
        await press(pilot, *"Kính thưa Đại hội", "enter")  # the last field: inserts
        assert not isinstance(app.screen, InsertStepScreen)
        order = session.state.agenda.order
        assert order[1] == "adhoc-1"
        step = session.state.agenda.runs["adhoc-1"].step
        assert (step.title, step.minutes, step.who, step.script) == ("Đọc thư chúc mừng", 3, "Văn phòng Đảng ủy",
                                                                     "Kính thưa Đại hội")
        assert session.state.agenda.current == "chao-co" and not session.state.agenda.paused


async def test_insert_saves_from_any_field_with_ctrl_s(session, clock):
    session.agenda.next_step()
    app = app_for(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "i", *"Đọc thư chúc mừng", "ctrl+s")
        assert not isinstance(app.screen, InsertStepScreen)
        step = session.state.agenda.runs["adhoc-1"].step
        assert (step.title, step.minutes, step.who) == ("Đọc thư chúc mừng", 5, "")


async def test_insert_refuses_empty_title(session, clock):
    app = app_for(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "i", "enter", "enter", "enter", "enter")  # through every field to the last
        assert isinstance(app.screen, InsertStepScreen)
        assert "nội dung" in text_of(app, "#error").lower()
        assert app.screen.focused.id == "title"
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, InsertStepScreen)
        await press(pilot, "escape")
        assert not isinstance(app.screen, InsertStepScreen)
        assert len(session.log.events) == 1


async def test_keys_typed_just_after_a_dialog_closes_do_not_reach_the_chair(session, clock, monkeypatch):
    """Issue 12, defect 2: a dialog that closed sooner than its user thought does not let the typing run on into the
    chair's single-letter keys (n, space...); a moment later they work again."""
    from runsheet.ui.screens import chair

    monkeypatch.setattr(chair, "TYPED_AHEAD", 2.0)  # generous: the test machine may be slow
    session.agenda.next_step()
    app = app_for(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "i", *"Đọc thư", "ctrl+s")
        assert not isinstance(app.screen, InsertStepScreen) and "adhoc-1" in session.state.agenda.runs
        await press(pilot, "n", "space", "p")  # meant for the form
        assert session.state.agenda.current == "chao-co" and not session.state.agenda.paused
        await pilot.pause(2.2)
        await press(pilot, "n")
        assert session.state.agenda.current == "adhoc-1"


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


OFFICIALS = ["DV01", "DV02", "DV03", "DV04", "DV06", "DV07", "DV09", "DV10", "DV11", "DV13", "DV14", "DV17"]


def go_to(session, step_id: str) -> None:
    while session.state.agenda.current != step_id:
        session.agenda.next_step()


async def test_the_vote_dialog_starts_empty(session, clock):
    """Issue 12, gap 2: the dialog came pre-filled "12 0 0", so one Enter recorded a unanimous vote nobody counted."""
    from runsheet.ui.screens.ask import AskScreen

    session.attendance.attend(OFFICIALS)
    go_to(session, "bau-doan-chu-tich")  # carries the motion "doan-chu-tich"
    app = app_for(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "v")
        assert isinstance(app.screen, AskScreen)
        assert app.screen.query_one("#answer").value == ""
        assert "12 đồng chí" in text_of(app, "#hint")
        await press(pilot, "enter")
        assert isinstance(app.screen, AskScreen) and "ba số" in text_of(app, "#error")
        assert session.state.last_motion("doan-chu-tich") is None
        await press(pilot, *"11 0 1", "enter")
        result = session.state.last_motion("doan-chu-tich")
        assert (result.votes_for, result.against, result.abstain, result.adopted) == (11, 0, 1, True)
        assert "11/14" in text_of(app, "#step-tags")  # D = 16 official - transferred - exempt absent


async def test_open_round_at_its_step_and_publish(session, clock):
    from runsheet.rules.election import Reading
    from runsheet.ui.screens.ask import AskScreen

    session.attendance.attend(OFFICIALS)
    go_to(session, "bo-phieu-chi-uy")
    app = app_for(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "b")  # the step's own election: no question first
        assert isinstance(app.screen, AskScreen)
        assert "Mở vòng 1" in text_of(app, "#question") and "bầu 5 trong số 6" in text_of(app, "#hint")
        await press(pilot, "backspace", "2", "enter")
        record = session.state.current_round("chi-uy")
        assert record.passes == 2 and record.issued == 12
        for pass_no in (1, 2):
            for _ in OFFICIALS:
                session.voting.enter_ballot("chi-uy", Reading(frozenset({6})), pass_no=pass_no)
        session.voting.close_round("chi-uy")
        await app.sync_now()
        await press(pilot, "c")
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, "c")  # "có"
        assert session.state.current_round("chi-uy").published
        assert "đã công bố" in text_of(app, "#step-tags")


async def test_a_round_opens_from_another_step_once_the_chair_says_yes(session, clock):
    """Issue 12, defect 13: `b` said "no election" outside the election's step while `round open` worked anywhere.
    One rule now: any step, asked first when it is not the election's."""
    from runsheet.ui.screens.ask import AskScreen

    session.attendance.attend(OFFICIALS)
    go_to(session, "bau-doan-chu-tich")  # a vote, no election
    app = app_for(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "b")
        assert isinstance(app.screen, ConfirmScreen)
        question = text_of(app, "#question")
        assert "không phải bước của cuộc bầu" in question and "Bầu Ban Chấp hành Chi bộ (Chi ủy)" in question
        await press(pilot, "k")  # "không"
        assert not isinstance(app.screen, ConfirmScreen) and session.state.current_round("chi-uy") is None
        await press(pilot, "b", "y")
        assert isinstance(app.screen, AskScreen)
        await press(pilot, "enter")
        assert session.state.open_round("chi-uy") is not None


async def test_the_result_step_proposes_the_next_round(session, clock):
    """Issue 12, gap 1: the result step said seats were left unfilled but `b` (and `c`) were refused there. Now `c`
    publishes and `b` opens round 2, proposed: a runoff among the tied, for the seats left."""
    from runsheet.rules.election import Reading
    from runsheet.ui.screens.ask import AskScreen

    session.attendance.attend(OFFICIALS)
    go_to(session, "bo-phieu-chi-uy")
    session.voting.open_round("chi-uy")
    for number in range(12):  # names 1-3 kept by all; 4, 5 and 6 each struck on four ballots: 8 votes each, tied
        session.voting.enter_ballot("chi-uy", Reading(frozenset({4 + number % 3})))
    closed = session.voting.close_round("chi-uy").value
    order = session.state.ballot_order("chi-uy")
    assert sorted(closed["tied"]) == sorted(order[3:]) and closed["unfilled"] == 2
    go_to(session, "ket-qua-chi-uy")  # carries no election: its words read the result out
    app = app_for(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "c", "y")
        assert session.state.current_round("chi-uy").published
        assert "Còn thiếu 2 người — nhấn b để mở vòng 2" in text_of(app, "#step-tags")
        await press(pilot, "b")
        assert isinstance(app.screen, AskScreen)  # the step's own election: no question first
        hint = text_of(app, "#hint")
        assert "Bầu lại trong số các đồng chí bằng phiếu nhau" in hint and "bầu 2 trong số 3" in hint
        assert all(session.state.roster.get(m).name in hint for m in order[3:])
        await press(pilot, "enter")
        second = session.state.open_round("chi-uy")
        assert second.number == 2 and sorted(second.candidates) == sorted(order[3:]) and second.seats == 2
        assert "Vòng 2: đang kiểm phiếu" in text_of(app, "#step-tags")


async def test_confirmations_show_their_keys(session, clock):
    """Issue 12, defect 10: the buttons say which key answers; c (có) or y is yes, k (không) or n is no."""
    session.agenda.next_step()
    app = app_for(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "s")
        assert isinstance(app.screen, ConfirmScreen)
        assert text_of(app, "#yes") == "Có (c/y)" and text_of(app, "#no") == "Không (k/n)"
        assert app.screen.focused.id == "no"  # Enter alone does not skip the step
        await press(pilot, "n")
        assert session.state.agenda.current == "chao-co"
    english = app_for(session, clock, lang="en")
    async with english.run_test(size=SIZE) as pilot:
        await press(pilot, "s")
        assert text_of(english, "#yes") == "Yes (y)" and text_of(english, "#no") == "No (n)"


async def test_leaving_a_step_ends_its_speech_on_the_chairs_screen(session, clock):
    """Issue 12, defect 3: with a speech running, `n` moved the agenda and the speaker went on under the next step."""
    from runsheet.ui.widgets.speaker_line import SpeakerLine

    go_to(session, "thao-luan")
    session.speaking.add_speaker("DV03")
    session.speaking.start_speech()
    clock.advance(minutes=3)
    app = app_for(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        assert app.screen.query_one(SpeakerLine).display
        await press(pilot, "n")
        assert session.state.agenda.current == "phat-bieu-chi-dao"
        assert not app.screen.query_one(SpeakerLine).display
        assert session.state.speeches.items["s1"].status == "done"
        assert any("Nguyễn Văn Bình" in n.message for n in app._notifications)


async def test_dialog_labels_wrap(session, clock):
    """Issue 12, defect 8: at 160x50 a dialog's label was cut mid-word ("...cách nhau bở")."""
    from runsheet.ui.screens.ask import AskScreen

    session.attendance.attend(OFFICIALS)
    go_to(session, "bau-doan-chu-tich")
    app = app_for(session, clock)
    async with app.run_test(size=(160, 50)) as pilot:
        await press(pilot, "v")
        assert isinstance(app.screen, AskScreen)
        dialog = app.screen.query_one("#dialog")
        label = next(w for w in dialog.query("Static, Label") if str(w.render()).startswith("Tán thành"))
        assert label.size.height >= 2 and label.size.width <= dialog.content_size.width
        lines = [strip.text for strip in label.render_lines(label.region.reset_offset)]
        assert "cách nhau bởi dấu cách" in " ".join(" ".join(lines).split())


async def test_at_80x24_the_words_and_every_key_are_in_reach(session, clock):
    """Issue 12, defect 11: at 80x24 the footer hid b, c and the F-keys and the words were not visible."""
    from runsheet.ui.widgets.key_line import KeyLine

    go_to(session, "tinh-hinh-dang-vien")
    app = app_for(session, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        keys = str(app.screen.query_one(KeyLine).render())
        for shown in ("n Tiếp", "p Quay lại", "v Biểu quyết", "b Mở bầu", "c Công bố", "^p Mọi lệnh"):
            assert shown in keys
        script = app.screen.query_one("#script")
        assert script.region.height >= 10 and script.region.width >= 40
        palette = {c.title for c in app.get_system_commands(app.screen)}
        for key in app.screen.KEYS:  # whatever the line leaves out, the palette has
            assert key.palette is None or say(key.palette, "vi") in palette


async def test_a_click_on_the_keys_line_acts(session, clock):
    from runsheet.ui.widgets.key_line import KeyLine

    app = app_for(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        line = str(app.screen.query_one(KeyLine).render())
        await pilot.click(KeyLine, offset=(line.index("Tiếp") + 1, 0))  # the label of "n", past the padding
        await settle(pilot)
        assert session.state.agenda.current == "chao-co"
        await pilot.click(KeyLine, offset=(line.index("␣") + 1, 0))
        await settle(pilot)
        assert session.state.agenda.paused


async def test_the_words_take_the_width_there_is(session, clock):
    """Issue 12, gap 6: at 200 columns the words stayed about 57 characters wide."""
    go_to(session, "tinh-hinh-dang-vien")
    app = app_for(session, clock)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#script").region.width >= 90
        assert app.screen.query_one("#agenda").region.width >= 96  # the step titles stay readable too


async def test_before_the_opening_b_asks_about_the_first_election(session, clock):
    session.attendance.attend(OFFICIALS)
    app = app_for(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "b")
        assert isinstance(app.screen, ConfirmScreen)
        question = text_of(app, "#question")
        assert "đại hội chưa bắt đầu" in question and "Bầu Ban Chấp hành Chi bộ (Chi ủy)" in question
        await press(pilot, "escape")
        await press(pilot, "c")  # nothing closed yet: said, no dialog
        assert not isinstance(app.screen, ConfirmScreen)
        assert any("chờ công bố" in n.message for n in app._notifications)

"""The counting room through the pilot: entry, preview, undo, correction, invalid ballots, double entry."""

from __future__ import annotations

import pytest

from runsheet.ui.app import RunsheetApp
from runsheet.ui.screens.ask import AskScreen
from runsheet.ui.screens.counting import CountingScreen
from driving import elect_committee, press

SIZE = (140, 40)
COMMITTEE = ["DV01", "DV02", "DV03", "DV04", "DV06", "DV07", "DV09", "DV10", "DV11", "DV13", "DV14", "DV17"]


@pytest.fixture
def counting(session, clock):
    session.attendance.attend(COMMITTEE + ["DV12"])  # DV12 is probationary: no ballot
    session.voting.open_round("chi-uy", passes=2)
    return session


def app_for(session, clock, lang=None) -> RunsheetApp:
    return RunsheetApp(session, lang=lang, clock=clock, poll=False, screen="counting")


def text(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


async def choose_pass(pilot, n: int) -> None:
    """Say which pass this terminal enters (asked once per round with double entry)."""
    await press(pilot, "f8", "backspace", str(n), "enter")


def readings(session, pass_no=1) -> dict:
    return session.state.current_round("chi-uy").readings.get(pass_no, {})


async def test_issued_is_official_members_present(counting, clock):
    app = app_for(counting, clock)
    async with app.run_test(size=SIZE):
        assert isinstance(app.screen, CountingScreen)
        assert counting.state.current_round("chi-uy").issued == 12
        assert "Phiếu số 1 (phát ra 12)" in text(app, "#ballot-no")


async def test_type_numbers_preview_then_enter(counting, clock):
    app = app_for(counting, clock)
    async with app.run_test(size=SIZE) as pilot:
        await choose_pass(pilot, 1)
        await press(pilot, "3")
        preview = text(app, "#preview")
        assert "Giữ 5/5 tên" in preview and "HỢP LỆ" in preview
        await press(pilot, "enter")
        assert readings(counting)[1].struck == {3}
        assert "Phiếu số 2" in text(app, "#ballot-no")
        await press(pilot, "enter")  # nothing struck: keeps 6 of 5 seats, invalid, still recorded
        assert readings(counting)[2].struck == frozenset()
        assert "không hợp lệ" in text(app, "#count-feedback")
        await press(pilot, *"1 2 3 4 5 6")
        assert "gạch hết tên" in text(app, "#preview")


async def test_bad_number_is_refused_and_nothing_written(counting, clock):
    app = app_for(counting, clock)
    async with app.run_test(size=SIZE) as pilot:
        events = len(counting.log.events)
        await press(pilot, "9", "enter")
        assert len(counting.log.events) == events
        assert "9" in text(app, "#count-feedback")


async def test_take_back_and_correct(counting, clock):
    app = app_for(counting, clock)
    async with app.run_test(size=SIZE) as pilot:
        await choose_pass(pilot, 1)
        await press(pilot, "1", "enter", "2", "enter", "3", "enter")
        await press(pilot, "f6")  # take back ballot 3
        assert sorted(readings(counting)) == [1, 2]
        await press(pilot, "f7")  # the list of ballots entered takes the focus, on the last one
        ballots = app.screen.query_one("#ballots")
        assert app.screen.focused is ballots and ballots.picked == 2
        await press(pilot, "up", "enter")
        assert "SỬA phiếu số 1" in text(app, "#ballot-no")
        assert app.screen.query_one("#reading").value == "1 "  # the reading entered before, to edit
        await press(pilot, "ctrl+u", "4", "enter")
        assert readings(counting)[1].struck == {4}
        assert "Phiếu số 3" in text(app, "#ballot-no")
        types = [e.type for e in counting.log.events]
        assert types.count("ballot.entered") == 4 and types.count("ballot.withdrawn") == 1


async def test_invalid_with_a_reason(counting, clock):
    app = app_for(counting, clock)
    async with app.run_test(size=SIZE) as pilot:
        await choose_pass(pilot, 1)
        await press(pilot, "f5")
        assert isinstance(app.screen, AskScreen)
        await press(pilot, "3", "enter")  # 3 = an identifying mark
        assert readings(counting)[1].invalid == "identifying_mark"
        assert "dấu hiệu nhận biết" not in text(app, "#reconcile")  # counted once both passes agree
        await choose_pass(pilot, 2)
        await press(pilot, "f5", "3", "enter")
        assert "dấu hiệu nhận biết" in text(app, "#reconcile")


async def test_double_entry_mismatch_resolution_and_close(counting, clock):
    app = app_for(counting, clock)
    async with app.run_test(size=SIZE) as pilot:
        await choose_pass(pilot, 1)
        await press(pilot, "1", "enter", "2", "enter")
        await choose_pass(pilot, 2)  # the second clerk's pass
        await press(pilot, "1", "enter", "3", "enter")
        assert "Phiếu lệch giữa các lượt: 2" in text(app, "#reconcile")
        await press(pilot, "f10", "enter")  # the box must be counted: an empty answer is not taken
        assert isinstance(app.screen, AskScreen)
        await press(pilot, "2", "enter")  # close refused while ballots differ
        assert "không khớp" in text(app, "#count-feedback")
        await press(pilot, "f9")
        assert isinstance(app.screen, AskScreen)
        await press(pilot, "2", "enter")
        assert counting.state.current_round("chi-uy").resolved[2].struck == {2}
        await press(pilot, "f10", "3", "enter")  # 3 collected but 2 entered: refused
        assert "khác số phiếu thu vào" in text(app, "#count-feedback")
        await press(pilot, "f10", "2", "enter")
        record = counting.state.current_round("chi-uy")
        assert record.closed is not None and record.closed["ballots"]["collected"] == 2
        assert "đã kết thúc kiểm phiếu" in text(app, "#round-info")


async def test_tally_moves_with_ballots_from_another_terminal(counting, clock, tmp_path):
    from runsheet.commands import Session
    from runsheet.rules.election import Reading

    other = Session(counting.path, clock=clock, terminal="clerk:2")
    app = app_for(counting, clock)
    async with app.run_test(size=SIZE) as pilot:
        other.voting.enter_ballot("chi-uy", Reading(frozenset({1})), pass_no=2)
        await app.sync_now()
        await pilot.pause()
        assert "Đã nhập (lượt 2): 1" in text(app, "#reconcile")


async def test_single_name_approve_form_keys(session, clock):
    session.attendance.attend(COMMITTEE)
    elect_committee(session)
    session.voting.open_round("bi-thu")
    app = app_for(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "enter")  # agree
        await press(pilot, "1", "enter")  # disagree
        await press(pilot, "?", "enter")  # both or neither box: invalid
        record = session.state.current_round("bi-thu")
        result = session.state.results("bi-thu")
        assert [r.struck for r in record.readings[1].values()] == [frozenset(), {1}, frozenset()]
        assert result["ballots"]["valid"] == 2 and result["ballots"]["invalid"] == 1
        assert result["candidates"][0]["votes"] == 1


def test_counting_snapshot_mid_count(snap_compare, counting, clock):
    from runsheet.rules.election import Reading

    for struck in ({1}, {2}, {1}, {6}, {1}, set(), {1, 2, 3, 4, 5, 6}):
        counting.voting.enter_ballot("chi-uy", Reading(frozenset(struck)))
    counting.voting.enter_ballot("chi-uy", Reading(frozenset({1})), pass_no=2)
    counting.voting.enter_ballot("chi-uy", Reading(frozenset({3})), pass_no=2)

    async def type_some(pilot):
        await press(pilot, *"2 5")

    assert snap_compare(app_for(counting, clock), terminal_size=SIZE, run_before=type_some)


def test_counting_snapshot_after_close(snap_compare, session, clock):
    from runsheet.rules.election import Reading

    session.attendance.attend(COMMITTEE)
    session.voting.open_round("chi-uy")
    for k in range(12):
        session.voting.enter_ballot("chi-uy", Reading(frozenset({(k % 6) + 1}) if k % 4 else frozenset({6})))
    session.voting.close_round("chi-uy")
    assert snap_compare(app_for(session, clock, lang="en"), terminal_size=SIZE)


async def test_typing_digits_on_a_small_ballot_spaces_itself(counting, clock):
    app = app_for(counting, clock)
    async with app.run_test(size=SIZE) as pilot:
        await choose_pass(pilot, 1)
        await press(pilot, "2", "5")
        assert app.screen.query_one("#reading").value == "2 5 "
        await press(pilot, "enter")
        assert readings(counting)[1].struck == {2, 5}


async def test_ballots_collected_recorded_before_entry(counting, clock):
    from runsheet.rules.election import Reading

    app = app_for(counting, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "ctrl+t", "2", "enter")
        assert counting.state.current_round("chi-uy").collected == 2
        assert "Phiếu thu vào: 2" in text(app, "#reconcile")
        for pass_no in (1, 2):
            for struck in ({1}, {2}):
                counting.voting.enter_ballot("chi-uy", Reading(frozenset(struck)), pass_no=pass_no)
        counting.voting.close_round("chi-uy")  # collected defaults to what the committee recorded
        assert counting.state.current_round("chi-uy").closed["ballots"]["collected"] == 2


async def test_two_clerks_on_one_pass_never_share_a_ballot_number(counting, clock):
    from runsheet.commands import Session
    from runsheet.rules.election import Reading

    other = Session(counting.path, clock=clock, terminal="clerk:2")
    app = app_for(counting, clock)
    async with app.run_test(size=SIZE) as pilot:
        await choose_pass(pilot, 1)
        other.voting.enter_ballot("chi-uy", Reading(frozenset({6})))  # the screen has not seen it yet
        await press(pilot, "2", "enter")
        assert readings(counting)[1].struck == {6} and readings(counting)[2].struck == {2}


async def test_odd_keys_give_a_message_not_a_traceback(counting, clock):
    app = app_for(counting, clock)
    async with app.run_test(size=SIZE) as pilot:
        await choose_pass(pilot, 1)
        await press(pilot, "²", "enter")
        assert "không phải số thứ tự" in text(app, "#count-feedback")
        await press(pilot, "ctrl+u", "!", "9", "enter")
        assert "!1, !2 hoặc !3" in text(app, "#count-feedback")
        assert not readings(counting)


async def test_settle_as_invalid_and_correction_keeps_the_reason(counting, clock):
    from runsheet.rules.election import Reading

    counting.voting.enter_ballot("chi-uy", Reading(frozenset({1})), pass_no=1)
    counting.voting.enter_ballot("chi-uy", Reading(frozenset({2})), pass_no=2)
    counting.voting.enter_ballot("chi-uy", Reading(frozenset({3}), invalid="written_in"), pass_no=1)
    app = app_for(counting, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "f9", *"!3", "enter")  # the head finds an identifying mark on ballot 1
        assert counting.state.current_round("chi-uy").resolved[1].invalid == "identifying_mark"
        await choose_pass(pilot, 1)
        await press(pilot, "f7", "2", "enter")
        assert app.screen.query_one("#reading").value == "3 !2 "
        await press(pilot, "escape")
        assert app.screen.correcting is None and app.screen.query_one("#reading").value == ""


async def test_a_new_round_starts_on_pass_one_and_a_locked_terminal_follows_it(session, clock):
    from runsheet.commands import Session
    from runsheet.rules.election import Reading

    session.attendance.attend(COMMITTEE)
    session.voting.open_round("chi-uy", passes=2)
    clerk = Session(session.path, role="counting", clock=clock, terminal="clerk:1")
    app = RunsheetApp(clerk, clock=clock, poll=False)
    async with app.run_test(size=SIZE) as pilot:
        await choose_pass(pilot, 2)
        assert app.screen.pass_no == 2
        for ballot in range(1, len(COMMITTEE) + 1):  # ballots striking the sixth name: the secretary is elected
            for pass_no in (1, 2):
                session.voting.enter_ballot("chi-uy", Reading(frozenset({6})), pass_no=pass_no, ballot=ballot)
        session.voting.close_round("chi-uy")
        session.voting.open_round("bi-thu")
        await app.sync_now()
        await pilot.pause()
        assert app.screen.election == "bi-thu" and app.screen.pass_no == 1
        await press(pilot, "enter")
        assert clerk.state.current_round("bi-thu").readings[1][1].struck == frozenset()


async def test_after_the_last_ballot_issued_the_screen_says_so(session, clock):
    session.attendance.attend(["DV01", "DV02"])
    session.voting.open_round("chi-uy")
    app = app_for(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "1", "enter", "2", "enter")
        assert "Đã nhập đủ 2 phiếu phát ra" in text(app, "#ballot-no")


async def test_ballots_issued_corrected_for_a_latecomer(counting, clock):
    app = app_for(counting, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "ctrl+g")
        assert isinstance(app.screen, AskScreen)
        await press(pilot, "ctrl+u", *"13", "enter")  # only 12 official members present: refused
        assert "phải từ 1 đến 12" in text(app, "#count-feedback")
        counting.attendance.attend(["DV19"])  # a latecomer, given a ballot
        await press(pilot, "ctrl+g", "ctrl+u", *"13", "enter")
        assert counting.state.current_round("chi-uy").issued == 13
        assert "(phát ra 13)" in text(app, "#ballot-no")


async def test_the_palette_offers_the_counting_actions(counting, clock):
    app = app_for(counting, clock)
    async with app.run_test(size=SIZE):
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Ghi phiếu không hợp lệ (có lý do)", "Sửa số phiếu phát ra",
                "Kết thúc kiểm phiếu, chốt kết quả"} <= titles


# ---- issue 12: the round just closed stays, a field that cannot jam, the ballots entered, a small terminal ------

def bi_thu_counting(session):
    session.attendance.attend(COMMITTEE)
    elect_committee(session)
    session.voting.open_round("bi-thu")
    return session


async def test_the_round_just_closed_stays_until_the_next_one_opens(session, clock):
    """Issue 12, defect 4: closing the Bí thư round switched the header to the Chi ủy round's figures."""
    from runsheet.rules.election import Reading

    bi_thu_counting(session)
    for _ in range(12):
        session.voting.enter_ballot("bi-thu", Reading(frozenset()))
    app = RunsheetApp(session, clock=clock, poll=False, screen="counting")
    async with app.run_test(size=SIZE) as pilot:
        assert "Bầu Bí thư" in text(app, "#round-info")
        await press(pilot, "f10", *"12", "enter")
        assert session.state.current_round("bi-thu").closed is not None
        info = text(app, "#round-info")
        assert "Bầu Bí thư" in info and "đã kết thúc kiểm phiếu" in info
        assert "Kết quả đã chốt — D = 14" in text(app, "#tally") and "Lê Thị Thu Hằng" not in text(app, "#tally")
        assert "Đã kết thúc kiểm phiếu" in text(app, "#count-feedback")
        await press(pilot, "f2", "f4")  # the clerk looks at another screen and comes back: still the Bí thư round
        assert "Bầu Bí thư" in text(app, "#round-info")
        session.voting.open_round("pho-bi-thu")  # the next round opens: the clerk moves on to it
        await app.sync_now()
        await pilot.pause()
        assert "Phó Bí thư" in text(app, "#round-info") and "đang kiểm phiếu" in text(app, "#round-info")
        assert text(app, "#count-feedback") == ""  # "the count is closed" was about the round before


async def test_a_terminal_opened_after_the_close_shows_the_round_closed_last(session, clock):
    from runsheet.rules.election import Reading

    bi_thu_counting(session)
    for _ in range(12):
        session.voting.enter_ballot("bi-thu", Reading(frozenset()))
    session.voting.close_round("bi-thu")
    app = app_for(session, clock)
    async with app.run_test(size=SIZE):
        assert "Bầu Bí thư" in text(app, "#round-info")  # not chi-uy, whose id sorts after


async def test_esc_clears_the_field_and_a_wrong_reading_is_replaced_by_the_next_key(counting, clock):
    """Issue 12, defect 6: after a wrong reading the next ballots were appended to it and every Enter failed."""
    app = app_for(counting, clock)
    async with app.run_test(size=SIZE) as pilot:
        await choose_pass(pilot, 1)
        field = app.screen.query_one("#reading")
        await press(pilot, "0", "enter")
        assert "không có tên số 0" in text(app, "#count-feedback") and not readings(counting)
        assert field.selection.start == 0 and field.selection.end == len(field.value)  # selected: typing replaces
        await press(pilot, "3")
        assert field.value == "3 " and text(app, "#count-feedback") == ""  # the refusal went with the text
        await press(pilot, "enter")
        assert readings(counting)[1].struck == {3}
        await press(pilot, "!", "9", "enter", "escape")
        assert field.value == "" and text(app, "#count-feedback") == ""
        await press(pilot, "2", "enter")
        assert readings(counting)[2].struck == {2}


async def test_digits_pasted_or_sent_by_a_wedge_split_as_typed_ones(counting, clock):
    from textual import events

    app = app_for(counting, clock)
    async with app.run_test(size=SIZE) as pilot:
        await choose_pass(pilot, 1)
        field = app.screen.query_one("#reading")
        field.post_message(events.Paste("125"))  # no time for the screen to space them
        await pilot.pause()
        assert "Giữ 3/5 tên" in text(app, "#preview")
        await press(pilot, "enter")
        assert readings(counting)[1].struck == {1, 2, 5}


async def test_the_ballots_entered_are_listed_and_f7_picks_one_by_its_number(counting, clock):
    """Issue 12, gap 3: the clerk could not see the ballots already entered."""
    from runsheet.commands import Session
    from runsheet.rules.election import Reading

    other = Session(counting.path, clock=clock, terminal="kiem-phieu-2")
    app = app_for(counting, clock)
    async with app.run_test(size=SIZE) as pilot:
        await choose_pass(pilot, 1)
        await press(pilot, "2", "enter", "enter")
        other.voting.enter_ballot("chi-uy", Reading(frozenset({4}), invalid="written_in"))
        await app.sync_now()
        await pilot.pause()
        for n in range(4, 13):
            await press(pilot, str(n % 6 + 1), "enter")
        ballots = app.screen.query_one("#ballots")
        rows = [[str(cell) for cell in ballots.get_row_at(i)] for i in range(ballots.row_count)]
        assert rows[:3] == [["1", "2", "✓ hợp lệ", "máy này"], ["2", "—", "✗ giữ quá số lượng cần bầu", "máy này"],
                            ["3", "4 !2", "✗ ghi thêm tên ngoài danh sách", "kiem-phieu-2"]]
        assert len(rows) == 12 and ballots.picked == 12  # the last one in view
        await press(pilot, "f7")
        assert app.screen.focused is ballots and "Chọn phiếu cần sửa" in text(app, "#count-feedback")
        await press(pilot, "1", "0")  # ballot 10, by its number
        assert ballots.picked == 10
        await press(pilot, "escape")  # back to the field, nothing corrected
        assert app.screen.focused is app.screen.query_one("#reading") and app.screen.correcting is None
        await press(pilot, "f7", "3", "enter")
        assert "SỬA phiếu số 3" in text(app, "#ballot-no") and app.screen.query_one("#reading").value == "4 !2 "
        await press(pilot, "ctrl+u", "5", "enter")
        assert readings(counting)[3] == Reading(frozenset({5}))
        assert [str(c) for c in ballots.get_row("3")] == ["3", "5", "✓ hợp lệ", "máy này"]  # corrected here


async def test_a_long_stack_lists_a_window_of_ballots_and_f7_reaches_any_by_its_number(counting, clock,
                                                                                        monkeypatch):
    """Issue 13: a national stack (thousands of ballots) drawn whole held the counting screen's first frame back; the
    list holds the last ones, says how many it leaves out, and a number typed after F7 brings that ballot into view."""
    from runsheet.rules.election import Reading
    from runsheet.ui.widgets import ballot_list

    monkeypatch.setattr(ballot_list, "WINDOW", 5)
    for n in range(1, 12):
        counting.voting.enter_ballot("chi-uy", Reading(frozenset({n % 6 + 1})))
    app = app_for(counting, clock)
    async with app.run_test(size=SIZE) as pilot:
        await choose_pass(pilot, 1)
        ballots = app.screen.query_one("#ballots")
        assert [ballots.get_row_at(i)[0].plain for i in range(ballots.row_count)] == ["7", "8", "9", "10", "11"]
        assert ballots.border_title == "5 trong 11 phiếu đã nhập (F7 rồi gõ số phiếu để xem phiếu khác)"
        await press(pilot, "f7", "2")  # out of the window: it moves there
        assert ballots.picked == 2 and ballots.row_count == 5
        await press(pilot, "enter")
        assert "SỬA phiếu số 2" in text(app, "#ballot-no")
        await press(pilot, "ctrl+u", "1", "enter")
        assert readings(counting)[2] == Reading(frozenset({1}))
        await press(pilot, "1", "enter")  # a new ballot: the last ones are back in view
        assert [ballots.get_row_at(i)[0].plain for i in range(ballots.row_count)] == ["8", "9", "10", "11", "12"]
        assert ballots.picked == 12


async def test_the_tally_keeps_its_percentages_at_80x24(session, clock):
    """Issue 12, defect 11: at 80x24 the counting tally had no percentage."""
    bi_thu_counting(session)
    app = app_for(session, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "enter", "1", "enter")
        tally = text(app, "#tally").splitlines()
        assert "7,14%" in tally[-1] and "✗ 1" in tally[-1]
        assert all(len(line) <= app.screen.query_one("#tally").content_size.width for line in tally[1:])


def test_counting_snapshot_at_80x24(snap_compare, counting, clock):
    from runsheet.rules.election import Reading

    for struck in ({1}, {2}, {1}, {6}, {1}, set(), {1, 2, 3, 4, 5, 6}):
        counting.voting.enter_ballot("chi-uy", Reading(frozenset(struck)))

    async def type_some(pilot):
        await press(pilot, "f8", "backspace", "1", "enter", *"2 5")

    assert snap_compare(app_for(counting, clock), terminal_size=(80, 24), run_before=type_some)


def test_counting_snapshot_at_200x60(snap_compare, counting, clock):
    from runsheet.rules.election import Reading

    for struck in ({1}, {2}, {1}, {6}, {1}, set(), {1, 2, 3, 4, 5, 6}):
        counting.voting.enter_ballot("chi-uy", Reading(frozenset(struck)))
    counting.voting.enter_ballot("chi-uy", Reading(frozenset({1})), pass_no=2)
    counting.voting.enter_ballot("chi-uy", Reading(frozenset({3})), pass_no=2)

    async def type_some(pilot):
        await press(pilot, "f8", "backspace", "1", "enter", *"2 5")

    assert snap_compare(app_for(counting, clock), terminal_size=(200, 60), run_before=type_some)


async def test_ballots_typed_faster_than_the_screen_keep_their_own_keys(counting, clock):
    """Issue 12, defect 6: keys sent at once (a keyboard wedge, a fast typist): each Enter takes the keys before it."""
    from textual import events

    app = app_for(counting, clock)
    async with app.run_test(size=SIZE) as pilot:
        await choose_pass(pilot, 1)
        for key in "1\r25\r34\r6\r":  # posted as the terminal's driver posts them: no wait between keys
            app.post_message(events.Key("enter" if key == "\r" else key, key))
        await pilot.pause(0.2)
        await app.settle()
        await pilot.pause()
        assert [r.struck for r in readings(counting).values()] == [{1}, {2, 5}, {3, 4}, {6}]


def test_every_counting_key_is_in_the_palette_or_the_footer():
    """Issue 12, defect 11: at 80x24 the footer is cut; whatever it cannot show, the palette (ctrl+p) lists."""
    from runsheet.ui.bindings import COUNTING

    assert [k.action for k in COUNTING if k.palette is None] == ["app.quit"]  # Textual's palette has Quit

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
        await press(pilot, "f7")
        assert isinstance(app.screen, AskScreen)
        await press(pilot, "1", "enter")
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

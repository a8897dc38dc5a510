"""Scanning the QR code of counting minutes (its digest, rules/digest.py) into the desk's search field or the
counting room's entry field says whether the paper matches the store: green when it does, red with what differs."""

from __future__ import annotations


import pytest

from runsheet.store.digest_check import digest_text
from runsheet.rules.election import Reading
from runsheet.ui.app import RunsheetApp
from storefile import load, save
from driving import press

SIZE = (140, 40)
COMMITTEE = ["DV01", "DV02", "DV03", "DV04", "DV06", "DV07", "DV09", "DV10", "DV11", "DV13", "DV14", "DV17"]


@pytest.fixture
def closed(session):
    """chi-uy round 1 closed on the demo congress: twelve ballots, one pass, names 5 and 6 struck on alternate ballots
    (the first four elected, the secretary among them)."""
    session.attendance.attend(COMMITTEE)
    session.voting.open_round("chi-uy")
    for k in range(12):
        session.voting.enter_ballot("chi-uy", Reading(frozenset({(k % 2) + 5})))
    session.voting.close_round("chi-uy")
    return session


def app_for(session, clock, screen: str, lang: str | None = None) -> RunsheetApp:
    return RunsheetApp(session, lang=lang, clock=clock, poll=False, screen=screen)


async def scan(pilot, selector: str, text: str) -> None:
    """A scanner's keystrokes, but for the last key typed at once (key by key in one test below: slow)."""
    field = pilot.app.screen.query_one(selector)
    field.value = text[:-1]
    field.cursor_position = len(field.value)
    await press(pilot, text[-1], "enter")


def line(app, selector: str):
    widget = app.screen.query_one(selector)
    return str(widget.render()), widget


async def test_the_desk_says_a_matching_paper_matches(closed, clock):
    text = digest_text(closed.log.events, "chi-uy")
    events = len(closed.log.events)
    app = app_for(closed, clock, "desk")
    async with app.run_test(size=SIZE) as pilot:
        await scan(pilot, "#search", text)
        said, widget = line(app, "#feedback")
        assert said.startswith("✓ KHỚP: biên bản kiểm phiếu Bầu Ban Chấp hành Chi bộ (Chi ủy), lần bầu thứ 1")
        assert widget.has_class("-ok") and not widget.has_class("-error")
        assert app.screen.query_one("#search").value == ""
    assert len(closed.log.events) == events  # nobody was checked in, nothing written


async def test_the_desk_says_what_differs(closed, clock):
    d = closed.state.current_round("chi-uy").closed["denominator"]
    text = digest_text(closed.log.events, "chi-uy").replace(f"|D={d}|", f"|D={d + 1}|")
    app = app_for(closed, clock, "desk", lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await scan(pilot, "#search", text)
        said, widget = line(app, "#feedback")
        assert said.startswith("✗ DOES NOT MATCH") and f"D (denominator): paper {d + 1}, store {d}" in said
        assert widget.has_class("-error")
        await press(pilot, *"RSD1|0123", "enter")  # a digest cut short: refused in one line
        said, widget = line(app, "#feedback")
        assert "the digest is malformed" in said and widget.has_class("-error")


async def test_the_counting_room_takes_the_scan_after_the_close(closed, clock):
    text = digest_text(closed.log.events, "chi-uy")
    app = app_for(closed, clock, "counting")
    async with app.run_test(size=SIZE) as pilot:
        field = app.screen.query_one("#reading")
        assert not field.disabled and "Quét mã QR" in str(field.placeholder)
        await press(pilot, *text[:40])  # key by key, digits included ("RSD1", the hash, the round, seq=...)
        assert field.value == text[:40]  # as scanned: the screen adds no spaces after its digits here
        await scan(pilot, "#reading", text)
        said, widget = line(app, "#count-feedback")
        assert said.startswith("✓ KHỚP") and widget.has_class("-ok")
        assert field.value == ""
        events = len(closed.log.events)
        await press(pilot, "3", "enter")  # a ballot typed after the close: refused, saying what the field takes now
        said, widget = line(app, "#count-feedback")
        assert said.startswith("đã kết thúc kiểm phiếu: Quét mã QR") and widget.has_class("-error")
        assert len(closed.log.events) == events and field.value == ""


async def test_the_counting_room_names_an_altered_store(closed, clock):
    text = digest_text(closed.log.events, "chi-uy")
    data = load(closed.path)
    ballot = next(k for k, e in data["events"].items() if e["type"] == "ballot.entered")
    data["events"][ballot]["data"]["struck"] = [2]  # edited in the file behind everyone's back
    save(closed.path, data)
    app = app_for(closed, clock, "counting")
    async with app.run_test(size=SIZE) as pilot:
        await scan(pilot, "#reading", text)
        said, widget = line(app, "#count-feedback")
        assert said.startswith("✗ KHÔNG KHỚP") and widget.has_class("-error")
        assert f"sự kiện số {ballot} (ballot.entered" in said and "đã bị sửa" in said


async def test_a_scan_during_a_count_enters_no_ballot(closed, clock):
    text = digest_text(closed.log.events, "chi-uy")
    closed.voting.open_round("bi-thu")
    app = app_for(closed, clock, "counting")
    async with app.run_test(size=SIZE) as pilot:
        await scan(pilot, "#reading", text)
        said, _ = line(app, "#count-feedback")
        assert said.startswith("✓ KHỚP")
        assert closed.state.current_round("bi-thu").readings == {}
        await press(pilot, "enter")  # the field still takes ballots: an empty Enter agrees
        assert len(closed.state.current_round("bi-thu").readings[1]) == 1

"""The chair's message on the hall's screens, a blank screen, and back to the programme: events in the log, folded
per screen (the projector, the podium), refused when empty, too long, for no such screen, or from a role without the
right."""

from __future__ import annotations

from datetime import timedelta

import pytest

from runsheet.commands import Session
from runsheet.errors import DomainError
from runsheet.rules.hall import FLASH_SECONDS, MESSAGE_MAX


def refused(call, key: str, *args) -> None:
    with pytest.raises(DomainError) as info:
        call(*args)
    assert info.value.key == key


def test_a_message_to_all_then_to_one_screen_then_cleared(session, clock):
    outcome = session.hall.message("  Xin đồng chí   kết thúc ", flash=True)
    assert outcome.value == "Xin đồng chí kết thúc" and outcome.events[0].type == "hall.message"
    assert outcome.events[0].data == {"text": "Xin đồng chí kết thúc", "to": "all", "flash": True}
    shown = session.state.hall
    assert set(shown) == {"projector", "podium"} and shown["podium"].text == "Xin đồng chí kết thúc"
    assert shown["projector"].flashing(clock()) and not shown["projector"].blank
    assert not shown["projector"].flashing(clock() + timedelta(seconds=FLASH_SECONDS))
    session.hall.message("Còn 2 phút", to="podium")
    assert session.state.hall["podium"].text == "Còn 2 phút" and not session.state.hall["podium"].flash
    assert session.state.hall["projector"].text == "Xin đồng chí kết thúc"
    session.hall.clear(to="projector")
    assert set(session.state.hall) == {"podium"}
    session.hall.clear()
    assert session.state.hall == {}
    assert session.hall.clear().events == ()  # nothing shown: nothing written


def test_a_blank_replaces_a_message_and_a_message_a_blank(session):
    session.hall.message("Giải lao 15 phút")
    session.hall.blank(to="projector")
    assert session.state.hall["projector"].blank and session.state.hall["podium"].text == "Giải lao 15 phút"
    session.hall.message("Mời các đồng chí vào hội trường", to="projector")
    assert not session.state.hall["projector"].blank


def test_what_the_hall_shows_survives_a_restart(session, db, clock):
    session.hall.message("Xin đồng chí kết thúc", flash=True, to="podium")
    session.hall.blank(to="projector")
    again = Session(str(db), clock=clock).state.hall
    assert again["podium"].text == "Xin đồng chí kết thúc" and again["podium"].flash and again["projector"].blank


def test_refusals(session, db, clock):
    refused(lambda: session.hall.message("   "), "err.hall_empty")
    refused(lambda: session.hall.message("x" * (MESSAGE_MAX + 1)), "err.hall_long")
    refused(lambda: session.hall.message("Xin mời", to="wall"), "err.hall_target")
    refused(lambda: session.hall.blank(to="wall"), "err.hall_target")
    for role in ("secretary", "desk", "counting"):
        refused(Session(str(db), role=role, clock=clock).hall.message, "err.rights", "Xin mời")
    Session(str(db), role="chair", clock=clock).hall.message("Xin mời")
    assert len([e for e in session.log.refresh() if e.type.startswith("hall.")]) == 1

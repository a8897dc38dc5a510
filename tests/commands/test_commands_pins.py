"""Role PINs: stored only as salted scrypt hashes; a role with a PIN writes nothing until it is given."""

from __future__ import annotations

import pytest

from runsheet.commands import Session
from runsheet.errors import DomainError


def test_a_pin_is_kept_only_as_a_salted_hash(session, db):
    pin = "907315286451"  # twelve digits: no salt, hash or id holds them by chance
    session.roles.set_pin("desk", pin)
    assert pin not in db.read_text(encoding="utf-8")
    stored = session.state.pins["desk"]
    assert set(stored) == {"salt", "hash", "n", "r", "p"} and len(stored["salt"]) == 32
    session.roles.set_pin("chair", pin)  # the same PIN, another salt, another hash
    assert session.state.pins["chair"]["hash"] != stored["hash"]


def test_a_role_with_a_pin_writes_nothing_until_unlocked(session, db, clock):
    session.roles.set_pin("desk", "2468")
    desk = Session(str(db), role="desk", clock=clock)
    assert desk.roles.locked
    with pytest.raises(DomainError) as info:
        desk.attendance.attend(["A1"])
    assert info.value.key == "err.pin_needed"
    assert not desk.roles.unlock("1357") and desk.roles.locked
    assert desk.roles.unlock("2468") and not desk.roles.locked
    desk.attendance.attend(["A1"])
    assert Session(str(db), role="desk", clock=clock, pin="2468").roles.unlocked


def test_pins_are_4_to_12_digits_and_an_empty_one_clears(session):
    for bad in ("12", "123", "mật khẩu", "abcd", "1234567890123", "12 34", "١٢٣٤", "１２３４"):
        with pytest.raises(DomainError) as info:
            session.roles.set_pin("desk", bad)
        assert info.value.key == "err.pin_form"
    for good in ("1234", "000000", "123456789012"):
        session.roles.set_pin("desk", good)
    session.roles.set_pin("desk", "2468")
    session.roles.set_pin("desk", "")
    assert "desk" not in session.state.pins


def test_only_the_chair_sets_pins(session, db, clock):
    with pytest.raises(DomainError) as info:
        Session(str(db), role="desk", clock=clock).roles.set_pin("desk", "2468")
    assert info.value.key == "err.rights"


def test_a_pin_set_or_changed_while_a_terminal_is_open_locks_it_until_given(session, db, clock):
    desk = Session(str(db), role="desk", clock=clock)
    desk.attendance.attend(["A1"])  # no PIN yet: it writes
    session.roles.set_pin("desk", "2468")  # set from the chair's terminal while the desk's is open
    with pytest.raises(DomainError) as info:
        desk.attendance.leave("A1")
    assert info.value.key == "err.pin_needed" and desk.roles.locked
    assert desk.roles.unlock("2468")
    desk.attendance.leave("A1")
    session.roles.set_pin("desk", "1357")  # changed: the old PIN no longer opens it
    desk.sync()
    assert desk.roles.locked and not desk.roles.unlock("2468") and desk.roles.unlock("1357")
    session.roles.set_pin("desk", "")  # cleared: open again
    desk.sync()
    assert not desk.roles.locked


def test_the_terminal_that_sets_its_own_roles_pin_stays_open(session, db, clock):
    chair = Session(str(db), role="chair", clock=clock)
    chair.roles.set_pin("chair", "2468")
    assert not chair.roles.locked
    chair.agenda.next_step()
    assert Session(str(db), role="chair", clock=clock).roles.locked

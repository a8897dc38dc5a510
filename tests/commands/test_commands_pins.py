"""Role PINs: stored only as salted scrypt hashes; a role with a PIN writes nothing until it is given."""

from __future__ import annotations

import pytest

from runsheet.commands import Session
from runsheet.errors import DomainError


def test_a_pin_is_kept_only_as_a_salted_hash(session, db):
    pin = "Zq7x!Pw"  # letters outside hex, so no salt, hash or id can contain it by chance
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


def test_short_or_accented_pins_are_refused_and_an_empty_one_clears(session):
    for bad in ("12", "mật khẩu"):
        with pytest.raises(DomainError) as info:
            session.roles.set_pin("desk", bad)
        assert info.value.key == "err.pin_short"
    session.roles.set_pin("desk", "2468")
    session.roles.set_pin("desk", "")
    assert "desk" not in session.state.pins


def test_only_the_chair_sets_pins(session, db, clock):
    with pytest.raises(DomainError) as info:
        Session(str(db), role="desk", clock=clock).roles.set_pin("desk", "2468")
    assert info.value.key == "err.rights"

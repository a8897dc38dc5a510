"""Who may do what: the rights of each role, and role PINs kept only as salted scrypt hashes (hashlib's scrypt: the
standard library, on every platform)."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..errors import DomainError, Say
from ..store import events as ev

from .outcome import Outcome

if TYPE_CHECKING:
    from ..store.state import CongressState
    from . import Session

ROLES = ("chair", "secretary", "desk", "counting", "projector")
# what each role may do; a terminal opened without a role may do everything (one laptop for a small cell), once it is
# given the chair's PIN when the chair has one
RIGHTS = {
    # votes: motions, rounds, results; roles: PINs; officers: presidium, secretariat, counting committee; hall: a
    # message on the hall's screens, or a blank
    "chair": {"agenda", "attendance", "votes", "close", "roles", "speeches", "officers", "hall"},
    "secretary": {"speeches", "officers"},
    "desk": {"attendance"},  # check-in, absences, roster corrections
    "counting": {"ballots", "close"},
    "projector": set(),
}
# the text keys of the roles' names and of the rights
ROLE_NAMES = {"chair": "role.chair", "secretary": "role.secretary", "desk": "role.desk", "counting": "role.counting",
              "projector": "role.projector"}
RIGHT_NAMES = {"agenda": "right.agenda", "attendance": "right.attendance", "votes": "right.votes",
               "close": "right.close", "roles": "right.roles", "speeches": "right.speeches",
               "officers": "right.officers", "ballots": "right.ballots", "hall": "right.hall"}

N, R, P = 2**14, 8, 1  # about 16 MiB and a few tens of milliseconds per check: slow to guess, quick to type


def _hash(pin: str, salt: bytes, n: int = N, r: int = R, p: int = P) -> str:
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32).hex()


def pin_record(pin: str) -> dict:
    salt = secrets.token_bytes(16)
    return {"salt": salt.hex(), "hash": _hash(pin, salt), "n": N, "r": R, "p": P}


def pin_matches(pin: str, stored: dict) -> bool:
    candidate = _hash(pin, bytes.fromhex(stored["salt"]), stored["n"], stored["r"], stored["p"])
    return hmac.compare_digest(candidate, stored["hash"])


PIN_FORM = re.compile(r"[0-9]{4,12}")  # as people use PINs: 4 to 12 digits, nothing else
FREE_TRIES = 3  # wrong PINs a terminal may give before each further try waits
LONGEST_WAIT = 30  # seconds


def check_pin_text(pin: str) -> None:
    if not PIN_FORM.fullmatch(pin):
        raise DomainError("err.pin_form")


def wait_before(failures: int) -> float:
    """Seconds a terminal waits before its PIN is checked, after `failures` wrong ones: none for the first three
    tries, then 1, 2, 4 ... at most 30."""
    return 0 if failures < FREE_TRIES else min(LONGEST_WAIT, 2 ** (failures - FREE_TRIES))


def check_role(role: str) -> None:
    if role not in ROLES:
        raise DomainError("err.role", role=role, roles=", ".join(ROLES))


class Roles:
    """A terminal's role: what it may do, and whether its PIN has been given. A PIN set or changed while the terminal
    is open locks it again: it was opened with another PIN (or none), so it must be given the new one."""

    def __init__(self, session: Session):
        self.session = session
        self._opened_with: dict | None = None  # the PIN record this terminal was opened with (None: no PIN then)
        self.failures = 0  # wrong PINs given on this terminal since its last right one
        self.sleep: Callable[[float], None] = time.sleep  # tests give their own
        # asked for the PIN when a write finds the terminal locked (the command line's prompt); None: refuse at once
        self.prompt: Callable[[str], str | None] | None = None

    @property
    def pin_role(self) -> str:
        """Whose PIN opens this terminal: its role's; the chair's for a terminal without a role (it has every
        right)."""
        return self.session.role or "chair"

    @property
    def waiting(self) -> float:
        """Seconds the next PIN given here waits before it is checked."""
        return wait_before(self.failures)

    @property
    def locked(self) -> bool:
        """A role with a PIN writes nothing until its PIN, as it is now, is given."""
        return self.locked_in(self.session.state)

    def locked_in(self, state: CongressState) -> bool:
        """locked, as a state the caller holds sees it (a screen's own fold)."""
        record = state.pins.get(self.pin_role)
        return record is not None and record != self._opened_with

    @property
    def unlocked(self) -> bool:
        return not self.locked

    def unlock(self, pin: str) -> bool:
        """Give the role's PIN; True when it is right (or the role has none). A wrong one is logged (whose PIN, the
        terminal, the time; never what was typed), and after three of them each try waits longer before it is
        checked."""
        self.session.sync()  # a PIN another terminal set or changed a moment ago
        role = self.pin_role
        record = self.session.state.pins.get(role)
        if record is None:
            self._opened_with = None
            return True
        wait = self.waiting
        if wait:
            self.sleep(wait)
        if not pin_matches(pin, record):
            self.failures += 1
            self.session.commit(None, lambda state: [ev.PinWrong(role)])
            return False
        self.failures = 0
        self._opened_with = record
        return True

    def set_pin(self, role: str, pin: str) -> Outcome[None]:
        """Set (or with an empty PIN, clear) a role's PIN; stored only as a salted scrypt hash. The terminal that sets
        its own role's PIN knows it, and stays open."""
        check_role(role)
        pin = pin.strip()
        if pin:
            check_pin_text(pin)
        record = pin_record(pin) if pin else None
        outcome = self.session.commit("roles", lambda state: [ev.PinSet(role, record)])
        if role == self.pin_role:
            self._opened_with = record
        return outcome

    def check(self, right: str) -> None:
        """Refuse (and log the refusal) an action this terminal's role may not take."""
        role = self.session.role
        refusal = None
        if self.locked and self.prompt is not None:
            given = self.prompt(self.pin_role)
            if given is not None and not self.unlock(given):
                raise DomainError("err.pin_wrong")
        if self.locked:
            refusal = DomainError("err.pin_needed", role=Say(ROLE_NAMES[self.pin_role]))
        elif role is not None and right not in RIGHTS[role]:
            refusal = DomainError("err.rights", role=Say(ROLE_NAMES[role]), right=Say(RIGHT_NAMES[right]))
        if refusal is None:
            return
        if role != "projector":  # the wall's terminal never writes, not even its refusals
            self._log_refusal(right, refusal.key)
        raise refusal

    def _log_refusal(self, right: str, reason: str) -> None:
        """A refused action is itself logged (who tried what, from where); it changes nothing else."""
        self.session.commit(None, lambda state: [ev.Refused(right, reason)])

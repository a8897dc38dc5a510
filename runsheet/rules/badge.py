"""The payload of a member's badge QR code, and checking a scanned one.

Payload: RS1-<congress code>-<member id>-<check>, where the check is an HMAC of the congress code and the
member id under a secret kept in the congress's store. Only digits and '-' outside the member id: a
keyboard-wedge scanner types the payload as keystrokes, and a Vietnamese input method (Telex/VNI) left on
may put tone marks on letters; a member id is matched again with its diacritics folded away.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from enum import StrEnum

from .collation import fold

PREFIX = "RS1-"


class ScanProblem(StrEnum):
    NOT_A_BADGE = "not_a_badge"
    OTHER_CONGRESS = "other_congress"
    FORGED = "forged"  # the check does not match: forged or mistyped
    UNKNOWN_MEMBER = "unknown_member"


# the refusal each problem is said with
PROBLEM_KEYS = {ScanProblem.NOT_A_BADGE: "err.badge_not_a_badge",
                ScanProblem.OTHER_CONGRESS: "err.badge_other_congress",
                ScanProblem.FORGED: "err.badge_forged",
                ScanProblem.UNKNOWN_MEMBER: "err.badge_unknown_member"}


@dataclass(frozen=True)
class Scan:
    member_id: str | None
    problem: ScanProblem | None = None


def congress_code(congress_id: str) -> str:
    return f"{int(hashlib.sha256(congress_id.encode()).hexdigest()[:12], 16) % 10**6:06d}"


def _check(secret: str, code: str, member_id: str) -> str:
    digest = hmac.new(secret.encode(), f"{code}:{member_id}".encode(), hashlib.sha256).hexdigest()
    return f"{int(digest[:16], 16) % 10**10:010d}"


def payload(secret: str, congress_id: str, member_id: str) -> str:
    code = congress_code(congress_id)
    return f"{PREFIX}{code}-{member_id}-{_check(secret, code, member_id)}"


def find_payload(text: str) -> str | None:
    """The badge payload in what was typed, if any: a scan may land after text already in the field."""
    index = text.upper().rfind(PREFIX)
    return text[index:].strip() if index >= 0 else None


def read(text: str, secret: str, congress_id: str, member_ids) -> Scan:
    raw = find_payload(text)
    if raw is None:
        return Scan(None, ScanProblem.NOT_A_BADGE)
    parts = raw.split("-")
    if len(parts) < 4:
        return Scan(None, ScanProblem.NOT_A_BADGE)
    code, check = parts[1], parts[-1]
    typed_id = "-".join(parts[2:-1])
    if code != congress_code(congress_id):
        return Scan(None, ScanProblem.OTHER_CONGRESS)
    member_id = typed_id if typed_id in member_ids else _unfolded(typed_id, member_ids)
    if member_id is None:
        return Scan(typed_id, ScanProblem.UNKNOWN_MEMBER)
    if not hmac.compare_digest(check.strip(), _check(secret, congress_code(congress_id), member_id)):
        return Scan(member_id, ScanProblem.FORGED)
    return Scan(member_id)


def _unfolded(typed: str, member_ids) -> str | None:
    """The member id that an input method mangled into typed, if exactly one folds the same."""
    target = fold(typed).replace(" ", "")
    matches = [m for m in member_ids if fold(m).replace(" ", "") == target]
    return matches[0] if len(matches) == 1 else None

"""The paper as a witness: the congress minutes carry the log's digest at the closing (RSL1), every document and the
chair's screen and the projector the head's short code. A store rewritten and rechained, or rolled back, after they
were printed or noted no longer matches them, whatever its own chain says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from runsheet.commands import Session
from runsheet.errors import DomainError
from runsheet.rules.digest import find_digest, may_be_digest, parse_any, parse_log_digest, short_code
from runsheet.rules.election import Reading
from runsheet.store.digest_check import check_digest
from runsheet.store.log import verify
from test_history import rechain, run

E = "chi-uy"


@pytest.fixture
def ended(session) -> Session:
    """A round counted and closed, then the congress closed."""
    session.attendance.attend(["A1", "A2", "A3"])
    session.voting.open_round(E)
    for struck in ({1}, {1}, {2}):
        session.voting.enter_ballot(E, Reading(frozenset(struck)))
    session.voting.close_round(E)
    while not session.state.agenda.ended:
        session.agenda.next_step()
    return session


def minutes_digest(session: Session, out: Path) -> str:
    proc = run("minutes", "--db", session.path, "--out", out)
    assert proc.returncode == 0, proc.stderr
    text = next(out.glob("*.md")).read_text(encoding="utf-8")
    return re.search(r"RSL1\|[^`\s]+", text).group(0)


def test_the_minutes_digest_matches_the_store_it_was_written_from(ended, tmp_path):
    digest = minutes_digest(ended, tmp_path / "out")
    assert parse_log_digest(digest).seq == ended.state.ended_head[0]
    checked = run("verify", "--db", ended.path, "--digest", digest)
    assert checked.returncode == 0 and "KHỚP" in checked.stdout, checked.stdout
    ended.speaking.set_officers("secretariat", ["A1"])  # the log goes on after the closing: the paper still matches
    assert check_digest(ended.path, digest).ok


def test_a_history_rewritten_after_the_minutes_no_longer_matches_them(ended, tmp_path):
    digest = minutes_digest(ended, tmp_path / "out")

    def strike_the_other(docs):
        for doc in docs:
            if doc["type"] == "ballot.entered":
                doc["data"]["struck"] = [3]

    rechain(Path(ended.path), strike_the_other)
    assert verify(ended.path).ok  # the chain alone: intact
    checked = run("verify", "--db", ended.path, "--digest", digest)
    assert checked.returncode == 1 and "viết lại" in checked.stdout, checked.stdout


def test_a_store_cut_back_before_the_closing_no_longer_matches_the_minutes(ended, tmp_path):
    digest = minutes_digest(ended, tmp_path / "out")
    path = Path(ended.path)
    raw = path.read_bytes()
    path.write_bytes(raw[: raw.rfind(b"\n", 0, len(raw) - 1) + 1])  # the closing event gone
    assert verify(str(path)).ok
    checked = run("verify", "--db", path, "--digest", digest)
    assert checked.returncode == 1 and "quay lại" in checked.stdout, checked.stdout


def test_a_short_code_noted_from_a_screen_is_checked_with_its_event(ended):
    state = ended.state
    code, seq = short_code(state.head_hash), state.seq
    assert run("verify", "--db", ended.path, "--code", f"{code}@{seq:,}".replace(",", ".")).returncode == 0
    wrong = "0" * 8 if code != "0" * 8 else "1" * 8
    checked = run("verify", "--db", ended.path, "--code", f"{wrong}@{seq}")
    assert checked.returncode == 1 and wrong in checked.stdout
    bad = run("verify", "--db", ended.path, "--code", "xyz")
    assert bad.returncode == 2 and "MÃ@SỐ-SỰ-KIỆN" in bad.stderr


def test_a_log_digest_is_recognised_where_a_round_digest_is():
    text = "RSL1|0123abcd|seq=12|h=0123456789abcdef"
    assert find_digest("noise " + text) == text and may_be_digest("RSL") and may_be_digest("rsl1|")
    assert parse_any(text) == parse_log_digest(text)
    with pytest.raises(DomainError):
        parse_log_digest("RSL1|0123abcd|seq=12")
    with pytest.raises(DomainError):
        parse_log_digest("RSL1|0123abcd|seq=x|h=0123456789abcdef")

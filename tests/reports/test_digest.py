"""The digest of a closed round (rules/digest.py, store/digest_check.py): written, read back, and checked against
stores that match, stores edited by hand (with and without recomputing the chain), other rounds and other
congresses; through the functions and through `run.py verify --digest` as a process.

The round is tests/reports/counting_round.py's: chi-uy round 1, votes in ballot order 9 9 8 8 7 7, D = 13."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from counting_round import E, VOTES, drive
from storefile import load, save
from runsheet.commands import Session
from runsheet.errors import DomainError as DigestError
from runsheet.rules.digest import PREFIX, Digest, digest_for, find_digest, parse_digest
from runsheet.store.digest_check import check_digest, digest_text
from runsheet.store.events import GENESIS, chain_hash
from runsheet.store.log import verify

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONUTF8": "1", "PYTHONIOENCODING": "utf-8"}


@pytest.fixture
def store(tmp_path) -> tuple[Path, Session]:
    db = tmp_path / "congress.json"
    return db, drive(db)


def run(*args: object) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "run.py", *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", env=ENV, timeout=120)
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr
    return proc


def ballot_key(data: dict, pass_no: int, ballot: int) -> str:
    """The key of the last ballot.entered event of a pass and ballot."""
    return [k for k, e in data["events"].items() if e["type"] == "ballot.entered"
            and (e["data"]["pass"], e["data"]["ballot"]) == (pass_no, ballot)][-1]


def rechain(data: dict) -> None:
    """Renumber the events and recompute every hash, as a forger who knows the format would."""
    docs = [data["events"][k] for k in sorted(data["events"], key=int)]
    prev, table = GENESIS, {}
    for seq, doc in enumerate(docs, start=1):
        doc["seq"], doc["prev"] = seq, prev
        doc["hash"] = prev = chain_hash(prev, seq, doc["time"], doc["role"], doc["terminal"], doc["type"], doc["data"])
        table[str(seq)] = doc
    data["events"] = table


def close_doc(data: dict) -> dict:
    return next(e for e in data["events"].values() if e["type"] == "round.closed")


# ---- writing and reading ----------------------------------------------------------------------------------------
def test_the_digest_carries_the_round_and_the_chain_at_its_close(store):
    db, session = store
    text = digest_text(session.log.events, E)
    assert text == digest_text(session.log.events, E, 1)
    closed = next(e for e in session.log.events if e.type == "round.closed")
    votes = ",".join(f"{cid}:{n}" for cid, n in VOTES.items())
    assert text == (f"RSD1|{session.state.congress_id[:8]}|chi-uy|1|seq={closed.seq}|h={closed.hash[:16]}|"
                    f"S=5|D=13|I=12|C=12|V=10|X=2|{votes}")
    assert text.isascii() and len(text) < 150
    digest = parse_digest(text)
    assert (digest.election, digest.round, digest.seq, digest.figures["D"], dict(digest.votes)) == (
        E, 1, closed.seq, 13, VOTES)
    assert digest.text() == text
    assert find_digest("dv0 " + text + "\n") == text and find_digest("3 7 12") is None


def test_ids_with_separators_are_escaped_and_read_back():
    digest = Digest("0123abcd", "bầu|x", 2, 40, "0" * 16, dict.fromkeys("SDICVX", 1),
                    (("A:1", 3), ("B,2|é", 0), ("Lê Văn", 7)))
    text = digest.text()
    assert text.isascii() and text.count("|") == 12
    assert parse_digest(text) == digest


def test_a_long_list_gives_the_votes_alone():
    candidates = [{"id": f"DB{n:04d}", "votes": 1000 + n} for n in range(1, 201)]
    result = {"seats": 180, "denominator": 1600, "candidates": candidates,
              "ballots": {"issued": 1590, "collected": 1590, "valid": 1588, "invalid": 2}}
    digest = digest_for("ab" * 16, 2, "cd" * 32, "bch", 1, result)
    text = digest.text()
    assert digest.short and len(text) < 1100 and text.split("|")[-1].startswith("#1001,1002,1003,")
    assert parse_digest(text) == digest
    few = digest_for("ab" * 16, 2, "cd" * 32, "bch", 1, {**result, "candidates": candidates[:40]})
    assert not few.short and "DB0040:1040" in few.text()


def test_the_short_form_is_checked_by_position(store):
    db, session = store
    digest = parse_digest(digest_text(session.log.events, E))
    text = replace(digest, votes=tuple(("", n) for _, n in digest.votes), short=True).text()
    assert text.endswith("|#9,9,8,8,7,7")
    assert check_digest(str(db), text).ok
    assert check_digest(str(db), text.replace("#9,9,", "#9,8,")).differences("en")[0] == (
        "Votes for Lê Thị Thu Hằng (DV02): paper 8, store 9")
    assert check_digest(str(db), text + ",3").differences("en")[0] == (
        "The number of names differs: paper 7, store 6")


def test_a_round_not_closed_has_no_digest(tmp_path):
    session = drive(tmp_path / "congress.json")
    session.voting.publish_round(E)
    session.voting.open_round(E)
    with pytest.raises(DigestError) as info:
        digest_text(session.log.events, E, 2)
    assert "lần bầu 2 của 'chi-uy' chưa kết thúc kiểm phiếu" in info.value.text("vi")
    with pytest.raises(DigestError):
        digest_text(session.log.events, "bi-thu")
    assert digest_text(session.log.events, E) == digest_text(session.log.events, E, 1)  # the latest closed round


@pytest.mark.parametrize("text, problem", [
    ("hello", "must start with RSD1|"),
    ("RSD1|zz", "13 fields separated by | are needed, found 2"),
    ("RSD1|0123abcd|chi-uy|1|seq=x|h=0123456789abcdef|S=5|D=13|I=12|C=12|V=10|X=2|A:1", "field seq must be"),
    ("RSD1|0123abcd|chi-uy|1|seq=9|h=0123|S=5|D=13|I=12|C=12|V=10|X=2|A:1", "field h must be 16 hex digits"),
    ("RSD1|0123abcd|chi-uy|1|seq=9|h=0123456789abcdef|S=5|D=13|I=12|C=12|X=2|V=10|A:1", "field V must be V=number"),
    ("RSD1|0123abcd|chi-uy|1|seq=9|h=0123456789abcdef|S=5|D=13|I=12|C=12|V=10|X=2|A:1,B", "field votes must be"),
    ("RSD1|0123abcd|chi-uy|1|seq=9|h=0123456789abcdef|S=5|D=13|I=12|C=12|V=10|X=2|", "field votes must be"),
])
def test_a_malformed_digest_is_refused_naming_the_field(text, problem):
    with pytest.raises(DigestError) as info:
        parse_digest(text)
    assert problem in info.value.text("en") and "\n" not in info.value.text("en")
    assert "mã đối chiếu không đúng định dạng" in info.value.text("vi")


# ---- checking: the store as it was written ------------------------------------------------------------------------
def test_a_digest_matches_its_own_store(store):
    db, session = store
    check = check_digest(str(db), digest_text(session.log.events, E))
    assert check.ok and check.differences("vi") == []
    lines = check.lines("vi")
    assert lines[0] == ("✓ KHỚP: biên bản kiểm phiếu Bầu Ban Chấp hành Chi bộ (Chi ủy), lần bầu thứ 1, khớp với "
                        "dữ liệu lưu trữ.")
    assert all(line.startswith("  ✓ ") for line in lines[1:])
    joined = "\n".join(lines)
    assert "Đại hội Chi bộ Phòng Tổng hợp nhiệm kỳ 2025–2027" in joined and "10:02:43 01/06/2025" in joined
    assert "Số liệu khớp: số lượng bầu 5; D = 13; phiếu phát ra 12, thu vào 12, hợp lệ 10, không hợp lệ 2" in joined
    assert "Số phiếu bầu của cả 6 người trong danh sách khớp" in joined
    assert check.lines("en")[0].startswith("✓ MATCHES")


def test_later_events_do_not_disturb_the_digest(store):
    db, session = store
    text = digest_text(session.log.events, E)
    session.voting.publish_round(E)
    session.voting.open_round(E)
    assert check_digest(str(db), text).ok


def test_a_paper_that_differs_from_an_intact_store(store):
    db, session = store
    text = digest_text(session.log.events, E).replace("D=13", "D=14").replace("DV06:7", "DV06:8")
    check = check_digest(str(db), text)
    assert not check.ok
    assert check.differences("en") == [
        "D (denominator): paper 14, store 13",
        "Votes for Hoàng Thị Lan (DV06): paper 8, store 7",
        "The store is intact and the hash matches: the paper (or the digest as typed) differs from it: the paper "
        "was altered or the digest mistyped"]
    assert "Số phiếu bầu của Hoàng Thị Lan (DV06): trên giấy 8, trong kho 7" in check.differences("vi")


def test_another_congress_or_round(store, tmp_path):
    db, session = store
    other = drive(tmp_path / "other.json")
    text = digest_text(other.log.events, E)
    check = check_digest(str(db), text)
    assert not check.ok and check.differences("en")[0].startswith(
        f"Another congress: paper {other.state.congress_id[:8]}, store {session.state.congress_id[:8]}")
    mine = digest_text(session.log.events, E)
    for changed, message in (
        (mine.replace("|chi-uy|1|", "|chi-uy|2|"), "The store has no round 2 of 'chi-uy'"),
        (mine.replace("|chi-uy|1|", "|bau-gi|1|"), "The store has no election 'bau-gi'"),
    ):
        assert check_digest(str(db), changed).differences("en") == [message]
    session.voting.publish_round(E)
    session.voting.open_round(E)
    assert check_digest(str(db), mine.replace("|chi-uy|1|", "|chi-uy|2|")).differences("en") == [
        "Round 2 of 'chi-uy' is not closed in the store"]


# ---- checking: stores edited by hand --------------------------------------------------------------------------------
def test_a_ballot_edited_in_the_file_is_named(store):
    db, session = store
    text = digest_text(session.log.events, E)
    data = load(db)
    key = ballot_key(data, 1, 1)
    data["events"][key]["data"]["struck"] = [1]  # ballot 1 now strikes Ngô Thị Dung instead of Hoàng Thị Lan
    save(db, data)
    assert not verify(str(db)).ok
    check = check_digest(str(db), text)
    assert not check.ok
    lines = "\n".join(check.lines("en"))
    assert "✗ The store's hash chain fails verification (the store was altered):" in lines
    assert (f"– event {key} (ballot.entered; election chi-uy, round 1, pass 1, ballot 1; at 09:57:00 01/06/2025) was "
            f"altered: its hash does not match its content") in lines
    # the close's own record still says what the paper says; the ballots kept no longer add up to it
    assert "✓ Figures match" in lines and "✓ The votes of all 6 names match" in lines
    assert "✓ Hash of the event chain at the close" in lines
    # only pass 1 was edited: ballot 1 now differs between the passes and drops out of the recount
    assert ("Recounting the ballots kept in the store: Valid ballots 9 (frozen result 10, paper 10): ballots in the "
            "store were altered") in lines
    assert "sự kiện số" in "\n".join(check.lines("vi"))

    proc = run("verify", "--db", db, "--digest", text, "--lang", "en")
    assert proc.returncode == 1 and proc.stderr == ""
    assert proc.stdout.startswith("✗ DOES NOT MATCH") and f"event {key} (ballot.entered" in proc.stdout


def test_a_store_rewritten_with_a_recomputed_chain(store):
    db, session = store
    text = digest_text(session.log.events, E)
    data = load(db)
    for pass_no in (1, 2):  # both passes read ballot 1 as striking name 1, so they agree
        data["events"][ballot_key(data, pass_no, 1)]["data"]["struck"] = [1]
    rechain(data)
    save(db, data)
    assert verify(str(db)).ok  # the chain itself verifies: only the paper can tell
    check = check_digest(str(db), text)
    assert not check.ok
    differences = check.differences("en")
    assert differences[0].startswith("The chain hash at the close differs: paper ")
    assert "the store was rewritten up to that point" in differences[0]
    assert ("Recounting the ballots kept in the store: votes for Ngô Thị Dung 8 (frozen result 9, paper 9): ballots "
            "in the store were altered") in differences
    assert ("Recounting the ballots kept in the store: votes for Hoàng Thị Lan 8 (frozen result 7, paper 7): ballots "
            "in the store were altered") in differences

    # the forger also rewrites the frozen result to match: the paper still disagrees
    result = close_doc(data)["data"]["result"]
    for candidate in result["candidates"]:
        candidate["votes"] += {"DV09": -1, "DV06": 1}.get(candidate["id"], 0)
    rechain(data)
    save(db, data)
    differences = check_digest(str(db), text).differences("en")
    assert "Votes for Ngô Thị Dung (DV09): paper 9, store 8" in differences
    assert "Votes for Hoàng Thị Lan (DV06): paper 7, store 8" in differences
    assert not any(d.startswith("Recounting") for d in differences)

    proc = run("verify", "--db", db, "--digest", text)
    assert proc.returncode == 1 and proc.stderr == ""
    assert proc.stdout.startswith("✗ KHÔNG KHỚP")
    assert "Mã băm tại lúc kết thúc kiểm phiếu khác" in proc.stdout
    assert "Số phiếu bầu của Ngô Thị Dung (DV09): trên giấy 9, trong kho 8" in proc.stdout


def test_an_event_removed_before_the_close_moves_it(store):
    db, session = store
    text = digest_text(session.log.events, E)
    data = load(db)
    withdrawn = next(k for k, e in data["events"].items() if e["type"] == "ballot.withdrawn")
    del data["events"][withdrawn]
    rechain(data)
    save(db, data)
    differences = check_digest(str(db), text).differences("en")
    closed = next(e for e in session.log.events if e.type == "round.closed")
    assert differences[0] == (f"The close is event {closed.seq} on paper, {closed.seq - 1} in the store (events were "
                              f"inserted or removed before it)")
    assert differences[1].startswith("The chain hash at the close differs")


def test_verify_digest_on_the_command_line(store):
    db, session = store
    text = digest_text(session.log.events, E)
    proc = run("verify", "--db", db, "--digest", text)
    assert proc.returncode == 0 and proc.stderr == ""
    assert proc.stdout.startswith("✓ KHỚP: biên bản kiểm phiếu Bầu Ban Chấp hành Chi bộ (Chi ủy), lần bầu thứ 1,")
    proc = run("verify", "--db", db, "--digest", text[:40])
    assert proc.returncode == 2 and proc.stdout == ""
    lines = proc.stderr.strip().split("\n")
    assert len(lines) == 1 and lines[0].startswith("run.py: error: mã đối chiếu không đúng định dạng (cần 13 trường")
    assert PREFIX in lines[0]


def test_a_second_close_of_the_round_forged_after_the_paper_is_named_as_such(store):
    """The paper's close is intact where the paper says; a forger appends another close of the same round with other
    votes (and rechains): the check says the round was closed again, and that the frozen result, not the ballots,
    was rewritten."""
    db, session = store
    text = digest_text(session.log.events, E)
    data = load(db)
    forged = json.loads(json.dumps(close_doc(data)))
    for candidate in forged["data"]["result"]["candidates"]:
        candidate["votes"] += candidate["id"] == "DV06"
    data["events"][str(len(data["events"]) + 1)] = forged
    rechain(data)
    save(db, data)
    assert verify(str(db)).ok
    check = check_digest(str(db), text)
    assert not check.ok
    differences = check.differences("en")
    assert differences[0].startswith("The store closes this round again later (event ")
    assert not any("inserted or removed" in d or "rewritten up to that point" in d for d in differences)
    assert "Votes for Hoàng Thị Lan (DV06): paper 7, store 8" in differences
    assert ("Recounting the ballots kept in the store: votes for Hoàng Thị Lan 7, as on the paper; the frozen result "
            "in the store says 8: the frozen result in the store was altered") in differences
    assert "kết quả đã chốt trong kho đã bị sửa" in " ".join(check.differences("vi"))

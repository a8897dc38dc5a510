"""Every parser of what comes from outside, fed arbitrary text and bytes: the scenario (TOML), the roster (CSV), a
ballots CSV, a scanned digest (RSD1) and a badge's code. Each answers with its result or with the project's own
error (InputError for a file, DomainError for a typed or scanned line), never anything else."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runsheet.errors import DomainError, InputError
from runsheet.rules import badge
from runsheet.rules.ballot_entry import ballot_rows
from runsheet.rules.digest import find_digest, may_be_digest, parse_digest
from runsheet.rules.roster import parse_roster
from runsheet.rules.scenario import parse_scenario

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = (ROOT / "tests/data/mini.toml").read_text(encoding="utf-8")
ROSTER = parse_roster((ROOT / "tests/data/mini-roster.csv").read_bytes(), "r.csv")
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# pieces of the formats, so that the fuzz reaches past the first check
TOML_BITS = st.sampled_from(["[congress]", "[[step]]", "[[election]]", "[[motion]]", "id = ", "title = ", "minutes = ",
                             "speeches = { limit = ", "date = ", "start = ", "nan", "inf", "-1", "1e999", "0001-01-01",
                             "9999-12-31", '"07:30"', '"25:99"', "[", "]", "{", "}", "\n", '"', "'''", "= ", ","])
CSV_BITS = st.sampled_from(["id,name,status,flags\n", "ballot,struck,unclear,invalid\n", "ballot,against\n", ",", "\n",
                            '"', "A1", "official", "probationary", "exempt", "1", "-1", "99999999999999999999",
                            "1 2 3", "x" * 200, "\x00", "\ufeff", "\r\n", ";", "\t"])
DIGEST_BITS = st.sampled_from(["RSD1|", "|", "seq=", "h=", "S=", "D=", "I=", "C=", "V=", "X=", "#", ":", ",", "%",
                               "%ff", "%C3%A1", "deadbeef", "0123456789abcdef", "chi-uy", "1", "-1", "9" * 30, "A1"])


def pieces(bits) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(bits, st.text(max_size=8)), max_size=40).map("".join)


@FUZZ
@given(st.one_of(st.text(max_size=400), pieces(TOML_BITS),
                 st.tuples(st.integers(0, len(SCENARIO)), st.text(max_size=30)).map(
                     lambda cut: SCENARIO[:cut[0]] + cut[1] + SCENARIO[cut[0]:])))
def test_the_scenario_parser(text):
    for roster in (None, ROSTER):
        try:
            parse_scenario(text, "s.toml", roster)
        except InputError as exc:
            assert str(exc).startswith("s.toml")


@FUZZ
@given(st.one_of(st.binary(max_size=400), pieces(CSV_BITS).map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_the_roster_parser(data):
    try:
        parse_roster(data, "r.csv")
    except InputError as exc:
        assert str(exc).startswith("r.csv")


@FUZZ
@given(st.one_of(st.text(max_size=400), pieces(CSV_BITS)), st.booleans())
def test_the_ballots_csv_parser(text, poll):
    try:
        ballot_rows(text, "b.csv", poll)
    except InputError as exc:
        assert str(exc).startswith("b.csv")


@FUZZ
@given(st.one_of(st.text(max_size=300), pieces(DIGEST_BITS)))
def test_the_digest_parser(text):
    found = find_digest(text)
    may_be_digest(text)
    for candidate in (text, found, "RSD1|" + text) if found else (text, "RSD1|" + text):
        try:
            parse_digest(candidate)
        except DomainError:
            pass


@FUZZ
@given(st.one_of(st.text(max_size=200), st.sampled_from(["RS1-", "RS1-123456-", "-", "A1"]).flatmap(
    lambda head: st.text(max_size=40).map(lambda tail: head + tail))))
def test_a_badge_code(text):
    badge.find_payload(text)
    badge.read(text, "0" * 32, "c0ffee", {"A1": None, "A2": None})


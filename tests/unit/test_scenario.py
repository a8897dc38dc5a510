"""Scenario loading and validation (docs/formats.md): every error names the file, the line and the id."""

from datetime import date, time
from pathlib import Path

import pytest

from runsheet.errors import InputError
from runsheet.rules.roster import parse_roster
from runsheet.rules.scenario import load_scenario, parse_scenario

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
FILE = "bad.toml"

ROSTER = parse_roster(
    "id,name,status,flags\n"
    "A1,Nguyễn Văn Bình,official,\n"
    "A2,Trần Thị Hoa,official,\n"
    "A3,Lê Văn An,official,exempt\n"
    "P1,Vũ Thị Lan,probationary,\n"
    "T1,Hoàng Văn Hùng,official,transferred\n"
    "S1,Đỗ Văn Sơn,official,suspended\n",
    "r.csv",
)

CONGRESS = '[congress]\ntitle = "Đại hội Chi bộ"\nstart = "07:30"\n'
STEP = '[[step]]\nid = "khai-mac"\ntitle = "Khai mạc"\nminutes = 5\n'


def election(ident="chi-uy", seats=2, candidates='["A1", "A2", "A3"]', extra=""):
    return f'[[election]]\nid = "{ident}"\ntitle = "Bầu"\nseats = {seats}\ncandidates = {candidates}\n{extra}'


def step(ident="s2", extra="", minutes="5"):
    return f'[[step]]\nid = "{ident}"\ntitle = "Bước"\nminutes = {minutes}\n{extra}'


def line_of(text: str, fragment: str, occurrence: int = 1) -> int:
    seen = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if fragment in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{fragment!r} not in the text")


def error(text: str, roster=ROSTER) -> InputError:
    with pytest.raises(InputError) as info:
        parse_scenario(text, FILE, roster)
    return info.value


def check(exc: InputError, line: int | None, item: str | None, *words: str) -> str:
    message = str(exc)
    assert "\n" not in message
    assert exc.file == FILE
    assert exc.line == line
    assert exc.item == item
    where = FILE if line is None else f"{FILE}:{line}"
    assert message.startswith(where + ": ")
    if item:
        assert f"{item}:" in message
    for word in words:
        assert word in message, (word, message)
    return message


# ---- the congress table ---------------------------------------------------------------------------------------

def test_toml_syntax_error_gives_tomllib_line():
    text = CONGRESS + STEP + "this is not toml\n"
    exc = error(text)
    check(exc, line_of(text, "this is not toml"), None, "TOML syntax")
    assert "(at line" not in str(exc)


def test_missing_congress_table():
    exc = error(STEP)
    check(exc, None, None, "[congress]", "missing")


def test_missing_title_points_at_the_congress_header():
    text = '# header comment\n[congress]\nstart = "07:30"\n' + STEP
    check(error(text), 2, None, "title", "required")


def test_blank_title_points_at_the_title_line():
    text = '[congress]\nstart = "07:30"\ntitle = "   "\n' + STEP
    check(error(text), 3, None, "title", "required")


@pytest.mark.parametrize("value", ["7h30", "25:00", "07:60", ""])
def test_bad_start(value):
    text = f'[congress]\ntitle = "T"\nplace = "P"\nstart = "{value}"\n' + STEP
    check(error(text), 4, None, "start", "HH:MM", repr(value))


def test_missing_start():
    text = '[congress]\ntitle = "T"\n' + STEP
    check(error(text), 1, None, "start", "required")


@pytest.mark.parametrize("key,value", [("language", '"fr"'), ("kind", '"guests"')])
def test_bad_language_or_kind(key, value):
    text = f'[congress]\ntitle = "T"\nstart = "07:30"\n{key} = {value}\n' + STEP
    check(error(text), 4, None, key, value.strip('"'))


def test_unknown_congress_key():
    text = '[congress]\ntitle = "T"\nstart = "07:30"\ntitel = "x"\n' + STEP
    check(error(text), 4, None, "titel")


def test_unknown_top_level_table():
    exc = error(CONGRESS + STEP + "[[stepp]]\nid = \"x\"\n")
    check(exc, None, None, "stepp")


def test_no_steps():
    check(error(CONGRESS), None, None, "no [[step]]")


# ---- steps ---------------------------------------------------------------------------------------------------

def test_bad_step_at():
    text = CONGRESS + STEP + step("chi-dao", 'at = "8h30"\n')
    check(error(text), line_of(text, "at = "), "chi-dao", "at", "8h30")


def test_unknown_key_in_step():
    text = CONGRESS + STEP + step("bao-cao", 'who = "Bí thư"\nminuts = 5\n')
    check(error(text), line_of(text, "minuts"), "bao-cao", "unknown key 'minuts'")


def test_duplicate_step_id_points_at_the_second():
    text = CONGRESS + STEP + step("khai-mac")
    check(error(text), line_of(text, 'id = "khai-mac"', 2), "khai-mac", "duplicate step id")


def test_duplicate_election_id_points_at_the_second():
    text = CONGRESS + election("chi-uy") + election("chi-uy") + STEP
    check(error(text), line_of(text, 'id = "chi-uy"', 2), "chi-uy", "duplicate election id")


def test_bad_step_id():
    text = CONGRESS + STEP + '[[step]]\ntitle = "x"\nid = "có dấu"\nminutes = 1\n'
    check(error(text), line_of(text, 'id = "có dấu"'), None, "id")


@pytest.mark.parametrize("value", ["0", "-5", "0.5", '"ten"', "true", "2000"])
def test_bad_minutes(value):
    text = CONGRESS + STEP + step("bao-cao", minutes=value)
    check(error(text), line_of(text, f"minutes = {value}"), "bao-cao", "minutes", "from 1 to 1440")


def test_a_date_time_is_not_a_date():
    text = CONGRESS.replace('start = ', 'date = 2025-06-01T10:00:00\nstart = ', 1) + STEP
    check(error(text), line_of(text, "date = "), None, "date")


def test_missing_minutes_points_at_the_step_header():
    text = CONGRESS + STEP + '[[step]]\nid = "bao-cao"\ntitle = "Báo cáo"\n'
    check(error(text), line_of(text, "[[step]]", 2), "bao-cao", "minutes")


def test_step_missing_title():
    text = CONGRESS + '[[step]]\nid = "s"\nminutes = 3\n'
    check(error(text), line_of(text, "[[step]]"), "s", "title", "required")


@pytest.mark.parametrize("key,ref", [("election", "nope"), ("motion", "nope"), ("election", '["x"]'),
                                     ("motion", "{ a = 1 }")])
def test_step_refers_to_unknown_election_or_motion(key, ref):
    value = f'"{ref}"' if ref == "nope" else ref
    text = CONGRESS + election() + '[[motion]]\nid = "nq"\ntitle = "NQ"\n' + STEP + step("bau", f"{key} = {value}\n")
    check(error(text), line_of(text, f"{key} = "), "bau", key, "not defined")


def test_array_entries_must_be_tables():
    text = "step = [1]\n" + CONGRESS
    check(error(text), None, None, "[[step]]")
    text = 'election = ["a"]\n' + CONGRESS + STEP
    check(error(text), None, None, "[[election]]")


def test_bad_speeches():
    text = CONGRESS + STEP + step("gop-y", "speeches = { limit = 0 }\n")
    check(error(text), line_of(text, "speeches"), "gop-y", "speeches")


# ---- placeholders --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("script,words", [
    ("Có mặt {foo} đồng chí", ["unknown placeholder {foo}"]),
    ("Bầu {seats:nope} đồng chí", ["{seats:nope}", "nope"]),
    ("Bầu {seats} đồng chí", ["{seats}", "needs an id"]),
    ("Có mặt {present_official đồng chí", ["stray brace"]),
    ("Có mặt present_official} đồng chí", ["stray brace"]),
    ("Có mặt {Present Official} đồng chí", ["malformed"]),
    ("Kết quả {motion:chi-uy}", ["{motion:chi-uy}", "motion"]),
    ("Có mặt {present_official:chi-uy}", ["unknown placeholder {present_official:chi-uy}"]),
])
def test_bad_placeholder(script, words):
    text = CONGRESS + election() + STEP + step("doc", f'who = "x"\nscript = "{script}"\n')
    check(error(text), line_of(text, "script = "), "doc", *words)


def test_bad_placeholder_in_multiline_script_points_at_the_key():
    text = CONGRESS + STEP + step("doc", 'script = """\nDòng một.\nDòng hai {nope}.\n"""\n')
    check(error(text), line_of(text, "script = "), "doc", "{nope}")


def test_good_placeholders_pass():
    text = CONGRESS + election() + '[[motion]]\nid = "nq"\ntitle = "NQ"\n' + STEP + step(
        "doc", 'script = "{present_official}/{denominator}; {seats:chi-uy} {candidates:chi-uy} {motion:nq}"\n')
    scenario = parse_scenario(text, FILE, ROSTER)
    assert scenario.steps[1].script.startswith("{present_official}")


# ---- elections -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("candidate,words", [
    ("ZZ", ["ZZ", "not in the roster"]),
    ("P1", ["P1", "not an official member"]),
    ("T1", ["T1", "attached elsewhere"]),
    ("S1", ["S1", "suspended"]),
])
def test_candidate_who_cannot_stand(candidate, words):
    text = CONGRESS + election(seats=1, candidates=f'["A1", "{candidate}"]') + STEP
    check(error(text), line_of(text, "candidates ="), "chi-uy", *words)


def test_candidates_are_not_checked_without_a_roster():
    text = CONGRESS + election(seats=1, candidates='["A1", "ZZ"]') + STEP
    assert parse_scenario(text, FILE, None).elections["chi-uy"].candidates == ("A1", "ZZ")


def test_exempt_official_may_stand():
    text = CONGRESS + election(seats=1, candidates='["A3"]') + STEP
    assert parse_scenario(text, FILE, ROSTER).elections["chi-uy"].seats == 1


@pytest.mark.parametrize("seats", ["0", "4", "-1", '"2"', "1.5"])
def test_bad_seats(seats):
    text = CONGRESS + election(seats=seats) + STEP
    check(error(text), line_of(text, "seats ="), "chi-uy", "seats", "1 to the number of candidates (3)")


def test_seats_equal_to_candidates_is_allowed():
    text = CONGRESS + election(seats=3) + STEP
    assert parse_scenario(text, FILE, ROSTER).elections["chi-uy"].seats == 3


def test_duplicate_candidate():
    text = CONGRESS + election(candidates='["A1", "A2", "A1"]') + STEP
    check(error(text), line_of(text, "candidates ="), "chi-uy", "A1", "twice")


@pytest.mark.parametrize("value", ["[]", '"A1"', "[1, 2]"])
def test_bad_candidate_list(value):
    text = CONGRESS + election(candidates=value) + STEP
    check(error(text), line_of(text, "candidates ="), "chi-uy", "candidates")


def test_bad_order():
    text = CONGRESS + election(extra='order = "random"\n') + STEP
    check(error(text), line_of(text, "order ="), "chi-uy", "order", "random")


# ---- from a file ---------------------------------------------------------------------------------------------

def test_load_scenario_error_names_the_real_path(tmp_path):
    path = tmp_path / "scenario.toml"
    text = CONGRESS + STEP + step("bao-cao", minutes="0")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_scenario(str(path), ROSTER)
    line = line_of(text, "minutes = 0")
    assert str(info.value).startswith(f"{path}:{line}: bao-cao: minutes")


def test_load_scenario_missing_file(tmp_path):
    path = tmp_path / "nope.toml"
    with pytest.raises(InputError) as info:
        load_scenario(str(path), None)
    assert str(info.value).startswith(str(path))


def test_load_scenario_not_utf8(tmp_path):
    path = tmp_path / "latin.toml"
    path.write_bytes(CONGRESS.encode() + b'place = "caf\xe9"\n')
    with pytest.raises(InputError) as info:
        load_scenario(str(path), None)
    assert info.value.line == 4 and "UTF-8" in str(info.value)


def test_load_scenario_accepts_bom(tmp_path):
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + (CONGRESS + STEP).encode())
    assert load_scenario(str(path), ROSTER).steps[0].id == "khai-mac"


# ---- valid scenarios -----------------------------------------------------------------------------------------

def roster_file(path: Path):
    return parse_roster(path.read_bytes(), str(path))


def test_mini_scenario():
    roster = roster_file(DATA / "mini-roster.csv")
    scenario = load_scenario(str(DATA / "mini.toml"), roster)
    assert scenario.file == str(DATA / "mini.toml")
    congress = scenario.congress
    assert congress.title == "Đại hội Chi bộ Thử nghiệm nhiệm kỳ 2025–2027"
    assert congress.start == time(7, 30)
    assert (congress.language, congress.kind, congress.quorum, congress.date) == ("vi", "members", None, None)
    assert [s.id for s in scenario.steps] == ["khai-mac", "bao-cao", "chi-dao", "bau", "be-mac"]
    assert [s.minutes for s in scenario.steps] == [10, 20, 15, 20, 5]
    assert scenario.steps[2].at == time(8, 30)
    assert [s.at for s in scenario.steps if s.id != "chi-dao"] == [None] * 4
    assert scenario.steps[3].election == "chi-uy" and scenario.steps[4].motion == "nghi-quyet"
    assert list(scenario.elections) == ["chi-uy"]
    assert scenario.elections["chi-uy"].seats == 2
    assert scenario.elections["chi-uy"].candidates == ("A1", "A2", "A3")
    assert scenario.elections["chi-uy"].order == "alphabetical"
    assert list(scenario.motions) == ["nghi-quyet"]


def test_full_valid_scenario_with_every_field():
    text = (
        '[congress]\ntitle = " Đại hội "\nunit = "Chi bộ"\nparent = "Đảng bộ"\nterm = "2025–2027"\n'
        'place = "Hội trường"\ndate = 2025-06-01\nstart = "7:05"\nlanguage = "en"\nkind = "delegates"\n'
        "quorum = 3\n"
        + election(extra='order = "listed"\n')
        + '[[motion]]\nid = "nq"\ntitle = "NQ"\n'
        + STEP
        + step("gop-y", 'at = "08:00"\nspeeches = { limit = 7 }\nwho = "Đại biểu"\nmotion = "nq"\n', minutes="12.5")
    )
    scenario = parse_scenario(text, FILE, ROSTER)
    c = scenario.congress
    assert (c.title, c.unit, c.parent, c.term, c.place) == ("Đại hội", "Chi bộ", "Đảng bộ", "2025–2027", "Hội trường")
    assert (c.date, c.start, c.language, c.kind, c.quorum) == (date(2025, 6, 1), time(7, 5), "en", "delegates", 3)
    gop_y = scenario.steps[1]
    assert (gop_y.at, gop_y.speech_limit, gop_y.who, gop_y.motion, gop_y.minutes, gop_y.seconds) == (
        time(8, 0), 7, "Đại biểu", "nq", 12.5, 750)
    assert scenario.elections["chi-uy"].order == "listed"


@pytest.mark.parametrize("scenario_file,roster,counts", [
    ("scenarios/chi-bo.toml", "data/demo-roster.csv", (20, 26, 3, 9, "vi")),
    ("scenarios/agm.toml", "data/agm-roster.csv", (12, 12, 1, 4, "en")),
])
def test_shipped_scenarios(scenario_file, roster, counts):
    scenario_path, roster_path = ROOT / scenario_file, ROOT / roster
    if not scenario_path.exists() or not roster_path.exists():
        pytest.skip(f"{scenario_file} not shipped")
    members = roster_file(roster_path)
    scenario = load_scenario(str(scenario_path), members)
    assert (len(members), len(scenario.steps), len(scenario.elections), len(scenario.motions),
            scenario.congress.language) == counts
    for election_ in scenario.elections.values():
        assert 1 <= election_.seats <= len(election_.candidates)
        assert all(members.get(c).official for c in election_.candidates)
    assert len({s.id for s in scenario.steps}) == len(scenario.steps)


def test_missing_candidates_points_at_the_election_header():
    text = CONGRESS + STEP + '# elections\n[[election]]\nid = "chi-uy"\ntitle = "Bầu"\nseats = 1\n'
    check(error(text), line_of(text, "[[election]]"), "chi-uy", "candidates")

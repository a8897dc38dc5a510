import pytest
from hypothesis import given
from hypothesis import strategies as st

from runsheet.errors import InputError
from runsheet.rules.roster import FLAGS, Member, Roster, parse_roster, roster_to_csv

GOOD = """id,name,status,flags
DV01,Nguyễn Văn Bình,official,
DV02,Trần Thị An,probationary,
DV03,Lê   Văn  Cường,official,exempt
DV04,Phạm Đức An,official,transferred;suspended
"""


def error(text, filename="r.csv"):
    with pytest.raises(InputError) as e:
        parse_roster(text, filename)
    return e.value


def test_parse_good():
    r = parse_roster(GOOD.encode(), "r.csv")
    assert len(r) == 4
    assert [m.id for m in r] == ["DV01", "DV02", "DV03", "DV04"]
    assert r.get("DV03").name == "Lê Văn Cường"
    assert r.get("DV03").exempt and r.get("DV03").official
    assert not r.get("DV02").official
    d4 = r.get("DV04")
    assert d4.transferred and d4.suspended and not d4.exempt
    assert r.get("nope") is None
    assert r.by_id["DV01"] is r.get("DV01")


def test_bom_accepted():
    r = parse_roster("\ufeff".encode() + GOOD.encode(), "r.csv")
    assert r.get("DV01").name == "Nguyễn Văn Bình"
    assert parse_roster("\ufeff" + GOOD, "r.csv") == r


def test_names_stored_nfc():
    nfd = "DV01,Nguye\u0302\u0303n Va\u0306n Bi\u0300nh,official,\n"
    r = parse_roster("id,name,status,flags\n" + nfd, "r.csv")
    assert r.get("DV01").name == "Nguyễn Văn Bình"


def test_columns_by_header_any_order_extra_ignored():
    text = "Status, NAME ,note,ID,Flags\nofficial,Trần Văn An,xx, A1 ,exempt suspended\n"
    r = parse_roster(text, "r.csv")
    assert r.members == (Member("A1", "Trần Văn An", "official", frozenset({"exempt", "suspended"})),)


def test_flags_column_optional():
    r = parse_roster("id,name,status\nA1,An,official\n", "r.csv")
    assert r.get("A1").flags == frozenset()


def test_semicolon_separated_file():
    r = parse_roster("id;name;status;flags\nA1;Trần Văn An;official;exempt\n", "r.csv")
    assert r.get("A1").exempt


def test_blank_lines_and_crlf_skipped():
    text = "\r\nid,name,status,flags\r\n\r\nA1,An,official,\r\n,,,\r\n  \r\nA2,Bình,official,\r\n"
    assert [m.id for m in parse_roster(text, "r.csv")] == ["A1", "A2"]


def test_ids_case_sensitive():
    r = parse_roster("id,name,status,flags\na1,An,official,\nA1,Bình,official,\n", "r.csv")
    assert r.get("a1").name == "An" and r.get("A1").name == "Bình"


def test_error_not_utf8():
    data = b"id,name,status,flags\nA1,An,official,\nA2,H\xe0 (Windows-1252),official,\n"
    e = error(data)
    assert e.line == 3 and e.file == "r.csv"
    assert "UTF-8" in e.message and "CSV UTF-8" in e.message


@pytest.mark.parametrize("text", ["", "\n\n  \n", "\ufeff"])
def test_error_empty(text):
    e = error(text)
    assert "empty" in e.message


def test_error_missing_columns():
    e = error("\nid,full name,flags\nA1,An,\n")
    assert e.line == 2
    assert "missing" in e.message and "name" in e.message and "status" in e.message
    assert "id," not in e.message.split(";")[0]


def test_error_duplicate_column():
    e = error("id,name,status,Name\n")
    assert e.line == 1 and "twice" in e.message


def test_error_duplicate_id():
    e = error("id,name,status,flags\nA1,An,official,\n\nA2,Bình,official,\nA1,Cường,official,\n")
    assert e.line == 5 and e.item == "A1"
    assert "duplicate" in e.message and "line 2" in e.message
    assert str(e) == "r.csv:5: A1: duplicate id (first on line 2)"


def test_error_empty_id():
    e = error("id,name,status,flags\nA1,An,official,\n ,Bình,official,\n")
    assert e.line == 3 and e.item is None and "empty id" in e.message


def test_error_empty_name():
    e = error("id,name,status,flags\nA1,  ,official,\n")
    assert e.line == 2 and e.item == "A1" and "empty name" in e.message


def test_error_unknown_status():
    e = error("id,name,status,flags\nA1,An,chính thức,\n")
    assert e.line == 2 and e.item == "A1"
    assert "chính thức" in e.message and "official" in e.message and "probationary" in e.message


def test_error_empty_status():
    e = error("id,name,status,flags\nA1,An,,\n")
    assert e.line == 2 and "empty status" in e.message


def test_error_unknown_flag():
    e = error("id,name,status,flags\nA1,An,official,exempt; retired\n")
    assert e.line == 2 and e.item == "A1"
    assert '"retired"' in e.message
    assert all(f in e.message for f in FLAGS)


def test_error_too_many_cells():
    e = error("id,name,status,flags\nA1,Nguyễn, Văn An,official,exempt\n")
    assert e.line == 2 and "quotes" in e.message


def test_error_line_after_multiline_record():
    e = error('id,name,status,flags\nA1,"An\nBình",official,\nA2,Cường,bad,\n')
    assert e.line == 4


def test_round_trip():
    r = parse_roster(GOOD, "r.csv")
    assert parse_roster(roster_to_csv(r), "r.csv") == r
    assert roster_to_csv(r).splitlines()[0] == "id,name,status,flags"


def test_sorted_and_search():
    r = parse_roster(GOOD, "r.csv")
    assert [m.id for m in r.sorted()] == ["DV04", "DV02", "DV01", "DV03"]
    assert [m.id for m in r.search("nguyen van binh")] == ["DV01"]
    # a word of the query begins a word of the name: "an" finds An, not Văn; results in name order
    assert [m.id for m in r.search("AN")] == ["DV04", "DV02"]
    assert [m.id for m in r.search("v")] == ["DV01", "DV03"]
    assert [m.id for m in r.search("ng v b")] == ["DV01"]
    assert [m.id for m in r.search("an tran")] == ["DV02"]
    assert [m.id for m in r.search("dv03")] == ["DV03"]
    assert r.search("xyz") == []
    assert len(r.search("")) == 4


def test_roster_rejects_duplicate_ids():
    with pytest.raises(ValueError):
        Roster((Member("A", "An", "official"), Member("A", "Bình", "official")))


ids = st.text(alphabet="ABCDVXYZ0123456789-_.", min_size=1, max_size=6)
names = st.text(alphabet="aăâbdđeêoơưÀẢÃÁẠ ,;\"'-", max_size=20).map(lambda s: " ".join(s.split()))
members = st.builds(
    Member,
    id=ids,
    name=names.filter(bool),
    status=st.sampled_from(["official", "probationary"]),
    flags=st.frozensets(st.sampled_from(FLAGS)),
)


@given(st.lists(members, max_size=8, unique_by=lambda m: m.id))
def test_round_trip_property(ms):
    r = Roster(tuple(ms))
    assert parse_roster(roster_to_csv(r).encode("utf-8-sig"), "r.csv") == r

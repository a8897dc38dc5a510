"""The congress's documents at their edges: attendance that must add up (members never checked in, an exempt member
recorded absent, a congress of delegates with alternates, D changing during a count), a generic English assembly,
a congress closing on a later day, an output folder that cannot be written, text no XML may hold, large tables."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from docx import Document as Docx

from runsheet.commands import create
from runsheet.reports.counting import CountingMinutesError, build_counting_minutes, write_counting_minutes
from runsheet.reports.document import Document, Table, to_docx, to_md
from runsheet.reports.minutes import MinutesNotReady, build_minutes, write_minutes
from runsheet.reports.poll_minutes import build_poll_minutes, write_poll_minutes
from runsheet.rules.election import Reading

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
ENV = {**os.environ, "PYTHONUTF8": "1", "PYTHONIOENCODING": "utf-8"}


def minutes_md(session, lang: str = "vi", draft: bool = True) -> str:
    return to_md(build_minutes(session.state, lang, session.now(), draft=draft))


def counting_md(session, election: str = "chi-uy", lang: str = "vi") -> str:
    return to_md(build_counting_minutes(session.log.events, session.state, election, lang))


def count(session, struck=({1}, {2}, {3})) -> None:
    """A round of chi-uy (3 names, 2 seats) with one ballot per official present."""
    session.voting.open_round("chi-uy")
    for numbers in struck:
        session.voting.enter_ballot("chi-uy", Reading(frozenset(numbers)))
    session.voting.close_round("chi-uy")


# ---- the minutes' attendance adds up ------------------------------------------------------------------------------
def test_a_member_never_checked_in_is_reported_absent_and_an_exempt_one_only_once(session):
    session.attendance.attend(["A1", "A2", "A6"])  # A3 never comes and is not recorded; A4 (exempt) is recorded absent
    session.attendance.absent("A4")
    session.agenda.next_step()
    text = minutes_md(session)
    # counted in D: it must be in the minutes
    assert "Đảng viên chính thức vắng mặt không có lý do: 1 đồng chí: Lê Văn An." in text
    assert "Phạm Minh Đức" not in text  # exempt and absent: on the exempt line, not also as absent without reason
    assert "miễn công tác và sinh hoạt đảng vắng mặt: 1" in text
    assert "(D): 3;" in text


def delegates_congress(tmp_path: Path, clock):
    scenario = (DATA / "mini.toml").read_text(encoding="utf-8").replace(
        'start = "07:30"', 'start = "07:30"\nkind = "delegates"').replace(
        "Đại hội Chi bộ Thử nghiệm", "Đại hội đại biểu Đảng bộ Thử nghiệm")
    (tmp_path / "d.toml").write_text(scenario, encoding="utf-8")
    (tmp_path / "d.csv").write_text("id,name,status,flags\nA1,Nguyễn Văn Bình,official,\nA2,Trần Thị Hoa,official,\n"
                                    "A3,Lê Văn An,official,\nA4,Phạm Minh Đức,official,\nA5,Hoàng Văn Hùng,official,\n"
                                    "A6,Vũ Thị Lan,official,alternate\nA7,Đỗ Thị Mai,official,\n", encoding="utf-8")
    session = create(str(tmp_path / "d.json"), str(tmp_path / "d.toml"), str(tmp_path / "d.csv"), clock=clock,
                     terminal="t", congress_date="2025-06-01")
    session.attendance.attend(["A1", "A2", "A3", "A6"])
    session.attendance.absent("A4", "Ốm")
    session.attendance.replace_delegate("A4", "A6")  # the alternate stands in for A4
    session.attendance.absent("A5")  # absent throughout, nobody stands in: out of D
    # A7 has not come and is not recorded: still in D
    session.agenda.next_step()
    return session


def test_a_congress_of_delegates_speaks_of_delegates_and_its_absent_add_up(tmp_path, clock):
    session = delegates_congress(tmp_path, clock)
    assert session.state.figures().denominator == 5
    text = minutes_md(session)
    assert "Tổng số đại biểu chính thức được triệu tập: 6 đồng chí; đại biểu dự khuyết: 1 đồng chí." in text
    assert "Đại biểu có mặt: 4 đồng chí (trong đó 1 đại biểu dự khuyết thay thế đại biểu chính thức vắng mặt)." in text
    assert "Vũ Thị Lan thay đồng chí Phạm Minh Đức" in text
    assert "Đại biểu chính thức vắng mặt không có lý do: 2 đồng chí: Hoàng Văn Hùng, Đỗ Thị Mai." in text
    assert "Số đại biểu chính thức được triệu tập tính để biểu quyết và bầu cử (D): 5;" in text
    assert "đảng viên dự bị" not in text and "miễn công tác" not in text

    count(session, ({3}, {3}, {1}, {2}))
    paper = counting_md(session)
    assert "Tổng số đại biểu chính thức được triệu tập: 6 đồng chí." in paper
    assert "Số đại biểu có mặt lúc phát phiếu: 4 đồng chí (trong đó 1 đại biểu dự khuyết" in paper
    # 6 summoned = 3 delegates present + 3 absent: 1 replaced, 1 away with nobody in their place (out of D), 1 not come
    assert ("Số đại biểu chính thức vắng mặt: 3 đồng chí (có đại biểu dự khuyết thay thế 1; vắng mặt suốt thời gian "
            "Đại hội, không có người thay thế 1; chưa đến 1; đã rời Đại hội 0).") in paper
    assert "(D): 5 đồng chí" in paper and "miễn công tác" not in paper


# ---- the counting minutes' attendance adds up to the D of the result -----------------------------------------------
def test_d_is_the_one_fixed_when_the_ballots_were_issued(session, clock):
    session.attendance.attend(["A1", "A2", "A3"])  # D = 3: A4 is exempt and has not come
    session.voting.open_round("chi-uy")
    for numbers in ({1}, {2}, {3}):
        session.voting.enter_ballot("chi-uy", Reading(frozenset(numbers)))
    session.attendance.attend(["A4"])  # the exempt member arrives during the count, and is given no ballot
    session.voting.close_round("chi-uy")
    paper = counting_md(session)
    assert "(D): 3 đồng chí" in paper and "từ 2 phiếu bầu trở lên" in paper
    assert "Số đảng viên chính thức được triệu tập: 5 đồng chí." in paper
    assert ("không tính vào D: 2 đồng chí (vắng mặt suốt thời gian Đại hội có lý do được cấp ủy triệu tập Đại hội "
            "đồng ý 0; miễn công tác và sinh hoạt đảng, không dự Đại hội 1; sinh hoạt tạm thời nơi khác, không dự "
            "Đại hội 1)") in paper
    assert "Trong số D: có mặt, được phát phiếu bầu 3; đã đến Đại hội nhưng không có mặt lúc phát phiếu 0; vắng mặt " \
        "không có lý do được chấp thuận 0." in paper and "Trong khi bầu cử" not in paper


def test_a_member_given_a_ballot_during_the_vote_is_counted_in_d_and_named(session, clock):
    session.attendance.attend(["A1", "A2", "A3"])
    session.voting.open_round("chi-uy")
    session.attendance.attend(["A4"])  # the exempt member arrives and is handed a ballot
    assert session.voting.issue_to("chi-uy", "A4").value == 4
    for numbers in ({1}, {2}, {3}, {3}):
        session.voting.enter_ballot("chi-uy", Reading(frozenset(numbers)))
    session.voting.close_round("chi-uy")
    paper = counting_md(session)
    assert "(D): 4 đồng chí" in paper and "từ 3 phiếu bầu trở lên" in paper and "Số phiếu phát ra: 4 phiếu." in paper
    assert "Trong khi bầu cử, đảng viên chính thức Phạm Minh Đức đến dự, được phát phiếu bầu" in paper


def test_the_usual_count_reports_attendance_when_the_ballots_were_issued(session):
    session.attendance.attend(["A1", "A2", "A3"])
    count(session)
    paper = counting_md(session)
    assert "có mặt, được phát phiếu bầu 3;" in paper and "Lưu ý" not in paper


# ---- a generic assembly in English ---------------------------------------------------------------------------------
def test_an_english_assembly_cites_no_party_regulation_a_party_congress_in_english_does(tmp_path, clock):
    english = (DATA / "mini.toml").read_text(encoding="utf-8").replace('start = "07:30"',
                                                                        'start = "07:30"\nlanguage = "en"')
    (tmp_path / "en.toml").write_text(english, encoding="utf-8")
    session = create(str(tmp_path / "en.json"), str(tmp_path / "en.toml"), str(DATA / "mini-roster.csv"),
                     clock=clock, terminal="t", congress_date="2025-06-01")
    session.attendance.attend(["A1", "A2", "A3"])
    count(session)
    assert "Party" not in counting_md(session, lang="en") and "190-QĐ/TW" not in counting_md(session)
    party = create(str(tmp_path / "vi.json"), str(DATA / "mini.toml"), str(DATA / "mini-roster.csv"), clock=clock,
                   terminal="t", congress_date="2025-06-01")
    party.attendance.attend(["A1", "A2", "A3"])
    count(party)
    assert "Charter of the Communist Party of Vietnam" in counting_md(party, lang="en")


# ---- days -----------------------------------------------------------------------------------------------------------
def test_a_congress_closing_on_a_later_day_says_which(session, clock):
    session.agenda.next_step()
    clock.advance(minutes=24 * 60)
    session.agenda.end_congress()
    text = minutes_md(session, draft=False)
    assert "Đại hội bế mạc lúc 07 giờ 20 phút, ngày 2 tháng 6 năm 2025." in text and "cùng ngày" not in text
    assert "closed at 07:20 on 2 June 2025" in minutes_md(session, "en", draft=False)


def test_a_count_past_midnight_dates_the_issue_of_the_ballots(session, clock):
    session.attendance.attend(["A1", "A2", "A3"])
    clock.moment = clock.moment.replace(hour=23, minute=50)
    session.voting.open_round("chi-uy")
    for numbers in ({1}, {2}, {3}):
        session.voting.enter_ballot("chi-uy", Reading(frozenset(numbers)))
    clock.advance(minutes=20)
    session.voting.close_round("chi-uy")
    paper = counting_md(session)
    assert "Hôm nay, ngày 2 tháng 6 năm 2025" in paper
    assert ("Phát phiếu bầu lúc 23 giờ 50 phút, ngày 1 tháng 6 năm 2025; kết thúc kiểm phiếu lúc 00 giờ 10 "
            "phút.") in paper


# ---- writing ------------------------------------------------------------------------------------------------------
def test_an_output_folder_that_cannot_be_written_is_a_one_line_refusal(session, tmp_path):
    session.attendance.attend(["A1", "A2", "A3"])
    count(session)
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(MinutesNotReady) as refused:
        write_minutes(session.state, str(blocker), "vi", session.now(), draft=True)
    assert refused.value.key == "minutes.err.write" and "không ghi được biên bản" in refused.value.text("vi")
    with pytest.raises(CountingMinutesError) as refused:
        write_counting_minutes(session.log.events, session.state, "chi-uy", str(blocker / "sub"), "en")
    assert refused.value.key == "counting_minutes.err.write"
    for args in (("minutes", "--draft"), ("counting-minutes", "chi-uy")):
        proc = subprocess.run([sys.executable, "run.py", args[0], "--db", session.path, *args[1:], "--out",
                               str(blocker)], cwd=ROOT, capture_output=True, text=True, encoding="utf-8", env=ENV,
                              timeout=120)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
        assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("run.py: error: không ghi được biên bản")


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_documents_are_as_readable_as_any_file_not_private(session, tmp_path):
    old = os.umask(0o022)
    try:
        paths = write_minutes(session.state, str(tmp_path / "out"), "vi", session.now(), draft=True)
    finally:
        os.umask(old)
    assert all(stat.S_IMODE(os.stat(p).st_mode) == 0o644 for p in paths)


def test_text_no_xml_may_hold_is_dropped_not_a_traceback(session, tmp_path):
    session.agenda.next_step()
    session.speaking.add_speaker("Khách\x01 mời", "Chức\x0bvụ")
    session.speaking.start_speech()
    session.speaking.note_speech("s1", "Ghi\x1b[0m chú\x00\nhai dòng\tcột")
    docx_path = write_minutes(session.state, str(tmp_path), "vi", session.now(), draft=True)[0]
    cells = [c.text for t in Docx(docx_path).tables for row in t.rows for c in row.cells]
    assert "Ghi[0m chú\nhai dòng\tcột" in cells and any(c.startswith("Khách mời") for c in cells)


def test_a_large_table_is_written_quickly_and_reads_back_cell_for_cell(tmp_path):
    rows = [[str(n), f"a & b <{n}>", "x\ty" if n % 2 else "", "dòng 1\ndòng 2"] for n in range(1, 3301)]
    doc = Document().add(Table(["Số", "Nội dung", "Ghi chú", "Thêm"], rows, "rlcl"))
    began = time.perf_counter()
    data = to_docx(doc)
    assert time.perf_counter() - began < 3  # python-docx cell by cell took ~8 s for the national entry log
    (tmp_path / "t.docx").write_bytes(data)
    table = Docx(str(tmp_path / "t.docx")).tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Số", "Nội dung", "Ghi chú", "Thêm"]
    assert [c.text for c in table.rows[1].cells] == ["1", "a & b <1>", "x\ty", "dòng 1\ndòng 2"]
    assert [c.text for c in table.rows[3300].cells] == ["3300", "a & b <3300>", "", "dòng 1\ndòng 2"]
    assert [c.paragraphs[0].alignment for c in table.rows[5].cells] == [2, 0, 1, 0]  # right, left, centre, left
    run = table.rows[5].cells[1].paragraphs[0].runs[0]
    assert run.font.name == "Times New Roman" and run.font.size.pt == 13


def counters(session) -> None:
    """Three official members on no list, to count (the mini roster's officials all stand for the committee)."""
    for member_id, name in (("K1", "Đinh Văn Khoa"), ("K2", "Mai Thị Kiều"), ("K3", "Tạ Quang Kiên")):
        session.attendance.add_member(member_id, name)
    session.attendance.attend(["K1", "K2", "K3"])


def test_the_counting_committee_is_the_one_that_counted_not_one_chosen_later(session):
    counters(session)
    session.attendance.attend(["A1", "A2", "A3"])
    session.speaking.set_officers("counting", ["K1, Trưởng ban", "K2"])
    count(session)
    session.speaking.set_officers("counting", ["K3, Trưởng ban"])  # chosen later, for another election
    paper = counting_md(session)
    assert "1. Đinh Văn Khoa – Trưởng ban" in paper and "2. Mai Thị Kiều – Thành viên" in paper
    assert "Tạ Quang Kiên –" not in paper


def test_a_committee_recorded_only_after_the_close_is_still_printed(session):
    counters(session)
    session.attendance.attend(["A1", "A2", "A3"])
    count(session)
    session.speaking.set_officers("counting", ["K3, Trưởng ban"])
    assert "1. Tạ Quang Kiên – Trưởng ban" in counting_md(session)


def test_english_minutes_count_in_good_english_and_durations_are_not_clock_times(session, clock):
    session.attendance.attend(["A1", "A2", "A3"])
    session.agenda.next_step()
    session.speaking.add_speaker("A1")
    session.speaking.start_speech()
    clock.advance(minutes=19, seconds=30)
    session.speaking.end_speech()
    count(session, ({1}, {2, 3}, {1, 2}))  # votes 1, 1, 2 of D = 3: one elected, one seat unfilled
    english, vietnamese = minutes_md(session, "en"), minutes_md(session)
    assert "Khai mạc: 1 speech, 19 min 30 s in all." in english and "Seats unfilled: 1." in english
    assert "Khai mạc: 1 lượt phát biểu, tổng thời gian 19 phút 30 giây." in vietnamese
    assert "19:30" not in vietnamese


def test_the_four_counting_documents_are_written_all_or_none(session, tmp_path, monkeypatch):
    from runsheet.reports import document

    session.attendance.attend(["A1", "A2", "A3"])
    count(session)
    real, calls = os.fsync, []

    def failing(fd):
        calls.append(fd)
        if len(calls) == 3:  # the disk fills up on the third document
            raise OSError(28, "No space left on device")
        real(fd)

    monkeypatch.setattr(document.os, "fsync", failing)
    out = tmp_path / "out"
    with pytest.raises(CountingMinutesError) as refused:
        write_counting_minutes(session.log.events, session.state, "chi-uy", str(out), "vi")
    assert "No space left on device" in refused.value.text("vi")
    assert list(out.iterdir()) == []  # neither the first two documents nor a temporary file


def test_a_log_too_long_for_docx_removes_an_older_docx_of_the_same_round(session, tmp_path, monkeypatch):
    from runsheet.reports import counting

    session.attendance.attend(["A1", "A2", "A3"])
    count(session)
    out = tmp_path / "out"
    first = write_counting_minutes(session.log.events, session.state, "chi-uy", str(out), "vi")
    assert any(p.endswith("nhat-ky-nhap-phieu.docx") for p in first)
    monkeypatch.setattr(counting, "LOG_DOCX_ROWS", 1)
    second = write_counting_minutes(session.log.events, session.state, "chi-uy", str(out), "vi")
    assert sorted(p.name for p in out.iterdir()) == sorted(Path(p).name for p in second)
    assert not any(p.endswith("nhat-ky-nhap-phieu.docx") for p in second)


def test_an_approve_form_count_gives_the_agreeing_and_disagreeing_votes_of_each_name(session):
    session.attendance.attend(["A1", "A2", "A3"])
    session.voting.set_candidates("chi-uy", ["A1", "A2"])  # as many names as seats: agree / disagree
    count(session, ({1}, set(), {1, 2}))
    paper = counting_md(session)
    assert "| TT | Họ và tên | Số phiếu đồng ý | Số phiếu không đồng ý | Tỷ lệ % so với D = 3 | Kết quả |" in paper
    assert "| 1 | Nguyễn Văn Bình | 1 | 2 | 33,33 |  |" in paper
    assert "| 2 | Trần Thị Hoa | 2 | 1 | 66,67 | Trúng cử |" in paper


# ---- the counting minutes of a nomination poll -----------------------------------------------------------------------
def test_a_nomination_poll_has_its_own_counting_minutes(session, tmp_path):
    session.attendance.attend(["A1", "A2", "A3", "A4"])
    with pytest.raises(CountingMinutesError) as refused:
        build_poll_minutes(session.log.events, session.state, "chi-uy", "vi")
    assert refused.value.key == "poll_minutes.err.no_poll"
    session.voting.open_poll("chi-uy", ["A4"])
    with pytest.raises(CountingMinutesError) as refused:
        build_poll_minutes(session.log.events, session.state, "chi-uy", "vi")
    assert refused.value.key == "poll_minutes.err.not_closed"
    for against in ({1}, set(), set(), set()):
        session.voting.enter_ballot("chi-uy", Reading(frozenset(against)), poll=True)
    session.voting.close_poll("chi-uy")
    paper = to_md(build_poll_minutes(session.log.events, session.state, "chi-uy", "vi"))
    assert "Số đảng viên chính thức có mặt tại Đại hội lúc phát phiếu: 4 đồng chí." in paper
    assert "tức là từ 2 phiếu đồng ý trở lên" in paper  # more than 30% of 4: 2
    assert "| 1 | Phạm Minh Đức | 3 | 1 | 75,00 | Bổ sung vào danh sách |" in paper
    assert "Đồng chí Phạm Minh Đức được bổ sung vào danh sách bầu cử, bầu Chi ủy." in paper
    paths = write_poll_minutes(session.log.events, session.state, "chi-uy", str(tmp_path), "vi")
    assert [Path(p).name for p in paths] == ["chi-uy-lay-y-kien-1-bien-ban-kiem-phieu.docx",
                                             "chi-uy-lay-y-kien-1-bien-ban-kiem-phieu.md"]

"""The hall's view (runsheet/hall/view.py): what the pages are sent, computed from the state alone."""

from __future__ import annotations

from datetime import timedelta

from congress import elect

from runsheet.hall.view import hall_view


def test_before_the_start_a_welcome_and_the_programme(session, clock):
    view = hall_view(session.state, clock())
    assert view["title"] == "Đại hội Chi bộ Thử nghiệm nhiệm kỳ 2025–2027" and view["lang"] == "vi"
    assert view["headline"].startswith("Kính chào các đồng chí đại biểu") and view["step"] is None
    assert view["zone"] == 420 and view["figures"] is None and view["result"] is None
    assert [(r["no"], r["title"], r["planned"], r["status"]) for r in view["programme"][:2]] == [
        (1, "Khai mạc", "07:30", "pending"), (2, "Báo cáo chính trị", "07:40", "pending")]
    assert view["hall"] == {"projector": None, "podium": None}
    assert view["code"].startswith("Mã kiểm chứng ")


def test_a_step_its_timer_and_the_figures_once_reported(session, clock):
    session.attendance.check_in("A1")
    session.agenda.next_step()
    clock.advance(seconds=90)
    view = hall_view(session.state, clock())
    assert view["headline"] == "Khai mạc"
    assert view["step"] == {"elapsed": 90.0, "allotted": 600, "paused": False}
    assert view["figures"].startswith("Đảng viên chính thức có mặt: 1 / 3")  # the step's words carry D
    assert view["programme"][0]["status"] == "current" and view["programme"][0]["actual"] == "07:20"


def test_a_speech_the_speaker_and_its_own_timer(session, clock):
    session.agenda.next_step()
    session.agenda.next_step()  # bao-cao: speeches of 5 minutes
    session.speaking.add_speaker("Nguyễn Văn Khải", "Phó Bí thư Đảng ủy")
    session.speaking.start_speech()
    clock.advance(seconds=250)
    speech = hall_view(session.state, clock())["speech"]
    assert speech == {"name": "Nguyễn Văn Khải", "title": "Phó Bí thư Đảng ủy", "elapsed": 250.0, "allotted": 300,
                      "paused": False}


def test_no_tally_while_counting_then_the_published_result(session, clock):
    elect(session)
    view = hall_view(session.state, clock())
    assert view["result"] is None and view["results"] == []  # closed, not yet published: the hall sees nothing
    session.voting.publish_round("chi-uy")
    result = hall_view(session.state, clock())["result"]
    assert result["d"] == 3 and result["needed"] == 2 and result["head"] == "Kết quả — D = 3, cần 2 phiếu (quá nửa)"
    assert [(c["name"], c["votes"], c["elected"]) for c in result["candidates"]] == [
        ("Lê Văn An", 3, True), ("Nguyễn Văn Bình", 2, True), ("Trần Thị Hoa", 1, False)]  # in ballot order
    assert result["candidates"][0]["percent"] == "100,00"


def test_the_chairs_message_and_blank(session, clock):
    session.hall.message("Xin đồng chí kết thúc", True, "podium")
    session.hall.blank("projector")
    hall = hall_view(session.state, clock())["hall"]
    assert hall["podium"] == {"blank": False, "text": "Xin đồng chí kết thúc",
                              "flash_until": round((clock() + timedelta(seconds=10)).timestamp() * 1000)}
    assert hall["projector"] == {"blank": True, "text": "", "flash_until": 0}


def test_english_when_asked(session, clock):
    assert hall_view(session.state, clock(), "en")["texts"]["programme"] == "Programme"


def test_the_projector_idles_before_the_start_and_while_its_step_is_paused(session, clock):
    assert hall_view(session.state, clock())["idle"]
    session.agenda.next_step()
    assert not hall_view(session.state, clock())["idle"]
    session.agenda.pause()
    assert hall_view(session.state, clock())["idle"]
    session.agenda.resume()
    session.agenda.next_step()  # bao-cao: a speech keeps the speaker on the screen, paused step or not
    session.speaking.add_speaker("Nguyễn Văn Khải", "Phó Bí thư Đảng ủy")
    session.speaking.start_speech()
    session.agenda.pause()
    assert not hall_view(session.state, clock())["idle"]
    assert hall_view(session.state, clock())["texts"]["scan"].startswith("Mời các đồng chí đại biểu quét mã")

"""The hall's pages in a real browser (headless Chromium over the DevTools protocol, tests/hall/cdp.py): the
projector page shows a desk's check-in within a second of its commit, then a speech and a published result; no
request leaves the host; screenshots at 1920x1080, 1280x720 and a phone's 390x844 go to tests/hall/screenshots/.
Skipped, with the reason, where Chromium cannot run."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from aiohttp.test_utils import TestServer
from cdp import Browser, available
from congress import elect

from runsheet.hall.server import Hall, build_app

SHOTS = Path(__file__).resolve().parent / "screenshots"
REASON = available()
pytestmark = pytest.mark.skipif(REASON is not None, reason=REASON or "")


@pytest.fixture
async def served(session, clock):
    session.agenda.next_step()  # khai-mac: its words carry D, so the figures are shown
    session.attendance.check_in("A1")
    server = TestServer(build_app(Hall(str(session.path), now=clock)), host="127.0.0.1")
    await server.start_server()
    yield f"http://127.0.0.1:{server.port}"
    await server.close()


@pytest.fixture
async def browser():
    browser = Browser()
    try:
        await browser.start(1920, 1080)
        yield browser
    finally:
        await browser.close()


# the podium's countdown wholly on the screen and on top, with the chair's message up: its corners and centre are its
UNCOVERED = """(() => {
  const timer = document.getElementById('timer'), r = timer.getBoundingClientRect();
  if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth || r.height < 50) return false;
  const points = [[r.left + r.width / 2, r.top + r.height / 2], [r.left + 2, r.top + 2], [r.right - 2, r.bottom - 2]];
  return points.every(([x, y]) => timer.contains(document.elementFromPoint(x, y)));
})()"""


def figures(n: int) -> str:
    return f"document.getElementById('figures').textContent.includes('có mặt: {n} / 3')"


async def test_the_projector_live_in_a_browser(served, browser, session):
    SHOTS.mkdir(exist_ok=True)
    await browser.open(f"{served}/projector")
    await browser.wait_for(figures(1), 10)
    await asyncio.to_thread(session.attendance.check_in, "A2")
    assert await browser.wait_for(figures(2), 1.0) < 1.0
    assert await browser.evaluate("document.getElementById('headline').textContent") == "Khai mạc"
    assert await browser.evaluate("document.documentElement.lang") == "vi"
    await browser.screenshot(SHOTS / "projector-1920x1080.png")

    session.agenda.next_step()  # bao-cao: a speech of at most 5 minutes
    session.speaking.add_speaker("Nguyễn Văn Khải", "Phó Bí thư Đảng ủy Văn phòng")
    await asyncio.to_thread(session.speaking.start_speech)
    assert await browser.wait_for("document.getElementById('speaker-name').textContent === 'Nguyễn Văn Khải'",
                                  1.0) < 1.0
    await browser.screenshot(SHOTS / "projector-speech-1920x1080.png")

    await asyncio.to_thread(session.speaking.end_speech)
    await asyncio.to_thread(elect, session)
    assert not await browser.evaluate("document.querySelector('.result')")  # closed, not published: nothing shown
    await asyncio.to_thread(session.voting.publish_round, "chi-uy")
    assert await browser.wait_for("document.querySelectorAll('.bar-row.elected').length === 2", 1.0) < 1.0
    await browser.size(1280, 720)
    await asyncio.sleep(0.3)
    await browser.screenshot(SHOTS / "projector-result-1280x720.png")

    await asyncio.to_thread(session.hall.message, "Xin đồng chí kết thúc", True, "all")
    await browser.wait_for("!document.getElementById('message').hidden", 1.0)
    await browser.screenshot(SHOTS / "projector-message-1280x720.png")
    outside = [url for url in browser.requests if not url.startswith(served)]
    assert not outside and any(url.endswith("/assets/live.js") for url in browser.requests)


async def test_the_podium_and_the_phone(served, browser, session):
    SHOTS.mkdir(exist_ok=True)
    session.agenda.next_step()
    session.speaking.add_speaker("Nguyễn Văn Khải", "Phó Bí thư Đảng ủy Văn phòng")
    session.speaking.start_speech()
    await browser.open(f"{served}/podium")
    await browser.wait_for("/^0[45]:\\d\\d$/.test(document.getElementById('timer').textContent)", 10)
    await browser.screenshot(SHOTS / "podium-1920x1080.png")
    await asyncio.to_thread(session.hall.message, "Xin đồng chí kết thúc", False, "podium")
    await browser.wait_for("document.getElementById('message').textContent === 'Xin đồng chí kết thúc'", 1.0)
    await browser.screenshot(SHOTS / "podium-message-1920x1080.png")
    assert await browser.evaluate(UNCOVERED), "the message hides the countdown"
    await browser.size(1280, 720)
    await asyncio.sleep(0.3)
    assert await browser.evaluate(UNCOVERED), "the message hides the countdown at 1280x720"
    await browser.size(1920, 1080)

    session.speaking.end_speech()
    elect(session)
    session.voting.publish_round("chi-uy")
    await browser.size(390, 844, mobile=True)
    await browser.open(served + "/")
    await browser.wait_for("document.querySelectorAll('.bar-row.elected').length === 2", 10)  # the reader's next look
    assert await browser.evaluate("document.querySelectorAll('#programme li').length") == 5
    assert await browser.evaluate("document.querySelector('#programme .current .step-title').textContent") \
        == "Báo cáo chính trị"
    await browser.screenshot(SHOTS / "phone-390x844.png")
    assert all(url.startswith(served) for url in browser.requests)


async def test_the_projector_idle_with_the_programme_and_the_delegates_code(session, clock, browser):
    SHOTS.mkdir(exist_ok=True)
    server = TestServer(build_app(Hall(str(session.path), now=clock)), host="127.0.0.1")
    await server.start_server()
    try:
        served = f"http://127.0.0.1:{server.port}"
        await browser.open(f"{served}/projector")  # before the congress starts
        await browser.wait_for("!document.getElementById('idle').hidden", 10)
        assert await browser.evaluate("document.querySelectorAll('#agenda li').length") == 5
        assert await browser.evaluate("document.getElementById('qr-url').textContent") == f"{served}/"
        assert await browser.evaluate("document.getElementById('qr').getBoundingClientRect().width") > 250
        await browser.screenshot(SHOTS / "projector-idle-1920x1080.png")
        await asyncio.to_thread(session.agenda.next_step)
        assert await browser.wait_for("document.getElementById('idle').hidden", 1.0) < 1.0
        assert all(url.startswith(served) for url in browser.requests)
    finally:
        await server.close()

"""`run.py hall`'s server (runsheet/hall/server.py) in process, with aiohttp's test client: the pages, the assets and
the stream load; each hall-visible change reaches a client of the stream within a second of its commit; nothing but
the served pages and assets is answered."""

from __future__ import annotations

import io
import re

import asyncio
import json
import time

import pytest
from aiohttp.test_utils import TestClient, TestServer
from congress import elect

from runsheet.hall import server
from runsheet.hall.server import ASSETS, Hall, build_app
from runsheet.qr import qr_matrix
from runsheet.rules.election import Reading

REACH = 1.0  # seconds from a commit to the stream's client


@pytest.fixture
async def client(session, clock):
    session.agenda.next_step()  # khai-mac: its words carry D, so the attendance figures are shown from now on
    hall = Hall(str(session.path), now=clock)
    async with TestClient(TestServer(build_app(hall))) as client:
        yield client


async def next_view(stream) -> dict:
    while True:
        line = await stream.content.readline()
        if line.startswith(b"data: "):
            return json.loads(line[len(b"data: "):])


async def view_after(stream, commit, until) -> tuple[dict, float]:
    """The first view that satisfies until after commit() is run, and how long it took to come."""
    started = time.monotonic()
    await asyncio.to_thread(commit)
    while True:
        view = await asyncio.wait_for(next_view(stream), REACH)
        if until(view):
            return view, time.monotonic() - started


@pytest.mark.parametrize("path", ["/", "/projector", "/podium"])
async def test_each_page_loads(client, path):
    response = await client.get(path)
    assert response.status == 200 and response.content_type == "text/html" and response.charset == "utf-8"
    page = (await response.text()).replace(f"http://{response.url.host}:{response.url.port}/", "")  # the QR's link
    assert '<script src="/assets/live.js"></script>' in page and "http" not in page.replace("http-equiv", "")
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]


async def test_the_assets_load_and_fetch_nothing_from_outside(client):
    for name in ASSETS:
        response = await client.get(f"/assets/{name}")
        assert response.status == 200, name
        if name.endswith(".ttf"):
            assert response.content_type == "font/ttf" and (await response.read())[:4] == b"\x00\x01\x00\x00", name
            continue
        body = await response.text()
        assert "http://" not in body and "https://" not in body and "@import" not in body, name
        assert all(url.startswith('"/assets/') for url in re.findall(r"url\(([^)]*)\)", body)), name  # local only


async def test_the_pages_bring_their_own_font_with_every_vietnamese_letter(client):
    """A projector laptop may lack a Vietnamese font: the hall's server serves one (DejaVu Sans) to its pages."""
    from fontTools.ttLib import TTFont

    css = await (await client.get("/assets/style.css")).text()
    assert '@font-face { font-family: "Runsheet Sans"; src: url("/assets/DejaVuSans.ttf")' in css
    font = TTFont(io.BytesIO(await (await client.get("/assets/DejaVuSans.ttf")).read()))
    letters = set(font.getBestCmap())
    assert all(ord(ch) in letters for ch in "ĐđƠơƯưẠạẶặẸẹỆệỊịỌọỘộỢợỤụỰựỲỳỸỹÂâÊêÔôĂă")


@pytest.mark.parametrize("path", ["/assets/server.py", "/assets/../server.py", "/assets/%2e%2e/view.py", "/events/x",
                                  "/favicon.ico", "/projector/", "/static/hall.js", "/assets/"])
async def test_anything_else_is_404(client, path):
    assert (await client.get(path)).status == 404


async def test_the_stream_starts_with_the_view(client):
    async with client.get("/events") as stream:
        assert stream.headers["Content-Type"] == "text/event-stream"
        view = await asyncio.wait_for(next_view(stream), REACH)
        assert view["headline"] == "Khai mạc" and view["step"]["allotted"] == 600


async def test_each_change_reaches_the_stream_within_a_second(client, session):
    async with client.get("/events") as stream:
        first = await asyncio.wait_for(next_view(stream), REACH)
        assert first["figures"].startswith("Đảng viên chính thức có mặt: 0 / 3")
        view, took = await view_after(stream, lambda: session.attendance.check_in("A1"),
                                       lambda v: v["figures"].startswith("Đảng viên chính thức có mặt: 1 / 3"))
        assert took < REACH
        session.agenda.next_step()  # bao-cao: its speakers
        session.speaking.add_speaker("Nguyễn Văn Khải", "Phó Bí thư Đảng ủy")
        view, took = await view_after(stream, session.speaking.start_speech, lambda v: v["speech"] is not None)
        assert view["speech"]["name"] == "Nguyễn Văn Khải" and took < REACH
        await asyncio.to_thread(session.speaking.end_speech)
        await asyncio.to_thread(elect, session)
        view, took = await view_after(stream, lambda: session.voting.publish_round("chi-uy"),
                                      lambda v: v["result"] is not None)
        assert [c["elected"] for c in view["result"]["candidates"]] == [True, True, False] and took < REACH
        view, took = await view_after(stream, lambda: session.hall.message("Xin đồng chí kết thúc", True, "all"),
                                      lambda v: v["hall"]["projector"] is not None)
        assert view["hall"]["projector"]["text"] == view["hall"]["podium"]["text"] == "Xin đồng chí kết thúc"
        assert took < REACH


async def test_every_client_gets_the_change(client, session):
    streams = [await client.get("/events") for _ in range(5)]
    try:
        for stream in streams:
            await asyncio.wait_for(next_view(stream), REACH)
        await asyncio.to_thread(session.hall.blank, "projector")
        for stream in streams:
            assert (await asyncio.wait_for(next_view(stream), REACH))["hall"]["projector"]["blank"]
    finally:
        for stream in streams:
            stream.close()


async def test_ballots_of_a_count_send_nothing_the_hall_would_not_see(client, session, monkeypatch):
    for member in ("A1", "A2", "A3"):
        session.attendance.check_in(member)
    session.voting.open_round("chi-uy")
    async with client.get("/events") as stream:
        first = await asyncio.wait_for(next_view(stream), REACH)
        while not first["figures"].startswith("Đảng viên chính thức có mặt: 3 / 3"):  # the check-ins, once read
            first = await asyncio.wait_for(next_view(stream), REACH)
        for struck in ({3}, {3}, {2}):
            await asyncio.to_thread(session.voting.enter_ballot, "chi-uy", Reading(frozenset(struck)))
        with pytest.raises(TimeoutError):  # a tally being counted is not the hall's: no view is sent for it
            await asyncio.wait_for(next_view(stream), 3 * server.READ_EVERY + 0.5)
        monkeypatch.setattr(server, "CODE_EVERY", 0.0)  # the footer's code (the log's head) alone, when due
        view = await asyncio.wait_for(next_view(stream), REACH)
        head = {"code": 0, "seq": 0, "now": 0}
        assert view["code"] != first["code"] and {**view, **head} == {**first, **head}


def qr_path(url: str) -> str:
    return "".join(f"M{x},{y}h1v1h-1z" for y, row in enumerate(qr_matrix(url)) for x, dark in enumerate(row) if dark)


@pytest.mark.parametrize(("host", "url"), [("192.168.1.20:8080", "http://192.168.1.20:8080/"),
                                           ("hoitruong.local", "http://hoitruong.local/"),
                                           ('x"><script>alert(1)</script>', "http://127.0.0.1/")])
async def test_the_projector_links_the_delegates_page_at_the_address_it_was_reached_at(client, host, url):
    page = await (await client.get("/projector", headers={"Host": host})).text()
    assert f'aria-label="{url}"' in page and f'<div id="qr-url">{url}</div>' in page
    assert f'<path d="{qr_path(url)}"' in page  # the code itself, drawn from the server's matrix
    assert "<script>alert" not in page

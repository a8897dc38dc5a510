"""The congress documents declared in the scenario (`[[document]] id, title, file`): copied beside the store at
`new`, listed on the delegates' page and served by their id alone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer
from cdp import Browser, available

from runsheet.commands import create
from runsheet.errors import InputError
from runsheet.hall.server import Hall, build_app
from runsheet.hall.view import hall_view

DATA = Path(__file__).resolve().parents[1] / "data"
SHOTS = Path(__file__).resolve().parent / "screenshots"
REPORT = b"%PDF-1.4 bao cao chinh tri\n"
DOCUMENTS = """
[[document]]
id = "bao-cao"
title = "Báo cáo chính trị trình Đại hội"
file = "tai-lieu/Bao cao chinh tri.PDF"

[[document]]
id = "du-thao"
title = "Dự thảo Nghị quyết"
file = "du-thao.txt"
"""


def scenario(folder: Path, documents: str = DOCUMENTS) -> Path:
    (folder / "tai-lieu").mkdir(exist_ok=True)
    (folder / "tai-lieu" / "Bao cao chinh tri.PDF").write_bytes(REPORT)
    (folder / "du-thao.txt").write_text("Dự thảo Nghị quyết Đại hội\n", encoding="utf-8")
    path = folder / "scenario.toml"
    path.write_text((DATA / "mini.toml").read_text(encoding="utf-8") + documents, encoding="utf-8")
    shutil.copyfile(DATA / "mini-roster.csv", folder / "roster.csv")
    return path


@pytest.fixture
def store(tmp_path, clock) -> Path:
    db = tmp_path / "store" / "congress.json"
    db.parent.mkdir()
    create(str(db), str(scenario(tmp_path)), str(tmp_path / "roster.csv"), clock=clock, terminal="test:1",
           congress_date="2025-06-01")
    return db


def test_new_copies_each_document_beside_the_store_as_its_id(store):
    copies = Path(f"{store}.documents")
    assert sorted(p.name for p in copies.iterdir()) == ["bao-cao.pdf", "du-thao.txt"]
    assert (copies / "bao-cao.pdf").read_bytes() == REPORT


def test_a_missing_file_is_refused_and_nothing_is_written(tmp_path, clock):
    path = scenario(tmp_path, DOCUMENTS.replace("du-thao.txt", "khong-co.docx"))
    db = tmp_path / "congress.json"
    with pytest.raises(InputError, match="document du-thao: no file khong-co.docx"):
        create(str(db), str(path), str(tmp_path / "roster.csv"), clock=clock)
    assert not db.exists() and not Path(f"{db}.documents").exists()


@pytest.mark.parametrize("file", ["../ngoai.pdf", "/etc/passwd", "tai-lieu/../../x.pdf", "C:/x.pdf"])
def test_a_file_outside_the_scenarios_folder_is_refused(tmp_path, clock, file):
    path = scenario(tmp_path, DOCUMENTS.replace("du-thao.txt", file))
    with pytest.raises(InputError, match="file must be a path inside the scenario's folder"):
        create(str(tmp_path / "congress.json"), str(path), str(tmp_path / "roster.csv"), clock=clock)


async def test_the_phones_list_them_and_get_them_by_id_only(store, clock):
    hall = Hall(str(store), now=clock)
    assert hall_view(hall.follower.state, clock())["documents"] == [
        {"id": "bao-cao", "title": "Báo cáo chính trị trình Đại hội"}, {"id": "du-thao", "title": "Dự thảo Nghị quyết"}]
    async with TestClient(TestServer(build_app(hall))) as client:
        response = await client.get("/documents/bao-cao")
        assert response.status == 200 and await response.read() == REPORT
        assert response.content_type == "application/pdf"
        assert response.headers["Content-Disposition"] == 'inline; filename="bao-cao.pdf"'
        text = await client.get("/documents/du-thao")
        assert (await text.read()).decode("utf-8") == "Dự thảo Nghị quyết Đại hội\n"
        for path in ("/documents/bao-cao.pdf", "/documents/nope", "/documents/..%2Fcongress.json",
                     "/documents/", "/documents/tai-lieu/Bao%20cao%20chinh%20tri.PDF"):
            assert (await client.get(path)).status == 404, path
        page = await (await client.get("/")).text()
        assert 'id="documents"' in page


@pytest.mark.skipif(available() is not None, reason=available() or "")
async def test_the_phone_page_links_them(store, clock):
    server = TestServer(build_app(Hall(str(store), now=clock)), host="127.0.0.1")
    await server.start_server()
    browser = Browser()
    try:
        await browser.start(390, 844)
        await browser.size(390, 844, mobile=True)
        served = f"http://127.0.0.1:{server.port}"
        await browser.open(served + "/")
        await browser.wait_for("document.querySelectorAll('#document-list li').length === 2", 10)
        assert await browser.evaluate("document.querySelector('#document-list a').getAttribute('href')") \
            == "/documents/bao-cao"
        assert await browser.evaluate("document.getElementById('documents-head').textContent") == "Tài liệu Đại hội"
        await browser.evaluate("document.getElementById('documents').scrollIntoView()")
        await browser.screenshot(SHOTS / "phone-documents-390x844.png")
    finally:
        await browser.close()
        await server.close()

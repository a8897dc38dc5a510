"""The badge sheet: one self-contained HTML file whose QR codes, as drawn, scan back into valid badges.

The QR codes are decoded from the rendered SVG (our own rasteriser of its path) and, when Debian's chromium is
installed, from a real browser's screenshot of the page; both are read by zxing-cpp, not by the encoder.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import numpy as np
import pytest
import zxingcpp

from runsheet.clock import FakeClock
from runsheet.commands import Session, create
from runsheet.rules import badge

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = ROOT / "scenarios" / "chi-bo.toml"
ROSTER = ROOT / "data" / "demo-roster.csv"
ODD_NAME = 'Đỗ "Út" <Văn> & Tí'  # a name that must be escaped
ENV = {**os.environ, "PYTHONUTF8": "1", "PYTHONIOENCODING": "utf-8"}

SECTION = re.compile(r'<section class="badge" data-member="([^"]*)">(.*?)</section>', re.S)
SVG = re.compile(r'<svg\b([^>]*)>(.*?)</svg>', re.S)
VIEWBOX = re.compile(r'viewBox="0 0 (\d+) (\d+)"')
PATH = re.compile(r'<path d="([^"]*)"')
SQUARE = re.compile(r"M(\d+),(\d+)h1v1h-1z")
SCALE = 8  # pixels per module when rasterising


@pytest.fixture
def session(tmp_path, start_moment) -> Session:
    s = create(str(tmp_path / "congress.json"), str(SCENARIO), str(ROSTER), clock=FakeClock(start_moment),
               terminal="test:1", congress_date="2025-06-01")
    s.attendance.add_member("DV21", ODD_NAME, "probationary")
    return s


@pytest.fixture
def sheet(session) -> str:
    from runsheet.reports.badges import badges_html

    return badges_html(session.state, "vi")


def sections(text: str) -> list[tuple[str, str]]:
    return [(html.unescape(member), body) for member, body in SECTION.findall(text)]


def rasterise(svg: str) -> np.ndarray:
    """The SVG's path of unit squares as a grey image: white background, black modules, SCALE px each."""
    attributes, body = SVG.search(svg).groups()
    width, height = map(int, VIEWBOX.search(attributes).groups())
    assert width == height
    paths = PATH.findall(body)
    assert len(paths) == 1
    d = paths[0]
    assert re.fullmatch(rf"(?:{SQUARE.pattern})+", d), "the path is not made of unit squares only"
    image = np.full((width * SCALE, width * SCALE), 255, dtype=np.uint8)
    for x, y in SQUARE.findall(d):
        x, y = int(x), int(y)
        assert 0 <= x < width and 0 <= y < width
        image[y * SCALE:(y + 1) * SCALE, x * SCALE:(x + 1) * SCALE] = 0
    return image


def decode(image: np.ndarray) -> list:
    return [r for r in zxingcpp.read_barcodes(image) if r.valid and "QR" in str(r.format)]


def valid_for(session: Session, text: str) -> str | None:
    """The member a scanned text names, if it is a valid badge of this congress."""
    state = session.state
    scan = badge.read(text, state.badge_secret, state.congress_id, state.roster.by_id)
    return scan.member_id if scan.problem is None else None


# ---- the HTML -----------------------------------------------------------------------------------------------

def test_one_self_contained_file(sheet):
    lowered = sheet.lower()
    for tag in ("<script", "<img", "<link", "<iframe", "<object", "<embed", "@import", "url("):
        assert tag not in lowered, tag
    assert not re.search(r"\b(?:src|href)\s*=", lowered)
    # the only URL allowed is the SVG namespace name, which no browser fetches
    assert not re.findall(r"https?://", sheet.replace('xmlns="http://www.w3.org/2000/svg"', ""))
    assert sheet.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in sheet
    assert re.search(r"@page\s*\{[^}]*size:\s*A4\b", sheet)


def test_one_badge_per_member_in_vietnamese_name_order(session, sheet):
    found = sections(sheet)
    assert sheet.count('<section class="badge"') == len(found) == len(session.state.roster) == 21
    assert [member for member, _ in found] == [m.id for m in session.state.roster.sorted()]
    # the sheet is not in the file's order, and given names run a, ă, â, b, ... (diacritics folded away)
    assert [member for member, _ in found] != [m.id for m in session.state.roster]

    def initial(member_id: str) -> str:
        given = session.state.roster.get(member_id).name.split()[-1]
        return unicodedata.normalize("NFD", given)[0].lower().replace("đ", "d")
    initials = [initial(member) for member, _ in found]
    assert initials == sorted(initials)
    for member, body in found:
        name = session.state.roster.get(member).name
        assert f'<div class="name">{html.escape(name)}</div>' in body


def test_names_are_escaped(sheet):
    assert html.escape(ODD_NAME) in sheet
    assert "<Văn>" not in sheet and '"Út"' not in sheet
    assert "đảng viên dự bị" in sheet.lower()


def test_every_qr_code_as_drawn_decodes_to_its_members_badge(session, sheet):
    found = sections(sheet)
    assert found
    for member, body in found:
        assert len(SVG.findall(body)) == 1
        image = rasterise(body)
        # a quiet zone of at least four white modules on every side, as the QR standard asks
        dark_rows, dark_cols = np.nonzero(image == 0)
        n = image.shape[0] // SCALE
        assert min(dark_rows.min(), dark_cols.min()) >= 4 * SCALE
        assert max(dark_rows.max(), dark_cols.max()) < (n - 4) * SCALE
        results = decode(image)
        assert len(results) == 1, member
        text = results[0].text
        assert text == session.state.badge_payload(member)
        events = session.attendance.scan(text).events
        assert [(e.type, e.data) for e in events] == [("member.attended", {"member": member, "via": "badge"})]
    assert session.state.attendance.here == set(session.state.roster.by_id)


def test_a_damaged_drawing_does_not_decode_to_a_badge(session, sheet):
    """The decoder reads what is drawn: blank out the top-left finder pattern and nothing valid comes back."""
    member, body = sections(sheet)[0]
    image = rasterise(body)
    image[4 * SCALE:11 * SCALE, 4 * SCALE:11 * SCALE] = 255
    image[14 * SCALE:, 14 * SCALE:] = 255 - image[14 * SCALE:, 14 * SCALE:]
    assert all(valid_for(session, r.text) is None for r in zxingcpp.read_barcodes(image))


# ---- a real browser -----------------------------------------------------------------------------------------

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars"]
# the screen layout (badges.py CSS): a 10 mm top padding, rows of 54 mm with 3 mm gaps, two badges a row;
# at 96 px per inch, 8 whole rows fit in a 1754 px high window
FIRST_SCREEN = 16


@pytest.fixture
def chromium() -> str:
    path = shutil.which("chromium")
    if path is None:
        pytest.skip("Debian's chromium is not installed: apt-get install chromium")
    return path


def run_chromium(chromium: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    proc = subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc


def test_a_browser_screenshot_scans(chromium, session, sheet, tmp_path):
    from PIL import Image

    page = tmp_path / "badges.html"
    page.write_text(sheet, encoding="utf-8")
    png = tmp_path / "badges.png"
    run_chromium(chromium, tmp_path / "profile", "--window-size=1240,1754", f"--screenshot={png}",
                 page.as_uri())
    image = np.asarray(Image.open(png).convert("L"))
    assert image.shape == (1754, 1240)
    results = decode(image)
    members = [valid_for(session, r.text) for r in results]
    assert None not in members, [r.text for r in results]
    assert len(set(members)) == len(members)
    # in reading order, the badges on screen are the first ones of the sheet
    ordered = [m for _, m in sorted(zip(((r.position.top_left.y // 50, r.position.top_left.x) for r in results),
                                        members, strict=True))]
    expected = [m.id for m in session.state.roster.sorted()]
    assert len(ordered) >= min(FIRST_SCREEN, len(expected))
    assert ordered == expected[:len(ordered)]


def test_a_browser_prints_the_sheet_to_pdf(chromium, sheet, tmp_path):
    page = tmp_path / "badges.html"
    page.write_text(sheet, encoding="utf-8")
    pdf = tmp_path / "badges.pdf"
    run_chromium(chromium, tmp_path / "profile", f"--print-to-pdf={pdf}", page.as_uri())
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    assert len(data) > 20_000
    # 21 badges at 8 a page (two columns of four 54 mm rows on A4 less 10 mm margins)
    assert re.search(rb"/Count 3\b", data), re.findall(rb"/Count \d+", data)


# ---- the command line ---------------------------------------------------------------------------------------

def run_cli(*args) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "run.py", *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", env=ENV, timeout=120)
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout, proc.stderr
    return proc


def test_cli_writes_the_sheet(session, tmp_path):
    out = tmp_path / "the badges.html"
    proc = run_cli("badges", "--db", session.path, "--out", out)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert "21" in proc.stdout and str(out) in proc.stdout
    text = out.read_text(encoding="utf-8")
    assert [m for m, _ in sections(text)] == [m.id for m in session.state.roster.sorted()]
    assert html.escape(ODD_NAME) in text


def test_cli_refuses_an_unknown_store(tmp_path):
    out = tmp_path / "badges.html"
    proc = run_cli("badges", "--db", tmp_path / "nowhere.json", "--out", out)
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    lines = proc.stderr.strip("\n").split("\n")
    assert len(lines) == 1 and "nowhere.json" in lines[0], proc.stderr
    assert not out.exists()
    assert not (tmp_path / "nowhere.json").exists()


def test_with_the_halls_address_every_badge_links_the_delegates_page(session, tmp_path):
    """Issue 16: the delegates' QR code on the badges (--hall): a small code to the hall's page for phones beside the
    check-in code, which stays the one the desk's scanner reads (larger, and the only badge payload)."""
    import sys

    from runsheet.reports.badges import badges_html

    url = "http://192.168.1.10:8080/"
    sheet = badges_html(session.state, "vi", url)
    halls = re.findall(r'<div class="hall" data-hall="([^"]+)">(<svg.*?</svg>)', sheet)
    assert len(halls) == len(session.state.roster) and {h for h, _ in halls} == {url}
    assert [r.text for r in decode(rasterise(halls[0][1]))] == [url]
    assert "quét mã này" in sheet and len(re.findall(r'<div class="qr">', sheet)) == len(session.state.roster)
    root = Path(__file__).resolve().parents[2]
    refused = subprocess.run([sys.executable, "run.py", "badges", "--db", session.path, "--out", tmp_path / "b.html",
                              "--hall", "javascript:alert(1)"], cwd=root, capture_output=True, text=True, timeout=60)
    assert refused.returncode == 2 and "--hall" in refused.stderr and not (tmp_path / "b.html").exists()

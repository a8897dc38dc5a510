"""A printable A4 sheet of badges: name, status and a QR code carrying the signed badge payload.

One self-contained HTML file with inline SVG (no images, no scripts), so it prints the same from any browser.
"""

from __future__ import annotations

import html
from pathlib import Path

import qrcode
from qrcode.constants import ERROR_CORRECT_M

from ..qr import QUIET
from ..qr import qr_svg as svg
from ..store.state import CongressState
from ..texts import say
from ..rules.roster import Member
from .document import clean


def sheet_mask(payload: str) -> int:
    """The mask the penalty rule picks for one badge, used for every badge of the sheet: their payloads have one
    shape (the same length, digits and an id), any of the eight masks makes a valid code, and choosing once rather
    than per badge makes a sheet of 2,000 badges about six times faster."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=QUIET)
    code.add_data(payload)
    code.best_fit()
    return code.best_mask_pattern()


def qr_svg(text: str, size_mm: float = 30, mask: int | None = None) -> str:
    """The QR code as an inline SVG: one path of unit squares, crisp at any scale."""
    return svg(text, f"{size_mm}mm", mask)


def _status(member: Member, kind: str, lang: str) -> str:
    if kind == "delegates":
        return say("badge.alternate" if member.alternate else "badge.delegate", lang)
    return say("badge.official" if member.official else "badge.probationary", lang)


CSS = """
@page { size: A4 portrait; margin: 10mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; color: #000; }
.sheet { display: grid; grid-template-columns: repeat(2, 90mm); grid-auto-rows: 54mm; gap: 3mm 6mm;
         justify-content: center; }
.badge { border: 0.3mm dashed #888; padding: 3mm 4mm; display: grid; grid-template-columns: 1fr 31mm;
         gap: 2mm; break-inside: avoid; page-break-inside: avoid; overflow: hidden; }
.congress { grid-column: 1 / -1; font-size: 8.5pt; text-align: center; text-transform: uppercase;
            border-bottom: 0.3mm solid #000; padding-bottom: 1mm; line-height: 1.15; }
.who { display: flex; flex-direction: column; justify-content: center; }
.name { font-size: 15pt; font-weight: bold; line-height: 1.15; }
.status { font-size: 10.5pt; margin-top: 2mm; }
.id { font-size: 9pt; margin-top: 1mm; color: #333; }
.qr { display: flex; align-items: center; justify-content: center; }
.hall { display: flex; align-items: center; gap: 1.5mm; margin-top: 1.5mm; font-size: 7.5pt; line-height: 1.1; }
@media screen { body { background: #eee; } .sheet { background: #fff; width: 210mm; margin: 0 auto; padding: 10mm 0; } }
"""


HALL_QR_MM = 13  # the delegates' page: small, beside the check-in code's 30 mm, so the desk's scanner takes the big one


def badges_html(state: CongressState, lang: str, hall_url: str | None = None) -> str:
    """The badges; with hall_url, each also carries a small QR code to the delegates' page (the programme, the
    published results, the documents) on the hall's server (run.py hall)."""
    congress = state.scenario.congress
    cards = []
    members = state.roster.sorted()
    mask = sheet_mask(state.badge_payload(members[0].id)) if members else None
    hall = ""
    if hall_url:
        hall = (f'<div class="hall" data-hall="{html.escape(hall_url)}">{qr_svg(hall_url, HALL_QR_MM)}'
                f'<span>{html.escape(say("badge.hall", lang))}</span></div>')
    for member in members:
        payload = state.badge_payload(member.id)
        cards.append(
            f'<section class="badge" data-member="{html.escape(member.id)}">'
            f'<div class="congress">{html.escape(clean(congress.title))}</div>'
            f'<div class="who"><div class="name">{html.escape(clean(member.name))}</div>'
            f'<div class="status">{html.escape(_status(member, congress.kind, lang))}</div>'
            f'<div class="id">{html.escape(say("badge.id", lang))}: {html.escape(member.id)}</div>{hall}</div>'
            f'<div class="qr">{qr_svg(payload, mask=mask)}</div></section>')
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{html.escape(say('badge.title', lang))} — {html.escape(congress.title)}</title>"
            f"<style>{CSS}</style></head><body><main class=\"sheet\">\n" + "\n".join(cards)
            + "\n</main></body></html>\n")


def write_badges(state: CongressState, out: str, lang: str, hall_url: str | None = None) -> int:
    text = badges_html(state, lang, hall_url)
    Path(out).write_text(text, encoding="utf-8")
    return len(state.roster)

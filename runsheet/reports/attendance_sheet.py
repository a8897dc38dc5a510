"""The attendance sheet (danh sách đảng viên dự đại hội): the members summoned, in name order, with a column where
each signs on arrival; written as .docx and .md with the Party header the other documents have."""

from __future__ import annotations

import os

from ..errors import DomainError
from ..rules.attendance import Presence, presence
from ..rules.roster import Member
from ..store.state import CongressState
from ..texts import say
from .check_code import check_code_line
from .document import Document, Heading, Para, Signatures, Table, Title, header_for, to_docx, to_md, write_files

COLUMNS = ("sheet.col.no", "sheet.col.name", "sheet.col.note", "sheet.col.sign")
WIDTHS = (1.2, 5.5, 5.0, 4.3)  # TT narrow, the signature wide enough to sign in
ROW_HEIGHT = 1.0  # cm: room for a signature


class SheetNotWritten(DomainError):
    """The folder cannot be written (a DomainError: exit 2 on the command line, said on the screen)."""


def _note(member: Member, state: CongressState, lang: str) -> str:
    """What the desk should know when the member comes to sign: a standing flag, or an absence already recorded."""
    notes = []
    if member.exempt:
        notes.append(say("member.flag.exempt", lang))
    if member.transferred:
        notes.append(say("member.flag.transferred", lang))
    where = presence(member, state.attendance)
    if where is Presence.EXCUSED:
        notes.append(say("presence.excused", lang, reason=state.attendance.excused[member.id]))
    elif where is Presence.REPLACED:
        alternate = state.roster.get(state.attendance.replaced[member.id])
        notes.append(say("presence.replaced", lang, alternate=alternate.name if alternate else "?"))
    return "; ".join(notes)


def build_attendance_sheet(state: CongressState, lang: str) -> Document:
    congress = state.scenario.congress
    delegates = congress.kind == "delegates"
    summoned = [m for m in state.roster.sorted() if not m.suspended]  # the suspended are not summoned
    if delegates:
        groups = [("sheet.group.delegates", [m for m in summoned if not m.alternate]),
                  ("sheet.group.alternates", [m for m in summoned if m.alternate])]
    else:
        groups = [("sheet.group.official", [m for m in summoned if m.official]),
                  ("sheet.group.probationary", [m for m in summoned if not m.official])]
    day = state.agenda.starts_at.astimezone(state.zone).date()
    doc = Document()
    doc.add(header_for(congress, day, lang),
            Title(say("sheet.title.delegates" if delegates else "sheet.title.members", lang), congress.title))
    first, second = (len(members) for _, members in groups)
    doc.add(Para(say("sheet.total.delegates" if delegates else "sheet.total.members", lang, n=first + second,
                     first=first, second=second)))
    number = 0
    for heading, members in groups:
        if not members:
            continue
        rows = []
        for member in members:
            number += 1
            rows.append([str(number), member.name, _note(member, state, lang), ""])
        doc.add(Heading(say(heading, lang, n=len(members))),
                Table([say(c, lang) for c in COLUMNS], rows, align="clll", widths=WIDTHS, row_height=ROW_HEIGHT))
    doc.add(Signatures([(say("sheet.sign", lang), [])]), check_code_line(state, lang))
    return doc


def write_attendance_sheet(state: CongressState, out_dir: str, lang: str) -> list[str]:
    """Write the sheet as .docx and .md into out_dir (made if missing); the paths written."""
    doc = build_attendance_sheet(state, lang)
    stem = os.path.join(out_dir, say("sheet.file", lang))
    files = [(stem + ".docx", to_docx(doc)), (stem + ".md", to_md(doc).encode("utf-8"))]
    try:
        os.makedirs(out_dir, exist_ok=True)
        write_files(files)
    except OSError as exc:  # --out names a file, a folder we may not write, a full disk...
        raise SheetNotWritten("sheet.err.write", path=out_dir, problem=exc.strerror or exc) from None
    return [path for path, _ in files]

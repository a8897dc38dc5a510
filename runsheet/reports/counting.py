"""The counting minutes of a closed election round (biên bản kiểm phiếu) and its ballot entry log (nhật ký nhập
phiếu), written from the event log as .docx and .md (docs/rules.md, "The counting minutes").

The minutes carry the unit, the congress and its term; the regulations cited; the seats; the list in ballot order;
the counting committee; the official members summoned, present and absent; the ballots issued, collected, valid and
invalid (with the reasons); the votes and percent of D of every name in ballot order; the elected ranked by votes;
a tie or unfilled seats; the time of the close; the committee's signatures; and the round's digest (reports/digest.py)
as a QR code with its text printed under it, so that the paper can be checked against the store later.

The entry log lists every event of the round as the clerks' terminals wrote it: each ballot with its pass,
terminal, local time and reading, the ballots taken back, the corrections (a new reading of a ballot already entered;
the old one is named), the ballots the head of the committee settled, the count from the box and the close. It is
written as .md, and as .docx too up to LOG_DOCX_ROWS rows.
"""

from __future__ import annotations

import os

from ..errors import DomainError
from ..texts import pick, t
from ..rules.attendance import eligible
from ..rules.election import APPROVE, Reading, judge
from ..texts.formats import clock_text, local_number, local_percent, long_date
from ..store.events import Event
from ..store import events as ev
from ..store.digest_check import close_event, digest_of, state_before
from ..store.state import CongressState
from .document import (QR, Document, Heading, Para, Signatures, Table, Title, header_for,
                       to_docx, to_md, write_files)

BLANK = "………………………………"
# the national entry log (1,600 ballots, two passes, ~3,300 rows) takes about 0.3 s as .docx (document._add_rows);
# beyond this many rows the log is written as Markdown only
LOG_DOCX_ROWS = 20_000
TEXT: dict[str, tuple[str, str]] = {
    "file.minutes": ("{election}-vong-{round}-bien-ban-kiem-phieu", "{election}-round-{round}-counting-minutes"),
    "file.log": ("{election}-vong-{round}-nhat-ky-nhap-phieu", "{election}-round-{round}-ballot-entry-log"),
    "err.no_election": ("không có cuộc bầu {id!r} trong kịch bản", "no election {id!r} in the scenario"),
    "err.no_round": ("cuộc bầu {id!r} chưa có lần bầu nào: chưa có gì để lập biên bản kiểm phiếu",
                     "election {id!r} has had no round yet: there is nothing to write counting minutes of"),
    "err.no_such_round": ("cuộc bầu {id!r} không có lần bầu {n}", "election {id!r} has no round {n}"),
    "err.not_closed": ("lần bầu {n} của {id!r} chưa kết thúc kiểm phiếu: biên bản kiểm phiếu chỉ lập sau khi kết "
                       "thúc kiểm phiếu (F10 ở màn hình kiểm phiếu, hoặc run.py round close)",
                       "round {n} of {id!r} is not closed: counting minutes are written once the count is closed "
                       "(F10 on the counting screen, or run.py round close)"),
    # the counting minutes
    "title": ("BIÊN BẢN KIỂM PHIẾU", "COUNTING MINUTES"),
    "subtitle": ("{title}, lần bầu thứ {round}", "{title}, round {round}"),
    "term": (" nhiệm kỳ {term}", ", term {term}"),
    "basis": ("– Căn cứ Điều lệ Đảng Cộng sản Việt Nam;", "– Having regard to the Charter of the Communist Party "
              "of Vietnam;"),
    "basis.190": ("– Căn cứ Quy chế bầu cử trong Đảng ban hành kèm theo Quyết định số 190-QĐ/TW ngày 10/10/2024;",
                  "– Having regard to the Regulations on elections within the Party issued with Decision No. "
                  "190-QĐ/TW of 10/10/2024;"),
    "basis.04": ("– Căn cứ Hướng dẫn số 04-HD/TW ngày 31/12/2024.",
                 "– Having regard to Guidance No. 04-HD/TW of 31/12/2024."),
    "intro": ("Hôm nay, {date}{place}, Ban Kiểm phiếu {congress} đã tiến hành kiểm phiếu {what}, lần bầu thứ "
              "{round}.", "On {date}{place}, the counting committee of {congress} counted the ballots of: {what}, "
              "round {round}."),
    "at_place": (", tại {place}", ", at {place}"),
    "times": ("Phát phiếu (mở lần bầu) lúc {opened}; kết thúc kiểm phiếu lúc {closed}.",
              "Ballots issued (round opened) at {opened}; count closed at {closed}."),
    "on_day": ("{time}, {date}", "{time} on {date}"),
    "h.committee": ("I. BAN KIỂM PHIẾU", "I. THE COUNTING COMMITTEE"),
    "committee": ("Ban Kiểm phiếu gồm các đồng chí:", "The counting committee:"),
    "committee.blank": ("Ban Kiểm phiếu gồm các đồng chí (chưa ghi nhận trong runsheet: ghi tay):",
                        "The counting committee (not recorded in runsheet: write the names in):"),
    "head": ("Trưởng ban", "Head"),
    "member": ("Thành viên", "Member"),
    "h.list": ("II. SỐ LƯỢNG BẦU VÀ DANH SÁCH BẦU CỬ", "II. SEATS AND THE LIST OF CANDIDATES"),
    "seats": ("Số lượng bầu: {seats} đồng chí. Danh sách bầu cử gồm {n} đồng chí, theo thứ tự in trên phiếu bầu; "
              "hình thức phiếu: {form}.", "Seats to fill: {seats}. The list has {n} names, in the order printed on "
              "the ballot; ballot form: {form}."),
    "form.strike": ("gạch tên (danh sách nhiều hơn số lượng bầu)", "strike-out (more names than seats)"),
    "form.approve": ("đồng ý / không đồng ý", "agree / disagree"),
    "h.attendance": ("III. TÌNH HÌNH {WHO} DỰ BẦU CỬ", "III. ATTENDANCE AT THE VOTE"),
    "official": ("Tổng số {who} chính thức của {unit}: {total} đồng chí{apart}.",
                 "Full {who} of {unit}: {total}{apart}."),
    "apart": ("; trong đó sinh hoạt tạm thời nơi khác {transferred}, bị đình chỉ sinh hoạt đảng, bị khởi tố, truy tố, "
              "tạm giam {suspended}", "; of whom attached elsewhere {transferred}, suspended {suspended}"),
    "summoned": ("Số {who} chính thức được triệu tập: {n} đồng chí.", "Full {who} summoned: {n}."),
    "present": ("Số {who} chính thức có mặt lúc phát phiếu: {n} đồng chí.", "Full {who} present when the ballots "
                "were issued: {n}."),
    "present.close": ("Số {who} chính thức có mặt lúc kết thúc kiểm phiếu: {n} đồng chí.",
                      "Full {who} present when the count closed: {n}."),
    "d.changed": ("Lưu ý: D lúc phát phiếu là {opened}, lúc kết thúc kiểm phiếu là {closed} (tình hình {who} có thay "
                  "đổi trong khi bỏ phiếu, kiểm phiếu); kết quả tính theo D lúc kết thúc kiểm phiếu, số liệu trên "
                  "tính đến thời điểm đó.", "Note: D was {opened} when the ballots were issued and {closed} when "
                  "the count closed (attendance changed during the vote or the count); the result is measured "
                  "against D at the close, and the figures above are as of then."),
    "summoned.delegates": ("Tổng số đại biểu chính thức được triệu tập: {n} đồng chí.",
                           "Full delegates summoned: {n}."),
    "present.delegates": ("Số đại biểu có mặt lúc phát phiếu: {n} đồng chí{standing}.",
                          "Delegates present when the ballots were issued: {n}{standing}."),
    "present.delegates.close": ("Số đại biểu có mặt lúc kết thúc kiểm phiếu: {n} đồng chí{standing}.",
                                "Delegates present when the count closed: {n}{standing}."),
    "standing": (" (trong đó {n} đại biểu dự khuyết thay thế đại biểu chính thức vắng mặt)",
                 " (of whom {n} alternates standing in for absent delegates)"),
    "absent.delegates": ("Số đại biểu chính thức vắng mặt: {n} đồng chí (có đại biểu dự khuyết thay thế {replaced}; "
                         "vắng mặt suốt thời gian Đại hội, không có người thay thế {away}; chưa đến {awaited}; đã rời "
                         "Đại hội {left}).", "Full delegates absent: {n} (an alternate standing in {replaced}; absent "
                         "throughout with no alternate {away}; not arrived {awaited}; left the congress {left})."),
    "absent": ("Số {who} chính thức vắng mặt: {n} đồng chí (có lý do được Đại hội chấp thuận {excused}; không có lý "
               "do {unexcused}; miễn công tác và sinh hoạt đảng {exempt}; đã rời Đại hội {left}).",
               "Full {who} absent: {n} (with a reason the congress accepted {excused}; without one {unexcused}; "
               "exempt {exempt}; left the congress {left})."),
    "d": ("Tổng số {who} chính thức được triệu tập tính tỷ lệ bầu cử (D): {d} đồng chí. Người trúng cử phải được quá "
          "một nửa so với D, tức là từ {needed} phiếu bầu trở lên.",
          "Full {who} counted for the threshold (D): {d}. To be elected a candidate needs more than half of D, that "
          "is {needed} votes or more."),
    "who.members": ("đảng viên", "members"),
    "who.delegates": ("đại biểu", "delegates"),
    "h.ballots": ("IV. KẾT QUẢ KIỂM PHIẾU", "IV. THE COUNT"),
    "issued": ("Số phiếu phát ra: {n} phiếu.", "Ballots issued: {n}."),
    "collected": ("Số phiếu thu vào: {n} phiếu.", "Ballots collected: {n}."),
    "valid": ("Số phiếu hợp lệ: {n} phiếu.", "Valid ballots: {n}."),
    "invalid": ("Số phiếu không hợp lệ: {n} phiếu{reasons}.", "Invalid ballots: {n}{reasons}."),
    "reasons": (" (trong đó: {list})", " (of which: {list})"),
    "votes_intro": ("Số phiếu bầu cho từng đồng chí, theo thứ tự trong danh sách bầu cử:",
                    "Votes for each name, in the order of the list:"),
    "col.no": ("TT", "#"),
    "col.name": ("Họ và tên", "Name"),
    "col.votes": ("Số phiếu bầu", "Votes"),
    "col.votes.approve": ("Số phiếu đồng ý", "Votes (agree)"),
    "col.percent": ("Tỷ lệ % so với D = {d}", "% of D = {d}"),
    "col.result": ("Kết quả", "Result"),
    "mark.elected": ("Trúng cử", "Elected"),
    "mark.tied": ("Bằng phiếu", "Tied"),
    "h.result": ("V. KẾT QUẢ BẦU CỬ", "V. THE RESULT"),
    "elected_intro": ("Căn cứ Quy chế bầu cử trong Đảng, các đồng chí có tên sau đây có số phiếu bầu quá một nửa so "
                      "với D, trúng cử (xếp theo số phiếu bầu từ cao xuống thấp):",
                      "Under the Regulations on elections within the Party, elected (more than half of D), ranked by "
                      "votes:"),
    "elected_intro.plain": ("Các đồng chí có tên sau đây có số phiếu bầu quá một nửa so với D, trúng cử (xếp theo số "
                            "phiếu bầu từ cao xuống thấp):", "Elected (more than half of D), ranked by votes:"),
    "none_elected": ("Không có đồng chí nào trúng cử ở lần bầu này.", "Nobody was elected in this round."),
    "tied": ("Các đồng chí {names} có số phiếu bầu bằng nhau ({votes} phiếu) ở vị trí cuối, vượt quá số lượng còn lại "
             "nên chưa đồng chí nào trong số này trúng cử; Đại hội xem xét, quyết định bầu tiếp.",
             "{names} have equal votes ({votes}) for the last seat(s), more than the seats left: none of them is "
             "elected by this round; the congress decides whether to vote again."),
    "unfilled": ("Số lượng còn thiếu so với số lượng bầu: {n} đồng chí.", "Seats left unfilled: {n}."),
    "filled": ("Đã bầu đủ số lượng.", "Every seat is filled."),
    "closing": ("Việc kiểm phiếu kết thúc lúc {time} cùng ngày. Biên bản được Ban Kiểm phiếu thông qua và ký tên; kèm "
                "theo nhật ký nhập phiếu.", "The count closed at {time} the same day. These minutes were approved "
                "and signed by the counting committee; the ballot entry log is attached."),
    "sign.members": ("CÁC THÀNH VIÊN BAN KIỂM PHIẾU", "MEMBERS OF THE COUNTING COMMITTEE"),
    "sign.head": ("TRƯỞNG BAN KIỂM PHIẾU", "HEAD OF THE COUNTING COMMITTEE"),
    # the entry log
    "log.title": ("NHẬT KÝ NHẬP PHIẾU", "BALLOT ENTRY LOG"),
    "log.list": ("Danh sách trên phiếu bầu (số thứ tự dùng khi nhập phiếu):",
                 "The list on the ballot (the numbers used at entry):"),
    "log.passes": ("Số lượt nhập: {passes}. Mỗi máy nhập toàn bộ số phiếu thành một lượt; chỉ những phiếu mà các lượt "
                   "đọc giống nhau, hoặc được Trưởng Ban kiểm phiếu quyết định, mới được tính.",
                   "Entry passes: {passes}. Each terminal enters the whole stack as one pass; only ballots every pass "
                   "read the same way, or the head of the committee settled, are counted."),
    "log.one_pass": ("Số lượt nhập: 1.", "Entry passes: 1."),
    "log.col.seq": ("Sự kiện", "Event"),
    "log.col.time": ("Giờ", "Time"),
    "log.col.terminal": ("Máy nhập", "Terminal"),
    "log.col.pass": ("Lượt", "Pass"),
    "log.col.ballot": ("Phiếu số", "Ballot"),
    "log.col.reading": ("Nội dung đọc", "Reading"),
    "log.col.note": ("Kết luận, ghi chú", "Verdict, notes"),
    "log.opened": ("Mở lần bầu: phát ra {issued} phiếu; D = {d}", "Round opened: {issued} ballots issued; D = {d}"),
    "log.collected": ("Số phiếu thu vào (đếm từ hòm phiếu): {n}", "Ballots collected (counted from the box): {n}"),
    "log.closed": ("Kết thúc kiểm phiếu: thu vào {collected}; hợp lệ {valid}; không hợp lệ {invalid}",
                   "Count closed: collected {collected}; valid {valid}; invalid {invalid}"),
    "log.published": ("Công bố kết quả trước Đại hội", "Result announced to the congress"),
    "log.head": ("Trưởng ban", "Head"),
    "log.valid": ("hợp lệ", "valid"),
    "log.invalid": ("không hợp lệ: {reason}", "invalid: {reason}"),
    "log.correction": ("sửa lại (trước đó: {old})", "corrected (before: {old})"),
    "log.reentered": ("nhập lại sau khi rút", "entered again after being taken back"),
    "log.withdrawn": ("rút lại", "taken back"),
    "log.withdrawn_note": ("rút lại phiếu đã nhập ({old})", "the entry ({old}) was taken back"),
    "log.resolved": ("Trưởng Ban kiểm phiếu quyết định ({readings})", "settled by the head of the committee "
                     "({readings})"),
    "log.summary": ("Lượt {pass_no}: {n} phiếu, nhập trên máy {terminals}.",
                    "Pass {pass_no}: {n} ballots, entered on {terminals}."),
    "log.counts": ("Số lần sửa: {corrections}; số lần rút lại: {withdrawals}; số phiếu Trưởng ban quyết định: "
                   "{resolved}; số phiếu được tính: {counted}.",
                   "Corrections: {corrections}; taken back: {withdrawals}; settled by the head: {resolved}; "
                   "ballots counted: {counted}."),
    "log.digest": ("Mã đối chiếu của lần bầu: {digest}", "Digest of the round: {digest}"),
}


def _t(key: str, lang: str, /, **values: object) -> str:
    # whole numbers grouped as the language writes them: 1.600 đồng chí
    return pick(TEXT, key, lang, **{k: local_number(v, lang) if type(v) is int else v for k, v in values.items()})


TEXT["err.write"] = ("không ghi được biên bản kiểm phiếu vào {path}: {problem}",
                     "cannot write the counting minutes into {path}: {problem}")


class CountingMinutesError(DomainError):
    """Nothing to write counting minutes of: one line, exit status 2 on the command line, nothing written."""

    def text(self, lang: str) -> str:
        return _t(self.key, lang, **self.values)


def reason_text(reason: str | None, lang: str) -> str:
    if reason is None:
        return ""
    try:
        return t(f"reason.{reason}", lang)
    except KeyError:
        return reason  # the committee's own words


def reading_text(reading: Reading, form: str, lang: str) -> str:
    """A reading in words, the way the counting screen shows it."""
    def numbers(values) -> str:
        return " ".join(map(str, sorted(values)))

    parts = []
    if reading.struck:
        parts.append(t("count.disagree" if form == APPROVE else "count.struck", lang, numbers=numbers(reading.struck)))
    if reading.unclear:
        parts.append(t("count.unclear", lang, numbers=numbers(reading.unclear)))
    if not parts:
        parts.append(t("count.all_agree" if form == APPROVE else "count.nothing_struck", lang))
    if reading.invalid and reason_text(reading.invalid, lang):
        parts.append(reason_text(reading.invalid, lang))
    return "; ".join(parts)


# ---- choosing the round --------------------------------------------------------------------------------------------
def _round_events(events: list[Event], state: CongressState, election_id: str,
                  round_no: int | None) -> tuple[list[Event], Event, Event]:
    """(all events, the round's round.opened, its round.closed); refuses when there is nothing closed to report."""
    if election_id not in state.scenario.elections:
        raise CountingMinutesError("err.no_election", id=election_id)
    rounds = state.rounds.get(election_id, [])
    if not rounds:
        raise CountingMinutesError("err.no_round", id=election_id)
    if round_no is None:
        closed = [r for r in rounds if r.closed is not None]
        round_no = closed[-1].number if closed else rounds[-1].number
    if not 1 <= round_no <= len(rounds):
        raise CountingMinutesError("err.no_such_round", id=election_id, n=round_no)
    if rounds[round_no - 1].closed is None:
        raise CountingMinutesError("err.not_closed", id=election_id, n=round_no)
    closed_event = close_event(events, election_id, round_no)
    opened_event = next(e for e in reversed(events[:closed_event.seq])
                        if isinstance(e.payload, ev.RoundOpened) and e.payload.election == election_id
                        and e.payload.round == round_no)
    return events, opened_event, closed_event


# ---- the counting minutes ------------------------------------------------------------------------------------------
def _committee(state, events: list[Event], closed: Event) -> tuple[str | None, list[tuple[str, str]]]:
    """(the head's name, [(name, title)] of everyone, head first); the head is the one titled so, else the first.
    The committee that counted this round: as recorded when the count closed (a committee chosen later, for a later
    election or another day, did not count it), else as recorded now (recorded late: better than blank lines)."""
    people = next((list(e.payload.people) for e in reversed(events[:closed.seq])
                   if isinstance(e.payload, ev.OfficersSet) and e.payload.body == "counting"), None) \
        or state.officers.get("counting", [])
    if not people:
        return None, []
    def heads(title: str) -> bool:
        title = title.lower()
        return any(w in title for w in ("trưởng", "head", "chair")) and not title.startswith(("phó", "deputy", "vice"))

    index = next((i for i, p in enumerate(people) if heads(p.get("title") or "")), 0)
    ordered = [people[index], *people[:index], *people[index + 1:]]
    return ordered[0]["name"], [(p["name"], p.get("title") or "") for p in ordered]


def build_counting_minutes(events: list[Event], state: CongressState, election_id: str, lang: str,
                           round_no: int | None = None) -> Document:
    return _minutes(state, *_round_events(events, state, election_id, round_no), lang)


def _minutes(state: CongressState, events: list[Event], opened: Event, closed: Event, lang: str) -> Document:
    zone = state.zone
    result = closed.payload.result
    at_issue = state_before(events, opened.seq + 1)  # attendance when the ballots were issued
    congress = state.scenario.congress
    who = _t(f"who.{'delegates' if congress.kind == 'delegates' else 'members'}", lang)
    day = closed.at.astimezone(zone).date()
    title = result["title"]
    ballots = result["ballots"]
    d = result["denominator"]
    names = {c["id"]: c["name"] for c in result["candidates"]}
    votes_column = _t("col.votes.approve" if result["form"] == APPROVE else "col.votes", lang)

    doc = Document()
    doc.add(header_for(congress, day, lang),
            Title(_t("title", lang), _t("subtitle", lang, title=title, round=result["round"])))
    heading = congress.title
    if congress.term and congress.term not in heading:
        heading += _t("term", lang, term=congress.term)
    doc.add(Para(heading, bold=True, center=True))
    if congress.language == "vi":  # a Party congress (in either language); not a generic assembly's English scenario
        for key in ("basis", "basis.190", "basis.04"):
            doc.add(Para(_t(key, lang), italic=True))
    what = title[:1].lower() + title[1:] if lang == "vi" else title
    place = _t("at_place", lang, place=congress.place) if congress.place else ""
    doc.add(Para(_t("intro", lang, date=long_date(day, lang), place=place, congress=congress.title, what=what,
                    round=result["round"])))
    opened_text = clock_text(opened.at, zone, lang)
    if opened.at.astimezone(zone).date() != day:  # the vote before midnight, the count after it
        opened_text = _t("on_day", lang, time=opened_text, date=long_date(opened.at.astimezone(zone).date(), lang))
    doc.add(Para(_t("times", lang, opened=opened_text, closed=clock_text(closed.at, zone, lang))))

    doc.add(Heading(_t("h.committee", lang)))
    head, people = _committee(state, events, closed)
    if people:
        doc.add(Para(_t("committee", lang)))
        for number, (name, role) in enumerate(people, start=1):
            role = role or _t("head" if number == 1 else "member", lang)
            doc.add(Para(f"{number}. {name} – {role}"))
    else:
        doc.add(Para(_t("committee.blank", lang)))
        for number in range(1, 4):
            doc.add(Para(f"{number}. {BLANK} – {_t('head' if number == 1 else 'member', lang)}"))

    doc.add(Heading(_t("h.list", lang)))
    doc.add(Para(_t("seats", lang, seats=result["seats"], n=len(result["candidates"]),
                    form=_t(f"form.{result['form']}", lang))))
    doc.add(Table([_t("col.no", lang), _t("col.name", lang)],
                  [[str(c["no"]), c["name"]] for c in result["candidates"]], "cl"))

    doc.add(Heading(_t("h.attendance", lang, WHO=who.upper())))
    _attendance(doc, congress, at_issue, closed, events, d, result["needed"], who, lang)

    doc.add(Heading(_t("h.ballots", lang)))
    doc.add(Para(_t("issued", lang, n=ballots["issued"])), Para(_t("collected", lang, n=ballots["collected"])),
            Para(_t("valid", lang, n=ballots["valid"])))
    reasons = sorted(ballots.get("invalid_reasons", {}).items())
    listed = "; ".join(f"{reason_text(r, lang)}: {n}" for r, n in reasons)
    doc.add(Para(_t("invalid", lang, n=ballots["invalid"],
                    reasons=_t("reasons", lang, list=listed) if reasons else "")))
    doc.add(Para(_t("votes_intro", lang)))
    tied = set(result["tied"])
    doc.add(Table([_t("col.no", lang), _t("col.name", lang), votes_column,
                   _t("col.percent", lang, who=who, d=d), _t("col.result", lang)],
                  [[str(c["no"]), c["name"], local_number(c["votes"], lang), local_percent(c["percent"], lang),
                    _t("mark.elected", lang) if c["elected"] else _t("mark.tied", lang) if c["id"] in tied else ""]
                   for c in result["candidates"]], "clrrc"))

    doc.add(Heading(_t("h.result", lang)))
    by_id = {c["id"]: c for c in result["candidates"]}
    if result["elected"]:
        doc.add(Para(_t("elected_intro" if congress.language == "vi" else "elected_intro.plain", lang)))
        doc.add(Table([_t("col.no", lang), _t("col.name", lang), votes_column,
                       _t("col.percent", lang, who=who, d=d)],
                      [[str(rank), names[cid], local_number(by_id[cid]["votes"], lang),
                        local_percent(by_id[cid]["percent"], lang)]
                       for rank, cid in enumerate(result["elected"], start=1)], "clrr"))
    else:
        doc.add(Para(_t("none_elected", lang), bold=True))
    if result["tied"]:
        doc.add(Para(_t("tied", lang, names=", ".join(names[i] for i in result["tied"]),
                        votes=by_id[result["tied"][0]]["votes"])))
    doc.add(Para(_t("unfilled", lang, n=result["unfilled"]) if result["unfilled"] else _t("filled", lang)))
    doc.add(Para(_t("closing", lang, time=clock_text(closed.at, zone, lang))))

    digest = digest_of(events[0], closed).text()
    doc.add(QR(digest, t("digest.caption", lang)))
    members = [name for name, _ in people[1:]]
    doc.add(Signatures([(_t("sign.members", lang), members), (_t("sign.head", lang), [head] if head else [])]))
    return doc


def _attendance(doc: Document, congress, at_issue, closed: Event, events: list[Event], d: int, needed: int, who: str,
                lang: str) -> None:
    """The attendance at the vote, as when the ballots were issued; as at the close instead when D changed between
    the two (the result is measured against D at the close: the figures printed must add up to it)."""
    state, moment = at_issue, ""
    if at_issue.figures().denominator != d:
        state, moment = state_before(events, closed.seq), ".close"
    figures = state.figures()
    if congress.kind == "delegates":
        attendance = state.attendance
        summoned = [m for m in state.roster if eligible(m)]
        absent = [m for m in summoned if m.id not in attendance.here]
        arrived = attendance.arrived
        standing = sum(1 for a in attendance.replaced.values() if a in attendance.here)
        doc.add(Para(_t("summoned.delegates", lang, n=len(summoned))))
        doc.add(Para(_t("present.delegates" + moment, lang, n=figures.present_official,
                        standing=_t("standing", lang, n=standing) if standing else "")))
        doc.add(Para(_t("absent.delegates", lang, n=len(absent),
                        left=sum(1 for m in absent if m.id in arrived),
                        replaced=sum(1 for m in absent if m.id not in arrived and m.id in attendance.replaced),
                        away=sum(1 for m in absent if m.id not in arrived and m.id not in attendance.replaced
                                 and m.id in attendance.away),
                        awaited=sum(1 for m in absent if m.id not in arrived and m.id not in attendance.replaced
                                    and m.id not in attendance.away))))
    else:
        apart = _t("apart", lang, transferred=figures.transferred, suspended=figures.suspended) \
            if figures.transferred or figures.suspended else ""
        summoned = figures.official_total - figures.transferred - figures.suspended
        doc.add(Para(_t("official", lang, who=who, unit=congress.unit or congress.title, total=figures.official_total,
                        apart=apart)))
        doc.add(Para(_t("summoned", lang, who=who, n=summoned)))
        doc.add(Para(_t("present" + moment, lang, who=who, n=figures.present_official)))
        doc.add(Para(_t("absent", lang, who=who, n=summoned - figures.present_official,
                        excused=figures.absent_excused, unexcused=figures.absent_unexcused,
                        exempt=figures.exempt_absent, left=figures.left_official)))
    doc.add(Para(_t("d", lang, who=who, d=d, needed=needed), bold=True))
    if moment:
        doc.add(Para(_t("d.changed", lang, opened=at_issue.figures().denominator, closed=d, who=who), italic=True))


# ---- the ballot entry log ------------------------------------------------------------------------------------------
def build_entry_log(events: list[Event], state: CongressState, election_id: str, lang: str,
                    round_no: int | None = None) -> Document:
    return _entry_log(state, *_round_events(events, state, election_id, round_no), lang)


def _entry_log(state: CongressState, events: list[Event], opened: Event, closed: Event, lang: str) -> Document:
    start: ev.RoundOpened = opened.payload
    election_id = start.election
    zone = state.zone
    result = closed.payload.result
    number = result["round"]
    candidates, seats, passes = start.candidates, start.seats, start.passes
    form = result["form"]
    day = closed.at.astimezone(zone).date()

    doc = Document()
    doc.add(header_for(state.scenario.congress, day, lang),
            Title(_t("log.title", lang), _t("subtitle", lang, title=result["title"], round=number)),
            Para(state.scenario.congress.title, bold=True, center=True))
    doc.add(Para(_t("log.list", lang)))
    doc.add(Table([_t("col.no", lang), _t("col.name", lang)],
                  [[str(c["no"]), c["name"]] for c in result["candidates"]], "cl"))
    doc.add(Para(_t("log.passes", lang, passes=passes) if passes > 1 else _t("log.one_pass", lang)))

    def mine(event: Event) -> bool:
        p = event.payload
        return getattr(p, "election", None) == election_id and getattr(p, "round", None) == number

    def hms(event: Event) -> str:
        return event.at.astimezone(zone).strftime("%H:%M:%S")

    def verdict(reading: Reading) -> str:
        judged = judge(reading, len(candidates), seats)
        return _t("log.valid", lang) if judged.valid else _t("log.invalid", lang, reason=reason_text(judged.reason,
                                                                                                     lang))

    current: dict[tuple[int, int], Reading] = {}  # (pass, ballot) -> the reading standing now
    withdrawn: set[tuple[int, int]] = set()
    terminals: dict[int, list[str]] = {}
    corrections = withdrawals = resolved = 0
    rows = []
    window = [e for e in events[opened.seq - 1:] if mine(e)]
    for event in window:
        p = event.payload
        row = [str(event.seq), hms(event), event.terminal, "", "", "", ""]
        if isinstance(p, ev.RoundOpened):
            row[5] = _t("log.opened", lang, issued=p.issued, d=p.denominator)
        elif isinstance(p, ev.BallotEntered):
            key = (p.pass_no, p.ballot)
            reading = Reading(frozenset(p.struck), frozenset(p.unclear), p.invalid)
            notes = [verdict(reading)]
            if key in current:
                corrections += 1
                notes.append(_t("log.correction", lang, old=reading_text(current[key], form, lang)))
            elif key in withdrawn:
                notes.append(_t("log.reentered", lang))
            current[key] = reading
            withdrawn.discard(key)
            if event.terminal not in terminals.setdefault(p.pass_no, []):
                terminals[p.pass_no].append(event.terminal)
            row[3:] = [str(p.pass_no), str(p.ballot), reading_text(reading, form, lang), "; ".join(notes)]
        elif isinstance(p, ev.BallotWithdrawn):
            key = (p.pass_no, p.ballot)
            old = current.pop(key, None)
            withdrawn.add(key)
            withdrawals += 1
            row[3:] = [str(p.pass_no), str(p.ballot), _t("log.withdrawn", lang),
                       _t("log.withdrawn_note", lang, old=reading_text(old, form, lang) if old else "—")]
        elif isinstance(p, ev.BallotResolved):
            reading = Reading(frozenset(p.struck), frozenset(p.unclear), p.invalid)
            resolved += 1
            seen = "; ".join(f"{n}: {reading_text(current[(n, p.ballot)], form, lang)}"
                             for n in range(1, passes + 1) if (n, p.ballot) in current)
            row[3:] = [_t("log.head", lang), str(p.ballot), reading_text(reading, form, lang),
                       f"{verdict(reading)}; {_t('log.resolved', lang, readings=seen)}"]
        elif isinstance(p, ev.RoundCollected):
            row[5] = _t("log.collected", lang, n=p.collected)
        elif isinstance(p, ev.RoundClosed):
            b = p.result["ballots"]
            row[5] = _t("log.closed", lang, collected=b["collected"], valid=b["valid"], invalid=b["invalid"])
        elif isinstance(p, ev.RoundPublished):
            row[5] = _t("log.published", lang)
        else:
            continue
        rows.append(row)
    doc.add(Table([_t(f"log.col.{c}", lang) for c in ("seq", "time", "terminal", "pass", "ballot", "reading", "note")],
                  rows, "rclcrll"))
    for pass_no in range(1, passes + 1):
        standing = sum(1 for (p, _) in current if p == pass_no)
        doc.add(Para(_t("log.summary", lang, pass_no=pass_no, n=standing,
                        terminals=", ".join(terminals.get(pass_no, [])) or "—")))
    doc.add(Para(_t("log.counts", lang, corrections=corrections, withdrawals=withdrawals, resolved=resolved,
                    counted=result["ballots"]["collected"])))
    doc.add(Para(_t("log.digest", lang, digest=digest_of(events[0], closed).text())))
    head, _ = _committee(state, events, closed)
    doc.add(Signatures([(_t("sign.head", lang), [head] if head else [])]))
    return doc


def write_counting_minutes(events: list[Event], state: CongressState, election_id: str, out_dir: str, lang: str,
                           round_no: int | None = None) -> list[str]:
    """Write the counting minutes (.docx, .md) and the ballot entry log (.docx, .md) of a closed round into out_dir
    (made if missing); refuses, writing nothing, when the election is unknown or the round is not closed."""
    events, opened, closed = _round_events(events, state, election_id, round_no)
    minutes = _minutes(state, events, opened, closed, lang)
    entry_log = _entry_log(state, events, opened, closed, lang)
    number = closed.payload.round
    files: list[tuple[str, bytes]] = []
    stale: list[str] = []
    for key, doc in (("file.minutes", minutes), ("file.log", entry_log)):
        stem = os.path.join(out_dir, _t(key, lang, election=election_id, round=number))
        if doc is minutes or _rows(doc) <= LOG_DOCX_ROWS:
            files.append((stem + ".docx", to_docx(doc)))
        else:  # an earlier, shorter log of this round must not pass for this one
            stale.append(stem + ".docx")
        files.append((stem + ".md", to_md(doc).encode("utf-8")))
    try:
        os.makedirs(out_dir, exist_ok=True)
        write_files(files)  # all four documents or none
        for path in stale:
            if os.path.exists(path):
                os.unlink(path)
    except OSError as exc:  # --out names a file, a folder we may not write, a full disk...
        raise CountingMinutesError("err.write", path=out_dir, problem=exc.strerror or exc) from None
    paths = [path for path, _ in files]
    return paths


def _rows(doc: Document) -> int:
    return sum(len(block.rows) for block in doc.blocks if isinstance(block, Table))

"""The minutes of the congress (biên bản đại hội), written from the event log as .docx and .md."""

from __future__ import annotations

import os
from datetime import datetime

from ..errors import DomainError
from ..texts import pick
from ..rules.attendance import Presence, presence
from ..rules.roster import Member
from ..rules.collation import name_key
from ..texts.formats import clock_text, hhmm, local_number, local_percent, long_date
from ..rules.schedule import Status
from ..store.state import CongressState
from .document import (Document, Heading, Para, Signatures, Table, Title, header_for, to_docx,
                       to_md, write_files)

TEXT = {
    "title": ("BIÊN BẢN ĐẠI HỘI", "MINUTES OF THE CONGRESS"),
    "draft": ("DỰ THẢO", "DRAFT"),
    "file": ("bien-ban-dai-hoi", "minutes"),
    "h.time": ("I. THỜI GIAN, ĐỊA ĐIỂM", "I. TIME AND PLACE"),
    "opened": ("Đại hội khai mạc lúc {time}, {date}{place}.", "The congress opened at {time} on {date}{place}."),
    "at_place": (", tại {place}", ", at {place}"),
    "not_opened": ("Đại hội chưa khai mạc.", "The congress has not opened."),
    "h.present": ("II. THÀNH PHẦN THAM DỰ", "II. ATTENDANCE"),
    "members": ("Tổng số đảng viên của {unit}: {total} đồng chí ({official} chính thức, {probationary} dự bị).",
                "Members of {unit}: {total} ({official} full, {probationary} probationary)."),
    "delegates": ("Tổng số đại biểu chính thức được triệu tập: {official} đồng chí{alternates}.",
                  "Full delegates summoned: {official}{alternates}."),
    "alternates": ("; đại biểu dự khuyết: {n} đồng chí", "; alternates: {n}"),
    "here": ("Có mặt: {present} đồng chí ({official} đảng viên chính thức, {probationary} đảng viên dự bị).",
             "Present: {present} ({official} full members, {probationary} probationary)."),
    "here.delegates": ("Đại biểu có mặt: {present} đồng chí{standing}.", "Delegates present: {present}{standing}."),
    "standing": (" (trong đó {n} đại biểu dự khuyết thay thế đại biểu chính thức vắng mặt)",
                 " (of whom {n} alternates standing in for absent delegates)"),
    "replaced": ("Đại biểu dự khuyết thay thế đại biểu chính thức vắng mặt: {names}.",
                 "Alternates standing in for absent delegates: {names}."),
    "replaces": ("{alternate} thay đồng chí {delegate}", "{alternate} for {delegate}"),
    "left": ("Rời đại hội trước khi kết thúc: {n} đồng chí ({names}).", "Left before the end: {n} ({names})."),
    "excused": ("Vắng mặt có lý do được Đại hội chấp thuận: {n} đồng chí{names}.",
                "Absent with a reason the congress accepted: {n}{names}."),
    "unexcused": ("Vắng mặt không có lý do: {n} đồng chí{names}.", "Absent without a reason: {n}{names}."),
    "apart": ("Đảng viên miễn công tác và sinh hoạt đảng vắng mặt: {exempt}; sinh hoạt tạm thời nơi khác: "
              "{transferred}; bị đình chỉ sinh hoạt đảng, bị khởi tố, truy tố, tạm giam: {suspended}.",
              "Exempt members absent: {exempt}; attached elsewhere: {transferred}; suspended: {suspended}."),
    "denominator": ("Số đảng viên chính thức được triệu tập tính để biểu quyết và bầu cử (D): {d}; "
                    "quá một nửa là từ {majority} đồng chí trở lên.",
                    "Full members counted for votes and elections (D): {d}; more than half is {majority} or more."),
    "denominator.delegates": ("Số đại biểu chính thức được triệu tập tính để biểu quyết và bầu cử (D): {d}; "
                              "quá một nửa là từ {majority} đồng chí trở lên.",
                              "Full delegates counted for votes and elections (D): {d}; more than half is "
                              "{majority} or more."),
    "officers": ("{body}: {names}.", "{body}: {names}."),
    "not_recorded": ("(chưa ghi nhận)", "(not recorded)"),
    "body.presidium": ("Đoàn Chủ tịch", "Presidium"),
    "body.secretariat": ("Đoàn Thư ký", "Secretariat"),
    "body.counting": ("Ban Kiểm phiếu", "Counting committee"),
    "h.steps": ("III. DIỄN BIẾN ĐẠI HỘI", "III. PROCEEDINGS"),
    "col.no": ("TT", "#"),
    "col.step": ("Nội dung", "Item"),
    "col.who": ("Người trình bày", "Presenter"),
    "col.start": ("Bắt đầu", "Start"),
    "col.end": ("Kết thúc", "End"),
    "col.minutes": ("Số phút", "Minutes"),
    "skipped": ("(không tiến hành)", "(not held)"),
    "adhoc": ("(phát sinh)", "(ad hoc)"),
    "h.speeches": ("IV. Ý KIẾN PHÁT BIỂU", "IV. SPEECHES"),
    "no_speeches": ("Không có ý kiến phát biểu được ghi nhận.", "No speeches were recorded."),
    "speeches_at": ("{step}: {n} lượt phát biểu, tổng thời gian {time}.", "{step}: {n} {speeches}, {time} in all."),
    "col.speaker": ("Người phát biểu", "Speaker"),
    "col.duration": ("Thời gian", "Duration"),
    "col.notes": ("Nội dung chính", "Notes"),
    "h.motions": ("V. BIỂU QUYẾT", "V. VOTES"),
    "no_motions": ("Không có nội dung biểu quyết được ghi nhận.", "No votes were recorded."),
    "motion": ("{title}: tán thành {for_} ({pct}% so với D = {d}), không tán thành {against}, không biểu quyết "
               "{abstain}; có mặt {present} đảng viên chính thức. {verdict}",
               "{title}: for {for_} ({pct}% of D = {d}), against {against}, abstaining {abstain}; "
               "{present} full members present. {verdict}"),
    "adopted": ("Được thông qua.", "Adopted."),
    "rejected": ("Không được thông qua.", "Not adopted."),
    "revote": ("(biểu quyết lần {n})", "(vote {n})"),
    "h.elections": ("VI. KẾT QUẢ BẦU CỬ", "VI. ELECTION RESULTS"),
    "no_elections": ("Không có cuộc bầu cử nào được kết thúc kiểm phiếu.", "No election count was closed."),
    "round": ("{title}, lần {round}: số lượng bầu {seats}; phiếu phát ra {issued}, thu vào {collected}, "
              "hợp lệ {valid}, không hợp lệ {invalid}; D = {d}.",
              "{title}, round {round}: {seats} to elect; ballots issued {issued}, collected {collected}, "
              "valid {valid}, invalid {invalid}; D = {d}."),
    "col.candidate": ("Họ và tên", "Name"),
    "col.votes": ("Số phiếu", "Votes"),
    "col.percent": ("Tỷ lệ % so với D", "% of D"),
    "col.elected": ("Trúng cử", "Elected"),
    "elected": ("Trúng cử: {names}.", "Elected: {names}."),
    "none_elected": ("Không có đồng chí nào trúng cử ở lần bầu này.", "Nobody was elected in this round."),
    "tied": ("Số phiếu bằng nhau ở vị trí cuối: {names}.", "Tied for the last seat: {names}."),
    "unfilled": ("Còn thiếu {n} người so với số lượng bầu.", "Seats unfilled: {n}."),
    "unpublished": ("(kết quả chưa công bố trước Đại hội)", "(result not yet announced to the congress)"),
    "h.close": ("VII. BẾ MẠC", "VII. CLOSING"),
    "closed": ("Đại hội bế mạc lúc {time} cùng ngày.", "The congress closed at {time} the same day."),
    "closed_on": ("Đại hội bế mạc lúc {time}, {date}.", "The congress closed at {time} on {date}."),
    "not_closed": ("Đại hội chưa bế mạc (bản dự thảo lập lúc {time}).",
                   "The congress has not closed (draft written at {time})."),
    "approved": ("Biên bản được lập thành hai bản, đã đọc trước Đại hội và được Đại hội thông qua.",
                 "These minutes were read to the congress and approved."),
    "sign.chair": ("T/M ĐOÀN CHỦ TỊCH", "FOR THE PRESIDIUM"),
    "sign.secretary": ("THƯ KÝ ĐẠI HỘI", "SECRETARY"),
    "err.not_closed": ("Đại hội chưa bế mạc: biên bản chỉ lập sau khi bế mạc (run.py step end), hoặc dùng --draft "
                       "để in bản dự thảo", "the congress has not closed: the minutes are written after the closing "
                       "(run.py step end), or use --draft for a draft"),
    "err.round_open": ("vòng bầu {election} lần {round} chưa kết thúc kiểm phiếu", "round {round} of {election} is "
                       "still being counted"),
    "err.write": ("không ghi được biên bản vào {path}: {problem}", "cannot write the minutes into {path}: {problem}"),
    "duration.h": ("{h} giờ {m} phút", "{h} h {m} min"),
    "duration.hh": ("{h} giờ", "{h} h"),
    "duration.m": ("{m} phút", "{m} min"),
    "duration.ms": ("{m} phút {s} giây", "{m} min {s} s"),
    "duration.s": ("{s} giây", "{s} s"),
}


def _t(key: str, lang: str, /, **values: object) -> str:
    # whole numbers grouped as the language writes them: 1.600 đồng chí
    return pick(TEXT, key, lang, **{k: local_number(v, lang) if type(v) is int else v for k, v in values.items()})


class MinutesNotReady(DomainError):
    """Not in a state to report: a DomainError (exit 2 on the command line) with its own texts."""

    def text(self, lang: str) -> str:
        return _t(self.key, lang, **self.values)


def duration(seconds: float, lang: str = "vi") -> str:
    """A length of time in words ("6 phút 30 giây"): "6:30" beside the clock times of the steps reads as a time of
    day (a discussion "tổng thời gian 19:30" would read as half past seven in the evening)."""
    seconds = max(0, round(seconds))
    if seconds >= 3600 - 30:  # an hour or more: to the minute
        hours, minutes = divmod((seconds + 30) // 60, 60)
        return _t("duration.h", lang, h=hours, m=minutes) if minutes else _t("duration.hh", lang, h=hours)
    minutes, rest = divmod(seconds, 60)
    if minutes and rest:
        return _t("duration.ms", lang, m=minutes, s=rest)
    return _t("duration.m", lang, m=minutes) if minutes else _t("duration.s", lang, s=rest)


def check_ready(state: CongressState, draft: bool) -> None:
    if not draft and not state.agenda.ended:
        raise MinutesNotReady("err.not_closed")
    if not draft:
        for election in state.rounds:
            record = state.open_round(election)
            if record is not None:
                raise MinutesNotReady("err.round_open", election=election, round=record.number)


def build_minutes(state: CongressState, lang: str, now: datetime, draft: bool = False) -> Document:
    check_ready(state, draft)
    congress = state.scenario.congress
    starts = [r.actual_start for r in state.agenda.runs.values() if r.actual_start is not None]
    start = min(starts) if starts else None
    day = (start or now).astimezone(state.zone).date()
    doc = Document()
    title = _t("title", lang)
    doc.add(header_for(congress, day, lang),
            Title(f"{_t('draft', lang)} {title}" if draft else title, congress.title))

    doc.add(Heading(_t("h.time", lang)))
    place = _t("at_place", lang, place=congress.place) if congress.place else ""
    doc.add(Para(_t("opened", lang, time=clock_text(start, state.zone, lang), date=long_date(day, lang), place=place)
                 if start else _t("not_opened", lang)))

    _attendance(doc, state, lang)
    _steps(doc, state, lang, now)
    _speeches(doc, state, lang, now)
    _motions(doc, state, lang)
    _elections(doc, state, lang)

    doc.add(Heading(_t("h.close", lang)))
    ended = state.agenda.ended_at
    if ended is None:
        doc.add(Para(_t("not_closed", lang, time=clock_text(now, state.zone, lang))))
    elif ended.astimezone(state.zone).date() == day:
        doc.add(Para(_t("closed", lang, time=clock_text(ended, state.zone, lang))))
    else:  # a congress of more than one day, or one that ran past midnight
        doc.add(Para(_t("closed_on", lang, time=clock_text(ended, state.zone, lang),
                        date=long_date(ended.astimezone(state.zone).date(), lang))))
    doc.add(Para(_t("approved", lang)))
    presidium, secretariat = state.officer_names("presidium"), state.officer_names("secretariat")
    doc.add(Signatures([(_t("sign.secretary", lang), [_bare(n) for n in secretariat[:1]]),
                        (_t("sign.chair", lang), [_bare(n) for n in presidium[:1]])]))
    return doc


def _bare(name: str) -> str:
    return name.split(",")[0]


def _names(state: CongressState, ids, with_reason: bool = False) -> str:
    people = [state.roster.get(i) for i in ids]
    people = sorted((p for p in people if p is not None), key=lambda m: name_key(m.name))
    shown = [f"{p.name} ({state.attendance.excused[p.id]})" if with_reason and p.id in state.attendance.excused
             else p.name for p in people]
    return ", ".join(shown)


def _absent_kind(member: Member, state: CongressState) -> str | None:
    """Where an absent member is reported: "excused" or "unexcused" (listed by name), "apart" (counted on the line of
    the exempt, the attached elsewhere and the suspended), or None (an alternate not standing in: not expected)."""
    if member.alternate:
        return None
    if member.official and (member.transferred or member.suspended or member.exempt):
        return "apart"
    return "excused" if member.id in state.attendance.excused else "unexcused"


def _attendance(doc: Document, state: CongressState, lang: str) -> None:
    doc.add(Heading(_t("h.present", lang)))
    f = state.figures()
    congress = state.scenario.congress
    delegates = congress.kind == "delegates"
    attendance = state.attendance
    roster = list(state.roster.members)
    if delegates:
        alternates = sum(1 for m in roster if m.alternate)
        doc.add(Para(_t("delegates", lang, official=f.official_total,
                        alternates=_t("alternates", lang, n=alternates) if alternates else "")))
        standing = [(d, a) for d, a in attendance.replaced.items() if a in attendance.here]
        doc.add(Para(_t("here.delegates", lang, present=f.present_total,
                        standing=_t("standing", lang, n=len(standing)) if standing else "")))
        if attendance.replaced:
            pairs = [(state.roster.get(d), state.roster.get(a)) for d, a in attendance.replaced.items()]
            doc.add(Para(_t("replaced", lang, names="; ".join(
                _t("replaces", lang, alternate=a.name, delegate=d.name) for d, a in pairs if d and a))))
    else:
        doc.add(Para(_t("members", lang, unit=congress.unit or congress.title, total=f.members_total,
                        official=f.official_total, probationary=f.probationary_total)))
        doc.add(Para(_t("here", lang, present=f.present_total, official=f.present_official,
                        probationary=f.present_probationary)))
    # every member not in the room is reported once: left, excused, without a reason (recorded absent, or simply
    # never come: they still count in D), or on the line of the exempt, the attached elsewhere and the suspended
    away = [m for m in roster if m.id not in attendance.here]
    left = [m.id for m in away if presence(m, attendance) is Presence.LEFT]
    absent = [m for m in away if m.id not in attendance.left]
    excused = [m.id for m in absent if _absent_kind(m, state) == "excused"]
    unexcused = [m.id for m in absent if _absent_kind(m, state) == "unexcused"]
    if left:
        doc.add(Para(_t("left", lang, n=len(left), names=_names(state, left))))
    doc.add(Para(_t("excused", lang, n=len(excused),
                    names=f": {_names(state, excused, with_reason=True)}" if excused else "")))
    doc.add(Para(_t("unexcused", lang, n=len(unexcused), names=f": {_names(state, unexcused)}" if unexcused else "")))
    if not delegates or f.exempt_absent or f.transferred or f.suspended:
        doc.add(Para(_t("apart", lang, exempt=f.exempt_absent, transferred=f.transferred, suspended=f.suspended)))
    doc.add(Para(_t("denominator.delegates" if delegates else "denominator", lang, d=f.denominator,
                    majority=f.majority), bold=True))
    for body in ("presidium", "secretariat", "counting"):
        names = state.officer_names(body)
        doc.add(Para(_t("officers", lang, body=_t(f"body.{body}", lang),
                        names="; ".join(names) if names else _t("not_recorded", lang))))


def _steps(doc: Document, state: CongressState, lang: str, now: datetime) -> None:
    doc.add(Heading(_t("h.steps", lang)))
    rows = []
    moment = state.agenda.ended_at or now
    for number, row in enumerate(state.agenda.rows(moment), start=1):
        title = row.step.title + (f" {_t('adhoc', lang)}" if row.step.adhoc else "")
        if row.status is Status.SKIPPED:
            rows.append([str(number), f"{title} {_t('skipped', lang)}", row.step.who, "", "", ""])
            continue
        spent = state.agenda.runs[row.step.id].elapsed(moment) if row.actual_start else None
        rows.append([str(number), title, row.step.who, hhmm(row.actual_start, state.zone) if row.actual_start else "",
                     hhmm(row.actual_end, state.zone) if row.actual_end else "",
                     str(round(spent / 60)) if spent is not None else ""])
    doc.add(Table([_t("col.no", lang), _t("col.step", lang), _t("col.who", lang), _t("col.start", lang),
                   _t("col.end", lang), _t("col.minutes", lang)], rows, "lllccr"))


def _speeches(doc: Document, state: CongressState, lang: str, now: datetime) -> None:
    doc.add(Heading(_t("h.speeches", lang)))
    moment = state.agenda.ended_at or now
    any_given = False
    for step_id in state.agenda.order:
        given = [s for s in state.speeches.of_step(step_id) if s.started is not None]
        if not given:
            continue
        any_given = True
        total = state.speeches.step_total(step_id, moment)
        doc.add(Para(_t("speeches_at", lang, step=state.agenda.run(step_id).step.title, n=total.count,
                        speeches="speech" if total.count == 1 else "speeches", time=duration(total.seconds, lang)),
                     italic=True))
        doc.add(Table([_t("col.no", lang), _t("col.speaker", lang), _t("col.duration", lang), _t("col.notes", lang)],
                      [[str(i), s.label(), duration(s.elapsed(moment), lang), s.notes]
                       for i, s in enumerate(given, 1)],
                      "llcl"))
    if not any_given:
        doc.add(Para(_t("no_speeches", lang)))


def _motions(doc: Document, state: CongressState, lang: str) -> None:
    doc.add(Heading(_t("h.motions", lang)))
    recorded = False
    for motion_id, motion in state.scenario.motions.items():
        results = state.motions.get(motion_id, [])
        for number, r in enumerate(results, start=1):
            recorded = True
            title = motion.title + (f" {_t('revote', lang, n=number)}" if len(results) > 1 else "")
            doc.add(Para("– " + _t("motion", lang, title=title, for_=r.votes_for, against=r.against,
                                   abstain=r.abstain, present=r.present_official, d=r.denominator,
                                   pct=local_percent(r.percent_for, lang),
                                   verdict=_t("adopted" if r.adopted else "rejected", lang))))
    if not recorded:
        doc.add(Para(_t("no_motions", lang)))


def _elections(doc: Document, state: CongressState, lang: str) -> None:
    doc.add(Heading(_t("h.elections", lang)))
    closed_any = False
    for election_id in state.scenario.elections:
        for record in state.rounds.get(election_id, []):
            result = record.closed
            if result is None:
                continue
            closed_any = True
            ballots = result["ballots"]
            doc.add(Para(_t("round", lang, title=result["title"], round=result["round"], seats=result["seats"],
                            issued=ballots["issued"], collected=ballots["collected"], valid=ballots["valid"],
                            invalid=ballots["invalid"], d=result["denominator"]), bold=True))
            if not record.published:
                doc.add(Para(_t("unpublished", lang), italic=True))
            doc.add(Table([_t("col.no", lang), _t("col.candidate", lang), _t("col.votes", lang),
                           _t("col.percent", lang), _t("col.elected", lang)],
                          [[str(c["no"]), c["name"], local_number(c["votes"], lang), local_percent(c["percent"], lang),
                            "✓" if c["elected"] else ("=" if c["id"] in result["tied"] else "")]
                           for c in result["candidates"]], "llrrc"))
            names = {c["id"]: c["name"] for c in result["candidates"]}
            elected = [names[i] for i in result["elected"]]
            doc.add(Para(_t("elected", lang, names=", ".join(elected)) if elected else _t("none_elected", lang)))
            if result["tied"]:
                doc.add(Para(_t("tied", lang, names=", ".join(names[i] for i in result["tied"]))))
            if result["unfilled"]:
                doc.add(Para(_t("unfilled", lang, n=result["unfilled"])))
    if not closed_any:
        doc.add(Para(_t("no_elections", lang)))


def write_minutes(state: CongressState, out_dir: str, lang: str, now: datetime, draft: bool = False) -> list[str]:
    """Write the minutes as .docx and .md into out_dir (made if missing); refuses, writing nothing, if not ready."""
    doc = build_minutes(state, lang, now, draft)
    stem = os.path.join(out_dir, _t("file", lang) + ("-du-thao" if draft and lang == "vi" else
                                                     "-draft" if draft else ""))
    files = [(stem + ".docx", to_docx(doc)), (stem + ".md", to_md(doc).encode("utf-8"))]
    try:
        os.makedirs(out_dir, exist_ok=True)
        write_files(files)
    except OSError as exc:  # --out names a file, a folder we may not write, a full disk...
        raise MinutesNotReady("err.write", path=out_dir, problem=exc.strerror or exc) from None
    return [stem + ".docx", stem + ".md"]

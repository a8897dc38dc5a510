"""Documents as an office prints them (issue 17, first part): tables sized to their content with the header row
repeated and rows kept whole, page numbers from the second page, headings and the last words before the signatures
kept with what follows. Read back from the .docx's XML (rendering through LibreOffice comes with its PDF)."""

from __future__ import annotations

import io

from docx import Document as Docx
from docx.oxml.ns import qn

from runsheet.reports.document import (Document, Heading, Para, Signatures, Table, Title, content_widths,
                                       to_docx)


def test_numbers_stay_narrow_and_names_and_titles_get_the_room():
    columns = ["TT", "Nội dung", "Người trình bày", "Bắt đầu", "Kết thúc", "Phút"]
    rows = [[str(n), "Bầu Đoàn Chủ tịch, Đoàn Thư ký và Ban Kiểm phiếu", "Lê Thị Thu Hằng", "07:33", "07:37", "4"]
            for n in range(1, 27)]
    widths = content_widths(columns, rows, "lllccr")
    page = sum(widths)
    no, step, who, start, end, minutes = (w / page for w in widths)
    assert no < 0.08 and minutes < 0.1 and start < 0.12  # "TT" no longer takes what "Nội dung" needs (was 1/6)
    assert step > 0.35 and who > 0.2
    assert who * 72 >= 15 + 2.5  # a name of ordinary length (Lê Thị Thu Hằng) on one line, with the cell's margins


def test_a_table_too_wide_gives_back_room_but_never_below_its_longest_word():
    columns = ["TT", "Họ và tên", "Ghi chú"]
    rows = [["1", "Nguyễn Thị Phương Thảo", "x " * 80], ["2", "Trần Văn Bình", "Trưởng-ban-kiểm-phiếu-đại-hội"]]
    widths = content_widths(columns, rows, "cll")
    page = sum(widths)
    assert all(w / page * 72 >= least for w, least in zip(widths, (2, 9, 29)))


def docx_of(*blocks) -> Docx:
    return Docx(io.BytesIO(to_docx(Document().add(*blocks))))


def test_the_header_row_repeats_rows_never_split_and_widths_are_fixed():
    doc = docx_of(Table(["TT", "Họ và tên"], [[str(n), f"Đảng viên {n}"] for n in range(1, 300)], "cl"))
    table = doc.tables[0]
    rows = table._tbl.tr_lst
    assert rows[0].trPr.find(qn("w:tblHeader")) is not None
    assert all(tr.trPr is not None and tr.trPr.find(qn("w:cantSplit")) is not None for tr in rows)
    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    first, second = (tc.tcPr.tcW.w for tc in rows[5].tc_lst)
    assert first < second / 4  # the number column narrow on every row, not only the header


def test_page_numbers_from_the_second_page_centred_at_the_top():
    doc = docx_of(Title("BIÊN BẢN"), Para("…"))
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    assert "PAGE" in "".join(t.text for t in section.header._element.iter(qn("w:instrText")))
    assert not section.first_page_header.paragraphs[0].text
    assert round(section.left_margin.mm) in range(30, 36) and round(section.right_margin.mm) in range(15, 21)
    assert round(section.top_margin.mm) in range(20, 26) and round(section.bottom_margin.mm) in range(20, 26)


def test_headings_and_the_words_before_the_signatures_are_kept_with_what_follows():
    doc = docx_of(Heading("I. THỜI GIAN"), Para("Đại hội bế mạc lúc 11 giờ."),
                  Signatures([("THƯ KÝ", ["Phan Thị Hòa"]), ("CHỦ TỊCH", ["Trần Mạnh Hùng"])]))
    heading, closing = doc.paragraphs[0], doc.paragraphs[1]
    assert heading.paragraph_format.keep_with_next and closing.paragraph_format.keep_with_next
    assert doc.tables[0]._tbl.tr_lst[0].trPr.find(qn("w:cantSplit")) is not None


def test_under_a_table_the_last_row_is_kept_with_the_signatures():
    doc = docx_of(Table(["TT", "Họ và tên", "Ký tên"], [[str(n), f"Đảng viên {n}", ""] for n in range(1, 40)], "cll"),
                  Signatures([("NGƯỜI LẬP DANH SÁCH", [])]))
    rows = doc.tables[0].rows
    assert all(p.paragraph_format.keep_with_next for cell in rows[-1].cells for p in cell.paragraphs)
    assert not any(p.paragraph_format.keep_with_next for cell in rows[-2].cells for p in cell.paragraphs)

"""The tally drawn as lines of text: one line per name in ballot order, the line of votes needed, elected and tied
marked; on a narrow panel the bars give way before the names."""

from __future__ import annotations

from rich.cells import cell_len

from runsheet.ui.widgets.tally_bars import BAR, MIN_BAR, tally_text


def result(names: list[str], votes: list[int], d: int, seats: int, tied=()) -> dict:
    elected = sorted(range(len(names)), key=lambda i: -votes[i])[:seats]
    return {"denominator": d, "needed": d // 2 + 1, "closed": False, "tied": list(tied),
            "candidates": [{"no": i + 1, "id": f"C{i + 1}", "name": n, "votes": v, "percent": f"{100 * v / d:.2f}",
                            "elected": i in elected and 2 * v > d and f"C{i + 1}" not in tied}
                           for i, (n, v) in enumerate(zip(names, votes))]}


def test_one_line_a_name_with_the_needed_line_and_the_marks():
    lines = tally_text(result(["Lê Văn An", "Nguyễn Văn Bình", "Trần Thị Hoa"], [2, 3, 1], 3, 2), "vi").plain
    head, *rows = lines.splitlines()
    assert "D = 3" in head and "cần 2" in head
    assert [row.split(".")[0].strip() for row in rows] == ["1", "2", "3"]
    assert all(row.count("│") == 1 for row in rows)
    assert rows[1].rstrip().endswith("✓") and "100,00%" in rows[1]
    assert len({row.index("│") for row in rows}) == 1  # the bars start in one column


def test_a_narrow_panel_shortens_the_bars_before_the_names():
    names = ["Nguyễn Văn Bình", "Trần Thị Hoa"]
    wide = tally_text(result(names, [3, 1], 3, 1), "vi", 80).plain.splitlines()[1]
    narrow = tally_text(result(names, [3, 1], 3, 1), "vi", cell_len(wide) - 6).plain.splitlines()[1]
    assert "Nguyễn Văn Bình" in narrow and cell_len(narrow.rstrip()) <= cell_len(wide) - 6
    bar = narrow.split("Bình ")[1].split(" ")[0]
    assert MIN_BAR <= len(bar) == BAR - 6
    tight = tally_text(result(names, [3, 1], 3, 1), "vi", 30).plain.splitlines()[1]
    assert "…" in tight  # at last the names give way too


def test_names_are_text_not_markup():
    text = tally_text(result(["[bold red]Lê[/] Văn An", "Bình"], [1, 1], 3, 1), "vi")
    assert "[bold red]Lê[/] Văn An" in text.plain


def test_a_national_list_is_drawn_whole():
    names = [f"Nguyễn Văn Tên {n}" for n in range(1, 201)]
    lines = tally_text(result(names, [900 + n for n in range(200)], 1600, 194), "vi", 66).plain.splitlines()
    assert len(lines) == 201 and all(cell_len(line.rstrip()) <= 66 for line in lines[1:])


def test_an_approve_form_shows_the_disagreeing_votes_and_a_strike_form_does_not():
    approve = result(["Trần Mạnh Hùng", "Lê Thị Thu Hằng"], [11, 9], 13, 2)
    for c, against in zip(approve["candidates"], [1, 12]):
        c["against"] = against
    rows = tally_text(approve, "vi").plain.splitlines()[1:]
    assert "không đồng ý  1" in rows[0] and "không đồng ý 12" in rows[1]
    assert len({row.index("không đồng ý") for row in rows}) == 1
    assert "against 12" in tally_text(approve, "en").plain
    assert "không đồng ý" not in tally_text(result(["An", "Bình"], [2, 1], 3, 1), "vi").plain


def test_on_a_narrow_panel_the_percentages_stay_and_the_bars_go_first():
    """Issue 12, defect 11: at 80x24 the counting tally lost its percentages."""
    names = ["Nguyễn Thị Phương Thảo", "Lê Thị Thu Hằng", "Trần Mạnh Hùng"]
    approve = result(names, [11, 9, 13], 13, 3)
    for c, against in zip(approve["candidates"], [2, 4, 0]):
        c["against"] = against
    for width in (37, 32, 30):
        rows = tally_text(approve, "vi", width).plain.splitlines()[1:]
        assert all(cell_len(row.rstrip()) <= width for row in rows), (width, rows)
        assert all("%" in row and "✗" in row for row in rows)  # the disagreeing votes, short
    rows = tally_text(approve, "vi", 30).plain.splitlines()[1:]
    assert "│" not in "".join(rows) and "84,62%" in rows[0] and "100,00%" in rows[2]  # no room for bars
    strike = tally_text(result(names, [11, 9, 13], 13, 2), "vi", 37).plain.splitlines()[1:]
    assert all("│" in row and "%" in row for row in strike) and "Lê Thị" in strike[1]

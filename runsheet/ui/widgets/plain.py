"""User text shown as text, never read as markup: a name with `[/]` must not crash a screen, nor `[bold red]` style
it. Textual reads a str as markup in a Static (unless markup=False), a DataTable's cell, an OptionList's option and a
notification; the screens' own widgets derive from these."""

from __future__ import annotations

from rich.markup import escape
from textual.widgets import DataTable, Static


def plain(value: object) -> object:
    """A str escaped, to be read back as the text it is (a DataTable reads a str cell with Rich's markup, and still
    crops and wraps it as a str); anything else as it is."""
    return escape(value) if isinstance(value, str) else value


class PlainStatic(Static):
    """A Static whose str content is text (markup=False unless told)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("markup", False)
        super().__init__(*args, **kwargs)


class PlainTable(DataTable):
    """A DataTable whose str cells and column labels are text."""

    def add_column(self, label=None, *args, **kwargs):
        return super().add_column(plain(label) if label is not None else None, *args, **kwargs)

    def add_row(self, *cells, **kwargs):
        return super().add_row(*(plain(cell) for cell in cells), **kwargs)

    def update_cell(self, row_key, column_key, value, *args, **kwargs) -> None:
        super().update_cell(row_key, column_key, plain(value), *args, **kwargs)

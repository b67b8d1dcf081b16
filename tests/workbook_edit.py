"""Functions that write a budget's workbook and change it the way a person in Excel would."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from prestatie import Budget, write_workbook


@contextmanager
def written(budget: Budget) -> Iterator[Path]:
    """The budget's workbook, begroting.xlsx in a temporary folder removed afterwards: for a
    hypothesis test, which draws many budgets and so cannot use pytest's tmp_path."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "begroting.xlsx"
        write_workbook(budget, path)
        yield path


def column_of(sheet: Worksheet, header: str) -> int:
    """The 1-based index of the column with this header."""
    for cell in sheet[1]:
        if cell.value == header:
            return int(cell.column)
    raise KeyError(header)


def set_text(cell: Cell, value: Any) -> None:
    """Set a cell; a string stays text even when it starts with '='."""
    cell.value = value
    if isinstance(value, str) and not value.startswith("=="):
        cell.data_type = "s"


def edit(path: Path, changes: list[tuple[str, str, int, Any]]) -> None:
    """Apply (sheet, header, row, value) changes; a value starting with '==' is a formula."""
    workbook = load_workbook(path)
    for sheet_name, header, row, value in changes:
        sheet = workbook[sheet_name]
        cell = sheet.cell(row=row, column=column_of(sheet, header))
        if isinstance(value, str) and value.startswith("=="):
            cell.value = value[1:]
        else:
            set_text(cell, value)
    workbook.save(path)


def find_row(path: Path, sheet_name: str, header: str, value: Any) -> int:
    """The first row whose cell under `header` holds `value`."""
    sheet = load_workbook(path, read_only=True)[sheet_name]
    rows = list(sheet.iter_rows(values_only=True))
    index = list(rows[0]).index(header)
    for number, row in enumerate(rows[1:], start=2):
        if row[index] == value:
            return number
    raise LookupError(value)

"""The columns that the Toelichting sheet marks optional ("Verplicht: nee") really are: the
reader takes a blank cell in each, and the template filled in with only the required columns
reads back."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from prestatie import Budget, WorkbookWarning, read_workbook_with_problems, write_workbook
from prestatie._xlsx.schema import BEGROTING, SHEETS, Column, Sheet, explanation_rows
from strategies import budgets

OPTIONAL = [(sheet, column) for sheet in SHEETS for column in sheet.columns if column.optional]


def _blank(path: Path, sheet: Sheet, column: Column) -> None:
    workbook = load_workbook(path)
    worksheet = workbook[sheet.name]
    if sheet is BEGROTING:
        for row in worksheet.iter_rows(min_row=2):
            if row[0].value == column.header:
                row[1].value = None
    else:
        headers = [cell.value for cell in worksheet[1]]
        index = headers.index(column.header) + 1
        for number in range(2, worksheet.max_row + 1):
            worksheet.cell(row=number, column=index).value = None
    workbook.save(path)


def _read(path: Path) -> tuple[Budget | None, list[str]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", WorkbookWarning)
        budget, problems = read_workbook_with_problems(path)
    return budget, [str(problem) for problem in problems]


# No shrinking: a budget is large, and the column drawn already names the fault.
@settings(max_examples=30, phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(budget=budgets(), data=st.data())
def test_blanking_any_column_marked_optional_still_reads(
    tmp_path_factory: pytest.TempPathFactory, budget: Budget, data: st.DataObject
) -> None:
    sheet, column = data.draw(st.sampled_from(OPTIONAL), label="column")
    path = tmp_path_factory.mktemp("optional") / "begroting.xlsx"
    write_workbook(budget, path)
    _blank(path, sheet, column)
    read, problems = _read(path)
    assert problems == []
    assert read is not None


def test_the_toelichting_marks_as_optional_exactly_the_columns_the_reader_takes_blank() -> None:
    """Each column's "Verplicht" on the Toelichting sheet comes from the schema's own rule."""
    marked = {
        (row[0], row[1]): row[3] for row in explanation_rows() if len(row) == 5 and row[0] != "Blad"
    }
    for sheet in SHEETS:
        for column in sheet.columns:
            assert (marked[(sheet.name, column.header)] == "nee") == column.optional

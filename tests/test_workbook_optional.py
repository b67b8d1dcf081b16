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
from prestatie._xlsx.columns import Column, Sheet
from prestatie._xlsx.explanation import explanation_rows
from prestatie._xlsx.schema import BEGROTING, SHEETS
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


# What a user types in the template: only the columns marked required ("Verplicht: ja", or
# required when the row is of that kind), as text wherever the column is formatted as text.
FILLED = {
    "Programma's": {"Nummer": 1},
    "Ambities": {"Programma": 1},
    "Doelen": {"Programma": 1, "Code": "1.10"},
    "Indicatoren": {"Doel": "1.10"},
    "Prestaties": {"Doel": "1.10", "Code": "1.10.1", "Relatie met reserve": "ja"},
    "Acties": {"Prestatie": "1.10.1", "Nummer": 1},
    "Streefwaarden": {
        "Hoort bij": "actie",
        "Code": "1.10.1",
        "Actie of indicator": 1,
        "Soort": "absoluut",
    },
    "Realisaties": {"Hoort bij": "actie", "Code": "1.10.1", "Actie of indicator": 1, "Waarde": 5},
    "Monitor": {"Prestatie": "1.10.1"},
    "Oordelen": {"Niveau": "prestatie", "Code": "1.10.1"},
    "Teksten": {"Niveau": "begroting"},
    "Verbonden partijen": {"Programma": 1},
    "Lasten en baten": {
        "Niveau": "prestatie",
        "Code": "1.10.1",
        "Lasten/baten": "lasten",
        "Kolom": "primitief",
        "Aard": "structureel",
        "2018 (x € 1.000)": 120,
    },
    "Reservemutaties": {
        "Niveau": "programma",
        "Code": "1",
        "Soort": "toevoeging",
        "Reserve": "Reserve A",
        "Kolom": "primitief",
        "Jaar": 2018,
        "Bedrag": 10,
    },
    "Reserves": {"Naam": "Reserve A"},
    "Voorstellen per prestatie": {"Prestatie": "1.10.1", "PS-nummer": "PS/2017/12"},
    "Investeringsvoorstellen": {"PS-nummer": "PS/2017/12", "Jaar": 2017},
}


def test_the_template_filled_in_with_only_the_required_columns_reads_back(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from prestatie._cli import main

    path = tmp_path / "begroting-2018.xlsx"
    result = CliRunner().invoke(
        main, ["template", str(path), "--province", "Overijssel", "--year", "2018"]
    )
    assert result.exit_code == 0, result.output
    workbook = load_workbook(path)
    for name, values in FILLED.items():
        worksheet = workbook[name]
        headers = [cell.value for cell in worksheet[1]]
        for header, value in values.items():
            column = headers.index(header) + 1
            cell = worksheet.cell(row=2, column=column)
            cell.value = value
            letter = cell.column_letter
            if worksheet.column_dimensions[letter].number_format == "@":
                cell.value = str(value)  # a text-formatted column keeps what is typed as text
                cell.data_type = "s"
    for sheet in SHEETS[1:]:
        required = {c.header for c in sheet.columns if c.obligation == "ja"}
        assert required <= set(FILLED.get(sheet.name, {})), sheet.name
    workbook.save(path)
    budget, problems = _read(path)
    assert problems == []
    assert budget is not None
    assert str(budget.programmes[0].objectives[0].code) == "1.10"


def test_the_template_formats_every_code_column_as_text(tmp_path: Path) -> None:
    """So that Excel keeps a typed 7.10 as the code 7.10, not the number 7.1."""
    from prestatie import Budget, Unit, write_workbook

    path = tmp_path / "template.xlsx"
    write_workbook(Budget(province="Overijssel", year=2018, unit=Unit.THOUSAND), path)
    workbook = load_workbook(path)
    for sheet in SHEETS[1:]:
        worksheet = workbook[sheet.name]
        for index, cell in enumerate(worksheet[1], start=1):
            column = next((c for c in sheet.columns if c.header == cell.value), None)
            if column is not None and column.codec.name.startswith("code"):
                letter = cell.column_letter
                assert worksheet.column_dimensions[letter].number_format == "@", (sheet.name, index)

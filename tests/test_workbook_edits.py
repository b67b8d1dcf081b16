"""A corpus of the edits a finance officer makes to the bundled budget workbook by hand.

Each edit either reads back the same budget, or reads with the new data, or gives a problem
at its place; a value the reader does not keep is named in a warning at its cell. None
loses a value in silence.
"""

from __future__ import annotations

import shutil
import warnings
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from prestatie import Budget, read_budget, read_workbook_with_problems
from workbook_edit import column_of, set_text

DATA = Path(__file__).resolve().parent.parent / "examples" / "data"
BUNDLED = DATA / "begroting-2017.xlsx"
SAME, NEW, PROBLEM = "same budget", "new data", "problem at its place"


@attrs.frozen
class Edit:
    """An edit, and what reading the edited workbook gives."""

    name: str
    change: Callable[[Workbook], None]
    outcome: str
    place: str = ""
    """For a problem: where it is. For a warning expected: a text the warning holds."""
    check: Callable[[Budget], bool] | None = None
    """For new data: a check on the budget read."""
    warns: str = ""
    """A text one of the warnings holds (a value that is not kept, a number stored as text)."""


def _cell(workbook: Workbook, sheet: str, header: str, row: int) -> Any:
    worksheet = workbook[sheet]
    return worksheet.cell(row=row, column=column_of(worksheet, header))


def _put(sheet: str, header: str, row: int, value: Any) -> Callable[[Workbook], None]:
    def change(workbook: Workbook) -> None:
        set_text(_cell(workbook, sheet, header, row), value)

    return change


def _at(sheet: str, cell: str, value: Any) -> Callable[[Workbook], None]:
    def change(workbook: Workbook) -> None:
        set_text(workbook[sheet][cell], value)

    return change


def _rename(old: str, new: str) -> Callable[[Workbook], None]:
    def change(workbook: Workbook) -> None:
        workbook[old].title = new

    return change


def _delete(name: str) -> Callable[[Workbook], None]:
    def change(workbook: Workbook) -> None:
        del workbook[name]

    return change


def _data_rows(worksheet: Worksheet) -> list[list[Any]]:
    rows = []
    for row in worksheet.iter_rows(min_row=2, values_only=True):
        if any(value is not None for value in row) and row[0] != "Totaal":
            rows.append(list(row))
    return rows


def _rewrite(worksheet: Worksheet, rows: list[list[Any]]) -> None:
    for number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            set_text(worksheet.cell(row=number, column=column), value)


def _sort(sheet: str, header: str, *, reverse: bool = False) -> Callable[[Workbook], None]:
    """Sort the data rows (not the totals) by one column, as Excel's sort does."""

    def change(workbook: Workbook) -> None:
        worksheet = workbook[sheet]
        index = column_of(worksheet, header) - 1
        rows = _data_rows(worksheet)
        _rewrite(worksheet, sorted(rows, key=lambda row: str(row[index]), reverse=reverse))

    return change


def _insert_column(sheet: str, before: int, header: str | None, values: dict[int, Any]):  # type: ignore[no-untyped-def]
    def change(workbook: Workbook) -> None:
        worksheet = workbook[sheet]
        worksheet.insert_cols(before)
        worksheet.cell(row=1, column=before).value = header
        for row, value in values.items():
            set_text(worksheet.cell(row=row, column=before), value)

    return change


def _move_column_to_end(sheet: str, header: str) -> Callable[[Workbook], None]:
    def change(workbook: Workbook) -> None:
        worksheet = workbook[sheet]
        index = column_of(worksheet, header)
        last = worksheet.max_column + 1
        for row in range(1, worksheet.max_row + 1):
            source = worksheet.cell(row=row, column=index)
            set_text(worksheet.cell(row=row, column=last), source.value)
        worksheet.delete_cols(index)

    return change


def _delete_column(sheet: str, header: str) -> Callable[[Workbook], None]:
    def change(workbook: Workbook) -> None:
        worksheet = workbook[sheet]
        worksheet.delete_cols(column_of(worksheet, header))

    return change


def _note_under(sheet: str, column: int, text: str) -> Callable[[Workbook], None]:
    def change(workbook: Workbook) -> None:
        worksheet = workbook[sheet]
        row = len(_data_rows(worksheet)) + 4
        set_text(worksheet.cell(row=row, column=column), text)

    return change


def _new_sheet(name: str, text: str | None) -> Callable[[Workbook], None]:
    def change(workbook: Workbook) -> None:
        worksheet = workbook.create_sheet(name)
        if text is not None:
            worksheet["A1"] = text

    return change


def _insert_empty_row(sheet: str, row: int) -> Callable[[Workbook], None]:
    def change(workbook: Workbook) -> None:
        workbook[sheet].insert_rows(row)

    return change


def _duplicate_row(sheet: str, row: int) -> Callable[[Workbook], None]:
    def change(workbook: Workbook) -> None:
        worksheet = workbook[sheet]
        rows = _data_rows(worksheet)
        rows.append(list(rows[row - 2]))
        _rewrite(worksheet, rows)

    return change


def _overtype_total(workbook: Workbook) -> None:
    worksheet = workbook[L]
    row = next(r for r in range(2, worksheet.max_row + 1) if worksheet.cell(r, 1).value == "Totaal")
    worksheet.cell(row=row, column=column_of(worksheet, Y2017)).value = 1


def _restyle(workbook: Workbook) -> None:
    """Widths, a hidden column, a frozen pane elsewhere: the look, not the data."""
    worksheet = workbook["Prestaties"]
    worksheet.column_dimensions["E"].hidden = True
    worksheet.column_dimensions["D"].width = 80
    worksheet.freeze_panes = "C2"


def _amount(budget: Budget, code: str, year: int) -> Decimal | None:
    for prestatie in budget.prestaties():
        if str(prestatie.code) == code:
            for amount in prestatie.amounts:
                if amount.year == year and amount.flow.value == "lasten":
                    return amount.value
    return None


def _prestatie(budget: Budget, code: str) -> Any:
    return next(p for p in budget.prestaties() if str(p.code) == code)


L = "Lasten en baten"
Y2017 = "2017 (x € 1.000)"


def _letter(sheet: str, header: str) -> str:
    """The column letter of `header` in the bundled workbook."""
    worksheet = load_workbook(BUNDLED, read_only=True)[sheet]
    row = next(worksheet.iter_rows(max_row=1, values_only=True))
    return get_column_letter(list(row).index(header) + 1)


AMOUNT_2017 = f"{L}!{_letter(L, Y2017)}2"
"""The cell of the first 2017 amount."""

EDITS = [
    Edit(
        "rename Lasten en baten to Lasten & baten",
        _rename(L, "Lasten & baten"),
        PROBLEM,
        "Lasten & baten!A1",
    ),
    Edit(
        "rename Acties to Acties 2017", _rename("Acties", "Acties 2017"), PROBLEM, "Acties 2017!A1"
    ),
    Edit("delete the Prestaties sheet", _delete("Prestaties"), PROBLEM, str(BUNDLED.name)),
    Edit("delete the Toelichting sheet", _delete("Toelichting"), SAME),
    Edit("add a sheet of notes", _new_sheet("Notities", "nog navragen"), SAME, warns="Notities"),
    Edit("add an empty sheet", _new_sheet("Blad1", None), SAME, warns="Blad1"),
    Edit(
        "insert a column Opmerking with a note",
        _insert_column("Prestaties", 4, "Opmerking", {3: "navragen bij team"}),
        SAME,
        warns="Prestaties!D3",
    ),
    Edit("insert an empty column", _insert_column("Acties", 2, None, {}), SAME),
    Edit("move the Titel column to the end", _move_column_to_end("Prestaties", "Titel"), SAME),
    Edit("move the 2017 column to the end", _move_column_to_end(L, Y2017), SAME),
    Edit(
        "a note under the amounts table",
        _note_under(L, 1, "Bron: begroting 2017"),
        PROBLEM,
        f"{L}!A",
    ),
    Edit(
        "a note beside the actions, no header",
        _note_under("Acties", 7, "zie notulen"),
        SAME,
        warns="in a column without a header",
    ),
    Edit("sort Lasten en baten by code, descending", _sort(L, "Code", reverse=True), SAME),
    Edit("sort Acties by text", _sort("Acties", "Tekst"), SAME),
    Edit("sort Programma's by name", _sort("Programma's", "Naam"), SAME),
    Edit("insert an empty row among the actions", _insert_empty_row("Acties", 4), SAME),
    Edit("restyle: widths, a hidden column, panes", _restyle, SAME),
    Edit(
        "an amount pasted as text '38.450'",
        _put(L, Y2017, 2, "38.450"),
        SAME,
        warns="stored as text; read as 38450",
    ),
    Edit(
        "an amount pasted as text '38450'", _put(L, Y2017, 2, "38450"), SAME, warns="stored as text"
    ),
    Edit(
        "an amount pasted as '€ 38.450' with a non-breaking space",
        _put(L, Y2017, 2, "€\u00a038.450"),
        SAME,
        warns="stored as text",
    ),
    Edit(
        "an amount pasted with a thin space '38\u2009450'",
        _put(L, Y2017, 2, "38\u2009450"),
        SAME,
        warns="stored as text",
    ),
    Edit(
        "an amount pasted as '38.450,5'",
        _put(L, Y2017, 2, "38.450,5"),
        NEW,
        check=lambda b: _amount(b, "3.1.1", 2017) == Decimal("38450.5"),
        warns="read as 38450.5",
    ),
    Edit(
        "an amount pasted as '(1.234)'",
        _put(L, Y2017, 2, "(1.234)"),
        NEW,
        check=lambda b: _amount(b, "3.1.1", 2017) == Decimal(-1234),
        warns="read as -1234",
    ),
    Edit(
        "an amount pasted as '38,450': two readings",
        _put(L, Y2017, 2, "38,450"),
        PROBLEM,
        AMOUNT_2017,
    ),
    Edit("an amount pasted as '1.5': two readings", _put(L, Y2017, 2, "1.5"), PROBLEM, AMOUNT_2017),
    Edit("a value typed in an empty row", _put(L, Y2017, 40, 1), PROBLEM, f"{L}!A40"),
    Edit("an amount typed as a word", _put(L, Y2017, 2, "veel"), PROBLEM, AMOUNT_2017),
    Edit(
        "a new amount typed in a blank year",
        _put(L, "2020 (x € 1.000)", 3, 600),
        NEW,
        check=lambda b: _amount(b, "3.1.2", 2020) == 600,
    ),
    Edit(
        "an amount cleared",
        _put(L, Y2017, 2, None),
        NEW,
        check=lambda b: _amount(b, "3.1.1", 2017) is None,
    ),
    Edit(
        "blank an optional cell: Inleiding",
        _put("Prestaties", "Inleiding", 2, None),
        NEW,
        check=lambda b: _prestatie(b, "3.1.1").introduction == "",
    ),
    Edit(
        "blank an optional cell: Relatie met reserve without proposals",
        _put("Prestaties", "Relatie met reserve", 2, None),
        SAME,
    ),
    Edit(
        "delete an optional column: Context",
        _delete_column("Prestaties", "Context"),
        NEW,
        check=lambda b: all(p.context == "" for p in b.prestaties()),
    ),
    Edit(
        "delete a required column: Code",
        _delete_column("Prestaties", "Code"),
        PROBLEM,
        "Prestaties!A1",
    ),
    Edit(
        "rename a header: 'Code' to 'Prestatiecode'",
        _put("Prestaties", "Code", 1, "Prestatiecode"),
        PROBLEM,
        "Prestaties!A1",
    ),
    Edit("a header in other case and spacing", _put("Prestaties", "Titel", 1, "  TITEL "), SAME),
    Edit("a year header without its unit", _put(L, Y2017, 1, "2017"), SAME),
    Edit(
        "a new action typed under the others",
        lambda wb: _rewrite(
            wb["Acties"],
            [*_data_rows(wb["Acties"]), ["3.1.1", 3, 3, "Wij tellen de bruggen.", None]],
        ),
        NEW,
        check=lambda b: len(_prestatie(b, "3.1.1").actions) == 3,
    ),
    Edit("a programme row copied twice", _duplicate_row("Programma's", 2), PROBLEM, "Programma's!"),
    Edit(
        "an objective code typed as the number 7.1",
        _put("Doelen", "Code", 6, 7.1),
        PROBLEM,
        "Doelen!C6",
    ),
    Edit("a total overtyped with a number", _overtype_total, SAME, warns="the total shows"),
    Edit(
        "a note beside the Begroting fields",
        _at("Begroting", "C7", "nog vaststellen"),
        SAME,
        warns="Begroting!C7",
    ),
    Edit(
        "a value typed in column B without its field's name",
        _at("Begroting", "B14", "2017-03-01"),
        SAME,
        warns="Begroting!B14",
    ),
    Edit(
        "the title changed",
        _at("Begroting", "B7", "Begroting 2017 (concept)"),
        NEW,
        check=lambda b: b.title == "Begroting 2017 (concept)",
    ),
]


@pytest.fixture(scope="module")
def original() -> Budget:
    return read_budget(DATA / "begroting-2017.json")


def test_the_corpus_holds_at_least_25_edits_of_each_kind_of_outcome() -> None:
    assert len(EDITS) >= 25
    assert {edit.outcome for edit in EDITS} == {SAME, NEW, PROBLEM}
    assert len({edit.name for edit in EDITS}) == len(EDITS)


@pytest.mark.parametrize("edit", EDITS, ids=[edit.name for edit in EDITS])
def test_an_edit_reads_the_same_or_the_new_data_or_gives_a_problem_at_its_place(
    edit: Edit, original: Budget, tmp_path: Path
) -> None:
    path = tmp_path / BUNDLED.name
    shutil.copy(BUNDLED, path)
    workbook = load_workbook(path)
    edit.change(workbook)
    workbook.save(path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        budget, problems = read_workbook_with_problems(path)
    messages = [str(warning.message) for warning in caught]
    if edit.outcome == PROBLEM:
        assert budget is None
        assert problems, "no problem"
        assert any(edit.place in problem.where for problem in problems), problems
    else:
        assert problems == []
        assert budget is not None
        if edit.outcome == SAME:
            assert budget == original
        else:
            assert budget != original
            assert edit.check is not None
            assert edit.check(budget)
    if edit.warns:
        assert any(edit.warns in message for message in messages), messages

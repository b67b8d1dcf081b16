"""Reading a workbook reports every problem with its cell, in sheet and row order."""

from __future__ import annotations

import datetime
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from openpyxl import load_workbook

from analysis_examples import replace_prestaties
from prestatie import (
    Budget,
    BudgetColumn,
    Prestatie,
    WorkbookError,
    WorkbookWarning,
    read_workbook,
    read_workbook_with_problems,
    write_workbook,
)
from prestatie._xlsx.columns import Parent, Sheet
from prestatie._xlsx.rows import Index
from workbook_edit import column_of, edit, find_row, set_text
from workbook_examples import monitor_budget


@pytest.fixture
def written(tmp_path: Path) -> Path:
    path = tmp_path / "monitor.xlsx"
    write_workbook(monitor_budget(), path)
    return path


def _lasten_row(path: Path, code: str, column: str) -> int:
    sheet = load_workbook(path, read_only=True)["Lasten en baten"]
    for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        if row[1] == code and row[3] == column and row[2] == "lasten":
            return number
    raise LookupError(code)


def test_every_cell_problem_is_reported_with_sheet_cell_found_and_expected(written: Path) -> None:
    amount_row = _lasten_row(written, "7.2.3", "primitief")
    edit(
        written,
        [
            ("Prestaties", "Looptijd", 2, "soms"),
            ("Doelen", "Code", 2, 7.2),
            ("Acties", "Nummer", 3, "twee"),
            ("Lasten en baten", "2018 (x € 1.000)", amount_row, 12.345),
            ("Lasten en baten", "2019 (x € 1.000)", amount_row, "==1+2"),
        ],
    )
    budget, problems = read_workbook_with_problems(written)
    assert budget is None
    found = [(p.where, p.message) for p in problems]
    assert found == [
        ("Doelen!C2", "Code: expected a code like '7.2.3', written as text, got float 7.2"),
        (
            "Prestaties!J2",
            "Looptijd: expected one of 'structureel', 'niet structureel' or a blank cell,"
            " got str 'soms'",
        ),
        ("Acties!C3", "Nummer: expected a whole number, got str 'twee'"),
        (
            f"Lasten en baten!J{amount_row}",
            "2018 (x € 1.000): expected an amount with at most 2 decimals, got float 12.345",
        ),
        (
            f"Lasten en baten!K{amount_row}",
            "formula =1+2 has no computed value: expected a value (open and save the file in"
            " Excel or LibreOffice to compute it)",
        ),
    ]


def test_read_workbook_raises_one_error_with_a_line_per_problem(written: Path) -> None:
    edit(written, [("Prestaties", "Looptijd", 2, "soms"), ("Acties", "Nummer", 2, "x")])
    with pytest.raises(WorkbookError) as caught:
        read_workbook(written)
    lines = str(caught.value).splitlines()
    assert lines[0] == f"{written}: the workbook cannot be read as a budget"
    assert [line.split(":")[0].strip() for line in lines[1:]] == ["Prestaties!J2", "Acties!C2"]
    assert len(caught.value.problems) == 2


def test_cross_object_problems_point_at_the_cells_their_values_came_from(written: Path) -> None:
    actueel = _lasten_row(written, "7.2.3", "actueel")
    edit(
        written,
        [
            ("Acties", "Nummer", 3, 2),  # two actions numbered 2
            ("Lasten en baten", "2018 (x € 1.000)", actueel, 1900),
            ("Prestaties", "Reserve", 3, "Onbekende reserve"),
        ],
    )
    _, problems = read_workbook_with_problems(written)
    found = [(p.where, p.message.split(":")[0]) for p in problems]
    assert found == [
        ("Prestaties!O3", "prestatie 7.1.1 refers to unknown reserve 'Onbekende reserve'"),
        ("Acties!C3", "duplicate action 2 of prestatie 7.2.3"),
        (f"Lasten en baten!J{actueel}", "actueel lasten structureel 2018 is 1900"),
    ]


def test_a_role_outside_the_known_list_is_kept_and_reported_at_its_cell(written: Path) -> None:
    """A role as a province prints it reads; `check` names it at the Rollen cell."""
    edit(written, [("Prestaties", "Rollen", 2, "partner")])
    _, problems = read_workbook_with_problems(written)
    assert [p.where for p in problems] == ["Prestaties!H2"]
    assert "role 'partner'" in problems[0].message


def test_rows_whose_parent_is_missing_are_reported(written: Path) -> None:
    edit(written, [("Acties", "Prestatie", 3, "7.2.9")])  # action 1, which has no targets
    _, problems = read_workbook_with_problems(written)
    assert [(p.where, p.message) for p in problems] == [
        (
            "Acties!A3",
            "refers to 7.2.9, which is not in the workbook: expected one listed on Prestaties",
        )
    ]


def test_a_missing_column_is_reported_at_the_header(written: Path) -> None:
    workbook = load_workbook(written)
    sheet = workbook["Doelen"]
    sheet.cell(row=1, column=column_of(sheet, "Code")).value = "Kode"
    workbook.save(written)
    with pytest.warns(WorkbookWarning) as caught:
        _, problems = read_workbook_with_problems(written)
    messages = [str(warning.message) for warning in caught]
    assert any("unknown column 'Kode'" in message for message in messages)
    assert any("Doelen!C2: str '7.2' in the column 'Kode'" in message for message in messages)
    assert problems[0].where == "Doelen!A1"
    assert problems[0].message == "no column 'Code': expected it in the header row"


def test_a_header_that_appears_twice_is_reported_at_its_second_cell_naming_the_first(
    written: Path,
) -> None:
    workbook = load_workbook(written)
    sheet = workbook["Doelen"]
    sheet.cell(row=1, column=sheet.max_column + 1).value = "Titel"  # Titel is also D1
    workbook.save(written)
    _, problems = read_workbook_with_problems(written)
    assert [(p.where, p.code, p.message) for p in problems] == [
        ("Doelen!F1", "column-twice", "column 'Titel' appears twice: also at Doelen!D1")
    ]


def test_a_blank_looptijd_with_its_years_filled_is_a_problem_at_the_looptijd_cell(
    written: Path,
) -> None:
    """Prestatie 7.2.3 has Startjaar and Eindjaar; without its Looptijd the kind is asked for."""
    edit(written, [("Prestaties", "Looptijd", 2, None)])
    _, problems = read_workbook_with_problems(written)
    assert [(p.where, p.code, p.message) for p in problems] == [
        (
            "Prestaties!J2",
            "looptijd-missing",
            "Looptijd: expected 'structureel', 'niet structureel' when the other looptijd"
            " columns are filled, got a blank cell",
        )
    ]


def test_headers_are_matched_whatever_their_case_spacing_and_order(tmp_path: Path) -> None:
    budget = monitor_budget()
    path = tmp_path / "monitor.xlsx"
    write_workbook(budget, path)
    workbook = load_workbook(path)
    for sheet in workbook.worksheets:
        if sheet.title == "Begroting":
            continue
        rows = [[(cell.value, cell.data_type) for cell in row] for row in sheet.iter_rows()]
        sheet.delete_rows(1, sheet.max_row)
        for number, row in enumerate(rows, start=1):
            for column, (value, data_type) in enumerate(reversed(row), start=1):
                cell = sheet.cell(row=number, column=column)
                if number == 1:
                    value = "  " + str(value).upper().replace(" ", "   ") + " "
                cell.value = value
                if data_type == "s":
                    cell.data_type = "s"
        sheet.cell(row=1, column=len(rows[0]) + 1).value = "Opmerking"
        if len(rows) > 1:  # a note on an empty sheet would be a row of its own
            sheet.cell(row=2, column=len(rows[0]) + 1).value = "een notitie"
    workbook.create_sheet("Notities")["A1"] = "iets"
    workbook.save(path)
    with pytest.warns(WorkbookWarning) as caught:
        assert read_workbook(path) == budget
    messages = [str(warning.message) for warning in caught]
    assert any("sheet 'Notities' is not part of the budget workbook" in m for m in messages)
    assert any("unknown column 'Opmerking'" in m for m in messages)


def test_merged_cells_give_every_cell_of_the_range_its_value(tmp_path: Path) -> None:
    budget = monitor_budget()
    path = tmp_path / "monitor.xlsx"
    write_workbook(budget, path)
    workbook = load_workbook(path)
    sheet = workbook["Lasten en baten"]
    codes = [sheet.cell(row=r, column=2).value for r in range(1, sheet.max_row + 1)]
    first = codes.index("7.2.3") + 1
    last = len(codes) - codes[::-1].index("7.2.3")
    assert last - first >= 2
    for column in (1, 2):
        sheet.merge_cells(start_row=first, end_row=last, start_column=column, end_column=column)
    workbook.save(path)
    assert read_workbook(path) == budget


def test_a_date_in_a_text_column_reads_as_its_iso_date(written: Path) -> None:
    workbook = load_workbook(written)
    sheet = workbook["Prestaties"]
    cell = sheet.cell(row=3, column=column_of(sheet, "Titel"))
    cell.value = datetime.datetime(2017, 3, 1)
    cell.number_format = "dd-mm-yyyy"
    workbook.save(written)
    assert read_workbook(written).prestatie("7.1.1").title == "2017-03-01"


def test_a_year_column_in_another_unit_is_a_problem(written: Path) -> None:
    workbook = load_workbook(written)
    sheet = workbook["Lasten en baten"]
    column = column_of(sheet, "2018 (x € 1.000)")
    set_text(sheet.cell(row=1, column=column), "2018 (euro)")
    workbook.save(written)
    _, problems = read_workbook_with_problems(written)
    assert [(p.where, p.message) for p in problems] == [
        (
            f"Lasten en baten!{sheet.cell(row=1, column=column).column_letter}1",
            "column '2018 (euro)' is in 'euro': expected the budget's unit 'x € 1.000'",
        )
    ]


def test_a_total_that_disagrees_with_its_rows_is_a_warning(written: Path) -> None:
    workbook = load_workbook(written)
    sheet = workbook["Lasten en baten"]
    total_row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == "Totaal")
    sheet.cell(row=total_row, column=10).value = 999  # a number where the formula was
    workbook.save(written)
    with pytest.warns(WorkbookWarning, match=re.escape(f"Lasten en baten!J{total_row}: the total")):
        assert read_workbook(written) == monitor_budget()


def test_a_wrong_format_version_is_refused(written: Path) -> None:
    row = find_row(written, "Begroting", "Gegeven", "Formaatversie")
    edit(written, [("Begroting", "Waarde", row, 99)])
    _, problems = read_workbook_with_problems(written)
    assert [(p.where, p.message) for p in problems] == [
        (f"Begroting!B{row}", "Formaatversie: expected 1, got 99")
    ]


def _duplicate_row(path: Path, sheet_name: str, header: str, value: object) -> int:
    """Append a copy of the row whose `header` cell holds `value`; the copy's row number."""
    workbook = load_workbook(path)
    sheet = workbook[sheet_name]
    source = find_row(path, sheet_name, header, value)
    copy = sheet.max_row + 1
    for cell in sheet[source]:
        set_text(sheet.cell(row=copy, column=cell.column), cell.value)
    workbook.save(path)
    return copy


def test_a_second_ambition_target_or_monitor_status_is_a_problem_at_its_row(
    written: Path,
) -> None:
    """An ambition, the target of an ambition and a prestatie's monitor status may each be
    given once; each further row is a problem at its key cell."""
    ambition = _duplicate_row(written, "Ambities", "Programma", 7)
    target = _duplicate_row(written, "Streefwaarden", "Hoort bij", "ambitie")
    status = _duplicate_row(written, "Monitor", "Prestatie", "7.2.3")
    _, problems = read_workbook_with_problems(written)
    found = {(p.where, p.message) for p in problems}
    assert found == {
        (f"Ambities!A{ambition}", "a second ambition for programme 7: expected at most one"),
        (
            f"Streefwaarden!A{target}",
            "a second target for the ambition of programme 7: expected at most one",
        ),
        (f"Monitor!A{status}", "a second monitor status for prestatie 7.2.3: expected at most one"),
    }


def _with_first_amount(budget: Budget, value: str) -> tuple[Budget, Prestatie]:
    # A realised amount: changing it breaks no actueel = primitief + wijziging sum.
    first, index = next(
        (item, i)
        for item in budget.prestaties()
        for i, amount in enumerate(item.amounts)
        if amount.column is BudgetColumn.GEREALISEERD
    )
    changed = attrs.evolve(first.amounts[index], value=Decimal(value))
    amounts = list(first.amounts)
    amounts[index] = changed
    item = attrs.evolve(first, amounts=tuple(amounts))
    return replace_prestaties(budget, lambda p: item if p.code == item.code else p), item


@pytest.mark.parametrize("value", ["12345678901234567.89", "1E+400", "-1E-400", "1234567890123456"])
def test_an_amount_a_cell_cannot_hold_exactly_is_refused_at_its_cell(
    tmp_path: Path, value: str
) -> None:
    """An amount with more than 15 significant digits, or beyond a double's range, would come
    back changed or blank: the write is refused, naming the cell and the amount, and an
    existing file stays as it was."""
    broken, _ = _with_first_amount(monitor_budget(), value)
    path = tmp_path / "monitor.xlsx"
    path.write_bytes(b"bestaand")
    with pytest.raises(WorkbookError) as caught:
        write_workbook(broken, path, force=True)
    (problem,) = caught.value.problems
    assert re.fullmatch(r"Lasten en baten![A-Z]+\d+", problem.where)
    assert f"the number {Decimal(value)} cannot be stored exactly" in problem.message
    assert problem.code == "amount-not-storable"
    assert problem.render("nl").startswith(f"het getal {Decimal(value)} past niet precies")
    assert path.read_bytes() == b"bestaand"


@pytest.mark.parametrize("value", ["1000000000000000000", "123456789012345", "0.00"])
def test_an_amount_of_at_most_15_significant_digits_is_stored_exactly(
    tmp_path: Path, value: str
) -> None:
    """Trailing zeros do not count: 10^18 written with all its zeros is exactly a double."""
    budget, item = _with_first_amount(monitor_budget(), value)
    path = tmp_path / "monitor.xlsx"
    write_workbook(budget, path)
    assert read_workbook(path).prestatie(str(item.code)) == item


def reader_bug(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the reader's own code raise a KeyError: a group of rows names a sheet no table
    has, as a bug would."""
    keys = dict(Index._KEYS)
    keys["geen"] = Sheet(name="Geen blad", columns=(), parent=Parent(("code",), "code"))
    monkeypatch.setattr(Index, "_KEYS", keys)


@pytest.mark.parametrize("engine", ["openpyxl", "calamine"])
def test_a_bug_in_the_reader_is_raised_not_reported_as_an_unreadable_file(
    written: Path, monkeypatch: pytest.MonkeyPatch, engine: str
) -> None:
    """A KeyError raised in the reader's own code is a crash that tests and `--debug` can see,
    never "the workbook cannot be read"."""
    reader_bug(monkeypatch)
    with pytest.raises(KeyError, match="Geen blad"):
        read_workbook_with_problems(written, engine=engine)


@pytest.mark.parametrize("engine", ["openpyxl", "calamine"])
def test_a_workbook_missing_its_list_of_parts_cannot_be_read(
    written: Path, tmp_path: Path, engine: str
) -> None:
    """A KeyError of the zip library (the workbook's list of parts is not in the archive) is
    a reason in the file: "the workbook cannot be read", naming the file."""
    damaged = tmp_path / "zonder-onderdelen.xlsx"
    with zipfile.ZipFile(written) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            if item.filename != "xl/_rels/workbook.xml.rels":
                target.writestr(item, source.read(item))
    budget, problems = read_workbook_with_problems(damaged, engine=engine)
    assert budget is None
    (problem,) = problems
    assert problem.where == str(damaged)
    assert problem.message.startswith("the workbook cannot be read: ")


def _without_sheet(path: Path, name: str, *, complete: bool) -> None:
    workbook = load_workbook(path)
    del workbook[name]
    sheet = workbook["Begroting"]
    row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "Volledig")
    sheet.cell(row=row, column=2).value = "ja" if complete else "nee"
    workbook.save(path)


def test_a_renamed_sheet_is_a_problem_naming_both_sheets(written: Path) -> None:
    workbook = load_workbook(written)
    workbook["Lasten en baten"].title = "Lasten & baten"
    workbook.save(written)
    _, problems = read_workbook_with_problems(written)
    assert [(p.where, p.message) for p in problems] == [
        (
            "Lasten & baten!A1",
            "no sheet 'Lasten en baten', but sheet 'Lasten & baten' holds values that are not"
            " read: expected 'Lasten en baten' (if 'Lasten & baten' is that sheet, rename it"
            " back to 'Lasten en baten')",
        )
    ]


def test_a_missing_sheet_of_a_complete_budget_is_a_problem(written: Path) -> None:
    _without_sheet(written, "Monitor", complete=True)
    _, problems = read_workbook_with_problems(written)
    assert [p.message for p in problems] == [
        "no sheet 'Monitor': expected every sheet in a complete budget (Volledig = ja); add"
        " the sheet, or set Volledig to nee for an excerpt"
    ]


def test_a_missing_sheet_of_an_excerpt_is_read_as_empty_with_a_warning(written: Path) -> None:
    _without_sheet(written, "Monitor", complete=False)
    with pytest.warns(WorkbookWarning, match="no sheet 'Monitor': read as empty"):
        budget, problems = read_workbook_with_problems(written)
    assert problems == []
    assert budget is not None


def test_a_missing_parent_sheet_is_reported_once_as_the_cause(written: Path) -> None:
    """Not one problem per action, status and amount that refers to a prestatie."""
    _without_sheet(written, "Prestaties", complete=False)
    with pytest.warns(WorkbookWarning):
        _, problems = read_workbook_with_problems(written)
    assert len(problems) == 1
    assert problems[0].where == str(written)
    assert problems[0].message.startswith("no sheet 'Prestaties', yet rows refer to it (")


def test_a_value_in_a_column_outside_the_schema_is_a_warning_at_its_cell(written: Path) -> None:
    workbook = load_workbook(written)
    sheet = workbook["Acties"]
    last = sheet.max_column
    sheet.cell(row=1, column=last + 1).value = "Opmerking"
    sheet.cell(row=2, column=last + 1).value = "navragen"
    sheet.cell(row=3, column=last + 3).value = "zonder kop"
    workbook.save(written)
    with pytest.warns(WorkbookWarning) as caught:
        assert read_workbook(written) == monitor_budget()
    messages = [str(warning.message) for warning in caught]
    column, blank = (chr(ord("A") + last), chr(ord("A") + last + 2))
    assert any(f"Acties!{column}2: str 'navragen' in the column 'Opmerking'" in m for m in messages)
    assert any(
        f"Acties!{blank}3: str 'zonder kop' in a column without a header" in m for m in messages
    )


def test_a_duplicate_code_is_reported_once_naming_the_other_cell(written: Path) -> None:
    workbook = load_workbook(written)
    sheet = workbook["Doelen"]
    code = column_of(sheet, "Code")
    set_text(sheet.cell(row=3, column=code), sheet.cell(row=2, column=code).value)
    workbook.save(written)
    _, problems = read_workbook_with_problems(written)
    duplicates = [p for p in problems if "duplicate" in p.message]
    assert len(duplicates) == len(
        {(p.where, p.message) for p in problems if "duplicate" in p.message}
    )
    assert duplicates[0].message.endswith("also at Doelen!C2")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("38450", "38450"),
        ("38.450", "38450"),
        ("1.234,5", "1234.5"),
        ("€ 1.234", "1234"),
        ("-1.234", "-1234"),
        ("(1.234)", "-1234"),
        ("1\u00a0234", "1234"),
        ("€\u202f1.234", "1234"),
    ],
)
def test_a_number_stored_as_text_is_read_the_dutch_way_with_a_warning_at_its_cell(
    written: Path, text: str, value: str
) -> None:
    edit(written, [("Investeringsvoorstellen", "Bedrag (euro)", 2, text)])
    with pytest.warns(WorkbookWarning, match=re.escape(f"stored as text; read as {value}")):
        budget, problems = read_workbook_with_problems(written)
    assert problems == []
    assert budget is not None


@pytest.mark.parametrize(
    ("text", "readings"), [("1.5", "1.5 or as 15"), ("1,234", "1.234 or as 1234")]
)
def test_a_text_that_two_conventions_read_differently_is_a_problem_naming_both(
    written: Path, text: str, readings: str
) -> None:
    edit(written, [("Investeringsvoorstellen", "Bedrag (euro)", 2, text)])
    _, problems = read_workbook_with_problems(written)
    assert len(problems) == 1
    assert problems[0].where == "Investeringsvoorstellen!G2"
    assert f"{text!r} reads as {readings}" in problems[0].message


@pytest.mark.parametrize("engine", ["openpyxl", "calamine"])
def test_a_shared_formula_never_computed_is_reported_at_its_cell(
    written: Path, tmp_path: Path, engine: str
) -> None:
    """A shared formula (Excel's formula filled down) without a computed value cannot be
    placed from the sheet's bytes alone: the reader reads the sheet's formulas as well and
    reports the cell, with either engine."""
    shared = tmp_path / "gedeelde-formule.xlsx"
    with zipfile.ZipFile(written) as source, zipfile.ZipFile(shared, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet2.xml":  # Programma's
                cell = b'<c r="B2" s="3" t="n"><v>7</v></c>'
                assert cell in data
                formula = b'<c r="B2" s="3"><f t="shared" ref="B2:B2" si="0">3+4</f></c>'
                data = data.replace(cell, formula)
            target.writestr(item, data)
    budget, problems = read_workbook_with_problems(shared, engine=engine)
    assert budget is None
    assert [problem.where for problem in problems] == ["Programma's!B2"]
    assert "formula =3+4 has no computed value" in problems[0].message

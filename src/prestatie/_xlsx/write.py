"""Write a budget as the canonical workbook, streaming (openpyxl write-only mode)."""

from __future__ import annotations

import datetime
import io
import os
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.writer.excel import ExcelWriter

from prestatie._atomic import atomic_write, check_destination
from prestatie._errors import Problem, WorkbookError
from prestatie._language import N_, Phrase
from prestatie._model import (
    Budget,
    BudgetColumn,
    Flow,
)
from prestatie._money import cell_problem
from prestatie._xlsx.cached import cache_formula_values
from prestatie._xlsx.cells import MAX_CELL_TEXT, CellValue, escape, too_long
from prestatie._xlsx.codecs import (
    AMOUNT,
    AMOUNT_FORMAT,
    CENTS_FORMAT,
    INTEGER_FORMAT,
    TEXT_FORMAT,
    Codec,
)
from prestatie._xlsx.columns import TOTAL_LABEL, Column, Sheet, year_column, year_header
from prestatie._xlsx.explanation import explanation_rows
from prestatie._xlsx.flatten import ROWS, Row, amount_rows, amount_years
from prestatie._xlsx.schema import (
    BEGROTING,
    EXPLANATION_SHEET,
    LASTEN_EN_BATEN,
    SHEETS,
    WORKBOOK_FORMAT_VERSION,
)

_Worksheet = Any  # the stubs of openpyxl lack what a write-only sheet proxies

BOLD = Font(bold=True)
"""The font of headers and totals, in the budget workbook and the reports alike."""
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
"""The fill of header cells."""
_MIN_WIDTH, _MAX_WIDTH = 8, 60
_FORMULA_START = ("=", "+", "-", "@")
_LAST_ROW = 1_048_576
_WRITE_HEADLINE = "the budget cannot be written as a workbook"


def write_workbook(
    budget: Budget,
    path: str | os.PathLike[str],
    *,
    explanation: bool = False,
    force: bool = False,
) -> None:
    """Write `budget` to `path` as the canonical budget workbook (.xlsx).

    With `explanation`, a first sheet "Toelichting" explains each sheet and column in Dutch
    for the people who fill the workbook in; the reader skips it. The same budget gives the
    same bytes. An existing file at `path` is refused with `FileExistsError` unless `force`,
    and a path not ending in .xlsx with `InvalidValueError`. The file is written to a
    temporary file in the same folder and then renamed, so a failure leaves an existing file
    at `path` untouched. Raises `WorkbookError` naming `path` when a text cannot be stored in
    a workbook (control characters), and `InvalidValueError` for a `path` that holds a
    control character.
    """
    check_destination(path, (".xlsx",), force=force)

    def write(temporary: Path) -> None:
        _write(budget, temporary, os.fspath(path), explanation)
        cache_formula_values(temporary)  # totals that readers without a calculator see

    atomic_write(path, write)


_FIXED_TIME = datetime.datetime(2000, 1, 1)
"""The document times of every workbook written, so that its bytes depend on its content."""
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def save_workbook(workbook: Workbook, path: Path) -> None:
    """Save `workbook` so that the same content gives the same bytes: fixed document times,
    the creator `prestatie`, and zip entries without the time of writing."""
    properties = workbook.properties
    properties.creator = properties.lastModifiedBy = "prestatie"
    properties.created = properties.modified = _FIXED_TIME
    buffer = io.BytesIO()
    ExcelWriter(workbook, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    with (
        zipfile.ZipFile(buffer) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))


def print_setup(worksheet: _Worksheet, header_rows: int = 1) -> None:
    """Print a sheet landscape, one page wide, with its header rows on every page."""
    worksheet.page_setup.orientation = "landscape"
    worksheet.page_setup.fitToWidth = 1
    worksheet.page_setup.fitToHeight = 0
    worksheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    if header_rows:
        worksheet.print_title_rows = f"1:{header_rows}"


def _write(budget: Budget, path: Path, destination: str, explanation: bool) -> None:
    workbook = Workbook(write_only=True)
    problems: list[Problem] = []
    if explanation:
        _write_explanation(workbook.create_sheet(EXPLANATION_SHEET))
    for sheet in SHEETS:
        worksheet = workbook.create_sheet(sheet.name)
        if sheet is BEGROTING:
            _write_fields(worksheet, budget, problems)
        elif sheet is LASTEN_EN_BATEN:
            _write_amounts(worksheet, budget, problems)
        else:
            _write_table(worksheet, sheet, sheet.columns, list(ROWS[sheet](budget)), problems)
    save_workbook(workbook, path)  # also when there are problems: it closes the streams
    if problems:
        raise WorkbookError(
            _at_json_paths(budget, problems), source=destination, headline=_WRITE_HEADLINE
        )


@attrs.frozen
class _LongText(Problem):
    """A text too long for a cell, kept so that its JSON path can be found."""

    text: str = ""


def _at_json_paths(budget: Budget, problems: list[Problem]) -> list[Problem]:
    """The problems, a text that is too long placed at its JSON path, naming the cell.

    Only a failed write walks the budget for the paths; a list joined into one cell that
    is too long as a whole keeps its cell."""
    if not any(isinstance(problem, _LongText) for problem in problems):
        return problems
    paths: dict[str, str] = {}
    for found, text in _texts(budget, "$"):
        paths.setdefault(text, found)
    placed: list[Problem] = []
    for problem in problems:
        path = paths.get(problem.text) if isinstance(problem, _LongText) else None
        if path is None:
            fields = attrs.asdict(problem, recurse=False, filter=lambda a, _: a.name != "text")
            placed.append(Problem(**fields))
        else:
            placed.append(
                Problem.of(
                    path,
                    problem.code,
                    N_("{reason} (cell {cell})"),
                    reason=Phrase(problem.template),
                    cell=problem.where,
                    **problem.params,
                )
            )
    return placed


def _texts(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        if len(value) > MAX_CELL_TEXT // 2:
            yield path, value
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from _texts(getattr(value, field.name), f"{path}.{field.name}")
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _texts(item, f"{path}[{index}]")


_WRAP = Alignment(wrap_text=True, vertical="top")
_EXPLANATION_WIDTHS = (26, 60, 40, 10, 40)


def _write_explanation(worksheet: _Worksheet) -> None:
    print_setup(worksheet, header_rows=0)
    for index, width in enumerate(_EXPLANATION_WIDTHS, start=1):
        worksheet.column_dimensions[get_column_letter(index)].width = width
    rows = explanation_rows()
    for number, row in enumerate(rows):
        cells = []
        for value in row:
            cell = WriteOnlyCell(worksheet, value=value)
            cell.data_type = "s"
            cell.alignment = _WRAP
            if number == 0 or not rows[number - 1]:  # the title and the tables' headers
                cell.font = BOLD
                if number:
                    cell.fill = HEADER_FILL
            cells.append(cell)
        worksheet.append(cells)


class _Cell(Cell):
    """A cell with a cheap repr: openpyxl's write-only `append` spells out the repr of every
    cell it is given while finding out that it is a cell."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<Cell>"


def _style(worksheet: _Worksheet, number_format: str) -> StyleArray:
    """The style of a cell with this number format, to copy into many cells at once."""
    cell = Cell(worksheet, row=1, column=1)
    cell.number_format = number_format
    style: StyleArray = cell._style  # type: ignore[attr-defined]
    return style


def _cell(
    worksheet: _Worksheet,
    value: CellValue,
    style: StyleArray | str,
    where: str | tuple[str, str, int],
    problems: list[Problem],
) -> Cell:
    """A cell holding `value` with `style` (or a number format); `where` names it as a
    string or as (sheet, column letter, row)."""
    if isinstance(style, str):
        style = _style(worksheet, style)
    stored: CellValue = value
    if isinstance(value, str):
        stored = escape(value)
        if len(stored) > MAX_CELL_TEXT:
            # openpyxl would cut the text; a workbook must hold all of it.
            if not isinstance(where, str):
                where = f"{where[0]}!{where[1]}{where[2]}"
            reason = too_long(value, stored)
            found = Problem.of(where, "text-too-long", reason.template, **reason.params)
            problems.append(_LongText(**attrs.asdict(found, recurse=False), text=value))
            stored = None
    try:
        cell = _Cell(worksheet, row=1, column=1, value=stored, style_array=style)
    except IllegalCharacterError:
        if not isinstance(where, str):
            where = f"{where[0]}!{where[1]}{where[2]}"
        problems.append(
            Problem.of(
                where,
                "control-character",
                N_(
                    "text {text!r} holds a control character that a workbook cannot store:"
                    " expected printable text"
                ),
                text=value,
            )
        )
        cell = _Cell(worksheet, row=1, column=1, style_array=style)
    if isinstance(value, str):
        # openpyxl makes any string starting with "=" a formula; text must stay text.
        cell.data_type = "s"
        if value.startswith(_FORMULA_START):
            cell.quotePrefix = True
    return cell


def _header(worksheet: _Worksheet, headers: Sequence[str]) -> list[Cell]:
    cells = []
    for header in headers:
        cell = WriteOnlyCell(worksheet, value=header)
        cell.data_type = "s"
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cells.append(cell)
    return cells


def _number_format(codec: Codec, values: Iterable[Any]) -> str:
    if not codec.is_number:
        return TEXT_FORMAT
    if codec.number_format == INTEGER_FORMAT:
        return INTEGER_FORMAT
    has_cents = any(
        isinstance(value, Decimal) and value != value.to_integral_value() for value in values
    )
    return CENTS_FORMAT if has_cents else AMOUNT_FORMAT


def _width(values: Iterable[CellValue], header: str) -> float:
    longest = len(header) + 2
    for value in values:
        if value is None:
            continue
        text = f"{value:,}" if isinstance(value, int | Decimal) else str(value)
        longest = max(longest, max(len(line) for line in text.split("\n")) + 1)
        if longest >= _MAX_WIDTH:
            return _MAX_WIDTH
    return max(_MIN_WIDTH, longest)


def _dropdown(worksheet: _Worksheet, choices: Sequence[str], ref: str) -> None:
    formula = '"' + ",".join(choices) + '"'
    if len(formula) > 257 or any("," in choice for choice in choices):
        return  # Excel limits an inline list to 255 characters and splits on commas.
    validation = DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Ongeldige waarde",
        error="Kies een waarde uit de lijst.",
    )
    validation.add(ref)
    worksheet.data_validations.append(validation)


def _finish(worksheet: _Worksheet, columns: int, data_rows: int, total_rows: int = 0) -> None:
    worksheet.freeze_panes = "A2"
    print_setup(worksheet)
    worksheet.auto_filter.ref = f"A1:{get_column_letter(columns)}{data_rows + 1}"
    # Stating the size up front spares readers a pass over the sheet to find it.
    size = f"A1:{get_column_letter(columns)}{data_rows + total_rows + 1}"
    worksheet.calculate_dimension = lambda: size


def _write_table(
    worksheet: _Worksheet,
    sheet: Sheet,
    columns: Sequence[Column],
    rows: list[Row],
    problems: list[Problem],
    total_rows: int = 0,
) -> None:
    encoded = [[column.codec.write(row[column.key]) for column in columns] for row in rows]
    formats = [
        _number_format(column.codec, (row[column.key] for row in rows)) for column in columns
    ]
    for index, column in enumerate(columns):
        letter = get_column_letter(index + 1)
        values = (cells[index] for cells in encoded)
        worksheet.column_dimensions[letter].width = _width(values, column.header)
        # Cells typed in later take the column's format: a code typed as 7.10 stays text.
        worksheet.column_dimensions[letter].number_format = formats[index]
        if column.codec.choices:
            _dropdown(worksheet, column.codec.choices, f"{letter}2:{letter}{_LAST_ROW}")
    _finish(worksheet, len(columns), len(rows), total_rows)
    worksheet.append(_header(worksheet, [column.header for column in columns]))
    letters = [get_column_letter(index + 1) for index in range(len(columns))]
    styles = [_style(worksheet, number_format) for number_format in formats]
    name = sheet.name
    for index, column in enumerate(columns):
        if column.codec.is_number:
            for number, cells in enumerate(encoded, start=2):
                value = cells[index]
                trouble = cell_problem(value) if isinstance(value, Decimal) else None
                if trouble is not None:
                    where = f"{name}!{letters[index]}{number}"
                    problems.append(
                        Problem.of(where, "amount-not-storable", trouble.template, **trouble.params)
                    )
    for number, cells in enumerate(encoded, start=2):
        worksheet.append(
            [
                _cell(worksheet, value, styles[i], (name, letters[i], number), problems)
                for i, value in enumerate(cells)
            ]
        )


def _write_fields(worksheet: _Worksheet, budget: Budget, problems: list[Problem]) -> None:
    values = {"format_version": WORKBOOK_FORMAT_VERSION, **BEGROTING.values(budget)}
    worksheet.column_dimensions["A"].width = _width(
        (column.header for column in BEGROTING.columns), "Gegeven"
    )
    worksheet.column_dimensions["B"].width = _width(
        (column.codec.write(values[column.key]) for column in BEGROTING.columns), "Waarde"
    )
    _finish(worksheet, 2, len(BEGROTING.columns))
    worksheet.auto_filter.ref = None
    worksheet.append(_header(worksheet, ["Gegeven", "Waarde"]))
    for number, column in enumerate(BEGROTING.columns, start=2):
        if column.codec.choices:
            _dropdown(worksheet, column.codec.choices, f"B{number}")
        label = _cell(worksheet, column.header, TEXT_FORMAT, f"Begroting!A{number}", problems)
        label.font = BOLD
        value = column.codec.write(values[column.key])
        number_format = INTEGER_FORMAT if column.codec.is_number else TEXT_FORMAT
        worksheet.append(
            [label, _cell(worksheet, value, number_format, f"Begroting!B{number}", problems)]
        )


def _write_amounts(worksheet: _Worksheet, budget: Budget, problems: list[Problem]) -> None:
    years = amount_years(budget)
    fixed = LASTEN_EN_BATEN.columns
    year_columns = [year_column(year, year_header(year, budget.unit)) for year in years]
    year_keys = {year: column.key for year, column in zip(years, year_columns, strict=True)}
    columns = [*fixed, *year_columns]
    rows = []
    for row in amount_rows(budget):
        row.update({year_keys[year]: value for year, value in row.pop("years").items()})
        rows.append({column.key: row.get(column.key) for column in columns})
    present = {(row["flow"], row["column"]) for row in rows}
    totals = [(f, c) for f in Flow for c in BudgetColumn if (f, c) in present]
    _write_table(worksheet, LASTEN_EN_BATEN, columns, rows, problems, len(totals))
    last = len(rows) + 1
    flow_letter = get_column_letter(1 + fixed.index(LASTEN_EN_BATEN.column("flow")))
    column_letter = get_column_letter(1 + fixed.index(LASTEN_EN_BATEN.column("column")))
    year_format = _number_format(AMOUNT, (row[c.key] for row in rows for c in year_columns))
    for flow, column in totals:
        cells: list[Cell] = []
        for header_column in columns:
            if header_column.key == "level":
                value: CellValue = TOTAL_LABEL
            elif header_column.key == "flow":
                value = flow.value
            elif header_column.key == "column":
                value = column.value
            else:
                value = None
            cell = _cell(worksheet, value, TEXT_FORMAT, "", problems)
            cell.font = BOLD
            cells.append(cell)
        for index in range(len(fixed), len(fixed) + len(year_columns)):
            letter = get_column_letter(index + 1)
            formula = (
                f"=SUMIFS({letter}$2:{letter}${last},"
                f'${flow_letter}$2:${flow_letter}${last},"{flow.value}",'
                f'${column_letter}$2:${column_letter}${last},"{column.value}")'
            )
            cell = WriteOnlyCell(worksheet, value=formula)
            cell.number_format = year_format
            cell.font = BOLD
            cells[index] = cell
        worksheet.append(cells)

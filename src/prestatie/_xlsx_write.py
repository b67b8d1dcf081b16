"""Write a budget as the canonical workbook, streaming (openpyxl write-only mode)."""

from __future__ import annotations

import os
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

from prestatie._atomic import atomic_write
from prestatie._errors import Problem, WorkbookError
from prestatie._model import Amount, Budget, BudgetColumn, Flow
from prestatie._sheets import (
    AMOUNT,
    AMOUNT_FORMAT,
    BEGROTING,
    CENTS_FORMAT,
    EXPLANATION_SHEET,
    INTEGER_FORMAT,
    LASTEN_EN_BATEN,
    SHEETS,
    TEXT_FORMAT,
    TOTAL_LABEL,
    WORKBOOK_FORMAT_VERSION,
    CellValue,
    Codec,
    Column,
    Owner,
    Sheet,
    explanation_rows,
    year_header,
)
from prestatie._xlsx_cached import cache_formula_values
from prestatie._xlsx_text import MAX_CELL_TEXT, escape, too_long

Row = dict[str, Any]
_Worksheet = Any  # the stubs of openpyxl lack what a write-only sheet proxies

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_TOTAL_FONT = Font(bold=True)
_MIN_WIDTH, _MAX_WIDTH = 8, 60
_FORMULA_START = ("=", "+", "-", "@")
_LAST_ROW = 1_048_576
_WRITE_HEADLINE = "the budget cannot be written as a workbook"


def write_workbook(
    budget: Budget, path: str | os.PathLike[str], *, explanation: bool = False
) -> None:
    """Write `budget` to `path` as the canonical budget workbook (.xlsx).

    With `explanation`, a first sheet "Toelichting" explains each sheet and column in Dutch
    for the people who fill the workbook in; the reader skips it. The file is written to a
    temporary file in the same folder and then renamed, so a failure leaves an existing file
    at `path` untouched. Raises `WorkbookError` naming `path` when a text cannot be stored in
    a workbook (control characters), and `InvalidValueError` for a `path` that holds a
    control character.
    """

    def write(temporary: Path) -> None:
        _write(budget, temporary, os.fspath(path), explanation)
        cache_formula_values(temporary)  # totals that readers without a calculator see

    atomic_write(path, write)


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
            _write_table(worksheet, sheet, sheet.columns, list(_ROWS[sheet.name](budget)), problems)
    workbook.save(path)  # also when there are problems: it closes the sheets' streams
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
            placed.append(Problem(where=problem.where, message=problem.message))
        else:
            placed.append(Problem(where=path, message=f"{problem.message} (cell {problem.where})"))
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
                cell.font = _HEADER_FONT
                if number:
                    cell.fill = _HEADER_FILL
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
            problems.append(_LongText(where=where, message=too_long(value, stored), text=value))
            stored = None
    try:
        cell = _Cell(worksheet, row=1, column=1, value=stored, style_array=style)
    except IllegalCharacterError:
        if not isinstance(where, str):
            where = f"{where[0]}!{where[1]}{where[2]}"
        problems.append(
            Problem(
                where=where,
                message=f"text {value!r} holds a control character that a workbook cannot"
                " store: expected printable text",
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
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
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
                if isinstance(value, Decimal) and not _storable(value):
                    where = f"{name}!{letters[index]}{number}"
                    problems.append(Problem(where=where, message=_unstorable(value)))
    for number, cells in enumerate(encoded, start=2):
        worksheet.append(
            [
                _cell(worksheet, value, styles[i], (name, letters[i], number), problems)
                for i, value in enumerate(cells)
            ]
        )


# A cell holds an IEEE double: 15 significant digits survive any round trip, and Excel and
# LibreOffice refuse magnitudes beyond about 1e308.
_CELL_DIGITS = 15
_CELL_EXPONENT = 300


def _storable(value: Decimal) -> bool:
    digits = value.as_tuple().digits
    if len(digits) > _CELL_DIGITS and len(value.normalize().as_tuple().digits) > _CELL_DIGITS:
        return False
    return not value or -_CELL_EXPONENT <= value.adjusted() <= _CELL_EXPONENT


def _unstorable(value: Decimal) -> str:
    return (
        f"the number {value} cannot be stored exactly in a workbook cell: expected at most"
        f" {_CELL_DIGITS} significant digits and a size between 1e-{_CELL_EXPONENT} and"
        f" 1e{_CELL_EXPONENT} (the JSON form keeps any amount exactly)"
    )


def _write_fields(worksheet: _Worksheet, budget: Budget, problems: list[Problem]) -> None:
    values: dict[str, Any] = {"format_version": WORKBOOK_FORMAT_VERSION}
    for column in BEGROTING.columns[1:]:
        values[column.key] = getattr(budget, column.key)
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
        label.font = _HEADER_FONT
        value = column.codec.write(values[column.key])
        number_format = INTEGER_FORMAT if column.codec.is_number else TEXT_FORMAT
        worksheet.append(
            [label, _cell(worksheet, value, number_format, f"Begroting!B{number}", problems)]
        )


def amount_owners(budget: Budget) -> Iterator[tuple[Owner, str, tuple[Amount, ...]]]:
    """Every owner of amounts, in budget order: level, code and amounts."""
    for programme in budget.programmes:
        yield Owner.PROGRAMMA, str(programme.code), programme.amounts
        for objective in programme.objectives:
            yield Owner.DOEL, str(objective.code), objective.amounts
            for prestatie in objective.prestaties:
                yield Owner.PRESTATIE, str(prestatie.code), prestatie.amounts


def amount_years(budget: Budget) -> list[int]:
    """The years the amounts table shows: the budget's window, and any year an amount has."""
    years = set(range(budget.first_year, budget.last_year + 1))
    for _, _, amounts in amount_owners(budget):
        years.update(amount.year for amount in amounts)
    return sorted(years)


def _amount_rows(budget: Budget) -> Iterator[Row]:
    for level, code, amounts in amount_owners(budget):
        # One row per flow, column and nature, in the order they first appear; a key given
        # twice (which the checks report) spills into a further row rather than being lost.
        rows: list[Row] = []
        for position, amount in enumerate(amounts, start=1):
            key = (amount.flow, amount.column, amount.nature)
            row = next((r for r in rows if r["key"] == key and amount.year not in r["years"]), None)
            if row is None:
                row = {"key": key, "years": {}, "positions": {}}
                rows.append(row)
            row["years"][amount.year] = amount.value
            row["positions"][amount.year] = position
        for row in rows:
            flow, column, nature = row["key"]
            order = " ".join(f"{year}:{position}" for year, position in row["positions"].items())
            yield {
                "level": level,
                "code": code,
                "flow": flow,
                "column": column,
                "nature": nature,
                "years": row["years"],
                "order": order,
            }


def _write_amounts(worksheet: _Worksheet, budget: Budget, problems: list[Problem]) -> None:
    years = amount_years(budget)
    fixed, order = LASTEN_EN_BATEN.columns[:-1], LASTEN_EN_BATEN.columns[-1]
    year_columns = [
        Column(header=year_header(year, budget.unit), key=f"year:{year}", codec=AMOUNT)
        for year in years
    ]
    columns = [*fixed, *year_columns, order]
    rows = []
    for row in _amount_rows(budget):
        row.update({f"year:{year}": value for year, value in row.pop("years").items()})
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
            cell.font = _TOTAL_FONT
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
            cell.font = _TOTAL_FONT
            cells[index] = cell
        worksheet.append(cells)


def _programme_rows(budget: Budget) -> Iterator[Row]:
    for position, programme in enumerate(budget.programmes, start=1):
        yield {"position": position, "number": programme.number, "name": programme.name}


def _ambition_rows(budget: Budget) -> Iterator[Row]:
    for programme in budget.programmes:
        if programme.ambition is not None:
            yield {"programme": programme.number, "text": programme.ambition.text}


def _objective_rows(budget: Budget) -> Iterator[Row]:
    for programme in budget.programmes:
        for position, objective in enumerate(programme.objectives, start=1):
            yield {
                "programme": programme.number,
                "position": position,
                "code": objective.code,
                "title": objective.title,
            }


def _indicator_rows(budget: Budget) -> Iterator[Row]:
    for objective in budget.objectives():
        for position, indicator in enumerate(objective.indicators, start=1):
            yield {
                "objective": objective.code,
                "position": position,
                "name": indicator.name,
                "unit": indicator.unit,
                "baseline": indicator.baseline,
                "baseline_year": indicator.baseline_year,
                "source": indicator.source,
            }


def _prestatie_rows(budget: Budget) -> Iterator[Row]:
    for objective in budget.objectives():
        for position, prestatie in enumerate(objective.prestaties, start=1):
            duration = prestatie.duration
            yield {
                "objective": objective.code,
                "position": position,
                "code": prestatie.code,
                "title": prestatie.title,
                "introduction": prestatie.introduction,
                "context": prestatie.context,
                "portfolio_holders": prestatie.portfolio_holders,
                "roles": prestatie.roles,
                "role_text": prestatie.role_text,
                "duration.kind": duration and duration.kind,
                "duration.start_year": duration and duration.start_year,
                "duration.end_year": duration and duration.end_year,
                "duration.text": duration.text if duration else "",
                "reserve_link.related": prestatie.reserve_link.related,
                "reserve_link.reserve": prestatie.reserve_link.reserve,
                "continuity": prestatie.continuity,
            }


def _status_rows(budget: Budget) -> Iterator[Row]:
    for prestatie in budget.prestaties():
        status = prestatie.status
        if status is not None:
            yield {
                "prestatie": prestatie.code,
                "content": status.content,
                "financial": status.financial,
                "budget_change": status.budget_change,
                "progress": status.progress,
            }


def _action_rows(budget: Budget) -> Iterator[Row]:
    for prestatie in budget.prestaties():
        for position, action in enumerate(prestatie.actions, start=1):
            yield {
                "prestatie": prestatie.code,
                "position": position,
                "number": action.number,
                "text": action.text,
                "references": action.references,
            }


def _target_rows(budget: Budget) -> Iterator[Row]:
    def row(owner: Owner, code: Any, part: int | None, position: int, target: Any) -> Row:
        return {
            "owner": owner,
            "owner_code": code,
            "part": part,
            "position": position,
            "kind": target.kind,
            "unit": target.unit,
            "lower": target.lower,
            "lower_inclusive": target.lower_inclusive,
            "upper": target.upper,
            "upper_inclusive": target.upper_inclusive,
            "year": target.year,
            "baseline": target.baseline,
            "baseline_year": target.baseline_year,
            "text": target.text,
        }

    for programme in budget.programmes:
        if programme.ambition is not None and programme.ambition.target is not None:
            yield row(Owner.AMBITIE, programme.code, None, 1, programme.ambition.target)
    for prestatie in budget.prestaties():
        for action in prestatie.actions:
            for position, target in enumerate(action.targets, start=1):
                yield row(Owner.ACTIE, prestatie.code, action.number, position, target)
    for objective in budget.objectives():
        for part, indicator in enumerate(objective.indicators, start=1):
            for position, target in enumerate(indicator.targets, start=1):
                yield row(Owner.INDICATOR, objective.code, part, position, target)


def _measurement_rows(budget: Budget) -> Iterator[Row]:
    def row(owner: Owner, code: Any, part: int, position: int, measurement: Any) -> Row:
        return {
            "owner": owner,
            "owner_code": code,
            "part": part,
            "position": position,
            "unit": measurement.unit,
            "value": measurement.value,
            "year": measurement.year,
        }

    for prestatie in budget.prestaties():
        for action in prestatie.actions:
            for position, measurement in enumerate(action.realised, start=1):
                yield row(Owner.ACTIE, prestatie.code, action.number, position, measurement)
    for objective in budget.objectives():
        for part, indicator in enumerate(objective.indicators, start=1):
            for position, measurement in enumerate(indicator.realised, start=1):
                yield row(Owner.INDICATOR, objective.code, part, position, measurement)


def _proposal_link_rows(budget: Budget) -> Iterator[Row]:
    for prestatie in budget.prestaties():
        for position, link in enumerate(prestatie.reserve_link.proposals, start=1):
            yield {
                "prestatie": prestatie.code,
                "position": position,
                "ps_number": link.ps_number,
                "related": link.related,
                "text": link.text,
            }


def _reserve_rows(budget: Budget) -> Iterator[Row]:
    for position, reserve in enumerate(budget.reserves, start=1):
        yield {"position": position, "name": reserve.name, "description": reserve.description}


def _proposal_rows(budget: Budget) -> Iterator[Row]:
    for position, proposal in enumerate(budget.proposals, start=1):
        yield {
            "position": position,
            "name": proposal.name,
            "ps_number": proposal.ps_number,
            "year": proposal.year,
            "amended_by": proposal.amended_by,
            "reserve": proposal.reserve,
            "amount": proposal.amount,
        }


_ROWS = {
    "Programma's": _programme_rows,
    "Ambities": _ambition_rows,
    "Doelen": _objective_rows,
    "Indicatoren": _indicator_rows,
    "Prestaties": _prestatie_rows,
    "Acties": _action_rows,
    "Streefwaarden": _target_rows,
    "Realisaties": _measurement_rows,
    "Voorstellen per prestatie": _proposal_link_rows,
    "Monitor": _status_rows,
    "Reserves": _reserve_rows,
    "Investeringsvoorstellen": _proposal_rows,
}

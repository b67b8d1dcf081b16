"""A foreign worksheet seen through a mapping: its cells read through the shared cell layer
(merged cells filled in), its headers resolved, its amounts read leniently."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from pathlib import Path

import attrs
from openpyxl.utils import column_index_from_string, get_column_letter

from prestatie._errors import PrestatieError, Problem, WorkbookError, describe
from prestatie._foreign.mapping import ColumnRef, DerivedColumn, Mapping
from prestatie._language import N_
from prestatie._model import BudgetColumn, Flow
from prestatie._money import from_spreadsheet_number, parse_amount, spreadsheet_text
from prestatie._xlsx.cells import Cells, CellValue
from prestatie._xlsx.safety import check_xlsx

_EXPECTED_AMOUNT = N_(
    "found {found}: expected an amount such as 1.234 or 1.234,56, or '-' for none"
)


@attrs.frozen
class Column:
    """A column of amounts: the budget column and year it holds, and its flow when the column
    itself states one (else the row's)."""

    index: int  # 1-based
    budget_column: BudgetColumn
    year: int
    flow: Flow | None
    header: str
    checked_saldo: bool = False
    """A saldo column beside lasten and baten columns of its year: checked, not imported."""

    @property
    def letter(self) -> str:
        return get_column_letter(self.index)


def read_rows(path: Path, mapping: Mapping) -> tuple[str, dict[int, list[CellValue]]]:
    """The name and the rows of the mapped sheet; `WorkbookError` if it cannot be read."""
    check_xlsx(path)
    try:
        cells = Cells(path, "auto")
    except Exception as exc:  # the engines raise many kinds on damaged parts
        message = N_("cannot read the workbook: {reason}")
        raise WorkbookError(
            [Problem.of(str(path), "workbook-unreadable", message, reason=exc)], source=str(path)
        ) from None
    try:
        if mapping.sheet is not None and mapping.sheet not in cells.sheetnames:
            names = ", ".join(repr(name) for name in cells.sheetnames)
            message = N_("no sheet {sheet!r}: found {names}")
            raise WorkbookError(
                [
                    Problem.of(
                        str(path), "mapped-sheet-missing", message, sheet=mapping.sheet, names=names
                    )
                ],
                source=str(path),
            )
        name = mapping.sheet or cells.sheetnames[0]
        rows = {number: values for number, values, _ in cells.rows(name)}
        if cells.problems:
            raise WorkbookError(cells.problems, source=str(path))
    finally:
        cells.close()
    return name, rows


class Sheet:
    """A worksheet seen through a mapping: headers resolved, cells read leniently."""

    def __init__(
        self, name: str, rows: dict[int, list[CellValue]], mapping: Mapping, problems: list[Problem]
    ) -> None:
        self.name = name
        self.rows = rows
        self.mapping = mapping
        self.problems = problems
        self.bad: set[tuple[int, int]] = set()
        self.derived: list[tuple[DerivedColumn, int]] = []
        """The derived columns found, with their column numbers."""
        self.max_row = max(rows, default=0)
        self.max_column = max((len(values) for values in rows.values()), default=0)
        self.headers = {col: self._header(col) for col in range(1, self.max_column + 1)}

    def value(self, row: int, col: int) -> CellValue:
        values = self.rows.get(row, [])
        return values[col - 1] if col - 1 < len(values) else None

    def ref(self, row: int, col: int) -> str:
        return f"{self.name}!{get_column_letter(col)}{row}"

    def blank(self, row: int) -> bool:
        return all(v is None or str(v).strip() == "" for v in self.rows.get(row, []))

    def _header_text(self, row: int, col: int) -> str:
        value = self.value(row, col)
        if value is None or not str(value).strip():
            return ""
        text = spreadsheet_text(value) if isinstance(value, float) else str(value)
        return " ".join(text.split())

    def _header(self, col: int) -> str:
        parts = []
        for row in self.mapping.header_rows:
            text = self._header_text(row, col)
            if not text and row in self.mapping.group_rows:
                # A group heading stands above the group's first column only.
                text = next(
                    (t for c in range(col - 1, 0, -1) if (t := self._header_text(row, c))), ""
                )
            if text:
                parts.append(text)
        return " ".join(parts)

    def find(self, column: ColumnRef | None, required: bool = True) -> int | None:
        if column is None:
            return None
        if column.letter is not None:
            return column_index_from_string(column.letter.upper())
        for col, header in self.headers.items():
            if column.matches(header):
                return col
        if required:
            found = ", ".join(repr(h) for h in self.headers.values() if h) or "-"
            names = " / ".join(repr(name) for name in (column.header, *column.aliases))
            row = self.mapping.header_rows[0]
            self.problems.append(
                Problem.of(
                    f"{self.name}!{row}:{row}",
                    "mapped-column-missing",
                    N_("no column headed {names}: the headers found are {found}"),
                    names=names,
                    found=found,
                )
            )
        return None

    def amount(self, row: int, col: int) -> Decimal | None:
        """The amount in a cell; None when it is blank, "-" or "n.v.t."."""
        value = self.value(row, col)
        if value is None:
            return None
        if isinstance(value, (bool, datetime.date | datetime.time)):
            self.problem(row, col, value, "not-an-amount", _EXPECTED_AMOUNT)
            return None
        try:
            if isinstance(value, int | float):
                return from_spreadsheet_number(value)
            if isinstance(value, str):
                return parse_amount(value)
        except PrestatieError:
            pass
        self.problem(row, col, value, "not-an-amount", _EXPECTED_AMOUNT)
        return None

    def text(self, row: int, col: int | None) -> str:
        if col is None:
            return ""
        value = self.value(row, col)
        if value is None:
            return ""
        if isinstance(value, float):
            return spreadsheet_text(value)
        return " ".join(str(value).split())

    def problem(
        self, row: int, col: int, value: object, code: str, template: str, /, **params: object
    ) -> None:
        """A problem with the value found in a cell; `template` names it as `{found}`."""
        if (row, col) in self.bad:
            return  # a cell read twice (a totals row) is reported once
        self.bad.add((row, col))
        self.problem_at(row, col, code, template, found=describe(value), **params)

    def problem_at(self, row: int, col: int, code: str, template: str, /, **params: object) -> None:
        """A problem at a cell that is not about its value (an amount given twice); like
        every problem, it refuses the import."""
        self.problems.append(Problem.of(self.ref(row, col), code, template, **params))


def amount_columns(sheet: Sheet, mapping: Mapping) -> list[Column]:
    """The mapped amount columns; two that hold the same amount are a problem naming both.
    The derived columns are found too (`Sheet.derived`)."""
    columns = []
    for spec in mapping.columns:
        col = sheet.find(spec)
        if col is not None:
            header = sheet.headers.get(col, "")
            columns.append(Column(col, spec.budget_column, spec.year, spec.flow, header))
    if mapping.year_columns is not None:
        taken = {column.index for column in columns}
        for col, header in sheet.headers.items():
            found = mapping.year_columns.match(header) if header and col not in taken else None
            if found is not None:
                columns.append(Column(col, found[0], found[1], found[2], header))
        if not any(mapping.year_columns.match(h) for h in sheet.headers.values() if h):
            row = mapping.header_rows[0]
            sheet.problems.append(
                Problem.of(
                    f"{sheet.name}!{row}:{row}",
                    "year-columns-missing",
                    N_("no year columns: expected headers matching {pattern!r}"),
                    pattern=mapping.year_columns.pattern,
                )
            )
    sheet.derived = []
    for derived in mapping.derived:
        # A header that is an amount column as well is reported missing once.
        also_amount = any(c.header == derived.header for c in mapping.columns)
        col = sheet.find(derived, required=not also_amount)
        if col is not None:
            sheet.derived.append((derived, col))
    return _with_checked_saldo(sheet, sorted(columns, key=lambda c: c.index))


def _with_checked_saldo(sheet: Sheet, columns: list[Column]) -> list[Column]:
    seen: dict[tuple[Flow | None, BudgetColumn, int], Column] = {}
    kept = []
    for column in columns:
        key = (column.flow, column.budget_column, column.year)
        if key in seen:
            first = seen[key]
            template = (
                N_(
                    "columns {first} ({first_header!r}) and {second} ({second_header!r}) both"
                    " hold {flow} {column} {year}: expected one column per amount"
                )
                if column.flow
                else N_(
                    "columns {first} ({first_header!r}) and {second} ({second_header!r}) both"
                    " hold the row's flow {column} {year}: expected one column per amount"
                )
            )
            sheet.problem_at(
                sheet.mapping.header_rows[-1],
                column.index,
                "columns-hold-one-amount",
                template,
                first=first.letter,
                first_header=first.header,
                second=column.letter,
                second_header=column.header,
                flow=column.flow.value if column.flow else "",
                column=column.budget_column.value,
                year=column.year,
            )
            continue  # reported once, here, not again at every row
        seen[key] = column
        kept.append(column)
    return [
        attrs.evolve(column, checked_saldo=True)
        if column.flow is Flow.SALDO
        and (Flow.LASTEN, column.budget_column, column.year) in seen
        and (Flow.BATEN, column.budget_column, column.year) in seen
        else column
        for column in kept
    ]


_YEAR = re.compile(r"\b([12][0-9]{3})\b")


def year_in(header: str) -> int | None:
    """The one year a header names, such as 2018 in "Begroot 2018 na zomernota"."""
    years = set(_YEAR.findall(header))
    return int(years.pop()) if len(years) == 1 else None

"""Import amounts from a foreign budget sheet through a declared `Mapping`.

The reader is tolerant of what hand-made sheets hold (numbers as Dutch text, headers split
over rows or merged across columns, blank rows, notes under the table) and strict about what
they claim: totals rows and derived columns are checked against their figures, and every
problem is reported with its cell, all at once.
"""

from __future__ import annotations

import datetime
import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from prestatie._checks import CHECKS, check_actueel
from prestatie._code import Code
from prestatie._errors import PrestatieError, Problem, WorkbookError, describe
from prestatie._mapping import ColumnRef, Layout, Mapping
from prestatie._model import Amount, Budget, BudgetColumn, Flow, Objective, Prestatie, Programme
from prestatie._money import convert, from_spreadsheet_number, parse_amount, total
from prestatie._xlsx.safety import check_xlsx

_Key = tuple[Flow, BudgetColumn, int]


@attrs.frozen
class _Column:
    index: int  # 1-based
    budget_column: BudgetColumn
    year: int


@attrs.define
class _Row:
    number: int
    code: Code | None
    label: str
    title: str
    flow: Flow
    values: dict[_Key, tuple[Decimal, str]]  # key -> (amount in the sheet's unit, cell)


class _Sheet:
    """A worksheet seen through a mapping: headers resolved, cells read leniently."""

    def __init__(self, worksheet: Any, mapping: Mapping, problems: list[Problem]) -> None:
        self.ws = worksheet
        self.name = worksheet.title
        self.mapping = mapping
        self.problems = problems
        self.bad: set[tuple[int, int]] = set()
        self.merged: dict[tuple[int, int], Any] = {}
        for merged in worksheet.merged_cells.ranges:
            top_left = worksheet.cell(merged.min_row, merged.min_col).value
            for row in range(merged.min_row, merged.max_row + 1):
                for col in range(merged.min_col, merged.max_col + 1):
                    self.merged[(row, col)] = top_left
        self.headers = {col: self._header(col) for col in range(1, worksheet.max_column + 1)}

    def value(self, row: int, col: int) -> Any:
        if (row, col) in self.merged:
            return self.merged[(row, col)]
        return self.ws.cell(row, col).value

    def ref(self, row: int, col: int) -> str:
        return f"{self.name}!{get_column_letter(col)}{row}"

    def _header(self, col: int) -> str:
        parts = []
        for row in self.mapping.header_rows:
            value = self.value(row, col)
            if value is not None and str(value).strip():
                text = str(from_spreadsheet_number(value)) if isinstance(value, float) else value
                parts.append(" ".join(str(text).split()))
        return " ".join(parts)

    def find(self, column: ColumnRef | None, required: bool = True) -> int | None:
        if column is None:
            return None
        for col, header in self.headers.items():
            if column.matches(header):
                return col
        if required:
            found = ", ".join(repr(h) for h in self.headers.values() if h) or "none"
            names = " or ".join(repr(name) for name in (column.header, *column.aliases))
            row = self.mapping.header_rows[0]
            self.problems.append(
                Problem(
                    where=f"{self.name}!{row}:{row}",
                    message=f"no column headed {names}: the headers found are {found}",
                )
            )
        return None

    def amount(self, row: int, col: int) -> Decimal | None:
        """The amount in a cell; None when it is blank, "-" or "n.v.t."."""
        value = self.value(row, col)
        if value is None:
            return None
        expected = "an amount such as 1.234 or 1.234,56, or '-' for none"
        if isinstance(value, (bool, datetime.date | datetime.time)):
            self._problem(row, col, value, expected)
            return None
        if isinstance(value, int | float):
            try:
                return from_spreadsheet_number(value)
            except PrestatieError:
                self._problem(row, col, value, expected)
                return None
        if isinstance(value, str):
            try:
                return parse_amount(value)
            except PrestatieError:
                self._problem(row, col, value, expected)
                return None
        self._problem(row, col, value, expected)
        return None

    def text(self, row: int, col: int | None) -> str:
        if col is None:
            return ""
        value = self.value(row, col)
        if value is None:
            return ""
        if isinstance(value, float):
            return str(from_spreadsheet_number(value))
        return " ".join(str(value).split())

    def _problem(self, row: int, col: int, value: object, expected: str) -> None:
        if (row, col) in self.bad:
            return  # a cell read twice (a totals row) is reported once
        self.bad.add((row, col))
        self.problems.append(
            Problem(
                where=self.ref(row, col), message=f"found {describe(value)}: expected {expected}"
            )
        )


def _amount_columns(sheet: _Sheet, mapping: Mapping) -> list[_Column]:
    columns = []
    for spec in mapping.columns:
        col = sheet.find(spec.column)
        if col is not None:
            columns.append(_Column(col, spec.budget_column, spec.year))
    if mapping.year_columns is not None:
        for col, header in sheet.headers.items():
            found = mapping.year_columns.match(header) if header else None
            if found is not None:
                columns.append(_Column(col, found[0], found[1]))
        if not any(mapping.year_columns.match(h) for h in sheet.headers.values() if h):
            row = mapping.header_rows[0]
            sheet.problems.append(
                Problem(
                    where=f"{sheet.name}!{row}:{row}",
                    message="no year columns: expected headers matching"
                    f" {mapping.year_columns.pattern!r}",
                )
            )
    return columns


def _code_of(label: str, mapping: Mapping) -> Code | None:
    for name, code in mapping.codes.items():
        if " ".join(name.split()).casefold() == label.casefold():
            return Code(code)
    text = label
    if mapping.code_pattern is not None:
        found = re.search(mapping.code_pattern, label, flags=re.IGNORECASE)
        if found is None:
            return None
        text = found.group(1)
    try:
        return Code(text.strip())
    except PrestatieError:
        return None


def _flow_of(sheet: _Sheet, row: int, col: int) -> Flow:
    text = sheet.text(row, col).casefold()
    for flow in Flow:
        if text in (flow.value, flow.value[0]):
            return flow
    sheet._problem(row, col, sheet.value(row, col), "'lasten' or 'baten' (or 'L' / 'B')")
    return sheet.mapping.flow


def _fmt(amount: Decimal) -> str:
    return f"{amount:f}"


def _check_derived(sheet: _Sheet, row: _Row, number: int, tolerance: Decimal) -> None:
    for derived in sheet.mapping.derived:
        col = sheet.find(derived.column)
        if col is None:
            continue
        stated = sheet.amount(number, col)
        if stated is None:
            continue
        years = {year for _, _, year in row.values}
        for year in years:

            def get(column: BudgetColumn, year: int = year) -> tuple[Decimal, str] | None:
                return row.values.get((row.flow, column, year))

            if derived.definition == "actueel":
                a, b, sign, text = get(BudgetColumn.PRIMITIEF), get(BudgetColumn.WIJZIGING), 1, "+"
            else:
                a, b, sign, text = (
                    get(BudgetColumn.ACTUEEL),
                    get(BudgetColumn.GEREALISEERD),
                    -1,
                    "−",
                )
            if a is None:
                continue
            b_value = b[0] if b else Decimal(0)
            expected = a[0] + sign * b_value
            if abs(stated - expected) > tolerance:
                cells = a[1] + (f" {text} {b[1]}" if b else "")
                name = "primitief + wijziging" if sign == 1 else "actueel − gerealiseerd"
                sheet.problems.append(
                    Problem(
                        where=sheet.ref(number, col),
                        message=f"{derived.column.header} is {_fmt(stated)}: expected {name}"
                        f" ({cells}) = {_fmt(expected)}, off by {_fmt(abs(stated - expected))},"
                        f" more than the tolerance {_fmt(tolerance)}",
                    )
                )


@attrs.frozen
class _Totals:
    """What a totals row claims to add up, read from its label."""

    flow: Flow | None  # "Totaal lasten", "Lasten": one flow; "Totaal", "Saldo": both
    saldo: bool  # "Saldo": baten − lasten over the whole table

    @classmethod
    def of(cls, label: str) -> _Totals:
        words = label.casefold().replace(":", " ").split()
        flows = [flow for flow in Flow if flow.value in words]
        return cls(flow=flows[0] if len(flows) == 1 else None, saldo=words[:1] == ["saldo"])

    def covers(self, row: _Row) -> bool:
        return self.flow is None or row.flow is self.flow

    def sign(self, row: _Row) -> int:
        return -1 if self.saldo and row.flow is Flow.LASTEN else 1


def _check_totals(
    sheet: _Sheet,
    number: int,
    label: str,
    covered: list[_Row],
    cells: list[tuple[int, Callable[[_Key], bool]]],
) -> None:
    """Each of a totals row's cells against the sum of the cells of its rows that it totals.

    `cells` holds each amount column with the keys it holds (a year and budget column in a
    wide layout; any key in a long layout's one amount column).
    """
    totals = _Totals.of(label)
    tolerance = sheet.mapping.tolerance
    for col, holds in cells:
        stated = sheet.amount(number, col)
        if stated is None or any((row.number, col) in sheet.bad for row in covered):
            continue  # an unreadable cell is reported already; its total cannot be judged
        parts = [
            (totals.sign(row) * value, cell)
            for row in covered
            if totals.covers(row)
            for key, (value, cell) in row.values.items()
            if holds(key)
        ]
        expected = total(value for value, _ in parts)
        if abs(stated - expected) > tolerance:
            names = ", ".join(cell.split("!")[1] for _, cell in parts) or "none"
            sheet.problems.append(
                Problem(
                    where=sheet.ref(number, col),
                    message=f"the total {label!r} is {_fmt(stated)}, but its rows ({names}) add"
                    f" up to {_fmt(expected)}: off by {_fmt(abs(stated - expected))}, more"
                    f" than the tolerance {_fmt(tolerance)}",
                )
            )


def _check_total_column(sheet: _Sheet, row: _Row, col: int | None) -> None:
    """A row's totals column (`total_column`) against the sum of the row's amounts."""
    if col is None:
        return
    stated = sheet.amount(row.number, col)
    if stated is None or not row.values:
        return
    expected = total(value for value, _ in row.values.values())
    tolerance = sheet.mapping.tolerance
    if abs(stated - expected) > tolerance:
        names = ", ".join(cell.split("!")[1] for _, cell in row.values.values())
        sheet.problems.append(
            Problem(
                where=sheet.ref(row.number, col),
                message=f"the row total is {_fmt(stated)}, but the row's amounts ({names}) add"
                f" up to {_fmt(expected)}: off by {_fmt(abs(stated - expected))}, more than"
                f" the tolerance {_fmt(tolerance)}",
            )
        )


@attrs.define
class _Table:
    """The data rows read so far, and per flow where the rows after its last total start."""

    rows: list[_Row] = attrs.field(factory=list)
    since: dict[Flow, int] = attrs.field(factory=lambda: dict.fromkeys(Flow, 0))

    def covered_by(self, kind: _Totals) -> list[_Row]:
        """The rows a totals row adds up: the whole table for "Saldo", else the rows of its
        flow (or both) since that flow's last total, which then starts anew."""
        if kind.saldo:
            return list(self.rows)
        flows = list(Flow) if kind.flow is None else [kind.flow]
        covered = [
            row
            for index, row in enumerate(self.rows)
            if row.flow in flows and index >= self.since[row.flow]
        ]
        self.since.update(dict.fromkeys(flows, len(self.rows)))
        return covered


def _wide_values(
    sheet: _Sheet, number: int, columns: list[_Column], flow: Flow
) -> dict[_Key, tuple[Decimal, str]]:
    """The amounts of a row in a wide layout, each with its cell."""
    values = {}
    for column in columns:
        amount = sheet.amount(number, column.index)
        if amount is not None:
            values[(flow, column.budget_column, column.year)] = (
                amount,
                sheet.ref(number, column.index),
            )
    return values


def _holds(column: _Column) -> Callable[[_Key], bool]:
    return lambda key: key[1:] == (column.budget_column, column.year)


def _rows(sheet: _Sheet, columns: list[_Column]) -> Iterator[_Row]:
    mapping = sheet.mapping
    code_col = sheet.find(mapping.code)
    title_col = sheet.find(mapping.title)
    parent_col = sheet.find(mapping.parent)
    flow_col = sheet.find(mapping.flow_column)
    total_col = sheet.find(mapping.total_column)
    year_col = sheet.find(mapping.year) if mapping.layout is Layout.LONG else None
    amount_col = sheet.find(mapping.amount) if mapping.layout is Layout.LONG else None
    if code_col is None or (
        mapping.layout is Layout.LONG and (year_col is None or amount_col is None)
    ):
        return
    totals = re.compile(mapping.totals, flags=re.IGNORECASE)
    flow_pattern = re.compile(mapping.flow_pattern or r"(?!)", flags=re.IGNORECASE)
    cells: list[tuple[int, Callable[[_Key], bool]]]
    if mapping.layout is Layout.WIDE:
        cells = [(column.index, _holds(column)) for column in columns]
    else:
        assert amount_col is not None
        cells = [(amount_col, lambda key: True)]
    cells_are_columns = mapping.layout is Layout.WIDE
    section = mapping.flow
    table = _Table()
    for number in range(max(mapping.header_rows) + 1, sheet.ws.max_row + 1):
        cells_in_row = [sheet.value(number, col) for col in range(1, sheet.ws.max_column + 1)]
        if all(value is None or str(value).strip() == "" for value in cells_in_row):
            continue
        label = sheet.text(number, code_col)
        title = sheet.text(number, title_col)
        code = _code_of(label, mapping)
        # A totals line names itself in the code column, or in the title column beside an
        # empty code ("Totaal" under a ledger's descriptions).
        total_label = label or title
        stated = any(sheet.text(number, col) for col, _ in cells)  # else a heading: "Baten"
        if code is None and stated and totals.match(total_label):
            kind = _Totals.of(total_label)
            flow = kind.flow or section
            values = _wide_values(sheet, number, columns, flow) if cells_are_columns else {}
            _check_totals(sheet, number, total_label, table.covered_by(kind), cells)
            totals_row = _Row(number, None, total_label, title, flow, values)
            _check_derived(sheet, totals_row, number, mapping.tolerance)
            _check_total_column(sheet, totals_row, total_col)
            continue
        flow = section
        if flow_col is not None:
            flow = _flow_of(sheet, number, flow_col)
        else:
            found = flow_pattern.search(label)
            flow = Flow(found.group(1).casefold()) if found else section
        if cells_are_columns:
            values = _wide_values(sheet, number, columns, flow)
        else:
            values = {}
            assert year_col is not None
            assert amount_col is not None
            amount = sheet.amount(number, amount_col)
            year = _year(sheet, number, year_col)
            if amount is not None and year is not None:
                values[(flow, mapping.budget_column, year)] = (
                    amount,
                    sheet.ref(number, amount_col),
                )
        if code is None and not values:
            heading = flow_pattern.search(label or title)
            if heading:
                section = Flow(heading.group(1).casefold())  # a section heading: "Baten"
            continue  # a heading or a note under the table
        if code is None:
            sheet._problem(number, code_col, sheet.value(number, code_col), "a code such as 7.2.3")
            continue
        if parent_col is not None:
            parent = sheet.text(number, parent_col)
            if parent and parent != str(code.parent):
                sheet._problem(
                    number,
                    parent_col,
                    sheet.value(number, parent_col),
                    f"{code.parent} (the parent of {code})",
                )
        row = _Row(number, code, label, title, flow, values)
        _check_derived(sheet, row, number, mapping.tolerance)
        _check_total_column(sheet, row, total_col)
        table.rows.append(row)
        yield row


# A heading that names a programme, objective or prestatie: "Kerntaak 7 Kwaliteit openbaar
# bestuur", "Beleidsdoel 7.2: Participatie".
_NAMED = r"\b(?:kerntaak|programma|beleidsdoel|BD|prestatie)\s+([0-9]+(?:\.[0-9]+)*)"


def _name_in(text: str, pattern: str) -> tuple[Code, str] | None:
    """The code and the name that follows it in a label, when the label gives a name."""
    found = re.search(pattern, text, flags=re.IGNORECASE)
    if found is None:
        return None
    try:
        code = Code(found.group(1).strip())
    except PrestatieError:
        return None
    name = text[found.end() :].strip(" .:-–—\t")
    return (code, name) if name else None


def _names(sheet: _Sheet, rows: list[_Row], mapping: Mapping) -> Iterator[tuple[Code, str]]:
    """Names for codes whose rows have no title, in order of preference: a row's own label
    after its code ("Lasten BD 7.2 Participatie"), the mapping's `names`, and a heading above
    the table or the sheet's name ("Kerntaak 7 Kwaliteit openbaar bestuur")."""
    pattern = mapping.code_pattern or _NAMED
    for row in rows:
        named = _name_in(row.label, pattern)
        if named is not None and named[0] == row.code:
            yield named
    for code, name in mapping.names.items():
        yield Code(code), name
    headings = [sheet.name]
    for number in range(1, max(mapping.header_rows) + 1):
        headings += [sheet.text(number, col) for col in range(1, sheet.ws.max_column + 1)]
    for text in headings:
        named = _name_in(text, _NAMED) if text else None
        if named is not None:
            yield named


def _year(sheet: _Sheet, row: int, col: int) -> int | None:
    value = sheet.value(row, col)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return value
    sheet._problem(row, col, value, "a four-digit year")
    return None


def import_sheet(
    path: str | os.PathLike[str], mapping: Mapping, into: Budget | None = None
) -> Budget:
    """The budget a foreign sheet describes, read through `mapping`.

    With `into`, the sheet's amounts are merged into that budget: an imported amount replaces
    one with the same flow, column, nature and year; missing programmes, objectives and
    prestaties are added. Raises `WorkbookError` listing every problem with its cell.
    """
    source = Path(path)
    check_xlsx(source)
    problems: list[Problem] = []
    try:
        workbook = load_workbook(source, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on damaged parts
        raise WorkbookError(
            [Problem(where=str(source), message=f"cannot read the workbook: {exc}")],
            source=str(source),
        ) from None
    if mapping.sheet is not None and mapping.sheet not in workbook.sheetnames:
        names = ", ".join(repr(name) for name in workbook.sheetnames)
        raise WorkbookError(
            [Problem(where=str(source), message=f"no sheet {mapping.sheet!r}: found {names}")],
            source=str(source),
        )
    worksheet = workbook[mapping.sheet] if mapping.sheet else workbook.worksheets[0]
    sheet = _Sheet(worksheet, mapping, problems)
    columns = _amount_columns(sheet, mapping)
    rows = list(_rows(sheet, columns))
    unit = into.unit if into is not None else mapping.unit
    amounts: dict[Code, dict[_Key, Decimal]] = defaultdict(dict)
    titles: dict[Code, str] = {}
    first_row: dict[tuple[Code, _Key], int] = {}
    for row in rows:
        assert row.code is not None
        if row.title:
            titles.setdefault(row.code, row.title)
        if row.code.level > 3:
            problems.append(
                Problem(
                    where=sheet.ref(row.number, sheet.find(mapping.code) or 1),
                    message=f"code {row.code} has {row.code.level} parts: expected a programme"
                    " (7), objective (7.2) or prestatie (7.2.3)",
                )
            )
            continue
        for key, (value, cell) in row.values.items():
            value = convert(value, mapping.unit, unit)
            owned = amounts[row.code]
            if key in owned and mapping.layout is Layout.WIDE:
                problems.append(
                    Problem(
                        where=cell,
                        message=f"a second amount for {row.code} {key[0].value} {key[1].value}"
                        f" {key[2]}: expected one row per code; the first is row"
                        f" {first_row[(row.code, key)]}",
                    )
                )
                continue
            owned[key] = owned.get(key, Decimal(0)) + value  # ledger lines add up
            first_row.setdefault((row.code, key), row.number)
    if problems:
        raise WorkbookError(problems, source=str(source))
    for code, name in _names(sheet, rows, mapping):
        titles.setdefault(code, name)
    budget = _merge(into, amounts, titles, mapping)
    # Actueel is stored as the sheet prints it; its derived check allowed the tolerance.
    tolerance = convert(mapping.tolerance, mapping.unit, unit)
    found = [
        problem
        for check in CHECKS
        for problem in (
            check_actueel(budget, tolerance) if check is check_actueel else check(budget)
        )
    ]
    if found:
        raise WorkbookError(found, source=str(source))
    return budget


def _merge(
    into: Budget | None,
    amounts: dict[Code, dict[_Key, Decimal]],
    titles: dict[Code, str],
    mapping: Mapping,
) -> Budget:
    years = [year for owned in amounts.values() for _, _, year in owned]
    if into is None:
        year = mapping.budget_year or (min(years) if years else 2000)
        into = Budget(
            province=mapping.province,
            year=year,
            kind=mapping.kind,
            unit=mapping.unit,
            first_year=min([year, *years]),
            last_year=max([year, *years]),
        )
    else:
        into = attrs.evolve(
            into,
            first_year=min([into.first_year, *years]),
            last_year=max([into.last_year, *years]),
        )
    codes = set(amounts)
    for code in list(codes):
        parent = code.parent
        while parent is not None:
            codes.add(parent)
            parent = parent.parent

    def merged(code: Code, old: tuple[Amount, ...]) -> tuple[Amount, ...]:
        new = {
            (flow, column, mapping.nature, year): value
            for (flow, column, year), value in amounts.get(code, {}).items()
        }
        kept = tuple(amount for amount in old if amount.key not in new)
        return kept + tuple(
            Amount(flow=flow, column=column, nature=nature, year=year, value=value)
            for (flow, column, nature, year), value in new.items()
        )

    def prestaties(objective: Objective) -> tuple[Prestatie, ...]:
        existing = {p.code: p for p in objective.prestaties}
        result = [
            attrs.evolve(
                p, title=p.title or titles.get(p.code, ""), amounts=merged(p.code, p.amounts)
            )
            for p in objective.prestaties
        ]
        for code in sorted(c for c in codes if c.level == 3 and c.parent == objective.code):
            if code not in existing:
                result.append(
                    Prestatie(code=code, title=titles.get(code, ""), amounts=merged(code, ()))
                )
        return tuple(result)

    def objectives(programme: Programme) -> tuple[Objective, ...]:
        existing = {o.code: o for o in programme.objectives}
        result = [
            attrs.evolve(
                o,
                title=o.title or titles.get(o.code, ""),
                amounts=merged(o.code, o.amounts),
                prestaties=prestaties(o),
            )
            for o in programme.objectives
        ]
        for code in sorted(c for c in codes if c.level == 2 and c.parent == programme.code):
            if code not in existing:
                new = Objective(code=code, title=titles.get(code, ""), amounts=merged(code, ()))
                result.append(attrs.evolve(new, prestaties=prestaties(new)))
        return tuple(result)

    existing = {p.number for p in into.programmes}
    programmes = [
        attrs.evolve(
            p,
            name=p.name or titles.get(p.code, ""),
            amounts=merged(p.code, p.amounts),
            objectives=objectives(p),
        )
        for p in into.programmes
    ]
    for code in sorted(c for c in codes if c.level == 1):
        if code.parts[0] not in existing:
            new = Programme(
                number=code.parts[0], name=titles.get(code, ""), amounts=merged(code, ())
            )
            programmes.append(attrs.evolve(new, objectives=objectives(new)))
    return attrs.evolve(into, programmes=tuple(programmes))

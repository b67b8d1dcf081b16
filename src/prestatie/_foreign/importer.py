"""Import amounts from a foreign budget sheet through a declared `Mapping`.

The reader is tolerant of what hand-made sheets hold (numbers as Dutch text, headers split
over rows or merged across columns, blank rows, notes under the table) and strict about what
they claim: totals rows, saldo columns and derived columns are checked against their figures,
and every problem is reported with its cell, all at once.
"""

from __future__ import annotations

import os
import warnings
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from prestatie._checks import CHECKS, check_actueel
from prestatie._code import Code
from prestatie._errors import Problem, WorkbookError, WorkbookWarning
from prestatie._foreign.indicators import indicator_rows
from prestatie._foreign.mapping import Layout, Mapping, Saldo, printed_code
from prestatie._foreign.merge import Key, MutationKey, merge, with_mutations
from prestatie._foreign.rows import State, data_rows, names_for_codes
from prestatie._foreign.sheet import Column, Sheet, amount_columns, read_rows
from prestatie._foreign.totals import Row
from prestatie._language import N_
from prestatie._model import Budget, BudgetColumn, Flow, Indicator
from prestatie._money import Unit, convert, total


def _values(row: Row, columns: list[Column], mapping: Mapping) -> Iterator[tuple[Key, Decimal]]:
    """The amounts a row imports, each with its key; saldi as lasten − baten."""
    for column in columns:
        if column.checked_saldo or column.index not in row.cells:
            continue
        year = row.year if mapping.layout is Layout.LONG else column.year
        if year is None:
            continue
        flow = column.flow or row.flow
        value = row.cells[column.index]
        if flow is Flow.SALDO and mapping.saldo is Saldo.BATEN_MIN_LASTEN:
            value = -value
        budget_column = row.budget_column or column.budget_column
        yield (flow, budget_column, year, row.nature, row.taakveld), value


def import_sheet(
    path: str | os.PathLike[str], mapping: Mapping, into: Budget | None = None
) -> Budget:
    """The budget a foreign sheet describes, read through `mapping`.

    With `into`, the sheet's amounts are merged into that budget: an imported amount replaces
    one with the same flow, column, nature, year and taakveld; missing programmes, objectives
    and prestaties are added. Raises `WorkbookError` listing every problem with its cell.
    """
    source = Path(path)
    name, cells = read_rows(source, mapping)
    problems: list[Problem] = []
    sheet = Sheet(name, cells, mapping, problems)
    owner = printed_code(mapping.owner) if mapping.owner else None
    state = State(section=mapping.flow, parent=owner)
    unit = into.unit if into is not None else mapping.unit
    amounts: dict[Code, dict[Key, Decimal]] = defaultdict(dict)
    mutations: dict[Code, dict[MutationKey, Decimal]] = defaultdict(dict)
    indicators: dict[Code, list[Indicator]] = defaultdict(list)
    titles: dict[Code, str] = {}
    rows: list[Row] = []
    if mapping.layout is Layout.INDICATORS:
        for code, indicator in indicator_rows(sheet):
            indicators[code].append(indicator)
    else:
        columns = amount_columns(sheet, mapping)
        if mapping.layout is Layout.LONG:
            amount_col = sheet.find(mapping.amount, required=False)
            columns = [Column(amount_col or 0, mapping.budget_column, 0, None, "")]
        rows = list(data_rows(sheet, columns, state))
        _collect(sheet, rows, columns, amounts, titles, unit)
        _collect_mutations(sheet, rows, columns, mutations, unit)
        for code in mutations:  # an owner with only reserve mutations is made all the same
            amounts.setdefault(code, {})
    if problems:
        raise WorkbookError(problems, source=str(source))
    for code, title in names_for_codes(sheet, rows, state):
        titles.setdefault(code, title)
    budget = merge(into, amounts, indicators, titles, mapping)
    budget = with_mutations(budget, mutations)
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


def _collect(
    sheet: Sheet,
    rows: list[Row],
    columns: list[Column],
    amounts: dict[Code, dict[Key, Decimal]],
    titles: dict[Code, str],
    unit: Unit,
) -> None:
    """Each row's amounts added to its owner's: lines of one heading add up, as do a long
    layout's bookings; a code's own row given twice is a problem."""
    mapping = sheet.mapping
    first_row: dict[tuple[Code, Key], int] = {}
    code_col = sheet.find(mapping.code) or 1
    for row in rows:
        assert row.code is not None
        if row.mutation is not None:
            continue  # a reserve mutation (`_collect_mutations`)
        if row.title and row.own:
            titles.setdefault(row.code, row.title)
        if row.code.level > 3:
            sheet.problem_at(
                row.number,
                code_col,
                "code-too-deep",
                N_(
                    "code {code} has {parts} parts: expected a programme (7), objective (7.2)"
                    " or prestatie (7.2.3)"
                ),
                code=row.code,
                parts=row.code.level,
            )
            continue
        for key, value in _values(row, columns, mapping):
            value = convert(value, mapping.unit, unit)
            owned = amounts[row.code]
            if key in owned and row.own and mapping.layout is Layout.WIDE:
                first = first_row[(row.code, key)]
                on = f" taakveld {key[4]}" if key[4] else ""
                sheet.problem_at(
                    row.number,
                    code_col,
                    "amount-twice",
                    N_(
                        "a second amount for {code} {amount}: expected one row per code;"
                        " the first is row {first}"
                    ),
                    code=row.code,
                    amount=f"{key[0].value} {key[1].value} {key[2]}{on}",
                    first=first,
                )
                continue
            owned[key] = total([owned[key], value]) if key in owned else value
            first_row.setdefault((row.code, key), row.number)
    if not any(column.budget_column is BudgetColumn.WIJZIGING for column in columns):
        for owned in amounts.values():
            _derive_wijziging(owned)


def _collect_mutations(
    sheet: Sheet,
    rows: list[Row],
    columns: list[Column],
    mutations: dict[Code, dict[MutationKey, Decimal]],
    unit: Unit,
) -> None:
    """Each reserve-mutation row's figures as mutations of the reserve its label names, for
    its programme or objective; a prestatie holds none, so its rows are stated as not
    imported."""
    mapping = sheet.mapping
    code_col = sheet.find(mapping.code) or 1
    for row in rows:
        if row.mutation is None:
            continue
        assert row.code is not None
        if row.code.level not in (1, 2):
            warnings.warn(
                WorkbookWarning(
                    N_(
                        "{cell}: {label!r} is a reserve mutation ({kind}) of prestatie {code},"
                        " which holds none: not imported"
                    ),
                    code="reserve-mutation-of-prestatie",
                    params={
                        "cell": sheet.ref(row.number, code_col),
                        "label": row.label,
                        "kind": row.mutation.value,
                        "code": str(row.code),
                    },
                ),
                stacklevel=2,
            )
            continue
        for (_, column, year, _, _), value in _values(row, columns, mapping):
            key = (row.mutation, row.label, column, year)
            owned = mutations[row.code]
            value = convert(value, mapping.unit, unit)
            owned[key] = total([owned[key], value]) if key in owned else value


def _derive_wijziging(owned: dict[Key, Decimal]) -> None:
    """Where a table prints primitief and actueel ("na wijziging") but no wijziging column,
    the wijziging is their difference, as the BBV defines actueel."""
    for (flow, column, year, nature, taakveld), value in list(owned.items()):
        primitief = owned.get((flow, BudgetColumn.PRIMITIEF, year, nature, taakveld))
        if column is BudgetColumn.ACTUEEL and primitief is not None:
            owned[(flow, BudgetColumn.WIJZIGING, year, nature, taakveld)] = value - primitief

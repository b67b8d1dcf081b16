"""What a foreign sheet claims, checked against its own figures: totals rows, a row's total
column, saldo columns and derived columns (actueel, ruimte). Each mismatch is a problem at
the cell that claims it, naming the cells it was checked against."""

from __future__ import annotations

import re
import warnings
from decimal import Decimal

import attrs

from prestatie._code import Code
from prestatie._errors import WorkbookWarning
from prestatie._foreign.mapping import Definition, Mapping, Saldo
from prestatie._foreign.sheet import Column, Sheet, year_in
from prestatie._language import N_
from prestatie._model import BudgetColumn, Flow, MutationKind, Nature
from prestatie._money import ZERO, total


@attrs.define
class Row:
    """A data row: its owner's code, whether the code stands in the row itself (else it is a
    line of the heading above), and its amounts per column index."""

    number: int
    code: Code | None
    own: bool
    label: str
    flow: Flow
    nature: Nature
    cells: dict[int, Decimal]
    taakveld: str | None = None
    title: str = ""
    year: int | None = None  # a long layout's year
    budget_column: BudgetColumn | None = None  # set by its label (`budget_rows`)
    mutation: MutationKind | None = None  # a reserve mutation (`reserve_rows`), not an amount


def _fmt(amount: Decimal) -> str:
    return f"{amount:f}"


def _saldo_text(saldo: Saldo) -> str:
    return saldo.value.replace("-", "−")


@attrs.frozen
class Totals:
    """What a totals row claims to add up, read from its label."""

    flow: Flow | None  # "Totaal lasten", "Lasten": one flow; "Totaal", "Saldo": both
    saldo: bool  # "Saldo": lasten and baten combined by the mapping's convention
    grand: bool  # every row above it

    @classmethod
    def of(cls, label: str, mapping: Mapping) -> Totals:
        words = label.casefold().replace(":", " ").split()
        flows = [flow for flow in (Flow.LASTEN, Flow.BATEN) if flow.value in words]
        grand = bool(mapping.grand_totals) and bool(
            re.search(mapping.grand_totals or "", label, flags=re.IGNORECASE)
        )
        saldo = re.search(mapping.saldo_totals, label, flags=re.IGNORECASE) is not None
        return cls(flow=flows[0] if len(flows) == 1 else None, saldo=saldo, grand=grand)


@attrs.define
class Table:
    """The data rows read so far, and where the rows after the last total of each kind start."""

    rows: list[Row] = attrs.field(factory=list)
    since: dict[Flow, int] = attrs.field(factory=lambda: dict.fromkeys(Flow, 0))
    saldo_since: int = 0

    def covered_by(self, kind: Totals) -> list[Row]:
        """The rows a totals row adds up: every row for a grand total; the rows since the last
        saldo for a saldo; else the rows of its flow (or all) since that flow's last total,
        which then starts anew."""
        if kind.grand:
            return list(self.rows)
        if kind.saldo:
            covered = self.rows[self.saldo_since :]
            self.saldo_since = len(self.rows)
            return covered
        flows = list(Flow) if kind.flow is None else [kind.flow]
        covered = [
            row
            for index, row in enumerate(self.rows)
            if row.flow in flows and index >= self.since[row.flow]
        ]
        self.since.update(dict.fromkeys(flows, len(self.rows)))
        return covered


def check_totals(
    sheet: Sheet, row: Row, covered: list[Row], columns: list[Column], kind: Totals
) -> None:
    """Each of a totals row's cells against the sum of the cells above it that it totals."""
    mapping = sheet.mapping
    tolerance = mapping.tolerance
    if row.cells and not any(column.index in part.cells for part in covered for column in columns):
        warnings.warn(
            WorkbookWarning(
                N_("{cell}: the total {label!r} has no rows above it to add up: not checked"),
                code="total-without-rows",
                params={"cell": sheet.ref(row.number, 1), "label": row.label},
            ),
            stacklevel=2,
        )
        return
    for column in columns:
        stated = row.cells.get(column.index)
        if stated is None or any((r.number, column.index) in sheet.bad for r in covered):
            continue  # an unreadable cell is reported already; its total cannot be judged
        parts = []
        combined = kind.saldo and column.flow is None
        for part in covered:
            if column.index not in part.cells:
                continue
            if column.flow is None and kind.flow is not None and part.flow is not kind.flow:
                continue
            sign = 1
            if combined and part.flow in (Flow.LASTEN, Flow.BATEN):
                sign = mapping.saldo.sign(part.flow)
            parts.append((sign, part.cells[column.index], sheet.ref(part.number, column.index)))
        expected = total(sign * value for sign, value, _ in parts)
        if abs(stated - expected) > tolerance:
            names = (
                ", ".join(("−" if sign < 0 else "") + ref.split("!")[1] for sign, _, ref in parts)
                or "-"
            )
            template = (
                N_(
                    "the total {label!r} is {stated}, but its rows ({names}) add up (as {saldo})"
                    " to {expected}: off by {off}, more than the tolerance {tolerance}"
                )
                if combined
                else N_(
                    "the total {label!r} is {stated}, but its rows ({names}) add up to"
                    " {expected}: off by {off}, more than the tolerance {tolerance}"
                )
            )
            sheet.problem_at(
                row.number,
                column.index,
                "total-off",
                template,
                label=row.label,
                stated=_fmt(stated),
                names=names,
                saldo=_saldo_text(mapping.saldo),
                expected=_fmt(expected),
                off=_fmt(abs(stated - expected)),
                tolerance=_fmt(tolerance),
            )


def check_total_column(sheet: Sheet, row: Row, col: int | None) -> None:
    """A row's totals column (`total_column`) against the sum of the row's amounts."""
    if col is None:
        return
    stated = sheet.amount(row.number, col)
    if stated is None or not row.cells:
        return
    expected = total(row.cells.values())
    tolerance = sheet.mapping.tolerance
    if abs(stated - expected) > tolerance:
        names = ", ".join(sheet.ref(row.number, c).split("!")[1] for c in row.cells)
        sheet.problem_at(
            row.number,
            col,
            "row-total-off",
            N_(
                "the row total is {stated}, but the row's amounts ({names}) add up to"
                " {expected}: off by {off}, more than the tolerance {tolerance}"
            ),
            stated=_fmt(stated),
            names=names,
            expected=_fmt(expected),
            off=_fmt(abs(stated - expected)),
            tolerance=_fmt(tolerance),
        )


def check_saldo(sheet: Sheet, row: Row, columns: list[Column]) -> None:
    """Each saldo column against the row's lasten and baten of its year, by the mapping's
    convention."""
    mapping = sheet.mapping
    by_key = {(c.flow, c.budget_column, c.year): c for c in columns}
    for column in columns:
        if not column.checked_saldo:
            continue
        lasten = by_key[(Flow.LASTEN, column.budget_column, column.year)]
        baten = by_key[(Flow.BATEN, column.budget_column, column.year)]
        if lasten.index not in row.cells and baten.index not in row.cells:
            continue
        expected = mapping.saldo.of(
            row.cells.get(lasten.index, ZERO), row.cells.get(baten.index, ZERO)
        )
        stated = row.cells.get(column.index)
        if stated is None:
            if (row.number, column.index) in sheet.bad:
                continue  # reported already
            stated = ZERO  # "-": nothing
        if abs(stated - expected) <= mapping.tolerance:
            continue
        cells = f"{sheet.ref(row.number, lasten.index)}, {sheet.ref(row.number, baten.index)}"
        sheet.problem_at(
            row.number,
            column.index,
            "saldo-off",
            N_(
                "the saldo is {stated}: expected {saldo} ({cells}) = {expected}, off by {off},"
                " more than the tolerance {tolerance}"
            ),
            stated=_fmt(stated),
            saldo=_saldo_text(mapping.saldo),
            cells=cells,
            expected=_fmt(expected),
            off=_fmt(abs(stated - expected)),
            tolerance=_fmt(mapping.tolerance),
        )


def check_derived(sheet: Sheet, row: Row, columns: list[Column]) -> None:
    """Each derived column against its definition, in its own year only."""
    mapping = sheet.mapping
    values: dict[tuple[Flow, BudgetColumn, int], tuple[Decimal, str]] = {}
    for column in columns:
        if column.index in row.cells and not column.checked_saldo:
            flow = column.flow or row.flow
            year = row.year if row.year is not None else column.year
            values[(flow, column.budget_column, year)] = (
                row.cells[column.index],
                sheet.ref(row.number, column.index),
            )
    for derived, col in sheet.derived:
        stated = sheet.amount(row.number, col)
        if stated is None:
            continue
        if row.flow in mapping.negative:
            stated = -stated
        own_year = derived.year or year_in(sheet.headers.get(col, ""))
        years = {own_year} if own_year is not None else {key[2] for key in values}
        for each in sorted(years):
            flows = {key[0] for key in values if key[2] == each}
            if row.flow not in flows and len(flows) != 1:
                continue
            flow = row.flow if row.flow in flows else flows.pop()
            if derived.definition is Definition.ACTUEEL:
                a = values.get((flow, BudgetColumn.PRIMITIEF, each))
                b = values.get((flow, BudgetColumn.WIJZIGING, each))
                sign, text, name = 1, "+", "primitief + wijziging"
            else:
                a = values.get((flow, BudgetColumn.ACTUEEL, each))
                b = values.get((flow, BudgetColumn.GEREALISEERD, each))
                sign, text, name = -1, "−", "actueel − gerealiseerd"
            if a is None:
                continue
            expected = derived.sign * (a[0] + sign * (b[0] if b else ZERO))
            if abs(stated - expected) > mapping.tolerance:
                cells = a[1] + (f" {text} {b[1]}" if b else "")
                if derived.sign < 0:
                    name, cells = f"−({name})", f"−({cells})"
                label = derived.header or str(derived)
                sheet.problem_at(
                    row.number,
                    col,
                    "derived-off",
                    N_(
                        "{label} is {stated}: expected {name} ({cells}) = {expected}, off by"
                        " {off}, more than the tolerance {tolerance}"
                    ),
                    label=label,
                    stated=_fmt(stated),
                    name=name,
                    cells=cells,
                    expected=_fmt(expected),
                    off=_fmt(abs(stated - expected)),
                    tolerance=_fmt(mapping.tolerance),
                )

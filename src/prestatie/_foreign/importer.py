"""Import amounts from a foreign budget sheet through a declared `Mapping`.

The reader is tolerant of what hand-made sheets hold (numbers as Dutch text, headers split
over rows or merged across columns, blank rows, notes under the table) and strict about what
they claim: totals rows, saldo columns and derived columns are checked against their figures,
and every problem is reported with its cell, all at once.
"""

from __future__ import annotations

import os
import re
import warnings
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import attrs

from prestatie._checks import CHECKS, check_actueel
from prestatie._code import Code
from prestatie._errors import PrestatieError, Problem, WorkbookError, WorkbookWarning
from prestatie._foreign.indicators import indicator_rows
from prestatie._foreign.mapping import Layout, Mapping, Saldo, printed_code
from prestatie._foreign.sheet import Column, Sheet, amount_columns, read_rows
from prestatie._foreign.totals import (
    Row,
    Table,
    Totals,
    check_derived,
    check_saldo,
    check_total_column,
    check_totals,
)
from prestatie._language import N_
from prestatie._model import (
    Amount,
    Budget,
    BudgetColumn,
    Flow,
    Indicator,
    MutationKind,
    Nature,
    Objective,
    Prestatie,
    Programme,
    Reserve,
    ReserveMutation,
)
from prestatie._money import Unit, convert, total
from prestatie._taakveld import TAAKVELD
from prestatie._xlsx.columns import normalise_header

_Key = tuple[Flow, BudgetColumn, int, Nature, str | None]
_MutationKey = tuple[MutationKind, str, BudgetColumn, int]


def _code_of(label: str, mapping: Mapping) -> Code | None:
    for name, code in mapping.codes.items():
        if normalise_header(name) == normalise_header(label):
            return Code(code)
    text = label
    if mapping.code_pattern is not None:
        found = re.search(mapping.code_pattern, label, flags=re.IGNORECASE)
        if found is None:
            return None
        text = ".".join(part for part in found.groups() if part is not None)
    try:
        return printed_code(text)
    except PrestatieError:
        return None


def _flow_of(sheet: Sheet, row: int, col: int) -> Flow:
    text = sheet.text(row, col).casefold()
    for flow in (Flow.LASTEN, Flow.BATEN):
        if text in (flow.value, flow.value[0]):
            return flow
    sheet.problem(
        row,
        col,
        sheet.value(row, col),
        "not-a-flow",
        N_("found {found}: expected 'lasten' or 'baten' (or 'L' / 'B')"),
    )
    return sheet.mapping.flow


def _cells(sheet: Sheet, number: int, columns: list[Column], flow: Flow) -> dict[int, Decimal]:
    """The amounts of a row per column, with the sign of flows printed as negative undone."""
    negative = sheet.mapping.negative
    found = {}
    for column in columns:
        amount = sheet.amount(number, column.index)
        if amount is not None:
            found[column.index] = -amount if (column.flow or flow) in negative else amount
    return found


@attrs.define
class _State:
    """What the headings read so far say about the rows under them."""

    section: Flow
    parent: Code | None
    taakveld: str | None = None
    names: dict[Code, str] = attrs.field(factory=dict)


def _heading(sheet: Sheet, number: int, label: str, code: Code | None, state: _State) -> None:
    """A row without amounts: a taakveld, a programme or objective, a flow section, or a note."""
    mapping = sheet.mapping
    taakveld = re.search(mapping.taakveld_pattern or r"(?!)", label, flags=re.IGNORECASE)
    if taakveld is not None:
        if TAAKVELD.fullmatch(taakveld.group(1)):
            state.taakveld = taakveld.group(1)
        else:
            col = sheet.find(mapping.code) or 1
            sheet.problem(
                number,
                col,
                label,
                "not-a-taakveld",
                N_("found {found}: expected a taakveld such as '0.6 Overhead'"),
            )
        return
    if code is not None:
        state.parent = code
        name = _name_after(label, mapping.code_pattern)
        if name:
            state.names.setdefault(code, name)
        return
    heading = re.search(mapping.flow_pattern or r"(?!)", label, flags=re.IGNORECASE)
    if heading:
        state.section = Flow(heading.group(1).casefold())  # a section heading: "Baten"


def _name_after(label: str, pattern: str | None) -> str:
    """The text after the code in a label: "Bestuur" in "Programma 1 – Bestuur"."""
    found = re.search(pattern or r"^\s*([0-9]+(?:\.[0-9]+)*)", label, flags=re.IGNORECASE)
    if found is None:
        return ""
    end = found.end(found.lastindex) if found.lastindex else found.end()
    return label[end:].strip(" .:-–—\t")


def _rows(sheet: Sheet, columns: list[Column], state: _State) -> Iterator[Row]:
    mapping = sheet.mapping
    code_col = sheet.find(mapping.code)
    title_col = sheet.find(mapping.title)
    parent_col = sheet.find(mapping.parent)
    flow_col = sheet.find(mapping.flow_column)
    total_col = sheet.find(mapping.total_column)
    long = mapping.layout is Layout.LONG
    year_col = sheet.find(mapping.year) if long else None
    amount_col = sheet.find(mapping.amount) if long else None
    if code_col is None or (long and (year_col is None or amount_col is None)):
        return
    totals = re.compile(mapping.totals, flags=re.IGNORECASE)
    skip = re.compile(mapping.skip or r"(?!)", flags=re.IGNORECASE)
    flow_pattern = re.compile(mapping.flow_pattern or r"(?!)", flags=re.IGNORECASE)
    natures = {normalise_header(label): nature for label, nature in mapping.natures.items()}
    above_totals = re.compile(mapping.totals_above or r"(?!)", flags=re.IGNORECASE)
    pending: list[tuple[Row, Totals, int]] = []
    table = Table()
    for number in range(max(mapping.header_rows) + 1, sheet.max_row + 1):
        if sheet.blank(number):
            continue
        label = sheet.text(number, code_col)
        title = sheet.text(number, title_col)
        code = _code_of(label, mapping)
        # A totals line names itself in the code column, or in the title column beside an
        # empty code ("Totaal" under a ledger's descriptions).
        total_label = label or title
        stated = any(sheet.text(number, column.index) for column in columns)
        mutation = next(
            (k for p, k in mapping.reserve_rows.items() if re.search(p, label, re.IGNORECASE)),
            None,
        )
        if mutation is not None and stated:
            flow = Flow.LASTEN if mutation is MutationKind.TOEVOEGING else Flow.BATEN
            owner = code or state.parent
            if owner is None:
                sheet.problem(
                    number,
                    code_col,
                    sheet.value(number, code_col),
                    "reserve-row-owner-missing",
                    N_("found {found}: expected a code such as 7.2, or a row with one above it"),
                )
                continue
            cells = _cells(sheet, number, columns, flow)
            row = Row(number, owner, code is not None, label, flow, mapping.nature, cells)
            row.mutation = mutation
            if long:
                assert year_col is not None
                row.year = _year(sheet, number, year_col)
            check_derived(sheet, row, columns)
            check_saldo(sheet, row, columns)
            table.rows.append(row)  # counted in the totals under it
            yield row
            continue
        if skip.search(total_label) and stated:
            kind = Totals.of(total_label, mapping)
            flow = kind.flow or state.section
            cells = _cells(sheet, number, columns, flow)
            row = Row(number, None, False, label, flow, Nature.STRUCTUREEL, cells)
            if code is None and totals.search(total_label):
                warnings.warn(
                    WorkbookWarning(
                        N_("{cell}: {label!r} is skipped: not checked"),
                        code="total-skipped",
                        params={"cell": sheet.ref(number, code_col), "label": total_label},
                    ),
                    stacklevel=2,
                )
            check_derived(sheet, row, columns)
            check_saldo(sheet, row, columns)
            table.rows.append(row)
            continue  # counted in the totals under it, not imported
        if code is None and stated and totals.search(total_label):
            kind = Totals.of(total_label, mapping)
            flow = kind.flow or (Flow.SALDO if kind.saldo else state.section)
            cells = _cells(sheet, number, columns, flow)
            row = Row(number, None, False, total_label, flow, mapping.nature, cells)
            for above, above_kind, start in pending:  # totals above their parts close here
                check_totals(sheet, above, table.rows[start:], columns, above_kind)
            pending.clear()
            if above_totals.search(total_label):
                pending.append((row, kind, len(table.rows)))
            else:
                check_totals(sheet, row, table.covered_by(kind), columns, kind)
            check_derived(sheet, row, columns)
            check_total_column(sheet, row, total_col)
            continue
        if flow_col is not None:
            flow = _flow_of(sheet, number, flow_col)
        else:
            found = flow_pattern.search(label)
            flow = Flow(found.group(1).casefold()) if found else state.section
        cells = _cells(sheet, number, columns, flow)
        if (code is None and not cells) or (code is not None and not stated):
            _heading(sheet, number, label or title, code, state)
            continue
        owner = code or state.parent
        if owner is None:
            sheet.problem(
                number,
                code_col,
                sheet.value(number, code_col),
                "code-missing",
                N_("found {found}: expected a code such as 7.2.3"),
            )
            continue
        if parent_col is not None and code is not None:
            parent = sheet.text(number, parent_col)
            if parent and parent != str(code.parent):
                sheet.problem(
                    number,
                    parent_col,
                    sheet.value(number, parent_col),
                    "parent-code-mismatch",
                    N_("found {found}: expected {parent} (the parent of {code})"),
                    parent=code.parent,
                    code=code,
                )
        nature = natures.get(normalise_header(label), mapping.nature)
        row = Row(number, owner, code is not None, label, flow, nature, cells)
        row.taakveld = state.taakveld
        row.title = title
        row.budget_column = next(
            (c for p, c in mapping.budget_rows.items() if re.search(p, label, re.IGNORECASE)),
            None,
        )
        if long:
            assert year_col is not None
            row.year = _year(sheet, number, year_col)
        check_derived(sheet, row, columns)
        check_total_column(sheet, row, total_col)
        check_saldo(sheet, row, columns)
        table.rows.append(row)
        yield row
    for above, above_kind, start in pending:  # totals above their parts, up to the end
        check_totals(sheet, above, table.rows[start:], columns, above_kind)


def _year(sheet: Sheet, row: int, col: int) -> int | None:
    value = sheet.value(row, col)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return value
    sheet.problem(row, col, value, "not-a-year", N_("found {found}: expected a four-digit year"))
    return None


def _values(row: Row, columns: list[Column], mapping: Mapping) -> Iterator[tuple[_Key, Decimal]]:
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


# A heading that names a programme, objective or prestatie: "Kerntaak 7 Kwaliteit openbaar
# bestuur", "Beleidsdoel 7.2: Participatie".
_NAMED = r"\b(?:kerntaak|programma|beleidsdoel|BD|prestatie)\s+([0-9]+(?:\.[0-9]+)*)"


def _name_in(text: str, pattern: str) -> tuple[Code, str] | None:
    """The code and the name that follows it in a label, when the label gives a name."""
    found = re.search(pattern, text, flags=re.IGNORECASE)
    if found is None:
        return None
    try:
        code = printed_code(".".join(part for part in found.groups() if part is not None))
    except PrestatieError:
        return None
    name = _name_after(text, pattern)
    return (code, name) if name else None


def _names(sheet: Sheet, rows: list[Row], state: _State) -> Iterator[tuple[Code, str]]:
    """Names for codes whose rows have no title, in order of preference: a row's own label
    after its code ("Lasten BD 7.2 Participatie"), a heading row's label, the mapping's
    `names`, and a heading above the table or the sheet's name."""
    mapping = sheet.mapping
    pattern = mapping.code_pattern or _NAMED
    for row in rows:
        named = _name_in(row.label, pattern) if row.own else None
        if named is not None and named[0] == row.code:
            yield named
        elif row.own and row.code is not None and mapping.code_pattern is not None:
            name = _name_after(row.label, mapping.code_pattern)
            if name:
                yield row.code, name
    yield from state.names.items()
    for code, name in mapping.names.items():
        yield Code(code), name
    headings = [sheet.name]
    for number in range(1, max(mapping.header_rows) + 1):
        headings += [sheet.text(number, col) for col in range(1, sheet.max_column + 1)]
    for text in headings:
        named = _name_in(text, _NAMED) if text else None
        if named is not None:
            yield named


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
    state = _State(section=mapping.flow, parent=owner)
    unit = into.unit if into is not None else mapping.unit
    amounts: dict[Code, dict[_Key, Decimal]] = defaultdict(dict)
    mutations: dict[Code, dict[_MutationKey, Decimal]] = defaultdict(dict)
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
        rows = list(_rows(sheet, columns, state))
        _collect(sheet, rows, columns, amounts, titles, unit)
        _collect_mutations(sheet, rows, columns, mutations, unit)
        for code in mutations:  # an owner with only reserve mutations is made all the same
            amounts.setdefault(code, {})
    if problems:
        raise WorkbookError(problems, source=str(source))
    for code, title in _names(sheet, rows, state):
        titles.setdefault(code, title)
    budget = _merge(into, amounts, indicators, titles, mapping)
    budget = _with_mutations(budget, mutations)
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
    amounts: dict[Code, dict[_Key, Decimal]],
    titles: dict[Code, str],
    unit: Unit,
) -> None:
    """Each row's amounts added to its owner's: lines of one heading add up, as do a long
    layout's bookings; a code's own row given twice is a problem."""
    mapping = sheet.mapping
    first_row: dict[tuple[Code, _Key], int] = {}
    code_col = sheet.find(mapping.code) or 1
    for row in rows:
        assert row.code is not None
        if row.mutation is not None:
            continue  # a reserve mutation (`_collect_mutations`)
        if row.title and row.own:
            titles.setdefault(row.code, row.title)
        if row.code.level > 3:
            sheet.note(
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
                sheet.note(
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
    mutations: dict[Code, dict[_MutationKey, Decimal]],
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


def _with_mutations(budget: Budget, mutations: dict[Code, dict[_MutationKey, Decimal]]) -> Budget:
    """The budget with the sheet's reserve mutations, each replacing one of the same kind,
    reserve, column and year, and every reserve they name among its reserves."""
    if not mutations:
        return budget

    def merged(code: Code, old: tuple[ReserveMutation, ...]) -> tuple[ReserveMutation, ...]:
        new = mutations.get(code, {})
        kept = tuple(m for m in old if (m.kind, m.reserve, m.column, m.year) not in new)
        return kept + tuple(
            ReserveMutation(kind=kind, reserve=reserve, column=column, year=year, value=value)
            for (kind, reserve, column, year), value in new.items()
        )

    programmes = tuple(
        attrs.evolve(
            programme,
            reserve_mutations=merged(programme.code, programme.reserve_mutations),
            objectives=tuple(
                attrs.evolve(o, reserve_mutations=merged(o.code, o.reserve_mutations))
                for o in programme.objectives
            ),
        )
        for programme in budget.programmes
    )
    known = {reserve.name for reserve in budget.reserves}
    named = dict.fromkeys(key[1] for owned in mutations.values() for key in owned)
    reserves = budget.reserves + tuple(Reserve(name=name) for name in named if name not in known)
    years = [key[3] for owned in mutations.values() for key in owned]
    return attrs.evolve(
        budget,
        programmes=programmes,
        reserves=reserves,
        first_year=min([budget.first_year, *years]),
        last_year=max([budget.last_year, *years]),
    )


def _derive_wijziging(owned: dict[_Key, Decimal]) -> None:
    """Where a table prints primitief and actueel ("na wijziging") but no wijziging column,
    the wijziging is their difference, as the BBV defines actueel."""
    for (flow, column, year, nature, taakveld), value in list(owned.items()):
        primitief = owned.get((flow, BudgetColumn.PRIMITIEF, year, nature, taakveld))
        if column is BudgetColumn.ACTUEEL and primitief is not None:
            owned[(flow, BudgetColumn.WIJZIGING, year, nature, taakveld)] = value - primitief


def _merge(
    into: Budget | None,
    amounts: dict[Code, dict[_Key, Decimal]],
    indicators: dict[Code, list[Indicator]],
    titles: dict[Code, str],
    mapping: Mapping,
) -> Budget:
    years = [key[2] for owned in amounts.values() for key in owned]
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
    codes = set(amounts) | set(indicators)
    for code in list(codes):
        parent = code.parent
        while parent is not None:
            codes.add(parent)
            parent = parent.parent

    def merged(code: Code, old: tuple[Amount, ...]) -> tuple[Amount, ...]:
        new = {
            (flow, column, nature, year, taakveld): value
            for (flow, column, year, nature, taakveld), value in amounts.get(code, {}).items()
        }
        kept = tuple(amount for amount in old if amount.key[:5] not in new)
        return kept + tuple(
            Amount(flow=f, column=c, nature=n, year=y, value=v, taakveld=t)
            for (f, c, n, y, t), v in new.items()
        )

    def prestaties(objective: Objective) -> tuple[Prestatie, ...]:
        existing = {p.code: p for p in objective.prestaties}
        result = [
            attrs.evolve(
                p,
                title=p.title or titles.get(p.code, ""),
                amounts=merged(p.code, p.amounts),
                indicators=p.indicators + tuple(indicators.get(p.code, ())),
            )
            for p in objective.prestaties
        ]
        for code in sorted(c for c in codes if c.level == 3 and c.parent == objective.code):
            if code not in existing:
                new = Prestatie(code=code, title=titles.get(code, ""), amounts=merged(code, ()))
                result.append(attrs.evolve(new, indicators=tuple(indicators.get(code, ()))))
        return tuple(result)

    def objective_with(o: Objective) -> Objective:
        return attrs.evolve(
            o,
            title=o.title or titles.get(o.code, ""),
            amounts=merged(o.code, o.amounts),
            indicators=o.indicators + tuple(indicators.get(o.code, ())),
            prestaties=prestaties(o),
        )

    def objectives(programme: Programme) -> tuple[Objective, ...]:
        existing = {o.code: o for o in programme.objectives}
        result = [objective_with(o) for o in programme.objectives]
        for code in sorted(c for c in codes if c.level == 2 and c.parent == programme.code):
            if code not in existing:
                result.append(objective_with(Objective(code=code, title="")))
        return tuple(result)

    existing = {p.number for p in into.programmes}
    programmes = [
        attrs.evolve(
            p,
            name=p.name or titles.get(p.code, ""),
            amounts=merged(p.code, p.amounts),
            indicators=p.indicators + tuple(indicators.get(p.code, ())),
            objectives=objectives(p),
        )
        for p in into.programmes
    ]
    for code in sorted(c for c in codes if c.level == 1):
        number = code.parts[0]
        if isinstance(number, int) and number not in existing:
            new = Programme(number=number, name=titles.get(code, ""), amounts=merged(code, ()))
            programmes.append(
                attrs.evolve(
                    new,
                    indicators=tuple(indicators.get(code, ())),
                    objectives=objectives(new),
                )
            )
    return attrs.evolve(into, programmes=tuple(programmes))

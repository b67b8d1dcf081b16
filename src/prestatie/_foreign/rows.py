"""The rows of a foreign table, read one by one: which are headings (a taakveld, a programme
or objective, a flow section), totals rows, reserve mutations or amounts, each checked
against its figures as it is read, and the names the headings give to codes.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from decimal import Decimal

import attrs

from prestatie._code import Code
from prestatie._errors import PrestatieError, WorkbookWarning
from prestatie._foreign.mapping import Layout, Mapping, printed_code
from prestatie._foreign.sheet import Column, Sheet
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
from prestatie._model import Flow, MutationKind, Nature
from prestatie._taakveld import TAAKVELD
from prestatie._xlsx.columns import normalise_header


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
class State:
    """What the headings read so far say about the rows under them."""

    section: Flow
    parent: Code | None
    taakveld: str | None = None
    names: dict[Code, str] = attrs.field(factory=dict)


def _heading(sheet: Sheet, number: int, label: str, code: Code | None, state: State) -> None:
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


def data_rows(sheet: Sheet, columns: list[Column], state: State) -> Iterator[Row]:
    """The rows that import amounts or reserve mutations, in order: a heading row updates
    `state`, and a totals row is checked against the rows it covers."""
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
            owner = _owner(sheet, number, code_col, code or state.parent, mutation)
            if owner is None:
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
        owner = _owner(sheet, number, code_col, code or state.parent, None)
        if owner is None:
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


_NO_OWNER = {
    False: ("code-missing", N_("found {found}: expected a code such as 7.2.3")),
    True: (
        "reserve-row-owner-missing",
        N_("found {found}: expected a code such as 7.2, or a row with one above it"),
    ),
}
"""The problem of a row of amounts, or of a reserve mutation, that no code owns."""


def _owner(
    sheet: Sheet, number: int, col: int, owner: Code | None, mutation: MutationKind | None
) -> Code | None:
    """The code a row's amounts or reserve mutation belong to (its own, or the heading's
    above it); None when there is none, reported at the row's code cell `col`."""
    if owner is None:
        code, template = _NO_OWNER[mutation is not None]
        sheet.problem(number, col, sheet.value(number, col), code, template)
    return owner


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


def names_for_codes(sheet: Sheet, rows: list[Row], state: State) -> Iterator[tuple[Code, str]]:
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

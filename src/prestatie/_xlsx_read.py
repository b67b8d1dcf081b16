"""Read the canonical budget workbook back into a `Budget`, reporting every problem with
its cell.

The cells come from `prestatie._xlsx_cells`, streaming through openpyxl's read-only mode or
through python-calamine when it is installed; a formula without a cached value is reported
rather than read as a blank cell.
"""

from __future__ import annotations

import contextlib
import math
import operator
import os
import re
import warnings
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar, TypeVar

import attrs
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError
from openpyxl.utils import get_column_letter, range_boundaries

from prestatie._checks import check_budget
from prestatie._code import Code
from prestatie._errors import PrestatieError, Problem, WorkbookError, WorkbookWarning, describe
from prestatie._model import (
    Action,
    Ambition,
    Amount,
    Budget,
    Duration,
    DurationKind,
    Indicator,
    InvestmentProposal,
    Measurement,
    MonitorStatus,
    Objective,
    Prestatie,
    Programme,
    ProposalLink,
    Reserve,
    ReserveLink,
)
from prestatie._money import from_spreadsheet_number
from prestatie._sheets import (
    AMOUNT,
    BEGROTING,
    EXPLANATION_SHEET,
    LASTEN_EN_BATEN,
    SHEETS,
    TOTAL_LABEL,
    WORKBOOK_FORMAT_VERSION,
    CellError,
    CellValue,
    Column,
    Owner,
    Sheet,
    is_blank,
    normalise_header,
    parse_year_header,
)
from prestatie._target import Target
from prestatie._xlsx_cells import Cells, Row, resolve_engine
from prestatie._xlsx_safety import DEFAULT_MAX_UNCOMPRESSED_BYTES, check_xlsx
from prestatie._xlsx_text import text_problem, unescape

_CELL = re.compile(r"(.*)!([A-Z]+)([0-9]+)")
_ORDER_ITEM = re.compile(r"([0-9]{4}):([0-9]+)")
_TOLERANCE = Decimal("0.005")
T = TypeVar("T")


def read_workbook(
    path: str | os.PathLike[str],
    *,
    max_uncompressed_bytes: int = DEFAULT_MAX_UNCOMPRESSED_BYTES,
    engine: str = "auto",
) -> Budget:
    """The budget in a workbook written by `write_workbook` (or edited since).

    Raises `WorkbookError` listing every problem, each with its cell (`Prestaties!D17`), in
    sheet and row order. Files larger than `max_uncompressed_bytes` once unpacked are
    refused before any of their XML is parsed.

    `engine` reads the cells: "openpyxl", "calamine" (several times faster; install
    `prestatie[fast]`) or "auto", which is calamine when it is installed. Both give the same
    budget and the same problems.
    """
    budget, problems = read_workbook_with_problems(
        path, max_uncompressed_bytes=max_uncompressed_bytes, engine=engine
    )
    if budget is None or problems:
        raise WorkbookError(problems, source=str(path))
    return budget


def read_workbook_with_problems(
    path: str | os.PathLike[str],
    *,
    max_uncompressed_bytes: int = DEFAULT_MAX_UNCOMPRESSED_BYTES,
    engine: str = "auto",
) -> tuple[Budget | None, list[Problem]]:
    """The budget in a workbook and every problem found, for callers that decide themselves.

    The budget is None when any problem was found: problems of the cells, and problems that
    the checks across objects report (pointed at the cells their values came from).
    Unknown sheets and columns are ignored with a `WorkbookWarning`. `engine` is as for
    `read_workbook`.
    """
    source = Path(path)
    engine = resolve_engine(engine)
    try:
        check_xlsx(source, max_uncompressed_bytes)
    except WorkbookError as error:
        return None, list(error.problems)
    unreadable: tuple[type[Exception], ...] = (
        zipfile.BadZipFile,
        OSError,
        KeyError,
        EOFError,
        *_engine_errors(engine),
    )
    try:
        reader = _Reader(source, engine)
        budget = reader.read()
    except unreadable as exc:
        message = f"the workbook cannot be read: {exc}: expected an intact .xlsx file"
        return None, [Problem(where=str(source), message=message)]
    except (ParseError, ValueError) as exc:
        # openpyxl raises a ValueError caused by the parser's error when it opens a sheet.
        cause = exc if isinstance(exc, ParseError | DefusedXmlException) else exc.__cause__
        if isinstance(cause, DefusedXmlException):
            message = (
                "a part declares entities (a document type): refused, as no workbook needs one"
            )
        elif isinstance(cause, ParseError):
            message = f"a part is not well-formed XML ({cause}): expected an intact .xlsx file"
        else:
            raise
        return None, [Problem(where=str(source), message=message)]
    problems = sorted(reader.problems, key=_problem_order)
    return (budget if not problems else None), problems


def _engine_errors(engine: str) -> tuple[type[Exception], ...]:
    """What the engine raises for a file it cannot read."""
    if engine != "calamine":
        return ()
    from python_calamine import CalamineError

    return (CalamineError,)


def _problem_order(problem: Problem) -> tuple[int, int, int]:
    match = _CELL.fullmatch(problem.where)
    if not match:
        return (-1, 0, 0)
    names = [sheet.name for sheet in SHEETS]
    sheet = names.index(match.group(1)) if match.group(1) in names else len(names)
    column = range_boundaries(f"{match.group(2)}1")[0] or 0
    return (sheet, int(match.group(3)), column)


@attrs.define
class _Row:
    """A data row: its decoded values, and where each came from.

    Cell names are made on demand from the sheet's column letters, which all rows of a
    sheet share, so that a large sheet does not hold a string per cell.
    """

    sheet: str
    number: int
    letters: dict[str, str]
    """Column key → column letter, shared by the rows of one sheet."""
    values: dict[str, Any]
    ok: bool
    position: float

    def cell(self, key: str | None = None) -> str:
        """The cell of column `key`, or the row's first cell."""
        letter = self.letters.get(key or "") or next(iter(self.letters.values()), "A")
        return f"{self.sheet}!{letter}{self.number}"

    def field_cell(self, field: str) -> str:
        """The cell of a field named as in the model (`reserve_link.reserve`, `end_year`)."""
        field = re.sub(r"\[[0-9]+\]", "", field).strip(".")
        while field:
            if field in self.letters:
                return self.cell(field)
            for key in self.letters:
                if key.split(".")[-1] == field:
                    return self.cell(key)
            field = field.rpartition(".")[0]
        return self.cell()


class _Plan:
    """How the data rows of a sheet are decoded, worked out once from its header row."""

    def __init__(self, sheet: Sheet, columns: dict[int, Column]) -> None:
        self.name = sheet.name
        self.letters = {c.key: get_column_letter(i + 1) for i, c in columns.items()}
        self.headers = {c.key: c.header for c in columns.values()}
        self.readers = [(index, c.key, c.codec.read) for index, c in columns.items()]
        # A column the sheet lacks reads as blank in every row; a required one is
        # reported once, at the header, and leaves every row unusable.
        self.defaults: dict[str, Any] = {}
        self.defaults_ok = True
        for column in sheet.columns:
            if column.key not in self.letters:
                try:
                    self.defaults[column.key] = column.codec.read(None)
                except CellError:
                    self.defaults_ok = False

    def where(self, key: str, number: int) -> str:
        return f"{self.name}!{self.letters[key]}{number}"


def _reads_blank(column: Column) -> bool:
    """Whether a column may be left out: its cells may be blank."""
    try:
        column.codec.read(None)
    except CellError:
        return False
    return True


def _ordered(rows: list[_Row]) -> list[_Row]:
    return sorted(rows, key=lambda row: (row.position, row.number))


class _Reader:
    def __init__(self, path: Path, engine: str) -> None:
        self.path = path
        self.engine = engine
        self.problems: list[Problem] = []
        self.where: dict[str, str] = {}
        """JSON path of a value → the cell it came from (amounts, Begroting fields)."""
        self.objects: dict[str, _Row] = {}
        """JSON path of an object → the row it came from."""

    def problem(self, where: str, message: str) -> None:
        self.problems.append(Problem(where=where, message=message))

    # -- reading cells --------------------------------------------------------------------

    def read(self) -> Budget | None:
        cells = Cells(self.path, self.engine)
        try:
            if BEGROTING.name not in cells.sheetnames:
                # Not a budget workbook at all: its other sheets are no news.
                self.problem(
                    str(self.path), f"no sheet {BEGROTING.name!r}: expected a budget workbook"
                )
                return None
            known = {sheet.name: sheet for sheet in SHEETS}
            for name in cells.sheetnames:
                if name not in known and name != EXPLANATION_SHEET:
                    warnings.warn(
                        f"{self.path}: sheet {name!r} is not part of the budget workbook: ignored",
                        WorkbookWarning,
                        stacklevel=4,
                    )
            tables: dict[str, list[_Row]] = {}
            fields = self._read_fields(cells.rows(BEGROTING.name))
            for sheet in SHEETS[1:]:
                if sheet.name not in cells.sheetnames:
                    warnings.warn(
                        f"{self.path}: no sheet {sheet.name!r}: read as empty",
                        WorkbookWarning,
                        stacklevel=4,
                    )
                    tables[sheet.name] = []
                    continue
                tables[sheet.name] = self._read_table(sheet, cells.rows(sheet.name), fields)
        finally:
            cells.close()
        for where, message in cells.problems:
            self.problem(where, message)
        if fields is None:
            return None
        return self._build(fields, tables)

    def _cached_problem(self, where: str, formula: str) -> None:
        self.problem(
            where,
            f"formula {formula} has no computed value: expected a value (open and save the"
            " file in Excel or LibreOffice to compute it)",
        )

    def _read_fields(self, rows: Iterator[Row]) -> dict[str, Any] | None:
        by_label = {normalise_header(column.header): column for column in BEGROTING.columns}
        found: dict[str, Any] = {}
        cells: dict[str, str] = {}
        ok = True
        for number, row, missing in rows:
            if number == 1 or not row or not isinstance(row[0], str):
                continue
            column = by_label.get(normalise_header(row[0]))
            if column is None:
                if not is_blank(row[0]):
                    warnings.warn(
                        f"{self.path}: Begroting!A{number}: unknown field {row[0]!r}: ignored",
                        WorkbookWarning,
                        stacklevel=5,
                    )
                continue
            where = f"{BEGROTING.name}!B{number}"
            cells[column.key] = where
            formula = missing[1] if len(missing) > 1 else None
            if formula is not None:
                self._cached_problem(where, formula)
                ok = False
                continue
            value, fits = self._text(where, column.header, row[1] if len(row) > 1 else None)
            if not fits:
                ok = False
                continue
            try:
                found[column.key] = column.codec.read(value)
            except CellError as error:
                self._cell_problem(where, column.header, value, error)
                ok = False
        for column in BEGROTING.columns:
            if column.key not in cells and column.required:
                self.problem(
                    f"{BEGROTING.name}!A1",
                    f"no field {column.header!r}: expected a row with {column.header!r} in"
                    " column A and its value in column B",
                )
                ok = False
            elif column.key not in cells:
                found[column.key] = column.codec.read(None)
        version = found.get("format_version")
        if ok and version != WORKBOOK_FORMAT_VERSION:
            self.problem(
                cells["format_version"],
                f"Formaatversie: expected {WORKBOOK_FORMAT_VERSION}, got {version}",
            )
            ok = False
        self.where.update({f"$.{key}": cell for key, cell in cells.items()})
        self.where["$"] = f"{BEGROTING.name}!B2"
        return found if ok else None

    def _text(self, where: str, header: str, value: CellValue) -> tuple[CellValue, bool]:
        """A cell's value with a text's escapes undone, and whether it fits: a text no cell
        can hold (too long, or with a control character) is reported."""
        if not isinstance(value, str):
            return value, True
        text = unescape(value)
        trouble = text_problem(text)
        if trouble is not None:
            self.problem(where, f"{header}: {trouble}")
            return text, False
        return text, True

    def _cell_problem(self, where: str, header: str, value: CellValue, error: CellError) -> None:
        found = "a blank cell" if is_blank(value) else describe(value)
        self.problem(where, f"{header}: expected {error.expected}, got {found}")

    def _read_table(
        self,
        sheet: Sheet,
        source: Iterator[Row],
        fields: dict[str, Any] | None,
    ) -> list[_Row]:
        rows: list[_Row] = []
        columns: dict[int, Column] = {}
        level_index: int | None = None
        plan = _Plan(sheet, {})
        for number, row, missing in source:
            if number == 1:
                columns = self._header(sheet, row, fields)
                plan = _Plan(sheet, columns)
                level_index = next(
                    (i for i, c in columns.items() if c.key == "level"),
                    None,
                )
                continue
            if all(is_blank(value) for value in row) and not any(missing):
                continue
            if level_index is not None and _is_total(row, level_index):
                self._check_total(sheet, number, row, columns, rows)
                continue
            rows.append(self._decode(sheet, number, row, missing, plan))
        return rows

    def _header(
        self, sheet: Sheet, row: list[CellValue], fields: dict[str, Any] | None
    ) -> dict[int, Column]:
        by_header = {normalise_header(column.header): column for column in sheet.columns}
        columns: dict[int, Column] = {}
        seen: dict[str, str] = {}
        for index, value in enumerate(row):
            if is_blank(value):
                continue
            where = f"{sheet.name}!{get_column_letter(index + 1)}1"
            header = str(value)
            column = by_header.get(normalise_header(header))
            if column is None and sheet is LASTEN_EN_BATEN:
                column = self._year_column(where, header, fields)
            if column is None:
                warnings.warn(
                    f"{self.path}: {where}: unknown column {header!r}: ignored",
                    WorkbookWarning,
                    stacklevel=6,
                )
                continue
            if column.key in seen:
                self.problem(where, f"column {header!r} appears twice: also at {seen[column.key]}")
                continue
            seen[column.key] = where
            columns[index] = column
        for column in sheet.columns:
            if column.key not in seen and (column.required or not _reads_blank(column)):
                self.problem(
                    f"{sheet.name}!A1",
                    f"no column {column.header!r}: expected it in the header row",
                )
        return columns

    def _year_column(self, where: str, header: str, fields: dict[str, Any] | None) -> Column | None:
        parsed = parse_year_header(header)
        if parsed is None:
            return None
        year, unit = parsed
        budget_unit = fields.get("unit") if fields else None
        if (
            unit is not None
            and budget_unit is not None
            and normalise_header(unit) != normalise_header(budget_unit.value)
        ):
            self.problem(
                where,
                f"column {header!r} is in {unit!r}: expected the budget's unit"
                f" {budget_unit.value!r}",
            )
        return Column(header=header, key=f"year:{year}", codec=AMOUNT)

    def _decode(
        self,
        sheet: Sheet,
        number: int,
        row: list[CellValue],
        missing: Sequence[str | None],
        plan: _Plan,
    ) -> _Row:
        values = dict(plan.defaults)
        ok = plan.defaults_ok
        width = len(row)
        for index, key, read in plan.readers:
            if missing and index < len(missing) and missing[index] is not None:
                self._cached_problem(plan.where(key, number), str(missing[index]))
                ok = False
                continue
            value = row[index] if index < width else None
            if type(value) is str:
                value, fits = self._text(plan.where(key, number), plan.headers[key], value)
                if not fits:
                    ok = False
                    continue
            try:
                values[key] = read(value)
            except CellError as error:
                self._cell_problem(plan.where(key, number), plan.headers[key], value, error)
                ok = False
        position = values.get("position")
        return _Row(
            sheet=sheet.name,
            number=number,
            letters=plan.letters,
            values=values,
            ok=ok,
            position=math.inf if position is None else position,
        )

    def _check_total(
        self,
        sheet: Sheet,
        number: int,
        row: list[CellValue],
        columns: dict[int, Column],
        rows: list[_Row],
    ) -> None:
        """Compare a totals row's computed values with the rows above it.

        The totals are live formulas, so a spreadsheet recomputes them; a cached total that
        disagrees with the rows means something changed the file without recomputing.
        """
        keys = {column.key: index for index, column in columns.items()}
        try:
            flow = LASTEN_EN_BATEN.column("flow").codec.read(_at(row, keys.get("flow")))
            budget_column = LASTEN_EN_BATEN.column("column").codec.read(
                _at(row, keys.get("column"))
            )
        except CellError:
            return
        for index, column in columns.items():
            cached = _at(row, index)
            if (
                not column.key.startswith("year:")
                or isinstance(cached, bool)
                or not isinstance(cached, int | float)
            ):
                continue
            total = sum(
                (
                    r.values.get(column.key) or 0
                    for r in rows
                    if r.ok
                    and r.values.get("flow") is flow
                    and r.values.get("column") is budget_column
                ),
                start=Decimal(0),
            )
            try:
                shown = from_spreadsheet_number(cached)
            except PrestatieError:  # NaN or infinity: no total to compare
                continue
            if abs(shown - total) > _TOLERANCE:
                warnings.warn(
                    f"{self.path}: {sheet.name}!{get_column_letter(index + 1)}{number}: the total"
                    f" shows {cached}, but the rows above add up to {total}: the rows are read,"
                    " the total is not",
                    WorkbookWarning,
                    stacklevel=6,
                )

    # -- building the budget ------------------------------------------------------------------

    def _at_most_one(self, rows: Sequence[_Row], column: str, what: str) -> _Row | None:
        """The first of `rows`, with a problem at `column` of each further one."""
        for extra in rows[1:]:
            self.problem(extra.cell(column), f"a second {what}: expected at most one")
        return rows[0] if rows else None

    def _register(self, path: str, row: _Row) -> None:
        """Remember the row the object at JSON path `path` came from."""
        self.objects[path] = row

    def _make(self, row: _Row, factory: Callable[..., T], /, **fields: Any) -> T | None:
        """`factory(**fields)`, or None with a problem at the cell of the field it names."""
        try:
            return factory(**fields)
        except PrestatieError as error:
            message = str(error)
            match = re.match(r"\w+\.(\w+)", message)
            self.problem(row.field_cell(match.group(1)) if match else row.cell(), message)
            return None

    def _build(self, fields: dict[str, Any], tables: dict[str, list[_Row]]) -> Budget | None:
        index = _Index(tables)
        self.known_positions: dict[str, dict[int, int]] = {}
        self.amount_cells: dict[str, list[tuple[_Row, str]]] = {}
        """JSON path of an owner of amounts → the row and year column of each amount."""
        self.amounts = self._amounts(tables[LASTEN_EN_BATEN.name])
        self.used_amounts: set[tuple[Owner, Code]] = set()
        programmes = [
            self._programme(index, f"$.programmes[{p}]", row)
            for p, row in enumerate(_ordered([r for r in tables["Programma's"] if r.ok]))
        ]
        reserves = []
        for r, row in enumerate(_ordered([r for r in tables["Reserves"] if r.ok])):
            self._register(f"$.reserves[{r}]", row)
            reserves.append(self._make(row, Reserve, **_fields(row, "name", "description")))
        proposals = []
        rows = _ordered([r for r in tables["Investeringsvoorstellen"] if r.ok])
        for i, row in enumerate(rows):
            self._register(f"$.proposals[{i}]", row)
            proposals.append(self._make(row, InvestmentProposal, **_fields(row, *_PROPOSAL)))
        self._report_unused(index)
        parts: list[Any] = [*programmes, *reserves, *proposals]
        if any(part is None for part in parts) or any(not r.ok for t in tables.values() for r in t):
            return None
        budget = self._make_budget(fields, programmes, reserves, proposals)
        if budget is None:
            return None
        for problem in check_budget(budget):
            self.problem(self._cell_of(problem.where), problem.message)
        return budget

    def _programme(self, index: _Index, path: str, row: _Row) -> Programme | None:
        self._register(path, row)
        number = row.values["number"]
        objectives = [
            self._objective(index, f"{path}.objectives[{o}]", orow)
            for o, orow in enumerate(index.take("objectives", number))
        ]
        arow = self._at_most_one(
            index.take("ambitions", number), "programme", f"ambition for programme {number}"
        )
        ambition = None
        if arow is not None:
            apath = f"{path}.ambition"
            self._register(apath, arow)
            key = (Owner.AMBITIE, Code.from_parts(number), None)
            targets = self._targets(index, f"{apath}.target", key)
            self._at_most_one(
                index.rows("targets", key),
                "owner",
                f"target for the ambition of programme {number}",
            )
            if targets:
                self.objects[f"{apath}.target"] = self.objects[f"{apath}.target[0]"]
            ambition = Ambition(text=arow.values["text"], target=targets[0] if targets else None)
        if None in objectives:
            return None
        return self._make(
            row,
            Programme,
            number=number,
            name=row.values["name"],
            ambition=ambition,
            objectives=tuple(objectives),
            amounts=self._amounts_of(path, (Owner.PROGRAMMA, Code.from_parts(number))),
        )

    def _objective(self, index: _Index, path: str, row: _Row) -> Objective | None:
        self._register(path, row)
        code = row.values["code"]
        indicators = []
        for i, irow in enumerate(index.take("indicators", code)):
            ipath = f"{path}.indicators[{i}]"
            self._register(ipath, irow)
            part = irow.values["position"] if irow.values["position"] is not None else i + 1
            key = (Owner.INDICATOR, code, part)
            indicators.append(
                self._make(
                    irow,
                    Indicator,
                    **_fields(irow, *_INDICATOR),
                    targets=self._targets(index, f"{ipath}.targets", key),
                    realised=self._measurements(index, f"{ipath}.realised", key),
                )
            )
        prestaties = [
            self._prestatie(index, f"{path}.prestaties[{s}]", srow)
            for s, srow in enumerate(index.take("prestaties", code))
        ]
        if None in indicators or None in prestaties:
            return None
        return self._make(
            row,
            Objective,
            code=code,
            title=row.values["title"],
            indicators=tuple(indicators),
            prestaties=tuple(prestaties),
            amounts=self._amounts_of(path, (Owner.DOEL, code)),
        )

    def _prestatie(self, index: _Index, path: str, row: _Row) -> Prestatie | None:
        values = row.values
        code = values["code"]
        self._register(path, row)
        actions = []
        for a, arow in enumerate(index.take("actions", code)):
            apath = f"{path}.actions[{a}]"
            self._register(apath, arow)
            key = (Owner.ACTIE, code, arow.values["number"])
            actions.append(
                self._make(
                    arow,
                    Action,
                    **_fields(arow, "number", "text", "references"),
                    targets=self._targets(index, f"{apath}.targets", key),
                    realised=self._measurements(index, f"{apath}.realised", key),
                )
            )
        links = []
        for k, lrow in enumerate(index.take("links", code)):
            self._register(f"{path}.reserve_link.proposals[{k}]", lrow)
            links.append(self._make(lrow, ProposalLink, **_fields(lrow, *_LINK)))
        srow = self._at_most_one(
            index.take("statuses", code), "prestatie", f"monitor status for prestatie {code}"
        )
        status = None
        if srow is not None:
            self._register(f"{path}.status", srow)
            status = MonitorStatus(**_fields(srow, *_STATUS))
        duration = self._duration(row)
        if None in actions or None in links or duration is _BROKEN:
            return None
        reserve_link = self._make(
            row,
            ReserveLink,
            related=values["reserve_link.related"],
            reserve=values["reserve_link.reserve"],
            proposals=tuple(links),
        )
        if reserve_link is None:
            return None
        return self._make(
            row,
            Prestatie,
            **_fields(row, *_PRESTATIE),
            actions=tuple(actions),
            duration=duration,
            reserve_link=reserve_link,
            amounts=self._amounts_of(path, (Owner.PRESTATIE, code)),
            status=status,
        )

    def _duration(self, row: _Row) -> Duration | object | None:
        values = row.values
        if values["duration.kind"] is not None:
            duration = self._make(
                row,
                Duration,
                kind=values["duration.kind"],
                start_year=values["duration.start_year"],
                end_year=values["duration.end_year"],
                text=values["duration.text"],
            )
            return _BROKEN if duration is None else duration
        if any(values[key] not in (None, "") for key in _DURATION_DETAILS):
            labels = ", ".join(repr(kind.value) for kind in DurationKind)
            self.problem(
                row.cell("duration.kind"),
                f"Looptijd: expected {labels} when the other looptijd columns are filled,"
                " got a blank cell",
            )
            return _BROKEN
        return None

    def _targets(self, index: _Index, path: str, key: Any) -> tuple[Target, ...]:
        built = []
        for t, row in enumerate(index.take("targets", key)):
            self._register(f"{path}[{t}]", row)
            target = self._make(row, Target, **_fields(row, *_TARGET))
            if target is not None:
                built.append(target)
        return tuple(built)

    def _measurements(self, index: _Index, path: str, key: Any) -> tuple[Measurement, ...]:
        built = []
        for m, row in enumerate(index.take("measurements", key)):
            self._register(f"{path}[{m}]", row)
            measurement = self._make(row, Measurement, **_fields(row, "unit", "value", "year"))
            if measurement is not None:
                built.append(measurement)
        return tuple(built)

    def _amounts_of(self, path: str, key: tuple[Owner, Code]) -> tuple[Amount, ...]:
        self.used_amounts.add(key)
        items = self.amounts.get(key, [])
        self.amount_cells[path] = [cell for _, cell in items]
        return tuple(amount for amount, _ in items)

    def _amounts(
        self, rows: list[_Row]
    ) -> dict[tuple[Owner, Code], list[tuple[Amount, tuple[_Row, str]]]]:
        """Each owner's amounts with the row and column of each, in the order its Volgorde
        states (else in row order)."""
        collected: dict[tuple[Owner, Code], list[tuple[float, int, Amount, tuple[_Row, str]]]]
        collected = {}
        year_keys: list[tuple[str, int]] | None = None
        for row in rows:
            if not row.ok:
                continue
            values = row.values
            if year_keys is None:  # every readable row has the same columns
                year_keys = [(k, int(k.removeprefix("year:"))) for k in values if k[:5] == "year:"]
            positions = self._positions(row)
            key = (values["level"], values["code"])
            flow, column, nature = values["flow"], values["column"], values["nature"]
            for column_key, year in year_keys:
                value = values[column_key]
                if value is None:
                    continue
                amount = self._make(
                    row, Amount, flow=flow, column=column, nature=nature, year=year, value=value
                )
                if amount is not None:
                    items = collected.setdefault(key, [])
                    position = positions.get(year, math.inf)
                    items.append((position, len(items), amount, (row, column_key)))
        in_order = operator.itemgetter(0, 1)
        return {
            key: [(amount, cell) for _, _, amount, cell in sorted(items, key=in_order)]
            for key, items in collected.items()
        }

    def _positions(self, row: _Row) -> dict[int, int]:
        text = row.values.get("order") or ""
        known = self.known_positions.get(text)
        if known is not None:
            return known
        positions: dict[int, int] = {}
        for item in text.split():
            match = _ORDER_ITEM.fullmatch(item)
            if not match:
                self.problem(
                    row.cell("order"),
                    f"Volgorde: expected positions like '2017:1 2018:2' or a blank cell,"
                    f" got {text!r}",
                )
                return {}
            positions[int(match.group(1))] = int(match.group(2))
        # Many rows state the same order; the parsed form is shared, never changed.
        self.known_positions[text] = positions
        return positions

    def _report_unused(self, index: _Index) -> None:
        """Rows whose parent has no row at all (a parent that failed to read or is itself
        misplaced is reported on its own row, not again on each child)."""
        for group, key, rows in index.unused():
            if not index.parent_missing(group, key):
                continue
            field, parent = _PARENTS[group]
            for row in rows:
                self.problem(
                    row.cell(field),
                    f"refers to {_show_key(key)}, which is not in the workbook: expected one"
                    f" listed on {parent}",
                )
        for key, items in self.amounts.items():
            if key not in self.used_amounts and index.parent_missing("amounts", key):
                level, code = key
                row, column_key = items[0][1]
                self.problem(
                    row.cell(column_key),
                    f"amounts of {level.value} {code}, which is not in the workbook: expected"
                    f" one listed on {_LEVEL_SHEETS[level]}",
                )

    def _make_budget(
        self,
        fields: dict[str, Any],
        programmes: list[Any],
        reserves: list[Any],
        proposals: list[Any],
    ) -> Budget | None:
        try:
            return Budget(
                **{column.key: fields[column.key] for column in BEGROTING.columns[1:]},
                programmes=tuple(programmes),
                reserves=tuple(reserves),
                proposals=tuple(proposals),
            )
        except PrestatieError as error:
            match = re.match(r"\w+\.(\w+)", str(error))
            field = match.group(1) if match else "year"
            self.problem(self.where.get(f"$.{field}", f"{BEGROTING.name}!B1"), str(error))
            return None

    def _cell_of(self, path: str) -> str:
        """The cell a JSON path's value came from, or the nearest enclosing object's cell."""
        candidate = path
        while candidate:
            if candidate in self.where:
                return self.where[candidate]
            owner, amounts, index = candidate.rpartition(".amounts[")
            if amounts and index[:-1].isdigit() and owner in self.amount_cells:
                cells = self.amount_cells[owner]
                if int(index[:-1]) < len(cells):
                    row, column_key = cells[int(index[:-1])]
                    return row.cell(column_key)
            if candidate in self.objects:
                return self.objects[candidate].field_cell(path[len(candidate) :])
            trimmed = re.sub(r"(\[[0-9]+\]|\.[A-Za-z_]+)$", "", candidate)
            if trimmed == candidate:
                break
            candidate = trimmed
        return path


_BROKEN = object()


class _Index:
    """The rows of the child sheets, grouped by their parent's key and put in order."""

    _KEYS: ClassVar[dict[str, tuple[str, Callable[[dict[str, Any]], Any]]]] = {
        "ambitions": ("Ambities", lambda v: v["programme"]),
        "objectives": ("Doelen", lambda v: v["programme"]),
        "indicators": ("Indicatoren", lambda v: v["objective"]),
        "prestaties": ("Prestaties", lambda v: v["objective"]),
        "statuses": ("Monitor", lambda v: v["prestatie"]),
        "actions": ("Acties", lambda v: v["prestatie"]),
        "links": ("Voorstellen per prestatie", lambda v: v["prestatie"]),
        "targets": ("Streefwaarden", lambda v: (v["owner"], v["owner_code"], v["part"])),
        "measurements": ("Realisaties", lambda v: (v["owner"], v["owner_code"], v["part"])),
    }

    def __init__(self, tables: dict[str, list[_Row]]) -> None:
        self._groups: dict[str, dict[Any, list[_Row]]] = {}
        self._used: dict[str, set[Any]] = defaultdict(set)
        for group, (sheet, key) in self._KEYS.items():
            rows: dict[Any, list[_Row]] = defaultdict(list)
            for row in tables[sheet]:
                if row.ok:
                    rows[key(row.values)].append(row)
            self._groups[group] = {k: _ordered(v) for k, v in rows.items()}
        # The keys of every parent row, read or not, so that only children whose parent has
        # no row at all are reported; a sheet with unreadable keys reports no orphans.
        self._parents: dict[Any, set[Any]] = defaultdict(set)
        self._unsure: set[Any] = set()
        for sheet, owner, fields in _PARENT_KEYS:
            for row in tables[sheet]:
                values = [row.values.get(field) for field in fields]
                if not row.ok and any(value is None for value in values):
                    self._unsure.add(owner)
                parent = values[0] if len(values) == 1 else (owner, *values)
                self._parents[owner].add(parent)
                if isinstance(parent, int):
                    with contextlib.suppress(PrestatieError):  # e.g. negative: no code
                        self._parents[owner].add(Code.from_parts(parent))

    def parent_missing(self, group: str, key: Any) -> bool:
        """Whether the parent that rows of `group` under `key` name has no row at all."""
        if group == "amounts":
            owner, code = key
        elif group in ("targets", "measurements"):
            owner = key[0]
            code = key if owner is not Owner.AMBITIE else key[1]
        else:
            owner, code = _GROUP_PARENT[group], key
        if owner in self._unsure:
            return False
        return code not in self._parents[owner]

    def take(self, group: str, key: Any) -> list[_Row]:
        """The rows of `group` under `key`, marking them as used."""
        self._used[group].add(key)
        return self._groups[group].get(key, [])

    def rows(self, group: str, key: Any) -> list[_Row]:
        return self._groups[group].get(key, [])

    def unused(self) -> Iterator[tuple[str, Any, list[_Row]]]:
        for group, rows in self._groups.items():
            for key, items in rows.items():
                if key not in self._used[group]:
                    yield group, key, items


_PARENTS = {
    "ambitions": ("programme", "Programma's"),
    "objectives": ("programme", "Programma's"),
    "indicators": ("objective", "Doelen"),
    "prestaties": ("objective", "Doelen"),
    "statuses": ("prestatie", "Prestaties"),
    "actions": ("prestatie", "Prestaties"),
    "links": ("prestatie", "Prestaties"),
    "targets": ("owner_code", "Ambities, Acties or Indicatoren"),
    "measurements": ("owner_code", "Acties or Indicatoren"),
}
_PARENT_KEYS = (
    ("Programma's", Owner.PROGRAMMA, ("number",)),
    ("Doelen", Owner.DOEL, ("code",)),
    ("Prestaties", Owner.PRESTATIE, ("code",)),
    ("Ambities", Owner.AMBITIE, ("programme",)),
    ("Acties", Owner.ACTIE, ("prestatie", "number")),
    ("Indicatoren", Owner.INDICATOR, ("objective", "position")),
)
_GROUP_PARENT = {
    "ambitions": Owner.PROGRAMMA,
    "objectives": Owner.PROGRAMMA,
    "indicators": Owner.DOEL,
    "prestaties": Owner.DOEL,
    "statuses": Owner.PRESTATIE,
    "actions": Owner.PRESTATIE,
    "links": Owner.PRESTATIE,
}
_LEVEL_SHEETS = {
    Owner.PROGRAMMA: "Programma's",
    Owner.DOEL: "Doelen",
    Owner.PRESTATIE: "Prestaties",
}


def _show_key(key: Any) -> str:
    if not isinstance(key, tuple):
        return str(key)
    owner, code, part = key
    if owner is Owner.AMBITIE:
        return f"the ambition of programme {code}"
    if owner is Owner.ACTIE:
        return f"action {part} of prestatie {code}"
    return f"indicator {part} of objective {code}"


def _at(row: list[CellValue], index: int | None) -> CellValue:
    return row[index] if index is not None and index < len(row) else None


def _is_total(row: list[CellValue], index: int) -> bool:
    value = row[index] if index < len(row) else None
    return isinstance(value, str) and value.strip().casefold() == TOTAL_LABEL.casefold()


def _fields(row: _Row, *names: str) -> dict[str, Any]:
    return {name: row.values[name] for name in names}


_TARGET = (
    "unit",
    "kind",
    "lower",
    "lower_inclusive",
    "upper",
    "upper_inclusive",
    "year",
    "first_year",
    "yearly",
    "baseline",
    "baseline_year",
    "text",
)
_INDICATOR = ("name", "unit", "baseline", "baseline_year", "source")
_PROPOSAL = ("name", "ps_number", "year", "amended_by", "reserve", "amount")
_LINK = ("ps_number", "related", "text")
_STATUS = ("content", "financial", "budget_change", "progress")
_PRESTATIE = (
    "code",
    "title",
    "introduction",
    "context",
    "portfolio_holders",
    "roles",
    "role_text",
    "continuity",
)
_DURATION_DETAILS = ("duration.start_year", "duration.end_year", "duration.text")

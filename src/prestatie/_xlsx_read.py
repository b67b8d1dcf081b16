"""Read the canonical budget workbook back into a `Budget`, reporting every problem with
its cell.

The workbook is read streaming (openpyxl read-only mode), twice in step: once for cached
values and once to see which cells hold formulas, so that a formula without a cached value
is reported rather than read as a blank cell.
"""

from __future__ import annotations

import math
import os
import re
import warnings
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
from defusedxml.ElementTree import iterparse
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

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
from prestatie._sheets import (
    AMOUNT,
    BEGROTING,
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
from prestatie._xlsx_safety import DEFAULT_MAX_UNCOMPRESSED_BYTES, check_xlsx

_CELL = re.compile(r"(.*)!([A-Z]+)([0-9]+)")
_ORDER_ITEM = re.compile(r"([0-9]{4}):([0-9]+)")
_TOLERANCE = 0.005


def read_workbook(
    path: str | os.PathLike[str], *, max_uncompressed_bytes: int = DEFAULT_MAX_UNCOMPRESSED_BYTES
) -> Budget:
    """The budget in a workbook written by `write_workbook` (or edited since).

    Raises `WorkbookError` listing every problem, each with its cell (`Prestaties!D17`), in
    sheet and row order. Files larger than `max_uncompressed_bytes` once unpacked are
    refused before any of their XML is parsed.
    """
    budget, problems = read_workbook_with_problems(
        path, max_uncompressed_bytes=max_uncompressed_bytes
    )
    if budget is None or problems:
        raise WorkbookError(problems, source=str(path))
    return budget


def read_workbook_with_problems(
    path: str | os.PathLike[str], *, max_uncompressed_bytes: int = DEFAULT_MAX_UNCOMPRESSED_BYTES
) -> tuple[Budget | None, list[Problem]]:
    """The budget in a workbook and every problem found, for callers that decide themselves.

    The budget is None when any problem was found: problems of the cells, and problems that
    the checks across objects report (pointed at the cells their values came from).
    Unknown sheets and columns are ignored with a `WorkbookWarning`.
    """
    source = Path(path)
    try:
        check_xlsx(source, max_uncompressed_bytes)
    except WorkbookError as error:
        return None, list(error.problems)
    try:
        reader = _Reader(source)
        budget = reader.read()
    except (zipfile.BadZipFile, OSError, KeyError, EOFError) as exc:
        message = f"the workbook cannot be read: {exc}: expected an intact .xlsx file"
        return None, [Problem(where=str(source), message=message)]
    problems = sorted(reader.problems, key=_problem_order)
    return (budget if not problems else None), problems


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
    """A data row: decoded values and the cell each came from."""

    number: int
    values: dict[str, Any]
    cells: dict[str, str]
    ok: bool
    position: float

    def cell(self, key: str) -> str:
        return self.cells.get(key) or next(iter(self.cells.values()))


def _ordered(rows: list[_Row]) -> list[_Row]:
    return sorted(rows, key=lambda row: (row.position, row.number))


class _Merges:
    """The merged ranges of a sheet: every cell of a range shows its top-left value."""

    def __init__(self, ranges: list[tuple[int, int, int, int]]) -> None:
        self._ranges = ranges
        self._origins: dict[tuple[int, int], CellValue] = {}

    def __bool__(self) -> bool:
        return bool(self._ranges)

    def fill(self, row: int, values: list[CellValue]) -> list[CellValue]:
        for min_col, min_row, max_col, max_row in self._ranges:
            if not min_row <= row <= max_row:
                continue
            if row == min_row:
                origin = values[min_col - 1] if min_col - 1 < len(values) else None
                self._origins[(min_row, min_col)] = origin
            value = self._origins.get((min_row, min_col))
            if len(values) < max_col:
                values.extend([None] * (max_col - len(values)))
            for column in range(min_col, max_col + 1):
                if (row, column) != (min_row, min_col):
                    values[column - 1] = value
        return values


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.where: dict[str, str] = {}
        """JSON path of each value built → the cell it came from."""

    def problem(self, where: str, message: str) -> None:
        self.problems.append(Problem(where=where, message=message))

    # -- reading cells --------------------------------------------------------------------

    def read(self) -> Budget | None:
        values = load_workbook(self.path, read_only=True, data_only=True)
        formulas = load_workbook(self.path, read_only=True, data_only=False)
        try:
            known = {sheet.name: sheet for sheet in SHEETS}
            for name in values.sheetnames:
                if name not in known:
                    warnings.warn(
                        f"{self.path}: sheet {name!r} is not part of the budget workbook:"
                        " ignored",
                        WorkbookWarning,
                        stacklevel=4,
                    )
            tables: dict[str, list[_Row]] = {}
            if BEGROTING.name not in values.sheetnames:
                self.problem(
                    str(self.path), f"no sheet {BEGROTING.name!r}: expected a budget workbook"
                )
                return None
            fields = self._read_fields(values[BEGROTING.name], formulas[BEGROTING.name])
            for sheet in SHEETS[1:]:
                if sheet.name not in values.sheetnames:
                    warnings.warn(
                        f"{self.path}: no sheet {sheet.name!r}: read as empty",
                        WorkbookWarning,
                        stacklevel=4,
                    )
                    tables[sheet.name] = []
                    continue
                tables[sheet.name] = self._read_table(
                    sheet, values[sheet.name], formulas[sheet.name], fields
                )
        finally:
            values.close()
            formulas.close()
        if fields is None:
            return None
        return self._build(fields, tables)

    def _merges(self, worksheet: ReadOnlyWorksheet) -> _Merges:
        part = getattr(worksheet, "_worksheet_path", None)
        ranges = []
        if part:
            with zipfile.ZipFile(self.path) as archive, archive.open(part) as source:
                for _, element in iterparse(source):
                    if element.tag.endswith("}mergeCell") and element.get("ref"):
                        bounds = range_boundaries(element.get("ref"))
                        if None not in bounds:
                            ranges.append(bounds)
                    element.clear()
        return _Merges(ranges)  # type: ignore[arg-type]

    def _rows(
        self, values: ReadOnlyWorksheet, formulas: ReadOnlyWorksheet, sheet: str
    ) -> Iterator[tuple[int, list[CellValue], list[str | None]]]:
        """Each row's cached values, with the formula of any formula cell lacking one."""
        values.reset_dimensions()
        formulas.reset_dimensions()
        merges = self._merges(values)
        for number, (value_row, formula_row) in enumerate(
            zip(values.iter_rows(), formulas.iter_rows(), strict=False), start=1
        ):
            row: list[CellValue] = [cell.value for cell in value_row]
            if merges:
                row = merges.fill(number, row)
            missing: list[str | None] = [None] * len(row)
            for index, cell in enumerate(formula_row):
                if getattr(cell, "data_type", None) == "f" and index < len(row):
                    if row[index] is None:
                        missing[index] = str(cell.value)
            yield number, row, missing

    def _cached_problem(self, where: str, formula: str) -> None:
        self.problem(
            where,
            f"formula {formula} has no computed value: expected a value (open and save the"
            " file in Excel or LibreOffice to compute it)",
        )

    def _read_fields(
        self, values: ReadOnlyWorksheet, formulas: ReadOnlyWorksheet
    ) -> dict[str, Any] | None:
        by_label = {normalise_header(column.header): column for column in BEGROTING.columns}
        found: dict[str, Any] = {}
        cells: dict[str, str] = {}
        ok = True
        for number, row, missing in self._rows(values, formulas, BEGROTING.name):
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
            value = row[1] if len(row) > 1 else None
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

    def _cell_problem(self, where: str, header: str, value: CellValue, error: CellError) -> None:
        found = "a blank cell" if is_blank(value) else describe(value)
        self.problem(where, f"{header}: expected {error.expected}, got {found}")

    def _read_table(
        self,
        sheet: Sheet,
        values: ReadOnlyWorksheet,
        formulas: ReadOnlyWorksheet,
        fields: dict[str, Any] | None,
    ) -> list[_Row]:
        rows: list[_Row] = []
        columns: dict[int, Column] = {}
        level_index: int | None = None
        for number, row, missing in self._rows(values, formulas, sheet.name):
            if number == 1:
                columns = self._header(sheet, row, fields)
                level_index = next(
                    (i for i, c in columns.items() if c.key == "level"),
                    None,
                )
                continue
            if all(is_blank(value) for value in row) and not any(missing):
                continue
            if level_index is not None and _is_total(row, level_index):
                self._check_total(sheet, number, row, columns)
                continue
            rows.append(self._decode(sheet, number, row, missing, columns))
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
            if column.required and column.key not in seen:
                self.problem(
                    f"{sheet.name}!A1",
                    f"no column {column.header!r}: expected it in the header row",
                )
        return columns

    def _year_column(
        self, where: str, header: str, fields: dict[str, Any] | None
    ) -> Column | None:
        parsed = parse_year_header(header)
        if parsed is None:
            return None
        year, unit = parsed
        budget_unit = fields.get("unit") if fields else None
        if unit is not None and budget_unit is not None:
            if normalise_header(unit) != normalise_header(budget_unit.value):
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
        missing: list[str | None],
        columns: dict[int, Column],
    ) -> _Row:
        values: dict[str, Any] = {}
        cells: dict[str, str] = {}
        ok = True
        for index, column in columns.items():
            where = f"{sheet.name}!{get_column_letter(index + 1)}{number}"
            cells[column.key] = where
            formula = missing[index] if index < len(missing) else None
            if formula is not None:
                self._cached_problem(where, formula)
                ok = False
                continue
            value = row[index] if index < len(row) else None
            try:
                values[column.key] = column.codec.read(value)
            except CellError as error:
                self._cell_problem(where, column.header, value, error)
                ok = False
        for column in sheet.columns:
            if column.key not in values and column.key not in cells:
                try:
                    values[column.key] = column.codec.read(None)
                except CellError:
                    ok = False  # the missing column is reported once, at the header
        position = values.get("position")
        return _Row(
            number=number,
            values=values,
            cells=cells,
            ok=ok,
            position=math.inf if position is None else position,
        )

    def _check_total(
        self, sheet: Sheet, number: int, row: list[CellValue], columns: dict[int, Column]
    ) -> None:
        # Totals are recomputed from the rows above by the spreadsheet; a cached total that
        # disagrees with them means the file was changed by something that does not compute.
        del sheet, number, row, columns

    # -- building the budget ------------------------------------------------------------------

    def _register(self, path: str, row: _Row, renames: dict[str, str] | None = None) -> None:
        self.where[path] = row.cell(next(iter(row.cells)))
        for key, cell in row.cells.items():
            field = (renames or {}).get(key, key)
            self.where[f"{path}.{field}"] = cell

    def _make(self, row: _Row, make: Callable[[], Any]) -> Any:
        try:
            return make()
        except PrestatieError as error:
            message = str(error)
            match = re.match(r"\w+\.(\w+)", message)
            where = next(iter(row.cells.values()))
            if match:
                for key, cell in row.cells.items():
                    if key.split(".")[-1] == match.group(1):
                        where = cell
                        break
            self.problem(where, message)
            return None

    def _group(
        self, rows: list[_Row], key: Callable[[_Row], Any]
    ) -> dict[Any, list[_Row]]:
        groups: dict[Any, list[_Row]] = defaultdict(list)
        for row in rows:
            if row.ok:
                groups[key(row)].append(row)
        return {k: _ordered(v) for k, v in groups.items()}

    def _orphans(
        self,
        groups: dict[Any, list[_Row]],
        known: set[Any],
        field: str,
        what: str,
    ) -> None:
        for key, rows in groups.items():
            if key in known:
                continue
            for row in rows:
                self.problem(
                    row.cell(field),
                    f"unknown {what} {_show(row.values[field])}: expected one on its own sheet",
                )

    def _build(self, fields: dict[str, Any], tables: dict[str, list[_Row]]) -> Budget | None:
        v = lambda row, key: row.values[key]  # noqa: E731
        programme_rows = _ordered([r for r in tables["Programma's"] if r.ok])
        ambitions = self._group(tables["Ambities"], lambda r: v(r, "programme"))
        objectives = self._group(tables["Doelen"], lambda r: v(r, "programme"))
        indicators = self._group(tables["Indicatoren"], lambda r: v(r, "objective"))
        prestaties = self._group(tables["Prestaties"], lambda r: v(r, "objective"))
        statuses = self._group(tables["Monitor"], lambda r: v(r, "prestatie"))
        actions = self._group(tables["Acties"], lambda r: v(r, "prestatie"))
        targets = self._group(
            tables["Streefwaarden"], lambda r: (v(r, "owner"), v(r, "owner_code"), v(r, "part"))
        )
        measurements = self._group(
            tables["Realisaties"], lambda r: (v(r, "owner"), v(r, "owner_code"), v(r, "part"))
        )
        links = self._group(tables["Voorstellen per prestatie"], lambda r: v(r, "prestatie"))
        amounts = self._amounts(tables["Lasten en baten"])
        used_targets: set[Any] = set()
        used_measurements: set[Any] = set()
        used_amounts: set[Any] = set()

        def targets_of(path: str, key: Any) -> tuple[Target, ...]:
            used_targets.add(key)
            built = []
            for row in targets.get(key, []):
                target = self._make(row, lambda row=row: Target(**_fields(row, _TARGET_FIELDS)))
                if target is not None:
                    self._register(f"{path}[{len(built)}]", row)
                    built.append(target)
            return tuple(built)

        def realised_of(path: str, key: Any) -> tuple[Measurement, ...]:
            used_measurements.add(key)
            built = []
            for row in measurements.get(key, []):
                measurement = self._make(
                    row, lambda row=row: Measurement(**_fields(row, ("unit", "value", "year")))
                )
                if measurement is not None:
                    self._register(f"{path}[{len(built)}]", row)
                    built.append(measurement)
            return tuple(built)

        def amounts_of(path: str, key: tuple[Owner, Code]) -> tuple[Amount, ...]:
            used_amounts.add(key)
            built = []
            for amount, cell in amounts.get(key, []):
                self.where[f"{path}.amounts[{len(built)}]"] = cell
                built.append(amount)
            return tuple(built)

        programmes = []
        for p, row in enumerate(programme_rows):
            path = f"$.programmes[{p}]"
            number = v(row, "number")
            self._register(path, row)
            objective_list = []
            for o, orow in enumerate(objectives.get(number, [])):
                opath = f"{path}.objectives[{o}]"
                code = v(orow, "code")
                self._register(opath, orow)
                indicator_list = []
                for i, irow in enumerate(indicators.get(code, [])):
                    ipath = f"{opath}.indicators[{i}]"
                    self._register(ipath, irow)
                    part = irow.values["position"] if irow.values["position"] is not None else i + 1
                    key = (Owner.INDICATOR, code, part)
                    indicator = self._make(
                        irow,
                        lambda irow=irow, key=key, ipath=ipath: Indicator(
                            **_fields(irow, _INDICATOR_FIELDS),
                            targets=targets_of(f"{ipath}.targets", key),
                            realised=realised_of(f"{ipath}.realised", key),
                        ),
                    )
                    if indicator is not None:
                        indicator_list.append(indicator)
                prestatie_list = []
                for s, srow in enumerate(prestaties.get(code, [])):
                    spath = f"{opath}.prestaties[{len(prestatie_list)}]"
                    del s
                    prestatie = self._prestatie(
                        spath,
                        srow,
                        statuses,
                        actions,
                        links,
                        targets_of,
                        realised_of,
                        amounts_of,
                    )
                    if prestatie is not None:
                        prestatie_list.append(prestatie)
                objective = self._make(
                    orow,
                    lambda orow=orow, code=code, opath=opath, il=indicator_list, pl=prestatie_list: (
                        Objective(
                            code=code,
                            title=v(orow, "title"),
                            indicators=tuple(il),
                            prestaties=tuple(pl),
                            amounts=amounts_of(opath, (Owner.DOEL, code)),
                        )
                    ),
                )
                if objective is not None:
                    objective_list.append(objective)
            ambition = None
            ambition_rows = ambitions.get(number, [])
            for extra in ambition_rows[1:]:
                self.problem(
                    extra.cell("programme"),
                    f"a second ambition for programme {number}: expected at most one",
                )
            if ambition_rows:
                arow = ambition_rows[0]
                self._register(f"{path}.ambition", arow)
                ambition_targets = targets_of(
                    f"{path}.ambition.target", (Owner.AMBITIE, Code.from_parts(number), None)
                )
                if len(ambition_targets) > 1:
                    extra = targets[(Owner.AMBITIE, Code.from_parts(number), None)][1]
                    self.problem(
                        extra.cell("owner"),
                        f"a second target for the ambition of programme {number}:"
                        " expected at most one",
                    )
                self.where[f"{path}.ambition.target"] = self.where.get(
                    f"{path}.ambition.target[0]", arow.cell("text")
                )
                ambition = Ambition(
                    text=v(arow, "text"),
                    target=ambition_targets[0] if ambition_targets else None,
                )
            programmes.append(
                self._make(
                    row,
                    lambda row=row, number=number, path=path, ol=objective_list, a=ambition: (
                        Programme(
                            number=number,
                            name=v(row, "name"),
                            ambition=a,
                            objectives=tuple(ol),
                            amounts=amounts_of(path, (Owner.PROGRAMMA, Code.from_parts(number))),
                        )
                    ),
                )
            )
        reserves = []
        for r, row in enumerate(_ordered([r for r in tables["Reserves"] if r.ok])):
            self._register(f"$.reserves[{r}]", row)
            reserves.append(
                self._make(row, lambda row=row: Reserve(**_fields(row, ("name", "description"))))
            )
        proposals = []
        for i, row in enumerate(_ordered([r for r in tables["Investeringsvoorstellen"] if r.ok])):
            self._register(f"$.proposals[{i}]", row)
            proposals.append(
                self._make(row, lambda row=row: InvestmentProposal(**_fields(row, _PROPOSAL_FIELDS)))
            )
        self._report_orphans(
            tables,
            programme_rows,
            objectives,
            indicators,
            prestaties,
            used_targets,
            targets,
            used_measurements,
            measurements,
            used_amounts,
            amounts,
            statuses,
            actions,
            links,
        )
        parts = [*programmes, *reserves, *proposals]
        if any(part is None for part in parts):
            return None
        budget = self._make_budget(fields, programmes, reserves, proposals)
        if budget is None:
            return None
        for problem in check_budget(budget):
            self.problem(self._cell_of(problem.where), problem.message)
        return budget

    def _make_budget(
        self,
        fields: dict[str, Any],
        programmes: list[Any],
        reserves: list[Any],
        proposals: list[Any],
    ) -> Budget | None:
        try:
            return Budget(
                province=fields["province"],
                year=fields["year"],
                kind=fields["kind"],
                unit=fields["unit"],
                title=fields["title"],
                first_year=fields["first_year"],
                last_year=fields["last_year"],
                programmes=tuple(programmes),
                reserves=tuple(reserves),
                proposals=tuple(proposals),
                notes=fields["notes"],
                complete=fields["complete"],
            )
        except PrestatieError as error:
            match = re.match(r"\w+\.(\w+)", str(error))
            field = match.group(1) if match else "year"
            self.problem(self.where.get(f"$.{field}", f"{BEGROTING.name}!B1"), str(error))
            return None

    def _cell_of(self, path: str) -> str:
        candidate = path
        while candidate:
            if candidate in self.where:
                return self.where[candidate]
            trimmed = re.sub(r"(\[[0-9]+\]|\.[A-Za-z_]+)$", "", candidate)
            if trimmed == candidate:
                break
            candidate = trimmed
        return path

    def _prestatie(
        self,
        path: str,
        row: _Row,
        statuses: dict[Any, list[_Row]],
        actions: dict[Any, list[_Row]],
        links: dict[Any, list[_Row]],
        targets_of: Callable[[str, Any], tuple[Target, ...]],
        realised_of: Callable[[str, Any], tuple[Measurement, ...]],
        amounts_of: Callable[[str, tuple[Owner, Code]], tuple[Amount, ...]],
    ) -> Prestatie | None:
        values = row.values
        code = values["code"]
        self._register(path, row)
        action_list = []
        for arow in actions.get(code, []):
            apath = f"{path}.actions[{len(action_list)}]"
            self._register(apath, arow)
            number = arow.values["number"]
            key = (Owner.ACTIE, code, number)
            action = self._make(
                arow,
                lambda arow=arow, apath=apath, key=key: Action(
                    number=arow.values["number"],
                    text=arow.values["text"],
                    references=arow.values["references"],
                    targets=targets_of(f"{apath}.targets", key),
                    realised=realised_of(f"{apath}.realised", key),
                ),
            )
            if action is not None:
                action_list.append(action)
        link_list = []
        for lrow in links.get(code, []):
            self._register(f"{path}.reserve_link.proposals[{len(link_list)}]", lrow)
            link = self._make(
                lrow, lambda lrow=lrow: ProposalLink(**_fields(lrow, ("ps_number", "related", "text")))
            )
            if link is not None:
                link_list.append(link)
        status = None
        status_rows = statuses.get(code, [])
        for extra in status_rows[1:]:
            self.problem(
                extra.cell("prestatie"),
                f"a second monitor status for prestatie {code}: expected at most one",
            )
        if status_rows:
            self._register(f"{path}.status", status_rows[0])
            status = MonitorStatus(
                **_fields(status_rows[0], ("content", "financial", "budget_change", "progress"))
            )
        duration: Duration | None = None
        if values["duration.kind"] is not None:
            duration = self._make(
                row,
                lambda: Duration(
                    kind=values["duration.kind"],
                    start_year=values["duration.start_year"],
                    end_year=values["duration.end_year"],
                    text=values["duration.text"],
                ),
            )
            if duration is None:
                return None
        else:
            for key in ("duration.start_year", "duration.end_year", "duration.text"):
                if values[key] not in (None, ""):
                    self.problem(
                        row.cell("duration.kind"),
                        f"Looptijd: expected {', '.join(repr(k.value) for k in _DURATIONS)}"
                        f" when the other looptijd columns are filled, got a blank cell",
                    )
                    return None
        reserve_link = self._make(
            row,
            lambda: ReserveLink(
                related=values["reserve_link.related"],
                reserve=values["reserve_link.reserve"],
                proposals=tuple(link_list),
            ),
        )
        if reserve_link is None:
            return None
        result: Prestatie | None = self._make(
            row,
            lambda: Prestatie(
                code=code,
                title=values["title"],
                introduction=values["introduction"],
                context=values["context"],
                actions=tuple(action_list),
                portfolio_holders=values["portfolio_holders"],
                roles=values["roles"],
                role_text=values["role_text"],
                duration=duration,
                reserve_link=reserve_link,
                amounts=amounts_of(path, (Owner.PRESTATIE, code)),
                continuity=values["continuity"],
                status=status,
            ),
        )
        return result

    def _amounts(self, rows: list[_Row]) -> dict[Any, list[tuple[Amount, str]]]:
        collected: dict[Any, list[tuple[float, int, Amount, str]]] = defaultdict(list)
        sequence = 0
        for row in rows:
            if not row.ok:
                continue
            positions = self._positions(row)
            key = (row.values["level"], row.values["code"])
            for column_key, value in row.values.items():
                if not column_key.startswith("year:") or value is None:
                    continue
                year = int(column_key[5:])
                amount = self._make(
                    row,
                    lambda year=year, value=value: Amount(
                        flow=row.values["flow"],
                        column=row.values["column"],
                        nature=row.values["nature"],
                        year=year,
                        value=value,
                    ),
                )
                if amount is None:
                    continue
                sequence += 1
                position = positions.get(year, math.inf)
                collected[key].append((position, sequence, amount, row.cells[column_key]))
        return {
            key: [(amount, cell) for _, _, amount, cell in sorted(items, key=lambda i: i[:2])]
            for key, items in collected.items()
        }

    def _positions(self, row: _Row) -> dict[int, float]:
        text = row.values.get("order") or ""
        positions: dict[int, float] = {}
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
        return positions

    def _report_orphans(
        self,
        tables: dict[str, list[_Row]],
        programme_rows: list[_Row],
        objectives: dict[Any, list[_Row]],
        indicators: dict[Any, list[_Row]],
        prestaties: dict[Any, list[_Row]],
        used_targets: set[Any],
        targets: dict[Any, list[_Row]],
        used_measurements: set[Any],
        measurements: dict[Any, list[_Row]],
        used_amounts: set[Any],
        amounts: dict[Any, list[tuple[Amount, str]]],
        statuses: dict[Any, list[_Row]],
        actions: dict[Any, list[_Row]],
        links: dict[Any, list[_Row]],
    ) -> None:
        numbers = {row.values["number"] for row in programme_rows}
        broken_numbers = {
            row.values.get("number") for row in tables["Programma's"] if not row.ok
        }
        self._orphans(objectives, numbers | broken_numbers, "programme", "programme")
        self._orphans(
            self._group(tables["Ambities"], lambda r: r.values["programme"]),
            numbers | broken_numbers,
            "programme",
            "programme",
        )
        objective_codes = {r.values.get("code") for r in tables["Doelen"]}
        self._orphans(indicators, objective_codes, "objective", "objective")
        self._orphans(prestaties, objective_codes, "objective", "objective")
        prestatie_codes = {r.values.get("code") for r in tables["Prestaties"]}
        self._orphans(statuses, prestatie_codes, "prestatie", "prestatie")
        self._orphans(actions, prestatie_codes, "prestatie", "prestatie")
        self._orphans(links, prestatie_codes, "prestatie", "prestatie")
        broken_parents = {
            r.values.get("code") for name in ("Doelen", "Prestaties") for r in tables[name]
        }
        for key, rows in targets.items():
            if key not in used_targets and key[1] not in broken_parents:
                for row in rows:
                    self.problem(
                        row.cell("owner_code"),
                        f"this target belongs to no {key[0].value} of the budget"
                        f" ({key[1]}{'' if key[2] is None else f', {key[2]}'}): expected the"
                        " code and the action number or indicator position of one",
                    )
        for key, rows in measurements.items():
            if key not in used_measurements and key[1] not in broken_parents:
                for row in rows:
                    self.problem(
                        row.cell("owner_code"),
                        f"this measurement belongs to no {key[0].value} of the budget"
                        f" ({key[1]}, {key[2]}): expected the code and the action number or"
                        " indicator position of one",
                    )
        for key, items in amounts.items():
            if key not in used_amounts and key[1] not in broken_parents | {
                Code.from_parts(n) for n in numbers | broken_numbers if isinstance(n, int)
            }:
                for _, cell in items[:1]:
                    row_cell = cell
                    self.problem(
                        row_cell,
                        f"these amounts belong to no {key[0].value} {key[1]} of the budget:"
                        " expected the code of one",
                    )


def _is_total(row: list[CellValue], index: int) -> bool:
    value = row[index] if index < len(row) else None
    return isinstance(value, str) and value.strip().casefold() == TOTAL_LABEL.casefold()


def _show(value: Any) -> str:
    return str(value)


def _fields(row: _Row, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: row.values[name] for name in names}


_TARGET_FIELDS = (
    "unit",
    "kind",
    "lower",
    "lower_inclusive",
    "upper",
    "upper_inclusive",
    "year",
    "baseline",
    "baseline_year",
    "text",
)
_INDICATOR_FIELDS = ("name", "unit", "baseline", "baseline_year", "source")
_PROPOSAL_FIELDS = ("name", "ps_number", "year", "amended_by", "reserve", "amount")
_DURATIONS = tuple(DurationKind)

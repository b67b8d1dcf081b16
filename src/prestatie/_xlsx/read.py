"""Read the canonical budget workbook back into a `Budget`, reporting every problem with
its cell.

The cells come from `prestatie._xlsx.cells`, streaming through openpyxl's read-only mode or
through python-calamine when it is installed; a formula without a cached value is reported
rather than read as a blank cell.
"""

from __future__ import annotations

import math
import os
import re
import sys
import warnings
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError
from openpyxl.utils import get_column_letter, range_boundaries

from prestatie._errors import PrestatieError, Problem, WorkbookError, WorkbookWarning, describe
from prestatie._language import N_, Phrase
from prestatie._model import Budget
from prestatie._money import HALF_CENT, from_spreadsheet_number, total
from prestatie._xlsx import schema
from prestatie._xlsx.build import build_budget
from prestatie._xlsx.cells import Cells, CellValue, Row, resolve_engine, text_problem, unescape
from prestatie._xlsx.codecs import CellError, is_blank
from prestatie._xlsx.columns import (
    TOTAL_LABEL,
    Column,
    Sheet,
    normalise_header,
    parse_year_header,
    year_column,
    year_of,
)
from prestatie._xlsx.rows import DataRow
from prestatie._xlsx.safety import DEFAULT_MAX_UNCOMPRESSED_BYTES, check_xlsx

_CELL = re.compile(r"(.*)!([A-Z]+)([0-9]+)")


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
        check_xlsx(source, max_uncompressed_bytes)  # OSError for a file it cannot open
    except WorkbookError as error:
        return None, list(error.problems)
    # Raised only for a damaged file; the others also by a bug, so only where a library
    # unzips or parses the file do they mean it cannot be read.
    file_errors: tuple[type[Exception], ...] = (zipfile.BadZipFile, *_engine_errors(engine))
    unreadable: tuple[type[Exception], ...] = (*file_errors, OSError, KeyError, EOFError)
    try:
        reader = _Reader(source, engine)
        budget = reader.read()
    except unreadable as exc:
        if not isinstance(exc, file_errors) and _raised_here(exc):
            raise  # a bug in the reader, not a reason in the file
        message = N_("the workbook cannot be read: {error}: expected an intact .xlsx file")
        return None, [Problem.of(str(source), "workbook-unreadable", message, error=exc)]
    except (ParseError, ValueError) as exc:
        # openpyxl raises a ValueError caused by the parser's error when it opens a sheet.
        cause = exc if isinstance(exc, ParseError | DefusedXmlException) else exc.__cause__
        if isinstance(cause, DefusedXmlException):
            problem = Problem.of(
                str(source),
                "xml-entities",
                N_("a part declares entities (a document type): refused, as no workbook needs one"),
            )
        elif isinstance(cause, ParseError):
            problem = Problem.of(
                str(source),
                "xml-malformed",
                N_("a part is not well-formed XML ({error}): expected an intact .xlsx file"),
                error=cause,
            )
        else:
            raise
        return None, [problem]
    # One problem found twice at one cell (by a cell's codec and a check) is one problem.
    problems = sorted(dict.fromkeys(reader.problems), key=_problem_order)
    return (budget if not problems else None), problems


# The folder of the whole package, wherever in it this module lies.
_PACKAGE = os.path.dirname(str(sys.modules[__name__.partition(".")[0]].__file__)) + os.sep


def _raised_here(error: BaseException) -> bool:
    """Whether `error` was raised in this package's own code rather than in a library."""
    frame = error.__traceback__
    while frame is not None and frame.tb_next is not None:
        frame = frame.tb_next
    return frame is not None and frame.tb_frame.f_code.co_filename.startswith(_PACKAGE)


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
    names = [sheet.name for sheet in schema.SHEETS]
    sheet = names.index(match.group(1)) if match.group(1) in names else len(names)
    column = range_boundaries(f"{match.group(2)}1")[0] or 0
    return (sheet, int(match.group(3)), column)


class _Plan:
    """How the data rows of a sheet are decoded, worked out once from its header row."""

    def __init__(self, sheet: Sheet, columns: dict[int, Column]) -> None:
        self.name = sheet.name
        self.letters = {c.key: get_column_letter(i + 1) for i, c in columns.items()}
        self.headers = {c.key: c.header for c in columns.values()}
        self.readers = [(index, c.key, c.codec.read) for index, c in columns.items()]
        self.reads_text = {c.key for c in columns.values() if c.codec.reads_text}
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


class _Reader:
    def __init__(self, path: Path, engine: str) -> None:
        self.path = path
        self.engine = engine
        self.problems: list[Problem] = []
        self.where: dict[str, str] = {}
        """JSON path of a value → the cell it came from (amounts, Begroting fields)."""

    def problem(self, where: str, code: str, template: str, /, **params: object) -> None:
        self.problems.append(Problem.of(where, code, template, **params))

    def warn(self, code: str, template: str, /, **params: object) -> None:
        """A warning about the workbook (`{path}` in `template` names it)."""
        warning = WorkbookWarning(template, code=code, params={"path": self.path, **params})
        warnings.warn(warning, stacklevel=5)

    # -- reading cells --------------------------------------------------------------------

    def read(self) -> Budget | None:
        cells = Cells(self.path, self.engine)
        try:
            if schema.BEGROTING.name not in cells.sheetnames:
                # Not a budget workbook at all: its other sheets are no news.
                self.problem(
                    str(self.path),
                    "begroting-sheet-missing",
                    N_("no sheet {sheet!r}: expected a budget workbook"),
                    sheet=schema.BEGROTING.name,
                )
                return None
            known = {sheet.name: sheet for sheet in schema.SHEETS}
            fields = self._read_fields(cells.rows(schema.BEGROTING.name))
            missing = [sheet for sheet in schema.SHEETS[1:] if sheet.name not in cells.sheetnames]
            others = {
                name: _content(cells.rows(name))
                for name in cells.sheetnames
                if name not in known and name != schema.EXPLANATION_SHEET
            }
            reported, renamed = self._missing_sheets(missing, others, fields)
            for name in others:
                if name not in renamed:
                    self.warn(
                        "sheet-unknown",
                        N_("{path}: sheet {sheet!r} is not part of the budget workbook: ignored"),
                        sheet=name,
                    )
            tables: dict[Sheet, list[DataRow]] = {}
            for sheet in schema.SHEETS[1:]:
                if sheet in missing:
                    if sheet.name not in reported:
                        self.warn(
                            "sheet-missing-read-as-empty",
                            N_("{path}: no sheet {sheet!r}: read as empty"),
                            sheet=sheet.name,
                        )
                    tables[sheet] = []
                    continue
                tables[sheet] = self._read_table(sheet, cells.rows(sheet.name), fields)
        finally:
            cells.close()
        self.problems.extend(cells.problems)
        if fields is None:
            return None
        absent = {sheet.name: sheet.name in reported for sheet in missing}
        budget, problems = build_budget(fields, tables, self.where, absent, str(self.path))
        self.problems += problems
        return budget

    def _missing_sheets(
        self,
        missing: list[Sheet],
        others: dict[str, tuple[set[str], bool]],
        fields: dict[str, Any] | None,
    ) -> tuple[set[str], set[str]]:
        """Report each missing sheet whose values may lie elsewhere: on a sheet of another
        name that holds values (a renamed sheet), or in a budget that says it is complete.
        Returns the names of the missing sheets reported and of the sheets taken as renamed."""
        reported: set[str] = set()
        renamed: set[str] = set()
        filled = [name for name, (_, has_values) in others.items() if has_values]
        complete = bool(fields and fields.get("complete"))
        for sheet in missing:
            headers = {normalise_header(column.header) for column in sheet.columns}
            candidates = [name for name in filled if name not in renamed]
            if candidates:
                other = max(candidates, key=lambda name: len(headers & others[name][0]))
                renamed.add(other)
                reported.add(sheet.name)
                self.problem(
                    f"{other}!A1",
                    "sheet-missing",
                    N_(
                        "no sheet {sheet!r}, but sheet {other!r} holds values that are not read:"
                        " expected {sheet!r} (if {other!r} is that sheet, rename it back to"
                        " {sheet!r})"
                    ),
                    sheet=sheet.name,
                    other=other,
                )
            elif complete:
                reported.add(sheet.name)
                self.problem(
                    str(self.path),
                    "sheet-missing",
                    N_(
                        "no sheet {sheet!r}: expected every sheet in a complete budget"
                        " (Volledig = ja); add the sheet, or set Volledig to nee for an excerpt"
                    ),
                    sheet=sheet.name,
                )
        return reported, renamed

    def _cached_problem(self, where: str, formula: str) -> None:
        self.problem(
            where,
            "formula-not-computed",
            N_(
                "formula {formula} has no computed value: expected a value (open and save the"
                " file in Excel or LibreOffice to compute it)"
            ),
            formula=formula,
        )

    def _read_fields(self, rows: Iterator[Row]) -> dict[str, Any] | None:
        by_label = {normalise_header(column.header): column for column in schema.BEGROTING.columns}
        found: dict[str, Any] = {}
        cells: dict[str, str] = {}
        ok = True
        for number, row, missing in rows:
            if number == 1 or not row:
                continue
            extra = [i for i, value in enumerate(row) if i >= 2 and not is_blank(value)]
            if not isinstance(row[0], str) and len(row) > 1 and not is_blank(row[1]):
                extra.insert(0, 1)  # a value without the name of its field
            for index in extra:
                self.warn(
                    "value-outside-fields",
                    N_("{path}: {cell}: {found} is not a field's value in column B: not read"),
                    cell=f"{schema.BEGROTING.name}!{get_column_letter(index + 1)}{number}",
                    found=describe(row[index]),
                )
            if not isinstance(row[0], str):
                continue
            column = by_label.get(normalise_header(row[0]))
            if column is None:
                if not is_blank(row[0]):
                    self.warn(
                        "field-unknown",
                        N_("{path}: {cell}: unknown field {field!r}: ignored"),
                        cell=f"{schema.BEGROTING.name}!A{number}",
                        field=row[0],
                    )
                continue
            where = f"{schema.BEGROTING.name}!B{number}"
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
        for column in schema.BEGROTING.columns:
            if column.key not in cells and column.required:
                self.problem(
                    f"{schema.BEGROTING.name}!A1",
                    "field-missing",
                    N_(
                        "no field {field!r}: expected a row with {field!r} in column A and its"
                        " value in column B"
                    ),
                    field=column.header,
                )
                ok = False
            elif column.key not in cells:
                found[column.key] = column.codec.read(None)
        version = found.get("format_version")
        if ok and version != schema.WORKBOOK_FORMAT_VERSION:
            self.problem(
                cells["format_version"],
                "workbook-version",
                N_("Formaatversie: expected {expected}, got {found}"),
                expected=schema.WORKBOOK_FORMAT_VERSION,
                found=version,
            )
            ok = False
        self.where.update({f"$.{key}": cell for key, cell in cells.items()})
        self.where["$"] = f"{schema.BEGROTING.name}!B2"
        return found if ok else None

    def _text(self, where: str, header: str, value: CellValue) -> tuple[CellValue, bool]:
        """A cell's value with a text's escapes undone, and whether it fits: a text no cell
        can hold (too long, or with a control character) is reported."""
        if not isinstance(value, str):
            return value, True
        text = unescape(value)
        trouble = text_problem(text)
        if trouble is not None:
            self.problem(
                where,
                "text-unfit",
                N_("{header}: {reason}"),
                header=header,
                reason=Phrase(trouble.template),
                **trouble.params,
            )
            return text, False
        return text, True

    def _cell_problem(self, where: str, header: str, value: CellValue, error: CellError) -> None:
        cause = error.error
        if cause is not None:  # it says all that is wrong
            reason = Phrase(cause.template) if cause.template else cause.render_reason()
            code = cause.code or "cell-unexpected"
            params = {**error.params, **cause.params}
            self.problem(
                where, code, N_("{header}: {reason}"), header=header, reason=reason, **params
            )
            return
        found = N_("a blank cell") if is_blank(value) else describe(value)
        self.problem(
            where,
            "cell-unexpected",
            N_("{header}: expected {expected}, got {found}"),
            header=header,
            expected=error.expected,
            found=found,
            **error.params,
        )

    def _read_table(
        self,
        sheet: Sheet,
        source: Iterator[Row],
        fields: dict[str, Any] | None,
    ) -> list[DataRow]:
        rows: list[DataRow] = []
        columns: dict[int, Column] = {}
        headers: list[CellValue] = []
        level_index: int | None = None
        plan = _Plan(sheet, {})
        outside: dict[int, list[int]] = {}
        """Row width → the indexes of the columns that hold no field of the sheet."""
        for number, row, missing in source:
            if number == 1:
                headers = row
                columns = self._header(sheet, row, fields)
                plan = _Plan(sheet, columns)
                level_index = next(
                    (i for i, c in columns.items() if c.key == "level"),
                    None,
                )
                continue
            if all(is_blank(value) for value in row) and not any(missing):
                continue
            width = len(row)
            if width not in outside:
                outside[width] = [i for i in range(width) if i not in columns]
            if outside[width] and self._outside(sheet, number, row, outside[width], headers):
                continue  # the row holds values outside the columns only
            if level_index is not None and _is_total(row, level_index):
                self._check_total(sheet, number, row, columns, rows)
                continue
            rows.append(self._decode(sheet, number, row, missing, plan))
        return rows

    def _outside(
        self,
        sheet: Sheet,
        number: int,
        row: list[CellValue],
        indexes: list[int],
        headers: list[CellValue],
    ) -> bool:
        """Warn of each value in a column that is no column of the sheet, as it is not kept;
        whether those are the only values of the row."""
        found = False
        for index in indexes:
            value = row[index]
            if is_blank(value):
                continue
            found = True
            where = f"{sheet.name}!{get_column_letter(index + 1)}{number}"
            header = headers[index] if index < len(headers) else None
            if is_blank(header):
                self.warn(
                    "value-without-header",
                    N_(
                        "{path}: {cell}: {found} in a column without a header: not read (give"
                        " the column a header from the Toelichting sheet, or leave the cell"
                        " blank)"
                    ),
                    cell=where,
                    found=describe(value),
                )
            else:
                self.warn(
                    "value-in-unknown-column",
                    N_(
                        "{path}: {cell}: {found} in the column {header!r}, which is no column of"
                        " {sheet!r}: not read"
                    ),
                    cell=where,
                    found=describe(value),
                    header=header,
                    sheet=sheet.name,
                )
        if not found:
            return False
        inside = (value for index, value in enumerate(row) if index not in indexes)
        return all(is_blank(value) for value in inside)

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
            if column is None and sheet is schema.LASTEN_EN_BATEN:
                column = self._year_column(where, header, fields)
            if column is None:
                self.warn(
                    "column-unknown",
                    N_("{path}: {cell}: unknown column {header!r}: ignored"),
                    cell=where,
                    header=header,
                )
                continue
            if column.key in seen:
                self.problem(
                    where,
                    "column-twice",
                    N_("column {header!r} appears twice: also at {other}"),
                    header=header,
                    other=seen[column.key],
                )
                continue
            seen[column.key] = where
            columns[index] = column
        for column in sheet.columns:
            if column.key not in seen and not column.may_be_left_out:
                self.problem(
                    f"{sheet.name}!A1",
                    "column-missing",
                    N_("no column {header!r}: expected it in the header row"),
                    header=column.header,
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
                "year-column-unit",
                N_("column {header!r} is in {unit!r}: expected the budget's unit {expected!r}"),
                header=header,
                unit=unit,
                expected=budget_unit.value,
            )
        return year_column(year, header)

    def _decode(
        self,
        sheet: Sheet,
        number: int,
        row: list[CellValue],
        missing: Sequence[str | None],
        plan: _Plan,
    ) -> DataRow:
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
                continue
            if type(value) is str and key in plan.reads_text and value:
                self.warn(
                    "number-stored-as-text",
                    N_(
                        "{path}: {cell}: {header}: {text!r} is a number stored as text; read as"
                        " {read}"
                    ),
                    cell=plan.where(key, number),
                    header=plan.headers[key],
                    text=value,
                    read=values[key],
                )
        position = values.get("position")
        return DataRow(
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
        rows: list[DataRow],
    ) -> None:
        """Compare a totals row's computed values with the rows above it.

        The totals are live formulas, so a spreadsheet recomputes them; a cached total that
        disagrees with the rows means something changed the file without recomputing.
        """
        keys = {column.key: index for index, column in columns.items()}
        try:
            flow = schema.LASTEN_EN_BATEN.column("flow").codec.read(_at(row, keys.get("flow")))
            budget_column = schema.LASTEN_EN_BATEN.column("column").codec.read(
                _at(row, keys.get("column"))
            )
        except CellError:
            return
        for index, column in columns.items():
            cached = _at(row, index)
            if (
                year_of(column.key) is None
                or isinstance(cached, bool)
                or not isinstance(cached, int | float)
            ):
                continue
            exact = total(
                r.values.get(column.key) or 0
                for r in rows
                if r.ok and r.values.get("flow") is flow and r.values.get("column") is budget_column
            )
            try:
                shown = from_spreadsheet_number(cached)
            except PrestatieError:  # NaN or infinity: no total to compare
                continue
            if abs(shown - exact) > HALF_CENT:
                self.warn(
                    "total-off",
                    N_(
                        "{path}: {cell}: the total shows {shown}, but the rows above add up to"
                        " {exact}: the rows are read, the total is not"
                    ),
                    cell=f"{sheet.name}!{get_column_letter(index + 1)}{number}",
                    shown=cached,
                    exact=exact,
                )


def _content(rows: Iterator[Row]) -> tuple[set[str], bool]:
    """The headers of a sheet, normalised, and whether it holds any value."""
    headers: set[str] = set()
    has_values = False
    try:
        for number, row, missing in rows:
            if number == 1:
                headers = {normalise_header(str(value)) for value in row if not is_blank(value)}
            has_values = has_values or bool(headers) or any(missing)
            has_values = has_values or any(not is_blank(value) for value in row)
            if has_values and number > 1:
                break
    finally:
        # Stopped early, the rows hold the sheet's part open: close it while the file is.
        close = getattr(rows, "close", None)
        if close is not None:
            close()
    return headers, has_values


def _at(row: list[CellValue], index: int | None) -> CellValue:
    return row[index] if index is not None and index < len(row) else None


def _is_total(row: list[CellValue], index: int) -> bool:
    value = row[index] if index < len(row) else None
    return isinstance(value, str) and value.strip().casefold() == TOTAL_LABEL.casefold()

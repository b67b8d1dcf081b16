"""Decode the cells of the budget workbook's sheets into values, one row at a time: the
Begroting sheet's fields, and each other sheet's header and data rows. Every bad cell is
reported with its place, a value outside the sheet's columns is warned of, and a totals row
is compared with the rows above it.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from prestatie._errors import PrestatieError, Problem, WorkbookWarning, describe
from prestatie._language import N_, Phrase
from prestatie._money import HALF_CENT, from_spreadsheet_number, total
from prestatie._xlsx import schema
from prestatie._xlsx.cells import CellValue, Row, text_problem, unescape
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


class Decoder:
    """Decodes the sheets of one workbook, collecting every problem and the cell each value
    of the Begroting sheet came from."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.where: dict[str, str] = {}
        """JSON path of a value → the cell it came from (amounts, Begroting fields)."""

    def problem(self, where: str, code: str, template: str, /, **params: object) -> None:
        self.problems.append(Problem.of(where, code, template, **params))

    def warn(self, code: str, template: str, /, **params: object) -> None:
        """A warning about the workbook (`{path}` in `template` names it)."""
        warning = WorkbookWarning(template, code=code, params={"path": self.path, **params})
        warnings.warn(warning, stacklevel=5)

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

    def read_fields(self, rows: Iterator[Row]) -> dict[str, Any] | None:
        """The values of the Begroting sheet's fields by key, or None if one is missing or
        bad."""
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

    def read_table(
        self,
        sheet: Sheet,
        source: Iterator[Row],
        fields: dict[str, Any] | None,
    ) -> list[DataRow]:
        """The data rows of a sheet, decoded by its header row; totals rows are checked and
        left out."""
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


def _at(row: list[CellValue], index: int | None) -> CellValue:
    return row[index] if index is not None and index < len(row) else None


def _is_total(row: list[CellValue], index: int) -> bool:
    value = row[index] if index < len(row) else None
    return isinstance(value, str) and value.strip().casefold() == TOTAL_LABEL.casefold()

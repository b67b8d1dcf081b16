"""Read the canonical budget workbook back into a `Budget`, reporting every problem with
its cell.

The cells come from `prestatie._xlsx.cells`, streaming through openpyxl's read-only mode or
through python-calamine when it is installed; a formula without a cached value is reported
rather than read as a blank cell.
"""

from __future__ import annotations

import os
import re
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError
from openpyxl.utils import range_boundaries

from prestatie._errors import Problem, WorkbookError
from prestatie._language import N_
from prestatie._model import Budget
from prestatie._xlsx import schema
from prestatie._xlsx.build import build_budget
from prestatie._xlsx.cells import Cells, Row, resolve_engine
from prestatie._xlsx.codecs import is_blank
from prestatie._xlsx.columns import Sheet, normalise_header
from prestatie._xlsx.decode import Decoder
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


class _Reader(Decoder):
    """Reads a whole workbook: which sheets it holds, each sheet through the `Decoder`, and
    the budget they build."""

    def __init__(self, path: Path, engine: str) -> None:
        super().__init__(path)
        self.engine = engine

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
            fields = self.read_fields(cells.rows(schema.BEGROTING.name))
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
                tables[sheet] = self.read_table(sheet, cells.rows(sheet.name), fields)
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

"""Read and write a budget by file name: the form follows the extension."""

from __future__ import annotations

import os
from pathlib import Path

from prestatie._atomic import atomic_write, check_destination
from prestatie._checks import check_budget
from prestatie._errors import InvalidValueError, JsonError, Problem, WorkbookError
from prestatie._foreign.importer import import_sheet
from prestatie._foreign.load import Mapping, load_mapping
from prestatie._json import from_json, to_json
from prestatie._language import N_
from prestatie._model import Budget
from prestatie._xlsx.read import read_workbook_with_problems
from prestatie._xlsx.report import ReportKind, write_report
from prestatie._xlsx.write import write_workbook

XLSX, JSON = ".xlsx", ".json"
SUFFIXES = (XLSX, JSON)
OLD_EXCEL = (".xls", ".xlsm", ".xlsb", ".ods")


def suffix_of(path: str | os.PathLike[str]) -> str:
    """The extension that decides the form of `path`; `InvalidValueError` for any other."""
    suffix = Path(path).suffix.lower()
    if suffix in SUFFIXES:
        return suffix
    if Path(path).is_dir():
        raise InvalidValueError(
            N_("{path}: is a folder, not a file: expected a .xlsx or .json file"),
            code="not-a-file",
            params={"path": path},
        )
    if suffix in OLD_EXCEL:
        template = N_(
            "{path}: expected a .xlsx or .json file, got {found}: save it as .xlsx (Excel"
            " Workbook) and try again"
        )
    elif suffix:
        template = N_("{path}: expected a .xlsx or .json file, got {found}")
    else:
        template = N_("{path}: expected a .xlsx or .json file, got no extension")
    found = repr(suffix) if suffix else N_("no extension")
    raise InvalidValueError(template, code="suffix-unknown", params={"path": path, "found": found})


def read_budget(
    path: str | os.PathLike[str],
    *,
    mapping: Mapping | str | os.PathLike[str] | None = None,
) -> Budget:
    """The budget in `path`: a budget workbook (.xlsx) or its JSON form (.json).

    With `mapping` (a `Mapping` or the path of its TOML file), `path` is a foreign sheet read
    through `import_sheet`. The budget is checked (`check_budget`) whatever its form. Raises
    `WorkbookError`, `JsonError` or `MappingError` listing every problem, `InvalidValueError`
    for another extension, and `OSError` when the file cannot be opened.
    """
    if mapping is not None:
        return import_sheet(path, _xlsx_mapping(path, mapping))
    budget, problems = read_budget_with_problems(path)
    if budget is None or problems:
        error = WorkbookError if suffix_of(path) == XLSX else JsonError
        raise error(problems, source=str(path))
    return budget


def read_budget_with_problems(
    path: str | os.PathLike[str],
    *,
    mapping: Mapping | str | os.PathLike[str] | None = None,
) -> tuple[Budget | None, list[Problem]]:
    """The budget in `path` and every problem found, for callers that decide themselves:
    as `read_budget`, but the problems of the file are returned rather than raised.

    The budget is None when any problem was found. Raises `MappingError` for a mapping that
    cannot be used, `InvalidValueError` for another extension, and `OSError` when the file
    cannot be opened.
    """
    if mapping is not None:
        loaded = _xlsx_mapping(path, mapping)
        try:
            return import_sheet(path, loaded), []
        except WorkbookError as error:
            return None, list(error.problems)
    if suffix_of(path) == XLSX:
        return read_workbook_with_problems(path)
    try:
        budget = from_json(Path(path).read_bytes())
    except JsonError as error:
        return None, list(error.problems)
    problems = check_budget(budget)
    return (None if problems else budget), problems


def _xlsx_mapping(
    path: str | os.PathLike[str], mapping: Mapping | str | os.PathLike[str]
) -> Mapping:
    """The mapping, loaded; a mapping reads a workbook, so `path` must be one."""
    if not isinstance(mapping, Mapping):
        mapping = load_mapping(mapping)
    if suffix_of(path) != XLSX:
        raise InvalidValueError(
            N_("{path}: a mapping reads a .xlsx sheet, got a .json file"),
            code="mapping-reads-xlsx",
            params={"path": path},
        )
    return mapping


def write_budget(
    budget: Budget,
    path: str | os.PathLike[str],
    *,
    force: bool = False,
    report: ReportKind | str | None = None,
) -> None:
    """Write `budget` to `path` as a budget workbook (.xlsx, with its Toelichting sheet) or
    as JSON (.json); with `report` ("multi-year" or "monitor"), as that report sheet (.xlsx).

    The overwrite rule of every writer: an existing file at `path` is refused with
    `FileExistsError` unless `force`, a path whose extension does not match what is written
    with `InvalidValueError`. The file is written beside `path` and renamed over it, so a
    failure leaves an existing file untouched.
    """
    suffix = suffix_of(path)
    if report is not None:
        try:
            kind = ReportKind(report)
        except ValueError:
            labels = ", ".join(repr(k.value) for k in ReportKind)
            raise InvalidValueError(f"report kind: expected {labels}, got {report!r}") from None
        write_report(budget, path, kind, force=force)
    elif suffix == XLSX:
        write_workbook(budget, path, explanation=True, force=force)
    else:
        check_destination(path, (JSON,), force=force)
        data = to_json(budget).encode("utf-8")
        atomic_write(path, lambda temporary: _write_bytes(temporary, data))


def _write_bytes(path: Path, data: bytes) -> None:
    path.write_bytes(data)

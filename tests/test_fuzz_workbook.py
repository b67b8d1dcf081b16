"""Reading a workbook whose cells were changed at random ends in a budget or in a list of
problems (what `read_workbook` raises as a `WorkbookError`), never in any other exception,
and never in "cannot be read": the file stays an intact workbook, so a problem names a cell.

The valid workbook is written and loaded once; each example changes a few of its cells in
memory (any type: blanks, numbers, NaN, dates, booleans, long and escaped texts, formulas,
labels the columns know), saves it, reads it, and puts the cells back.
"""

from __future__ import annotations

import datetime
import warnings
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from prestatie import Budget, read_workbook, read_workbook_with_problems, write_workbook
from prestatie._xlsx.cells import calamine_installed
from workbook_examples import INJECTED, monitor_budget

# Words the columns know, so that changes also reach the checks behind the cells.
_KNOWN = [
    "7.2.3",
    "7.1.1",
    "7.9",
    "7",
    "lasten",
    "baten",
    "primitief",
    "actueel",
    "structureel",
    "prestatie",
    "doel",
    "programma",
    "actie",
    "ja",
    "nee",
    "PS/2016/344",
    "Kwaliteit van Overijssel",
    "x € 1.000",
    "2018 (x € 1.000)",
    "2018:1 2019:2",
    "Totaal",
    "Code",
    *INJECTED,
]
_FORMULAS = ["=1+1", "=SUM(F2:F4)", "=A1", "=1/0", '="tekst"', "=NA()", "=F2*1000"]

values = st.one_of(
    st.none(),
    st.just(""),
    st.sampled_from(_KNOWN),
    st.integers(-(10**20), 10**20),
    st.integers(1, 3000),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(places=3, allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.datetimes(datetime.datetime(1900, 3, 1), datetime.datetime(9999, 12, 31)),
    st.dates(datetime.date(1900, 3, 1)),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), max_size=30),
    st.text("_x0123456789ABCDEFabcdef\r\n\t ", max_size=30),
    st.integers(30_000, 33_000).map(lambda size: "lang " * (size // 5)),
    st.sampled_from(_FORMULAS).map(lambda formula: ("formula", formula)),
)


@cache
def _workbook() -> Workbook:
    """The monitor budget as a workbook, loaded once for all examples."""
    folder = Path(__file__).parent / ".fuzz"
    path = folder / "basis.xlsx"
    folder.mkdir(exist_ok=True)
    write_workbook(monitor_budget(), path)
    workbook = load_workbook(path)
    path.unlink()
    folder.rmdir()
    return workbook


@cache
def _sizes() -> dict[str, tuple[int, int]]:
    """Each sheet's rows and columns as written, before any change touched a cell."""
    return {sheet.title: (sheet.max_row, sheet.max_column) for sheet in _workbook().worksheets}


@st.composite
def changes(draw: st.DrawFn) -> list[tuple[str, int, int, Any]]:
    """A few (sheet, row, column, value) changes, mostly within the filled cells."""
    sizes = _sizes()
    found = []
    for _ in range(draw(st.integers(1, 6))):
        sheet = draw(st.sampled_from(sorted(sizes)))
        rows, columns = sizes[sheet]
        row = draw(st.integers(1, rows + 1))
        column = draw(st.integers(1, columns + 1))
        found.append((sheet, row, column, draw(values)))
    return found


def _apply(workbook: Workbook, change: list[tuple[str, int, int, Any]]) -> Iterator[None]:
    """Apply the changes, then put the cells back as they were."""
    saved = []
    for sheet, row, column, value in change:
        cell = workbook[sheet].cell(row=row, column=column)
        saved.append((cell, cell.value, cell.data_type, cell.number_format))
        if isinstance(value, tuple):
            cell.value = value[1]  # a formula
        else:
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"
    try:
        yield
    finally:
        for cell, value, data_type, number_format in reversed(saved):
            cell.value = value
            cell.data_type = data_type
            cell.number_format = number_format


ENGINES = ["openpyxl", "calamine"] if calamine_installed() else ["openpyxl"]


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(change=changes(), engine=st.sampled_from(ENGINES))
@example(change=[("Ambities", 2, 1, -1)], engine="openpyxl")  # a negative programme
@example(change=[("Acties", 2, 4, 1e28)], engine="openpyxl")  # a whole float of 29 digits
@example(change=[("Prestaties", 1, 14, None)], engine="openpyxl")  # a yes/no column left out
@example(change=[("Programma's", 2, 2, 1000000.0)], engine="openpyxl")  # too long for a code
@example(change=[("Lasten en baten", 10, 6, False)], engine="openpyxl")  # a boolean total
@example(change=[("Ambities", 2, 2, 1.7976931348623155e308)], engine="openpyxl")  # reads as inf
def test_a_workbook_with_cells_changed_at_random_reads_or_raises_a_workbook_error(
    tmp_path: Path, change: list[tuple[str, int, int, Any]], engine: str
) -> None:
    workbook = _workbook()
    path = tmp_path / "gewijzigd.xlsx"
    for _ in _apply(workbook, change):
        workbook.save(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        budget, problems = read_workbook_with_problems(path, engine=engine)
    # read_workbook raises WorkbookError exactly when there are problems.
    assert (budget is None) == bool(problems)
    assert budget is None or isinstance(budget, Budget)
    assert all(problem.where and problem.message for problem in problems)
    # A changed cell is a problem of that cell; "cannot be read" here would be a crash hidden.
    assert not [problem for problem in problems if "cannot be read" in problem.message]


def test_the_unchanged_workbook_reads_as_its_budget(tmp_path: Path) -> None:
    """The base of the changes is itself valid, so changes start from a readable workbook."""
    path = tmp_path / "basis.xlsx"
    _workbook().save(path)
    assert read_workbook(path) == monitor_budget()

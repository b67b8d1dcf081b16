"""Both engines of `read_workbook` (openpyxl and python-calamine) read the same files to the
same budget and the same problems, with the same warnings."""

from __future__ import annotations

import datetime
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from libreoffice import needs_soffice, soffice
from prestatie import (
    Budget,
    Problem,
    WorkbookError,
    WorkbookWarning,
    read_workbook,
    read_workbook_with_problems,
    write_workbook,
)
from prestatie._xlsx.cells import resolve_engine
from strategies import budgets, degenerate_budgets
from workbook_edit import edit, written
from workbook_examples import monitor_budget

pytest.importorskip("python_calamine")

Outcome = tuple[Budget | None, list[Problem], list[str]]


def _read(path: Path, engine: str) -> Outcome:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        budget, problems = read_workbook_with_problems(path, engine=engine)
    # Only the reader's own warnings: a ResourceWarning may be another test's file that the
    # garbage collector closes meanwhile.
    found = [str(w.message) for w in caught if issubclass(w.category, WorkbookWarning)]
    return budget, problems, found


def _same_by_both(path: Path) -> Outcome:
    by_openpyxl = _read(path, "openpyxl")
    assert _read(path, "calamine") == by_openpyxl
    return by_openpyxl


@settings(max_examples=30)
@given(budgets())
def test_engines_read_generated_budgets_alike(budget: Budget) -> None:
    """A budget shaped like a real one, written and read back, gives the same outcome with
    either engine."""
    with written(budget) as path:
        assert _same_by_both(path)[0] == budget


@settings(max_examples=10)
@given(degenerate_budgets())
def test_engines_read_budgets_with_empty_levels_alike(budget: Budget) -> None:
    """A budget with empty levels, written and read back, gives the same outcome with
    either engine."""
    with written(budget) as path:
        assert _same_by_both(path)[0] == budget


def _lasten_row(path: Path) -> int:
    workbook = load_workbook(path, read_only=True)
    try:  # closed here: a read-only workbook left open warns in whichever test collects it
        for number, row in enumerate(
            workbook["Lasten en baten"].iter_rows(values_only=True), start=1
        ):
            if row[1] == "7.2.3" and row[3] == "primitief" and row[2] == "lasten":
                return number
    finally:
        workbook.close()
    raise LookupError("7.2.3")


EDITS = {
    "cell problems": [
        ("Prestaties", "Rollen", 2, "regelneef"),
        ("Doelen", "Code", 2, 7.2),
        ("Acties", "Nummer", 3, "twee"),
        ("Lasten en baten", "2018 (x € 1.000)", "amounts", 12.345),
        ("Lasten en baten", "2019 (x € 1.000)", "amounts", "==1+2"),
    ],
    "values of every type in an amount column": [
        ("Lasten en baten", "2018 (x € 1.000)", "amounts", datetime.datetime(2017, 3, 1)),
        ("Lasten en baten", "2019 (x € 1.000)", "amounts", "vijftig"),
        ("Lasten en baten", "2020 (x € 1.000)", "amounts", True),
        ("Lasten en baten", "2021 (x € 1.000)", "amounts", "==1/0"),
    ],
    "dates, whitespace and escapes in text": [
        ("Prestaties", "Titel", 2, datetime.date(2018, 5, 17)),
        ("Prestaties", "Inleiding", 2, "\n"),
        ("Prestaties", "Context", 2, "_x000D_ blijft staan"),
        ("Acties", "Tekst", 2, 1e20),
    ],
    "cross-object problems": [
        ("Prestaties", "Code", 2, "7.2.2"),
        ("Acties", "Verwijzingen", 2, "9.9.9"),
    ],
}


@pytest.mark.parametrize("changes", EDITS.values(), ids=EDITS.keys())
def test_engines_report_the_same_problems(tmp_path: Path, changes: list[tuple]) -> None:  # type: ignore[type-arg]
    """A workbook edited by hand gives the same problems, cell by cell, with either engine."""
    path = tmp_path / "monitor.xlsx"
    write_workbook(monitor_budget(), path)
    row = _lasten_row(path)
    edit(path, [(s, h, row if r == "amounts" else r, v) for s, h, r, v in changes])
    budget, problems, _ = _same_by_both(path)
    assert budget is None or problems == []
    assert problems or changes is EDITS["dates, whitespace and escapes in text"]


def test_engines_agree_on_merged_cells_and_unknown_sheets(tmp_path: Path) -> None:
    """Merged ranges and a foreign extra sheet give the same outcome with either engine."""
    path = tmp_path / "monitor.xlsx"
    write_workbook(monitor_budget(), path)
    workbook = load_workbook(path)
    workbook["Acties"].merge_cells("A2:A3")
    workbook.create_sheet("Aantekeningen")["A1"] = "los"
    workbook.save(path)
    assert _same_by_both(path)[2]


@needs_soffice
@settings(max_examples=4, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(budgets(max_programmes=2), st.booleans())
def test_engines_read_libreoffice_resaved_workbooks_alike(budget: Budget, broken: bool) -> None:
    """A workbook re-saved by LibreOffice (shared strings, its own styles, computed totals),
    sound or edited to hold problems, reads the same with either engine."""
    with written(budget) as path:
        if broken:
            edit(path, [("Programma's", "Nummer", 2, "een"), ("Begroting", "Waarde", 3, "==2*3")])
        soffice("xlsx", path.parent / "resaved", path)
        outcome = _same_by_both(path.parent / "resaved" / path.name)
        assert (outcome[0] == budget) is not broken


def test_auto_is_calamine_when_installed_and_unknown_engines_are_refused(tmp_path: Path) -> None:
    """engine="auto" picks the fast reader when it is installed; a wrong name is a ValueError."""
    assert resolve_engine("auto") == "calamine"
    path = tmp_path / "b.xlsx"
    write_workbook(monitor_budget(), path)
    with pytest.raises(ValueError, match="engine: expected one of 'auto', 'openpyxl', 'calamine'"):
        read_workbook(path, engine="xlrd")


def test_safety_checks_stand_in_front_of_both_engines(tmp_path: Path) -> None:
    """A file refused by the safety checks is refused alike, whichever engine is asked for."""
    path = tmp_path / "leeg.xlsx"
    path.write_bytes(b"")
    messages = set()
    for engine in ("openpyxl", "calamine"):
        with pytest.raises(WorkbookError) as caught:
            read_workbook(path, engine=engine)
        messages.add(str(caught.value))
    assert len(messages) == 1

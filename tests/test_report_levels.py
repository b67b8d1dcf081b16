"""The report workbooks name the levels as the budget's province prints them."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from conftest import EXAMPLES
from prestatie import read_budget, write_report

PROVINCES = EXAMPLES / "data" / "provinces"


def _labels(path: Path) -> dict[str, list[str]]:
    workbook = load_workbook(path)
    return {
        sheet.title: [str(row[0]) for row in sheet.iter_rows(min_row=2, values_only=True)]
        for sheet in workbook.worksheets
    }


def test_the_monitor_names_each_line_by_its_own_level_at_every_depth(tmp_path: Path) -> None:
    """Noord-Holland's programma → beleidsdoel → operationeel doel → instrument: the sheet is
    a "Programma", and each line names the level of its owner, down to the fourth."""
    budget = read_budget(PROVINCES / "noord-holland.json")
    path = tmp_path / "monitor.xlsx"
    write_report(budget, path, "monitor", year=budget.year)
    labels = _labels(path)
    number = budget.programmes[0].number
    assert next(iter(labels)) == f"Programma {number}"
    lines = labels[f"Programma {number}"]
    for owner in budget.amount_owners():
        if any(a.year == budget.year for a in owner.amounts):
            level = budget.level_name(owner.depth)
            level = "BD" if level == "beleidsdoel" else level
            assert any(line.endswith(f" {level} {owner.code}") for line in lines), owner.code
    assert "Lasten operationeel doel 1.1.1" in lines  # an objective within an objective


def test_overijssels_monitor_keeps_its_kerntaak_sheets_and_bd_lines(tmp_path: Path) -> None:
    """The default levels give Overijssel's own labels: "Kerntaak 20", "Lasten BD 20.2"."""
    budget = read_budget(EXAMPLES / "data" / "monitor-2017-2.json")
    path = tmp_path / "monitor.xlsx"
    write_report(budget, path, "monitor", year=2017)
    labels = _labels(path)
    assert "Lasten BD 20.2" in labels["Kerntaak 20"]
    assert "Lasten kerntaak 7" in labels["Kerntaak 7"]
    assert "Lasten prestatie 7.1.1" in labels["Kerntaak 7"]

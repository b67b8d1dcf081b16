"""The budget workbook loses nothing: Budget → workbook → Budget is the identity."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from prestatie import Budget, check_budget, read_workbook, write_workbook
from prestatie._xlsx.codecs import join_list, split_list
from strategies import budgets, degenerate_budgets, texts
from workbook_edit import written
from workbook_examples import INJECTED, monitor_budget


@settings(max_examples=75)
@given(budgets())
def test_workbook_round_trip_is_the_identity(budget: Budget) -> None:
    """Law: reading what write_workbook wrote gives back a budget shaped like a real one."""
    with written(budget) as path:
        assert read_workbook(path) == budget


@settings(max_examples=25)
@given(degenerate_budgets())
def test_workbook_round_trip_keeps_budgets_with_empty_levels(budget: Budget) -> None:
    """Law: the round trip also holds when programmes, objectives or prestaties are empty,
    or amounts and actions are missing."""
    with written(budget) as path:
        assert read_workbook(path) == budget


def test_seed_budget_round_trips(seed_budget: Budget, tmp_path: Path) -> None:
    path = tmp_path / "seed.xlsx"
    write_workbook(seed_budget, path)
    assert read_workbook(path) == seed_budget


def test_hand_built_monitor_round_trips(tmp_path: Path) -> None:
    budget = monitor_budget()
    assert check_budget(budget) == []
    path = tmp_path / "monitor.xlsx"
    write_workbook(budget, path)
    assert read_workbook(path) == budget


@given(st.lists(texts(max_size=12)).filter(lambda items: items != [""]))
def test_a_list_cell_splits_into_the_items_it_joined(items: list[str]) -> None:
    """Items holding the separator, spaces or nothing at all survive one cell."""
    assert split_list(join_list(items)) == items


def test_injected_formulas_are_written_as_text_cells(tmp_path: Path) -> None:
    path = tmp_path / "monitor.xlsx"
    write_workbook(monitor_budget(), path)
    workbook = load_workbook(path)  # not data_only: a formula would show as type "f"
    found = {
        cell.value: cell.data_type
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value in INJECTED
    }
    assert found == dict.fromkeys(INJECTED, "s")

"""The budget workbook loses nothing: Budget → workbook → Budget is the identity."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings

from conftest import EXAMPLES, run_python
from prestatie import Budget, read_workbook, write_workbook
from strategies import budgets


@settings(max_examples=100)
@given(budgets())
def test_workbook_round_trip_is_the_identity(budget: Budget) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "begroting.xlsx"
        write_workbook(budget, path)
        assert read_workbook(path) == budget


def test_seed_budget_round_trips(seed_budget: Budget, tmp_path: Path) -> None:
    path = tmp_path / "seed.xlsx"
    write_workbook(seed_budget, path)
    assert read_workbook(path) == seed_budget


def test_example_script_writes_a_workbook_that_reads_back(
    seed_budget: Budget, tmp_path: Path
) -> None:
    path = tmp_path / "out.xlsx"
    result = run_python(EXAMPLES / "prestatie_7_2_3.py", path)
    assert result.returncode == 0, result.stderr
    assert read_workbook(path) == seed_budget

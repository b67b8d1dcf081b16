"""The bundled example budget and the example scripts, run as a finance officer runs them."""

from __future__ import annotations

import importlib.util
import re
import subprocess
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest

from conftest import EXAMPLES, run_python
from prestatie import (
    Budget,
    BudgetColumn,
    DocumentKind,
    Flow,
    check_budget,
    from_json,
    parse_amount,
    read_workbook,
)

DATA = EXAMPLES / "data"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_example_data", DATA / "make_example_data.py"
    )
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GENERATOR = _generator()
BUILDERS: dict[str, Callable[[], Budget]] = GENERATOR.BUILDERS


def _committed(name: str) -> Budget:
    return read_workbook(DATA / f"{name}.xlsx")


def _no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr
    assert "Traceback" not in result.stdout


# The bundled data.


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_committed_example_files_are_what_the_generator_builds(name: str) -> None:
    """examples/data/NAME.json and NAME.xlsx hold exactly the budget the generator builds now
    (compared as models, not bytes); rerun make_example_data.py after changing it."""
    built = BUILDERS[name]()
    assert from_json((DATA / f"{name}.json").read_text(encoding="utf-8")) == built
    assert _committed(name) == built


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_example_budgets_have_no_problems(name: str) -> None:
    """Every rule across objects holds in the bundled budgets."""
    assert check_budget(BUILDERS[name]()) == []


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_example_budgets_say_their_figures_are_invented(name: str) -> None:
    """The workbook's metadata marks the invented figures."""
    assert "verzonnen" in _committed(name).notes


def test_the_2018_budget_is_a_next_version_of_2017() -> None:
    """A diff of the two has something to show: prestaties vervallen and new, changed titles
    and targets; kerntaak 7 adds up in 2018 to the published primitief per beleidsdoel."""
    old, new = _committed("begroting-2017"), _committed("begroting-2018")
    old_codes = {str(item.code) for item in old.prestaties()}
    new_codes = {str(item.code) for item in new.prestaties()}
    assert old_codes - new_codes == {"3.1.2"}
    assert new_codes - old_codes == {"3.2.2", "7.2.4"}
    assert old.prestatie("7.1.6").title != new.prestatie("7.1.6").title
    assert old.prestatie("7.2.3").actions[0].targets != new.prestatie("7.2.3").actions[0].targets
    kerntaak_7 = next(p for p in new.programmes if p.number == 7)
    published = {"7.1": 815, "7.2": 1823, "7.3": 6537}
    for objective in kerntaak_7.objectives:
        lasten_2018 = sum(
            amount.value
            for item in objective.prestaties
            for amount in item.amounts
            if amount.flow is Flow.LASTEN and amount.year == 2018
        )
        assert lasten_2018 == published[str(objective.code)]


def test_the_monitor_realises_and_scores_every_prestatie() -> None:
    """Monitor 2017-II has a realised amount and a status for every prestatie."""
    monitor = _committed("monitor-2017-2")
    assert monitor.kind is DocumentKind.MONITOR
    for item in monitor.prestaties():
        assert item.status is not None
        assert any(a.column is BudgetColumn.GEREALISEERD for a in item.amounts)
    assert any(action.realised for item in monitor.prestaties() for action in item.actions)


# totals.py


def _table(stdout: str) -> dict[str, list[Decimal]]:
    """The rows of an aligned table: label → amounts, for rows that end in amounts."""
    rows = {}
    for line in stdout.splitlines():
        match = re.fullmatch(r"(.*?\S)((?:\s+-?[0-9.,]+)+)", line)
        if match and not line.startswith("Kerntaak"):
            amounts = [parse_amount(cell) for cell in match[2].split()]
            rows[match[1].strip()] = [a for a in amounts if a is not None]
    return rows


def _lasten(budget: Budget, column: BudgetColumn) -> dict[int, list[Decimal]]:
    years = range(budget.first_year, budget.last_year + 1)
    result = {}
    for programme in budget.programmes:
        owners = [programme.amounts]
        for objective in programme.objectives:
            owners.append(objective.amounts)
            owners += [item.amounts for item in objective.prestaties]
        result[programme.number] = [
            sum(
                (
                    a.value
                    for amounts in owners
                    for a in amounts
                    if a.flow is Flow.LASTEN and a.column is column and a.year == year
                ),
                Decimal(0),
            )
            for year in years
        ]
    return result


@pytest.mark.parametrize(
    ("argument", "name", "column"),
    [
        (None, "begroting-2017", BudgetColumn.PRIMITIEF),
        ("begroting-2018.json", "begroting-2018", BudgetColumn.PRIMITIEF),
        ("monitor-2017-2.xlsx", "monitor-2017-2", BudgetColumn.ACTUEEL),
    ],
)
def test_totals_prints_the_exact_lasten_per_kerntaak_and_a_total_that_adds_up(
    argument: str | None, name: str, column: BudgetColumn
) -> None:
    """Each kerntaak's row is the exact sum of its lasten per year; Totaal is their sum."""
    args = [] if argument is None else [DATA / argument]
    result = run_python(EXAMPLES / "totals.py", *args)
    assert result.returncode == 0, result.stderr
    budget = _committed(name)
    assert result.stdout.startswith(f"{budget.title} — provincie Overijssel")
    assert "x € 1.000" in result.stdout
    rows = _table(result.stdout)
    expected = _lasten(budget, column)
    for programme in budget.programmes:
        assert rows[f"{programme.number} {programme.name}"] == expected[programme.number]
    columns = zip(*expected.values(), strict=True)
    assert rows["Totaal"] == [sum(column, Decimal(0)) for column in columns]


def test_totals_of_a_missing_file_says_so_in_one_line(tmp_path: Path) -> None:
    """A missing file gives a one-line message naming it, exit code 2 and no traceback."""
    missing = tmp_path / "geen-begroting.xlsx"
    result = run_python(EXAMPLES / "totals.py", missing)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        f"{missing}: bestand niet gevonden (file not found)"
    ]
    _no_traceback(result)

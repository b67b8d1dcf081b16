"""The shared pieces every reader and writer stands on: problems returned for any form of
file, one walk over the owners of amounts, and errors that name their field."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given

from conftest import EXAMPLES
from prestatie import (
    Budget,
    Duration,
    DurationKind,
    InvalidValueError,
    JsonError,
    Objective,
    Prestatie,
    Programme,
    WorkbookError,
    read_budget,
    read_budget_with_problems,
    to_json,
    write_budget,
)
from strategies import budgets
from workbook_examples import monitor_budget

MONITOR_SAMPLE = EXAMPLES / "data" / "monitor-2018-2-kerntaak-7.xlsx"
MONITOR_MAPPING = EXAMPLES / "mappings" / "monitor.toml"


@pytest.mark.parametrize("name", ["begroting.xlsx", "begroting.json"])
def test_read_budget_with_problems_of_a_clean_file_is_the_budget_and_no_problems(
    tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    write_budget(monitor_budget(), path)
    assert read_budget_with_problems(path) == (monitor_budget(), [])


def test_read_budget_with_problems_of_a_foreign_sheet_is_what_read_budget_reads() -> None:
    budget, problems = read_budget_with_problems(MONITOR_SAMPLE, mapping=MONITOR_MAPPING)
    assert problems == []
    assert budget == read_budget(MONITOR_SAMPLE, mapping=MONITOR_MAPPING)


def _broken_json(tmp_path: Path) -> Path:
    path = tmp_path / "begroting.json"
    text = to_json(monitor_budget()).replace('"first_year": 2018', '"first_year": 2030', 1)
    path.write_text(text.replace('"last_year": 2021', '"last_year": 2031', 1), encoding="utf-8")
    return path


def test_read_budget_with_problems_returns_what_read_budget_raises_for_json(
    tmp_path: Path,
) -> None:
    """No budget, and the same problems `read_budget` raises, at their JSON paths."""
    path = _broken_json(tmp_path)
    with pytest.raises(JsonError) as caught:
        read_budget(path)
    budget, problems = read_budget_with_problems(path)
    assert budget is None
    assert problems == list(caught.value.problems)
    assert all(problem.where.startswith("$") for problem in problems)


def test_read_budget_with_problems_returns_what_read_budget_raises_for_a_workbook(
    tmp_path: Path,
) -> None:
    path = tmp_path / "begroting.xlsx"
    path.write_bytes(b"not a workbook")
    with pytest.raises(WorkbookError) as caught:
        read_budget(path)
    assert read_budget_with_problems(path) == (None, list(caught.value.problems))


def test_read_budget_with_problems_refuses_another_extension(tmp_path: Path) -> None:
    with pytest.raises(InvalidValueError, match=r"expected a \.xlsx or \.json file"):
        read_budget_with_problems(tmp_path / "begroting.csv")


def _walk(budget: Budget) -> list[Programme | Objective | Prestatie]:
    """Each programme, then each of its objectives followed by the objectives it holds (in
    the same way) and then its prestaties."""

    def objective_walk(objective: Objective) -> list[Programme | Objective | Prestatie]:
        found: list[Programme | Objective | Prestatie] = [objective]
        for child in objective.objectives:
            found += objective_walk(child)
        return [*found, *objective.prestaties]

    owners: list[Programme | Objective | Prestatie] = []
    for programme in budget.programmes:
        owners.append(programme)
        for objective in programme.objectives:
            owners += objective_walk(objective)
    return owners


@given(budgets())
def test_amount_owners_yields_every_programme_objective_and_prestatie_once_in_order(
    budget: Budget,
) -> None:
    owners = list(budget.amount_owners())
    assert [owner.item for owner in owners] == _walk(budget)
    assert [a for owner in owners for a in owner.amounts] == [
        a for item in _walk(budget) for a in item.amounts
    ]


@given(budgets())
def test_each_amount_owner_names_its_programme_objective_and_the_json_path_to_it(
    budget: Budget,
) -> None:
    """The programme and the objective are the last of each on the owner's JSON path (no
    objective for a programme)."""
    for owner in budget.amount_owners():
        found: object = budget
        objective = None
        for step in owner.path.removeprefix("$.").split("."):
            name, _, index = step.partition("[")
            found = getattr(found, name)[int(index.rstrip("]"))]
            if name == "programmes":
                assert found is owner.programme
            if name == "objectives":
                objective = found
        assert found is owner.item
        assert owner.objective is objective
        assert owner.code == owner.item.code


def test_an_error_about_a_field_names_it_and_gives_the_reason_apart() -> None:
    with pytest.raises(InvalidValueError) as caught:
        Duration(kind=DurationKind.NIET_STRUCTUREEL, start_year=2020, end_year=2019)
    error = caught.value
    assert error.field == "end_year"
    assert error.reason == "expected 2020 (start_year) or later, got 2019"
    assert str(error) == f"Duration.end_year: {error.reason}"


def test_an_error_from_a_validator_names_the_field_it_guards() -> None:
    with pytest.raises(InvalidValueError) as caught:
        Budget(province="Overijssel", year=17)
    assert caught.value.field == "year"
    assert str(caught.value) == "Budget.year: expected a four-digit year, got 17"

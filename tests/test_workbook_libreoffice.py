"""LibreOffice as a real foreign client: it recomputes the totals, keeps text as text, and
the workbooks it re-saves read back to the same budget."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from openpyxl import load_workbook

from libreoffice import needs_soffice, sheet_csv, soffice
from prestatie import Budget, BudgetColumn, Flow, Unit, read_workbook, write_workbook
from prestatie._xlsx.schema import SHEETS
from strategies import budgets
from workbook_edit import written
from workbook_examples import INJECTED, model_totals, monitor_budget

pytestmark = needs_soffice


def totals_of(rows: Iterable[Sequence[object]]) -> dict[tuple[Flow, BudgetColumn, int], Decimal]:
    """The Totaal rows of sheet Lasten en baten per flow, column and year; `rows` start with
    the header."""
    rows = iter(rows)
    header = [str(title) for title in next(rows)]
    totals = {}
    for row in rows:
        if row[0] != "Totaal":
            continue
        for index, title in enumerate(header):
            year = re.match(r"([0-9]{4}) \(", title)
            if year is not None:
                key = (Flow(row[2]), BudgetColumn(row[3]), int(year.group(1)))
                totals[key] = Decimal(str(row[index]))  # a float's str is its shortest repr
    return totals


def libreoffice_totals(path: Path) -> dict[tuple[Flow, BudgetColumn, int], Decimal]:
    """The totals LibreOffice computes on opening the workbook at `path`."""
    return totals_of(sheet_csv(path, "Lasten en baten"))


@pytest.mark.parametrize("unit", list(Unit))
def test_libreoffice_recomputes_totals_equal_to_the_models(tmp_path: Path, unit: Unit) -> None:
    budget = attrs.evolve(monitor_budget(), unit=unit)
    path = tmp_path / "monitor.xlsx"
    write_workbook(budget, path)
    computed = libreoffice_totals(path)
    expected = model_totals(budget)
    assert expected
    assert {key: value for key, value in computed.items() if value != 0} == {
        key: value for key, value in expected.items() if value != 0
    }
    assert set(expected) <= set(computed)


def test_injected_formulas_stay_literal_text_in_libreoffice(tmp_path: Path) -> None:
    path = tmp_path / "monitor.xlsx"
    write_workbook(monitor_budget(), path)
    cells = {
        cell
        for sheet in ("Prestaties", "Acties", "Monitor", "Voorstellen per prestatie")
        for row in sheet_csv(path, sheet)
        for cell in row
    }
    assert set(INJECTED) <= cells
    header, *rows = sheet_csv(path, "Prestaties")
    prestatie = next(dict(zip(header, row, strict=True)) for row in rows if row[2] == "7.2.3")
    assert prestatie["Context"] == "=1+1"  # a formula would have exported as 2
    assert prestatie["Titel"] == INJECTED[0]


def test_workbooks_resaved_by_libreoffice_read_back_to_the_same_budget(
    tmp_path: Path, seed_budget: Budget
) -> None:
    originals = {"seed": seed_budget, "monitor": monitor_budget()}
    for name, budget in originals.items():
        write_workbook(budget, tmp_path / f"{name}.xlsx")
    outdir = tmp_path / "resaved"
    soffice("xlsx", outdir, *(tmp_path / f"{name}.xlsx" for name in originals))
    for name, budget in originals.items():
        assert read_workbook(outdir / f"{name}.xlsx") == budget


def resaved_totals(path: Path) -> dict[tuple[Flow, BudgetColumn, int], Decimal]:
    """The totals as LibreOffice computed them and stored them in a workbook it re-saved."""
    sheet = load_workbook(path, read_only=True, data_only=True)["Lasten en baten"]
    return totals_of(sheet.iter_rows(values_only=True))


def assert_totals_of(
    budget: Budget, computed: dict[tuple[Flow, BudgetColumn, int], Decimal]
) -> None:
    """`computed` are the sums of the budget's amounts per flow, column and year, exactly as
    far as LibreOffice's binary floating point can tell: within 1e-13 of the size of all
    amounts together."""
    expected = model_totals(budget)
    owners = [*budget.programmes, *budget.objectives(), *budget.prestaties()]
    tolerance = sum((abs(a.value) for o in owners for a in o.amounts), Decimal(0)) / 10**13
    for key in set(computed) | set(expected):
        error = abs(computed.get(key, Decimal(0)) - expected.get(key, Decimal(0)))
        assert error <= tolerance, (key, computed.get(key), expected.get(key))


@settings(max_examples=8, suppress_health_check=[HealthCheck.too_slow])
@given(budgets(max_programmes=2))
def test_generated_budgets_resaved_by_libreoffice_read_back_equal(budget: Budget) -> None:
    """Law: LibreOffice recomputes every total of a generated budget's workbook to the sum of
    its amounts, and the workbook it re-saves reads back to the same budget."""
    with written(budget) as path:
        soffice("xlsx", path.parent / "resaved", path)
        resaved = path.parent / "resaved" / path.name
        assert_totals_of(budget, resaved_totals(resaved))
        assert read_workbook(resaved) == budget


@needs_soffice
def test_the_bundled_budget_prints_each_sheet_one_page_wide_in_libreoffice(tmp_path: Path) -> None:
    """Nineteen sheets of a few dozen rows each: a page or so per sheet, not 66 pages."""
    path = tmp_path / "begroting-2017.xlsx"
    shutil.copy(Path(__file__).resolve().parent.parent / "examples/data/begroting-2017.xlsx", path)
    soffice("pdf", tmp_path, path)
    pdf = (tmp_path / "begroting-2017.pdf").read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    sheets = len(SHEETS) + 1  # and the Toelichting
    assert sheets <= pages <= sheets + 5

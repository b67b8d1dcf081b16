"""Totals that every reader sees: each formula of a budget workbook and a report carries its
computed value, which pandas (both engines) and openpyxl's `data_only` read as the model's
totals, and LibreOffice recomputes to the same."""

from __future__ import annotations

import re
import zipfile
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from openpyxl import Workbook, load_workbook

from conftest import EXAMPLES
from libreoffice import needs_soffice, sheet_csv
from prestatie import (
    Budget,
    Flow,
    read_budget,
    write_report,
)
from prestatie._xlsx.cached import cache_formula_values
from strategies import budgets
from workbook_edit import written

pd = pytest.importorskip("pandas")
pytest.importorskip("python_calamine")

DATA = EXAMPLES / "data"
BUNDLED = {
    DATA / f"{name}.xlsx": DATA / f"{name}.json"
    for name in ("begroting-2017", "begroting-2018", "monitor-2017-2")
}
ENGINES = ("openpyxl", "calamine")
AMOUNTS = "Lasten en baten"


def _model_totals(budget: Budget) -> dict[tuple[str, str, int], Decimal]:
    """Each flow, column and year's sum over every amount of the budget."""
    totals: defaultdict[tuple[str, str, int], Decimal] = defaultdict(Decimal)
    for owner in [*budget.programmes, *budget.objectives(), *budget.prestaties()]:
        for amount in owner.amounts:
            totals[amount.flow.value, amount.column.value, amount.year] += amount.value
    return dict(totals)


def _year(header: Any) -> int | None:
    match = re.fullmatch(r"(\d{4}) \(.*\)", str(header))
    return int(match[1]) if match else None


def _totals_by_pandas(path: Path, engine: str) -> dict[tuple[str, str, int], Decimal]:
    """The Totaal rows of sheet Lasten en baten, as pandas reads them."""
    table = pd.read_excel(path, sheet_name=AMOUNTS, engine=engine)
    rows = table[table["Niveau"] == "Totaal"]
    found = {}
    for _, row in rows.iterrows():
        for header in table.columns:
            year = _year(header)
            if year is not None:
                value = row[header]
                assert not pd.isna(value), f"{path.name}: {header} of Totaal is empty"
                found[row["Lasten/baten"], row["Kolom"], year] = Decimal(repr(float(value)))
    return found


def _totals_by_openpyxl(path: Path) -> dict[tuple[str, str, int], Decimal]:
    workbook = load_workbook(path, data_only=True, read_only=True)
    try:
        rows = list(workbook[AMOUNTS].iter_rows(values_only=True))
    finally:
        workbook.close()
    header = rows[0]
    found = {}
    for row in rows[1:]:
        if row[0] == "Totaal":
            for index, title in enumerate(header):
                year = _year(title)
                if year is not None:
                    assert isinstance(row[index], int | float), (path.name, title, row[index])
                    found[row[2], row[3], year] = Decimal(repr(row[index]))
    return found


def _assert_model_totals(found: dict[tuple[str, str, int], Decimal], budget: Budget) -> None:
    """Each total read is the model's sum (0 for a year without amounts), and each flow,
    column and year with amounts has its total."""
    model = _model_totals(budget)
    assert found
    assert set(model) <= set(found)
    for key, value in found.items():
        expected = model.get(key, Decimal(0))
        # A spreadsheet's number is a float: exact to 15 significant digits.
        assert abs(value - expected) <= abs(expected) * Decimal("1e-14"), (key, value, expected)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("path", list(BUNDLED), ids=lambda path: path.name)
def test_pandas_reads_the_bundled_workbooks_totals_as_the_models(path: Path, engine: str) -> None:
    _assert_model_totals(_totals_by_pandas(path, engine), read_budget(BUNDLED[path]))


@pytest.mark.parametrize("path", list(BUNDLED), ids=lambda path: path.name)
def test_openpyxl_data_only_reads_the_bundled_workbooks_totals(path: Path) -> None:
    _assert_model_totals(_totals_by_openpyxl(path), read_budget(BUNDLED[path]))


def _uncached_formulas(path: Path) -> list[str]:
    """Formula cells of the file without a stored value."""
    with zipfile.ZipFile(path) as archive:
        return [
            f"{name}: {match}"
            for name in archive.namelist()
            if name.startswith("xl/worksheets/")
            for match in re.findall(rb"<f>[^<]*</f><v\s*/>", archive.read(name))
        ]


@settings(max_examples=30)
@given(budgets())
def test_every_formula_of_a_written_workbook_has_the_models_total(budget: Budget) -> None:
    with written(budget) as path:
        assert _uncached_formulas(path) == []
        if _model_totals(budget):
            _assert_model_totals(_totals_by_openpyxl(path), budget)


def _report_totals(path: Path, engine: str) -> dict[str, list[Decimal]]:
    """Each report sheet's rows whose first cell starts with "Totaal" or is a flow's name,
    as pandas reads them: label → the numbers in the row."""
    found = {}
    for name, table in pd.read_excel(path, sheet_name=None, header=None, engine=engine).items():
        for _, row in table.iterrows():
            label = str(row.iloc[0])
            if label.startswith("Totaal") or label in ("Lasten", "Baten"):
                numbers = [Decimal(repr(float(v))) for v in row.iloc[1:] if not pd.isna(v)]
                found[f"{name}: {label}"] = numbers
    return found


@pytest.mark.parametrize("engine", ENGINES)
def test_pandas_reads_the_multi_year_reports_totals_as_the_models(
    tmp_path: Path, engine: str
) -> None:
    budget = read_budget(DATA / "begroting-2017.json")
    path = tmp_path / "meerjarig.xlsx"
    write_report(budget, path, "multi-year")
    assert _uncached_formulas(path) == []
    totals = _report_totals(path, engine)
    model = _model_totals(budget)
    for flow in (Flow.LASTEN, Flow.BATEN):  # this budget has no saldo amounts
        years = range(budget.first_year, budget.last_year + 1)
        expected = [model.get((flow.value, "primitief", year), Decimal(0)) for year in years]
        assert totals[f"Meerjarig overzicht: Totaal {flow.value}"] == expected


@pytest.mark.parametrize("engine", ENGINES)
def test_pandas_reads_the_monitor_reports_totals_as_the_models(tmp_path: Path, engine: str) -> None:
    """Per kerntaak and flow: primitief, wijziging, actueel, gerealiseerd and ruimte of 2017."""
    budget = read_budget(DATA / "monitor-2017-2.json")
    path = tmp_path / "monitor.xlsx"
    write_report(budget, path, "monitor")
    assert _uncached_formulas(path) == []
    totals = _report_totals(path, engine)
    for programme in budget.programmes:
        owners = [programme, *programme.objectives]
        owners += [p for objective in programme.objectives for p in objective.prestaties]
        for flow in Flow:
            sums = defaultdict(Decimal)
            for owner in owners:
                for amount in owner.amounts:
                    if amount.flow is flow and amount.year == 2017:
                        sums[amount.column.value] += amount.value
            label = f"Kerntaak {programme.number}: {flow.value.capitalize()}"
            if label not in totals:
                continue
            actueel = sums["primitief"] + sums["wijziging"]
            assert totals[label] == [
                sums["primitief"],
                sums["wijziging"],
                actueel,
                sums["gerealiseerd"],
                actueel - sums["gerealiseerd"],
            ], label


@needs_soffice
@pytest.mark.parametrize("path", list(BUNDLED), ids=lambda path: path.name)
def test_libreoffice_recomputes_the_totals_to_the_cached_values(path: Path, tmp_path: Path) -> None:
    copy = tmp_path / path.name
    copy.write_bytes(path.read_bytes())
    cached = _totals_by_openpyxl(copy)
    rows = sheet_csv(copy, AMOUNTS)
    header = rows[0]
    computed = {}
    for row in rows[1:]:
        if row and row[0] == "Totaal":
            for index, title in enumerate(header):
                year = _year(title)
                if year is not None:
                    computed[row[2], row[3], year] = Decimal(row[index])
    assert computed == cached


def test_a_formula_it_cannot_compute_keeps_no_value_and_is_named(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Blad"
    sheet["A1"], sheet["A2"], sheet["A3"] = 2, 3, "tekst"
    sheet["B1"] = "=SUM(A1:A3)"
    sheet["B2"] = "=AVERAGE(A1:A2)"
    sheet["B3"] = "=A1+A3"
    sheet["B4"] = "=-(A1-A2)+B1"
    path = tmp_path / "blad.xlsx"
    workbook.save(path)
    assert cache_formula_values(path) == ["Blad!B2", "Blad!B3"]
    values = load_workbook(path, data_only=True)["Blad"]
    assert [values[f"B{row}"].value for row in range(1, 5)] == [5, None, None, 6]
    formulas = load_workbook(path)["Blad"]
    assert formulas["B2"].value == "=AVERAGE(A1:A2)"


def test_a_number_openpyxl_writes_with_a_floats_17_digits_is_read_as_the_cell_shows_it() -> None:
    """openpyxl writes Decimal("99976.1") as 99976.10000000001; a total over it is the
    total of 99976.1, as every spreadsheet shows it, not 1e-11 off."""
    from prestatie._xlsx.cached import _exact

    assert _exact("99976.10000000001") == Decimal("99976.1")
    assert _exact("-99929.3") == Decimal("-99929.3")
    assert _exact("130770") == Decimal(130770)

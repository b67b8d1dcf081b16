"""Foreign sheets through declared mappings, and the report sheets that go back out."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from openpyxl import load_workbook

from conftest import EXAMPLES, load_script
from libreoffice import needs_soffice, sheet_csv, soffice
from prestatie import (
    Amount,
    Budget,
    BudgetColumn,
    Code,
    Flow,
    MappingError,
    Nature,
    Objective,
    Prestatie,
    Programme,
    Unit,
    WorkbookError,
    import_sheet,
    load_mapping,
    write_report,
)
from prestatie._foreign.load import mapping_from_dict
from prestatie._foreign.mapping import ColumnRef, Saldo
from strategies import budgets

MAPPINGS = EXAMPLES / "mappings"


SAMPLES = load_script(EXAMPLES / "data" / "foreign_samples.py")


def _sample(tmp_path: Path, name: str, edit: Callable[..., None] | None = None) -> Path:
    build, _ = SAMPLES.SAMPLES[name]
    path = tmp_path / name
    build(path)
    if edit is not None:
        workbook = load_workbook(path)
        edit(workbook.worksheets[0])
        workbook.save(path)
    return path


def _amounts(budget: Budget, code: str) -> dict[tuple[str, str, int], Decimal]:
    wanted = Code(code)
    for owner in budget.amount_owners():
        if owner.code == wanted:
            return {(a.flow.value, a.column.value, a.year): a.value for a in owner.amounts}
    raise KeyError(code)


def test_monitor_table_imports_as_published(tmp_path: Path) -> None:
    path = _sample(tmp_path, "monitor-2018-2-kerntaak-7.xlsx")
    budget = import_sheet(path, load_mapping(MAPPINGS / "monitor.toml"))
    assert (budget.province, budget.year, budget.unit) == ("Overijssel", 2018, Unit.THOUSAND)
    published = {
        "7.1": ("lasten", 815, 80, 895, 358),
        "7.3": ("lasten", 6537, 231, 6768, 5299),
        "7": ("lasten", 8971, 0, 8971, 0),
    }
    for code, (flow, primitief, wijziging, actueel, gerealiseerd) in published.items():
        assert _amounts(budget, code) == {
            (flow, "primitief", 2018): primitief,
            (flow, "wijziging", 2018): wijziging,
            (flow, "actueel", 2018): actueel,
            (flow, "gerealiseerd", 2018): gerealiseerd,
        }
    assert _amounts(budget, "7.2")[("baten", "gerealiseerd", 2018)] == 30
    assert _amounts(budget, "7.2")[("lasten", "primitief", 2018)] == 1823


def test_multi_year_overview_imports_merged_two_row_headers_and_sections(tmp_path: Path) -> None:
    path = _sample(tmp_path, "meerjarig-overzicht-2017.xlsx")
    budget = import_sheet(path, load_mapping(MAPPINGS / "meerjarig-overzicht.toml"))
    assert (budget.first_year, budget.last_year) == (2015, 2020)
    baten = {
        year: value for (flow, _, year), value in _amounts(budget, "20").items() if flow == "baten"
    }
    assert baten == {
        2015: 85906,
        2016: 186000,
        2017: 195589,
        2018: 172246,
        2019: 172472,
        2020: 172002,
    }
    programme_7 = _amounts(budget, "7")
    assert programme_7[("lasten", "gerealiseerd", 2015)] == 17650
    assert programme_7[("lasten", "primitief", 2017)] == 18146
    assert ("baten", "primitief", 2018) not in programme_7  # "-" is no amount
    assert ("baten", "primitief", 2019) not in programme_7  # nor is "n.v.t."


def test_ledger_export_adds_up_bookings_in_euros_with_cents(tmp_path: Path) -> None:
    path = _sample(tmp_path, "grootboek-2017.xlsx")
    budget = import_sheet(path, load_mapping(MAPPINGS / "grootboek.toml"))
    assert budget.unit is Unit.EURO
    assert _amounts(budget, "7.2.3") == {
        ("lasten", "gerealiseerd", 2017): Decimal("173250.75"),
        ("baten", "gerealiseerd", 2017): Decimal("1500"),
    }
    assert _amounts(budget, "7.2.2") == {("lasten", "gerealiseerd", 2017): Decimal("310420.10")}
    assert budget.prestatie("7.2.3").title == "Kennisontwikkeling en -deling"


def _problem_cells(path: Path, mapping: str) -> dict[str, str]:
    with pytest.raises(WorkbookError) as caught:
        import_sheet(path, load_mapping(MAPPINGS / mapping))
    return {problem.where: problem.message for problem in caught.value.problems}


def test_broken_monitor_reports_exactly_the_broken_cells(tmp_path: Path) -> None:
    def edit(sheet: object) -> None:
        sheet["B3"] = "achttienhonderd"  # type: ignore[index]
        sheet["F2"] = 600  # type: ignore[index]

    found = _problem_cells(
        _sample(tmp_path, "monitor-2018-2-kerntaak-7.xlsx", edit), "monitor.toml"
    )
    assert set(found) == {"Kerntaak 7!B3", "Kerntaak 7!F2"}
    assert "found str 'achttienhonderd': expected an amount" in found["Kerntaak 7!B3"]
    assert found["Kerntaak 7!F2"] == (
        "Ruimte is 600: expected actueel − gerealiseerd (Kerntaak 7!D2 − Kerntaak 7!E2) = 537,"
        " off by 63, more than the tolerance 1"
    )


def test_broken_multi_year_overview_reports_the_cell_and_the_total_that_no_longer_adds_up(
    tmp_path: Path,
) -> None:
    def edit(sheet: object) -> None:
        sheet["E6"] = 99999  # type: ignore[index]
        sheet["D11"] = "veel"  # type: ignore[index]

    found = _problem_cells(
        _sample(tmp_path, "meerjarig-overzicht-2017.xlsx", edit), "meerjarig-overzicht.toml"
    )
    assert set(found) == {"Meerjarig overzicht!E8", "Meerjarig overzicht!D11"}
    assert found["Meerjarig overzicht!E8"] == (
        "the total 'Totaal lasten' is 23396, but its rows (E6, E7) add up to 105249: off by"
        " 81853, more than the tolerance 1"
    )


def test_broken_ledger_reports_exactly_the_broken_cells(tmp_path: Path) -> None:
    def edit(sheet: object) -> None:
        sheet["C3"] = "vorig jaar"  # type: ignore[index]
        sheet["E4"] = True  # type: ignore[index]
        sheet["D5"] = "X"  # type: ignore[index]

    found = _problem_cells(_sample(tmp_path, "grootboek-2017.xlsx", edit), "grootboek.toml")
    assert set(found) == {"Export!C3", "Export!E4", "Export!D5"}
    assert "expected a four-digit year" in found["Export!C3"]
    assert "found bool True" in found["Export!E4"]


def test_published_rounding_needs_the_stated_tolerance(tmp_path: Path) -> None:
    path = _sample(tmp_path, "monitor-2018-2-kerntaak-7.xlsx")
    strict = attrs.evolve(load_mapping(MAPPINGS / "monitor.toml"), tolerance=Decimal(0))
    with pytest.raises(WorkbookError) as caught:
        import_sheet(path, strict)
    (problem,) = caught.value.problems
    assert problem.where == "Kerntaak 7!F7"  # Baten BD 7.2: 27 − 30 printed as −2
    assert "Ruimte is -2: expected actueel − gerealiseerd" in problem.message
    assert "= -3, off by 1, more than the tolerance 0" in problem.message


def test_a_missing_column_names_the_header_row_and_what_was_found(tmp_path: Path) -> None:
    def edit(sheet: object) -> None:
        sheet["B1"] = "Begroot"  # type: ignore[index]

    found = _problem_cells(
        _sample(tmp_path, "monitor-2018-2-kerntaak-7.xlsx", edit), "monitor.toml"
    )
    assert list(found) == ["Kerntaak 7!1:1"]
    assert "no column headed 'Primitief' / 'Primitieve begroting'" in found["Kerntaak 7!1:1"]


def test_header_aliases_let_one_mapping_read_varying_sheets(tmp_path: Path) -> None:
    def edit(sheet: object) -> None:
        sheet["C1"] = "  doorgevoerde   WIJZIGINGEN "  # type: ignore[index]
        sheet["E1"] = "Realisatie"  # type: ignore[index]

    path = _sample(tmp_path, "monitor-2018-2-kerntaak-7.xlsx", edit)
    budget = import_sheet(path, load_mapping(MAPPINGS / "monitor.toml"))
    assert _amounts(budget, "7.1")[("lasten", "gerealiseerd", 2018)] == 358


def test_a_bad_mapping_file_names_each_faulty_key(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('header_rows = [1]\nunit = "guldens"\ncolour = "rood"\n', encoding="utf-8")
    with pytest.raises(MappingError) as caught:
        load_mapping(path)
    wheres = [problem.where for problem in caught.value.problems]
    assert wheres == [f"{path}: colour", f"{path}: code", f"{path}: unit", f"{path}: columns"]


def test_import_merges_into_an_existing_budget(tmp_path: Path) -> None:
    into = Budget(
        province="Overijssel",
        year=2017,
        unit=Unit.THOUSAND,
        programmes=(
            Programme(
                number=7,
                name="Kwaliteit openbaar bestuur",
                objectives=(
                    Objective(
                        code="7.2",
                        title="",
                        prestaties=(
                            Prestatie(code="7.2.3", title="Kennisontwikkeling en -deling"),
                        ),
                    ),
                ),
            ),
        ),
    )
    path = _sample(tmp_path, "grootboek-2017.xlsx")
    budget = import_sheet(path, load_mapping(MAPPINGS / "grootboek.toml"), into=into)
    assert budget.unit is Unit.THOUSAND  # the budget's unit wins; amounts convert exactly
    assert _amounts(budget, "7.2.3")[("lasten", "gerealiseerd", 2017)] == Decimal("173.25075")
    assert budget.programmes[0].name == "Kwaliteit openbaar bestuur"
    assert [str(o.code) for o in budget.programmes[0].objectives] == ["7.2", "7.1"]
    assert (budget.first_year, budget.last_year) == (2016, 2020)


def _report(tmp_path: Path, budget: Budget, kind: str, **options: object) -> Path:
    path = tmp_path / f"{kind}.xlsx"
    write_report(budget, path, kind, force=True, **options)  # type: ignore[arg-type]
    return path


EUROS = {Unit.EURO: 1, Unit.THOUSAND: 1000, Unit.MILLION: 1_000_000}


def _exact(budget: Budget, unit: Unit) -> dict[tuple[Code, Flow, BudgetColumn, int], Decimal]:
    sums: dict[tuple[Code, Flow, BudgetColumn, int], Decimal] = {}
    for owner in budget.amount_owners():
        for a in owner.amounts:
            key = (owner.code, a.flow, a.column, a.year)
            sums[key] = sums.get(key, Decimal(0)) + a.value * EUROS[budget.unit] / EUROS[unit]
    return sums


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(budgets(three_levels=True))
def test_multi_year_report_reads_back_with_its_mapping_within_rounding(
    tmp_path: Path, budget: Budget
) -> None:
    path = _report(tmp_path, budget, "multi-year", unit=Unit.THOUSAND)
    mapping = load_mapping(MAPPINGS / "meerjarig-overzicht.toml")
    back = import_sheet(path, mapping)  # its totals are checked: they have cached values
    exact = _exact(budget, Unit.THOUSAND)
    for key, value in _exact(back, Unit.THOUSAND).items():
        assert abs(value - exact.get(key, Decimal(0))) < 1, key


def test_monitor_report_reads_back_with_its_mapping(tmp_path: Path) -> None:
    source = import_sheet(
        _sample(tmp_path, "monitor-2018-2-kerntaak-7.xlsx"), load_mapping(MAPPINGS / "monitor.toml")
    )
    path = _report(tmp_path, source, "monitor")
    back = import_sheet(path, load_mapping(MAPPINGS / "monitor.toml"))  # with cached values
    for code in ("7", "7.1", "7.2", "7.3"):
        assert _amounts(back, code) == _amounts(source, code)


def test_reports_have_a_bar_chart_of_lasten_per_programme(tmp_path: Path) -> None:
    source = import_sheet(
        _sample(tmp_path, "meerjarig-overzicht-2017.xlsx"),
        load_mapping(MAPPINGS / "meerjarig-overzicht.toml"),
    )
    for kind in ("multi-year", "monitor"):
        sheet = load_workbook(_report(tmp_path, source, kind))["Grafiek"]
        (chart,) = sheet._charts
        assert chart.type == "bar"
        assert [row[0].value for row in sheet.iter_rows(min_row=2, max_col=1)] == [
            "7. Kwaliteit openbaar bestuur",
            "20. Financiering en dekkingsmiddelen",
        ]


def test_an_unknown_report_kind_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="expected 'multi-year', 'monitor', got 'taart'"):
        write_report(Budget(province="O", year=2017), tmp_path / "x.xlsx", "taart")
    assert not (tmp_path / "x.xlsx").exists()


@needs_soffice
def test_libreoffice_recomputes_report_totals_to_the_models(tmp_path: Path) -> None:
    source = import_sheet(
        _sample(tmp_path, "monitor-2018-2-kerntaak-7.xlsx"), load_mapping(MAPPINGS / "monitor.toml")
    )
    rows = sheet_csv(_report(tmp_path, source, "monitor"), "Kerntaak 7")
    totals = {row[0]: row[1:6] for row in rows if row and row[0] in ("Lasten", "Baten")}
    assert totals == {
        "Lasten": ["18146", "369", "18515", "6727", "11788"],
        "Baten": ["27", "0", "27", "30", "-3"],
    }
    multi = sheet_csv(_report(tmp_path, source, "multi-year"), "Meerjarig overzicht")
    (lasten,) = [row for row in multi if row and row[0] == "Totaal lasten"]
    assert lasten[2] == "18146"


@needs_soffice
def test_a_report_recomputed_by_libreoffice_reads_back_with_actueel(tmp_path: Path) -> None:
    source = import_sheet(
        _sample(tmp_path, "monitor-2018-2-kerntaak-7.xlsx"), load_mapping(MAPPINGS / "monitor.toml")
    )
    path = _report(tmp_path, source, "monitor")
    outdir = tmp_path / "resaved"
    soffice("xlsx", outdir, path)
    back = import_sheet(outdir / path.name, load_mapping(MAPPINGS / "monitor.toml"))
    for code in ("7", "7.1", "7.2", "7.3"):
        assert _amounts(back, code) == _amounts(source, code)


def test_the_committed_samples_are_what_the_script_builds(tmp_path: Path) -> None:
    for name in SAMPLES.SAMPLES:
        built = load_workbook(_sample(tmp_path, name)).worksheets[0]
        committed = load_workbook(EXAMPLES / "data" / name).worksheets[0]
        assert [[c.value for c in row] for row in built.iter_rows()] == [
            [c.value for c in row] for row in committed.iter_rows()
        ]


def test_mapping_objects_can_be_built_without_toml() -> None:
    mapping = mapping_from_dict(
        {"code": "Code", "year_columns": {"pattern": r"(?P<year>\d{4})"}}, "inline"
    )
    assert mapping.year_columns is not None
    assert mapping.year_columns.match("2019") == (BudgetColumn.PRIMITIEF, 2019, None)


def test_actueel_is_stored_as_the_sheet_prints_it_within_the_tolerance(tmp_path: Path) -> None:
    """A printed Actuele begroting one off primitief + wijziging (rounding) is imported as
    printed, not recomputed, and not refused when within the mapping's tolerance."""

    def edit(sheet: object) -> None:
        sheet["D2"] = 896  # type: ignore[index]  # 815 + 80 printed as 896
        sheet["F2"] = 538  # type: ignore[index]
        sheet["D6"] = 18516  # type: ignore[index]
        sheet["F6"] = 11789  # type: ignore[index]

    path = _sample(tmp_path, "monitor-2018-2-kerntaak-7.xlsx", edit)
    budget = import_sheet(path, load_mapping(MAPPINGS / "monitor.toml"))
    assert _amounts(budget, "7.1")[("lasten", "actueel", 2018)] == 896
    assert _amounts(budget, "7.1")[("lasten", "primitief", 2018)] == 815


def test_saldo_covers_the_whole_table_after_the_flow_totals(tmp_path: Path) -> None:
    """A "Saldo" row under "Totaal lasten" and "Totaal baten" combines every row of the table
    by the mapping's declared convention (here baten − lasten); a wrong one is reported at its
    cell, with the convention."""

    def edit(sheet: object) -> None:
        saldo = [64186, 162907, 172220, 149096, 149372, 148902]
        sheet.append(["Saldo", None, *saldo])  # type: ignore[attr-defined]

    mapping = attrs.evolve(
        load_mapping(MAPPINGS / "meerjarig-overzicht.toml"), saldo=Saldo.BATEN_MIN_LASTEN
    )
    import_sheet(_sample(tmp_path, "meerjarig-overzicht-2017.xlsx", edit), mapping)

    def broken(sheet: object) -> None:
        edit(sheet)
        sheet["E16"] = 1  # type: ignore[index]

    with pytest.raises(WorkbookError) as caught:
        import_sheet(_sample(tmp_path, "meerjarig-overzicht-2017.xlsx", broken), mapping)
    assert {p.where: p.message for p in caught.value.problems} == {
        "Meerjarig overzicht!E16": "the total 'Saldo' is 1, but its rows (−E6, −E7, E11, E12)"
        " add up (as baten − lasten) to 172220: off by 172219, more than the tolerance 1"
    }
    default = load_mapping(MAPPINGS / "meerjarig-overzicht.toml")
    with pytest.raises(WorkbookError, match=r"add up \(as lasten − baten\) to -172220"):
        import_sheet(_sample(tmp_path, "meerjarig-overzicht-2017.xlsx", edit), default)


def test_totaal_lasten_totals_only_the_lasten_rows(tmp_path: Path) -> None:
    """ "Totaal lasten" under rows of both flows adds up the lasten rows only; "Totaal baten"
    right under it adds up the baten rows."""

    def edit(sheet: object) -> None:
        sheet["A6"] = "Totaal lasten"  # type: ignore[index]
        sheet.move_range("A6:F6", rows=2)  # type: ignore[attr-defined]  # under Baten BD 7.2
        for col, value in zip("ABCDEF", ["Totaal baten", 27, 0, 27, 30, -2], strict=True):
            sheet[f"{col}9"] = value  # type: ignore[index]

    path = _sample(tmp_path, "monitor-2018-2-kerntaak-7.xlsx", edit)
    budget = import_sheet(path, load_mapping(MAPPINGS / "monitor.toml"))
    assert _amounts(budget, "7.2")[("baten", "gerealiseerd", 2018)] == 30


def test_ruimte_on_a_totals_row_is_checked(tmp_path: Path) -> None:
    def edit(sheet: object) -> None:
        sheet["F6"] = 99999  # type: ignore[index]  # the "Lasten" row's Ruimte

    found = _problem_cells(
        _sample(tmp_path, "monitor-2018-2-kerntaak-7.xlsx", edit), "monitor.toml"
    )
    assert found == {
        "Kerntaak 7!F6": "Ruimte is 99999: expected actueel − gerealiseerd (Kerntaak 7!D6 −"
        " Kerntaak 7!E6) = 11788, off by 88211, more than the tolerance 1"
    }


def test_a_total_column_is_checked_against_the_rows_amounts_and_not_imported(
    tmp_path: Path,
) -> None:
    """`total_column` names a column holding each row's total; it is checked, with the cells
    involved, and never imported."""

    def edit(sheet: object) -> None:
        sheet["I4"] = "Totaal"  # type: ignore[index]
        sheet["I6"] = 17650 + 18120 + 18146 + 17900 + 17850 + 17850  # type: ignore[index]
        sheet["I7"] = 1  # type: ignore[index]

    mapping = attrs.evolve(
        load_mapping(MAPPINGS / "meerjarig-overzicht.toml"),
        total_column=ColumnRef(header="Totaal"),
    )
    path = _sample(tmp_path, "meerjarig-overzicht-2017.xlsx", edit)
    with pytest.raises(WorkbookError) as caught:
        import_sheet(path, mapping)
    (problem,) = caught.value.problems
    assert problem.where == "Meerjarig overzicht!I7"
    assert problem.message == (
        "the row total is 1, but the row's amounts (C7, D7, E7, F7, G7, H7) add up to 30100:"
        " off by 30099, more than the tolerance 1"
    )


def test_the_ledger_samples_totaal_line_is_recognised_and_checked(tmp_path: Path) -> None:
    """The ledger's "Totaal" line (in its Omschrijving column, without a year or L/B) is no
    booking: it is checked against the sum of the bookings above it."""
    path = _sample(tmp_path, "grootboek-2017.xlsx")
    assert load_workbook(path).worksheets[0]["B8"].value == "Totaal"
    budget = import_sheet(path, load_mapping(MAPPINGS / "grootboek.toml"))
    assert sum(a.value for p in budget.programmes for a in _all_amounts(p)) == Decimal("663170.84")

    def edit(sheet: object) -> None:
        sheet["E8"] = 663170.85  # type: ignore[index]

    found = _problem_cells(_sample(tmp_path, "grootboek-2017.xlsx", edit), "grootboek.toml")
    assert found == {
        "Export!E8": "the total 'Totaal' is 663170.85, but its rows (E2, E3, E4, E5, E6, E7)"
        " add up to 663170.84: off by 0.01, more than the tolerance 0"
    }


def _all_amounts(programme: Programme) -> list[Amount]:
    found = list(programme.amounts)
    for objective in programme.objectives:
        found += objective.amounts
        for p in objective.prestaties:
            found += p.amounts
    return found


def test_a_mapping_file_reports_every_bad_key_at_once_by_its_toml_path(tmp_path: Path) -> None:
    """Unknown keys and values of the wrong type, in nested tables and arrays of tables too,
    are each a problem at their TOML path; nothing else is raised."""
    path = tmp_path / "bad.toml"
    path.write_text(
        """
code = { header = "Omschrijving", alias = ["Onderdeel"] }
header_rows = [0]
tolerance = "ruim"
total_column = 7
code_pattern = "BD (7"

[codes]
"Personeelsgebonden kosten" = "7..1"

[[columns]]
header = "Primitief"
budget_column = "begroot"
kleur = "rood"

[[derived]]
header = "Ruimte"
definition = "saldo"

[budget]
year = "2018"
soort = "monitor"
""",
        encoding="utf-8",
    )
    with pytest.raises(MappingError) as caught:
        load_mapping(path)
    found = {
        problem.where.removeprefix(f"{path}: "): problem.message
        for problem in caught.value.problems
    }
    assert found == {
        "code.alias": "unknown key: expected one of header, aliases, letter",
        "header_rows[0]": "expected a row number from 1, got integer 0",
        "tolerance": "expected a number of zero or more, got text 'ruim'",
        "total_column": "expected a header text or {header = ..., aliases = [...]}, got integer 7",
        "code_pattern": "not a valid regular expression: missing ), unterminated subpattern at"
        " position 3",
        'codes."Personeelsgebonden kosten"': "expected a code like '7.2.3', got '7..1'",
        "columns[0].kleur": "unknown key: expected one of header, aliases, letter, budget_column,"
        " year, flow",
        "columns[0].budget_column": "expected one of 'primitief', 'wijziging', 'actueel',"
        " 'gerealiseerd', got text 'begroot'",
        "derived[0].definition": "expected 'actueel' (primitief + wijziging) or 'ruimte'"
        " (actueel − gerealiseerd), got text 'saldo'",
        "budget.year": "expected a year, got text '2018'",
        "columns[0].year": "expected a year (or [budget] year), got text '2018'",
        "budget.soort": "unknown key: expected one of province, year, kind",
    }


@pytest.mark.parametrize(
    ("data", "where", "message"),
    [
        ({"columns": "Primitief"}, "columns", "expected an array of tables ([[columns]])"),
        ({"columns": ["Primitief"]}, "columns[0]", "expected a table, got text 'Primitief'"),
        ({"year_columns": "2018"}, "year_columns", "expected a table, got text '2018'"),
        ({"year_columns": {"pattern": "(\\d{4})"}}, "year_columns.pattern", "a group named year"),
        ({"year_columns": {}, "codes": 5}, "codes", "expected a table of labels and codes"),
        ({"year_columns": {}, "budget": "Overijssel"}, "budget", "expected a table, got text"),
        ({"year_columns": {}, "code_pattern": "BD"}, "code_pattern", "expected a group (...)"),
        ({"year_columns": {}, "tolerance": -1}, "tolerance", "a number of zero or more"),
        ({"year_columns": {}, "header_rows": "1"}, "header_rows", "an array of row numbers"),
        ({"layout": "long"}, "year", "required for layout = 'long': the year column"),
    ],
)
def test_a_mapping_of_the_wrong_shape_is_a_mapping_error_at_its_key(
    data: dict[str, object], where: str, message: str
) -> None:
    with pytest.raises(MappingError) as caught:
        mapping_from_dict({"code": "Code", **data}, "m.toml")
    assert any(
        p.where == f"m.toml: {where}" and message in p.message for p in caught.value.problems
    ), caught.value.problems


def test_total_column_is_a_mapping_key() -> None:
    mapping = mapping_from_dict(
        {"code": "Code", "year_columns": {}, "total_column": {"header": "Totaal"}}, "m.toml"
    )
    assert mapping.total_column == ColumnRef(header="Totaal")


def _unnamed_programme_budget() -> Budget:
    def amount(column: BudgetColumn, value: int) -> Amount:
        return Amount(
            flow=Flow.LASTEN, column=column, nature=Nature.STRUCTUREEL, year=2017, value=value
        )

    return Budget(
        province="Overijssel",
        year=2017,
        programmes=(
            Programme(
                number=7,
                name="",
                amounts=(amount(BudgetColumn.PRIMITIEF, 5000),),
                objectives=(
                    Objective(
                        code="7.1",
                        title="Goed bestuur",
                        amounts=(amount(BudgetColumn.GEREALISEERD, 3000),),
                    ),
                ),
            ),
        ),
    )


def test_report_cells_without_an_amount_stay_blank_not_zero(tmp_path: Path) -> None:
    """A line without an amount for a year or column leaves that cell blank; an amount of
    0 is written as 0."""
    budget = _unnamed_programme_budget()
    multi = load_workbook(_report(tmp_path, budget, "multi-year"))["Meerjarig overzicht"]
    assert [cell.value for cell in multi[6]] == ["7", None, 5000, None, None, None]
    monitor = load_workbook(_report(tmp_path, budget, "monitor"))["Kerntaak 7"]
    assert [cell.value for cell in monitor[2]][:3] == ["Lasten kerntaak 7", 5000, None]
    assert [cell.value for cell in monitor[2]][4] is None  # no gerealiseerd
    assert [cell.value for cell in monitor[3]][1:5] == [None, None, None, 3000]


def test_a_programme_without_a_name_is_charted_as_kerntaak_n(tmp_path: Path) -> None:
    budget = _unnamed_programme_budget()
    for kind in ("multi-year", "monitor"):
        sheet = load_workbook(_report(tmp_path, budget, kind))["Grafiek"]
        assert sheet["A2"].value == "Kerntaak 7"


def test_names_come_from_the_mapping_when_the_sheet_gives_none(tmp_path: Path) -> None:
    """The monitor table has no title column; the mapping's [names] names kerntaak 7."""
    path = _sample(tmp_path, "monitor-2018-2-kerntaak-7.xlsx")
    budget = import_sheet(path, load_mapping(MAPPINGS / "monitor.toml"))
    assert budget.programmes[0].name == "Kwaliteit openbaar bestuur"


def test_names_come_from_a_heading_above_the_table_and_from_row_labels(tmp_path: Path) -> None:
    """A heading "Kerntaak 7 Kwaliteit openbaar bestuur" names the programme, and a row label
    with text after its code ("Lasten BD 7.2 Participatie") names that objective; a label
    without such text ("Lasten BD 7.1") leaves the name empty."""

    def edit(sheet: object) -> None:
        sheet.insert_rows(1)  # type: ignore[attr-defined]
        sheet["A1"] = "Kerntaak 7 Kwaliteit openbaar bestuur"  # type: ignore[index]
        sheet["A4"] = "Lasten BD 7.2 Participatie"  # type: ignore[index]

    path = _sample(tmp_path, "monitor-2018-2-kerntaak-7.xlsx", edit)
    mapping = attrs.evolve(load_mapping(MAPPINGS / "monitor.toml"), header_rows=(2,), names={})
    budget = import_sheet(path, mapping)
    (programme,) = budget.programmes
    assert programme.name == "Kwaliteit openbaar bestuur"
    assert {str(o.code): o.title for o in programme.objectives} == {
        "7.1": "",
        "7.2": "Participatie",
        "7.3": "",
    }


def test_a_title_column_wins_over_other_names_and_fills_an_unnamed_budget(tmp_path: Path) -> None:
    """The meerjarig overzicht's Omschrijving names programme 7; merged into a budget whose
    programme 7 has no name, the name is filled in, and an existing name is kept."""
    path = _sample(tmp_path, "meerjarig-overzicht-2017.xlsx")
    mapping = attrs.evolve(
        load_mapping(MAPPINGS / "meerjarig-overzicht.toml"), names={"7": "Andere naam"}
    )
    assert import_sheet(path, mapping).programmes[0].name == "Kwaliteit openbaar bestuur"
    unnamed = Budget(province="Overijssel", year=2017, programmes=(Programme(number=7, name=""),))
    merged = import_sheet(path, mapping, into=unnamed)
    assert merged.programmes[0].name == "Kwaliteit openbaar bestuur"
    named = Budget(
        province="Overijssel", year=2017, programmes=(Programme(number=7, name="Bestuur"),)
    )
    assert import_sheet(path, mapping, into=named).programmes[0].name == "Bestuur"


def test_names_in_a_mapping_file_must_be_keyed_by_codes() -> None:
    with pytest.raises(MappingError) as caught:
        mapping_from_dict(
            {"code": "Code", "year_columns": {}, "names": {"zeven": "x", "7": 7}}, "m.toml"
        )
    assert {(p.where, p.message) for p in caught.value.problems} == {
        ("m.toml: names.zeven", "expected a code like '7.2.3' as the key, got 'zeven'"),
        ("m.toml: names.7", "expected text, got integer 7"),
    }

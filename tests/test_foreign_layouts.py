"""Layouts of the mapping language on small sheets made here: codes as provinces write them,
budget columns in rows, two columns for one amount, derived columns in their own year, and the
overview of lasten and baten per taakveld."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from openpyxl import Workbook, load_workbook

from conftest import EXAMPLES
from prestatie import (
    Amount,
    Budget,
    BudgetColumn,
    Flow,
    MappingError,
    Nature,
    Programme,
    WorkbookError,
    WorkbookWarning,
    by_taakveld,
    from_json,
    import_sheet,
    load_mapping,
    read_workbook,
    render_by_taakveld,
    to_json,
    write_workbook,
)
from prestatie._foreign.load import mapping_from_dict
from prestatie._foreign.mapping import printed_code


def _sheet(path: Path, rows: list[list[Any]]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def _problems(path: Path, mapping: dict[str, Any]) -> dict[str, str]:
    with pytest.raises(WorkbookError) as caught:
        import_sheet(path, mapping_from_dict(mapping))
    return {problem.where: problem.message for problem in caught.value.problems}


def test_codes_with_leading_zeros_are_the_codes_they_write() -> None:
    assert str(printed_code("01")) == "1"
    assert str(printed_code("01.01")) == "1.1"
    assert str(printed_code("010.020.3")) == "10.20.3"


def test_a_code_pattern_with_several_groups_joins_them(tmp_path: Path) -> None:
    """ "DOEL 1-1" with the pattern DOEL (\\d+)-(\\d+) is objective 1.1, never just 1."""
    path = _sheet(tmp_path / "doel.xlsx", [["Omschrijving", "2020"], ["DOEL 1-1 Water", 5]])
    mapping = {"code": "Omschrijving", "code_pattern": r"DOEL (\d+)-(\d+)", "year_columns": {}}
    budget = import_sheet(path, mapping_from_dict(mapping))
    (objective,) = budget.objectives()
    assert str(objective.code) == "1.1"
    assert objective.title == "Water"


def test_a_four_part_code_is_a_problem_at_its_cell(tmp_path: Path) -> None:
    path = _sheet(tmp_path / "vier.xlsx", [["Code", "2020"], ["4.1.2.1", 5]])
    found = _problems(path, {"code": "Code", "year_columns": {}})
    assert found == {
        "Sheet!A2": "code 4.1.2.1 has 4 parts: expected a programme (7), objective (7.2) or"
        " prestatie (7.2.3)"
    }


def test_a_second_row_for_a_code_and_amount_is_a_problem_naming_the_first_row(
    tmp_path: Path,
) -> None:
    """Two rows of code 7 both giving lasten primitief 2020: the second is reported at its code
    cell, naming the row of the first, instead of being added to it."""
    path = _sheet(tmp_path / "dubbel.xlsx", [["Code", "2020"], ["7", 5], ["7", 6]])
    found = _problems(path, {"code": "Code", "year_columns": {}})
    assert found == {
        "Sheet!A3": "a second amount for 7 lasten primitief 2020: expected one row per code;"
        " the first is row 2"
    }


def test_an_indicator_whose_label_gives_no_code_is_a_problem_at_its_cell(tmp_path: Path) -> None:
    rows = [["Nr", "Indicator", "2021"], ["x.a", "Reizigers", 5], ["2.b", "Haltes", 40]]
    path = _sheet(tmp_path / "zonder-code.xlsx", rows)
    mapping = {
        "layout": "indicators",
        "code": "Nr",
        "code_pattern": r"^(\d+)\.[a-z]$",
        "title": "Indicator",
        "year_columns": {},
    }
    assert _problems(path, mapping) == {
        "Sheet!A2": "found str 'x.a': expected the code of a programme (7), objective (7.2) or"
        " prestatie (7.2.3)"
    }


def test_a_parent_column_that_disagrees_with_the_code_is_a_problem_at_the_parent_cell(
    tmp_path: Path,
) -> None:
    """Objective 7.2 said to lie under programme 6 is named at its parent cell; a parent that
    agrees (7.1 under 7) is no problem."""
    rows = [["Code", "Bovenliggend", "2020"], ["7.1", "7", 4], ["7.2", "6", 5]]
    path = _sheet(tmp_path / "ouder.xlsx", rows)
    found = _problems(path, {"code": "Code", "parent": "Bovenliggend", "year_columns": {}})
    assert found == {"Sheet!B3": "found str '6': expected 7 (the parent of 7.2)"}


def test_codes_in_a_mapping_may_have_leading_zeros(tmp_path: Path) -> None:
    path = _sheet(tmp_path / "p.xlsx", [["Omschrijving", "2020"], ["Personeel", 5]])
    mapping = {"code": "Omschrijving", "codes": {"Personeel": "07"}, "year_columns": {}}
    budget = import_sheet(path, mapping_from_dict(mapping))
    assert [p.number for p in budget.programmes] == [7]


def test_two_columns_holding_one_amount_are_a_problem_naming_both(tmp_path: Path) -> None:
    path = _sheet(tmp_path / "twee.xlsx", [["Code", "Begroot", "Primitief"], ["7", 1, 2]])
    mapping = {
        "code": "Code",
        "columns": [
            {"header": "Begroot", "budget_column": "primitief", "year": 2018},
            {"header": "Primitief", "budget_column": "primitief", "year": 2018},
        ],
    }
    assert _problems(path, mapping) == {
        "Sheet!C1": "columns B ('Begroot') and C ('Primitief') both hold the row's flow"
        " primitief 2018: expected one column per amount"
    }


def test_a_derived_column_is_compared_with_its_own_year_only(tmp_path: Path) -> None:
    """ "Begroot 2018 na zomernota" is 2018's primitief + wijziging, whatever the 2019 column
    holds."""
    header = ["Lasten", "Begroot 2018", "Mutaties", "Begroot 2018 na zomernota", "Begroot 2019"]
    path = _sheet(tmp_path / "z.xlsx", [header, ["Apparaat", 100, 5, 105, 70]])
    mapping = {
        "code": "Lasten",
        "owner": "1.1.1",
        "year_columns": {"pattern": r"Begroot (?P<year>\d{4})"},
        "columns": [{"header": "Mutaties", "budget_column": "wijziging", "year": 2018}],
        "derived": [{"header": "Begroot 2018 na zomernota", "definition": "actueel"}],
    }
    budget = import_sheet(path, mapping_from_dict(mapping))
    assert budget.prestatie("1.1.1").amounts[0].value == 100
    path = _sheet(tmp_path / "z2.xlsx", [header, ["Apparaat", 100, 5, 106, 70]])
    assert _problems(path, mapping) == {
        "Sheet!D2": "Begroot 2018 na zomernota is 106: expected primitief + wijziging (Sheet!B2"
        " + Sheet!C2) = 105, off by 1, more than the tolerance 0"
    }


def test_budget_columns_can_stand_in_rows(tmp_path: Path) -> None:
    """Rows "begroting t/m …", "- I 2 <wijziging>" and "na wijziging" under a heading each
    set the budget column of their amounts."""
    rows = [
        ["Omschrijving", "2021", "2022"],
        ["7.2.3 Kennis", None, None],
        ["begroting t/m 1e wijziging", 100, 90],
        ["- I 2 <wijziging>", 10, 0],
        ["na wijziging", 110, 90],
    ]
    mapping = {
        "code": "Omschrijving",
        "code_pattern": r"^(\d+(?:\.\d+)*) ",
        "year_columns": {},
        "budget_rows": {
            "^begroting": "primitief",
            "wijziging>$": "wijziging",
            "^na wijziging": "actueel",
        },
    }
    budget = import_sheet(_sheet(tmp_path / "r.xlsx", rows), mapping_from_dict(mapping))
    amounts = {(a.column.value, a.year): a.value for a in budget.prestatie("7.2.3").amounts}
    assert amounts == {
        ("primitief", 2021): 100,
        ("primitief", 2022): 90,
        ("wijziging", 2021): 10,
        ("wijziging", 2022): 0,
        ("actueel", 2021): 110,
        ("actueel", 2022): 90,
    }


def test_an_unknown_mapping_key_or_wrong_value_of_a_new_key_is_at_its_toml_path() -> None:
    with pytest.raises(MappingError) as caught:
        mapping_from_dict(
            {
                "code": {"letter": "A", "kolom": "B"},
                "year_columns": {"flow": "winst"},
                "saldo": "lasten + baten",
                "negative": "baten",
                "budget_rows": {"(": "primitief"},
            },
            "m.toml",
        )
    found = {p.where: p.message for p in caught.value.problems}
    assert found == {
        "m.toml: code.kolom": "unknown key: expected one of header, aliases, letter",
        "m.toml: year_columns.flow": "expected one of 'lasten', 'baten', 'saldo', got text 'winst'",
        "m.toml: saldo": "expected one of 'lasten - baten', 'baten - lasten', got text"
        " 'lasten + baten'",
        "m.toml: negative": "expected an array such as ['baten'], got text 'baten'",
        'm.toml: budget_rows."("': "not a valid regular expression: missing ), unterminated"
        " subpattern at position 0",
    }


def _taakveld_budget() -> Budget:
    def amount(flow: Flow, value: int, taakveld: str | None) -> Amount:
        return Amount(
            flow=flow,
            column=BudgetColumn.GEREALISEERD,
            nature=Nature.STRUCTUREEL,
            year=2017,
            value=value,
            taakveld=taakveld,
        )

    return Budget(
        province="Drenthe",
        year=2017,
        programmes=(
            Programme(
                number=1,
                name="Bestuur",
                amounts=(amount(Flow.LASTEN, 300, "0.6"), amount(Flow.LASTEN, 50, None)),
            ),
            Programme(
                number=8,
                name="Middelen",
                amounts=(
                    amount(Flow.LASTEN, 7000, "0.6"),
                    amount(Flow.BATEN, 146000, "0.1"),
                    amount(Flow.LASTEN, 10, "1.1"),
                ),
            ),
        ),
    )


def test_lasten_and_baten_per_taakveld_add_up_over_programmes() -> None:
    lines = by_taakveld(_taakveld_budget())
    assert [(line.taakveld, line.name) for line in lines] == [
        ("0.1", "Uitkering provinciefonds"),
        ("0.6", "Overhead"),
        ("1.1", "Provinciale Staten"),
    ]
    heading = (Flow.LASTEN, BudgetColumn.GEREALISEERD, 2017)
    assert lines[1].amounts == {heading: Decimal(7300)}
    assert lines[0].amounts == {(Flow.BATEN, BudgetColumn.GEREALISEERD, 2017): 146000}


def test_the_taakveld_overview_renders_a_row_per_taakveld_and_a_total() -> None:
    text = render_by_taakveld(_taakveld_budget())
    lines = text.splitlines()
    assert lines[0] == "Lasten en baten per taakveld (x € 1.000)"
    assert lines[1].split() == [
        "Taakveld",
        "Lasten",
        "gerealiseerd",
        "2017",
        "Baten",
        "gerealiseerd",
        "2017",
    ]
    assert lines[3].split() == ["0.6", "Overhead", "7.300"]
    assert lines[-1].split() == ["Totaal", "7.310", "146.000"]
    assert render_by_taakveld(Budget(province="x", year=2017)) == (
        "Geen bedragen met een taakveld.\n"
    )


def test_an_amount_keeps_its_taakveld_in_json_and_json_without_one_reads_as_before() -> None:
    budget = _taakveld_budget()
    text = to_json(budget)
    assert from_json(text) == budget
    assert text.count('"taakveld"') == 4  # the amount without one writes no key


def test_a_total_with_no_rows_to_add_up_is_stated_as_unchecked(tmp_path: Path) -> None:
    rows = [["Omschrijving", "2020"], ["7 Bestuur", 10], ["Totaal lasten", 10], ["Totaal baten", 4]]
    mapping = {"code": "Omschrijving", "code_pattern": r"^(\d+) ", "year_columns": {}}
    with pytest.warns(WorkbookWarning, match="'Totaal baten' has no rows above it to add up"):
        budget = import_sheet(_sheet(tmp_path / "t.xlsx", rows), mapping_from_dict(mapping))
    assert [a.value for a in budget.programmes[0].amounts] == [10]


def test_a_skipped_total_is_stated_as_unchecked() -> None:
    name = "fryslan-begroting-2025-programma-1"
    mapping = attrs.evolve(
        load_mapping(EXAMPLES / "mappings" / "real" / f"{name}.toml"),
        grand_totals=None,
        skip="^Saldo programma",
    )
    with pytest.warns(WorkbookWarning, match="'Saldo programma 1' is skipped: not checked"):
        import_sheet(EXAMPLES / "data" / "real" / f"{name}.xlsx", mapping)


def test_a_workbook_keeps_each_amounts_taakveld_and_reads_one_written_without_the_column(
    tmp_path: Path,
) -> None:
    budget = _taakveld_budget()
    path = tmp_path / "taakvelden.xlsx"
    write_workbook(budget, path)
    assert read_workbook(path) == budget
    one_each = Budget(
        province="Drenthe",
        year=2017,
        programmes=(attrs.evolve(budget.programmes[1], amounts=budget.programmes[1].amounts[:1]),),
    )
    write_workbook(one_each, path, force=True)
    workbook = load_workbook(path)
    sheet = workbook["Lasten en baten"]
    headers = [cell.value for cell in sheet[1]]
    sheet.delete_cols(headers.index("Taakveld") + 1)
    workbook.save(path)
    old = read_workbook(path)
    assert [(a.value, a.taakveld) for a in old.programmes[0].amounts] == [(7000, None)]


def test_indicators_hang_under_the_programme_objective_or_prestatie_their_code_gives(
    tmp_path: Path,
) -> None:
    """A code pattern that takes one part attaches an indicator to its programme, two to an
    objective, three to a prestatie; a label that says more keeps its own code; what was
    measured ("Meetwaarde 2020") is kept, a number or the text printed."""
    rows = [
        ["Nr", "Indicator", "Nulmeting", "Meetwaarde 2020", "2021"],
        ["2.a", "Reizigers", "1.000", "1.200", "1.300"],
        ["2.1.a", "Fietspaden", "-", "nnb", "PM"],
        ["2.1.3.a", "Haltes", 40, "41 (peiling)", 45],
    ]
    path = _sheet(tmp_path / "indicatoren.xlsx", rows)
    mapping = {
        "layout": "indicators",
        "code": "Nr",
        "code_pattern": r"^(\d+)(?:\.(\d+))?(?:\.(\d+))?\.[a-z]$",
        "title": "Indicator",
        "baseline": "Nulmeting",
        "year_columns": {},
    }
    budget = import_sheet(path, mapping_from_dict(mapping))
    (programme,) = budget.programmes
    (objective,) = programme.objectives
    (prestatie,) = objective.prestaties
    owners = [
        (str(owner.code), indicator.code)
        for owner in (programme, objective, prestatie)
        for indicator in owner.indicators
    ]
    assert owners == [("2", "2.a"), ("2.1", "2.1.a"), ("2.1.3", "2.1.3.a")]
    assert [(m.year, m.value, m.text) for m in programme.indicators[0].realised] == [
        (2020, 1200, "")
    ]
    assert [(m.value, m.text) for m in objective.indicators[0].realised] == [(None, "nnb")]
    assert [(m.value, m.text) for m in prestatie.indicators[0].realised] == [(41, "41 (peiling)")]
    assert objective.indicators[0].targets[0].text == "PM"


def test_a_reserve_row_of_an_unknown_kind_or_a_bad_realised_pattern_is_named_at_its_key() -> None:
    mapping = {
        "code": "Code",
        "year_columns": {},
        "reserve_rows": {"^Storting": "storting"},
        "realised": "Meetwaarde",
    }
    with pytest.raises(MappingError) as caught:
        mapping_from_dict(mapping)
    found = {problem.where: problem.message for problem in caught.value.problems}
    assert found == {
        'mapping: reserve_rows."^Storting"': "expected one of 'toevoeging', 'onttrekking',"
        " got text 'storting'",
        "mapping: realised": "expected a group named year, as in (?P<year>...)",
    }

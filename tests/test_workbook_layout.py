"""The workbook is pleasant to work in: frozen headers, filters, number formats, fitting
widths, dropdowns for fixed values, and live totals."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from prestatie import (
    Action,
    Ambition,
    Amount,
    AssociatedParty,
    Budget,
    Duration,
    DurationKind,
    Indicator,
    InvestmentProposal,
    Judgement,
    Measurement,
    MonitorStatus,
    Objective,
    Prestatie,
    Programme,
    ProposalLink,
    Reserve,
    ReserveLink,
    ReserveMutation,
    Role,
    Score,
    Section,
    Target,
    TargetKind,
    write_workbook,
)
from prestatie._xlsx.columns import Sheet
from prestatie._xlsx.schema import SHEETS
from workbook_edit import column_of
from workbook_examples import monitor_budget

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Worksheet]:
    path = tmp_path_factory.mktemp("layout") / "monitor.xlsx"
    write_workbook(monitor_budget(), path)
    book = load_workbook(path)
    return {sheet.title: sheet for sheet in book.worksheets}


def test_every_sheet_is_written_in_order_with_a_frozen_header(
    workbook: dict[str, Worksheet],
) -> None:
    assert list(workbook) == [sheet.name for sheet in SHEETS]
    for sheet in workbook.values():
        assert sheet.freeze_panes == "A2", sheet.title


def test_every_table_has_an_autofilter_over_its_data_rows(workbook: dict[str, Worksheet]) -> None:
    for name, sheet in workbook.items():
        if name == "Begroting":
            continue
        assert sheet.auto_filter.ref is not None, name
        assert sheet.auto_filter.ref.startswith("A1:"), name


def _dropdown(sheet: Worksheet, header: str) -> list[str]:
    letter = sheet.cell(row=1, column=column_of(sheet, header)).column_letter
    for validation in sheet.data_validations.dataValidation:
        if any(str(ref).startswith(f"{letter}2:") for ref in validation.sqref.ranges):
            assert validation.type == "list"
            return str(validation.formula1).strip('"').split(",")
    raise AssertionError(f"no dropdown on {sheet.title} {header}")


@pytest.mark.parametrize(
    ("sheet", "header", "labels"),
    [
        ("Prestaties", "Looptijd", [kind.value for kind in DurationKind]),
        ("Prestaties", "Relatie met reserve", ["ja", "nee"]),
        ("Streefwaarden", "Soort", [kind.value for kind in TargetKind]),
        ("Monitor", "Score inhoud", [score.value for score in Score]),
        ("Monitor", "Niveau", ["programma", "doel", "prestatie", "indicator"]),
        ("Lasten en baten", "Kolom", ["primitief", "wijziging", "actueel", "gerealiseerd"]),
    ],
)
def test_columns_with_fixed_values_offer_them_as_a_dropdown(
    workbook: dict[str, Worksheet], sheet: str, header: str, labels: list[str]
) -> None:
    assert _dropdown(workbook[sheet], header) == labels


def test_role_labels_are_documented_as_the_values_of_the_roles_column() -> None:
    text = (ROOT / "docs" / "workbook.md").read_text(encoding="utf-8")
    assert all(role.value in text for role in Role)


def test_amounts_show_thousands_separators_and_cents_only_where_cents_occur(
    workbook: dict[str, Worksheet],
) -> None:
    sheet = workbook["Lasten en baten"]
    with_cents = sheet.cell(row=2, column=column_of(sheet, "2018 (x € 1.000)"))
    assert with_cents.number_format == "#,##0.00"  # 1070.25 occurs in 2018
    whole = workbook["Investeringsvoorstellen"]
    amount = whole.cell(row=2, column=column_of(whole, "Bedrag (euro)"))
    assert amount.value == 3750000
    assert amount.number_format == "#,##0"


def test_column_widths_fit_their_content(workbook: dict[str, Worksheet]) -> None:
    sheet = workbook["Prestaties"]
    for header, content in [("Code", "7.2.3"), ("Titel", '=HYPERLINK("http://example.com"')]:
        letter = sheet.cell(row=1, column=column_of(sheet, header)).column_letter
        width = sheet.column_dimensions[letter].width
        assert max(len(header), len(content)) <= width <= 60


def test_totals_rows_are_live_sumifs_formulas_over_the_data_rows(
    workbook: dict[str, Worksheet],
) -> None:
    sheet = workbook["Lasten en baten"]
    rows = list(sheet.iter_rows(values_only=True))
    data = [row for row in rows[1:] if row[0] != "Totaal"]
    totals = [row for row in rows[1:] if row[0] == "Totaal"]
    assert [(row[2], row[3]) for row in totals] == [
        ("lasten", "primitief"),
        ("lasten", "wijziging"),
        ("lasten", "actueel"),
        ("lasten", "gerealiseerd"),
        ("baten", "primitief"),
    ]
    last = len(data) + 1
    assert totals[0][9] == (  # the first year's column, after the amount's line
        f'=SUMIFS(J$2:J${last},$C$2:$C${last},"lasten",$D$2:$D${last},"primitief")'
    )


def test_every_sheet_and_column_is_described_in_the_documentation() -> None:
    text = (ROOT / "docs" / "workbook.md").read_text(encoding="utf-8")
    for sheet in SHEETS:
        assert f"## {sheet.name}" in text
        for column in sheet.columns:
            assert f"| {column.header} |" in text, (sheet.name, column.header)


# Each model class, the sheet its rows stand on, the prefix of its columns there, and the
# fields that live elsewhere (child sheets, or the parent's columns).
HOMES = [
    (Budget, "Begroting", "", {"programmes", "reserves", "proposals", "paragraphs"}),
    (
        Programme,
        "Programma's",
        "",
        {
            "ambition",
            "objectives",
            "amounts",
            "sections",
            "indicators",
            "status",
            "associated_parties",
            "reserve_mutations",
        },
    ),
    (Ambition, "Ambities", "", {"target"}),
    (
        Objective,
        "Doelen",
        "",
        {
            "indicators",
            "prestaties",
            "amounts",
            "objectives",
            "sections",
            "status",
            "reserve_mutations",
        },
    ),
    (Indicator, "Indicatoren", "", {"targets", "realised", "status"}),
    (
        Prestatie,
        "Prestaties",
        "",
        {"actions", "duration", "reserve_link", "amounts", "status", "sections", "indicators"},
    ),
    (Duration, "Prestaties", "duration.", set()),
    (ReserveLink, "Prestaties", "reserve_link.", {"proposals"}),
    (ProposalLink, "Voorstellen per prestatie", "", set()),
    (MonitorStatus, "Monitor", "", {"dimensions"}),
    (Judgement, "Oordelen", "", set()),
    (Section, "Teksten", "", set()),
    (AssociatedParty, "Verbonden partijen", "", set()),
    (ReserveMutation, "Reservemutaties", "", set()),
    (Action, "Acties", "", {"targets", "realised"}),
    (Target, "Streefwaarden", "", set()),
    (Measurement, "Realisaties", "", set()),
    (Amount, "Lasten en baten", "", {"year", "value"}),  # year columns hold these
    (Reserve, "Reserves", "", set()),
    (InvestmentProposal, "Investeringsvoorstellen", "", set()),
]


@pytest.mark.parametrize(("kind", "sheet", "prefix", "elsewhere"), HOMES)
def test_every_field_of_the_model_has_a_column(
    kind: type, sheet: str, prefix: str, elsewhere: set[str]
) -> None:
    """A field added to the model without a column would silently be lost."""
    keys = {column.key for column in next(s for s in SHEETS if s.name == sheet).columns}
    for field in attrs.fields(kind):
        assert field.name in elsewhere or prefix + field.name in keys, (kind, field.name)


@pytest.mark.parametrize("sheet", [s for s in SHEETS if s.parent], ids=lambda s: s.name)
def test_the_parent_a_child_row_is_placed_under_is_the_parent_its_key_names(sheet: Sheet) -> None:
    """The writer's `place` and the reader's `parent_key` are inverse, over columns the sheet
    has; a problem about a missing parent is placed at one of them."""
    assert sheet.parent is not None
    keys = {column.key for column in sheet.columns}
    assert set(sheet.parent.columns) <= keys
    assert sheet.parent.named_at in sheet.parent.columns
    parent = tuple(f"part {n}" for n in range(len(sheet.parent.columns)))
    key = parent if len(parent) > 1 else parent[0]
    placed = sheet.place(key, 3)
    assert sheet.parent_key(placed) == key
    assert placed["position"] == 3


@pytest.mark.parametrize("sheet", [s for s in SHEETS if s.owner], ids=lambda s: s.name)
def test_a_parent_sheet_is_named_by_columns_it_has(sheet: Sheet) -> None:
    assert sheet.key
    assert set(sheet.key) <= {column.key for column in sheet.columns}

"""The province samples in examples/data/provinces: each is what its build script makes from
the transcriptions, reads, checks clean, round-trips through JSON, the workbook and
LibreOffice, and is summarised with its own level names."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

from conftest import EXAMPLES, load_script, run_python
from libreoffice import needs_soffice, soffice
from prestatie import (
    AmountOwner,
    Budget,
    BudgetColumn,
    CodeScheme,
    Flow,
    Programme,
    Role,
    check_budget,
    from_json,
    read_budget,
    read_workbook,
    to_json,
    write_workbook,
)

PROVINCES = EXAMPLES / "data" / "provinces"


BUILD = load_script(PROVINCES / "build.py")
SAMPLES: dict[str, Callable[[], Budget]] = BUILD.SAMPLES


def test_at_least_eight_provinces_have_a_sample_and_a_transcription() -> None:
    assert len(SAMPLES) >= 8
    for name in SAMPLES:
        assert (PROVINCES / f"{name}.md").is_file(), name


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_committed_sample_is_what_the_build_script_makes(name: str) -> None:
    """examples/data/provinces/NAME.json is, byte for byte, what build.py writes from NAME.md
    now: rerun build.py after changing the transcription, the script or the JSON writer."""
    built = SAMPLES[name]()
    committed = PROVINCES / f"{name}.json"
    assert read_budget(committed) == built
    assert committed.read_text(encoding="utf-8") == to_json(built)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_sample_checks_clean_and_round_trips_through_json_and_the_workbook(
    name: str, tmp_path: Path
) -> None:
    budget = read_budget(PROVINCES / f"{name}.json")
    assert check_budget(budget) == []
    assert from_json(to_json(budget)) == budget
    write_workbook(budget, tmp_path / f"{name}.xlsx")
    assert read_workbook(tmp_path / f"{name}.xlsx") == budget


@needs_soffice
def test_samples_resaved_by_libreoffice_read_back_to_the_same_budgets(tmp_path: Path) -> None:
    budgets = {name: read_budget(PROVINCES / f"{name}.json") for name in SAMPLES}
    for name, budget in budgets.items():
        write_workbook(budget, tmp_path / f"{name}.xlsx")
    soffice("xlsx", tmp_path / "resaved", *(tmp_path / f"{name}.xlsx" for name in budgets))
    for name, budget in budgets.items():
        assert read_workbook(tmp_path / "resaved" / f"{name}.xlsx") == budget


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_summary_names_the_provinces_own_levels(name: str) -> None:
    """`prestatie summary` names the levels as the province prints them."""
    budget = read_budget(PROVINCES / f"{name}.json")
    result = run_python("-m", "prestatie", "summary", PROVINCES / f"{name}.json")
    assert result.returncode == 0, result.stderr
    if name == "overijssel":
        # Overijssel's names are the default: its tables name them, with no list above.
        assert "Kerntaak 7 Kwaliteit openbaar bestuur" in result.stdout
    else:
        assert "Niveaus: " + " → ".join(budget.levels) in result.stdout


def test_samples_hold_the_shapes_the_provinces_print() -> None:
    """Depth, code schemes, indicators and statuses on several levels, line categories and
    numbered begrotingswijzigingen: each shape of the issue occurs in some sample."""
    budgets = {name: build() for name, build in SAMPLES.items()}
    depth = {name: max(o.depth for o in b.amount_owners()) for name, b in budgets.items()}
    assert depth["noord-holland"] == 3  # programma → beleidsdoel → OD → instrument
    assert budgets["zeeland"].code_scheme == CodeScheme(widths=(2, 2, 2))
    assert str(budgets["noord-holland"].prestatie("1.1.1.02").code) == "1.1.1.02"
    assert budgets["fryslan"].programmes[0].indicators
    assert budgets["fryslan"].programmes[0].associated_parties
    amounts = [a for b in budgets.values() for o in b.amount_owners() for a in o.amounts]
    assert {a.category for a in amounts} >= {"Apparaatskosten", "Organisatiekosten"}
    assert {a.change for a in amounts} >= {"3. Agenda Vitaal Platteland"}
    texts = [
        m.text
        for b in budgets.values()
        for o in b.amount_owners()
        for i in o.item.indicators
        for m in i.realised
        if m.value is None
    ]
    assert "nvt" in texts
    assert "Conform." in texts


ITEMS = ("programme", "indicator", "text", "status", "amounts")
"""The five items of each excerpt: a programme with its levels; a goal with an indicator
that has a target and a realised value; a prestatie, activity or instrument with its text;
a status; the amounts of a table."""

TEXT = {
    "noord-holland": ("1.1.1.01", "Toelichting op verschillen begroot/ gerealiseerd"),
    "flevoland": ("8", "Activiteit"),
    "limburg": ("1.1.1.", "Kwaliteit"),
    "overijssel": ("10.1.1", "Financiën"),
    "fryslan": ("1.1", "Welke resultaten willen we in 2022 behalen?"),
    "zuid-holland": (
        "7-1-1",
        "Welke maatregelen zien we en welke instrumenten zetten we daarbij in?",
    ),
    "groningen": ("7.1.", "Regulier"),
}
"""Where each sample holds item 3, by the code of its node and the heading of its text. The
lowest printed level carries it; where the province numbers no prestatie or doel (Flevoland's
doel, Groningen's prestaties), the text stands on the numbered node the page shows it under."""

HOLDS: dict[str, set[str]] = {
    "noord-holland": set(ITEMS),
    "flevoland": set(ITEMS),
    "limburg": set(ITEMS) - {"indicator"},
    "overijssel": set(ITEMS) - {"indicator"},
    "fryslan": set(ITEMS) - {"indicator"},
    "zuid-holland": set(ITEMS) - {"amounts"},
    "groningen": {"programme", "indicator", "text"},
    "zeeland": {"programme", "amounts"},
    "utrecht": {"programme", "amounts"},
    "noord-brabant": {"programme", "amounts"},
}
"""What each sample holds of the five items. An item missing here is one the stored pages of
the province do not show (STRUCTURES.md says which and why): Limburg's indicators are "in
ontwikkeling" without values, Overijssel's kengetallen and Fryslân's BBV indicators have no
targets, Zuid-Holland's Voortgang scores are pictures, and so on."""

SPOT = {
    "noord-holland": ("1.1.1", Flow.LASTEN, BudgetColumn.GEREALISEERD, 2017, "8.047"),
    "zeeland": ("020103", Flow.LASTEN, BudgetColumn.PRIMITIEF, 2022, "9.343"),
    "fryslan": ("1.5", Flow.LASTEN, BudgetColumn.PRIMITIEF, 2022, "12.935"),
    "overijssel": ("7.3", Flow.LASTEN, BudgetColumn.PRIMITIEF, 2018, "6.537"),
    "utrecht": ("2", Flow.LASTEN, BudgetColumn.WIJZIGING, 2019, "-38.906"),
    "limburg": ("1.3.1", Flow.LASTEN, BudgetColumn.WIJZIGING, 2024, "28.892"),
    "noord-brabant": ("1", Flow.LASTEN, BudgetColumn.PRIMITIEF, 2019, "13.141"),
    "flevoland": ("8.1.1", Flow.LASTEN, BudgetColumn.GEREALISEERD, 2018, "688"),
}
"""One transcribed amount per sample with amounts: the owner's code, flow, column and year,
and the figure as its transcription prints it."""

SPOT_REALISED = {
    "zuid-holland": ("1", "Opkomst verkiezingen", "55%"),
    "groningen": ("7.1.", "Opkomstcijfers verkiezingen Provinciale Staten", "62,5%"),
}
"""One transcribed realised value per sample without amounts: the owner's code, the start of
the indicator's name, and the value as printed."""


def _key(owner: AmountOwner) -> str:
    item = owner.item
    return str(item.number) if isinstance(item, Programme) else str(item.code)


def _node(budget: Budget, key: str) -> AmountOwner:
    return next(owner for owner in budget.amount_owners() if _key(owner) == key)


def _items(budget: Budget, name: str) -> set[str]:
    owners = list(budget.amount_owners())
    held = set()
    if len(budget.levels) >= 2 and any(p.objectives for p in budget.programmes):
        held.add("programme")
    indicators = [i for o in owners for i in o.item.indicators]
    if any(i.targets and i.realised for i in indicators):
        held.add("indicator")
    if name in TEXT:
        key, heading = TEXT[name]
        sections = _node(budget, key).item.sections
        if any(s.heading == heading and s.text.strip() for s in sections):
            held.add("text")
    statuses = [o.item.status for o in owners] + [i.status for i in indicators]
    if any(status is not None for status in statuses):
        held.add("status")
    if any(o.item.amounts for o in owners):
        held.add("amounts")
    return held


def test_samples_are_listed_with_what_they_hold() -> None:
    assert set(HOLDS) == set(SAMPLES)
    assert set(SPOT) | set(SPOT_REALISED) == set(SAMPLES)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_sample_holds_the_items_its_province_prints(name: str) -> None:
    """Of the five items of an excerpt, each sample holds those its province's stored pages
    show: a programme with its levels, a goal whose indicator has a target and a realised
    value, a prestatie's text, a status and the amounts of a table."""
    assert _items(SAMPLES[name](), name) == HOLDS[name]


def test_samples_holding_all_five_items() -> None:
    complete = sorted(name for name, held in HOLDS.items() if held == set(ITEMS))
    assert complete == ["flevoland", "noord-holland"]


@pytest.mark.parametrize("name", sorted(SPOT))
def test_a_transcribed_amount_is_in_the_sample_as_printed(name: str) -> None:
    """The figure stands in the province's transcription, and the sample holds it."""
    key, flow, column, year, printed = SPOT[name]
    transcription = (PROVINCES / f"{name}.md").read_text(encoding="utf-8")
    assert printed in transcription
    values = [
        a.value
        for a in _node(SAMPLES[name](), key).item.amounts
        if (a.flow, a.column, a.year) == (flow, column, year)
    ]
    assert BUILD.number(printed) in values


@pytest.mark.parametrize("name", sorted(SPOT_REALISED))
def test_a_transcribed_realised_value_is_in_the_sample_as_printed(name: str) -> None:
    key, indicator, printed = SPOT_REALISED[name]
    transcription = (PROVINCES / f"{name}.md").read_text(encoding="utf-8")
    assert printed in transcription
    indicators = _node(SAMPLES[name](), key).item.indicators
    realised = [m.text for i in indicators if i.name.startswith(indicator) for m in i.realised]
    assert printed in realised


def test_an_unknown_role_is_kept_as_printed_and_flagged_by_check() -> None:
    budget = SAMPLES["overijssel"]()
    prestatie = budget.prestatie("10.1.1")

    changed = attrs.evolve(prestatie, roles=("partner", "faciliteerder"))
    assert changed.roles == ("partner", Role.FACILITEERDER)
    edited = attrs.evolve(
        budget,
        programmes=tuple(
            attrs.evolve(
                p,
                objectives=tuple(
                    attrs.evolve(o, prestaties=tuple(changed for _ in o.prestaties))
                    if any(s.code == prestatie.code for s in o.prestaties)
                    else o
                    for o in p.objectives
                ),
            )
            for p in budget.programmes
        ),
    )
    problems = check_budget(edited)
    assert [p.message for p in problems if "partner" in p.message]
    assert from_json(to_json(edited)) == edited

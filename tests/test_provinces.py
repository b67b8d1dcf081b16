"""The province samples in examples/data/provinces: each is what its build script makes from
the transcriptions, reads, checks clean, round-trips through JSON, the workbook and
LibreOffice, and is summarised with its own level names."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import attrs
import pytest

from conftest import EXAMPLES, run_python
from libreoffice import needs_soffice, soffice
from prestatie import (
    Budget,
    CodeScheme,
    Role,
    check_budget,
    from_json,
    read_budget,
    read_workbook,
    to_json,
    write_workbook,
)

PROVINCES = EXAMPLES / "data" / "provinces"


def _build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_provinces", PROVINCES / "build.py")
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SAMPLES: dict[str, Callable[[], Budget]] = _build_script().SAMPLES


def test_at_least_eight_provinces_have_a_sample_and_a_transcription() -> None:
    assert len(SAMPLES) >= 8
    for name in SAMPLES:
        assert (PROVINCES / f"{name}.md").is_file(), name


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_committed_sample_is_what_the_build_script_makes(name: str) -> None:
    """examples/data/provinces/NAME.json holds the budget build.py makes from NAME.md."""
    assert read_budget(PROVINCES / f"{name}.json") == SAMPLES[name]()


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

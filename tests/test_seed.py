"""The seed page, prestatie 7.2.3 of Begroting 2017, as built by examples/prestatie_7_2_3.py."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from conftest import EXAMPLES, run_python
from prestatie import (
    Budget,
    Code,
    DocumentKind,
    DurationKind,
    Role,
    Target,
    TargetKind,
    Unit,
    from_json,
)

SCRIPT = EXAMPLES / "prestatie_7_2_3.py"


def _assert_seed_facts(budget: Budget) -> None:
    assert (budget.province, budget.year, budget.kind) == (
        "Overijssel",
        2017,
        DocumentKind.BEGROTING,
    )
    assert budget.title == "Begroting 2017"
    assert budget.unit is Unit.THOUSAND
    (programme,) = budget.programmes
    assert programme.number == 7
    assert programme.name == "Kwaliteit openbaar bestuur"
    assert programme.ambition is not None
    assert programme.ambition.text == (
        "Het vertrouwen van de samenleving in Overijssel in het openbaar bestuur neemt toe of"
        " blijft minimaal gelijk."
    )
    direction = programme.ambition.target
    assert direction is not None
    assert direction.kind is TargetKind.RELATIVE
    assert (direction.lower, direction.lower_inclusive, direction.upper) == (Decimal(0), True, None)

    item = budget.prestatie("7.2.3")
    assert item.code == Code("7.2.3")
    assert item.title == "Kennisontwikkeling en -deling"
    assert item.introduction.startswith("Het is van belang dat de overheid goed is aangesloten")
    assert item.context.startswith("Veranderende verhoudingen tussen overheid en samenleving")
    assert [action.number for action in item.actions] == [1, 2, 3, 4, 5, 6]
    assert item.actions[0].text.startswith("Wij ontwikkelen in samenwerking met ProDemos")
    assert item.actions[5].text.startswith("Wij organiseren workshops")

    def bounds(target: Target) -> tuple[str, Decimal | None, Decimal | None]:
        return (target.unit, target.lower, target.upper)

    targets = [bounds(target) for action in item.actions for target in action.targets]
    assert targets == [
        ("democratiespelen", None, Decimal(50)),
        ("spelen op andere locaties", None, Decimal(30)),
        ("gastlessen", None, Decimal(40)),
        ("adviezen", Decimal(2), None),
    ]
    assert item.actions[4].references == (Code("7.2.2"),)
    assert all(not action.references for action in item.actions if action.number != 5)

    assert item.portfolio_holders == ("Ank Bijleveld-Schouten",)
    assert item.roles == (Role.FACILITEERDER,)
    assert item.role_text == "Wij zijn faciliteerder."
    assert item.duration is not None
    assert item.duration.kind is DurationKind.NIET_STRUCTUREEL
    assert item.duration.end_year is None

    link = item.reserve_link
    assert link.related is True
    assert link.reserve == "Ecologische Hoofdstructuur/Kwaliteit van Overijssel"
    (proposal_link,) = link.proposals
    assert proposal_link.ps_number == "PS/2016/344"
    assert [str(code) for code in proposal_link.related] == [
        "7.1.1",
        "7.1.2",
        "7.1.3",
        "7.1.6",
        "7.3.1",
        "7.3.2",
        "7.3.4",
    ]
    (proposal,) = budget.proposals
    assert (proposal.name, proposal.ps_number, proposal.year) == (
        "Kwaliteit Openbaar Bestuur",
        "PS/2016/344",
        2016,
    )
    assert item.amounts == ()  # the page's "Prestatie lasten" table lost its numbers


def test_seed_script_writes_json_carrying_every_fact_of_the_page(tmp_path: Path) -> None:
    out = tmp_path / "seed.json"
    result = run_python(SCRIPT, out)
    assert result.returncode == 0, result.stderr
    _assert_seed_facts(from_json(out.read_text(encoding="utf-8")))


def test_seed_budget_fixture_carries_every_fact(seed_budget: Budget) -> None:
    _assert_seed_facts(seed_budget)


def test_seed_script_prints_a_readable_dutch_summary() -> None:
    result = run_python(SCRIPT)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Prestatie 7.2.3 Kennisontwikkeling en -deling" in out
    assert "Verantwoordelijke portefeuillehouder: Ank Bijleveld-Schouten" in out
    assert "Rol provincie: faciliteerder" in out
    assert "Looptijd prestatie: niet structureel" in out
    assert (
        "PS/2016/344: gerelateerde prestaties 7.1.1, 7.1.2, 7.1.3, 7.1.6, 7.3.1, 7.3.2, 7.3.4"
        in out
    )


def test_seed_script_refuses_an_unknown_output_type(tmp_path: Path) -> None:
    result = run_python(SCRIPT, tmp_path / "seed.txt")
    assert result.returncode == 2
    assert "expected a file name ending in .json or .xlsx" in result.stderr
    assert "Traceback" not in result.stderr

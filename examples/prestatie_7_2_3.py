"""Prestatie 7.2.3 Kennisontwikkeling en -deling, from Begroting 2017 of Overijssel.

Run with no argument to print a summary; with OUT.json to write the budget as JSON; with
OUT.xlsx to write the budget workbook.
"""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal
from pathlib import Path

from prestatie import (
    Action,
    Ambition,
    Budget,
    DocumentKind,
    Duration,
    DurationKind,
    InvestmentProposal,
    Objective,
    Prestatie,
    Programme,
    ProposalLink,
    Reserve,
    ReserveLink,
    Role,
    Target,
    TargetKind,
    Unit,
)

RESERVE = "Ecologische Hoofdstructuur/Kwaliteit van Overijssel"
PROPOSAL = "PS/2016/344"
RELATED = ("7.1.1", "7.1.2", "7.1.3", "7.1.6", "7.3.1", "7.3.2", "7.3.4")

ACTIONS = (
    "Wij ontwikkelen in samenwerking met ProDemos en gemeenten 'Overijssel doet mee!' verder. "
    "Door in te zetten op andere doelgroepen. Door te verkennen hoe we de dialoog met inwoners "
    "kunnen aangaan om betrokkenheid bij besluitvorming te vergroten. En door te verkennen of "
    "we met partners lokale praktijkcases (participatiewerkplaatsen) kunnen begeleiden. "
    "Afhankelijk van het animo hiervoor organiseren wij maximaal 50 democratiespelen, 30 spelen "
    "op andere locaties en 40 gastlessen op scholen en enkele debatbijeenkomsten (zoals het "
    "Provinciaal Jeugddebat).",
    "Wij ondersteunen het initiatief van het ministerie van Binnenlandse Zaken en "
    "Koninkrijksrelaties en ProDemos om richting gemeenten inwoners via een training te "
    "informeren over en te interesseren voor het politiek actief worden.",
    "'Overijssel doet mee!' verkent met politici, ambtenaren en inwoners hoe we de dialoog aan "
    "kunnen gaan zodat inwoners meer betrokken kunnen worden bij de besluitvorming van beleid.",
    "Onder onze begeleiding brengt de Jongerenraad (gevraagd en ongevraagd) in elk geval twee "
    "adviezen uit over onderwerpen met betrekking tot de kerntaken van de provincie. Wij zetten "
    "ons in om de Jongerenraad te laten doorontwikkelen tot een succesvol jongerennetwerk in "
    "Overijssel.",
    "Wij ontwikkelen platform Jij&Overijssel verder door dit te benutten voor alternatieve "
    "participatietrajecten, zoals crowdfunding en crowdsourcing (prestatie 7.2.2).",
    "Wij organiseren workshops, exposities en lezingen over actualiteiten in het openbaar "
    "bestuur. We organiseren samen met Hedon een foto-tentoonstelling over democratie en samen "
    "met de regio Zwolle een bijeenkomst over het betrekken van gemeenteraadsleden bij de "
    "regionale samenwerking.",
)

INTRODUCTION = (
    "Het is van belang dat de overheid goed is aangesloten op de ontwikkelingen in de "
    "samenleving. Een overheid die dichtbij en benaderbaar is, die net zo goed kan luisteren "
    "als initiëren. Deze prestatie stelt de ontwikkeling van kennis en het delen hiervan met "
    "onze partners centraal. Door interactie met onze partners delen we kennis en geven we "
    "invulling aan de beleidsbeïnvloedende rol van deze partners waarmee we de democratie "
    "verbeteren."
)

CONTEXT = (
    "Veranderende verhoudingen tussen overheid en samenleving noodzaken ons expliciet aandacht "
    "te besteden aan nieuwe vormen van samenwerking en initiatieven van de samenleving. "
    "Overheden zoeken naar manieren om beleid meer interactief vorm te geven. We investeren "
    "daarom in het gezamenlijk opbouwen, vergaren en verspreiden van kennis over ontwikkelingen "
    "in het openbaar bestuur en de democratie."
)

AMBITION = (
    "Het vertrouwen van de samenleving in Overijssel in het openbaar bestuur neemt toe of "
    "blijft minimaal gelijk."
)


def _at_most(value: int, unit: str, text: str) -> Target:
    return Target(unit=unit, upper=Decimal(value), text=text)


def _targets(number: int) -> tuple[Target, ...]:
    if number == 1:
        return (
            _at_most(50, "democratiespelen", "maximaal 50 democratiespelen"),
            _at_most(30, "spelen op andere locaties", "30 spelen op andere locaties"),
            _at_most(40, "gastlessen", "40 gastlessen"),
        )
    if number == 4:
        return (Target(unit="adviezen", lower=Decimal(2), text="in elk geval twee adviezen"),)
    return ()


def build_budget() -> Budget:
    """Begroting 2017 with programme 7 and prestatie 7.2.3 as the seed page prints them."""
    actions = tuple(
        Action(
            number=number,
            text=text,
            targets=_targets(number),
            references=("7.2.2",) if number == 5 else (),
        )
        for number, text in enumerate(ACTIONS, start=1)
    )
    prestatie_7_2_3 = Prestatie(
        code="7.2.3",
        title="Kennisontwikkeling en -deling",
        introduction=INTRODUCTION,
        context=CONTEXT,
        actions=actions,
        portfolio_holders=("Ank Bijleveld-Schouten",),
        roles=(Role.FACILITEERDER,),
        role_text="Wij zijn faciliteerder.",
        duration=Duration(kind=DurationKind.NIET_STRUCTUREEL, text="Niet structureel."),
        reserve_link=ReserveLink(
            related=True,
            reserve=RESERVE,
            proposals=(
                ProposalLink(
                    ps_number=PROPOSAL,
                    related=RELATED,
                    text="Het investeringsvoorstel Kwaliteit Openbaar Bestuur is in 2016 door "
                    "Provinciale Staten aangenomen (PS/2016/344). Deze prestatie heeft een "
                    "relatie met de andere prestaties uit het investeringsvoorstel: 7.1.1, "
                    "7.1.2, 7.1.3, 7.1.6, 7.3.1, 7.3.2, 7.3.4.",
                ),
            ),
        ),
    )
    ambition = Ambition(
        text=AMBITION,
        target=Target(
            unit="vertrouwen in het openbaar bestuur",
            kind=TargetKind.RELATIVE,
            lower=Decimal(0),
            text="neemt toe of blijft minimaal gelijk",
        ),
    )
    return Budget(
        province="Overijssel",
        year=2017,
        kind=DocumentKind.BEGROTING,
        unit=Unit.THOUSAND,
        title="Begroting 2017",
        programmes=(
            Programme(
                number=7,
                name="Kwaliteit openbaar bestuur",
                ambition=ambition,
                objectives=(
                    Objective(
                        code="7.2",
                        title="",
                        prestaties=(prestatie_7_2_3,),
                    ),
                ),
            ),
        ),
        reserves=(Reserve(name=RESERVE),),
        proposals=(
            InvestmentProposal(
                name="Kwaliteit Openbaar Bestuur",
                ps_number=PROPOSAL,
                year=2016,
                reserve=RESERVE,
            ),
        ),
        notes="Prestatie 7.2.3 zoals afgedrukt in Begroting 2017. De pagina geeft geen bedragen"
        " en geen titel van beleidsdoel 7.2.",
        complete=False,
    )


def summary(budget: Budget) -> str:
    """A readable summary of the seed prestatie."""
    programme = budget.programmes[0]
    item = budget.prestatie("7.2.3")
    link = item.reserve_link
    lines = [
        f"{budget.title} — provincie {budget.province}",
        f"Kerntaak {programme.number}. {programme.name}",
        f"  Ambitie: {programme.ambition.text if programme.ambition else '-'}",
        f"Prestatie {item.code} {item.title}",
        f"  Acties: {len(item.actions)}",
    ]
    for action in item.actions:
        targets = "; ".join(target.text for target in action.targets)
        lines.append(
            f"    {action.number}. {action.text[:70]}…" + (f" [{targets}]" if targets else "")
        )
    lines += [
        f"  Verantwoordelijke portefeuillehouder: {', '.join(item.portfolio_holders)}",
        f"  Rol provincie: {', '.join(role.value for role in item.roles)}",
        f"  Looptijd prestatie: {item.duration.kind.value if item.duration else '-'}",
        f"  Relatie met reserve: {'ja' if link.related else 'nee'} ({link.reserve})",
    ]
    for proposal_link in link.proposals:
        related = ", ".join(str(code) for code in proposal_link.related)
        lines.append(f"    {proposal_link.ps_number}: gerelateerde prestaties {related}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path, help="the .json or .xlsx to write")
    parser.add_argument("--force", action="store_true", help="replace OUT if it exists")
    args = parser.parse_args(argv)
    # Here, not above: build_budget is also imported from where _example is not on the path.
    import _example
    from _example import _

    _example.start()
    budget = build_budget()
    if args.out is None:
        print(summary(budget))
        return 0
    out: Path = args.out
    if out.suffix not in (".json", ".xlsx"):
        _example.say(_("{out}: expected a file name ending in .json or .xlsx").format(out=out))
        return 2
    failed = _example.write(budget, out, force=args.force)
    if failed:
        return failed
    print(_("{out} written").format(out=out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

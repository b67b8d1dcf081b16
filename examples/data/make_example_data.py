"""Build the example budget of Overijssel that the examples and the README use.

    python examples/data/make_example_data.py [FOLDER]

writes, by default next to this script:

- begroting-2017.json / .xlsx: Begroting 2017, four kerntaken, 2017-2020;
- begroting-2018.json / .xlsx: Begroting 2018, the next version: a prestatie vervallen, two
  new, changed titles, roles, durations, targets, reserve links and amounts;
- monitor-2017-2.json / .xlsx: Monitor 2017-II, with changes, realised amounts, realised
  values against the targets and a status per prestatie.

Real where shared knowledge of the published budgets gives it: kerntaak 7 with its ambition,
beleidsdoel 7.1, prestatie 7.2.3 (the seed page, examples/prestatie_7_2_3.py), the group of
investment proposal PS/2016/344, the Pact van Twickel proposal, kerntaak 20 and the Algemene
uitkeringen of Begroting 2017, and the 2018 lasten of kerntaak 7 per beleidsdoel as adopted
(Monitor 2018-II, column Primitief). Every other title and figure is invented, and each budget
says so in its `notes`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path

import attrs

import prestatie
from prestatie import (
    Action,
    Amount,
    Budget,
    BudgetChange,
    BudgetColumn,
    Continuity,
    DocumentKind,
    Duration,
    DurationKind,
    Flow,
    Indicator,
    InvestmentProposal,
    Measurement,
    MonitorStatus,
    Nature,
    Objective,
    Prestatie,
    Programme,
    ProposalLink,
    ReserveLink,
    Role,
    Score,
    Target,
)

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
import _example  # noqa: E402  (the examples' shared module and the seed page live one folder up)
import prestatie_7_2_3 as seed  # noqa: E402

RESERVE = seed.RESERVE
KOB = seed.PROPOSAL
"""Investeringsvoorstel Kwaliteit Openbaar Bestuur, PS/2016/344."""
TWICKEL = "PS/2012/89"
"""Investeringsbesluit gebiedsprogramma Pact van Twickel."""

STR, INC = Nature.STRUCTUREEL, Nature.INCIDENTEEL
STRUCTUREEL = Duration(kind=DurationKind.STRUCTUREEL, text="Structureel.")

NOTES = {
    2017: (
        "Voorbeeldbegroting. Echt (uit de gepubliceerde stukken van Overijssel): kerntaak 7"
        " met zijn ambitie, de titel van beleidsdoel 7.1, prestatie 7.2.3 (Begroting 2017),"
        " de groep prestaties van investeringsvoorstel PS/2016/344, het Pact van Twickel"
        " (PS/2012/89, PS/2013/830, € 3,75 miljoen), kerntaak 20 en de Algemene uitkeringen"
        " 2017-2020. Alle andere titels, teksten en bedragen zijn verzonnen."
    ),
    2018: (
        "Voorbeeldbegroting. Echt (uit de gepubliceerde stukken van Overijssel): kerntaak 7"
        " met zijn ambitie, de titel van beleidsdoel 7.1, prestatie 7.2.3, de groep prestaties"
        " van investeringsvoorstel PS/2016/344, het Pact van Twickel (PS/2012/89, PS/2013/830,"
        " € 3,75 miljoen), kerntaak 20, en de lasten 2018 van kerntaak 7 per beleidsdoel en"
        " de personeelsgebonden kosten (primitieve begroting volgens Monitor 2018-II). Alle"
        " andere titels, teksten en bedragen, ook de verdeling over prestaties, zijn verzonnen."
    ),
    "monitor": (
        "Voorbeeldmonitor bij de voorbeeldbegroting 2017. Titels zoals in die begroting; alle"
        " wijzigingen, realisaties, gemeten waarden en statussen zijn verzonnen."
    ),
}


def amounts(
    flow: Flow,
    nature: Nature,
    first_year: int,
    values: Sequence[int],
    column: BudgetColumn = BudgetColumn.PRIMITIEF,
) -> tuple[Amount, ...]:
    """One amount per year from `first_year` on; a year without money is left out."""
    return tuple(
        Amount(flow=flow, column=column, nature=nature, year=year, value=value)
        for year, value in enumerate(values, start=first_year)
        if value
    )


def lasten(nature: Nature, first_year: int, *values: int) -> tuple[Amount, ...]:
    return amounts(Flow.LASTEN, nature, first_year, values)


def baten(nature: Nature, first_year: int, *values: int) -> tuple[Amount, ...]:
    return amounts(Flow.BATEN, nature, first_year, values)


def until(year: int) -> Duration:
    return Duration(
        kind=DurationKind.NIET_STRUCTUREEL,
        end_year=year,
        text=f"Niet structureel. Eindigt naar verwachting in {year}.",
    )


def group_link(code: str, group: Iterable[str]) -> ReserveLink:
    """The reserve link of a member of the Kwaliteit Openbaar Bestuur group, in the words of
    the seed page."""
    others = [other for other in group if other != code]
    return ReserveLink(
        related=True,
        reserve=RESERVE,
        proposals=(
            ProposalLink(
                ps_number=KOB,
                related=tuple(others),
                text="Het investeringsvoorstel Kwaliteit Openbaar Bestuur is in 2016 door"
                " Provinciale Staten aangenomen (PS/2016/344). Deze prestatie heeft een relatie"
                " met de andere prestaties uit het investeringsvoorstel: "
                + ", ".join(others)
                + ".",
            ),
        ),
    )


def twickel_link(code: str) -> ReserveLink:
    other = "5.1.2" if code == "5.1.1" else "5.1.1"
    return ReserveLink(
        related=True,
        reserve=RESERVE,
        proposals=(
            ProposalLink(
                ps_number=TWICKEL,
                related=(other,),
                text="Investeringsbesluit gebiedsprogramma Pact van Twickel (PS/2012/89),"
                f" gewijzigd bij PS/2013/830. Relatie met prestatie {other}.",
            ),
        ),
    )


def action(number: int, text: str, *targets: Target, references: Sequence[str] = ()) -> Action:
    return Action(number=number, text=text, targets=targets, references=tuple(references))


KOB_GROUP_2017 = ("7.1.1", "7.1.2", "7.1.3", "7.1.6", "7.2.3", "7.3.1", "7.3.2", "7.3.4")
KOB_GROUP_2018 = tuple(code for code in KOB_GROUP_2017 if code != "7.3.2")


def prestaties_2017() -> dict[str, Prestatie]:
    """The prestaties of Begroting 2017 without amounts, by code."""
    seed_7_2_3 = seed.build_budget().prestatie("7.2.3")
    items = [
        Prestatie(
            code="3.1.1",
            title="Beheer en onderhoud van provinciale wegen en vaarwegen",
            introduction="Wij houden onze wegen, fietspaden en vaarwegen veilig en goed"
            " berijdbaar.",
            actions=(
                action(
                    1,
                    "Wij onderhouden de provinciale wegen zo dat ten minste 95% in goede staat is.",
                    Target.at_least(95, "% wegen in goede staat", text="ten minste 95%"),
                ),
                action(
                    2,
                    "Wij vervangen maximaal 12 bruggen en viaducten.",
                    Target.at_most(12, "bruggen en viaducten", text="maximaal 12 bruggen"),
                ),
            ),
            portfolio_holders=("Bert Boerman",),
            roles=(Role.WEGBEHEERDER,),
            role_text="Wij zijn wegbeheerder.",
            duration=STRUCTUREEL,
        ),
        Prestatie(
            code="3.1.2",
            title="Verkeersveiligheid",
            actions=(
                action(
                    1,
                    "Wij ondersteunen ten minste 20 gemeenten bij verkeerseducatie.",
                    Target.at_least(20, "gemeenten", text="ten minste 20 gemeenten"),
                ),
            ),
            portfolio_holders=("Bert Boerman",),
            roles=(Role.FACILITEERDER, Role.UITVOERDER),
            role_text="Wij zijn faciliteerder en uitvoerder.",
            duration=until(2019),
        ),
        Prestatie(
            code="3.2.1",
            title="Regionaal openbaar vervoer",
            actions=(
                action(
                    1,
                    "Wij besteden de concessie voor het busvervoer in Twente aan.",
                ),
                action(
                    2,
                    "Wij openen in elk geval 4 nieuwe transferia.",
                    Target.at_least(4, "transferia", text="in elk geval 4 nieuwe transferia"),
                ),
            ),
            portfolio_holders=("Bert Boerman",),
            roles=(Role.REGISSEUR, Role.INVESTEERDER),
            role_text="Wij zijn regisseur en investeerder.",
            duration=STRUCTUREEL,
        ),
        Prestatie(
            code="5.1.1",
            title="Gebiedsontwikkeling",
            actions=(
                action(
                    1,
                    "Wij werken met gemeenten, waterschappen en terreinbeheerders aan"
                    " gebiedsprocessen voor ten minste 1.500 hectare.",
                    Target.at_least(1500, "hectare", text="ten minste 1.500 hectare"),
                    references=("5.1.2",),
                ),
            ),
            portfolio_holders=("Hester Maij",),
            roles=(
                Role.REGISSEUR,
                Role.INVESTEERDER,
                Role.FACILITEERDER,
                Role.BELANGENASSEMBLEUR,
                Role.BEINVLOEDER,
            ),
            role_text="Wij zijn regisseur, investeerder, faciliteerder, belangenassembleur en"
            " beïnvloeder.",
            duration=until(2020),
            reserve_link=twickel_link("5.1.1"),
        ),
        Prestatie(
            code="5.1.2",
            title="Gebiedsprogramma Pact van Twickel",
            actions=(
                action(
                    1,
                    "Wij voeren samen met de partners van het Pact van Twickel het"
                    " gebiedsprogramma uit.",
                    Target.qualitative("het gebiedsprogramma uitvoeren"),
                ),
            ),
            portfolio_holders=("Hester Maij",),
            roles=(Role.INVESTEERDER,),
            role_text="Wij zijn investeerder.",
            duration=until(2019),
            reserve_link=twickel_link("5.1.2"),
        ),
        Prestatie(
            code="7.1.1",
            title="Toezicht op gemeenten en waterschappen",
            actions=(
                action(
                    1,
                    "Wij beoordelen de begrotingen en jaarrekeningen van alle 25 gemeenten.",
                    Target.exactly(25, "gemeenten", text="alle 25 gemeenten"),
                ),
            ),
            portfolio_holders=("Ank Bijleveld-Schouten",),
            roles=(Role.TOEZICHTHOUDER,),
            role_text="Wij hebben de wettelijke rol van toezichthouder.",
            duration=STRUCTUREEL,
            reserve_link=group_link("7.1.1", KOB_GROUP_2017),
        ),
        Prestatie(
            code="7.1.2",
            title="Regionale samenwerking",
            actions=(action(1, "Wij ondersteunen de samenwerking in de regio's."),),
            portfolio_holders=("Ank Bijleveld-Schouten",),
            roles=(Role.REGISSEUR,),
            role_text="Wij zijn regisseur.",
            duration=until(2019),
            reserve_link=group_link("7.1.2", KOB_GROUP_2017),
        ),
        Prestatie(
            code="7.1.3",
            title="Kwaliteit van het lokaal bestuur",
            actions=(
                action(
                    1,
                    "Wij organiseren minimaal 6 bijeenkomsten voor raadsleden.",
                    Target.at_least(6, "bijeenkomsten", text="minimaal 6 bijeenkomsten"),
                ),
            ),
            portfolio_holders=("Ank Bijleveld-Schouten",),
            roles=(Role.FACILITEERDER,),
            role_text="Wij zijn faciliteerder.",
            duration=until(2019),
            reserve_link=group_link("7.1.3", KOB_GROUP_2017),
        ),
        Prestatie(
            code="7.1.6",
            title="Integriteit en weerbaarheid van het bestuur",
            actions=(
                action(
                    1,
                    "Wij geven in elk geval 10 trainingen weerbaarheid aan bestuurders.",
                    Target.at_least(10, "trainingen", text="in elk geval 10 trainingen"),
                ),
            ),
            portfolio_holders=("Ank Bijleveld-Schouten",),
            roles=(Role.FACILITEERDER,),
            role_text="Wij zijn faciliteerder.",
            duration=until(2019),
            reserve_link=group_link("7.1.6", KOB_GROUP_2017),
        ),
        Prestatie(
            code="7.2.2",
            title="Participatie",
            actions=(
                action(
                    1,
                    "Wij ondersteunen initiatieven van inwoners via het platform Jij&Overijssel.",
                    Target.qualitative("initiatieven van inwoners ondersteunen"),
                ),
                action(
                    2,
                    "Het aantal bezoekers van Jij&Overijssel neemt toe.",
                    Target(
                        unit="bezoekers",
                        kind=prestatie.TargetKind.RELATIVE,
                        lower=Decimal(0),
                        lower_inclusive=False,
                        text="neemt toe",
                    ),
                ),
            ),
            portfolio_holders=("Ank Bijleveld-Schouten",),
            roles=(Role.FACILITEERDER,),
            role_text="Wij zijn faciliteerder.",
            duration=STRUCTUREEL,
        ),
        seed_7_2_3,
        Prestatie(
            code="7.3.1",
            title="Samenwerking met Rijk en Europa",
            actions=(
                action(1, "Wij behartigen de belangen van Overijssel in Den Haag en Brussel."),
            ),
            portfolio_holders=("Ank Bijleveld-Schouten",),
            roles=(Role.BELANGENASSEMBLEUR, Role.BEINVLOEDER),
            role_text="Wij zijn belangenassembleur en beïnvloeder.",
            duration=STRUCTUREEL,
            reserve_link=group_link("7.3.1", KOB_GROUP_2017),
        ),
        Prestatie(
            code="7.3.2",
            title="Grensoverschrijdende samenwerking",
            actions=(
                action(
                    1,
                    "Wij starten ten minste 3 projecten met Duitse partners.",
                    Target.at_least(3, "projecten", text="ten minste 3 projecten"),
                ),
            ),
            portfolio_holders=("Ank Bijleveld-Schouten",),
            roles=(Role.BEINVLOEDER,),
            role_text="Wij zijn beïnvloeder.",
            duration=until(2019),
            reserve_link=group_link("7.3.2", KOB_GROUP_2017),
        ),
        Prestatie(
            code="7.3.4",
            title="Digitale overheid",
            actions=(
                action(
                    1,
                    "Wij bieden minimaal 80% van onze diensten digitaal aan.",
                    Target.at_least(80, "% diensten digitaal", text="minimaal 80%"),
                ),
            ),
            portfolio_holders=("Ank Bijleveld-Schouten",),
            roles=(Role.UITVOERDER,),
            role_text="Wij zijn uitvoerder.",
            duration=until(2019),
            reserve_link=group_link("7.3.4", KOB_GROUP_2017),
        ),
    ]
    return {str(item.code): item for item in items}


LASTEN_2017: dict[str, tuple[Nature, tuple[int, ...]]] = {
    "3.1.1": (STR, (38_450, 38_900, 39_350, 39_350)),
    "3.1.2": (INC, (2_400, 2_400, 1_200)),
    "3.2.1": (STR, (61_200, 61_800, 62_400, 62_400)),
    "5.1.1": (INC, (4_800, 4_200, 3_100, 2_000)),
    "5.1.2": (INC, (1_250, 1_250, 750)),
    "7.1.1": (STR, (210, 210, 210, 210)),
    "7.1.2": (INC, (150, 150, 150)),
    "7.1.3": (INC, (285, 285, 200)),
    "7.1.6": (INC, (135, 135, 100)),
    "7.2.2": (STR, (620, 620, 620, 620)),
    "7.2.3": (INC, (770, 770, 500)),
    "7.3.1": (STR, (4_050, 4_050, 4_050, 4_050)),
    "7.3.2": (INC, (1_600, 1_600, 800)),
    "7.3.4": (INC, (750, 750, 400)),
}
"""Invented lasten of Begroting 2017, x € 1.000, from 2017 on."""

LASTEN_2018: dict[str, tuple[Nature, tuple[int, ...]]] = {
    "3.1.1": (STR, (39_100, 39_550, 39_550, 39_800)),
    "3.2.1": (STR, (62_000, 62_600, 62_600, 63_100)),
    "3.2.2": (INC, (1_500, 2_500, 2_500, 1_000)),
    "5.1.1": (INC, (4_400, 3_300, 2_100)),
    "5.1.2": (INC, (1_250, 750)),
    # Kerntaak 7 in 2018 adds up per beleidsdoel to the published Primitief: 815, 1.823, 6.537.
    "7.1.1": (STR, (210, 215, 215, 215)),
    "7.1.2": (INC, (170, 150)),
    "7.1.3": (INC, (300, 250, 100)),
    "7.1.6": (INC, (135, 100)),
    "7.2.2": (STR, (640, 640, 640, 640)),
    "7.2.3": (INC, (783, 500, 250)),
    "7.2.4": (INC, (400, 400)),
    "7.3.1": (STR, (4_120, 4_120, 4_120, 4_120)),
    "7.3.2": (INC, (1_650, 800)),
    "7.3.4": (INC, (767, 600, 300)),
}
"""Lasten of Begroting 2018, x € 1.000, from 2018 on; invented but for the 2018 sums of
kerntaak 7."""


def with_amounts(
    items: dict[str, Prestatie],
    table: dict[str, tuple[Nature, tuple[int, ...]]],
    first: int,
    ov_baten: int,
) -> dict[str, Prestatie]:
    """The prestaties with their lasten from `table`; 3.2.1 also has baten (fares)."""
    result = {}
    for code, item in items.items():
        nature, values = table[code]
        extra = baten(STR, first, *(ov_baten,) * 4) if code == "3.2.1" else ()
        result[code] = attrs.evolve(item, amounts=lasten(nature, first, *values) + extra)
    return result


def kerntaken(
    items: dict[str, Prestatie],
    first: int,
    personeel: tuple[int, ...],
    algemene_uitkeringen: tuple[int, ...],
    indicator_targets: dict[str, tuple[Target, ...]],
) -> tuple[Programme, ...]:
    """The four kerntaken around the prestaties, with amounts from `first` on."""

    def under(objective: str) -> tuple[Prestatie, ...]:
        return tuple(
            item for code, item in sorted(items.items()) if code.rsplit(".", 1)[0] == objective
        )

    return (
        Programme(
            number=3,
            name="Regionale bereikbaarheid",
            ambition=prestatie.Ambition(
                text="Overijssel is goed en veilig bereikbaar, over de weg, het water en het spoor."
            ),
            objectives=(
                Objective(code="3.1", title="Een goed en veilig wegennet", prestaties=under("3.1")),
                Objective(
                    code="3.2",
                    title="Goed openbaar vervoer",
                    indicators=(
                        Indicator(
                            name="Reizigerswaardering regionaal openbaar vervoer",
                            unit="rapportcijfer",
                            baseline=Decimal("7.6"),
                            baseline_year=2016,
                            targets=indicator_targets["3.2"],
                            source="OV-klantenbarometer",
                        ),
                    ),
                    prestaties=under("3.2"),
                ),
            ),
        ),
        Programme(
            number=5,
            name="Vitaal platteland",
            objectives=(
                Objective(
                    code="5.1", title="Sterke gebieden op het platteland", prestaties=under("5.1")
                ),
            ),
        ),
        Programme(
            number=7,
            name="Kwaliteit openbaar bestuur",
            ambition=seed.build_budget().programmes[0].ambition,
            objectives=(
                Objective(
                    code="7.1",
                    title="Een goed openbaar bestuur in Overijssel",
                    indicators=(
                        Indicator(
                            name="Vertrouwen van inwoners in het provinciaal bestuur",
                            unit="%",
                            baseline=Decimal(52),
                            baseline_year=2015,
                            targets=indicator_targets["7.1"],
                            source="Burgerpeiling",
                        ),
                    ),
                    prestaties=under("7.1"),
                ),
                Objective(
                    code="7.2",
                    title="Een betrokken samenleving",
                    prestaties=under("7.2"),
                    amounts=baten(STR, first, 27, 27, 27, 27),
                ),
                Objective(
                    code="7.3",
                    title="Sterke partners in het openbaar bestuur",
                    prestaties=under("7.3"),
                ),
            ),
            # Personeelsgebonden kosten are booked on the kerntaak as a whole.
            amounts=lasten(STR, first, *personeel),
        ),
        Programme(
            number=20,
            name="Financiering en dekkingsmiddelen",
            objectives=(
                Objective(
                    code="20.1",
                    title="Algemene uitkeringen",
                    amounts=baten(STR, first, *algemene_uitkeringen),
                ),
                Objective(
                    code="20.2",
                    title="Financiering",
                    amounts=lasten(STR, first, 5_250, 5_250, 5_250, 5_250),
                ),
            ),
        ),
    )


def per_year(unit: str, first: int, values: Sequence[int | Decimal]) -> tuple[Target, ...]:
    """A series of "at least" targets, one per year from `first` on."""
    return tuple(
        attrs.evolve(
            Target.at_least(value, unit, text=f"minimaal {prestatie.format_amount(value)}"),
            year=year,
        )
        for year, value in enumerate(values, start=first)
    )


TWICKEL_PROPOSAL = InvestmentProposal(
    name="Investeringsbesluit gebiedsprogramma Pact van Twickel",
    ps_number=TWICKEL,
    year=2012,
    amended_by=("PS/2013/830",),
    reserve=RESERVE,
    amount=Decimal(3_750_000),
)


def begroting(year: int, programmes: tuple[Programme, ...]) -> Budget:
    """Begroting `year` of these kerntaken, for `year` and the three years after: the seed
    page's Begroting 2017 made whole, or a later version of it, with the seed's reserve and
    proposal and the Pact van Twickel's."""
    page = seed.build_budget()
    return attrs.evolve(
        page,
        year=year,
        title=f"Begroting {year}",
        first_year=year,
        last_year=year + 3,
        programmes=programmes,
        proposals=(TWICKEL_PROPOSAL, *page.proposals),
        notes=NOTES[year],
        complete=True,
    )


def begroting_2017() -> Budget:
    """Begroting 2017, with the multi-year estimate 2018-2020."""
    return begroting(
        2017,
        kerntaken(
            with_amounts(prestaties_2017(), LASTEN_2017, 2017, ov_baten=3_150),
            2017,
            personeel=(8_850, 8_850, 8_850, 8_850),
            algemene_uitkeringen=(195_589, 172_246, 172_472, 172_002),
            indicator_targets={
                "3.2": per_year("rapportcijfer", 2017, [Decimal("7.5")] * 4),
                "7.1": per_year("%", 2017, [52, 53, 54, 55]),
            },
        ),
    )


def prestaties_2018() -> dict[str, Prestatie]:
    """Begroting 2018 against 2017: 3.1.2 vervalt, 3.2.2 and 7.2.4 are new, 7.3.2 leaves the
    group of PS/2016/344, and titles, roles, durations and targets change here and there."""
    items = prestaties_2017()
    del items["3.1.2"]
    items["3.1.1"] = attrs.evolve(
        items["3.1.1"],
        roles=(Role.WEGBEHEERDER, Role.UITVOERDER),
        role_text="Wij zijn wegbeheerder en uitvoerder.",
    )
    items["3.2.2"] = Prestatie(
        code="3.2.2",
        title="Snelfietsroutes",
        actions=(
            action(
                1,
                "Wij leggen ten minste 25 kilometer snelfietsroute aan.",
                Target.at_least(25, "kilometer", text="ten minste 25 kilometer"),
            ),
        ),
        portfolio_holders=("Bert Boerman",),
        roles=(Role.INVESTEERDER,),
        role_text="Wij zijn investeerder.",
        duration=until(2021),
    )
    items["7.1.6"] = attrs.evolve(items["7.1.6"], title="Weerbaar bestuur")
    seed_action = items["7.2.3"].actions[0]
    more_games = attrs.evolve(
        seed_action,
        text=seed_action.text.replace("maximaal 50", "maximaal 60"),
        targets=(
            Target.at_most(60, "democratiespelen", text="maximaal 60 democratiespelen"),
            *seed_action.targets[1:],
        ),
    )
    items["7.2.3"] = attrs.evolve(items["7.2.3"], actions=(more_games, *items["7.2.3"].actions[1:]))
    items["7.2.4"] = Prestatie(
        code="7.2.4",
        title="Jongerenparticipatie",
        actions=(
            action(
                1,
                "Wij betrekken minimaal 500 jongeren bij provinciaal beleid.",
                Target.at_least(500, "jongeren", text="minimaal 500 jongeren"),
                references=("7.2.3",),
            ),
        ),
        portfolio_holders=("Ank Bijleveld-Schouten",),
        roles=(Role.FACILITEERDER,),
        role_text="Wij zijn faciliteerder.",
        duration=until(2019),
    )
    items["7.3.2"] = attrs.evolve(items["7.3.2"], reserve_link=ReserveLink(related=False))
    items["7.3.4"] = attrs.evolve(items["7.3.4"], duration=until(2020))
    for code in KOB_GROUP_2018:
        items[code] = attrs.evolve(items[code], reserve_link=group_link(code, KOB_GROUP_2018))
    before = prestaties_2017()
    for code, item in items.items():
        items[code] = attrs.evolve(item, continuity=continuity(before.get(code), item))
    return items


def continuity(before: Prestatie | None, after: Prestatie) -> Continuity:
    """Nieuw, voortzetting or gewijzigd: whether anything but the amounts changed."""
    if before is None:
        return Continuity.NIEUW
    same = attrs.evolve(before, amounts=(), continuity=None) == attrs.evolve(
        after, amounts=(), continuity=None
    )
    return Continuity.VOORTZETTING if same else Continuity.GEWIJZIGD


def begroting_2018() -> Budget:
    """Begroting 2018, with the multi-year estimate 2019-2021."""
    return begroting(
        2018,
        kerntaken(
            with_amounts(prestaties_2018(), LASTEN_2018, 2018, ov_baten=3_200),
            2018,
            personeel=(8_971, 8_971, 8_971, 8_971),
            algemene_uitkeringen=(176_830, 177_410, 178_020, 178_600),
            indicator_targets={
                "3.2": per_year("rapportcijfer", 2018, [Decimal("7.5")] * 4),
                "7.1": per_year("%", 2018, [53, 54, 55, 56]),
            },
        ),
    )


CHANGES_2017: dict[tuple[str, Flow], tuple[int, int]] = {
    ("3.1.1", Flow.LASTEN): (600, 30_120),
    ("3.1.2", Flow.LASTEN): (0, 1_310),
    ("3.2.1", Flow.LASTEN): (-400, 45_900),
    ("3.2.1", Flow.BATEN): (0, 2_360),
    ("5.1.1", Flow.LASTEN): (350, 2_980),
    ("5.1.2", Flow.LASTEN): (0, 1_020),
    ("7", Flow.LASTEN): (0, 6_640),
    ("7.1.1", Flow.LASTEN): (0, 150),
    ("7.1.2", Flow.LASTEN): (40, 95),
    ("7.1.3", Flow.LASTEN): (0, 170),
    ("7.1.6", Flow.LASTEN): (25, 60),
    ("7.2", Flow.BATEN): (0, 30),
    ("7.2.2", Flow.LASTEN): (30, 410),
    ("7.2.3", Flow.LASTEN): (58, 540),
    ("7.3.1", Flow.LASTEN): (150, 3_300),
    ("7.3.2", Flow.LASTEN): (0, 1_150),
    ("7.3.4", Flow.LASTEN): (81, 310),
    ("20.1", Flow.BATEN): (0, 146_690),
    ("20.2", Flow.LASTEN): (0, 3_940),
}
"""Invented wijziging and gerealiseerd of 2017 per owner and flow, x € 1.000."""

GROEN, ORANJE, ROOD = Score.GROEN, Score.ORANJE, Score.ROOD
STATUS_2017: dict[str, tuple[Score, Score, BudgetChange, str]] = {
    "3.1.1": (GROEN, GROEN, BudgetChange.GS, "Geen afwijking."),
    "3.1.2": (
        ORANJE,
        GROEN,
        BudgetChange.GEEN,
        "Minder gemeenten vroegen ondersteuning dan verwacht.",
    ),
    "3.2.1": (
        ORANJE,
        GROEN,
        BudgetChange.PS,
        "De aanbesteding van de concessie Twente loopt vertraging op.",
    ),
    "5.1.1": (GROEN, GROEN, BudgetChange.PS, "Geen afwijking."),
    "5.1.2": (
        ORANJE,
        ORANJE,
        BudgetChange.RESULTAATBESTEMMING,
        "Een deel van de uitvoering schuift door naar 2018.",
    ),
    "7.1.1": (GROEN, GROEN, BudgetChange.GEEN, "Geen afwijking."),
    "7.1.2": (GROEN, GROEN, BudgetChange.GS, "Geen afwijking."),
    "7.1.3": (GROEN, GROEN, BudgetChange.GEEN, "Geen afwijking."),
    "7.1.6": (
        ORANJE,
        GROEN,
        BudgetChange.GS,
        "Minder trainingen dan gepland; de vraag kwam later op gang.",
    ),
    "7.2.2": (GROEN, GROEN, BudgetChange.GS, "Geen afwijking."),
    "7.2.3": (ORANJE, GROEN, BudgetChange.GS, "Meer spelen op andere locaties dan gepland."),
    "7.3.1": (GROEN, GROEN, BudgetChange.GS, "Geen afwijking."),
    "7.3.2": (ROOD, ORANJE, BudgetChange.GEEN, "Duitse partners hebben projecten uitgesteld."),
    "7.3.4": (GROEN, GROEN, BudgetChange.GS, "Geen afwijking."),
}
"""Invented statuses of Monitor 2017-II."""

REALISED_2017: dict[tuple[str, int], tuple[tuple[str, int | Decimal], ...]] = {
    ("3.1.1", 1): (("% wegen in goede staat", 96),),
    ("3.1.1", 2): (("bruggen en viaducten", 9),),
    ("3.1.2", 1): (("gemeenten", 17),),
    ("3.2.1", 2): (("transferia", 4),),
    ("5.1.1", 1): (("hectare", 1_620),),
    ("7.1.1", 1): (("gemeenten", 25),),
    ("7.1.3", 1): (("bijeenkomsten", 7),),
    ("7.1.6", 1): (("trainingen", 8),),
    ("7.2.2", 2): (("bezoekers", 18_400),),
    ("7.2.3", 1): (("democratiespelen", 42), ("spelen op andere locaties", 31), ("gastlessen", 38)),
    ("7.2.3", 4): (("adviezen", 3),),
    ("7.3.2", 1): (("projecten", 2),),
    ("7.3.4", 1): (("% diensten digitaal", 83),),
}
"""Invented realised values of Monitor 2017-II, per prestatie and action."""

INDICATORS_REALISED_2017 = {"3.2": Decimal("7.4"), "7.1": Decimal(54)}
"""Invented realised indicator values of 2017."""


def monitor_amounts(owner: str, amounts_: tuple[Amount, ...]) -> tuple[Amount, ...]:
    """The 2017 primitief of a budget owner with its wijziging, actueel and gerealiseerd."""
    result: list[Amount] = []
    for amount in amounts_:
        if amount.year != 2017:
            continue
        change, realised = CHANGES_2017[(owner, amount.flow)]
        columns = [
            (BudgetColumn.PRIMITIEF, amount.value),
            (BudgetColumn.WIJZIGING, Decimal(change)),
            (BudgetColumn.ACTUEEL, amount.value + change),
            (BudgetColumn.GEREALISEERD, Decimal(realised)),
        ]
        result += [
            attrs.evolve(amount, column=column, value=value)
            for column, value in columns
            if column is not BudgetColumn.WIJZIGING or value
        ]
    return tuple(result)


def monitor_prestatie(item: Prestatie) -> Prestatie:
    code = str(item.code)
    content, financial, change, progress = STATUS_2017[code]
    actions = tuple(
        attrs.evolve(
            act,
            realised=tuple(
                Measurement(unit=unit, value=value, year=2017)
                for unit, value in REALISED_2017.get((code, act.number), ())
            ),
        )
        for act in item.actions
    )
    return attrs.evolve(
        item,
        actions=actions,
        amounts=monitor_amounts(code, item.amounts),
        status=MonitorStatus(
            content=content,
            financial=financial,
            budget_changes=() if change is None else (change,),
            progress=progress,
        ),
    )


def monitor_objective(objective: Objective) -> Objective:
    code = str(objective.code)
    indicators = tuple(
        attrs.evolve(
            indicator,
            targets=tuple(t for t in indicator.targets if t.year == 2017),
            realised=(
                Measurement(unit=indicator.unit, value=INDICATORS_REALISED_2017[code], year=2017),
            ),
        )
        for indicator in objective.indicators
    )
    return attrs.evolve(
        objective,
        indicators=indicators,
        prestaties=tuple(monitor_prestatie(item) for item in objective.prestaties),
        amounts=monitor_amounts(code, objective.amounts),
    )


def monitor_2017_2() -> Budget:
    """Monitor 2017-II: the 2017 column of Begroting 2017, changed, realised and scored."""
    begroting = begroting_2017()
    programmes = tuple(
        attrs.evolve(
            programme,
            objectives=tuple(monitor_objective(o) for o in programme.objectives),
            amounts=monitor_amounts(str(programme.number), programme.amounts),
        )
        for programme in begroting.programmes
    )
    return attrs.evolve(
        begroting,
        kind=DocumentKind.MONITOR,
        title="Monitor 2017-II",
        first_year=2017,
        last_year=2017,
        programmes=programmes,
        notes=NOTES["monitor"],
    )


BUILDERS = {
    "begroting-2017": begroting_2017,
    "begroting-2018": begroting_2018,
    "monitor-2017-2": monitor_2017_2,
}
"""Each example file's name (without extension) and the function that builds it."""


def main(argv: list[str]) -> int:
    folder = _example.output_folder(__doc__, argv, default=HERE)
    for name, build in BUILDERS.items():
        budget = build()
        problems = prestatie.check_budget(budget)
        if problems:
            for problem in problems:
                print(f"{name}: {problem}", file=sys.stderr)
            return 1
        for suffix in (".json", ".xlsx"):
            prestatie.write_budget(budget, folder / f"{name}{suffix}", force=True)
        print(f"{folder / name}.json en .xlsx geschreven")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

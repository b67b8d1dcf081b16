"""A seeded generator of a large, realistic and sound budget for the benchmark.

At scale 1.0 it makes 12 programmes, 60 objectives, 2,000 prestaties, 12,000 actions each with
a target, and 100,000 amounts (lasten and baten) over 4 years and 4 budget columns: 25,000 rows
on the Lasten en baten sheet with a value in each of the 4 year columns. Other scales multiply
every count (at least one of each). The same seed and scale give the same budget, and
`check_budget` finds no problem in it.

    python benchmarks/generate.py --scale 0.1 --output groot.xlsx
"""

from __future__ import annotations

import argparse
import random
from decimal import Decimal
from pathlib import Path

import attrs

from prestatie import (
    Action,
    Ambition,
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
    Reserve,
    ReserveLink,
    Role,
    Score,
    Target,
    Unit,
    write_budget,
)

YEAR = 2019
YEARS = tuple(range(YEAR, YEAR + 4))
PROGRAMMES, OBJECTIVES, PRESTATIES, ACTIONS, AMOUNTS = 12, 60, 2_000, 12_000, 100_000

_PROGRAMME_NAMES = (
    "Ruimtelijke ontwikkeling en waterbeheer",
    "Milieu, energie en klimaat",
    "Vitaal platteland",
    "Regionale bereikbaarheid",
    "Regionale economie",
    "Cultuur en maatschappij",
    "Kwaliteit openbaar bestuur",
    "Natuur en landschap",
    "Wonen en leefbaarheid",
    "Onderwijs en arbeidsmarkt",
    "Sociale samenhang",
    "Bedrijfsvoering en financiën",
)
_VERBS = (
    "stimuleren",
    "ondersteunen",
    "versterken",
    "realiseren",
    "verbeteren",
    "ontwikkelen",
    "financieren",
    "onderhouden",
    "vernieuwen",
    "verduurzamen",
)
_SUBJECTS = (
    "de energietransitie",
    "de bereikbaarheid van kernen",
    "het openbaar vervoer",
    "de kwaliteit van het landschap",
    "de biodiversiteit",
    "het regionale bedrijfsleven",
    "de leefbaarheid van kleine kernen",
    "de waterkwaliteit",
    "het cultureel erfgoed",
    "de digitale dienstverlening",
    "de fietsinfrastructuur",
    "de woningbouw",
    "de aansluiting van onderwijs op de arbeidsmarkt",
    "de verkeersveiligheid",
    "de natuurgebieden",
)
_PLACES = (
    "in Twente",
    "in de Kop van Overijssel",
    "in het Vechtdal",
    "in Salland",
    "rond Zwolle",
    "in de Achterhoek",
    "langs de IJssel",
    "in het landelijk gebied",
    "in de stedelijke regio's",
    "in de hele provincie",
)
_WITH = (
    "samen met gemeenten en waterschappen",
    "met maatschappelijke partners",
    "via subsidieregelingen",
    "door gerichte investeringen",
    "met ondernemers en kennisinstellingen",
    "in overleg met inwoners",
)
_UNITS = (
    ("projecten", "projecten"),
    ("kilometer", "km"),
    ("hectare", "ha"),
    ("woningen", "woningen"),
    ("deelnemers", "deelnemers"),
    ("bedrijven", "bedrijven"),
    ("procent", "%"),
)
_HOLDERS = ("Boerman", "Van Haaften", "Van Hall", "Rietman", "Traag", "Van der Maat", "Bruins")
_INDICATORS = (
    "Aantal bezoekers",
    "Tevredenheid inwoners",
    "Aandeel duurzame energie",
    "Oppervlakte nieuwe natuur",
    "Aantal banen",
    "Reistijd per openbaar vervoer",
)


def _scaled(count: int, scale: float) -> int:
    return max(1, round(count * scale))


def _sentence(rng: random.Random) -> str:
    text = (
        f"Wij {rng.choice(_VERBS)} {rng.choice(_SUBJECTS)} {rng.choice(_PLACES)}"
        f" {rng.choice(_WITH)}."
    )
    return text[0].upper() + text[1:]


def _split(total: int, parts: int) -> list[int]:
    """`total` as `parts` counts that differ by at most one."""
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def _target(rng: random.Random, year: int) -> Target:
    name, unit = rng.choice(_UNITS)
    value = rng.randrange(5, 500)
    kind = rng.randrange(4)
    if kind == 0:
        return Target.at_least(value, unit, text=f"minimaal {value} {name} in {year}")
    if kind == 1:
        return Target.at_most(value, unit, text=f"maximaal {value} {name} in {year}")
    if kind == 2:
        upper = value + rng.randrange(1, 100)
        return Target.between(value, upper, unit, text=f"tussen {value} en {upper} {name}")
    return Target.exactly(value, unit, text=f"{value} {name} gerealiseerd")


def _amounts(rng: random.Random, rows: int) -> tuple[Amount, ...]:
    """Amounts for `rows` rows of the table (each a flow, column and nature, with 4 years):
    actueel is primitief plus wijziging, as the checks demand."""
    amounts: list[Amount] = []
    keys = [
        (flow, nature)
        for flow in (Flow.LASTEN, Flow.BATEN)
        for nature in (Nature.STRUCTUREEL, Nature.INCIDENTEEL)
    ]
    columns = (
        BudgetColumn.PRIMITIEF,
        BudgetColumn.WIJZIGING,
        BudgetColumn.ACTUEEL,
        BudgetColumn.GEREALISEERD,
    )
    left = rows
    for flow, nature in keys:
        if left <= 0:
            break
        take = min(4, left)
        left -= take
        values: dict[BudgetColumn, list[Decimal]] = {}
        primitief = [Decimal(rng.randrange(10, 25_000)) for _ in YEARS]
        wijziging = [Decimal(rng.randrange(-500, 500)) for _ in YEARS]
        values[BudgetColumn.PRIMITIEF] = primitief
        values[BudgetColumn.WIJZIGING] = wijziging
        values[BudgetColumn.ACTUEEL] = [p + w for p, w in zip(primitief, wijziging, strict=True)]
        values[BudgetColumn.GEREALISEERD] = [
            (p * Decimal(rng.randrange(80, 105)) / 100).quantize(Decimal("0.1")) for p in primitief
        ]
        for column in columns[:take]:
            for year, value in zip(YEARS, values[column], strict=True):
                amounts.append(
                    Amount(flow=flow, column=column, nature=nature, year=year, value=value)
                )
    return tuple(amounts)


def generate(scale: float = 1.0, seed: int = 2019) -> Budget:
    """A sound budget of the benchmark's size times `scale`, the same for the same seed."""
    rng = random.Random(seed)
    n_programmes = min(_scaled(PROGRAMMES, scale), len(_PROGRAMME_NAMES))
    n_objectives = max(n_programmes, _scaled(OBJECTIVES, scale))
    n_prestaties = max(n_objectives, _scaled(PRESTATIES, scale))
    n_actions = max(n_prestaties, _scaled(ACTIONS, scale))
    table_rows = max(1, _scaled(AMOUNTS, scale) // len(YEARS))
    owners = n_programmes + n_objectives + n_prestaties
    rows_per_owner = iter(_split(table_rows, owners))

    reserves = tuple(
        Reserve(
            name=f"Reserve {subject.removeprefix('de ').removeprefix('het ')}",
            description=_sentence(rng),
        )
        for subject in _SUBJECTS[:8]
    )
    n_proposals = _scaled(30, scale)
    proposals = tuple(
        InvestmentProposal(
            name=f"Investeringsvoorstel {rng.choice(_SUBJECTS)}",
            ps_number=f"PS/{YEAR - 3 + i % 3}/{100 + i}",
            year=YEAR - 3 + i % 3,
            reserve=reserves[i % len(reserves)].name,
            amount=Decimal(rng.randrange(100_000, 50_000_000)),
        )
        for i in range(n_proposals)
    )
    objectives_per = _split(n_objectives, n_programmes)
    prestaties_per = iter(_split(n_prestaties, n_objectives))
    actions_per = iter(_split(n_actions, n_prestaties))
    all_codes: list[str] = []
    programmes = []
    for p in range(n_programmes):
        number = p + 1
        objectives = []
        for o in range(objectives_per[p]):
            ocode = f"{number}.{o + 1}"
            prestaties = []
            for s in range(next(prestaties_per)):
                code = f"{ocode}.{s + 1}"
                prestaties.append(
                    _prestatie(rng, code, next(actions_per), all_codes, next(rows_per_owner))
                )
                all_codes.append(code)
            prestaties = _link_pairs(rng, prestaties, proposals)
            objectives.append(
                Objective(
                    code=ocode,
                    title=_sentence(rng).removesuffix("."),
                    indicators=tuple(_indicator(rng) for _ in range(rng.randrange(1, 4))),
                    prestaties=tuple(prestaties),
                    amounts=_amounts(rng, next(rows_per_owner)),
                )
            )
        programmes.append(
            Programme(
                number=number,
                name=_PROGRAMME_NAMES[p],
                ambition=Ambition(text=_sentence(rng), target=_target(rng, YEAR + 3)),
                objectives=tuple(objectives),
                amounts=_amounts(rng, next(rows_per_owner)),
            )
        )
    return Budget(
        province="Overijssel",
        year=YEAR,
        kind=DocumentKind.MONITOR,
        unit=Unit.THOUSAND,
        title=f"Monitor {YEAR}-II (gegenereerd)",
        programmes=tuple(programmes),
        reserves=reserves,
        proposals=proposals,
        notes="Gegenereerde begroting voor de benchmark: alle teksten en bedragen zijn verzonnen.",
    )


def _indicator(rng: random.Random) -> Indicator:
    name = rng.choice(_INDICATORS)
    unit = rng.choice(_UNITS)[1]
    return Indicator(
        name=name,
        unit=unit,
        baseline=Decimal(rng.randrange(0, 1000)),
        baseline_year=YEAR - 2,
        targets=tuple(_target(rng, year) for year in YEARS[1:]),
        realised=(Measurement(unit=unit, value=Decimal(rng.randrange(0, 1000)), year=YEAR - 1),),
        source="CBS" if rng.random() < 0.5 else "Provinciale monitor",
    )


def _prestatie(
    rng: random.Random, code: str, n_actions: int, earlier: list[str], rows: int
) -> Prestatie:
    actions = []
    for a in range(n_actions):
        text = _sentence(rng)
        references: tuple[str, ...] = ()
        if earlier and rng.random() < 0.1:
            other = rng.choice(earlier)
            references = (other,)
            text = f"{text[:-1]} (prestatie {other})."
        actions.append(
            Action(
                number=a + 1,
                text=text,
                targets=(_target(rng, rng.choice(YEARS)),),
                references=references,
            )
        )
    kind = rng.choice(list(DurationKind))
    end = None if kind is DurationKind.STRUCTUREEL else YEAR + rng.randrange(0, 6)
    text = (
        "Structureel." if end is None else f"Niet structureel. Eindigt naar verwachting in {end}."
    )
    roles = tuple(rng.sample(list(Role), rng.randrange(1, 3)))
    return Prestatie(
        code=code,
        title=_sentence(rng).removesuffix("."),
        introduction=" ".join(_sentence(rng) for _ in range(rng.randrange(2, 5))),
        context=_sentence(rng),
        actions=tuple(actions),
        portfolio_holders=tuple(rng.sample(_HOLDERS, rng.randrange(1, 3))),
        roles=roles,
        role_text="Wij zijn " + " en ".join(role.value for role in roles) + ".",
        duration=Duration(
            kind=kind, start_year=YEAR - rng.randrange(0, 4), end_year=end, text=text
        ),
        amounts=_amounts(rng, rows),
        continuity=rng.choice(list(Continuity)),
        status=MonitorStatus(
            content=rng.choice(list(Score)),
            financial=rng.choice(list(Score)),
            budget_changes=(rng.choice(list(BudgetChange)),),
            progress="Geen afwijking." if rng.random() < 0.7 else _sentence(rng),
        ),
    )


def _link_pairs(
    rng: random.Random, prestaties: list[Prestatie], proposals: tuple[InvestmentProposal, ...]
) -> list[Prestatie]:
    """Link some pairs of neighbouring prestaties to a shared proposal, both ways."""
    linked = list(prestaties)
    for i in range(0, len(linked) - 1, 2):
        if rng.random() < 0.3:
            continue
        proposal = rng.choice(proposals)
        first, second = linked[i], linked[i + 1]
        for j, (this, other) in ((i, (first, second)), (i + 1, (second, first))):
            link = ProposalLink(
                ps_number=proposal.ps_number,
                related=(other.code,),
                text=f"Deze prestatie hoort bij {proposal.ps_number}, samen met {other.code}.",
            )
            linked[j] = _with_link(this, proposal, link)
    return linked


def _with_link(prestatie: Prestatie, proposal: InvestmentProposal, link: ProposalLink) -> Prestatie:
    return attrs.evolve(
        prestatie,
        reserve_link=ReserveLink(related=True, reserve=proposal.reserve, proposals=(link,)),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=2019)
    parser.add_argument("--output", type=Path, required=True, help=".xlsx or .json")
    args = parser.parse_args()
    budget = generate(args.scale, args.seed)
    write_budget(budget, args.output)
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()

"""Small hand-built budgets for the summary, diff and progress tests, with their figures chosen
so that each rule has a case: a target met, missed and not measurable, a zero budget, an
overspent one."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal

import attrs

from prestatie import (
    Action,
    Amount,
    Budget,
    BudgetColumn,
    DocumentKind,
    Flow,
    Indicator,
    Measurement,
    Nature,
    Objective,
    Prestatie,
    Programme,
    Target,
    TargetKind,
    Unit,
)

YEAR = 2017


def amounts(flow: Flow = Flow.LASTEN, **columns: int | str) -> tuple[Amount, ...]:
    """Amounts of `YEAR` (structureel), one per column named: `amounts(actueel=250)`."""
    return tuple(
        Amount(
            flow=flow,
            column=BudgetColumn(column),
            nature=Nature.STRUCTUREEL,
            year=YEAR,
            value=Decimal(value),
        )
        for column, value in columns.items()
    )


def measured(unit: str, value: int | str, year: int | None = YEAR) -> Measurement:
    return Measurement(unit=unit, value=Decimal(value), year=year)


def small_monitor() -> Budget:
    """Monitor 2017 of one kerntaak with four prestaties:

    - 7.2.3: 45 of at most 50 democratiespelen (gehaald), 41 of at most 40 gastlessen (niet
      gehaald), at least 2 adviezen without a realised value (niet meetbaar); actueel 250,
      gerealiseerd 240, ruimte 10 (4%).
    - 7.2.4: one qualitative target; actueel 0 and gerealiseerd 0.
    - 7.2.5: at least 10 bijeenkomsten, 12 held; actueel 100, gerealiseerd 130 (ruimte -30).
    - 7.2.6: no targets; actueel 0, gerealiseerd 5.

    Beleidsdoel 7.2 has an indicator at least 60% opkomst (58% realised, niet gehaald) and a
    relative one without baseline (niet meetbaar), and baten 27 actueel, 30 gerealiseerd.
    Kerntaak 7 itself has lasten 100 actueel, 90 gerealiseerd.
    """
    p723 = Prestatie(
        code="7.2.3",
        title="Kennisontwikkeling en -deling",
        actions=(
            Action(
                number=1,
                text="maximaal 50 democratiespelen en 40 gastlessen",
                targets=(
                    Target.at_most(50, "democratiespelen", text="maximaal 50 democratiespelen"),
                    Target.at_most(40, "gastlessen", text="40 gastlessen"),
                ),
                realised=(measured("democratiespelen", 45), measured("gastlessen", 41)),
            ),
            Action(
                number=4,
                text="in elk geval twee adviezen",
                targets=(Target.at_least(2, "adviezen", text="in elk geval twee adviezen"),),
            ),
        ),
        amounts=amounts(primitief=200, wijziging=50, actueel=250, gerealiseerd=240),
    )
    p724 = Prestatie(
        code="7.2.4",
        title="Een prestatie zonder geld",
        actions=(
            Action(
                number=1,
                text="Wij voeren het gesprek.",
                targets=(Target.qualitative("het gesprek voeren"),),
            ),
        ),
        amounts=amounts(primitief=0, actueel=0, gerealiseerd=0),
    )
    p725 = Prestatie(
        code="7.2.5",
        title="Bijeenkomsten",
        actions=(
            Action(
                number=1,
                text="ten minste 10 bijeenkomsten",
                targets=(Target.at_least(10, "bijeenkomsten", text="ten minste 10"),),
                realised=(measured("bijeenkomsten", 12),),
            ),
        ),
        amounts=amounts(primitief=100, actueel=100, gerealiseerd=130),
    )
    p726 = Prestatie(
        code="7.2.6",
        title="Onverwachte uitgaven",
        amounts=amounts(primitief=0, actueel=0, gerealiseerd=5),
    )
    objective = Objective(
        code="7.2",
        title="Een betrokken samenleving",
        indicators=(
            Indicator(
                name="Opkomst",
                unit="%",
                targets=(Target(unit="%", lower=Decimal(60), year=YEAR, text="minimaal 60%"),),
                realised=(measured("%", 58),),
            ),
            Indicator(
                name="Vertrouwen",
                unit="rapportcijfer",
                targets=(
                    Target(
                        unit="rapportcijfer",
                        kind=TargetKind.RELATIVE,
                        lower=Decimal(0),
                        text="neemt toe of blijft minimaal gelijk",
                    ),
                ),
                realised=(measured("rapportcijfer", "6.8"),),
            ),
        ),
        prestaties=(p723, p724, p725, p726),
        amounts=amounts(Flow.BATEN, primitief=27, actueel=27, gerealiseerd=30),
    )
    return Budget(
        province="Overijssel",
        year=YEAR,
        kind=DocumentKind.MONITOR,
        unit=Unit.THOUSAND,
        title="Monitor 2017-II",
        first_year=YEAR,
        last_year=YEAR,
        programmes=(
            Programme(
                number=7,
                name="Kwaliteit openbaar bestuur",
                objectives=(objective,),
                amounts=amounts(primitief=100, actueel=100, gerealiseerd=90),
            ),
        ),
    )


def replace_prestaties(
    budget: Budget,
    change: Callable[[Prestatie], Prestatie | None],
    *,
    add: Iterable[Prestatie] = (),
) -> Budget:
    """The budget with each prestatie replaced by `change(prestatie)` (None drops it), and the
    prestaties of `add` appended to the objectives their codes belong to."""
    extra = list(add)
    programmes = []
    for programme in budget.programmes:
        objectives = []
        for objective in programme.objectives:
            kept = [new for p in objective.prestaties if (new := change(p)) is not None]
            kept += [p for p in extra if p.code.parent == objective.code]
            objectives.append(attrs.evolve(objective, prestaties=tuple(kept)))
        programmes.append(attrs.evolve(programme, objectives=tuple(objectives)))
    return attrs.evolve(budget, programmes=tuple(programmes))

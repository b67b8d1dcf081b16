"""Merging what a foreign sheet imports into a budget: its amounts and indicators into the
programmes, objectives and prestaties they belong to (adding those that are missing), and
its reserve mutations into their owners and the budget's reserves.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from prestatie._code import Code
from prestatie._foreign.mapping import Mapping
from prestatie._model import (
    Amount,
    Budget,
    BudgetColumn,
    Flow,
    Indicator,
    MutationKind,
    Nature,
    Objective,
    Prestatie,
    Programme,
    Reserve,
    ReserveMutation,
)

Key = tuple[Flow, BudgetColumn, int, Nature, str | None]
"""What an imported amount replaces an amount of the same owner by: flow, column, year,
nature and taakveld."""
MutationKey = tuple[MutationKind, str, BudgetColumn, int]
"""What an imported reserve mutation replaces one by: kind, reserve, column and year."""


def with_mutations(budget: Budget, mutations: dict[Code, dict[MutationKey, Decimal]]) -> Budget:
    """The budget with the sheet's reserve mutations, each replacing one of the same kind,
    reserve, column and year, and every reserve they name among its reserves."""
    if not mutations:
        return budget

    def merged(code: Code, old: tuple[ReserveMutation, ...]) -> tuple[ReserveMutation, ...]:
        new = mutations.get(code, {})
        kept = tuple(m for m in old if (m.kind, m.reserve, m.column, m.year) not in new)
        return kept + tuple(
            ReserveMutation(kind=kind, reserve=reserve, column=column, year=year, value=value)
            for (kind, reserve, column, year), value in new.items()
        )

    programmes = tuple(
        attrs.evolve(
            programme,
            reserve_mutations=merged(programme.code, programme.reserve_mutations),
            objectives=tuple(
                attrs.evolve(o, reserve_mutations=merged(o.code, o.reserve_mutations))
                for o in programme.objectives
            ),
        )
        for programme in budget.programmes
    )
    known = {reserve.name for reserve in budget.reserves}
    named = dict.fromkeys(key[1] for owned in mutations.values() for key in owned)
    reserves = budget.reserves + tuple(Reserve(name=name) for name in named if name not in known)
    years = [key[3] for owned in mutations.values() for key in owned]
    return attrs.evolve(
        budget,
        programmes=programmes,
        reserves=reserves,
        first_year=min([budget.first_year, *years]),
        last_year=max([budget.last_year, *years]),
    )


def merge(
    into: Budget | None,
    amounts: dict[Code, dict[Key, Decimal]],
    indicators: dict[Code, list[Indicator]],
    titles: dict[Code, str],
    mapping: Mapping,
) -> Budget:
    years = [key[2] for owned in amounts.values() for key in owned]
    if into is None:
        year = mapping.budget_year or (min(years) if years else 2000)
        into = Budget(
            province=mapping.province,
            year=year,
            kind=mapping.kind,
            unit=mapping.unit,
            first_year=min([year, *years]),
            last_year=max([year, *years]),
        )
    else:
        into = attrs.evolve(
            into,
            first_year=min([into.first_year, *years]),
            last_year=max([into.last_year, *years]),
        )
    codes = set(amounts) | set(indicators)
    for code in list(codes):
        parent = code.parent
        while parent is not None:
            codes.add(parent)
            parent = parent.parent

    def merged(code: Code, old: tuple[Amount, ...]) -> tuple[Amount, ...]:
        new = {
            (flow, column, nature, year, taakveld): value
            for (flow, column, year, nature, taakveld), value in amounts.get(code, {}).items()
        }
        kept = tuple(amount for amount in old if amount.key[:5] not in new)
        return kept + tuple(
            Amount(flow=f, column=c, nature=n, year=y, value=v, taakveld=t)
            for (f, c, n, y, t), v in new.items()
        )

    def prestaties(objective: Objective) -> tuple[Prestatie, ...]:
        existing = {p.code: p for p in objective.prestaties}
        result = [
            attrs.evolve(
                p,
                title=p.title or titles.get(p.code, ""),
                amounts=merged(p.code, p.amounts),
                indicators=p.indicators + tuple(indicators.get(p.code, ())),
            )
            for p in objective.prestaties
        ]
        for code in sorted(c for c in codes if c.level == 3 and c.parent == objective.code):
            if code not in existing:
                new = Prestatie(code=code, title=titles.get(code, ""), amounts=merged(code, ()))
                result.append(attrs.evolve(new, indicators=tuple(indicators.get(code, ()))))
        return tuple(result)

    def objective_with(o: Objective) -> Objective:
        return attrs.evolve(
            o,
            title=o.title or titles.get(o.code, ""),
            amounts=merged(o.code, o.amounts),
            indicators=o.indicators + tuple(indicators.get(o.code, ())),
            prestaties=prestaties(o),
        )

    def objectives(programme: Programme) -> tuple[Objective, ...]:
        existing = {o.code: o for o in programme.objectives}
        result = [objective_with(o) for o in programme.objectives]
        for code in sorted(c for c in codes if c.level == 2 and c.parent == programme.code):
            if code not in existing:
                result.append(objective_with(Objective(code=code, title="")))
        return tuple(result)

    existing = {p.number for p in into.programmes}
    programmes = [
        attrs.evolve(
            p,
            name=p.name or titles.get(p.code, ""),
            amounts=merged(p.code, p.amounts),
            indicators=p.indicators + tuple(indicators.get(p.code, ())),
            objectives=objectives(p),
        )
        for p in into.programmes
    ]
    for code in sorted(c for c in codes if c.level == 1):
        number = code.parts[0]
        if isinstance(number, int) and number not in existing:
            new = Programme(number=number, name=titles.get(code, ""), amounts=merged(code, ()))
            programmes.append(
                attrs.evolve(
                    new,
                    indicators=tuple(indicators.get(code, ())),
                    objectives=objectives(new),
                )
            )
    return attrs.evolve(into, programmes=tuple(programmes))

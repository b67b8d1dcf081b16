"""Lasten and baten per taakveld: the BBV's overview across programmes, from the amounts that
carry a taakveld."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

import attrs

from prestatie._model import Budget, BudgetColumn, Flow
from prestatie._money import format_amount, total
from prestatie._taakveld import taakveld_name
from prestatie._views.text import align

Heading = tuple[Flow, BudgetColumn, int]
"""A column of the overview: flow, budget column and year."""


@attrs.frozen(kw_only=True)
class TaakveldLine:
    """One taakveld's amounts, added up over every programme, objective and prestatie."""

    taakveld: str
    name: str
    amounts: dict[Heading, Decimal]


def by_taakveld(budget: Budget) -> tuple[TaakveldLine, ...]:
    """A line per taakveld that some amount of `budget` is booked on, in taakveld order;
    amounts without a taakveld are left out. Lasten, baten and saldo stay apart."""
    parts: dict[str, dict[Heading, list[Decimal]]] = defaultdict(lambda: defaultdict(list))
    for owner in budget.amount_owners():
        for amount in owner.amounts:
            if amount.taakveld is not None:
                heading = (amount.flow, amount.column, amount.year)
                parts[amount.taakveld][heading].append(amount.value)

    def order(code: str) -> tuple[int, ...]:
        return tuple(int(part) for part in code.split("."))

    return tuple(
        TaakveldLine(
            taakveld=code,
            name=taakveld_name(code),
            amounts={heading: total(values) for heading, values in parts[code].items()},
        )
        for code in sorted(parts, key=order)
    )


def render_by_taakveld(budget: Budget) -> str:
    """The overview as aligned text: a row per taakveld, a column per flow, budget column and
    year that occurs, and a total row; amounts in Dutch notation in the budget's unit."""
    lines = by_taakveld(budget)
    if not lines:
        return "Geen bedragen met een taakveld.\n"
    flows = list(Flow)
    headings = sorted(
        {heading for line in lines for heading in line.amounts},
        key=lambda h: (h[2], list(BudgetColumn).index(h[1]), flows.index(h[0])),
    )
    header = ["Taakveld", "", *(f"{f.value.capitalize()} {c.value} {y}" for f, c, y in headings)]
    rows = [header]
    for line in lines:
        cells = [format_amount(line.amounts[h]) if h in line.amounts else "" for h in headings]
        rows.append([line.taakveld, line.name, *cells])
    totals = [format_amount(total(line.amounts.get(h, 0) for line in lines)) for h in headings]
    rows.append(["Totaal", "", *totals])
    right = [False, False, *([True] * len(headings))]
    title = f"Lasten en baten per taakveld ({budget.unit.value})"
    return "\n".join([title, *align(rows, right=right)]) + "\n"

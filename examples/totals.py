"""Lasten per kerntaak and year of a budget, with a Totaal row.

    python examples/totals.py [BUDGET.xlsx|BUDGET.json]

reads examples/data/begroting-2017.xlsx by default. A begroting shows its primitieve
begroting, a monitor its actuele begroting, a jaarverslag what was realised; each amount of
a kerntaak, of its beleidsdoelen and of their prestaties counts once.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import prestatie
from prestatie import Amount, Budget, BudgetColumn, DocumentKind, Flow, Programme, Unit

DEFAULT = Path(__file__).resolve().parent / "data" / "begroting-2017.xlsx"

COLUMN = {
    DocumentKind.BEGROTING: (BudgetColumn.PRIMITIEF, "primitieve begroting"),
    DocumentKind.MONITOR: (BudgetColumn.ACTUEEL, "actuele begroting"),
    DocumentKind.JAARVERSLAG: (BudgetColumn.GEREALISEERD, "gerealiseerd"),
}
"""Which column each kind of document is read from, and its Dutch label."""

UNIT_LABEL = {
    Unit.EURO: "bedragen in euro",
    Unit.THOUSAND: "bedragen x € 1.000",
    Unit.MILLION: "bedragen x € 1 miljoen",
}


def all_amounts(programme: Programme) -> Iterator[Amount]:
    """Every amount of a kerntaak: its own, its beleidsdoelen's and their prestaties'."""
    yield from programme.amounts
    for objective in programme.objectives:
        yield from objective.amounts
        for item in objective.prestaties:
            yield from item.amounts


def lasten(budget: Budget, column: BudgetColumn) -> dict[int, dict[int, Decimal]]:
    """Lasten per kerntaak number and year, in the budget's unit."""
    years = range(budget.first_year, budget.last_year + 1)
    result: dict[int, dict[int, Decimal]] = {}
    for programme in budget.programmes:
        sums = dict.fromkeys(years, Decimal(0))
        for amount in all_amounts(programme):
            if amount.flow is Flow.LASTEN and amount.column is column and amount.year in sums:
                sums[amount.year] += amount.value
        result[programme.number] = sums
    return result


def table(budget: Budget) -> str:
    """The lasten per kerntaak and year as an aligned table with a Totaal row."""
    column, label = COLUMN[budget.kind]
    per_programme = lasten(budget, column)
    years = list(range(budget.first_year, budget.last_year + 1))
    names = {p.number: f"{p.number:>2} {p.name}" for p in budget.programmes}
    totals = {
        year: sum((sums[year] for sums in per_programme.values()), Decimal(0)) for year in years
    }
    rows = [("Kerntaak", [str(year) for year in years])]
    rows += [
        (names[number], [prestatie.format_amount(sums[year]) for year in years])
        for number, sums in per_programme.items()
    ]
    rows.append(("Totaal", [prestatie.format_amount(totals[year]) for year in years]))
    first = max(len(name) for name, _ in rows)
    width = max(len(cell) for _, cells in rows for cell in cells)
    lines = [
        f"{budget.title or budget.kind.value} — provincie {budget.province}",
        f"Lasten per kerntaak, {label} ({UNIT_LABEL[budget.unit]})",
        "",
    ]
    for name, cells in rows:
        lines.append(f"{name:<{first}}  " + "  ".join(f"{cell:>{width}}" for cell in cells))
    lines.insert(-1, "-" * len(lines[-1]))
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT
    if not path.is_file():
        print(f"{path}: bestand niet gevonden (file not found)", file=sys.stderr)
        return 2
    try:
        budget = prestatie.read_budget(path)
    except prestatie.PrestatieError as error:
        print(error, file=sys.stderr)
        return 1
    print(table(budget))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

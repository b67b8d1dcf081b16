"""Lasten per kerntaak and year of a budget, with a Totaal row.

    python examples/totals.py [BUDGET.xlsx|BUDGET.json]

reads examples/data/begroting-2017.xlsx by default. The figures come from
`prestatie.summarise`: the actuele begroting when the budget has one, else the primitieve
begroting; each amount of a kerntaak, of its beleidsdoelen and of their prestaties counts
once, exactly.
"""

from __future__ import annotations

import sys
from pathlib import Path

import _example

import prestatie
from prestatie import Budget, BudgetColumn, Flow, Unit

DEFAULT = Path(__file__).resolve().parent / "data" / "begroting-2017.xlsx"

COLUMN_LABEL = {
    BudgetColumn.PRIMITIEF: "primitieve begroting",
    BudgetColumn.ACTUEEL: "actuele begroting",
}

UNIT_LABEL = {
    Unit.EURO: "bedragen in euro",
    Unit.THOUSAND: "bedragen x € 1.000",
    Unit.MILLION: "bedragen x € 1 miljoen",
}


def table(budget: Budget) -> str:
    """The lasten per kerntaak and year as an aligned table with a Totaal row."""
    summary = prestatie.summarise(budget)
    column = summary.columns[0]
    lasten = summary.table(Flow.LASTEN, column)
    years = list(summary.years)
    names = {p.number: f"{p.number:>2} {p.name}" for p in budget.programmes}
    rows = [("Kerntaak", [str(year) for year in years])]
    rows += [
        (
            names[line.code.parts[0]],
            [prestatie.format_amount(line.amounts.values.get(year, 0)) for year in years],
        )
        for line in lasten.programme_lines
    ]
    rows.append(
        ("Totaal", [prestatie.format_amount(lasten.total.values.get(year, 0)) for year in years])
    )
    first = max(len(name) for name, _ in rows)
    width = max(len(cell) for _, cells in rows for cell in cells)
    lines = [
        f"{budget.title or budget.kind.value} — provincie {budget.province}",
        f"Lasten per kerntaak, {COLUMN_LABEL[column]} ({UNIT_LABEL[budget.unit]})",
        "",
    ]
    for name, cells in rows:
        lines.append(f"{name:<{first}}  " + "  ".join(f"{cell:>{width}}" for cell in cells))
    lines.insert(-1, "-" * len(lines[-1]))
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT
    _example.start(path)
    budget = _example.read(path)
    print(table(budget))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""What changed between two versions of a budget, prestatie by prestatie, with the totals.

    python examples/compare_budgets.py [OLD NEW]

compares examples/data/begroting-2017.xlsx with begroting-2018.xlsx by default (either may be
.xlsx or .json). Each prestatie is labelled as budgets do (nieuw, voortzetting, gewijzigd,
vervallen) with what changed; under that, the total lasten per year of both budgets, for the
years both cover.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import _example
from _example import _

import prestatie
from prestatie import Budget, BudgetColumn, DocumentKind, Flow

DATA = Path(__file__).resolve().parent / "data"
DEFAULT = (DATA / "begroting-2017.xlsx", DATA / "begroting-2018.xlsx")

COLUMN = {
    DocumentKind.BEGROTING: (BudgetColumn.PRIMITIEF, "primitieve begroting"),
    DocumentKind.MONITOR: (BudgetColumn.ACTUEEL, "actuele begroting"),
    DocumentKind.JAARVERSLAG: (BudgetColumn.GEREALISEERD, "gerealiseerd"),
}
"""The column whose totals are compared, per kind of the new document, and its label."""


def total_lasten(budget: Budget, column: BudgetColumn, year: int) -> Decimal:
    """All lasten of one column and year: of kerntaken, beleidsdoelen and prestaties."""
    owners = [programme.amounts for programme in budget.programmes]
    owners += [objective.amounts for objective in budget.objectives()]
    owners += [item.amounts for item in budget.prestaties()]
    return sum(
        (
            amount.value
            for amounts in owners
            for amount in amounts
            if (amount.flow, amount.column, amount.year) == (Flow.LASTEN, column, year)
        ),
        Decimal(0),
    )


def totals(old: Budget, new: Budget, years: tuple[int, ...]) -> list[str]:
    """Total lasten per year in both budgets and the difference, as an aligned table."""
    column, label = COLUMN[new.kind]
    rows = [("Jaar", "Oud", "Nieuw", "Verschil")]
    for year in years:
        before, after = total_lasten(old, column, year), total_lasten(new, column, year)
        sign = "+" if after > before else ""
        rows.append(
            (
                str(year),
                prestatie.format_amount(before),
                prestatie.format_amount(after),
                sign + prestatie.format_amount(after - before),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = [f"Totaal lasten, {label} (bedragen {new.unit.value})"]
    for row in rows:
        lines.append("  ".join(cell.rjust(width) for cell, width in zip(row, widths, strict=True)))
    return lines


def main(argv: list[str]) -> int:
    if len(argv) not in (0, 2):
        _example.say(_("usage: python examples/compare_budgets.py [OLD NEW]"))
        return 2
    old_path, new_path = (Path(argv[0]), Path(argv[1])) if argv else DEFAULT
    _example.start(old_path, new_path)
    old, new = _example.read(old_path), _example.read(new_path)
    diff = prestatie.diff_budgets(old, new)
    print(prestatie.render_diff(diff))
    if old.unit is not new.unit:
        print()
        print(
            _("(The units differ: {old} and {new}.)").format(old=old.unit.value, new=new.unit.value)
        )
        return 0
    print()
    print("\n".join(totals(old, new, diff.years)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Import a monitor table with its mapping and write the canonical budget workbook.

    python examples/convert_monitor.py [OUT] [--sheet SHEET.xlsx] [--mapping MAPPING.toml]

reads examples/data/monitor-2018-2-kerntaak-7.xlsx (kerntaak 7 of Monitor 2018-II as
published) through examples/mappings/monitor.toml by default, writes the canonical workbook
(OUT.xlsx) or its JSON form (OUT.json), by default into a new temporary folder, and never
replaces an existing file. It reads the file back to check it and prints the table it holds.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

import _example
from _example import _

import prestatie
from prestatie import Amount, Budget, BudgetColumn, Flow

HERE = Path(__file__).resolve().parent
SHEET = HERE / "data" / "monitor-2018-2-kerntaak-7.xlsx"
MAPPING = HERE / "mappings" / "monitor.toml"

COLUMNS = (
    ("Primitief", BudgetColumn.PRIMITIEF),
    ("Wijziging", BudgetColumn.WIJZIGING),
    ("Actueel", BudgetColumn.ACTUEEL),
    ("Gerealiseerd", BudgetColumn.GEREALISEERD),
)
FLOWS = ((Flow.LASTEN, "Lasten"), (Flow.BATEN, "Baten"))


def owners(budget: Budget) -> list[tuple[str, tuple[Amount, ...]]]:
    """Each owner of amounts with its label: kerntaken, beleidsdoelen (BD) and prestaties."""
    result = []
    for programme in budget.programmes:
        for objective in programme.objectives:
            result.append((f"BD {objective.code}", objective.amounts))
            result += [(f"prestatie {p.code}", p.amounts) for p in objective.prestaties]
        result.append((f"kerntaak {programme.number} (niet per BD)", programme.amounts))
    return result


def column_sum(amounts: tuple[Amount, ...], flow: Flow, column: BudgetColumn, year: int) -> Decimal:
    return sum(
        (a.value for a in amounts if (a.flow, a.column, a.year) == (flow, column, year)),
        Decimal(0),
    )


def table(budget: Budget, year: int) -> list[str]:
    """Per owner and flow: the four columns and Ruimte (actueel − gerealiseerd), with totals."""
    header = ["", *(label for label, _ in COLUMNS), "Ruimte"]
    rows: list[list[str]] = []
    for flow, flow_label in FLOWS:
        totals = [Decimal(0)] * len(COLUMNS)
        found = False
        for label, amounts in owners(budget):
            if not any(a.flow is flow and a.year == year for a in amounts):
                continue
            found = True
            values = [column_sum(amounts, flow, column, year) for _, column in COLUMNS]
            totals = [t + v for t, v in zip(totals, values, strict=True)]
            rows.append([f"{flow_label} {label}", *_cells(values)])
        if found:
            rows.append([f"Totaal {flow_label.lower()}", *_cells(totals)])
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = []
    for row in [header, *rows]:
        cells = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("  ".join(cells).rstrip())
    return lines


def _cells(values: list[Decimal]) -> list[str]:
    actueel, gerealiseerd = values[2], values[3]
    ruimte = actueel - gerealiseerd
    return [prestatie.format_amount(v) for v in (*values, ruimte)]


def shown(path: Path) -> Path:
    """A path as the user would type it: relative to the current folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd())
    except ValueError:
        return path


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path, help="the .xlsx or .json to write")
    parser.add_argument("--sheet", type=Path, default=SHEET, help="the foreign monitor sheet")
    parser.add_argument("--mapping", type=Path, default=MAPPING, help="its TOML mapping")
    args = parser.parse_args(argv)
    _example.start(args.sheet, args.mapping)
    out: Path = args.out or Path(tempfile.mkdtemp(prefix="prestatie-")) / "monitor-canoniek.xlsx"
    budget = _example.read(args.sheet, mapping=args.mapping)
    failed = _example.write(budget, out)
    if failed:
        return failed
    if _example.read(out) != budget:
        _example.say(_("{out}: does not read back as written").format(out=out))
        return 1
    print(
        _("Read: {sheet} with {mapping}").format(
            sheet=shown(args.sheet), mapping=shown(args.mapping)
        )
    )
    print(_("Written: {out}").format(out=out))
    print()
    print(
        f"{budget.kind.value.capitalize()} {budget.year}, provincie {budget.province}"
        f" (bedragen {budget.unit.value})"
    )
    print("\n".join(table(budget, budget.year)))
    print(
        _(
            "Ruimte = actueel − gerealiseerd, exact; a published table can be off by 1 per cell"
            "\nbecause each cell is rounded on its own."
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""The targets of prestaties against what was realised: gehaald, niet gehaald, niet meetbaar.

    python examples/targets_vs_realised.py [MONITOR.xlsx|MONITOR.json] [CODE...]

reads examples/data/monitor-2017-2.xlsx and prestaties 7.2.2 and 7.2.3 by default. Each
target of each action is evaluated (`Target.evaluate`) against the realised value of the same
unit that the action records; a target without a realised value is listed as such. For a
monitor or jaarverslag each prestatie's content colour follows (`prestatie.progress`, the
share of measurable targets gehaald), beside the colour the monitor itself records.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import _example
from _example import _

import prestatie
from prestatie import Budget, Code, DocumentKind, Outcome, Prestatie, TargetKind

DEFAULT = Path(__file__).resolve().parent / "data" / "monitor-2017-2.xlsx"
DEFAULT_CODES = ("7.2.2", "7.2.3")
NO_VALUE = "geen realisatie"
"""Shown for a measurable target without a realised value."""


def evaluate(item: Prestatie) -> list[tuple[int, str, str, str]]:
    """Per target: the action number, the target as printed, the realised value and the
    verdict (an `Outcome` label, or "geen realisatie")."""
    rows = []
    for action in item.actions:
        realised = {measurement.unit: measurement.value for measurement in action.realised}
        for target in action.targets:
            value = realised.get(target.unit)
            if value is None:
                verdict = (
                    Outcome.NOT_MEASURABLE.value
                    if target.kind is TargetKind.QUALITATIVE
                    else NO_VALUE
                )
                rows.append((action.number, target.text, "-", verdict))
                continue
            evaluation = target.evaluate(value)
            shown = f"{prestatie.format_amount(value)} {target.unit}"
            rows.append((action.number, target.text, shown, evaluation.outcome.value))
    return rows


def content_colours(budget: Budget) -> dict[Code, str]:
    """Per prestatie, the content colour of `prestatie.progress` (default thresholds) next to
    the one the monitor records; none for a begroting, which realises nothing."""
    if budget.kind is DocumentKind.BEGROTING:
        return {}
    result = {}
    for item in prestatie.progress(budget).prestaties:
        rule = item.content.value if item.content else "geen oordeel"
        line = f"Inhoud volgens de kleurregel: {rule}"
        if item.recorded is not None and item.recorded.content is not None:
            line += f"; de monitor zelf: {item.recorded.content.value}"
        result[item.code] = line
    return result


def report(budget: Budget, codes: list[str]) -> tuple[list[str], Counter[str]]:
    """The printed lines for these prestaties, and how often each verdict occurs."""
    counts: Counter[str] = Counter()
    colours = content_colours(budget)
    lines = [f"{budget.title or budget.kind.value} — provincie {budget.province}", ""]
    for code in codes:
        item = budget.prestatie(code)
        lines.append(f"Prestatie {item.code} {item.title}")
        rows = evaluate(item)
        if not rows:
            lines.append("  (geen streefwaarden)")
        header = ("Actie", "Streefwaarde", "Gerealiseerd", "Oordeel")
        table = [header, *[(str(n), text, value, verdict) for n, text, value, verdict in rows]]
        widths = [max(len(row[i]) for row in table) for i in range(4)] if rows else []
        for row in table if rows else []:
            lines.append("  " + "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
        counts.update(verdict for *_, verdict in rows)
        if item.code in colours:
            lines.append(f"  {colours[item.code]}")
        lines.append("")
    order = [o.value for o in Outcome] + [NO_VALUE]
    summary = ", ".join(f"{counts[label]} {label}" for label in order if counts[label])
    lines.append(f"Samenvatting: {summary or 'geen streefwaarden'}")
    return [line.rstrip() for line in lines], counts


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT
    codes = argv[1:] or list(DEFAULT_CODES)
    _example.start(path)
    budget = _example.read(path)
    for code in codes:
        try:
            budget.prestatie(code)
        except (KeyError, prestatie.PrestatieError):
            _example.say(_("{path}: no prestatie {code!r} found").format(path=path, code=code))
            return 1
    lines, _counts = report(budget, codes)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Indicator tables: one indicator per row, with its baseline (nulmeting) and a target per
year column. A target that is not a number ("< nulmeting", "PM", "≥ landelijk gemiddelde")
is kept as a qualitative target, never dropped."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from decimal import Decimal

from prestatie._code import Code
from prestatie._errors import PrestatieError
from prestatie._foreign.mapping import printed_code
from prestatie._foreign.sheet import Sheet
from prestatie._language import N_
from prestatie._model import Indicator
from prestatie._money import from_spreadsheet_number, parse_amount
from prestatie._target.algebra import Target, TargetKind

_NO_VALUE = frozenset({"pm", "-", "nvt", "n.v.t.", "nnb", "n.n.b.", "geen meting"})


def _number(value: object) -> tuple[Decimal, str] | None:
    """A cell's number and its unit ("%" or ""), or None when the cell holds none."""
    if isinstance(value, float) and not math.isfinite(value):
        return None  # kept as its text, like any value that is no number
    if isinstance(value, int | float) and not isinstance(value, bool):
        return from_spreadsheet_number(value), ""
    if not isinstance(value, str):
        return None
    text = value.strip()
    unit = "%" if text.endswith("%") else ""
    try:
        amount = parse_amount(text.removesuffix("%").strip())
    except PrestatieError:
        return None
    return (amount, unit) if amount is not None else None


def indicator_rows(sheet: Sheet) -> Iterator[tuple[Code, Indicator]]:
    """Each indicator of the table with the objective it belongs to."""
    mapping = sheet.mapping
    code_col = sheet.find(mapping.code)
    title_col = sheet.find(mapping.title)
    baseline_col = sheet.find(mapping.baseline)
    years = []
    if mapping.year_columns is not None:
        for col, header in sheet.headers.items():
            matched = mapping.year_columns.match(header) if header else None
            if matched is not None:
                years.append((col, matched[1]))
    if code_col is None:
        return
    for number in range(max(mapping.header_rows) + 1, sheet.max_row + 1):
        if sheet.blank(number):
            continue
        label = sheet.text(number, code_col)
        found = re.search(mapping.code_pattern or r"^(.*)$", label, flags=re.IGNORECASE)
        try:
            parts = found.groups() if found else ()
            code = printed_code(".".join(p for p in parts if p is not None))
        except PrestatieError:
            code = None
        if code is None or code.level != 2:
            sheet.problem(
                number,
                code_col,
                sheet.value(number, code_col),
                "objective-code-missing",
                N_("found {found}: expected the code of an objective (7.2)"),
            )
            continue
        baseline = None
        units = set()
        if baseline_col is not None:
            value = sheet.value(number, baseline_col)
            read = _number(value)
            if read is not None:
                baseline, unit = read
                units.add(unit)
            elif value is not None and sheet.text(number, baseline_col).casefold() not in _NO_VALUE:
                sheet.problem(
                    number,
                    baseline_col,
                    value,
                    "not-a-baseline",
                    N_("found {found}: expected a number such as 653.000 or 27%, or PM / -"),
                )
        targets: list[tuple[int, Decimal | None, str]] = []
        for col, year in years:
            text = sheet.text(number, col)
            if not text:
                continue
            read = _number(sheet.value(number, col))
            if read is None:
                targets.append((year, None, text))
            else:
                units.add(read[1])
                targets.append((year, read[0], text))
        unit = "%" if "%" in units else ""
        yield (
            code,
            Indicator(
                name=sheet.text(number, title_col),
                unit=unit,
                baseline=baseline,
                targets=tuple(
                    Target(unit=unit, lower=value, upper=value, year=year, text=text)
                    if value is not None
                    else Target(unit=unit, kind=TargetKind.QUALITATIVE, year=year, text=text)
                    for year, value, text in targets
                ),
            ),
        )

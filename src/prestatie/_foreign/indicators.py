"""Indicator tables: one indicator per row, with its baseline (nulmeting), a target per year
column and what was measured (meetwaarde). A target that is not a number ("< nulmeting",
"PM", "≥ landelijk gemiddelde") is kept as a qualitative target, a measured value that is
not one ("Geen meting", "N.n.b.") as the text printed: never dropped.

The code of a row names the programme (`1`), objective (`1.6`) or prestatie (`1.6.2`) the
indicator belongs to."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from prestatie._code import Code
from prestatie._errors import PrestatieError
from prestatie._foreign.mapping import printed_code
from prestatie._foreign.sheet import Sheet
from prestatie._language import N_
from prestatie._model import Indicator, Measurement
from prestatie._money import cell_number, parse_amount
from prestatie._target.algebra import Target, TargetKind

_NO_VALUE = frozenset({"pm", "-", "nvt", "n.v.t.", "nnb", "n.n.b.", "geen meting"})
# A number and the unit printed after it: "27%", "40 Mton", "13,4 PJ".
_WITH_UNIT = re.compile(r"(?P<number>\S+?)\s*(?P<unit>%|[^\W\d_]{1,5})?")
# A number that leads a longer text: "7,8 (landelijk gemiddelde 7,8)", "35,8 (datajaar 2022)".
_LEADING = re.compile(r"(?P<number>-?[0-9][0-9.,]*)(?P<unit>%)?(?:\s+\(.*\))")


def _number(value: object, pattern: re.Pattern[str] = _WITH_UNIT) -> tuple[Decimal, str] | None:
    """A cell's number and its unit ("%", "Mton" or ""), or None when the cell holds none."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = cell_number(value)  # infinity is kept as its text, like any other no number
        return None if number is None else (number, "")
    if not isinstance(value, str):
        return None
    found = pattern.fullmatch(" ".join(value.split()))
    if found is None:
        return None
    try:
        amount = parse_amount(found["number"])
    except PrestatieError:
        return None
    return (amount, found["unit"] or "") if amount is not None else None


def _columns(sheet: Sheet) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The (column, year) of each target column and of each measured-value column."""
    mapping = sheet.mapping
    targets, measured = [], []
    for col, header in sheet.headers.items():
        text = " ".join(header.split()) if header else ""
        realised = re.fullmatch(mapping.realised, text, flags=re.IGNORECASE) if text else None
        if realised is not None:
            measured.append((col, int(realised["year"])))
            continue
        matched = mapping.year_columns.match(text) if mapping.year_columns and text else None
        if matched is not None:
            targets.append((col, matched[1]))
    return targets, measured


def _owner(sheet: Sheet, number: int, col: int) -> tuple[Code, str] | None:
    """The code of the row's programme, objective or prestatie, and the indicator's own code
    as printed when it says more ("1.6.a")."""
    label = sheet.text(number, col)
    found = re.search(sheet.mapping.code_pattern or r"^(.*)$", label, flags=re.IGNORECASE)
    try:
        parts = found.groups() if found else ()
        code = printed_code(".".join(p for p in parts if p is not None))
    except PrestatieError:
        code = None
    if code is None or not 1 <= code.level <= 3:
        sheet.problem(
            number,
            col,
            sheet.value(number, col),
            "owner-code-missing",
            N_(
                "found {found}: expected the code of a programme (7), objective (7.2) or"
                " prestatie (7.2.3)"
            ),
        )
        return None
    return code, label if label != str(code) else ""


def indicator_rows(sheet: Sheet) -> Iterator[tuple[Code, Indicator]]:
    """Each indicator of the table with the programme, objective or prestatie it belongs to."""
    mapping = sheet.mapping
    code_col = sheet.find(mapping.code)
    title_col = sheet.find(mapping.title)
    baseline_col = sheet.find(mapping.baseline)
    years, measured = _columns(sheet)
    if code_col is None:
        return
    for number in range(max(mapping.header_rows) + 1, sheet.max_row + 1):
        if sheet.blank(number):
            continue
        owner = _owner(sheet, number, code_col)
        if owner is None:
            continue
        baseline = None
        units = []
        if baseline_col is not None:
            value = sheet.value(number, baseline_col)
            read = _number(value)
            if read is not None:
                baseline, unit = read
                units.append(unit)
            elif value is not None and sheet.text(number, baseline_col).casefold() not in _NO_VALUE:
                sheet.problem(
                    number,
                    baseline_col,
                    value,
                    "not-a-baseline",
                    N_(
                        "found {found}: expected a number such as 653.000, 27% or 40 Mton,"
                        " or PM / -"
                    ),
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
                units.append(read[1])
                targets.append((year, read[0], text))
        realised = []
        for col, year in measured:
            text = sheet.text(number, col)
            if not text:
                continue
            value = sheet.value(number, col)
            read = _number(value) or _number(value, _LEADING)
            if read is not None:
                units.append(read[1])
            only_number = read is not None and _number(value) is not None
            realised.append((year, read[0] if read else None, "" if only_number else text))
        unit = next((u for u in units if u), "")
        yield (
            owner[0],
            Indicator(
                name=sheet.text(number, title_col),
                unit=unit,
                code=owner[1],
                baseline=baseline,
                targets=tuple(
                    Target(unit=unit, lower=value, upper=value, year=year, text=text)
                    if value is not None
                    else Target(unit=unit, kind=TargetKind.QUALITATIVE, year=year, text=text)
                    for year, value, text in targets
                ),
                realised=tuple(
                    Measurement(unit=unit, value=value, year=year, text=text)
                    for year, value, text in realised
                ),
            ),
        )

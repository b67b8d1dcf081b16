"""Writing targets back as the Dutch phrases that `parse_targets` reads."""

from __future__ import annotations

import re
from decimal import Decimal

from prestatie._errors import InvalidValueError
from prestatie._money import format_amount, to_amount
from prestatie._target.algebra import Target, TargetKind
from prestatie._target.words import _DIRECTIONS, EURO, PERCENT

# Writing targets.


def _quantity_text(value: Decimal, unit: str) -> str:
    if unit == EURO or unit.startswith(EURO + " "):
        return f"€ {format_amount(value)}"
    if unit == PERCENT or unit.startswith(PERCENT + " "):
        return f"{format_amount(value)}%"
    return format_amount(value)


def _unit_suffix(unit: str) -> str:
    """What follows the numbers of a phrase: the unit, less the € or % the numbers carry."""
    for carried in (EURO, PERCENT):
        if unit == carried:
            return ""
        if unit.startswith(carried + " "):
            return unit[len(carried) :]
    return f" {unit}"


def _when_text(target: Target) -> str:
    text = " per jaar" if target.yearly else ""
    if target.first_year is not None:
        return f"{text} in de periode {target.first_year}-{target.year}"
    if target.year is not None:
        return f"{text} in {target.year}"
    return text


def format_target(target: Target) -> str:
    """The target as a Dutch phrase that `parse_targets` reads back as the same target.

    >>> format_target(Target.at_least(2, "adviezen"))
    'minimaal 2 adviezen'
    >>> format_target(Target.between(10, 20, "%"))
    'tussen 10% en 20%'
    >>> format_target(Target(unit="jaar", upper=6, year=2030))
    'maximaal 6 jaar in 2030'
    """
    if target.kind is TargetKind.QUALITATIVE:
        return target.text
    if target.kind is TargetKind.RELATIVE:
        return _format_relative(target) + _when_text(target)
    if target.kind is TargetKind.RATIO and not _RATIO_UNIT.search(target.unit):
        raise InvalidValueError(
            f"target {target.describe()}: a ratio's unit says per how many of what, such as"
            f" 'laadpunt per 5 voertuigen'; got {target.unit!r}"
        )
    return _format_bounds(target) + _when_text(target)


_RATIO_UNIT = re.compile(r" per [0-9]")


def _format_bounds(target: Target) -> str:
    unit = _unit_suffix(target.unit)
    lower, upper = target.lower, target.upper
    if lower is not None and lower == upper:
        return f"precies {_quantity_text(lower, target.unit)}{unit}"
    lower_word = "minimaal" if target.lower_inclusive else "meer dan"
    upper_word = "maximaal" if target.upper_inclusive else "minder dan"
    if lower is not None and upper is not None:
        first, second = _quantity_text(lower, target.unit), _quantity_text(upper, target.unit)
        if target.lower_inclusive and target.upper_inclusive:
            return f"tussen {first} en {second}{unit}"
        return f"{lower_word} {first} en {upper_word} {second}{unit}"
    if lower is not None:
        return f"{lower_word} {_quantity_text(lower, target.unit)}{unit}"
    if upper is not None:
        return f"{upper_word} {_quantity_text(upper, target.unit)}{unit}"
    raise InvalidValueError(f"target {target.describe()}: a target without bounds has no phrase")


def _format_relative(target: Target) -> str:
    bounds = (target.lower, target.lower_inclusive, target.upper, target.upper_inclusive)
    for words, (lower, lower_inclusive, upper, upper_inclusive) in _DIRECTIONS:
        if target.baseline_year is None and _key(bounds) == _key(
            (
                None if lower is None else to_amount(lower),
                lower_inclusive,
                None if upper is None else to_amount(upper),
                upper_inclusive,
            )
        ):
            return " ".join(words)
    range_ = _relative_range(target)
    if range_:
        # A range reads without a baseline as one against the nulmeting; "de nulmeting in
        # 2030" would read as a nulmeting held in 2030.
        return range_ + (f" t.o.v. {target.baseline_year}" if target.baseline_year else "")
    if (target.lower is None) == (target.upper is None) or target.is_exact:
        raise InvalidValueError(
            f"target {target.describe()}: only a relative target with one bound, or a range"
            " of changes in one direction with both ends included, has a phrase"
        )
    against = f"t.o.v. {target.baseline_year}" if target.baseline_year else "t.o.v. de nulmeting"
    if target.lower is not None:
        word = "minimaal" if target.lower_inclusive else "meer dan"
        return f"{word} {_signed(target.lower)}% {against}"
    assert target.upper is not None
    word = "maximaal" if target.upper_inclusive else "minder dan"
    return f"{word} {_signed(target.upper)}% {against}"


def _relative_range(target: Target) -> str:
    """'tussen 10 en 20% minder' for a change from -20% to -10%, both ends included: the
    phrase names sizes of change, so both ends must change in the same direction."""
    lower, upper = target.lower, target.upper
    if lower is None or upper is None or target.is_exact:
        return ""
    if not (target.lower_inclusive and target.upper_inclusive):
        return ""
    if upper <= 0:
        return f"tussen {format_amount(-upper)} en {format_amount(-lower)}% minder"
    if lower >= 0:
        return f"tussen {format_amount(lower)} en {format_amount(upper)}% meer"
    return ""


def _key(bounds: tuple[Decimal | None, bool, Decimal | None, bool]) -> tuple[object, ...]:
    lower, lower_inclusive, upper, upper_inclusive = bounds
    return (lower, lower is None or lower_inclusive, upper, upper is None or upper_inclusive)


def _signed(value: Decimal) -> str:
    return ("+" if value >= 0 else "") + format_amount(value)

"""Targets (streefwaarden): each one a set of allowed values of one unit."""

from __future__ import annotations

import enum
from decimal import Decimal

import attrs

from prestatie._errors import InvalidValueError
from prestatie._validate import is_year, of, to_optional_amount


class TargetKind(enum.Enum):
    """How a target states its allowed values."""

    ABSOLUTE = "absoluut"
    """Between `lower` and `upper`, either of which may be open."""
    RELATIVE = "relatief"
    """Relative to a baseline: `lower` and `upper` are percentage changes of the baseline."""
    QUALITATIVE = "kwalitatief"
    """Text only, no number."""


@attrs.frozen(kw_only=True)
class Target:
    """A target: the set of values of `unit` that count as meeting it.

    An absolute target has bounds in `unit`: "maximaal 50 democratiespelen" has `upper=50`.
    A relative target has bounds as percentage changes of a baseline: "neemt toe of blijft
    minimaal gelijk" has `lower=0` inclusive, "neemt toe" `lower=0` strict, "+5% t.o.v. 2016"
    `lower=5` with `baseline_year=2016`. A qualitative target has only its `text`.
    """

    unit: str = attrs.field(validator=of(str))
    """What is counted: "democratiespelen", "%", "euro"."""
    kind: TargetKind = attrs.field(default=TargetKind.ABSOLUTE, validator=of(TargetKind))
    lower: Decimal | None = attrs.field(default=None, converter=to_optional_amount)
    lower_inclusive: bool = attrs.field(default=True, validator=of(bool))
    upper: Decimal | None = attrs.field(default=None, converter=to_optional_amount)
    upper_inclusive: bool = attrs.field(default=True, validator=of(bool))
    year: int | None = attrs.field(default=None, validator=is_year)
    """The year the target applies to, when it is one of a series."""
    baseline: Decimal | None = attrs.field(default=None, converter=to_optional_amount)
    """The value a relative target is measured against, when known."""
    baseline_year: int | None = attrs.field(default=None, validator=is_year)
    text: str = attrs.field(default="", validator=of(str))
    """The target as printed in the budget."""

    def __attrs_post_init__(self) -> None:
        if self.kind is TargetKind.QUALITATIVE:
            if self.lower is not None or self.upper is not None:
                raise InvalidValueError(
                    f"Target.kind: a qualitative target has no bounds, got lower={self.lower}"
                    f" and upper={self.upper}"
                )
            if not self.text.strip():
                raise InvalidValueError("Target.text: a qualitative target needs its text")
        if self.lower is not None and self.upper is not None:
            empty = self.lower > self.upper or (
                self.lower == self.upper and not (self.lower_inclusive and self.upper_inclusive)
            )
            if empty:
                raise InvalidValueError(
                    f"Target.lower: the minimum {self.lower} is above the maximum {self.upper}:"
                    " no value can meet this target"
                )

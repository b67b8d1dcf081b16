"""Targets (streefwaarden): each one a set of allowed values of one unit."""

from __future__ import annotations

import enum
from decimal import Decimal

import attrs

from prestatie._errors import InvalidTypeError, InvalidValueError, UnitMismatchError, describe
from prestatie._language import N_
from prestatie._money import ZERO, format_amount, multiply, to_amount, total
from prestatie._validate import is_year, of, to_optional_amount


class TargetKind(enum.Enum):
    """How a target states its allowed values."""

    ABSOLUTE = "absoluut"
    """Between `lower` and `upper`, either of which may be open."""
    RELATIVE = "relatief"
    """Relative to a baseline: `lower` and `upper` are percentage changes of the baseline."""
    QUALITATIVE = "kwalitatief"
    """Text only, no number."""
    RATIO = "verhouding"
    """A count per so many of something else: `unit` says per how many of what ("laadpunt per 5
    elektrische voertuigen"). Bounds as for an absolute target; ratios do not add up."""


@attrs.frozen(kw_only=True)
class Target:
    """A target: the set of values of `unit` that count as meeting it.

    An absolute target has bounds in `unit`: "maximaal 50 democratiespelen" has `upper=50`.
    A relative target has bounds as percentage changes of a baseline: "neemt toe of blijft
    minimaal gelijk" has `lower=0` inclusive, "neemt toe" `lower=0` strict, "+5% t.o.v. 2016"
    `lower=5` with `baseline_year=2016`. A ratio target counts `unit` per so many of something
    else ("minimaal 1 laadpunt per 5 elektrische voertuigen"). A qualitative target has only its
    `text`.

    When it applies: `year` alone is the year it is due ("in 2030", "tot eind 2027");
    `first_year` with `year` is a period ("in de periode 2022 t/m 2030"); `yearly` says it holds
    for each year ("jaarlijks", "per jaar"), of its period when it has one.

    A bound of None is open; its `lower_inclusive` or `upper_inclusive` carries no meaning and
    is always True, so targets that allow the same values with the same text compare and hash
    equal.
    Targets of one unit add (`+`), intersect (`intersect`) and scale (`scale`) as sets of
    values; a relative target takes part only after `resolve` against its baseline.

    >>> (Target.at_most(50, "democratiespelen") + Target.at_most(30, "democratiespelen")).upper
    Decimal('80')
    """

    unit: str = attrs.field(validator=of(str))
    """What is counted: "democratiespelen", "%", "euro"."""
    kind: TargetKind = attrs.field(default=TargetKind.ABSOLUTE, validator=of(TargetKind))
    lower: Decimal | None = attrs.field(default=None, converter=to_optional_amount)
    lower_inclusive: bool = attrs.field(default=True, validator=of(bool))
    upper: Decimal | None = attrs.field(default=None, converter=to_optional_amount)
    upper_inclusive: bool = attrs.field(default=True, validator=of(bool))
    year: int | None = attrs.field(default=None, validator=is_year)
    """The year the target applies to, or the last year of its period."""
    first_year: int | None = attrs.field(default=None, validator=is_year)
    """The first year of the period the target covers, when it covers several years."""
    yearly: bool = attrs.field(default=False, validator=of(bool))
    """True when the target holds for each year ("jaarlijks"), not once."""
    baseline: Decimal | None = attrs.field(default=None, converter=to_optional_amount)
    """The value a relative target is measured against, when known."""
    baseline_year: int | None = attrs.field(default=None, validator=is_year)
    text: str = attrs.field(default="", validator=of(str))
    """The target as printed in the budget."""

    def __attrs_post_init__(self) -> None:
        # An open bound's flag is normalised here, as attrs documents for frozen classes: a
        # converter that reads another field (attrs.Converter(takes_self=True)) would leave the
        # constructor's flags typed Any for mypy.
        if self.lower is None and not self.lower_inclusive:
            object.__setattr__(self, "lower_inclusive", True)
        if self.upper is None and not self.upper_inclusive:
            object.__setattr__(self, "upper_inclusive", True)
        if self.first_year is not None and (self.year is None or self.first_year >= self.year):
            raise InvalidValueError(
                N_("a period needs a later last year, got {first} to {last}"),
                owner="Target",
                field="first_year",
                code="period-reversed",
                params={"first": self.first_year, "last": self.year},
            )
        if self.kind is TargetKind.QUALITATIVE:
            if self.lower is not None or self.upper is not None:
                raise InvalidValueError(
                    N_("a qualitative target has no bounds, got lower={lower} and upper={upper}"),
                    owner="Target",
                    field="kind",
                    code="qualitative-with-bounds",
                    params={"lower": self.lower, "upper": self.upper},
                )
            if not self.text.strip():
                raise InvalidValueError(
                    N_("a qualitative target needs its text"),
                    owner="Target",
                    field="text",
                    code="qualitative-without-text",
                )
        if self.lower is not None and self.upper is not None:
            empty = self.lower > self.upper or (
                self.lower == self.upper and not (self.lower_inclusive and self.upper_inclusive)
            )
            if empty:
                raise InvalidValueError(
                    N_(
                        "the minimum {lower} is above the maximum {upper}: no value can meet"
                        " this target"
                    ),
                    owner="Target",
                    field="lower",
                    code="target-empty",
                    params={"lower": self.lower, "upper": self.upper},
                )

    # Constructors for the usual kinds.

    @classmethod
    def at_least(
        cls, value: Decimal | int, unit: str, *, strict: bool = False, text: str = ""
    ) -> Target:
        """ "minimaal", "ten minste", "in elk geval"; with `strict`, "meer dan" (>)."""
        return cls(unit=unit, lower=value, lower_inclusive=not strict, text=text)

    @classmethod
    def at_most(
        cls, value: Decimal | int, unit: str, *, strict: bool = False, text: str = ""
    ) -> Target:
        """ "maximaal", "hoogstens", "niet meer dan"; with `strict`, "minder dan" (<)."""
        return cls(unit=unit, upper=value, upper_inclusive=not strict, text=text)

    @classmethod
    def exactly(cls, value: Decimal | int, unit: str, *, text: str = "") -> Target:
        """ "precies", or a bare number."""
        return cls(unit=unit, lower=value, upper=value, text=text)

    @classmethod
    def between(
        cls,
        lower: Decimal | int,
        upper: Decimal | int,
        unit: str,
        *,
        lower_inclusive: bool = True,
        upper_inclusive: bool = True,
        text: str = "",
    ) -> Target:
        """ "tussen 10 en 20": both bounds inclusive unless stated otherwise."""
        return cls(
            unit=unit,
            lower=lower,
            lower_inclusive=lower_inclusive,
            upper=upper,
            upper_inclusive=upper_inclusive,
            text=text,
        )

    @classmethod
    def qualitative(cls, text: str, unit: str = "") -> Target:
        """A target that is only text: it can be read, not measured."""
        return cls(unit=unit, kind=TargetKind.QUALITATIVE, text=text)

    # Reading a target.

    @property
    def is_exact(self) -> bool:
        """True for "exactly x": both bounds present and equal."""
        return self.lower is not None and self.lower == self.upper

    def same_values(self, other: Target) -> bool:
        """True when both targets allow the same values of the same unit, whatever their text,
        year or the inclusiveness recorded on an open bound."""
        return _key(self) == _key(other)

    def contains(self, value: Decimal | int) -> bool:
        """True when `value` meets this absolute target."""
        _require_absolute(self, "test a value against")
        amount = to_amount(value, "value")
        if self.lower is not None and (
            amount < self.lower or (amount == self.lower and not self.lower_inclusive)
        ):
            return False
        return not (
            self.upper is not None
            and (amount > self.upper or (amount == self.upper and not self.upper_inclusive))
        )

    # Operations.

    def resolve(self, baseline: Decimal | int | None = None) -> Target:
        """The absolute target a relative one sets once its baseline is known.

        A change of p% moves the baseline by p% of its size: bound = baseline + |baseline| × p/100,
        so "+5%" is upward for a negative baseline too. The resolved bounds then rise with the
        baseline (never fall) as long as -100 ≤ p, and p ≤ 100 when the baseline is negative;
        other changes are refused as having no monotone meaning. `baseline` defaults to the
        target's own; an absolute or ratio target resolves to itself.
        """
        if self.kind in (TargetKind.ABSOLUTE, TargetKind.RATIO):
            return self
        if self.kind is TargetKind.QUALITATIVE:
            raise InvalidValueError(
                f"target {self.describe()}: a qualitative target has no bounds to resolve"
            )
        base = self.baseline if baseline is None else to_amount(baseline, "baseline")
        if base is None:
            raise InvalidValueError(
                f"target {self.describe()}: a relative target needs a baseline to resolve,"
                " and none was given or recorded"
            )
        return attrs.evolve(
            self,
            kind=TargetKind.ABSOLUTE,
            lower=None if self.lower is None else _moved(base, self.lower, self),
            upper=None if self.upper is None else _moved(base, self.upper, self),
            baseline=None,
            baseline_year=None,
        )

    def __add__(self, other: Target) -> Target:
        """The set of all sums x + y with x in this target and y in `other` (interval
        addition): at most 50 plus at most 30 is at most 80; a strict bound stays strict."""
        if not isinstance(other, Target):
            return NotImplemented
        _require_same_unit(self, other, "add")
        _require_absolute(self, "add")
        _require_absolute(other, "add")
        if self.kind is TargetKind.RATIO:
            raise InvalidValueError(
                f"cannot add {self.describe()} and {other.describe()}: ratios do not add up"
            )
        year, first_year, yearly = _common_when(self, other)
        lower = upper = None
        if self.lower is not None and other.lower is not None:
            lower = total([self.lower, other.lower])
        if self.upper is not None and other.upper is not None:
            upper = total([self.upper, other.upper])
        return Target(
            unit=self.unit,
            lower=lower,
            lower_inclusive=self.lower_inclusive and other.lower_inclusive,
            upper=upper,
            upper_inclusive=self.upper_inclusive and other.upper_inclusive,
            year=year,
            first_year=first_year,
            yearly=yearly,
        )

    def intersect(self, other: Target) -> Target | Conflict:
        """The values that meet both targets, or a `Conflict` naming both when there are none."""
        _require_same_unit(self, other, "intersect")
        _require_absolute(self, "intersect")
        _require_absolute(other, "intersect")
        lower, lower_inclusive = _tighter(
            (self.lower, self.lower_inclusive), (other.lower, other.lower_inclusive), larger=True
        )
        upper, upper_inclusive = _tighter(
            (self.upper, self.upper_inclusive), (other.upper, other.upper_inclusive), larger=False
        )
        if (
            lower is not None
            and upper is not None
            and (lower > upper or (lower == upper and not (lower_inclusive and upper_inclusive)))
        ):
            return Conflict(first=self, second=other)
        year, first_year, yearly = _common_when(self, other)
        return Target(
            unit=self.unit,
            lower=lower,
            lower_inclusive=lower_inclusive,
            upper=upper,
            upper_inclusive=upper_inclusive,
            kind=self.kind,
            year=year,
            first_year=first_year,
            yearly=yearly,
        )

    def scale(self, factor: Decimal | int) -> Target:
        """The set of values x × factor for x in this target; the factor is zero or more."""
        _require_absolute(self, "scale")
        exact = to_amount(factor, "scale factor")
        if exact < 0:
            raise InvalidValueError(
                f"scale factor: expected zero or more, got {exact} (a negative factor would swap"
                f" the bounds of {self.describe()})"
            )
        if exact == 0:
            return Target(
                unit=self.unit,
                kind=self.kind,
                lower=ZERO,
                upper=ZERO,
                year=self.year,
                first_year=self.first_year,
                yearly=self.yearly,
            )
        return attrs.evolve(
            self,
            lower=None if self.lower is None else multiply(self.lower, exact),
            upper=None if self.upper is None else multiply(self.upper, exact),
            text="",
        )

    def evaluate(self, value: Decimal | int, baseline: Decimal | int | None = None) -> Evaluation:
        """Whether a realised value meets the target, how far it is from the nearest bound and,
        where defined, the achievement ratio.

        A qualitative target, or a relative one without a baseline, is not measurable.
        """
        amount = to_amount(value, "realised value")
        if self.kind is TargetKind.QUALITATIVE:
            return Evaluation(
                outcome=Outcome.NOT_MEASURABLE,
                target=self,
                value=amount,
                reason="a qualitative target has no number to compare with",
            )
        if self.kind is TargetKind.RELATIVE and baseline is None and self.baseline is None:
            return Evaluation(
                outcome=Outcome.NOT_MEASURABLE,
                target=self,
                value=amount,
                reason="a relative target needs a baseline, and none was given or recorded",
            )
        resolved = self.resolve(baseline)
        met = resolved.contains(amount)
        return Evaluation(
            outcome=Outcome.MET if met else Outcome.NOT_MET,
            target=resolved,
            value=amount,
            distance=_distance(resolved, amount, met),
            ratio=_ratio(resolved, amount),
        )

    def describe(self) -> str:
        """The target in mathematical notation, with its text: `≤ 50 democratiespelen
        ("maximaal 50 democratiespelen")`."""
        if self.kind is TargetKind.QUALITATIVE:
            return repr(self.text)
        percent = "%" if self.kind is TargetKind.RELATIVE or self.unit == "%" else ""
        if self.is_exact:
            shown = f"= {format_amount(self.lower or ZERO)}{percent}"
        else:
            parts = []
            if self.lower is not None:
                parts.append(f"{'≥' if self.lower_inclusive else '>'} {format_amount(self.lower)}")
            if self.upper is not None:
                parts.append(f"{'≤' if self.upper_inclusive else '<'} {format_amount(self.upper)}")
            shown = " en ".join(part + percent for part in parts) if parts else "elke waarde"
        if self.kind is TargetKind.RELATIVE:
            shown += " t.o.v. basiswaarde"
        shown += "" if self.unit in ("", "%") else f" {self.unit}"
        return shown + (f" ({self.text!r})" if self.text else "")


class Outcome(enum.Enum):
    """The result of evaluating a target against a realised value."""

    MET = "gehaald"
    NOT_MET = "niet gehaald"
    NOT_MEASURABLE = "niet meetbaar"


@attrs.frozen(kw_only=True)
class Evaluation:
    """A target evaluated against a realised value.

    `target` is the target as evaluated (a relative target resolved against its baseline).
    `distance` is how far the value lies from the nearest bound (for a target that is not met:
    from the bound it misses), None for a target without bounds. `ratio` is value / bound for
    a target with one positive reference bound ("at least", "at most" or "exactly"), else None.
    """

    outcome: Outcome
    target: Target
    value: Decimal
    distance: Decimal | None = None
    ratio: Decimal | None = None
    reason: str = ""

    @property
    def met(self) -> bool:
        return self.outcome is Outcome.MET


@attrs.frozen(kw_only=True)
class Conflict:
    """Two targets that no single value can meet."""

    first: Target
    second: Target

    @property
    def message(self) -> str:
        return (
            f"conflicting targets: no value meets both {self.first.describe()}"
            f" and {self.second.describe()}"
        )

    def __str__(self) -> str:
        return self.message


def _key(target: Target) -> tuple[object, ...]:
    return (
        target.unit,
        target.kind,
        target.lower,
        target.lower is None or target.lower_inclusive,
        target.upper,
        target.upper is None or target.upper_inclusive,
        target.baseline,
        target.text if target.kind is TargetKind.QUALITATIVE else "",
    )


def _require_same_unit(first: Target, second: Target, verb: str) -> None:
    if not isinstance(second, Target):
        raise InvalidTypeError(f"cannot {verb} a Target and {describe(second)}")
    if (first.kind is TargetKind.RATIO) != (second.kind is TargetKind.RATIO):
        raise UnitMismatchError(
            f"cannot {verb} a ratio and a count: {first.describe()} and {second.describe()}"
        )
    if first.unit != second.unit:
        raise UnitMismatchError(
            f"cannot {verb} targets of different units: {first.describe()} is in"
            f" {first.unit!r}, {second.describe()} is in {second.unit!r}"
        )


def _common_when(first: Target, second: Target) -> tuple[int | None, int | None, bool]:
    """The year, first year and yearly flag of two targets combined: kept when they agree."""
    when = (first.year, first.first_year, first.yearly)
    return when if when == (second.year, second.first_year, second.yearly) else (None, None, False)


def _require_absolute(target: Target, verb: str) -> None:
    if target.kind is TargetKind.QUALITATIVE:
        raise InvalidValueError(
            f"cannot {verb} {target.describe()}: a qualitative target has no values"
        )
    if target.kind is TargetKind.RELATIVE:
        raise InvalidValueError(
            f"cannot {verb} {target.describe()}: a relative target must first be resolved"
            " against its baseline (Target.resolve)"
        )


def _moved(baseline: Decimal, percent: Decimal, target: Target) -> Decimal:
    if percent < -100 or (baseline < 0 and percent > 100):
        raise InvalidValueError(
            f"target {target.describe()}: a change of {format_amount(percent)}% of baseline"
            f" {format_amount(baseline)} has no monotone meaning; expected a change of at"
            " least -100%, and at most 100% for a negative baseline"
        )
    return total([baseline, multiply(abs(baseline), percent.scaleb(-2))])


def _tighter(
    first: tuple[Decimal | None, bool], second: tuple[Decimal | None, bool], *, larger: bool
) -> tuple[Decimal | None, bool]:
    """The stricter of two bounds of the same side: the larger lower or the smaller upper."""
    (a, a_inclusive), (b, b_inclusive) = first, second
    if a is None:
        return b, b_inclusive
    if b is None or a == b:
        return a, a_inclusive and (b is None or b_inclusive)
    chosen = max(a, b) if larger else min(a, b)
    return chosen, a_inclusive if chosen == a else b_inclusive


def _distance(target: Target, value: Decimal, met: bool) -> Decimal | None:
    if not met:
        if target.lower is not None and not (
            value > target.lower or (value == target.lower and target.lower_inclusive)
        ):
            return target.lower - value
        assert target.upper is not None
        return value - target.upper
    gaps = [abs(value - bound) for bound in (target.lower, target.upper) if bound is not None]
    return min(gaps) if gaps else None


def _ratio(target: Target, value: Decimal) -> Decimal | None:
    if target.is_exact or target.upper is None:
        reference = target.lower
    elif target.lower is None:
        reference = target.upper
    else:
        return None
    if reference is None or reference <= 0:
        return None
    return value / reference

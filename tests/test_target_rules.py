"""Targets as finance staff read them (`describe`), scaling as a law on sets of values, and the
limits of a relative change, each checked on its edge."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from prestatie import InvalidTypeError, InvalidValueError, Target, TargetKind, UnitMismatchError
from strategies import absolute_targets, years

_RELATIVE = TargetKind.RELATIVE


@pytest.mark.parametrize(
    ("target", "shown"),
    [
        (
            Target.at_most(50, "democratiespelen", text="maximaal 50 democratiespelen"),
            "≤ 50 democratiespelen ('maximaal 50 democratiespelen')",
        ),
        (Target.at_least(2, "adviezen"), "≥ 2 adviezen"),
        (Target.at_least(3, "adviezen", strict=True), "> 3 adviezen"),
        (Target.at_most(3, "adviezen", strict=True), "< 3 adviezen"),
        (Target.between(10, 20, "gastlessen"), "≥ 10 en ≤ 20 gastlessen"),
        (
            Target.between(Decimal("1.5"), Decimal("1234.5"), "euro", lower_inclusive=False),
            "> 1,5 en ≤ 1.234,5 euro",
        ),
        (Target.between(10, 20, "%"), "≥ 10% en ≤ 20%"),
        (Target.exactly(5, "euro"), "= 5 euro"),
        (Target.exactly(0, "gastlessen"), "= 0 gastlessen"),
        (Target.exactly(Decimal("45.6"), "%"), "= 45,6%"),
        (Target(unit="gastlessen"), "elke waarde gastlessen"),
        (Target(unit=""), "elke waarde"),
        (Target.qualitative("Meer draagvlak"), "'Meer draagvlak'"),
        (Target(unit="", kind=_RELATIVE, lower=5), "≥ 5% t.o.v. basiswaarde"),
        (
            Target(unit="%", kind=_RELATIVE, upper=-5, upper_inclusive=False),
            "< -5% t.o.v. basiswaarde",
        ),
        (
            Target(unit="", kind=_RELATIVE, lower=0, lower_inclusive=False, text="neemt toe"),
            "> 0% t.o.v. basiswaarde ('neemt toe')",
        ),
    ],
)
def test_describe_writes_the_target_in_mathematical_notation(target: Target, shown: str) -> None:
    """`describe` gives ≥/>/≤/< and = with the amount in Dutch notation, "%" after each
    number of a percentage or relative target, the unit unless it is "" or "%", "elke waarde"
    without bounds, "t.o.v. basiswaarde" for a relative target, and the text as printed."""
    assert target.describe() == shown


def test_a_qualitative_target_has_no_unit_unless_given() -> None:
    """`Target.qualitative(text)` counts nothing: its unit is ""."""
    assert Target.qualitative("Meer draagvlak").unit == ""


@given(
    absolute_targets(),
    st.decimals(min_value=Decimal("0.01"), max_value=Decimal(1000), places=2),
    st.none() | years(),
)
def test_law_scaling_multiplies_each_bound_and_keeps_unit_flags_and_year(
    target: Target, factor: Decimal, year: int | None
) -> None:
    """x × factor for every x in the target: each present bound is multiplied, an open bound
    stays open, strictness, unit and year are kept, and the printed text is dropped (it
    states the old numbers)."""
    target = attrs.evolve(target, year=year, text="maximaal 50 gastlessen")
    scaled = target.scale(factor)
    assert scaled.lower == (None if target.lower is None else target.lower * factor)
    assert scaled.upper == (None if target.upper is None else target.upper * factor)
    assert (scaled.lower_inclusive, scaled.upper_inclusive) == (
        target.lower_inclusive,
        target.upper_inclusive,
    )
    assert (scaled.unit, scaled.kind, scaled.year, scaled.text) == (
        target.unit,
        TargetKind.ABSOLUTE,
        year,
        "",
    )


@given(absolute_targets(), st.none() | years())
def test_law_scaling_by_zero_gives_exactly_zero_in_the_same_year(
    target: Target, year: int | None
) -> None:
    """Zero times any value is zero: the result is "= 0" of the same unit and year."""
    target = attrs.evolve(target, year=year)
    assert target.scale(0) == Target(unit=target.unit, lower=0, upper=0, year=year)


@pytest.mark.parametrize(
    ("target", "message"),
    [
        (
            Target(unit="", kind=_RELATIVE, lower=5),
            "cannot scale ≥ 5% t.o.v. basiswaarde: a relative target must first be resolved"
            " against its baseline (Target.resolve)",
        ),
        (
            Target.qualitative("Meer draagvlak"),
            "cannot scale 'Meer draagvlak': a qualitative target has no values",
        ),
    ],
)
def test_only_an_absolute_target_scales(target: Target, message: str) -> None:
    """Scaling a relative or qualitative target is refused, saying why."""
    with pytest.raises(InvalidValueError) as caught:
        target.scale(2)
    assert str(caught.value) == message


def test_a_float_scale_factor_is_refused_by_name() -> None:
    """The factor must be exact; the error calls it the scale factor."""
    with pytest.raises(InvalidTypeError) as caught:
        Target.at_most(1, "gastlessen").scale(0.5)  # type: ignore[arg-type]
    assert str(caught.value).startswith("scale factor: expected a Decimal or int, got float 0.5")


@pytest.mark.parametrize(
    ("baseline", "percent", "resolved"),
    [
        (100, -100, 0),  # the largest fall: down to nothing
        (-10, 100, 0),  # the largest rise of a negative baseline: up to nothing
        (0, 150, 0),  # a zero baseline moves by nothing, whatever the change
        (0, -100, 0),
        (-10, Decimal("99.5"), Decimal("-0.05")),
        (10, Decimal("-99.5"), Decimal("0.05")),
    ],
)
def test_a_change_on_the_edge_of_its_limits_resolves(
    baseline: int, percent: Decimal | int, resolved: Decimal | int
) -> None:
    """-100% is allowed for any baseline, and up to 100% for a negative baseline; a zero
    baseline allows any change of -100% or more."""
    target = Target(unit="", kind=_RELATIVE, lower=percent)
    assert target.resolve(baseline).lower == resolved


@pytest.mark.parametrize(
    ("baseline", "percent"),
    [(10, Decimal("-100.5")), (0, Decimal("-100.01")), (-10, Decimal("100.5"))],
)
def test_a_change_beyond_its_limits_is_refused(baseline: int, percent: Decimal) -> None:
    """Below -100%, or above 100% of a negative baseline, a change has no monotone meaning."""
    target = Target(unit="", kind=_RELATIVE, lower=percent)
    with pytest.raises(InvalidValueError, match="has no monotone meaning"):
        target.resolve(baseline)


@given(absolute_targets())
def test_law_a_strict_bound_never_allows_the_same_values_as_an_inclusive_one(
    target: Target,
) -> None:
    """Flipping the strictness of a present bound changes the set of values, so the two
    targets are not `same_values`; flipping it on an open bound changes nothing."""
    for side in ("lower", "upper"):
        if target.is_exact:
            break  # "exactly x" with a strict bound allows no value at all
        flag = f"{side}_inclusive"
        flipped = attrs.evolve(target, **{flag: not getattr(target, flag)})
        assert flipped.same_values(target) is (getattr(target, side) is None)


def test_qualitative_targets_are_the_same_only_with_the_same_text() -> None:
    """Without numbers, the text is what a qualitative target states."""
    first = Target.qualitative("Meer draagvlak")
    assert first.same_values(Target.qualitative("Meer draagvlak"))
    assert not first.same_values(Target.qualitative("Minder draagvlak"))


@given(absolute_targets(), absolute_targets(), st.none() | years(), st.none() | years())
def test_law_a_sum_or_intersection_keeps_the_year_only_when_both_share_it(
    a: Target, b: Target, first: int | None, second: int | None
) -> None:
    """Targets of the same year add and intersect to a target of that year; targets of
    different years (or none) give a target of no particular year."""
    a, b = attrs.evolve(a, year=first), attrs.evolve(b, year=second)
    expected = first if first == second else None
    assert (a + b).year == expected
    both = a.intersect(b)
    if isinstance(both, Target):
        assert both.year == expected


def test_between_includes_both_ends_unless_told_and_has_no_text() -> None:
    """`Target.between(10, 20, unit)` allows 10 and 20 themselves; its text, like that of
    `at_least` and `exactly`, is empty unless given."""
    target = Target.between(10, 20, "gastlessen")
    assert target.contains(10)
    assert target.contains(20)
    assert (target.lower_inclusive, target.upper_inclusive) == (True, True)
    for made in (target, Target.at_least(1, "x"), Target.exactly(1, "x")):
        assert made.text == ""


_RELATIVE_ONE = Target(unit="x", kind=_RELATIVE, lower=1)
_NOT_RESOLVED = (
    "cannot {verb} ≥ 1% t.o.v. basiswaarde x: a relative target must first be resolved against"
    " its baseline (Target.resolve)"
)


@pytest.mark.parametrize(
    ("operation", "verb"),
    [
        (lambda: _RELATIVE_ONE + Target.at_most(5, "x"), "add"),
        (lambda: Target.at_most(5, "x") + _RELATIVE_ONE, "add"),
        (lambda: _RELATIVE_ONE.intersect(Target.at_most(5, "x")), "intersect"),
        (lambda: Target.at_most(5, "x").intersect(_RELATIVE_ONE), "intersect"),
        (lambda: _RELATIVE_ONE.contains(3), "test a value against"),
    ],
)
def test_an_unresolved_relative_target_is_refused_naming_the_operation(
    operation: object, verb: str
) -> None:
    """Adding, intersecting or testing a value against a relative target says which of
    these was tried and that the target must be resolved first."""
    with pytest.raises(InvalidValueError) as caught:
        operation()  # type: ignore[operator]
    assert str(caught.value) == _NOT_RESOLVED.format(verb=verb)


@pytest.mark.parametrize(
    ("verb", "operation"), [("add", Target.__add__), ("intersect", Target.intersect)]
)
def test_targets_of_different_units_are_refused_naming_both(verb: str, operation: object) -> None:
    """The error names the operation, both targets and both units."""
    with pytest.raises(UnitMismatchError) as caught:
        operation(Target.at_most(5, "x"), Target.at_most(5, "y"))  # type: ignore[operator]
    assert str(caught.value) == (
        f"cannot {verb} targets of different units: ≤ 5 x is in 'x', ≤ 5 y is in 'y'"
    )


def test_a_target_intersects_only_with_a_target() -> None:
    """Intersecting with a number is a type error naming what was given."""
    with pytest.raises(InvalidTypeError) as caught:
        Target.at_most(5, "x").intersect(5)  # type: ignore[arg-type]
    assert str(caught.value) == "cannot intersect a Target and int 5"


def test_a_float_tested_against_a_target_is_refused_by_name() -> None:
    with pytest.raises(InvalidTypeError) as caught:
        Target.at_most(5, "x").contains(0.5)  # type: ignore[arg-type]
    assert str(caught.value).startswith("value: expected a Decimal or int, got float 0.5")


@given(
    absolute_targets(),
    st.sampled_from([Decimal(0), Decimal(1), Decimal("2.5")]),
    years(2000, 2020),
    st.integers(min_value=1, max_value=10),
    st.booleans(),
)
def test_law_scaling_keeps_the_period_and_per_year_of_a_target(
    target: Target, factor: Decimal, first_year: int, length: int, yearly: bool
) -> None:
    """ "minimaal 5 gastlessen per jaar in de periode 2017-2020" scaled, by zero too, still
    holds per year over 2017-2020."""
    target = attrs.evolve(target, first_year=first_year, year=first_year + length, yearly=yearly)
    scaled = target.scale(factor)
    assert (scaled.first_year, scaled.year, scaled.yearly) == (
        first_year,
        first_year + length,
        yearly,
    )


_PERIODS = st.sampled_from([(None, None, False), (2020, None, True), (2020, 2017, False)])
_PERIODS |= st.sampled_from([(2020, 2017, True), (2021, 2017, True), (2020, 2018, True)])


@given(absolute_targets(), absolute_targets(), _PERIODS, _PERIODS)
def test_law_a_sum_or_intersection_keeps_a_shared_period_and_per_year(
    a: Target,
    b: Target,
    first: tuple[int | None, int | None, bool],
    second: tuple[int | None, int | None, bool],
) -> None:
    """Two targets "per jaar in de periode 2017-2020" add and intersect to one of that
    period per year; when year, first year or per jaar differ the result has none of them."""
    a = attrs.evolve(a, year=first[0], first_year=first[1], yearly=first[2])
    b = attrs.evolve(b, year=second[0], first_year=second[1], yearly=second[2])
    expected = first if first == second else (None, None, False)
    total = a + b
    assert (total.year, total.first_year, total.yearly) == expected
    both = a.intersect(b)
    if isinstance(both, Target):
        assert (both.year, both.first_year, both.yearly) == expected


@pytest.mark.parametrize(
    "made",
    [
        lambda text: Target.between(10, 20, "gastlessen", text=text),
        lambda text: Target.at_least(10, "gastlessen", text=text),
        lambda text: Target.at_most(20, "gastlessen", text=text),
        lambda text: Target.exactly(15, "gastlessen", text=text),
    ],
    ids=["between", "at_least", "at_most", "exactly"],
)
def test_each_constructor_keeps_the_text_as_printed(made: Callable[[str], Target]) -> None:
    """The phrase a target was read from stays with it, whichever constructor made it."""
    assert made("10 tot 20 gastlessen per jaar").text == "10 tot 20 gastlessen per jaar"

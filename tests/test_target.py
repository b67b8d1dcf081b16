"""Target operations on the examples the budgets print, and the errors for bad input."""

from __future__ import annotations

from decimal import Decimal

import pytest

from prestatie import (
    Conflict,
    InvalidTypeError,
    InvalidValueError,
    Outcome,
    Target,
    TargetKind,
    UnitMismatchError,
)

SPELEN = "democratiespelen"


def test_at_most_plus_at_most_is_at_most_the_sum() -> None:
    """≤ 50 plus ≤ 30 is ≤ 80."""
    total = Target.at_most(50, SPELEN) + Target.at_most(30, SPELEN)
    assert total.same_values(Target.at_most(80, SPELEN))


def test_at_least_plus_exactly_is_at_least_the_sum() -> None:
    """≥ 2 plus exactly 3 is ≥ 5."""
    total = Target.at_least(2, "adviezen") + Target.exactly(3, "adviezen")
    assert total.same_values(Target.at_least(5, "adviezen"))


def test_strict_plus_inclusive_is_strict() -> None:
    """> 1 plus ≥ 2 is > 3: one strict bound makes the sum strict."""
    total = Target.at_least(1, "x", strict=True) + Target.at_least(2, "x")
    assert total.lower == 3
    assert not total.lower_inclusive


def test_adding_different_units_names_both() -> None:
    """50 democratiespelen plus 40 gastlessen is not 90 of anything."""
    with pytest.raises(UnitMismatchError) as info:
        Target.at_most(50, SPELEN) + Target.at_most(40, "gastlessen")
    assert "'democratiespelen'" in str(info.value)
    assert "'gastlessen'" in str(info.value)


def test_intersecting_different_units_names_both() -> None:
    with pytest.raises(UnitMismatchError, match=r"'adviezen'.*'gastlessen'"):
        Target.at_least(2, "adviezen").intersect(Target.at_most(40, "gastlessen"))


def test_empty_intersection_is_a_conflict_naming_both() -> None:
    """ "at most 50" and "more than 50" conflict; the conflict names both targets."""
    first = Target.at_most(50, SPELEN, text="maximaal 50 democratiespelen")
    second = Target.at_least(50, SPELEN, strict=True, text="meer dan 50 democratiespelen")
    conflict = first.intersect(second)
    assert isinstance(conflict, Conflict)
    assert "maximaal 50 democratiespelen" in conflict.message
    assert "meer dan 50 democratiespelen" in conflict.message


def test_touching_inclusive_bounds_intersect_in_one_value() -> None:
    both = Target.at_most(50, SPELEN).intersect(Target.at_least(50, SPELEN))
    assert isinstance(both, Target)
    assert both.same_values(Target.exactly(50, SPELEN))


def test_an_intersection_takes_the_stricter_bound_with_its_own_inclusiveness() -> None:
    """Of two equal bounds the exclusive one holds ("≤ 50" and "< 50" is "< 50"), in either
    order; of two different ones the stricter keeps its own ("≥ 5" and "> 3" is "≥ 5"; "< 0"
    and "≥ -0,01" is from -0,01 up to, not including, 0); "= 0" and "< 0" have no value in
    common, and "= 0" twice is 0."""
    at_most, below = Target.at_most(50, SPELEN), Target.at_most(50, SPELEN, strict=True)
    for both in (at_most.intersect(below), below.intersect(at_most)):
        assert isinstance(both, Target)
        assert (both.lower, both.upper, both.upper_inclusive) == (None, 50, False)
    negative = Target.at_most(0, SPELEN, strict=True)
    small = Target.at_least(Decimal("-0.01"), SPELEN)
    for both in (negative.intersect(small), small.intersect(negative)):
        assert isinstance(both, Target)
        assert (both.lower, both.lower_inclusive) == (Decimal("-0.01"), True)
        assert (both.upper, both.upper_inclusive) == (0, False)
    five, above_three = Target.at_least(5, SPELEN), Target.at_least(3, SPELEN, strict=True)
    for both in (five.intersect(above_three), above_three.intersect(five)):
        assert isinstance(both, Target)
        assert (both.lower, both.lower_inclusive) == (5, True)
    zero = Target.exactly(0, SPELEN)
    assert isinstance(zero.intersect(negative), Conflict)
    assert isinstance(negative.intersect(zero), Conflict)
    twice = zero.intersect(zero)
    assert isinstance(twice, Target)
    assert twice.same_values(zero)


def test_minimum_above_maximum_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="minimum 50 is above the maximum 30"):
        Target.between(50, 30, "gastlessen")


@pytest.mark.parametrize(
    ("fields", "where", "code", "params", "reason"),
    [
        (
            {"unit": "jaar", "first_year": 2030, "year": 2025},
            "first_year",
            "period-reversed",
            {"first": 2030, "last": 2025},
            "a period needs a later last year, got 2030 to 2025",
        ),
        (
            {"unit": "jaar", "first_year": 2030, "year": 2030},
            "first_year",
            "period-reversed",
            {"first": 2030, "last": 2030},
            "a period needs a later last year, got 2030 to 2030",
        ),
        (
            {"unit": "", "kind": TargetKind.QUALITATIVE, "text": "Meer draagvlak", "upper": 3},
            "kind",
            "qualitative-with-bounds",
            {"lower": "None", "upper": "3"},
            "a qualitative target has no bounds, got lower=None and upper=3",
        ),
        (
            {"unit": "", "kind": TargetKind.QUALITATIVE, "text": "  "},
            "text",
            "qualitative-without-text",
            {},
            "a qualitative target needs its text",
        ),
        (
            {"unit": "gastlessen", "lower": 5, "upper": 5, "upper_inclusive": False},
            "lower",
            "target-empty",
            {"lower": "5", "upper": "5"},
            "the minimum 5 is above the maximum 5: no value can meet this target",
        ),
    ],
)
def test_each_impossible_target_is_refused_naming_its_field_code_and_values(
    fields: dict[str, object],
    where: str,
    code: str,
    params: dict[str, object],
    reason: str,
) -> None:
    """A period that does not end after it starts, a qualitative target with bounds or
    without text, and bounds that no value meets are refused, each with its own field, code,
    values and message, which the workbook and `check --json` show."""
    with pytest.raises(InvalidValueError) as caught:
        Target(**fields)  # type: ignore[arg-type]
    error = caught.value
    assert (error.owner, error.field, error.code) == ("Target", where, code)
    assert error.params == params
    assert str(error) == f"Target.{where}: {reason}"


@pytest.mark.parametrize("bad", [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")])
def test_nan_and_infinity_are_refused_as_bounds_and_values(bad: Decimal) -> None:
    with pytest.raises(InvalidValueError, match="finite"):
        Target.at_most(bad, "x")
    with pytest.raises(InvalidValueError, match="finite"):
        Target.at_most(5, "x").evaluate(bad)


def test_float_is_refused_as_bound_value_and_factor() -> None:
    with pytest.raises(InvalidTypeError, match="float"):
        Target.at_most(0.5, "x")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="float"):
        Target.at_most(5, "x").evaluate(0.5)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="float"):
        Target.at_most(5, "x").scale(0.5)  # type: ignore[arg-type]


def test_negative_scale_factor_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="scale factor: expected zero or more, got -2"):
        Target.at_most(5, "x").scale(-2)


def test_scaling_by_zero_gives_exactly_zero() -> None:
    assert Target.at_least(5, "x").scale(0).same_values(Target.exactly(0, "x"))


_PER_5 = "laadpunt per 5 voertuigen"


def test_a_ratio_target_stays_a_ratio_when_scaled_or_intersected() -> None:
    """Scaling (by zero too) and intersecting keep a ratio target's kind, unit and year: "2
    laadpunten per 5 voertuigen" is not an absolute count of laadpunten."""
    ratio = Target(unit=_PER_5, kind=TargetKind.RATIO, lower=2, year=2030)
    for scaled, value in ((ratio.scale(0), 0), (ratio.scale(3), 6)):
        assert (scaled.kind, scaled.unit, scaled.year) == (TargetKind.RATIO, _PER_5, 2030)
        assert scaled.lower == value
    both = ratio.intersect(Target(unit=_PER_5, kind=TargetKind.RATIO, upper=4, year=2030))
    assert isinstance(both, Target)
    assert (both.kind, both.lower, both.upper) == (TargetKind.RATIO, 2, 4)


def test_evaluate_at_least_reports_distance_and_ratio() -> None:
    """3 adviezen against "at least 2": met, 1 above the bound, 150% achieved."""
    result = Target.at_least(2, "adviezen").evaluate(3)
    assert result.outcome is Outcome.MET
    assert result.distance == 1
    assert result.ratio == Decimal("1.5")


def test_evaluate_at_most_beyond_the_bound_is_not_met() -> None:
    result = Target.at_most(50, SPELEN).evaluate(53)
    assert result.outcome is Outcome.NOT_MET
    assert result.distance == 3
    assert result.ratio == Decimal("1.06")


def test_value_on_a_strict_bound_is_not_met_at_distance_zero() -> None:
    result = Target.at_least(Decimal("45.6"), "%", strict=True).evaluate(Decimal("45.6"))
    assert result.outcome is Outcome.NOT_MET
    assert result.distance == 0


def test_ratio_is_undefined_for_a_range() -> None:
    assert Target.between(10, 20, "x").evaluate(15).ratio is None


def test_qualitative_target_is_not_measurable() -> None:
    target = Target.qualitative("Een goed functionerende Jongerenraad.")
    result = target.evaluate(5)
    assert result.outcome is Outcome.NOT_MEASURABLE
    assert "qualitative" in result.reason


def test_relative_target_without_baseline_is_not_measurable_not_a_crash() -> None:
    """ "Neemt toe of blijft minimaal gelijk" with no measurement to compare against."""
    target = Target(unit="vertrouwen", kind=TargetKind.RELATIVE, lower=0)
    result = target.evaluate(70)
    assert result.outcome is Outcome.NOT_MEASURABLE
    assert "baseline" in result.reason
    with pytest.raises(InvalidValueError, match="needs a baseline"):
        target.resolve()


def test_relative_target_resolves_against_its_baseline() -> None:
    """ "+5% t.o.v. 2016" with 2016 at 200 is at least 210; "neemt toe" is more than 200."""
    five = Target(unit="bezoekers", kind=TargetKind.RELATIVE, lower=5, baseline_year=2016)
    assert five.resolve(200).same_values(Target.at_least(210, "bezoekers"))
    rises = Target(unit="bezoekers", kind=TargetKind.RELATIVE, lower=0, lower_inclusive=False)
    assert rises.evaluate(200, baseline=200).outcome is Outcome.NOT_MET
    assert rises.evaluate(201, baseline=200).outcome is Outcome.MET


def test_increase_of_a_negative_baseline_is_upward() -> None:
    """+10% of -200 is -180: the change is a share of the baseline's size."""
    target = Target(unit="saldo", kind=TargetKind.RELATIVE, lower=10)
    assert target.resolve(-200).lower == -180


def test_change_without_monotone_meaning_is_refused() -> None:
    target = Target(unit="saldo", kind=TargetKind.RELATIVE, lower=150)
    with pytest.raises(InvalidValueError, match="no monotone meaning"):
        target.resolve(-200)


def test_relative_and_qualitative_targets_do_not_add() -> None:
    relative = Target(unit="x", kind=TargetKind.RELATIVE, lower=0)
    with pytest.raises(InvalidValueError, match="resolved against its baseline"):
        relative + Target.at_least(1, "x")
    with pytest.raises(InvalidValueError, match="qualitative"):
        Target.qualitative("beter", unit="x").intersect(Target.at_least(1, "x"))

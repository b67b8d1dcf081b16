"""Resolving and evaluating targets: what an evaluation carries, when a ratio exists, and
what each refusal says."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prestatie import InvalidTypeError, InvalidValueError, Outcome, Target, TargetKind
from strategies import bound_values

_RELATIVE = TargetKind.RELATIVE


def test_both_bounds_of_a_relative_target_resolve_and_the_baseline_is_used_up() -> None:
    """Between -5% and +5% of 200 is between 190 and 210; the resolved target is absolute
    and keeps no baseline or baseline year, which it no longer needs."""
    target = Target(unit="bezoekers", kind=_RELATIVE, lower=-5, upper=5, baseline_year=2016)
    assert target.resolve(200) == Target.between(190, 210, "bezoekers")


def test_a_relative_upper_bound_resolves_against_the_recorded_baseline() -> None:
    """ "At most +5%" with a recorded baseline of 100 is at most 105."""
    target = Target(unit="", kind=_RELATIVE, upper=5, baseline=100, baseline_year=2016)
    assert target.resolve() == Target.at_most(105, "")


@pytest.mark.parametrize(
    ("target", "baseline", "error", "message"),
    [
        (
            Target(unit="", kind=_RELATIVE, upper=150),
            -10,
            InvalidValueError,
            "target ≤ 150% t.o.v. basiswaarde: a change of 150% of baseline -10 has no monotone"
            " meaning; expected a change of at least -100%, and at most 100% for a negative"
            " baseline",
        ),
        (
            Target.qualitative("Meer draagvlak"),
            1,
            InvalidValueError,
            "target 'Meer draagvlak': a qualitative target has no bounds to resolve",
        ),
        (
            Target(unit="", kind=_RELATIVE, lower=1),
            None,
            InvalidValueError,
            "target ≥ 1% t.o.v. basiswaarde: a relative target needs a baseline to resolve,"
            " and none was given or recorded",
        ),
        (
            Target(unit="", kind=_RELATIVE, lower=1),
            0.5,
            InvalidTypeError,
            "baseline: expected a Decimal or int, got float 0.5 (floats are inexact:"
            " use Decimal('...'))",
        ),
    ],
)
def test_a_target_that_cannot_resolve_says_why(
    target: Target, baseline: object, error: type[Exception], message: str
) -> None:
    """Each refusal names the target (or the baseline) and what was expected."""
    with pytest.raises(error) as caught:
        target.resolve(baseline)  # type: ignore[arg-type]
    assert str(caught.value) == message


def test_a_float_realised_value_is_refused_by_name() -> None:
    with pytest.raises(InvalidTypeError) as caught:
        Target.at_least(1, "x").evaluate(0.5)  # type: ignore[arg-type]
    assert str(caught.value).startswith("realised value: expected a Decimal or int, got float")


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        (
            Target.qualitative("Meer draagvlak"),
            "a qualitative target has no number to compare with",
        ),
        (
            Target(unit="", kind=_RELATIVE, lower=5),
            "a relative target needs a baseline, and none was given or recorded",
        ),
    ],
)
def test_a_target_that_is_not_measurable_says_why_and_keeps_target_and_value(
    target: Target, reason: str
) -> None:
    """Not measurable: the evaluation still carries the target and the realised value, with
    no distance or ratio, and a reason a reader can act on."""
    result = target.evaluate(3)
    assert result.outcome is Outcome.NOT_MEASURABLE
    assert result.target is target
    assert result.value == 3
    assert (result.distance, result.ratio) == (None, None)
    assert result.reason == reason


def test_an_evaluation_carries_the_resolved_target_and_the_value() -> None:
    """ "+5%" of 100 evaluated at 106: met, against at least 105, 1 above it."""
    target = Target(unit="", kind=_RELATIVE, lower=5, baseline=100)
    result = target.evaluate(106)
    assert result.outcome is Outcome.MET
    assert result.target == Target.at_least(105, "")
    assert result.value == 106
    assert result.distance == 1


@given(bound_values())
def test_law_a_target_without_bounds_is_met_by_any_value_at_no_distance(value: Decimal) -> None:
    """ "elke waarde": every value meets it; with no bound there is no distance or ratio."""
    result = Target(unit="gastlessen").evaluate(value)
    assert result.outcome is Outcome.MET
    assert (result.distance, result.ratio) == (None, None)


@given(
    st.sampled_from([Target.at_least, Target.at_most, Target.exactly]),
    st.decimals(min_value=-100, max_value=100, places=2),
    st.decimals(min_value=-100, max_value=100, places=2),
)
def test_law_the_ratio_is_value_over_a_positive_reference_bound(
    make: object, bound: Decimal, value: Decimal
) -> None:
    """For "at least", "at most" or "exactly" b, the ratio is value / b when b > 0 and
    undefined (None) when b is zero or negative, where a percentage would mislead."""
    target = make(bound, "gastlessen")  # type: ignore[operator]
    ratio = target.evaluate(value).ratio
    if bound > 0:
        assert ratio == value / bound
    else:
        assert ratio is None


@pytest.mark.parametrize("bound", [0, 1, Decimal("0.01"), -3])
def test_the_ratio_on_the_edge_of_a_positive_bound(bound: Decimal | int) -> None:
    """1 and 0.01 are positive references (3 / 1 = 3); 0 and -3 give no ratio."""
    expected = None if bound <= 0 else Decimal(3) / bound
    assert Target.at_least(bound, "x").evaluate(3).ratio == expected

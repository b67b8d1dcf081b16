"""The laws of target arithmetic: membership of sums and intersections, the algebra of
addition, evaluation against membership, monotone resolution of relative targets, and equality
of targets that allow the same values."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from prestatie import (
    Ambition,
    Budget,
    Conflict,
    Outcome,
    Programme,
    Target,
    TargetKind,
    from_json,
    to_json,
)
from strategies import absolute_targets, bound_values, members, targets

ZERO_TARGET = Target.exactly(0, "gastlessen")


def _reflected(target: Target, value: Decimal) -> Target:
    """{value − y : y in target}."""
    return Target(
        unit=target.unit,
        lower=None if target.upper is None else value - target.upper,
        lower_inclusive=target.upper_inclusive,
        upper=None if target.lower is None else value - target.lower,
        upper_inclusive=target.lower_inclusive,
    )


def _candidates(*targets: Target) -> list[Decimal]:
    """Values among which any non-empty intersection of `targets` has a member: the bounds,
    the midpoints between bounds, a step beyond each bound, and zero."""
    bounds = [b for t in targets for b in (t.lower, t.upper) if b is not None]
    points = [Decimal(0), *bounds, *(b + 1 for b in bounds), *(b - 1 for b in bounds)]
    points += [(a + b) / 2 for a in bounds for b in bounds]
    return points


@st.composite
def _target_and_member(draw: st.DrawFn) -> tuple[Target, Decimal]:
    target = draw(absolute_targets())
    return target, draw(members(target))


@given(_target_and_member(), _target_and_member())
def test_law_sum_contains_every_sum_of_members(
    first: tuple[Target, Decimal], second: tuple[Target, Decimal]
) -> None:
    """x ∈ A and y ∈ B ⇒ x + y ∈ A + B."""
    (a, x), (b, y) = first, second
    assert a.contains(x)
    assert b.contains(y)
    assert (a + b).contains(x + y)


@given(absolute_targets(), absolute_targets(), st.data())
def test_law_sum_is_tight(a: Target, b: Target, data: st.DataObject) -> None:
    """Every z ∈ A + B is some x + y with x ∈ A and y ∈ B."""
    z = data.draw(members(a + b))
    witnesses = a.intersect(_reflected(b, z))
    assert not isinstance(witnesses, Conflict), f"{z} in A + B is no sum of members"
    x = data.draw(members(witnesses))
    assert a.contains(x)
    assert b.contains(z - x)


@given(absolute_targets(), absolute_targets())
def test_law_addition_commutes(a: Target, b: Target) -> None:
    """A + B = B + A."""
    assert (a + b).same_values(b + a)


@given(absolute_targets(), absolute_targets(), absolute_targets())
def test_law_addition_associates(a: Target, b: Target, c: Target) -> None:
    """(A + B) + C = A + (B + C)."""
    assert ((a + b) + c).same_values(a + (b + c))


@given(absolute_targets())
def test_law_exactly_zero_is_the_identity_of_addition(a: Target) -> None:
    """A + {0} = A = {0} + A, strict bounds included."""
    assert (a + ZERO_TARGET).same_values(a)
    assert (ZERO_TARGET + a).same_values(a)


@given(absolute_targets(), absolute_targets(), st.data())
def test_law_intersection_is_both(a: Target, b: Target, data: st.DataObject) -> None:
    """x ∈ A ∩ B ⇔ x ∈ A and x ∈ B; a conflict exactly when no value meets both."""
    both = a.intersect(b)
    candidates = _candidates(a, b)
    in_both = [x for x in candidates if a.contains(x) and b.contains(x)]
    if isinstance(both, Conflict):
        assert in_both == []
        assert both.first is a
        assert both.second is b
        return
    assert in_both, "a non-conflicting intersection has a member among the candidates"
    values = [*candidates, data.draw(members(a)), data.draw(members(b)), data.draw(members(both))]
    for x in values:
        assert both.contains(x) == (a.contains(x) and b.contains(x))


@given(_target_and_member(), st.decimals(min_value=0, max_value=1000, places=3))
def test_law_scaling_keeps_members(first: tuple[Target, Decimal], factor: Decimal) -> None:
    """x ∈ A ⇒ f·x ∈ f·A for every factor f ≥ 0."""
    a, x = first
    assert a.scale(factor).contains(x * factor)


@given(absolute_targets(), st.data())
def test_law_evaluation_agrees_with_membership(a: Target, data: st.DataObject) -> None:
    """Evaluation is "met" exactly when the value lies in the target; the distance is never
    negative, and zero only on a bound."""
    value = data.draw(members(a) | bound_values() | st.sampled_from(_candidates(a)))
    result = a.evaluate(value)
    assert result.met == a.contains(value)
    assert result.outcome is (Outcome.MET if a.contains(value) else Outcome.NOT_MET)
    if result.distance is not None:
        assert result.distance >= 0
        if result.distance == 0:
            assert value in (a.lower, a.upper)


@st.composite
def _relative(draw: st.DrawFn, max_percent: int = 100) -> Target:
    percent = draw(st.decimals(min_value=-100, max_value=max_percent, places=2))
    strict = draw(st.booleans())
    lower, upper = (percent, None) if draw(st.booleans()) else (None, percent)
    return Target(
        unit="inwoners",
        kind=TargetKind.RELATIVE,
        lower=lower,
        lower_inclusive=not strict,
        upper=upper,
        upper_inclusive=not strict,
    )


@given(_relative(), bound_values(), bound_values(), bound_values())
def test_law_relative_targets_resolve_monotonically(
    target: Target, b1: Decimal, b2: Decimal, value: Decimal
) -> None:
    """A higher baseline never gives a lower bound, for negative baselines too, and evaluating
    against a baseline is membership of the resolved target."""
    low, high = sorted([b1, b2])
    first, second = target.resolve(low), target.resolve(high)
    if target.lower is not None:
        assert first.lower is not None
        assert second.lower is not None
        assert first.lower <= second.lower
    if target.upper is not None:
        assert first.upper is not None
        assert second.upper is not None
        assert first.upper <= second.upper
    assert target.evaluate(value, baseline=low).met == first.contains(value)


@given(
    _relative(max_percent=10_000),
    st.decimals(min_value=0, max_value=10**6, places=2),
    st.decimals(min_value=0, max_value=10**6, places=2),
)
def test_law_relative_targets_resolve_monotonically_above_100_percent(
    target: Target, b1: Decimal, b2: Decimal
) -> None:
    """With a baseline of zero or more, any change of -100% or more resolves monotonically."""
    low, high = sorted([b1, b2])
    bound = "lower" if target.lower is not None else "upper"
    assert getattr(target.resolve(low), bound) <= getattr(target.resolve(high), bound)


def _with_open_flags(target: Target, lower_flag: bool, upper_flag: bool, text: str) -> Target:
    """The same target rebuilt with the given flags on its open bounds and another text."""
    return Target(
        unit=target.unit,
        kind=target.kind,
        lower=target.lower,
        lower_inclusive=lower_flag if target.lower is None else target.lower_inclusive,
        upper=target.upper,
        upper_inclusive=upper_flag if target.upper is None else target.upper_inclusive,
        year=target.year,
        baseline=target.baseline,
        baseline_year=target.baseline_year,
        text=text,
    )


@given(targets(), st.booleans(), st.booleans(), st.booleans(), st.booleans())
def test_law_equal_ranges_compare_and_hash_equal(
    target: Target, lower_a: bool, upper_a: bool, lower_b: bool, upper_b: bool
) -> None:
    """Two targets that allow the same values, with the same text, year and baseline, are
    equal and hash equal, whatever inclusive flag was given for an open bound; an open bound
    is always recorded as inclusive."""
    text = target.text or "x"
    a = _with_open_flags(target, lower_a, upper_a, text)
    b = _with_open_flags(target, lower_b, upper_b, text)
    assert a.same_values(b)
    assert a == b
    assert hash(a) == hash(b)
    assert len({a, b}) == 1
    assert a.lower is not None or a.lower_inclusive
    assert a.upper is not None or a.upper_inclusive


def test_an_open_bound_given_as_exclusive_is_equal_to_the_usual_open_bound() -> None:
    """`Target(upper=5, lower_inclusive=False)` is the same target as `Target.at_most(5)`."""
    odd = Target(unit="gastlessen", upper=5, lower_inclusive=False)
    assert odd == Target.at_most(5, "gastlessen")
    assert hash(odd) == hash(Target.at_most(5, "gastlessen"))
    assert odd.lower_inclusive


@given(targets(), st.booleans(), st.booleans())
def test_law_a_target_with_any_open_flags_survives_the_json_round_trip(
    target: Target, lower_flag: bool, upper_flag: bool
) -> None:
    """A target built with either flag on an open bound reads back from JSON as itself."""
    given_target = _with_open_flags(target, lower_flag, upper_flag, target.text or "x")
    ambition = Ambition(text="Ambitie", target=given_target)
    budget = Budget(
        province="Overijssel",
        year=2017,
        programmes=(Programme(number=7, name="Kwaliteit openbaar bestuur", ambition=ambition),),
    )
    assert from_json(to_json(budget)) == budget

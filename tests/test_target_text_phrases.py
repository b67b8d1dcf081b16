"""The Dutch phrases that `format_target` writes, word for word, and the list items that
`parse_targets` does and does not continue with."""

from __future__ import annotations

from decimal import Decimal

import pytest

from prestatie import InvalidValueError, Target, TargetKind, format_target, parse_targets

_RELATIVE = TargetKind.RELATIVE


@pytest.mark.parametrize(
    ("target", "phrase"),
    [
        (Target.at_least(2, "adviezen"), "minimaal 2 adviezen"),
        (Target.at_least(3, "adviezen", strict=True), "meer dan 3 adviezen"),
        (Target.at_most(50, "democratiespelen"), "maximaal 50 democratiespelen"),
        (Target.at_most(3, "adviezen", strict=True), "minder dan 3 adviezen"),
        (Target.between(10, 20, "gastlessen"), "tussen 10 en 20 gastlessen"),
        (
            Target.between(10, 20, "gastlessen", lower_inclusive=False),
            "meer dan 10 en maximaal 20 gastlessen",
        ),
        (
            Target.between(10, 20, "gastlessen", upper_inclusive=False),
            "minimaal 10 en minder dan 20 gastlessen",
        ),
        (
            Target.between(1, 2, "euro", lower_inclusive=False, upper_inclusive=False),
            "meer dan € 1 en minder dan € 2",
        ),
        (Target.exactly(5, "gastlessen"), "precies 5 gastlessen"),
        (Target.exactly(5, "euro"), "precies € 5"),
        (Target.at_most(Decimal("1250000.5"), "euro"), "maximaal € 1.250.000,5"),
        (Target.at_least(Decimal("45.6"), "%"), "minimaal 45,6%"),
        (Target.qualitative("Meer draagvlak"), "Meer draagvlak"),
    ],
)
def test_an_absolute_target_is_written_with_the_budget_s_words(target: Target, phrase: str) -> None:
    """ "minimaal"/"meer dan" for a lower bound, "maximaal"/"minder dan" for an upper one,
    "tussen ... en ..." for two inclusive bounds, "precies" for one value, in lower case, with
    euro amounts after "€" and percentages followed by "%"."""
    assert format_target(target) == phrase


@pytest.mark.parametrize(
    ("bounds", "phrase"),
    [
        ({"lower": 0}, "neemt toe of blijft minimaal gelijk"),
        ({"lower": 0, "lower_inclusive": False}, "neemt toe"),
        ({"upper": 0}, "neemt af of blijft maximaal gelijk"),
        ({"upper": 0, "upper_inclusive": False}, "neemt af"),
        ({"lower": 0, "baseline_year": 2016}, "minimaal +0% t.o.v. 2016"),
        ({"lower": 5, "baseline_year": 2016}, "minimaal +5% t.o.v. 2016"),
        ({"lower": Decimal("0.5")}, "minimaal +0,5% t.o.v. de nulmeting"),
        ({"lower": 5, "lower_inclusive": False}, "meer dan +5% t.o.v. de nulmeting"),
        ({"lower": -5}, "minimaal -5% t.o.v. de nulmeting"),
        ({"upper": -5, "baseline_year": 2016}, "maximaal -5% t.o.v. 2016"),
        ({"upper": 10}, "maximaal +10% t.o.v. de nulmeting"),
        ({"upper": -5, "upper_inclusive": False}, "minder dan -5% t.o.v. de nulmeting"),
        (
            {"lower": -20, "upper": -10, "baseline_year": 2019},
            "tussen 10 en 20% minder t.o.v. 2019",
        ),
        ({"lower": Decimal("-2.5"), "upper": 0}, "tussen 0 en 2,5% minder"),
        ({"lower": 10, "upper": 20}, "tussen 10 en 20% meer"),
        ({"lower": 0, "upper": 5}, "tussen 0 en 5% meer"),
    ],
)
def test_a_relative_target_is_written_as_a_direction_or_a_signed_change(
    bounds: dict[str, object], phrase: str
) -> None:
    """A change of 0% without a baseline year is a direction ("neemt toe", strict, or "neemt
    toe of blijft minimaal gelijk", inclusive; "neemt af" likewise); any other change is
    signed, "+" for zero and up, against its year or "de nulmeting"; a range of changes in one
    direction is "tussen 10 en 20% minder" (or "meer"), against its year if it has one. Each
    phrase reads back as the same target."""
    target = Target(unit="", kind=_RELATIVE, **bounds)  # type: ignore[arg-type]
    assert format_target(target) == phrase
    (read,) = parse_targets(phrase)
    assert read.same_values(target)
    assert read.baseline_year == target.baseline_year


@pytest.mark.parametrize(
    ("target", "phrase"),
    [
        (Target.at_most(12, "euro per inwoner"), "maximaal € 12 per inwoner"),
        (Target.at_least(40, "% van de woningen"), "minimaal 40% van de woningen"),
        (Target.between(1, 2, "% van de woningen"), "tussen 1% en 2% van de woningen"),
    ],
)
def test_a_unit_that_starts_with_euro_or_percent_puts_the_sign_on_the_numbers(
    target: Target, phrase: str
) -> None:
    """In "euro per inwoner" and "% van de woningen" the € or % goes with each number and
    the rest of the unit follows the phrase, which reads back as the same target."""
    assert format_target(target) == phrase
    (read,) = parse_targets(phrase)
    assert read.same_values(target)
    assert read.unit == target.unit


_NO_PHRASE = (
    "only a relative target with one bound, or a range of changes in one direction with both"
    " ends included, has a phrase"
)


@pytest.mark.parametrize(
    ("target", "message"),
    [
        (
            Target(unit="gastlessen"),
            "target elke waarde gastlessen: a target without bounds has no phrase",
        ),
        (
            Target(unit="", kind=_RELATIVE, lower=-5, upper=5),
            "target ≥ -5% en ≤ 5% t.o.v. basiswaarde: " + _NO_PHRASE,
        ),
        (
            Target(unit="", kind=_RELATIVE, lower=-20, upper=-10, upper_inclusive=False),
            "target ≥ -20% en < -10% t.o.v. basiswaarde: " + _NO_PHRASE,
        ),
        (
            Target(unit="", kind=_RELATIVE, lower=-5, upper=Decimal("0.5")),
            "target ≥ -5% en ≤ 0,5% t.o.v. basiswaarde: " + _NO_PHRASE,
        ),
        (
            Target(unit="", kind=_RELATIVE, lower=5, upper=5),
            "target = 5% t.o.v. basiswaarde: " + _NO_PHRASE,
        ),
        (
            Target(unit="", kind=_RELATIVE),
            "target elke waarde t.o.v. basiswaarde: " + _NO_PHRASE,
        ),
    ],
)
def test_a_target_without_a_phrase_is_refused_naming_it(target: Target, message: str) -> None:
    """No phrase is made up for a target without bounds, or a relative one with two bounds
    that no range phrase says (one end up and one down, or an end left out): the error
    describes the target."""
    with pytest.raises(InvalidValueError) as caught:
        format_target(target)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        # An article after "en" starts no item: the list ends, with the last item's noun.
        (
            "maximaal 50 spelen op scholen en een workshop",
            ["≤ 50 spelen ('maximaal 50 spelen')"],
        ),
        # A number at the very end, or followed by a stop word, starts no item either.
        ("maximaal 50 spelen op scholen en 3", ["≤ 50 spelen ('maximaal 50 spelen')"]),
        ("maximaal 50 spelen op scholen en 3 van de", ["≤ 50 spelen ('maximaal 50 spelen')"]),
        # A number and a word, or a percentage, is a next item: the first runs up to "en".
        (
            "maximaal 50 spelen op scholen en 3 gastlessen",
            [
                "≤ 50 spelen op scholen ('maximaal 50 spelen op scholen')",
                "≤ 3 gastlessen ('3 gastlessen')",
            ],
        ),
        (
            "maximaal 50 spelen op scholen en 5%",
            ["≤ 50 spelen op scholen ('maximaal 50 spelen op scholen')", "≤ 5% ('5%')"],
        ),
    ],
)
def test_a_list_goes_on_only_where_a_next_item_starts(text: str, shown: list[str]) -> None:
    """After "en", a quantity with its own unit or a number and a word opens the next item
    of the list that the qualifier started; an article, a bare number at the end or a number
    before a stop word does not."""
    assert [target.describe() for target in parse_targets(text)] == shown

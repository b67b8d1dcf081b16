"""Reading and writing target text on the edges that the corpus and the round-trip laws leave
open: a range that stops short, a range that describes, and the words of a period."""

from __future__ import annotations

import pytest

from prestatie import Target, TargetContext, TargetKind, parse_targets
from prestatie._target.write import format_target


@pytest.mark.parametrize(
    "text",
    [
        "tussen 10",  # the text ends after the first number
        "tussen 10 gastlessen",
        "tussen 10 of 20 gastlessen",  # "of" is no "en"
        "tussen 10 gastlessen en",
    ],
)
def test_tussen_without_en_and_a_second_number_sets_no_target(text: str) -> None:
    """ "tussen" needs both ends: without "en" and an upper number there is no range, and
    no error."""
    assert parse_targets(text) == ()


def test_a_range_opened_by_meer_dan_in_running_text_describes_and_sets_nothing() -> None:
    """ "meer dan ... en minder dan ..." in a sentence describes a state; the same range as
    the whole text sets the target."""
    assert parse_targets("Er zijn meer dan 1.000 en minder dan 2.000 planten bedreigd.") == ()
    assert parse_targets("We geven meer dan 10 en maximaal 20 gastlessen.") == ()
    (target,) = parse_targets("meer dan 10 en maximaal 20 gastlessen")
    assert (target.lower, target.lower_inclusive, target.upper, target.upper_inclusive) == (
        10,
        False,
        20,
        True,
    )


@pytest.mark.parametrize(
    ("target", "text"),
    [
        (
            Target(unit="gastlessen", lower=5, year=2020, first_year=2017, yearly=True),
            "minimaal 5 gastlessen per jaar in de periode 2017-2020",
        ),
        (
            Target(unit="gastlessen", lower=5, year=2020, yearly=True),
            "minimaal 5 gastlessen per jaar in 2020",
        ),
        (Target(unit="gastlessen", lower=5, yearly=True), "minimaal 5 gastlessen per jaar"),
        (Target(unit="gastlessen", lower=5, year=2020), "minimaal 5 gastlessen in 2020"),
    ],
)
def test_a_target_is_written_with_its_year_period_and_per_jaar_as_budgets_print_them(
    target: Target, text: str
) -> None:
    """Lower-case Dutch: "per jaar", "in 2020", "in de periode 2017-2020"."""
    assert format_target(target) == text


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("10% minder ten opzichte van 2019", "≤ -10%"),
        ("minimaal 10% minder ten opzichte van 2019", "≤ -10%"),
        ("maximaal 10% minder ten opzichte van 2019", "≥ -10%"),
        ("precies 10% minder ten opzichte van 2019", "= -10%"),
        ("meer dan 10% minder ten opzichte van 2019", "< -10%"),
        ("minimaal 10% groei ten opzichte van 2019", "≥ 10%"),
        ("minder dan 10% groei ten opzichte van 2019", "< 10%"),
        ("49% CO2-NOx-reductie ten opzichte van 2019", "≤ -49%"),  # the last part names it
        ("49% CO2 PM10 SO2 reductie ten opzichte van 2019", "≤ -49%"),  # up to three names
    ],
)
def test_a_qualified_percentage_change_flips_its_bound_for_a_decrease(
    text: str, shown: str
) -> None:
    """ "maximaal 10% minder" allows a change down to -10%: at least -10%; "minimaal 10%
    minder" is at most -10%; an increase keeps its qualifier as it is."""
    (target,) = parse_targets(text)
    assert target.describe() == f"{shown} t.o.v. basiswaarde ({text!r})"
    assert target.baseline_year == 2019


@pytest.mark.parametrize(
    "text",
    [
        "49% CO2 PM10 SO2 NO2 reductie ten opzichte van 2019",  # four names: too far
        "minimaal 30% meer dan 200 bezoekers",  # "meer dan" opens a comparison
        "maximaal 5% minder dan 10 klachten",
    ],
)
def test_a_change_word_too_far_away_or_opening_a_comparison_makes_no_change(text: str) -> None:
    """A percentage is a change only when its change word follows within three names, and
    not when "meer dan" or "minder dan" compares with what follows."""
    assert all(target.kind is not TargetKind.RELATIVE for target in parse_targets(text))


@pytest.mark.parametrize(
    ("text", "read", "baseline_year", "year"),
    [
        ("49% reductie t.o.v. 1990", "49% reductie t.o.v. 1990", 1990, None),
        ("49% reductie in 2030 t.o.v. 1990", "49% reductie in 2030 t.o.v. 1990", 1990, 2030),
        ("49% reductie t.o.v. 1990 in 2030", "49% reductie t.o.v. 1990 in 2030", 1990, 2030),
        (
            "49% reductie ten opzichte van de nulmeting.",
            "49% reductie ten opzichte van de nulmeting",
            None,
            None,
        ),
        (
            "49% reductie ten opzichte van de Nulmeting.",
            "49% reductie ten opzichte van de Nulmeting",
            None,
            None,
        ),
        (
            "49% reductie ten opzichte van de 0-meting.",
            "49% reductie ten opzichte van de 0-meting",
            None,
            None,
        ),
        (
            "49% reductie ten opzichte van de nulmeting in 2030.",
            "49% reductie ten opzichte van de nulmeting in 2030",
            None,
            2030,
        ),
        (
            "In 2030 49% reductie ten opzichte van de nulmeting in 2019.",
            "49% reductie ten opzichte van de nulmeting in 2019",
            2019,
            2030,
        ),
        (
            "49% reductie ten opzichte van de nulmeting van 2019.",
            "49% reductie ten opzichte van de nulmeting van 2019",
            2019,
            None,
        ),
        (
            "In 2030 49% reductie ten opzichte van de nulmeting.",
            "49% reductie ten opzichte van de nulmeting",
            None,
            2030,
        ),
        (
            "een halvering ten opzichte van de nulmeting.",
            "halvering ten opzichte van de nulmeting",
            None,
            None,
        ),
    ],
)
def test_a_change_is_measured_against_the_year_or_the_nulmeting_its_baseline_phrase_names(
    text: str, read: str, baseline_year: int | None, year: int | None
) -> None:
    """After "t.o.v." or "ten opzichte van" the first year is the baseline year, wherever the
    year of the target stands, and never the target's year; "de nulmeting" or "de 0-meting" is
    a baseline without a year unless the year of the nulmeting follows ("van 2019"). "de
    nulmeting in 2030" dates the target, unless a later year in the clause does: a nulmeting is
    measured before its target. Either makes a bare percentage with a word of change a target,
    and the phrase is part of the text read."""
    (target,) = parse_targets(text)
    assert target.kind is TargetKind.RELATIVE
    assert (target.text, target.baseline_year, target.year) == (read, baseline_year, year)


def test_each_change_in_a_text_is_measured_against_its_own_baseline() -> None:
    """A baseline phrase belongs to the change before it, not to an earlier one."""
    found = parse_targets("een halvering t.o.v. 2020 en 49% reductie t.o.v. 1990")
    assert [(t.lower, t.upper, t.baseline_year) for t in found] == [
        (None, -50, 2020),
        (None, -49, 1990),
    ]


def test_a_year_far_after_a_baseline_without_a_year_is_the_target_year() -> None:
    """The baseline year stands within six words of "ten opzichte van": in "ten opzichte van
    het huidige niveau, bereikt in 2030" the baseline has no year and 2030 is the year by
    which the change is due."""
    (target,) = parse_targets(
        "minimaal 49% reductie ten opzichte van het huidige niveau, bereikt in 2030"
    )
    assert (target.upper, target.baseline_year, target.year) == (-49, None, 2030)


@pytest.mark.parametrize(
    ("text", "lower", "upper", "baseline_year"),
    [
        ("tussen 10 en 20% minder ten opzichte van 2019", -20, -10, 2019),
        ("tussen 10% en 20% minder ten opzichte van 2019", -20, -10, 2019),
        ("tussen 10 en 20 procent reductie t.o.v. 1990", -20, -10, 1990),
        ("tussen 10 en 20% groei ten opzichte van 2019", 10, 20, 2019),
        ("tussen 10 en 20% minder", -20, -10, None),
        ("tussen 10 en 20% groei", 10, 20, None),
        ("tussen de 10 en 20% minder t.o.v. 2019", -20, -10, 2019),
        ("tussen 20 en 10% minder t.o.v. 2019", -20, -10, 2019),
    ],
)
def test_a_change_between_two_percentages_keeps_both_ends(
    text: str, lower: int, upper: int, baseline_year: int | None
) -> None:
    """ "tussen 10 en 20% minder" is a change of -20% up to -10%, both allowed: the first
    number takes the unit of the second, a decrease turns the range around, "tussen" makes
    it a target as "minimaal" does, with or without a baseline, and names both ends in
    either order ("tussen 20 en 10%"), with or without "de"."""
    (target,) = parse_targets(text)
    assert target.kind is TargetKind.RELATIVE
    assert (target.lower, target.lower_inclusive, target.upper, target.upper_inclusive) == (
        lower,
        True,
        upper,
        True,
    )
    assert (target.text, target.baseline_year) == (text, baseline_year)


@pytest.mark.parametrize(
    ("text", "lower", "upper", "year"),
    [
        ("een stijging van 10% ten opzichte van 2019", 10, None, None),
        ("We besparen in 2030 25% ten opzichte van 2019", None, -25, 2030),
        (
            "We besparen op de energie van alle provinciale gebouwen 25% t.o.v. 2019",
            None,
            -25,
            None,
        ),
    ],
)
def test_a_word_of_change_before_the_percentage_gives_its_direction(
    text: str, lower: int | None, upper: int | None, year: int | None
) -> None:
    """A word of change up to eight words before a percentage makes it a change, up or down
    by the percentage itself; a year between them is no other quantity."""
    (target,) = parse_targets(text)
    assert target.kind is TargetKind.RELATIVE
    assert (target.lower, target.upper, target.baseline_year, target.year) == (
        lower,
        upper,
        2019,
        year,
    )


@pytest.mark.parametrize(
    "text",
    [
        # another quantity stands between the word and the percentage
        "een afname van 10 ongevallen en een tevredenheid van 80% ten opzichte van 2019",
        # nine words before it
        "We besparen op de energie van alle provinciale gebouwen samen 25% t.o.v. 2019",
        # after the baseline, not before the percentage
        "25% ten opzichte van 2019 voor de reductie",
    ],
)
def test_a_word_of_change_that_is_not_the_percentages_makes_no_change(text: str) -> None:
    """A word of change belongs to the nearest quantity before it, and reaches at most eight
    words: beyond that a percentage against a baseline, without a qualifier, is no target."""
    assert parse_targets(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "Minimaal 49% reductie ten opzichte van het huidige niveau. In 2030 is het klaar.",
        "Minimaal 49% reductie ten opzichte van het huidige niveau; in 2030 is het klaar.",
        "Minimaal 49% reductie ten opzichte van het huidige niveau: in 2030 is het klaar.",
        "minimaal 49% reductie ten opzichte van de nulmeting en in 2030 minimaal 10 laadpalen",
        "minimaal 49% reductie ten opzichte van de nulmeting of in 2030 minimaal 10 laadpalen",
    ],
)
def test_a_baseline_year_is_not_sought_past_the_sentence_clause_en_or_of(text: str) -> None:
    """The year of a baseline stands in its own phrase: a year after a full stop, semicolon
    or colon, or after "en" or "of" that opens the next target, is no baseline year."""
    assert parse_targets(text)[0].baseline_year is None


@pytest.mark.parametrize(
    ("text", "lower", "upper", "read"),
    [
        (
            "Vanaf 2025 realiseren wij samen minimaal 10% groei ten opzichte van 2019",
            10,
            None,
            "minimaal 10% groei ten opzichte van 2019",
        ),
        ("80 tot 95% reductie t.o.v. 1990", -95, -80, "80 tot 95% reductie t.o.v. 1990"),
        ("80 - 95% reductie t.o.v. 1990", -95, -80, "80 - 95% reductie t.o.v. 1990"),
        ("80 à 95% reductie t.o.v. 1990", -95, -80, "80 à 95% reductie t.o.v. 1990"),
        ("minimaal 5% t.o.v. de nulmeting", 5, None, "minimaal 5% t.o.v. de nulmeting"),
    ],
)
def test_a_change_is_read_wherever_it_stands_with_its_qualifier_or_range(
    text: str, lower: int | None, upper: int | None, read: str
) -> None:
    """A qualifier deep in a sentence still opens a change; "80 tot 95%", "80 - 95%" and
    "80 à 95%" before a word of change are a range of changes; "t.o.v. de nulmeting" ends
    the text read."""
    (target,) = parse_targets(text)
    assert target.kind is TargetKind.RELATIVE
    assert (target.lower, target.upper, target.text) == (lower, upper, read)


def test_a_bare_percentage_change_is_a_target_only_in_a_norm() -> None:
    """ "49% reductie" without qualifier or baseline reports in running text, and is a target
    (at most -49%) in a cell of a norm column."""
    assert parse_targets("49% reductie") == ()
    (target,) = parse_targets("49% reductie", context=TargetContext.NORM)
    assert (target.kind, target.lower, target.upper) == (TargetKind.RELATIVE, None, -49)


@pytest.mark.parametrize(
    "text",
    [
        "+5% reductie ten opzichte van 2019",  # the sign says "up", the word "down"
        "-5% groei ten opzichte van 2019",
        "−5% groei ten opzichte van 2019",
        "80 tot 95 reductie t.o.v. 1990",  # no percentage
    ],
)
def test_a_sign_against_its_word_or_a_range_without_percent_is_no_change(text: str) -> None:
    """A sign that contradicts the word of change leaves the direction unclear, so there is no
    change, nor any other target from the percentage; a range whose upper end is no percentage
    is no change in percent."""
    assert all(target.kind is not TargetKind.RELATIVE for target in parse_targets(text))
    assert all("%" not in target.unit for target in parse_targets(text))


@pytest.mark.parametrize(
    ("text", "lower", "upper"),
    [
        ("minimaal gelijk aan 2019", 0, None),
        ("maximaal gelijk aan 2019", None, 0),
        ("gelijk aan 2019", 0, 0),
        ("Het aantal bezoekers is minimaal gelijk aan 2019", 0, None),
    ],
)
def test_gelijk_aan_a_year_is_no_change_against_that_year(
    text: str, lower: int | None, upper: int | None
) -> None:
    """ "gelijk aan 2019" is a change of exactly 0% against 2019; "minimaal" allows a rise and
    "maximaal" a fall; the year is the baseline and part of the text read."""
    (target,) = parse_targets(text)
    assert target.kind is TargetKind.RELATIVE
    assert (target.lower, target.upper, target.baseline_year, target.year, target.text) == (
        lower,
        upper,
        2019,
        None,
        text.removeprefix("Het aantal bezoekers is "),
    )


def test_gelijk_aan_a_year_leaves_the_target_year_to_the_text() -> None:
    """In "In 2030 minimaal gelijk aan 2019" 2019 is the baseline and 2030 the year."""
    (target,) = parse_targets("In 2030 minimaal gelijk aan 2019")
    assert (target.lower, target.baseline_year, target.year) == (0, 2019, 2030)


def test_nul_before_a_unit_in_a_norm_is_exactly_zero_of_it() -> None:
    """ "NUL-verkeersslachtoffers" in a norm is exactly 0 verkeersslachtoffers; "nul-" alone
    names nothing."""
    (target,) = parse_targets("NUL-verkeersslachtoffers", context=TargetContext.NORM)
    assert (target.lower, target.upper, target.unit) == (0, 0, "verkeersslachtoffers")
    assert parse_targets("nul-", context=TargetContext.NORM) == ()

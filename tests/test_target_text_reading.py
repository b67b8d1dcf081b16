"""What `parse_targets` reads from Dutch action text, phrase by phrase: signs, money, number
words, "procent", scales, lists, several qualifiers, and whole-cell quantities."""

from __future__ import annotations

import pytest

from prestatie import Code, TargetContext, parse_references, parse_targets


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        # A sign belongs to the number: a fall of 5% against 2016.
        ("minimaal -5% t.o.v. 2016", ["≥ -5% t.o.v. basiswaarde ('minimaal -5% t.o.v. 2016')"]),
        ("minimaal +5% t.o.v. 2016", ["≥ 5% t.o.v. basiswaarde ('minimaal +5% t.o.v. 2016')"]),
        # The minus sign (U+2212) of text copied from a PDF is a sign too.
        ("minimaal −5% t.o.v. 2016", ["≥ -5% t.o.v. basiswaarde ('minimaal −5% t.o.v. 2016')"]),
        # After "€" a number like a year is an amount; without it, "in 2016" is a year.
        ("maximaal € 2016", ["≤ 2.016 euro ('maximaal € 2016')"]),
        ("in 2016 minimaal 5 adviezen", ["≥ 5 adviezen ('minimaal 5 adviezen')"]),
        # After a qualifier "een" is the number one; "procent" is "%".
        ("minimaal een workshop", ["≥ 1 workshop ('minimaal een workshop')"]),
        ("tussen een en drie adviezen", ["≥ 1 en ≤ 3 adviezen ('tussen een en drie adviezen')"]),
        ("minimaal 10 procent", ["≥ 10% ('minimaal 10 procent')"]),
        # Scales multiply, and the result is a whole number written in full.
        (
            "maximaal 20 miljoen bezoekers",
            ["≤ 20.000.000 bezoekers ('maximaal 20 miljoen bezoekers')"],
        ),
        ("maximaal € 0,01 duizend", ["≤ 10 euro ('maximaal € 0,01 duizend')"]),
        # A list after one qualifier, with "," and "en"; each item keeps its own text.
        (
            "maximaal 50 spelen, 40 gastlessen en 3 adviezen",
            [
                "≤ 50 spelen ('maximaal 50 spelen')",
                "≤ 40 gastlessen ('40 gastlessen')",
                "≤ 3 adviezen ('3 adviezen')",
            ],
        ),
        # An item with its own unit ("%", "€") ends at "," or "en" when a next item follows.
        ("minimaal 10% en 3 adviezen", ["≥ 10% ('minimaal 10%')", "≥ 3 adviezen ('3 adviezen')"]),
        (
            "maximaal € 5.000, 3 adviezen",
            ["≤ 5.000 euro ('maximaal € 5.000')", "≤ 3 adviezen ('3 adviezen')"],
        ),
        ("minimaal 10% en een workshop", ["≥ 10% ('minimaal 10%')"]),
        ("maximaal 10% en de rest", ["≤ 10% ('maximaal 10%')"]),
        # Two sentences, two qualifiers: both targets, in order.
        (
            "maximaal 5 spelen. Minimaal 3 adviezen.",
            ["≤ 5 spelen ('maximaal 5 spelen')", "≥ 3 adviezen ('Minimaal 3 adviezen')"],
        ),
        (
            "meer dan 10 en minder dan 20 spelen",
            ["> 10 en < 20 spelen ('meer dan 10 en minder dan 20 spelen')"],
        ),
        # The first number of a range takes the percent of the second; a first end in percent
        # and a second without is no range.
        ("tussen 10 en 20%", ["≥ 10% en ≤ 20% ('tussen 10 en 20%')"]),
        ("tussen 10% en 20", []),
        # A cell that is one quantity is exactly that quantity.
        ("45,6%", ["= 45,6% ('45,6%')"]),
        ("12", ["= 12 ('12')"]),
        (" € 1.500 ", ["= 1.500 euro ('€ 1.500')"]),
    ],
)
def test_parse_targets_reads_each_phrase_as_the_budget_means_it(
    text: str, shown: list[str]
) -> None:
    """Each text gives exactly these targets, shown with `describe`."""
    assert [target.describe() for target in parse_targets(text)] == shown


def test_the_value_of_a_scaled_number_has_no_exponent() -> None:
    """ "20 miljoen" is stored as 20000000, not as 2.0E+7, so it prints as the budget does."""
    (target,) = parse_targets("maximaal 20 miljoen bezoekers")
    assert str(target.upper) == "20000000"
    (target,) = parse_targets("maximaal € 0,01 duizend")
    assert str(target.upper) == "10"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        # A next item whose word is no unit (a month, "derde") ends the list; what came
        # before it stays.
        ("maximaal 50 spelen en 3 juni", ["≤ 50 spelen ('maximaal 50 spelen')"]),
        # A unit of up to six words still ends at "en" before the next item.
        (
            "maximaal 5 a b c d e f en 3 adviezen",
            ["≤ 5 a b c d e f ('maximaal 5 a b c d e f')", "≤ 3 adviezen ('3 adviezen')"],
        ),
        # Only "," and "en" continue a list; ";" or another word does not.
        ("minimaal 10% plus 3 adviezen", ["≥ 10% ('minimaal 10%')"]),
        ("maximaal 50 spelen; 3 adviezen", ["≤ 50 spelen ('maximaal 50 spelen')"]),
        # A noun ends the unit; an adjective in -e takes the next word, unless that is a
        # stop word or there is none.
        ("maximaal 40 gastlessen extra", ["≤ 40 gastlessen ('maximaal 40 gastlessen')"]),
        ("maximaal 40 nieuwe", ["≤ 40 nieuwe ('maximaal 40 nieuwe')"]),
        ("maximaal 40 nieuwe van de provincie", ["≤ 40 nieuwe ('maximaal 40 nieuwe')"]),
        # A number without a unit of its own, before "," or "en", is no target.
        ("maximaal 50, 40 gastlessen", []),
        ("maximaal 50 en 40 gastlessen", []),
        # A new qualifier after an item starts a new target, not a range.
        (
            "maximaal 5 spelen minimaal 3 adviezen",
            ["≤ 5 spelen ('maximaal 5 spelen')", "≥ 3 adviezen ('minimaal 3 adviezen')"],
        ),
        # "een" as the upper end of a range is the number one.
        ("tussen 0 en een advies", ["≥ 0 en ≤ 1 advies ('tussen 0 en een advies')"]),
        # Only a one-sided qualifier makes a change against a baseline; "precies" does not,
        # and "t.o.v." with nothing after it is no baseline.
        ("precies 5% t.o.v. 2016", ["= 5% ('precies 5%')"]),
        ("minimaal 5% t.o.v.", ["≥ 5% ('minimaal 5%')"]),
        # A "+" glued to a number or word before it ("1E+5", "A+5") leads no change; after
        # a parenthesis it does.
        ("waarde 1E+5% t.o.v. 2016", []),
        ("score A+5% t.o.v. 2016", []),
        ("groei (+5% t.o.v. 2016)", ["≥ 5% t.o.v. basiswaarde ('+5% t.o.v. 2016')"]),
        # "een" alone is an article, not the number one.
        ("een", []),
    ],
)
def test_parse_targets_ends_lists_and_ranges_where_the_text_does(
    text: str, shown: list[str]
) -> None:
    """Where a list of items, a range or a change ends, and what is no target at all."""
    assert [target.describe() for target in parse_targets(text)] == shown


def test_a_lower_bound_followed_by_another_lower_bound_is_no_range() -> None:
    """ "meer dan 10 en minimaal 20": two lower bounds make no range with an upper bound."""
    assert all(
        target.upper is None for target in parse_targets("meer dan 10 en minimaal 20 spelen")
    )


def test_a_reference_with_a_zero_padded_part_is_a_code_and_the_rest_still_read() -> None:
    """ "7.02" is a code as Noord-Holland prints them (`1.1.1.02`); "7.3" after it is still
    found."""
    assert parse_references("prestatie 7.02 en 7.3") == (Code("7.02"), Code("7.3"))


def test_a_reference_that_is_no_code_is_skipped_and_the_rest_still_read() -> None:
    """ "7.1234567890123" is no code (a part is longer than a code's); "7.3" after it is still
    found."""
    assert parse_references("prestatie 7.1234567890123 en 7.3") == (Code("7.3"),)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        # After "per", one noun: what follows it is not part of the unit.
        (
            "minimaal 1 keer per maand overleg met de gemeenten",
            ["≥ 1 keer per maand ('minimaal 1 keer per maand')"],
        ),
        # "per" before a year ("as of 2030") and "per" before a count without a noun
        # ("per 10") add nothing to the unit, and make no ratio.
        ("minimaal 40% per 2030", ["≥ 40% ('minimaal 40%')"]),
        ("Minimaal 1 laadpunt per 10 in 2030", ["≥ 1 laadpunt ('Minimaal 1 laadpunt')"]),
        # A slash glued on both sides joins a word to the unit, after "%" too; a hyphen does not.
        ("minimaal 2%/jaar", ["≥ 2 %/jaar ('minimaal 2%/jaar')"]),
        ("minimaal 95%-norm", ["≥ 95% ('minimaal 95%')"]),
        # "% van de" takes the noun phrase after it, no further; without a noun right after
        # "van de", or at the end of the text, "van" stays out of the unit.
        (
            "Minimaal 95% van de vergunningen tijdig verleend.",
            ["≥ 95 % van de vergunningen ('Minimaal 95% van de vergunningen')"],
        ),
        ("minimaal 80% van de 12 gemeenten", ["≥ 80% ('minimaal 80%')"]),
        ("minimaal 80% van", ["≥ 80% ('minimaal 80%')"]),
        # "aantal" is no unit ("een aantal"): the noun phrase after "van het" stops before it.
        ("minimaal 30% van het aantal woningen", ["≥ 30% ('minimaal 30%')"]),
        # A verb before a subject ends the unit: "realiseren wij".
        ("Minimaal 650 hectare realiseren wij", ["≥ 650 hectare ('Minimaal 650 hectare')"]),
        # A two-letter acronym names what the next word counts.
        ("minimaal 5 EU projecten", ["≥ 5 EU projecten ('minimaal 5 EU projecten')"]),
        # A prefix in parentheses glued to its word is part of the unit, which is that word
        # and no more; a parenthesis earlier in the text does not count as its end.
        (
            "minimaal 12 (her)inrichtingen gerealiseerd",
            ["≥ 12 (her)inrichtingen ('minimaal 12 (her)inrichtingen')"],
        ),
        (
            "minimaal 25 (her)inrichtingen",
            ["≥ 25 (her)inrichtingen ('minimaal 25 (her)inrichtingen')"],
        ),
        (
            "In 2025 (peildatum) minimaal 4.500 (semi-)publieke laadpunten",
            ["≥ 4.500 (semi-)publieke laadpunten ('minimaal 4.500 (semi-)publieke laadpunten')"],
        ),
        # "één", with its accents, is the number one, not the article "een".
        ("Wij realiseren één fietspad.", ["= 1 fietspad ('één fietspad')"]),
        # A word in parentheses between the number and its noun is an aside, not the unit.
        (
            "minimaal 3 (drie) bijeenkomsten",
            ["≥ 3 bijeenkomsten ('minimaal 3 (drie) bijeenkomsten')"],
        ),
        # After "%", a noun phrase of two words or more completes the unit, whether it opens
        # with an adjective or an acronym; one word, such as a participle, does not.
        ("minimaal 50% MKB bedrijven", ["≥ 50 % MKB bedrijven ('minimaal 50% MKB bedrijven')"]),
        ("minimaal 80% gerealiseerd", ["≥ 80% ('minimaal 80%')"]),
    ],
)
def test_a_unit_takes_the_words_that_belong_to_it_and_no_more(text: str, shown: list[str]) -> None:
    """Where the unit after a quantity ends: after "per", "/", "% van de", a parenthesised
    prefix, an acronym, or before a verb and its subject."""
    assert [target.describe() for target in parse_targets(text)] == shown


def test_a_period_at_the_start_of_the_text_dates_the_target_after_it() -> None:
    """ "2023-2027 minimaal 250 woningen": the period that opens the text is the target's."""
    (target,) = parse_targets("2023-2027 minimaal 250 woningen")
    assert (target.lower, target.unit, target.first_year, target.year) == (
        250,
        "woningen",
        2023,
        2027,
    )


@pytest.mark.parametrize(
    "text",
    [
        "2/3",  # a fraction
        "1:5",  # a ratio written with a colon
        "29-10-2024",  # a date
        "29−10−2024",  # a date with the minus signs of text copied from a PDF
        "3-5",  # a range written with a dash: neither 3 nor -5
        "0-meting in 2025",
        "1-2x per jaar",
        "1E+5",  # a number in scientific notation
        "N+1 woningen",  # a name with a number glued to it by "+"
    ],
)
def test_in_a_norm_cell_numbers_glued_by_a_slash_dash_or_colon_set_no_target(text: str) -> None:
    """A number glued by "/", "-", "−" or ":" to another number or word is part of a fraction,
    date, code or range: no target, not even in a Streefwaarde cell where a bare number is one."""
    assert parse_targets(text, context=TargetContext.NORM) == ()


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("≥4", ["≥ 4 ('≥4')"]),  # a symbol glued to the number is no code
        ("één workshop", ["= 1 workshop ('één workshop')"]),
        ("40 (zie toelichting in bijlage)", ["= 40 ('40')"]),  # a remark, not a unit
        ("minimaal 40 (2023)", ["≥ 40 ('minimaal 40 (2023)')"]),  # a year, not a unit
        ("minimaal 40 (2023).", ["≥ 40 ('minimaal 40 (2023)')"]),
        # A sign glued to its number, after another number and a space, is the number's own.
        ("100 +10", ["= 100 ('100')", "= 10 ('+10')"]),
        ("27 30 −2", ["= 27 ('27')", "= 30 ('30')", "= -2 ('−2')"]),
    ],
)
def test_in_a_norm_cell_a_number_without_unit_is_read_beside_symbols_and_parentheses(
    text: str, shown: list[str]
) -> None:
    """A Streefwaarde cell: "≥4" is at least 4; a parenthesis after the number holds a remark
    or a year, not a unit."""
    assert [t.describe() for t in parse_targets(text, context=TargetContext.NORM)] == shown


def test_progress_reported_in_one_sentence_leaves_the_targets_of_the_next() -> None:
    """ "zijn gerealiseerd" reports progress in its own sentence only: the next sentence's
    target is still read."""
    text = "De laadpalen zijn gerealiseerd. Wij plaatsen minimaal 30 fietsenstallingen."
    assert [t.describe() for t in parse_targets(text)] == [
        "≥ 30 fietsenstallingen ('minimaal 30 fietsenstallingen')"
    ]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        # "een" after the qualifier is the next number: "minimaal een keer", not "8 minimaal"
        (
            "deze 8 minimaal een keer per jaar te controleren",
            ["≥ 1 keer ('minimaal een keer per jaar')"],
        ),
        # "een" before the qualifier is an article, no number to bound
        ("Er is een minimaal te handhaven natuurgebied.", []),
        # "meer dan" after a number compares it and is no trailing qualifier
        ("We plaatsen 8 meer dan vorig jaar.", []),
    ],
)
def test_a_qualifier_after_a_number_bounds_it_only_as_a_trailing_qualifier(
    text: str, shown: list[str]
) -> None:
    """A number followed by "minimaal"/"maximaal" is bounded by it ("deze 8 minimaal te
    handhaven") unless a number follows the qualifier; other qualifiers after a number bound
    nothing."""
    assert [t.describe() for t in parse_targets(text)] == shown

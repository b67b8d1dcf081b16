"""Ranges, signs and the year of a nulmeting: a range keeps both ends however its dash is
written, a sign is part of its number only when glued to it, a sign agrees with its word of
change or the change is not read, and "de nulmeting in 2030" dates the target.

Dutch writes a range of percentages with a hyphen and no spaces as often as with "tot": "met
zo'n 85-95% ten opzichte van 1990" (https://www.fluxenergie.nl/parijs-akkoord-betekent-halvering-
nederlandse-co2-uitstoot-2030/), "met 38-48 procent in 2030 ten opzichte van 1990"
(https://www.biomassafeiten.nl/2021/10/), and writes a reduction target with a minus sign: "De
Urgenda doelstelling van -25% CO2 ten opzichte van 1990"
(https://www.platformbioeconomie.nl/2020/10/30/klimaat-en-energieverkenning-2020/).
"""

from __future__ import annotations

import attrs
import pytest

from prestatie import Target, TargetContext, TargetKind, format_target, parse_targets

SPELLINGS = ["80 tot 95%", "80 à 95%", "80-95%", "80 - 95%", "80–95%", "80 – 95%"]


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_a_range_of_changes_keeps_both_ends_in_every_spelling(spelling: str) -> None:
    """ "80-95% reductie t.o.v. 1990" is a change of -95% up to -80%, with a hyphen or an en
    dash, with or without spaces, as with "tot" or "à"; the text read is as printed."""
    text = f"{spelling} reductie t.o.v. 1990"
    (target,) = parse_targets(text)
    assert (target.kind, target.lower, target.upper) == (TargetKind.RELATIVE, -95, -80)
    assert (target.baseline_year, target.text) == (1990, text)


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_a_range_in_a_norm_keeps_both_ends_in_every_spelling(spelling: str) -> None:
    """In a Streefwaarde cell, or a sentence that declares a norm, "80-95% van de woningen" is
    80% up to 95% of the woningen in every spelling: the first number takes the unit of the
    second, and the dash is no minus sign of the 95."""
    (cell,) = parse_targets(spelling, context=TargetContext.NORM)
    assert (cell.lower, cell.upper, cell.unit) == (80, 95, "%")
    (target,) = parse_targets(f"Het doel is {spelling} van de woningen in 2030.")
    assert (target.lower, target.upper, target.unit) == (80, 95, "% van de woningen")
    assert target.year == 2030


@pytest.mark.parametrize("context", list(TargetContext))
def test_tussen_gives_its_first_number_the_percent_of_its_second(
    context: TargetContext,
) -> None:
    """ "tussen 80 en 95%" is the range 80% to 95%, as "80-95%" is; it was read as two
    targets, 80 and 95%, in a norm."""
    (target,) = parse_targets("tussen 80 en 95%", context=context)
    assert (target.lower, target.upper, target.unit) == (80, 95, "%")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("80 - 5 adviezen", []),
        ("80 - 95%", ["≥ 80% en ≤ 95% ('80 - 95%')"]),
        ("- 5%", ["= -5% ('- 5%')"]),
        ("maximaal - 5% t.o.v. 2016", ["≤ -5% t.o.v. basiswaarde ('maximaal - 5% t.o.v. 2016')"]),
        ("+ 5% t.o.v. 2016", ["≥ 5% t.o.v. basiswaarde ('+ 5% t.o.v. 2016')"]),
    ],
)
def test_a_dash_after_a_number_is_no_minus_sign_and_a_spaced_sign_elsewhere_is(
    text: str, shown: list[str]
) -> None:
    """In a norm, the dash between two numbers ("80 - 95%") is that of a range and never makes
    the second negative; a sign with a space after it and no number before it ("- 5%",
    "maximaal - 5%") is still a sign."""
    found = parse_targets(text, context=TargetContext.NORM)
    assert [t.describe() for t in found] == shown


@pytest.mark.parametrize("text", ["één op de drie woningen", "één of twee"])
def test_een_before_op_or_of_is_no_count_of_one(text: str) -> None:
    """ "één op de drie" is a share and "één of twee" a choice: neither sets a target of 1."""
    found = parse_targets(text, context=TargetContext.NORM)
    assert all(t.lower != 1 for t in found)


@pytest.mark.parametrize(
    "text", ["95 tot 80% reductie t.o.v. 1990", "95-80% reductie t.o.v. 1990", "95 – 80% minder"]
)
def test_a_reversed_range_of_changes_is_ordered(text: str) -> None:
    """ "95 tot 80% reductie" names the two sizes of one reduction, high first: it is the range
    -95% to -80%, as "tussen 20 en 10% minder" is, not only its second end (-80%)."""
    (target,) = parse_targets(text, context=TargetContext.NORM)
    assert (target.kind, target.lower, target.upper) == (TargetKind.RELATIVE, -95, -80)


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("een reductie realiseren van 95 tot 80% ten opzichte van 1990", TargetContext.TEXT),
        ("van 95 tot 80% reductie t.o.v. 1990", TargetContext.TEXT),
        ("Het doel is van 95 tot 80% van de woningen in 2030.", TargetContext.TEXT),
        ("95-80%", TargetContext.NORM),
        ("95 – 80 laadpalen", TargetContext.NORM),
    ],
)
def test_a_path_or_a_range_from_high_to_low_sets_no_target_nor_half_of_one(
    text: str, context: TargetContext
) -> None:
    """ "van 95 tot 80%" may be a path, from 95 now to 80 later, and a range of levels from high
    to low is no range: neither is read, and neither is the upper end alone (it was read as a
    change of -80%, or as exactly 80%)."""
    assert parse_targets(text, context=context) == ()


def test_an_ascending_range_after_van_is_a_range_of_changes() -> None:
    """ "realiseren van 80 tot 95% ten opzichte van 1990" keeps reading as the range of a
    reduction (Drenthe's sentence in the corpus): only from high to low is it a path."""
    (target,) = parse_targets("een reductie realiseren van 80 tot 95% ten opzichte van 1990")
    assert (target.lower, target.upper, target.baseline_year) == (-95, -80, 1990)


@pytest.mark.parametrize(
    ("signed", "plain"),
    [
        ("-5% reductie t.o.v. 2019", "5% reductie t.o.v. 2019"),
        ("−5% reductie t.o.v. 2019", "5% reductie t.o.v. 2019"),
        ("minimaal -5% reductie", "minimaal 5% reductie"),
        ("+5% groei t.o.v. 2019", "5% groei t.o.v. 2019"),
    ],
)
def test_a_sign_that_agrees_with_its_word_of_change_is_how_the_change_is_written(
    signed: str, plain: str
) -> None:
    """ "-5% reductie" is "5% reductie" (a change of at most -5%) written with its sign, as
    "+5% groei" is "5% groei"; before, "-5% reductie" was read as no change at all."""
    (target,) = parse_targets(signed)
    (expected,) = parse_targets(plain)
    assert attrs.evolve(target, text="") == attrs.evolve(expected, text="")
    assert target.text == signed


@pytest.mark.parametrize("text", ["+5% reductie", "-5% groei", "+5% CO2-reductie t.o.v. 1990"])
@pytest.mark.parametrize("context", list(TargetContext))
def test_a_sign_against_its_word_of_change_sets_no_target(
    text: str, context: TargetContext
) -> None:
    """ "+5% reductie" says up and down at once: no change is read, and no absolute 5% either
    (it was read as a change of at most -5%, the "+" skipped, or as exactly 5% in a norm)."""
    assert parse_targets(text, context=context) == ()


@pytest.mark.parametrize(
    ("text", "baseline_year", "year"),
    [
        ("minimaal 20% minder t.o.v. de nulmeting in 2030", None, 2030),
        ("minimaal -20% t.o.v. de nulmeting in 2030", None, 2030),
        ("een halvering t.o.v. de nulmeting in 2030", None, 2030),
        ("In 2030 minimaal 20% minder t.o.v. de nulmeting in 2019.", 2019, 2030),
        ("In 2030 minimaal -20% t.o.v. de nulmeting in 2019.", 2019, 2030),
        ("minimaal 20% minder t.o.v. de nulmeting van 2019", 2019, None),
        # A year that opens the text dates a target against a nulmeting without a year.
        ("In 2030 minimaal 5% t.o.v. de nulmeting.", None, 2030),
    ],
)
def test_the_year_after_de_nulmeting_in_dates_the_target_unless_a_later_year_does(
    text: str, baseline_year: int | None, year: int | None
) -> None:
    """A nulmeting is measured before its target: "t.o.v. de nulmeting in 2030" is a target for
    2030 against the nulmeting (it was read as a nulmeting held in 2030, for a change word,
    while "minimaal -20% t.o.v. de nulmeting in 2030" read 2030 as the target's year). With a
    later year in the clause, the earlier one is the nulmeting's; "van 2019" names it alone.
    The printed text runs from the qualifier or word of change to the nulmeting's year."""
    (target,) = parse_targets(text)
    assert target.kind is TargetKind.RELATIVE
    assert (target.baseline_year, target.year) == (baseline_year, year)
    start = text.lower().find("minimaal") if "minimaal" in text else text.find("halvering")
    assert target.text == text[start:].rstrip(".")


def test_a_change_against_the_nulmeting_in_a_year_reads_back_as_written() -> None:
    """`format_target` writes a target for 2030 against the nulmeting as "... t.o.v. de
    nulmeting in 2030", and that reads back as the same target, with or without a word of
    change."""
    target = Target(unit="", kind=TargetKind.RELATIVE, upper=-20, year=2030)
    text = format_target(target)
    assert text == "maximaal -20% t.o.v. de nulmeting in 2030"
    (read,) = parse_targets(text)
    assert attrs.evolve(read, text="") == target


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("tussen 5 en 10 miljoen bezoekers", TargetContext.TEXT),
        ("5 tot 10 miljoen bezoekers", TargetContext.NORM),
        ("5 - 10 miljoen bezoekers", TargetContext.NORM),
    ],
)
def test_the_first_end_of_a_range_takes_the_scale_of_the_second(
    text: str, context: TargetContext
) -> None:
    """ "tussen 5 en 10 miljoen" is 5 miljoen to 10 miljoen (it was read as 5 to 10 miljoen);
    a first end with a scale of its own keeps it."""
    (target,) = parse_targets(text, context=context)
    assert (target.lower, target.upper) == (5_000_000, 10_000_000)
    (own,) = parse_targets("tussen 500 duizend en 1 miljoen bezoekers")
    assert (own.lower, own.upper) == (500_000, 1_000_000)


@pytest.mark.parametrize("context", list(TargetContext))
def test_a_qualifier_before_a_range_never_makes_its_first_end_a_bound(
    context: TargetContext,
) -> None:
    """ "minimaal 80-95%" is not "minimaal 80": in a norm the range is read whole, in running
    text that declares no norm nothing is read."""
    found = parse_targets("minimaal 80-95%", context=context)
    assert [(t.lower, t.upper) for t in found] == (
        [(80, 95)] if context is TargetContext.NORM else []
    )


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        # A range followed by the next item of a list is read, and so is the item.
        (
            "10 tot 20 woningen en 30 laadpalen",
            ["≥ 10 en ≤ 20 woningen ('10 tot 20 woningen')", "= 30 laadpalen ('30 laadpalen')"],
        ),
        (
            "80-95%, 20 laadpalen",
            ["≥ 80% en ≤ 95% ('80-95%')", "= 20 laadpalen ('20 laadpalen')"],
        ),
        (
            "tussen 10 en 20 woningen en 30 laadpalen",
            [
                "≥ 10 en ≤ 20 woningen ('tussen 10 en 20 woningen')",
                "= 30 laadpalen ('30 laadpalen')",
            ],
        ),
        # In a cell a range may stand without unit, as a number may.
        ("80 tot 95", ["≥ 80 en ≤ 95 ('80 tot 95')"]),
        ("tussen 10 en 20", ["≥ 10 en ≤ 20 ('tussen 10 en 20')"]),
        # "procent" after the second end, as "%"; the first end takes no scale that would
        # put it past the second.
        ("38-48 procent", ["≥ 38% en ≤ 48% ('38-48 procent')"]),
        (
            "tussen 500 en 1 miljoen euro",
            ["≥ 500 en ≤ 1.000.000 euro ('tussen 500 en 1 miljoen euro')"],
        ),
        # A range whose ends are equal is that number, as "tussen 80 en 80%" is.
        ("80-80%", ["= 80% ('80-80%')"]),
        ("tussen 80 en 80%", ["= 80% ('tussen 80 en 80%')"]),
    ],
)
def test_a_range_in_a_cell_is_read_whole_before_a_list_or_without_unit(
    text: str, shown: list[str]
) -> None:
    """In a Streefwaarde cell a range keeps both ends when the next item of a list follows it
    or when it has no unit; it was dropped, or read as two exact targets."""
    assert [t.describe() for t in parse_targets(text, context=TargetContext.NORM)] == shown


def test_a_range_in_running_text_needs_a_unit_and_leaves_the_next_item_unread() -> None:
    """In running text "tussen 10 en 20" without unit sets no target, and the item after a
    range, without a qualifier of its own, is not read."""
    assert parse_targets("tussen 10 en 20") == ()
    (target,) = parse_targets("tussen 10 en 20 woningen en 30 laadpalen")
    assert target.describe() == "≥ 10 en ≤ 20 woningen ('tussen 10 en 20 woningen')"

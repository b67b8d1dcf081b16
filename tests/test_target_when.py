"""When a target applies (year, period, jaarlijks) and ratio targets: the model's rules and
their JSON form."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from prestatie import (
    Budget,
    InvalidValueError,
    Outcome,
    Target,
    TargetContext,
    TargetKind,
    UnitMismatchError,
    from_json,
    parse_targets,
    to_json,
)

RATIO = Target(unit="laadpunt per 5 elektrische voertuigen", kind=TargetKind.RATIO, lower=1)


def test_a_period_runs_from_its_first_year_to_a_later_year() -> None:
    """first_year needs a later `year`: the period's last year."""
    assert Target(unit="woningen", lower=1, first_year=2022, year=2030).first_year == 2022
    with pytest.raises(InvalidValueError, match="a period needs a later last year"):
        Target(unit="woningen", lower=1, first_year=2022)
    with pytest.raises(InvalidValueError, match="got 2030 to 2030"):
        Target(unit="woningen", lower=1, first_year=2030, year=2030)


def test_sums_and_intersections_keep_when_they_apply_only_when_both_agree() -> None:
    """Year, first year and the yearly flag survive `+` and `intersect` when the two targets
    share them, and are dropped when they differ."""
    yearly = Target(unit="ha", lower=10, year=2030, first_year=2022, yearly=True)
    both = yearly + yearly
    assert (both.year, both.first_year, both.yearly) == (2030, 2022, True)
    other = Target(unit="ha", upper=50, year=2030)
    mixed = yearly.intersect(other)
    assert isinstance(mixed, Target)
    assert (mixed.year, mixed.first_year, mixed.yearly) == (None, None, False)


def test_ratios_are_judged_but_never_added() -> None:
    """A ratio target tests and evaluates like a count; two ratios do not add up, and a ratio
    does not meet a count of the same words."""
    assert RATIO.contains(1)
    assert RATIO.resolve() is RATIO
    assert RATIO.evaluate(2).outcome is Outcome.MET
    with pytest.raises(InvalidValueError, match="ratios do not add up"):
        RATIO + RATIO
    count = Target(unit=RATIO.unit, lower=1)
    with pytest.raises(UnitMismatchError, match="a ratio and a count"):
        RATIO.intersect(count)


def _targets(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, dict):
        if "lower_inclusive" in data:
            yield data
        for value in data.values():
            yield from _targets(value)
    elif isinstance(data, list):
        for value in data:
            yield from _targets(value)


def test_json_writes_period_and_yearly_only_when_set_and_reads_them_back(
    seed_budget: Budget,
) -> None:
    """A target without period or yearly flag is written as before (so that versions that
    predate them read it); one with them, or a ratio, round-trips through JSON unchanged."""
    plain = json.loads(to_json(seed_budget))
    assert all("first_year" not in t and "yearly" not in t for t in _targets(plain))
    first = next(_targets(plain))
    first.update(kind="verhouding", year=2030, first_year=2022, yearly=True)
    budget = from_json(json.dumps(plain))
    written = [t for t in _targets(json.loads(to_json(budget))) if "yearly" in t]
    assert [(t["kind"], t["first_year"], t["year"], t["yearly"]) for t in written] == [
        ("verhouding", 2022, 2030, True)
    ]
    assert from_json(to_json(budget)) == budget


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # The words that lead a year belong to the target's printed text.
        ("minimaal 20 laadpalen eind 2025", [(None, 2025, "minimaal 20 laadpalen eind 2025")]),
        (
            "minimaal 20 laadpalen uiterlijk 2030",
            [(None, 2030, "minimaal 20 laadpalen uiterlijk 2030")],
        ),
        (
            "minimaal 20 laadpalen uiterlijk in 2030",
            [(None, 2030, "minimaal 20 laadpalen uiterlijk in 2030")],
        ),
        (
            "minimaal 20 laadpalen tot en met 2025",
            [(None, 2025, "minimaal 20 laadpalen tot en met 2025")],
        ),
        (
            "minimaal 20 laadpalen van 2020 tot 2025",
            [(2020, 2025, "minimaal 20 laadpalen van 2020 tot 2025")],
        ),
        (
            "minimaal 20 laadpalen in 2020 – 2025",
            [(2020, 2025, "minimaal 20 laadpalen in 2020 – 2025")],
        ),
        # A year led by "eind" or "tot en met" at the start of the text dates the target after it.
        ("Eind 2025 minimaal 20 laadpalen.", [(None, 2025, "minimaal 20 laadpalen")]),
        ("Tot en met 2025 minimaal 20 laadpalen.", [(None, 2025, "minimaal 20 laadpalen")]),
        # A period opened by "van ... tot" stays one period, not a period and a year.
        ("Van 2020 tot 2025 minimaal 20 laadpalen.", [(2020, 2025, "minimaal 20 laadpalen")]),
        # Two years joined by "en" are no period; the nearer year is the target's.
        ("minimaal 20 laadpalen in 2025 en 2030.", [(None, 2025, "minimaal 20 laadpalen in 2025")]),
        # A period from a year to that same year is no period.
        ("minimaal 20 laadpalen in 2025-2025.", [(None, 2025, "minimaal 20 laadpalen in 2025")]),
        # A year dates its own target; a period later in the sentence does not take it away.
        (
            "In 2019 minimaal 10 laadpalen en van 2020 tot 2025 minimaal 20 fietsenstallingen.",
            [
                (None, 2019, "minimaal 10 laadpalen"),
                (2020, 2025, "minimaal 20 fietsenstallingen"),
            ],
        ),
        # The nearest year phrase, before or after the target, is the target's.
        (
            "Wij plaatsen in 2020 minimaal 20 laadpalen en evalueren in 2030.",
            [(None, 2020, "minimaal 20 laadpalen")],
        ),
        (
            "In 2020 evalueren we het plan en plaatsen we minimaal 20 laadpalen in 2030.",
            [(None, 2030, "minimaal 20 laadpalen in 2030")],
        ),
        # A year within the target's own words dates it, before a year right beside it.
        (
            "In 2025 49% reductie in 2030 t.o.v. 1990.",
            [(None, 2030, "49% reductie in 2030 t.o.v. 1990")],
        ),
        # "tot" before a year dates the target, before or after it; so does a year in
        # parentheses, and a year that heads its clause before ":".
        (
            "Minimaal 20 laadpalen tot 2025.",
            [(None, 2025, "Minimaal 20 laadpalen tot 2025")],
        ),
        ("Tot 2025 minimaal 20 laadpalen.", [(None, 2025, "minimaal 20 laadpalen")]),
        ("(2025) minimaal 20 laadpalen.", [(None, 2025, "minimaal 20 laadpalen")]),
        # A year on its own, or after ")" only, is no date; a later year still is.
        ("Minimaal 20 laadpalen 2025).", [(None, None, "Minimaal 20 laadpalen")]),
        (
            "Het Natuurpact 2013 vraagt minimaal 20 laadpalen in 2025.",
            [(None, 2025, "minimaal 20 laadpalen in 2025")],
        ),
        # A clause of a year alone before ":" dates the clause after it.
        (
            "In 2030: minimaal 30 fietsenstallingen en minimaal 20 laadpalen.",
            [(None, 2030, "minimaal 30 fietsenstallingen"), (None, 2030, "minimaal 20 laadpalen")],
        ),
        (
            "Minimaal 20 laadpalen in 2025: minimaal 30 fietsenstallingen.",
            [
                (None, 2025, "Minimaal 20 laadpalen in 2025"),
                (None, None, "minimaal 30 fietsenstallingen"),
            ],
        ),
        (
            "Natuurpact 2013: minimaal 20 laadpalen.",
            [(None, None, "minimaal 20 laadpalen")],
        ),
        # "!" and "?" end a sentence as "." does; the "." of "ca." does not, nor one glued
        # to the next word.
        (
            "Minimaal 20 laadpalen! In 2030 minimaal 30 fietsenstallingen.",
            [(None, None, "Minimaal 20 laadpalen"), (None, 2030, "minimaal 30 fietsenstallingen")],
        ),
        (
            "Minimaal 20 laadpalen? In 2030 minimaal 30 fietsenstallingen.",
            [(None, None, "Minimaal 20 laadpalen"), (None, 2030, "minimaal 30 fietsenstallingen")],
        ),
        (
            "Minimaal 20 laadpalen.In 2030 minimaal 30 fietsenstallingen.",
            [(None, 2030, "Minimaal 20 laadpalen"), (None, 2030, "minimaal 30 fietsenstallingen")],
        ),
        (
            "Minimaal 20 laadpalen, ca. 30 fietsenstallingen in 2030.",
            [(None, 2030, "Minimaal 20 laadpalen")],
        ),
        # A full stop before a number ends the sentence, and its date stays there.
        (
            "Minimaal 20 laadpalen. 30 fietsenstallingen erbij in 2030.",
            [(None, None, "Minimaal 20 laadpalen")],
        ),
        # "in de periode" belongs to the period after the target, and to its printed text.
        (
            "Minimaal 20 laadpalen in de periode 2020-2025.",
            [(2020, 2025, "Minimaal 20 laadpalen in de periode 2020-2025")],
        ),
        # A period dates only the targets of its own clause (up to ";" or ":").
        (
            "In de periode 2020-2025 minimaal 20 laadpalen; minimaal 30 fietsenstallingen.",
            [(2020, 2025, "minimaal 20 laadpalen"), (None, None, "minimaal 30 fietsenstallingen")],
        ),
    ],
)
def test_parse_targets_dates_each_target_with_the_year_or_period_its_text_gives(
    text: str, read: list[tuple[int | None, int | None, str]]
) -> None:
    """The year or period (first year, last year) that parse_targets gives each target, and the
    target's printed text, which takes in a year phrase right after it ("eind 2025",
    "uiterlijk in 2030", "tot en met 2025", "van 2020 tot 2025")."""
    got = [(t.first_year, t.year, t.text) for t in parse_targets(text)]
    assert got == read


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("Minimaal 5 workshops jaarlijks.", "Minimaal 5 workshops jaarlijks"),
        ("Jaarlijks minimaal 5 workshops.", "minimaal 5 workshops"),
        ("Minimaal 5 jaarlijkse workshops.", "Minimaal 5 jaarlijkse workshops"),
        ("Wij organiseren jaarlijkse bijeenkomsten, minimaal 5 workshops.", "minimaal 5 workshops"),
        ("Minimaal 5 workshops elk jaar.", "Minimaal 5 workshops elk jaar"),
        ("Elk jaar minimaal 5 workshops.", "minimaal 5 workshops"),
        ("Minimaal 5 workshops ieder jaar.", "Minimaal 5 workshops ieder jaar"),
        ("Ieder jaar minimaal 5 workshops.", "minimaal 5 workshops"),
        ("Minimaal 5 workshops per jaar.", "Minimaal 5 workshops per jaar"),
        ("Per jaar minimaal 5 workshops.", "minimaal 5 workshops"),
    ],
)
def test_jaarlijks_elk_ieder_and_per_jaar_make_the_targets_of_their_clause_yearly(
    text: str, printed: str
) -> None:
    """ "jaarlijks", "jaarlijkse", "elk jaar", "ieder jaar" and "per jaar", before or after the
    target, make it yearly; after it, the phrase is part of the target's printed text."""
    (target,) = parse_targets(text)
    assert (target.lower, target.unit.endswith("workshops"), target.yearly) == (5, True, True)
    assert (target.year, target.text) == (None, printed)


@pytest.mark.parametrize(
    "text",
    [
        "2025: 50%; 2030: 80%",
        "In 2025: 50%; in 2030: 80%",
        "In 2025 50%. In 2030 80%.",
    ],
)
def test_a_norm_cell_with_a_value_per_year_dates_each_value_once(text: str) -> None:
    """A Streefwaarde cell that gives a value per year, in clauses or in sentences, is one
    target per year, each dated and read once."""
    targets = parse_targets(text, context=TargetContext.NORM)
    assert [(t.lower, t.unit, t.year) for t in targets] == [(50, "%", 2025), (80, "%", 2030)]


def test_a_number_that_ends_a_sentence_is_read_once_in_that_sentence() -> None:
    """In a cell "In 2025 50. In 2030 80." the 50 before the full stop belongs to the first
    sentence alone: each value once, with its own year."""
    targets = parse_targets("In 2025 50. In 2030 80.", context=TargetContext.NORM)
    assert [(t.lower, t.year) for t in targets] == [(50, 2025), (80, 2030)]


def test_a_year_alone_in_a_cell_or_at_its_end_is_no_target_and_no_heading() -> None:
    """ "2030" alone, or after the last value, sets no target: only a year before ":" heads
    a clause."""
    assert parse_targets("2030", context=TargetContext.NORM) == ()
    (target,) = parse_targets("2025: 50%; 2030", context=TargetContext.NORM)
    assert (target.lower, target.year) == (50, 2025)


def test_jaarlijks_makes_only_its_own_clause_yearly() -> None:
    """ "Jaarlijks" in the first clause leaves the target of the next clause (after ";") as
    it is."""
    first, second = parse_targets("Jaarlijks minimaal 5 workshops; in 2030 minimaal 20 laadpalen.")
    assert (first.yearly, first.year) == (True, None)
    assert (second.yearly, second.year) == (False, 2030)


def test_a_whole_sentence_that_is_a_target_is_read_with_its_full_stop() -> None:
    """ "Meer dan 5 gastlessen." is a target as a whole phrase, with or without its full stop
    (a comparison in running text is read only as the whole phrase)."""
    for text in ("Meer dan 5 gastlessen.", "Meer dan 5 gastlessen"):
        (target,) = parse_targets(text)
        assert (target.describe(), target.text) == (
            "> 5 gastlessen ('Meer dan 5 gastlessen')",
            "Meer dan 5 gastlessen",
        )

"""Reading targets from Dutch text, writing them back, and finding references."""

from __future__ import annotations

import importlib.util
import re
from decimal import Decimal
from types import ModuleType

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES
from prestatie import (
    Code,
    InvalidValueError,
    Target,
    TargetContext,
    TargetKind,
    format_target,
    parse_amount,
    parse_references,
    parse_targets,
)
from strategies import dated_phrase_targets, phrase_targets, texts


def _seed() -> ModuleType:
    spec = importlib.util.spec_from_file_location("seed_actions", EXAMPLES / "prestatie_7_2_3.py")
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_seed_actions_yield_exactly_the_four_targets() -> None:
    """The six actions of 7.2.3 hold at most 50 democratiespelen, 30 spelen op andere
    locaties and 40 gastlessen, and at least 2 adviezen; nothing else is a target."""
    found = [target for text in _seed().ACTIONS for target in parse_targets(text)]
    assert [(t.unit, t.lower, t.upper) for t in found] == [
        ("democratiespelen", None, 50),
        ("spelen op andere locaties", None, 30),
        ("gastlessen", None, 40),
        ("adviezen", 2, None),
    ]
    assert all(t.kind is TargetKind.ABSOLUTE for t in found)
    assert all(t.lower_inclusive and t.upper_inclusive for t in found)


def test_seed_actions_parse_to_the_targets_the_example_records(seed_budget) -> None:  # type: ignore[no-untyped-def]
    """Parsing each action's text gives the targets, with their texts, that the example
    budget records by hand, and its references."""
    for action in seed_budget.prestatie("7.2.3").actions:
        assert parse_targets(action.text) == action.targets
        assert parse_references(action.text) == action.references


@pytest.mark.parametrize(
    "text",
    [
        "We organiseren samen met Hedon een foto-tentoonstelling over democratie.",
        "participatietrajecten, zoals crowdfunding en crowdsourcing (prestatie 7.2.2).",
        "Het investeringsvoorstel Kwaliteit Openbaar Bestuur is in 2016 door Provinciale Staten"
        " aangenomen (PS/2016/344).",
        "Deze prestatie heeft een relatie met de andere prestaties uit het investeringsvoorstel:"
        " 7.1.1, 7.1.2, 7.1.3, 7.1.6, 7.3.1, 7.3.2, 7.3.4.",
        "Niet structureel. Eindigt naar verwachting in 2020.",
        "Investeringsbesluit gebiedsprogramma Pact van Twickel PS/2012/89, gewijzigd bij"
        " PS/2013/830.",
        "Actions cross-reference other prestaties in their text: (kerntaak 5).",
        "Kerntaak 7. Kwaliteit openbaar bestuur, beleidsdoel 7.1 en prestatie 7.2.3.",
        "Begroting 2017 met het meerjarig overzicht 2015 tot en met 2020.",
        "Wij organiseren workshops, exposities en lezingen; een bijeenkomst in 2016 en 2017.",
        "Algemene uitkeringen: 85.906 | 186.000 | 195.589 | 172.246 | 172.472 | 172.002",
        "Baten BD 7.2 27 0 27 30 −2",
        "Dit kost een paar duizend euro meer dan gepland, zie taakveld 0.1 en 1.1.",
        "maximaal in 2016",
        "tussen 2016 en 2019",
        "tussen 1 en 3 juni organiseren we een bijeenkomst",
        "maximaal een derde van de gemeenten",
        "minimaal een paar keer",
        "minimaal een aantal bijeenkomsten",
    ],
)
def test_numbers_that_are_not_targets_yield_none(text: str) -> None:
    """Years, codes, PS numbers, table figures and articles are never read as targets."""
    assert parse_targets(text) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in elk geval twee adviezen", Target.at_least(2, "adviezen")),
        ("ten minste vijftig nieuwe woningen in Zwolle", Target.at_least(50, "nieuwe woningen")),
        ("hoogstens twintig sessies", Target.at_most(20, "sessies")),
        ("niet meer dan honderd deelnemers", Target.at_most(100, "deelnemers")),
        ("precies duizend bomen", Target.exactly(1000, "bomen")),
        ("minimaal een bijeenkomst", Target.at_least(1, "bijeenkomst")),
        ("tussen 10 en 20 gastlessen", Target.between(10, 20, "gastlessen")),
        ("> 45,6% (PS)", Target.at_least(Decimal("45.6"), "%", strict=True)),
        ("45,6%", Target.exactly(Decimal("45.6"), "%")),
        ("minimaal € 20 miljoen", Target.at_least(20_000_000, "euro")),
        ("€ 3,75 miljoen", Target.exactly(3_750_000, "euro")),
        ("maximaal € 18.000,- per jaar", Target.at_most(18_000, "euro")),
        (
            "meer dan 5 en maximaal 9 gastlessen",
            Target.between(5, 9, "gastlessen", lower_inclusive=False),
        ),
        (
            "neemt toe of blijft minimaal gelijk",
            Target(unit="", kind=TargetKind.RELATIVE, lower=0),
        ),
        (
            "neemt toe",
            Target(unit="", kind=TargetKind.RELATIVE, lower=0, lower_inclusive=False),
        ),
        ("neemt af", Target(unit="", kind=TargetKind.RELATIVE, upper=0, upper_inclusive=False)),
        (
            "+5% t.o.v. 2016",
            Target(unit="", kind=TargetKind.RELATIVE, lower=5, baseline_year=2016),
        ),
    ],
)
def test_phrases_are_read_as_targets(text: str, expected: Target) -> None:
    """Each qualifier, number word, percentage, amount and direction phrase is understood."""
    (found,) = parse_targets(text)
    assert found.same_values(expected)
    assert found.baseline_year == expected.baseline_year
    assert found.text in text


def test_qualifier_carries_over_the_list() -> None:
    found = parse_targets(
        "maximaal 50 democratiespelen, 30 spelen op andere locaties en 40 gastlessen"
    )
    assert [t.describe() for t in found] == [
        "≤ 50 democratiespelen ('maximaal 50 democratiespelen')",
        "≤ 30 spelen op andere locaties ('30 spelen op andere locaties')",
        "≤ 40 gastlessen ('40 gastlessen')",
    ]


@given(phrase_targets() | dated_phrase_targets())
def test_law_format_then_parse_gives_the_same_target(target: Target) -> None:
    """A target written as Dutch text by the library reads back as the same target, with that
    text as its `text`: compound units, ratios, years, periods and "per jaar" included."""
    phrase = format_target(target)
    assert parse_targets(phrase) == (attrs.evolve(target, text=phrase),)


def test_references_are_found_in_order_once() -> None:
    text = "zie prestatie 7.2.2 en (kerntaak 5); prestaties 7.1.1, 7.1.2 en 7.2.2"
    assert parse_references(text) == (Code("7.2.2"), Code("5"), Code("7.1.1"), Code("7.1.2"))


_PHRASE_PIECES = st.sampled_from(
    [
        "maximaal", "minimaal", "in elk geval", "tussen", "en", ",", "meer dan", "precies", "€",
        "%", "miljoen", "een", "twee", "50", "2016", "7.2.2", "3,75", "-", "+", "t.o.v.",
        "neemt toe", "gastlessen", "op", "nieuwe", "woningen", "(", ")", ".", "18.000,-",
        "1e9999", "1E+3", "2,5e-3", "٣", "١٢", "3km", "0,0005", "duizend", "1,2345", "x",
        "²", "10m2", "3e", "honderd", "halvering", "verdubbeling", "gelijk aan", "ten opzichte van",
        "reductie", "minder", "besparen", "per", "jaar", "jaarlijks", "in de periode", "t/m", "tot",
        "eind", "2030", "NUL-doden", "mln.", "km/u", "ha", "natuur", "streven naar", "op schema",
        ";", ":", "≥", "<", "0-meting", "1:5", "2/3", "Nr.1", "CO2", "(2020)", "\n", "–",
    ]
)  # fmt: skip

_DIGITS = re.compile(r"(?<!\w)[0-9]+(?:[.,][0-9]+)*(?:,-)?(?![\w.,]*\w)")
_WORD_NUMBERS = """een één twee drie vier vijf zes zeven acht negen tien elf twaalf dertien
veertien vijftien zestien zeventien achttien negentien twintig dertig veertig vijftig zestig
zeventig tachtig negentig honderd duizend"""
_NUMBER_WORDS = dict(
    zip(
        _WORD_NUMBERS.split(),
        [1, *range(1, 21), *range(30, 100, 10), 100, 1000],
        strict=True,
    )
)


def _quoted_values(text: str) -> set[Decimal]:
    """Every value a number written in `text` can stand for: as written, scaled by duizend,
    miljoen or miljard, and negated; and the changes that words name (halvering −50%,
    verdubbeling +100%, "gelijk aan", "neemt toe", "NUL-" 0)."""
    written: set[Decimal] = set()
    for digits in _DIGITS.findall(text):
        try:
            value = parse_amount(digits)
        except InvalidValueError:
            continue
        if value is not None:
            written.add(value)
    written |= {
        Decimal(_NUMBER_WORDS[w]) for w in re.findall(r"\w+", text.lower()) if w in _NUMBER_WORDS
    }
    named = {
        Decimal(-50): "halvering",
        Decimal(100): "verdubbeling",
        Decimal(0): "(?:gelijk|neemt|nul-)",
    }
    written |= {value for value, word in named.items() if re.search(word, text, re.IGNORECASE)}
    return {
        sign * value.scaleb(scale)
        for value in written
        for scale in (0, 3, 6, 9)
        for sign in (1, -1)
    }


@settings(max_examples=300)
@given(st.lists(_PHRASE_PIECES, max_size=12).map(" ".join) | texts())
def test_law_any_text_parses_without_error_to_targets_quoting_their_numbers(text: str) -> None:
    """Whatever the text, in either context, reading targets never raises; each target's text
    is in it, and every bound of a target is a number that its text writes as a whole word (in
    ASCII digits or as a Dutch number word), or the change a word names ("halvering")."""
    for context in TargetContext:
        for target in parse_targets(text, context=context):
            assert target.text
            assert target.text in text
            quoted = _quoted_values(target.text)
            for bound in (target.lower, target.upper):
                assert bound is None or bound in quoted, (target.describe(), text)
    parse_references(text)


@pytest.mark.parametrize(
    "text",
    [
        "maximaal 1e9999",
        "maximaal 1e9999 bezoekers",
        "€ 1E+3 miljoen",
        "maximaal € 1E+3 miljoen",
        "minimaal 2,5e-3 procent",
        "maximaal 1.5e3 bezoekers",
        "maximaal € 1.5e3",
        "minimaal ٣ gastlessen",
        "minimaal 3km",
        "maximaal 3²",
        "1E+5% t.o.v. 2016",
        "~10",
        "=NEGEN",
    ],
)
def test_exponent_notation_glued_letters_and_unknown_signs_are_no_targets(text: str) -> None:
    """A number runs up to a word boundary: "1e9999" is not 1 of unit "e9999", "1E+3" is no
    thousand, digits other than ASCII 0-9 are not numbers, and a target cell is one quantity
    only when nothing else stands in it ("~10" is no exact 10)."""
    assert parse_targets(text) == ()


def test_a_scaled_number_with_decimals_is_kept_exactly() -> None:
    """ "1,2345 duizend" is 1234.5, not 1234."""
    (target,) = parse_targets("maximaal 1,2345 duizend bezoekers")
    assert target.upper == Decimal("1234.5")


NORM = TargetContext.NORM


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("tot minimaal 20% in 2023", None, Target(unit="%", lower=20, year=2023)),
        ("in 2030 < 6 jaar", None, Target(unit="jaar", upper=6, upper_inclusive=False, year=2030)),
        ("100% in 2028", NORM, attrs.evolve(Target.exactly(100, "%"), year=2028)),
        ("100%\nin 2027", NORM, attrs.evolve(Target.exactly(100, "%"), year=2027)),
        (
            "5,81 in 2030",
            NORM,
            Target(unit="", lower=Decimal("5.81"), upper=Decimal("5.81"), year=2030),
        ),
        (
            "We realiseren 650 hectare nieuwe natuur tot eind 2027.",
            None,
            attrs.evolve(Target.exactly(650, "hectare nieuwe natuur"), year=2027),
        ),
        (
            "dat in de periode 2022 t/m 2030 bruto 247.896 nieuwe woningen worden gerealiseerd",
            None,
            attrs.evolve(Target.exactly(247_896, "nieuwe woningen"), first_year=2022, year=2030),
        ),
        (
            "Wij organiseren jaarlijks minimaal 3 bijeenkomsten.",
            None,
            Target(unit="bijeenkomsten", lower=3, yearly=True),
        ),
        ("minimaal 1.000 ha per jaar", None, Target(unit="ha", lower=1000, yearly=True)),
        (
            "Indicator: Minimaal 1 laadpunt per 5 elektrische personenvoertuigen (2020)",
            None,
            Target(
                unit="laadpunt per 5 elektrische personenvoertuigen",
                kind=TargetKind.RATIO,
                lower=1,
                year=2020,
            ),
        ),
    ],
)
def test_years_periods_and_jaarlijks_attach_to_their_targets(
    text: str, context: TargetContext | None, expected: Target
) -> None:
    """ "in 2030", "tot eind 2027", "(2020)", "in de periode 2022 t/m 2030", "jaarlijks" and
    "per jaar" become the target's year, first year and yearly flag."""
    (found,) = parse_targets(text, context=context or TargetContext.TEXT)
    assert attrs.evolve(found, text="") == attrs.evolve(expected, text="")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "minimaal 4.500 en maximaal 8.000 (semi-)publieke laadpunten",
            Target.between(4500, 8000, "(semi-)publieke laadpunten"),
        ),
        ("≥ 30 km/u", Target.at_least(30, "km/u")),
        ("minimaal 30 minuten tijdwinst", Target.at_least(30, "minuten tijdwinst")),
        (
            "minstens 95% van de ruimtelijke plannen",
            Target.at_least(95, "% van de ruimtelijke plannen"),
        ),
        (
            "minimaal 30% sociale huur in de totale woningvoorraad",
            Target.at_least(30, "% sociale huur"),
        ),
        ("maximaal € 50 per inwoner", Target.at_most(50, "euro per inwoner")),
        ("minimaal € 5 mln. voor het volgende college", Target.at_least(5_000_000, "euro")),
        (
            "Wij willen een bijdrage leveren om deze 8 minimaal te handhaven.",
            Target.at_least(8, ""),
        ),
    ],
)
def test_ranges_compound_units_and_trailing_qualifiers_are_read_whole(
    text: str, expected: Target
) -> None:
    """A parenthesis beside the number, a unit of two words or a slash, "€ per inwoner", "mln."
    and a qualifier after its number keep the target whole."""
    (found,) = parse_targets(text)
    assert found.same_values(expected)
    assert found.unit == expected.unit


def _relative(lower: int | None = None, upper: int | None = None, **fields: object) -> Target:
    return Target(unit="", kind=TargetKind.RELATIVE, lower=lower, upper=upper, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("49% CO2-reductie ten opzichte van 1990", _relative(upper=-49, baseline_year=1990)),
        (
            "gericht op de realisatie van 49% CO2 reductie in 2030"
            " ten opzichte van het niveau van 1990",
            _relative(upper=-49, year=2030, baseline_year=1990),
        ),
        (
            "in 2030 minimaal 50 procent minder gezondheidsschade te realiseren"
            " ten opzichte van 2016",
            _relative(upper=-50, year=2030, baseline_year=2016),
        ),
        (
            "we besparen 25% van ons energieverbruik ten opzichte van 2010",
            _relative(upper=-25, baseline_year=2010),
        ),
        (
            "een reductie van de CO2-uitstoot realiseren van 80 tot 95% ten opzichte van 1990",
            _relative(lower=-95, upper=-80, baseline_year=1990),
        ),
        ("een halvering ten opzichte van 2020", _relative(upper=-50, baseline_year=2020)),
        ("een verdubbeling van het aantal reizigers", _relative(lower=100)),
        (
            "Het aantal reizigers is gelijk aan 2019.",
            _relative(lower=0, upper=0, baseline_year=2019),
        ),
        ("blijft minimaal gelijk", _relative(lower=0)),
    ],
)
def test_changes_against_a_baseline_are_relative_targets(text: str, expected: Target) -> None:
    """A percentage change, a halving, a doubling and "gelijk aan YYYY" are relative targets
    (bounds in percent of the baseline), with the baseline year where the sentence gives one.
    A decrease of at least 49% is a change of at most −49%."""
    (found,) = parse_targets(text)
    assert attrs.evolve(found, text="") == expected


@pytest.mark.parametrize(
    "text",
    [
        "de opgave ligt voor meer dan 95% op schema",
        "Onze inschatting is dat minimaal 92% van de besluiten in 2016 binnen de wettelijke termijn"
        " is afgehandeld.",
        "De cumulatieve realisatie komt naar verwachting uit op ruim 4.500 ha.",
        "In 2024 is het areaal gegroeid ten opzichte van 2023.",
        "Meer dan 1.000 planten en dieren in Brabant zijn bedreigd in hun voortbestaan.",
        "In 2019 telde de provincie Utrecht 1600 verkeersslachtoffers.",
        "De provincie stuurt op de volgende doelstellingen: 1) nieuwbouw minimaal 2/3 betaalbare"
        " woningbouw",
        "Waterkwaliteit Nr.1 Basisset BBV. De streefwaarde moet nog worden bepaald.",
        "Dit is ook medegedeeld aan PS (brief van 29-10-2024 (GS DOC-00714319)).",
    ],
)
def test_progress_facts_fractions_and_codes_set_no_target(text: str) -> None:
    """Progress statements ("op schema", "naar verwachting", "inschatting"), facts stated with
    "meer dan", list numbers, fractions, dates and codes are no targets."""
    assert parse_targets(text) == ()


def test_context_decides_what_a_bare_number_is() -> None:
    """A bare number is a target in a norm cell, or in a sentence that declares a norm; in
    narrative text it is none."""
    assert parse_targets("240.000", context=NORM) == (
        attrs.evolve(Target.exactly(240_000, ""), text="240.000"),
    )
    assert parse_targets("Wij realiseren 40 laadpalen.") == (
        attrs.evolve(Target.exactly(40, "laadpalen"), text="40 laadpalen"),
    )
    assert parse_targets("Er staan 40 laadpalen.") == ()
    found = parse_targets("12 TOP 19 SUB TOP", context=NORM)
    assert [(t.lower, t.unit) for t in found] == [(12, "TOP"), (19, "SUB TOP")]


def test_context_must_be_a_target_context() -> None:
    with pytest.raises(InvalidValueError, match="context: expected a TargetContext"):
        parse_targets("90%", context="norm")  # type: ignore[arg-type]


def test_a_ratio_needs_a_unit_that_says_per_how_many() -> None:
    """format_target writes a ratio only when its unit says per how many of what."""
    ratio = Target(unit="laadpunten", kind=TargetKind.RATIO, lower=1)
    with pytest.raises(InvalidValueError, match="per how many of what"):
        format_target(ratio)

"""Money: exact Dutch-notation parsing and formatting, and refusal of floats."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from prestatie import (
    AmountsByYear,
    BudgetLine,
    Flow,
    InvalidTypeError,
    InvalidValueError,
    Unit,
    UnitMismatchError,
    check_table,
    round_table,
    round_to_unit,
)
from prestatie._money import convert, format_amount, multiply, parse_amount, total
from strategies import amounts_values, two_decimal_amounts, years


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.234", Decimal(1234)),
        ("1234", Decimal(1234)),
        ("1.234,56", Decimal("1234.56")),
        ("(1.234)", Decimal(-1234)),
        ("-1.234", Decimal(-1234)),
        ("−2", Decimal(-2)),
        ("€ 1.234", Decimal(1234)),
        ("€1.234", Decimal(1234)),
        ("€ -1.234", Decimal(-1234)),
        ("€ 3,75 miljoen", Decimal(3750000)),
        ("€ 20 miljoen", Decimal(20000000)),
        ("€ 18.000,-", Decimal(18000)),
        ("0,5", Decimal("0.5")),
        ("1.234.567,891", Decimal("1234567.891")),
        (" 27 ", Decimal(27)),
    ],
)
def test_parse_amount_reads_dutch_notation(text: str, expected: Decimal) -> None:
    """Dots group thousands, a comma starts decimals, brackets and minus signs negate."""
    assert parse_amount(text) == expected


@pytest.mark.parametrize("text", ["", "-", "n.v.t.", "N.v.t.", "  ", "–"])
def test_parse_amount_reads_no_amount_as_none(text: str) -> None:
    """The placeholders for an empty cell are no amount, not zero."""
    assert parse_amount(text) is None


@pytest.mark.parametrize(
    "text", ["1.5", "1,234.56", "abc", "12a", "(1.234", "1.234)", "€", "--5", "1.23.456", "5 kg"]
)
def test_parse_amount_refuses_other_text_naming_it(text: str) -> None:
    """Text that is not a Dutch amount raises an error quoting the text and the expected form."""
    with pytest.raises(InvalidValueError) as info:
        parse_amount(text)
    assert repr(text) in str(info.value)
    assert "expected a Dutch amount" in str(info.value)


@pytest.mark.parametrize(
    ("text", "digit"),
    [
        ("٣", "٣"),
        ("1.٢٣٤", "٢"),
        ("１２", "１"),
        ("€ ١٠ miljoen", "١"),
        ("1.234,5٦", "٦"),
        ("²", "²"),
    ],
)
def test_parse_amount_refuses_digits_other_than_ascii_naming_the_digit(
    text: str, digit: str
) -> None:
    """Only 0-9 are digits of an amount: Arabic-Indic, full-width or superscript digits are
    refused with an error naming the text and the digit, not read as numbers."""
    with pytest.raises(InvalidValueError) as info:
        parse_amount(text)
    assert repr(text) in str(info.value)
    assert f"holds the digit {digit!r}" in str(info.value)
    assert "expected the digits 0-9" in str(info.value)


def test_parse_amount_refuses_non_text() -> None:
    """A float is not text to parse: it is refused, not converted."""
    with pytest.raises(InvalidTypeError, match="expected text, got float"):
        parse_amount(1.5)  # type: ignore[arg-type]


def test_parse_amount_scaled_amount_is_a_plain_integer() -> None:
    """'€ 3,75 miljoen' is stored as 3750000, not in exponent notation."""
    assert str(parse_amount("€ 3,75 miljoen")) == "3750000"


@given(amounts_values(places=4))
def test_format_then_parse_is_identity(amount: Decimal) -> None:
    """Formatting an amount in Dutch notation and parsing it back gives the same value."""
    text = format_amount(amount)
    assert parse_amount(text) == amount
    assert parse_amount(f"€ {text}") == amount


# Exactness, units, amounts by year, budget lines, rounding and published tables.

UNITS = list(Unit)


@given(amounts_values(places=2), st.sampled_from(UNITS), st.sampled_from(UNITS))
def test_law_unit_conversion_round_trips_exactly(amount: Decimal, a: Unit, b: Unit) -> None:
    """Euro, × € 1.000 and × € 1 miljoen convert both ways without any loss."""
    assert convert(convert(amount, a, b), b, a) == amount
    assert convert(amount, a, Unit.EURO) == amount * 10**a.exponent


@given(two_decimal_amounts(10_000))
def test_law_sum_of_ten_thousand_amounts_is_exact(amounts: list[Decimal]) -> None:
    """The total of 10,000 amounts in euros and cents equals the sum counted in whole cents."""
    cents = sum(int(amount.scaleb(2)) for amount in amounts)
    assert total(amounts) == Decimal(cents).scaleb(-2)


def test_sum_beyond_decimal_precision_is_still_exact() -> None:
    """Twenty-eight digits is the default Decimal precision; money sums do not stop there."""
    assert total([Decimal("1E+30"), Decimal("0.01")]) == Decimal(
        "1000000000000000000000000000000.01"
    )


def test_floats_are_refused_in_sums_and_products() -> None:
    with pytest.raises(InvalidTypeError, match=r"float .*floats are inexact"):
        total([Decimal(1), 0.1])  # type: ignore[list-item]
    with pytest.raises(InvalidTypeError, match="factor: expected a Decimal or int, got float"):
        multiply(Decimal(1), 0.5)  # type: ignore[arg-type]


@given(st.dictionaries(years(), amounts_values(), max_size=6), st.sampled_from(UNITS))
def test_law_amounts_by_year_total_and_convert_exactly(
    values: dict[int, Decimal], unit: Unit
) -> None:
    """The total is the exact sum of the years; converting keeps every year and the total."""
    amounts = AmountsByYear(unit, values)
    assert amounts.total == sum(values.values(), Decimal(0))
    assert amounts.years == tuple(sorted(values))
    euros = amounts.convert(Unit.EURO)
    assert euros.total == convert(amounts.total, unit, Unit.EURO)
    assert (amounts + amounts).total == 2 * amounts.total


def test_amounts_by_year_of_different_units_do_not_add() -> None:
    with pytest.raises(UnitMismatchError, match=r"x € 1\.000 and in x € 1 miljoen"):
        AmountsByYear(Unit.THOUSAND, {2017: 1}) + AmountsByYear(Unit.MILLION, {2017: 1})


def test_budget_line_computes_actueel_and_ruimte() -> None:
    """Actueel = primitief + wijziging; ruimte = actueel − gerealiseerd (BD 7.1, 2018-II)."""
    line = BudgetLine.compute("Lasten BD 7.1", Flow.LASTEN, 815, 80, 358)
    assert (line.actueel, line.ruimte) == (895, 537)


def test_lasten_and_baten_lines_never_add() -> None:
    """Baten are not negative lasten: adding a baten line to a lasten line is refused."""
    lasten = BudgetLine.compute("Lasten BD 7.2", Flow.LASTEN, 1823, 58, 1070)
    baten = BudgetLine.compute("Baten BD 7.2", Flow.BATEN, 27, 0, 30)
    with pytest.raises(UnitMismatchError, match="lasten and baten are kept apart"):
        lasten + baten


@given(
    st.lists(st.decimals(min_value=-(10**9), max_value=10**9, places=2), max_size=30),
    st.sampled_from(
        [(Unit.EURO, Unit.THOUSAND), (Unit.EURO, Unit.MILLION), (Unit.THOUSAND, Unit.MILLION)]
    ),
)
def test_law_rounded_parts_add_up_to_the_rounded_total(
    amounts: list[Decimal], units: tuple[Unit, Unit]
) -> None:
    """Largest-remainder rounding: the parts sum to the rounded total, and each part is less
    than 1 away from its exact value."""
    source, target = units
    rounded = round_table(amounts, source, target)
    assert sum(rounded.parts, Decimal(0)) == rounded.total
    assert rounded.total == round_to_unit(total(amounts), source, target)
    for part, amount in zip(rounded.parts, amounts, strict=True):
        assert abs(part - convert(amount, source, target)) < 1
        assert part == part.to_integral_value()


def test_round_to_unit_rounds_half_away_from_zero() -> None:
    assert round_to_unit(1500, Unit.EURO, Unit.THOUSAND) == 2
    assert round_to_unit(Decimal("1499.99"), Unit.EURO, Unit.THOUSAND) == 1
    assert round_to_unit(-1500, Unit.EURO, Unit.THOUSAND) == -2


# Monitor 2018-II, kerntaak 7, in × € 1.000, as published.
MONITOR_2018_II = [
    BudgetLine(label="Lasten BD 7.1", flow=Flow.LASTEN, primitief=815, wijziging=80,
               actueel=895, gerealiseerd=358, ruimte=537),
    BudgetLine(label="Lasten BD 7.2", flow=Flow.LASTEN, primitief=1823, wijziging=58,
               actueel=1881, gerealiseerd=1070, ruimte=811),
    BudgetLine(label="Lasten BD 7.3", flow=Flow.LASTEN, primitief=6537, wijziging=231,
               actueel=6768, gerealiseerd=5299, ruimte=1469),
    BudgetLine(label="Personeelsgebonden kosten", flow=Flow.LASTEN, primitief=8971, wijziging=0,
               actueel=8971, gerealiseerd=0, ruimte=8971),
    BudgetLine(label="Baten BD 7.2", flow=Flow.BATEN, primitief=27, wijziging=0, actueel=27,
               gerealiseerd=30, ruimte=-2),
]  # fmt: skip
MONITOR_2018_II_LASTEN = BudgetLine(
    label="Lasten", flow=Flow.LASTEN, primitief=18146, wijziging=369, actueel=18515,
    gerealiseerd=6727, ruimte=11788,
)  # fmt: skip


def test_published_monitor_table_is_off_by_one_in_the_baten_ruimte() -> None:
    """With no tolerance, exactly the published 27 − 30 = −2 is reported, at its cell."""
    problems = check_table(MONITOR_2018_II, [MONITOR_2018_II_LASTEN], tolerance=0)
    assert [problem.where for problem in problems] == ["Baten BD 7.2 / ruimte"]
    assert "stated -2, but actueel − gerealiseerd gives -3: off by 1" in problems[0].message


def test_published_monitor_table_holds_within_a_tolerance_of_one() -> None:
    assert check_table(MONITOR_2018_II, [MONITOR_2018_II_LASTEN], tolerance=1) == ()


def test_wrong_total_cell_is_reported_with_its_place() -> None:
    wrong = attrs.evolve(MONITOR_2018_II_LASTEN, gerealiseerd=Decimal(6730))
    problems = check_table(MONITOR_2018_II, [wrong], tolerance=1)
    assert [problem.where for problem in problems] == ["Lasten / gerealiseerd"]
    assert "off by 3" in problems[0].message


def test_negative_tolerance_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="tolerance: expected zero or more"):
        check_table(MONITOR_2018_II, tolerance=-1)


@given(st.lists(st.tuples(*[st.decimals(0, 10**8, places=2)] * 3), min_size=1, max_size=8))
def test_law_table_rounded_by_round_table_adds_up_exactly(
    rows: list[tuple[Decimal, Decimal, Decimal]],
) -> None:
    """Columns of euro amounts rounded with `round_table` to × € 1.000 pass the column-total
    check with no tolerance."""
    lines = [BudgetLine.compute(f"regel {i}", Flow.LASTEN, *row) for i, row in enumerate(rows)]
    columns = {
        column: round_table([getattr(line, column) for line in lines])
        for column in ("primitief", "wijziging", "actueel", "gerealiseerd", "ruimte")
    }
    rounded = [
        BudgetLine(
            label=line.label,
            flow=line.flow,
            **{column: result.parts[i] for column, result in columns.items()},
        )
        for i, line in enumerate(lines)
    ]
    stated = BudgetLine(
        label="Lasten", flow=Flow.LASTEN, **{c: r.total for c, r in columns.items()}
    )
    totals_only = [
        p for p in check_table(rounded, [stated], tolerance=0) if p.where.startswith("Lasten /")
    ]
    assert totals_only == []

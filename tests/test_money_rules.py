"""Money rules checked against independent arithmetic: spreadsheet numbers become the exact
amount the cell shows, rounding to a unit is half away from zero, and amounts by year add
year by year."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from prestatie import (
    AmountsByYear,
    InvalidTypeError,
    InvalidValueError,
    Unit,
    UnitMismatchError,
    round_table,
    round_to_unit,
)
from prestatie._money import (
    cell_problem,
    convert,
    format_amount,
    from_cell,
    from_spreadsheet_number,
    multiply,
    parse_amount,
    parse_decimal,
    to_amount,
)
from strategies import amounts_values, years

# Decimal texts of at most 15 significant digits: a float holds each of them exactly enough
# that its shortest repr gives the same digits back.
_SHOWN = st.builds(
    lambda digits, places: Decimal(digits).scaleb(-places),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.integers(min_value=0, max_value=3),
)


@given(_SHOWN)
@example(Decimal("0.1"))
@example(Decimal("1234.5"))
def test_law_a_spreadsheet_float_becomes_the_amount_its_cell_shows(shown: Decimal) -> None:
    """A float that a spreadsheet stores for a cell showing `shown` reads as exactly `shown`,
    not as the binary fraction behind it (0.1 stays 0.1, not 0.1000000000000000055...)."""
    assert from_spreadsheet_number(float(shown)) == shown


@given(st.floats(allow_nan=False, allow_infinity=False).filter(float.is_integer))
@example(1e30)
@example(3.0)
@example(-0.0)
def test_law_a_whole_float_becomes_that_integer_exactly(value: float) -> None:
    """A whole float, of any size, becomes a whole amount that reads back as the same float,
    written in full without an exponent (3.0 is Decimal('3'))."""
    amount = from_spreadsheet_number(value)
    assert float(amount) == value
    assert amount == amount.to_integral_value()
    assert amount.as_tuple().exponent == 0
    assert "E" not in str(amount)
    assert "." not in str(amount)


def test_a_large_whole_float_is_the_number_the_cell_shows() -> None:
    """1e30 is 10**30 as the cell shows it, not the binary value 1000000000000000019884624838656
    behind the float."""
    assert from_spreadsheet_number(1e30) == 10**30


@given(st.integers(min_value=-(10**40), max_value=10**40))
def test_law_an_integer_from_a_spreadsheet_is_kept_as_is(value: int) -> None:
    """A cell that holds an integer gives that integer, however large."""
    amount = from_spreadsheet_number(value)
    assert amount == value
    assert str(amount) == str(value)


@pytest.mark.parametrize(
    ("value", "error", "message"),
    [
        (True, InvalidTypeError, "expected a number, got bool True"),
        (False, InvalidTypeError, "expected a number, got bool False"),
        (math.nan, InvalidValueError, "expected a finite number, got nan"),
        (math.inf, InvalidValueError, "expected a finite number, got inf"),
        (-math.inf, InvalidValueError, "expected a finite number, got -inf"),
    ],
)
def test_a_spreadsheet_boolean_or_non_finite_number_is_no_amount(
    value: float, error: type[Exception], message: str
) -> None:
    """TRUE/FALSE cells and NaN or infinity are refused, naming what was found."""
    with pytest.raises(error) as caught:
        from_spreadsheet_number(value)
    assert str(caught.value) == message


_UNITS = list(Unit)


def _half_away_from_zero(exact: Fraction) -> int:
    """Rounding as a printed budget does it, in plain integer arithmetic."""
    magnitude = math.floor(abs(exact) + Fraction(1, 2))
    return magnitude if exact >= 0 else -magnitude


@given(
    st.integers(min_value=-(10**15), max_value=10**15),
    st.sampled_from(_UNITS),
    st.sampled_from(_UNITS),
)
@example(250_000, Unit.EURO, Unit.THOUSAND)  # 2.500,00 euro is 3 (x € 1.000), not 2
@example(-250_000, Unit.EURO, Unit.THOUSAND)
@example(350_000, Unit.EURO, Unit.THOUSAND)
def test_law_round_to_unit_is_half_away_from_zero(cents: int, source: Unit, target: Unit) -> None:
    """An amount in cents, stated in `target`, rounds to the nearest whole number, and a half
    rounds away from zero (2.500 euro is 3 x € 1.000, -2.500 euro is -3), never to even."""
    exact = Fraction(cents, 100) * Fraction(10) ** (source.exponent - target.exponent)
    amount = Decimal(cents).scaleb(-2)
    rounded = round_to_unit(amount, source, target)
    assert rounded == _half_away_from_zero(exact)
    assert rounded.as_tuple().exponent == 0


_BY_YEAR = st.dictionaries(years(2015, 2022), amounts_values(), max_size=5)


@given(_BY_YEAR, _BY_YEAR, st.sampled_from(_UNITS))
@example({2017: Decimal(1)}, {2018: Decimal(2)}, Unit.THOUSAND)
def test_law_amounts_by_year_add_year_by_year(
    first: dict[int, Decimal], second: dict[int, Decimal], unit: Unit
) -> None:
    """The sum has every year of either side, in order; a year missing on one side counts
    as zero there."""
    added = AmountsByYear(unit, first) + AmountsByYear(unit, second)
    every_year = sorted(set(first) | set(second))
    assert added.unit is unit
    assert added.years == tuple(every_year)
    for year in every_year:
        assert added.values[year] == first.get(year, 0) + second.get(year, 0)


def test_amounts_by_year_in_different_units_are_refused_with_the_way_out() -> None:
    """Adding x € 1.000 to euro names both units and says to convert one of them."""
    with pytest.raises(UnitMismatchError) as caught:
        AmountsByYear(Unit.THOUSAND, {2017: 1}) + AmountsByYear(Unit.EURO, {2017: 1})
    assert str(caught.value) == (
        "cannot add amounts in x € 1.000 and in euro: convert one of them first"
    )


def test_amounts_by_year_add_only_to_amounts_by_year() -> None:
    """Adding a bare number is a TypeError: its unit and year are unknown."""
    with pytest.raises(TypeError):
        AmountsByYear(Unit.EURO, {2017: 1}) + 1  # type: ignore[operator]


def test_a_float_amount_of_a_year_is_refused_naming_the_year() -> None:
    """The error names the year whose amount is a float."""
    with pytest.raises(InvalidTypeError) as caught:
        AmountsByYear(Unit.EURO, {2016: 1, 2017: 0.5})  # type: ignore[dict-item]
    assert str(caught.value).startswith("amount of 2017: expected a Decimal or int, got float 0.5")


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (Decimal("1234567.891"), "1.234.567,891"),
        (Decimal("-1234.5"), "-1.234,5"),
        (Decimal("1E+3"), "1.000"),
        (Decimal("1E-7"), "0,0000001"),
        (Decimal(999), "999"),
        (0, "0"),
    ],
)
def test_format_amount_groups_thousands_with_dots_and_never_uses_an_exponent(
    amount: Decimal | int, text: str
) -> None:
    """Dutch notation in full: "." between thousands, "," before the decimals, every digit
    written out (1E+3 is "1.000", 1E-7 is "0,0000001")."""
    assert format_amount(amount) == text


@pytest.mark.parametrize("other", ["euro", None, 1000])
def test_convert_refuses_anything_but_units_on_either_side(other: object) -> None:
    """A unit given as text or a number is refused, naming both sides, whichever side it is."""
    for source, target in [(Unit.EURO, other), (other, Unit.EURO)]:
        with pytest.raises(UnitMismatchError) as caught:
            convert(Decimal(1), source, target)  # type: ignore[arg-type]
        assert str(caught.value) == f"cannot convert between {source!r} and {target!r}"


def _largest_remainder(exact: list[Fraction]) -> tuple[list[int], int]:
    """The documented rule, in fractions: the total half away from zero, every part floored,
    the missing units to the largest remainders, the earlier part first on a tie."""
    rounded_total = _half_away_from_zero(sum(exact, Fraction(0)))
    floors = [math.floor(value) for value in exact]
    order = sorted(range(len(exact)), key=lambda i: (floors[i] - exact[i], i))
    raised = set(order[: rounded_total - sum(floors)])
    return [floor + (i in raised) for i, floor in enumerate(floors)], rounded_total


@given(
    st.lists(st.integers(min_value=-(10**9), max_value=10**9), max_size=12),
    st.sampled_from([(Unit.EURO, Unit.THOUSAND), (Unit.EURO, Unit.MILLION)]),
)
@example([400, 600, 0], (Unit.EURO, Unit.THOUSAND))  # the one missing unit goes to 600
@example([2500], (Unit.EURO, Unit.THOUSAND))  # a half rounds away from zero: 3
@example([-2500], (Unit.EURO, Unit.THOUSAND))
@example([1500, 1000], (Unit.EURO, Unit.THOUSAND))  # 2.5 in all: 3, the 1 to the 0.5
def test_law_round_table_gives_the_units_to_the_largest_remainders(
    euros: list[int], units: tuple[Unit, Unit]
) -> None:
    """`round_table` agrees with a plain computation of the largest remainder method."""
    source, target = units
    exact = [
        Fraction(value) * Fraction(10) ** (source.exponent - target.exponent) for value in euros
    ]
    parts, rounded_total = _largest_remainder(exact)
    rounded = round_table([Decimal(value) for value in euros], source, target)
    assert list(rounded.parts) == parts
    assert rounded.total == rounded_total


def test_a_non_breaking_space_in_an_amount_is_a_space() -> None:
    """Spreadsheets write "€ 1.234" with a non-breaking space; it reads as 1234."""
    assert parse_amount("€\u00a01.234") == 1234
    assert parse_amount("1.234\u00a0miljoen") == 1_234_000_000


def test_a_scaled_amount_is_written_without_an_exponent() -> None:
    """ "0,01 duizend" is 10, stored as 10 and not as 1E+1."""
    assert str(parse_amount("0,01 duizend")) == "10"
    assert str(parse_amount("€ 3,75 miljoen")) == "3750000"


def test_a_foreign_digit_is_refused_with_the_expected_form() -> None:
    """The whole message: the text, the digit with its code point, and what was expected."""
    with pytest.raises(InvalidValueError) as caught:
        parse_amount("1.٢٣٤")
    assert str(caught.value) == (
        "'1.٢٣٤': holds the digit '٢' (U+0662): expected the digits 0-9 of a Dutch amount"
    )


@pytest.mark.parametrize(
    ("value", "what", "message"),
    [
        (
            0.1,
            "amount",
            "amount: expected a Decimal or int, got float 0.1"
            " (floats are inexact: use Decimal('...'))",
        ),
        ("12", "amount", "amount: expected a Decimal or int, got str '12'"),
        (True, "factor", "factor: expected a Decimal or int, got bool True"),
        (Decimal("NaN"), "amount", "amount: expected a finite number, got NaN"),
        (Decimal("-Infinity"), "factor", "factor: expected a finite number, got -Infinity"),
    ],
)
def test_an_amount_that_is_no_exact_finite_number_is_refused_with_the_whole_message(
    value: object, what: str, message: str
) -> None:
    """The message names what was expected and what was found; only a float gets the hint to
    use Decimal, and the name of the value defaults to "amount"."""
    args = (value,) if what == "amount" else (value, what)  # "amount" by default
    with pytest.raises((InvalidTypeError, InvalidValueError)) as caught:
        to_amount(*args)
    assert str(caught.value) == message


@given(amounts_values(places=4), amounts_values(places=4))
@example(Decimal("123456789012.3456"), Decimal("-987654321098.7654"))  # beyond 28 digits
def test_law_multiply_is_the_exact_product(amount: Decimal, factor: Decimal) -> None:
    """Every digit of the product is kept, as the product of the two fractions has them."""
    assert Fraction(multiply(amount, factor)) == Fraction(amount) * Fraction(factor)


@pytest.mark.parametrize(
    ("value", "text"),
    [(3, "3"), (-40, "-40"), (Decimal("1.50"), "1.50"), (0.1, "0.1"), (1e3, "1000")],
)
def test_a_cell_value_becomes_the_number_the_cell_holds(
    value: float | int | Decimal, text: str
) -> None:
    """An int or a Decimal is taken as it is (`1.50` keeps its places); a float as the cell
    shows it."""
    number = from_cell(value)
    assert type(number) is Decimal
    assert str(number) == text


@pytest.mark.parametrize(
    ("text", "number"),
    [("12.5", "12.5"), ("-4", "-4"), ("1e3", "1E+3"), ("0.10", "0.10"), ("1823.50", "1823.50")],
)
def test_a_plain_decimal_text_is_read_exactly(text: str, number: str) -> None:
    """`parse_decimal` keeps the digits as written: no float, no rounding."""
    assert str(parse_decimal(text)) == number


@pytest.mark.parametrize("text", ["NaN", "Infinity", "-inf", "twaalf", "", "1,5"])
def test_a_text_stating_no_finite_decimal_reads_as_none(text: str) -> None:
    """Not-a-number and infinity are no amounts, nor is a word or Dutch notation."""
    assert parse_decimal(text) is None


@pytest.mark.parametrize(
    "value",
    [
        Decimal(0),
        Decimal("123456789012345"),  # 15 significant digits
        Decimal("1234567890123450"),  # 16 digits, of which 15 significant
        Decimal("1.0000000000000000"),  # 17 digits, of which 1 significant
        Decimal("1E+300"),
        Decimal("-9.99E+300"),
        Decimal("1E-300"),
        Decimal("0E-400"),  # zero, at any exponent
    ],
)
def test_a_cell_holds_fifteen_significant_digits_up_to_1e300(value: Decimal) -> None:
    """A number a double keeps exactly and a spreadsheet accepts has no problem."""
    assert cell_problem(value) is None


@pytest.mark.parametrize(
    "value",
    [
        Decimal("1234567890123456"),
        Decimal("0.1234567890123456"),
        Decimal("1E+301"),
        Decimal("-1E+301"),
        Decimal("9.9E-301"),
    ],
)
def test_a_cell_refuses_sixteen_significant_digits_or_a_size_beyond_1e300(
    value: Decimal,
) -> None:
    """The problem names the number and what a cell can hold, and where it is kept."""
    reason = cell_problem(value)
    assert reason is not None
    assert str(reason) == (
        f"the number {value} cannot be stored exactly in a workbook cell: expected at most"
        " 15 significant digits and a size between 1e-300 and 1e300"
        " (the JSON form keeps any amount exactly)"
    )


def test_a_number_is_shown_as_the_cell_shows_it_and_infinity_by_its_name() -> None:
    """`spreadsheet_text` gives 0.1 as "0.1" (not its binary expansion); infinity, which a
    sheet can hold but no amount may be, as "inf", never an error."""
    from prestatie._money import spreadsheet_text

    assert spreadsheet_text(0.1) == "0.1"
    assert spreadsheet_text(7) == "7"
    assert spreadsheet_text(float("inf")) == "inf"
    assert spreadsheet_text(float("-inf")) == "-inf"

"""Money: exact Dutch-notation parsing and formatting, and refusal of floats."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given

from prestatie import InvalidTypeError, InvalidValueError
from prestatie._money import format_amount, parse_amount
from strategies import amounts_values


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

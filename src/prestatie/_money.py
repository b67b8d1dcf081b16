"""Money: the one module that turns values into `Decimal`.

Amounts never pass through `float`. A float handed in is refused; a float that a spreadsheet
library hands back is converted once, here, through its shortest `repr`.
"""

from __future__ import annotations

import enum
import re
from decimal import Decimal

from prestatie._errors import InvalidTypeError, InvalidValueError, UnitMismatchError, describe

ZERO = Decimal(0)


class Unit(enum.Enum):
    """The unit a budget states its amounts in."""

    EURO = "euro"
    THOUSAND = "x € 1.000"
    MILLION = "x € 1 miljoen"

    @property
    def exponent(self) -> int:
        """One of this unit is 10 ** exponent euros."""
        return _EXPONENTS[self]


_EXPONENTS = {Unit.EURO: 0, Unit.THOUSAND: 3, Unit.MILLION: 6}


def to_amount(value: Decimal | int, what: str = "amount") -> Decimal:
    """An exact amount from a `Decimal` or `int`; floats, bools, NaN and infinity are refused.

    >>> to_amount(1823)
    Decimal('1823')
    >>> to_amount(0.1)
    Traceback (most recent call last):
    ...
    prestatie._errors.InvalidTypeError: amount: expected a Decimal or int, got float 0.1 ...
    """
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        hint = " (floats are inexact: use Decimal('...'))" if isinstance(value, float) else ""
        raise InvalidTypeError(f"{what}: expected a Decimal or int, got {describe(value)}{hint}")
    amount = Decimal(value)
    if not amount.is_finite():
        raise InvalidValueError(f"{what}: expected a finite number, got {amount}")
    return amount


def from_spreadsheet_number(value: float | int) -> Decimal:
    """The exact amount a spreadsheet cell shows: `0.1` stays `0.1`, not `0.1000000000000000055`.

    This is the single place where a float from a spreadsheet reader becomes a `Decimal`.
    """
    if isinstance(value, bool):
        raise InvalidTypeError(f"expected a number, got {describe(value)}")
    amount = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if not amount.is_finite():
        raise InvalidValueError(f"expected a finite number, got {value!r}")
    if amount == amount.to_integral_value() and amount.as_tuple().exponent != 0:
        amount = amount.quantize(Decimal(1))
    return amount


def convert(amount: Decimal, from_unit: Unit, to_unit: Unit) -> Decimal:
    """The same amount stated in another unit, exactly (no rounding)."""
    if not isinstance(from_unit, Unit) or not isinstance(to_unit, Unit):
        raise UnitMismatchError(f"cannot convert between {from_unit!r} and {to_unit!r}")
    # A shift of the decimal point is exact at any size; a division could round.
    return to_amount(amount).scaleb(from_unit.exponent - to_unit.exponent)


# Dutch notation: "." groups thousands, "," starts the decimals, ",-" means whole euros.
_NONE_WORDS = frozenset({"", "-", "–", "—", "n.v.t.", "nvt", "n.v.t"})
_SCALES = {"": 0, "duizend": 3, "miljoen": 6, "mln": 6, "mln.": 6, "miljard": 9, "mld": 9}
_AMOUNT = re.compile(
    r"(?P<open>\()?\s*(?P<sign1>[-−])?\s*(?:€\s*)?(?P<sign2>[-−])?\s*"
    r"(?P<int>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<frac>\d+|-|–))?"
    r"\s*(?P<scale>[a-z.]*)\s*(?P<close>\))?"
)
_EXPECTED_AMOUNT = (
    "expected a Dutch amount such as '1.234', '1.234,56', '(1.234)', '-1.234', '€ 18.000,-'"
    " or '€ 3,75 miljoen', or '-' / 'n.v.t.' / '' for no amount"
)


def parse_amount(text: str) -> Decimal | None:
    """The amount a Dutch-notated text states, exactly; None for "-", "n.v.t." or "".

    >>> parse_amount("1.234,56")
    Decimal('1234.56')
    >>> parse_amount("(1.234)")
    Decimal('-1234')
    >>> parse_amount("€ 3,75 miljoen")
    Decimal('3750000')
    >>> parse_amount("n.v.t.") is None
    True
    """
    if not isinstance(text, str):
        raise InvalidTypeError(f"amount text: expected text, got {describe(text)}")
    cleaned = " ".join(text.replace("\u00a0", " ").split())
    if cleaned.lower() in _NONE_WORDS:
        return None
    match = _AMOUNT.fullmatch(cleaned)
    if (
        match is None
        or bool(match["open"]) != bool(match["close"])
        or (match["sign1"] and match["sign2"])
        or match["scale"] not in _SCALES
    ):
        raise InvalidValueError(f"{text!r}: {_EXPECTED_AMOUNT}")
    negative = bool(match["open"] or match["sign1"] or match["sign2"])
    frac = match["frac"]
    digits = match["int"].replace(".", "")
    if frac is not None and frac.isdigit():
        digits += "." + frac
    amount = Decimal(digits).scaleb(_SCALES[match["scale"]])
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and exponent > 0:
        amount = Decimal(int(amount))  # "3,75 miljoen" reads as 3750000, not 3.75E+6
    return -amount if negative else amount


def format_amount(amount: Decimal | int) -> str:
    """An amount in Dutch notation, with every decimal it has: `Decimal("-1234.5")` gives
    "-1.234,5". `parse_amount` reads it back to the same value.
    """
    exact = to_amount(amount)
    text = format(abs(exact), ",f").replace(",", " ").replace(".", ",").replace(" ", ".")
    return ("-" if exact < 0 else "") + text

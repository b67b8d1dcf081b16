"""Money: the one module that turns values into `Decimal`.

Amounts never pass through `float`. A float handed in is refused; a float that a spreadsheet
library hands back is converted once, here, through its shortest `repr`.
"""

from __future__ import annotations

import enum
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

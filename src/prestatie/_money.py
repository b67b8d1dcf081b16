"""Money: the one module that turns values into `Decimal`.

Amounts never pass through `float`. A float handed in is refused; a float that a spreadsheet
library hands back is converted once, here, through its shortest `repr`.
"""

from __future__ import annotations

import decimal
import enum
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

import attrs

from prestatie._errors import (
    InvalidTypeError,
    InvalidValueError,
    Reason,
    UnitMismatchError,
    describe,
)
from prestatie._language import N_

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


def non_negative_amount(value: Decimal | int, what: str = "amount") -> Decimal:
    """An exact amount (`to_amount`) of zero or more, such as a tolerance or a floor.

    >>> non_negative_amount(-1, "tolerance")
    Traceback (most recent call last):
    ...
    prestatie._errors.InvalidValueError: tolerance: expected zero or more, got -1
    """
    amount = to_amount(value, what)
    if amount < 0:
        raise InvalidValueError(f"{what}: expected zero or more, got {amount}")
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
        # Through int, exactly: quantize would need more digits than the context has (1e28).
        amount = Decimal(int(amount))
    return amount


def cell_number(value: float | int) -> Decimal | None:
    """The exact number a spreadsheet cell shows (`from_spreadsheet_number`), or None for
    infinity and NaN, which a sheet may hold but no amount may be.

    >>> cell_number(0.1), cell_number(float("inf"))
    (Decimal('0.1'), None)
    """
    try:
        return from_spreadsheet_number(value)
    except InvalidValueError:
        return None


def from_number_text(text: str) -> Decimal | None:
    """The number a cell's number text (its XML, or a number in a formula) states, as a
    spreadsheet reads it: with `.`, `e` or `E` a float, shown as the cell shows it
    (openpyxl writes `Decimal("99976.1")` as `99976.10000000001`, which reads back as the
    float of 99976.1), else a whole number; None when it states no finite number.

    >>> from_number_text("99976.10000000001"), from_number_text("12"), from_number_text("1e400")
    (Decimal('99976.1'), Decimal('12'), None)
    """
    if any(mark in text for mark in ".eE"):
        try:
            return cell_number(float(text))
        except ValueError:
            return None
    return parse_decimal(text)


def spreadsheet_text(value: float | int) -> str:
    """A number as a cell shows it, as text: `0.1` as "0.1"; infinity as "inf".

    >>> spreadsheet_text(0.1), spreadsheet_text(float("inf"))
    ('0.1', 'inf')
    """
    number = cell_number(value)
    return repr(value) if number is None else str(number)


def from_cell(value: float | int | Decimal) -> Decimal:
    """The exact number a workbook cell holds: a float as the cell shows it
    (`from_spreadsheet_number`), an int or a `Decimal` as it is."""
    if type(value) is int:
        return Decimal(value)  # the common case, sooner
    if isinstance(value, Decimal):
        return value
    return from_spreadsheet_number(value)


HALF_CENT = Decimal("0.005")
"""How far a total that a spreadsheet computed in floats may lie from the exact one."""


def parse_decimal(text: str) -> Decimal | None:
    """The number a text states in plain decimal notation (`1823.50`, `-4`, `1e3`), exactly;
    None when it states none, or no finite one.

    >>> parse_decimal("12.5"), parse_decimal("NaN"), parse_decimal("twaalf")
    (Decimal('12.5'), None, None)
    """
    try:
        number = Decimal(text)
    except decimal.InvalidOperation:
        return None
    return number if number.is_finite() else None


def convert(amount: Decimal, from_unit: Unit, to_unit: Unit) -> Decimal:
    """The same amount stated in another unit, exactly (no rounding)."""
    if not isinstance(from_unit, Unit) or not isinstance(to_unit, Unit):
        raise UnitMismatchError(f"cannot convert between {from_unit!r} and {to_unit!r}")
    # A shift of the decimal point is exact at any size; a division could round.
    return to_amount(amount).scaleb(from_unit.exponent - to_unit.exponent)


# A cell holds an IEEE double: 15 significant digits survive any round trip, and Excel and
# LibreOffice refuse magnitudes beyond about 1e308.
_CELL_DIGITS = 15
_CELL_EXPONENT = 300


def _storable(value: Decimal) -> bool:
    digits = value.as_tuple().digits
    if len(digits) > _CELL_DIGITS and len(value.normalize().as_tuple().digits) > _CELL_DIGITS:
        return False
    return not value or -_CELL_EXPONENT <= value.adjusted() <= _CELL_EXPONENT


def cell_problem(value: Decimal) -> Reason | None:
    """Why a workbook cell cannot hold `value` exactly, as `found: expected ...`, or None
    when it can."""
    if _storable(value):
        return None
    return Reason(
        N_(
            "the number {number} cannot be stored exactly in a workbook cell: expected at most"
            " {digits} significant digits and a size between 1e-{exponent} and 1e{exponent}"
            " (the JSON form keeps any amount exactly)"
        ),
        {"number": str(value), "digits": _CELL_DIGITS, "exponent": _CELL_EXPONENT},
    )


# Dutch notation: "." groups thousands, "," starts the decimals, ",-" means whole euros.
_NONE_WORDS = frozenset({"", "-", "–", "—", "n.v.t.", "nvt", "n.v.t"})
SCALES = {"": 0, "duizend": 3, "miljoen": 6, "mln": 6, "mln.": 6, "miljard": 9, "mld": 9, "mrd": 9}
"""Scale words and the power of ten each multiplies by; amounts and targets read the same."""
# re.ASCII: only 0-9 are digits; "٣" or "１２" is no amount a budget writes.
_AMOUNT = re.compile(
    r"(?P<open>\()?\s*(?P<sign1>[-−])?\s*(?:€\s*)?(?P<sign2>[-−])?\s*"
    r"(?P<int>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<frac>\d+|-|–))?"
    r"\s*(?P<scale>[a-z.]*)\s*(?P<close>\))?",
    re.ASCII,
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
    foreign = next((c for c in cleaned if c.isdigit() and not c.isascii()), None)
    if foreign is not None:
        raise InvalidValueError(
            f"{text!r}: holds the digit {foreign!r} (U+{ord(foreign):04X}):"
            " expected the digits 0-9 of a Dutch amount"
        )
    match = _AMOUNT.fullmatch(cleaned)
    if (
        match is None
        or bool(match["open"]) != bool(match["close"])
        or (match["sign1"] and match["sign2"])
        or match["scale"] not in SCALES
    ):
        raise InvalidValueError(f"{text!r}: {_EXPECTED_AMOUNT}")
    negative = bool(match["open"] or match["sign1"] or match["sign2"])
    frac = match["frac"]
    digits = match["int"].replace(".", "")
    if frac is not None and frac.isdigit():
        digits += "." + frac
    amount = Decimal(digits).scaleb(SCALES[match["scale"]])
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and exponent > 0:
        amount = Decimal(int(amount))  # "3,75 miljoen" reads as 3750000, not 3.75E+6
    return -amount if negative else amount


# A number a cell holds as text, as a paste from a web page or a PDF leaves it: Dutch
# notation first ("." groups thousands, "," starts the decimals), no scale words.
_TEXT_SPACES = str.maketrans(dict.fromkeys("\u00a0\u2007\u2009\u202f", " "))
_TEXT_NUMBER = re.compile(
    r"(?P<open>\()?\s*(?P<sign1>[-−])?\s*(?:€\s*)?(?P<sign2>[-−])?\s*"
    r"(?P<body>\d[\d.,]*(?: \d{3})*(?:,\d+)?)\s*(?P<close>\))?",
    re.ASCII,
)
_DUTCH_BODY = re.compile(r"(\d{1,3}(?:\.\d{3})+|\d{1,3}(?: \d{3})+|\d+)(?:,(\d+))?", re.ASCII)
_ENGLISH_BODY = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?", re.ASCII)


class AmbiguousNumberError(InvalidValueError):
    """A text that two conventions read as two numbers; `readings` holds both."""

    def __init__(self, text: str, readings: tuple[Decimal, ...]) -> None:
        *first, last = readings
        super().__init__(
            N_(
                "{text!r} reads as {first} or as {last}: expected a number that reads one way"
                " (type it as a number, or in Dutch notation: '.' groups thousands, ','"
                " starts the decimals)"
            ),
            code="amount-ambiguous-text",
            params={"text": text, "first": " or as ".join(map(str, first)), "last": last},
        )
        self.readings = readings


def _reading(pattern: re.Pattern[str], body: str, group: str) -> Decimal | None:
    match = pattern.fullmatch(body)
    if match is None:
        return None
    digits = match[1].replace(group, "").replace(" ", "")
    return Decimal(digits if match[2] is None else f"{digits}.{match[2]}")


def number_from_text(text: str, *, places: int | None = None) -> Decimal:
    """The number a cell stores as text, read by the Dutch convention: `"38.450"`,
    `"1.234,5"`, `"€ 1.234"`, `"-1.234"`, `"(1.234)"`, with ordinary, non-breaking or thin
    spaces. Raises `InvalidValueError` for a text that is no number, and
    `AmbiguousNumberError` naming both readings when the Dutch one is no number with at
    most `places` decimals and another convention reads it otherwise (`"1.5"`, or `"1,234"`
    as an amount): a guess could be off by a factor of a thousand.

    >>> number_from_text("38.450"), number_from_text("(1.234,5)")
    (Decimal('38450'), Decimal('-1234.5'))
    >>> number_from_text("1,234", places=2)
    Traceback (most recent call last):
    ...
    prestatie._money.AmbiguousNumberError: '1,234' reads as 1.234 or as 1234: ...
    """
    cleaned = " ".join(text.translate(_TEXT_SPACES).split())
    match = _TEXT_NUMBER.fullmatch(cleaned)
    if (
        match is None
        or bool(match["open"]) != bool(match["close"])
        or (match["sign1"] and match["sign2"])
    ):
        raise InvalidValueError(f"{text!r}: expected a number")
    body = match["body"]
    dutch = _reading(_DUTCH_BODY, body, ".")
    sign = -1 if match["open"] or match["sign1"] or match["sign2"] else 1

    def fits(number: Decimal) -> bool:
        exponent = number.as_tuple().exponent
        return places is None or not isinstance(exponent, int) or exponent >= -places

    if dutch is not None and fits(dutch):
        return abs(dutch) if sign > 0 else -dutch
    readings = [dutch, _reading(_ENGLISH_BODY, body, ",")]
    if "," not in body:
        readings.append(_reading(_DUTCH_BODY, body.replace(".", ""), "."))
    found = tuple(dict.fromkeys(sign * r for r in readings if r is not None))
    if len(found) > 1:
        raise AmbiguousNumberError(text, found)
    if dutch is not None:
        return abs(dutch) if sign > 0 else -dutch  # the only reading: its decimals are refused
    raise InvalidValueError(f"{text!r}: expected a number")


def format_amount(amount: Decimal | int) -> str:
    """An amount in Dutch notation, with every decimal it has: `Decimal("-1234.5")` gives
    "-1.234,5". `parse_amount` reads it back to the same value.
    """
    exact = to_amount(amount)
    text = format(abs(exact), ",f").replace(",", " ").replace(".", ",").replace(" ", ".")
    return ("-" if exact < 0 else "") + text


# Arithmetic on amounts never rounds: any result that would need rounding raises instead.
_EXACT = decimal.Context(
    prec=decimal.MAX_PREC,
    Emax=decimal.MAX_EMAX,
    Emin=decimal.MIN_EMIN,
    traps=[decimal.InvalidOperation, decimal.Inexact, decimal.Overflow, decimal.DivisionByZero],
)


def total(amounts: Iterable[Decimal | int]) -> Decimal:
    """The exact sum of amounts, whatever their number and size (floats are refused)."""
    result = ZERO
    for amount in amounts:
        result = _EXACT.add(result, to_amount(amount))
    return result


def multiply(amount: Decimal | int, factor: Decimal | int) -> Decimal:
    """The exact product of an amount and a factor."""
    return _EXACT.multiply(to_amount(amount), to_amount(factor, "factor"))


def round_to_unit(amount: Decimal | int, from_unit: Unit, to_unit: Unit) -> Decimal:
    """An amount stated in `to_unit`, rounded to a whole number half away from zero, the way
    budgets print it: 1.499,99 euro is 1 (x € 1.000), 1.500 euro is 2 and -1.500 euro is -2.
    """
    return convert(to_amount(amount), from_unit, to_unit).quantize(
        Decimal(1), rounding=ROUND_HALF_UP
    )


@attrs.frozen
class Rounded:
    """Parts rounded so that they add up to the rounded total."""

    parts: tuple[Decimal, ...]
    total: Decimal


def round_table(
    amounts: Sequence[Decimal | int],
    from_unit: Unit = Unit.EURO,
    to_unit: Unit = Unit.THOUSAND,
) -> Rounded:
    """Amounts rounded to whole `to_unit`s so that the parts add up to the rounded total.

    The total is rounded half away from zero (`round_to_unit`). Each part starts at the whole
    number below its exact value; the units still missing from the total go to the parts with
    the largest remainders, the earlier part first on a tie (largest remainder method). Every
    part is then less than 1 away from its exact value.

    >>> round_table([Decimal(400), Decimal(400), Decimal(400)])
    Rounded(parts=(Decimal('1'), Decimal('0'), Decimal('0')), total=Decimal('1'))
    """
    exact = [convert(to_amount(amount), from_unit, to_unit) for amount in amounts]
    rounded_total = total(exact).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    floors = [value.quantize(Decimal(1), rounding=ROUND_FLOOR) for value in exact]
    missing = int(rounded_total - total(floors))
    by_remainder = sorted(range(len(exact)), key=lambda i: floors[i] - exact[i])
    raised = set(by_remainder[:missing])
    parts = tuple(floors[i] + 1 if i in raised else floors[i] for i in range(len(exact)))
    return Rounded(parts=parts, total=rounded_total)


def _by_year(values: Mapping[int, Decimal | int]) -> dict[int, Decimal]:
    return dict(sorted((year, to_amount(v, f"amount of {year}")) for year, v in values.items()))


@attrs.frozen
class AmountsByYear:
    """One amount per year, in one unit, with their total.

    >>> a = AmountsByYear(Unit.THOUSAND, {2018: Decimal(172246), 2017: Decimal(195589)})
    >>> a.years, a.total
    ((2017, 2018), Decimal('367835'))
    """

    unit: Unit = attrs.field(validator=attrs.validators.instance_of(Unit))
    # Hashing by unit alone keeps equal objects equal-hashed while the mapping stays a dict.
    values: Mapping[int, Decimal] = attrs.field(converter=_by_year, hash=False)

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(self.values)

    @property
    def total(self) -> Decimal:
        """The exact sum over all years."""
        return total(self.values.values())

    def convert(self, to_unit: Unit) -> AmountsByYear:
        """The same amounts stated in another unit, exactly."""
        return AmountsByYear(
            to_unit, {year: convert(v, self.unit, to_unit) for year, v in self.values.items()}
        )

    def __add__(self, other: AmountsByYear) -> AmountsByYear:
        """Year by year sums; a year missing on one side counts as zero there."""
        if not isinstance(other, AmountsByYear):
            return NotImplemented
        if other.unit is not self.unit:
            raise UnitMismatchError(
                f"cannot add amounts in {self.unit.value} and in {other.unit.value}:"
                " convert one of them first"
            )
        years = set(self.values) | set(other.values)
        return AmountsByYear(
            self.unit,
            {y: total([self.values.get(y, ZERO), other.values.get(y, ZERO)]) for y in years},
        )

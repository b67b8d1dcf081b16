"""How each kind of column is written and read: a codec turns a model value into a cell
value and back. Reading raises `CellError` with what was expected; the reader adds where,
and what it found."""

from __future__ import annotations

import datetime
import enum
import functools
import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

import attrs

from prestatie._code import MAX_PART, Code, CodeScheme
from prestatie._errors import PrestatieError
from prestatie._language import N_
from prestatie._model import DEFAULT_LEVELS, DEFAULT_SCALE, BudgetChange, Role, role_label
from prestatie._money import (
    AmbiguousNumberError,
    cell_number,
    from_cell,
    number_from_text,
)
from prestatie._xlsx.cells import CellValue

TEXT_FORMAT = "@"
INTEGER_FORMAT = "0"
AMOUNT_FORMAT = "#,##0"
CENTS_FORMAT = "#,##0.00"


class CellError(Exception):
    """A cell whose value does not fit its column. `expected`, a phrase of the catalogue
    filled in with `params`, says what would fit; `error`, when given, says all that is wrong
    instead."""

    def __init__(
        self, expected: str, error: PrestatieError | None = None, /, **params: object
    ) -> None:
        super().__init__(expected)
        self.expected = expected
        self.error = error
        self.params = params


@attrs.frozen
class Codec:
    """How one kind of column is written and read."""

    name: str
    """What the column holds, for the documentation and for error messages."""
    write: Callable[[Any], CellValue]
    read: Callable[[CellValue], Any]
    number_format: str = TEXT_FORMAT
    choices: tuple[str, ...] = ()
    """The allowed values, offered as a dropdown list."""
    is_number: bool = False
    reads_text: bool = False
    """Whether a number stored as text is read (and the reader warns of it)."""


def is_blank(value: CellValue) -> bool:
    """An empty cell: nothing, or an empty string (some writers store those)."""
    return value is None or value == ""


def _text_of(value: CellValue) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        raise CellError(N_("text"))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float):
        number = cell_number(value)
        if number is None:
            raise CellError(N_("text"))  # what was typed did not fit a number
        return str(number)
    if isinstance(value, int | Decimal):
        return str(value)
    raise CellError(N_("text"))


def _read_text(value: CellValue) -> str:
    return "" if is_blank(value) else _text_of(value)


def _read_optional_text(value: CellValue) -> str | None:
    return None if is_blank(value) else _text_of(value)


TEXT = Codec(name="tekst", write=lambda value: value or None, read=_read_text)
"""Text; a blank cell is the empty text."""
OPTIONAL_TEXT = Codec(name="tekst of leeg", write=lambda value: value, read=_read_optional_text)
"""Text or nothing; a blank cell is nothing (None)."""


def _integer(value: CellValue, expected: str, **params: object) -> int:
    if isinstance(value, bool):
        raise CellError(expected, **params)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*-?[0-9]+\s*", value):
        return int(value)
    raise CellError(expected, **params)


_WHOLE = N_("a whole number")


def _read_integer(value: CellValue) -> int:
    if is_blank(value):
        raise CellError(_WHOLE)
    return _integer(value, _WHOLE)


def _read_optional_integer(value: CellValue) -> int | None:
    return None if is_blank(value) else _integer(value, N_("a whole number or a blank cell"))


INTEGER = Codec(
    name="geheel getal",
    write=lambda value: value,
    read=_read_integer,
    number_format=INTEGER_FORMAT,
    is_number=True,
)


def _read_programme_number(value: CellValue) -> int:
    # Refused here, at its cell, as every code under the programme is built from it.
    expected = N_("a programme number from 0 to {most}")
    number = _integer(value, expected, most=MAX_PART) if not is_blank(value) else -1
    if not 0 <= number <= MAX_PART:
        raise CellError(expected, most=MAX_PART)
    return number


PROGRAMME_NUMBER = attrs.evolve(INTEGER, name="programmanummer", read=_read_programme_number)
OPTIONAL_INTEGER = attrs.evolve(INTEGER, name="geheel getal of leeg", read=_read_optional_integer)


def _number(value: CellValue, expected: str, places: int | None) -> Decimal:
    if isinstance(value, str):
        try:
            value = number_from_text(value, places=places)
        except AmbiguousNumberError as error:
            raise CellError(expected, error) from None
        except PrestatieError:
            raise CellError(expected) from None
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise CellError(expected)
    try:
        amount = from_cell(value)
    except PrestatieError:
        raise CellError(expected) from None
    exponent = amount.as_tuple().exponent
    if places is not None and isinstance(exponent, int) and exponent < -places:
        raise CellError(N_("an amount with at most {places} decimals"), places=places)
    return amount


def _decimal_codec(name: str, *, optional: bool, places: int | None) -> Codec:
    expected = N_("a number or a blank cell") if optional else N_("a number")

    def read(value: CellValue) -> Decimal | None:
        if is_blank(value):
            if optional:
                return None
            raise CellError(expected)
        return _number(value, expected, places)

    return Codec(
        name=name,
        write=lambda value: value,
        read=read,
        number_format=AMOUNT_FORMAT,
        is_number=True,
        reads_text=True,
    )


NUMBER = _decimal_codec("getal", optional=False, places=None)
OPTIONAL_NUMBER = _decimal_codec("getal of leeg", optional=True, places=None)
AMOUNT = _decimal_codec("bedrag (hoogstens 2 decimalen) of leeg", optional=True, places=2)
"""An amount: more than two decimals is refused, as no budget states fractions of cents."""

YES, NO = "ja", "nee"


def _read_bool(value: CellValue) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().casefold() in (YES, NO):
        return value.strip().casefold() == YES
    raise CellError(N_("'ja' or 'nee'"))


BOOLEAN = Codec(
    name="ja of nee",
    write=lambda value: YES if value else NO,
    read=_read_bool,
    choices=(YES, NO),
)


def _bool_or(default: bool) -> Codec:
    """'ja' or 'nee', a blank cell read as `default`."""
    label = YES if default else NO

    def read(value: CellValue) -> bool:
        return default if is_blank(value) else _read_bool(value)

    return attrs.evolve(BOOLEAN, name=f"ja of nee (leeg: {label})", read=read)


BOOLEAN_OR_NO = _bool_or(False)
BOOLEAN_OR_YES = _bool_or(True)

OPTIONAL_BOOLEAN = BOOLEAN_OR_NO
"""'ja' or 'nee', a blank cell read as nee."""


def enum_codec(kind: type[enum.Enum], *, optional: bool) -> Codec:
    labels = tuple(str(member.value) for member in kind)
    by_label = {label.casefold(): member for label, member in zip(labels, kind, strict=True)}
    shown = ", ".join(repr(label) for label in labels)
    expected = N_("one of {labels} or a blank cell") if optional else N_("one of {labels}")

    def read(value: CellValue) -> enum.Enum | None:
        if is_blank(value):
            if optional:
                return None
            raise CellError(expected, labels=shown)
        if isinstance(value, str) and value.strip().casefold() in by_label:
            return by_label[value.strip().casefold()]
        raise CellError(expected, labels=shown)

    return Codec(
        name=("keuzelijst of leeg" if optional else "keuzelijst"),
        write=lambda member: None if member is None else member.value,
        read=read,
        choices=labels,
    )


_CODE_EXPECTED = N_("a code like '7.2.3', written as text")


def _read_code(value: CellValue) -> Code:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        # A number such as 7.1 cannot tell 7.1 from 7.10: codes must be text.
        raise CellError(_CODE_EXPECTED)
    return _code(value.strip())


@functools.lru_cache(maxsize=4096)
def _code(text: str) -> Code:
    # The same codes fill whole columns (every action names its prestatie); a Code never
    # changes, so one object serves every cell that spells it.
    try:
        return Code(text)
    except PrestatieError:
        raise CellError(_CODE_EXPECTED) from None


CODE = Codec(name="code (tekst)", write=str, read=_read_code)

# Lists in one cell: items joined by "; ". A ";" inside an item is doubled, and the one
# space after a separator is dropped on reading, so any list of texts survives except a
# list holding only the empty text.
SEPARATOR = "; "


def join_list(items: Iterable[str]) -> str:
    """The items in one cell, with `;` inside an item doubled.

    >>> join_list(["Ank", "Jan; Piet"])
    'Ank; Jan;; Piet'
    """
    return SEPARATOR.join(item.replace(";", ";;") for item in items)


def split_list(text: str) -> list[str]:
    """The items of a cell written by `join_list`.

    >>> split_list('Ank; Jan;; Piet')
    ['Ank', 'Jan; Piet']
    """
    if text == "":
        return []
    items, current, index = [], [], 0
    while index < len(text):
        char = text[index]
        if char == ";" and text.startswith(";;", index):
            current.append(";")
            index += 2
        elif char == ";":
            items.append("".join(current))
            current = []
            index += 2 if text.startswith("; ", index) else 1
        else:
            current.append(char)
            index += 1
    items.append("".join(current))
    return items


def _list_codec(name: str, item: Callable[[str], Any], to_text: Callable[[Any], str]) -> Codec:
    def read(value: CellValue) -> tuple[Any, ...]:
        if is_blank(value):
            return ()
        return tuple(item(part) for part in split_list(_text_of(value)))

    def write(values: tuple[Any, ...]) -> str | None:
        return join_list(to_text(value) for value in values) or None

    return Codec(name=name, write=write, read=read)


def _role(text: str) -> Role | str:
    # A known role is its `Role`; any other is kept as written (`check` names it).
    for role in Role:
        if role.value.casefold() == text.strip().casefold():
            return role
    return text


def _marker(text: str) -> BudgetChange:
    for marker in BudgetChange:
        if marker.value.casefold() == text.strip().casefold():
            return marker
    labels = ", ".join(repr(marker.value) for marker in BudgetChange)
    raise CellError(N_("markers from {labels} joined by ;"), labels=labels)


def _read_optional_code(value: CellValue) -> Code | None:
    return None if is_blank(value) else _read_code(value)


OPTIONAL_CODE = Codec(
    name="code (tekst) of leeg",
    write=lambda code: None if code is None else str(code),
    read=_read_optional_code,
)


def _read_scheme(value: CellValue) -> CodeScheme:
    if is_blank(value):
        return CodeScheme()
    text = _text_of(value).strip()
    prefix = "vaste breedte "
    widths = text.removeprefix(prefix).split("-") if text.startswith(prefix) else []
    expected = N_("'punten', or 'vaste breedte' and the digits per level like 2-2-2")
    if text != "punten" and (not widths or not all(w.isdigit() for w in widths)):
        raise CellError(expected)
    try:
        return CodeScheme(widths=tuple(int(width) for width in widths))
    except PrestatieError as error:
        raise CellError(expected, error) from None


CODE_SCHEME = Codec(
    name="codeschema: punten, of vaste breedte 2-2-2",
    write=lambda scheme: scheme.describe(),
    read=_read_scheme,
)


def _code_item(text: str) -> Code:
    return _read_code(text)


TEXTS = _list_codec("lijst van teksten (gescheiden door ;)", str, str)
ROLES = _list_codec("lijst van rollen (gescheiden door ;)", _role, role_label)
# Names a budget declares; a workbook without them has the defaults.
LEVELS = attrs.evolve(TEXTS, read=lambda value: TEXTS.read(value) or DEFAULT_LEVELS)
SCALE = attrs.evolve(TEXTS, read=lambda value: TEXTS.read(value) or DEFAULT_SCALE)
MARKERS = _list_codec(
    "lijst van begrotingswijzigingen (gescheiden door ;)", _marker, lambda marker: marker.value
)
CODES = _list_codec("lijst van codes (gescheiden door ;)", _code_item, str)

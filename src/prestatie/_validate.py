"""attrs validators and converters whose errors name the class, the field, the value found
and what was expected."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

import attrs

from prestatie._code import MAX_PART, Code
from prestatie._errors import InvalidTypeError, InvalidValueError, describe
from prestatie._language import N_
from prestatie._money import to_amount

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def _where(instance: object, attribute: attrs.Attribute[Any]) -> str:
    return f"{type(instance).__name__}.{attribute.name}"


def refused(
    instance: object, field: attrs.Attribute[Any] | str, code: str, template: str, /, **params: Any
) -> InvalidValueError:
    """The error of a validator, or of a constructor's check, that refuses the value of
    `field` (an attribute or its name): it names the class and the field, and `template`
    says what was expected and what was found."""
    name = field if isinstance(field, str) else field.name
    return InvalidValueError(
        template, owner=type(instance).__name__, field=name, code=code, params=params
    )


def _expected(types: tuple[type, ...]) -> str:
    names = {str: "text", int: "a whole number", bool: "True or False", Decimal: "a Decimal"}
    parts = []
    for kind in types:
        if issubclass(kind, enum.Enum):
            labels = ", ".join(repr(member.value) for member in kind)
            parts.append(f"a {kind.__name__} ({labels})")
        else:
            parts.append(names.get(kind, f"a {kind.__name__}"))
    return " or ".join(parts)


def _is(value: object, types: tuple[type, ...]) -> bool:
    if isinstance(value, bool) and bool not in types:
        return False
    return isinstance(value, types)


def of(*types: type) -> Validator:
    """The value is an instance of one of `types` (a bool is not taken for an int)."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not _is(value, types):
            expected = _expected(types)
            raise InvalidTypeError(
                f"expected {expected}, got {describe(value)}",
                owner=type(instance).__name__,
                field=attribute.name,
            )

    return check


def optional(*types: type) -> Validator:
    """The value is None or an instance of one of `types`."""
    inner = of(*types)

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None:
            inner(instance, attribute, value)

    return check


def tuple_of(*types: type) -> Validator:
    """The value is a tuple whose items are each an instance of one of `types`."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        where = _where(instance, attribute)
        if not isinstance(value, tuple):
            raise InvalidTypeError(
                f"{where}: expected a tuple, got {describe(value)}", field=attribute.name
            )
        for index, item in enumerate(value):
            if not _is(item, types):
                raise InvalidTypeError(
                    f"{where}[{index}]: expected {_expected(types)}, got {describe(item)}",
                    field=attribute.name,
                )

    return check


def is_year(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A calendar year with four digits."""
    if value is None:
        return
    of(int)(instance, attribute, value)
    if not 1000 <= value <= 9999:
        raise refused(
            instance,
            attribute,
            "not-a-year",
            N_("expected a four-digit year, got {value}"),
            value=value,
        )


def non_negative(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A whole number of zero or more."""
    of(int)(instance, attribute, value)
    if value < 0:
        raise refused(
            instance, attribute, "negative", N_("expected zero or more, got {value}"), value=value
        )


def code_part(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A whole number that can be a part of a code: a programme number is its codes' first."""
    non_negative(instance, attribute, value)
    if value > MAX_PART:
        raise refused(
            instance,
            attribute,
            "too-large",
            N_("expected at most {most}, got {value}"),
            most=MAX_PART,
            value=value,
        )


def to_code(value: str | Code) -> Code:
    """Converter: a `Code` from its text."""
    return Code(value)


def to_codes(values: Iterable[str | Code]) -> tuple[Code, ...]:
    """Converter: a tuple of `Code` from texts."""
    if isinstance(values, str):
        raise InvalidTypeError(f"codes: expected a sequence of codes, got {describe(values)}")
    return tuple(Code(value) for value in values)


def to_optional_amount(value: Decimal | int | None) -> Decimal | None:
    """Converter: an exact amount, or None."""
    return None if value is None else to_amount(value)

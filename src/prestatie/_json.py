"""The versioned JSON form of a budget, through one strictly configured cattrs converter."""

from __future__ import annotations

import enum
import json
from decimal import Decimal, InvalidOperation
from typing import Any

import cattrs
from cattrs.cols import homogenous_tuple_structure_factory, is_sequence
from cattrs.v import format_exception as cattrs_format_exception

from prestatie._code import Code
from prestatie._errors import JsonError, PrestatieError, Problem, describe
from prestatie._model import Budget

FORMAT_VERSION = 1
"""The version of the JSON form written by `to_json`; `from_json` reads this version."""


class _WrongType(PrestatieError, TypeError):
    pass


def _strict(kind: type, label: str) -> Any:
    def structure(value: Any, _: type) -> Any:
        if isinstance(value, bool) and kind is not bool:
            raise _WrongType(f"expected {label}, got {describe(value)}")
        if not isinstance(value, kind):
            raise _WrongType(f"expected {label}, got {describe(value)}")
        return value

    return structure


def _structure_decimal(value: Any, _: type) -> Decimal:
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, str):
        try:
            amount = Decimal(value)
        except InvalidOperation:
            amount = Decimal("NaN")
        if amount.is_finite() and value.strip() == value and "_" not in value:
            return amount
    raise _WrongType(
        f'expected an amount as a string like "1823.50" or an integer, got {describe(value)}'
    )


def _structure_code(value: Any, _: type) -> Code:
    if not isinstance(value, str):
        raise _WrongType(f'expected a code like "7.2.3", got {describe(value)}')
    return Code(value)


def _structure_enum(value: Any, kind: type[enum.Enum]) -> enum.Enum:
    for member in kind:
        if member.value == value:
            return member
    labels = ", ".join(repr(member.value) for member in kind)
    raise _WrongType(f"expected one of {labels}, got {describe(value)}")


def _is_enum(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, enum.Enum)


def _tuple_factory(kind: Any, converter: cattrs.Converter) -> Any:
    base = homogenous_tuple_structure_factory(kind, converter)

    def structure(value: Any, _: type) -> Any:
        if not isinstance(value, list):
            raise _WrongType(f"expected a list, got {describe(value)}")
        return base(value, kind)

    return structure


def configure_converter(converter: cattrs.Converter) -> None:
    """Register the hooks of the JSON form on `converter`:

    - `str`, `int` and `bool` are taken only as themselves: nothing is coerced, and a bool
      is not an int;
    - `Decimal` is written as a string and read from a string or an int, never a float;
    - `Code` is written and read as its dotted text;
    - enums are written and read as their Dutch labels;
    - tuples are written as lists and read only from lists.
    """
    converter.register_structure_hook(str, _strict(str, "text"))
    converter.register_structure_hook(int, _strict(int, "a whole number"))
    converter.register_structure_hook(bool, _strict(bool, "true or false"))
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_unstructure_hook(Decimal, str)
    converter.register_structure_hook(Code, _structure_code)
    converter.register_unstructure_hook(Code, str)
    converter.register_structure_hook_func(_is_enum, _structure_enum)
    converter.register_unstructure_hook_func(_is_enum, lambda member: member.value)
    converter.register_structure_hook_factory(is_sequence, _tuple_factory)


def make_converter() -> cattrs.Converter:
    """A fresh converter for the JSON form; extra keys are refused, every error collected."""
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    configure_converter(converter)
    return converter


_CONVERTER = make_converter()


def to_json(budget: Budget, *, indent: int | None = 2) -> str:
    """The budget as JSON text, with `format_version` as its first field."""
    data = {"format_version": FORMAT_VERSION, **_CONVERTER.unstructure(budget)}
    return json.dumps(data, ensure_ascii=False, indent=indent) + "\n"


def _format(exc: BaseException, kind: type | None) -> str:
    if isinstance(exc, PrestatieError):
        return str(exc)
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        return f"unknown field(s) {', '.join(sorted(exc.extra_fields))}"
    if isinstance(exc, KeyError):
        return "required field missing"
    return cattrs_format_exception(exc, kind)


def _problems(exc: BaseException) -> list[Problem]:
    problems = []
    for line in cattrs.transform_error(exc, path="$", format_exception=_format):
        message, _, where = line.rpartition(" @ ")
        problems.append(Problem(where=where, message=message))
    return problems


def from_json(text: str | bytes) -> Budget:
    """The budget in a JSON text written by `to_json`.

    Raises `JsonError` listing every problem with its JSON path when the text is not
    valid JSON or does not describe a valid budget.
    """
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        position = (
            f"line {exc.lineno} column {exc.colno}: {exc.msg}"
            if isinstance(exc, json.JSONDecodeError)
            else str(exc)
        )
        raise JsonError([Problem(where="$", message=f"not valid JSON: {position}")]) from None
    if not isinstance(data, dict):
        raise JsonError([Problem(where="$", message=f"expected an object, got {describe(data)}")])
    version = data.pop("format_version", None)
    if version != FORMAT_VERSION:
        found = "nothing" if version is None else describe(version)
        raise JsonError(
            [
                Problem(
                    where="$.format_version",
                    message=f"expected format version {FORMAT_VERSION}, got {found}",
                )
            ]
        )
    try:
        return _CONVERTER.structure(data, Budget)
    except Exception as exc:  # cattrs raises groups of every error, and our own validators
        raise JsonError(_problems(exc)) from None

"""The versioned JSON form of a budget, through one strictly configured cattrs converter."""

from __future__ import annotations

import enum
import json
import math
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import cattrs
from cattrs.cols import homogenous_tuple_structure_factory, is_sequence
from cattrs.gen import make_dict_unstructure_fn, override
from cattrs.v import format_exception as cattrs_format_exception

from prestatie._code import Code
from prestatie._errors import JsonError, PrestatieError, Problem, describe
from prestatie._language import N_, filled, known_reason
from prestatie._model import Amount, Budget, Role, role_label
from prestatie._money import parse_decimal, to_amount
from prestatie._target.algebra import Target

FORMAT_VERSION = 2
"""The version of the JSON form written by `to_json`; `from_json` reads this version and
converts version 1 (see docs/json-v2.md for what changed)."""

READ_VERSIONS = (1, 2)
"""The versions `from_json` reads."""


MAX_DEPTH = 32
"""The deepest nesting of objects and lists `from_json` reads; a budget nests about a dozen."""


class _WrongType(PrestatieError, TypeError):
    """A value of another type than its field's: `template` names it as `{found}`."""

    def __init__(self, template: str, value: Any, **params: object) -> None:
        super().__init__(template, code="wrong-type", params={"found": _found(value), **params})


class _Literal:
    """A number JSON allows, or Python's reader lets through, but no budget value can be:
    NaN, Infinity, a float too large for a float, an integer too long to convert. It is kept
    as its text so that the structuring hooks report it at its JSON path."""

    def __init__(self, text: str, description: str) -> None:
        self.text = text
        self.description = description


def _found(value: Any) -> str:
    if isinstance(value, _Literal):
        return value.description
    if isinstance(value, _Object):  # an object as JSON has it, whatever it remembers
        return describe(dict(value))
    return describe(value)


def _parse_constant(text: str) -> _Literal:
    return _Literal(text, filled(N_("the literal {text}, which is not standard JSON"), text=text))


def _parse_float(text: str) -> float | _Literal:
    number = float(text)
    if math.isfinite(number):
        return number
    shown = f"{text[:20]}{'...' if len(text) > 20 else ''}"
    return _Literal(text, filled(N_("the number {text}, too large"), text=shown))


def _parse_int(text: str) -> int | _Literal:
    try:
        return int(text)
    except ValueError:  # longer than sys.get_int_max_str_digits()
        digits = len(text.lstrip("-"))
        return _Literal(
            text, filled(N_("a whole number of {digits} digits, too long"), digits=digits)
        )


class _Object(dict[str, Any]):
    """A JSON object that remembers the keys it was given more than once."""

    duplicates: tuple[str, ...] = ()


def _object(pairs: list[tuple[str, Any]]) -> _Object:
    result = _Object(pairs)
    if len(result) < len(pairs):
        counts = Counter(key for key, _ in pairs)
        result.duplicates = tuple(sorted(key for key, count in counts.items() if count > 1))
    return result


def _shape_problems(data: Any) -> Iterator[Problem]:
    """Keys given twice, and nesting deeper than `MAX_DEPTH`, each with its JSON path."""
    stack: list[tuple[Any, str, int]] = [(data, "$", 0)]
    while stack:
        value, where, depth = stack.pop()
        if isinstance(value, dict | list) and depth >= MAX_DEPTH:
            yield Problem.of(
                where,
                "nested-too-deeply",
                N_("nested more than {depth} levels deep; a budget needs far fewer"),
                depth=MAX_DEPTH,
            )
            continue
        if isinstance(value, _Object):
            for key in value.duplicates:
                yield Problem.of(f"{where}.{key}", "field-twice", N_("field given more than once"))
        if isinstance(value, dict):
            stack.extend((item, f"{where}.{key}", depth + 1) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((item, f"{where}[{i}]", depth + 1) for i, item in enumerate(value))


def _strict(kind: type, template: str) -> Any:
    def structure(value: Any, _: type) -> Any:
        if isinstance(value, bool) and kind is not bool:
            raise _WrongType(template, value)
        if not isinstance(value, kind):
            raise _WrongType(template, value)
        return value

    return structure


def _structure_decimal(value: Any, _: type) -> Decimal:
    if isinstance(value, int) and not isinstance(value, bool):
        return to_amount(value)
    if isinstance(value, str):
        amount = parse_decimal(value)
        # Decimal also reads "1_000", " 1" and non-ASCII digits; the JSON form has none.
        if amount is not None and value.isascii() and value.strip() == value and "_" not in value:
            return amount
    raise _WrongType(
        N_('expected an amount as a string like "1823.50" or an integer, got {found}'), value
    )


def _structure_code(value: Any, _: type) -> Code:
    if not isinstance(value, str):
        raise _WrongType(N_('expected a code like "7.2.3", got {found}'), value)
    return Code(value)


def _structure_enum(value: Any, kind: type[enum.Enum]) -> enum.Enum:
    for member in kind:
        if member.value == value:
            return member
    labels = ", ".join(repr(member.value) for member in kind)
    raise _WrongType(N_("expected one of {labels}, got {found}"), value, labels=labels)


_ROLE = Role | str


def _structure_role(value: Any, _: Any) -> Role | str:
    # A known label is its `Role`; any other printed role is kept as its text.
    if not isinstance(value, str):
        raise _WrongType(N_("expected a role as text, got {found}"), value)
    for member in Role:
        if member.value == value:
            return member
    return value


def _is_enum(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, enum.Enum)


def _tuple_factory(kind: Any, converter: cattrs.Converter) -> Any:
    base = homogenous_tuple_structure_factory(kind, converter)

    def structure(value: Any, _: type) -> Any:
        if not isinstance(value, list):
            raise _WrongType(N_("expected a list, got {found}"), value)
        return base(value, kind)

    return structure


def configure_converter(converter: cattrs.Converter) -> None:
    """Register the hooks of the JSON form on `converter`:

    - `str`, `int` and `bool` are taken only as themselves: nothing is coerced, and a bool
      is not an int;
    - `Decimal` is written as a string and read from a string or an int, never a float;
    - `Code` is written and read as its dotted text;
    - enums are written and read as their Dutch labels;
    - tuples are written as lists and read only from lists;
    - a target's `first_year` and `yearly` are written only when set, so that a budget without
      periods reads in versions that predate them.
    - an amount's taakveld is written only when it has one, so a budget without taakvelden
      reads and writes as before.
    """
    converter.register_structure_hook(str, _strict(str, N_("expected text, got {found}")))
    converter.register_structure_hook(int, _strict(int, N_("expected a whole number, got {found}")))
    converter.register_structure_hook(
        bool, _strict(bool, N_("expected true or false, got {found}"))
    )
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_unstructure_hook(Decimal, str)
    converter.register_structure_hook(Code, _structure_code)
    converter.register_unstructure_hook(Code, str)
    converter.register_structure_hook_func(lambda kind: kind == _ROLE, _structure_role)
    converter.register_unstructure_hook_func(lambda kind: kind == _ROLE, role_label)
    converter.register_structure_hook_func(_is_enum, _structure_enum)
    converter.register_unstructure_hook_func(_is_enum, lambda member: member.value)
    converter.register_structure_hook_factory(is_sequence, _tuple_factory)
    converter.register_unstructure_hook(
        Target,
        make_dict_unstructure_fn(
            Target,
            converter,
            first_year=override(omit_if_default=True),
            yearly=override(omit_if_default=True),
        ),
    )
    converter.register_unstructure_hook(
        Amount,
        make_dict_unstructure_fn(Amount, converter, taakveld=override(omit_if_default=True)),
    )


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


def _problem(where: str, exc: BaseException, kind: type | None) -> Problem:
    """The problem that an error of structuring (or of the model) is at `where`; a model
    error about one field is placed at that field."""
    if isinstance(exc, PrestatieError):
        if exc.reason is not None:
            where = f"{where}.{exc.field}"
        if exc.code:
            return Problem.of(where, exc.code, exc.template, **exc.params)
        return Problem(where=where, message=exc.render_reason(), code="invalid-value")
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        fields = ", ".join(sorted(exc.extra_fields))
        return Problem.of(where, "unknown-field", N_("unknown field(s) {fields}"), fields=fields)
    if isinstance(exc, KeyError):
        return Problem.of(where, "required-field-missing", N_("required field missing"))
    return Problem(where=where, message=cattrs_format_exception(exc, kind), code="invalid-value")


def _problems(exc: BaseException) -> list[Problem]:
    # transform_error formats each error once, in the order of its lines: keep the errors.
    errors: list[tuple[BaseException, type | None]] = []

    def keep(error: BaseException, kind: type | None) -> str:
        errors.append((error, kind))
        return ""

    lines = cattrs.transform_error(exc, path="$", format_exception=keep)
    return [
        _problem(line.rpartition(" @ ")[2], error, kind)
        for line, (error, kind) in zip(lines, errors, strict=True)
    ]


_SYNTAX_REASONS = (
    N_("Expecting value"),
    N_("Expecting ',' delimiter"),
    N_("Expecting ':' delimiter"),
    N_("Expecting property name enclosed in double quotes"),
    N_("Extra data"),
    N_("Unterminated string starting at"),
    N_("Invalid control character at"),
    N_("Invalid \\escape"),
    N_("Illegal trailing comma before end of object"),
    N_("Illegal trailing comma before end of array"),
)
"""The reasons the `json` module gives for the common syntax errors; the catalogue holds
their Dutch."""


def _load(text: str | bytes) -> Any:
    try:
        return json.loads(
            text,
            object_pairs_hook=_object,
            parse_constant=_parse_constant,
            parse_float=_parse_float,
            parse_int=_parse_int,
        )
    except json.JSONDecodeError as exc:
        template = N_("not valid JSON: line {line} column {column}: {reason}")
        params: dict[str, object] = {
            "line": exc.lineno,
            "column": exc.colno,
            "reason": known_reason(exc.msg, _SYNTAX_REASONS),
        }
    except UnicodeDecodeError as exc:
        template, params = N_("not valid JSON: {reason}"), {"reason": exc}
    except RecursionError:
        template = N_(
            "not valid JSON: nested too deeply to read (a budget needs at most {depth} levels)"
        )
        params = {"depth": MAX_DEPTH}
    raise JsonError([Problem.of("$", "not-json", template, **params)])


def upgrade_v1(data: dict[str, Any]) -> dict[str, Any]:
    """A version-1 document (without its `format_version`) in the version-2 form, meaning
    the same: a prestatie's monitor status had one `budget_change` marker (or null); it has
    a set of `budget_changes`. Every other field of version 1 is a field of version 2, and
    the fields version 2 adds take their defaults. Anything unexpected is left for the
    reader to report at its path."""
    for programme in _items(data.get("programmes")):
        for objective in _items(programme.get("objectives")):
            for prestatie in _items(objective.get("prestaties")):
                status = prestatie.get("status")
                if isinstance(status, dict) and "budget_change" in status:
                    marker = status.pop("budget_change")
                    status["budget_changes"] = [] if marker is None else [marker]
    return data


def _items(value: Any) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def from_json(text: str | bytes) -> Budget:
    """The budget in a JSON text written by `to_json`.

    Raises `JsonError` listing every problem with its JSON path when the text is not
    valid JSON or does not describe a valid budget.
    """
    data = _load(text)
    if not isinstance(data, dict):
        message = N_("expected an object, got {found}")
        raise JsonError([Problem.of("$", "not-an-object", message, found=_found(data))])
    shape = list(_shape_problems(data))
    if shape:
        raise JsonError(shape)
    version = data.pop("format_version", None)
    if type(version) is not int or version not in READ_VERSIONS:
        *earlier, last = READ_VERSIONS
        template = (
            N_("expected format version {earlier} or {last}, got nothing")
            if version is None
            else N_("expected format version {earlier} or {last}, got {found}")
        )
        earlier_text = ", ".join(str(v) for v in earlier)
        found = _found(version)
        problem = Problem.of(
            "$.format_version",
            "format-version-unknown",
            template,
            earlier=earlier_text,
            last=last,
            found=found,
        )
        raise JsonError([problem])
    if version == 1:
        data = upgrade_v1(data)
    try:
        return _CONVERTER.structure(dict(data), Budget)
    except Exception as exc:  # cattrs raises groups of every error, and our own validators
        raise JsonError(_problems(exc)) from None

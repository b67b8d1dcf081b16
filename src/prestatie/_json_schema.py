"""The JSON Schema (draft 2020-12) of the JSON form, generated from the model.

The schema is derived by walking the attrs classes of `Budget`: each field's type gives its
JSON type, each field without a default is required, and each validator that limits a value
beyond its type (a year, a code, a PS number) gives its bounds or pattern. A validator the
walk does not know stops the generation, so a new rule cannot slip past the schema unnoticed.

What the schema cannot state: rules that compare two fields of one object (an end year
before its start year, a target's minimum above its maximum) and the rules across objects of
`check_budget`. `docs/json.md` lists them.
"""

from __future__ import annotations

import enum
import inspect
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from importlib import resources
from typing import Any

import attrs

from prestatie import _code, _model, _validate
from prestatie._code import _NUMBER, _PART, MAX_PART, Code
from prestatie._json import FORMAT_VERSION, make_converter
from prestatie._model import Budget
from prestatie._taakveld import TAAKVELD

DRAFT = "https://json-schema.org/draft/2020-12/schema"

SCHEMA_FILE = f"budget-{FORMAT_VERSION}.schema.json"
"""The schema as shipped in the package, equal to `json_schema()` (a test keeps it so)."""

# Python's Decimal syntax as `from_json` accepts it: ASCII digits, no spaces, no underscores.
_DECIMAL = r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$"

# The code pattern of `prestatie._code` (one separator throughout) without its
# backreference, which not every JSON Schema regex dialect has.
_CODE_SEPARATED = "|".join(rf"{sep}(?:{_PART}(?:{sep}{_PART})*{sep}?)?" for sep in (r"\.", "-"))
_CODE_PATTERN = f"^{_NUMBER}(?:{_CODE_SEPARATED})?$"

_YEAR = {"minimum": 1000, "maximum": 9999}

# The validators that limit a value beyond its type, and the keywords that say so.
_CONSTRAINTS: dict[Callable[..., None], dict[str, Any]] = {
    _validate.is_year: _YEAR,
    _validate.non_negative: {"minimum": 0},
    _validate.code_part: {"minimum": 0, "maximum": MAX_PART},
    # A decision reference: some text; one that starts as a PS number must be one.
    _model._ps_number: {"pattern": rf"^(?:{_model._PS_NUMBER.pattern}|(?!PS/)[\s\S]*\S[\s\S]*)$"},
    _model._taakveld: {"pattern": f"^{TAAKVELD.pattern}$"},
}
_ITEM_CONSTRAINTS: dict[Callable[..., None], dict[str, Any]] = {
    _model._ps_numbers: _CONSTRAINTS[_model._ps_number],
    _code._widths: {"minimum": 1, "maximum": 6},
    _model._names: {"pattern": r"\S"},
}
# The validators of a list that limit its length.
_LENGTH: dict[Callable[..., None], dict[str, Any]] = {_model._names: {"minItems": 1}}
# The validators that check only the type, which the annotation states already.
_TYPE_ONLY = tuple(
    f"{factory.__name__}.<locals>."
    for factory in (_validate.of, _validate.optional, _validate.tuple_of)
)


def _is_type_only(validator: Any) -> bool:
    if validator is _model._objectives:  # tuple_of(Objective), once Objective is defined
        return True
    made_by_factory = getattr(validator, "__qualname__", "").startswith(_TYPE_ONLY)
    return made_by_factory and getattr(validator, "__module__", None) == _validate.__name__


def _description(kind: type) -> str:
    """A class's docstring, without its examples (`>>>` and what follows)."""
    text = inspect.cleandoc(kind.__doc__ or kind.__name__)
    return text.split("\n>>>")[0].strip()


class _Walk:
    """Builds `$defs` for every class and enum reached from `Budget`."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}
        self.converter = make_converter()

    def ref(self, name: str) -> dict[str, Any]:
        return {"$ref": f"#/$defs/{name}"}

    def type_schema(self, kind: Any) -> dict[str, Any]:
        """The schema of a value of type `kind`."""
        origin = typing.get_origin(kind)
        if origin in (typing.Union, types.UnionType):
            members = typing.get_args(kind)
            schemas = [self.type_schema(member) for member in members if member is not type(None)]
            null = [{"type": "null"}] if type(None) in members else []
            return {"anyOf": [*schemas, *null]}
        if origin is tuple:
            item, ellipsis = typing.get_args(kind)
            assert ellipsis is Ellipsis, f"expected tuple[X, ...], got {kind}"
            return {"type": "array", "items": self.type_schema(item)}
        if kind is str:
            return {"type": "string"}
        if kind is bool:
            return {"type": "boolean"}
        if kind is int:
            return {"type": "integer"}
        if kind is Decimal:
            return self.named("Decimal", self.decimal)
        if kind is Code:
            return self.named("Code", self.code)
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            return self.named(kind.__name__, lambda: self.enum(kind))
        if attrs.has(kind):
            return self.named(kind.__name__, lambda: self.object(kind))
        raise TypeError(f"no JSON Schema for the type {kind!r}")

    def named(self, name: str, build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        if name not in self.defs:
            self.defs[name] = {}  # reserved first, so that a class may refer to itself
            self.defs[name] = build()
        return self.ref(name)

    def decimal(self) -> dict[str, Any]:
        return {
            "description": "An exact amount: a decimal number as a string, or an integer."
            " Never a JSON number with a fraction, which readers turn into an inexact float.",
            "anyOf": [{"type": "string", "pattern": _DECIMAL}, {"type": "integer"}],
        }

    def code(self) -> dict[str, Any]:
        return {
            "description": "A code as printed: 7 (programme), 7.2 (objective), 7.2.3"
            " (prestatie), 1.1.1.02, 4.1.a, 7-1-1, 7.1., or fixed-width 020101.",
            "type": "string",
            "pattern": _CODE_PATTERN,
        }

    def enum(self, kind: type[enum.Enum]) -> dict[str, Any]:
        return {
            "description": _description(kind),
            "enum": [member.value for member in kind],
        }

    def object(self, kind: type) -> dict[str, Any]:
        hints = typing.get_type_hints(kind)
        properties: dict[str, Any] = {}
        required = []
        for field in attrs.fields(kind):
            schema = self.type_schema(hints[field.name])
            schema = self.constrain(schema, field)
            if field.default is attrs.NOTHING:
                required.append(field.name)
            elif not isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
                schema = {**schema, "default": self.converter.unstructure(field.default)}
            properties[field.name] = schema
        return {
            "description": _description(kind),
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }

    def constrain(self, schema: dict[str, Any], field: attrs.Attribute[Any]) -> dict[str, Any]:
        """The schema with the bounds or pattern the field's validator adds to its type."""
        validator = field.validator
        if validator is None or _is_type_only(validator):
            return schema
        if validator in _CONSTRAINTS:
            keywords = _CONSTRAINTS[validator]
            if "anyOf" in schema:  # an optional value: the limits apply when it is there
                first, null = schema["anyOf"]
                return {**schema, "anyOf": [{**first, **keywords}, null]}
            return {**schema, **keywords}
        if validator in _ITEM_CONSTRAINTS:
            items = {**schema["items"], **_ITEM_CONSTRAINTS[validator]}
            return {**schema, "items": items, **_LENGTH.get(validator, {})}
        raise TypeError(
            f"{field.name}: no JSON Schema for its validator {validator!r}:"
            " add what it checks to prestatie._json_schema"
        )


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the JSON form that `to_json` writes.

    It is generated from the model, so it describes exactly the fields, types and labels that
    `from_json` reads. `prestatie schema` prints it.

    >>> schema = json_schema()
    >>> schema["properties"]["format_version"]
    {'const': 1}
    >>> schema["$defs"]["Flow"]["enum"]
    ['lasten', 'baten', 'saldo']
    """
    walk = _Walk()
    budget = walk.object(Budget)
    version = {"const": FORMAT_VERSION}
    return {
        "$schema": DRAFT,
        "title": f"prestatie budget, format version {FORMAT_VERSION}",
        **budget,
        "properties": {"format_version": version, **budget["properties"]},
        "required": ["format_version", *budget["required"]],
        "$defs": dict(sorted(walk.defs.items())),
    }


def shipped_schema() -> str:
    """The text of the schema file shipped in the package."""
    return resources.files("prestatie").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")

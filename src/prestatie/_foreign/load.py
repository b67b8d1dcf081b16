"""Reading a mapping from TOML (see `docs/mappings.md`): one configured cattrs converter
structures the tables into a `Mapping`, and every unknown key and wrong value is reported at
its TOML path, all at once.
"""

from __future__ import annotations

import enum
import json
import os
import re
import tomllib
from collections.abc import Iterator
from collections.abc import Mapping as MappingType
from decimal import Decimal
from pathlib import Path
from typing import Any, NewType

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError
from cattrs.gen import make_dict_structure_fn, override

from prestatie._errors import MappingError, PrestatieError, Problem
from prestatie._foreign.mapping import (
    AmountColumn,
    BudgetInfo,
    ColumnRef,
    Definition,
    DerivedColumn,
    Layout,
    Mapping,
    YearColumns,
    printed_code,
)
from prestatie._json import configure_converter
from prestatie._language import N_, Found, known_reason
from prestatie._model import BudgetColumn, Flow, MutationKind, Nature
from prestatie._money import from_spreadsheet_number, to_amount
from prestatie._xlsx.columns import normalise_header

__all__ = ["Mapping", "load_mapping", "mapping_from_dict"]

# -- Reading a mapping file: the converter's hooks, each naming what it expected -----------

_TOML_TYPES = {str: "text", int: "integer", float: "float", bool: "boolean", list: "array"}
_TOML_TYPES[dict] = "table"


def _shown(value: Any) -> str:
    """A value found in a mapping file, its type named as TOML names it (`integer 3`), in
    the message's language when rendered."""
    if value is None:
        return N_("nothing")
    return Found(f"{_TOML_TYPES.get(type(value), type(value).__name__)} {value!r}")


def _toml_key(key: str) -> str:
    """A key as a TOML path writes it: bare when it can be, else quoted."""
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)


class _At(PrestatieError, ValueError):
    """A problem found inside a value, at `path` below the value's own key."""

    def __init__(self, code: str, template: str, /, path: str = "", **params: object) -> None:
        super().__init__(template, code=code, params=params)
        self.path = path

    def below(self, path: str) -> _At:
        """The same problem, `path` further up."""
        return _At(self.code, self.template, path + self.path, **self.params)


class _Many(PrestatieError, ValueError):
    """Several problems found inside one value."""

    def __init__(self, problems: list[_At]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


Year = NewType("Year", int)
ColumnYear = NewType("ColumnYear", int)
RowNumber = NewType("RowNumber", int)
Pattern = NewType("Pattern", str)
"""A regular expression whose groups the reader takes."""
PlainPattern = NewType("PlainPattern", str)
"""A regular expression matched as a whole."""
YearPattern = NewType("YearPattern", str)
CodeText = NewType("CodeText", str)

_REQUIRED_ONLY = N_("required")
_REQUIRED = {
    "code": N_("required: the column holding each row's code"),
    "header": N_("required: the column's header text"),
    "budget_column": N_("required: primitief, wijziging, actueel or gerealiseerd"),
    "definition": N_(
        "required: 'actueel' (primitief + wijziging) or 'ruimte' (actueel − gerealiseerd)"
    ),
}


def _text(value: Any, _: Any = None) -> str:
    if isinstance(value, str):
        return value
    raise _At("not-text", N_("expected text, got {found}"), found=_shown(value))


def _whole(low: int, high: int, template: str) -> Any:
    """A whole number from `low` to `high`; `template` says what is expected, and `{found}`."""

    def structure(value: Any, _: Any) -> int:
        if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
            return value
        raise _At("not-a-whole-number", template, found=_shown(value))

    return structure


_A_YEAR = N_("expected a year, got {found}")
_LABELS = N_("expected a table of labels, got {found}")


def _pattern(group: str | int) -> Any:
    def structure(value: Any, _: Any) -> str:
        text = _text(value)
        try:
            compiled = re.compile(text)
        except re.error as exc:
            raise _At(
                "pattern-invalid", N_("not a valid regular expression: {error}"), error=exc
            ) from None
        if isinstance(group, str) and group not in compiled.groupindex:
            raise _At(
                "pattern-group-missing",
                N_("expected a group named {group}, as in (?P<{group}>...)"),
                group=group,
            )
        if isinstance(group, int) and compiled.groups < group:
            raise _At("pattern-group-missing", N_("expected a group (...) around the part to take"))
        return text

    return structure


def _code_text(value: Any, _: Any) -> str:
    text = _text(value)
    try:
        return str(printed_code(text))
    except PrestatieError:
        raise _At(
            "not-a-code", N_("expected a code like '7.2.3', got {text!r}"), text=text
        ) from None


def _choice(value: Any, kind: type[enum.Enum]) -> Any:
    for member in kind:
        if isinstance(value, str) and normalise_header(member.value) == normalise_header(
            value.replace("−", "-")
        ):
            return member
    if kind is Definition:
        raise _At(
            "unknown-label",
            N_(
                "expected 'actueel' (primitief + wijziging) or 'ruimte' (actueel − gerealiseerd),"
                " got {found}"
            ),
            found=_shown(value),
        )
    labels = ", ".join(repr(member.value) for member in kind)
    raise _At(
        "unknown-label",
        N_("expected one of {labels}, got {found}"),
        labels=labels,
        found=_shown(value),
    )


def _tolerance_value(value: Any, _: Any) -> Decimal:
    amount: Decimal | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        amount = to_amount(value)
    elif isinstance(value, float):
        amount = from_spreadsheet_number(value)
    if amount is None or not amount.is_finite() or amount < 0:
        raise _At(
            "not-a-tolerance",
            N_("expected a number of zero or more, got {found}"),
            found=_shown(value),
        )
    return amount


def _keys_of(kind: type) -> tuple[str, ...]:
    return tuple(field.name for field in attrs.fields(kind))


def _column_ref(converter: cattrs.Converter, texts: Any) -> Any:
    tables = _tables_of_with(converter, ColumnRef, aliases=override(struct_hook=texts))

    def structure(value: Any, _: Any) -> ColumnRef:
        if isinstance(value, str):
            return ColumnRef(header=value)
        if not isinstance(value, dict):
            raise _At(
                "not-a-column",
                N_("expected a header text or {{header = ..., aliases = [...]}}, got {found}"),
                found=_shown(value),
            )
        return tables(value, ColumnRef)  # type: ignore[no-any-return]

    return structure


def _each(converter: cattrs.Converter, items: list[Any], kind: Any) -> tuple[Any, ...]:
    """Each item structured as `kind`; every bad one reported at its index."""
    found, problems = [], []
    for i, item in enumerate(items):
        try:
            found.append(converter.structure(item, kind))
        except (ClassValidationError, PrestatieError) as exc:
            problems += [at for _, at in _problems(exc, f"[{i}]")]
    if problems:
        raise _Many(problems)
    return tuple(found)


def _array_of_tables(converter: cattrs.Converter, kind: type, key: str) -> Any:
    def structure(value: Any, _: Any) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise _At(
                "not-an-array-of-tables",
                N_("expected an array of tables ([[{key}]]), got {found}"),
                key=key,
                found=_shown(value),
            )
        return _each(converter, value, kind)

    return structure


def _labels_to(
    converter: cattrs.Converter, expected: str, key_kind: Any, value_kind: Any, keyed: str = ""
) -> Any:
    """A TOML table from labels (or codes) to values, each bad entry at its own key.
    `expected` says what the table holds (with `{found}`); `keyed`, what a bad key is (with
    `{label!r}`)."""

    def structure(value: Any, _: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise _At("not-a-table", expected, found=_shown(value))
        found, problems = {}, []
        for label, item in value.items():
            try:
                key = converter.structure(label, key_kind)
            except _At as exc:
                at = _At("not-a-code", keyed, label=label) if keyed else exc
                problems.append(at.below(f".{_toml_key(label)}"))
                continue
            try:
                found[key] = converter.structure(item, value_kind)
            except _At as exc:
                problems.append(exc.below(f".{_toml_key(label)}"))
        if problems:
            raise _Many(problems)
        return found

    return structure


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    configure_converter(converter)
    converter.register_structure_hook(str, _text)
    converter.register_structure_hook(CodeText, _code_text)
    converter.register_structure_hook(Year, _whole(1000, 9999, _A_YEAR))
    converter.register_structure_hook(
        ColumnYear, _whole(1000, 9999, N_("expected a year (or [budget] year), got {found}"))
    )
    converter.register_structure_hook(
        RowNumber, _whole(1, 1_048_576, N_("expected a row number from 1, got {found}"))
    )
    converter.register_structure_hook(Pattern, _pattern(1))
    converter.register_structure_hook(PlainPattern, _pattern(0))
    converter.register_structure_hook(YearPattern, _pattern("year"))
    converter.register_structure_hook(Decimal, _tolerance_value)
    converter.register_structure_hook_func(
        lambda kind: isinstance(kind, type) and issubclass(kind, enum.Enum), _choice
    )

    def rows(value: Any, _: Any) -> tuple[int, ...]:
        if not isinstance(value, list) or not value:
            raise _At(
                "not-row-numbers",
                N_("expected an array of row numbers, got {found}"),
                found=_shown(value),
            )
        return _each(converter, value, RowNumber)

    def texts(value: Any, _: Any) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(a, str) for a in value):
            raise _At(
                "not-texts", N_("expected an array of texts, got {found}"), found=_shown(value)
            )
        return tuple(value)

    def flows(value: Any, _: Any) -> tuple[Flow, ...]:
        if not isinstance(value, list):
            raise _At(
                "not-flows",
                N_("expected an array such as ['baten'], got {found}"),
                found=_shown(value),
            )
        return _each(converter, value, Flow)

    def hook(kind: Any) -> Any:
        return override(struct_hook=converter.get_structure_hook(kind))

    def labels(expected: str, key_kind: Any, value_kind: Any, keyed: str = "") -> Any:
        return override(struct_hook=_labels_to(converter, expected, key_kind, value_kind, keyed))

    converter.register_structure_hook(ColumnRef, _column_ref(converter, texts))
    aliases = override(struct_hook=texts)
    tables: dict[type, dict[str, Any]] = {
        BudgetInfo: {"year": override(struct_hook=_year)},
        AmountColumn: {"aliases": aliases, "year": hook(ColumnYear)},
        DerivedColumn: {
            "aliases": aliases,
            "year": override(struct_hook=_optional_year),
            "sign": override(struct_hook=_sign),
        },
        YearColumns: {
            "pattern": hook(YearPattern),
            "kinds": labels(_LABELS, str, BudgetColumn),
            "flows": labels(_LABELS, str, Flow),
        },
    }
    for kind, overrides in tables.items():
        converter.register_structure_hook(kind, _tables_of_with(converter, kind, **overrides))
    # The fields typed by what they hold as text: patterns, whose groups are taken or that
    # match as a whole.
    patterns = dict.fromkeys(("code_pattern", "flow_pattern", "taakveld_pattern"), hook(Pattern))
    plain = ("totals", "saldo_totals", "grand_totals", "totals_above", "skip")
    base = make_dict_structure_fn(
        Mapping,
        converter,
        _cattrs_forbid_extra_keys=True,
        header_rows=override(struct_hook=rows),
        group_rows=override(struct_hook=rows),
        **patterns,
        **dict.fromkeys(plain, hook(PlainPattern)),
        realised=hook(YearPattern),
        codes=labels(N_("expected a table of labels and codes, got {found}"), str, CodeText),
        names=labels(
            N_("expected a table of codes and names, got {found}"),
            CodeText,
            str,
            keyed=N_("expected a code like '7.2.3' as the key, got {label!r}"),
        ),
        budget_rows=labels(
            N_("expected a table of patterns and budget columns, got {found}"),
            PlainPattern,
            BudgetColumn,
        ),
        natures=labels(N_("expected a table of labels and natures, got {found}"), str, Nature),
        reserve_rows=labels(
            N_("expected a table of patterns and mutation kinds, got {found}"),
            PlainPattern,
            MutationKind,
        ),
        owner=hook(CodeText),
        negative=override(struct_hook=flows),
        columns=override(struct_hook=_array_of_tables(converter, AmountColumn, "columns")),
        derived=override(struct_hook=_array_of_tables(converter, DerivedColumn, "derived")),
    )
    converter.register_structure_hook(Mapping, base)
    return converter


def _year(value: Any, _: Any) -> int | None:
    return _whole(1000, 9999, _A_YEAR)(value, None)  # type: ignore[no-any-return]


def _sign(value: Any, _: Any) -> int:
    if value in (1, -1) and not isinstance(value, bool):
        return int(value)
    raise _At("not-a-sign", N_("expected 1 or -1, got {found}"), found=_shown(value))


def _optional_year(value: Any, _: Any) -> int | None:
    return None if value is None else _year(value, None)


def _tables_of_with(converter: cattrs.Converter, kind: type, **overrides: Any) -> Any:
    base: Any = make_dict_structure_fn(kind, converter, _cattrs_forbid_extra_keys=True, **overrides)

    def structure(value: Any, _: Any) -> Any:
        if not isinstance(value, dict):
            raise _At("not-a-table", N_("expected a table, got {found}"), found=_shown(value))
        return base(value, kind)

    return structure


_CONVERTER = _make_converter()


def _problems(exc: BaseException, path: str) -> Iterator[tuple[bool, _At]]:
    """(is an unknown key, problem at its TOML path) of every problem in a structuring
    error."""
    if isinstance(exc, ClassValidationError):
        with_notes, without = exc.group_exceptions()
        for sub in without:
            yield from _problems(sub, path)
        for sub, note in with_notes:
            name = getattr(note, "name", "")
            where = f"{path}.{name}" if path else name
            if isinstance(sub, KeyError):
                required = _REQUIRED.get(name, _REQUIRED_ONLY)
                yield False, _At("required", required, where)
            else:
                yield from _problems(sub, where)
    elif isinstance(exc, IterableValidationError):
        indexed, rest = exc.group_exceptions()
        for sub, index in indexed:
            yield from _problems(sub, f"{path}[{getattr(index, 'index', 0)}]")
        for sub in rest:
            yield from _problems(sub, path)
    elif isinstance(exc, ForbiddenExtraKeysError):
        keys = ", ".join(_keys_of(exc.cl)) if exc.cl is not None else ""
        for key in sorted(exc.extra_fields):
            where = f"{path}.{_toml_key(key)}" if path else _toml_key(key)
            unknown = N_("unknown key: expected one of {keys}")
            yield True, _At("unknown-key", unknown, where, keys=keys)
    elif isinstance(exc, _Many):
        for problem in exc.problems:
            yield False, problem.below(path)
    elif isinstance(exc, _At):
        yield False, exc.below(path)
    elif isinstance(exc, PrestatieError) and exc.code:
        yield False, _At(exc.code, exc.template, path, **exc.params)
    else:
        yield False, _At("invalid-value", N_("{reason}"), path, reason=exc)


def _with_budget_year(data: dict[str, Any]) -> dict[str, Any]:
    """The mapping's tables with each amount column's year defaulting to [budget] year."""
    budget = data.get("budget")
    year = budget.get("year") if isinstance(budget, dict) else None
    columns = data.get("columns")
    if isinstance(columns, list):
        data = dict(data)
        data["columns"] = [
            {**column, "year": column.get("year", year)} if isinstance(column, dict) else column
            for column in columns
        ]
    return data


def _layout_problems(data: MappingType[str, Any]) -> Iterator[Problem]:
    layout = data.get("layout", "wide")
    if not isinstance(layout, str):
        return
    if layout.casefold() == Layout.LONG.value:
        for key in ("year", "amount"):
            if key not in data:
                yield Problem.of(
                    key,
                    "required",
                    N_("required for layout = 'long': the {key} column"),
                    key=key,
                )
    elif "columns" not in data and "year_columns" not in data:
        yield Problem.of(
            "columns",
            "required",
            N_("required for layout = {layout!r}: [[columns]] or [year_columns] for the amounts"),
            layout=layout.casefold(),
        )


def mapping_from_dict(data: MappingType[str, Any], source: str = "mapping") -> Mapping:
    """A `Mapping` from the tables of a mapping file.

    Raises `MappingError` naming every bad key by its TOML path (`columns[1].budget_column`):
    unknown keys, values of the wrong type, unknown labels, and patterns that do not compile
    or lack the group the reader takes.
    """
    found: list[tuple[bool, _At]] = []
    mapping = None
    try:
        mapping = _CONVERTER.structure(_with_budget_year(dict(data)), Mapping)
    except (ClassValidationError, PrestatieError, TypeError, ValueError) as exc:
        found = list(_problems(exc, ""))
    layout = [attrs.evolve(p, where=f"{source}: {p.where}") for p in _layout_problems(data)]
    if layout:  # the model's own refusal of the same shortage says less
        found = [problem for problem in found if problem[1].path]
    found.sort(key=lambda problem: not problem[0])  # unknown keys first, as a reader scans
    problems = [
        Problem.of(f"{source}: {at.path}", at.code, at.template, **at.params) for _, at in found
    ]
    problems += layout
    if problems or mapping is None:
        raise MappingError(problems, source=source)
    return mapping


def load_mapping(path: str | os.PathLike[str]) -> Mapping:
    """The mapping in a TOML file; `MappingError` names the file and each bad key."""
    source = Path(path)
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    except OSError as exc:
        message = N_("cannot read: {error}")
        raise MappingError(
            [Problem.of(str(source), "file-unreadable", message, error=exc)], source=str(source)
        ) from None
    except tomllib.TOMLDecodeError as exc:
        problem = _toml_problem(str(source), str(exc))
        raise MappingError([problem]) from None
    return mapping_from_dict(data, str(source))


_TOML_REASONS = (
    N_("Cannot overwrite a value"),
    N_("Unterminated string"),
    N_("Unclosed inline table"),
    N_("Unclosed array"),
    N_("Invalid value"),
    N_("Invalid statement"),
    N_("Invalid initial character for a key part"),
    N_("Invalid date or datetime"),
    N_("Expected ']' at the end of a table declaration"),
    N_("Expected ']]' at the end of an array declaration"),
    N_("Expected '=' after a key in a key/value pair"),
)
"""The reasons `tomllib` gives for the common syntax errors; the catalogue holds their
Dutch."""


def _toml_problem(source: str, error: str) -> Problem:
    """A TOML syntax error (`Unclosed array (at line 2, column 6)`), its place and reason
    in the message's language."""
    if found := re.fullmatch(r"(?s)(.*) \(at line ([0-9]+), column ([0-9]+)\)", error):
        reason, line, column = found.groups()
        template = N_("not valid TOML: {reason} (at line {line}, column {column})")
        params: dict[str, object] = {"line": int(line), "column": int(column)}
    elif found := re.fullmatch(r"(?s)(.*) \(at end of document\)", error):
        reason = found.group(1)
        template, params = N_("not valid TOML: {reason} (at end of document)"), {}
    else:
        return Problem.of(source, "not-toml", N_("not valid TOML: {error}"), error=error)
    reason = known_reason(reason, _TOML_REASONS)
    return Problem.of(source, "not-toml", template, reason=reason, **params)

"""Declared mappings: where each part of the model sits in a foreign budget sheet.

A mapping is an attrs object or a small TOML file (see `examples/mappings/`). It names the
sheet and its header rows, the column holding each row's code, and the columns holding
amounts, either one per year ("wide") or a year column and an amount column ("long").
"""

from __future__ import annotations

import contextlib
import enum
import json
import os
import re
import tomllib
from collections.abc import Mapping as MappingType
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import attrs

from prestatie._code import Code
from prestatie._errors import InvalidValueError, MappingError, PrestatieError, Problem
from prestatie._model import BudgetColumn, DocumentKind, Flow, Nature
from prestatie._money import Unit, to_amount
from prestatie._validate import of, optional, tuple_of


def normalise_header(text: object) -> str:
    """A header as compared: case, spacing and line breaks do not matter."""
    return " ".join(str(text).split()).casefold() if text is not None else ""


@attrs.frozen(kw_only=True)
class ColumnRef:
    """A column found by its header, or by any of its aliases."""

    header: str = attrs.field(validator=of(str))
    aliases: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))

    def matches(self, header: str) -> bool:
        names = (self.header, *self.aliases)
        return normalise_header(header) in {normalise_header(name) for name in names}

    def __str__(self) -> str:
        return repr(self.header)


class Layout(enum.Enum):
    """How the amounts of a row are laid out."""

    WIDE = "wide"
    """One column per amount, each with its year and budget column."""
    LONG = "long"
    """A year column and an amount column; rows with the same key are added up."""


@attrs.frozen(kw_only=True)
class AmountColumn:
    """One column of amounts in a wide layout, with the year and budget column it holds."""

    column: ColumnRef = attrs.field(validator=of(ColumnRef))
    budget_column: BudgetColumn = attrs.field(validator=of(BudgetColumn))
    year: int = attrs.field(validator=of(int))


@attrs.frozen(kw_only=True)
class YearColumns:
    """Wide amount columns recognised by a pattern, such as "Begroting 2018" or "2019".

    The pattern must have a group named `year`; a group named `kind` picks the budget column
    from `kinds` (e.g. Jaarrekening → gerealiseerd), otherwise `budget_column` applies.
    """

    pattern: str = attrs.field(validator=of(str))
    kinds: MappingType[str, BudgetColumn] = attrs.field(factory=dict)
    budget_column: BudgetColumn = attrs.field(
        default=BudgetColumn.PRIMITIEF, validator=of(BudgetColumn)
    )

    def match(self, header: str) -> tuple[BudgetColumn, int] | None:
        found = re.fullmatch(self.pattern, " ".join(header.split()), flags=re.IGNORECASE)
        if found is None:
            return None
        kind = found.groupdict().get("kind")
        column = self.budget_column
        if kind is not None:
            column = {k.casefold(): v for k, v in self.kinds.items()}.get(kind.casefold(), column)
        return column, int(found["year"])


@attrs.frozen(kw_only=True)
class DerivedColumn:
    """A column that is checked against its definition, never imported."""

    column: ColumnRef = attrs.field(validator=of(ColumnRef))
    definition: str = attrs.field(validator=of(str))
    """"actueel" (primitief + wijziging) or "ruimte" (actueel − gerealiseerd)."""

    def __attrs_post_init__(self) -> None:
        if self.definition not in ("actueel", "ruimte"):
            raise InvalidValueError(
                f"DerivedColumn.definition: expected 'actueel' or 'ruimte', got {self.definition!r}"
            )


@attrs.frozen(kw_only=True)
class Mapping:
    """Where a foreign sheet keeps the parts of a budget.

    Each data row belongs to the programme, objective or prestatie whose code stands in the
    `code` column (or is found there by `code_pattern`, or is named in `codes`); one part is
    a programme (`7`), two an objective (`7.2`), three a prestatie (`7.2.3`). A row whose
    label matches `totals` is a totals row: it is checked, not imported.
    """

    sheet: str | None = attrs.field(default=None, validator=optional(str))
    """The sheet's name; by default the first sheet."""
    header_rows: tuple[int, ...] = attrs.field(default=(1,), validator=tuple_of(int))
    """The rows (counted from 1) whose cells, joined, make each column's header."""
    code: ColumnRef = attrs.field(validator=of(ColumnRef))
    code_pattern: str | None = attrs.field(default=None, validator=optional(str))
    """A pattern whose first group is the code, for labels such as "Lasten BD 7.1"."""
    codes: MappingType[str, str] = attrs.field(factory=dict)
    """Codes for labels that carry none, such as "Personeelsgebonden kosten" = "7"."""
    names: MappingType[str, str] = attrs.field(factory=dict)
    """Names for codes whose rows give none, such as "7" = "Kwaliteit openbaar bestuur"."""
    title: ColumnRef | None = attrs.field(default=None, validator=optional(ColumnRef))
    parent: ColumnRef | None = attrs.field(default=None, validator=optional(ColumnRef))
    layout: Layout = attrs.field(default=Layout.WIDE, validator=of(Layout))
    columns: tuple[AmountColumn, ...] = attrs.field(default=(), validator=tuple_of(AmountColumn))
    year_columns: YearColumns | None = attrs.field(default=None, validator=optional(YearColumns))
    derived: tuple[DerivedColumn, ...] = attrs.field(default=(), validator=tuple_of(DerivedColumn))
    year: ColumnRef | None = attrs.field(default=None, validator=optional(ColumnRef))
    amount: ColumnRef | None = attrs.field(default=None, validator=optional(ColumnRef))
    budget_column: BudgetColumn = attrs.field(
        default=BudgetColumn.PRIMITIEF, validator=of(BudgetColumn)
    )
    """The budget column of a long layout's amounts."""
    unit: Unit = attrs.field(default=Unit.THOUSAND, validator=of(Unit))
    flow: Flow = attrs.field(default=Flow.LASTEN, validator=of(Flow))
    """The flow of rows that do not state their own."""
    flow_column: ColumnRef | None = attrs.field(default=None, validator=optional(ColumnRef))
    total_column: ColumnRef | None = attrs.field(default=None, validator=optional(ColumnRef))
    """A column holding each row's total of its amounts, checked, never imported."""
    flow_pattern: str | None = attrs.field(default=r"^\s*(lasten|baten)\b", validator=optional(str))
    """A pattern on the code column's label whose first group is "lasten" or "baten"."""
    nature: Nature = attrs.field(default=Nature.STRUCTUREEL, validator=of(Nature))
    totals: str = attrs.field(default=r"^\s*(totaal|lasten|baten|saldo)\b.*", validator=of(str))
    tolerance: Decimal = attrs.field(default=Decimal(0), converter=to_amount)
    """How far a printed total or derived cell may be from what its figures give."""
    province: str = attrs.field(default="", validator=of(str))
    budget_year: int | None = attrs.field(default=None, validator=optional(int))
    kind: DocumentKind = attrs.field(default=DocumentKind.BEGROTING, validator=of(DocumentKind))

    def __attrs_post_init__(self) -> None:
        if self.layout is Layout.LONG and (self.year is None or self.amount is None):
            raise InvalidValueError("Mapping: a long layout needs a year and an amount column")
        if self.layout is Layout.WIDE and not self.columns and self.year_columns is None:
            raise InvalidValueError("Mapping: a wide layout needs columns or year_columns")
        for code in (*self.codes.values(), *self.names):
            Code(code)
        for pattern in (self.code_pattern, self.flow_pattern, self.totals):
            if pattern is not None:
                re.compile(pattern)


_TOP_KEYS = (
    "sheet", "header_rows", "code", "code_pattern", "codes", "names", "title", "parent", "layout",
    "columns", "year_columns", "derived", "year", "amount", "budget_column", "unit", "flow",
    "flow_column", "total_column", "flow_pattern", "nature", "totals", "tolerance", "budget",
)  # fmt: skip
_COLUMN_REF_KEYS = ("header", "aliases")
_AMOUNT_COLUMN_KEYS = (*_COLUMN_REF_KEYS, "budget_column", "year")
_DERIVED_KEYS = (*_COLUMN_REF_KEYS, "definition")
_YEAR_COLUMNS_KEYS = ("pattern", "kinds", "budget_column")
_BUDGET_KEYS = ("province", "year", "kind")
_DEFINITIONS = ("actueel", "ruimte")


def _shown(value: Any) -> str:
    if value is None:
        return "nothing"
    return f"{_TOML_TYPES.get(type(value), type(value).__name__)} {value!r}"


_TOML_TYPES = {str: "text", int: "integer", float: "float", bool: "boolean", list: "array"}
_TOML_TYPES[dict] = "table"


def _toml_key(key: str) -> str:
    """A key as a TOML path writes it: bare when it can be, else quoted."""
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)


class _Reader:
    """Reads the tables of a mapping file, noting every bad key with its TOML path."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def problem(self, key: str, message: str) -> None:
        self.problems.append(Problem(where=f"{self.source}: {key}", message=message))

    def table(self, value: Any, key: str, keys: tuple[str, ...]) -> dict[str, Any] | None:
        """`value` as a table whose keys are all among `keys`; None when it is no table."""
        if not isinstance(value, dict):
            self.problem(key, f"expected a table, got {_shown(value)}")
            return None
        for unknown in sorted(set(value) - set(keys)):
            where = f"{key}.{_toml_key(unknown)}" if key else _toml_key(unknown)
            self.problem(where, f"unknown key: expected one of {', '.join(keys)}")
        return value

    def tables(self, value: Any, key: str) -> list[dict[str, Any] | None]:
        """An array of tables; an item that is no table is reported and given as None."""
        if not isinstance(value, list):
            self.problem(key, f"expected an array of tables ([[{key}]]), got {_shown(value)}")
            return []
        found: list[dict[str, Any] | None] = []
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                self.problem(f"{key}[{i}]", f"expected a table, got {_shown(item)}")
            found.append(item if isinstance(item, dict) else None)
        return found

    def text(self, value: Any, key: str) -> str | None:
        if isinstance(value, str):
            return value
        self.problem(key, f"expected text, got {_shown(value)}")
        return None

    def whole(self, value: Any, key: str, low: int, high: int, what: str) -> int | None:
        if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
            return value
        self.problem(key, f"expected {what}, got {_shown(value)}")
        return None

    def pattern(self, value: Any, key: str, group: str | int) -> str | None:
        """A regular expression with the group that the reader takes from it."""
        text = self.text(value, key)
        if text is None:
            return None
        try:
            compiled = re.compile(text)
        except re.error as exc:
            self.problem(key, f"not a valid regular expression: {exc}")
            return None
        if isinstance(group, str) and group not in compiled.groupindex:
            self.problem(key, f"expected a group named {group}, as in (?P<{group}>...)")
            return None
        if isinstance(group, int) and compiled.groups < group:
            self.problem(key, "expected a group (...) around the part to take")
            return None
        return text

    def choice(self, kind: type[enum.Enum], value: Any, key: str) -> Any:
        for member in kind:
            if isinstance(value, str) and member.value.casefold() == value.casefold():
                return member
        labels = ", ".join(repr(member.value) for member in kind)
        self.problem(key, f"expected one of {labels}, got {_shown(value)}")
        return None

    def column_ref(self, value: Any, key: str, keys: tuple[str, ...]) -> ColumnRef | None:
        """A header text, or a table with `header` and `aliases` (and the other `keys`)."""
        if isinstance(value, str):
            return ColumnRef(header=value)
        if not isinstance(value, dict):
            self.problem(
                key,
                f"expected a header text or {{header = ..., aliases = [...]}}, got {_shown(value)}",
            )
            return None
        self.table(value, key, keys)
        header = self.text(value.get("header"), f"{key}.header")
        aliases = value.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            self.problem(f"{key}.aliases", f"expected an array of texts, got {_shown(aliases)}")
            return None
        return None if header is None else ColumnRef(header=header, aliases=tuple(aliases))

    def tolerance(self, value: Any, key: str) -> Decimal | None:
        amount: Decimal | None = None
        if isinstance(value, int) and not isinstance(value, bool):
            amount = Decimal(value)
        elif isinstance(value, float | str):
            with contextlib.suppress(InvalidOperation):
                amount = Decimal(str(value))
        if amount is None or not amount.is_finite() or amount < 0:
            self.problem(key, f"expected a number of zero or more, got {_shown(value)}")
            return None
        return amount


def mapping_from_dict(data: MappingType[str, Any], source: str = "mapping") -> Mapping:
    """A `Mapping` from the tables of a mapping file.

    Raises `MappingError` naming every bad key by its TOML path (`columns[1].budget_column`):
    unknown keys, values of the wrong type, unknown labels, and patterns that do not compile
    or lack the group the reader takes.
    """
    read = _Reader(source)
    top = read.table(dict(data), "", _TOP_KEYS) or {}
    args: dict[str, Any] = {}

    def put(key: str, value: Any) -> None:
        if value is not None:
            args[key] = value

    if "sheet" in top:
        put("sheet", read.text(top["sheet"], "sheet"))
    if "header_rows" in top:
        rows = top["header_rows"]
        if isinstance(rows, list) and rows:
            numbers = [
                read.whole(row, f"header_rows[{i}]", 1, 1_048_576, "a row number from 1")
                for i, row in enumerate(rows)
            ]
            if all(n is not None for n in numbers):
                args["header_rows"] = tuple(numbers)
        else:
            read.problem("header_rows", f"expected an array of row numbers, got {_shown(rows)}")
    if "code" in top:
        put("code", read.column_ref(top["code"], "code", _COLUMN_REF_KEYS))
    else:
        read.problem("code", "required: the column holding each row's code")
    for key in ("title", "parent", "year", "amount", "flow_column", "total_column"):
        if key in top:
            put(key, read.column_ref(top[key], key, _COLUMN_REF_KEYS))
    if "code_pattern" in top:
        put("code_pattern", read.pattern(top["code_pattern"], "code_pattern", 1))
    if "flow_pattern" in top:
        put("flow_pattern", read.pattern(top["flow_pattern"], "flow_pattern", 1))
    if "totals" in top:
        put("totals", read.pattern(top["totals"], "totals", 0))
    if "codes" in top:
        codes = top["codes"]
        if not isinstance(codes, dict):
            read.problem("codes", f"expected a table of labels and codes, got {_shown(codes)}")
            codes = {}
        found = {}
        for label, code in codes.items():
            where = f"codes.{_toml_key(label)}"
            text = read.text(code, where)
            if text is not None:
                try:
                    found[label] = str(Code(text))
                except PrestatieError:
                    read.problem(where, f"expected a code like '7.2.3', got {text!r}")
        args["codes"] = found
    if "names" in top:
        names = top["names"]
        if not isinstance(names, dict):
            read.problem("names", f"expected a table of codes and names, got {_shown(names)}")
            names = {}
        args["names"] = {}
        for code, name in names.items():
            where = f"names.{_toml_key(code)}"
            try:
                key = str(Code(code))
            except PrestatieError:
                read.problem(where, f"expected a code like '7.2.3' as the key, got {code!r}")
                continue
            text = read.text(name, where)
            if text is not None:
                args["names"][key] = text
    enums: dict[str, type[enum.Enum]] = {
        "layout": Layout,
        "budget_column": BudgetColumn,
        "unit": Unit,
        "flow": Flow,
        "nature": Nature,
    }
    for key, kind in enums.items():
        if key in top:
            put(key, read.choice(kind, top[key], key))
    if "tolerance" in top:
        put("tolerance", read.tolerance(top["tolerance"], "tolerance"))
    budget = read.table(top.get("budget", {}), "budget", _BUDGET_KEYS) or {}
    if "province" in budget:
        put("province", read.text(budget["province"], "budget.province"))
    if "year" in budget:
        put("budget_year", read.whole(budget["year"], "budget.year", 1000, 9999, "a year"))
    if "kind" in budget:
        put("kind", read.choice(DocumentKind, budget["kind"], "budget.kind"))
    columns = []
    for i, column in enumerate(read.tables(top.get("columns", []), "columns")):
        key = f"columns[{i}]"
        if column is None:
            continue
        ref = read.column_ref(column, key, _AMOUNT_COLUMN_KEYS)
        year = column.get("year", budget.get("year"))
        year = read.whole(year, f"{key}.year", 1000, 9999, "a year (or [budget] year)")
        budget_column = read.choice(
            BudgetColumn, column.get("budget_column"), f"{key}.budget_column"
        )
        if ref is not None and year is not None and budget_column is not None:
            columns.append(AmountColumn(column=ref, budget_column=budget_column, year=year))
    args["columns"] = tuple(columns)
    if "year_columns" in top:
        spec = read.table(top["year_columns"], "year_columns", _YEAR_COLUMNS_KEYS)
        if spec is not None:
            pattern = read.pattern(
                spec.get("pattern", r"(?P<year>[0-9]{4})"), "year_columns.pattern", "year"
            )
            kinds_table = spec.get("kinds", {})
            kinds = {}
            if isinstance(kinds_table, dict):
                for name, value in kinds_table.items():
                    where = f"year_columns.kinds.{_toml_key(name)}"
                    kinds[name] = read.choice(BudgetColumn, value, where)
            else:
                read.problem("year_columns.kinds", f"expected a table, got {_shown(kinds_table)}")
            budget_column = read.choice(
                BudgetColumn, spec.get("budget_column", "primitief"), "year_columns.budget_column"
            )
            if pattern is not None and budget_column is not None and None not in kinds.values():
                args["year_columns"] = YearColumns(
                    pattern=pattern, kinds=kinds, budget_column=budget_column
                )
    derived = []
    for i, column in enumerate(read.tables(top.get("derived", []), "derived")):
        key = f"derived[{i}]"
        if column is None:
            continue
        ref = read.column_ref(column, key, _DERIVED_KEYS)
        definition = column.get("definition")
        if definition not in _DEFINITIONS:
            read.problem(
                f"{key}.definition",
                f"expected 'actueel' (primitief + wijziging) or 'ruimte' (actueel −"
                f" gerealiseerd), got {_shown(definition)}",
            )
        elif ref is not None:
            derived.append(DerivedColumn(column=ref, definition=definition))
    args["derived"] = tuple(derived)
    layout = args.get("layout", None if "layout" in top else Layout.WIDE)
    if layout is Layout.LONG:
        for key in ("year", "amount"):
            if key not in top:
                read.problem(key, f"required for layout = 'long': the {key} column")
    elif layout is Layout.WIDE and "columns" not in top and "year_columns" not in top:
        read.problem(
            "columns",
            "required for layout = 'wide': [[columns]] or [year_columns] for the amounts",
        )
    if read.problems:
        raise MappingError(read.problems, source=source)
    try:
        return Mapping(**args)
    except (PrestatieError, TypeError, ValueError, re.error) as exc:
        raise MappingError([Problem(where=source, message=str(exc))], source=source) from None


def load_mapping(path: str | os.PathLike[str]) -> Mapping:
    """The mapping in a TOML file; `MappingError` names the file and each bad key."""
    source = Path(path)
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    except OSError as exc:
        raise MappingError(
            [Problem(where=str(source), message=f"cannot read: {exc}")], source=str(source)
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise MappingError([Problem(where=str(source), message=f"not valid TOML: {exc}")]) from None
    return mapping_from_dict(data, str(source))

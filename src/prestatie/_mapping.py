"""Declared mappings: where each part of the model sits in a foreign budget sheet.

A mapping is an attrs object or a small TOML file (see `examples/mappings/`). It names the
sheet and its header rows, the column holding each row's code, and the columns holding
amounts, either one per year ("wide") or a year column and an amount column ("long").
"""

from __future__ import annotations

import enum
import os
import re
import tomllib
from collections.abc import Mapping as MappingType
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

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
        for pattern in (self.code_pattern, self.flow_pattern, self.totals):
            if pattern is not None:
                re.compile(pattern)


def _enum(kind: type[enum.Enum], value: Any, key: str, problems: list[Problem]) -> Any:
    for member in kind:
        if isinstance(value, str) and member.value.casefold() == value.casefold():
            return member
    labels = ", ".join(repr(member.value) for member in kind)
    problems.append(Problem(where=key, message=f"expected one of {labels}, got {value!r}"))
    return next(iter(kind))


def _column_ref(value: Any, key: str, problems: list[Problem]) -> ColumnRef | None:
    if value is None:
        return None
    if isinstance(value, str):
        return ColumnRef(header=value)
    if isinstance(value, dict) and isinstance(value.get("header"), str):
        aliases = value.get("aliases", [])
        if isinstance(aliases, list) and all(isinstance(alias, str) for alias in aliases):
            return ColumnRef(header=value["header"], aliases=tuple(aliases))
    problems.append(
        Problem(
            where=key,
            message=f"expected a header text or {{header = ..., aliases = [...]}}, got {value!r}",
        )
    )
    return None


_KEYS = {
    "sheet", "header_rows", "code", "code_pattern", "codes", "title", "parent", "layout",
    "columns", "year_columns", "derived", "year", "amount", "budget_column", "unit", "flow",
    "flow_column", "total_column", "flow_pattern", "nature", "totals", "tolerance", "budget",
}  # fmt: skip


def mapping_from_dict(data: MappingType[str, Any], source: str = "mapping") -> Mapping:
    """A `Mapping` from the tables of a mapping file; `MappingError` names each bad key."""
    problems: list[Problem] = []

    def where(key: str) -> str:
        return f"{source}: {key}"

    for key in sorted(set(data) - _KEYS):
        problems.append(Problem(where=where(key), message="unknown key"))
    args: dict[str, Any] = {}
    for key in ("sheet", "code_pattern", "flow_pattern", "totals"):
        if key in data:
            args[key] = data[key]
    if "header_rows" in data:
        args["header_rows"] = tuple(data["header_rows"])
    if "codes" in data:
        args["codes"] = dict(data["codes"])
    for key in ("code", "title", "parent", "year", "amount", "flow_column", "total_column"):
        if key in data:
            args[key] = _column_ref(data[key], where(key), problems)
    enums: dict[str, type[enum.Enum]] = {
        "layout": Layout,
        "budget_column": BudgetColumn,
        "unit": Unit,
        "flow": Flow,
        "nature": Nature,
    }
    for key, kind in enums.items():
        if key in data:
            args[key] = _enum(kind, data[key], where(key), problems)
    if "tolerance" in data:
        args["tolerance"] = Decimal(str(data["tolerance"]))
    columns = []
    for i, column in enumerate(data.get("columns", [])):
        key = f"columns[{i}]"
        ref = _column_ref(column, where(key), problems)
        year = column.get("year", data.get("budget", {}).get("year"))
        if not isinstance(year, int):
            problems.append(
                Problem(where=where(f"{key}.year"), message=f"expected a year, got {year!r}")
            )
            year = 0
        budget_column = _enum(
            BudgetColumn, column.get("budget_column"), where(f"{key}.budget_column"), problems
        )
        if ref is not None:
            columns.append(AmountColumn(column=ref, budget_column=budget_column, year=year))
    args["columns"] = tuple(columns)
    if "year_columns" in data:
        spec = data["year_columns"]
        kinds = {
            name: _enum(BudgetColumn, value, where(f"year_columns.kinds.{name}"), problems)
            for name, value in spec.get("kinds", {}).items()
        }
        args["year_columns"] = YearColumns(
            pattern=spec.get("pattern", r"(?P<year>\d{4})"),
            kinds=kinds,
            budget_column=_enum(
                BudgetColumn,
                spec.get("budget_column", "primitief"),
                where("year_columns.budget_column"),
                problems,
            ),
        )
    derived = []
    for i, column in enumerate(data.get("derived", [])):
        ref = _column_ref(column, where(f"derived[{i}]"), problems)
        if ref is not None:
            derived.append(DerivedColumn(column=ref, definition=column.get("definition", "")))
    args["derived"] = tuple(derived)
    budget = data.get("budget", {})
    args["province"] = budget.get("province", "")
    args["budget_year"] = budget.get("year")
    if "kind" in budget:
        args["kind"] = _enum(DocumentKind, budget["kind"], where("budget.kind"), problems)
    if "code" not in data:
        problems.append(Problem(where=where("code"), message="required: the code column"))
    if problems:
        raise MappingError(problems, source=source)
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

"""Declared mappings: where each part of the model sits in a foreign budget sheet.

A mapping names the sheet and its header rows, the column holding each row's code, and the
columns holding amounts: one per year and budget column ("wide"), a year column and an amount
column ("long"), or the targets and measured values of indicators ("indicators").
`docs/mappings.md` describes every field as a TOML key; `prestatie._foreign.load` reads them
from TOML.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping as MappingType
from decimal import Decimal

import attrs
from openpyxl.utils import column_index_from_string

from prestatie._code import Code
from prestatie._errors import InvalidValueError
from prestatie._language import N_
from prestatie._model import BudgetColumn, DocumentKind, Flow, MutationKind, Nature
from prestatie._money import ZERO, Unit, non_negative_amount
from prestatie._validate import of, optional, tuple_of
from prestatie._xlsx.columns import normalise_header

_LEADING_ZEROS = re.compile(r"(?<![0-9])0+(?=[0-9])")


def printed_code(text: str) -> Code:
    """A code as provinces print it: leading zeros (`01`, `01.01`) do not count."""
    return Code(_LEADING_ZEROS.sub("", text.strip()))


@attrs.frozen(kw_only=True)
class ColumnRef:
    """A column found by its header, or by any of its aliases, or by its letter."""

    header: str = attrs.field(default="", validator=of(str))
    aliases: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    letter: str | None = attrs.field(default=None, validator=optional(str))
    """The column's letter ("A"), for a column the sheet gives no header."""

    def __attrs_post_init__(self) -> None:
        if self.letter is not None:
            column_index_from_string(self.letter.upper())  # refuses "A1", "" with ValueError
        elif not self.header:
            raise InvalidValueError(
                N_("expected a header text or a letter"),
                owner="ColumnRef",
                field="header",
                code="column-unnamed",
            )

    def matches(self, header: str) -> bool:
        names = (self.header, *self.aliases)
        return normalise_header(header) in {normalise_header(name) for name in names}

    def __str__(self) -> str:
        return repr(self.header) if self.letter is None else f"column {self.letter}"


class Layout(enum.Enum):
    """How the amounts of a row are laid out."""

    WIDE = "wide"
    """One column per amount, each with its year and budget column."""
    LONG = "long"
    """A year column and an amount column; rows with the same key are added up."""
    INDICATORS = "indicators"
    """One indicator per row: its baseline and a target per year column."""


class Saldo(enum.Enum):
    """How a table computes its saldo; both occur."""

    LASTEN_MIN_BATEN = "lasten - baten"
    BATEN_MIN_LASTEN = "baten - lasten"

    def of(self, lasten: Decimal, baten: Decimal) -> Decimal:
        return lasten - baten if self is Saldo.LASTEN_MIN_BATEN else baten - lasten

    def sign(self, flow: Flow) -> int:
        """The sign a flow's amount has in the saldo."""
        return (1 if flow is Flow.LASTEN else -1) * (1 if self is Saldo.LASTEN_MIN_BATEN else -1)


class Definition(enum.Enum):
    """What a derived column holds."""

    ACTUEEL = "actueel"
    """Primitief + wijziging."""
    RUIMTE = "ruimte"
    """Actueel − gerealiseerd."""


@attrs.frozen(kw_only=True)
class AmountColumn(ColumnRef):
    """One column of amounts in a wide layout, with the year and budget column it holds."""

    budget_column: BudgetColumn = attrs.field(validator=of(BudgetColumn))
    year: int = attrs.field(validator=of(int))
    flow: Flow | None = attrs.field(default=None, validator=optional(Flow))
    """The flow the column holds; by default the row's. A saldo column beside lasten and
    baten columns of the same year is checked, not imported."""


@attrs.frozen(kw_only=True)
class YearColumns:
    """Wide amount columns recognised by a pattern, such as "Begroting 2018" or "2019".

    The pattern must have a group named `year`; a group named `kind` picks the budget column
    from `kinds` (e.g. Jaarrekening → gerealiseerd), otherwise `budget_column` applies; a
    group named `flow` picks the flow from `flows` (or the flow's own name: Lasten, Baten,
    Saldo), otherwise `flow` applies.
    """

    pattern: str = attrs.field(default=r"(?P<year>[0-9]{4})", validator=of(str))
    kinds: MappingType[str, BudgetColumn] = attrs.field(factory=dict)
    budget_column: BudgetColumn = attrs.field(
        default=BudgetColumn.PRIMITIEF, validator=of(BudgetColumn)
    )
    flows: MappingType[str, Flow] = attrs.field(factory=dict)
    flow: Flow | None = attrs.field(default=None, validator=optional(Flow))

    def match(self, header: str) -> tuple[BudgetColumn, int, Flow | None] | None:
        found = re.fullmatch(self.pattern, " ".join(header.split()), flags=re.IGNORECASE)
        if found is None:
            return None
        groups = found.groupdict()
        column, flow = self.budget_column, self.flow
        if groups.get("kind") is not None:
            kinds = {normalise_header(k): v for k, v in self.kinds.items()}
            column = kinds.get(normalise_header(groups["kind"]), column)
        if groups.get("flow") is not None:
            flows = {flow.value: flow for flow in Flow}
            flows.update({normalise_header(k): v for k, v in self.flows.items()})
            flow = flows.get(normalise_header(groups["flow"]), flow)
        return column, int(found["year"]), flow


@attrs.frozen(kw_only=True)
class DerivedColumn(ColumnRef):
    """A column that is checked against its definition, never imported."""

    definition: Definition = attrs.field(validator=of(Definition))
    year: int | None = attrs.field(default=None, validator=optional(int))
    """The year it derives from; by default the year in its header, or every year."""
    sign: int = attrs.field(default=1, validator=attrs.validators.in_((1, -1)))
    """-1 for a column printed the other way round: "Realisatie t.o.v. Actuele Begroting" is
    gerealiseerd − actueel, the ruimte with its sign turned."""


@attrs.frozen(kw_only=True)
class BudgetInfo:
    """What the sheet does not say about the budget it belongs to."""

    province: str = attrs.field(default="", validator=of(str))
    year: int | None = attrs.field(default=None, validator=optional(int))
    kind: DocumentKind = attrs.field(default=DocumentKind.BEGROTING, validator=of(DocumentKind))


_NATURES = {"structureel": Nature.STRUCTUREEL, "niet structureel": Nature.INCIDENTEEL}
_NATURES["incidenteel"] = Nature.INCIDENTEEL


def _tolerance(value: Decimal | int) -> Decimal:
    return non_negative_amount(value, "tolerance")


@attrs.frozen(kw_only=True)
class Mapping:
    """Where a foreign sheet keeps the parts of a budget.

    Each data row belongs to the programme, objective or prestatie whose code stands in the
    `code` column (or is found there by `code_pattern`, or is named in `codes`); one part is
    a programme (`7`), two an objective (`7.2`), three a prestatie (`7.2.3`). A row with a
    code and no amounts is a heading: the rows under it without a code of their own are its
    lines ("Organisatiekosten"), added up. A row whose label matches `totals` is a totals
    row: it is checked, not imported.
    """

    sheet: str | None = attrs.field(default=None, validator=optional(str))
    """The sheet's name; by default the first sheet."""
    header_rows: tuple[int, ...] = attrs.field(default=(1,), validator=tuple_of(int))
    """The rows (counted from 1) whose cells, joined, make each column's header."""
    group_rows: tuple[int, ...] = attrs.field(default=(), validator=tuple_of(int))
    """Header rows whose text heads a group of columns: a blank cell takes the text to its
    left, as "Begroting 2024" above Lasten | Baten | Saldo."""
    code: ColumnRef = attrs.field(validator=of(ColumnRef))
    code_pattern: str | None = attrs.field(default=None, validator=optional(str))
    """A pattern whose groups, joined by dots, are the code: "Lasten BD 7.1", "DOEL 1-1"."""
    codes: MappingType[str, str] = attrs.field(factory=dict)
    """Codes for labels that carry none, such as "Personeelsgebonden kosten" = "7"."""
    names: MappingType[str, str] = attrs.field(factory=dict)
    """Names for codes whose rows give none, such as "7" = "Kwaliteit openbaar bestuur"."""
    owner: str | None = attrs.field(default=None, validator=optional(str))
    """The code of rows that have none and no heading above them gives one."""
    title: ColumnRef | None = attrs.field(default=None, validator=optional(ColumnRef))
    parent: ColumnRef | None = attrs.field(default=None, validator=optional(ColumnRef))
    layout: Layout = attrs.field(default=Layout.WIDE, validator=of(Layout))
    columns: tuple[AmountColumn, ...] = attrs.field(default=(), validator=tuple_of(AmountColumn))
    year_columns: YearColumns | None = attrs.field(default=None, validator=optional(YearColumns))
    derived: tuple[DerivedColumn, ...] = attrs.field(default=(), validator=tuple_of(DerivedColumn))
    year: ColumnRef | None = attrs.field(default=None, validator=optional(ColumnRef))
    amount: ColumnRef | None = attrs.field(default=None, validator=optional(ColumnRef))
    baseline: ColumnRef | None = attrs.field(default=None, validator=optional(ColumnRef))
    """An indicator table's baseline (nulmeting) column."""
    realised: str = attrs.field(default=r"meetwaarde (?P<year>[0-9]{4})", validator=of(str))
    """An indicator table's headers of measured values ("Meetwaarde 2023"), matched whole;
    the group named `year` is the year measured."""
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
    flow_pattern: str | None = attrs.field(
        default=r"^\s*(lasten|baten|saldo)\b", validator=optional(str)
    )
    """A pattern on the code column's label whose first group is "lasten", "baten" or
    "saldo": on a row with amounts it is the row's flow, on a heading the flow of the rows
    under it."""
    nature: Nature = attrs.field(default=Nature.STRUCTUREEL, validator=of(Nature))
    natures: MappingType[str, Nature] = attrs.field(factory=lambda: dict(_NATURES))
    """Row labels that are lines of one nature: "Niet structureel" = "incidenteel"."""
    negative: tuple[Flow, ...] = attrs.field(default=(), validator=tuple_of(Flow))
    """Flows the sheet prints as negative numbers, such as baten."""
    saldo: Saldo = attrs.field(default=Saldo.LASTEN_MIN_BATEN, validator=of(Saldo))
    """How the sheet's saldo rows and columns are computed."""
    totals: str = attrs.field(default=r"^\s*(totaal|lasten|baten|saldo)\b.*", validator=of(str))
    budget_rows: MappingType[str, BudgetColumn] = attrs.field(factory=dict)
    """Row-label patterns that set the budget column of the row's amounts, for tables that
    put "begroting", "wijziging" and "na wijziging" in rows: "^- I 2" = "wijziging"."""
    reserve_rows: MappingType[str, MutationKind] = attrs.field(factory=dict)
    """Row-label patterns of reserve mutations: "^Vorming" = "toevoeging". Such a row is a
    mutation of the reserve its label names, as printed, for the programme or objective above
    it; in the totals under it a toevoeging counts as lasten, an onttrekking as baten."""
    saldo_totals: str = attrs.field(default=r"^\s*saldo\b", validator=of(str))
    """Totals rows that combine lasten and baten by `saldo`, rather than add them up."""
    grand_totals: str | None = attrs.field(default=None, validator=optional(str))
    totals_above: str | None = attrs.field(default=None, validator=optional(str))
    """Totals rows that stand above their parts: they add up the rows under them, up to the
    next total or the end of the table."""
    """Totals rows that add up every row above them, not just those since the last total."""
    skip: str | None = attrs.field(default=None, validator=optional(str))
    """Rows that count in the totals under them but are not imported."""
    taakveld_pattern: str | None = attrs.field(default=None, validator=optional(str))
    """A pattern on heading rows whose first group is the taakveld of the rows under them."""
    tolerance: Decimal = attrs.field(default=ZERO, converter=_tolerance)
    """How far a printed total or derived cell may be from what its figures give."""
    budget: BudgetInfo = attrs.field(factory=BudgetInfo, validator=of(BudgetInfo))

    def __attrs_post_init__(self) -> None:
        if self.layout is Layout.LONG and (self.year is None or self.amount is None):
            raise InvalidValueError("Mapping: a long layout needs a year and an amount column")
        if self.layout is not Layout.LONG and not self.columns and self.year_columns is None:
            raise InvalidValueError("Mapping: a wide layout needs columns or year_columns")
        for code in (*self.codes.values(), *self.names, *([self.owner] if self.owner else [])):
            printed_code(code)
        patterns = (self.code_pattern, self.flow_pattern, self.totals, self.saldo_totals)
        for pattern in (*patterns, self.grand_totals, self.totals_above):
            if pattern is not None:
                re.compile(pattern)
        for pattern in (self.skip, self.taakveld_pattern, self.realised, *self.reserve_rows):
            if pattern is not None:
                re.compile(pattern)

    @property
    def province(self) -> str:
        return self.budget.province

    @property
    def budget_year(self) -> int | None:
        return self.budget.year

    @property
    def kind(self) -> DocumentKind:
        return self.budget.kind

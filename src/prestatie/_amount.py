"""The amounts of the model: lasten and baten per year and budget column, and the mutations
of reserves, each in the budget's unit."""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any, NamedTuple

import attrs

from prestatie._language import N_
from prestatie._money import to_amount
from prestatie._taakveld import TAAKVELD
from prestatie._validate import is_year, of, optional, refused


class Flow(enum.Enum):
    """Expenses and income are kept apart, never one as the negative of the other."""

    LASTEN = "lasten"
    BATEN = "baten"
    SALDO = "saldo"
    """A net amount, lasten − baten, where a table prints only that: kept apart from lasten
    and baten, never split into them."""


class BudgetColumn(enum.Enum):
    """The columns of a budget table: as adopted, changes, current, realised."""

    PRIMITIEF = "primitief"
    WIJZIGING = "wijziging"
    ACTUEEL = "actueel"
    GEREALISEERD = "gerealiseerd"


class Nature(enum.Enum):
    """Whether an amount recurs every year or is one-off (at most four budget years)."""

    STRUCTUREEL = "structureel"
    INCIDENTEEL = "incidenteel"


class MutationKind(enum.Enum):
    """A reserve mutation: money put into a reserve, or taken out of it."""

    TOEVOEGING = "toevoeging"
    ONTTREKKING = "onttrekking"


def _taakveld(instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    optional(str)(instance, attribute, value)
    if value is not None and not TAAKVELD.fullmatch(value):
        raise refused(
            instance,
            attribute,
            "not-a-taakveld",
            N_("expected a taakveld like '0.6', got {value!r}"),
            value=value,
        )


@attrs.frozen(kw_only=True)
class Amount:
    """One amount of a prestatie (or objective, or programme) for one year and one column.

    `value` is in the budget's `unit`.
    """

    flow: Flow = attrs.field(validator=of(Flow))
    column: BudgetColumn = attrs.field(validator=of(BudgetColumn))
    nature: Nature = attrs.field(validator=of(Nature))
    year: int = attrs.field(validator=is_year)
    value: Decimal = attrs.field(converter=to_amount)
    category: str = attrs.field(default="", validator=of(str))
    """The line it is booked on, as printed (apparaatskosten, kapitaallasten, …); empty for
    the owner's one line."""
    change: str = attrs.field(default="", validator=of(str))
    """The begrotingswijziging that made a change (a `WIJZIGING`), as printed: "3 - 2023"."""
    taakveld: str | None = attrs.field(default=None, validator=_taakveld)
    """The BBV taakveld the amount is booked on, such as "0.6" (Overhead), when known."""
    funding: str | None = attrs.field(default=None, validator=optional(str))
    """The reserve it is funded from ("gedekt door"), by name."""

    @property
    def key(self) -> AmountKey:
        """What identifies the amount within its owner."""
        return AmountKey(
            self.flow,
            self.column,
            self.nature,
            self.year,
            self.taakveld,
            self.category,
            self.change,
        )


class AmountKey(NamedTuple):
    """What identifies an amount within its owner (`Amount.key`)."""

    flow: Flow
    column: BudgetColumn
    nature: Nature
    year: int
    taakveld: str | None
    category: str
    change: str

    def describe(self) -> str:
        """As a message names it: "lasten primitief structureel 2018 taakveld 0.6
        (apparaatskosten)"."""
        text = f"{self.flow.value} {self.column.value} {self.nature.value} {self.year}"
        if self.taakveld:
            text += f" taakveld {self.taakveld}"
        extra = [part for part in (self.category, self.change) if part]
        return f"{text} ({', '.join(extra)})" if extra else text


_ORDER = {m: index for kind in (Flow, BudgetColumn, Nature) for index, m in enumerate(kind)}


def in_key_order(amounts: Any) -> Any:
    """Amounts in the order of their keys (flow, column and nature as their enums list them,
    then taakveld, line category, begrotingswijziging, funding and year), so that an owner's
    amounts have one order and no order needs storing; any other value is left for the
    validator to refuse."""
    if not isinstance(amounts, tuple) or not all(isinstance(a, Amount) for a in amounts):
        return amounts
    return tuple(sorted(amounts, key=amount_order))


def amount_order(amount: Amount) -> tuple[int, int, int, str, str, str, str, int]:
    """What `in_key_order` sorts amounts by: its key, the enums as they list their members,
    no taakveld before any."""
    return (
        _ORDER[amount.flow],
        _ORDER[amount.column],
        _ORDER[amount.nature],
        amount.taakveld or "",
        amount.category,
        amount.change,
        amount.funding or "",
        amount.year,
    )


@attrs.frozen(kw_only=True)
class ReserveMutation:
    """A toevoeging to or onttrekking from a reserve, for one year and one column, in the
    budget's unit."""

    kind: MutationKind = attrs.field(validator=of(MutationKind))
    reserve: str = attrs.field(validator=of(str))
    """The reserve as printed: "Algemene reserve (egalisatie)"."""
    column: BudgetColumn = attrs.field(validator=of(BudgetColumn))
    year: int = attrs.field(validator=is_year)
    value: Decimal = attrs.field(converter=to_amount)
    change: str = attrs.field(default="", validator=of(str))
    """The begrotingswijziging that made it, as printed."""

"""What a sheet of the budget workbook is made of: columns with their headers and codecs,
the model fields they hold, the owners that child rows name, and the year columns of
Lasten en baten. `schema` declares the sheets with them."""

from __future__ import annotations

import enum
import re
from typing import Any

import attrs

from prestatie._language import N_
from prestatie._money import Unit
from prestatie._xlsx.cells import CellValue
from prestatie._xlsx.codecs import (
    AMOUNT,
    NO,
    OPTIONAL_INTEGER,
    YES,
    CellError,
    Codec,
    enum_codec,
    is_blank,
)


class Owner(enum.Enum):
    """What a row of a child sheet belongs to."""

    BEGROTING = "begroting"
    PROGRAMMA = "programma"
    DOEL = "doel"
    PRESTATIE = "prestatie"
    AMBITIE = "ambitie"
    ACTIE = "actie"
    INDICATOR = "indicator"


def owner_codec(*owners: Owner, blank: Owner | None = None) -> Codec:
    """The codec of a column naming one of `owners`; a blank cell reads as `blank`, if given."""
    codec = enum_codec(Owner, optional=False)
    labels = tuple(owner.value for owner in owners)

    shown = ", ".join(repr(label) for label in labels)

    def read(value: CellValue) -> Owner:
        if blank is not None and is_blank(value):
            return blank
        try:
            owner = codec.read(value)
        except CellError:
            raise CellError(N_("one of {labels}"), labels=shown) from None
        if owner not in owners:
            raise CellError(N_("one of {labels}"), labels=shown)
        assert isinstance(owner, Owner)
        return owner

    return attrs.evolve(codec, read=read, choices=labels)


@attrs.frozen
class Column:
    """One column of a sheet: its Dutch header, the model field it holds, and its codec."""

    header: str
    key: str
    """The field, as a dotted path from the row's object (`duration.kind`)."""
    codec: Codec
    required: bool = False
    """Whether a sheet without this column is a problem (else its cells read as blank)."""
    doc: str = ""
    required_when: str = ""
    """When an optional column must be filled after all, in Dutch (the Toelichting shows it)."""

    @property
    def optional(self) -> bool:
        """Whether the column may be left out, or blank in every row, whatever the rest of
        the row holds: the Toelichting's "Verplicht: nee"."""
        return self.may_be_left_out and not self.required_when

    @property
    def may_be_left_out(self) -> bool:
        """Whether a sheet without this column is read (its cells as blank)."""
        if self.required:
            return False
        try:
            self.codec.read(None)
        except CellError:
            return False
        return True

    @property
    def obligation(self) -> str:
        """The Toelichting's "Verplicht": ja, nee, or when."""
        if self.optional:
            return NO
        return f"{YES}, {self.required_when}" if self.required_when else YES


@attrs.frozen
class Parent:
    """How the rows of a child sheet name their parent, for the writer that fills the columns
    and the reader that finds a parent's rows by them."""

    columns: tuple[str, ...]
    """The keys of the columns that together name the parent, such as its level, its code
    and its part (an indicator's position, an action's number)."""
    named_at: str
    """The column a problem about a missing parent is placed at: the one naming it."""
    owner: Owner | None = None
    """What the parent is, where the rows name one kind of parent; None where the first of
    `columns` names the parent's level."""

    def key(self, values: dict[str, Any]) -> Any:
        """The parent a row names, from the row's values by column key: the value of the one
        column, or the values of several as a tuple."""
        key = tuple(values[column] for column in self.columns)
        return key[0] if len(key) == 1 else key

    def place(self, key: Any, position: int | None = None) -> dict[str, Any]:
        """The values of the columns that place a row under the parent `key` (as `key`
        gives it) and, if given, at `position` among its siblings."""
        parts = key if len(self.columns) > 1 else (key,)
        values = dict(zip(self.columns, parts, strict=True))
        if position is not None:
            values["position"] = position
        return values


def parent_of(sheet: Sheet) -> Parent:
    """How the rows of a child sheet name their parent; KeyError for a sheet of no parent."""
    if sheet.parent is None:
        raise KeyError(f"{sheet.name} names no parent")
    return sheet.parent


def _model_paths(sheet: Sheet) -> tuple[tuple[str, tuple[str, ...]], ...]:
    names = {field.name for field in attrs.fields(sheet.model)} if sheet.model else set()
    paths = ((column.key, tuple(column.key.split("."))) for column in sheet.columns)
    return tuple((key, parts) for key, parts in paths if parts[0] in names)


@attrs.frozen(eq=False)
class Sheet:
    """A sheet of the workbook with its columns in their written order.

    A row describes one object of `model`: a column whose key starts with one of its fields
    holds that field (`duration.kind` is the `kind` of its `duration`). The other columns
    place the row: its parent's key and its position among its siblings."""

    name: str
    columns: tuple[Column, ...]
    model: type | None = None
    """The model class a row describes."""
    doc: str = ""
    explanation: str = ""
    """What the sheet holds, in Dutch, for the people who fill it in (the Toelichting sheet)."""
    parent: Parent | None = None
    """How a row names its parent, on a child sheet."""
    owner: Owner | None = None
    """What a child row calls a row of this sheet in its level column, on a parent sheet."""
    key: tuple[str, ...] = ()
    """The columns whose values a child row names a row of this sheet by, on a parent sheet."""
    paths: tuple[tuple[str, tuple[str, ...]], ...] = attrs.field(
        init=False, default=attrs.Factory(_model_paths, takes_self=True)
    )
    """Each column that holds a field of `model`: its key and the key's parts."""
    fields: tuple[str, ...] = attrs.field(
        init=False,
        default=attrs.Factory(
            lambda sheet: tuple(key for key, parts in sheet.paths if len(parts) == 1),
            takes_self=True,
        ),
    )
    """The fields of `model` that a column holds as they are (not nested): what the
    model's constructor takes from a row."""

    def column(self, key: str) -> Column:
        """The column that holds field `key`."""
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)

    def header(self, key: str | None) -> str:
        """The header of the column that holds field `key`, as printed; empty if none does."""
        return next((column.header for column in self.columns if column.key == key), "")

    def values(self, item: Any) -> dict[str, Any]:
        """The value of each column that holds a field of `item` (a `model`), by key; a
        nested field of a missing object is None."""
        row: dict[str, Any] = {}
        for key, parts in self.paths:
            value = item
            for part in parts:
                value = None if value is None else getattr(value, part)
            row[key] = value
        return row

    def parent_key(self, values: dict[str, Any]) -> Any:
        """The parent a row of this child sheet names (see `Parent.key`)."""
        return parent_of(self).key(values)

    def place(self, parent: Any, position: int | None = None) -> dict[str, Any]:
        """The values of the columns that place a row of this child sheet under `parent`
        (see `Parent.place`)."""
        return parent_of(self).place(parent, position)

    def nested(self, values: dict[str, Any], field: str) -> dict[str, Any]:
        """The values of the columns that hold the fields of the model's `field` (an object),
        by the name of each: `duration.kind` → `kind`."""
        return {parts[1]: values[key] for key, parts in self.paths if parts[0] == field}


def col(
    header: str,
    key: str,
    codec: Codec,
    doc: str = "",
    *,
    required: bool = False,
    when: str = "",
) -> Column:
    """A column, declared in one line."""
    return Column(
        header=header, key=key, codec=codec, required=required, doc=doc, required_when=when
    )


ORDER = "Volgorde"


def order_column() -> Column:
    """The Volgorde column of a child sheet."""
    return col(ORDER, "position", OPTIONAL_INTEGER, "position among its siblings (1, 2, ...)")


TOTAL_LABEL = "Totaal"
"""The first cell of a totals row on Lasten en baten."""


_YEAR_HEADER = re.compile(r"\s*([0-9]{4})\s*(?:\((.*)\))?\s*")


_YEAR_KEY = "year:"


def year_column(year: int, header: str) -> Column:
    """The column of one year's amounts on Lasten en baten, under `header` (`year_header`
    writes it; a reader takes it as found)."""
    return Column(header=header, key=f"{_YEAR_KEY}{year}", codec=AMOUNT)


def year_of(key: str) -> int | None:
    """The year a column made by `year_column` holds, from its key; None for another column."""
    return int(key.removeprefix(_YEAR_KEY)) if key.startswith(_YEAR_KEY) else None


def year_header(year: int, unit: Unit) -> str:
    """The header of a year column: `2017 (x € 1.000)`."""
    return f"{year} ({unit.value})"


def parse_year_header(header: str) -> tuple[int, str | None] | None:
    """The year and unit text of a year column's header, or None if it is no year column."""
    match = _YEAR_HEADER.fullmatch(header)
    if not match:
        return None
    unit = match.group(2)
    return int(match.group(1)), (None if unit is None else unit.strip())


def normalise_header(header: str) -> str:
    """Headers match whatever their case and spacing."""
    return " ".join(header.split()).casefold()

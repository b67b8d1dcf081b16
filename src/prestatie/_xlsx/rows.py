"""The data rows read from the sheets of the budget workbook, and the index that finds the
rows under each parent and the rows whose parent is missing."""

from __future__ import annotations

import contextlib
import re
from collections import defaultdict
from collections.abc import Iterator
from typing import Any, ClassVar

import attrs

from prestatie._code import Code
from prestatie._errors import PrestatieError
from prestatie._language import Named
from prestatie._xlsx import schema
from prestatie._xlsx.columns import Owner, Sheet, parent_of


@attrs.define
class DataRow:
    """A data row: its decoded values, and where each came from.

    Cell names are made on demand from the sheet's column letters, which all rows of a
    sheet share, so that a large sheet does not hold a string per cell.
    """

    sheet: str
    number: int
    letters: dict[str, str]
    """Column key → column letter, shared by the rows of one sheet."""
    values: dict[str, Any]
    ok: bool
    position: float

    def cell(self, key: str | None = None) -> str:
        """The cell of column `key`, or the row's first cell."""
        letter = self.letters.get(key or "") or next(iter(self.letters.values()), "A")
        return f"{self.sheet}!{letter}{self.number}"

    def field_key(self, field: str) -> str | None:
        """The key of the column holding a field named as in the model
        (`reserve_link.reserve`, `end_year`), or None when no column of the row does."""
        field = re.sub(r"\[[0-9]+\]", "", field).strip(".")
        while field:
            if field in self.letters:
                return field
            for key in self.letters:
                if key.split(".")[-1] == field:
                    return key
            field = field.rpartition(".")[0]
        return None

    def field_cell(self, field: str) -> str:
        """The cell of a field named as in the model (`reserve_link.reserve`, `end_year`)."""
        return self.cell(self.field_key(field))

    def header(self, key: str | None) -> str:
        """The header of column `key`, as the sheet prints it; empty for None."""
        return _SHEETS[self.sheet].header(key)


def ordered(rows: list[DataRow]) -> list[DataRow]:
    """The rows in the order their Volgorde gives, then as found."""
    return sorted(rows, key=lambda row: (row.position, row.number))


class Index:
    """The rows of the child sheets, grouped by their parent's key and put in order."""

    _KEYS: ClassVar[dict[str, Sheet]] = {
        "ambitions": schema.AMBITIES,
        "objectives": schema.DOELEN,
        "indicators": schema.INDICATOREN,
        "prestaties": schema.PRESTATIES,
        "statuses": schema.MONITOR,
        "judgements": schema.OORDELEN,
        "sections": schema.TEKSTEN,
        "parties": schema.VERBONDEN_PARTIJEN,
        "mutations": schema.RESERVEMUTATIES,
        "actions": schema.ACTIES,
        "links": schema.VOORSTELLEN_PER_PRESTATIE,
        "targets": schema.STREEFWAARDEN,
        "measurements": schema.REALISATIES,
    }
    """Each group of rows: the child sheet they are on, which says how they name their parent."""

    def __init__(self, tables: dict[Sheet, list[DataRow]]) -> None:
        self._groups: dict[str, dict[Any, list[DataRow]]] = {}
        self._used: dict[str, set[Any]] = defaultdict(set)
        for group, sheet in self._KEYS.items():
            rows: dict[Any, list[DataRow]] = defaultdict(list)
            for row in tables[sheet]:
                if row.ok:
                    rows[sheet.parent_key(row.values)].append(row)
            self._groups[group] = {k: ordered(v) for k, v in rows.items()}
        # The keys of every parent row, read or not, so that only children whose parent has
        # no row at all are reported; a sheet with unreadable keys reports no orphans.
        self._parents: dict[Any, set[Any]] = defaultdict(set)
        self._unsure: set[Any] = set()
        for sheet in schema.SHEETS:
            owner = sheet.owner
            if owner is None:
                continue
            for row in tables[sheet]:
                values = [row.values.get(field) for field in sheet.key]
                if not row.ok and any(value is None for value in values):
                    self._unsure.add(owner)
                named = values[0] if len(values) == 1 else (owner, *values)
                self._parents[owner].add(named)
                if isinstance(named, int):
                    with contextlib.suppress(PrestatieError):  # e.g. negative: no code
                        self._parents[owner].add(Code.from_parts(named))

    def parent_missing(self, group: str, key: Any) -> bool:
        """Whether the parent that rows of `group` under `key` name has no row at all."""
        owner, named = _parent_named(_SHEET_OF[group], key)
        if owner is Owner.BEGROTING or owner in self._unsure:
            return False
        return named not in self._parents[owner]

    def take(self, group: str, key: Any) -> list[DataRow]:
        """The rows of `group` under `key`, marking them as used."""
        self._used[group].add(key)
        return self._groups[group].get(key, [])

    def rows(self, group: str, key: Any) -> list[DataRow]:
        return self._groups[group].get(key, [])

    def unused(self) -> Iterator[tuple[str, Any, list[DataRow]]]:
        for group, rows in self._groups.items():
            for key, items in rows.items():
                if key not in self._used[group]:
                    yield group, key, items


def _listed_on(*sheets: Sheet) -> str:
    """The sheets' names, the last joined by "or" (in Dutch "of")."""
    names = [sheet.name for sheet in sheets]
    if len(names) == 1:
        return names[0]
    most = ", ".join(names[:-1])
    return Named(f"{most} or {names[-1]}", f"{most} of {names[-1]}")


_NODE_SHEETS = _listed_on(schema.PROGRAMMAS, schema.DOELEN, schema.PRESTATIES)


_LISTED_ON = {
    "ambitions": _listed_on(schema.PROGRAMMAS),
    "objectives": _listed_on(schema.PROGRAMMAS, schema.DOELEN),
    "indicators": _NODE_SHEETS,
    "prestaties": _listed_on(schema.DOELEN),
    "statuses": _listed_on(schema.PROGRAMMAS, schema.DOELEN, schema.PRESTATIES, schema.INDICATOREN),
    "judgements": _listed_on(schema.MONITOR),
    "sections": _NODE_SHEETS,
    "parties": _listed_on(schema.PROGRAMMAS),
    "mutations": _listed_on(schema.PROGRAMMAS, schema.DOELEN),
    "actions": _listed_on(schema.PRESTATIES),
    "links": _listed_on(schema.PRESTATIES),
    "targets": _listed_on(schema.AMBITIES, schema.ACTIES, schema.INDICATOREN),
    "measurements": _listed_on(schema.ACTIES, schema.INDICATOREN),
}
"""Where the parent that the rows of each group name is listed."""
PARENTS = {
    group: (parent_of(sheet).named_at, _LISTED_ON[group]) for group, sheet in Index._KEYS.items()
}
"""Each group's column naming the parent, and where that parent is listed."""


_SHEETS = {sheet.name: sheet for sheet in schema.SHEETS}
LEVEL_SHEETS = {sheet.owner: sheet.name for sheet in schema.SHEETS if sheet.owner is not None}
"""The sheet that lists each kind of parent, by what its children call it."""

_SHEET_OF = {**Index._KEYS, "amounts": schema.LASTEN_EN_BATEN}
"""The sheet of each group of rows, the amounts with them."""
_KEYED = {sheet.owner: len(sheet.key) > 1 for sheet in schema.SHEETS if sheet.owner is not None}
"""Whether the index names a parent of each kind by its several key values (`Index`)."""


def _parent_named(sheet: Sheet, key: Any) -> tuple[Owner, Any]:
    """The kind of parent that the rows of `sheet` under `key` name, and the parent as the
    index names it."""
    parent = parent_of(sheet)
    if parent.owner is None:  # the first column names the parent's level
        owner, code = key[0], key[1]
        return owner, (key if _KEYED.get(owner) else code)
    if sheet is schema.DOELEN:  # under its parent objective, else under its programme
        programme, objective = key
        return (Owner.PROGRAMMA, programme) if objective is None else (Owner.DOEL, objective)
    return parent.owner, key


def parent_sheet(group: str, key: Any) -> str:
    """The sheet that lists the parent that rows of `group` under `key` name."""
    return LEVEL_SHEETS[parent_of(_SHEET_OF[group]).owner or key[0]]


def show_key(key: Any) -> str:
    if not isinstance(key, tuple):
        return str(key)
    if len(key) == 2:
        first, second = key
        if isinstance(first, Owner):
            return f"{first.value} {second}"
        return f"kerntaak {first}" if second is None else f"beleidsdoel {second}"
    owner, code, part = key
    if owner is not Owner.INDICATOR and part is None:
        return f"{owner.value} {code}"
    if owner is Owner.AMBITIE:
        return f"the ambition of programme {code}"
    if owner is Owner.ACTIE:
        return f"action {part} of prestatie {code}"
    return f"indicator {part} of objective {code}"

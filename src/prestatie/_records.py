"""Flat records: one plain dict per amount, for pandas, DuckDB, Power BI or a pivot table.

Every record has the keys of `RECORD_FIELDS`, in that order. Codes and labels are text,
years are whole numbers, and amounts stay `Decimal`; a CSV or JSON Lines file writes each
amount exactly as its decimal text.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from prestatie._atomic import atomic_write
from prestatie._errors import InvalidValueError
from prestatie._model import Amount, AmountOwner, Budget, Prestatie
from prestatie._money import Unit, convert, to_amount

RECORD_FIELDS = (
    "province",
    "kind",
    "budget_year",
    "unit",
    "level",
    "code",
    "programme",
    "programme_name",
    "objective",
    "objective_title",
    "prestatie",
    "prestatie_title",
    "flow",
    "budget_column",
    "nature",
    "year",
    "value",
    "value_euro",
    "taakveld",
    "category",
    "change",
)
"""The keys of every record, in order; also the header of the CSV file."""

LEVELS = ("kerntaak", "beleidsdoel", "prestatie")
"""The `level` of a record: whose amount it is (a programme, an objective at any depth, a
prestatie), as the budget names it."""

CSV, JSONL = ".csv", ".jsonl"
DIALECTS = ("csv", "excel-nl")
"""`csv`: commas, decimal points, UTF-8. `excel-nl`: what Dutch Excel opens on a double
click: semicolons, decimal commas, and a UTF-8 byte order mark."""


def _plain(amount: Decimal) -> Decimal:
    """8850000 rather than 8.850E+6: the same value, as a reader expects to see it."""
    exponent = amount.as_tuple().exponent
    return to_amount(int(amount)) if isinstance(exponent, int) and exponent > 0 else amount


def _record(budget: Budget, amount: Amount, owner: AmountOwner) -> dict[str, Any]:
    programme, objective = owner.programme, owner.objective
    prestatie = owner.item if isinstance(owner.item, Prestatie) else None
    level = 2 if prestatie else 1 if objective else 0
    return {
        "province": budget.province,
        "kind": budget.kind.value,
        "budget_year": budget.year,
        "unit": budget.unit.value,
        "level": LEVELS[level],
        "code": str(owner.code),
        "programme": programme.number,
        "programme_name": programme.name,
        "objective": str(objective.code) if objective else None,
        "objective_title": objective.title if objective else None,
        "prestatie": str(prestatie.code) if prestatie else None,
        "prestatie_title": prestatie.title if prestatie else None,
        "flow": amount.flow.value,
        "budget_column": amount.column.value,
        "nature": amount.nature.value,
        "year": amount.year,
        "value": amount.value,
        "value_euro": _plain(convert(amount.value, budget.unit, Unit.EURO)),
        "taakveld": amount.taakveld,
        "category": amount.category,
        "change": amount.change,
    }


def records(budget: Budget) -> Iterator[dict[str, Any]]:
    """One dict per amount of the budget, in budget order: each programme's own amounts, then
    each objective's own, then those of the objectives it holds (to any depth), then its
    prestaties'. Keys are `RECORD_FIELDS`; `objective` (the owner's nearest objective) and
    `prestatie` (and their titles) are None above their level.

    >>> from prestatie import Amount, BudgetColumn, Flow, Nature, Programme
    >>> lasten = Amount(flow=Flow.LASTEN, column=BudgetColumn.PRIMITIEF,
    ...                 nature=Nature.STRUCTUREEL, year=2017, value=8850)
    >>> kerntaak = Programme(number=7, name="Kwaliteit openbaar bestuur", amounts=(lasten,))
    >>> record = next(records(Budget(province="Overijssel", year=2017, programmes=(kerntaak,))))
    >>> record["level"], record["code"], record["flow"], record["year"], record["value_euro"]
    ('kerntaak', '7', 'lasten', 2017, Decimal('8850000'))
    """
    for owner in budget.amount_owners():
        for amount in owner.amounts:
            yield _record(budget, amount, owner)


# Texts that a spreadsheet would run as a formula; excel-nl gives them a quote prefix.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any, dialect: str) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        text = format(value, "f")
        return text.replace(".", ",") if dialect == "excel-nl" else text
    if isinstance(value, str) and dialect == "excel-nl" and value.startswith(_FORMULA_START):
        return "'" + value
    return str(value)


def records_csv(budget: Budget, dialect: str = "csv") -> str:
    """The records as CSV text with a header row (`excel-nl`: without its byte order mark)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if dialect == "excel-nl" else ",")
    writer.writerow(RECORD_FIELDS)
    for record in records(budget):
        writer.writerow([_cell(record[key], dialect) for key in RECORD_FIELDS])
    return out.getvalue()


def _json_value(value: Any) -> str:
    # An amount is a JSON number written with every decimal it has, never through float.
    return (
        format(value, "f") if isinstance(value, Decimal) else json.dumps(value, ensure_ascii=False)
    )


def records_jsonl(budget: Budget) -> str:
    """The records as JSON Lines: one object per line, amounts as exact JSON numbers."""
    lines = []
    for record in records(budget):
        fields = ", ".join(
            f"{json.dumps(key)}: {_json_value(value)}" for key, value in record.items()
        )
        lines.append("{" + fields + "}\n")
    return "".join(lines)


def write_records(
    budget: Budget,
    path: str | os.PathLike[str],
    *,
    dialect: str = "csv",
    force: bool = False,
) -> int:
    """Write the budget's records to `path` as CSV (.csv) or JSON Lines (.jsonl), and return
    how many there are.

    `dialect` ("csv" or "excel-nl") chooses how a CSV file is written; see `DIALECTS`.
    An existing file is refused with `FileExistsError` unless `force`, and is replaced in one
    step, so a failure leaves it untouched.
    """
    suffix = Path(path).suffix.lower()
    if suffix not in (CSV, JSONL):
        found = repr(suffix) if suffix else "no extension"
        raise InvalidValueError(f"{path}: expected a .csv or .jsonl file, got {found}")
    if dialect not in DIALECTS:
        raise InvalidValueError(f"dialect: expected one of {', '.join(DIALECTS)}, got {dialect!r}")
    if suffix == JSONL and dialect != "csv":
        raise InvalidValueError(f"{path}: the {dialect} dialect is for a .csv file")
    if not force and Path(path).exists():
        raise FileExistsError(f"{path} exists: pass force=True to replace it")
    if suffix == JSONL:
        data = records_jsonl(budget).encode("utf-8")
    else:
        data = records_csv(budget, dialect).encode(
            "utf-8-sig" if dialect == "excel-nl" else "utf-8"
        )

    def write(temporary: Path) -> None:
        temporary.write_bytes(data)

    atomic_write(path, write)
    return sum(1 for _ in records(budget))

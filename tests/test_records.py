"""Flat records: one per amount, with stable keys, whose values add up to the model's; and
their CSV (plain and excel-nl) and JSON Lines files, as pandas, DuckDB and LibreOffice read
them."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from openpyxl import load_workbook

from conftest import EXAMPLES, ROOT, run_python
from libreoffice import needs_soffice, soffice
from prestatie import (
    Amount,
    Budget,
    BudgetColumn,
    Flow,
    InvalidValueError,
    Nature,
    Objective,
    Prestatie,
    Programme,
    Unit,
    read_budget,
    records,
    to_json,
    write_records,
)
from prestatie._records import RECORD_FIELDS, records_csv, records_jsonl
from strategies import budgets

DATA = EXAMPLES / "data"
BUNDLED = sorted(DATA.glob("*.json"))


def _json_amounts(budget: Budget) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every amount in the budget's JSON form, with the code of its owner: found by searching
    the JSON for objects with a flow, independently of how `records` walks the model."""
    stack: list[tuple[Any, str]] = [(json.loads(to_json(budget)), "")]
    while stack:
        value, owner = stack.pop()
        if isinstance(value, dict):
            if "flow" in value:
                yield owner, value
                continue
            code = value.get("code", str(value.get("number", owner)))
            stack.extend((item, code) for item in value.values())
        elif isinstance(value, list):
            stack.extend((item, owner) for item in value)


@settings(max_examples=100)
@given(budgets())
def test_record_values_add_up_to_the_models_per_flow_column_and_year(budget: Budget) -> None:
    by_records: defaultdict[tuple[str, str, int], Decimal] = defaultdict(Decimal)
    for record in records(budget):
        by_records[record["flow"], record["budget_column"], record["year"]] += record["value"]
    by_model: defaultdict[tuple[str, str, int], Decimal] = defaultdict(Decimal)
    for _, amount in _json_amounts(budget):
        by_model[amount["flow"], amount["column"], amount["year"]] += Decimal(amount["value"])
    assert by_records == by_model


@settings(max_examples=100)
@given(budgets())
def test_there_is_one_record_per_amount_with_its_owners_code(budget: Budget) -> None:
    found = Counter(
        (r["code"], r["flow"], r["budget_column"], r["nature"], r["year"], r["value"])
        for r in records(budget)
    )
    expected = Counter(
        (owner, a["flow"], a["column"], a["nature"], a["year"], Decimal(a["value"]))
        for owner, a in _json_amounts(budget)
    )
    assert found == expected


@settings(max_examples=100)
@given(budgets())
def test_every_record_has_the_same_keys_in_the_same_order(budget: Budget) -> None:
    for record in records(budget):
        assert tuple(record) == RECORD_FIELDS


@settings(max_examples=100)
@given(budgets())
def test_a_record_names_its_owner_and_its_ancestors(budget: Budget) -> None:
    """Each record names its owner's level, its programme, its nearest objective (at any
    depth) and its prestatie, as a walk down the tree finds them."""
    expected: dict[str, tuple[str, int, str | None, str | None]] = {}

    def objective_owners(number: int, objective: Objective) -> None:
        expected[str(objective.code)] = ("beleidsdoel", number, str(objective.code), None)
        for prestatie in objective.prestaties:
            code = str(prestatie.code)
            expected[code] = ("prestatie", number, str(objective.code), code)
        for child in objective.objectives:
            objective_owners(number, child)

    for programme in budget.programmes:
        expected[str(programme.number)] = ("kerntaak", programme.number, None, None)
        for objective in programme.objectives:
            objective_owners(programme.number, objective)
    for record in records(budget):
        level, number, objective, prestatie = expected[record["code"]]
        assert record["level"] == level
        assert record["programme"] == number
        assert record["objective"] == objective
        assert record["prestatie"] == prestatie
        assert (record["objective_title"] is None) == (record["objective"] is None)
        assert record["province"] == budget.province
        assert record["budget_year"] == budget.year
        assert record["kind"] == budget.kind.value
        assert record["unit"] == budget.unit.value
        assert record["value_euro"] == record["value"] * 10**budget.unit.exponent


def _from_csv(text: str, dialect: str) -> list[dict[str, str]]:
    rows = csv.DictReader(io.StringIO(text), delimiter=";" if dialect == "excel-nl" else ",")
    return list(rows)


@settings(max_examples=50)
@given(budgets())
def test_a_csv_file_holds_every_record_exactly(budget: Budget) -> None:
    rows = _from_csv(records_csv(budget), "csv")
    expected = list(records(budget))
    assert len(rows) == len(expected)
    for row, record in zip(rows, expected, strict=True):
        assert tuple(row) == RECORD_FIELDS
        assert Decimal(row["value"]) == record["value"]
        assert Decimal(row["value_euro"]) == record["value_euro"]
        assert row["prestatie_title"] == (record["prestatie_title"] or "")


@settings(max_examples=50)
@given(budgets())
def test_excel_nl_writes_semicolons_decimal_commas_and_quotes_formula_like_text(
    budget: Budget,
) -> None:
    rows = _from_csv(records_csv(budget, "excel-nl"), "excel-nl")
    for row, record in zip(rows, records(budget), strict=True):
        assert "." not in row["value"]
        assert Decimal(row["value"].replace(",", ".")) == record["value"]
        title = record["programme_name"]
        if title.startswith(("=", "+", "-", "@")):
            assert row["programme_name"] == "'" + title
        else:
            assert row["programme_name"] == title


@settings(max_examples=50)
@given(budgets())
def test_a_json_lines_file_holds_every_record_with_exact_numbers(budget: Budget) -> None:
    lines = records_jsonl(budget).splitlines()
    assert [json.loads(line, parse_float=Decimal) for line in lines] == list(records(budget))


def test_write_records_chooses_the_form_by_extension_and_never_replaces_unasked(
    tmp_path: Path,
) -> None:
    budget = read_budget(DATA / "begroting-2017.json")
    count = write_records(budget, tmp_path / "a.csv")
    assert count == len(list(records(budget)))
    assert (tmp_path / "a.csv").read_bytes().startswith(b"province,kind,")
    write_records(budget, tmp_path / "a.jsonl")
    assert len((tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()) == count
    write_records(budget, tmp_path / "nl.csv", dialect="excel-nl")
    assert (tmp_path / "nl.csv").read_bytes().startswith("\ufeffprovince;kind;".encode())
    with pytest.raises(FileExistsError):
        write_records(budget, tmp_path / "a.csv")
    with pytest.raises(InvalidValueError, match=r"expected a \.csv or \.jsonl file"):
        write_records(budget, tmp_path / "a.txt")
    with pytest.raises(InvalidValueError, match=r"dialect is for a \.csv file"):
        write_records(budget, tmp_path / "b.jsonl", dialect="excel-nl")
    assert not (tmp_path / "b.jsonl").exists()


def test_prestatie_export_writes_the_records(tmp_path: Path) -> None:
    out = tmp_path / "begroting-2017.csv"
    done = run_python("-m", "prestatie", "export", DATA / "begroting-2017.xlsx", out)
    assert done.returncode == 0, done.stderr
    budget = read_budget(DATA / "begroting-2017.xlsx")
    count = len(list(records(budget)))
    assert done.stderr == f"wrote {out}: {count} amounts of {DATA / 'begroting-2017.xlsx'}\n"
    assert out.read_bytes().decode("utf-8") == records_csv(budget)
    again = run_python("-m", "prestatie", "export", DATA / "begroting-2017.xlsx", out)
    assert again.returncode == 2
    assert again.stderr == f"Error: {out} exists: add --force to replace it\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["out.txt"], "out.txt: expected a .csv or .jsonl file, got '.txt'"),
        (["out.jsonl", "--dialect", "excel-nl"], "--dialect excel-nl is for a .csv file"),
    ],
)
def test_prestatie_export_refuses_a_wrong_file_kind(
    tmp_path: Path, args: list[str], message: str
) -> None:
    done = run_python(
        "-m", "prestatie", "export", DATA / "begroting-2017.json", *args, cwd=tmp_path
    )
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []


def _amount(value: str, year: int = 2017) -> Amount:
    return Amount(
        flow=Flow.LASTEN,
        column=BudgetColumn.PRIMITIEF,
        nature=Nature.STRUCTUREEL,
        year=year,
        value=Decimal(value),
    )


def _awkward_budget() -> Budget:
    """Cents, negative amounts, a trillion, a code 7.10 that a number would turn into 7.1,
    and titles that a spreadsheet could take for a formula or split at a semicolon."""
    prestatie = Prestatie(
        code="7.10.2",
        title='-deling; "tussen aanhalingstekens"',
        amounts=(_amount("12"), _amount("1000000000000", 2019)),
    )
    objective = Objective(
        code="7.10", title="+31 café", amounts=(_amount("0.5"),), prestaties=(prestatie,)
    )
    programme = Programme(
        number=7,
        name="=SOM(1;2)",
        amounts=(_amount("-1234.56"), _amount("1234567.89", 2018)),
        objectives=(objective,),
    )
    return Budget(province="Fryslân", year=2017, unit=Unit.THOUSAND, programmes=(programme,))


# LibreOffice's CSV filter: ";" separated, '"' quoted, UTF-8 (76), from line 1, Dutch (1043).
DUTCH_CSV = "CSV:59,34,76,1,,1043"


@needs_soffice
@pytest.mark.parametrize(
    "budget",
    [_awkward_budget(), read_budget(DATA / "monitor-2017-2.json")],
    ids=["awkward", "monitor"],
)
def test_libreoffice_in_dutch_reads_excel_nl_numbers_as_numbers(
    tmp_path: Path, budget: Budget
) -> None:
    """Opened with Dutch settings, every amount is a number equal to the record's, every code
    and text is the record's text, and the byte order mark is not part of the header."""
    path = tmp_path / "bedragen.csv"
    write_records(budget, path, dialect="excel-nl")
    soffice("xlsx", tmp_path / "out", path, infilter=DUTCH_CSV)
    rows = list(
        load_workbook(tmp_path / "out" / "bedragen.xlsx").active.iter_rows(values_only=True)
    )
    assert rows[0] == RECORD_FIELDS
    expected = list(records(budget))
    assert len(rows) == len(expected) + 1
    for row, record in zip(rows[1:], expected, strict=True):
        cells = dict(zip(RECORD_FIELDS, row, strict=True))
        for key in ("value", "value_euro"):
            assert isinstance(cells[key], int | float), (key, cells[key])
            assert Decimal(repr(cells[key])) == record[key]
        for key in ("budget_year", "year", "programme"):
            assert cells[key] == record[key]
        for key in ("objective", "prestatie", "prestatie_title", "province", "unit"):
            shown = cells[key]
            assert (shown.lstrip("'") if isinstance(shown, str) else shown) == record[key]


def test_the_readmes_analysis_snippets_print_the_pivot_it_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pandas, DuckDB and pivot snippets run on the CSV the README makes, and the pivot
    prints the table shown, whose Totaal row is the bundled budget's lasten per year."""
    pytest.importorskip("pandas")
    pytest.importorskip("duckdb")
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("<!-- section: analysis -->\n\n## ")[1].split("\n## ")[0]
    (tmp_path / "examples").symlink_to(EXAMPLES)
    monkeypatch.chdir(tmp_path)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        for snippet in re.findall(r"```python\n(.*?)```", section, flags=re.S):
            exec(compile(snippet, "README.md", "exec"), {})
    (shown,) = re.findall(r"```text\n(.*?)```", section, flags=re.S)
    lines = [line.rstrip() for line in printed.getvalue().splitlines()]
    assert "\n".join(lines).endswith(shown.rstrip("\n"))
    years = [int(year) for year in shown.splitlines()[0].split()[1:-1]]
    totals = [Decimal(total) for total in shown.splitlines()[-1].split()[1:]]
    by_year = dict.fromkeys(years, Decimal(0))
    for _, amount in _json_amounts(read_budget(DATA / "begroting-2017.json")):
        if (amount["flow"], amount["column"]) == ("lasten", "primitief"):
            by_year[amount["year"]] += Decimal(amount["value"])
    assert totals == [*by_year.values(), sum(by_year.values())]

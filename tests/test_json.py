"""The versioned JSON form: an exact round trip, and strict reading that lists every problem."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings

import prestatie
from conftest import EXAMPLES
from prestatie import Budget, JsonError, from_json, to_json
from strategies import budgets, degenerate_budgets


@settings(max_examples=75)
@given(budgets())
def test_json_round_trip_is_the_identity(budget: Budget) -> None:
    """Law: from_json(to_json(b)) == b for a budget shaped like a real one."""
    assert from_json(to_json(budget)) == budget


@settings(max_examples=25)
@given(degenerate_budgets())
def test_json_round_trip_keeps_budgets_with_empty_levels(budget: Budget) -> None:
    """Law: from_json(to_json(b)) == b also when programmes, objectives or prestaties are
    empty, or amounts and actions are missing."""
    assert from_json(to_json(budget)) == budget


def test_json_starts_with_the_format_version(seed_budget: Budget) -> None:
    data = json.loads(to_json(seed_budget))
    assert next(iter(data)) == "format_version"
    assert data["format_version"] == prestatie.FORMAT_VERSION


def test_amounts_are_written_as_strings() -> None:
    budget = Budget(province="Overijssel", year=2017)
    text = to_json(budget)
    assert '"unit": "x € 1.000"' in text


def _broken(seed_budget: Budget) -> dict[str, object]:
    data = json.loads(to_json(seed_budget))
    programme = data["programmes"][0]
    programme["number"] = "7"
    programme["objectives"][0]["code"] = "7..2"
    prestatie_ = programme["objectives"][0]["prestaties"][0]
    prestatie_["title"] = ["Kennis"]
    prestatie_["roles"] = [7]  # any text is a role (kept as printed), a number is not
    prestatie_["amounts"] = [
        {
            "flow": "lasten",
            "column": "primitief",
            "nature": "structureel",
            "year": 2017,
            "value": 1.5,
        }
    ]
    data["year"] = True
    data["colour"] = "groen"
    return data


def test_every_problem_is_listed_with_its_json_path(seed_budget: Budget) -> None:
    with pytest.raises(JsonError) as caught:
        from_json(json.dumps(_broken(seed_budget)))
    found = {(p.where, p.message) for p in caught.value.problems}
    base = "$.programmes[0].objectives[0]"
    assert found == {
        ("$.year", "expected a whole number, got bool True"),
        ("$", "unknown field(s) colour"),
        ("$.programmes[0].number", "expected a whole number, got str '7'"),
        (
            f"{base}.code",
            "code: expected numbers joined by dots like '7.2.3', got '7..2'",
        ),
        (f"{base}.prestaties[0].title", "expected text, got list ['Kennis']"),
        (
            f"{base}.prestaties[0].roles[0]",
            "expected a role as text, got int 7",
        ),
        (
            f"{base}.prestaties[0].amounts[0].value",
            'expected an amount as a string like "1823.50" or an integer, got float 1.5',
        ),
    }
    assert str(caught.value).splitlines()[1] == "  $.year: expected a whole number, got bool True"


def test_a_string_is_not_taken_for_a_list_of_characters() -> None:
    text = '{"format_version": 1, "province": "O", "year": 2017, "programmes": "abc"}'
    with pytest.raises(JsonError, match=r"\$\.programmes: expected a list, got str 'abc'"):
        from_json(text)


def test_an_amount_string_must_be_a_plain_number() -> None:
    text = (
        '{"format_version": 1, "province": "O", "year": 2017, "proposals": [{"name": "x",'
        ' "ps_number": "PS/2016/1", "year": 2016, "amount": "1.234,5"}]}'
    )
    with pytest.raises(JsonError, match=r"\$\.proposals\[0\]\.amount: expected an amount"):
        from_json(text)


@pytest.mark.parametrize(
    "text",
    ['{"a":' * 2000, "[" * 100_000, '{"format_version": 1, "province": ' + "[" * 5000],
)
def test_json_nested_too_deeply_to_read_is_a_json_error_not_a_recursion_error(text: str) -> None:
    with pytest.raises(JsonError) as caught:
        from_json(text)
    (problem,) = caught.value.problems
    assert problem.where == "$"
    assert problem.message.startswith("not valid JSON: nested too deeply to read")


def test_json_nested_deeper_than_a_budget_can_be_is_refused_at_its_path() -> None:
    text = '{"format_version": 1, "province": "O", "year": 2017, "notes": ' + "[" * 40
    text += "]" * 40 + "}"
    with pytest.raises(JsonError) as caught:
        from_json(text)
    (problem,) = caught.value.problems
    assert problem.where == "$.notes" + "[0]" * (prestatie._json.MAX_DEPTH - 1)
    assert f"nested more than {prestatie._json.MAX_DEPTH} levels deep" in problem.message


_PROPOSAL = '{"name": "x", "ps_number": "PS/2016/1", "year": 2016, "amount": %s}'


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("{", "$", "not valid JSON: line 1 column 2"),
        ("[]", "$", "expected an object, got list []"),
        ('{"province": "Overijssel", "year": 2017}', "$.format_version", "got nothing"),
        ('{"format_version": 99}', "$.format_version", "expected format version 1 or 2, got int"),
        ('{"format_version": 1.0}', "$.format_version", "format version 1 or 2, got float"),
        ('{"format_version": true}', "$.format_version", "format version 1 or 2, got bool"),
        ('{"format_version": "1"}', "$.format_version", "format version 1 or 2, got str"),
        ('{"format_version": NaN}', "$.format_version", "got the literal NaN, which is not"),
        (
            '{"format_version": 1, "province": "O", "year": NaN}',
            "$.year",
            "expected a whole number, got the literal NaN, which is not standard JSON",
        ),
        (
            '{"format_version": 1, "province": "O", "year": 2017, "proposals": [%s]}'
            % (_PROPOSAL % "-Infinity"),
            "$.proposals[0].amount",
            "got the literal -Infinity, which is not standard JSON",
        ),
        (
            '{"format_version": 1, "province": "O", "year": 1e400}',
            "$.year",
            "expected a whole number, got the number 1e400, too large",
        ),
        (
            '{"format_version": 1, "province": "O", "year": %s}' % ("9" * 5000),
            "$.year",
            "expected a whole number, got a whole number of 5000 digits, too long",
        ),
        (
            '{"format_version": 1, "province": "O", "year": 2017, "proposals": [%s]}'
            % (_PROPOSAL % ("-" + "1" * 5000)),
            "$.proposals[0].amount",
            "got a whole number of 5000 digits, too long",
        ),
        (
            '{"format_version": 1, "province": "O", "year": 99999999999}',
            "$.year",
            "expected a four-digit year, got 99999999999",
        ),
        (
            '{"format_version": 1, "province": "O", "year": 2017, "year": 2018}',
            "$.year",
            "field given more than once",
        ),
        ("null", "$", "expected an object, got NoneType None"),
        ('"budget"', "$", "expected an object, got str 'budget'"),
        (b"\xff\xfe\x00", "$", "not valid JSON"),
    ],
)
def test_malformed_json_is_one_json_error_naming_the_json_path(
    text: str | bytes, where: str, message: str
) -> None:
    with pytest.raises(JsonError) as caught:
        from_json(text)
    (problem,) = caught.value.problems
    assert problem.where == where
    assert message in problem.message


# Version 1, the form every bundled budget was stored in before version 2.

V1 = Path(__file__).resolve().parent / "data" / "v1"


@pytest.mark.parametrize("name", ["begroting-2017", "begroting-2018", "monitor-2017-2"])
def test_version_1_documents_read_as_the_same_budget_as_today(name: str) -> None:
    """A stored version-1 file reads as the budget the bundled version-2 file holds, and is
    written back as version 2; its monitor's one budget-change marker becomes a set of one
    (or none for a null)."""
    text = (V1 / f"{name}.json").read_text(encoding="utf-8")
    assert json.loads(text)["format_version"] == 1
    old = prestatie.from_json(text)
    current = (EXAMPLES / "data" / f"{name}.json").read_text(encoding="utf-8")
    assert json.loads(current)["format_version"] == 2
    assert old == prestatie.from_json(current)
    assert json.loads(prestatie.to_json(old))["format_version"] == 2


def test_a_version_1_marker_becomes_a_set_of_one_marker() -> None:
    data = json.loads((V1 / "monitor-2017-2.json").read_text(encoding="utf-8"))
    markers = [
        s["status"]["budget_change"]
        for p in data["programmes"]
        for o in p["objectives"]
        for s in o["prestaties"]
        if s.get("status")
    ]
    budget = prestatie.from_json(json.dumps(data))
    converted = [s.status.budget_changes for s in budget.prestaties() if s.status]
    assert [tuple(m.value for m in c) for c in converted] == [
        () if m is None else (m,) for m in markers
    ]

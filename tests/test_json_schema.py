"""The JSON Schema: generated from the model, shipped as a file, and in agreement with
`from_json` on valid and on broken documents."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES, run_python
from prestatie import Budget, JsonError, Problem, check_budget, from_json, json_schema, to_json
from prestatie._checks import (
    check_actueel,
    check_duplicates,
    check_hierarchy,
    check_proposal_symmetry,
    check_references,
    check_years,
)
from prestatie._json_schema import SCHEMA_FILE, shipped_schema
from strategies import budgets

jsonschema = pytest.importorskip("jsonschema")

VALIDATOR = jsonschema.Draft202012Validator(json_schema())
BUNDLED = sorted((EXAMPLES / "data").glob("*.json"))

# The rules between two fields of one object, which the constructors enforce and JSON Schema
# cannot state: each is named here by the message `from_json` reports for it.
CROSS_FIELD_RULES = {
    "Budget: last_year is first_year or later": re.compile(r"expected \d+ \(first_year\)"),
    "Duration: end_year is start_year or later": re.compile(r"expected \d+ \(start_year\)"),
    "Duration: a structural prestatie has no end year": re.compile(r"structural .* no end year"),
    "ReserveLink: no proposals unless related": re.compile(r"expected none when related"),
    "Target: a qualitative target has no bounds": re.compile(r"qualitative target has no bo"),
    "Target: a qualitative target needs its text": re.compile(r"qualitative target needs"),
    "Target: the minimum is not above the maximum": re.compile(r"is above the maximum"),
    "Target: a period's first year is before its year": re.compile(r"needs a later last year"),
}


def _cross_field_rule(message: str) -> str | None:
    return next((name for name, rule in CROSS_FIELD_RULES.items() if rule.search(message)), None)


def _document(budget: Budget) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(to_json(budget))
    return data


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(json_schema())
    assert json_schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_the_shipped_schema_file_is_the_generated_schema() -> None:
    """`prestatie schema > src/prestatie/budget-1.schema.json` regenerates it."""
    assert json.loads(shipped_schema()) == json_schema(), f"regenerate {SCHEMA_FILE}"


def test_prestatie_schema_prints_the_schema() -> None:
    done = run_python("-m", "prestatie", "schema")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == json_schema()


def test_the_schema_lists_every_enum_label_and_class() -> None:
    defs = json_schema()["$defs"]
    assert defs["Role"]["enum"][-1] == "uitvoerder van een wettelijke taak"
    assert defs["Unit"]["enum"] == ["euro", "x € 1.000", "x € 1 miljoen"]
    assert {"Prestatie", "Target", "Amount", "ReserveLink", "Code", "Decimal"} <= set(defs)
    assert defs["Prestatie"]["required"] == ["code", "title"]


@pytest.mark.parametrize("path", BUNDLED, ids=lambda path: path.name)
def test_every_bundled_json_file_validates(path: Path) -> None:
    VALIDATOR.validate(json.loads(path.read_text(encoding="utf-8")))


@settings(max_examples=100)
@given(budgets())
def test_every_budgets_json_validates_against_the_schema(budget: Budget) -> None:
    VALIDATOR.validate(_document(budget))


# Broken documents: the schema refuses what from_json refuses.

_OTHER_TYPES: list[Any] = ["tekst", 7, 1.5, True, None, [], {}]


def _places(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*path, key)
            yield from _places(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield (*path, index)
            yield from _places(item, (*path, index))


def _parent(data: Any, path: tuple[str | int, ...]) -> Any:
    for step in path[:-1]:
        data = data[step]
    return data


def _misspelt(label: str) -> str:
    """A label as a hurried typist writes it: capitalised, or without its last letter."""
    return label.capitalize() if label != label.capitalize() else label[:-1]


@st.composite
def broken_documents(draw: st.DrawFn) -> tuple[dict[str, Any], str]:
    """A valid budget's JSON with one value given another type, one field removed, or one
    text (such as an enum label) misspelt; and a description of the change."""
    data = _document(draw(budgets()))
    path = draw(st.sampled_from(list(_places(data))))
    parent = _parent(data, path)
    old = parent[path[-1]]
    kind = draw(st.sampled_from(["retype", "remove", "misspell"]))
    if kind == "remove" and isinstance(parent, dict):
        del parent[path[-1]]
    elif kind == "misspell" and isinstance(old, str) and old:
        parent[path[-1]] = _misspelt(old)
    else:
        kind = "retype"
        other = [v for v in _OTHER_TYPES if type(v) is not type(old) and v != old]
        parent[path[-1]] = copy.deepcopy(draw(st.sampled_from(other)))
    return data, f"{kind} {path}"


@settings(max_examples=300)
@given(broken_documents())
def test_the_schema_refuses_what_from_json_refuses(broken: tuple[dict[str, Any], str]) -> None:
    """Both accept, or both refuse; the schema never refuses what from_json reads. Where
    only from_json refuses, every problem it reports is a rule between two fields of one
    object (CROSS_FIELD_RULES), which JSON Schema cannot state."""
    data, change = broken
    schema_errors = [error.message for error in VALIDATOR.iter_errors(data)]
    try:
        budget: Budget | None = from_json(json.dumps(data))
        refused: tuple[Problem, ...] = ()
    except JsonError as error:
        budget, refused = None, error.problems
    if budget is not None:
        assert not schema_errors, (
            f"{change}: from_json reads it, the schema refuses: {schema_errors}"
        )
        event("read by both" + (", with problems across objects" if check_budget(budget) else ""))
    elif schema_errors:
        event("refused by both")
    else:
        rules = {_cross_field_rule(problem.message) for problem in refused}
        assert None not in rules, f"{change}: only from_json refuses: {refused}"
        event(f"refused only by a rule between two fields: {sorted(map(str, rules))}")


def _bundled_document() -> dict[str, Any]:
    """Begroting 2017, in which prestatie 7.2.3 has amounts, actions and a proposal link."""
    data: dict[str, Any] = json.loads((EXAMPLES / "data" / "begroting-2017.json").read_bytes())
    return data


Mutation = Callable[[dict[str, Any]], None]


def _prestatie_7_2_3(data: dict[str, Any]) -> dict[str, Any]:
    prestatie: dict[str, Any] = data["programmes"][2]["objectives"][1]["prestaties"][1]
    return prestatie


def _set_amount(field: str, value: Any) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        _prestatie_7_2_3(data)["amounts"][0][field] = value

    return mutate


@pytest.mark.parametrize(
    ("mutate", "where"),
    [
        pytest.param(_set_amount("flow", "Lasten"), "amounts[0].flow", id="enum label misspelt"),
        pytest.param(_set_amount("year", "2017"), "amounts[0].year", id="year as text"),
        pytest.param(_set_amount("value", 1.5), "amounts[0].value", id="amount as a float"),
        pytest.param(_set_amount("value", "1.234,5"), "amounts[0].value", id="Dutch amount"),
        pytest.param(
            lambda d: _prestatie_7_2_3(d).update(roles=["beinvloeder"]),
            "roles[0]",
            id="role without its diaeresis",
        ),
        pytest.param(
            lambda d: _prestatie_7_2_3(d).pop("title"), "prestaties[1].title", id="required removed"
        ),
        pytest.param(
            lambda d: _prestatie_7_2_3(d).update(code="7.2.x"), "code", id="malformed code"
        ),
        pytest.param(
            lambda d: _prestatie_7_2_3(d).update(colour="groen"), "prestaties[1]", id="extra field"
        ),
        pytest.param(lambda d: d.update(format_version=2), "format_version", id="newer version"),
        pytest.param(lambda d: d.update(year=True), "year", id="bool for a year"),
        pytest.param(lambda d: d.update(year=17), "year", id="two-digit year"),
    ],
)
def test_a_broken_document_is_refused_by_both(mutate: Mutation, where: str) -> None:
    data = _bundled_document()
    mutate(data)
    assert not VALIDATOR.is_valid(data)
    with pytest.raises(JsonError) as caught:
        from_json(json.dumps(data))
    assert any(where in problem.where for problem in caught.value.problems), caught.value


def _duplicate_prestatie(data: dict[str, Any]) -> None:
    prestaties = data["programmes"][2]["objectives"][1]["prestaties"]
    prestaties.append(copy.deepcopy(prestaties[1]))


def _move_prestatie(data: dict[str, Any]) -> None:
    _prestatie_7_2_3(data)["code"] = "7.9.3"


def _refer_to_unknown(data: dict[str, Any]) -> None:
    _prestatie_7_2_3(data)["actions"][0]["references"] = ["7.9.9"]


def _one_sided_link(data: dict[str, Any]) -> None:
    links = _prestatie_7_2_3(data)["reserve_link"]["proposals"]
    links[0]["related"] = [*links[0]["related"], "7.2.3"]  # itself


def _year_outside(data: dict[str, Any]) -> None:
    _set_amount("year", 2030)(data)


def _actueel_off(data: dict[str, Any]) -> None:
    amounts = _prestatie_7_2_3(data)["amounts"]
    amounts.append({**amounts[0], "column": "actueel", "value": "999999"})


@pytest.mark.parametrize(
    ("mutate", "rule"),
    [
        (_duplicate_prestatie, check_duplicates),
        (_move_prestatie, check_hierarchy),
        (_refer_to_unknown, check_references),
        (_one_sided_link, check_proposal_symmetry),
        (_year_outside, check_years),
        (_actueel_off, check_actueel),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_a_mutation_that_only_a_rule_across_objects_catches(
    mutate: Mutation, rule: Callable[[Budget], list[Any]]
) -> None:
    """The schema and from_json accept the document; the named rule of `check_budget`
    (which `read_budget` and `prestatie check` run) reports it."""
    data = _bundled_document()
    mutate(data)
    VALIDATOR.validate(data)
    budget = from_json(json.dumps(data))
    assert rule(budget), f"{rule.__name__} found nothing"


def test_a_rule_between_two_fields_is_caught_by_from_json_only() -> None:
    """Duration: end_year is start_year or later. JSON Schema cannot compare two fields."""
    data = _bundled_document()
    _prestatie_7_2_3(data)["duration"] = {
        "kind": "niet structureel",
        "start_year": 2018,
        "end_year": 2017,
        "text": "",
    }
    VALIDATOR.validate(data)
    with pytest.raises(JsonError) as caught:
        from_json(json.dumps(data))
    (problem,) = caught.value.problems
    assert _cross_field_rule(problem.message) == "Duration: end_year is start_year or later"


def test_a_whole_float_is_an_integer_to_json_schema_but_not_to_from_json() -> None:
    """JSON Schema counts 2017.0 as an integer (draft 2020-12, section 6.1.1); from_json
    reads it as the float it is and refuses it. docs/json.md says so."""
    data = _bundled_document()
    data["year"] = 2017.0
    VALIDATOR.validate(data)
    with pytest.raises(JsonError, match=r"\$\.year: expected a whole number, got float"):
        from_json(json.dumps(data))

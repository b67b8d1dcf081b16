"""Constructors refuse values that make a single object meaningless, naming field and value."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pytest

from prestatie import (
    Amount,
    Budget,
    BudgetColumn,
    Duration,
    DurationKind,
    Flow,
    InvalidTypeError,
    InvalidValueError,
    InvestmentProposal,
    Nature,
    Prestatie,
    PrestatieError,
    Programme,
    ProposalLink,
    ReserveLink,
    Target,
)


def _amount(value: Any) -> Amount:
    """An amount of `value` as given, lasten primitief structureel 2017."""
    return Amount(
        flow=Flow.LASTEN,
        column=BudgetColumn.PRIMITIEF,
        nature=Nature.STRUCTUREEL,
        year=2017,
        value=value,
    )


def test_a_float_amount_is_refused_naming_the_value() -> None:
    with pytest.raises(InvalidTypeError, match=r"expected a Decimal or int, got float 1\.5"):
        _amount(1.5)


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")])
def test_non_finite_amounts_are_refused(value: Decimal) -> None:
    with pytest.raises(InvalidValueError, match="finite"):
        _amount(value)


def test_an_int_amount_becomes_an_exact_decimal() -> None:
    amount = _amount(1823)
    assert amount.value == Decimal(1823)
    assert isinstance(amount.value, Decimal)


def test_an_end_year_before_the_start_year_is_refused() -> None:
    with pytest.raises(InvalidValueError, match=r"Duration\.end_year: expected 2018"):
        Duration(kind=DurationKind.NIET_STRUCTUREEL, start_year=2018, end_year=2017)


def test_a_structural_duration_has_no_end_year() -> None:
    with pytest.raises(InvalidValueError, match="structural"):
        Duration(kind=DurationKind.STRUCTUREEL, end_year=2020)


def test_budget_window_must_not_end_before_it_starts() -> None:
    with pytest.raises(InvalidValueError, match=r"Budget\.last_year"):
        Budget(province="Overijssel", year=2017, first_year=2017, last_year=2015)


def test_budget_window_defaults_to_the_year_and_three_estimate_years() -> None:
    budget = Budget(province="Overijssel", year=2017)
    assert (budget.first_year, budget.last_year) == (2017, 2020)


@pytest.mark.parametrize("number", ["PS/16/344", "PS/2016/", "PS/2016/34a", "", "  "])
def test_a_reference_written_as_a_PS_number_must_be_one_and_none_is_empty(number: str) -> None:
    with pytest.raises(InvalidValueError, match="PS/2016/344") as caught:
        InvestmentProposal(name="Kwaliteit Openbaar Bestuur", ps_number=number, year=2016)
    assert "InvestmentProposal.ps_number" in str(caught.value)
    with pytest.raises(InvalidValueError):
        ProposalLink(ps_number=number)


@pytest.mark.parametrize(
    "reference", ["PS/2016/344", "GS DOC-00714319", "PS 20-12-2023", "motie M4", "PS2016/344"]
)
def test_a_decision_reference_is_kept_in_any_printed_form(reference: str) -> None:
    proposal = InvestmentProposal(name="Voorstel", ps_number=reference, year=2016)
    assert proposal.ps_number == reference
    assert ProposalLink(ps_number=reference).ps_number == reference


def test_a_reserve_link_without_relation_lists_no_proposals() -> None:
    with pytest.raises(InvalidValueError, match="related is False"):
        ReserveLink(related=False, proposals=(ProposalLink(ps_number="PS/2016/344"),))


def test_a_target_whose_minimum_exceeds_its_maximum_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="minimum 50 is above the maximum 30"):
        Target(unit="gastlessen", lower=Decimal(50), upper=Decimal(30))


def test_wrong_types_name_class_field_and_expectation() -> None:
    with pytest.raises(InvalidTypeError) as caught:
        Prestatie(code="7.2.3", title=None)  # type: ignore[arg-type]
    assert str(caught.value) == "Prestatie.title: expected text, got NoneType None"
    with pytest.raises(InvalidTypeError, match=r"Prestatie\.roles\[0\]: expected a Role"):
        Prestatie(code="7.2.3", title="x", roles=(7,))  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="expected a tuple, got list"):
        Prestatie(code="7.2.3", title="x", actions=[])  # type: ignore[arg-type]


def test_model_errors_are_prestatie_errors_and_builtin_errors() -> None:
    assert issubclass(InvalidValueError, PrestatieError)
    assert issubclass(InvalidValueError, ValueError)
    assert issubclass(InvalidTypeError, TypeError)


def test_model_objects_are_frozen() -> None:
    prestatie = Prestatie(code="7.2.3", title="Kennisontwikkeling en -deling")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        prestatie.title = "x"  # type: ignore[misc]


@pytest.mark.parametrize("number", [-1, 1_000_000])
def test_a_programme_number_must_fit_a_code(number: int) -> None:
    """A programme number is the first part of every code under it, so one that no code can
    hold is refused when the programme is made, not later by a check or a writer."""
    with pytest.raises(InvalidValueError, match=r"Programme\.number"):
        Programme(number=number, name="Kwaliteit openbaar bestuur")
    assert Programme(number=999_999, name="").number == 999_999

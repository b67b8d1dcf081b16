"""Rules across objects: silent on every valid budget, exact on a budget with one fault."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import attrs
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from prestatie import (
    Action,
    Amount,
    Budget,
    BudgetColumn,
    Flow,
    InvestmentProposal,
    Nature,
    Prestatie,
    Problem,
    Programme,
    ProposalLink,
    ReserveLink,
    check_budget,
)
from strategies import budgets, degenerate_budgets


@settings(max_examples=75)
@given(budgets())
def test_valid_budgets_have_no_problems(budget: Budget) -> None:
    """Law: a budget built consistently, shaped like a real one, has no problem."""
    assert check_budget(budget) == []


@settings(max_examples=25)
@given(degenerate_budgets())
def test_valid_budgets_with_empty_levels_have_no_problems(budget: Budget) -> None:
    """Law: empty programmes, objectives or prestaties, or missing amounts, are no problem
    in a budget built consistently."""
    assert check_budget(budget) == []


def _replace_objective(budget: Budget, p: int, o: int, **changes: object) -> Budget:
    programme = budget.programmes[p]
    objectives = list(programme.objectives)
    objectives[o] = attrs.evolve(objectives[o], **changes)
    programmes = list(budget.programmes)
    programmes[p] = attrs.evolve(programme, objectives=tuple(objectives))
    return attrs.evolve(budget, programmes=tuple(programmes))


def _first_prestatie(budget: Budget) -> tuple[int, int]:
    for p, programme in enumerate(budget.programmes):
        for o, objective in enumerate(programme.objectives):
            if objective.prestaties:
                return p, o
    assume(False)
    raise AssertionError


def duplicate_code(budget: Budget) -> tuple[Budget, str, str]:
    p, o = _first_prestatie(budget)
    objective = budget.programmes[p].objectives[o]
    copy = objective.prestaties[0]
    n = len(objective.prestaties)
    changed = _replace_objective(budget, p, o, prestaties=(*objective.prestaties, copy))
    path = f"$.programmes[{p}].objectives[{o}].prestaties"
    return changed, f"{path}[{n}].code", f"duplicate prestatie {copy.code}: also at {path}[0].code"


def code_outside_objective(budget: Budget) -> tuple[Budget, str, str]:
    p, o = 0, 0
    assume(budget.programmes and budget.programmes[0].objectives)
    objective = budget.programmes[p].objectives[o]
    stray = Prestatie(code="99.1.1", title="Verdwaald")
    n = len(objective.prestaties)
    changed = _replace_objective(budget, p, o, prestaties=(*objective.prestaties, stray))
    return (
        changed,
        f"$.programmes[0].objectives[0].prestaties[{n}].code",
        f"{budget.level_name(2)} 99.1.1 is not under its {budget.level_name(1)}"
        f" {objective.code}: expected a code {budget.code_scheme.child_example(objective.code)}",
    )


def unknown_reference(budget: Budget) -> tuple[Budget, str, str]:
    p, o = _first_prestatie(budget)
    objective = budget.programmes[p].objectives[o]
    target = objective.prestaties[0]
    action = Action(number=999, text="Zie prestatie 99.9.9.", references=("99.9.9",))
    prestaties = (attrs.evolve(target, actions=(*target.actions, action)),)
    changed = _replace_objective(budget, p, o, prestaties=prestaties + objective.prestaties[1:])
    where = (
        f"$.programmes[{p}].objectives[{o}].prestaties[0].actions[{len(target.actions)}]"
        ".references[0]"
    )
    message = (
        f"action 999 of {target.code} refers to unknown prestatie 99.9.9:"
        " expected a prestatie of this budget"
    )
    return changed, where, message


def asymmetric_proposal(budget: Budget) -> tuple[Budget, str, str]:
    codes = [prestatie.code for prestatie in budget.prestaties()]
    assume(len(codes) >= 2)
    p, o = _first_prestatie(budget)
    objective = budget.programmes[p].objectives[o]
    first = objective.prestaties[0]
    other = next(code for code in codes if code != first.code)
    link = first.reserve_link
    new_link = ProposalLink(ps_number="PS/1999/99999", related=(other,))
    changed_first = attrs.evolve(
        first,
        reserve_link=ReserveLink(
            related=True, reserve=link.reserve, proposals=(*link.proposals, new_link)
        ),
    )
    changed = _replace_objective(
        budget, p, o, prestaties=(changed_first, *objective.prestaties[1:])
    )
    proposal = InvestmentProposal(name="Nieuw", ps_number="PS/1999/99999", year=1999)
    changed = attrs.evolve(changed, proposals=(*budget.proposals, proposal))
    where = (
        f"$.programmes[{p}].objectives[{o}].prestaties[0].reserve_link"
        f".proposals[{len(link.proposals)}].related[0]"
    )
    message = (
        f"prestatie {first.code} lists {other} under PS/1999/99999, but {other} does not list"
        f" {first.code}: expected the link on both sides"
    )
    return changed, where, message


def _extra_programme(budget: Budget, amounts: tuple[Amount, ...]) -> Budget:
    programme = Programme(number=99, name="Extra", amounts=amounts)
    return attrs.evolve(budget, programmes=(*budget.programmes, programme))


def year_outside_window(budget: Budget) -> tuple[Budget, str, str]:
    year = budget.last_year + 1
    amount = Amount(
        flow=Flow.LASTEN,
        column=BudgetColumn.PRIMITIEF,
        nature=Nature.STRUCTUREEL,
        year=year,
        value=Decimal(1),
    )
    where = f"$.programmes[{len(budget.programmes)}].amounts[0].year"
    message = (
        f"year {year} lies outside the budget's years:"
        f" expected {budget.first_year} to {budget.last_year}"
    )
    return _extra_programme(budget, (amount,)), where, message


def actueel_mismatch(budget: Budget) -> tuple[Budget, str, str]:
    def amount(column: BudgetColumn, value: int) -> Amount:
        return Amount(
            flow=Flow.BATEN,
            column=column,
            nature=Nature.INCIDENTEEL,
            year=budget.first_year,
            value=value,
        )

    amounts = (
        amount(BudgetColumn.PRIMITIEF, 27),
        amount(BudgetColumn.WIJZIGING, 0),
        amount(BudgetColumn.ACTUEEL, 28),
    )
    where = f"$.programmes[{len(budget.programmes)}].amounts[2].value"
    message = (
        f"actueel baten incidenteel {budget.first_year} is 28:"
        " expected primitief 27 + wijziging 0 = 27"
    )
    return _extra_programme(budget, amounts), where, message


def duplicate_amount(budget: Budget) -> tuple[Budget, str, str]:
    amount = Amount(
        flow=Flow.LASTEN,
        column=BudgetColumn.GEREALISEERD,
        nature=Nature.STRUCTUREEL,
        year=budget.last_year,
        value=Decimal(5),
    )
    owner = f"$.programmes[{len(budget.programmes)}]"
    where = f"{owner}.amounts[1]"
    message = (
        f"duplicate amount lasten gerealiseerd structureel {budget.last_year}:"
        f" also at {owner}.amounts[0]"
    )
    return _extra_programme(budget, (amount, amount)), where, message


FAULTS: list[Callable[[Budget], tuple[Budget, str, str]]] = [
    duplicate_amount,
    duplicate_code,
    code_outside_objective,
    unknown_reference,
    asymmetric_proposal,
    year_outside_window,
    actueel_mismatch,
]


@settings(max_examples=100)
@given(budgets(), st.sampled_from(FAULTS))
def test_one_injected_fault_is_reported_exactly(
    budget: Budget, fault: Callable[[Budget], tuple[Budget, str, str]]
) -> None:
    assume(all(programme.number != 99 for programme in budget.programmes))
    broken, where, message = fault(budget)
    assert check_budget(broken) == [Problem(where=where, message=message)]


def test_the_seed_excerpt_refers_to_pages_outside_it_without_problems(
    seed_budget: Budget,
) -> None:
    assert not seed_budget.complete
    assert check_budget(seed_budget) == []
    complete = attrs.evolve(seed_budget, complete=True)
    wheres = [problem.where for problem in check_budget(complete)]
    assert len(wheres) == 8  # 7.2.2 and the seven related prestaties are not in the excerpt

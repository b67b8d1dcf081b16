"""Each rule across objects names the place of a fault exactly, at every level of the budget."""

from __future__ import annotations

from prestatie import (
    Amount,
    Budget,
    BudgetColumn,
    Flow,
    Nature,
    Objective,
    Prestatie,
    Problem,
    Programme,
    check_budget,
)

_AMOUNT = Amount(
    flow=Flow.LASTEN,
    column=BudgetColumn.PRIMITIEF,
    nature=Nature.STRUCTUREEL,
    year=2017,
    value=1,
)


def _budget(*programmes: Programme) -> Budget:
    return Budget(province="Overijssel", year=2017, programmes=programmes)


def test_a_programme_number_given_twice_is_reported_at_the_second_with_the_first() -> None:
    """Two programmes numbered 7: the second number's path, and where the first is."""
    budget = _budget(Programme(number=7, name="A"), Programme(number=7, name="B"))
    assert check_budget(budget) == [
        Problem(
            where="$.programmes[1].number",
            message="duplicate programme 7: also at $.programmes[0].number",
        )
    ]


def test_an_amount_given_twice_for_a_prestatie_is_reported_at_the_prestatie() -> None:
    """The same lasten primitief structureel 2017 twice on prestatie 7.2.3: both places are
    the prestatie's amounts, not its programme's."""
    prestatie = Prestatie(code="7.2.3", title="Kennis", amounts=(_AMOUNT, _AMOUNT))
    objective = Objective(code="7.2", title="", prestaties=(prestatie,))
    budget = _budget(Programme(number=7, name="A", objectives=(objective,)))
    path = "$.programmes[0].objectives[0].prestaties[0].amounts"
    assert check_budget(budget) == [
        Problem(
            where=f"{path}[1]",
            message=f"duplicate amount lasten primitief structureel 2017: also at {path}[0]",
        )
    ]

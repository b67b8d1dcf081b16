"""Each rule across objects on a small hand-made budget: the fault it names, the exact place
and message, and the neighbouring cases it leaves alone (reserves, proposals, nested
objectives, fixed-width codes, tolerances, roles and the document's scale)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import attrs
import pytest

from prestatie import (
    Action,
    Amount,
    Budget,
    BudgetColumn,
    CodeScheme,
    Flow,
    Indicator,
    InvestmentProposal,
    Judgement,
    MonitorStatus,
    MutationKind,
    Nature,
    Objective,
    Prestatie,
    Problem,
    Programme,
    ProposalLink,
    Reserve,
    ReserveLink,
    ReserveMutation,
    check_budget,
)
from prestatie._checks import (
    CHECKS,
    check_actueel,
    check_duplicates,
    check_hierarchy,
    check_references,
    check_vocabulary,
    check_years,
)

_OBJECTIVE = "$.programmes[0].objectives[0]"
_PRESTATIE = f"{_OBJECTIVE}.prestaties[0]"
_RESERVE = "one of the budget's reserves"


def _amount(
    column: BudgetColumn, value: int, *, year: int = 2017, flow: Flow = Flow.LASTEN, **more: str
) -> Amount:
    return Amount(
        flow=flow, column=column, nature=Nature.STRUCTUREEL, year=year, value=value, **more
    )


def _objectives_budget(*objectives: Objective, **fields: object) -> Budget:
    """Programme 7 holding these objectives, of Overijssel unless `province` says otherwise."""
    programme = Programme(number=7, name="Bestuur", objectives=objectives)
    fields.setdefault("province", "Overijssel")
    return Budget(year=2017, programmes=(programme,), **fields)  # type: ignore[arg-type]


def _budget(*prestaties: Prestatie, **fields: object) -> Budget:
    """Programme 7 with objective 7.1 holding these prestaties."""
    return _objectives_budget(Objective(code="7.1", title="Doel", prestaties=prestaties), **fields)


def _prestatie(code: str = "7.1.1", **fields: object) -> Prestatie:
    return Prestatie(code=code, title="Prestatie", **fields)  # type: ignore[arg-type]


def _mutation(reserve: str, year: int = 2017) -> ReserveMutation:
    return ReserveMutation(
        kind=MutationKind.TOEVOEGING,
        reserve=reserve,
        column=BudgetColumn.PRIMITIEF,
        year=year,
        value=1,
    )


def _proposal(ps_number: str = "PS/2016/344", **fields: object) -> InvestmentProposal:
    return InvestmentProposal(name="Voorstel", ps_number=ps_number, year=2016, **fields)  # type: ignore[arg-type]


def _link(*related: str, ps_number: str = "PS/2016/344", reserve: str | None = None) -> ReserveLink:
    """A reserve link through proposal `ps_number` to the `related` prestaties."""
    return ReserveLink(
        related=True,
        reserve=reserve,
        proposals=(ProposalLink(ps_number=ps_number, related=related),),
    )


# Duplicates


def test_two_objectives_with_one_code_are_reported_at_the_second() -> None:
    """The second objective's code, and where the first is."""
    objectives = (Objective(code="7.1", title="A"), Objective(code="7.1", title="B"))
    programme = Programme(number=7, name="Bestuur", objectives=objectives)
    budget = Budget(province="Overijssel", year=2017, programmes=(programme,))
    assert check_budget(budget) == [
        Problem(
            where="$.programmes[0].objectives[1].code",
            message=f"duplicate objective 7.1: also at {_OBJECTIVE}.code",
        )
    ]


def test_a_prestatie_with_the_code_of_a_nested_objective_is_reported() -> None:
    """Objective 7.1 holds objective 7.1.1 and prestatie 7.1.1: both lie under 7.1, but the
    prestatie needs a code of its own."""
    objective = Objective(
        code="7.1",
        title="Doel",
        objectives=(Objective(code="7.1.1", title="Subdoel"),),
        prestaties=(_prestatie("7.1.1"),),
    )
    budget = _objectives_budget(objective)
    assert check_budget(budget) == [
        Problem(
            where=f"{_PRESTATIE}.code",
            message=f"prestatie 7.1.1 has the code of the objective at {_OBJECTIVE}"
            ".objectives[0].code: expected a code of its own",
        )
    ]


def test_a_prestatie_code_under_another_objective_code_is_no_clash() -> None:
    """Prestatie 7.1.1 and objective 7.1: different codes, no problem."""
    assert check_duplicates(_budget(_prestatie("7.1.1"))) == []


def test_an_action_number_given_twice_is_reported_at_the_later_action() -> None:
    """Actions 1, 2, 1 and 2: each repeat points at the first action of its number."""
    actions = tuple(Action(number=n, text=f"Actie {n}") for n in (1, 2, 1, 2))
    assert check_budget(_budget(_prestatie(actions=actions))) == [
        Problem(
            where=f"{_PRESTATIE}.actions[{a}].number",
            message=f"duplicate action {n} of prestatie 7.1.1: also at"
            f" {_PRESTATIE}.actions[{first}].number",
        )
        for a, n, first in [(2, 1, 0), (3, 2, 1)]
    ]


def test_a_reserve_named_twice_is_reported_with_its_name_quoted() -> None:
    budget = _budget(reserves=(Reserve(name="Reserve A"), Reserve(name="Reserve A")))
    assert check_budget(budget) == [
        Problem(
            where="$.reserves[1].name",
            message="duplicate reserve 'Reserve A': also at $.reserves[0].name",
        )
    ]


def test_a_proposal_numbered_twice_is_reported_by_its_number() -> None:
    budget = _budget(proposals=(_proposal(), _proposal(), _proposal("PS/2016/345")))
    assert check_budget(budget) == [
        Problem(
            where="$.proposals[1].ps_number",
            message="duplicate PS/2016/344: also at $.proposals[0].ps_number",
        )
    ]


# Hierarchy


def test_an_objective_outside_its_programme_names_the_levels_and_an_example() -> None:
    objective = Objective(code="8.1", title="Doel")
    budget = _objectives_budget(objective)
    assert check_hierarchy(budget) == [
        Problem(
            where=f"{_OBJECTIVE}.code",
            message="beleidsdoel 8.1 is not under its kerntaak 7: expected a code 7.n",
        )
    ]


def test_a_nested_objective_outside_its_objective_is_named_by_its_own_level() -> None:
    """Levels as the province names them: the nested objective is on the third level."""
    inner = Objective(code="7.2.1", title="Subdoel")
    objective = Objective(code="7.1", title="Doel", objectives=(inner,))
    budget = _objectives_budget(
        objective, province="Zeeland", levels=("programma", "doel", "subdoel", "prestatie")
    )
    assert check_hierarchy(budget) == [
        Problem(
            where=f"{_OBJECTIVE}.objectives[0].code",
            message="subdoel 7.2.1 is not under its doel 7.1: expected a code 7.1.n",
        )
    ]


def test_fixed_width_codes_are_placed_by_their_widths() -> None:
    """Under widths 2-2-2, 0201 lies under programme 2 and 020101 under 0201; 0301 does not
    lie under 02, and the example shows the width of the level below."""
    scheme = CodeScheme(widths=(2, 2, 2))
    good = Objective(code="0201", title="Doel", prestaties=(_prestatie("020101"),))
    stray = Objective(code="0301", title="Verdwaald")
    budget = Budget(
        province="Zeeland",
        year=2017,
        code_scheme=scheme,
        programmes=(Programme(number=2, name="Water", objectives=(good, stray)),),
    )
    assert check_hierarchy(budget) == [
        Problem(
            where="$.programmes[0].objectives[1].code",
            message="beleidsdoel 0301 is not under its kerntaak 02: expected a code 02nn",
        )
    ]


def test_every_objective_is_checked_also_after_a_prestatie() -> None:
    """Objective 7.1 and its prestatie are in place; objective 7.2 after them holds a
    prestatie 7.3.1 that is not."""
    objectives = (
        Objective(code="7.1", title="Eerste", prestaties=(_prestatie("7.1.1"),)),
        Objective(code="7.2", title="Tweede", prestaties=(_prestatie("7.3.1"),)),
    )
    budget = Budget(
        province="Overijssel",
        year=2017,
        programmes=(Programme(number=7, name="Bestuur", objectives=objectives),),
    )
    assert check_hierarchy(budget) == [
        Problem(
            where="$.programmes[0].objectives[1].prestaties[0].code",
            message="prestatie 7.3.1 is not under its beleidsdoel 7.2: expected a code 7.2.n",
        )
    ]


# References


def test_every_unknown_reserve_is_reported_where_it_is_named() -> None:
    """A proposal's reserve, an amount's funding, a mutation on a programme and on an
    objective, and a prestatie's reserve link: each names the reserve it did not find."""
    prestatie = _prestatie(reserve_link=ReserveLink(related=True, reserve="D"))
    objective = Objective(
        code="7.1",
        title="Doel",
        prestaties=(prestatie,),
        reserve_mutations=(_mutation("Bekend"), _mutation("C")),
    )
    programme = Programme(
        number=7,
        name="Bestuur",
        objectives=(objective,),
        amounts=(
            _amount(BudgetColumn.PRIMITIEF, 1, funding="Bekend"),
            _amount(BudgetColumn.ACTUEEL, 1, funding="B"),
        ),
        reserve_mutations=(_mutation("E"),),
    )
    budget = Budget(
        province="Overijssel",
        year=2017,
        programmes=(programme,),
        reserves=(Reserve(name="Bekend"),),
        proposals=(_proposal(reserve="A"), _proposal("PS/2016/345", reserve="Bekend")),
    )
    assert check_references(budget) == [
        Problem(
            where="$.proposals[0].reserve", message=f"unknown reserve 'A': expected {_RESERVE}"
        ),
        Problem(
            where="$.programmes[0].amounts[1].funding",
            message=f"amount funded from unknown reserve 'B': expected {_RESERVE}",
        ),
        Problem(
            where="$.programmes[0].reserve_mutations[0].reserve",
            message=f"toevoeging of unknown reserve 'E': expected {_RESERVE}",
        ),
        Problem(
            where=f"{_OBJECTIVE}.reserve_mutations[1].reserve",
            message=f"toevoeging of unknown reserve 'C': expected {_RESERVE}",
        ),
        Problem(
            where=f"{_PRESTATIE}.reserve_link.reserve",
            message=f"prestatie 7.1.1 refers to unknown reserve 'D': expected {_RESERVE}",
        ),
    ]


def _linked(related: tuple[str, ...], references: tuple[str, ...] = ()) -> Prestatie:
    return _prestatie(
        actions=(Action(number=1, text="Zie elders", references=references),),
        reserve_link=_link(*related),
    )


def test_an_unknown_proposal_and_unknown_prestaties_are_reported_in_a_complete_budget() -> None:
    """A link to a proposal the budget lacks, a related prestatie and an action's reference
    to a prestatie the budget lacks."""
    budget = _budget(_linked(("9.9.9",), ("9.9.8",)))
    link = f"{_PRESTATIE}.reserve_link.proposals[0]"
    assert check_references(budget) == [
        Problem(
            where=f"{_PRESTATIE}.actions[0].references[0]",
            message="action 1 of 7.1.1 refers to unknown prestatie 9.9.8:"
            " expected a prestatie of this budget",
        ),
        Problem(
            where=f"{link}.ps_number",
            message="prestatie 7.1.1 refers to unknown investment proposal PS/2016/344:"
            " expected one of the budget's proposals",
        ),
        Problem(
            where=f"{link}.related[0]",
            message="prestatie 7.1.1 lists unknown prestatie 9.9.9 under PS/2016/344:"
            " expected a prestatie of this budget",
        ),
    ]


def test_an_excerpt_may_refer_to_prestaties_outside_it_but_not_to_unknown_proposals() -> None:
    """In an excerpt only the proposal is missing; the pages it refers to lie outside it."""
    budget = _budget(_linked(("9.9.9",), ("9.9.8",)), complete=False)
    assert [problem.where for problem in check_references(budget)] == [
        f"{_PRESTATIE}.reserve_link.proposals[0].ps_number"
    ]


def test_references_to_what_the_budget_holds_are_no_problem() -> None:
    budget = _budget(
        _linked(("7.1.1",), ("7.1.1",)),
        proposals=(_proposal(reserve="Bekend"),),
        reserves=(Reserve(name="Bekend"),),
    )
    assert check_references(budget) == []


def test_links_under_different_proposals_are_not_each_others_other_side() -> None:
    """7.1.1 lists 7.1.2 under PS/2016/344, and 7.1.2 lists 7.1.1 under PS/2016/345: each
    misses its other side."""

    budget = _budget(
        _prestatie("7.1.1", reserve_link=_link("7.1.2", ps_number="PS/2016/344")),
        _prestatie("7.1.2", reserve_link=_link("7.1.1", ps_number="PS/2016/345")),
        proposals=(_proposal(), _proposal("PS/2016/345")),
    )
    assert check_budget(budget) == [
        Problem(
            where=f"{_OBJECTIVE}.prestaties[{s}].reserve_link.proposals[0].related[0]",
            message=f"prestatie {code} lists {other} under {ps_number}, but {other} does not"
            f" list {code}: expected the link on both sides",
        )
        for s, code, other, ps_number in [
            (0, "7.1.1", "7.1.2", "PS/2016/344"),
            (1, "7.1.2", "7.1.1", "PS/2016/345"),
        ]
    ]


def test_links_listed_on_both_sides_of_one_proposal_are_no_problem() -> None:
    """7.1.1 lists 7.1.2 and 7.1.2 lists 7.1.1, both under PS/2016/344."""

    budget = _budget(
        _prestatie("7.1.1", reserve_link=_link("7.1.2")),
        _prestatie("7.1.2", reserve_link=_link("7.1.1")),
        proposals=(_proposal(),),
    )
    assert check_budget(budget) == []


def test_a_prestatie_listing_itself_in_its_proposal_group_is_reported() -> None:
    budget = _budget(_prestatie(reserve_link=_link("7.1.1")), proposals=(_proposal(),))
    assert check_budget(budget) == [
        Problem(
            where=f"{_PRESTATIE}.reserve_link.proposals[0].related[0]",
            message="prestatie 7.1.1 lists itself under PS/2016/344:"
            " expected only the other prestaties",
        )
    ]


# Years


@pytest.mark.parametrize(
    ("year", "inside"), [(2016, False), (2017, True), (2020, True), (2021, False)]
)
def test_a_reserve_mutation_must_lie_within_the_budget_years(year: int, inside: bool) -> None:
    """The window 2017 to 2020 holds both ends; a mutation outside it is reported."""
    objective = Objective(code="7.1", title="Doel", reserve_mutations=(_mutation("R", year),))
    budget = _objectives_budget(objective, reserves=(Reserve(name="R"),))
    expected = [
        Problem(
            where=f"{_OBJECTIVE}.reserve_mutations[0].year",
            message=f"year {year} lies outside the budget's years: expected 2017 to 2020",
        )
    ]
    assert check_years(budget) == ([] if inside else expected)


def test_an_amount_of_a_prestatie_outside_the_years_is_reported_at_the_prestatie() -> None:
    budget = _budget(_prestatie(amounts=(_amount(BudgetColumn.PRIMITIEF, 1, year=2030),)))
    assert check_years(budget) == [
        Problem(
            where=f"{_PRESTATIE}.amounts[0].year",
            message="year 2030 lies outside the budget's years: expected 2017 to 2020",
        )
    ]


# Actueel


def _actueel_budget(*amounts: Amount) -> Budget:
    return _budget(_prestatie(amounts=amounts))


def test_actueel_is_primitief_plus_every_wijziging_of_its_line() -> None:
    """Two wijzigingen of 3 and 4 on a primitief of 10 make 17; a wijziging of another
    category, or a primitief of a begrotingswijziging, belongs to no other line."""
    budget = _actueel_budget(
        _amount(BudgetColumn.PRIMITIEF, 10),
        _amount(BudgetColumn.PRIMITIEF, 99, change="Voorjaarsnota"),
        _amount(BudgetColumn.WIJZIGING, 3, change="Voorjaarsnota"),
        _amount(BudgetColumn.WIJZIGING, 4, change="Najaarsnota"),
        _amount(BudgetColumn.WIJZIGING, 50, category="subsidies"),
        _amount(BudgetColumn.ACTUEEL, 17),
    )
    assert check_actueel(budget) == []


def test_a_wrong_actueel_names_its_category_primitief_and_wijziging() -> None:
    budget = _actueel_budget(
        _amount(BudgetColumn.PRIMITIEF, 5, category="subsidies"),
        _amount(BudgetColumn.WIJZIGING, 3, category="subsidies"),
        _amount(BudgetColumn.ACTUEEL, 10, category="subsidies"),
    )
    assert check_actueel(budget) == [
        Problem(
            where=f"{_PRESTATIE}.amounts[2].value",
            message="actueel lasten subsidies structureel 2017 is 10: expected primitief 5"
            " + wijziging 3 = 8",
        )
    ]


def test_a_wrong_actueel_without_category_or_wijziging_adds_a_wijziging_of_0() -> None:
    budget = _actueel_budget(
        _amount(BudgetColumn.PRIMITIEF, 1),
        _amount(BudgetColumn.ACTUEEL, 2),
    )
    assert check_actueel(budget) == [
        Problem(
            where=f"{_PRESTATIE}.amounts[1].value",
            message="actueel lasten structureel 2017 is 2: expected primitief 1 + wijziging 0 = 1",
        )
    ]


@pytest.mark.parametrize(
    ("actueel", "tolerance", "sound"), [(9, 1, True), (7, 1, True), (10, 1, False), (9, 0, False)]
)
def test_actueel_may_differ_from_its_sum_by_the_tolerance_either_way(
    actueel: int, tolerance: int, sound: bool
) -> None:
    """Primitief 8 and no wijziging: actueel 7 or 9 passes within 1, not 10, nor 9 within 0."""
    budget = _actueel_budget(
        _amount(BudgetColumn.PRIMITIEF, 8),
        _amount(BudgetColumn.ACTUEEL, actueel),
    )
    assert (check_actueel(budget, Decimal(tolerance)) == []) is sound


def test_an_actueel_without_its_primitief_or_of_a_begrotingswijziging_is_not_checked() -> None:
    """Another year, another flow, or an actueel of one begrotingswijziging has no
    primitief to add up to."""
    budget = _actueel_budget(
        _amount(BudgetColumn.PRIMITIEF, 8),
        _amount(BudgetColumn.ACTUEEL, 1, year=2018),
        _amount(BudgetColumn.ACTUEEL, 2, flow=Flow.BATEN),
        _amount(BudgetColumn.ACTUEEL, 3, change="Voorjaarsnota"),
        _amount(BudgetColumn.ACTUEEL, 8),
    )
    assert check_actueel(budget) == []


# Vocabulary

_ROLES = (
    "'faciliteerder', 'investeerder', 'uitvoerder', 'toezichthouder', 'regisseur',"
    " 'beïnvloeder', 'belangenassembleur', 'wegbeheerder', 'uitvoerder van een wettelijke"
    " taak'"
)


def test_a_role_prestatie_does_not_know_is_named_with_every_known_role() -> None:
    budget = _budget(_prestatie(roles=("regisseur", "partner")))
    assert check_vocabulary(budget) == [
        Problem(
            where=f"{_PRESTATIE}.roles[1]",
            message="role 'partner' of prestatie 7.1.1 is not a known role: expected one of"
            f" {_ROLES} (kept as printed)",
        )
    ]


def _status(*values: str) -> MonitorStatus:
    return MonitorStatus(
        dimensions=tuple(Judgement(dimension=f"d{i}", value=v) for i, v in enumerate(values))
    )


def test_a_judgement_off_the_scale_is_reported_on_every_level_and_indicator() -> None:
    """Statuses of a programme, an objective, a prestatie and an indicator are all judged
    on the document's scale; an empty judgement and one on the scale pass."""
    indicator = Indicator(name="Bezoekers", unit="aantal", status=_status("goed", "matig"))
    objective = Objective(
        code="7.1",
        title="Doel",
        status=_status("matig"),
        prestaties=(_prestatie(status=_status("", "slecht"), indicators=(indicator,)),),
    )
    programme = Programme(number=7, name="Bestuur", objectives=(objective,), status=_status("x"))
    budget = Budget(
        province="Zeeland",
        year=2017,
        scale=("goed", "matig"),
        programmes=(programme,),
    )
    scale = "expected one of 'goed', 'matig'"
    assert check_vocabulary(budget) == [
        Problem(
            where="$.programmes[0].status.dimensions[0].value",
            message=f"d0: 'x' is not on the document's scale: {scale}",
        ),
        Problem(
            where=f"{_PRESTATIE}.status.dimensions[1].value",
            message=f"d1: 'slecht' is not on the document's scale: {scale}",
        ),
    ]


def test_a_status_of_an_indicator_is_judged_at_the_indicator() -> None:
    indicator = Indicator(name="Bezoekers", unit="aantal", status=_status("paars"))
    objective = Objective(code="7.1", title="Doel", indicators=(indicator, indicator))
    budget = _objectives_budget(objective)
    assert [problem.where for problem in check_vocabulary(budget)] == [
        f"{_OBJECTIVE}.indicators[{i}].status.dimensions[0].value" for i in (0, 1)
    ]
    assert check_vocabulary(budget)[0].message == (
        "d0: 'paars' is not on the document's scale: expected one of 'groen', 'oranje', 'rood'"
    )


# The whole


def test_check_budget_reports_what_every_rule_finds_in_the_order_of_the_rules() -> None:
    """One fault for each rule, and check_budget lists the problems rule by rule."""
    prestatie = _prestatie(
        roles=("partner",),
        amounts=(
            _amount(BudgetColumn.PRIMITIEF, 1),
            _amount(BudgetColumn.ACTUEEL, 2),
            _amount(BudgetColumn.GEREALISEERD, 1, year=2030),
        ),
        reserve_link=_link("7.1.1", reserve="Onbekend"),
        actions=(Action(number=1, text="a"), Action(number=1, text="b")),
    )
    stray = Objective(code="8.1", title="Verdwaald")
    budget = _budget(prestatie, proposals=(_proposal(),))
    budget = attrs.evolve(
        budget,
        programmes=(
            attrs.evolve(
                budget.programmes[0], objectives=(*budget.programmes[0].objectives, stray)
            ),
        ),
    )
    found = check_budget(budget)
    assert found == [problem for check in CHECKS for problem in check(budget)]
    assert len(found) == 7
    assert [problem.where.rsplit(".", 1)[-1] for problem in found] == [
        "number",  # duplicate action
        "code",  # objective outside its programme
        "reserve",  # unknown reserve
        "related[0]",  # lists itself
        "year",  # outside the years
        "value",  # wrong actueel
        "roles[0]",  # unknown role
    ]


def _sound_budget() -> Budget:
    """Two of everything, each in its place and each reference known."""

    def prestatie(code: str, other: str) -> Prestatie:
        return _prestatie(
            code,
            roles=("regisseur", "uitvoerder"),
            actions=(
                Action(number=1, text="Eerst", references=(other,)),
                Action(number=2, text="Dan"),
            ),
            amounts=(
                _amount(BudgetColumn.PRIMITIEF, 5, funding="Reserve A"),
                _amount(BudgetColumn.WIJZIGING, 2),
                _amount(BudgetColumn.ACTUEEL, 7),
                _amount(BudgetColumn.PRIMITIEF, 1, year=2020),
            ),
            reserve_link=_link(other, reserve="Reserve B"),
            status=_status("groen", ""),
            indicators=(Indicator(name="Bezoekers", unit="aantal", status=_status("rood")),),
        )

    def programme(number: int) -> Programme:
        objectives = tuple(
            Objective(
                code=f"{number}.{o}",
                title="Doel",
                objectives=(Objective(code=f"{number}.{o}.9", title="Subdoel"),),
                prestaties=(
                    prestatie(f"{number}.{o}.1", f"{number}.{o}.2"),
                    prestatie(f"{number}.{o}.2", f"{number}.{o}.1"),
                ),
                reserve_mutations=(_mutation("Reserve A", 2020),),
                status=_status("oranje"),
            )
            for o in (1, 2)
        )
        return Programme(
            number=number,
            name="Programma",
            objectives=objectives,
            amounts=(_amount(BudgetColumn.PRIMITIEF, 3, funding="Reserve B"),),
            reserve_mutations=(_mutation("Reserve B"),),
        )

    return Budget(
        province="Overijssel",
        year=2017,
        programmes=(programme(7), programme(8)),
        reserves=(Reserve(name="Reserve A"), Reserve(name="Reserve B")),
        proposals=(_proposal(reserve="Reserve A"), _proposal("PS/2016/345")),
    )


@pytest.mark.parametrize("check", CHECKS, ids=lambda check: check.__name__)
def test_a_sound_budget_with_two_of_everything_has_no_problem(
    check: Callable[[Budget], list[Problem]],
) -> None:
    """No rule reports a budget whose codes, numbers, names, references, links, years,
    actueel, roles and judgements are all as they should be."""
    assert check(_sound_budget()) == []


def test_a_prestatie_code_given_twice_is_reported_at_the_second() -> None:
    budget = _budget(_prestatie("7.1.1"), _prestatie("7.1.2"), _prestatie("7.1.1"))
    assert check_budget(budget) == [
        Problem(
            where=f"{_OBJECTIVE}.prestaties[2].code",
            message=f"duplicate prestatie 7.1.1: also at {_PRESTATIE}.code",
        )
    ]

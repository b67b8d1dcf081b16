"""`summarise` and `render_summary`: totals per kerntaak and beleidsdoel that add up exactly,
the column chosen, streefwaarden summed per unit, and the Dutch aligned table."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import event, given, settings

from analysis_examples import YEAR, amounts, replace_prestaties, small_monitor
from prestatie import (
    Action,
    Amount,
    Budget,
    BudgetColumn,
    Code,
    DocumentKind,
    Flow,
    Objective,
    Prestatie,
    Target,
    TargetKind,
    summarise,
)
from prestatie._views.summary import render_summary
from strategies import budgets, size_bucket


@pytest.fixture(scope="module")
def largest_sums() -> Iterator[dict[str, int]]:
    """The most members a sum had in the summary laws' examples; once the module ran, each
    law must have added up several members at least once."""
    largest: dict[str, int] = {}
    yield largest
    few = {law: count for law, count in largest.items() if count < 2}
    assert not few, f"these laws never summed more than one member: {few}"


def _note(largest: dict[str, int], law: str, count: int) -> None:
    largest[law] = max(largest.get(law, 0), count)
    event(f"{law}: {size_bucket(count)} members")


def _added(owners: Iterable[Iterable[Amount]], flow: Flow, column: BudgetColumn) -> Counter[int]:
    """The amounts of `owners` of this flow and column per year, added up as fractions."""
    sums: Counter[int] = Counter()
    for owned in owners:
        for a in owned:
            if (a.flow, a.column) == (flow, column):
                sums[a.year] += Fraction(a.value)
    return sums


@settings(max_examples=40)
@given(budgets())
def test_grand_total_is_the_sum_of_programmes_and_of_all_amounts(
    largest_sums: dict[str, int], budget: Budget
) -> None:
    """Law: per table and year, Totaal = the sum of the kerntaak lines = the sum of every
    amount of that flow, column and year; a kerntaak line = its own amounts plus those of its
    beleidsdoelen and everything below them; a beleidsdoel line (one directly under its
    kerntaak) = its own plus those of the objectives and prestaties below it.
    A year without any amount has none (it shows blank), which counts as 0 here.
    The expected sums are added up here, as fractions, from the budget's tree."""
    summary = summarise(budget)
    for table in summary.tables:
        flow, column = table.flow, table.column
        assert set(table.total.years) <= set(summary.years)
        every = _added(
            [
                amounts
                for programme in budget.programmes
                for amounts in _owners(programme.amounts, programme.objectives)
            ],
            flow,
            column,
        )
        programme_lines = [line for line in table.lines if line.level == 1]
        for year in summary.years:
            assert table.total.values.get(year, 0) == every[year]
            assert (
                sum(Fraction(line.amounts.values.get(year, 0)) for line in programme_lines)
                == every[year]
            )
        for programme, line in zip(budget.programmes, programme_lines, strict=True):
            assert line.code == programme.code
            owners = _owners(programme.amounts, programme.objectives)
            expected = _added(owners, flow, column)
            _note(largest_sums, "kerntaak line", sum(len(amounts) for amounts in owners))
            assert {year: line.amounts.values.get(year, 0) for year in summary.years} == {
                year: expected[year] for year in summary.years
            }
        objective_lines = {line.code: line for line in table.lines if line.level == 2}
        for objective in (o for programme in budget.programmes for o in programme.objectives):
            owners = _owners((), (objective,))
            expected = _added(owners, flow, column)
            line = objective_lines[objective.code]
            assert all(line.amounts.values.get(year, 0) == expected[year] for year in summary.years)


def _owners(own: tuple[Amount, ...], objectives: Iterable[Objective]) -> list[tuple[Amount, ...]]:
    """`own` amounts and those of each objective, the objectives below it and each of their
    prestaties."""
    found = [own]
    for objective in objectives:
        found += _owners(objective.amounts, objective.objectives)
        found += [item.amounts for item in objective.prestaties]
    return found


@settings(max_examples=40)
@given(budgets())
def test_every_amount_year_is_a_summary_year(budget: Budget) -> None:
    """No amount is left out: every year an amount has is a column of the summary, and so is
    every year of the budget's window."""
    summary = summarise(budget)
    years = {
        a.year
        for programme in budget.programmes
        for amounts in _owners(programme.amounts, programme.objectives)
        for a in amounts
    }
    assert years <= set(summary.years)
    assert set(range(budget.first_year, budget.last_year + 1)) <= set(summary.years)


REASONS = {
    "kwalitatief": lambda t: t.kind is TargetKind.QUALITATIVE,
    "relatief (t.o.v. een basiswaarde)": lambda t: t.kind is TargetKind.RELATIVE,
    "een percentage telt niet op": lambda t: t.kind is TargetKind.ABSOLUTE and "%" in t.unit,
}


@settings(max_examples=40)
@given(budgets())
def test_summed_targets_account_for_every_action_target(
    largest_sums: dict[str, int], budget: Budget
) -> None:
    """Laws: each action target is in exactly one place, a sum of its unit and year or the
    list of targets not summable, whose reason fits it; a sum's bounds are the sums of its
    members' bounds, open where any member's is (added here as fractions)."""
    summary = summarise(budget)
    targets = Counter(
        (item.code, action.number, target)
        for item in budget.prestaties()
        for action in item.actions
        for target in action.targets
    )
    unsummed = Counter((u.code, u.action, u.target) for u in summary.unsummed)
    assert unsummed <= targets
    for u in summary.unsummed:
        assert REASONS[u.reason](u.target), (u.reason, u.target)
    groups: dict[tuple[str, int | None], list[tuple[Code, Target]]] = {}
    for (code, _, target), count in (targets - unsummed).items():
        groups.setdefault((target.unit, target.year), []).extend([(code, target)] * count)
    assert [(s.unit, s.year) for s in summary.target_sums] == sorted(
        groups, key=lambda key: (key[0], key[1] or 0)
    )
    for item in summary.target_sums:
        members = groups[(item.unit, item.year)]
        _note(largest_sums, "target sum", len(members))
        assert item.count == len(members)
        assert item.codes == tuple(sorted({code for code, _ in members}))
        for bound in ("lower", "upper"):
            values = [getattr(target, bound) for _, target in members]
            expected = None if None in values else sum(Fraction(v) for v in values)
            assert getattr(item.target, bound) == expected, bound


def test_seed_has_no_amounts_and_sums_its_targets(seed_budget: Budget) -> None:
    """The seed page prints no amounts: the summary says so, and lists its five countable
    targets per unit."""
    summary = summarise(seed_budget)
    assert summary.columns == (BudgetColumn.PRIMITIEF,)
    assert all(table.count == 0 for table in summary.tables)
    units = {item.unit: item.target for item in summary.target_sums}
    assert units["democratiespelen"].upper == 50
    assert units["adviezen"].lower == 2
    text = render_summary(summary)
    assert "Geen bedragen in deze begroting." in text
    assert "Bedragen x € 1.000" in text
    assert "Streefwaarden per eenheid" in text


def test_monitor_reads_actueel_and_gerealiseerd() -> None:
    """A monitor with actueel and gerealiseerd amounts is summarised in both columns; the
    kerntaak's own amounts are a line of their own and count in its total."""
    summary = summarise(small_monitor())
    assert summary.columns == (BudgetColumn.ACTUEEL, BudgetColumn.GEREALISEERD)
    lasten = summary.table(Flow.LASTEN, BudgetColumn.ACTUEEL)
    assert [line.label for line in lasten.lines] == [
        "Kerntaak 7 Kwaliteit openbaar bestuur",
        "Beleidsdoel 7.2 Een betrokken samenleving",
        "Kerntaak 7 niet per beleidsdoel",
    ]
    assert [line.amounts.values[YEAR] for line in lasten.lines] == [450, 350, 100]
    assert lasten.total.values == {YEAR: Decimal(450)}
    realised = summary.table(Flow.LASTEN, BudgetColumn.GEREALISEERD)
    assert realised.total.values == {YEAR: Decimal(465)}
    assert summary.table(Flow.BATEN, BudgetColumn.GEREALISEERD).total.values == {YEAR: 30}


def test_a_begroting_falls_back_to_primitief_and_shows_its_jaarrekening_year() -> None:
    """A begroting without actueel amounts is read from primitief; the realised amounts of a
    jaarrekening year that it states are shown too."""
    monitor = small_monitor()
    programme = monitor.programmes[0]
    begroting = attrs.evolve(
        monitor,
        kind=DocumentKind.BEGROTING,
        programmes=(
            attrs.evolve(programme, amounts=amounts(primitief=100, gerealiseerd=90), objectives=()),
        ),
    )
    summary = summarise(begroting)
    assert summary.columns == (BudgetColumn.PRIMITIEF, BudgetColumn.GEREALISEERD)
    assert summary.table(Flow.LASTEN, BudgetColumn.PRIMITIEF).total.values == {YEAR: 100}
    assert summary.table(Flow.LASTEN, BudgetColumn.GEREALISEERD).total.values == {YEAR: 90}
    assert "Lasten, gerealiseerd" in render_summary(summary)


def test_a_year_without_an_amount_is_blank_and_a_column_has_one_number_of_decimals() -> None:
    """A kerntaak without baten shows blanks, not 0; a column where one amount has cents
    shows every amount with two decimals."""
    monitor = small_monitor()
    programme = monitor.programmes[0]
    budget = attrs.evolve(
        monitor,
        programmes=(
            attrs.evolve(programme, amounts=amounts(actueel="1234.25"), objectives=()),
            attrs.evolve(
                programme, number=8, name="Ander", amounts=amounts(actueel=100), objectives=()
            ),
        ),
    )
    summary = summarise(budget)
    baten = summary.table(Flow.BATEN, BudgetColumn.ACTUEEL)
    assert all(line.amounts.values == {} for line in baten.lines)
    text = render_summary(summary)
    assert "1.234,25" in text
    assert "100,00" in text
    assert "1.334,25" in text
    kerntaak_8 = next(line for line in text.splitlines() if line.startswith("Kerntaak 8"))
    assert kerntaak_8.rstrip().endswith("100,00")


def test_targets_of_one_unit_add_and_others_are_listed() -> None:
    """At most 50 and at most 30 democratiespelen in two prestaties add up to at most 80; a
    percentage, a relative and a qualitative target are listed with the reason."""
    monitor = small_monitor()
    extra = Action(
        number=9,
        text="",
        targets=(
            Target.at_most(30, "democratiespelen"),
            Target.at_least(95, "% tevreden"),
            Target(unit="bezoekers", kind=TargetKind.RELATIVE, lower=Decimal(0)),
            Target.qualitative("iets goeds"),
        ),
    )

    def keep(item: Prestatie) -> Prestatie | None:
        if str(item.code) == "7.2.5":
            return attrs.evolve(item, actions=(extra,))
        return item if str(item.code) == "7.2.3" else None

    budget = replace_prestaties(monitor, keep)
    summary = summarise(budget)
    sums = {s.unit: s for s in summary.target_sums}
    assert sums["democratiespelen"].target.upper == 80
    assert sums["democratiespelen"].count == 2
    assert [str(c) for c in sums["democratiespelen"].codes] == ["7.2.3", "7.2.5"]
    reasons = {u.target.unit: u.reason for u in summary.unsummed}
    assert reasons == {
        "% tevreden": "een percentage telt niet op",
        "bezoekers": "relatief (t.o.v. een basiswaarde)",
        "": "kwalitatief",
    }
    text = render_summary(summary)
    assert "≤ 80" in text
    assert "Niet op te tellen" in text


def test_render_has_dutch_labels_and_aligned_columns() -> None:
    """The table has Dutch labels, Dutch number notation and right-aligned amounts: every line
    between the header and the Totaal line is as wide as the rule."""
    monitor = small_monitor()
    big = attrs.evolve(
        monitor,
        programmes=(attrs.evolve(monitor.programmes[0], amounts=amounts(actueel="1234567.5")),),
    )
    text = render_summary(summarise(big))
    lines = text.splitlines()
    assert lines[0] == "Monitor 2017-II — provincie Overijssel"
    assert lines[1] == "Bedragen x € 1.000"
    assert "Lasten, actuele begroting" in text
    assert "Kerntaak 7 Kwaliteit openbaar bestuur" in text
    assert "Totaal lasten" in text
    assert "1.234.917,5" in text  # 350 of beleidsdoel 7.2 + 1.234.567,5 of the kerntaak
    start = next(i for i, line in enumerate(lines) if line.startswith("Lasten, actuele"))
    rule = lines[start + 1]
    assert set(rule) == {"-"}
    block = [lines[start], *lines[start + 2 : start + 5], lines[start + 6]]
    assert all(len(line) == len(rule) for line in block)
    assert lines[start + 5] == rule


def test_targets_of_a_unit_that_counts_members_of_a_whole_are_not_added() -> None:
    """20 and 25 gemeenten in a province of 25 gemeenten are not 45: gemeenten (and any unit
    declared not additive) are listed without a sum, each target on its own."""
    monitor = small_monitor()
    action = Action(
        number=9,
        text="",
        targets=(Target.at_least(20, "gemeenten"), Target.at_least(3, "scholen")),
    )
    other = Action(
        number=10,
        text="",
        targets=(Target.exactly(25, "Gemeenten"), Target.at_least(4, "scholen")),
    )

    def keep(item: Prestatie) -> Prestatie | None:
        if str(item.code) == "7.2.3":
            return attrs.evolve(item, actions=(action, other))
        return None

    budget = replace_prestaties(monitor, keep)
    summary = summarise(budget)
    assert {s.unit for s in summary.target_sums} == {"scholen"}
    reasons = [(u.target.unit, u.reason) for u in summary.unsummed]
    assert reasons == [
        ("gemeenten", "de eenheid 'gemeenten' telt niet op"),
        ("Gemeenten", "de eenheid 'Gemeenten' telt niet op"),
    ]
    declared = summarise(budget, not_additive=["Scholen"])
    assert declared.target_sums == ()
    assert len(declared.unsummed) == 4

"""`summarise` and `render_summary`: totals per kerntaak and beleidsdoel that add up exactly,
the column chosen, streefwaarden summed per unit, and the Dutch aligned table."""

from __future__ import annotations

from decimal import Decimal

import attrs
from hypothesis import given, settings

from analysis_examples import YEAR, amounts, replace_prestaties, small_monitor
from prestatie import (
    Action,
    Budget,
    BudgetColumn,
    DocumentKind,
    Flow,
    Prestatie,
    Target,
    TargetKind,
    summarise,
)
from prestatie._money import total
from prestatie._views.summary import budget_amounts, render_summary
from strategies import budgets


@settings(max_examples=40)
@given(budgets())
def test_grand_total_is_the_sum_of_programmes_and_of_all_amounts(budget: Budget) -> None:
    """Law: per table and year, Totaal = the sum of the kerntaak lines = the exact sum of every
    amount of that flow, column and year; a kerntaak line = its beleidsdoelen + its own."""
    summary = summarise(budget)
    for table in summary.tables:
        assert table.total.years == summary.years
        for year in summary.years:
            every = total(
                a.value
                for a in budget_amounts(budget)
                if a.flow is table.flow and a.column is table.column and a.year == year
            )
            programmes = total(line.amounts.values[year] for line in table.programme_lines)
            assert table.total.values[year] == programmes == every
        for index, line in enumerate(table.lines):
            if line.level != 1:
                continue
            children = []
            for child in table.lines[index + 1 :]:
                if child.level == 1:
                    break
                children.append(child)
            for year in summary.years:
                assert line.amounts.values[year] == total(c.amounts.values[year] for c in children)


@settings(max_examples=40)
@given(budgets())
def test_every_amount_year_is_a_summary_year(budget: Budget) -> None:
    """No amount is left out: every year an amount has is a column of the summary."""
    summary = summarise(budget)
    assert {a.year for a in budget_amounts(budget)} <= set(summary.years)
    assert set(range(budget.first_year, budget.last_year + 1)) <= set(summary.years)


@settings(max_examples=40)
@given(budgets())
def test_summed_targets_account_for_every_action_target(budget: Budget) -> None:
    """Law: each action target is either in exactly one sum of its unit or listed as not
    summable; each sum's bounds are the exact sums of its members' bounds."""
    summary = summarise(budget)
    targets = [t for p in budget.prestaties() for a in p.actions for t in a.targets]
    assert sum(s.count for s in summary.target_sums) + len(summary.unsummed) == len(targets)
    for item in summary.target_sums:
        members = [
            t
            for t in targets
            if (t.unit, t.year) == (item.unit, item.year)
            and t.kind is TargetKind.ABSOLUTE
            and "%" not in t.unit
        ]
        assert len(members) == item.count
        lowers = [t.lower for t in members]
        expected = None if None in lowers else total(x for x in lowers if x is not None)
        assert item.target.lower == expected


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


def test_begroting_never_shows_gerealiseerd_and_falls_back_to_primitief() -> None:
    """A begroting without actueel amounts is read from primitief; gerealiseerd amounts in a
    begroting are not shown."""
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
    assert summary.columns == (BudgetColumn.PRIMITIEF,)
    assert summary.table(Flow.LASTEN, BudgetColumn.PRIMITIEF).total.values == {YEAR: 100}


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

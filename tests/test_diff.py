"""`diff_budgets` and `render_diff`: every prestatie labelled nieuw, voortzetting, gewijzigd
or vervallen, and the changed fields, targets and amounts between two budgets."""

from __future__ import annotations

from fractions import Fraction

import attrs
from hypothesis import event, given, settings

from analysis_examples import YEAR, amounts, replace_prestaties, small_monitor
from conftest import EXAMPLES
from prestatie import (
    Budget,
    BudgetColumn,
    Continuity,
    Duration,
    DurationKind,
    Flow,
    Prestatie,
    ReserveLink,
    Role,
    Target,
    Unit,
    diff_budgets,
    read_budget,
    render_diff,
)
from strategies import budget_versions, budgets


def codes(budget: Budget) -> set[str]:
    return {str(item.code) for item in budget.prestaties()}


@settings(max_examples=30)
@given(budgets())
def test_a_budget_does_not_differ_from_itself(budget: Budget) -> None:
    """Law: diff(a, a) is empty: falsy, every prestatie a voortzetting without changes."""
    diff = diff_budgets(budget, budget)
    assert not diff
    assert all(item.label is Continuity.VOORTZETTING for item in diff.prestaties)
    assert not any(item.fields or item.amounts or item.targets for item in diff.prestaties)
    assert render_diff(diff).endswith("Geen verschillen.")


@settings(max_examples=40)
@given(budget_versions())
def test_labels_partition_the_codes_and_swap_when_reversed(pair: tuple[Budget, Budget]) -> None:
    """Laws: each code of either budget has exactly one label; nieuw are the codes only in the
    new budget, vervallen those only in the old; what diff(a, b) adds diff(b, a) removes, and
    gewijzigd and voortzetting stay the same."""
    old, new = pair
    forward, backward = diff_budgets(old, new), diff_budgets(new, old)
    listed = [str(item.code) for item in forward.prestaties]
    assert len(listed) == len(set(listed))
    assert set(listed) == codes(old) | codes(new)
    assert {str(c) for c in forward.added} == codes(new) - codes(old)
    assert {str(c) for c in forward.removed} == codes(old) - codes(new)
    assert forward.added == backward.removed
    assert forward.removed == backward.added
    for label in (Continuity.GEWIJZIGD, Continuity.VOORTZETTING):
        assert forward.labelled(label) == backward.labelled(label)


@settings(max_examples=40)
@given(budget_versions())
def test_amount_changes_add_up_to_the_change_of_the_whole_budget(
    pair: tuple[Budget, Budget],
) -> None:
    """Law: per flow, column and compared year, the deltas of all prestaties and of the
    kerntaken and beleidsdoelen themselves add up to new total − old total; reversed, every
    delta changes sign."""
    old, new = pair
    diff = diff_budgets(old, new)
    changes = [c for item in diff.prestaties for c in item.amounts]
    changes += [c for own in diff.own_amounts for c in own.amounts]
    for flow in Flow:
        for column in BudgetColumn:
            for year in diff.years:
                key = (flow, column, year)
                deltas = sum(
                    Fraction(c.delta) for c in changes if (c.flow, c.column, c.year) == key
                )
                assert deltas == _whole(new, key, new.unit) - _whole(old, key, new.unit)
    backward = diff_budgets(new, old)
    forward_deltas = sorted(
        (str(i.code), c.flow.value, c.column.value, c.year, c.delta)
        for i in diff.prestaties
        for c in i.amounts
    )
    backward_deltas = sorted(
        (str(i.code), c.flow.value, c.column.value, c.year, -c.delta)
        for i in backward.prestaties
        for c in i.amounts
    )
    assert forward_deltas == backward_deltas


EUROS = {Unit.EURO: 1, Unit.THOUSAND: 1000, Unit.MILLION: 1_000_000}


def _whole(budget: Budget, key: tuple[Flow, BudgetColumn, int], unit: Unit) -> Fraction:
    """The budget's amounts of this flow, column and year in `unit`, added up here as
    fractions from the budget's tree."""
    found = Fraction(0)
    for programme in budget.programmes:
        owners = [programme.amounts]
        for objective in programme.objectives:
            owners += [objective.amounts, *(item.amounts for item in objective.prestaties)]
        for amounts_ in owners:
            for a in amounts_:
                if (a.flow, a.column, a.year) == key:
                    found += Fraction(a.value) * EUROS[budget.unit] / EUROS[unit]
    return found


@settings(max_examples=30)
@given(budget_versions())
def test_the_rendered_diff_names_every_changed_prestatie_and_change(
    pair: tuple[Budget, Budget],
) -> None:
    """Law: the text names every changed prestatie with its Dutch label, notes where the new
    budget labels it otherwise itself, and names each of its changed fields."""
    diff = diff_budgets(*pair)
    text = render_diff(diff)
    for item in diff.prestaties:
        if not item.changed:
            continue
        assert f"Prestatie {item.code}" in text
        assert f": {item.label.value}" in text
        if item.recorded is not None and item.recorded is not item.label:
            assert f"(de begroting zelf zegt: {item.recorded.value})" in text
        for change in item.fields:
            assert change.what in text
            event(f"changed: {change.what.split()[0]}")


def test_example_budgets_are_labelled_as_the_new_budget_labels_itself() -> None:
    """Begroting 2017 → 2018 of the bundled example: the labels agree with the continuity
    Begroting 2018 records for each of its prestaties, and 3.1.2 vervallen."""
    old = read_budget(EXAMPLES / "data" / "begroting-2017.json")
    new = read_budget(EXAMPLES / "data" / "begroting-2018.json")
    diff = diff_budgets(old, new)
    assert diff
    for item in diff.prestaties:
        if item.label is not Continuity.VERVALLEN:
            assert item.label is new.prestatie(item.code).continuity, item.code
    assert [str(c) for c in diff.removed] == ["3.1.2"]
    assert diff.years == (2018, 2019, 2020)
    by_code = {str(item.code): item for item in diff.prestaties}
    (change,) = by_code["7.2.3"].targets
    assert change.action == 1
    assert [t.upper for t in change.new if t.unit == "democratiespelen"] == [60]


def test_seed_changes_are_named_field_by_field(seed_budget: Budget) -> None:
    """Changing title, roles, duration, reserve link and a target of the seed prestatie makes
    it gewijzigd with each change named in Dutch; a target reworded to the same values is no
    change."""
    item = seed_budget.prestatie("7.2.3")
    action = item.actions[0]
    reworded = (
        attrs.evolve(action.targets[0], text="ten hoogste 50 democratiespelen"),
        *action.targets[1:],
    )
    changed = attrs.evolve(
        item,
        title="Kennis delen",
        roles=(Role.REGISSEUR, Role.FACILITEERDER),
        duration=Duration(kind=DurationKind.NIET_STRUCTUREEL, end_year=2019),
        reserve_link=ReserveLink(related=False),
        actions=(attrs.evolve(action, targets=reworded), *item.actions[1:3], *item.actions[4:]),
    )
    new = _replace(seed_budget, changed)
    diff = diff_budgets(seed_budget, new)
    (only,) = diff.prestaties
    assert only.label is Continuity.GEWIJZIGD
    fields = {change.what: (change.old, change.new) for change in only.fields}
    assert fields["titel"] == ("Kennisontwikkeling en -deling", "Kennis delen")
    assert fields["rol"] == ("faciliteerder", "regisseur, faciliteerder")
    assert fields["looptijd"] == (
        "niet structureel",
        "niet structureel, eindigt naar verwachting in 2019",
    )
    assert fields["relatie met reserve"][1] == "nee"
    assert fields["actie 4"][1] == "-"
    assert [(c.action, c.new) for c in only.targets] == [(4, ())]
    text = render_diff(diff)
    assert "Prestatie 7.2.3 Kennis delen: gewijzigd" in text
    assert "streefwaarden actie 4: ≥ 2 adviezen ('in elk geval twee adviezen') → geen" in text
    assert "Prestaties: nieuw 0, voortzetting 0, gewijzigd 1, vervallen 0" in text
    roles_only = _replace(seed_budget, attrs.evolve(item, roles=(Role.FACILITEERDER,) * 1))
    assert not diff_budgets(seed_budget, roles_only)


def _replace(budget: Budget, item: Prestatie) -> Budget:
    return replace_prestaties(budget, lambda p: item if p.code == item.code else p)


def test_amounts_alone_keep_voortzetting_and_units_are_converted() -> None:
    """A changed amount is listed (old, new, signed difference) without making the prestatie
    gewijzigd; the same amounts stated in euro instead of x € 1.000 are no change."""
    old = small_monitor()
    item = old.prestatie("7.2.5")
    revised = amounts(primitief=100, actueel=110, gerealiseerd=130)
    new = replace_prestaties(
        old, lambda p: attrs.evolve(p, amounts=revised) if p.code == item.code else p
    )
    diff = diff_budgets(old, new)
    assert diff
    by_code = {str(i.code): i for i in diff.prestaties}
    assert by_code["7.2.5"].label is Continuity.VOORTZETTING
    (change,) = by_code["7.2.5"].amounts
    assert (change.column, change.year, change.old, change.new, change.delta) == (
        BudgetColumn.ACTUEEL,
        YEAR,
        100,
        110,
        10,
    )
    text = render_diff(diff)
    assert "Lasten    actuele begroting  2017  100    110       +10" in text
    in_euro = _in_euro(old)
    assert not diff_budgets(old, in_euro)
    assert not diff_budgets(in_euro, old)


def _in_euro(budget: Budget) -> Budget:
    def scaled(owner: object) -> object:
        return attrs.evolve(
            owner,
            amounts=tuple(
                attrs.evolve(a, value=a.value * 1000)
                for a in owner.amounts  # type: ignore[attr-defined]
            ),
        )

    programmes = tuple(
        attrs.evolve(
            scaled(p),
            objectives=tuple(
                attrs.evolve(scaled(o), prestaties=tuple(scaled(i) for i in o.prestaties))
                for o in p.objectives
            ),
        )
        for p in budget.programmes
    )
    return attrs.evolve(budget, unit=Unit.EURO, programmes=programmes)


def test_new_and_removed_prestaties_and_a_target_change() -> None:
    """Nieuw and vervallen prestaties are listed with their targets and amounts; a changed
    target bound is a target change."""
    old = small_monitor()
    objective = old.programmes[0].objectives[0]
    p723, _, p725, _ = objective.prestaties
    tighter = attrs.evolve(
        p725,
        actions=(attrs.evolve(p725.actions[0], targets=(Target.at_least(15, "bijeenkomsten"),)),),
    )
    kept = {"7.2.3": p723, "7.2.5": tighter}
    new = replace_prestaties(old, lambda p: kept.get(str(p.code)))
    diff = diff_budgets(old, new)
    labels = {str(i.code): i.label for i in diff.prestaties}
    assert labels == {
        "7.2.3": Continuity.VOORTZETTING,
        "7.2.4": Continuity.VERVALLEN,
        "7.2.5": Continuity.GEWIJZIGD,
        "7.2.6": Continuity.VERVALLEN,
    }
    text = render_diff(diff)
    assert "Prestatie 7.2.4 Een prestatie zonder geld: vervallen" in text
    assert (
        "streefwaarden actie 1: ≥ 10 bijeenkomsten ('ten minste 10') → ≥ 15 bijeenkomsten" in text
    )
    assert "Lasten    gerealiseerd  2017    5      0        -5" in text
    assert "Prestatie 7.2.3" not in text  # unchanged voortzetting is only counted


def test_a_change_deep_in_a_long_text_is_shown_where_it_is(seed_budget: Budget) -> None:
    """When two long texts differ past the shown width, both sides are shown from just before
    their first difference, so the change is visible instead of two equal beginnings."""
    item = seed_budget.prestatie("7.2.3")
    long = "Wij organiseren bijeenkomsten in alle gemeenten van Overijssel. " * 5
    old = attrs.evolve(item, context=long + "maximaal 50 democratiespelen.")
    new = attrs.evolve(item, context=long + "maximaal 60 democratiespelen.")
    text = render_diff(diff_budgets(_replace(seed_budget, old), _replace(seed_budget, new)))
    (line,) = [line for line in text.splitlines() if line.startswith("  context:")]
    before, after = line.split(" → ")
    assert "maximaal 50 democratiespelen" in before
    assert "maximaal 60 democratiespelen" in after
    assert before.startswith("  context: '… ")

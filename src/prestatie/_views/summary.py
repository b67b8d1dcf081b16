"""The totals of a budget per kerntaak and beleidsdoel, per year, lasten and baten apart, and
its streefwaarden summed per unit."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

import attrs

from prestatie._code import Code
from prestatie._model import DEFAULT_LEVELS, Amount, Budget, BudgetColumn, Flow
from prestatie._money import AmountsByYear, Unit, format_amount, to_amount, total
from prestatie._target.algebra import Target, TargetKind
from prestatie._views.text import align, one_line

COLUMN_LABELS = {
    BudgetColumn.PRIMITIEF: "primitieve begroting",
    BudgetColumn.WIJZIGING: "wijzigingen",
    BudgetColumn.ACTUEEL: "actuele begroting",
    BudgetColumn.GEREALISEERD: "gerealiseerd",
}
"""How the renderers name a budget column."""

FLOW_LABELS = {Flow.LASTEN: "Lasten", Flow.BATEN: "Baten"}


def unit_line(unit: Unit) -> str:
    """The line under a table that states its unit: "Bedragen x € 1.000"."""
    return "Bedragen in euro" if unit is Unit.EURO else f"Bedragen {unit.value}"


def document_title(budget: Budget) -> str:
    """The budget's title, or its kind and year when it has none, with the province."""
    title = one_line(budget.title) or f"{budget.kind.value.capitalize()} {budget.year}"
    return f"{title} — provincie {one_line(budget.province)}"


@attrs.frozen(kw_only=True)
class SummaryLine:
    """One line of a summary table: a kerntaak (level 1), one of its beleidsdoelen (level 2),
    or the amounts of the kerntaak itself that no beleidsdoel carries (level 2, the kerntaak's
    code)."""

    code: Code
    label: str
    level: int
    amounts: AmountsByYear


@attrs.frozen(kw_only=True)
class SummaryTable:
    """The amounts of one flow and one column: each kerntaak followed by its beleidsdoelen,
    and the total. `count` is how many amounts of the budget went into it."""

    flow: Flow
    column: BudgetColumn
    lines: tuple[SummaryLine, ...]
    total: AmountsByYear
    count: int

    @property
    def programme_lines(self) -> tuple[SummaryLine, ...]:
        return tuple(line for line in self.lines if line.level == 1)


@attrs.frozen(kw_only=True)
class TargetSum:
    """The sum (interval addition) of the absolute streefwaarden of one unit and year over the
    actions of all prestaties; `codes` are the prestaties they come from."""

    unit: str
    year: int | None
    target: Target
    count: int
    codes: tuple[Code, ...]


@attrs.frozen(kw_only=True)
class UnsummedTarget:
    """A streefwaarde of an action that cannot be added to others, and why (in Dutch)."""

    code: Code
    action: int
    target: Target
    reason: str


@attrs.frozen(kw_only=True)
class Summary:
    """What `summarise` finds: one table per flow and column, and the streefwaarden per unit."""

    title: str
    unit: Unit
    years: tuple[int, ...]
    columns: tuple[BudgetColumn, ...]
    levels: tuple[str, ...]
    """The budget's names of its levels, outermost first."""
    tables: tuple[SummaryTable, ...]
    target_sums: tuple[TargetSum, ...]
    unsummed: tuple[UnsummedTarget, ...]

    def table(self, flow: Flow, column: BudgetColumn) -> SummaryTable:
        """The table of this flow and column; KeyError if the summary has none."""
        for table in self.tables:
            if table.flow is flow and table.column is column:
                return table
        raise KeyError((flow.value, column.value))


def budget_amounts(budget: Budget) -> Iterator[Amount]:
    """Every amount of the budget, each once."""
    for owner in budget.amount_owners():
        yield from owner.amounts


def summary_columns(budget: Budget) -> tuple[BudgetColumn, ...]:
    """The columns a summary shows: actueel when the budget has any actueel amount, else
    primitief; then gerealiseerd when any amount was realised (a monitor, a jaarverslag, or
    the jaarrekening year a begroting shows)."""
    present = {amount.column for amount in budget_amounts(budget)}
    columns = [BudgetColumn.ACTUEEL if BudgetColumn.ACTUEEL in present else BudgetColumn.PRIMITIEF]
    if BudgetColumn.GEREALISEERD in present:
        columns.append(BudgetColumn.GEREALISEERD)
    return tuple(columns)


def summarise(budget: Budget, *, not_additive: Iterable[str] = ()) -> Summary:
    """The totals of `budget` per kerntaak and beleidsdoel (or the budget's own names of its
    first two levels), per year, in the budget's unit.

    Which column: the actuele begroting when the budget has any actueel amount, else the
    primitieve begroting; the whole budget is read from one column, so the totals add up.
    A monitor or jaarverslag that records gerealiseerd amounts gets those tables too. Lasten
    and baten are separate tables (lasten first), each amount counted once, structureel and
    incidenteel together, exactly (`Decimal`). A kerntaak's line is its own amounts plus its
    beleidsdoelen's; a beleidsdoel's is its own plus everything below it. The years are the
    budget's window, plus any year an amount lies outside it, so nothing is left out.

    Streefwaarden of all actions are added per unit and year (`Target.__add__`) where that
    means something: absolute targets of a count or an amount. Qualitative and relative
    targets, percentages (a share does not add up) and units that count members of a fixed
    whole (gemeenten, waterschappen, provincies, regio's, and any unit in `not_additive`)
    are listed as not summable.
    """
    columns = summary_columns(budget)
    years = sorted(
        set(range(budget.first_year, budget.last_year + 1))
        | {amount.year for amount in budget_amounts(budget)}
    )
    tables = tuple(
        _table(budget, flow, column, years)
        for column in columns
        for flow in (Flow.LASTEN, Flow.BATEN)
    )
    units = NOT_ADDITIVE | {" ".join(unit.split()).casefold() for unit in not_additive}
    sums, unsummed = _targets(budget, units)
    return Summary(
        title=document_title(budget),
        unit=budget.unit,
        years=tuple(years),
        columns=columns,
        levels=budget.levels,
        tables=tables,
        target_sums=sums,
        unsummed=unsummed,
    )


def _by_year(
    amounts: Iterable[Amount], flow: Flow, column: BudgetColumn, unit: Unit, years: list[int]
) -> tuple[AmountsByYear, int]:
    chosen = [a for a in amounts if a.flow is flow and a.column is column]
    stated = {a.year for a in chosen}
    values = {y: total(a.value for a in chosen if a.year == y) for y in years if y in stated}
    return AmountsByYear(unit, values), len(chosen)


def _table(budget: Budget, flow: Flow, column: BudgetColumn, years: list[int]) -> SummaryTable:
    lines: list[SummaryLine] = []
    top, goal = (budget.level_label(d).capitalize() for d in (0, 1))
    count = 0
    grand = AmountsByYear(budget.unit, {})
    for programme in budget.programmes:
        children: list[SummaryLine] = []
        every = list(programme.amounts)  # the kerntaak's own, then each beleidsdoel's
        for objective in programme.objectives:
            owned = list(objective.all_amounts())
            every += owned
            amounts, _ = _by_year(owned, flow, column, budget.unit, years)
            label = f"{goal} {objective.code} {one_line(objective.title, 50)}".rstrip()
            children.append(SummaryLine(code=objective.code, label=label, level=2, amounts=amounts))
        own, own_count = _by_year(programme.amounts, flow, column, budget.unit, years)
        if own_count:
            children.append(
                SummaryLine(
                    code=programme.code,
                    label=f"{top} {programme.number} niet per {budget.level_label(1)}",
                    level=2,
                    amounts=own,
                )
            )
        programme_total, programme_count = _by_year(every, flow, column, budget.unit, years)
        count += programme_count
        grand = grand + programme_total
        label = f"{top} {programme.number} {one_line(programme.name, 50)}".rstrip()
        lines.append(
            SummaryLine(code=programme.code, label=label, level=1, amounts=programme_total)
        )
        lines.extend(children)
    return SummaryTable(flow=flow, column=column, lines=tuple(lines), total=grand, count=count)


NOT_ADDITIVE = frozenset({"gemeenten", "gemeente", "waterschappen", "provincies", "regio's"})
"""Units that count members of a fixed whole: 20 of the 25 gemeenten in one action and 25 in
another are not 45 gemeenten, as the same gemeente can be in both."""


def _unsummable(target: Target, not_additive: frozenset[str]) -> str | None:
    if target.kind is TargetKind.QUALITATIVE:
        return "kwalitatief"
    if target.kind is TargetKind.RELATIVE:
        return "relatief (t.o.v. een basiswaarde)"
    if target.kind is TargetKind.RATIO:
        return "een verhouding telt niet op"
    if "%" in target.unit:
        return "een percentage telt niet op"
    if " ".join(target.unit.split()).casefold() in not_additive:
        return f"de eenheid {target.unit!r} telt niet op"
    return None


def _targets(
    budget: Budget, not_additive: frozenset[str]
) -> tuple[tuple[TargetSum, ...], tuple[UnsummedTarget, ...]]:
    groups: dict[tuple[str, int | None], list[tuple[Code, Target]]] = {}
    unsummed: list[UnsummedTarget] = []
    for item in budget.prestaties():
        for action in item.actions:
            for target in action.targets:
                reason = _unsummable(target, not_additive)
                if reason is None:
                    groups.setdefault((target.unit, target.year), []).append((item.code, target))
                else:
                    unsummed.append(
                        UnsummedTarget(
                            code=item.code, action=action.number, target=target, reason=reason
                        )
                    )
    sums = []
    for (unit, year), members in sorted(
        groups.items(), key=lambda entry: (entry[0][0], entry[0][1] or 0)
    ):
        summed = members[0][1]
        for _, target in members[1:]:
            summed = summed + target
        sums.append(
            TargetSum(
                unit=unit,
                year=year,
                target=attrs.evolve(summed, text=""),
                count=len(members),
                codes=tuple(sorted({code for code, _ in members})),
            )
        )
    return tuple(sums), tuple(unsummed)


def render_summary(summary: Summary) -> str:
    """The summary as aligned text for a terminal: per flow and column a table with a line
    per kerntaak and beleidsdoel and a Totaal line, amounts in Dutch notation; then the
    streefwaarden per eenheid. Tables without a single amount are left out."""
    lines = [summary.title, unit_line(summary.unit)]
    if summary.levels != DEFAULT_LEVELS:  # Overijssel's own, the default, go without saying
        lines.insert(1, "Niveaus: " + " → ".join(one_line(name) for name in summary.levels))
    shown = [table for table in summary.tables if table.count]
    if not shown:
        lines += ["", "Geen bedragen in deze begroting."]
    for table in shown:
        lines += ["", *_amount_table(table, summary.years)]
    lines += ["", "Streefwaarden per eenheid", *_target_sum_lines(summary.target_sums)]
    if summary.unsummed:
        lines += ["", "Niet op te tellen", *_unsummed_lines(summary.unsummed)]
    return "\n".join(lines)


def _amount_table(table: SummaryTable, years: tuple[int, ...]) -> list[str]:
    header = f"{FLOW_LABELS[table.flow]}, {COLUMN_LABELS[table.column]}"
    rows = [(header, *(str(year) for year in years))]
    places = {
        year: max(
            (
                _places(line.amounts.values[year])
                for line in table.lines
                if year in line.amounts.values
            ),
            default=0,
        )
        for year in years
    }
    for line in table.lines:
        indent = "  " * (line.level - 1)
        rows.append((indent + line.label, *_cells(line.amounts, years, places)))
    rows.append((f"Totaal {table.flow.value}", *_cells(table.total, years, places)))
    body = align(rows, right=(False, *(True for _ in years)))
    rule = "-" * max(len(line) for line in body)
    return [body[0], rule, *body[1:-1], rule, body[-1]]


def _places(amount: Decimal) -> int:
    exponent = amount.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _cells(amounts: AmountsByYear, years: Iterable[int], places: dict[int, int]) -> tuple[str, ...]:
    """Each year's amount with its column's number of decimals; blank for a year without
    any amount (which is not 0)."""
    return tuple(
        format_amount(amounts.values[year].quantize(to_amount(1).scaleb(-places[year])))
        if year in amounts.values
        else ""
        for year in years
    )


def _target_sum_lines(sums: tuple[TargetSum, ...]) -> list[str]:
    if not sums:
        return ["  Geen streefwaarden om op te tellen."]
    with_year = any(item.year is not None for item in sums)
    rows = [("Eenheid", *(("Jaar",) if with_year else ()), "Samen", "Aantal", "Prestaties")]
    for item in sums:
        year = "" if item.year is None else str(item.year)
        rows.append(
            (
                one_line(item.unit, 40) or "(geen eenheid)",
                *((year,) if with_year else ()),
                attrs.evolve(item.target, unit="").describe(),
                str(item.count),
                ", ".join(str(code) for code in item.codes),
            )
        )
    right = (False, *((False,) if with_year else ()), False, True, False)
    return align(rows, right=right, indent="  ")


def _unsummed_lines(unsummed: tuple[UnsummedTarget, ...]) -> list[str]:
    rows = [("Prestatie", "Actie", "Streefwaarde", "Waarom")]
    for item in unsummed:
        rows.append(
            (str(item.code), str(item.action), one_line(item.target.describe(), 60), item.reason)
        )
    return align(rows, right=(False, True, False, False), indent="  ")

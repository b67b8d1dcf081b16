"""Hypothesis strategies for every model class; `budgets()` makes budgets that pass every
cross-object check."""

from __future__ import annotations

import random
from decimal import Decimal
from functools import cache
from typing import Any

import attrs
from hypothesis import event
from hypothesis import strategies as st

from prestatie import (
    Action,
    Ambition,
    Amount,
    AssociatedParty,
    Budget,
    BudgetChange,
    BudgetColumn,
    Code,
    CodeScheme,
    Continuity,
    DocumentKind,
    Duration,
    DurationKind,
    Flow,
    Indicator,
    IndicatorKind,
    InvestmentProposal,
    Judgement,
    Measurement,
    MonitorStatus,
    MutationKind,
    Nature,
    Objective,
    Prestatie,
    PrestatieError,
    Programme,
    ProposalLink,
    Reserve,
    ReserveLink,
    ReserveMutation,
    Role,
    Score,
    Section,
    Target,
    TargetKind,
    Thresholds,
    Unit,
)

# Dutch letters with diacritics, the euro sign, and the characters that start a formula.
_ALPHABET = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:'()&/-=+@€ëïéèöüÉĳ\n"
)
_WORDS = ["Wij", "ondersteunen", "provincie", "Overijssel", "beïnvloeder", "café", "coördinatie"]


@cache
def texts(min_size: int = 0, max_size: int = 40) -> st.SearchStrategy[str]:
    """Dutch-looking text, sometimes starting with `=`, `+`, `-` or `@`, sometimes long."""
    plain = st.text(alphabet=_ALPHABET, min_size=min_size, max_size=max_size)
    formula_like = st.sampled_from(["=", "+", "-", "@"]).flatmap(
        lambda head: plain.map(lambda tail: head + tail)
    )
    long = st.tuples(st.sampled_from(_WORDS), st.integers(100, 400)).map(
        lambda pair: " ".join([pair[0]] * pair[1])
    )
    return st.one_of(plain, plain, plain, formula_like, long).filter(lambda t: len(t) >= min_size)


@cache
def names() -> st.SearchStrategy[str]:
    """Short non-empty names."""
    return texts(min_size=1, max_size=30)


@cache
def amounts_values(places: int = 2) -> st.SearchStrategy[Decimal]:
    """Exact amounts up to a trillion, with at most `places` decimals."""
    return st.decimals(
        min_value=Decimal(-(10**12)),
        max_value=Decimal(10**12),
        places=places,
        allow_nan=False,
        allow_infinity=False,
    )


@cache
def years(low: int = 1990, high: int = 2040) -> st.SearchStrategy[int]:
    return st.integers(min_value=low, max_value=high)


@cache
def codes(max_level: int = 4) -> st.SearchStrategy[Code]:
    """Codes of one to `max_level` parts, numbers (some zero-padded) and after the first now
    and then letters, joined by dots or hyphens, sometimes with a trailing dot."""
    number = st.integers(min_value=0, max_value=120).map(str) | st.sampled_from(["02", "007"])
    part = number | st.sampled_from(["a", "b", "c", "ab"])
    parts = st.builds(
        lambda first, rest: [first, *rest], number, st.lists(part, max_size=max_level - 1)
    )
    separator = st.sampled_from([".", ".", "-"])
    trailing = st.sampled_from(["", "", "."])
    return st.builds(
        lambda p, sep, end: Code(sep.join(p) + (end if sep == "." else "")),
        parts,
        separator,
        trailing,
    )


@cache
def _bound() -> st.SearchStrategy[Decimal | None]:
    return st.none() | amounts_values()


@st.composite
def targets(draw: st.DrawFn, unit: str | None = None) -> Target:
    """Absolute, relative and qualitative targets with consistent bounds."""
    kind = draw(st.sampled_from(TargetKind))
    target_unit = unit if unit is not None else draw(names())
    text = draw(texts())
    year = draw(st.none() | years())
    first_year = None if year is None else draw(st.none() | st.integers(year - 5, year - 1))
    if kind is TargetKind.QUALITATIVE:
        return Target(
            unit=target_unit, kind=kind, text=text + "x", year=year, first_year=first_year
        )
    lower, upper = draw(_bound()), draw(_bound())
    lower_inclusive, upper_inclusive = draw(st.booleans()), draw(st.booleans())
    if lower is not None and upper is not None:
        lower, upper = min(lower, upper), max(lower, upper)
        if lower == upper:
            lower_inclusive = upper_inclusive = True
    baseline = draw(st.none() | amounts_values()) if kind is TargetKind.RELATIVE else None
    baseline_year = draw(st.none() | years()) if kind is TargetKind.RELATIVE else None
    return Target(
        unit=target_unit,
        kind=kind,
        lower=lower,
        lower_inclusive=lower_inclusive,
        upper=upper,
        upper_inclusive=upper_inclusive,
        year=year,
        baseline=baseline,
        baseline_year=baseline_year,
        text=text,
        first_year=first_year,
    )


# Values printed where a number is expected, as real budgets print them.
PRINTED_VALUES = ("PM", "Conform.", "nnb", "nvt", "-", "7,9*", "Geen meting")


@cache
def measurements() -> st.SearchStrategy[Measurement]:
    """A number, a number with its printed text, or only a printed text."""
    number = st.builds(
        Measurement, unit=names(), value=amounts_values(), year=st.none() | years(), text=texts()
    )
    printed = st.builds(
        Measurement,
        unit=names(),
        value=st.none(),
        year=st.none() | years(),
        text=st.sampled_from(PRINTED_VALUES),
    )
    return number | printed


# Scales of statuses as documents declare them.
SCALES = (
    ("groen", "oranje", "rood"),
    ("goed", "aandachtspunt", "niet volgens planning", "onbekend"),
    ("G", "O"),
    ("groen", "geel"),
    ("✓",),
)
DIMENSIONS = (("Beleid", "Tijd", "Geld"), ("Kwaliteit", "Tijd", "Geld"), ("Voortgang",))


@st.composite
def statuses(draw: st.DrawFn, scale: tuple[str, ...] = SCALES[0]) -> MonitorStatus:
    """A status with scores, a set of budget-change markers and judgements on dimensions
    whose values lie on `scale` (or are blank)."""
    dimensions = draw(st.sampled_from(((), *DIMENSIONS)))
    return MonitorStatus(
        content=draw(st.none() | st.sampled_from(Score)),
        financial=draw(st.none() | st.sampled_from(Score)),
        budget_changes=tuple(draw(st.lists(st.sampled_from(BudgetChange), unique=True))),
        dimensions=tuple(
            Judgement(
                dimension=dimension,
                value=draw(st.sampled_from(("", *scale))),
                text=draw(texts(max_size=20)),
            )
            for dimension in dimensions
        ),
        progress=draw(texts()),
    )


@cache
def sections() -> st.SearchStrategy[tuple[Section, ...]]:
    """Headed text in the order printed; headings may repeat."""
    heading = st.sampled_from(
        ["Wat willen we bereiken?", "Wat gaan we daarvoor doen?", "Wat mag het kosten?"]
    ) | texts(min_size=1, max_size=20)
    return st.lists(st.builds(Section, heading=heading, text=texts()), max_size=3).map(tuple)


@st.composite
def indicators(draw: st.DrawFn, scale: tuple[str, ...] = SCALES[0]) -> Indicator:
    indicator = Indicator(
        name=draw(names()),
        unit=draw(names()),
        baseline=draw(st.none() | amounts_values()),
        baseline_year=draw(st.none() | years()),
        targets=tuple(draw(st.lists(targets(), max_size=3))),
        realised=tuple(draw(st.lists(measurements(), max_size=2))),
        source=draw(texts()),
    )
    return attrs.evolve(indicator, **draw(_indicator_extras(scale)))


@st.composite
def _indicator_extras(draw: st.DrawFn, scale: tuple[str, ...]) -> dict[str, Any]:
    return {
        "code": draw(st.sampled_from(["", "4.1.a", "D5d", "Nr. 10 Basisset BBV"])),
        "kind": draw(st.none() | st.sampled_from(IndicatorKind)),
        "cumulative": draw(st.booleans()),
        "status": draw(st.none() | statuses(scale)),
        "trend": draw(st.sampled_from(["", "stabiel", "positieve ontwikkeling"])),
    }


@st.composite
def durations(draw: st.DrawFn) -> Duration:
    kind = draw(st.sampled_from(DurationKind))
    start = draw(st.none() | years())
    end = None
    if kind is DurationKind.NIET_STRUCTUREEL:
        end = draw(st.none() | years(low=start or 1990))
    return Duration(kind=kind, start_year=start, end_year=end, text=draw(texts()))


# Line categories and begrotingswijzigingen as budgets print them.
CATEGORIES = ("", "apparaatskosten", "directe lasten", "overdrachten", "kapitaallasten")
CHANGES = ("1", "3 - 2023")
TAAKVELDEN = ("0.1", "0.6", "2.3", "8.2")


@cache
def _amount_keys(
    first_year: int, last_year: int
) -> st.SearchStrategy[list[tuple[Flow, BudgetColumn, Nature, int, str]]]:
    return st.lists(
        st.tuples(
            st.sampled_from(Flow),
            st.sampled_from(BudgetColumn),
            st.sampled_from(Nature),
            st.integers(min_value=first_year, max_value=last_year),
            st.sampled_from(CATEGORIES),
        ),
        unique=True,
        max_size=8,
    )


@st.composite
def amount_tables(
    draw: st.DrawFn, first_year: int, last_year: int, reserves: tuple[str, ...] = ()
) -> tuple[Amount, ...]:
    """Amounts with distinct keys inside the years, on line categories, where actueel =
    primitief + wijziging, all on one taakveld or none; a wijziging may carry its
    begrotingswijziging, an amount the reserve that funds it."""
    keys = draw(_amount_keys(first_year, last_year))
    # One taakveld (or none) per owner keeps the law above intact.
    taakveld = draw(st.none() | st.sampled_from(TAAKVELDEN))
    values = {key: draw(amounts_values()) for key in keys}
    for flow, column, nature, year, category in keys:
        primitief = values.get((flow, BudgetColumn.PRIMITIEF, nature, year, category))
        if column is BudgetColumn.ACTUEEL and primitief is not None:
            change = values.get((flow, BudgetColumn.WIJZIGING, nature, year, category), Decimal(0))
            values[(flow, column, nature, year, category)] = primitief + change
    return tuple(
        Amount(
            flow=flow,
            column=column,
            nature=nature,
            year=year,
            value=values[key],
            category=category,
            taakveld=taakveld,
            **draw(_amount_extras(column, reserves)),
        )
        for key in keys
        for flow, column, nature, year, category in [key]
    )


@st.composite
def _amount_extras(
    draw: st.DrawFn, column: BudgetColumn, reserves: tuple[str, ...]
) -> dict[str, Any]:
    # A change is named only on a wijziging that is the only one of its line.
    change = draw(st.sampled_from(("", *CHANGES))) if column is BudgetColumn.WIJZIGING else ""
    return {
        "change": change,
        "funding": draw(st.none() | st.sampled_from(reserves)) if reserves else None,
    }


@st.composite
def reserve_mutations(
    draw: st.DrawFn, first_year: int, last_year: int, reserves: tuple[str, ...]
) -> tuple[ReserveMutation, ...]:
    """Toevoegingen and onttrekkingen of the budget's reserves within its years."""
    if not reserves:
        return ()
    return tuple(
        draw(
            st.lists(
                st.builds(
                    ReserveMutation,
                    kind=st.sampled_from(MutationKind),
                    reserve=st.sampled_from(reserves),
                    column=st.sampled_from(BudgetColumn),
                    year=st.integers(first_year, last_year),
                    value=money(),
                    change=st.sampled_from(("", *CHANGES)),
                ),
                max_size=3,
            )
        )
    )


# Budgets. `budgets()` makes budgets shaped like real ones: every level filled, several
# members on each, amounts on every level, and realised values in the units of their targets.
# `degenerate_budgets()` keeps the odd shapes (empty levels, amounts and measurements drawn
# at random) and `empty_budgets()` has no programme at all.

# Units of counts and amounts that budgets state their targets in; "%" does not add up.
BUDGET_UNITS = ("democratiespelen", "gastlessen", "adviezen", "nieuwe woningen", "km", "%")


def size_bucket(count: int) -> str:
    """`count` in a bucket: 0, 1, 2-4, 5-9, 10-29, 30-99 or 100+."""
    for limit, name in ((0, "0"), (1, "1"), (4, "2-4"), (9, "5-9"), (29, "10-29"), (99, "30-99")):
        if count <= limit:
            return name
    return "100+"


def record_shape(budget: Budget) -> None:
    """Record the budget's size as hypothesis events, so `--hypothesis-show-statistics`
    shows the distribution each law ran on."""
    prestaties_ = list(budget.prestaties())
    actions = [a for p in prestaties_ for a in p.actions]
    owners = list(budget.amount_owners())
    amounts = [a for owner in owners for a in owner.amounts]
    event(f"programmes: {size_bucket(len(budget.programmes))}")
    event(f"levels: {max((owner.depth for owner in owners), default=-1) + 1}")
    event(f"code scheme: {budget.code_scheme.describe()}")
    event(f"prestaties: {size_bucket(len(prestaties_))}")
    event(f"actions: {size_bucket(len(actions))}")
    event(f"amounts: {size_bucket(len(amounts))}")
    matched = sum(
        1
        for a in actions
        for t in a.targets
        if any(
            " ".join(m.unit.split()).casefold() == " ".join(t.unit.split()).casefold()
            for m in a.realised
        )
    )
    event(f"action targets with a realised value of their unit: {size_bucket(matched)}")


@cache
def money() -> st.SearchStrategy[Decimal]:
    """Amounts as budgets in x € 1.000 print them, mostly whole or with one decimal, now and
    then large, negative or in cents, and sometimes any amount up to a trillion."""
    return st.one_of(
        st.integers(0, 2_000).map(Decimal),
        st.decimals(min_value=0, max_value=100_000, places=1),
        st.decimals(min_value=-10_000, max_value=10**7, places=2),
        amounts_values(),
    )


@st.composite
def budget_amount_tables(
    draw: st.DrawFn, first_year: int, last_year: int, year: int, reserves: tuple[str, ...] = ()
) -> tuple[Amount, ...]:
    """The amounts of one owner as a budget prints them: lasten (and often baten) primitief for
    the budget year and maybe other years, often a wijziging with the actueel it gives (actueel
    = primitief + wijziging), sometimes an actueel alone, a gerealiseerd near the budget, and
    incidenteel amounts beside the structurele; now and then on several line categories, with
    the wijziging split over numbered begrotingswijzigingen."""
    categories = [""]
    if draw(st.integers(0, 3)) == 0:
        categories = draw(st.lists(st.sampled_from(CATEGORIES[1:]), min_size=1, unique=True))
    return tuple(
        attrs.evolve(amount, category=category, **draw(_amount_extras(amount.column, reserves)))
        if amount.column is not BudgetColumn.WIJZIGING
        else attrs.evolve(amount, category=category)
        for category in categories
        for amount in draw(_split_changes(draw(_one_line_table(first_year, last_year, year))))
    )


@st.composite
def _split_changes(draw: st.DrawFn, amounts: tuple[Amount, ...]) -> tuple[Amount, ...]:
    # A wijziging made by two begrotingswijzigingen is two amounts that add up to it.
    found: list[Amount] = []
    for amount in amounts:
        if amount.column is BudgetColumn.WIJZIGING and draw(st.booleans()):
            first = draw(money())
            found += [
                attrs.evolve(amount, value=first, change=CHANGES[0]),
                attrs.evolve(amount, value=amount.value - first, change=CHANGES[1]),
            ]
        else:
            found.append(amount)
    return tuple(found)


@st.composite
def _one_line_table(
    draw: st.DrawFn, first_year: int, last_year: int, year: int
) -> tuple[Amount, ...]:
    others = [y for y in range(first_year, last_year + 1) if y != year]
    chosen = (
        [year, *draw(st.lists(st.sampled_from(others), unique=True, max_size=2))]
        if others
        else [year]
    )
    found = []
    for amount_year in sorted(chosen):
        for flow in (Flow.LASTEN, *((Flow.BATEN,) if draw(st.booleans()) else ())):
            natures = [Nature.STRUCTUREEL]
            if draw(st.integers(0, 3)) == 0:
                natures.append(Nature.INCIDENTEEL)
            for nature in natures:
                values: dict[BudgetColumn, Decimal] = {}
                primitief = draw(money())
                shape = draw(st.sampled_from(["primitief", "wijziging", "wijziging", "actueel"]))
                if shape != "actueel":
                    values[BudgetColumn.PRIMITIEF] = primitief
                if shape == "wijziging":
                    change = draw(money())
                    values[BudgetColumn.WIJZIGING] = change
                    values[BudgetColumn.ACTUEEL] = primitief + change
                if shape == "actueel":
                    values[BudgetColumn.ACTUEEL] = primitief
                if draw(st.booleans()):
                    basis = values.get(BudgetColumn.ACTUEEL, primitief)
                    percent = draw(st.integers(0, 200))
                    realised = (basis * percent / 100).quantize(Decimal("0.01"))
                    values[BudgetColumn.GEREALISEERD] = realised
                found += [
                    Amount(flow=flow, column=column, nature=nature, year=amount_year, value=value)
                    for column, value in values.items()
                ]
    return tuple(found)


@st.composite
def budget_targets(draw: st.DrawFn, first_year: int, last_year: int) -> Target:
    """A target as budgets state them: mostly absolute in a count or amount, sometimes a
    relative change of -150% to +150% (below -100% it has no meaning), often with its
    baseline, sometimes qualitative; for the budget's years or for none."""
    unit = draw(st.sampled_from(BUDGET_UNITS))
    year = draw(st.none() | years(first_year, last_year))
    text = draw(texts(max_size=20))
    kind = draw(
        st.sampled_from(
            [TargetKind.ABSOLUTE] * 4 + [TargetKind.RELATIVE] * 2 + [TargetKind.QUALITATIVE]
        )
    )
    if kind is TargetKind.QUALITATIVE:
        return attrs.evolve(Target.qualitative(text + "x"), year=year)
    if kind is TargetKind.ABSOLUTE:
        return attrs.evolve(draw(absolute_targets(unit=unit)), year=year, text=text)
    percents = st.none() | st.decimals(min_value=-150, max_value=150, places=1)
    lower, upper = draw(percents), draw(percents)
    if lower is not None and upper is not None and lower > upper:
        lower, upper = upper, lower
    return Target(
        unit=unit,
        kind=TargetKind.RELATIVE,
        lower=lower,
        upper=upper,
        year=year,
        baseline=draw(st.none() | bound_values()),
        baseline_year=draw(st.none() | years(first_year - 5, first_year)),
        text=text,
    )


@st.composite
def realisations(
    draw: st.DrawFn, targets_: tuple[Target, ...], year: int, baseline: Decimal | None = None
) -> tuple[Measurement, ...]:
    """What a monitor records for `targets_`: for most targets a measurement of the same unit
    (now and then spelled in other case), for the target's year, for no year or for another
    year; its value on a bound, just inside or outside one, between them, or anywhere."""
    found = []
    for target in targets_:
        if target.kind is TargetKind.QUALITATIVE or draw(st.integers(0, 4)) == 0:
            continue
        wanted = target.year if target.year is not None else year
        when = draw(st.sampled_from([wanted, wanted, None, wanted - 1]))
        try:
            resolved = target.resolve(baseline if target.baseline is None else None)
        except PrestatieError:
            resolved = target
        bounds = [b for b in (resolved.lower, resolved.upper) if b is not None]
        near = [b + step for b in bounds for step in (Decimal(-1), Decimal(0), Decimal(1))]
        if len(bounds) == 2:
            near.append((bounds[0] + bounds[1]) / 2)
        value = draw(st.sampled_from(near) | bound_values()) if near else draw(bound_values())
        unit = target.unit if draw(st.integers(0, 5)) else target.unit.upper()
        found.append(Measurement(unit=unit, value=value, year=when))
    return tuple(found)


@st.composite
def _actions(
    draw: st.DrawFn, first_year: int, last_year: int, year: int, sparse: bool
) -> tuple[Action, ...]:
    numbers = draw(_unique_numbers(1, 40, 4, 0 if sparse else 1))
    actions = []
    for number in numbers:
        if sparse:
            targets_ = tuple(draw(st.lists(targets(), max_size=3)))
            realised = tuple(draw(st.lists(measurements(), max_size=2)))
        else:
            targets_ = tuple(draw(st.lists(budget_targets(first_year, last_year), max_size=4)))
            realised = draw(realisations(targets_, year))
        actions.append(
            Action(number=number, text=draw(texts()), targets=targets_, realised=realised)
        )
    return tuple(actions)


@st.composite
def prestaties(
    draw: st.DrawFn,
    code: Code,
    first_year: int = 2017,
    last_year: int = 2020,
    year: int | None = None,
    sparse: bool = True,
    scale: tuple[str, ...] = SCALES[0],
) -> Prestatie:
    """A prestatie without references or reserve links (`budgets` adds consistent ones).
    `sparse` ones may lack actions and have amounts of any key; others are as in a budget
    for `year`."""
    year = first_year if year is None else year
    amounts = (
        draw(amount_tables(first_year, last_year))
        if sparse
        else draw(budget_amount_tables(first_year, last_year, year))
    )
    return Prestatie(
        code=code,
        title=draw(texts()),
        introduction=draw(texts()),
        context=draw(texts()),
        actions=draw(_actions(first_year, last_year, year, sparse)),
        portfolio_holders=tuple(draw(st.lists(names(), max_size=2))),
        roles=tuple(draw(st.lists(st.sampled_from(Role), unique=True, max_size=5))),
        role_text=draw(texts()),
        duration=draw(st.none() | durations()),
        amounts=amounts,
        continuity=draw(st.none() | st.sampled_from(Continuity)),
        status=draw(st.none() | statuses(scale)),
        sections=draw(sections()),
        indicators=tuple(
            draw(
                st.lists(indicators(scale), max_size=1)
                if sparse
                else st.lists(_indicators(first_year, last_year, year, scale), max_size=1)
            )
        ),
    )


@st.composite
def _indicators(
    draw: st.DrawFn, first_year: int, last_year: int, year: int, scale: tuple[str, ...]
) -> Indicator:
    targets_ = tuple(draw(st.lists(budget_targets(first_year, last_year), min_size=1, max_size=3)))
    baseline = draw(st.none() | bound_values())
    indicator = Indicator(
        name=draw(names()),
        unit=draw(st.sampled_from(BUDGET_UNITS)),
        baseline=baseline,
        baseline_year=draw(st.none() | years(first_year - 5, first_year)),
        targets=targets_,
        realised=draw(realisations(targets_, year, baseline)),
        source=draw(texts()),
    )
    return attrs.evolve(indicator, **draw(_indicator_extras(scale)))


@cache
def _unique_numbers(
    low: int, high: int, max_size: int, min_size: int = 0
) -> st.SearchStrategy[list[int]]:
    return st.lists(
        st.integers(min_value=low, max_value=high),
        unique=True,
        min_size=min_size,
        max_size=max_size,
    )


def budgets(max_programmes: int = 3, *, three_levels: bool = False) -> st.SearchStrategy[Budget]:
    """A budget shaped like a real one that every cross-object check accepts: one to
    `max_programmes` programmes, each with one to three objectives of one to three prestaties,
    each with one to four actions; amounts on every level; realised values in the units of
    their targets. Its size is recorded as hypothesis events. With `three_levels`, only
    Overijssel's shape: programme, objective, prestatie, with dotted codes (what a foreign
    sheet's mapping reads)."""
    return _budgets(max_programmes, sparse=False, three_levels=three_levels)


def degenerate_budgets(max_programmes: int = 2) -> st.SearchStrategy[Budget]:
    """A budget that every cross-object check accepts but where any level may be empty
    (programmes without objectives, prestaties without actions, no amounts), with amounts of
    any key and measurements of any unit."""
    return _budgets(max_programmes, sparse=True)


def empty_budgets() -> st.SearchStrategy[Budget]:
    """A budget without programmes, reserves or proposals."""
    return _budgets(0, sparse=True)


# How budgets print their codes: `CodeScheme` and the text of a code from its numbers.
CODE_STYLES = ("dotted", "hyphen", "padded", "letter", "fixed")
LEVEL_NAMES = (
    ("kerntaak", "beleidsdoel", "prestatie", "actie"),
    ("programma", "beleidsdoel", "operationeel doel", "instrument"),
    ("programma", "maatschappelijk effect", "doelstelling", "actie"),
    ("programma", "programmadoel", "beleidsdoel", "meerjarendoel"),
)


def code_text(style: str, parts: tuple[int, ...], *, last: bool = False) -> str:
    """The code of these numbers as a budget of `style` prints it: `7.2.3`, `7-2-3`,
    `7.2.03` (padded last part), `7.2.c` (a letter for a prestatie), `070203` (fixed)."""
    if style == "fixed":
        return "".join(f"{part:02d}" for part in parts)
    if style == "hyphen":
        return "-".join(map(str, parts))
    texts_ = [str(part) for part in parts]
    if last and style == "padded":
        texts_[-1] = f"{parts[-1]:02d}"
    if last and style == "letter":
        texts_[-1] = chr(ord("a") + parts[-1] - 1)
    return ".".join(texts_)


@st.composite
def _budgets(
    draw: st.DrawFn, max_programmes: int, sparse: bool, three_levels: bool = False
) -> Budget:
    year = draw(years(2000, 2030))
    first_year = year - draw(st.integers(0, 2))
    last_year = year + draw(st.integers(0, 4))
    least = 0 if sparse else 1
    style = "dotted" if three_levels else draw(st.sampled_from(CODE_STYLES))
    scale = draw(st.sampled_from(SCALES))
    reserves = tuple(
        Reserve(name=name, description=draw(texts()))
        for name in draw(st.lists(names(), unique=True, max_size=2))
    )
    reserve_names = tuple(r.name for r in reserves)

    def amounts_of() -> st.SearchStrategy[tuple[Amount, ...]]:
        if sparse:
            return amount_tables(first_year, last_year, reserve_names)
        return budget_amount_tables(first_year, last_year, year, reserve_names)

    def indicators_of() -> st.SearchStrategy[list[Indicator]]:
        if sparse:
            return st.lists(indicators(scale), max_size=2)
        return st.lists(_indicators(first_year, last_year, year, scale), max_size=2)

    def objective(parts: tuple[int, ...], depth: int) -> Objective:
        children = []
        if not three_levels and depth < 3 and draw(st.integers(0, 3)) == 0:
            children = [
                # Numbered past the prestaties (1-15): an objective and a prestatie never
                # share a code.
                objective((*parts, o), depth + 1)
                for o in draw(_unique_numbers(16, 24, 2, 1))
            ]
        prestaties_ = tuple(
            draw(
                prestaties(
                    Code(code_text(style, (*parts, s), last=True)),
                    first_year,
                    last_year,
                    year,
                    sparse,
                    scale=scale,
                )
            )
            for s in draw(_unique_numbers(1, 15, 3, 0 if children else least))
        )
        return Objective(
            code=Code(code_text(style, parts)),
            title=draw(texts()),
            indicators=tuple(draw(indicators_of())),
            prestaties=prestaties_,
            amounts=draw(amounts_of()),
            objectives=tuple(children),
            sections=draw(sections()),
            status=draw(st.none() | statuses(scale)),
            reserve_mutations=draw(reserve_mutations(first_year, last_year, reserve_names)),
        )

    programmes = []
    for number in draw(_unique_numbers(1, 20, max_programmes, min(least, max_programmes))):
        objectives = [
            objective((number, o), 1)
            for o in draw(_unique_numbers(1, 12, 2 if sparse else 3, least))
        ]
        ambition = draw(st.none() | st.builds(Ambition, text=texts(), target=st.none() | targets()))
        programmes.append(
            Programme(
                number=number,
                name=draw(texts()),
                ambition=ambition,
                objectives=tuple(objectives),
                amounts=draw(amounts_of()),
                sections=draw(sections()),
                indicators=tuple(draw(indicators_of())),
                status=draw(st.none() | statuses(scale)),
                associated_parties=tuple(
                    draw(
                        st.lists(st.builds(AssociatedParty, name=names(), text=texts()), max_size=2)
                    )
                ),
                reserve_mutations=draw(reserve_mutations(first_year, last_year, reserve_names)),
            )
        )
    all_codes = [p.code for p in _prestaties_of(programmes)]
    proposals = []
    groups: dict[Code, list[ProposalLink]] = {}
    for i, serial in enumerate(draw(_unique_numbers(1, 9999, 2 if all_codes else 0))):
        proposal_year = draw(years(2000, 2030))
        ps_number = draw(st.sampled_from([f"PS/{proposal_year}/{serial}", f"GS DOC-{serial:08d}"]))
        proposals.append(
            InvestmentProposal(
                name=draw(names()),
                ps_number=ps_number,
                year=proposal_year,
                amended_by=tuple(
                    f"PS/{proposal_year + 1}/{n}" for n in draw(_unique_numbers(1, 999, 2))
                ),
                reserve=draw(st.none() | st.sampled_from([r.name for r in reserves]))
                if reserves
                else None,
                amount=draw(st.none() | amounts_values()),
            )
        )
        group = draw(st.lists(st.sampled_from(all_codes), unique=True, max_size=4))
        for member in group:
            related = tuple(code for code in group if code != member)
            groups.setdefault(member, []).append(
                ProposalLink(ps_number=ps_number, related=related, text=draw(texts()))
            )
        del i

    def finish(prestatie: Prestatie) -> Prestatie:
        links = tuple(groups.get(prestatie.code, ()))
        reserve = draw(st.none() | st.sampled_from(reserve_names)) if reserve_names else None
        link = ReserveLink(
            related=bool(links) or draw(st.booleans()), reserve=reserve, proposals=links
        )
        actions = tuple(
            attrs.evolve(
                action, references=tuple(draw(st.lists(st.sampled_from(all_codes), max_size=2)))
            )
            for action in prestatie.actions
        )
        return attrs.evolve(prestatie, reserve_link=link, actions=actions)

    def finish_all(objective: Objective) -> Objective:
        return attrs.evolve(
            objective,
            objectives=tuple(finish_all(o) for o in objective.objectives),
            prestaties=tuple(finish(p) for p in objective.prestaties),
        )

    programmes = [
        attrs.evolve(programme, objectives=tuple(finish_all(o) for o in programme.objectives))
        for programme in programmes
    ]
    budget = Budget(
        province=draw(names()),
        year=year,
        kind=draw(st.sampled_from(DocumentKind)),
        unit=draw(st.sampled_from(Unit)),
        title=draw(texts()),
        first_year=first_year,
        last_year=last_year,
        programmes=tuple(programmes),
        reserves=reserves,
        proposals=tuple(proposals),
        notes=draw(texts()),
        levels=draw(st.sampled_from(LEVEL_NAMES)),
        code_scheme=CodeScheme(widths=(2,) * 6) if style == "fixed" else CodeScheme(),
        scale=scale,
        paragraphs=draw(sections()),
    )
    record_shape(budget)
    return budget


def _prestaties_of(programmes: list[Programme]) -> list[Prestatie]:
    def of(objective: Objective) -> list[Prestatie]:
        return [*(p for o in objective.objectives for p in of(o)), *objective.prestaties]

    return [p for programme in programmes for o in programme.objectives for p in of(o)]


# Targets and amounts for the arithmetic laws.

PHRASE_UNITS = ("democratiespelen", "gastlessen", "adviezen", "nieuwe woningen", "km", "%", "euro")


def bound_values() -> st.SearchStrategy[Decimal]:
    """Bounds and values with up to two decimals, small enough to sum and scale quickly."""
    return st.decimals(
        min_value=Decimal(-(10**6)), max_value=Decimal(10**6), places=2, allow_nan=False
    )


@st.composite
def absolute_targets(draw: st.DrawFn, unit: str = "gastlessen") -> Target:
    """Non-empty absolute targets of every shape: open, half-open, closed, strict, exact.
    An open bound keeps the default inclusiveness, as the constructors leave it."""
    lower, upper = draw(st.none() | bound_values()), draw(st.none() | bound_values())
    if lower is not None and upper is not None and lower > upper:
        lower, upper = upper, lower
    exact = lower is not None and lower == upper
    lower_inclusive = True if lower is None or exact else draw(st.booleans())
    upper_inclusive = True if upper is None or exact else draw(st.booleans())
    return Target(
        unit=unit,
        lower=lower,
        lower_inclusive=lower_inclusive,
        upper=upper,
        upper_inclusive=upper_inclusive,
    )


@st.composite
def members(draw: st.DrawFn, target: Target) -> Decimal:
    """A value that meets the absolute `target`."""
    lower, upper = target.lower, target.upper
    if lower is not None and upper is not None:
        if lower == upper:
            return lower
        # A point lower + t·(upper − lower), t in thousandths, ends only where inclusive.
        t = draw(
            st.integers(0 if target.lower_inclusive else 1, 1000 if target.upper_inclusive else 999)
        )
        return lower + (upper - lower) * Decimal(t).scaleb(-3)
    step = draw(st.decimals(min_value=Decimal("0.01"), max_value=Decimal(10**6), places=2))
    if lower is not None:
        return lower if target.lower_inclusive and draw(st.booleans()) else lower + step
    if upper is not None:
        return upper if target.upper_inclusive and draw(st.booleans()) else upper - step
    return draw(bound_values())


@st.composite
def phrase_targets(draw: st.DrawFn) -> Target:
    """Targets that have a Dutch phrase: absolute ones with a bound, relative ones with a
    bound, and relative ranges of changes in one direction ("tussen 10 en 20% minder")."""
    shape = draw(st.integers(0, 4))
    if shape == 4:
        ends = st.decimals(min_value=Decimal(0), max_value=Decimal(500), places=1)
        low, high = sorted(draw(st.lists(ends, min_size=2, max_size=2, unique=True)))
        sign = draw(st.sampled_from([-1, 1]))
        lower, upper = sorted((sign * low, sign * high))
        return Target(
            unit="",
            kind=TargetKind.RELATIVE,
            lower=lower,
            upper=upper,
            baseline_year=draw(st.none() | years(2000, 2030)),
        )
    if shape == 0:
        percent = draw(st.decimals(min_value=Decimal(-100), max_value=Decimal(500), places=1))
        strict = draw(st.booleans())
        bound = (
            Target.at_least(percent, "", strict=strict)
            if draw(st.booleans())
            else Target.at_most(percent, "", strict=strict)
        )
        return attrs.evolve(
            bound, kind=TargetKind.RELATIVE, baseline_year=draw(st.none() | years(2000, 2030))
        )
    target = draw(
        absolute_targets(unit=draw(st.sampled_from(PHRASE_UNITS))).filter(
            lambda t: t.lower is not None or t.upper is not None
        )
    )
    return target


def two_decimal_amounts(count: int) -> st.SearchStrategy[list[Decimal]]:
    """`count` random amounts in euros and cents, up to a billion either way."""
    # Drawn from a seeded generator: hypothesis would record ten thousand draws one by one.
    return st.integers(min_value=0, max_value=2**32).map(
        lambda seed: [
            Decimal(rng.randint(-(10**11), 10**11)).scaleb(-2)
            for rng in [random.Random(seed)]
            for _ in range(count)
        ]
    )


@st.composite
def budget_versions(draw: st.DrawFn) -> tuple[Budget, Budget]:
    """Two versions of a budget: the second drops some prestaties of the first, changes the
    title, roles, targets, amounts, duration or portfolio holders of others, and adds new
    ones. The second may still refer to a dropped prestatie: it is for comparing, not for the
    cross-object checks."""
    old = draw(budgets())

    def revise(prestatie: Prestatie) -> list[Prestatie]:
        change = draw(
            st.sampled_from(
                ["keep", "drop", "title", "roles", "targets", "amounts", "duration", "holders"]
            )
        )
        if change == "drop":
            return []
        if change == "title":
            return [attrs.evolve(prestatie, title=prestatie.title + " (herzien)")]
        if change == "roles":
            roles = tuple(draw(st.lists(st.sampled_from(Role), unique=True, max_size=3)))
            return [attrs.evolve(prestatie, roles=roles)]
        if change == "targets":
            action = Action(number=99, text="nieuw", targets=(draw(targets()),))
            return [attrs.evolve(prestatie, actions=(*prestatie.actions, action))]
        if change == "amounts":
            table = draw(budget_amount_tables(old.first_year, old.last_year, old.year))
            return [attrs.evolve(prestatie, amounts=table)]
        if change == "duration":
            return [attrs.evolve(prestatie, duration=draw(st.none() | durations()))]
        if change == "holders":
            holders = (*prestatie.portfolio_holders, draw(names()))
            return [attrs.evolve(prestatie, portfolio_holders=holders)]
        return [prestatie]

    programmes = []
    for programme in old.programmes:
        objectives = []
        for objective in programme.objectives:
            kept = [new for p in objective.prestaties for new in revise(p)]
            if draw(st.booleans()):
                code = Code.from_parts(*objective.code.parts, 99)
                kept.append(draw(prestaties(code, old.first_year, old.last_year, old.year, False)))
            objectives.append(attrs.evolve(objective, prestaties=tuple(kept)))
        programmes.append(attrs.evolve(programme, objectives=tuple(objectives)))
    return old, attrs.evolve(old, programmes=tuple(programmes))


@st.composite
def thresholds(draw: st.DrawFn) -> Thresholds:
    """Status-colour thresholds in whole and half percents, in a valid order; now and then
    apart for underspending, and with absolute floors."""
    percents = st.integers(0, 200).map(lambda n: Decimal(n) / 2)
    met = sorted([draw(percents), draw(percents)])
    deviation = sorted([draw(percents), draw(percents)])
    under = sorted([draw(percents), draw(percents)]) if draw(st.booleans()) else [None, None]
    floors = sorted([draw(money()), draw(money())]) if draw(st.booleans()) else [0, 0]
    return Thresholds(
        met_green=met[1],
        met_orange=met[0],
        deviation_green=deviation[0],
        deviation_orange=deviation[1],
        under_green=under[0],
        under_orange=under[1],
        floor_green=max(floors[0], 0),
        floor_orange=max(floors[1], 0),
    )


# Units whose words complete them, and ratios: "% van de besluiten", "laadpunt per 5 ...".
DATED_PHRASE_UNITS = (
    "% van de besluiten",
    "euro per inwoner",
    "km/u",
    "ha nieuwe natuur",
    "minuten tijdwinst",
    "kton CO2",
    "(semi-)publieke laadpunten",
    "laadpunt per 5 elektrische voertuigen",
)


@st.composite
def dated_phrase_targets(draw: st.DrawFn) -> Target:
    """Phrase targets with compound units or ratios, and a year, a period or "per jaar"."""
    target = draw(phrase_targets())
    if target.kind is TargetKind.ABSOLUTE and draw(st.booleans()):
        unit = draw(st.sampled_from(DATED_PHRASE_UNITS))
        kind = TargetKind.RATIO if " per 5 " in unit else TargetKind.ABSOLUTE
        target = attrs.evolve(target, unit=unit, kind=kind)
    year = draw(st.none() | years(2000, 2050))
    first_year = draw(st.none() | years(1990, year - 1)) if year is not None else None
    return attrs.evolve(target, year=year, first_year=first_year, yearly=draw(st.booleans()))

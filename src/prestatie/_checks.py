"""Rules across objects: each check returns the problems it finds and never raises.

A problem's `where` is the JSON path of the offending value, so that a JSON reader can report
it as is and the workbook reader can translate it to the cell the value came from.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterator, Sequence
from decimal import Decimal
from typing import TypeVar

from prestatie._code import Code
from prestatie._errors import Problem
from prestatie._language import N_
from prestatie._model import (
    Amount,
    Budget,
    BudgetColumn,
    Indicator,
    MonitorStatus,
    Objective,
    Prestatie,
    Programme,
    ReserveMutation,
    Role,
)
from prestatie._money import ZERO, total

Check = Callable[[Budget], list[Problem]]
T = TypeVar("T", bound=Hashable)


def _prestaties(budget: Budget) -> Iterator[tuple[str, Prestatie]]:
    for owner in budget.amount_owners():
        if isinstance(owner.item, Prestatie):
            yield owner.path, owner.item


def _repeated(
    keys: Sequence[T],
    *,
    at: Callable[[int], str],
    code: str,
    template: str,
    params: Callable[[T], dict[str, object]],
) -> Iterator[Problem]:
    """The problem `code` at each key that an earlier one equals, naming the first's place
    (`at` gives the place of an index): places are spelled out only for a duplicate, as a
    budget has many actions and amounts."""
    first: dict[T, int] = {}
    for i, key in enumerate(keys):
        seen = first.setdefault(key, i)
        if seen != i:
            yield Problem.of(at(i), code, template, other=at(seen), **params(key))


def _repeated_in(item: Programme | Objective | Prestatie, path: str) -> Iterator[Problem]:
    """A prestatie's repeated action numbers and any owner's repeated amount keys."""
    if isinstance(item, Prestatie):
        yield from _repeated(
            [action.number for action in item.actions],
            at=lambda i: f"{path}.actions[{i}].number",
            code="duplicate-action",
            template=N_("duplicate action {number} of prestatie {code}: also at {other}"),
            params=lambda number: {"number": number, "code": item.code},
        )
    yield from _repeated(
        [amount.key for amount in item.amounts],
        at=lambda i: f"{path}.amounts[{i}]",
        code="duplicate-amount",
        template=N_("duplicate amount {amount}: also at {other}"),
        params=lambda key: {"amount": key.describe()},
    )


_DUPLICATE = {
    "programme": ("duplicate-programme", N_("duplicate programme {key}: also at {other}")),
    "objective": ("duplicate-objective", N_("duplicate objective {key}: also at {other}")),
    "prestatie": ("duplicate-prestatie", N_("duplicate prestatie {key}: also at {other}")),
    "reserve": ("duplicate-reserve", N_("duplicate reserve {key!r}: also at {other}")),
    "proposal": ("duplicate-proposal", N_("duplicate {key}: also at {other}")),
}
"""The code and message of a duplicate of each kind."""


def check_duplicates(budget: Budget) -> list[Problem]:
    """No two programmes, objectives, prestaties, reserves or proposals share a code or name,
    nor an objective and a prestatie; no two actions of a prestatie share a number; no amount
    is given twice (its key: flow, column, nature, year, line category and
    begrotingswijziging)."""
    problems: list[Problem] = []
    known: dict[str, dict[object, str]] = defaultdict(dict)

    def once(kind: str, key: object, path: str) -> None:
        """`key` of `kind` at `path` is a problem when it was known before."""
        if key in known[kind]:
            code, template = _DUPLICATE[kind]
            problems.append(Problem.of(path, code, template, key=key, other=known[kind][key]))
        else:
            known[kind][key] = path

    for owner in budget.amount_owners():
        item, path = owner.item, owner.path
        if isinstance(item, Programme):
            once("programme", item.number, f"{path}.number")
        elif isinstance(item, Objective):
            once("objective", item.code, f"{path}.code")
        else:
            once("prestatie", item.code, f"{path}.code")
        problems.extend(_repeated_in(item, path))
    objectives = known["objective"]
    for key, where in known["prestatie"].items():
        if key in objectives:
            problems.append(
                Problem.of(
                    where,
                    "prestatie-code-of-objective",
                    N_(
                        "prestatie {code} has the code of the objective at {other}:"
                        " expected a code of its own"
                    ),
                    code=key,
                    other=objectives[key],
                )
            )
    for r, reserve in enumerate(budget.reserves):
        once("reserve", reserve.name, f"$.reserves[{r}].name")
    for i, proposal in enumerate(budget.proposals):
        once("proposal", proposal.ps_number, f"$.proposals[{i}].ps_number")
    return problems


def check_hierarchy(budget: Budget) -> list[Problem]:
    """Each objective's code lies directly under its programme's or its objective's, each
    prestatie's under its objective's, as the budget's code scheme places them; messages
    name the levels as the budget does."""
    scheme = budget.code_scheme
    problems = []
    for owner in budget.amount_owners():
        item = owner.item
        if isinstance(item, Programme):
            parent = budget.programme_code(item)
            children: list[tuple[str, int, Objective | Prestatie]] = [
                ("objectives", i, child) for i, child in enumerate(item.objectives)
            ]
        elif isinstance(item, Objective):
            parent = item.code
            children = [("objectives", i, child) for i, child in enumerate(item.objectives)]
            children += [("prestaties", i, child) for i, child in enumerate(item.prestaties)]
        else:
            continue
        for kind, index, child in children:
            if scheme.is_child(child.code, parent):
                continue
            depth = owner.depth + 1
            problems.append(
                Problem.of(
                    f"{owner.path}.{kind}[{index}].code",
                    "code-not-under-parent",
                    N_(
                        "{level} {code} is not under its {parent_level} {parent}:"
                        " expected a code {example}"
                    ),
                    level=budget.level_name(depth),
                    code=child.code,
                    parent_level=budget.level_name(owner.depth),
                    parent=parent,
                    example=scheme.child_example(parent),
                )
            )
    return problems


def check_references(budget: Budget) -> list[Problem]:
    """Every prestatie, proposal and reserve referred to exists in the budget (for an
    excerpt, only proposals and reserves: its prestaties refer to pages not in it)."""
    codes = {prestatie.code for prestatie in budget.prestaties()}
    proposals = {proposal.ps_number for proposal in budget.proposals}
    reserves = {reserve.name for reserve in budget.reserves}
    problems = []

    def unknown(path: str, kind: str, template: str, /, **params: object) -> None:
        problems.append(Problem.of(path, kind, template, **params))

    for i, proposal in enumerate(budget.proposals):
        if proposal.reserve is not None and proposal.reserve not in reserves:
            unknown(
                f"$.proposals[{i}].reserve",
                "unknown-reserve",
                N_("unknown reserve {reserve!r}: expected one of the budget's reserves"),
                reserve=proposal.reserve,
            )
    for owner in budget.amount_owners():
        for i, amount in enumerate(owner.amounts):
            if amount.funding is not None and amount.funding not in reserves:
                unknown(
                    f"{owner.path}.amounts[{i}].funding",
                    "unknown-funding-reserve",
                    N_(
                        "amount funded from unknown reserve {reserve!r}:"
                        " expected one of the budget's reserves"
                    ),
                    reserve=amount.funding,
                )
        if not isinstance(owner.item, Prestatie):
            for i, mutation in enumerate(owner.item.reserve_mutations):
                if mutation.reserve not in reserves:
                    unknown(
                        f"{owner.path}.reserve_mutations[{i}].reserve",
                        "unknown-mutation-reserve",
                        N_(
                            "{kind} of unknown reserve {reserve!r}:"
                            " expected one of the budget's reserves"
                        ),
                        kind=mutation.kind.value,
                        reserve=mutation.reserve,
                    )
    for path, prestatie in _prestaties(budget):
        for a, action in enumerate(prestatie.actions):
            for r, code in enumerate(action.references):
                if code not in codes and budget.complete:
                    unknown(
                        f"{path}.actions[{a}].references[{r}]",
                        "unknown-action-reference",
                        N_(
                            "action {number} of {code} refers to unknown prestatie {reference}:"
                            " expected a prestatie of this budget"
                        ),
                        number=action.number,
                        code=prestatie.code,
                        reference=code,
                    )
        link = prestatie.reserve_link
        if link.reserve is not None and link.reserve not in reserves:
            unknown(
                f"{path}.reserve_link.reserve",
                "unknown-link-reserve",
                N_(
                    "prestatie {code} refers to unknown reserve {reserve!r}:"
                    " expected one of the budget's reserves"
                ),
                code=prestatie.code,
                reserve=link.reserve,
            )
        for k, proposal_link in enumerate(link.proposals):
            if proposal_link.ps_number not in proposals:
                unknown(
                    f"{path}.reserve_link.proposals[{k}].ps_number",
                    "unknown-proposal",
                    N_(
                        "prestatie {code} refers to unknown investment proposal {proposal}:"
                        " expected one of the budget's proposals"
                    ),
                    code=prestatie.code,
                    proposal=proposal_link.ps_number,
                )
        for where, ps_number, other in _listed(path, prestatie):
            if other not in codes and budget.complete:
                unknown(
                    where,
                    "unknown-related-prestatie",
                    N_(
                        "prestatie {code} lists unknown prestatie {other} under {proposal}:"
                        " expected a prestatie of this budget"
                    ),
                    code=prestatie.code,
                    other=other,
                    proposal=ps_number,
                )
    return problems


def _listed(path: str, prestatie: Prestatie) -> Iterator[tuple[str, str, Code]]:
    """Each prestatie that `prestatie`, at `path`, lists under an investment proposal: the
    path of the listing, the proposal's PS number and the code listed."""
    for k, link in enumerate(prestatie.reserve_link.proposals):
        for r, other in enumerate(link.related):
            yield f"{path}.reserve_link.proposals[{k}].related[{r}]", link.ps_number, other


def check_proposal_symmetry(budget: Budget) -> list[Problem]:
    """Links within an investment proposal are symmetric: if 7.2.3 lists 7.1.3 under
    PS/2016/344, then 7.1.3 lists 7.2.3 under it too."""
    listed: dict[tuple[str, Code], set[Code]] = defaultdict(set)
    for _, prestatie in _prestaties(budget):
        for proposal_link in prestatie.reserve_link.proposals:
            listed[(proposal_link.ps_number, prestatie.code)].update(proposal_link.related)
    codes = {prestatie.code for prestatie in budget.prestaties()}
    problems = []
    for path, prestatie in _prestaties(budget):
        for where, proposal, other in _listed(path, prestatie):
            if other == prestatie.code:
                problems.append(
                    Problem.of(
                        where,
                        "proposal-lists-itself",
                        N_(
                            "prestatie {code} lists itself under {proposal}:"
                            " expected only the other prestaties"
                        ),
                        code=prestatie.code,
                        proposal=proposal,
                    )
                )
            elif other in codes and prestatie.code not in listed.get((proposal, other), ()):
                problems.append(
                    Problem.of(
                        where,
                        "proposal-link-one-sided",
                        N_(
                            "prestatie {code} lists {other} under {proposal}, but {other}"
                            " does not list {code}: expected the link on both sides"
                        ),
                        code=prestatie.code,
                        other=other,
                        proposal=proposal,
                    )
                )
    return problems


def check_years(budget: Budget) -> list[Problem]:
    """Every amount and reserve mutation lies within the budget's window of years."""
    problems = []
    for owner in budget.amount_owners():
        dated: dict[str, tuple[Amount | ReserveMutation, ...]] = {"amounts": owner.amounts}
        if not isinstance(owner.item, Prestatie):
            dated["reserve_mutations"] = owner.item.reserve_mutations
        for field, items in dated.items():
            for i, item in enumerate(items):
                if not budget.first_year <= item.year <= budget.last_year:
                    problems.append(
                        Problem.of(
                            f"{owner.path}.{field}[{i}].year",
                            "year-outside-budget",
                            N_(
                                "year {year} lies outside the budget's years:"
                                " expected {first} to {last}"
                            ),
                            year=item.year,
                            first=budget.first_year,
                            last=budget.last_year,
                        )
                    )
    return problems


def check_actueel(budget: Budget, tolerance: Decimal = ZERO) -> list[Problem]:
    """Where primitief and actueel are both given, actueel = primitief + the wijzigingen
    (of every begrotingswijziging), per line category, within `tolerance` (a sheet that
    prints rounded cells may be off by its rounding)."""
    problems = []
    for owner in budget.amount_owners():
        primitief: dict[object, Decimal] = {}
        changes: dict[object, list[Decimal]] = defaultdict(list)
        for amount in owner.amounts:
            line = (amount.flow, amount.nature, amount.year, amount.taakveld, amount.category)
            if amount.column is BudgetColumn.PRIMITIEF and not amount.change:
                primitief[line] = amount.value
            elif amount.column is BudgetColumn.WIJZIGING:
                changes[line].append(amount.value)
        for i, amount in enumerate(owner.amounts):
            line = (amount.flow, amount.nature, amount.year, amount.taakveld, amount.category)
            if amount.column is not BudgetColumn.ACTUEEL or amount.change or line not in primitief:
                continue
            change_value = total(changes.get(line, []))
            expected = total([primitief[line], change_value])
            if abs(total([amount.value, -expected])) > tolerance:
                category = f" {amount.category}" if amount.category else ""
                problems.append(
                    Problem.of(
                        f"{owner.path}.amounts[{i}].value",
                        "actueel-not-primitief-plus-wijziging",
                        N_(
                            "actueel {line} {year} is {value}: expected primitief {primitief}"
                            " + wijziging {change} = {expected}"
                        ),
                        line=f"{amount.flow.value}{category} {amount.nature.value}",
                        year=amount.year,
                        value=amount.value,
                        primitief=primitief[line],
                        change=change_value,
                        expected=expected,
                    )
                )
    return problems


def _statuses(budget: Budget) -> Iterator[tuple[str, MonitorStatus]]:
    def of_indicators(
        path: str, indicators: tuple[Indicator, ...]
    ) -> Iterator[tuple[str, MonitorStatus]]:
        for i, indicator in enumerate(indicators):
            if indicator.status is not None:
                yield f"{path}.indicators[{i}].status", indicator.status

    for owner in budget.amount_owners():
        if owner.item.status is not None:
            yield f"{owner.path}.status", owner.item.status
        yield from of_indicators(owner.path, owner.item.indicators)


def check_vocabulary(budget: Budget) -> list[Problem]:
    """Every role is one `prestatie` knows, and every judgement of a status takes a value on
    the document's scale. An unknown role is kept as printed; this names it."""
    problems = []
    known = ", ".join(repr(role.value) for role in Role)
    for path, prestatie in _prestaties(budget):
        for r, role in enumerate(prestatie.roles):
            if not isinstance(role, Role):
                problems.append(
                    Problem.of(
                        f"{path}.roles[{r}]",
                        "unknown-role",
                        N_(
                            "role {role!r} of prestatie {code} is not a known role:"
                            " expected one of {known} (kept as printed)"
                        ),
                        role=role,
                        code=prestatie.code,
                        known=known,
                    )
                )
    scale = ", ".join(repr(value) for value in budget.scale)
    for path, status in _statuses(budget):
        for d, judgement in enumerate(status.dimensions):
            if judgement.value and judgement.value not in budget.scale:
                problems.append(
                    Problem.of(
                        f"{path}.dimensions[{d}].value",
                        "judgement-off-scale",
                        N_(
                            "{dimension}: {value!r} is not on the document's scale:"
                            " expected one of {scale}"
                        ),
                        dimension=judgement.dimension,
                        value=judgement.value,
                        scale=scale,
                    )
                )
    return problems


CHECKS: tuple[Check, ...] = (
    check_duplicates,
    check_hierarchy,
    check_references,
    check_proposal_symmetry,
    check_years,
    check_actueel,
    check_vocabulary,
)
"""Every rule across objects, in the order `check_budget` runs them."""


def check_budget(budget: Budget) -> list[Problem]:
    """Every problem that the rules across objects find in `budget`; empty when it is sound."""
    problems: list[Problem] = []
    for check in CHECKS:
        problems.extend(check(budget))
    return problems

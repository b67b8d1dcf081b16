"""Rules across objects: each check returns the problems it finds and never raises.

A problem's `where` is the JSON path of the offending value, so that a JSON reader can report
it as is and the workbook reader can translate it to the cell the value came from.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from decimal import Decimal

from prestatie._code import Code
from prestatie._errors import Problem
from prestatie._model import Budget, BudgetColumn, Prestatie
from prestatie._money import ZERO, total

Check = Callable[[Budget], list[Problem]]


def _prestaties(budget: Budget) -> Iterator[tuple[str, Prestatie]]:
    for p, programme in enumerate(budget.programmes):
        for o, objective in enumerate(programme.objectives):
            for s, prestatie in enumerate(objective.prestaties):
                yield f"$.programmes[{p}].objectives[{o}].prestaties[{s}]", prestatie


def check_duplicates(budget: Budget) -> list[Problem]:
    """No two programmes, objectives, prestaties, reserves or proposals share a code or name;
    no two actions of a prestatie share a number; no amount is given twice."""
    problems: list[Problem] = []

    def once(seen: dict[object, str], key: object, path: str, what: str) -> None:
        if key in seen:
            problems.append(Problem(where=path, message=f"duplicate {what}: also at {seen[key]}"))
        else:
            seen[key] = path

    programmes: dict[object, str] = {}
    objectives: dict[object, str] = {}
    prestaties: dict[object, str] = {}
    for p, programme in enumerate(budget.programmes):
        path = f"$.programmes[{p}]"
        number = programme.number
        once(programmes, number, f"{path}.number", f"programme {number}")
        for o, objective in enumerate(programme.objectives):
            opath = f"{path}.objectives[{o}]"
            ocode = objective.code
            once(objectives, ocode, f"{opath}.code", f"objective {ocode}")
            for s, prestatie in enumerate(objective.prestaties):
                spath = f"{opath}.prestaties[{s}]"
                code = prestatie.code
                once(prestaties, code, f"{spath}.code", f"prestatie {code}")
                # Paths are spelled out only for a duplicate: a budget has many actions.
                first: dict[object, int] = {}
                for a, action in enumerate(prestatie.actions):
                    seen = first.setdefault(action.number, a)
                    if seen != a:
                        problems.append(
                            Problem(
                                where=f"{spath}.actions[{a}].number",
                                message=f"duplicate action {action.number} of prestatie"
                                f" {code}: also at {spath}.actions[{seen}].number",
                            )
                        )
    for owner in budget.amount_owners():
        keys: dict[object, int] = {}
        for i, amount in enumerate(owner.amounts):
            seen = keys.setdefault(amount.key, i)
            if seen != i:
                flow, column, nature, year, taakveld = amount.key
                on = f" taakveld {taakveld}" if taakveld else ""
                problems.append(
                    Problem(
                        where=f"{owner.path}.amounts[{i}]",
                        message=f"duplicate amount {flow.value} {column.value} {nature.value}"
                        f" {year}{on}: also at {owner.path}.amounts[{seen}]",
                    )
                )
    reserves: dict[object, str] = {}
    for r, reserve in enumerate(budget.reserves):
        name = reserve.name
        once(reserves, name, f"$.reserves[{r}].name", f"reserve {name!r}")
    proposals: dict[object, str] = {}
    for i, proposal in enumerate(budget.proposals):
        ps_number = proposal.ps_number
        once(proposals, ps_number, f"$.proposals[{i}].ps_number", ps_number)
    return problems


def check_hierarchy(budget: Budget) -> list[Problem]:
    """Each objective's code lies under its programme, each prestatie's under its objective."""
    problems = []
    for p, programme in enumerate(budget.programmes):
        for o, objective in enumerate(programme.objectives):
            path = f"$.programmes[{p}].objectives[{o}]"
            if objective.code.parent != programme.code:
                problems.append(
                    Problem(
                        where=f"{path}.code",
                        message=f"objective {objective.code} is not under its programme"
                        f" {programme.number}: expected a code {programme.number}.n",
                    )
                )
            for s, prestatie in enumerate(objective.prestaties):
                if prestatie.code.parent != objective.code:
                    problems.append(
                        Problem(
                            where=f"{path}.prestaties[{s}].code",
                            message=f"prestatie {prestatie.code} is not under its objective"
                            f" {objective.code}: expected a code {objective.code}.n",
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

    def unknown(path: str, what: str, expected: str) -> None:
        problems.append(Problem(where=path, message=f"{what}: expected {expected}"))

    for i, proposal in enumerate(budget.proposals):
        if proposal.reserve is not None and proposal.reserve not in reserves:
            unknown(
                f"$.proposals[{i}].reserve",
                f"unknown reserve {proposal.reserve!r}",
                "one of the budget's reserves",
            )
    for path, prestatie in _prestaties(budget):
        for a, action in enumerate(prestatie.actions):
            for r, code in enumerate(action.references):
                if code not in codes and budget.complete:
                    unknown(
                        f"{path}.actions[{a}].references[{r}]",
                        f"action {action.number} of {prestatie.code} refers to unknown"
                        f" prestatie {code}",
                        "a prestatie of this budget",
                    )
        link = prestatie.reserve_link
        if link.reserve is not None and link.reserve not in reserves:
            unknown(
                f"{path}.reserve_link.reserve",
                f"prestatie {prestatie.code} refers to unknown reserve {link.reserve!r}",
                "one of the budget's reserves",
            )
        for k, proposal_link in enumerate(link.proposals):
            kpath = f"{path}.reserve_link.proposals[{k}]"
            if proposal_link.ps_number not in proposals:
                unknown(
                    f"{kpath}.ps_number",
                    f"prestatie {prestatie.code} refers to unknown investment proposal"
                    f" {proposal_link.ps_number}",
                    "one of the budget's proposals",
                )
            for r, code in enumerate(proposal_link.related):
                if code not in codes and budget.complete:
                    unknown(
                        f"{kpath}.related[{r}]",
                        f"prestatie {prestatie.code} lists unknown prestatie {code}"
                        f" under {proposal_link.ps_number}",
                        "a prestatie of this budget",
                    )
    return problems


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
        for k, proposal_link in enumerate(prestatie.reserve_link.proposals):
            for r, other in enumerate(proposal_link.related):
                where = f"{path}.reserve_link.proposals[{k}].related[{r}]"
                if other == prestatie.code:
                    problems.append(
                        Problem(
                            where=where,
                            message=f"prestatie {prestatie.code} lists itself under"
                            f" {proposal_link.ps_number}: expected only the other prestaties",
                        )
                    )
                elif other in codes and prestatie.code not in listed.get(
                    (proposal_link.ps_number, other), ()
                ):
                    problems.append(
                        Problem(
                            where=where,
                            message=f"prestatie {prestatie.code} lists {other} under"
                            f" {proposal_link.ps_number}, but {other} does not list"
                            f" {prestatie.code}: expected the link on both sides",
                        )
                    )
    return problems


def check_years(budget: Budget) -> list[Problem]:
    """Every amount lies within the budget's window of years."""
    problems = []
    for owner in budget.amount_owners():
        for i, amount in enumerate(owner.amounts):
            if not budget.first_year <= amount.year <= budget.last_year:
                problems.append(
                    Problem(
                        where=f"{owner.path}.amounts[{i}].year",
                        message=f"year {amount.year} lies outside the budget's years:"
                        f" expected {budget.first_year} to {budget.last_year}",
                    )
                )
    return problems


def check_actueel(budget: Budget, tolerance: Decimal = ZERO) -> list[Problem]:
    """Where primitief and actueel are both given, actueel = primitief + wijziging, within
    `tolerance` (a sheet that prints rounded cells may be off by its rounding)."""
    problems = []
    for owner in budget.amount_owners():
        by_key = {amount.key: (i, amount) for i, amount in enumerate(owner.amounts)}
        for i, amount in enumerate(owner.amounts):
            if amount.column is not BudgetColumn.ACTUEEL:
                continue
            flow, _, nature, year, taakveld = amount.key
            primitief = by_key.get((flow, BudgetColumn.PRIMITIEF, nature, year, taakveld))
            if primitief is None:
                continue
            change = by_key.get((flow, BudgetColumn.WIJZIGING, nature, year, taakveld))
            change_value = change[1].value if change else 0
            expected = total([primitief[1].value, change_value])
            if abs(total([amount.value, -expected])) > tolerance:
                problems.append(
                    Problem(
                        where=f"{owner.path}.amounts[{i}].value",
                        message=f"actueel {flow.value} {nature.value} {year} is {amount.value}:"
                        f" expected primitief {primitief[1].value} + wijziging {change_value}"
                        f" = {expected}",
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
)
"""Every rule across objects, in the order `check_budget` runs them."""


def check_budget(budget: Budget) -> list[Problem]:
    """Every problem that the rules across objects find in `budget`; empty when it is sound."""
    problems: list[Problem] = []
    for check in CHECKS:
        problems.extend(check(budget))
    return problems

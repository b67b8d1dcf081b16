"""The budget as the rows of its sheets: for each sheet, the walk to its objects and the
values of each row, by column key, for the writer to encode."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from prestatie._code import Code
from prestatie._model import AmountOwner, Budget, Indicator, Objective, Prestatie, Programme
from prestatie._xlsx import schema
from prestatie._xlsx.columns import Owner, Sheet

Row = dict[str, Any]
"""A row's values by column key, before encoding."""


_LEVELS = {Programme: Owner.PROGRAMMA, Objective: Owner.DOEL, Prestatie: Owner.PRESTATIE}


def _named(owner: AmountOwner) -> tuple[Owner, Code]:
    """How a child row names a programme, objective or prestatie: by its level and code."""
    return _LEVELS[type(owner.item)], owner.code


def amount_years(budget: Budget) -> list[int]:
    """The years the amounts table shows: the budget's window, and any year an amount has."""
    years = set(range(budget.first_year, budget.last_year + 1))
    for owner in budget.amount_owners():
        years.update(amount.year for amount in owner.amounts)
    return sorted(years)


def amount_rows(budget: Budget) -> Iterator[Row]:
    """The rows of Lasten en baten, each with its amounts by year under "years"."""
    for owner in budget.amount_owners():
        level, code = _LEVELS[type(owner.item)], str(owner.code)
        # One row per flow, column, nature and taakveld, in the amounts' order; a key given
        # twice (which the checks report) spills into a further row rather than being lost.
        rows: list[Row] = []
        for amount in owner.amounts:
            key = (
                amount.flow,
                amount.column,
                amount.nature,
                amount.category,
                amount.change,
                amount.taakveld,
                amount.funding,
            )
            row = next((r for r in rows if r["key"] == key and amount.year not in r["years"]), None)
            if row is None:
                row = {"key": key, "years": {}}
                rows.append(row)
            row["years"][amount.year] = amount.value
        for row in rows:
            flow, column, nature, category, change, taakveld, funding = row["key"]
            yield {
                **schema.LASTEN_EN_BATEN.place((level, code)),
                "flow": flow,
                "column": column,
                "nature": nature,
                "category": category,
                "change": change,
                "taakveld": taakveld,
                "funding": funding,
                "years": row["years"],
            }


# Each sheet's rows: the walk to its objects and the columns that place each row; the
# columns of the object's own fields come from the schema (`Sheet.values`).


def _programme_rows(budget: Budget) -> Iterator[Row]:
    for position, programme in enumerate(budget.programmes, start=1):
        yield {"position": position, **schema.PROGRAMMAS.values(programme)}


def _ambition_rows(budget: Budget) -> Iterator[Row]:
    for programme in budget.programmes:
        if programme.ambition is not None:
            place = schema.AMBITIES.place(programme.number)
            yield {**place, **schema.AMBITIES.values(programme.ambition)}


def _objective_rows(budget: Budget) -> Iterator[Row]:
    for owner in budget.amount_owners():
        if isinstance(owner.item, Prestatie):
            continue
        parent = None if isinstance(owner.item, Programme) else owner.item.code
        for position, objective in enumerate(owner.item.objectives, start=1):
            place = schema.DOELEN.place((owner.programme.number, parent), position)
            yield {**place, **schema.DOELEN.values(objective)}


def _indicators(budget: Budget) -> Iterator[tuple[AmountOwner, int, Indicator]]:
    """Each indicator of a programme, objective or prestatie, with its owner and position."""
    for owner in budget.amount_owners():
        for position, indicator in enumerate(owner.item.indicators, start=1):
            yield owner, position, indicator


def _owned_rows(budget: Budget, sheet: Sheet, field: str) -> Iterator[Row]:
    """The rows of `sheet`: each item of the `field` of every programme, objective and
    prestatie that has one, placed under its owner."""
    for owner in budget.amount_owners():
        for position, item in enumerate(getattr(owner.item, field, ()), start=1):
            yield {**sheet.place(_named(owner), position), **sheet.values(item)}


def _indicator_rows(budget: Budget) -> Iterator[Row]:
    return _owned_rows(budget, schema.INDICATOREN, "indicators")


def _prestatie_rows(budget: Budget) -> Iterator[Row]:
    for objective in budget.objectives():
        for position, prestatie in enumerate(objective.prestaties, start=1):
            place = schema.PRESTATIES.place(objective.code, position)
            yield {**place, **schema.PRESTATIES.values(prestatie)}


def _statuses(budget: Budget) -> Iterator[tuple[tuple[Owner, Code, int | None], Any]]:
    """Each status with what it judges: the level and code of its owner and, for an
    indicator's, the indicator's position."""
    for owner in budget.amount_owners():
        if owner.item.status is not None:
            yield (*_named(owner), None), owner.item.status
    for owner, position, indicator in _indicators(budget):
        if indicator.status is not None:
            yield (Owner.INDICATOR, owner.code, position), indicator.status


def _status_rows(budget: Budget) -> Iterator[Row]:
    for judged, status in _statuses(budget):
        yield {**schema.MONITOR.place(judged), **schema.MONITOR.values(status)}


def _judgement_rows(budget: Budget) -> Iterator[Row]:
    for judged, status in _statuses(budget):
        for position, judgement in enumerate(status.dimensions, start=1):
            place = schema.OORDELEN.place(judged, position)
            yield {**place, **schema.OORDELEN.values(judgement)}


def _section_rows(budget: Budget) -> Iterator[Row]:
    for position, section in enumerate(budget.paragraphs, start=1):
        place = schema.TEKSTEN.place((Owner.BEGROTING, None), position)
        yield {**place, **schema.TEKSTEN.values(section)}
    yield from _owned_rows(budget, schema.TEKSTEN, "sections")


def _party_rows(budget: Budget) -> Iterator[Row]:
    for programme in budget.programmes:
        for position, party in enumerate(programme.associated_parties, start=1):
            place = schema.VERBONDEN_PARTIJEN.place(programme.number, position)
            yield {**place, **schema.VERBONDEN_PARTIJEN.values(party)}


def _mutation_rows(budget: Budget) -> Iterator[Row]:
    return _owned_rows(budget, schema.RESERVEMUTATIES, "reserve_mutations")  # a prestatie has none


def _action_rows(budget: Budget) -> Iterator[Row]:
    for prestatie in budget.prestaties():
        for position, action in enumerate(prestatie.actions, start=1):
            place = schema.ACTIES.place(prestatie.code, position)
            yield {**place, **schema.ACTIES.values(action)}


def _placed_items(
    budget: Budget, field: str
) -> Iterator[tuple[tuple[Owner, Code, int | None], int, Any]]:
    """Each target or measurement (`field` is "targets" or "realised") of the actions and
    the indicators, with its owner and its position there."""
    for prestatie in budget.prestaties():
        for action in prestatie.actions:
            for position, item in enumerate(getattr(action, field), start=1):
                yield (Owner.ACTIE, prestatie.code, action.number), position, item
    for owner, part, indicator in _indicators(budget):
        for position, item in enumerate(getattr(indicator, field), start=1):
            yield (Owner.INDICATOR, owner.code, part), position, item


def _target_rows(budget: Budget) -> Iterator[Row]:
    for programme in budget.programmes:
        if programme.ambition is not None and programme.ambition.target is not None:
            place = schema.STREEFWAARDEN.place((Owner.AMBITIE, programme.code, None), 1)
            yield {**place, **schema.STREEFWAARDEN.values(programme.ambition.target)}
    for owner, position, target in _placed_items(budget, "targets"):
        place = schema.STREEFWAARDEN.place(owner, position)
        yield {**place, **schema.STREEFWAARDEN.values(target)}


def _measurement_rows(budget: Budget) -> Iterator[Row]:
    for owner, position, measurement in _placed_items(budget, "realised"):
        place = schema.REALISATIES.place(owner, position)
        yield {**place, **schema.REALISATIES.values(measurement)}


def _proposal_link_rows(budget: Budget) -> Iterator[Row]:
    for prestatie in budget.prestaties():
        for position, link in enumerate(prestatie.reserve_link.proposals, start=1):
            place = schema.VOORSTELLEN_PER_PRESTATIE.place(prestatie.code, position)
            yield {**place, **schema.VOORSTELLEN_PER_PRESTATIE.values(link)}


def _reserve_rows(budget: Budget) -> Iterator[Row]:
    for position, reserve in enumerate(budget.reserves, start=1):
        yield {"position": position, **schema.RESERVES.values(reserve)}


def _proposal_rows(budget: Budget) -> Iterator[Row]:
    for position, proposal in enumerate(budget.proposals, start=1):
        yield {"position": position, **schema.INVESTERINGSVOORSTELLEN.values(proposal)}


ROWS: dict[Sheet, Callable[[Budget], Iterator[Row]]] = {
    schema.PROGRAMMAS: _programme_rows,
    schema.AMBITIES: _ambition_rows,
    schema.DOELEN: _objective_rows,
    schema.INDICATOREN: _indicator_rows,
    schema.PRESTATIES: _prestatie_rows,
    schema.ACTIES: _action_rows,
    schema.STREEFWAARDEN: _target_rows,
    schema.REALISATIES: _measurement_rows,
    schema.VOORSTELLEN_PER_PRESTATIE: _proposal_link_rows,
    schema.MONITOR: _status_rows,
    schema.OORDELEN: _judgement_rows,
    schema.TEKSTEN: _section_rows,
    schema.VERBONDEN_PARTIJEN: _party_rows,
    schema.RESERVEMUTATIES: _mutation_rows,
    schema.RESERVES: _reserve_rows,
    schema.INVESTERINGSVOORSTELLEN: _proposal_rows,
}

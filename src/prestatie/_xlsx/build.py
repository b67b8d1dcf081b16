"""Build the budget from the rows of its sheets: children found under their parents, each
object made from its row, and every problem placed at the cell its value came from."""

from __future__ import annotations

import operator
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from prestatie import _model
from prestatie._checks import check_budget
from prestatie._code import Code
from prestatie._errors import PrestatieError, Problem, error_problem
from prestatie._language import N_, Phrase
from prestatie._target.algebra import Target
from prestatie._xlsx import schema
from prestatie._xlsx.columns import Owner, Sheet, year_of
from prestatie._xlsx.rows import (
    LEVEL_SHEETS,
    PARENTS,
    DataRow,
    Index,
    ordered,
    parent_sheet,
    show_key,
)
from prestatie._xlsx.schema import BEGROTING, LASTEN_EN_BATEN

T = TypeVar("T")


def build_budget(
    fields: dict[str, Any],
    tables: dict[Sheet, list[DataRow]],
    where: dict[str, str],
    absent: dict[str, bool] | None = None,
    source: str = "",
) -> tuple[_model.Budget | None, list[Problem]]:
    """The budget that the Begroting `fields` and the rows of the other sheets describe, and
    every problem found building it; `where` maps the JSON path of each field to its cell.

    `absent` names the sheets the workbook lacks, each with whether it was reported already:
    rows that refer to one give a single problem at `source` (the workbook), not one each."""
    builder = _Builder(where, absent or {}, source)
    budget = builder.build(fields, tables)
    return budget, builder.problems


class _Builder:
    def __init__(self, where: dict[str, str], absent: dict[str, bool], source: str) -> None:
        self.absent = absent
        self.source = source
        self.problems: list[Problem] = []
        self.where = where
        """JSON path of a value → the cell it came from (amounts, Begroting fields)."""
        self.objects: dict[str, DataRow] = {}
        """JSON path of an object → the row it came from."""

    def _at_most_one(
        self, rows: Sequence[DataRow], column: str, template: str, /, **params: object
    ) -> DataRow | None:
        """The first of `rows`, with a problem at `column` of each further one."""
        for extra in rows[1:]:
            self.problems.append(Problem.of(extra.cell(column), "second-row", template, **params))
        return rows[0] if rows else None

    def _register(self, path: str, row: DataRow) -> None:
        """Remember the row the object at JSON path `path` came from."""
        self.objects[path] = row

    def _make(self, row: DataRow, factory: Callable[..., T], /, **fields: Any) -> T | None:
        """`factory(**fields)`, or None with a problem at the cell of the field at fault."""
        try:
            return factory(**fields)
        except PrestatieError as error:
            key = None if error.field is None else row.field_key(error.field)
            self.problems.append(error_problem(row.cell(key), error, row.header(key)))
            return None

    def build(
        self, fields: dict[str, Any], tables: dict[Sheet, list[DataRow]]
    ) -> _model.Budget | None:
        index = Index(tables)
        self.amount_cells: dict[str, list[tuple[DataRow, str]]] = {}
        """JSON path of an owner of amounts → the row and year column of each amount."""
        self.amounts = self._amounts(tables[LASTEN_EN_BATEN])
        self.used_amounts: set[tuple[Owner, Code]] = set()
        programmes = [
            self._programme(index, f"$.programmes[{p}]", row)
            for p, row in enumerate(ordered([r for r in tables[schema.PROGRAMMAS] if r.ok]))
        ]
        reserves = []
        for r, row in enumerate(ordered([r for r in tables[schema.RESERVES] if r.ok])):
            self._register(f"$.reserves[{r}]", row)
            reserves.append(self._make(row, _model.Reserve, **_fields(row, schema.RESERVES)))
        proposals = []
        rows = ordered([r for r in tables[schema.INVESTERINGSVOORSTELLEN] if r.ok])
        for i, row in enumerate(rows):
            self._register(f"$.proposals[{i}]", row)
            proposals.append(
                self._make(
                    row, _model.InvestmentProposal, **_fields(row, schema.INVESTERINGSVOORSTELLEN)
                )
            )
        paragraphs = self._sections(index, "$.paragraphs", (Owner.BEGROTING, None))
        self._report_unused(index)
        parts: list[Any] = [*programmes, *reserves, *proposals]
        if any(part is None for part in parts) or any(not r.ok for t in tables.values() for r in t):
            return None
        budget = self._make_budget(fields, programmes, reserves, proposals, paragraphs)
        if budget is None:
            return None
        for problem in check_budget(budget):
            # A check names other places by JSON path; a workbook's reader knows them as cells.
            params = {
                key: _JSON_PATH.sub(lambda m: self._cell_of(m[0]), value)
                if isinstance(value, str) and not isinstance(value, Phrase)
                else value
                for key, value in problem.params.items()
            }
            self.problems.append(
                Problem.of(self._cell_of(problem.where), problem.code, problem.template, **params)
            )
        return budget

    def _programme(self, index: Index, path: str, row: DataRow) -> _model.Programme | None:
        self._register(path, row)
        number = row.values["number"]
        code = Code.from_parts(number)
        objectives = [
            self._objective(index, f"{path}.objectives[{o}]", orow)
            for o, orow in enumerate(index.take("objectives", (number, None)))
        ]
        extras = self._node_extras(index, path, Owner.PROGRAMMA, code)
        parties = []
        for v, vrow in enumerate(index.take("parties", number)):
            self._register(f"{path}.associated_parties[{v}]", vrow)
            parties.append(
                self._make(vrow, _model.AssociatedParty, **_fields(vrow, schema.VERBONDEN_PARTIJEN))
            )
        arow = self._at_most_one(
            index.take("ambitions", number),
            "programme",
            N_("a second ambition for programme {number}: expected at most one"),
            number=number,
        )
        ambition = None
        if arow is not None:
            apath = f"{path}.ambition"
            self._register(apath, arow)
            key = (Owner.AMBITIE, Code.from_parts(number), None)
            targets = self._targets(index, f"{apath}.target", key)
            self._at_most_one(
                index.rows("targets", key),
                "owner",
                N_("a second target for the ambition of programme {number}: expected at most one"),
                number=number,
            )
            if targets:
                self.objects[f"{apath}.target"] = self.objects[f"{apath}.target[0]"]
            ambition = _model.Ambition(
                **_fields(arow, schema.AMBITIES), target=targets[0] if targets else None
            )
        if None in objectives or None in parties or extras is None:
            return None
        return self._make(
            row,
            _model.Programme,
            **_fields(row, schema.PROGRAMMAS),
            ambition=ambition,
            objectives=tuple(objectives),
            amounts=self._amounts_of(path, (Owner.PROGRAMMA, code)),
            associated_parties=tuple(parties),
            reserve_mutations=self._mutations(index, path, (Owner.PROGRAMMA, code)),
            **extras,
        )

    def _objective(self, index: Index, path: str, row: DataRow) -> _model.Objective | None:
        self._register(path, row)
        code = row.values["code"]
        objectives = [
            self._objective(index, f"{path}.objectives[{o}]", orow)
            for o, orow in enumerate(index.take("objectives", (row.values["programme"], code)))
        ]
        extras = self._node_extras(index, path, Owner.DOEL, code)
        prestaties = [
            self._prestatie(index, f"{path}.prestaties[{s}]", srow)
            for s, srow in enumerate(index.take("prestaties", code))
        ]
        if None in objectives or None in prestaties or extras is None:
            return None
        return self._make(
            row,
            _model.Objective,
            **_fields(row, schema.DOELEN),
            objectives=tuple(objectives),
            prestaties=tuple(prestaties),
            amounts=self._amounts_of(path, (Owner.DOEL, code)),
            reserve_mutations=self._mutations(index, path, (Owner.DOEL, code)),
            **extras,
        )

    def _node_extras(
        self, index: Index, path: str, level: Owner, code: Code
    ) -> dict[str, Any] | None:
        """The indicators, headed texts and status of a programme, objective or prestatie;
        None when one of them cannot be made (its problem is reported)."""
        indicators = []
        for i, irow in enumerate(index.take("indicators", (level, code))):
            ipath = f"{path}.indicators[{i}]"
            self._register(ipath, irow)
            part = irow.values["position"] if irow.values["position"] is not None else i + 1
            key = (Owner.INDICATOR, code, part)
            indicators.append(
                self._measured(
                    index,
                    irow,
                    _model.Indicator,
                    schema.INDICATOREN,
                    ipath,
                    key,
                    status=self._status(index, f"{ipath}.status", (Owner.INDICATOR, code, part)),
                )
            )
        if None in indicators:
            return None
        return {
            "indicators": tuple(indicators),
            "sections": self._sections(index, f"{path}.sections", (level, code)),
            "status": self._status(index, f"{path}.status", (level, code, None)),
        }

    def _sections(self, index: Index, path: str, key: Any) -> tuple[_model.Section, ...]:
        return self._owned(index, "sections", path, key, _model.Section, schema.TEKSTEN)

    def _mutations(self, index: Index, path: str, key: Any) -> tuple[_model.ReserveMutation, ...]:
        return self._owned(
            index,
            "mutations",
            f"{path}.reserve_mutations",
            key,
            _model.ReserveMutation,
            schema.RESERVEMUTATIES,
        )

    def _status(self, index: Index, path: str, key: Any) -> _model.MonitorStatus | None:
        level, code, _ = key
        srow = self._at_most_one(
            index.take("statuses", key),
            "prestatie",
            N_("a second monitor status for {level} {code}: expected at most one"),
            level=level.value,
            code=code,
        )
        if srow is None:
            return None
        self._register(path, srow)
        dimensions = self._owned(
            index, "judgements", f"{path}.dimensions", key, _model.Judgement, schema.OORDELEN
        )
        return self._make(
            srow, _model.MonitorStatus, **_fields(srow, schema.MONITOR), dimensions=dimensions
        )

    def _prestatie(self, index: Index, path: str, row: DataRow) -> _model.Prestatie | None:
        values = row.values
        code = values["code"]
        self._register(path, row)
        actions = []
        for a, arow in enumerate(index.take("actions", code)):
            apath = f"{path}.actions[{a}]"
            self._register(apath, arow)
            key = (Owner.ACTIE, code, arow.values["number"])
            actions.append(self._measured(index, arow, _model.Action, schema.ACTIES, apath, key))
        links = []
        for k, lrow in enumerate(index.take("links", code)):
            self._register(f"{path}.reserve_link.proposals[{k}]", lrow)
            links.append(
                self._make(
                    lrow, _model.ProposalLink, **_fields(lrow, schema.VOORSTELLEN_PER_PRESTATIE)
                )
            )
        extras = self._node_extras(index, path, Owner.PRESTATIE, code)
        duration = self._duration(row)
        if None in actions or None in links or duration is _BROKEN or extras is None:
            return None
        reserve_link = self._make(
            row,
            _model.ReserveLink,
            **schema.PRESTATIES.nested(values, "reserve_link"),
            proposals=tuple(links),
        )
        if reserve_link is None:
            return None
        return self._make(
            row,
            _model.Prestatie,
            **_fields(row, schema.PRESTATIES),
            actions=tuple(actions),
            duration=duration,
            reserve_link=reserve_link,
            amounts=self._amounts_of(path, (Owner.PRESTATIE, code)),
            **extras,
        )

    def _duration(self, row: DataRow) -> _model.Duration | object | None:
        fields = schema.PRESTATIES.nested(row.values, "duration")
        if fields["kind"] is not None:
            duration = self._make(row, _model.Duration, **fields)
            return _BROKEN if duration is None else duration
        if any(value not in (None, "") for value in fields.values()):
            labels = ", ".join(repr(kind.value) for kind in _model.DurationKind)
            self.problems.append(
                Problem.of(
                    row.cell("duration.kind"),
                    "looptijd-missing",
                    N_(
                        "Looptijd: expected {labels} when the other looptijd columns are filled,"
                        " got a blank cell"
                    ),
                    labels=labels,
                )
            )
            return _BROKEN
        return None

    def _measured(
        self,
        index: Index,
        row: DataRow,
        factory: Callable[..., T],
        sheet: Sheet,
        path: str,
        key: Any,
        **fields: Any,
    ) -> T | None:
        """An action or an indicator from its row, with its targets and realised values (and
        `fields` found elsewhere, such as an indicator's status)."""
        return self._make(
            row,
            factory,
            **_fields(row, sheet),
            targets=self._targets(index, f"{path}.targets", key),
            realised=self._measurements(index, f"{path}.realised", key),
            **fields,
        )

    def _targets(self, index: Index, path: str, key: Any) -> tuple[Target, ...]:
        return self._owned(index, "targets", path, key, Target, schema.STREEFWAARDEN)

    def _measurements(self, index: Index, path: str, key: Any) -> tuple[_model.Measurement, ...]:
        return self._owned(index, "measurements", path, key, _model.Measurement, schema.REALISATIES)

    def _owned(
        self,
        index: Index,
        group: str,
        path: str,
        key: Any,
        factory: Callable[..., T],
        sheet: Sheet,
    ) -> tuple[T, ...]:
        """The targets or measurements of one owner, each from its row; a row that does not
        make one is reported and left out."""
        built = []
        for i, row in enumerate(index.take(group, key)):
            self._register(f"{path}[{i}]", row)
            item = self._make(row, factory, **_fields(row, sheet))
            if item is not None:
                built.append(item)
        return tuple(built)

    def _amounts_of(self, path: str, key: tuple[Owner, Code]) -> tuple[_model.Amount, ...]:
        self.used_amounts.add(key)
        items = self.amounts.get(key, [])
        self.amount_cells[path] = [cell for _, cell in items]
        return tuple(amount for amount, _ in items)

    def _amounts(
        self, rows: list[DataRow]
    ) -> dict[tuple[Owner, Code], list[tuple[_model.Amount, tuple[DataRow, str]]]]:
        """Each owner's amounts with the row and column of each, in the model's order."""
        collected: dict[tuple[Owner, Code], list[tuple[_model.Amount, tuple[DataRow, str]]]]
        collected = {}
        year_keys: list[tuple[str, int]] | None = None
        for row in rows:
            if not row.ok:
                continue
            values = row.values
            if year_keys is None:  # every readable row has the same columns
                year_keys = [(k, year) for k in values if (year := year_of(k)) is not None]
            key = (values["level"], values["code"])
            flow, column, nature = values["flow"], values["column"], values["nature"]
            line = {key: values[key] for key in ("category", "change", "taakveld", "funding")}
            for column_key, year in year_keys:
                value = values[column_key]
                if value is None:
                    continue
                amount = self._make(
                    row,
                    _model.Amount,
                    flow=flow,
                    column=column,
                    nature=nature,
                    year=year,
                    value=value,
                    **line,
                )
                if amount is not None:
                    collected.setdefault(key, []).append((amount, (row, column_key)))
        by_key = operator.itemgetter(0)
        return {
            key: sorted(items, key=lambda item: _model.amount_order(by_key(item)))
            for key, items in collected.items()
        }

    def _report_unused(self, index: Index) -> None:
        """Rows whose parent has no row at all (a parent that failed to read or is itself
        misplaced is reported on its own row, not again on each child)."""
        orphans: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for group, key, rows in index.unused():
            if not index.parent_missing(group, key):
                continue
            field, parent = PARENTS[group]
            sheet = parent_sheet(group, key)
            if sheet in self.absent:
                orphans[sheet][rows[0].sheet] += len(rows)
                continue
            for row in rows:
                self.problems.append(
                    Problem.of(
                        row.cell(field),
                        "parent-missing",
                        N_(
                            "refers to {key}, which is not in the workbook: expected one listed"
                            " on {sheet}"
                        ),
                        key=show_key(key),
                        sheet=parent,
                    )
                )
        for key, items in self.amounts.items():
            if key not in self.used_amounts and index.parent_missing("amounts", key):
                level, code = key
                if LEVEL_SHEETS[level] in self.absent:
                    rows_of = {id(row): row for _, (row, _) in items}
                    orphans[LEVEL_SHEETS[level]][LASTEN_EN_BATEN.name] += len(rows_of)
                    continue
                row, column_key = items[0][1]
                self.problems.append(
                    Problem.of(
                        row.cell(column_key),
                        "parent-missing",
                        N_(
                            "amounts of {level} {code}, which is not in the workbook: expected"
                            " one listed on {sheet}"
                        ),
                        level=level.value,
                        code=code,
                        sheet=LEVEL_SHEETS[level],
                    )
                )
        for sheet, counts in orphans.items():
            if self.absent[sheet]:
                continue  # its problem names the cause already
            referring = ", ".join(f"{name}: {count}" for name, count in counts.items())
            self.problems.append(
                Problem.of(
                    self.source,
                    "sheet-missing",
                    N_(
                        "no sheet {sheet!r}, yet rows refer to it ({referring}): expected the"
                        " sheet {sheet!r} (was it deleted or renamed?)"
                    ),
                    sheet=sheet,
                    referring=referring,
                )
            )

    def _make_budget(
        self,
        fields: dict[str, Any],
        programmes: list[Any],
        reserves: list[Any],
        proposals: list[Any],
        paragraphs: tuple[_model.Section, ...],
    ) -> _model.Budget | None:
        try:
            return _model.Budget(
                **{field: fields[field] for field in BEGROTING.fields},
                programmes=tuple(programmes),
                reserves=tuple(reserves),
                proposals=tuple(proposals),
                paragraphs=paragraphs,
            )
        except PrestatieError as error:
            field = error.field or "year"
            where = self.where.get(f"$.{field}", f"{BEGROTING.name}!B1")
            self.problems.append(error_problem(where, error, BEGROTING.header(field)))
            return None

    def _cell_of(self, path: str) -> str:
        """The cell a JSON path's value came from, or the nearest enclosing object's cell."""
        candidate = path
        while candidate:
            if candidate in self.where:
                return self.where[candidate]
            owner, amounts, index = candidate.rpartition(".amounts[")
            if amounts and index[:-1].isdigit() and owner in self.amount_cells:
                cells = self.amount_cells[owner]
                if int(index[:-1]) < len(cells):
                    row, column_key = cells[int(index[:-1])]
                    return row.cell(column_key)
            if candidate in self.objects:
                return self.objects[candidate].field_cell(path[len(candidate) :])
            trimmed = re.sub(r"(\[[0-9]+\]|\.[A-Za-z_]+)$", "", candidate)
            if trimmed == candidate:
                break
            candidate = trimmed
        return path


_BROKEN = object()
_JSON_PATH = re.compile(r"\$(?:\.[A-Za-z_]+|\[[0-9]+\])+")


def _fields(row: DataRow, sheet: Sheet) -> dict[str, Any]:
    """The values of the row's own fields, by name, as the model's constructor takes them."""
    return {name: row.values[name] for name in sheet.fields}

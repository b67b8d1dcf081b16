"""Budget columns (primitief, wijziging, actueel, gerealiseerd, ruimte) and the check of a
published, rounded table against its own sums."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

import attrs

from prestatie._errors import Problem, UnitMismatchError
from prestatie._language import N_
from prestatie._model import Flow
from prestatie._money import ZERO, format_amount, non_negative_amount, to_amount, total
from prestatie._validate import of, to_optional_amount

COLUMNS = ("primitief", "wijziging", "actueel", "gerealiseerd", "ruimte")


@attrs.frozen(kw_only=True)
class BudgetLine:
    """One line of a monitor table, as printed; a column left empty is None.

    Actueel = primitief + wijziging and ruimte = actueel − gerealiseerd. Lasten and baten stay
    apart: both are stated as positive amounts and lines of different flows never add up.
    """

    label: str = attrs.field(validator=of(str))
    flow: Flow = attrs.field(validator=of(Flow))
    primitief: Decimal | None = attrs.field(default=None, converter=to_optional_amount)
    wijziging: Decimal | None = attrs.field(default=None, converter=to_optional_amount)
    actueel: Decimal | None = attrs.field(default=None, converter=to_optional_amount)
    gerealiseerd: Decimal | None = attrs.field(default=None, converter=to_optional_amount)
    ruimte: Decimal | None = attrs.field(default=None, converter=to_optional_amount)

    @classmethod
    def compute(
        cls,
        label: str,
        flow: Flow,
        primitief: Decimal | int,
        wijziging: Decimal | int = ZERO,
        gerealiseerd: Decimal | int = ZERO,
    ) -> BudgetLine:
        """A line whose actueel and ruimte follow exactly from the other columns."""
        actueel = total([primitief, wijziging])
        return cls(
            label=label,
            flow=flow,
            primitief=primitief,
            wijziging=wijziging,
            actueel=actueel,
            gerealiseerd=gerealiseerd,
            ruimte=total([actueel, -to_amount(gerealiseerd)]),
        )

    def __add__(self, other: BudgetLine) -> BudgetLine:
        """Column by column sums of two lines of the same flow."""
        if not isinstance(other, BudgetLine):
            return NotImplemented
        if other.flow is not self.flow:
            raise UnitMismatchError(
                f"cannot add {self.flow.value} line {self.label!r} and {other.flow.value} line"
                f" {other.label!r}: lasten and baten are kept apart"
            )
        sums = {
            column: None if a is None or b is None else total([a, b])
            for column in COLUMNS
            for a, b in [(getattr(self, column), getattr(other, column))]
        }
        return BudgetLine(label=f"{self.label} + {other.label}", flow=self.flow, **sums)


def check_table(
    lines: Sequence[BudgetLine], totals: Iterable[BudgetLine] = (), *, tolerance: Decimal | int
) -> tuple[Problem, ...]:
    """Every cell of a published table that differs from what its own figures give by more
    than `tolerance`.

    Each line is checked for actueel = primitief + wijziging and ruimte = actueel −
    gerealiseerd; each line of `totals` against the sum of `lines` of its flow, column by
    column. Figures rounded independently to whole thousands can be off by up to half a unit
    each, so a published sum of n figures can be off by up to (n + 1) / 2 rounded down: use
    a tolerance of 1 for the line relations of a table in × € 1.000, and 0 for a table
    made with `round_table`.
    """
    allowed = non_negative_amount(tolerance, "tolerance")
    problems: list[Problem] = []

    def compare(
        where: str,
        stated: Decimal | None,
        parts: Sequence[Decimal | None],
        template: str,
        **params: object,
    ) -> None:
        if stated is None or any(part is None for part in parts):
            return
        computed = total(part for part in parts if part is not None)
        difference = abs(total([stated, -computed]))
        if difference > allowed:
            problems.append(
                Problem.of(
                    where,
                    "table-cell-off",
                    template,
                    stated=format_amount(stated),
                    computed=format_amount(computed),
                    off=format_amount(difference),
                    tolerance=format_amount(allowed),
                    **params,
                )
            )

    for line in lines:
        compare(
            f"{line.label} / actueel",
            line.actueel,
            [line.primitief, line.wijziging],
            N_(
                "stated {stated}, but primitief + wijziging gives {computed}: off by {off},"
                " more than the tolerance {tolerance}"
            ),
        )
        compare(
            f"{line.label} / ruimte",
            line.ruimte,
            [line.actueel, None if line.gerealiseerd is None else -line.gerealiseerd],
            N_(
                "stated {stated}, but actueel − gerealiseerd gives {computed}: off by {off},"
                " more than the tolerance {tolerance}"
            ),
        )
    for stated in totals:
        members = [line for line in lines if line.flow is stated.flow]
        for column in COLUMNS:
            compare(
                f"{stated.label} / {column}",
                getattr(stated, column),
                [getattr(line, column) for line in members],
                N_(
                    "stated {stated}, but the sum of the {count} {flow} lines gives {computed}:"
                    " off by {off}, more than the tolerance {tolerance}"
                ),
                count=len(members),
                flow=stated.flow.value,
            )
    return tuple(problems)

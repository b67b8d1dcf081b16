"""Progress of a monitor or jaarverslag: each streefwaarde against what was realised, each
prestatie's budget against its realisation, and the status colours that follow."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction

import attrs

from prestatie._code import Code
from prestatie._errors import InvalidValueError, PrestatieError
from prestatie._language import N_
from prestatie._model import (
    Amount,
    Budget,
    BudgetColumn,
    DocumentKind,
    Flow,
    Measurement,
    MonitorStatus,
    Prestatie,
    Score,
)
from prestatie._money import (
    ZERO,
    Unit,
    format_amount,
    multiply,
    non_negative_amount,
    to_amount,
    total,
)
from prestatie._target.algebra import Evaluation, Outcome, Target, TargetKind
from prestatie._views.summary import document_title, unit_line
from prestatie._views.text import align, one_line


def _percent(value: Decimal | int) -> Decimal:
    amount = to_amount(value, "threshold")
    if not 0 <= amount <= 100:
        raise InvalidValueError(f"threshold: expected a percentage from 0 to 100, got {amount}")
    return amount


def _optional_percent(value: Decimal | int | None) -> Decimal | None:
    return None if value is None else _percent(value)


def _amount_floor(value: Decimal | int) -> Decimal:
    return non_negative_amount(value, "floor")


@attrs.frozen(kw_only=True)
class Thresholds:
    """The knobs of the status-colour rule of `progress`, as percentages from 0 to 100.

    **Inhoud** (content), per prestatie: of its streefwaarden that can be measured (gehaald or
    niet gehaald), the share gehaald. Groen when that share is at least `met_green` (80),
    oranje when at least `met_orange` (50), rood below. A prestatie without a measurable
    streefwaarde gets no content colour.

    **Financiën**, per prestatie: the ruimte (actueel − gerealiseerd, lasten of the budget
    year) as a share of the actuele begroting, under- and overspending alike: afwijking =
    |ruimte| / |actueel| × 100. Groen when the afwijking is at most `deviation_green` (10),
    oranje when at most `deviation_orange` (25), rood above. With an actuele begroting of 0
    the afwijking is 0 when nothing was realised, and the colour rood otherwise. A prestatie
    without a budget or without a realisation for the budget year gets no financial colour.
    A monitor during the year holds what was realised so far against the budget of the
    whole year: raise the deviation thresholds for it.

    Underspending may be judged apart from overspending (`under_green`, `under_orange`), and a
    deviation within an absolute floor in the budget's unit (`floor_green`, `floor_orange`)
    counts as small whatever its share: a colour needs the deviation beyond both the
    relative and the absolute bound.

    Each comparison is exact (no rounding), the boundaries inclusive as stated; `met_orange`
    may not exceed `met_green`, nor `deviation_green` exceed `deviation_orange` (nor the
    under and floor pairs likewise).
    """

    met_green: Decimal = attrs.field(default=to_amount(80), converter=_percent)
    met_orange: Decimal = attrs.field(default=to_amount(50), converter=_percent)
    deviation_green: Decimal = attrs.field(default=to_amount(10), converter=_percent)
    deviation_orange: Decimal = attrs.field(default=to_amount(25), converter=_percent)
    under_green: Decimal | None = attrs.field(default=None, converter=_optional_percent)
    """The afwijking allowed for groen when less was spent than budgeted (a positive
    ruimte); None: `deviation_green`, as for overspending."""
    under_orange: Decimal | None = attrs.field(default=None, converter=_optional_percent)
    """As `under_green`, for oranje."""
    floor_green: Decimal = attrs.field(default=ZERO, converter=_amount_floor)
    """An absolute floor in the budget's unit: a |ruimte| of at most this is groen whatever
    its share, as a rule "more than 10% and more than € 100.000" states it."""
    floor_orange: Decimal = attrs.field(default=ZERO, converter=_amount_floor)
    """As `floor_green`, for at most oranje."""

    def __attrs_post_init__(self) -> None:
        self._at_most("met_orange", "met_green", "%")
        self._at_most("deviation_green", "deviation_orange", "%")
        under = (self.under_green, self.under_orange)
        if None in under and under != (None, None):
            raise InvalidValueError(
                f"expected both or neither, got under_green={self.under_green} and"
                f" under_orange={self.under_orange}",
                owner="Thresholds",
                field="under_green",
            )
        self._at_most("under_green", "under_orange", "%")
        self._at_most("floor_green", "floor_orange", "")

    def _at_most(self, field: str, bound: str, sign: str) -> None:
        """The threshold `field` lies within `bound` (the one for a worse colour, or a better
        one for `met`); a pair left None is not compared."""
        value, most = getattr(self, field), getattr(self, bound)
        if value is not None and most is not None and value > most:
            raise InvalidValueError(
                f"expected at most {bound} ({most}{sign}), got {value}{sign}",
                owner="Thresholds",
                field=field,
            )

    def content(self, met: int, measurable: int) -> Score | None:
        """The content colour of `met` targets gehaald out of `measurable`."""
        if measurable == 0:
            return None
        # met / measurable ≥ t / 100, without dividing.
        share = multiply(met, 100)
        if share >= multiply(self.met_green, measurable):
            return Score.GROEN
        if share >= multiply(self.met_orange, measurable):
            return Score.ORANJE
        return Score.ROOD

    def financial(self, budgeted: Decimal | None, realised: Decimal | None) -> Score | None:
        """The financial colour of a budget (actueel) and what was realised (gerealiseerd)."""
        if budgeted is None or realised is None:
            return None
        ruimte = total([budgeted, -realised])
        green, orange = self.deviation_green, self.deviation_orange
        if ruimte > 0 and self.under_green is not None and self.under_orange is not None:
            green, orange = self.under_green, self.under_orange
        # |ruimte| / |actueel| × 100 ≤ t, as |ruimte| × 100 ≤ t × |actueel|.
        deviation = multiply(abs(ruimte), 100)
        if deviation <= multiply(green, abs(budgeted)) or abs(ruimte) <= self.floor_green:
            return Score.GROEN
        if deviation <= multiply(orange, abs(budgeted)) or abs(ruimte) <= self.floor_orange:
            return Score.ORANJE
        return Score.ROOD


DEFAULT_THRESHOLDS = Thresholds()


@attrs.frozen(kw_only=True)
class TargetResult:
    """One streefwaarde against what was realised.

    `code` is the prestatie's (for an action's target) or beleidsdoel's (for an indicator's);
    `source` says which: "actie 1" or "indicator Opkomst". `reason` says in Dutch why a target
    is niet meetbaar.
    """

    code: Code
    source: str
    target: Target
    realised: Decimal | None
    outcome: Outcome
    reason: str = ""
    evaluation: Evaluation | None = None


@attrs.frozen(kw_only=True)
class Finance:
    """The lasten of a prestatie in the budget year: actuele begroting and gerealiseerd."""

    budgeted: Decimal | None
    realised: Decimal | None

    @property
    def ruimte(self) -> Decimal | None:
        """Actueel − gerealiseerd, when both are known."""
        if self.budgeted is None or self.realised is None:
            return None
        return total([self.budgeted, -self.realised])

    @property
    def deviation(self) -> Decimal | None:
        """|ruimte| as a percentage of |actueel|, to one decimal; None without a ruimte or,
        when something was realised, with a budget of 0."""
        ruimte = self.ruimte
        if ruimte is None or self.budgeted is None:
            return None
        if self.budgeted == 0:
            return ZERO if ruimte == 0 else None
        # In tenths of a percent, rounded half up, exactly at any size.
        tenths = Fraction(abs(ruimte)) * 1000 / Fraction(abs(self.budgeted))
        return to_amount(math.floor(tenths + Fraction(1, 2))).scaleb(-1)


@attrs.frozen(kw_only=True)
class PrestatieProgress:
    """The progress of one prestatie: its targets, its finance, the colours derived from them
    and the status the document itself records."""

    code: Code
    title: str
    targets: tuple[TargetResult, ...]
    finance: Finance
    content: Score | None
    financial: Score | None
    recorded: MonitorStatus | None = None

    def count(self, outcome: Outcome) -> int:
        return sum(1 for result in self.targets if result.outcome is outcome)


@attrs.frozen(kw_only=True)
class ProgressReport:
    """What `progress` finds for a monitor or jaarverslag."""

    title: str
    year: int
    unit: Unit
    thresholds: Thresholds
    prestaties: tuple[PrestatieProgress, ...]
    indicators: tuple[TargetResult, ...]

    def count(self, outcome: Outcome) -> int:
        """How many targets, of actions and indicators, have this outcome."""
        results = [r for item in self.prestaties for r in item.targets] + list(self.indicators)
        return sum(1 for result in results if result.outcome is outcome)


def progress(budget: Budget, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> ProgressReport:
    """Each streefwaarde of a monitor or jaarverslag against its realised value, and each
    prestatie's budget against its realisation, with the colours of `Thresholds`.

    A target is compared with the realised `Measurement` of the same unit (case and spacing
    aside) of its action or indicator for the target's year, or the budget year when it has
    none; a measurement without a year counts for any year, one with the exact year goes
    first. It is niet meetbaar when it is qualitative, when no such measurement exists, or
    when it is relative and no baseline is known (its own, or else its indicator's).
    The finance of a prestatie is its lasten of the budget year: the actuele begroting (or,
    without actueel amounts, primitief + wijziging) against what was gerealiseerd.

    A begroting records no realisations and is refused with an `InvalidValueError`.
    """
    if budget.kind is DocumentKind.BEGROTING:
        raise InvalidValueError(
            N_(
                "{title}: is a begroting: expected a monitor or jaarverslag, which records what"
                " was realised"
            ),
            code="progress-of-begroting",
            params={"title": document_title(budget)},
        )
    items = []
    for item in budget.prestaties():
        results = tuple(
            _result(item.code, f"actie {action.number}", target, action.realised, budget.year)
            for action in item.actions
            for target in action.targets
        )
        finance = _finance(item, budget.year)
        met = sum(1 for r in results if r.outcome is Outcome.MET)
        measurable = sum(1 for r in results if r.outcome is not Outcome.NOT_MEASURABLE)
        items.append(
            PrestatieProgress(
                code=item.code,
                title=item.title,
                targets=results,
                finance=finance,
                content=thresholds.content(met, measurable),
                financial=thresholds.financial(finance.budgeted, finance.realised),
                recorded=item.status,
            )
        )
    indicators = tuple(
        _result(
            owner.code,
            f"indicator {one_line(indicator.name, 40)}",
            target,
            indicator.realised,
            budget.year,
            indicator.baseline,
        )
        for owner in budget.amount_owners()
        for indicator in owner.item.indicators
        for target in indicator.targets
    )
    return ProgressReport(
        title=document_title(budget),
        year=budget.year,
        unit=budget.unit,
        thresholds=thresholds,
        prestaties=tuple(items),
        indicators=indicators,
    )


def _same_unit(first: str, second: str) -> bool:
    return " ".join(first.split()).casefold() == " ".join(second.split()).casefold()


def _measurement(target: Target, realised: Iterable[Measurement], year: int) -> Measurement | None:
    wanted = target.year if target.year is not None else year
    candidates = [m for m in realised if _same_unit(m.unit, target.unit)]
    exact = [m for m in candidates if m.year == wanted]
    undated = [m for m in candidates if m.year is None]
    found = exact or undated
    return found[0] if found else None


def _result(
    code: Code,
    source: str,
    target: Target,
    realised: Iterable[Measurement],
    year: int,
    baseline: Decimal | None = None,
) -> TargetResult:
    def not_measurable(reason: str, value: Decimal | None = None) -> TargetResult:
        return TargetResult(
            code=code,
            source=source,
            target=target,
            realised=value,
            outcome=Outcome.NOT_MEASURABLE,
            reason=reason,
        )

    if target.kind is TargetKind.QUALITATIVE:
        return not_measurable("kwalitatieve streefwaarde")
    measurement = _measurement(target, realised, year)
    if measurement is None:
        wanted = target.year if target.year is not None else year
        return not_measurable(f"geen realisatie voor {wanted}")
    if measurement.value is None:
        return not_measurable(f"realisatie zonder getal: {measurement.text}")
    try:
        evaluation = target.evaluate(
            measurement.value, baseline if target.baseline is None else None
        )
    except PrestatieError:
        return not_measurable("relatieve streefwaarde zonder betekenis bij deze basiswaarde")
    if evaluation.outcome is Outcome.NOT_MEASURABLE:
        return not_measurable("geen basiswaarde", measurement.value)
    return TargetResult(
        code=code,
        source=source,
        target=target,
        realised=measurement.value,
        outcome=evaluation.outcome,
        evaluation=evaluation,
    )


def _lasten(amounts: Iterable[Amount], column: BudgetColumn, year: int) -> Decimal | None:
    chosen = [a.value for a in amounts if (a.flow, a.column, a.year) == (Flow.LASTEN, column, year)]
    return total(chosen) if chosen else None


def _finance(item: Prestatie, year: int) -> Finance:
    budgeted = _lasten(item.amounts, BudgetColumn.ACTUEEL, year)
    if budgeted is None:
        primitief = _lasten(item.amounts, BudgetColumn.PRIMITIEF, year)
        change = _lasten(item.amounts, BudgetColumn.WIJZIGING, year)
        if primitief is not None:
            budgeted = total([primitief, change or 0])
    return Finance(
        budgeted=budgeted, realised=_lasten(item.amounts, BudgetColumn.GEREALISEERD, year)
    )


def render_progress(report: ProgressReport) -> str:
    """The report as aligned text for a terminal: the streefwaarden of the actions and of the
    indicators with their realised values and verdicts, then per prestatie actueel,
    gerealiseerd, ruimte, afwijking and the colours (derived, and as the document records
    them), then the counts and the colour rule in one line each."""
    lines = [
        report.title,
        f"Voortgang {report.year}; {unit_line(report.unit).lower()}",
        "",
        "Streefwaarden van de acties",
    ]
    action_results = [r for item in report.prestaties for r in item.targets]
    lines += _target_lines(action_results, "Prestatie", "Actie")
    if report.indicators:
        lines += ["", "Streefwaarden van de indicatoren"]
        lines += _target_lines(report.indicators, "Beleidsdoel", "Indicator")
    lines += ["", f"Budget en realisatie (lasten {report.year})"]
    rows = [
        (
            "Prestatie",
            "Actueel",
            "Gerealiseerd",
            "Ruimte",
            "Afwijking",
            "Inhoud",
            "Financiën",
            "Monitor (inhoud/financiën)",
        )
    ]
    for item in report.prestaties:
        finance = item.finance
        deviation = finance.deviation
        rows.append(
            (
                f"{item.code} {one_line(item.title, 40)}".rstrip(),
                _amount(finance.budgeted),
                _amount(finance.realised),
                _amount(finance.ruimte),
                "-" if deviation is None else f"{format_amount(deviation)}%",
                _score(item.content),
                _score(item.financial),
                _recorded(item.recorded),
            )
        )
    right = (False, True, True, True, True, False, False, False)
    lines += align(rows, right=right, indent="  ")
    counts = ", ".join(f"{report.count(outcome)} {outcome.value}" for outcome in Outcome)
    lines += ["", f"Streefwaarden: {counts}", _rule_line(report.thresholds)]
    return "\n".join(lines)


def _target_lines(results: Sequence[TargetResult], owner: str, source: str) -> list[str]:
    if not results:
        return ["  Geen streefwaarden."]
    rows = [(owner, source, "Streefwaarde", "Gerealiseerd", "Oordeel")]
    for result in results:
        target = result.target
        verdict = result.outcome.value + (f" ({result.reason})" if result.reason else "")
        rows.append(
            (
                str(result.code),
                result.source.removeprefix("actie ").removeprefix("indicator "),
                one_line(target.text or target.describe(), 50),
                _amount(result.realised),
                verdict,
            )
        )
    return align(rows, right=(False, False, False, True, False), indent="  ")


def _amount(value: Decimal | None) -> str:
    return "-" if value is None else format_amount(value)


def _score(score: Score | None) -> str:
    return "geen oordeel" if score is None else score.value


def _recorded(status: MonitorStatus | None) -> str:
    if status is None or (status.content is None and status.financial is None):
        return "-"
    content = "-" if status.content is None else status.content.value
    financial = "-" if status.financial is None else status.financial.value
    return f"{content}/{financial}"


def _rule_line(thresholds: Thresholds) -> str:
    t = thresholds
    return (
        f"Kleurregel: inhoud groen bij ten minste {format_amount(t.met_green)}% gehaald,"
        f" oranje bij ten minste {format_amount(t.met_orange)}%, anders rood; financiën groen"
        f" bij een afwijking van hoogstens {format_amount(t.deviation_green)}%, oranje bij"
        f" hoogstens {format_amount(t.deviation_orange)}%, anders rood."
    )

"""The indicators of the model and the verdicts of a monitor or jaarverslag, which any
programme, objective, prestatie or indicator may carry."""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any

import attrs

from prestatie._language import N_
from prestatie._target.algebra import Target
from prestatie._validate import is_year, of, optional, refused, to_optional_amount, tuple_of


class Score(enum.Enum):
    """A monitor's traffic-light score."""

    GROEN = "groen"
    ORANJE = "oranje"
    ROOD = "rood"


class BudgetChange(enum.Enum):
    """A monitor's marker of a budget change for a prestatie."""

    GEEN = "Geen"
    GS = "GS Begrotingswijziging"
    PS = "PS Begrotingswijziging"
    RESULTAATBESTEMMING = "Vooraankondiging resultaatbestemming"


class IndicatorKind(enum.Enum):
    """What an indicator measures: a BBV beleidsindicator (verplicht, wettelijk), an effect
    (outcome) or an output."""

    BBV = "BBV"
    EFFECT = "effect"
    OUTCOME = "outcome"
    OUTPUT = "output"


def _marker_set(value: Any) -> Any:
    # A set of markers in a fixed order, so that equal sets compare equal; anything else
    # goes on to the validator, which names it.
    if isinstance(value, tuple | list | set | frozenset) and all(
        isinstance(item, BudgetChange) for item in value
    ):
        return tuple(marker for marker in BudgetChange if marker in value)
    return value


@attrs.frozen(kw_only=True)
class Judgement:
    """A status on one dimension as the document names it (Beleid, Tijd, Geld; Kwaliteit;
    Voortgang), with a value on the document's scale (`Budget.scale`) and its text."""

    dimension: str = attrs.field(validator=of(str))
    value: str = attrs.field(default="", validator=of(str))
    text: str = attrs.field(default="", validator=of(str))


@attrs.frozen(kw_only=True)
class Measurement:
    """A realised value of some unit, as reported in a monitor or annual report: a number,
    or only the text printed (`PM`, `Conform.`, `nnb`)."""

    unit: str = attrs.field(validator=of(str))
    value: Decimal | None = attrs.field(converter=to_optional_amount)
    year: int | None = attrs.field(default=None, validator=is_year)
    text: str = attrs.field(default="", validator=of(str))
    """The value as printed, when it is not (only) a number: `nnb`, `7,9*`."""

    def __attrs_post_init__(self) -> None:
        if self.value is None and not self.text.strip():
            raise refused(
                self,
                "value",
                "measurement-empty",
                N_("expected a value or the text printed, got neither"),
            )


@attrs.frozen(kw_only=True)
class MonitorStatus:
    """A verdict of a monitor or jaarverslag on a programme, objective, prestatie or
    indicator: scores for content and finance, judgements on the document's own dimensions,
    the budget-change markers and the toelichting."""

    content: Score | None = attrs.field(default=None, validator=optional(Score))
    financial: Score | None = attrs.field(default=None, validator=optional(Score))
    budget_changes: tuple[BudgetChange, ...] = attrs.field(
        default=(), converter=_marker_set, validator=tuple_of(BudgetChange)
    )
    """The budget-change markers printed, a set in the order of `BudgetChange`."""
    dimensions: tuple[Judgement, ...] = attrs.field(default=(), validator=tuple_of(Judgement))
    progress: str = attrs.field(default="", validator=of(str))
    """Toelichting op voortgang, e.g. "Geen afwijking."."""


@attrs.frozen(kw_only=True)
class Indicator:
    """An indicator of a programme, objective or prestatie, with its targets per year or
    period and what was realised."""

    name: str = attrs.field(validator=of(str))
    unit: str = attrs.field(validator=of(str))
    baseline: Decimal | None = attrs.field(default=None, converter=to_optional_amount)
    baseline_year: int | None = attrs.field(default=None, validator=is_year)
    targets: tuple[Target, ...] = attrs.field(default=(), validator=tuple_of(Target))
    realised: tuple[Measurement, ...] = attrs.field(default=(), validator=tuple_of(Measurement))
    source: str = attrs.field(default="", validator=of(str))
    code: str = attrs.field(default="", validator=of(str))
    """Its code as printed (`4.1.a`, `D5d`, `Nr. 10 Basisset BBV`)."""
    kind: IndicatorKind | None = attrs.field(default=None, validator=optional(IndicatorKind))
    cumulative: bool = attrs.field(default=False, validator=of(bool))
    """Whether its targets and values add up over the years."""
    status: MonitorStatus | None = attrs.field(default=None, validator=optional(MonitorStatus))
    trend: str = attrs.field(default="", validator=of(str))
    """Its trend as printed: "stabiel", "positieve ontwikkeling"."""

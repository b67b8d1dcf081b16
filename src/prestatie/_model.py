"""The typed model of a performance budget: programme → objective → prestatie → action.

Every class is frozen and keyword-only; children are tuples. Enum values are the Dutch labels
as the budget prints them. Constructors refuse values that make a single object meaningless;
rules across objects live in `prestatie._checks`.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, NamedTuple

import attrs

from prestatie._code import DEFAULT_SCHEME, Code, CodeScheme
from prestatie._errors import InvalidValueError
from prestatie._money import Unit, to_amount
from prestatie._taakveld import TAAKVELD
from prestatie._target.algebra import Target
from prestatie._validate import (
    code_part,
    is_year,
    non_negative,
    of,
    optional,
    to_code,
    to_codes,
    to_optional_amount,
    tuple_of,
)


class DocumentKind(enum.Enum):
    """Which document of the planning-and-control cycle a budget is."""

    BEGROTING = "begroting"
    MONITOR = "monitor"
    JAARVERSLAG = "jaarverslag"
    KADERNOTA = "kadernota"
    KADERBRIEF = "kaderbrief"
    VOORJAARSNOTA = "voorjaarsnota"
    ZOMERNOTA = "zomernota"
    NAJAARSNOTA = "najaarsnota"
    BESTUURSRAPPORTAGE_I = "bestuursrapportage I"
    BESTUURSRAPPORTAGE_II = "bestuursrapportage II"


class Flow(enum.Enum):
    """Expenses and income are kept apart, never one as the negative of the other."""

    LASTEN = "lasten"
    BATEN = "baten"
    SALDO = "saldo"
    """A net amount, lasten − baten, where a table prints only that: kept apart from lasten
    and baten, never split into them."""


class BudgetColumn(enum.Enum):
    """The columns of a budget table: as adopted, changes, current, realised."""

    PRIMITIEF = "primitief"
    WIJZIGING = "wijziging"
    ACTUEEL = "actueel"
    GEREALISEERD = "gerealiseerd"


class Nature(enum.Enum):
    """Whether an amount recurs every year or is one-off (at most four budget years)."""

    STRUCTUREEL = "structureel"
    INCIDENTEEL = "incidenteel"


class Role(enum.Enum):
    """The roles of the province in a prestatie that `prestatie` knows (Overijssel's list).
    A prestatie keeps any other role as the text printed (Fryslân's "partner"), and
    `check_budget` flags it."""

    FACILITEERDER = "faciliteerder"
    INVESTEERDER = "investeerder"
    UITVOERDER = "uitvoerder"
    TOEZICHTHOUDER = "toezichthouder"
    REGISSEUR = "regisseur"
    BEINVLOEDER = "beïnvloeder"
    BELANGENASSEMBLEUR = "belangenassembleur"
    WEGBEHEERDER = "wegbeheerder"
    WETTELIJKE_TAAK = "uitvoerder van een wettelijke taak"


class DurationKind(enum.Enum):
    """Looptijd prestatie."""

    STRUCTUREEL = "structureel"
    NIET_STRUCTUREEL = "niet structureel"


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


class MutationKind(enum.Enum):
    """A reserve mutation: money put into a reserve, or taken out of it."""

    TOEVOEGING = "toevoeging"
    ONTTREKKING = "onttrekking"


class Continuity(enum.Enum):
    """How a prestatie relates to the budget before it."""

    NIEUW = "nieuw"
    VOORTZETTING = "voortzetting"
    GEWIJZIGD = "gewijzigd"
    VERVALLEN = "vervallen"


def _taakveld(instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    optional(str)(instance, attribute, value)
    if value is not None and not TAAKVELD.fullmatch(value):
        raise InvalidValueError(
            f"expected a taakveld like '0.6', got {value!r}",
            owner=type(instance).__name__,
            field=attribute.name,
        )


_PS_NUMBER = re.compile(r"PS/[0-9]{4}/[0-9]+")


def is_ps_number(reference: str) -> bool:
    """Whether a decision reference has the form `PS/yyyy/n` (`PS/2016/344`)."""
    return _PS_NUMBER.fullmatch(reference) is not None


def _ps_number(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """A decision reference in any printed form (`GS DOC-00714319`, `PS 20-12-2023`); one
    that starts as a PS number, `PS/`, must be one."""
    of(str)(instance, attribute, value)
    if not value.strip() or (value.startswith("PS/") and not is_ps_number(value)):
        raise InvalidValueError(
            f"expected a decision reference such as 'PS/2016/344' or 'GS DOC-00714319',"
            f" got {value!r}",
            owner=type(instance).__name__,
            field=attribute.name,
        )


DEFAULT_LEVELS = ("kerntaak", "beleidsdoel", "prestatie", "actie")
"""Overijssel's names of the levels, the default of `Budget.levels`."""

DEFAULT_SCALE = tuple(score.value for score in Score)
"""Groen, oranje, rood: the default of `Budget.scale`."""


def _names(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    tuple_of(str)(instance, attribute, value)
    assert isinstance(value, tuple)
    if not value or not all(name.strip() for name in value):
        raise InvalidValueError(
            f"expected one or more names, each some text, got {value!r}",
            owner=type(instance).__name__,
            field=attribute.name,
        )


def _marker_set(value: Any) -> Any:
    # A set of markers in a fixed order, so that equal sets compare equal; anything else
    # goes on to the validator, which names it.
    if isinstance(value, tuple | list | set | frozenset) and all(
        isinstance(item, BudgetChange) for item in value
    ):
        return tuple(marker for marker in BudgetChange if marker in value)
    return value


def _roles(value: Any) -> Any:
    # A role printed as a known label is that `Role`; any other text is kept as printed.
    if isinstance(value, tuple | list):
        known = {role.value: role for role in Role}
        return tuple(known.get(item, item) if isinstance(item, str) else item for item in value)
    return value


def role_label(role: Role | str) -> str:
    """A role as printed: a known role's label, or the text kept."""
    return role.value if isinstance(role, Role) else role


def _ps_numbers(
    instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: object
) -> None:
    tuple_of(str)(instance, attribute, value)
    assert isinstance(value, tuple)
    for item in value:
        _ps_number(instance, attribute, item)


@attrs.frozen(kw_only=True)
class Amount:
    """One amount of a prestatie (or objective, or programme) for one year and one column.

    `value` is in the budget's `unit`.
    """

    flow: Flow = attrs.field(validator=of(Flow))
    column: BudgetColumn = attrs.field(validator=of(BudgetColumn))
    nature: Nature = attrs.field(validator=of(Nature))
    year: int = attrs.field(validator=is_year)
    value: Decimal = attrs.field(converter=to_amount)
    category: str = attrs.field(default="", validator=of(str))
    """The line it is booked on, as printed (apparaatskosten, kapitaallasten, …); empty for
    the owner's one line."""
    change: str = attrs.field(default="", validator=of(str))
    """The begrotingswijziging that made a change (a `WIJZIGING`), as printed: "3 - 2023"."""
    taakveld: str | None = attrs.field(default=None, validator=_taakveld)
    """The BBV taakveld the amount is booked on, such as "0.6" (Overhead), when known."""
    funding: str | None = attrs.field(default=None, validator=optional(str))
    """The reserve it is funded from ("gedekt door"), by name."""

    @property
    def key(self) -> AmountKey:
        """What identifies the amount within its owner."""
        return AmountKey(
            self.flow,
            self.column,
            self.nature,
            self.year,
            self.taakveld,
            self.category,
            self.change,
        )


class AmountKey(NamedTuple):
    """What identifies an amount within its owner (`Amount.key`)."""

    flow: Flow
    column: BudgetColumn
    nature: Nature
    year: int
    taakveld: str | None
    category: str
    change: str

    def describe(self) -> str:
        """As a message names it: "lasten primitief structureel 2018 taakveld 0.6
        (apparaatskosten)"."""
        text = f"{self.flow.value} {self.column.value} {self.nature.value} {self.year}"
        if self.taakveld:
            text += f" taakveld {self.taakveld}"
        extra = [part for part in (self.category, self.change) if part]
        return f"{text} ({', '.join(extra)})" if extra else text


@attrs.frozen(kw_only=True)
class ReserveMutation:
    """A toevoeging to or onttrekking from a reserve, for one year and one column, in the
    budget's unit."""

    kind: MutationKind = attrs.field(validator=of(MutationKind))
    reserve: str = attrs.field(validator=of(str))
    """The reserve as printed: "Algemene reserve (egalisatie)"."""
    column: BudgetColumn = attrs.field(validator=of(BudgetColumn))
    year: int = attrs.field(validator=is_year)
    value: Decimal = attrs.field(converter=to_amount)
    change: str = attrs.field(default="", validator=of(str))
    """The begrotingswijziging that made it, as printed."""


@attrs.frozen(kw_only=True)
class Section:
    """Text under a heading, as printed: "Wat willen we bereiken?" and its answer; a
    paragraaf of the budget."""

    heading: str = attrs.field(validator=of(str))
    text: str = attrs.field(default="", validator=of(str))


@attrs.frozen(kw_only=True)
class AssociatedParty:
    """A verbonden partij of a programme, with what the budget says of it."""

    name: str = attrs.field(validator=of(str))
    text: str = attrs.field(default="", validator=of(str))


@attrs.frozen(kw_only=True)
class Judgement:
    """A status on one dimension as the document names it (Beleid, Tijd, Geld; Kwaliteit;
    Voortgang), with a value on the document's scale (`Budget.scale`) and its text."""

    dimension: str = attrs.field(validator=of(str))
    value: str = attrs.field(default="", validator=of(str))
    text: str = attrs.field(default="", validator=of(str))


_ORDER = {m: index for kind in (Flow, BudgetColumn, Nature) for index, m in enumerate(kind)}


def in_key_order(amounts: Any) -> Any:
    """Amounts in the order of their keys (flow, column and nature as their enums list them,
    then taakveld and year), so that an owner's amounts have one order and no order needs
    storing; any other value is left for the validator to refuse."""
    if not isinstance(amounts, tuple) or not all(isinstance(a, Amount) for a in amounts):
        return amounts
    return tuple(sorted(amounts, key=amount_order))


def amount_order(amount: Amount) -> tuple[int, int, int, str, int, str, str]:
    """What `in_key_order` sorts amounts by: its key, the enums as they list their members,
    no taakveld before any, then its line category and begrotingswijziging."""
    return (
        _ORDER[amount.flow],
        _ORDER[amount.column],
        _ORDER[amount.nature],
        amount.taakveld or "",
        amount.year,
        amount.category,
        amount.change,
    )


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
            raise InvalidValueError(
                "expected a value or the text printed, got neither",
                owner="Measurement",
                field="value",
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


@attrs.frozen(kw_only=True)
class Action:
    """A numbered action (actie) of a prestatie."""

    number: int = attrs.field(validator=non_negative)
    text: str = attrs.field(validator=of(str))
    targets: tuple[Target, ...] = attrs.field(default=(), validator=tuple_of(Target))
    references: tuple[Code, ...] = attrs.field(default=(), converter=to_codes)
    """The prestaties its text refers to, as in "(prestatie 7.2.2)"."""
    realised: tuple[Measurement, ...] = attrs.field(default=(), validator=tuple_of(Measurement))


@attrs.frozen(kw_only=True)
class Duration:
    """Looptijd prestatie: structural, or not, with an optional expected end year."""

    kind: DurationKind = attrs.field(validator=of(DurationKind))
    start_year: int | None = attrs.field(default=None, validator=is_year)
    end_year: int | None = attrs.field(default=None, validator=is_year)
    text: str = attrs.field(default="", validator=of(str))
    """The sentence as printed: "Niet structureel. Eindigt naar verwachting in 2020."."""

    def __attrs_post_init__(self) -> None:
        if self.kind is DurationKind.STRUCTUREEL and self.end_year is not None:
            raise InvalidValueError(
                f"a structural prestatie has no end year, got {self.end_year}",
                owner="Duration",
                field="end_year",
            )
        start, end = self.start_year, self.end_year
        if start is not None and end is not None and end < start:
            raise InvalidValueError(
                f"expected {start} (start_year) or later, got {end}",
                owner="Duration",
                field="end_year",
            )


@attrs.frozen(kw_only=True)
class Reserve:
    """An earmarked reserve that prestaties can be linked to."""

    name: str = attrs.field(validator=of(str))
    description: str = attrs.field(default="", validator=of(str))


@attrs.frozen(kw_only=True)
class InvestmentProposal:
    """An investment proposal (investeringsvoorstel) adopted by Provinciale Staten."""

    name: str = attrs.field(validator=of(str))
    ps_number: str = attrs.field(validator=_ps_number)
    """Its PS number, such as `PS/2016/344`."""
    year: int = attrs.field(validator=is_year)
    """The year PS adopted it."""
    amended_by: tuple[str, ...] = attrs.field(default=(), validator=_ps_numbers)
    """PS numbers of later decisions that changed it."""
    reserve: str | None = attrs.field(default=None, validator=optional(str))
    """The name of the reserve that funds it."""
    amount: Decimal | None = attrs.field(default=None, converter=to_optional_amount)
    """Its investment budget in euros, when stated."""


@attrs.frozen(kw_only=True)
class ProposalLink:
    """A prestatie's link to one investment proposal and the other prestaties of it."""

    ps_number: str = attrs.field(validator=_ps_number)
    related: tuple[Code, ...] = attrs.field(default=(), converter=to_codes)
    text: str = attrs.field(default="", validator=of(str))
    """The sentence as printed."""


@attrs.frozen(kw_only=True)
class ReserveLink:
    """Relatie met reserve: whether a prestatie is funded from an earmarked reserve."""

    related: bool = attrs.field(validator=of(bool))
    reserve: str | None = attrs.field(default=None, validator=optional(str))
    """The reserve as named in the label, e.g. "Ecologische Hoofdstructuur/Kwaliteit van
    Overijssel"."""
    proposals: tuple[ProposalLink, ...] = attrs.field(default=(), validator=tuple_of(ProposalLink))

    def __attrs_post_init__(self) -> None:
        if not self.related and self.proposals:
            raise InvalidValueError(
                f"expected none when related is False, got {len(self.proposals)}",
                owner="ReserveLink",
                field="proposals",
            )


NO_RESERVE = ReserveLink(related=False)


@attrs.frozen(kw_only=True)
class Prestatie:
    """A prestatie: what the province commits to deliver, with its actions and amounts."""

    code: Code = attrs.field(converter=to_code)
    title: str = attrs.field(validator=of(str))
    introduction: str = attrs.field(default="", validator=of(str))
    context: str = attrs.field(default="", validator=of(str))
    actions: tuple[Action, ...] = attrs.field(default=(), validator=tuple_of(Action))
    portfolio_holders: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    roles: tuple[Role | str, ...] = attrs.field(
        default=(), converter=_roles, validator=tuple_of(Role, str)
    )
    """Its roles: a known `Role`, or any other role as printed."""
    role_text: str = attrs.field(default="", validator=of(str))
    """The role sentence as printed: "Wij zijn faciliteerder."."""
    duration: Duration | None = attrs.field(default=None, validator=optional(Duration))
    reserve_link: ReserveLink = attrs.field(default=NO_RESERVE, validator=of(ReserveLink))
    amounts: tuple[Amount, ...] = attrs.field(
        default=(), converter=in_key_order, validator=tuple_of(Amount)
    )
    continuity: Continuity | None = attrs.field(default=None, validator=optional(Continuity))
    status: MonitorStatus | None = attrs.field(default=None, validator=optional(MonitorStatus))
    sections: tuple[Section, ...] = attrs.field(default=(), validator=tuple_of(Section))
    """Text under headings, in the order printed."""
    indicators: tuple[Indicator, ...] = attrs.field(default=(), validator=tuple_of(Indicator))


def _objectives(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    tuple_of(Objective)(instance, attribute, value)


@attrs.frozen(kw_only=True)
class Objective:
    """A goal of a programme, such as beleidsdoel 7.1, at any depth: an objective may hold
    objectives (Noord-Holland's beleidsdoel 1.1 holds operationeel doel 1.1.1)."""

    code: Code = attrs.field(converter=to_code)
    title: str = attrs.field(validator=of(str))
    indicators: tuple[Indicator, ...] = attrs.field(default=(), validator=tuple_of(Indicator))
    prestaties: tuple[Prestatie, ...] = attrs.field(default=(), validator=tuple_of(Prestatie))
    amounts: tuple[Amount, ...] = attrs.field(
        default=(), converter=in_key_order, validator=tuple_of(Amount)
    )
    """Amounts booked on the objective itself rather than on one of its prestaties."""
    objectives: tuple[Objective, ...] = attrs.field(default=(), validator=_objectives)
    """The objectives one level down."""
    sections: tuple[Section, ...] = attrs.field(default=(), validator=tuple_of(Section))
    status: MonitorStatus | None = attrs.field(default=None, validator=optional(MonitorStatus))
    reserve_mutations: tuple[ReserveMutation, ...] = attrs.field(
        default=(), validator=tuple_of(ReserveMutation)
    )

    def all_amounts(self) -> Iterator[Amount]:
        """Its own amounts, then those of everything below it, each once."""
        yield from self.amounts
        for objective in self.objectives:
            yield from objective.all_amounts()
        for prestatie in self.prestaties:
            yield from prestatie.amounts


@attrs.frozen(kw_only=True)
class Ambition:
    """A programme's ambition: its sentence, and the target that sentence sets."""

    text: str = attrs.field(validator=of(str))
    target: Target | None = attrs.field(default=None, validator=optional(Target))


@attrs.frozen(kw_only=True)
class Programme:
    """A programme (kerntaak), such as 7. Kwaliteit openbaar bestuur."""

    number: int = attrs.field(validator=code_part)
    name: str = attrs.field(validator=of(str))
    ambition: Ambition | None = attrs.field(default=None, validator=optional(Ambition))
    objectives: tuple[Objective, ...] = attrs.field(default=(), validator=tuple_of(Objective))
    amounts: tuple[Amount, ...] = attrs.field(
        default=(), converter=in_key_order, validator=tuple_of(Amount)
    )
    """Amounts of the programme as a whole, such as personeelsgebonden kosten."""
    sections: tuple[Section, ...] = attrs.field(default=(), validator=tuple_of(Section))
    indicators: tuple[Indicator, ...] = attrs.field(default=(), validator=tuple_of(Indicator))
    status: MonitorStatus | None = attrs.field(default=None, validator=optional(MonitorStatus))
    associated_parties: tuple[AssociatedParty, ...] = attrs.field(
        default=(), validator=tuple_of(AssociatedParty)
    )
    """Its verbonden partijen."""
    reserve_mutations: tuple[ReserveMutation, ...] = attrs.field(
        default=(), validator=tuple_of(ReserveMutation)
    )

    @property
    def code(self) -> Code:
        """The programme number as a code, the parent of its objectives' codes (for a
        budget with fixed-width codes, see `CodeScheme.programme_code`)."""
        return Code.from_parts(self.number)


@attrs.frozen(kw_only=True)
class Budget:
    """A budget document (begroting, monitor or jaarverslag) of one province for one year.

    Amounts are stated in `unit`; `first_year`..`last_year` is the window of years its
    tables cover (by default the budget year and the three years of the multi-year estimate).
    """

    province: str = attrs.field(validator=of(str))
    year: int = attrs.field(validator=is_year)
    kind: DocumentKind = attrs.field(default=DocumentKind.BEGROTING, validator=of(DocumentKind))
    unit: Unit = attrs.field(default=Unit.THOUSAND, validator=of(Unit))
    title: str = attrs.field(default="", validator=of(str))
    first_year: int = attrs.field(
        default=attrs.Factory(lambda self: self.year, takes_self=True), validator=is_year
    )
    last_year: int = attrs.field(
        default=attrs.Factory(lambda self: self.year + 3, takes_self=True), validator=is_year
    )
    programmes: tuple[Programme, ...] = attrs.field(default=(), validator=tuple_of(Programme))
    reserves: tuple[Reserve, ...] = attrs.field(default=(), validator=tuple_of(Reserve))
    proposals: tuple[InvestmentProposal, ...] = attrs.field(
        default=(), validator=tuple_of(InvestmentProposal)
    )
    notes: str = attrs.field(default="", validator=of(str))
    """Free text about the data, such as where invented figures stand in for real ones."""
    complete: bool = attrs.field(default=True, validator=of(bool))
    """False for an excerpt, such as a single page: references to prestaties outside it are
    then expected, and not reported as problems."""
    levels: tuple[str, ...] = attrs.field(default=DEFAULT_LEVELS, validator=_names)
    """The names of its levels as the province prints them, outermost first: Overijssel's
    kerntaak, beleidsdoel, prestatie, actie by default."""
    code_scheme: CodeScheme = attrs.field(default=DEFAULT_SCHEME, validator=of(CodeScheme))
    scale: tuple[str, ...] = attrs.field(default=DEFAULT_SCALE, validator=_names)
    """The values a status judgement may take in this document, as printed."""
    paragraphs: tuple[Section, ...] = attrs.field(default=(), validator=tuple_of(Section))
    """The paragrafen of the budget (BBV), each a heading and its text."""

    def __attrs_post_init__(self) -> None:
        if self.last_year < self.first_year:
            raise InvalidValueError(
                f"expected {self.first_year} (first_year) or later, got {self.last_year}",
                owner="Budget",
                field="last_year",
            )

    def level_name(self, depth: int) -> str:
        """The name of level `depth` (0 for the programme), as printed; "niveau n" past the
        declared names."""
        return self.levels[depth] if depth < len(self.levels) else f"niveau {depth + 1}"

    def programme_code(self, programme: Programme) -> Code:
        """The programme's code under the budget's code scheme."""
        return self.code_scheme.programme_code(programme.number)

    def objectives(self) -> Iterator[Objective]:
        """Every objective at any depth, in budget order (each before those it holds)."""
        for owner in self.amount_owners():
            if isinstance(owner.item, Objective):
                yield owner.item

    def prestaties(self) -> Iterator[Prestatie]:
        """Every prestatie, in budget order."""
        for objective in self.objectives():
            yield from objective.prestaties

    def amount_owners(self) -> Iterator[AmountOwner]:
        """Every programme, objective and prestatie, once each, in budget order: a
        programme, then each of its objectives followed by the objectives it holds and then
        its prestaties."""
        for p, programme in enumerate(self.programmes):
            path = f"$.programmes[{p}]"
            yield AmountOwner(item=programme, programme=programme, path=path, depth=0)
            for o, objective in enumerate(programme.objectives):
                yield from _objective_owners(objective, programme, f"{path}.objectives[{o}]", 1)

    def prestatie(self, code: str | Code) -> Prestatie:
        """The prestatie with this code; KeyError if there is none."""
        wanted = Code(code)
        for prestatie in self.prestaties():
            if prestatie.code == wanted:
                return prestatie
        raise KeyError(str(wanted))


def _objective_owners(
    objective: Objective, programme: Programme, path: str, depth: int
) -> Iterator[AmountOwner]:
    yield AmountOwner(item=objective, programme=programme, path=path, depth=depth)
    for o, child in enumerate(objective.objectives):
        yield from _objective_owners(child, programme, f"{path}.objectives[{o}]", depth + 1)
    for s, prestatie in enumerate(objective.prestaties):
        spath = f"{path}.prestaties[{s}]"
        yield AmountOwner(item=prestatie, programme=programme, path=spath, depth=depth + 1)


@attrs.frozen(kw_only=True)
class AmountOwner:
    """A programme, objective or prestatie as an owner of amounts, with its place in the
    budget (see `Budget.amount_owners`)."""

    item: Programme | Objective | Prestatie
    programme: Programme
    """The programme it belongs to: itself, for a programme."""
    path: str
    """Its JSON path, such as `$.programmes[0].objectives[1]`."""
    depth: int = 0
    """Its level: 0 for a programme, 1 for the objectives directly under it, …"""

    @property
    def code(self) -> Code:
        return self.item.code

    @property
    def amounts(self) -> tuple[Amount, ...]:
        return self.item.amounts

    @property
    def title(self) -> str:
        """A programme's name, an objective's or prestatie's title."""
        return self.item.name if isinstance(self.item, Programme) else self.item.title

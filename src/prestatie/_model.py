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
from typing import Any

import attrs

# The amounts and the indicators are parts of the model with modules of their own; they are
# named here too, so that one module names every class of the model.
from prestatie._amount import Amount as Amount
from prestatie._amount import AmountKey as AmountKey
from prestatie._amount import BudgetColumn as BudgetColumn
from prestatie._amount import Flow as Flow
from prestatie._amount import MutationKind as MutationKind
from prestatie._amount import Nature as Nature
from prestatie._amount import ReserveMutation as ReserveMutation
from prestatie._amount import amount_order as amount_order
from prestatie._amount import in_key_order
from prestatie._code import DEFAULT_SCHEME, Code, CodeScheme
from prestatie._indicator import BudgetChange as BudgetChange
from prestatie._indicator import Indicator as Indicator
from prestatie._indicator import IndicatorKind as IndicatorKind
from prestatie._indicator import Judgement as Judgement
from prestatie._indicator import Measurement as Measurement
from prestatie._indicator import MonitorStatus as MonitorStatus
from prestatie._indicator import Score as Score
from prestatie._language import N_
from prestatie._money import Unit
from prestatie._target.algebra import Target
from prestatie._validate import (
    code_part,
    is_year,
    non_negative,
    of,
    optional,
    refused,
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


class Continuity(enum.Enum):
    """How a prestatie relates to the budget before it."""

    NIEUW = "nieuw"
    VOORTZETTING = "voortzetting"
    GEWIJZIGD = "gewijzigd"
    VERVALLEN = "vervallen"


_PS_NUMBER = re.compile(r"PS/[0-9]{4}/[0-9]+")


def is_ps_number(reference: str) -> bool:
    """Whether a decision reference has the form `PS/yyyy/n` (`PS/2016/344`)."""
    return _PS_NUMBER.fullmatch(reference) is not None


def _ps_number(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """A decision reference in any printed form (`GS DOC-00714319`, `PS 20-12-2023`); one
    that starts as a PS number, `PS/`, must be one."""
    of(str)(instance, attribute, value)
    if not value.strip() or (value.startswith("PS/") and not is_ps_number(value)):
        raise refused(
            instance,
            attribute,
            "not-a-decision",
            N_(
                "expected a decision reference such as 'PS/2016/344' or 'GS DOC-00714319',"
                " got {value!r}"
            ),
            value=value,
        )


DEFAULT_LEVELS = ("kerntaak", "beleidsdoel", "prestatie", "actie")
"""Overijssel's names of the levels, the default of `Budget.levels`."""

DEFAULT_SCALE = tuple(score.value for score in Score)
"""Groen, oranje, rood: the default of `Budget.scale`."""


def _names(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    tuple_of(str)(instance, attribute, value)
    assert isinstance(value, tuple)
    if not value or not all(name.strip() for name in value):
        raise refused(
            instance,
            attribute,
            "not-names",
            N_("expected one or more names, each some text, got {value!r}"),
            value=value,
        )


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
            raise refused(
                self,
                "end_year",
                "structural-with-end",
                N_("a structural prestatie has no end year, got {end}"),
                end=self.end_year,
            )
        start, end = self.start_year, self.end_year
        if start is not None and end is not None and end < start:
            raise refused(
                self,
                "end_year",
                "duration-reversed",
                N_("expected {start} (start_year) or later, got {end}"),
                start=start,
                end=end,
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
            raise refused(
                self,
                "proposals",
                "proposals-without-relation",
                N_("expected none when related is False, got {count}"),
                count=len(self.proposals),
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
            raise refused(
                self,
                "last_year",
                "years-reversed",
                N_("expected {first} (first_year) or later, got {last}"),
                first=self.first_year,
                last=self.last_year,
            )

    def level_name(self, depth: int) -> str:
        """The name of level `depth` (0 for the programme), as printed; "niveau n" past the
        declared names."""
        return self.levels[depth] if depth < len(self.levels) else f"niveau {depth + 1}"

    def level_label(self, depth: int) -> str:
        """The name of level `depth` on one line, as a label or a heading shows it."""
        return " ".join(self.level_name(depth).split())

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
    yield AmountOwner(
        item=objective, programme=programme, objective=objective, path=path, depth=depth
    )
    for o, child in enumerate(objective.objectives):
        yield from _objective_owners(child, programme, f"{path}.objectives[{o}]", depth + 1)
    for s, prestatie in enumerate(objective.prestaties):
        spath = f"{path}.prestaties[{s}]"
        yield AmountOwner(
            item=prestatie, programme=programme, objective=objective, path=spath, depth=depth + 1
        )


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
    objective: Objective | None = None
    """The objective it belongs to: itself, for an objective; None for a programme."""

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

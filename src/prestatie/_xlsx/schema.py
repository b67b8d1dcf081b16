"""The one description of the budget workbook: its sheets, their columns, and the model
field each column holds. Both the writer and the reader work from it."""

from __future__ import annotations

import enum
import re
from typing import Any

import attrs

from prestatie import _model
from prestatie._model import (
    BudgetColumn,
    Continuity,
    DocumentKind,
    DurationKind,
    Flow,
    IndicatorKind,
    MutationKind,
    Nature,
    Score,
)
from prestatie._money import Unit
from prestatie._target.algebra import Target, TargetKind
from prestatie._xlsx.cells import CellValue
from prestatie._xlsx.codecs import (
    AMOUNT,
    BOOLEAN,
    BOOLEAN_OR_NO,
    BOOLEAN_OR_YES,
    CODE,
    CODE_SCHEME,
    CODES,
    INTEGER,
    LEVELS,
    MARKERS,
    NO,
    NUMBER,
    OPTIONAL_BOOLEAN,
    OPTIONAL_CODE,
    OPTIONAL_INTEGER,
    OPTIONAL_NUMBER,
    OPTIONAL_TEXT,
    PROGRAMME_NUMBER,
    ROLES,
    SCALE,
    TEXT,
    TEXTS,
    YES,
    CellError,
    Codec,
    enum_codec,
    is_blank,
)

WORKBOOK_FORMAT_VERSION = 1
"""The version of the workbook layout written by `write_workbook` and read by `read_workbook`."""


class Owner(enum.Enum):
    """What a row of a child sheet belongs to."""

    BEGROTING = "begroting"
    PROGRAMMA = "programma"
    DOEL = "doel"
    PRESTATIE = "prestatie"
    AMBITIE = "ambitie"
    ACTIE = "actie"
    INDICATOR = "indicator"


def _owner_codec(*owners: Owner, blank: Owner | None = None) -> Codec:
    codec = enum_codec(Owner, optional=False)
    labels = tuple(owner.value for owner in owners)

    expected = "one of " + ", ".join(repr(label) for label in labels)

    def read(value: CellValue) -> Owner:
        if blank is not None and is_blank(value):
            return blank
        try:
            owner = codec.read(value)
        except CellError:
            raise CellError(expected) from None
        if owner not in owners:
            raise CellError(expected)
        assert isinstance(owner, Owner)
        return owner

    return attrs.evolve(codec, read=read, choices=labels)


@attrs.frozen
class Column:
    """One column of a sheet: its Dutch header, the model field it holds, and its codec."""

    header: str
    key: str
    """The field, as a dotted path from the row's object (`duration.kind`)."""
    codec: Codec
    required: bool = False
    """Whether a sheet without this column is a problem (else its cells read as blank)."""
    doc: str = ""
    required_when: str = ""
    """When an optional column must be filled after all, in Dutch (the Toelichting shows it)."""

    @property
    def optional(self) -> bool:
        """Whether the column may be left out, or blank in every row, whatever the rest of
        the row holds: the Toelichting's "Verplicht: nee"."""
        return self.may_be_left_out and not self.required_when

    @property
    def may_be_left_out(self) -> bool:
        """Whether a sheet without this column is read (its cells as blank)."""
        if self.required:
            return False
        try:
            self.codec.read(None)
        except CellError:
            return False
        return True

    @property
    def obligation(self) -> str:
        """The Toelichting's "Verplicht": ja, nee, or when."""
        if self.optional:
            return NO
        return f"{YES}, {self.required_when}" if self.required_when else YES


def _model_paths(sheet: Sheet) -> tuple[tuple[str, tuple[str, ...]], ...]:
    names = {field.name for field in attrs.fields(sheet.model)} if sheet.model else set()
    paths = ((column.key, tuple(column.key.split("."))) for column in sheet.columns)
    return tuple((key, parts) for key, parts in paths if parts[0] in names)


@attrs.frozen(eq=False)
class Sheet:
    """A sheet of the workbook with its columns in their written order.

    A row describes one object of `model`: a column whose key starts with one of its fields
    holds that field (`duration.kind` is the `kind` of its `duration`). The other columns
    place the row: its parent's key and its position among its siblings."""

    name: str
    columns: tuple[Column, ...]
    model: type | None = None
    """The model class a row describes."""
    doc: str = ""
    explanation: str = ""
    """What the sheet holds, in Dutch, for the people who fill it in (the Toelichting sheet)."""
    paths: tuple[tuple[str, tuple[str, ...]], ...] = attrs.field(
        init=False, default=attrs.Factory(_model_paths, takes_self=True)
    )
    """Each column that holds a field of `model`: its key and the key's parts."""
    fields: tuple[str, ...] = attrs.field(
        init=False,
        default=attrs.Factory(
            lambda sheet: tuple(key for key, parts in sheet.paths if len(parts) == 1),
            takes_self=True,
        ),
    )
    """The fields of `model` that a column holds as they are (not nested): what the
    model's constructor takes from a row."""

    def column(self, key: str) -> Column:
        """The column that holds field `key`."""
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)

    def values(self, item: Any) -> dict[str, Any]:
        """The value of each column that holds a field of `item` (a `model`), by key; a
        nested field of a missing object is None."""
        row: dict[str, Any] = {}
        for key, parts in self.paths:
            value = item
            for part in parts:
                value = None if value is None else getattr(value, part)
            row[key] = value
        return row

    def nested(self, values: dict[str, Any], field: str) -> dict[str, Any]:
        """The values of the columns that hold the fields of the model's `field` (an object),
        by the name of each: `duration.kind` → `kind`."""
        return {parts[1]: values[key] for key, parts in self.paths if parts[0] == field}


def _col(
    header: str,
    key: str,
    codec: Codec,
    doc: str = "",
    *,
    required: bool = False,
    when: str = "",
) -> Column:
    return Column(
        header=header, key=key, codec=codec, required=required, doc=doc, required_when=when
    )


ORDER = "Volgorde"


def _order() -> Column:
    return _col(ORDER, "position", OPTIONAL_INTEGER, "position among its siblings (1, 2, ...)")


BEGROTING = Sheet(
    name="Begroting",
    model=_model.Budget,
    doc="The budget itself: one row per field, the field's name in column A and its value in B.",
    explanation=(
        "De begroting zelf: één regel per gegeven, met de naam van het gegeven in kolom A "
        "en de waarde in kolom B."
    ),
    columns=(
        _col("Formaatversie", "format_version", INTEGER, "layout version", required=True),
        _col("Provincie", "province", TEXT, required=True),
        _col("Jaar", "year", INTEGER, "the budget year", required=True),
        _col("Soort document", "kind", enum_codec(DocumentKind, optional=False), required=True),
        _col("Eenheid", "unit", enum_codec(Unit, optional=False), required=True),
        _col("Titel", "title", TEXT),
        _col("Eerste jaar", "first_year", INTEGER, required=True),
        _col("Laatste jaar", "last_year", INTEGER, required=True),
        _col("Volledig", "complete", BOOLEAN, "nee for an excerpt", required=True),
        _col("Toelichting", "notes", TEXT),
        _col("Niveaus", "levels", LEVELS, "the names of the levels, outermost first"),
        _col("Codeschema", "code_scheme", CODE_SCHEME, "how codes show their place"),
        _col("Schaal", "scale", SCALE, "the values a status judgement may take"),
    ),
)

PROGRAMMAS = Sheet(
    name="Programma's",
    model=_model.Programme,
    doc="One row per programme (kerntaak).",
    explanation="Eén regel per programma (kerntaak), met zijn nummer en naam.",
    columns=(
        _order(),
        _col("Nummer", "number", PROGRAMME_NUMBER, required=True),
        _col("Naam", "name", TEXT),
    ),
)

AMBITIES = Sheet(
    name="Ambities",
    model=_model.Ambition,
    doc="One row per programme that has an ambition; its target is on Streefwaarden.",
    explanation=(
        "Eén regel per programma met een maatschappelijke ambitie; de streefwaarde ervan "
        "staat op het blad Streefwaarden."
    ),
    columns=(
        _col("Programma", "programme", PROGRAMME_NUMBER, required=True),
        _col("Tekst", "text", TEXT),
    ),
)

DOELEN = Sheet(
    name="Doelen",
    model=_model.Objective,
    doc="One row per objective (beleidsdoel).",
    explanation="Eén regel per beleidsdoel, met het nummer van het programma waaronder het valt.",
    columns=(
        _col("Programma", "programme", PROGRAMME_NUMBER, required=True),
        _order(),
        _col("Code", "code", CODE, required=True),
        _col("Titel", "title", TEXT),
        _col(
            "Bovenliggend doel",
            "parent",
            OPTIONAL_CODE,
            "the objective it lies under; blank for one directly under the programme",
        ),
    ),
)

INDICATOREN = Sheet(
    name="Indicatoren",
    model=_model.Indicator,
    doc="One row per indicator of a programme, objective or prestatie.",
    explanation=(
        "Eén regel per indicator van een programma, doel of prestatie (kolom Niveau; leeg is"
        " doel), met nulmeting en bron."
    ),
    columns=(
        _col(
            "Doel",
            "objective",
            CODE,
            "the code of its programme, objective or prestatie",
            required=True,
        ),
        _order(),
        _col("Naam", "name", TEXT),
        _col("Eenheid", "unit", TEXT),
        _col("Nulmeting", "baseline", OPTIONAL_NUMBER),
        _col("Jaar nulmeting", "baseline_year", OPTIONAL_INTEGER),
        _col("Bron", "source", TEXT),
        _col("Indicatorcode", "code", TEXT, "the code as printed"),
        _col("Soort", "kind", enum_codec(IndicatorKind, optional=True)),
        _col("Cumulatief", "cumulative", BOOLEAN),
        _col("Trend", "trend", TEXT),
        _col(
            "Niveau",
            "level",
            _owner_codec(Owner.PROGRAMMA, Owner.DOEL, Owner.PRESTATIE, blank=Owner.DOEL),
            "blank for an objective's",
        ),
    ),
)

PRESTATIES = Sheet(
    name="Prestaties",
    model=_model.Prestatie,
    doc="One row per prestatie, with its Basisinformatie.",
    explanation=(
        "Eén regel per prestatie, met de basisinformatie: titel, portefeuillehouders, rol "
        "van de provincie, looptijd, relatie met een reserve en continuïteit."
    ),
    columns=(
        _col("Doel", "objective", CODE, required=True),
        _order(),
        _col("Code", "code", CODE, required=True),
        _col("Titel", "title", TEXT),
        _col("Inleiding", "introduction", TEXT),
        _col("Context", "context", TEXT),
        _col("Portefeuillehouders", "portfolio_holders", TEXTS),
        _col("Rollen", "roles", ROLES),
        _col("Rol (tekst)", "role_text", TEXT, "the role sentence as printed"),
        _col(
            "Looptijd",
            "duration.kind",
            enum_codec(DurationKind, optional=True),
            "blank when the looptijd is not stated",
            when="als Startjaar, Eindjaar of Looptijd (tekst) gevuld is",
        ),
        _col("Startjaar", "duration.start_year", OPTIONAL_INTEGER),
        _col("Eindjaar", "duration.end_year", OPTIONAL_INTEGER),
        _col("Looptijd (tekst)", "duration.text", TEXT),
        _col(
            "Relatie met reserve",
            "reserve_link.related",
            BOOLEAN_OR_NO,
            when="als de prestatie regels heeft op Voorstellen per prestatie",
        ),
        _col("Reserve", "reserve_link.reserve", OPTIONAL_TEXT, "the reserve's name"),
        _col("Continuïteit", "continuity", enum_codec(Continuity, optional=True)),
    ),
)

_NODE = (Owner.PROGRAMMA, Owner.DOEL, Owner.PRESTATIE)

MONITOR = Sheet(
    name="Monitor",
    model=_model.MonitorStatus,
    doc="One row per programme, objective, prestatie or indicator that has a status.",
    explanation=(
        "Eén regel per prestatie (of programma, doel of indicator: kolom Niveau) met een"
        " status: de scores voor inhoud en financiën, de begrotingswijzigingen en de"
        " toelichting op de voortgang; de oordelen per dimensie staan op het blad Oordelen."
    ),
    columns=(
        _col("Prestatie", "prestatie", CODE, "the code of what it judges", required=True),
        _col("Score inhoud", "content", enum_codec(Score, optional=True)),
        _col("Score financiën", "financial", enum_codec(Score, optional=True)),
        _col("Begrotingswijziging", "budget_changes", MARKERS),
        _col("Toelichting op voortgang", "progress", TEXT),
        _col(
            "Niveau",
            "level",
            _owner_codec(*_NODE, Owner.INDICATOR, blank=Owner.PRESTATIE),
            "blank for a prestatie's",
        ),
        _col("Indicator", "part", OPTIONAL_INTEGER, "the indicator's Volgorde, for one"),
    ),
)

OORDELEN = Sheet(
    name="Oordelen",
    model=_model.Judgement,
    doc="One row per judgement of a status on one dimension (Beleid, Tijd, Geld, …).",
    explanation=(
        "Eén regel per oordeel van een status op één dimensie (zoals Beleid, Tijd, Geld), met"
        " een waarde van de schaal van het document."
    ),
    columns=(
        _col("Niveau", "level", _owner_codec(*_NODE, Owner.INDICATOR), required=True),
        _col("Code", "owner_code", CODE, required=True),
        _col("Indicator", "part", OPTIONAL_INTEGER, "the indicator's Volgorde, for one"),
        _order(),
        _col("Dimensie", "dimension", TEXT),
        _col("Waarde", "value", TEXT),
        _col("Tekst", "text", TEXT),
    ),
)

TEKSTEN = Sheet(
    name="Teksten",
    model=_model.Section,
    doc="One row per headed text of a programme, objective or prestatie, or a paragraaf of"
    " the budget, in the order printed.",
    explanation=(
        "Eén regel per tekst onder een kop (Wat willen we bereiken?, …) van een programma,"
        " doel of prestatie, of een paragraaf van de begroting, in de volgorde van het"
        " document."
    ),
    columns=(
        _col("Niveau", "level", _owner_codec(Owner.BEGROTING, *_NODE), required=True),
        _col("Code", "owner_code", OPTIONAL_CODE, "blank for a paragraaf"),
        _order(),
        _col("Kop", "heading", TEXT),
        _col("Tekst", "text", TEXT),
    ),
)

VERBONDEN_PARTIJEN = Sheet(
    name="Verbonden partijen",
    model=_model.AssociatedParty,
    doc="One row per verbonden partij of a programme.",
    explanation="Eén regel per verbonden partij van een programma.",
    columns=(
        _col("Programma", "programme", PROGRAMME_NUMBER, required=True),
        _order(),
        _col("Naam", "name", TEXT),
        _col("Tekst", "text", TEXT),
    ),
)

RESERVEMUTATIES = Sheet(
    name="Reservemutaties",
    model=_model.ReserveMutation,
    doc="One row per toevoeging to or onttrekking from a reserve, in the budget's unit.",
    explanation=(
        "Eén regel per toevoeging aan of onttrekking uit een reserve, bij een programma of"
        " doel, in de eenheid van de begroting."
    ),
    columns=(
        _col("Niveau", "level", _owner_codec(Owner.PROGRAMMA, Owner.DOEL), required=True),
        _col("Code", "owner_code", CODE, required=True),
        _order(),
        _col("Soort", "kind", enum_codec(MutationKind, optional=False), required=True),
        _col("Reserve", "reserve", TEXT, required=True),
        _col("Kolom", "column", enum_codec(BudgetColumn, optional=False), required=True),
        _col("Jaar", "year", INTEGER, required=True),
        _col("Bedrag", "value", NUMBER, required=True),
        _col("Begrotingswijziging", "change", TEXT),
    ),
)

ACTIES = Sheet(
    name="Acties",
    model=_model.Action,
    doc="One row per action of a prestatie.",
    explanation="Eén regel per actie van een prestatie, met haar nummer en tekst.",
    columns=(
        _col("Prestatie", "prestatie", CODE, required=True),
        _order(),
        _col("Nummer", "number", INTEGER, required=True),
        _col("Tekst", "text", TEXT),
        _col("Verwijzingen", "references", CODES, "prestaties the text refers to"),
    ),
)

STREEFWAARDEN = Sheet(
    name="Streefwaarden",
    model=Target,
    doc="One row per target of an ambition, an action or an indicator.",
    explanation="Eén regel per streefwaarde van een ambitie, een actie of een indicator.",
    columns=(
        _col(
            "Hoort bij",
            "owner",
            _owner_codec(Owner.AMBITIE, Owner.ACTIE, Owner.INDICATOR),
            required=True,
        ),
        _col(
            "Code",
            "owner_code",
            CODE,
            "programme number, prestatie code or objective code",
            required=True,
        ),
        _col(
            "Actie of indicator",
            "part",
            OPTIONAL_INTEGER,
            "the action's number or the indicator's Volgorde; blank for an ambition",
            when="bij een actie of indicator (leeg bij een ambitie)",
        ),
        _order(),
        _col("Soort", "kind", enum_codec(TargetKind, optional=False), required=True),
        _col("Eenheid", "unit", TEXT),
        _col("Ondergrens", "lower", OPTIONAL_NUMBER),
        _col("Ondergrens inbegrepen", "lower_inclusive", BOOLEAN_OR_YES),
        _col("Bovengrens", "upper", OPTIONAL_NUMBER),
        _col("Bovengrens inbegrepen", "upper_inclusive", BOOLEAN_OR_YES),
        _col("Jaar", "year", OPTIONAL_INTEGER, "the year it is due, or the last of its period"),
        _col("Eerste jaar", "first_year", OPTIONAL_INTEGER, "the first year of its period"),
        _col("Jaarlijks", "yearly", OPTIONAL_BOOLEAN, "ja when it holds for each year"),
        _col("Nulmeting", "baseline", OPTIONAL_NUMBER),
        _col("Jaar nulmeting", "baseline_year", OPTIONAL_INTEGER),
        _col("Tekst", "text", TEXT, "the target as printed", when="bij Soort kwalitatief"),
    ),
)

REALISATIES = Sheet(
    name="Realisaties",
    model=_model.Measurement,
    doc="One row per realised value (measurement) of an action or an indicator.",
    explanation="Eén regel per gerealiseerde waarde (meting) van een actie of een indicator.",
    columns=(
        _col(
            "Hoort bij",
            "owner",
            _owner_codec(Owner.ACTIE, Owner.INDICATOR),
            required=True,
        ),
        _col("Code", "owner_code", CODE, "prestatie code or objective code", required=True),
        _col(
            "Actie of indicator",
            "part",
            INTEGER,
            "the action's number or the indicator's Volgorde",
            required=True,
        ),
        _order(),
        _col("Eenheid", "unit", TEXT),
        _col(
            "Waarde", "value", OPTIONAL_NUMBER, "blank when only a text is printed", required=True
        ),
        _col("Jaar", "year", OPTIONAL_INTEGER),
        _col("Tekst", "text", TEXT, "the value as printed, when not only a number"),
    ),
)

VOORSTELLEN_PER_PRESTATIE = Sheet(
    name="Voorstellen per prestatie",
    model=_model.ProposalLink,
    doc="One row per investment proposal a prestatie is linked to (Relatie met reserve).",
    explanation=(
        "Eén regel per investeringsvoorstel waaraan een prestatie gekoppeld is (relatie met "
        "reserve)."
    ),
    columns=(
        _col("Prestatie", "prestatie", CODE, required=True),
        _order(),
        _col("PS-nummer", "ps_number", TEXT, required=True),
        _col("Gerelateerde prestaties", "related", CODES),
        _col("Tekst", "text", TEXT, "the sentence as printed"),
    ),
)

LASTEN_EN_BATEN = Sheet(
    name="Lasten en baten",
    model=_model.Amount,
    doc="One row per owner, flow, budget column, nature and taakveld, with a column per year"
    " in the budget's unit; totals rows with live SUMIFS formulas close the table.",
    explanation=(
        "Eén regel per niveau (programma, doel of prestatie), lasten, baten of saldo, "
        "begrotingskolom, aard en taakveld, met een kolom per jaar in de eenheid van de "
        "begroting. De totaalregels onderaan rekenen zelf; laat ze staan."
    ),
    columns=(
        _col(
            "Niveau",
            "level",
            _owner_codec(Owner.PROGRAMMA, Owner.DOEL, Owner.PRESTATIE),
            required=True,
        ),
        _col("Code", "code", CODE, required=True),
        _col("Lasten/baten", "flow", enum_codec(Flow, optional=False), required=True),
        _col("Kolom", "column", enum_codec(BudgetColumn, optional=False), required=True),
        _col("Aard", "nature", enum_codec(Nature, optional=False), required=True),
        _col("Categorie", "category", TEXT, "the line as printed: apparaatskosten, …"),
        _col("Begrotingswijziging", "change", TEXT, "the begrotingswijziging of a wijziging"),
        _col(
            "Taakveld",
            "taakveld",
            OPTIONAL_TEXT,
            "the BBV taakveld the amounts are booked on, such as 0.6; blank for none",
        ),
        _col("Gedekt door", "funding", OPTIONAL_TEXT, "the reserve that funds it"),
    ),
)
"""The fixed columns; a column per year follows them (`year_header`)."""

RESERVES = Sheet(
    name="Reserves",
    model=_model.Reserve,
    doc="One row per earmarked reserve.",
    explanation="Eén regel per bestemmingsreserve.",
    columns=(
        _order(),
        _col("Naam", "name", TEXT, required=True),
        _col("Omschrijving", "description", TEXT),
    ),
)

INVESTERINGSVOORSTELLEN = Sheet(
    name="Investeringsvoorstellen",
    model=_model.InvestmentProposal,
    doc="One row per investment proposal adopted by Provinciale Staten.",
    explanation=(
        "Eén regel per investeringsvoorstel dat Provinciale Staten hebben vastgesteld, met "
        "het bedrag in hele euro's."
    ),
    columns=(
        _order(),
        _col("Naam", "name", TEXT),
        _col("PS-nummer", "ps_number", TEXT, required=True),
        _col("Jaar", "year", INTEGER, "the year PS adopted it", required=True),
        _col("Gewijzigd door", "amended_by", TEXTS, "PS numbers of later decisions"),
        _col("Reserve", "reserve", OPTIONAL_TEXT, "the reserve's name"),
        _col("Bedrag (euro)", "amount", AMOUNT, "in whole euros, whatever the budget's unit"),
    ),
)

SHEETS: tuple[Sheet, ...] = (
    BEGROTING,
    PROGRAMMAS,
    AMBITIES,
    DOELEN,
    INDICATOREN,
    PRESTATIES,
    ACTIES,
    STREEFWAARDEN,
    REALISATIES,
    VOORSTELLEN_PER_PRESTATIE,
    MONITOR,
    OORDELEN,
    TEKSTEN,
    VERBONDEN_PARTIJEN,
    LASTEN_EN_BATEN,
    RESERVEMUTATIES,
    RESERVES,
    INVESTERINGSVOORSTELLEN,
)
"""Every sheet, in the order the workbook holds them."""

EXPLANATION_SHEET = "Toelichting"
"""The optional first sheet that explains the others in Dutch; the reader skips it."""

EXPLANATION_INTRO = (
    "Deze werkmap is een prestatiebegroting (formaatversie {version}). Elk blad hieronder"
    " beschrijft een deel van de begroting, met één regel per onderdeel. Een regel op een"
    " onderliggend blad noemt zijn bovenliggende onderdeel bij code of nummer (Doel 7.2,"
    " Prestatie 7.2.3); de kolom Volgorde geeft de volgorde binnen dat onderdeel. Kolommen met"
    " vaste waarden hebben een keuzelijst. Een lijst in één cel scheidt u met '; '. Codes"
    " zoals 7.2.3 zijn tekst. Dit blad wordt bij het inlezen overgeslagen."
)


def explanation_rows() -> list[tuple[str, ...]]:
    """The rows of the Toelichting sheet, derived from `SHEETS` so that they cannot drift:
    a title and an introduction, then per sheet its Dutch explanation, then per column its
    header, kind of value, whether it is required and its choices."""
    rows: list[tuple[str, ...]] = [
        (EXPLANATION_SHEET,),
        (EXPLANATION_INTRO.format(version=WORKBOOK_FORMAT_VERSION),),
        (),
        ("Blad", "Uitleg"),
    ]
    rows += [(sheet.name, sheet.explanation) for sheet in SHEETS]
    rows += [(), ("Blad", "Kolom", "Inhoud", "Verplicht", "Keuzes")]
    for sheet in SHEETS:
        for column in sheet.columns:
            rows.append(
                (
                    sheet.name,
                    column.header,
                    column.codec.name,
                    column.obligation,
                    ", ".join(column.codec.choices),
                )
            )
        if sheet is LASTEN_EN_BATEN:
            rows.append(
                (
                    sheet.name,
                    year_header(2017, Unit.THOUSAND) + " …",
                    "een kolom per jaar, van Eerste jaar tot Laatste jaar, in de eenheid"
                    " van de begroting: bedrag of leeg",
                    NO,
                    "",
                )
            )
    return rows


TOTAL_LABEL = "Totaal"
"""The first cell of a totals row on Lasten en baten."""

_YEAR_HEADER = re.compile(r"\s*([0-9]{4})\s*(?:\((.*)\))?\s*")


_YEAR_KEY = "year:"


def year_column(year: int, header: str) -> Column:
    """The column of one year's amounts on Lasten en baten, under `header` (`year_header`
    writes it; a reader takes it as found)."""
    return Column(header=header, key=f"{_YEAR_KEY}{year}", codec=AMOUNT)


def year_of(key: str) -> int | None:
    """The year a column made by `year_column` holds, from its key; None for another column."""
    return int(key.removeprefix(_YEAR_KEY)) if key.startswith(_YEAR_KEY) else None


def year_header(year: int, unit: Unit) -> str:
    """The header of a year column: `2017 (x € 1.000)`."""
    return f"{year} ({unit.value})"


def parse_year_header(header: str) -> tuple[int, str | None] | None:
    """The year and unit text of a year column's header, or None if it is no year column."""
    match = _YEAR_HEADER.fullmatch(header)
    if not match:
        return None
    unit = match.group(2)
    return int(match.group(1)), (None if unit is None else unit.strip())


def normalise_header(header: str) -> str:
    """Headers match whatever their case and spacing."""
    return " ".join(header.split()).casefold()

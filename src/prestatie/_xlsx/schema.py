"""The one description of the budget workbook: its sheets, their columns, and the model
field each column holds. Both the writer and the reader work from it."""

from __future__ import annotations

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
    enum_codec,
)
from prestatie._xlsx.columns import (
    Owner,
    Parent,
    Sheet,
    col,
    order_column,
    owner_codec,
)

WORKBOOK_FORMAT_VERSION = 1
"""The version of the workbook layout written by `write_workbook` and read by `read_workbook`."""


BEGROTING = Sheet(
    name="Begroting",
    model=_model.Budget,
    doc="The budget itself: one row per field, the field's name in column A and its value in B.",
    explanation=(
        "De begroting zelf: één regel per gegeven, met de naam van het gegeven in kolom A "
        "en de waarde in kolom B."
    ),
    columns=(
        col("Formaatversie", "format_version", INTEGER, "layout version", required=True),
        col("Provincie", "province", TEXT, required=True),
        col("Jaar", "year", INTEGER, "the budget year", required=True),
        col("Soort document", "kind", enum_codec(DocumentKind, optional=False), required=True),
        col("Eenheid", "unit", enum_codec(Unit, optional=False), required=True),
        col("Titel", "title", TEXT),
        col("Eerste jaar", "first_year", INTEGER, required=True),
        col("Laatste jaar", "last_year", INTEGER, required=True),
        col("Volledig", "complete", BOOLEAN, "nee for an excerpt", required=True),
        col("Toelichting", "notes", TEXT),
        col("Niveaus", "levels", LEVELS, "the names of the levels, outermost first"),
        col(
            "Codeschema",
            "code_scheme",
            CODE_SCHEME,
            "how codes show their place",
            when="als de codes een vaste breedte hebben",
        ),
        col(
            "Schaal",
            "scale",
            SCALE,
            "the values a status judgement may take",
            when="als de oordelen andere waarden hebben dan groen, oranje en rood",
        ),
    ),
)

PROGRAMMAS = Sheet(
    name="Programma's",
    model=_model.Programme,
    doc="One row per programme (kerntaak).",
    explanation="Eén regel per programma (kerntaak), met zijn nummer en naam.",
    owner=Owner.PROGRAMMA,
    key=("number",),
    columns=(
        order_column(),
        col("Nummer", "number", PROGRAMME_NUMBER, required=True),
        col("Naam", "name", TEXT),
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
    parent=Parent(("programme",), "programme", Owner.PROGRAMMA),
    owner=Owner.AMBITIE,
    key=("programme",),
    columns=(
        col("Programma", "programme", PROGRAMME_NUMBER, required=True),
        col("Tekst", "text", TEXT),
    ),
)

DOELEN = Sheet(
    name="Doelen",
    model=_model.Objective,
    doc="One row per objective (beleidsdoel).",
    explanation="Eén regel per beleidsdoel, met het nummer van het programma waaronder het valt.",
    parent=Parent(("programme", "parent"), "programme", Owner.PROGRAMMA),
    owner=Owner.DOEL,
    key=("code",),
    columns=(
        col("Programma", "programme", PROGRAMME_NUMBER, required=True),
        order_column(),
        col("Code", "code", CODE, required=True),
        col("Titel", "title", TEXT),
        col(
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
    parent=Parent(("level", "objective"), "objective"),
    owner=Owner.INDICATOR,
    key=("objective", "position"),
    columns=(
        col(
            "Doel",
            "objective",
            CODE,
            "the code of its programme, objective or prestatie",
            required=True,
        ),
        order_column(),
        col("Naam", "name", TEXT),
        col("Eenheid", "unit", TEXT),
        col("Nulmeting", "baseline", OPTIONAL_NUMBER),
        col("Jaar nulmeting", "baseline_year", OPTIONAL_INTEGER),
        col("Bron", "source", TEXT),
        col("Indicatorcode", "code", TEXT, "the code as printed"),
        col("Soort", "kind", enum_codec(IndicatorKind, optional=True)),
        col("Cumulatief", "cumulative", BOOLEAN_OR_NO, "blank for nee"),
        col("Trend", "trend", TEXT),
        col(
            "Niveau",
            "level",
            owner_codec(Owner.PROGRAMMA, Owner.DOEL, Owner.PRESTATIE, blank=Owner.DOEL),
            "blank for an objective's",
            when="als de indicator niet bij een doel hoort",
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
    parent=Parent(("objective",), "objective", Owner.DOEL),
    owner=Owner.PRESTATIE,
    key=("code",),
    columns=(
        col("Doel", "objective", CODE, required=True),
        order_column(),
        col("Code", "code", CODE, required=True),
        col("Titel", "title", TEXT),
        col("Inleiding", "introduction", TEXT),
        col("Context", "context", TEXT),
        col("Portefeuillehouders", "portfolio_holders", TEXTS),
        col("Rollen", "roles", ROLES),
        col("Rol (tekst)", "role_text", TEXT, "the role sentence as printed"),
        col(
            "Looptijd",
            "duration.kind",
            enum_codec(DurationKind, optional=True),
            "blank when the looptijd is not stated",
            when="als Startjaar, Eindjaar of Looptijd (tekst) gevuld is",
        ),
        col("Startjaar", "duration.start_year", OPTIONAL_INTEGER),
        col("Eindjaar", "duration.end_year", OPTIONAL_INTEGER),
        col("Looptijd (tekst)", "duration.text", TEXT),
        col(
            "Relatie met reserve",
            "reserve_link.related",
            BOOLEAN_OR_NO,
            when="als de prestatie regels heeft op Voorstellen per prestatie",
        ),
        col("Reserve", "reserve_link.reserve", OPTIONAL_TEXT, "the reserve's name"),
        col("Continuïteit", "continuity", enum_codec(Continuity, optional=True)),
    ),
)

_NODE = (Owner.PROGRAMMA, Owner.DOEL, Owner.PRESTATIE)

# A status and its judgements may be of one indicator of their node.
_INDICATOR_PART = col(
    "Indicator",
    "part",
    OPTIONAL_INTEGER,
    "the indicator's Volgorde, for one",
    when="als het oordeel een indicator geldt",
)

MONITOR = Sheet(
    name="Monitor",
    model=_model.MonitorStatus,
    doc="One row per programme, objective, prestatie or indicator that has a status.",
    explanation=(
        "Eén regel per prestatie (of programma, doel of indicator: kolom Niveau) met een"
        " status: de scores voor inhoud en financiën, de begrotingswijzigingen en de"
        " toelichting op de voortgang; de oordelen per dimensie staan op het blad Oordelen."
    ),
    parent=Parent(("level", "prestatie", "part"), "prestatie"),
    columns=(
        col("Prestatie", "prestatie", CODE, "the code of what it judges", required=True),
        col("Score inhoud", "content", enum_codec(Score, optional=True)),
        col("Score financiën", "financial", enum_codec(Score, optional=True)),
        col("Begrotingswijziging", "budget_changes", MARKERS),
        col("Toelichting op voortgang", "progress", TEXT),
        col(
            "Niveau",
            "level",
            owner_codec(*_NODE, Owner.INDICATOR, blank=Owner.PRESTATIE),
            "blank for a prestatie's",
            when="als de status niet bij een prestatie hoort",
        ),
        _INDICATOR_PART,
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
    parent=Parent(("level", "owner_code", "part"), "owner_code"),
    columns=(
        col("Niveau", "level", owner_codec(*_NODE, Owner.INDICATOR), required=True),
        col("Code", "owner_code", CODE, required=True),
        _INDICATOR_PART,
        order_column(),
        col("Dimensie", "dimension", TEXT),
        col("Waarde", "value", TEXT),
        col("Tekst", "text", TEXT),
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
    parent=Parent(("level", "owner_code"), "owner_code"),
    columns=(
        col("Niveau", "level", owner_codec(Owner.BEGROTING, *_NODE), required=True),
        col(
            "Code",
            "owner_code",
            OPTIONAL_CODE,
            "blank for a paragraaf",
            when="als de tekst niet bij de begroting hoort",
        ),
        order_column(),
        col("Kop", "heading", TEXT),
        col("Tekst", "text", TEXT),
    ),
)

VERBONDEN_PARTIJEN = Sheet(
    name="Verbonden partijen",
    model=_model.AssociatedParty,
    doc="One row per verbonden partij of a programme.",
    explanation="Eén regel per verbonden partij van een programma.",
    parent=Parent(("programme",), "programme", Owner.PROGRAMMA),
    columns=(
        col("Programma", "programme", PROGRAMME_NUMBER, required=True),
        order_column(),
        col("Naam", "name", TEXT),
        col("Tekst", "text", TEXT),
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
    parent=Parent(("level", "owner_code"), "owner_code"),
    columns=(
        col("Niveau", "level", owner_codec(Owner.PROGRAMMA, Owner.DOEL), required=True),
        col("Code", "owner_code", CODE, required=True),
        order_column(),
        col("Soort", "kind", enum_codec(MutationKind, optional=False), required=True),
        col("Reserve", "reserve", TEXT, required=True),
        col("Kolom", "column", enum_codec(BudgetColumn, optional=False), required=True),
        col("Jaar", "year", INTEGER, required=True),
        col("Bedrag", "value", NUMBER, required=True),
        col("Begrotingswijziging", "change", TEXT),
    ),
)

ACTIES = Sheet(
    name="Acties",
    model=_model.Action,
    doc="One row per action of a prestatie.",
    explanation="Eén regel per actie van een prestatie, met haar nummer en tekst.",
    parent=Parent(("prestatie",), "prestatie", Owner.PRESTATIE),
    owner=Owner.ACTIE,
    key=("prestatie", "number"),
    columns=(
        col("Prestatie", "prestatie", CODE, required=True),
        order_column(),
        col("Nummer", "number", INTEGER, required=True),
        col("Tekst", "text", TEXT),
        col("Verwijzingen", "references", CODES, "prestaties the text refers to"),
    ),
)

STREEFWAARDEN = Sheet(
    name="Streefwaarden",
    model=Target,
    doc="One row per target of an ambition, an action or an indicator.",
    explanation="Eén regel per streefwaarde van een ambitie, een actie of een indicator.",
    parent=Parent(("owner", "owner_code", "part"), "owner_code"),
    columns=(
        col(
            "Hoort bij",
            "owner",
            owner_codec(Owner.AMBITIE, Owner.ACTIE, Owner.INDICATOR),
            required=True,
        ),
        col(
            "Code",
            "owner_code",
            CODE,
            "programme number, prestatie code or objective code",
            required=True,
        ),
        col(
            "Actie of indicator",
            "part",
            OPTIONAL_INTEGER,
            "the action's number or the indicator's Volgorde; blank for an ambition",
            when="bij een actie of indicator (leeg bij een ambitie)",
        ),
        order_column(),
        col("Soort", "kind", enum_codec(TargetKind, optional=False), required=True),
        col("Eenheid", "unit", TEXT),
        col("Ondergrens", "lower", OPTIONAL_NUMBER),
        col("Ondergrens inbegrepen", "lower_inclusive", BOOLEAN_OR_YES),
        col("Bovengrens", "upper", OPTIONAL_NUMBER),
        col("Bovengrens inbegrepen", "upper_inclusive", BOOLEAN_OR_YES),
        col(
            "Jaar",
            "year",
            OPTIONAL_INTEGER,
            "the year it is due, or the last of its period",
            when="als Eerste jaar gevuld is",
        ),
        col("Eerste jaar", "first_year", OPTIONAL_INTEGER, "the first year of its period"),
        col("Jaarlijks", "yearly", OPTIONAL_BOOLEAN, "ja when it holds for each year"),
        col("Nulmeting", "baseline", OPTIONAL_NUMBER),
        col("Jaar nulmeting", "baseline_year", OPTIONAL_INTEGER),
        col("Tekst", "text", TEXT, "the target as printed", when="bij Soort kwalitatief"),
    ),
)

REALISATIES = Sheet(
    name="Realisaties",
    model=_model.Measurement,
    doc="One row per realised value (measurement) of an action or an indicator.",
    explanation="Eén regel per gerealiseerde waarde (meting) van een actie of een indicator.",
    parent=Parent(("owner", "owner_code", "part"), "owner_code"),
    columns=(
        col(
            "Hoort bij",
            "owner",
            owner_codec(Owner.ACTIE, Owner.INDICATOR),
            required=True,
        ),
        col("Code", "owner_code", CODE, "prestatie code or objective code", required=True),
        col(
            "Actie of indicator",
            "part",
            INTEGER,
            "the action's number or the indicator's Volgorde",
            required=True,
        ),
        order_column(),
        col("Eenheid", "unit", TEXT),
        col("Waarde", "value", OPTIONAL_NUMBER, "blank when only a text is printed", required=True),
        col("Jaar", "year", OPTIONAL_INTEGER),
        col("Tekst", "text", TEXT, "the value as printed, when not only a number"),
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
    parent=Parent(("prestatie",), "prestatie", Owner.PRESTATIE),
    columns=(
        col("Prestatie", "prestatie", CODE, required=True),
        order_column(),
        col("PS-nummer", "ps_number", TEXT, required=True),
        col("Gerelateerde prestaties", "related", CODES),
        col("Tekst", "text", TEXT, "the sentence as printed"),
    ),
)

# An amount's key columns beyond flow, column and nature: blank in every row, two rows of one
# owner may become the same amount, which the checks then report.
_TELLS_APART = "als een andere regel van hetzelfde onderdeel alleen hierin verschilt"

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
    parent=Parent(("level", "code"), "code"),
    columns=(
        col(
            "Niveau",
            "level",
            owner_codec(Owner.PROGRAMMA, Owner.DOEL, Owner.PRESTATIE),
            required=True,
        ),
        col("Code", "code", CODE, required=True),
        col("Lasten/baten", "flow", enum_codec(Flow, optional=False), required=True),
        col("Kolom", "column", enum_codec(BudgetColumn, optional=False), required=True),
        col("Aard", "nature", enum_codec(Nature, optional=False), required=True),
        col(
            "Categorie",
            "category",
            TEXT,
            "the line as printed: apparaatskosten, …",
            when=_TELLS_APART,
        ),
        col(
            "Begrotingswijziging",
            "change",
            TEXT,
            "the begrotingswijziging of a wijziging",
            when=_TELLS_APART,
        ),
        col(
            "Taakveld",
            "taakveld",
            OPTIONAL_TEXT,
            "the BBV taakveld the amounts are booked on, such as 0.6; blank for none",
            when=_TELLS_APART,
        ),
        col(
            "Gedekt door", "funding", OPTIONAL_TEXT, "the reserve that funds it", when=_TELLS_APART
        ),
    ),
)
"""The fixed columns; a column per year follows them (`year_header`)."""

RESERVES = Sheet(
    name="Reserves",
    model=_model.Reserve,
    doc="One row per earmarked reserve.",
    explanation="Eén regel per bestemmingsreserve.",
    columns=(
        order_column(),
        col("Naam", "name", TEXT, required=True),
        col("Omschrijving", "description", TEXT),
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
        order_column(),
        col("Naam", "name", TEXT),
        col("PS-nummer", "ps_number", TEXT, required=True),
        col("Jaar", "year", INTEGER, "the year PS adopted it", required=True),
        col("Gewijzigd door", "amended_by", TEXTS, "PS numbers of later decisions"),
        col("Reserve", "reserve", OPTIONAL_TEXT, "the reserve's name"),
        col("Bedrag (euro)", "amount", AMOUNT, "in whole euros, whatever the budget's unit"),
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

"""The one description of the budget workbook: its sheets, their columns, and how each
column's cells are written and read. Both the writer and the reader work from it.

A codec turns a model value into a cell value and back. Reading raises `CellError` with
what was expected; the reader adds where, and what it found.
"""

from __future__ import annotations

import datetime
import enum
import functools
import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

import attrs

from prestatie._code import MAX_PART, Code
from prestatie._errors import PrestatieError
from prestatie._model import (
    BudgetChange,
    BudgetColumn,
    Continuity,
    DocumentKind,
    DurationKind,
    Flow,
    Nature,
    Role,
    Score,
)
from prestatie._money import Unit, from_spreadsheet_number
from prestatie._target import TargetKind

WORKBOOK_FORMAT_VERSION = 1
"""The version of the workbook layout written by `write_workbook` and read by `read_workbook`."""

CellValue = str | int | float | Decimal | bool | datetime.datetime | datetime.date | None

TEXT_FORMAT = "@"
INTEGER_FORMAT = "0"
AMOUNT_FORMAT = "#,##0"
CENTS_FORMAT = "#,##0.00"


class CellError(Exception):
    """A cell whose value does not fit its column; `expected` says what would."""

    def __init__(self, expected: str) -> None:
        super().__init__(expected)
        self.expected = expected


@attrs.frozen
class Codec:
    """How one kind of column is written and read."""

    name: str
    """What the column holds, for the documentation and for error messages."""
    write: Callable[[Any], CellValue]
    read: Callable[[CellValue], Any]
    number_format: str = TEXT_FORMAT
    choices: tuple[str, ...] = ()
    """The allowed values, offered as a dropdown list."""
    is_number: bool = False


def is_blank(value: CellValue) -> bool:
    """An empty cell: nothing, or an empty string (some writers store those)."""
    return value is None or value == ""


def _text_of(value: CellValue) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        raise CellError("text")
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, int | float | Decimal):
        return str(from_spreadsheet_number(value) if isinstance(value, float) else value)
    raise CellError("text")


def _read_text(value: CellValue) -> str:
    return "" if is_blank(value) else _text_of(value)


def _read_optional_text(value: CellValue) -> str | None:
    return None if is_blank(value) else _text_of(value)


TEXT = Codec(name="tekst", write=lambda value: value or None, read=_read_text)
"""Text; a blank cell is the empty text."""
OPTIONAL_TEXT = Codec(name="tekst of leeg", write=lambda value: value, read=_read_optional_text)
"""Text or nothing; a blank cell is nothing (None)."""


def _integer(value: CellValue, expected: str) -> int:
    if isinstance(value, bool):
        raise CellError(expected)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*-?[0-9]+\s*", value):
        return int(value)
    raise CellError(expected)


def _read_integer(value: CellValue) -> int:
    if is_blank(value):
        raise CellError("a whole number")
    return _integer(value, "a whole number")


def _read_optional_integer(value: CellValue) -> int | None:
    return None if is_blank(value) else _integer(value, "a whole number or a blank cell")


INTEGER = Codec(
    name="geheel getal",
    write=lambda value: value,
    read=_read_integer,
    number_format=INTEGER_FORMAT,
    is_number=True,
)


def _read_programme_number(value: CellValue) -> int:
    # Refused here, at its cell, as every code under the programme is built from it.
    expected = f"a programme number from 0 to {MAX_PART}"
    number = _integer(value, expected) if not is_blank(value) else -1
    if not 0 <= number <= MAX_PART:
        raise CellError(expected)
    return number


PROGRAMME_NUMBER = attrs.evolve(INTEGER, name="programmanummer", read=_read_programme_number)
OPTIONAL_INTEGER = Codec(
    name="geheel getal of leeg",
    write=lambda value: value,
    read=_read_optional_integer,
    number_format=INTEGER_FORMAT,
    is_number=True,
)


def _number(value: CellValue, expected: str, places: int | None) -> Decimal:
    if type(value) is int:
        return Decimal(value)  # what from_spreadsheet_number makes of it, sooner
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise CellError(expected)
    try:
        amount = (
            from_spreadsheet_number(value) if isinstance(value, int | float) else Decimal(value)
        )
    except PrestatieError:
        raise CellError(expected) from None
    exponent = amount.as_tuple().exponent
    if places is not None and isinstance(exponent, int) and exponent < -places:
        raise CellError(f"an amount with at most {places} decimals")
    return amount


def _decimal_codec(name: str, *, optional: bool, places: int | None) -> Codec:
    expected = "a number or a blank cell" if optional else "a number"

    def read(value: CellValue) -> Decimal | None:
        if is_blank(value):
            if optional:
                return None
            raise CellError(expected)
        return _number(value, expected, places)

    return Codec(
        name=name,
        write=lambda value: value,
        read=read,
        number_format=AMOUNT_FORMAT,
        is_number=True,
    )


NUMBER = _decimal_codec("getal", optional=False, places=None)
OPTIONAL_NUMBER = _decimal_codec("getal of leeg", optional=True, places=None)
AMOUNT = _decimal_codec("bedrag (hoogstens 2 decimalen) of leeg", optional=True, places=2)
"""An amount: more than two decimals is refused, as no budget states fractions of cents."""

YES, NO = "ja", "nee"


def _read_bool(value: CellValue) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().casefold() in (YES, NO):
        return value.strip().casefold() == YES
    raise CellError("'ja' or 'nee'")


BOOLEAN = Codec(
    name="ja of nee",
    write=lambda value: YES if value else NO,
    read=_read_bool,
    choices=(YES, NO),
)


def _read_optional_bool(value: CellValue) -> bool:
    return False if is_blank(value) else _read_bool(value)


OPTIONAL_BOOLEAN = Codec(
    name="ja, nee of leeg (nee)",
    write=lambda value: YES if value else NO,
    read=_read_optional_bool,
    choices=(YES, NO),
)


def _enum_codec(kind: type[enum.Enum], *, optional: bool) -> Codec:
    labels = tuple(str(member.value) for member in kind)
    by_label = {label.casefold(): member for label, member in zip(labels, kind, strict=True)}
    expected = "one of " + ", ".join(repr(label) for label in labels)
    if optional:
        expected += " or a blank cell"

    def read(value: CellValue) -> enum.Enum | None:
        if is_blank(value):
            if optional:
                return None
            raise CellError(expected)
        if isinstance(value, str) and value.strip().casefold() in by_label:
            return by_label[value.strip().casefold()]
        raise CellError(expected)

    return Codec(
        name=("keuzelijst of leeg" if optional else "keuzelijst"),
        write=lambda member: None if member is None else member.value,
        read=read,
        choices=labels,
    )


_CODE_EXPECTED = "a code like '7.2.3', written as text"


def _read_code(value: CellValue) -> Code:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        # A number such as 7.1 cannot tell 7.1 from 7.10: codes must be text.
        raise CellError(_CODE_EXPECTED)
    return _code(value.strip())


@functools.lru_cache(maxsize=4096)
def _code(text: str) -> Code:
    # The same codes fill whole columns (every action names its prestatie); a Code never
    # changes, so one object serves every cell that spells it.
    try:
        return Code(text)
    except PrestatieError:
        raise CellError(_CODE_EXPECTED) from None


CODE = Codec(name="code (tekst)", write=str, read=_read_code)

# Lists in one cell: items joined by "; ". A ";" inside an item is doubled, and the one
# space after a separator is dropped on reading, so any list of texts survives except a
# list holding only the empty text.
SEPARATOR = "; "


def join_list(items: Iterable[str]) -> str:
    """The items in one cell, with `;` inside an item doubled.

    >>> join_list(["Ank", "Jan; Piet"])
    'Ank; Jan;; Piet'
    """
    return SEPARATOR.join(item.replace(";", ";;") for item in items)


def split_list(text: str) -> list[str]:
    """The items of a cell written by `join_list`.

    >>> split_list('Ank; Jan;; Piet')
    ['Ank', 'Jan; Piet']
    """
    if text == "":
        return []
    items, current, index = [], [], 0
    while index < len(text):
        char = text[index]
        if char == ";" and text.startswith(";;", index):
            current.append(";")
            index += 2
        elif char == ";":
            items.append("".join(current))
            current = []
            index += 2 if text.startswith("; ", index) else 1
        else:
            current.append(char)
            index += 1
    items.append("".join(current))
    return items


def _list_codec(name: str, item: Callable[[str], Any], to_text: Callable[[Any], str]) -> Codec:
    def read(value: CellValue) -> tuple[Any, ...]:
        if is_blank(value):
            return ()
        return tuple(item(part) for part in split_list(_text_of(value)))

    def write(values: tuple[Any, ...]) -> str | None:
        return join_list(to_text(value) for value in values) or None

    return Codec(name=name, write=write, read=read)


def _role(text: str) -> Role:
    for role in Role:
        if role.value.casefold() == text.strip().casefold():
            return role
    raise CellError("roles from " + ", ".join(repr(role.value) for role in Role) + " joined by ;")


def _code_item(text: str) -> Code:
    return _read_code(text)


TEXTS = _list_codec("lijst van teksten (gescheiden door ;)", str, str)
ROLES = _list_codec("lijst van rollen (gescheiden door ;)", _role, lambda role: role.value)
CODES = _list_codec("lijst van codes (gescheiden door ;)", _code_item, str)


class Owner(enum.Enum):
    """What a row of a child sheet belongs to."""

    PROGRAMMA = "programma"
    DOEL = "doel"
    PRESTATIE = "prestatie"
    AMBITIE = "ambitie"
    ACTIE = "actie"
    INDICATOR = "indicator"


def _owner_codec(*owners: Owner) -> Codec:
    codec = _enum_codec(Owner, optional=False)
    labels = tuple(owner.value for owner in owners)

    def read(value: CellValue) -> Owner:
        owner = codec.read(value)
        if owner not in owners:
            raise CellError("one of " + ", ".join(repr(label) for label in labels))
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


@attrs.frozen
class Sheet:
    """A sheet of the workbook with its columns in their written order."""

    name: str
    columns: tuple[Column, ...]
    doc: str = ""
    explanation: str = ""
    """What the sheet holds, in Dutch, for the people who fill it in (the Toelichting sheet)."""

    def column(self, key: str) -> Column:
        """The column that holds field `key`."""
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)


def _col(header: str, key: str, codec: Codec, doc: str = "", *, required: bool = False) -> Column:
    return Column(header=header, key=key, codec=codec, required=required, doc=doc)


ORDER = "Volgorde"


def _order() -> Column:
    return _col(ORDER, "position", OPTIONAL_INTEGER, "position among its siblings (1, 2, ...)")


BEGROTING = Sheet(
    name="Begroting",
    doc="The budget itself: one row per field, the field's name in column A and its value in B.",
    explanation=(
        "De begroting zelf: één regel per gegeven, met de naam van het gegeven in kolom A "
        "en de waarde in kolom B."
    ),
    columns=(
        _col("Formaatversie", "format_version", INTEGER, "layout version", required=True),
        _col("Provincie", "province", TEXT, required=True),
        _col("Jaar", "year", INTEGER, "the budget year", required=True),
        _col("Soort document", "kind", _enum_codec(DocumentKind, optional=False), required=True),
        _col("Eenheid", "unit", _enum_codec(Unit, optional=False), required=True),
        _col("Titel", "title", TEXT),
        _col("Eerste jaar", "first_year", INTEGER, required=True),
        _col("Laatste jaar", "last_year", INTEGER, required=True),
        _col("Volledig", "complete", BOOLEAN, "nee for an excerpt", required=True),
        _col("Toelichting", "notes", TEXT),
    ),
)

PROGRAMMAS = Sheet(
    name="Programma's",
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
    doc="One row per objective (beleidsdoel).",
    explanation="Eén regel per beleidsdoel, met het nummer van het programma waaronder het valt.",
    columns=(
        _col("Programma", "programme", PROGRAMME_NUMBER, required=True),
        _order(),
        _col("Code", "code", CODE, required=True),
        _col("Titel", "title", TEXT),
    ),
)

INDICATOREN = Sheet(
    name="Indicatoren",
    doc="One row per indicator of an objective.",
    explanation="Eén regel per indicator van een beleidsdoel, met nulmeting en bron.",
    columns=(
        _col("Doel", "objective", CODE, required=True),
        _order(),
        _col("Naam", "name", TEXT),
        _col("Eenheid", "unit", TEXT),
        _col("Nulmeting", "baseline", OPTIONAL_NUMBER),
        _col("Jaar nulmeting", "baseline_year", OPTIONAL_INTEGER),
        _col("Bron", "source", TEXT),
    ),
)

PRESTATIES = Sheet(
    name="Prestaties",
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
            _enum_codec(DurationKind, optional=True),
            "blank when the looptijd is not stated",
        ),
        _col("Startjaar", "duration.start_year", OPTIONAL_INTEGER),
        _col("Eindjaar", "duration.end_year", OPTIONAL_INTEGER),
        _col("Looptijd (tekst)", "duration.text", TEXT),
        _col("Relatie met reserve", "reserve_link.related", BOOLEAN),
        _col("Reserve", "reserve_link.reserve", OPTIONAL_TEXT, "the reserve's name"),
        _col("Continuïteit", "continuity", _enum_codec(Continuity, optional=True)),
    ),
)

MONITOR = Sheet(
    name="Monitor",
    doc="One row per prestatie that has a monitor status.",
    explanation=(
        "Eén regel per prestatie met een monitorstatus: de scores voor inhoud en financiën, "
        "een begrotingswijziging en de toelichting op de voortgang."
    ),
    columns=(
        _col("Prestatie", "prestatie", CODE, required=True),
        _col("Score inhoud", "content", _enum_codec(Score, optional=True)),
        _col("Score financiën", "financial", _enum_codec(Score, optional=True)),
        _col("Begrotingswijziging", "budget_change", _enum_codec(BudgetChange, optional=True)),
        _col("Toelichting op voortgang", "progress", TEXT),
    ),
)

ACTIES = Sheet(
    name="Acties",
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
        ),
        _order(),
        _col("Soort", "kind", _enum_codec(TargetKind, optional=False), required=True),
        _col("Eenheid", "unit", TEXT),
        _col("Ondergrens", "lower", OPTIONAL_NUMBER),
        _col("Ondergrens inbegrepen", "lower_inclusive", BOOLEAN),
        _col("Bovengrens", "upper", OPTIONAL_NUMBER),
        _col("Bovengrens inbegrepen", "upper_inclusive", BOOLEAN),
        _col("Jaar", "year", OPTIONAL_INTEGER, "the year it is due, or the last of its period"),
        _col("Eerste jaar", "first_year", OPTIONAL_INTEGER, "the first year of its period"),
        _col("Jaarlijks", "yearly", OPTIONAL_BOOLEAN, "ja when it holds for each year"),
        _col("Nulmeting", "baseline", OPTIONAL_NUMBER),
        _col("Jaar nulmeting", "baseline_year", OPTIONAL_INTEGER),
        _col("Tekst", "text", TEXT, "the target as printed"),
    ),
)

REALISATIES = Sheet(
    name="Realisaties",
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
        _col("Waarde", "value", NUMBER, required=True),
        _col("Jaar", "year", OPTIONAL_INTEGER),
    ),
)

VOORSTELLEN_PER_PRESTATIE = Sheet(
    name="Voorstellen per prestatie",
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
    doc="One row per owner, flow, budget column and nature, with a column per year in the"
    " budget's unit; totals rows with live SUMIFS formulas close the table.",
    explanation=(
        "Eén regel per niveau (programma, doel of prestatie), lasten of baten, "
        "begrotingskolom en aard, met een kolom per jaar in de eenheid van de begroting. De "
        "totaalregels onderaan rekenen zelf; laat ze staan."
    ),
    columns=(
        _col(
            "Niveau",
            "level",
            _owner_codec(Owner.PROGRAMMA, Owner.DOEL, Owner.PRESTATIE),
            required=True,
        ),
        _col("Code", "code", CODE, required=True),
        _col("Lasten/baten", "flow", _enum_codec(Flow, optional=False), required=True),
        _col("Kolom", "column", _enum_codec(BudgetColumn, optional=False), required=True),
        _col("Aard", "nature", _enum_codec(Nature, optional=False), required=True),
        # The year columns come here: see `year_header`.
        _col(
            ORDER,
            "order",
            TEXT,
            "technical: each year's position in the owner's list of amounts, as"
            " '2017:1 2018:2'; may be left blank",
        ),
    ),
)
"""The fixed columns; a column per year stands between `Aard` and `Volgorde`."""

RESERVES = Sheet(
    name="Reserves",
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
    LASTEN_EN_BATEN,
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
            if sheet is LASTEN_EN_BATEN and column.header == ORDER:
                rows.append(
                    (
                        sheet.name,
                        year_header(2017, Unit.THOUSAND) + " …",
                        "een kolom per jaar, van Eerste jaar tot Laatste jaar, in de eenheid"
                        " van de begroting: bedrag of leeg",
                        "nee",
                        "",
                    )
                )
            rows.append(
                (
                    sheet.name,
                    column.header,
                    column.codec.name,
                    YES if column.required else NO,
                    ", ".join(column.codec.choices),
                )
            )
    return rows


TOTAL_LABEL = "Totaal"
"""The first cell of a totals row on Lasten en baten."""

_YEAR_HEADER = re.compile(r"\s*([0-9]{4})\s*(?:\((.*)\))?\s*")


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

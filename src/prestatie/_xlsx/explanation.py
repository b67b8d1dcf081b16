"""The Toelichting sheet: what each sheet of the budget workbook holds and what each column
asks for, in Dutch, derived from `schema` so that it cannot drift."""

from __future__ import annotations

from prestatie._money import Unit
from prestatie._xlsx.codecs import NO
from prestatie._xlsx.columns import year_header
from prestatie._xlsx.schema import (
    EXPLANATION_SHEET,
    LASTEN_EN_BATEN,
    SHEETS,
    WORKBOOK_FORMAT_VERSION,
)

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

"""The taakvelden of the provinces: the BBV's fixed split of lasten and baten by task.

Since 2017 the Besluit begroting en verantwoording (BBV) has every province report its lasten
and baten per taakveld as well as per programme. A taakveld is written as its group and its
number, `0.1`, followed by its name. The names below are as the provinces and CBS print them:
0.1 to 0.6, 0.9 and 1.1 as Drenthe's Jaarverslag 2017 and 2018 print them; the rest of groups
0 to 4 in the order of CBS table 84322NED ("Provincierekeningen; baten en lasten per
taakveld"). Groups 5 (Natuur), 6 (Regionale economie), 7 (Cultuur en maatschappij) and 8
(Ruimte) are not yet listed here: their codes are accepted, and shown with the name the sheet
prints.
"""

from __future__ import annotations

import re

TAAKVELDEN: dict[str, str] = {
    "0.1": "Uitkering provinciefonds",
    "0.2": "Opbrengst provinciale belastingen",
    "0.3": "Geldleningen en uitzettingen",
    "0.4": "Deelnemingen",
    "0.5": "Algemene dekkingsmiddelen, overige baten en lasten",
    "0.6": "Overhead",
    "0.7": "Vennootschapsbelasting",
    "0.8": "Mutaties reserves",
    "0.9": "Resultaat",
    "1.1": "Provinciale Staten",
    "1.2": "Gedeputeerde staten",
    "1.3": "Kabinetszaken",
    "1.4": "Bestuurlijke organisatie",
    "1.5": "Interbestuurlijk toezicht op de regio",
    "1.6": "Openbare orde en veiligheid",
    "1.7": "Bestuur, overig",
    "2.1": "Landwegen",
    "2.2": "Waterwegen",
    "2.3": "Openbaar vervoer",
    "2.4": "Verkeer en vervoer, overig",
    "3.1": "Waterkeringen",
    "3.2": "Kwantiteit oppervlaktewater",
    "3.3": "Kwantiteit grondwater",
    "3.4": "Kwaliteit oppervlaktewater",
    "3.5": "Kwaliteit grondwater",
    "3.6": "Water, overig",
    "4.1": "Bodembescherming",
    "4.2": "Luchtverontreiniging",
    "4.3": "Geluidhinder",
    "4.4": "Vergunningverlening en handhaving",
}
"""Taakveld code → name, as far as transcribed (see the module's note)."""

TAAKVELD = re.compile(r"[0-8]\.[1-9][0-9]?")
"""The form of a provincial taakveld code: its group 0-8, a dot, its number."""


def taakveld_name(code: str) -> str:
    """The taakveld's name, or "" when this list does not have it yet."""
    return TAAKVELDEN.get(code, "")

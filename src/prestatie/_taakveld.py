"""The taakvelden of the provinces: the BBV's fixed split of lasten and baten by task.

Since 2017 the Besluit begroting en verantwoording (BBV) has every province report its lasten
and baten per taakveld as well as per programme. A taakveld is written as its group (0 to 8)
and its number, `0.1`, followed by its name. The official list is bijlage 1 of the "Regeling
vaststelling taakvelden en verstrekking informatie voor derden" (BWBR0037873,
https://wetten.overheid.nl/BWBR0037873/2019-07-01/#Bijlage1).

Only codes whose number and name could be read together from a published source are listed,
each with that source (`TAAKVELD_SOURCES`): the taakveld pages of the Iv3 guide for
provinces at findo.nl, and the taakveld overviews of Drenthe's Jaarverslag 2017 and 2018.
Other codes of the official list are accepted (`TAAKVELD`) and shown with the name the sheet
prints; they are left out here rather than numbered by guess.
"""

from __future__ import annotations

import re

_DRENTHE_2017 = (
    "https://drenthe.jaarverslag-2017.nl/p17086/"
    "overzicht-van-de-gerealiseerde-baten-en-lasten-per-taakveld"
)
_DRENTHE_2018 = (
    "https://drenthe.jaarverslag-2018.nl/p18559/"
    "ii-7-overzicht-van-de-gerealiseerde-baten-en-lasten-per-taakveld"
)
_FINDO = "https://findo.nl/content/"

LISTED: tuple[tuple[str, str, str], ...] = (
    ("0.1", "Uitkering provinciefonds", _DRENTHE_2017),
    ("0.2", "Opbrengst provinciale belastingen", _DRENTHE_2017),
    ("0.3", "Geldleningen en uitzettingen", _DRENTHE_2017),
    ("0.4", "Deelnemingen", _DRENTHE_2017),
    ("0.5", "Algemene dekkingsmiddelen, overige baten en lasten", _DRENTHE_2017),
    ("0.6", "Overhead", _DRENTHE_2017),
    ("0.8", "Mutaties reserves", _FINDO + "08---Mutaties-reserves-pr"),
    ("0.9", "Resultaat", _DRENTHE_2017),
    ("1.1", "Provinciale Staten", _DRENTHE_2018),
    ("2.1", "Landwegen", _FINDO + "21---Landwegen-pr"),
    ("3.3", "Kwantiteit grondwater", _FINDO + "33---Kwantiteit-grondwater-pr"),
    ("4.1", "Bodembescherming", _FINDO + "41---Bodembescherming-pr"),
    ("5.1", "Natuurontwikkeling", _FINDO + "51---Natuurontwikkeling-pr"),
    ("7.1", "Cultuur en maatschappij", _FINDO + "71---Cultuur-en-maatschappij-pr"),
    ("8.1", "Ruimtelijke ordening", _FINDO + "81---Ruimtelijke-ordening-pr"),
)
"""(code, name, source) of each taakveld listed, in the order of the official list."""

TAAKVELDEN: dict[str, str] = {code: name for code, name, _ in LISTED}
"""Taakveld code → name, for the codes confirmed by a source (see the module's note)."""

TAAKVELD_SOURCES: dict[str, str] = {code: source for code, _, source in LISTED}
"""Taakveld code → the address that prints its number and name."""

TAAKVELD = re.compile(r"[0-8]\.[1-9][0-9]?")
"""The form of a provincial taakveld code: its group 0-8, a dot, its number."""


def taakveld_name(code: str) -> str:
    """The taakveld's name, or "" when this list does not have it."""
    return TAAKVELDEN.get(code, "")

"""Build the province samples of this folder from their transcriptions.

    python examples/data/provinces/build.py [FOLDER]

writes one `<province>.json` per province, by default next to this script. Every title,
sentence and figure below is copied from the province's `.md` in this folder, which names
the page it was transcribed from; the comment above each part names the item of that `.md`.
Nothing is filled in: a level the page shows without a name keeps an empty title, and what
the model cannot hold yet is listed in STRUCTURES.md and left out. Where an excerpt combines
documents (a begroting with the status of a jaarverslag), the budget's `notes` say so.

Conventions, the same for every sample:
- amounts in x € 1.000 as printed, baten as positive amounts of `Flow.BATEN` (a table that
  prints baten negative, as Noord-Holland's, is a sign convention of the print);
- the nature (structureel / incidenteel) is printed by none of these tables: every amount is
  recorded as structureel, and the notes say so;
- totals, subtotals, saldo and percentage columns are not stored: they follow from the rows;
- an indicator's unit is `%` where its values print one, else empty (no unit is printed).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path

import attrs

from prestatie import (
    Action,
    Ambition,
    Amount,
    AssociatedParty,
    Budget,
    BudgetColumn,
    CodeScheme,
    DocumentKind,
    Duration,
    DurationKind,
    Flow,
    Indicator,
    IndicatorKind,
    Judgement,
    Measurement,
    MonitorStatus,
    Nature,
    Objective,
    Prestatie,
    Programme,
    Section,
    Target,
    TargetKind,
    to_json,
)

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
import _example  # noqa: E402  (the examples' shared module lives two folders up)

LASTEN, BATEN = Flow.LASTEN, Flow.BATEN
PRIMITIEF, WIJZIGING = BudgetColumn.PRIMITIEF, BudgetColumn.WIJZIGING
ACTUEEL, GEREALISEERD = BudgetColumn.ACTUEEL, BudgetColumn.GEREALISEERD

NATURE_NOTE = (
    "De aard (structureel/incidenteel) staat niet in de tabel; vastgelegd als structureel."
)


def number(text: str) -> Decimal:
    """A figure as printed in Dutch notation: `8.047` is 8047, `7,9` is 7.9."""
    return Decimal(text.replace(".", "").replace(",", "."))


def row(
    flow: Flow,
    cells: Iterable[tuple[BudgetColumn, int, str]],
    *,
    category: str = "",
    change: str = "",
) -> tuple[Amount, ...]:
    """The amounts of one printed row: (column, year, figure) per cell; `-` is no amount."""
    return tuple(
        Amount(
            flow=flow,
            column=column,
            nature=Nature.STRUCTUREEL,
            year=year,
            value=number(text),
            category=category,
            change=change,
        )
        for column, year, text in cells
        if text != "-"
    )


def per_year(column: BudgetColumn, first: int, texts: str) -> list[tuple[BudgetColumn, int, str]]:
    """Cells of consecutive years from `first`, as printed, separated by spaces."""
    return [(column, first + i, text) for i, text in enumerate(texts.split())]


def noord_holland() -> Budget:
    # 1: the doelenboom of programma 1 (Jaarverslag 2015).
    od_111_amounts = (
        # 5: Zomernota 2018, operationeel doel 1.1.1; columns Rekening 2017, Begroot 2018,
        # Mutaties zomernota, Begroot 2018 na zomernota, Begroot 2019-2021.
        *(
            amount
            for category, texts in (
                ("Apparaatskosten", "8.047 8.924 0 8.924 7.380 7.344 7.311"),
                ("Directe lasten", "4.008 5.146 -86 5.060 4.962 4.817 4.817"),
                ("Overdrachten", "2.750 2.874 0 2.874 2.669 2.467 2.467"),
            )
            for amount in row(LASTEN, _nh_cells(texts), category=category)
        ),
        # Baten are printed negative (-82, -43, ...): stored as baten 82, 43, ...
        *row(BATEN, _nh_cells("82 43 0 43 43 43 43")),
    )

    def instrument(
        code: str, title: str, indicator: Indicator, sections: tuple[Section, ...] = ()
    ) -> Prestatie:
        return Prestatie(code=code, title=title, indicators=(indicator,), sections=sections)

    def output(planned: str, year: int, realised: str = "", value: str = "") -> Indicator:
        # 2/3: "Output begroot" and "Output gerealiseerd", both text.
        measured = ()
        if realised:
            measured = (
                Measurement(
                    unit="%" if value else "",
                    value=number(value) if value else None,
                    year=year,
                    text=realised,
                ),
            )
        return Indicator(
            name=planned,
            unit="",
            kind=IndicatorKind.OUTPUT,
            targets=(_qualitative(planned, year),),
            realised=measured,
        )

    # 2/3: Jaarverslag 2016, instrument 1.1.1.01: three outputs, each with its realised
    # output in order, and the first paragraph of its Toelichting.
    instrument_01 = Prestatie(
        code="1.1.1.01",
        title="Opstellen, handhaven en toetsen van regels",
        indicators=tuple(
            output(planned, 2016, realised)
            for planned, realised in (
                (
                    "Minimaal 92% van de besluiten op aanvragen voor vergunningen, ontheffingen"
                    " en toestemmingen binnen de wettelijke termijn afgehandeld.",
                    "Geschat op 92%.",
                ),
                ("Handhavingsuitvoeringsprogramma (HUP) voor 2016 uitgevoerd.", "Conform."),
                ("Jaarverslag toezicht en handhaving 2015 opgeleverd.", "Niet conform."),
            )
        ),
        sections=(
            Section(
                heading="Toelichting op verschillen begroot/ gerealiseerd",
                text="Op dit moment hebben wij voor 2016 nog geen inzicht in dergelijke"
                " percentages. Dit inzicht krijgen wij met de jaarverslagen 2016 van de"
                " omgevingsdiensten. Naar verwachting ontvangen wij deze verslagen in maart 2017."
                " Onze inschatting is dat minimaal 92% van de besluiten op aanvragen voor"
                " vergunningen, ontheffingen en toestemmingen in 2016 binnen de wettelijke"
                " termijn is afgehandeld.",
            ),
        ),
    )
    od_111 = Objective(
        code="1.1.1",
        title="De kwaliteit van het bestuur in Noord-Holland optimaliseren",
        prestaties=(
            instrument_01,
            # 3: Begroting 2018, output begroot.
            instrument(
                "1.1.1.02",
                "Afhandelen van bezwaar- en beroepschriften",
                output(
                    "80% van de bezwaarschriften van burgers ten aanzien van door het "
                    "provinciaal bestuur genomen besluiten binnen de termijn afgehandeld.",
                    2018,
                ),
            ),
            # 2: Jaarverslag 2017, output begroot and gerealiseerd; 3: its headings.
            instrument(
                "1.1.1.03",
                "Behandelen verzoeken aan de Commissaris van de Koning om bemiddeling",
                output(
                    "100% van de bemiddelingsverzoeken met de methodiek van hoor en wederhoor"
                    " behandeld.",
                    2017,
                    "Conform.",
                ),
                sections=tuple(
                    Section(heading=heading)
                    for heading in (
                        "Overige toelichtingen",
                        "Beslissingen van de Staten over dit instrument:",
                        "Betekenis van de gebruikte termen en afkortingen:",
                        "Extra informatie voor kaderstelling of controle:",
                        "Beleidsstukken bij dit instrument:",
                    )
                ),
            ),
            instrument(
                "1.1.1.04",
                "Uitvoeren beleid koninklijke onderscheidingen",
                output(
                    "Alle aanvragen volgens het automatiseringssysteem Daisy afgehandeld.",
                    2017,
                    "Conform.",
                ),
            ),
            instrument(
                "1.1.1.05",
                "Verlenen van subsidies",
                output(
                    "Minimaal 92% van de beslissingen op subsidieverzoeken binnen de termijn"
                    " genomen.",
                    2017,
                    "87%.",
                    "87",
                ),
                # The sentence under the realised output, without a heading.
                sections=(
                    Section(
                        heading="",
                        text="Door piekbelastingen in een aantal subsidietrajecten is de termijn"
                        " van een aantal subsidieverzoeken verstreken zonder te verdagen.",
                    ),
                ),
            ),
        ),
        amounts=od_111_amounts,
        # 4: Jaarverslag 2015, realisatie van de prioriteiten (OD 1.1.1), as a percentage.
        status=MonitorStatus(
            dimensions=(
                Judgement(
                    dimension="Bevorderen van de kwaliteit van het lokaal bestuur in de provincie"
                    " Noord-Holland (OD 1.1.1)",
                    value="100",
                    text="Conform.",
                ),
                Judgement(
                    dimension="De oriëntatie op andere samenwerkingsverbanden en relaties"
                    " verstevigen, zowel naar andere provincies toe als ook in MRA (Metropoolregio"
                    " Amsterdam) verband (OD 1.1.1)",
                    value="100",
                    text="Er is met de totstandkoming van de 'MRA Agenda' een belangrijke"
                    " inhoudelijke mijlpaal bereikt.",
                ),
            )
        ),
    )
    od_132 = Objective(
        code="1.3.2",
        title="Provinciale belangen op landelijke en Europees niveau behartigen",
        status=MonitorStatus(
            dimensions=(
                Judgement(
                    dimension="Behartigen van de provinciale belangen op Rijksniveau en het"
                    " verbeteren van de relatie van het bestuur van de provincie Noord-Holland met"
                    " het Rijk (OD 1.3.2)",
                    value="75",
                    text="Public Affairs wordt ingezet in aanvulling op de eigen contacten van"
                    " het bestuur. De beinvloedingsdoelen vanuit Public Affairs  leidt ondanks de"
                    " inzet niet altijd tot het gewenste resultaat.",
                ),
                Judgement(
                    dimension="Het behartigen van onze belangen in Brussel in Randstadverband en"
                    " het vergroten van onze kennis en van onze contacten in Europese netwerken"
                    " (OD 1.3.2)",
                    value="100",
                    text="Conform.",
                ),
                Judgement(
                    dimension="Optimaal benutten van Europese subsidieprogramma’s en deze met onze"
                    " eigen cofinanciering stimuleren (OD 1.3.2)",
                    value="100",
                    text="Conform.",
                ),
            )
        ),
    )
    programme = Programme(
        number=1,
        name="Openbaar Bestuur",
        ambition=Ambition(text="Een goed functionerend openbaar bestuur waarborgen."),
        objectives=(
            Objective(
                code="1.1",
                title="Het provinciaal bestuur goed organiseren",
                objectives=(
                    od_111,
                    Objective(code="1.1.2", title="Integriteit borgen en toetsen"),
                    Objective(
                        code="1.1.3", title="Interbestuurlijk toezicht op gemeenten uitoefenen"
                    ),
                    Objective(code="1.1.4", title="Rijkstaken Commissaris van de Koning uitvoeren"),
                ),
            ),
            Objective(
                code="1.2",
                title="Openbare orde handhaven en veiligheid verzekeren",
                objectives=(
                    Objective(
                        code="1.2.2",
                        title="Bestuurlijke samenwerking in crisisbeheersing en veiligheidszorg"
                        " bewaken en bevorderen",
                    ),
                    Objective(code="1.2.3", title="Risicokaart beheren"),
                ),
            ),
            Objective(
                code="1.3",
                title="Het provinciaal bestuur representeren",
                objectives=(
                    Objective(code="1.3.1", title="Bestuurshandelingen communiceren"),
                    od_132,
                ),
            ),
        ),
    )
    return Budget(
        province="Noord-Holland",
        year=2018,
        kind=DocumentKind.ZOMERNOTA,
        title="Zomernota 2018 (uittreksel)",
        first_year=2017,
        last_year=2021,
        programmes=(programme,),
        levels=("programma", "beleidsdoel", "operationeel doel", "instrument"),
        scale=tuple(str(percent) for percent in range(101)),
        complete=False,
        notes=(
            "Uittreksel, zie noord-holland.md: doelenboom uit het Jaarverslag 2015, output van de"
            " instrumenten uit het Jaarverslag 2016 (1.1.1.01, met de toelichting op de"
            " verschillen), het Jaarverslag 2017 (1.1.1.03-05) en de Begroting 2018"
            " (1.1.1.02), realisatie van de prioriteiten (percentage) uit het Jaarverslag 2015,"
            " bedragen van operationeel doel 1.1.1 uit de Zomernota 2018 (Rekening 2017 als"
            " gerealiseerd, Begroot 2018 als primitief, Mutaties zomernota als wijziging, Begroot"
            " 2018 na zomernota als actueel, Begroot 2019-2021 als primitief). De baten staan"
            " negatief gedrukt. " + NATURE_NOTE
        ),
    )


def _nh_cells(texts: str) -> list[tuple[BudgetColumn, int, str]]:
    rekening, begroot, mutatie, na, *later = texts.split()
    return [
        (GEREALISEERD, 2017, rekening),
        (PRIMITIEF, 2018, begroot),
        (WIJZIGING, 2018, mutatie),
        (ACTUEEL, 2018, na),
        *((PRIMITIEF, 2019 + i, text) for i, text in enumerate(later)),
    ]


def _qualitative(text: str, year: int) -> Target:
    return Target(unit="", kind=TargetKind.QUALITATIVE, text=text, year=year)


def zeeland() -> Budget:
    # 1 and 5: Begroting 2022, Meerjarenperspectief per programma en doelstelling; codes of
    # six digits: programme, maatschappelijk effect, doelstelling. The effects are named by
    # their codes only in this table, so they keep an empty title.
    def doelstelling(code: str, title: str, lasten: str, baten: str) -> Objective:
        amounts = (
            *row(LASTEN, per_year(PRIMITIEF, 2022, lasten)),
            *row(BATEN, per_year(PRIMITIEF, 2022, baten)),
        )
        return Objective(code=code, title=title, amounts=amounts)

    def effect(code: str, *doelstellingen: Objective) -> Objective:
        return Objective(code=code, title="", objectives=doelstellingen)

    programme_01 = Programme(
        number=1,
        name="Grote projecten en strategische opgaven",
        objectives=(
            effect(
                "0101",
                doelstelling("010101", "Waterdunen", "259 137 104 -", "5 5 - -"),
                doelstelling(
                    "010102", "Natuurpakket Westerschelde", "22.333 - - -", "22.333 - - -"
                ),
                doelstelling("010105", "Zeeuws Deltaplan ZW", "83 95 89 108", "- - - -"),
            ),
            effect(
                "0102",
                doelstelling(
                    "010201", "Strategische opgaven - stelpost", "1.035 1.540 1.540 530", "- - - -"
                ),
                doelstelling("010204", "Slimme mobiliteit", "45 45 - -", "115 115 - -"),
                doelstelling("010206", "Stikstof", "524 524 525 525", "- - - -"),
            ),
            effect(
                "0199",
                doelstelling("019999", "Ambtelijke inzet", "1.852 1.828 1.745 1.732", "- - - -"),
            ),
        ),
    )
    programme_02 = Programme(
        number=2,
        name="Woonplaats Zeeland",
        objectives=(
            effect(
                "0201",
                doelstelling(
                    "020101", "Voorbereiding omgevingswet", "385 266 266 266", "24 24 24 24"
                ),
                doelstelling(
                    "020102",
                    "Kwaliteitskust: recreatie en vrije tijd",
                    "1.904 1.348 860 860",
                    "599 124 - -",
                ),
                doelstelling(
                    "020103",
                    "Milieu: goed woon- en werkklimaat",
                    "9.343 9.279 9.436 8.972",
                    "774 651 643 643",
                ),
                doelstelling("020104", "Law Delta", "180 - - 1.667", "- - - -"),
            ),
            effect(
                "0202",
                doelstelling(
                    "020201", "Water en bodem met kwaliteit", "583 527 527 527", "184 184 184 184"
                ),
                doelstelling("020202", "Deltawateren", "138 138 2.638 138", "- - - -"),
            ),
            effect(
                "0203",
                doelstelling(
                    "020301", "Ruimtelijke kwaliteit: wonen", "1.254 1.204 1.209 1.088", "- - - -"
                ),
                doelstelling(
                    "020303",
                    "Ruimt. kwal. versterken: Impuls bedrijventerreinen",
                    "202 202 202 -",
                    "- - - -",
                ),
            ),
            effect(
                "0299",
                doelstelling("029999", "Ambtelijke inzet", "3.262 3.221 3.074 3.052", "- - - -"),
            ),
        ),
    )
    return Budget(
        province="Zeeland",
        year=2022,
        title="Begroting 2022, Meerjarenperspectief (uittreksel)",
        first_year=2022,
        last_year=2025,
        programmes=(programme_01, programme_02),
        levels=("programma", "maatschappelijk effect", "doelstelling", "actie"),
        code_scheme=CodeScheme(widths=(2, 2, 2)),
        scale=("G", "O"),
        complete=False,
        notes=(
            "Uittreksel, zie zeeland.md: programma's 01 en 02 van het Meerjarenperspectief van de"
            " Begroting 2022, lasten en baten per doelstelling (primitief); de maatschappelijke"
            " effecten (0101, 0201, ...) staan alleen als deel van de code in de tabel en hebben"
            " daarom geen titel. De acties en hun status (G/O op Kwaliteit) zijn niet genummerd"
            " en staan hier niet in. " + NATURE_NOTE
        ),
    )


def fryslan() -> Budget:
    bbv = "Jaarstukken 2023, Bijlage 7. Prestatie indicatoren BBV"

    def indicator(name: str, unit: str, texts: str) -> Indicator:
        # 2: realised values 2018-2023 as printed; `nvt` and `nnb` are text only.
        realised = []
        for year, text in zip(range(2018, 2024), texts.split(), strict=True):
            figure = text.rstrip("%*")
            value = number(figure) if figure.replace(",", "").isdigit() else None
            realised.append(Measurement(unit=unit, value=value, year=year, text=text))
        return Indicator(
            name=name,
            unit=unit,
            kind=IndicatorKind.BBV,
            realised=tuple(realised),
            source=bbv,
        )

    def beleidsveld(code: str, title: str, lasten: str, **fields: object) -> Objective:
        # 5: Uitgebreide financiële tabel, lasten per beleidsveld: Realisatie 2021, Begroting
        # 2022-2026. 4: Jaarstukken 2022, Beleid / Tijd / Geld per beleidsveld.
        realisatie, *begroting = lasten.split()
        amounts = (
            *row(LASTEN, [(GEREALISEERD, 2021, realisatie)]),
            *row(LASTEN, per_year(PRIMITIEF, 2022, " ".join(begroting))),
        )
        status = MonitorStatus(
            dimensions=tuple(
                Judgement(dimension=dimension, value="G")
                for dimension in ("Beleid", "Tijd", "Geld")
            )
        )
        return Objective(code=code, title=title, amounts=amounts, status=status, **fields)  # type: ignore[arg-type]

    wat_willen_we = (
        "We willen bereiken dat Provinciale Staten als geheel en de Statenleden individueel in"
        " staat zijn om hun kaderstellende, controlerende en volksvertegenwoordigende rol zo goed"
        " mogelijk uit kunnen voeren. De Statengriffie ondersteunt, adviseert en informeert"
        " Provinciale Staten hierbij.\n\n"
        "We willen de drempel tussen Provinciale Staten en de inwoners van Fryslân verlagen en"
        " zorgen dat het werk van Provinciale Staten meer bekendheid krijgt Fryslân.\n\n"
        "We streven naar een evenwichtig samenspel tussen PS en GS waarbij de griffie en de"
        " ambtelijke organisatie (met respect voor elkaars rollen) Provinciale Staten optimaal"
        " bedienen."
    )
    resultaten = "\n".join(
        f"• {line}"
        for line in (
            "De griffie werkt volgens een door het Presidium vastgesteld werkplan.",
            "We werken volgens een (jaar-)kalender en stemmen deze periodiek af met GS.",
            "We maken alle relevante Stateninformatie digitaal toegankelijk en verbeteren"
            " continu de digitale dienstverlening.",
            "We brengen de provinciale politiek onder de aandacht van zoveel mogelijk inwoners"
            " van Fryslân.",
            "We laten inwoners kennis maken met de politiek, door diverse activiteiten te"
            " organiseren zoals het statenspel, het Fries jeugdparlement en de gast van de"
            " staten.",
            "We betrekken jongeren actief bij de politiek vanuit een integraal plan rondom"
            " jongerenparticipatie. Hierbij werken we ook samen met andere overheden (o.a. de"
            " provincie Zeeland).",
            "We stimuleren het gebruik van startnotities.",
            "We noteren alle moties, toezeggingen, en aanbevelingen van de NRK en bewaken de"
            " tijdige afhandeling er van.",
            "We verbeteren, waar mogelijk, provinciaal beleid en planning- en controlproducten."
            " We maken deze (digitaal) toegankelijker en transparanter. In 2022 verwerken we de"
            " uitkomsten van de hiervoor gestarte pilot.",
        )
    )
    programme = Programme(
        number=1,
        name="Bestuur",
        # 1: Begroting 2023, Ambities and Verbonden partijen.
        sections=(
            Section(
                heading="Ambities",
                text="Dit programma gaat over de ondersteuning van Provinciale Staten,"
                " Gedeputeerde Staten en de Commissaris van de Koning. Het gaat ook over de"
                " kwaliteit van ons eigen bestuur en hoe we dat verder willen verbeteren, en om"
                " onze wettelijke taak om zorg te dragen voor en toe te zien op de kwaliteit van"
                " het lokaal bestuur.",
            ),
        ),
        associated_parties=tuple(
            AssociatedParty(name=name)
            for name in (
                "Vereniging Interprovinciaal Overleg (IPO), Den Haag",
                "Vereniging naar Belgisch recht Huis van de Nederlandse Provinciën, Brussel"
                " (België)",
                "Gemeenschappelijke Regeling Samenwerkingsverband Noord-Nederland (SNN), Groningen",
                "Gemeenschappelijke Regeling Noordelijke Rekenkamer (NRK), Assen",
                "Gemeenschappelijke Regeling Waddenfonds",
                "Omgevingsberaad Waddengebied (OBW)",
            )
        ),
        indicators=(
            indicator("Opkomst verkiezingen Tweede Kamer", "%", "nvt nvt nvt 80,4% nvt nvt"),
            indicator(
                "Opkomst verkiezingen Provinciale Staten", "%", "nvt 59,1% nvt nvt nvt 65,5%"
            ),
            indicator("Opkomst verkiezingen Gemeenteraad", "%", "57,9% nvt nvt nvt 54,8% nvt"),
            indicator("Aantal gemeenten onder preventief toezicht", "", "0 0 0 0 0 0"),
            indicator("% gemeenten onder preventief toezicht", "%", "0% 0% 0% 0% 0% 0%"),
        ),
        objectives=(
            beleidsveld(
                "1.1",
                "Provinciale Staten en Statengriffie",
                "3.539 3.931 4.240 4.022 3.964 3.964",
                # 3: Begroting 2022, beleidsveld 1.1 (the tenth result is cut in the stored
                # copy and left out).
                sections=(
                    Section(heading="Wat willen we bereiken?", text=wat_willen_we),
                    Section(heading="Welke resultaten willen we in 2022 behalen?", text=resultaten),
                ),
            ),
            beleidsveld("1.2", "Gedeputeerde Staten", "1.666 1.795 1.819 1.819 1.819 1.819"),
            beleidsveld("1.3", "Commissaris van de Koning", "328 300 301 301 301 301"),
            beleidsveld("1.4", "Kwaliteit bestuur", "293 624 566 386 336 336"),
            beleidsveld(
                "1.5", "Bestuurlijke samenwerking", "11.691 12.935 12.940 12.234 12.262 12.262"
            ),
        ),
        # 5: Totaal baten of the programme.
        amounts=(
            *row(BATEN, [(GEREALISEERD, 2021, "1.856")]),
            *row(BATEN, per_year(PRIMITIEF, 2022, "1.181 1.160 706 706 706")),
        ),
    )
    return Budget(
        province="Fryslân",
        year=2023,
        title="Begroting 2023, programma 1 Bestuur (uittreksel)",
        first_year=2021,
        last_year=2026,
        programmes=(programme,),
        levels=("programma", "beleidsveld", "resultaat"),
        scale=("G",),
        complete=False,
        notes=(
            "Uittreksel, zie fryslan.md: programma 1 en de lasten per beleidsveld uit de Begroting"
            " 2023 (Realisatie 2021 als gerealiseerd, Begroting 2022-2026 als primitief), de baten"
            " van het programma, de BBV-indicatoren met hun realisaties uit de Jaarstukken 2023,"
            " de teksten van beleidsveld 1.1 uit de Begroting 2022 en de status Beleid/Tijd/Geld"
            " per beleidsveld uit de Jaarstukken 2022 (alleen G gezien; de legenda is niet"
            " gevonden). De lasten per beleidsveld tellen door afronding niet precies op tot het"
            " gedrukte Totaal lasten. " + NATURE_NOTE
        ),
    )


def overijssel() -> Budget:
    # 5: Monitor 2018-2, kerntaak 7: lasten and baten per beleidsdoel (Primitief, Doorgevoerde
    # Wijziging(en), Actuele begroting, Gerealiseerd; Ruimte follows from them).
    def cells(texts: str) -> list[tuple[BudgetColumn, int, str]]:
        columns = (PRIMITIEF, WIJZIGING, ACTUEEL, GEREALISEERD)
        return [(column, 2018, text) for column, text in zip(columns, texts.split(), strict=True)]

    def beleidsdoel(code: str, title: str, lasten: str, baten: str, **fields: object) -> Objective:
        amounts = (*row(LASTEN, cells(lasten)), *row(BATEN, cells(baten)))
        return Objective(code=code, title=title, amounts=amounts, **fields)  # type: ignore[arg-type]

    kerntaak_7 = Programme(
        number=7,
        name="Kwaliteit openbaar bestuur",
        # 1: Begroting 2017.
        ambition=Ambition(
            text="Het vertrouwen van de samenleving in Overijssel in het openbaar bestuur neemt"
            " toe of blijft minimaal gelijk."
        ),
        sections=(
            Section(
                heading="Ontwikkelingen",
                text="De ontwikkelingen in de samenleving vragen om een overheid die daar goed op"
                " aangesloten is. Een overheid die dichtbij en bereikbaar is. Die weet wat er in"
                " de samenleving leeft. Die daar naar luistert en inspeelt op de ontwikkelingen en"
                " kansen. Het gaat om ruimte voor initiatieven en betrokkenheid van inwoners bij"
                " beleid. Tegelijkertijd tonen we daadkracht. De veranderende verhouding overheid"
                " en samenleving betekent een ander samenspel tussen Provinciale Staten,"
                " Gedeputeerde Staten en het ambtelijk apparaat. Het is van belang om de"
                " toegevoegde waarde van de provincie voortdurend scherp te hebben en vanuit die"
                " basis te handelen.",
            ),
        ),
        objectives=(
            beleidsdoel(
                "7.1",
                "Een goed openbaar bestuur in Overijssel",
                "815 80 895 358",
                "0 0 0 3",
                # 1: Monitor 2016-1, beleidsdoel 7.1: an unheaded text, then Context.
                sections=(
                    Section(
                        heading="",
                        text="De samenleving in Overijssel heeft recht op een betrouwbare overheid"
                        " die de maatschappelijke opgaven op een adequate wijze oppakt. Burgers"
                        " moeten kunnen vertrouwen op een goed functionerend openbaar bestuur. We"
                        " zien er op toe dat gemeenten, waterschappen en andere bestuurlijke"
                        " samenwerkingsverbanden hun taken goed en zorgvuldig uitvoeren.",
                    ),
                    Section(
                        heading="Context",
                        text="Door effectieve en efficiëntere samenwerking met bestuurlijke"
                        " partners, heldere verhoudingen tussen de overheden en vermindering van"
                        " bestuurlijke drukte, wordt bijgedragen aan het verhogen van de kwaliteit"
                        " van het openbaar bestuur.",
                    ),
                ),
            ),
            beleidsdoel("7.2", "", "1.823 58 1.881 1.070", "27 0 27 30"),
            beleidsdoel("7.3", "", "6.537 231 6.768 5.299", "93 0 93 63"),
        ),
        amounts=(
            *row(LASTEN, cells("8.971 0 8.971 0"), category="Personeelsgebonden kosten"),
            *row(BATEN, cells("0 0 0 0"), category="Personeelsgebonden kosten"),
        ),
    )
    # 1: Jaarverslag 2017, doelenboom of kerntaak 1; 4: Monitor 2017-2, "(1.1)(groen)".
    kerntaak_1 = Programme(
        number=1,
        name="Ruimtelijke ontwikkeling en waterbeheer",
        ambition=Ambition(
            text="Zorgvuldig ruimtegebruik, borgen en bevorderen van ruimtelijke kwaliteit voor"
            " steden en platteland."
        ),
        objectives=(
            Objective(
                code="1.1",
                title="Zorgvuldige afweging van de ruimtelijke belangen",
                status=MonitorStatus(
                    dimensions=(
                        Judgement(
                            dimension="Waar zijn we trots op",
                            value="groen",
                            text="Voorkantsamenwerking blijkt een essentieel instrument in de"
                            " balans tussen faciliteren en sturen in het ruimtelijk domein",
                        ),
                    )
                ),
                prestaties=tuple(
                    Prestatie(code=code, title=title)
                    for code, title in (
                        (
                            "1.1.1",
                            "Actuele Omgevingsvisie als beleidskader voor de fysieke leefomgeving",
                        ),
                        (
                            "1.1.2",
                            "Stimuleren en faciliteren goede ruimtelijke ordening en ruimtelijke"
                            " kwaliteit",
                        ),
                        ("1.1.3", "Sturen op balans op de woningmarkt"),
                        (
                            "1.1.4",
                            "Effectieve en efficiënte inbreng van de Overijsselse ruimtelijke"
                            " belangen bij het IPO / Rijk / Europa",
                        ),
                        (
                            "1.1.5",
                            "Uitvoering wettelijke taken en bevoegdheden in de ruimtelijke"
                            " ordening",
                        ),
                        ("1.1.6", "Ondergrond: driedimensionale ordening van de ruimte"),
                        ("1.1.7", "Implementatie Omgevingswet"),
                    )
                ),
            ),
        ),
    )
    # 3: Jaarverslag 2018, prestatie 10.1.1 (its title from the page's address, cut there).
    prestatie_10_1_1 = Prestatie(
        code="10.1.1",
        title="Sturing versterken middels helder geformuleerde ambities, beleidsdoelen en …",
        context="De verantwoording over de inzet van publieke middelen vindt plaats over de"
        " geformuleerde ambities, beleidsdoelen en prestaties. Daardoor is het mogelijk om een"
        " inzichtelijke en duidelijke verantwoording te geven van ons handelen. Wij hebben"
        " hiervoor digitale rapportages ontwikkeld. Wij blijven aansluiten bij de ontwikkelingen"
        " die andere decentrale overheden op dit onderwerp laten zien.",
        actions=(
            Action(
                number=1,
                text="Wij dragen zorg voor een tijdige opleving van de Planning & Control cyclus"
                " (begroting, monitor en jaarrekening).",
            ),
            Action(
                number=2,
                text="Wij nemen de in het Besluit Begroting en Verantwoording verplichte set van"
                " indicatoren op in de begroting en jaarrekening 2018.",
            ),
        ),
        portfolio_holders=("Eddy van Hijum",),
        role_text="Dit is onze reguliere taak.",
        duration=Duration(kind=DurationKind.STRUCTUREEL, text="Structureel."),
        status=MonitorStatus(
            progress="De activiteiten zijn conform begroting uitgevoerd. In afwachting op de"
            " resultaten van het traject van de betekenisvolle P&C cyclus zijn geen wijzigingen"
            " doorgevoerd. Conform het aanbestedingsbeleid hebben wij dit jaar ons"
            ' managementinformatiesysteem opnieuw aanbesteed. Om deze reden zal de "look en'
            ' feel" van de portal Overijssel vanaf de Begroting 2020 op onderdelen worden'
            " gewijzigd.",
        ),
        sections=(Section(heading="Financiën", text="Geen afwijking."),),
    )
    kerntaak_10 = Programme(
        number=10,
        name="",
        objectives=(Objective(code="10.1", title="", prestaties=(prestatie_10_1_1,)),),
    )
    return Budget(
        province="Overijssel",
        year=2018,
        kind=DocumentKind.MONITOR,
        title="Monitor 2018-2 (uittreksel)",
        first_year=2018,
        last_year=2021,
        programmes=(kerntaak_1, kerntaak_7, kerntaak_10),
        complete=False,
        notes=(
            "Uittreksel, zie overijssel.md: de bedragen van kerntaak 7 uit de Monitor 2018-2"
            " (Ruimte volgt uit actueel en gerealiseerd), de teksten van kerntaak 7 en"
            " beleidsdoel 7.1 uit de Begroting 2017 en de Monitor 2016-1, de doelenboom van"
            " kerntaak 1 uit het Jaarverslag 2017 met de kleur van beleidsdoel 1.1 uit de"
            " Monitor 2017-2, en prestatie 10.1.1 uit het Jaarverslag 2018. De titels van 7.2,"
            " 7.3, kerntaak 10 en 10.1 staan niet in het uittreksel. " + NATURE_NOTE
        ),
    )


def zuid_holland() -> Budget:
    # 2: Concept Begroting 2021, wettelijke indicatoren per ambitie: Meetwaarde 2019 as the
    # realised value, the columns 2021-2024 as targets (text where printed as text). The
    # nulmeting `PM` is text and has no home: it is left out.
    def targets(unit: str, texts: list[str]) -> tuple[Target, ...]:
        found = []
        for year, text in zip(range(2021, 2025), texts, strict=True):
            figure = text.rstrip("%")
            if figure.isdigit():
                found.append(
                    attrs.evolve(Target.exactly(number(figure), unit, text=text), year=year)
                )
            else:
                found.append(Target(unit=unit, kind=TargetKind.QUALITATIVE, text=text, year=year))
        return tuple(found)

    def bbv(
        name: str, unit: str, measured: Measurement, texts: str, baseline: str = ""
    ) -> Indicator:
        return Indicator(
            name=name,
            unit=unit,
            kind=IndicatorKind.BBV,
            baseline=number(baseline) if baseline else None,
            targets=targets(unit, texts.split("|")),
            realised=(measured,),
        )

    voorne_aan_zee = (
        "De gemeenten Brielle, Hellevoetsluis en Westvoorne zijn per 1 januari 2023 gefuseerd"
        " tot de gemeente Voorne aan Zee. Alle drie de gemeenten stonden vanaf hun besluit om"
        " samen te gaan tot de fusiedatum onder preventief Arhi-toezicht (Wet algemene regels"
        " herindeling). De nieuwe gemeente Voorne aan Zee diende voor 2023 geen structureel"
        " sluitende begroting in. Hierdoor viel de gemeente gedurende het hele jaar 2023 onder"
        " preventief (verscherpt) toezicht. De gemeente Voorne aan Zee diende voor 2024 tijdig een"
        " structureel sluitende begroting in. Hierdoor besloot GS het preventief toezicht op te"
        " heffen. De gemeente valt vanaf 1 januari 2024 weer onder het reguliere (repressief)"
        " toezicht."
    )
    ambitie_1 = Programme(
        number=1,
        name="Samen werken aan Zuid-Holland",
        indicators=(
            # 4: Jaarverslag 2023, the Meetwaarde 2023 and the toelichting of the Voortgang
            # (its score is a picture, not in the stored text).
            attrs.evolve(
                bbv(
                    "Aantal gemeenten onder preventief financieel toezicht",
                    "",
                    Measurement(unit="", value=Decimal(0), year=2019, text="0"),
                    "0|0|0|0",
                ),
                realised=(
                    Measurement(unit="", value=Decimal(0), year=2019, text="0"),
                    Measurement(unit="", value=Decimal(1), year=2023, text="1"),
                ),
                status=MonitorStatus(
                    dimensions=(Judgement(dimension="Voortgang", text=voorne_aan_zee),)
                ),
            ),
            bbv(
                "Opkomst verkiezingen",
                "%",
                Measurement(unit="%", value=Decimal(55), year=2019, text="55%"),
                "55%|55%|55%|55%",
            ),
        ),
    )
    ambitie_2 = Programme(
        number=2,
        name="",
        indicators=(
            bbv(
                "Waardering Openbaar Vervoer obv Klantenbarometer",
                "",
                Measurement(
                    unit="",
                    value=number("7,9"),
                    year=2019,
                    text="7,9 (landelijk gemiddelde 7,8)",
                ),
                "≥ landelijk gemiddelde 2021|≥ landelijk gemiddelde 2022|≥ landelijk gemiddelde"
                " 2023|≥ landelijk gemiddelde 2024",
                baseline="7,5",
            ),
        ),
    )
    # 3: Begroting 2022, ambitie 7, beleidsdoel 7-1 and beleidsprestatie 7-1-1 (the list is
    # cut in the stored copy after the sixth item, which is left out).
    maatregelen = "\n".join(
        (
            "De provincie wil de gezondheidsschade aan mens en natuur door luchtverontreiniging"
            " en geurhinder beperken en hierdoor bijdragen aan een gezonde woon- en"
            " leefomgeving. Het luchtkwaliteitsbeleid van de provincie is erop gericht om samen"
            " met andere partijen ten minste aan de wettelijke Europese luchtkwaliteitseisen te"
            " blijven voldoen en ernaar te streven de WHO-advieswaarden in 2030 te behalen.",
            "- Uitvoering van het Schone Lucht Akkoord: binnen het Schone Lucht Akkoord werkt de"
            " provincie samen met andere overheden en maatschappelijke partijen aan verdere"
            " verbetering van de huidige luchtkwaliteit Het Programma Luchtkwaliteit geeft een"
            " impuls om de WHO-advieswaarden te bereiken.",
            "- Vergunningverlening en handhaving: beperking van emissies van industriële"
            " activiteiten naar de lucht wordt gereguleerd via vergunningen (van inrichtingen"
            " waarbij de provincie bevoegd gezag is), die scherp zijn vastgesteld op basis van de"
            " rijksregelgeving en de Nederlandse Emissie Richtlijnen.",
            "- Pieken in luchtverontreiniging door smog: het provinciale draaiboek beschrijft de"
            " acties die binnen Zuid-Holland worden genomen als zich dit voordoet.",
            "- Geurhinder: het geurhinderbeleid is bedoeld om aan te geven wat de maximale"
            " aanvaardbare geurbelasting is bij woonhuizen. De provincie past dit beleid toe bij"
            " de vergunningverlening aan bedrijven onder bevoegd gezag van de provincie.",
            "- Zeer zorgwekkende stoffen, voorheen prioritaire stoffen (wettelijke taak): de"
            " provincie wil deze emissies minimaliseren.",
        )
    )
    ambitie_7 = Programme(
        number=7,
        name="",
        objectives=(
            Objective(
                code="7-1",
                title="Bevorderen verbetering milieukwaliteit en gezondheid",
                sections=(
                    Section(
                        heading="Wat gaan we doen om het beleidsdoel te realiseren",
                        text="Om de beleidsdoelen voor de ambitie te halen, hebben we deze"
                        " vertaald in een aantal beleidsprestaties. Die staan hieronder"
                        " beschreven.",
                    ),
                ),
                prestaties=(
                    Prestatie(
                        code="7-1-1",
                        title="Bevorderen van gezonde luchtkwaliteit",
                        sections=(
                            Section(
                                heading="Welke maatregelen zien we en welke instrumenten zetten"
                                " we daarbij in?",
                                text=maatregelen,
                            ),
                        ),
                    ),
                ),
            ),
        ),
    )
    return Budget(
        province="Zuid-Holland",
        year=2022,
        title="Begroting 2022 (uittreksel)",
        first_year=2019,
        last_year=2025,
        programmes=(ambitie_1, ambitie_2, ambitie_7),
        levels=("ambitie", "beleidsdoel", "beleidsprestatie"),
        # 4: Jaarverslag 2023, the four values of Voortgang (the scores are pictures).
        scale=("onbekend", "goed", "aandachtspunt", "niet volgens planning"),
        complete=False,
        notes=(
            "Uittreksel, zie zuid-holland.md: ambitie 7 met beleidsdoel 7-1 en beleidsprestatie"
            " 7-1-1 uit de Begroting 2022; wettelijke indicatoren van ambitie 1 en 2 uit de"
            " Concept Begroting 2021 (Meetwaarde 2019 als realisatie, 2021-2024 als"
            " streefwaarden; de nulmeting PM is tekst en ontbreekt hier); de schaal van de"
            " Voortgang uit het Jaarverslag 2023, waarvan de scores plaatjes zijn, met de"
            " Meetwaarde 2023 en de toelichting op de Voortgang van de eerste indicator. De"
            " namen van ambitie 2 en 7 staan niet in het uittreksel."
        ),
    )


def utrecht() -> Budget:
    # 5: Kadernota 2019, Bijlage 2 technische begrotingswijzigingen, L and B 2018-2022; each
    # numbered onderwerp is one change.
    def onderwerp(change: str, lasten: str, baten: str) -> tuple[Amount, ...]:
        return (
            *row(LASTEN, per_year(WIJZIGING, 2018, lasten), change=change),
            *row(BATEN, per_year(WIJZIGING, 2018, baten), change=change),
        )

    programme_1 = Programme(
        number=1,
        name="Ruimtelijke ontwikkeling",
        amounts=onderwerp("1. Binnenstedelijke ontwikkeling", "55 279 -10 - -", "- - - - -"),
        # 1: Begroting 2024, the new meerjarendoel 1.3.4 (its beleidsdoel is not named).
        objectives=(
            Objective(
                code="1.3",
                title="",
                objectives=(
                    Objective(
                        code="1.3.4",
                        title="Het aantal plekken voor opvang van asielzoekers en de huisvesting"
                        " van statushouders sluit beter aan bij de opgave",
                    ),
                ),
            ),
        ),
    )
    programme_2 = Programme(
        number=2,
        name="Landelijk gebied",
        amounts=(
            *onderwerp(
                "2. Correctie decentralisatie uitkering natuur", "- - - 683 -", "- - - -683 -"
            ),
            *onderwerp(
                "3. Agenda Vitaal Platteland",
                "232 -38.906 9.818 9.952 22.481",
                "-3.608 2.317 -824 -1.400 -948",
            ),
            *onderwerp("4. VVN leges", "95 - - - -", "-95 - - - -"),
            *onderwerp("5. Ganzenakkoord", "29 - - - -", "- - - - -"),
            *onderwerp(
                "6. Opdrachtgeversunit RUD en ODNZKG", "-120 -120 -120 -120 -120", "- - - - -"
            ),
        ),
    )
    programme_4 = Programme(
        number=4,
        name="Energietransitie",
        objectives=(
            Objective(
                code="4.2",
                title="",
                objectives=(
                    Objective(
                        code="4.2.6",
                        title="De energie-infrastructuur is beter afgestemd op vraag en aanbod"
                        " van (duurzame) energie",
                    ),
                ),
            ),
        ),
    )
    programme_7 = Programme(
        number=7,
        name="Cultuur en erfgoed",
        objectives=(
            Objective(
                code="7.4",
                title="Recreatie en bestemmingsmanagement is meer integraal onderdeel van de"
                " leefomgeving",
            ),
        ),
    )
    return Budget(
        province="Utrecht",
        year=2019,
        kind=DocumentKind.KADERNOTA,
        title="Kadernota 2019, technische begrotingswijzigingen (uittreksel)",
        first_year=2018,
        last_year=2022,
        programmes=(programme_1, programme_2, programme_4, programme_7),
        levels=("programma", "beleidsdoel", "meerjarendoel"),
        # 4: Voorjaarsnota 2018, the three symbols on subdoelen (pictures in the pages).
        scale=(
            "voortgang conform planning",
            "bijsturing gewenst, is wel beheersbaar",
            "bijsturing noodzakelijk",
        ),
        complete=False,
        notes=(
            "Uittreksel, zie utrecht.md: de technische begrotingswijzigingen van programma 1 en 2"
            " uit de Kadernota 2019 (elk genummerd onderwerp is één wijziging), de doelenboom"
            " zoals de Begroting 2024 hem wijzigt (de beleidsdoelen 1.3 en 4.2 staan er zonder"
            " naam in) en de schaal van de voortgang uit de Voorjaarsnota 2018. " + NATURE_NOTE
        ),
    )


def limburg() -> Budget:
    # 1 and 2: Voorjaarsnota 2024, programma 8 with its maatschappelijke opgave and the
    # indicators of that opgave (one opgave per programme: they are the programme's).
    opgave = (
        "Door uitvoering van het beleidskader ‘Provincie Midden in de Samenleving 2024-2027’"
        " beogen we een meer betrokken overheid te zijn die midden in de samenleving staat, die"
        " betrouwbaar en dienstbaar is richting haar inwoners en die in staat is haar eigen"
        " ambities waar te maken. De maatschappelijke opgave die daarbij leidend is, is als"
        " volgt geformuleerd:\n\n•    een betrokken, betrouwbaar en bekwaam openbaar bestuur in"
        " Limburg, dat midden in de samenleving staat en het vertrouwen krijgt van de"
        " Limburgers. \n\nAan de hand van indicatoren maken we zichtbaar hoe het over de lange"
        " termijn (trendmatig) gesteld is met deze maatschappelijke opgave."
    )
    programme_8 = Programme(
        number=8,
        name="Provincie midden in de samenleving",
        sections=(
            Section(
                heading="Provincie midden in de samenleving",
                text="Een Provincie die midden in de samenleving staat en op een responsieve en"
                " dienstbare manier de urgente Limburgse opgaven gaat beetpakken. Waarbij niemand"
                " tot het onmogelijke zal worden gedwongen. In plaats daarvan gaan we als"
                " Provincie met elkaar, en samen met alle Limburgers elke dag een beetje beter"
                " maken. Tot in de wijken van onze steden en in de haarvaten van ons platteland."
                " Elke regio, elke kern en elke Limburger telt. Daarvoor werken wij samen met onze"
                " Limburgse gemeenten, de Rijksoverheid, andere provincies, buurregio's en Brussel"
                " en behartigen wij de Limburgse belangen vanuit eigen kracht. Een weerbare en"
                " slagvaardige provinciale overheid is daarvoor cruciaal.",
            ),
            Section(heading="Maatschappelijke opgave", text=opgave),
        ),
        indicators=(
            Indicator(
                code="Indicator 1",
                name="Tevredenheid Limburgers over het functioneren van de democratie in Limburg"
                " (in ontwikkeling).",
                unit="",
                source="PWKO",
            ),
            Indicator(
                code="Indicator 2",
                name="Het vertrouwen van Limburgers in personen en instellingen binnen de"
                " Limburgse overheid (in ontwikkeling).",
                unit="",
                source="PWKO",
            ),
            Indicator(
                code="Indicator 3",
                name="Opkomst Provinciale Statenverkiezingen (BBV).",
                unit="",
                kind=IndicatorKind.BBV,
                source="Kiesraad",
            ),
        ),
    )
    # 3: Voorjaarsnota 2024, prestatie 1.1.1 under Kwaliteit, Tijd and Geld (the Geld list is
    # cut in the stored copy after its third item; the rest is left out). 4: Jaarstukken
    # 2024, the status of the same product on Kwaliteit (its score is a picture: no value).
    geld = (
        "Voor de uitvoering van product natuur, biodiversiteit en fauna wordt de begroting via"
        " deze voorjaarsnota als volgt bijgesteld:\n\nverlaging van de lasten in 2024 met € 1,16"
        " mln.\n\n • verbijzondering budget voor N2000 onderzoeken € 3 mln. gefaseerd over 2"
        " jaar. 2024 € 0,76 mln. 2025 € 2,24 mln. voor het verrichten van onderzoeken naar te"
        " treffen maatregelen voor een gunstige instandhouding van soorten en habitats. Dekking"
        " vanuit product 112 uitvoering maatregelen N2000 beheerplannen;\n • inzet SPUK L29"
        " monitoring € 0,13 mln.  ten behoeve van het uitvoeren van de landelijke business case"
        " natuurmonitoring (VHR compleet) om de inzet van ambtelijke capaciteit  te dekken; \n •"
        " fasering van  budget voor agrarisch natuurbeheer (ANLB) naar begrotingsjaar 2028,"
        " betreft restantmiddelen ANLB  subsidiebeschikking 2016-2022 ter dekking van de"
        " jaarschijf 2028 € 2,17 mln. (GS-besluit 22-8-2023) ;"
    )
    kwaliteit_2024 = (
        "De uitvoering van wettelijke taken ten behoeve van natuur en biodiversiteit is"
        " onverminderd doorgelopen in het afgelopen jaar. Faunabeheer en exotenaanpak stonden"
        " veelvuldig in de publiciteit en op deze terreinen zijn veel vragen van burgers en"
        " Provinciale Staten beantwoord. Wij hebben via  beleid en subsidies bijgedragen aan het"
        " beter samenleven tussen mens en dier."
    )
    prestatie = Prestatie(
        code="1.1.1.",
        title="Natuur, biodiversiteit en fauna",
        sections=(
            Section(
                heading="Kwaliteit",
                text="Limburg beschikt over een rijke natuur. In 2027 is het natuurnetwerk"
                " gerealiseerd en dit wordt goed beheerd. Het netwerk biedt daarmee leefgebied"
                " aan gezonde populaties van dier- en plantensoorten. Door groenblauwe"
                " dooradering en agrarisch natuurbeheer leven er populaties en soorten die aan"
                " het agrarisch cultuurlandschap zijn verbonden. Het gebruik van de leefomgeving"
                " is dusdanig dat ook algemeen voorkomende soorten het goed doen. De natuur is"
                " voor iedereen goed beleefbaar.  Het bosareaal is toegenomen. Limburgers houden"
                " rekening met de natuur en leven de natuurwetgeving na. Dierpopulaties zijn in"
                " evenwicht met de omgeving en veroorzaken geen onaanvaardbare schade aan andere"
                " belangen. Invasieve soorten bedreigen de Limburgse biodiversiteit niet.",
            ),
            Section(
                heading="Tijd",
                text="In 2024 wordt vanuit wettelijke taken en in aansluiting op maatschappelijke"
                " opgaven invulling gegeven aan behoud en herstel van de biodiversiteit, in een"
                " natuurinclusieve samenleving.",
            ),
            Section(heading="Geld", text=geld),
        ),
        status=MonitorStatus(dimensions=(Judgement(dimension="Kwaliteit", text=kwaliteit_2024),)),
    )
    # 5: Voorjaarsnota 2024, 2e Begrotingswijziging 2024: the lasten of each product of
    # programme 1, 2024-2027. The level above the products is not named in the excerpt.
    change = "2e Begrotingswijziging 2024"

    def lasten(texts: str) -> tuple[Amount, ...]:
        return row(LASTEN, per_year(WIJZIGING, 2024, texts), change=change)

    def product(code: str, title: str, texts: str) -> Prestatie:
        return Prestatie(code=code, title=title, amounts=lasten(texts))

    prestatie = attrs.evolve(prestatie, amounts=lasten("-1.158 2.386 150 150"))
    programme_1 = Programme(
        number=1,
        name="Perspectief voor het landelijk gebied",
        objectives=(
            Objective(
                code="1.1.",
                title="",
                prestaties=(
                    prestatie,
                    product("1.1.2", "Limburgs programma Landelijk Gebied", "11.770 2.844 157 157"),
                    product("1.1.3", "Landschap", "910 119 59 59"),
                ),
            ),
            Objective(
                code="1.2.",
                title="",
                prestaties=(product("1.2.1", "Land- en tuinbouw", "-4.312 -1.952 -1.950 -1.918"),),
            ),
            Objective(
                code="1.3.",
                title="",
                prestaties=(
                    product(
                        "1.3.1",
                        "Waterbeheer en waterkwaliteit regionaal systeem",
                        "28.892 7.983 77 77",
                    ),
                    product("1.3.2", "Waterveiligheid Maas", "-1.822 563 44 44"),
                    product("1.3.3", "Bodemvitalisering", "175 0 0 0"),
                ),
            ),
        ),
    )
    return Budget(
        province="Limburg",
        year=2024,
        kind=DocumentKind.VOORJAARSNOTA,
        title="Voorjaarsnota 2024 (uittreksel)",
        first_year=2024,
        last_year=2027,
        programmes=(programme_1, programme_8),
        levels=("programma", "maatschappelijke opgave", "product"),
        complete=False,
        notes=(
            "Uittreksel, zie limburg.md: programma 8 met zijn maatschappelijke opgave en"
            " indicatoren en prestatie 1.1.1. met Kwaliteit, Tijd en Geld uit de Voorjaarsnota"
            " 2024; de status op Kwaliteit uit de Jaarstukken 2024 (de score is een plaatje en"
            " de legenda is niet gevonden; de standaardschaal staat hier). De bedragen zijn de"
            " lasten per product van programma 1 in de 2e Begrotingswijziging 2024 van dezelfde"
            " Voorjaarsnota (wijzigingen 2024-2027; de producten tellen door afronding niet"
            " overal op tot het gedrukte totaal). Het niveau boven het product (1.1., 1.2., 1.3.)"
            " staat niet met naam in het uittreksel. De bedragen van de Begrotingswijziging 3 -"
            " 2023 horen bij de programma-indeling van 2023 en staan niet in dit uittreksel"
            " van 2024. " + NATURE_NOTE
        ),
    )


def noord_brabant() -> Budget:
    # 5: Begroting 2019, "Wat mag dit programma kosten?": three lasten categories and the
    # baten of programma 01 (Realisatie 2017, Begroting 2018-2022).
    def line(flow: Flow, texts: str, category: str = "") -> tuple[Amount, ...]:
        realisatie, *begroting = texts.split()
        return (
            *row(flow, [(GEREALISEERD, 2017, realisatie)], category=category),
            *row(flow, per_year(PRIMITIEF, 2018, " ".join(begroting)), category=category),
        )

    programme = Programme(
        number=1,
        name="Bestuur",
        # 3: Begroting 2019, Programma 01 Bestuur.
        sections=(
            Section(
                heading="Wat wil de provincie bereiken?",
                text="De provincie bewaakt en versterkt de kwaliteit van het openbaar bestuur in"
                " Brabant. Dit doet de provincie door:\n\n  • Het versterken van de bestuurlijke"
                " en netwerksamenwerking Brabant;\n  •  Borgen van de toekomstbestendigheid van"
                " het openbaar bestuur (o.a. door interbestuurlijk toezicht (IBT);\n  • Het"
                " stimuleren van efficiënte kennisverwerving, -borging en -benutting;\n  • "
                " Vergroten van de integriteit en weerbaarheid van het openbaar bestuur.",
            ),
            Section(
                heading="Wat mag dit programma kosten?",
                text="Er zijn op programmaniveau geen noemenswaardige verschillen ten opzichte van"
                " de ramingen 2018. De lasten voor productgroep 01.01 Provinciebestuur nemen"
                " beperkt toe in verband met de extra inzet voor de verkiezingen in 2019. Bij"
                " productgroep 01.02 Bestuurlijke samenwerking nemen de lasten af, onder andere"
                " door de afnemende inzet voor (Veer)krachtig Bestuur.",
            ),
        ),
        objectives=(
            Objective(code="01.01", title="Provinciebestuur"),
            Objective(code="01.02", title="Bestuurlijke samenwerking"),
        ),
        amounts=(
            *line(LASTEN, "8.847 13.805 13.141 9.351 9.140 9.140", "Programma lasten"),
            *line(LASTEN, "0 0 0 0 0 0", "Kapitaallasten"),
            *line(LASTEN, "6.765 5.876 6.673 6.347 6.347 6.314", "Organisatiekosten"),
            *line(BATEN, "378 165 2 2 2 2"),
        ),
    )
    return Budget(
        province="Noord-Brabant",
        year=2019,
        title="Begroting 2019, programma 01 Bestuur (uittreksel)",
        first_year=2017,
        last_year=2022,
        programmes=(programme,),
        levels=("programma", "productgroep", "prestatie"),
        complete=False,
        notes=(
            "Uittreksel, zie noord-brabant.md: programma 01 Bestuur met zijn productgroepen en"
            ' teksten uit de Begroting 2019 en de tabel "Wat mag dit programma kosten?"'
            " (Realisatie 2017 als gerealiseerd, Begroting 2018-2022 als primitief; de drie"
            " categorieën lasten tellen door afronding niet overal op tot het gedrukte totaal)."
            " De stoplichtschaal groen/oranje/rood van de Bestuursrapportage I-2023 is de"
            " standaardschaal. " + NATURE_NOTE
        ),
    )


def flevoland() -> Budget:
    # 2: Jaarverslag 2018, the indicators of Gebiedsontwikkeling per area: three years of
    # history and the Rekening 2018 as realised values, the Streef-cijfer 2018 as target;
    # `n.v.t` and `n.b.` are text. The areas are programmaonderdelen 7.1-7.4 as the
    # Jaarverslag 2017 numbers them; each indicator's toelichting has no home.
    def indicator(name: str, texts: str) -> Indicator:
        *history, target, rekening = texts.split()
        realised = [*zip(range(2015, 2018), history, strict=True), (2018, rekening)]
        targets = ()
        if target.endswith("%"):
            goal = number(target.rstrip("%"))
            targets = (attrs.evolve(Target.exactly(goal, "%", text=target), year=2018),)
        return Indicator(
            name=name,
            unit="%",
            targets=targets,
            realised=tuple(
                Measurement(
                    unit="%",
                    value=number(text.rstrip("%")) if text.endswith("%") else None,
                    year=year,
                    text=text,
                )
                for year, text in realised
            ),
            source="Provincie Flevoland",
        )

    def area(code: str, title: str, *indicators: Indicator) -> Objective:
        return Objective(code=code, title=title, indicators=indicators)

    programme_7 = Programme(
        number=7,
        name="Gebiedsontwikkeling",
        objectives=(
            area(
                "7.1",
                "Noordelijk Flevoland",
                indicator("Besluiten over besteding ZZL/NF-gelden", "n.v.t 0% 42% 85% 85%"),
                indicator(
                    "De Maritieme Servicehaven Noordelijk Flevoland is planologisch mogelijk en"
                    " aanbesteed.",
                    "n.v.t n.v.t 90% 95% 90%",
                ),
            ),
            area(
                "7.2",
                "Midden Flevoland",
                indicator("Operationele luchthaven", "n.v.t n.v.t 0% 90% 100%"),
                indicator("Uitgifte Lelystad Airport Businesspark", "0% n.v.t n.v.t n.v.t 35%"),
                indicator(
                    "Operationele multimodale overslaghaven Flevokust Haven",
                    "n.v.t n.v.t 75% 100% 100%",
                ),
                indicator(
                    "Een gedragen samenwerkingsagenda voor de Rijksvastgoedstrategie Lelystad",
                    "n.v.t n.v.t 100% 100% 100%",
                ),
            ),
            area(
                "7.3",
                "Zuidelijk Flevoland",
                indicator(
                    "Een vastgesteld jaarprogramma Almere 2.0 op basis van het meerjarenprogramma",
                    "100% 100% 100% 100% 100%",
                ),
                indicator(
                    "Het innovatiepaviljoen Floriade Werkt! is gebouwd en in gebruik.",
                    "n.v.t n.v.t 20% 20% 40%",
                ),
                indicator("Marker Wadden fase 1 is gerealiseerd.", "0% 30% 75% 75% 95%"),
            ),
            area(
                "7.4",
                "Nieuwe Natuur",
                indicator(
                    "Met de initiatiefnemers van de gehonoreerde projecten zijn overeenkomsten"
                    " afgesloten.",
                    "27% n.b. 45% 100% 100%",
                ),
            ),
        ),
    )

    # 5: Jaarverslag 2018, Financieel overzicht of programme 8 down to product 8.1.3: the
    # lasten per cost line (a line category) of each product; columns Rekening 2017,
    # Begroting 2018 primitief, Begroting 2018 na wijziging, Rekening 2018, Afwijking 2018
    # (which follows from them). The page prints no column of wijzigingen, so beside the
    # actuele begroting the primitieve is left out: with both, actueel = primitief +
    # wijzigingen would not hold.
    def product(code: str, title: str, *lines: tuple[str, str]) -> Objective:
        def cells(texts: str) -> list[tuple[BudgetColumn, int, str]]:
            rekening_2017, _primitief, na_wijziging, rekening_2018, _afwijking = texts.split()
            return [
                (GEREALISEERD, 2017, rekening_2017),
                (ACTUEEL, 2018, na_wijziging),
                (GEREALISEERD, 2018, rekening_2018),
            ]

        amounts = tuple(
            amount
            for category, texts in lines
            for amount in row(LASTEN, cells(texts), category=category)
        )
        return Objective(code=code, title=title, amounts=amounts)

    product_811 = product(
        "8.1.1",
        "Provinciale Staten",
        ("Kapitaallasten", "11 26 26 11 15"),
        ("Accountancy/financieel advies", "75 89 89 75 14"),
        ("Vergoedingen leden", "695 624 664 688 -25"),
        ("Cateringkosten Staten", "64 63 63 90 -27"),
        ("Reis en verblijf", "25 46 46 20 26"),
        ("Representatie", "2 4 4 2 2"),
        ("Excursies", "2 1 1 1 0"),
        ("StatenInformatieSysteem", "18 43 43 14 28"),
        ("Onderzoeksbudget", "1 20 20 5 15"),
        ("Flevopadwandeling", "0 2 2 0 2"),
        ("Communicatie", "37 54 54 79 -25"),
        ("Training en ontwikkeling", "11 9 9 5 4"),
        ("Provinciale Rekenkamer", "245 237 237 232 5"),
        ("Hoorzittingen", "0 0 0 0 0"),
        ("Fractieondersteuning", "314 314 314 320 -6"),
        ("Burgercommissieleden", "15 20 20 11 8"),
        ("Kosten externe verslaglegging", "18 22 22 19 4"),
        ("Verkiezingen", "0 0 0 0 0"),
        ("Ontwikkeling en Advies", "127 170 125 131 -5"),
        ("Afwikkelingsverschillen", "-243 0 0 -203 203"),
    )
    product_812 = product(
        "8.1.2",
        "Gedeputeerde Staten",
        ("Pensioenen leden GS", "65 305 305 345 -40"),
        ("Onderzoek art.217A Provinciewet", "19 44 44 7 37"),
        ("Representatie", "111 134 134 125 9"),
        ("Fiscale compensatie dienstauto", "0 94 94 0 94"),
        ("Uitkering oud leden GS", "246 212 212 296 -83"),
        ("Uitvoeringskosten APPA regeling", "9 7 7 12 -5"),
        ("Reis en verblijfkosten GS", "138 142 167 159 9"),
        ("Ambtstoelage CvdK", "18 20 20 19 1"),
        ("Opleiding leden GS", "29 0 30 26 4"),
    )
    product_813 = product(
        "8.1.3",
        "(Inter)nationale bestuurlijke samenwerking",
        ("Lagerhuis en Nationaal Jeugddebat", "14 16 16 15 1"),
        ("Inter Provinciaal Overleg", "438 454 614 641 -27"),
        ("(Inter)nationale Samenwerkingsverbnd", "114 127 127 106 21"),
        ("Bevrijdingsfestival", "40 22 122 112 11"),
        ("Interprovinciale activiteiten", "28 47 47 11 35"),
        ("Lidmaatschappen AER", "9 11 11 7 3"),
        ("Internationaal", "13 16 16 12 4"),
        ("Samenwerking Flevolandse Gemeenten", "0 16 16 0 16"),
        ("Afwikkelingsverschillen", "-8 0 0 -13 13"),
    )
    # 3/4: Jaarverslag 2017, a doel of programme 8 with its Doel (d), Doelrealisatie and
    # Activiteit. The doel is unnumbered and the page names no programmaonderdeel: it is
    # held as headed text on the programme, its Doelrealisatie as the programme's status.
    programme_8 = Programme(
        number=8,
        name="Kwaliteit openbaar bestuur",
        objectives=(
            Objective(
                code="8.1",
                title="(Inter)nationale samenwerking en bestuurlijke positionering",
                objectives=(product_811, product_812, product_813),
            ),
        ),
        sections=(
            Section(heading="Kwalitatief goed functionerende Statengriffie"),
            Section(
                heading="Doel (d)",
                text="Formatie, taakverdeling en competenties afgestemd op going concern en"
                " behoefte Provinciale Staten.",
            ),
            Section(
                heading="Activiteit",
                text="Ten aanzien van de commissieondersteuning en going concern, zijn een"
                " drietal gelijkwaardige functies gecreëerd, met afzonderlijke aandachtsvelden en"
                " koppeling aan de vier statencommissies. Door diverse personele wisselingen, is"
                " in 2017 nadrukkelijk aandacht besteed aan teambuilding en coaching van"
                " medewerkers.",
            ),
        ),
        status=MonitorStatus(
            dimensions=(
                Judgement(
                    dimension="Doelrealisatie",
                    text="In 2017 heeft een herschikking van taken binnen de Statengriffie"
                    " plaatsgevonden.",
                ),
            )
        ),
    )
    return Budget(
        province="Flevoland",
        year=2018,
        kind=DocumentKind.JAARVERSLAG,
        title="Jaarverslag 2018 (uittreksel)",
        first_year=2015,
        last_year=2018,
        programmes=(programme_7, programme_8),
        levels=("programma", "programmaonderdeel", "product"),
        complete=False,
        notes=(
            "Uittreksel, zie flevoland.md: de indicatoren van Gebiedsontwikkeling per gebied"
            " (programmaonderdelen 7.1-7.4, genummerd zoals in het Jaarverslag 2017) en het"
            " financieel overzicht van programma 8 tot en met product 8.1.3 uit het Jaarverslag"
            " 2018 (Rekening 2017 en 2018 als gerealiseerd, Begroting 2018 na wijziging als"
            " actueel; Begroting 2018 primitief ontbreekt, want de wijzigingen staan niet als"
            " kolom in de tabel; de kostenregels zijn categorieën en tellen"
            " door afronding niet overal op tot het gedrukte producttotaal). Het ongenummerde"
            " doel 'Kwalitatief goed functionerende Statengriffie' uit het Jaarverslag 2017 staat"
            " als tekst bij programma 8, zijn Doelrealisatie als de status van het programma."
            " De toelichting per indicator heeft geen plaats. " + NATURE_NOTE
        ),
    )


def groningen() -> Budget:
    # 1: Jaarstukken 2023, programma 7 with its doel. 2/3: Begroting 2026, deelprogramma
    # 7.1. with its beleidsdoel, BBV indicator and prestaties. The beleidsdoel and the
    # prestaties are unnumbered: they are held as headed text on the deelprogramma, and
    # the indicator with it.
    opkomst = Indicator(
        name="Opkomstcijfers verkiezingen Provinciale Staten (in % kiezers/stemgerechtigden)",
        unit="%",
        kind=IndicatorKind.BBV,
        # The column of the streefwaarde within 2024-2029 cannot be told from the stored
        # text: the target is held for that period.
        targets=(
            attrs.evolve(
                Target.at_least(number("62,5"), "%", strict=True, text="> 62,5%"),
                first_year=2024,
                year=2029,
            ),
        ),
        realised=(Measurement(unit="%", value=number("62,5"), year=2023, text="62,5%"),),
    )
    prioriteiten = "\n".join(
        (
            "- Uitvoeren motie M332. Parallel streamen in Topweer : Aanpassen audiovisuele"
            " installatie in zaal Topweer zodat meerdere informatiebijeenkomsten en vergaderingen"
            " tegelijkertijd kunnen worden georganiseerd.",
            "- Beschikbaar stellen live-ondertiteling Statenvergaderingen.",
        )
    )
    regulier = "\n".join(
        (
            "- Ontwikkelen en implementeren van de nieuwe mores, op basis van de evaluatie van de"
            " Statenwerkwijze in het najaar van 2025 en deze waar nodig verwerken in reglementen"
            " en protocollen;",
            "- Versterken van de informatiepositie van Provinciale Staten door de opwaardering van"
            " Praten met de Staten op locatie en een luistercampagne en door de verdergaande"
            " digitalisering van de informatievoorziening (inclusief experimenteerruimte voor"
            " inzet van AI);",
            "- Actief onderhouden en uitdragen van de gewenste bestuursstijl en omgangsvormen als"
            " onderdeel van het integriteitssysteem;",
            "- Intensiveren van de profilering van Provinciale Staten met het oog op het"
            " bevorderen van de opkomst bij de verkiezingen in maart 2027 (opstellen"
            " campagneplan).",
        )
    )
    deelprogramma_71 = Objective(
        code="7.1.",
        title="Provinciale Staten",
        indicators=(opkomst,),
        sections=(
            Section(
                heading="Beleidsdoel Provinciale Staten",
                text="Een toegankelijk en transparant democratisch besluitvormingsproces van"
                " Provinciale Staten",
            ),
            Section(heading="Prioriteiten", text=prioriteiten),
            Section(heading="Regulier", text=regulier),
            Section(
                heading="Bijdrage verbonden partij Noordelijke Rekenkamer aan beleidsdoel",
                text="- Bijdragen aan de controlerende rol van Provinciale Staten door het"
                " uitbrengen van onderzoeken over de doelmatigheid en effectiviteit van"
                " provinciaal beleid.",
            ),
        ),
    )
    deelprogramma_72 = Objective(
        code="7.2.",
        title="Overige bestuursorganen",
        sections=(
            Section(
                heading="Beleidsdoel Gedeputeerde Staten en commissaris van de Koning",
                text="Optimaliseren beleidsvorming door toepassing van de (fases binnen de)"
                " beleidscyclus",
            ),
        ),
    )
    programme = Programme(
        number=7,
        name="Openbaar bestuur",
        ambition=Ambition(
            text="Een daadkrachtig bestuur in samenspel met inwoners, instellingen andere overheden"
        ),
        objectives=(deelprogramma_71, deelprogramma_72),
    )
    return Budget(
        province="Groningen",
        year=2026,
        title="Begroting 2026, programma 7 Openbaar bestuur (uittreksel)",
        first_year=2023,
        last_year=2029,
        programmes=(programme,),
        levels=("programma", "deelprogramma"),
        complete=False,
        notes=(
            "Uittreksel, zie groningen.md: programma 7 en zijn doel uit de Jaarstukken 2023,"
            " deelprogramma's 7.1. en 7.2. met hun beleidsdoel, de BBV-indicator (Realisatie 2023"
            " en een streefwaarde binnen 2024-2029; de Landelijke waarde 57,5% heeft geen"
            " plaats) en de prestaties (Prioriteiten en Regulier) uit de Begroting 2026. De"
            " beleidsdoelen en prestaties zijn ongenummerd en staan als tekst bij hun"
            " deelprogramma; het tweede beleidsdoel van 7.2. is in de opgeslagen pagina afgebroken"
            " en ontbreekt. Een status en bedragen zijn in de opgeslagen pagina's niet gezien."
        ),
    )


SAMPLES = {
    "noord-holland": noord_holland,
    "zeeland": zeeland,
    "fryslan": fryslan,
    "overijssel": overijssel,
    "zuid-holland": zuid_holland,
    "utrecht": utrecht,
    "limburg": limburg,
    "noord-brabant": noord_brabant,
    "flevoland": flevoland,
    "groningen": groningen,
}
"""Each sample's file name (without `.json`) and the function that builds it."""


def main(argv: Sequence[str] | None = None) -> None:
    folder = _example.output_folder(__doc__ or "", argv, default=HERE)
    for name, build in SAMPLES.items():
        (folder / f"{name}.json").write_text(to_json(build()), encoding="utf-8")


if __name__ == "__main__":
    main()

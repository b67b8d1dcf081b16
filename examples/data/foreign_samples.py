"""Build the three sample foreign sheets that the mappings in examples/mappings/ read.

    python examples/data/foreign_samples.py [FOLDER]

writes meerjarig-overzicht-2017.xlsx, monitor-2018-2-kerntaak-7.xlsx and
grootboek-2017.xlsx (by default next to this script). The monitor figures are those
published in Monitor 2018-II of Overijssel, kerntaak 7; the Algemene uitkeringen row is
from Begroting 2017; every other figure is invented for the example.
"""

from __future__ import annotations

import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
import _example  # noqa: E402  (the examples' shared module lives one folder up)

YEARS = ["2015", "2016", "2017", "2018", "2019", "2020"]


def multi_year(path: Path) -> None:
    """The meerjarig overzicht of Begroting 2017: a title, a two-row header with "Begroting"
    merged over its years, sections, totals and a note under the table."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Meerjarig overzicht"
    sheet.append(["Meerjarig overzicht van baten en lasten (bedragen x € 1.000)"])
    sheet.append([])
    sheet.append(["Kerntaak", "Omschrijving", "Jaarrekening", "Begroting"])
    sheet.merge_cells("D3:H3")
    sheet.append([None, None, *YEARS])
    sheet.append(["Lasten"])
    sheet.append([7, "Kwaliteit openbaar bestuur", 17650, 18120, 18146, 17900, 17850, 17850])
    sheet.append(
        [
            "20",
            "Financiering en dekkingsmiddelen",
            "4.100",
            "5.000",
            "5.250",
            "5.250",
            "5.250",
            "5.250",
        ]
    )
    sheet.append(["Totaal lasten", None, 21750, 23120, 23396, 23150, 23100, 23100])
    sheet.append([])
    sheet.append(["Baten"])
    sheet.append(
        [
            "20",
            "Algemene uitkeringen",
            "85.906",
            "186.000",
            "195.589",
            "172.246",
            "172.472",
            "172.002",
        ]
    )
    sheet.append([7, "Kwaliteit openbaar bestuur", 30, 27, 27, "-", "n.v.t.", 0])
    sheet.append(["Totaal baten", None, 85936, 186027, 195616, 172246, 172472, 172002])
    sheet.append([])
    sheet.append(
        ["Bron: Begroting 2017. Alleen Algemene uitkeringen is gepubliceerd; de rest is verzonnen."]
    )
    for row in (3, 4):
        for cell in sheet[row]:
            cell.font = Font(bold=True)
    workbook.save(path)


MONITOR_ROWS = [
    ("Lasten BD 7.1", 815, 80, 895, 358, 537),
    ("Lasten BD 7.2", 1823, 58, 1881, 1070, 811),
    ("Lasten BD 7.3", 6537, 231, 6768, 5299, 1469),
    ("Personeelsgebonden kosten", 8971, 0, 8971, 0, 8971),
    ("Lasten", 18146, 369, 18515, 6727, 11788),
    ("Baten BD 7.2", 27, 0, 27, 30, -2),
]
"""Kerntaak 7 of Monitor 2018-II as published, x € 1.000."""


def monitor(path: Path) -> None:
    """Kerntaak 7 of Monitor 2018-II, x € 1.000, as published (27 − 30 = −2 included)."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Kerntaak 7"
    sheet.append(
        [
            "Omschrijving",
            "Primitief",
            "Doorgevoerde wijziging(en)",
            "Actuele begroting",
            "Gerealiseerd",
            "Ruimte",
        ]
    )
    for row in MONITOR_ROWS:
        sheet.append(list(row))
    sheet.append([])
    sheet.append(["Bedragen x € 1.000; afrondingsverschillen mogelijk."])
    workbook.save(path)


LEDGER = [
    ("7.2.3", "Kennisontwikkeling en -deling", 2017, "L", 125000.50),
    ("7.2.3", "Kennisontwikkeling en -deling", 2017, "L", 48250.25),
    ("7.2.3", "Kennisontwikkeling en -deling", 2017, "B", 1500.00),
    ("7.2.2", "Participatie", 2017, "L", "310.420,10"),
    ("7.1.1", "Goed openbaar bestuur", 2017, "L", 90000),
    ("7.1.1", "Goed openbaar bestuur", 2016, "L", 87999.99),
]
"""Invented bookings in euros."""

LEDGER_TOTAL = 663170.84
"""The export's "Totaal" line under the bookings: the sum of the Bedrag column."""


def ledger(path: Path) -> None:
    """A financial system's export: one booking per row, euros with cents (invented), and a
    "Totaal" line in the Omschrijving column."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Export"
    sheet.append(["Prestatie", "Omschrijving", "Boekjaar", "Soort", "Bedrag (EUR)"])
    for row in LEDGER:
        sheet.append(list(row))
    sheet.append([None, "Totaal", None, None, LEDGER_TOTAL])
    workbook.save(path)


SAMPLES = {
    "meerjarig-overzicht-2017.xlsx": (multi_year, "meerjarig-overzicht.toml"),
    "monitor-2018-2-kerntaak-7.xlsx": (monitor, "monitor.toml"),
    "grootboek-2017.xlsx": (ledger, "grootboek.toml"),
}
"""Each sample's file name, its builder, and the mapping in examples/mappings/ that reads it."""


def main(argv: list[str]) -> int:
    folder = _example.output_folder(__doc__, argv, default=HERE)
    for name, (build, _) in SAMPLES.items():
        build(folder / name)
        print(folder / name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

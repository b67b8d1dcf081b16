"""Build the real tables in this folder as Excel workbooks from their transcriptions.

    python examples/data/real/build.py [FOLDER]

Each `<name>.txt` holds one table as its province printed it on its web page (SOURCES.md gives
the address): one line per row, cells between ` | `, `\\n` for a line break inside a cell.
Lines starting with `# ` are settings: `# sheet: <name>` and `# merge: B2:D2` (a merged
cell, as a copied web table with a cell spanning columns gives it).

A cell becomes a number exactly where a copy into Excel (Dutch settings) makes one: a whole
number with optional thousands dots and minus sign, such as `-146.858.748`. Anything else
stays text as printed: `-`, `27%`, `7,5`, `< nulmeting` and the source's typos (`49.72`).
`<name>.xlsx` is written beside it, by default in this folder.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
_WHOLE = re.compile(r"-?[0-9]{1,3}(\.[0-9]{3})*|-?[0-9]+")


def cell_value(text: str) -> str | int | None:
    """A transcribed cell as Excel would hold it after a copy from the web page."""
    text = text.strip().replace("\\n", "\n")
    if not text:
        return None
    if _WHOLE.fullmatch(text):
        return int(text.replace(".", ""))
    return text


def build(source: Path, folder: Path) -> Path:
    """The workbook of one transcription, written to `folder`."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    merges = []
    row = 0
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            key, _, value = line[2:].partition(":")
            if key == "sheet":
                sheet.title = value.strip()
            elif key == "merge":
                merges.append(value.strip())
            continue
        row += 1
        if not line.strip():
            continue
        for column, text in enumerate(line.split(" | "), start=1):
            value = cell_value(text)
            if value is not None:
                cell = sheet.cell(row, column, value)
                if isinstance(value, int):
                    cell.number_format = "#,##0"
    for merged in merges:
        sheet.merge_cells(merged)
    target = folder / f"{source.stem}.xlsx"
    workbook.save(target)
    return target


def main(argv: list[str]) -> None:
    folder = Path(argv[1]) if len(argv) > 1 else HERE
    folder.mkdir(parents=True, exist_ok=True)
    for source in sorted(HERE.glob("*.txt")):
        print(build(source, folder))


if __name__ == "__main__":
    main(sys.argv)

"""Aligned plain-text tables for the terminal renderers of summary, diff and progress."""

from __future__ import annotations

from collections.abc import Sequence


def align(rows: Sequence[Sequence[str]], *, right: Sequence[bool], indent: str = "") -> list[str]:
    """The rows as lines with every column as wide as its widest cell.

    Cells of a column with `right[i]` True are right-aligned (amounts), the others left-aligned
    (labels); columns are two spaces apart, trailing spaces are dropped.

    >>> align([("Lasten", "2017"), ("Totaal", "1.234")], right=(False, True))
    ['Lasten   2017', 'Totaal  1.234']
    """
    if not rows:
        return []
    widths = [max(len(row[i]) for row in rows) for i in range(len(right))]
    lines = []
    for row in rows:
        cells = [
            cell.rjust(width) if is_right else cell.ljust(width)
            for cell, width, is_right in zip(row, widths, right, strict=True)
        ]
        lines.append((indent + "  ".join(cells)).rstrip())
    return lines


def one_line(text: str, width: int = 60) -> str:
    """The text on one line, shortened to `width` characters with "…" when longer.

    >>> one_line("Kennisontwikkeling\\nen -deling", 20)
    'Kennisontwikkeling …'
    """
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 2].rstrip() + " …"

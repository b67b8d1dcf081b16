"""Text as a workbook stores it in a cell.

Excel writes a character that XML cannot carry as it is (a carriage return, which XML
parsers turn into a line feed, or a control character) as an escape `_x000D_`, and a text
that itself looks like an escape with its underscore escaped (`_x005F_x000D_`). A cell
holds at most 32,767 characters; Excel cuts longer text when it opens the file.
"""

from __future__ import annotations

import re

MAX_CELL_TEXT = 32_767
"""The most characters a cell holds (Excel's limit)."""

_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_NEEDS_ESCAPE = re.compile(r"\r|_(?=x[0-9A-Fa-f]{4}_)")
"""A carriage return, and the underscore that starts an escape-like text (escaping only the
underscore keeps overlapping ones, `_x005F_x000D_`, apart)."""
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""Control characters a workbook cannot store: all but tab, line feed and carriage return."""


def escape(text: str) -> str:
    """`text` as a cell stores it, so that a carriage return and an escape-like text
    survive.

    >>> escape("regel\\r\\nregel _x000D_")
    'regel_x000D_\\nregel _x005F_x000D_'
    """
    if "\r" not in text and "_x" not in text:
        return text
    return _NEEDS_ESCAPE.sub(lambda m: "_x000D_" if m[0] == "\r" else "_x005F_", text)


def unescape(text: str) -> str:
    """The text a cell shows, with Excel's escapes undone.

    >>> unescape("regel_x000D_\\nregel _x005F_x000D_")
    'regel\\r\\nregel _x000D_'
    """
    if "_x" not in text:
        return text
    shown = _ESCAPE.sub(lambda m: chr(int(m[1], 16)), text)
    if _SURROGATE.search(shown):
        # Escaped UTF-16 halves: a pair is one character, a lone half is unreadable.
        shown = shown.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return shown


def text_problem(text: str) -> str | None:
    """What keeps `text` out of a cell, as `found: expected ...`, or None if it fits."""
    if len(text) > MAX_CELL_TEXT:
        return too_long(text, text)
    control = _CONTROL.search(text)
    if control is not None:
        return (
            f"text {_shorten(text)!r} holds the control character {control[0]!r}"
            f" (U+{ord(control[0]):04X}): expected printable text"
        )
    return None


def too_long(text: str, stored: str) -> str:
    """The problem of a text that, stored as `stored`, does not fit in a cell."""
    escaped = "" if stored == text else f" ({len(stored):,} with its escapes)"
    return (
        f"text of {len(text):,} characters{escaped}: expected at most {MAX_CELL_TEXT:,}"
        " characters (the most a cell holds)"
    )


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"

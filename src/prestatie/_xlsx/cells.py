"""The cells of a workbook's sheets, row by row, from openpyxl or python-calamine alike.

Each row comes as its cell values (a blank cell is None, a number is an int when whole, a
date is a datetime), with the formula of any formula cell that has no cached value: such a
cell is not blank, it was never computed. Neither engine reports those in one pass, so a
byte scan of the sheet's XML finds them (and the merged ranges) before the cells are read;
only a formula the scan cannot place (a shared or array formula lacking its value, or a cell
without a reference) makes the reader read the sheet's formulas with openpyxl as well.
"""

from __future__ import annotations

import datetime
import html
import itertools
import posixpath
import re
import zipfile
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Literal, cast

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring, iterparse
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string, range_boundaries

from prestatie._errors import Problem, Reason
from prestatie._language import N_
from prestatie._money import from_number_text
from prestatie._xlsx.safety import without_empty_rows

CellValue = str | int | float | Decimal | bool | datetime.datetime | datetime.date | None
"""What a cell holds, as the engines give it and the writer takes it."""

Engine = Literal["auto", "openpyxl", "calamine"]
ENGINES: tuple[str, ...] = ("auto", "openpyxl", "calamine")

Row = tuple[int, list[CellValue], Sequence[str | None]]
"""A row's number, its values, and per cell the formula of a formula lacking its value."""

_NO_FORMULAS: tuple[str | None, ...] = ()
_CHUNK = 1 << 20
_FORMULA_TAG = re.compile(rb"<((?:[A-Za-z0-9_]+:)?)f[\s>/]")
_CELL_REF = re.compile(rb'\sr="([A-Z]{1,3})([1-9][0-9]{0,6})"')
# Texts that the engines read differently: calamine decodes the `_x000D_` escapes, while
# openpyxl hands them over as is for the reader to undo exactly once, and calamine drops a
# text of only whitespace. A sheet holding either is read by openpyxl, so that both engines
# give the same values and no escape is undone twice.
_AMBIGUOUS_TEXT = re.compile(rb"_x[0-9A-Fa-f]{4}_|<(?:[A-Za-z0-9_]+:)?t(?:\s[^>]*)?>\s+</")
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def calamine_installed() -> bool:
    """Whether the optional fast reader (`prestatie[fast]`) is installed."""
    try:
        import python_calamine  # noqa: F401
    except ImportError:
        return False
    return True


def resolve_engine(engine: str) -> str:
    """The engine that `engine` names: "auto" is calamine when installed, else openpyxl.

    Raises ValueError for an unknown name and ImportError when calamine is asked for but
    not installed.
    """
    if engine not in ENGINES:
        choices = ", ".join(repr(name) for name in ENGINES)
        raise ValueError(f"engine: expected one of {choices}, got {engine!r}")
    if engine == "auto":
        return "calamine" if calamine_installed() else "openpyxl"
    if engine == "calamine" and not calamine_installed():
        raise ImportError(
            "engine 'calamine' needs python-calamine: install prestatie[fast] or use 'openpyxl'"
        )
    return engine


class Merges:
    """The merged ranges of a sheet: every cell of a range shows its top-left value.

    Rows arrive in order, so only the ranges that cover the current row are looked at.
    """

    def __init__(self, ranges: list[tuple[int, int, int, int]]) -> None:
        self._waiting = sorted(ranges, key=lambda bounds: bounds[1], reverse=True)
        self._active: list[tuple[int, int, int, int]] = []
        self._origins: dict[tuple[int, int], CellValue] = {}

    def __bool__(self) -> bool:
        return bool(self._waiting or self._active)

    def fill(self, row: int, values: list[CellValue]) -> list[CellValue]:
        while self._waiting and self._waiting[-1][1] <= row:
            self._active.append(self._waiting.pop())
        self._active = [bounds for bounds in self._active if bounds[3] >= row]
        for min_col, min_row, max_col, _ in self._active:
            if row == min_row:
                origin = values[min_col - 1] if min_col - 1 < len(values) else None
                self._origins[(min_row, min_col)] = origin
            value = self._origins.get((min_row, min_col))
            if len(values) < max_col:
                values.extend([None] * (max_col - len(values)))
            for column in range(min_col, max_col + 1):
                if (row, column) != (min_row, min_col):
                    values[column - 1] = value
        return values


class _Scan:
    """What one pass over a sheet's XML bytes finds."""

    def __init__(self) -> None:
        self.uncomputed: dict[tuple[int, int], str] | None = {}
        """(row, column) → formula of each formula cell without a cached value; None when
        some formula could not be placed."""
        self.has_merges = False
        self.ambiguous_text = False
        self.row_starts = self.numbered_rows = self.row_ends = 0
        self.empty_cell_rows = False

    @property
    def skip_empty_rows(self) -> bool:
        """Whether to read the sheet without its empty rows: where it has some, every row
        states its number (so the rest keep theirs) and no merged range could fill one."""
        has_empty = self.row_starts > self.row_ends or self.empty_cell_rows
        return has_empty and self.numbered_rows == self.row_starts and not self.has_merges

    def count_rows(self, text: bytes) -> None:
        self.row_starts += text.count(b"<row ") + text.count(b"<row>") + text.count(b"<row/>")
        self.numbered_rows += text.count(b'<row r="')
        self.row_ends += text.count(b"</row>")
        self.empty_cell_rows = self.empty_cell_rows or b'"/></row>' in text


def _scan_part(source: IO[bytes]) -> _Scan:
    scan = _Scan()
    carry = b""
    while True:
        chunk = source.read(_CHUNK)
        text = carry + chunk
        if not chunk:
            _formulas(text, len(text), scan)
            scan.count_rows(text)
            return scan
        scan.has_merges = scan.has_merges or b"mergeCell" in text
        scan.ambiguous_text = scan.ambiguous_text or _AMBIGUOUS_TEXT.search(text) is not None
        # Cells end before the last cell's start; the rest waits for the next chunk.
        cut = text.rfind(b"<c ")
        prefixed = text.rfind(b":c ")
        if prefixed > cut:
            cut = text.rfind(b"<", 0, prefixed)
        if cut <= 0:
            cut = text.rfind(b"<", max(0, len(text) - 256))
        if cut <= 0:
            cut = max(0, len(text) - 64)
        if scan.uncomputed is not None:
            _formulas(text, cut, scan)
        scan.count_rows(text[:cut])
        carry = text[cut:]


def _formulas(text: bytes, cut: int, scan: _Scan) -> None:
    """Record the formula cells starting before `cut` that lack a cached value."""
    for match in _FORMULA_TAG.finditer(text, 0, cut):
        if scan.uncomputed is None:
            return
        found = _formula_cell(text, match)
        if found is None:
            scan.uncomputed = None
        elif found[2] is not None:
            scan.uncomputed[(found[0], found[1])] = found[2]


def _formula_cell(text: bytes, match: re.Match[bytes]) -> tuple[int, int, str | None] | None:
    """The row, column and (when it has no cached value) formula of the cell holding the
    formula tag `match`; None when that cannot be told from the bytes."""
    prefix = match.group(1)
    start = text.rfind(b"<" + prefix + b"c ", 0, match.start())
    close = b"</" + prefix + b"c>"
    if start < 0 or text.find(close, start, match.start()) >= 0:
        return None
    tag_end = text.find(b">", start, match.start())
    end = text.find(close, match.end())
    reference = _CELL_REF.search(text, start, tag_end)
    if tag_end < 0 or text[tag_end - 1 : tag_end] == b"/" or end < 0 or reference is None:
        return None
    row = int(reference.group(2))
    column = column_index_from_string(reference.group(1).decode("ascii"))
    body = text[match.start() : end]
    value = re.search(rb"<" + prefix + rb"v(?:\s[^>]*)?>(.+?)</" + prefix + rb"v>", body, re.S)
    if value is not None or b"<" + prefix + b"is>" in body:
        return row, column, None
    formula = re.match(
        rb"<" + prefix + rb"f(\s[^>]*)?(?:/>|>(.*?)</" + prefix + rb"f>)", body, re.S
    )
    if formula is None or b"t=" in (formula.group(1) or b""):
        return None  # shared and array formulas are spelled out by openpyxl
    try:
        spelled = html.unescape((formula.group(2) or b"").decode("utf-8"))
    except UnicodeDecodeError:
        return None
    return row, column, "=" + spelled


def _merged_ranges(source: IO[bytes]) -> list[tuple[int, int, int, int]]:
    ranges = []
    for _, element in iterparse(source):
        if element.tag.endswith("}mergeCell") and element.get("ref"):
            bounds = range_boundaries(element.get("ref"))
            if None not in bounds:
                ranges.append(cast(tuple[int, int, int, int], bounds))
        element.clear()
    return ranges


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → the zip part of its XML, from the workbook and its relationships."""
    workbook = fromstring(archive.read("xl/workbook.xml"))
    try:
        relations = fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except KeyError:
        return {}
    targets = {
        item.get("Id"): item.get("Target", "")
        for item in relations
        if item.tag.endswith("}Relationship")
    }
    parts: dict[str, str] = {}
    for element in workbook.iter():
        if not element.tag.endswith("}sheet"):
            continue
        name = element.get("name")
        target = targets.get(element.get(f"{{{_RELATIONSHIPS}}}id"))
        if name is None or not target:
            continue
        part = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
        parts[name] = posixpath.normpath(part)
    return parts


class Cells:
    """The sheets of one workbook, read by one engine; close it when done."""

    def __init__(self, path: Path, engine: str) -> None:
        self.path = path
        self.engine = resolve_engine(engine)
        self._archive = zipfile.ZipFile(path)
        self._parts = sheet_parts(self._archive)
        self._openpyxl: Any = None
        self._formulas: Any = None
        self._calamine: Any = None
        self._shared_ambiguous = False
        self.problems: list[Problem] = []
        """The cells that openpyxl cannot read at all."""
        if self.engine == "calamine":
            from python_calamine import CalamineWorkbook

            self._calamine = CalamineWorkbook.from_path(str(path))
            self.sheetnames: list[str] = list(self._calamine.sheet_names)
            if "xl/sharedStrings.xml" in self._archive.namelist():
                with self._archive.open("xl/sharedStrings.xml") as source:
                    self._shared_ambiguous = _scan_part(source).ambiguous_text
        else:
            self.sheetnames = list(self._open_openpyxl().sheetnames)

    def _open_openpyxl(self) -> Any:
        if self._openpyxl is None:
            self._openpyxl = load_workbook(self.path, read_only=True, data_only=True)
        return self._openpyxl

    def close(self) -> None:
        for workbook in (self._openpyxl, self._formulas, self._calamine):
            if workbook is not None:
                workbook.close()
        self._archive.close()

    def rows(self, name: str) -> Iterator[Row]:
        """Each row of sheet `name`, numbered from 1, merged cells filled in."""
        part = self._parts.get(name)
        if part is None or part not in self._archive.namelist():
            scan = _Scan()
            scan.uncomputed = None
        else:
            with self._archive.open(part) as source:
                scan = _scan_part(source)
        merges = Merges([])
        if scan.has_merges and part is not None:
            with self._archive.open(part) as source:
                merges = Merges(_merged_ranges(source))
        by_calamine = self._calamine is not None and not (
            self._shared_ambiguous or scan.ambiguous_text or scan.uncomputed is None
        )
        if scan.uncomputed is None:
            return self._rows_with_formulas(name, merges, scan.skip_empty_rows)
        return self._rows(name, by_calamine, scan.uncomputed, merges, scan.skip_empty_rows)

    def _values(self, name: str, by_calamine: bool, skip: bool) -> Iterator[list[CellValue]]:
        if by_calamine:
            sheet = self._calamine.get_sheet_by_name(name)
            for values in sheet.to_python(skip_empty_area=False):
                yield [_from_calamine(value) for value in values]
            return
        worksheet = _prepared(self._open_openpyxl()[name], skip)
        number = 0
        try:
            for values in worksheet.iter_rows(values_only=True):
                number += 1
                yield list(values)
        except ValueError as error:
            # openpyxl cannot convert a number cell holding `NaN` or `INF`; the sheet ends.
            if isinstance(error, DefusedXmlException) or isinstance(error.__cause__, ParseError):
                raise
            self._unreadable(name, number + 1, error)

    def _unreadable(self, name: str, row: int, error: ValueError) -> None:
        """Record the number cells of a sheet that hold no number, or else the row where
        reading the sheet failed."""
        found = []
        with self._archive.open(self._parts[name]) as source:
            for _, element in iterparse(source):
                if element.tag.endswith("}c") and element.get("t", "n") == "n":
                    value = next((c.text for c in element if c.tag.endswith("}v")), None)
                    if value and from_number_text(value) is None:
                        found.append(
                            Problem.of(
                                f"{name}!{element.get('r')}",
                                "number-cell-not-finite",
                                N_("the number cell holds {value!r}: expected a finite number"),
                                value=value[:40],
                            )
                        )
                if element.tag.endswith("}row"):
                    element.clear()
        self.problems.extend(
            found
            or [
                Problem.of(
                    f"{name}!A{row}",
                    "sheet-damaged",
                    N_(
                        "the sheet cannot be read from this row on ({error}): expected an intact"
                        " .xlsx file"
                    ),
                    error=error,
                )
            ]
        )

    def _rows(
        self,
        name: str,
        by_calamine: bool,
        uncomputed: dict[tuple[int, int], str],
        merges: Merges,
        skip: bool,
    ) -> Iterator[Row]:
        by_row: dict[int, list[tuple[int, str]]] = {}
        for (row, column), formula in uncomputed.items():
            by_row.setdefault(row, []).append((column, formula))
        for number, values in enumerate(self._values(name, by_calamine, skip), start=1):
            if merges:
                values = merges.fill(number, values)
            missing: Sequence[str | None] = _NO_FORMULAS
            if number in by_row:
                flags: list[str | None] = [None] * len(values)
                for column, formula in by_row[number]:
                    if column <= len(values) and values[column - 1] is None:
                        flags[column - 1] = formula
                missing = flags
            yield number, values, missing

    def _rows_with_formulas(self, name: str, merges: Merges, skip: bool) -> Iterator[Row]:
        """The rows, with openpyxl reading the sheet's formulas in step."""
        if self._formulas is None:
            self._formulas = load_workbook(self.path, read_only=True, data_only=False)
        formula_rows: Iterator[Any] = itertools.repeat(())
        if name in self._formulas.sheetnames:
            formula_rows = _prepared(self._formulas[name], skip).iter_rows()
        for number, (values, formula_row) in enumerate(
            zip(self._values(name, False, skip), formula_rows, strict=False), start=1
        ):
            if merges:
                values = merges.fill(number, values)
            missing: list[str | None] = [None] * len(values)
            for index, cell in enumerate(formula_row):
                is_formula = getattr(cell, "data_type", None) == "f"
                if is_formula and index < len(values) and values[index] is None:
                    missing[index] = str(cell.value)
            yield number, values, missing


def _prepared(worksheet: Any, skip_empty_rows: bool) -> Any:
    """An openpyxl sheet to read row by row whatever size it claims, and, when
    `skip_empty_rows`, from XML without its empty rows (the rows openpyxl then yields
    for the gaps keep the others' numbers)."""
    worksheet.reset_dimensions()
    if skip_empty_rows and not getattr(worksheet, "_skips_empty_rows", False):
        opener = worksheet._get_source
        worksheet._get_source = lambda: without_empty_rows(opener())
        worksheet._skips_empty_rows = True
    return worksheet


_MIDNIGHT = datetime.time()
_EXACT = 2.0**53


def _from_calamine(value: Any) -> CellValue:
    """A calamine value as openpyxl gives it: blank is None, a whole number an int, a date
    a datetime."""
    kind = type(value)
    if kind is str:
        return value if value else None
    if kind is float:
        return int(value) if value.is_integer() and abs(value) < _EXACT else value
    if kind is datetime.date:
        return datetime.datetime.combine(value, _MIDNIGHT)
    return cast(CellValue, value)


# -- text as a cell stores it -----------------------------------------------------------
#
# Text as a workbook stores it in a cell.
#
# Excel writes a character that XML cannot carry as it is (a carriage return, which XML
# parsers turn into a line feed, or a control character) as an escape `_x000D_`, and a text
# that itself looks like an escape with its underscore escaped (`_x005F_x000D_`). A cell
# holds at most 32,767 characters; Excel cuts longer text when it opens the file.

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


def text_problem(text: str) -> Reason | None:
    """What keeps `text` out of a cell, as `found: expected ...`, or None if it fits."""
    if len(text) > MAX_CELL_TEXT:
        return too_long(text, text)
    control = _CONTROL.search(text)
    if control is not None:
        return Reason(
            N_(
                "text {text!r} holds the control character {character!r} (U+{point}):"
                " expected printable text"
            ),
            {"text": _shorten(text), "character": control[0], "point": f"{ord(control[0]):04X}"},
        )
    return None


def too_long(text: str, stored: str) -> Reason:
    """The problem of a text that, stored as `stored`, does not fit in a cell."""
    params: dict[str, object] = {"length": f"{len(text):,}", "most": f"{MAX_CELL_TEXT:,}"}
    if stored == text:
        template = N_(
            "text of {length} characters: expected at most {most} characters (the most a cell"
            " holds)"
        )
    else:
        params["stored"] = f"{len(stored):,}"
        template = N_(
            "text of {length} characters ({stored} with its escapes): expected at most {most}"
            " characters (the most a cell holds)"
        )
    return Reason(template, params)


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"

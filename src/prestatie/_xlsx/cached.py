"""Cached values for the formulas of a written workbook.

openpyxl writes a formula without its value, so a reader without a calculation engine
(pandas, python-calamine, openpyxl with `data_only=True`, Power Query) sees an empty cell
where a total belongs. `cache_formula_values` computes each formula of a written .xlsx from
the cells it refers to, as a spreadsheet would, and stores the result beside the formula.
Excel and LibreOffice still recompute every formula on opening (the workbook asks them to).

It computes the formulas prestatie writes: numbers, texts, cell and range references (also
to other sheets), `+`, `-`, `SUM` and `SUMIFS` with plain criteria. A formula outside that
set is left without a value and named in the result, so that a test notices it.
"""

from __future__ import annotations

import html
import os
import posixpath
import re
import zipfile
from collections.abc import Iterable, Iterator
from decimal import Decimal
from itertools import compress
from pathlib import Path
from typing import Any

from defusedxml.ElementTree import fromstring
from openpyxl.utils import column_index_from_string, get_column_letter

from prestatie._money import ZERO, from_number_text, total

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATIONSHIP = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PACKAGE = "{http://schemas.openxmlformats.org/package/2006/relationships}"

Value = Decimal | str | bool | None
_Range = tuple[str, int, int, int, int]  # sheet, first row, first column, last row, last column

_TOKEN = re.compile(
    r"""\s*(?:
      (?P<string>"(?:[^"]|"")*")
    | (?P<ref>(?:(?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?
              \$?[A-Z]{1,3}\$?[0-9]+(?::\$?[A-Z]{1,3}\$?[0-9]+)?)(?![\w(])
    | (?P<number>[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)
    | (?P<name>[A-Z][A-Z0-9.]*)(?=\()
    | (?P<op>[-+(),])
    )""",
    re.VERBOSE,
)
_CELL = re.compile(r"\$?([A-Z]{1,3})\$?([0-9]+)")
_FORMULA = re.compile(rb"<f(?:\s[^>]*)?>([^<]*)</f>")
_TYPE = re.compile(rb'\bt="(\w+)"')
_VALUE = re.compile(rb"<v>([^<]*)</v>")
_TEXT = re.compile(rb"<t(?:\s[^>]*)?>([^<]*)</t>")
_FORMULA_CELL = re.compile(
    rb'(<c\b[^>]*?\br="([A-Z]{1,3}[0-9]+)"[^>]*>)(<f(?:\s[^>]*)?>[^<]*</f>)<v\s*(?:/>|></v>)'
)


class _Unsupported(Exception):
    """A formula, or a value in it, that this module does not compute."""


def _cell_address(text: str) -> tuple[int, int]:
    match = _CELL.fullmatch(text)
    if match is None:
        raise _Unsupported(text)
    return int(match[2]), column_index_from_string(match[1])


class _Sheet:
    """The formulas of one worksheet, and the values of its columns as formulas need them.

    Cells are found by a pattern rather than an XML parser: this module reads only files that
    openpyxl has just written, and a parser takes four times as long on a large sheet. Only
    the columns a formula refers to are read, one at a time, so that a sheet of a hundred
    thousand amounts costs a few of its columns in memory. A cell the pattern does not place
    makes its column unreadable, never a wrong total.
    """

    def __init__(self, data: bytes, shared: list[str]) -> None:
        self.data = data
        self.shared = shared
        self.formulas: dict[tuple[int, int], str] = {}
        for match in _FORMULA_CELL.finditer(data):
            row, column = _cell_address(match[2].decode())
            formula = _FORMULA.match(match[3])
            assert formula is not None  # _FORMULA_CELL matched it
            self.formulas[row, column] = html.unescape(formula[1].decode())
        self.columns: dict[int, list[Value | bytes]] = {}

    def column(self, column: int) -> list[Value | bytes]:
        """The values of one column, indexed by row (formula cells are None); a number is
        kept as its text until it is used, at a third of the memory."""
        if column not in self.columns:
            letters = get_column_letter(column).encode()
            cells = re.compile(
                rb'<c r="' + letters + rb'([0-9]+)"([^>]*?)(?:/>|>(.*?)</c>)', re.DOTALL
            )
            values: list[Value | bytes] = []
            count = 0
            for match in cells.finditer(self.data):
                count += 1
                row, attributes, content = match.groups()
                if content and not content.startswith(b"<f"):
                    index = int(row)
                    values.extend([None] * (index + 1 - len(values)))
                    values[index] = _cell_value(attributes, content, self.shared)
            placed = re.finditer(rb'<c\b[^>]*\br="' + letters + rb'[0-9]+"', self.data)
            if count != sum(1 for _ in placed):
                raise _Unsupported(f"cells of column {letters.decode()} it cannot read")
            self.columns[column] = values
        return self.columns[column]

    def cell(self, row: int, column: int) -> Value:
        values = self.column(column)
        return _decoded(values[row]) if row < len(values) else None


_NUMBERS = (Decimal, bytes)


def _exact(text: str) -> Decimal:
    """The number a cell's XML or a formula states, as a spreadsheet shows it
    (`from_number_text`). This writer wrote it, so it is a number."""
    number = from_number_text(text)
    if number is None:
        raise ValueError(f"not a finite number: {text!r}")
    return number


def _decoded(value: Value | bytes) -> Value:
    return _exact(value.decode()) if isinstance(value, bytes) else value


def _cell_value(attributes: bytes, content: bytes, shared: list[str]) -> Value | bytes:
    kind = _TYPE.search(attributes)
    kind_name = kind[1] if kind else b"n"
    if kind_name == b"inlineStr":
        return html.unescape(b"".join(_TEXT.findall(content)).decode())
    value = _VALUE.search(content)
    if value is None:
        return None
    if kind_name == b"n":
        return value[1]  # read when it is added: a bad number leaves that formula uncached
    text = html.unescape(value[1].decode())
    if kind_name == b"s":
        return shared[int(text)]
    if kind_name == b"str":
        return text
    if kind_name == b"b":
        return text == "1"
    raise _Unsupported(f"a cell of type {kind_name.decode()}")


class _Workbook:
    """A workbook's sheets, read when a formula needs them, and its computed formulas."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.parts = _sheet_parts(archive)
        self.shared = _shared_strings(archive)
        self.sheets: dict[str, _Sheet] = {}
        self.computed: dict[tuple[str, int, int], Decimal] = {}
        self.busy: set[tuple[str, int, int]] = set()
        self.masks: dict[tuple[tuple[Any, Any], ...], list[bool]] = {}

    def sheet(self, name: str, data: bytes | None = None) -> _Sheet:
        """The sheet `name`; `data`, when given, is its part as already read."""
        if name not in self.sheets:
            if name not in self.parts:
                raise _Unsupported(f"no sheet {name!r}")
            if data is None:
                data = self.archive.read(self.parts[name])
            self.sheets[name] = _Sheet(data, self.shared)
        return self.sheets[name]

    def value(self, sheet: str, row: int, column: int) -> Value:
        """A cell's value; a formula's computed one (a spreadsheet shows 0 for an empty
        reference)."""
        cells = self.sheet(sheet)
        if (row, column) not in cells.formulas:
            return cells.cell(row, column)
        key = (sheet, row, column)
        if key not in self.computed:
            if key in self.busy:
                raise _Unsupported("a circular reference")
            self.busy.add(key)
            try:
                self.computed[key] = _number(
                    _Formula(self, sheet, cells.formulas[row, column]).run()
                )
            finally:
                self.busy.discard(key)
        return self.computed[key]

    def range_values(self, where: _Range) -> list[Value | bytes]:
        """The values of a range, row by row; numbers that are not computed stay text."""
        sheet, top, left, bottom, right = where
        cells = self.sheet(sheet)
        if any(top <= r <= bottom and left <= c <= right for r, c in cells.formulas):
            return [
                self.value(sheet, r, c)
                for r in range(top, bottom + 1)
                for c in range(left, right + 1)
            ]
        columns = []
        for c in range(left, right + 1):
            values = cells.column(c)[top : bottom + 1]
            columns.append(values + [None] * (bottom + 1 - top - len(values)))
        if len(columns) == 1:
            return columns[0]
        return [value for row in zip(*columns, strict=True) for value in row]


def _number(value: Any) -> Decimal:
    if value is None:
        return ZERO
    if isinstance(value, Decimal):
        return value
    raise _Unsupported(f"not a number: {value!r}")


class _Formula:
    """One formula, parsed and computed in one descent."""

    def __init__(self, workbook: _Workbook, sheet: str, text: str) -> None:
        self.workbook = workbook
        self.sheet = sheet
        self.tokens = list(self._tokens(text.removeprefix("=")))
        self.at = 0

    @staticmethod
    def _tokens(text: str) -> Iterator[tuple[str, str]]:
        at = 0
        while at < len(text.rstrip()):
            match = _TOKEN.match(text, at)
            if match is None or match.lastgroup is None:
                raise _Unsupported(text)
            yield match.lastgroup, match[match.lastgroup]
            at = match.end()

    def run(self) -> Any:
        result = self.expression()
        if self.at != len(self.tokens):
            raise _Unsupported("text after the formula")
        return self.scalar(result)

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self, text: str | None = None) -> tuple[str, str]:
        token = self.peek()
        if token is None or (text is not None and token[1] != text):
            raise _Unsupported(f"expected {text or 'more'}")
        self.at += 1
        return token

    def expression(self) -> Any:
        result = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            _, sign = self.take()
            right = _number(self.scalar(self.term()))
            left = _number(self.scalar(result))
            result = total([left, right if sign == "+" else right.copy_negate()])
        return result

    def term(self) -> Any:
        kind, text = self.take()
        if kind == "op" and text == "-":
            return _number(self.scalar(self.term())).copy_negate()
        if kind == "op" and text == "(":
            result = self.expression()
            self.take(")")
            return result
        if kind == "number":
            return _exact(text)
        if kind == "string":
            return text[1:-1].replace('""', '"')
        if kind == "ref":
            return self.reference(text)
        if kind == "name":
            return self.call(text)
        raise _Unsupported(text)

    def reference(self, text: str) -> _Range:
        sheet = self.sheet
        if "!" in text:
            prefix, text = text.rsplit("!", 1)
            sheet = prefix[1:-1].replace("''", "'") if prefix.startswith("'") else prefix
        first, _, last = text.partition(":")
        top, left = _cell_address(first)
        bottom, right = _cell_address(last) if last else (top, left)
        return (sheet, min(top, bottom), min(left, right), max(top, bottom), max(left, right))

    def scalar(self, value: Any) -> Value:
        if isinstance(value, tuple):
            sheet, top, left, bottom, right = value
            if (top, left) != (bottom, right):
                raise _Unsupported("a range where one value belongs")
            return self.workbook.value(sheet, top, left)
        return value  # type: ignore[no-any-return]

    def arguments(self) -> list[Any]:
        self.take("(")
        found = []
        if self.peek() != ("op", ")"):
            found.append(self.expression())
            while self.peek() == ("op", ","):
                self.take(",")
                found.append(self.expression())
        self.take(")")
        return found

    def call(self, name: str) -> Decimal:
        arguments = self.arguments()
        if name == "SUM":
            return total(self.numbers(argument) for argument in arguments)
        if name == "SUMIFS" and len(arguments) % 2 == 1 and len(arguments) >= 3:
            return self.sumifs(arguments[0], arguments[1:])
        raise _Unsupported(f"the function {name}")

    def numbers(self, argument: Any) -> Decimal:
        """SUM's view of an argument: the numbers in a range (texts and blanks skipped)."""
        if isinstance(argument, tuple):
            values = self.workbook.range_values(argument)
            return _sum_numbers(values)
        return _number(argument)

    def sumifs(self, total: Any, criteria: list[Any]) -> Decimal:
        if not isinstance(total, tuple):
            raise _Unsupported("SUMIFS without a range to add")
        values = self.workbook.range_values(total)
        pairs = tuple(zip(criteria[::2], criteria[1::2], strict=True))
        keep = self.workbook.masks.get(pairs)
        if keep is None:
            keep = [True] * len(values)
            for where, wanted in pairs:
                if not isinstance(where, tuple):
                    raise _Unsupported("SUMIFS without a range to compare")
                tested = self.workbook.range_values(where)
                if len(tested) != len(values):
                    raise _Unsupported("SUMIFS ranges of different sizes")
                matches = _criterion(wanted)
                keep = [k and matches(v) for k, v in zip(keep, tested, strict=True)]
            self.workbook.masks[pairs] = keep
        if len(keep) != len(values):
            raise _Unsupported("SUMIFS ranges of different sizes")
        return _sum_numbers(compress(values, keep))


def _sum_numbers(values: Iterable[Value | bytes]) -> Decimal:
    """The exact sum of the numbers among `values`, as SUM adds a range: texts and blanks
    skipped."""
    return total(
        _exact(value.decode()) if isinstance(value, bytes) else value
        for value in values
        if isinstance(value, bytes | Decimal)
    )


def _criterion(wanted: Any) -> Any:
    """A SUMIFS criterion as a test: a plain text matches a cell with that text, ignoring
    case, as spreadsheets do; a number matches that number."""
    if isinstance(wanted, Decimal):
        return lambda value: isinstance(value, _NUMBERS) and _decoded(value) == wanted
    if (
        not isinstance(wanted, str)
        or not wanted
        or wanted[0] in "<>="
        or any(c in wanted for c in "*?~")
    ):
        raise _Unsupported(f"the criterion {wanted!r}")
    folded = wanted.casefold()
    return lambda value: isinstance(value, str) and value.casefold() == folded


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each sheet's name and the part of the archive that holds it."""
    workbook = fromstring(archive.read("xl/workbook.xml"))
    relations = fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {
        relation.get("Id"): relation.get("Target", "")
        for relation in relations.iter(f"{_PACKAGE}Relationship")
    }
    parts = {}
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(_RELATIONSHIP), "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
        parts[sheet.get("name", "")] = posixpath.normpath(part)
    return parts


def _shared_strings(archive: zipfile.ZipFile) -> list[str]:
    if "xl/sharedStrings.xml" not in archive.namelist():
        return []
    root = fromstring(archive.read("xl/sharedStrings.xml"))
    return [
        "".join(t.text or "" for t in item.iter(f"{_MAIN}t")) for item in root.iter(f"{_MAIN}si")
    ]


def _shown(value: Decimal) -> bytes:
    """A number as a cell's value: 130770, 1234.5."""
    if value == value.to_integral_value():
        return str(int(value)).encode()
    return format(value.normalize(), "f").encode()


def cache_formula_values(path: str | Path) -> list[str]:
    """Store each formula's computed value in the .xlsx file at `path`, in place.

    Returns the places (`Sheet!A1`) of the formulas it could not compute; those keep no
    value, and a spreadsheet computes them on opening as before.
    """
    uncomputed: list[str] = []
    target = Path(path)
    rewritten = target.with_name(f".{target.name}.cached")
    try:
        with (
            zipfile.ZipFile(target) as archive,
            zipfile.ZipFile(rewritten, "w", zipfile.ZIP_DEFLATED) as out,
        ):
            workbook = _Workbook(archive)
            names = {part: name for name, part in workbook.parts.items()}
            for info in archive.infolist():
                data = archive.read(info)
                name = names.get(info.filename)
                if name is None or b"<f" not in data:
                    out.writestr(info, data)
                    continue
                workbook.sheet(name, data)
                with out.open(info, "w") as stream:  # in pieces: a sheet can be large
                    start = 0
                    for match in _FORMULA_CELL.finditer(data):
                        stream.write(data[start : match.start()])
                        stream.write(_filled(workbook, name, match, uncomputed))
                        start = match.end()
                    stream.write(data[start:])
        os.replace(rewritten, target)
    finally:
        rewritten.unlink(missing_ok=True)
    return uncomputed


def _filled(workbook: _Workbook, name: str, match: re.Match[bytes], uncomputed: list[str]) -> bytes:
    """A formula cell of sheet `name` with its computed value."""
    row, column = _cell_address(match[2].decode())
    try:
        value = workbook.value(name, row, column)
    except (_Unsupported, ArithmeticError):
        uncomputed.append(f"{name}!{match[2].decode()}")
        return match[0]
    assert isinstance(value, Decimal)
    return match[1] + match[3] + b"<v>" + _shown(value) + b"</v>"

"""A corpus of hostile workbooks, each made by code: broken or unsupported files, attacks on
the XML and zip parts, bad cell contents and bad structure.

Each builder writes one file into a folder and returns it with the problems a reader must
report: `(where, part of the message)`, where `where` is a cell (`Lasten en baten!F5`) or
the file itself. A case with no problems is a valid budget that must read back unchanged,
however the file tries to make reading expensive.
"""

from __future__ import annotations

import datetime
import re
import struct
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook

from prestatie import write_workbook
from workbook_edit import column_of, edit, find_row
from workbook_examples import monitor_budget

WHOLE_FILE = ""
"""The `where` of a problem of the file as a whole: the file's own path."""

AMOUNT_HEADER = "2018 (x € 1.000)"
LASTEN = "Lasten en baten"
MEBIBYTE = 1024 * 1024


@dataclass(frozen=True)
class Hostile:
    """A hostile file and what reading it must report (nothing: it reads as the budget)."""

    path: Path
    problems: tuple[tuple[str, str], ...] = ()
    by_engine: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    """The problems an engine reports instead (a lenient parser reads further)."""

    def expected(self, engine: str) -> tuple[tuple[str, str], ...]:
        return self.by_engine.get(engine, self.problems)


Builder = Callable[[Path], Hostile]
CASES: dict[str, Builder] = {}


def case(builder: Builder) -> Builder:
    CASES[builder.__name__] = builder
    return builder


# -- helpers -----------------------------------------------------------------------------


def valid_workbook(folder: Path, name: str = "begroting.xlsx") -> Path:
    """The monitor budget written as a workbook."""
    path = folder / name
    write_workbook(monitor_budget(), path)
    return path


def sheet_part(path: Path, sheet: str) -> str:
    """The zip member holding a sheet's XML."""
    workbook = load_workbook(path, read_only=True)
    try:
        return str(workbook[sheet]._worksheet_path)  # type: ignore[attr-defined]
    finally:
        workbook.close()


def rewrite(source: Path, target: Path, change: dict[str, bytes]) -> None:
    """Copy a zip archive, replacing the members named in `change`."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = change.get(info.filename)
            new.writestr(info, old.read(info.filename) if data is None else data)


def replace_cell(path: Path, sheet: str, cell: str, xml: bytes) -> None:
    """Replace one cell's XML in a sheet (the cell must exist), in place."""
    part = sheet_part(path, sheet)
    with zipfile.ZipFile(path) as archive:
        text = archive.read(part)
    pattern = re.compile(rb'<c r="' + cell.encode() + rb'"(?:[^>]*/>|[^>]*>.*?</c>)', re.S)
    changed, count = pattern.subn(lambda _: xml, text, count=1)
    assert count == 1, cell
    copy = path.with_suffix(".tmp")
    rewrite(path, copy, {part: changed})
    copy.replace(path)


def inline_text(cell: str, escaped: str) -> bytes:
    """An inline-string cell whose XML text is `escaped` as given."""
    return f'<c r="{cell}" t="inlineStr"><is><t>{escaped}</t></is></c>'.encode()


def amount_cell(path: Path, code: str = "7.2.3", column: str = "primitief") -> tuple[int, str]:
    """The row and the 2018 cell of the lasten amount of `code` in budget column `column`."""
    sheet = load_workbook(path, read_only=True)[LASTEN]
    rows = list(sheet.iter_rows(values_only=True))
    headers = list(rows[0])
    letter = chr(ord("A") + headers.index(AMOUNT_HEADER))
    for number, row in enumerate(rows[1:], start=2):
        if row[1] == code and row[2] == "lasten" and row[3] == column:
            return number, f"{letter}{number}"
    raise LookupError(code)


def compound_file(streams: dict[str, bytes]) -> bytes:
    """An OLE2 compound file (CFB, version 3) holding `streams` at its root.

    Each stream is padded to 4,096 bytes so that it lives in regular sectors and no mini
    stream is needed; one FAT sector and one directory sector suffice for a few streams.
    """
    sector = 512
    free, end, fat_sector = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    assert len(streams) <= 3
    # Siblings are ordered by name length, then by upper-cased name.
    names = sorted(streams, key=lambda name: (len(name), name.upper()))
    data = [streams[name].ljust(4096, b"\0") for name in names]
    assert all(len(item) == 4096 for item in data)
    fat = [fat_sector, end]
    starts = []
    for item in data:
        count = len(item) // sector
        starts.append(len(fat))
        fat.extend(range(len(fat) + 1, len(fat) + count))
        fat.append(end)
    assert len(fat) <= sector // 4
    fat_bytes = struct.pack(f"<{sector // 4}I", *fat, *[free] * (sector // 4 - len(fat)))

    def entry(name: str, kind: int, right: int, child: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return (
            encoded.ljust(64, b"\0")
            + struct.pack("<HBBIII", len(encoded), kind, 1, free, right, child)
            + b"\0" * 16
            + struct.pack("<IQQIQ", 0, 0, 0, start, size)
        )

    entries = [entry("Root Entry", 5, free, 1 if names else free, end, 0)]
    for index, name in enumerate(names, start=1):
        right = index + 1 if index < len(names) else free
        entries.append(entry(name, 2, right, free, starts[index - 1], len(streams[name])))
    directory = b"".join(entries).ljust(sector, b"\0")
    header = (
        bytes.fromhex("D0CF11E0A1B11AE1")
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
        + struct.pack("<109I", 0, *[free] * 108)
    )
    assert len(header) == sector
    return header + fat_bytes + directory + b"".join(data)


# -- broken or unsupported files ------------------------------------------------------------


@case
def empty_file(folder: Path) -> Hostile:
    path = folder / "leeg.xlsx"
    path.write_bytes(b"")
    return Hostile(path, ((WHOLE_FILE, "the file is empty"),))


@case
def not_a_zip(folder: Path) -> Hostile:
    path = folder / "tekst.xlsx"
    path.write_text("Provincie;Jaar\nOverijssel;2018\n", encoding="utf-8")
    return Hostile(path, ((WHOLE_FILE, "not an Excel workbook"),))


@case
def truncated_zip(folder: Path) -> Hostile:
    path = valid_workbook(folder, "afgebroken.xlsx")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return Hostile(path, ((WHOLE_FILE, "truncated or damaged"),))


@case
def xls_renamed(folder: Path) -> Hostile:
    """A BIFF8 workbook (a BOF and an EOF record) in a compound file, named .xlsx."""
    bof = struct.pack("<HHHHHHII", 0x0809, 16, 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x0206)
    eof = struct.pack("<HH", 0x000A, 0)
    path = folder / "oud.xlsx"
    path.write_bytes(compound_file({"Workbook": bof + eof}))
    return Hostile(path, ((WHOLE_FILE, "old Excel .xls file"),))


@case
def password_protected(folder: Path) -> Hostile:
    """What Excel writes for a workbook with a password: a compound file holding the
    encryption parameters and the encrypted zip."""
    info = (
        struct.pack("<HHI", 4, 4, 0x40)
        + b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        + b'<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption">'
        + b'<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64"'
        + b' cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"'
        + b' saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></encryption>'
    )
    package = struct.pack("<Q", 4000) + bytes(range(250)) * 16
    path = folder / "geheim.xlsx"
    path.write_bytes(compound_file({"EncryptionInfo": info, "EncryptedPackage": package}))
    return Hostile(path, ((WHOLE_FILE, "password-protected"),))


@case
def ods(folder: Path) -> Hostile:
    """An OpenDocument spreadsheet as LibreOffice lays one out: the mimetype first, stored."""
    path = folder / "begroting.xlsx"
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content'
        ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
        '<office:body><office:spreadsheet><table:table table:name="Begroting"><table:table-row>'
        "<table:table-cell><text:p>Provincie</text:p></table:table-cell></table:table-row>"
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest'
        ' xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="/"'
        ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"),
            "application/vnd.oasis.opendocument.spreadsheet",
            compress_type=zipfile.ZIP_STORED,
        )
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", manifest)
    return Hostile(path, ((WHOLE_FILE, "OpenDocument (.ods)"),))


# -- attacks on the XML and zip parts -------------------------------------------------------

LAUGHS = b"".join(
    [b'<!DOCTYPE worksheet [<!ENTITY lol0 "lol">']
    + [b'<!ENTITY lol%d "%s">' % (level, b"&lol%d;" % (level - 1) * 10) for level in range(1, 10)]
    + [b"]>"]
)
"""Nine levels of tenfold entities: a billion 'lol's from a few hundred bytes."""


def _with_doctype(path: Path, sheet: str, doctype: bytes, cell: str, value: bytes) -> None:
    replace_cell(path, sheet, cell, inline_text(cell, value.decode()))
    part = sheet_part(path, sheet)
    with zipfile.ZipFile(path) as archive:
        xml = archive.read(part)
    body = xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml
    copy = path.with_suffix(".tmp")
    rewrite(path, copy, {part: b'<?xml version="1.0" encoding="UTF-8"?>' + doctype + body})
    copy.replace(path)


@case
def billion_laughs(folder: Path) -> Hostile:
    path = valid_workbook(folder, "lachen.xlsx")
    _with_doctype(path, "Prestaties", LAUGHS, "C2", b"&lol9;")
    return Hostile(path, ((WHOLE_FILE, "declares a document type"),))


@case
def billion_laughs_after_a_long_comment(folder: Path) -> Hostile:
    """The document type comes after 10 kB of comment, past any quick look at the head."""
    path = valid_workbook(folder, "lachen-later.xlsx")
    padding = b"<!--" + b" lol" * 2_500 + b"-->"
    _with_doctype(path, "Prestaties", padding + LAUGHS, "C2", b"&lol9;")
    return Hostile(path, ((WHOLE_FILE, "document type"),))


@case
def external_entity(folder: Path) -> Hostile:
    """An entity whose text is a local file: its content must never reach a message."""
    path = valid_workbook(folder, "extern.xlsx")
    doctype = b'<!DOCTYPE worksheet [<!ENTITY geheim SYSTEM "file:///etc/passwd">]>'
    _with_doctype(path, "Prestaties", doctype, "C2", b"&geheim;")
    return Hostile(path, ((WHOLE_FILE, "declares a document type"),))


def _bomb(folder: Path, name: str, sheet_bytes: int) -> Path:
    """The workbook with `sheet_bytes` of blanks inside a sheet's data: at the fastest
    level, deflate still shrinks blanks over 200-fold."""
    path = valid_workbook(folder, name)
    part = sheet_part(path, "Prestaties")
    with zipfile.ZipFile(path) as old:
        members = {info.filename: old.read(info.filename) for info in old.infolist()}
    padding = b" " * MEBIBYTE
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as new:
        for member, data in members.items():
            if member != part:
                new.writestr(member, data)
                continue
            head, tail = data.split(b"<sheetData>", 1)
            info = zipfile.ZipInfo(member)
            info.compress_type = zipfile.ZIP_DEFLATED
            with new.open(info, "w", force_zip64=True) as target:
                target.write(head + b"<sheetData>")
                for _ in range(sheet_bytes // MEBIBYTE):
                    target.write(padding)
                target.write(tail)
    return path


@case
def zip_bomb(folder: Path) -> Hostile:
    """About 1.4 MB on disk, 300 MiB of sheet XML once inflated."""
    path = _bomb(folder, "bom.xlsx", 300 * MEBIBYTE)
    return Hostile(path, ((WHOLE_FILE, "the workbook expands to"),))


def _change_sheet(path: Path, sheet: str, change: Callable[[bytes], bytes]) -> None:
    part = sheet_part(path, sheet)
    with zipfile.ZipFile(path) as archive:
        xml = archive.read(part)
    copy = path.with_suffix(".tmp")
    rewrite(path, copy, {part: change(xml)})
    copy.replace(path)


def _claim_dimension(xml: bytes) -> bytes:
    claim = b'<dimension ref="A1:XFD1048576"/>'
    if b"<dimension" in xml:
        return re.sub(rb"<dimension[^>]*/>", claim, xml, count=1)
    for follower in (b"<sheetViews", b"<sheetFormatPr", b"<cols", b"<sheetData"):
        if follower in xml:
            return xml.replace(follower, claim + follower, 1)
    raise AssertionError("no place for a dimension")


@case
def dimension_claims_every_row(folder: Path) -> Hostile:
    """Every sheet claims 1,048,576 rows and 16,384 columns; the budget reads unchanged."""
    path = valid_workbook(folder, "afmeting.xlsx")
    for sheet in load_workbook(path, read_only=True).sheetnames:
        _change_sheet(path, sheet, _claim_dimension)
    return Hostile(path)


def _million_rows(path: Path, row: Callable[[int], bytes]) -> None:
    def pad(xml: bytes) -> bytes:
        last = max(int(number) for number in re.findall(rb'<row r="([0-9]+)"', xml))
        rows = b"".join(row(number) for number in range(last + 1, last + 1_000_001))
        return xml.replace(b"</sheetData>", rows + b"</sheetData>", 1)

    _change_sheet(path, "Prestaties", pad)


@case
def million_empty_styled_rows(folder: Path) -> Hostile:
    """A million formatted but empty rows after the data; the budget reads unchanged."""
    path = valid_workbook(folder, "lege-rijen.xlsx")
    _million_rows(
        path,
        lambda number: b'<row r="%d" s="1" customFormat="1" ht="15" customHeight="1"/>' % number,
    )
    return Hostile(path)


@case
def million_rows_of_empty_styled_cells(folder: Path) -> Hostile:
    """A million rows whose cells are formatted but hold nothing; the budget reads unchanged."""
    path = valid_workbook(folder, "lege-cellen.xlsx")
    _million_rows(
        path,
        lambda number: b'<row r="%d"><c r="A%d" s="1"/><c r="B%d" s="1"/></row>' % ((number,) * 3),
    )
    return Hostile(path)


# -- bad cell contents ----------------------------------------------------------------------


def _title_cell(path: Path, row: int = 2) -> str:
    sheet = load_workbook(path, read_only=True)["Prestaties"]
    return f"{chr(ord('A') + column_of(sheet, 'Titel') - 1)}{row}"


@case
def control_characters(folder: Path) -> Hostile:
    """Excel's escape for a control character (`_x001B_`, escape) in a text cell."""
    path = valid_workbook(folder, "stuurtekens.xlsx")
    cell = _title_cell(path)
    replace_cell(path, "Prestaties", cell, inline_text(cell, "Bestuur_x001B_[31mkracht"))
    return Hostile(path, ((f"Prestaties!{cell}", "control character"),))


@case
def control_character_reference(folder: Path) -> Hostile:
    """A character reference `&#1;`, which XML 1.0 forbids: the sheet is not well-formed."""
    path = valid_workbook(folder, "stuurteken-xml.xlsx")
    cell = _title_cell(path)
    replace_cell(path, "Prestaties", cell, inline_text(cell, "Bestuur&#1;kracht"))
    # calamine reads the character, which the cell's check then refuses.
    in_cell = ((f"Prestaties!{cell}", "holds the control character '\\x01'"),)
    return Hostile(path, ((WHOLE_FILE, "not well-formed"),), {"calamine": in_cell})


@case
def long_cell(folder: Path) -> Hostile:
    """40,000 characters: more than the 32,767 a cell holds (openpyxl would cut them, so
    the cell is written as XML)."""
    path = valid_workbook(folder, "lang.xlsx")
    cell = _title_cell(path)
    text = ("Bestuurskracht " * 2_667)[:40_000]
    replace_cell(path, "Prestaties", cell, inline_text(cell, text))
    return Hostile(path, ((f"Prestaties!{cell}", "text of 40,000 characters: expected at most"),))


@case
def formula_without_cached_value(folder: Path) -> Hostile:
    path = valid_workbook(folder, "formule.xlsx")
    row, cell = amount_cell(path)
    edit(path, [(LASTEN, AMOUNT_HEADER, row, "==SUM(F2:F3)*2")])
    return Hostile(path, ((f"{LASTEN}!{cell}", "formula =SUM(F2:F3)*2 has no computed value"),))


def _three_amount_cells(path: Path) -> list[tuple[int, str]]:
    """The row and cell of 7.2.3's primitief, wijziging and actueel lasten."""
    return [amount_cell(path, "7.2.3", column) for column in ("primitief", "wijziging", "actueel")]


def _three_amounts(path: Path, values: Sequence[object], expected: Sequence[str]) -> Hostile:
    """Put `values` in 7.2.3's primitief, wijziging and actueel lasten; each cell is reported
    with its `expected` message."""
    cells = _three_amount_cells(path)
    edit(
        path,
        [
            (LASTEN, AMOUNT_HEADER, row, value)
            for (row, _), value in zip(cells, values, strict=True)
        ],
    )
    return Hostile(
        path,
        tuple(
            (f"{LASTEN}!{cell}", message)
            for (_, cell), message in zip(cells, expected, strict=True)
        ),
    )


@case
def date_text_and_boolean_amounts(folder: Path) -> Hostile:
    found = ("datetime", "str 'vijftig'", "bool True")
    return _three_amounts(
        valid_workbook(folder, "soorten.xlsx"),
        [datetime.datetime(2018, 3, 1), "vijftig", True],
        [f"{AMOUNT_HEADER}: expected a number or a blank cell, got {text}" for text in found],
    )


@case
def nan_and_infinity_as_text(folder: Path) -> Hostile:
    values = ["NaN", "inf", "-Infinity"]
    return _three_amounts(
        valid_workbook(folder, "nan.xlsx"), values, [f"got str {value!r}" for value in values]
    )


@case
def nan_and_infinity_as_numbers(folder: Path) -> Hostile:
    """Number cells whose XML value is `NaN`, `INF` or overflows to infinity."""
    path = valid_workbook(folder, "nan-getal.xlsx")
    cells = _three_amount_cells(path)
    for (_, cell), value in zip(cells, ("NaN", "INF", "1e999"), strict=True):
        replace_cell(path, LASTEN, cell, f'<c r="{cell}"><v>{value}</v></c>'.encode())
    return Hostile(path, tuple((f"{LASTEN}!{cell}", "expected") for _, cell in cells))


@case
def negative_and_five_digit_years(folder: Path) -> Hostile:
    path = valid_workbook(folder, "jaren.xlsx")
    year = find_row(path, "Begroting", "Gegeven", "Jaar")
    edit(path, [("Begroting", "Waarde", year, -2018), ("Realisaties", "Jaar", 2, 20180)])
    return Hostile(
        path,
        (
            (f"Begroting!B{year}", "expected a four-digit year, got -2018"),
            ("Realisaties!G2", "expected a four-digit year, got 20180"),
        ),
    )


# -- bad structure ----------------------------------------------------------------------------


@case
def duplicate_codes(folder: Path) -> Hostile:
    path = valid_workbook(folder, "dubbel.xlsx")
    edit(path, [("Prestaties", "Code", 3, "7.2.3")])
    return Hostile(path, (("Prestaties!C3", "duplicate prestatie 7.2.3"),))


@case
def dangling_references(folder: Path) -> Hostile:
    path = valid_workbook(folder, "verwijzing.xlsx")
    edit(path, [("Acties", "Verwijzingen", 2, "9.9.9"), ("Prestaties", "Reserve", 3, "Onbekend")])
    return Hostile(
        path,
        (
            ("Prestaties!O3", "refers to unknown reserve 'Onbekend'"),
            ("Acties!E2", "refers to unknown prestatie 9.9.9"),
        ),
    )


@case
def missing_required_sheet(folder: Path) -> Hostile:
    path = valid_workbook(folder, "zonder-blad.xlsx")
    workbook = load_workbook(path)
    del workbook["Begroting"]
    workbook.save(path)
    return Hostile(path, ((WHOLE_FILE, "no sheet 'Begroting'"),))


@case
def missing_required_column(folder: Path) -> Hostile:
    path = valid_workbook(folder, "zonder-kolom.xlsx")
    workbook = load_workbook(path)
    sheet = workbook["Doelen"]
    sheet.cell(row=1, column=column_of(sheet, "Code")).value = "Kode"
    workbook.save(path)
    return Hostile(path, (("Doelen!A1", "no column 'Code'"),))

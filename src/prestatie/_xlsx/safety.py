"""Checks on a file before any XML in it is parsed: is it an xlsx at all, and is it small
enough to read; and a sheet's XML without the empty rows that only make parsing slow.

A zip can expand a thousandfold: a 1 MB file with 200 MB of sheet XML exhausts memory in a
spreadsheet library. The sizes a zip states for its parts bound what Python's `zipfile` will
inflate, so summing them before parsing is a sound limit. XML parts must not declare a
document type: that is where entity expansion and external entities live, and no
spreadsheet needs one (openpyxl also parses through `defusedxml`).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import IO, Any

from prestatie._errors import Problem, WorkbookError
from prestatie._language import N_, known_reason

DEFAULT_MAX_UNCOMPRESSED_BYTES = 256 * 1024 * 1024
"""The default limit on the uncompressed size of all parts of a workbook (256 MiB)."""

_OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_XML_HEAD = 4096


_ZIP_REASONS = (
    N_("File is not a zip file"),
    N_("Truncated file header"),
    N_("Bad magic number for file header"),
)
"""The reasons `zipfile` gives for the common damages; the catalogue holds their Dutch."""


def _refuse(path: Path, code: str, template: str, /, **params: object) -> WorkbookError:
    problem = Problem.of(str(path), code, template, **params)
    return WorkbookError([problem], source=str(path))


def check_xlsx(path: Path, max_uncompressed_bytes: int = DEFAULT_MAX_UNCOMPRESSED_BYTES) -> None:
    """Raise `WorkbookError` naming `path` unless it looks like a readable, safe xlsx file;
    `OSError` when it cannot be opened at all."""
    # A file that cannot be opened raises its OSError, as a JSON file's does.
    with open(path, "rb") as file:
        head = file.read(8)
    if not head:
        raise _refuse(
            path, "file-empty", N_("the file is empty: expected an Excel workbook (.xlsx)")
        )
    if head == _OLE_SIGNATURE:
        raise _refuse(path, *_ole_problem(path))
    if not head.startswith(b"PK"):
        raise _refuse(
            path,
            "not-xlsx",
            N_("not an Excel workbook: expected an .xlsx file (a zip archive)"),
        )
    try:
        with zipfile.ZipFile(path) as archive:
            _check_archive(path, archive, max_uncompressed_bytes)
    except zipfile.BadZipFile as exc:
        raise _refuse(
            path,
            "xlsx-damaged",
            N_("the file is truncated or damaged: expected a complete .xlsx file ({error})"),
            error=known_reason(str(exc), _ZIP_REASONS),
        ) from None
    except (zipfile.LargeZipFile, NotImplementedError, RuntimeError) as exc:
        raise _refuse(
            path, "zip-unreadable", N_("cannot read the zip archive: {error}"), error=exc
        ) from None


def _ole_problem(path: Path) -> tuple[str, str]:
    """The code and message of an OLE compound file where an xlsx belongs."""
    # Encrypted xlsx files and old .xls files are both OLE compound files; only the
    # encrypted ones hold an "EncryptionInfo" stream.
    with open(path, "rb") as file:
        content = file.read(4 * 1024 * 1024)
    if "EncryptionInfo".encode("utf-16-le") in content:
        message = N_("the workbook is password-protected: save it without a password and try again")
        return "xlsx-encrypted", message
    message = N_("this is an old Excel .xls file: save it as .xlsx (Excel Workbook) and try again")
    return "xls", message


def _check_archive(path: Path, archive: zipfile.ZipFile, limit: int) -> None:
    names = set(archive.namelist())
    if "mimetype" in names and archive.read("mimetype").startswith(_ODS_MIMETYPE):
        raise _refuse(
            path,
            "ods",
            N_("this is an OpenDocument (.ods) file: save it as .xlsx and try again"),
        )
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise _refuse(
            path,
            "not-xlsx",
            N_("not an Excel workbook: the zip archive holds no xl/workbook.xml"),
        )
    total = sum(info.file_size for info in archive.infolist())
    if total > limit:
        raise _refuse(
            path,
            "xlsx-too-large",
            N_(
                "the workbook expands to {size} bytes: expected at most {limit}"
                " (raise max_uncompressed_bytes to read it anyway)"
            ),
            size=f"{total:,}",
            limit=f"{limit:,}",
        )
    for info in archive.infolist():
        if info.filename.endswith((".xml", ".rels", ".vml")):
            with archive.open(info) as part:
                declares = _declares_document_type(part)
            if declares:
                raise _refuse(
                    path,
                    "xml-entities",
                    N_(
                        "part {part} declares a document type (entities): refused, as no"
                        " workbook needs one"
                    ),
                    part=info.filename,
                )


def _declares_document_type(part: IO[bytes]) -> bool:
    """Whether the prolog of an XML part, before its first element, declares a document
    type; comments and processing instructions of any length are skipped, reading on."""
    text = part.read(_XML_HEAD).removeprefix(b"\xef\xbb\xbf")
    while True:
        text = text.lstrip()
        if len(text) < 9:
            more = part.read(_XML_HEAD)
            if not more:
                return False
            text += more
            continue
        if text[:9].upper() == b"<!DOCTYPE":
            return True
        end = {b"<?": b"?>", b"<!--": b"-->"}.get(text[:4] if text[:4] == b"<!--" else text[:2])
        if end is None:
            return False
        found = text.find(end, 2)
        while found < 0:
            more = part.read(_XML_HEAD)
            if not more:
                return False
            text = text[-len(end) :] + more
            found = text.find(end)
        text = text[found + len(end) :]


EMPTY_ROW = re.compile(rb'<row r="[0-9]+"[^>/]*(?:/>|>(?:<c [^>/]*/>)*</row>)')
"""A numbered row without values: no cells, or only cells that hold nothing (formatting)."""
_CHUNK = 1 << 20


class _WithoutEmptyRows(io.RawIOBase):
    """A sheet's XML without its empty numbered rows.

    A million formatted but empty rows cost a spreadsheet library seconds to parse, and
    mean nothing; the rows that remain keep their numbers. Only the text from the last
    `<row` on is held back between chunks, as it may begin a row that the next chunk ends.
    """

    def __init__(self, source: IO[bytes]) -> None:
        self._source = source
        self._pending = b""
        self._ready = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._ready:
            chunk = self._source.read(_CHUNK)
            if not chunk:
                self._ready, self._pending = EMPTY_ROW.sub(b"", self._pending), b""
                if not self._ready:
                    return 0
                break
            text = self._pending + chunk
            cut = text.rfind(b"<row")
            if cut < 0 or len(text) - cut > _CHUNK:
                cut = text.rfind(b"<")  # a row this long is no empty row
            cut = max(cut, 0)
            self._ready, self._pending = EMPTY_ROW.sub(b"", text[:cut]), text[cut:]
        size = min(len(buffer), len(self._ready))
        buffer[:size] = self._ready[:size]
        self._ready = self._ready[size:]
        return size

    def close(self) -> None:
        self._source.close()
        super().close()


def without_empty_rows(source: IO[bytes]) -> IO[bytes]:
    """`source`, a sheet's XML, read without its empty numbered rows."""
    return io.BufferedReader(_WithoutEmptyRows(source), _CHUNK)

"""Files that are not safe or not an xlsx are refused with one clear error naming the file,
before any of their XML is parsed; a failed write leaves the existing file untouched."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import openpyxl.xml
import pytest

from prestatie import Budget, InvalidValueError, WorkbookError, read_workbook, write_workbook
from prestatie._atomic import atomic_write
from prestatie._xlsx import write as xlsx_write
from prestatie._xlsx.safety import DEFAULT_MAX_UNCOMPRESSED_BYTES
from workbook_examples import monitor_budget

OLE = bytes.fromhex("D0CF11E0A1B11AE1")

BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
)


def _refusal(path: Path, **options: int) -> str:
    with pytest.raises(WorkbookError) as caught:
        read_workbook(path, **options)
    (problem,) = caught.value.problems
    assert problem.where == str(path)
    assert str(caught.value).startswith(str(path))
    return problem.message


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    path = tmp_path / "begroting.xlsx"
    write_workbook(monitor_budget(), path)
    return path


def _rewrite(source: Path, target: Path, change: dict[str, bytes]) -> None:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            new.writestr(info, change.get(info.filename, old.read(info.filename)))


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "leeg.xlsx"
    path.write_bytes(b"")
    assert "the file is empty" in _refusal(path)


def test_a_file_that_is_not_a_zip_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "tekst.xlsx"
    path.write_text("Provincie;Jaar\nOverijssel;2017\n", encoding="utf-8")
    assert "not an Excel workbook" in _refusal(path)


def test_a_truncated_file_is_refused(workbook: Path) -> None:
    data = workbook.read_bytes()
    workbook.write_bytes(data[: len(data) // 2])
    assert "truncated or damaged" in _refusal(workbook)


def test_an_old_xls_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "oud.xls"
    path.write_bytes(OLE + b"\0" * 504 + "Workbook".encode("utf-16-le"))
    assert "old Excel .xls file" in _refusal(path)


def test_a_password_protected_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "geheim.xlsx"
    path.write_bytes(OLE + b"\0" * 504 + "EncryptionInfo".encode("utf-16-le"))
    assert "password-protected" in _refusal(path)


def test_an_ods_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "begroting.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    assert "OpenDocument (.ods)" in _refusal(path)


def test_a_zip_that_is_no_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "archief.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hallo")
    assert "holds no xl/workbook.xml" in _refusal(path)


def test_a_workbook_that_expands_beyond_the_limit_is_refused_before_parsing(
    workbook: Path, tmp_path: Path
) -> None:
    padded = tmp_path / "opgeblazen.xlsx"
    sheet = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(workbook) as archive:
        xml = archive.read(sheet)
    # Whitespace compresses a thousandfold, as in a zip bomb.
    bloated = xml.replace(b"<sheetData>", b"<sheetData>" + b" " * 5_000_000, 1)
    _rewrite(workbook, padded, {sheet: bloated})
    assert padded.stat().st_size < 200_000
    message = _refusal(padded, max_uncompressed_bytes=1_000_000)
    assert "expected at most 1,000,000" in message
    assert DEFAULT_MAX_UNCOMPRESSED_BYTES >= 64 * 1024 * 1024


def test_entity_declarations_are_refused(workbook: Path, tmp_path: Path) -> None:
    bomb = tmp_path / "entiteiten.xlsx"
    sheet = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(workbook) as archive:
        xml = archive.read(sheet)
    _rewrite(workbook, bomb, {sheet: BOMB + xml.split(b"?>", 1)[-1]})
    assert "declares a document type" in _refusal(bomb)


def test_openpyxl_parses_through_defusedxml() -> None:
    """The second line of defence: even without our check, entities are refused."""
    assert openpyxl.xml.DEFUSEDXML
    from defusedxml import EntitiesForbidden
    from openpyxl.xml.functions import fromstring

    with pytest.raises(EntitiesForbidden):
        fromstring(BOMB + b"<a>&lol3;</a>")


def test_a_failed_write_leaves_the_existing_file_byte_identical(workbook: Path) -> None:
    before = workbook.read_bytes()
    broken = Budget(province="Overijssel\x01", year=2017)
    with pytest.raises(WorkbookError, match=r"Begroting!B3: text 'Overijssel\\x01'"):
        write_workbook(broken, workbook, force=True)
    assert workbook.read_bytes() == before
    assert [p.name for p in workbook.parent.iterdir()] == [workbook.name]


def test_a_failure_halfway_through_saving_leaves_the_file_untouched(
    workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = workbook.read_bytes()
    save = xlsx_write.save_workbook

    def half_save(book: openpyxl.Workbook, filename: Path) -> None:
        save(book, filename)
        with open(filename, "r+b") as file:
            file.truncate(100)
        raise OSError("disk full")

    monkeypatch.setattr(xlsx_write, "save_workbook", half_save)
    with pytest.raises(OSError, match="disk full"):
        write_workbook(monitor_budget(), workbook, force=True)
    assert workbook.read_bytes() == before
    assert [p.name for p in workbook.parent.iterdir()] == [workbook.name]


def test_atomic_write_gives_the_new_file_the_old_files_permissions(tmp_path: Path) -> None:
    path = tmp_path / "rapport.txt"
    path.write_text("oud")
    path.chmod(0o640)
    atomic_write(path, lambda temporary: temporary.write_text("nieuw"))
    assert path.read_text() == "nieuw"
    assert path.stat().st_mode & 0o777 == 0o640


def test_a_failed_write_names_the_destination_and_says_it_cannot_be_written(
    workbook: Path,
) -> None:
    """The error of a budget that cannot be written names the file asked for, not the
    temporary file it was written to, and does not speak of reading."""
    with pytest.raises(WorkbookError) as caught:
        write_workbook(Budget(province="Overijssel\x01", year=2017), workbook, force=True)
    assert caught.value.source == str(workbook)
    assert str(caught.value).splitlines()[0] == (
        f"{workbook}: the budget cannot be written as a workbook"
    )
    assert ".tmp" not in str(caught.value)


@pytest.mark.parametrize("control", ["\n", "\x00", "\x1b", "\x85"])
def test_a_destination_with_a_control_character_is_refused_before_writing(
    tmp_path: Path, control: str
) -> None:
    """A path holding a control character is refused up front, naming the character; nothing
    is written in the folder."""
    with pytest.raises(InvalidValueError) as caught:
        write_workbook(monitor_budget(), tmp_path / f"begroting{control}.xlsx")
    assert f"holds the control character {control!r}" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_a_refused_destination_with_a_control_character_is_left_untouched(tmp_path: Path) -> None:
    """An existing file whose name holds a control character stays byte-identical."""
    path = tmp_path / "oud\nbestand.xlsx"
    path.write_bytes(b"oude inhoud")
    with pytest.raises(InvalidValueError):
        write_workbook(monitor_budget(), path)
    assert path.read_bytes() == b"oude inhoud"
    assert list(tmp_path.iterdir()) == [path]


def test_a_missing_folder_is_an_os_error_naming_the_folder_not_a_temporary_file(
    tmp_path: Path,
) -> None:
    destination = tmp_path / "ontbreekt" / "begroting.xlsx"
    with pytest.raises(FileNotFoundError) as caught:
        write_workbook(monitor_budget(), destination)
    assert caught.value.filename == str(destination.parent)
    assert ".tmp" not in str(caught.value)


def test_a_folder_as_destination_is_an_os_error_naming_it_and_leaves_nothing_behind(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "map.xlsx"
    folder.mkdir()
    with pytest.raises(IsADirectoryError) as caught:
        write_workbook(monitor_budget(), folder)
    assert caught.value.filename == str(folder)
    assert list(tmp_path.iterdir()) == [folder]
    assert list(folder.iterdir()) == []

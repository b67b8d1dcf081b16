"""Every writer behaves the same way: one overwrite rule, the extension it writes, the same
bytes for the same budget, and sheets that print; every reader fails the same way on a file
it cannot open."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from prestatie import (
    InvalidValueError,
    read_budget,
    read_budget_with_problems,
    read_workbook,
    write_budget,
    write_report,
    write_workbook,
)

DATA = Path(__file__).resolve().parent.parent / "examples" / "data"


@pytest.fixture(scope="module")
def budget() -> Any:
    return read_budget(DATA / "begroting-2017.json")


WRITERS = {
    "write_workbook": lambda b, p, **k: write_workbook(b, p, **k),
    "write_report": lambda b, p, **k: write_report(b, p, "multi-year", **k),
    "write_budget .xlsx": lambda b, p, **k: write_budget(b, p, **k),
    "write_budget .json": lambda b, p, **k: write_budget(b, p.with_suffix(".json"), **k),
}


@pytest.mark.parametrize("writer", WRITERS.values(), ids=list(WRITERS))
def test_every_writer_refuses_an_existing_file_unless_forced(
    writer: Any, budget: Any, tmp_path: Path
) -> None:
    path = tmp_path / "uit.xlsx"
    writer(budget, path)
    written = next(tmp_path.iterdir())
    before = written.read_bytes()
    written.write_bytes(b"eerder")
    with pytest.raises(FileExistsError, match="exists: pass force=True to replace it"):
        writer(budget, path)
    assert written.read_bytes() == b"eerder"
    writer(budget, path, force=True)
    assert written.read_bytes() == before


@pytest.mark.parametrize(
    ("writer", "name"),
    [(write_workbook, "a.json"), (write_workbook, "a"), (write_report, "a.json")],
)
def test_a_writer_refuses_a_path_whose_extension_it_does_not_write(
    writer: Any, name: str, budget: Any, tmp_path: Path
) -> None:
    arguments = (budget, tmp_path / name) + (("multi-year",) if writer is write_report else ())
    with pytest.raises(InvalidValueError, match=r"expected a \.xlsx file"):
        writer(*arguments)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("writer", list(WRITERS.values())[:3], ids=list(WRITERS)[:3])
def test_the_same_budget_gives_the_same_bytes(writer: Any, budget: Any, tmp_path: Path) -> None:
    """Fixed document times and creator: a budget can be kept in version control."""
    first, second = tmp_path / "1" / "b.xlsx", tmp_path / "2" / "b.xlsx"
    first.parent.mkdir()
    second.parent.mkdir()
    writer(budget, first)
    writer(budget, second)
    assert first.read_bytes() == second.read_bytes()
    properties = load_workbook(first).properties
    assert properties.creator == "prestatie"
    assert properties.created == properties.modified


def test_every_sheet_prints_landscape_one_page_wide_with_its_header_row_repeated(
    budget: Any, tmp_path: Path
) -> None:
    path = tmp_path / "begroting.xlsx"
    write_budget(budget, path)
    for worksheet in load_workbook(path).worksheets:
        assert worksheet.page_setup.orientation == "landscape", worksheet.title
        assert worksheet.sheet_properties.pageSetUpPr.fitToPage, worksheet.title
        assert (worksheet.page_setup.fitToWidth, worksheet.page_setup.fitToHeight) == (1, 0)
        if worksheet.title != "Toelichting":
            assert worksheet.print_title_rows == "$1:$1", worksheet.title


@pytest.mark.parametrize("name", ["ontbreekt.json", "ontbreekt.xlsx"])
def test_a_missing_file_raises_file_not_found_whatever_its_form(name: str, tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_budget(tmp_path / name)
    with pytest.raises(FileNotFoundError):
        read_budget_with_problems(tmp_path / name)


def test_a_missing_workbook_raises_file_not_found_from_read_workbook(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_workbook(tmp_path / "ontbreekt.xlsx")


def test_read_budget_with_problems_reads_json_and_returns_its_problems(
    budget: Any, tmp_path: Path
) -> None:
    assert read_budget_with_problems(DATA / "begroting-2017.json") == (budget, [])
    broken = tmp_path / "kapot.json"
    broken.write_text('{"format_version": 1}', encoding="utf-8")
    read, problems = read_budget_with_problems(broken)
    assert read is None
    assert problems
    assert all(problem.where.startswith("$") for problem in problems)


def test_an_old_excel_file_is_refused_with_the_hint_to_save_it_as_xlsx(tmp_path: Path) -> None:
    with pytest.raises(InvalidValueError, match=r"save it as \.xlsx"):
        read_budget(tmp_path / "begroting.xls")

"""Reading and writing a budget by file name: the extension decides the form."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from conftest import EXAMPLES
from prestatie import (
    InvalidValueError,
    JsonError,
    Programme,
    WorkbookError,
    import_sheet,
    load_mapping,
    read_budget,
    to_json,
    write_budget,
)
from workbook_examples import monitor_budget

MONITOR_SAMPLE = EXAMPLES / "data" / "monitor-2018-2-kerntaak-7.xlsx"
MONITOR_MAPPING = EXAMPLES / "mappings" / "monitor.toml"


@pytest.mark.parametrize("name", ["begroting.xlsx", "begroting.json", "BEGROTING.XLSX"])
def test_what_write_budget_writes_read_budget_reads_back(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_budget(monitor_budget(), path)
    assert read_budget(path) == monitor_budget()


def test_the_json_written_is_to_json(tmp_path: Path) -> None:
    path = tmp_path / "begroting.json"
    write_budget(monitor_budget(), path)
    assert path.read_text(encoding="utf-8") == to_json(monitor_budget())


def test_with_a_mapping_read_budget_imports_a_foreign_sheet() -> None:
    expected = import_sheet(MONITOR_SAMPLE, load_mapping(MONITOR_MAPPING))
    assert read_budget(MONITOR_SAMPLE, mapping=MONITOR_MAPPING) == expected
    assert read_budget(MONITOR_SAMPLE, mapping=load_mapping(MONITOR_MAPPING)) == expected


def test_read_budget_checks_a_json_budget_across_objects(tmp_path: Path) -> None:
    budget = monitor_budget()
    path = tmp_path / "begroting.json"
    text = to_json(budget).replace('"first_year": 2018', '"first_year": 2030', 1)
    path.write_text(text.replace('"last_year": 2021', '"last_year": 2031', 1), encoding="utf-8")
    with pytest.raises(JsonError) as caught:
        read_budget(path)
    assert caught.value.source == str(path)
    assert caught.value.problems


def test_another_extension_is_refused_before_anything_is_read_or_written(
    tmp_path: Path,
) -> None:
    with pytest.raises(InvalidValueError, match=r"expected a \.xlsx or \.json file, got '\.csv'"):
        read_budget(tmp_path / "begroting.csv")
    with pytest.raises(InvalidValueError, match="got no extension"):
        write_budget(monitor_budget(), tmp_path / "begroting")
    assert list(tmp_path.iterdir()) == []


def test_write_budget_refuses_an_existing_file_without_force(tmp_path: Path) -> None:
    path = tmp_path / "begroting.json"
    path.write_text("precious", encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_budget(monitor_budget(), path)
    assert path.read_text(encoding="utf-8") == "precious"
    write_budget(monitor_budget(), path, force=True)
    assert read_budget(path) == monitor_budget()


def test_a_report_is_written_only_as_xlsx_and_of_a_known_kind(tmp_path: Path) -> None:
    with pytest.raises(InvalidValueError, match=r"expected a \.xlsx file, got '\.json'"):
        write_budget(monitor_budget(), tmp_path / "report.json", report="monitor")
    with pytest.raises(InvalidValueError, match="report kind: expected 'multi-year', 'monitor'"):
        write_budget(monitor_budget(), tmp_path / "report.xlsx", report="yearly")
    write_budget(monitor_budget(), tmp_path / "report.xlsx", report="multi-year")
    assert (tmp_path / "report.xlsx").stat().st_size > 0


def test_a_failed_write_leaves_the_existing_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "begroting.xlsx"
    path.write_bytes(b"precious")
    budget = attrs.evolve(monitor_budget(), programmes=(Programme(number=7, name="bad \x01 text"),))
    with pytest.raises(WorkbookError):
        write_budget(budget, path, force=True)
    assert path.read_bytes() == b"precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["begroting.xlsx"]

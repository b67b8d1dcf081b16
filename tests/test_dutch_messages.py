"""What a Dutch reader sees is Dutch: the types of a mapping's values, the columns of the
workbook, a path that is not a budget file, the operating system's reasons and the JSON
syntax errors. The English of the same messages stays as it was."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from prestatie import (
    InvalidValueError,
    JsonError,
    MappingError,
    Problem,
    from_json,
    load_mapping,
    read_budget,
    read_workbook_with_problems,
    write_workbook,
)
from prestatie._cli import main
from prestatie._foreign.load import mapping_from_dict
from workbook_edit import edit
from workbook_examples import monitor_budget


@pytest.fixture(autouse=True)
def default_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """No PRESTATIE_LANG, as on a user's machine: the command speaks Dutch."""
    monkeypatch.delenv("PRESTATIE_LANG", raising=False)


def _stderr(*args: object, code: int) -> str:
    result = CliRunner().invoke(main, [str(arg) for arg in args], prog_name="prestatie")
    assert result.exit_code == code, result.output
    return result.stderr


# -- a mapping file's values -----------------------------------------------------------------


def test_a_mapping_names_the_type_of_a_wrong_value_in_dutch_and_as_toml_in_english() -> None:
    data = {
        "header_rows": 3,
        "code": 5,
        "budget": {"year": "2018"},
        "columns": [{"header": [1], "budget_column": True, "year": 2018}],
        "skip": {"a": 1},
        "tolerance": 0.5,
    }
    with pytest.raises(MappingError) as caught:
        mapping_from_dict(data, "m.toml")
    problems = caught.value.problems
    assert [f"{p.where}: {p.render('nl')}" for p in problems] == [
        "m.toml: header_rows: verwacht een lijst van rijnummers, maar vond geheel getal 3",
        "m.toml: code: verwacht een kolomkop of {header = ..., aliases = [...]}, maar vond"
        " geheel getal 5",
        "m.toml: columns[0].header: verwacht tekst, maar vond lijst [1]",
        "m.toml: columns[0].budget_column: verwacht een van 'primitief', 'wijziging',"
        " 'actueel', 'gerealiseerd', maar vond logische waarde True",
        "m.toml: skip: verwacht tekst, maar vond tabel {'a': 1}",
        "m.toml: budget.year: verwacht een jaar, maar vond tekst '2018'",
    ]
    assert [p.render("en") for p in problems] == [
        "expected an array of row numbers, got integer 3",
        "expected a header text or {header = ..., aliases = [...]}, got integer 5",
        "expected text, got array [1]",
        "expected one of 'primitief', 'wijziging', 'actueel', 'gerealiseerd', got boolean True",
        "expected text, got table {'a': 1}",
        "expected a year, got text '2018'",
    ]
    assert problems[0].params == {"found": "integer 3"}


def test_a_mapping_s_float_has_a_decimal_comma_in_dutch() -> None:
    with pytest.raises(MappingError) as caught:
        mapping_from_dict({"header_rows": [1], "code": "Code", "budget": {"year": 1.5}}, "m")
    (problem,) = [p for p in caught.value.problems if p.where == "m: budget.year"]
    assert problem.render("nl") == "verwacht een jaar, maar vond getal 1,5"
    assert problem.render("en") == "expected a year, got float 1.5"


# -- the workbook's columns --------------------------------------------------------------------


def test_a_refused_field_of_the_workbook_is_named_by_its_column_header_in_dutch(
    tmp_path: Path,
) -> None:
    """A value the model refuses is placed at its cell, and named in Dutch by the header
    above that cell; English keeps the model's field."""
    path = tmp_path / "monitor.xlsx"
    write_workbook(monitor_budget(), path)
    edit(
        path,
        [
            ("Prestaties", "Startjaar", 2, 2021),  # after its Eindjaar, 2020
            ("Streefwaarden", "Ondergrens", 2, 5),
            ("Streefwaarden", "Bovengrens", 2, 3),
            ("Streefwaarden", "Eerste jaar", 3, 2020),
            ("Streefwaarden", "Jaar", 3, 2019),
        ],
    )
    _, problems = read_workbook_with_problems(path)
    assert [f"{p.where}: {p.render('nl')}" for p in problems] == [
        "Prestaties!L2: Eindjaar: verwacht 2021 (startjaar) of later, maar vond 2020",
        "Streefwaarden!G2: Ondergrens: het minimum 5 ligt boven het maximum 3: geen enkele"
        " waarde haalt deze streefwaarde",
        "Streefwaarden!L3: Eerste jaar: een periode heeft een later laatste jaar nodig, maar"
        " loopt van 2020 tot 2019",
    ]
    assert [p.render("en") for p in problems] == [
        "Duration.end_year: expected 2021 (start_year) or later, got 2020",
        "Target.lower: the minimum 5 is above the maximum 3: no value can meet this target",
        "Target.first_year: a period needs a later last year, got 2020 to 2019",
    ]
    assert problems[0].params["subject"] == "Duration.end_year"


def test_a_mapping_column_without_header_or_letter_is_refused_in_dutch() -> None:
    """The mapping names the key at fault, not the model's class and field."""
    data = {"header_rows": [1], "code": "", "budget": {"year": 2018}, "columns": []}
    with pytest.raises(MappingError) as caught:
        mapping_from_dict(data, "m.toml")
    (problem,) = caught.value.problems
    assert problem.where == "m.toml: code"
    assert problem.render("nl") == "verwacht een kolomkop of een kolomletter"
    assert problem.render("en") == "expected a header text or a letter"


# -- a path that is not a budget file -----------------------------------------------------------


def test_check_says_plainly_what_was_found_instead_of_a_budget_file(tmp_path: Path) -> None:
    folder = tmp_path / "map"
    folder.mkdir()
    bare = tmp_path / "begroting"
    bare.write_text("{}", encoding="utf-8")
    text = tmp_path / "begroting.txt"
    text.write_text("{}", encoding="utf-8")
    assert _stderr("check", folder, bare, text, code=2).splitlines() == [
        f"{folder}: is een map, geen bestand: verwacht een .xlsx- of .json-bestand",
        f"{bare}: verwacht een .xlsx- of .json-bestand, maar de bestandsnaam heeft geen extensie",
        f"{text}: verwacht een .xlsx- of .json-bestand, maar de extensie is '.txt'",
        "3 problemen in 3 van 3 bestanden",
    ]


@pytest.mark.parametrize(
    ("command", "name", "expected"),
    [
        (["summary"], "", "een .xlsx- of .json-bestand"),
        (["template"], "", "een .xlsx-bestand"),
        (["export", "{budget}"], "", "een .csv- of .jsonl-bestand"),
        (["summary"], "begroting", "een .xlsx- of .json-bestand"),
        (["template"], "begroting", "een .xlsx-bestand"),
        (["export", "{budget}"], "begroting", "een .csv- of .jsonl-bestand"),
    ],
)
def test_a_command_names_a_folder_or_a_name_without_extension_and_the_files_it_takes(
    tmp_path: Path, command: list[str], name: str, expected: str
) -> None:
    budget = tmp_path / "b.json"
    budget.write_text('{"format_version": 2, "province": "Overijssel", "year": 2018}')
    path = tmp_path / name if name else tmp_path
    args = [arg.format(budget=budget) for arg in command]
    found = (
        "maar de bestandsnaam heeft geen extensie" if name else "is een map, geen bestand: verwacht"
    )
    message = (
        f"Fout: {path}: verwacht {expected}, {found}\n"
        if name
        else f"Fout: {path}: {found} {expected}\n"
    )
    assert _stderr(*args, path, code=2) == message


@pytest.mark.parametrize(
    ("command", "expected"),
    [(["template"], "een .xlsx-bestand"), (["convert", "{budget}"], "een .xlsx- of .json-bestand")],
)
def test_a_folder_named_like_a_file_is_named_with_the_files_the_command_takes(
    tmp_path: Path, command: list[str], expected: str
) -> None:
    """A folder "map.xlsx" is refused before anything is written, naming what the command
    writes: `template` only a workbook."""
    budget = tmp_path / "b.json"
    budget.write_text('{"format_version": 2, "province": "Overijssel", "year": 2018}')
    folder = tmp_path / "map.xlsx"
    folder.mkdir()
    args = [arg.format(budget=budget) for arg in command]
    message = f"Fout: {folder}: is een map, geen bestand: verwacht {expected}\n"
    assert _stderr(*args, folder, "--force", code=2) == message


def test_the_library_says_what_it_found_instead_of_a_budget_file(tmp_path: Path) -> None:
    for path, dutch in [
        (tmp_path, f"{tmp_path}: is een map, geen bestand: verwacht een .xlsx- of .json-bestand"),
        (
            tmp_path / "begroting",
            f"{tmp_path / 'begroting'}: verwacht een .xlsx- of .json-bestand, maar de"
            " bestandsnaam heeft geen extensie",
        ),
    ]:
        with pytest.raises(InvalidValueError) as caught:
            read_budget(path)
        assert caught.value.render("nl") == dutch
    with pytest.raises(InvalidValueError) as caught:
        read_budget(tmp_path / "begroting")
    assert (
        str(caught.value)
        == f"{tmp_path / 'begroting'}: expected a .xlsx or .json file, got no extension"
    )


# -- the operating system's reasons -------------------------------------------------------------

_OS_REASONS = [
    (errno.ENOENT, "het bestand of de map bestaat niet"),
    (errno.EACCES, "geen toegang (toestemming geweigerd)"),
    (errno.EISDIR, "het is een map"),
    (errno.ENOTDIR, "een deel van het pad is geen map"),
    (errno.ENOSPC, "er is geen ruimte meer op de schijf"),
    (errno.EROFS, "het bestandssysteem is alleen-lezen"),
    (errno.EEXIST, "het bestand bestaat al"),
]


@pytest.mark.parametrize(("number", "dutch"), _OS_REASONS)
def test_a_common_os_error_gives_its_reason_in_dutch_and_as_the_system_says_in_english(
    number: int, dutch: str
) -> None:
    error = OSError(number, os.strerror(number), "begroting.json")
    problem = Problem.of("begroting.json", "file-unreadable", "cannot read: {error}", error=error)
    assert problem.render("nl") == f"kan het bestand niet lezen: {dutch}"
    assert problem.render("en") == f"cannot read: {os.strerror(number)}"
    assert problem.params == {"error": os.strerror(number)}


def test_another_os_error_keeps_the_system_s_text_in_dutch() -> None:
    error = OSError(errno.EIO, os.strerror(errno.EIO))
    problem = Problem.of("b.json", "file-unreadable", "cannot read: {error}", error=error)
    assert problem.render("nl") == f"kan het bestand niet lezen: {os.strerror(errno.EIO)}"


def test_check_gives_the_reason_a_file_cannot_be_opened_in_dutch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "weg.json"
    not_a_folder = tmp_path / "bestand"
    not_a_folder.write_text("")
    inside = not_a_folder / "b.json"
    locked = tmp_path / "dicht.json"
    locked.write_text("{}")
    real_read_bytes = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == locked:  # as for a file without read permission, whoever runs the tests
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert _stderr("check", missing, inside, locked, code=2).splitlines() == [
        f"{missing}: kan het bestand niet openen: het bestand of de map bestaat niet",
        f"{inside}: kan het bestand niet openen: een deel van het pad is geen map",
        f"{locked}: kan het bestand niet openen: geen toegang (toestemming geweigerd)",
        "3 problemen in 3 van 3 bestanden",
    ]


def test_a_mapping_that_cannot_be_read_gives_the_reason_in_dutch(tmp_path: Path) -> None:
    missing = tmp_path / "weg.toml"
    budget = tmp_path / "b.xlsx"
    assert _stderr("check", "--mapping", missing, budget, code=2) == (
        f"{missing}: kan het bestand niet lezen: het bestand of de map bestaat niet\n"
        "Fout: de mapping is niet te gebruiken\n"
    )


# -- JSON syntax errors -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "dutch", "english"),
    [
        ("", "regel 1 kolom 1: verwacht een waarde", "line 1 column 1: Expecting value"),
        (
            "[1 2]",
            "regel 1 kolom 4: verwacht een komma (,)",
            "line 1 column 4: Expecting ',' delimiter",
        ),
        (
            '{"a" 1}',
            "regel 1 kolom 6: verwacht een dubbele punt (:)",
            "line 1 column 6: Expecting ':' delimiter",
        ),
        (
            '{\n  "a": 1,\n}',
            "regel 3 kolom 1: verwacht een veldnaam tussen dubbele aanhalingstekens",
            "line 3 column 1: Expecting property name enclosed in double quotes",
        ),
        (
            "{} x",
            "regel 1 kolom 4: er staat nog iets na het einde van de JSON",
            "line 1 column 4: Extra data",
        ),
        (
            '"abc',
            "regel 1 kolom 1: een tekst die hier begint, wordt niet afgesloten met een"
            " aanhalingsteken",
            "line 1 column 1: Unterminated string starting at",
        ),
        (
            '"a\nb"',
            "regel 1 kolom 3: ongeldig stuurteken (zoals een regeleinde) in een tekst",
            "line 1 column 3: Invalid control character at",
        ),
        (
            '"\\u12"',
            "regel 1 kolom 3: Invalid \\uXXXX escape",
            "line 1 column 3: Invalid \\uXXXX escape",
        ),
    ],
)
def test_a_json_syntax_error_gives_its_place_and_reason_in_dutch(
    text: str, dutch: str, english: str
) -> None:
    with pytest.raises(JsonError) as caught:
        from_json(text)
    (problem,) = caught.value.problems
    assert problem.render("nl") == f"geen geldige JSON: {dutch}"
    assert problem.render("en") == problem.message == f"not valid JSON: {english}"


# -- TOML syntax errors and damaged workbooks ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "dutch", "english"),
    [
        (
            "a = 1\na = 2\n",
            "regel 2 kolom 6: een waarde wordt opnieuw gegeven (een sleutel staat er twee keer in)",
            "Cannot overwrite a value (at line 2, column 6)",
        ),
        (
            "budget = {year = 2018\n",
            "regel 1 kolom 22: een tabel tussen accolades wordt niet gesloten",
            "Unclosed inline table (at line 1, column 22)",
        ),
        (
            "header_rows = [1\n",
            "aan het einde van het bestand: een lijst wordt niet gesloten met ]",
            "Unclosed array (at end of document)",
        ),
        (
            "a 1\n",
            "regel 1 kolom 3: verwacht '=' na een sleutel",
            "Expected '=' after a key in a key/value pair (at line 1, column 3)",
        ),
        (
            "a = 1 2\n",
            "regel 1 kolom 7: Expected newline or end of document after a statement",
            "Expected newline or end of document after a statement (at line 1, column 7)",
        ),
    ],
)
def test_a_toml_syntax_error_gives_its_place_and_reason_in_dutch(
    tmp_path: Path, text: str, dutch: str, english: str
) -> None:
    path = tmp_path / "m.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(MappingError) as caught:
        load_mapping(path)
    (problem,) = caught.value.problems
    assert problem.render("nl") == f"geen geldige TOML: {dutch}"
    assert problem.render("en") == f"not valid TOML: {english}"


def test_a_file_that_is_no_zip_archive_is_said_to_be_damaged_in_dutch(tmp_path: Path) -> None:
    path = tmp_path / "kapot.xlsx"
    path.write_bytes(b"PK garbage")
    assert _stderr("check", path, code=2) == (
        f"{path}: het bestand is afgebroken of beschadigd: verwacht een volledig .xlsx-bestand"
        " (het is geen zip-archief)\n1 probleem in 1 van 1 bestand\n"
    )


def test_a_parent_listed_on_one_of_several_sheets_is_said_with_of_in_dutch(
    tmp_path: Path,
) -> None:
    path = tmp_path / "monitor.xlsx"
    write_workbook(monitor_budget(), path)
    edit(path, [("Programma's", "Nummer", 2, 8)])
    _, problems = read_workbook_with_problems(path)
    doelen = [p for p in problems if p.where == "Doelen!A2"]
    assert [p.render("nl") for p in doelen] == [
        "verwijst naar kerntaak 7, die niet in de werkmap staat: verwacht er een die op"
        " Programma's of Doelen staat"
    ]
    assert doelen[0].message.endswith("expected one listed on Programma's or Doelen")


@pytest.mark.parametrize(
    ("text", "dutch", "english"),
    [
        (
            '{"format_version": 2, "province": "x", "year": NaN}',
            "$.year: verwacht een geheel getal, maar vond de letterlijke waarde NaN, die geen"
            " standaard-JSON is",
            "$.year: expected a whole number, got the literal NaN, which is not standard JSON",
        ),
        (
            '{"format_version": 2, "province": "x", "year": 1e400}',
            "$.year: verwacht een geheel getal, maar vond het getal 1e400, te groot",
            "$.year: expected a whole number, got the number 1e400, too large",
        ),
        (
            '{"format_version": 2, "province": "x", "year": 2018, "programmes": {}}',
            "$.programmes: verwacht een lijst, maar vond object {}",
            "$.programmes: expected a list, got dict {}",
        ),
    ],
)
def test_a_json_value_no_budget_holds_is_described_in_dutch(
    text: str, dutch: str, english: str
) -> None:
    """A number JSON allows but no budget value can be, and an object where a list belongs,
    are described in the message's language (an object as JSON's, not as the reader's)."""
    with pytest.raises(JsonError) as caught:
        from_json(text)
    (problem,) = caught.value.problems
    assert f"{problem.where}: {problem.render('nl')}" == dutch
    assert str(problem) == english


def test_progress_refuses_a_percentage_above_100_as_a_usage_error_in_dutch(
    tmp_path: Path,
) -> None:
    """Not the library's English refusal of the threshold, after the file was read."""
    result = CliRunner().invoke(
        main, ["progress", str(tmp_path / "m.json"), "--met-green", "120"], prog_name="prestatie"
    )
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "Fout: Ongeldige waarde voor '--met-green': verwacht een percentage van 0 tot en met 100,"
        " maar kreeg '120'\n"
    )

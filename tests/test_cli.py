"""The `prestatie` command end to end: through `python -m prestatie` as a user runs it, and
through click's CliRunner where many cases are cheaper in process."""

from __future__ import annotations

import io
import json
import re
import threading
import warnings
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

import prestatie
import readme_console
from conftest import EXAMPLES, ROOT, run_python
from libreoffice import needs_soffice, sheet_csv, soffice
from prestatie import Budget, DocumentKind, Unit, _cli, from_json, read_workbook, write_workbook
from prestatie._cli import indicator, main
from prestatie._xlsx.schema import EXPLANATION_SHEET, SHEETS
from test_workbook_errors import reader_bug
from workbook_edit import edit
from workbook_examples import monitor_budget

DATA = EXAMPLES / "data"
MAPPINGS = EXAMPLES / "mappings"
MONITOR_SAMPLE = DATA / "monitor-2018-2-kerntaak-7.xlsx"
LEDGER_SAMPLE = DATA / "grootboek-2017.xlsx"
PROBLEM_LINE = re.compile(r"^(?P<file>[^:]+\.xlsx): (?P<sheet>[^!]+)!(?P<cell>[A-Z]+[0-9]+): .+")


def prestatie_command(*args: str | Path, cwd: Path | None = None):  # type: ignore[no-untyped-def]
    """Run `python -m prestatie ARGS` as a user would."""
    return run_python("-m", "prestatie", *args, cwd=cwd)


def invoke(*args: str | Path):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(
        main, [str(arg) for arg in args], prog_name="prestatie", catch_exceptions=False
    )


@pytest.fixture
def budget_xlsx(tmp_path: Path) -> Path:
    path = tmp_path / "monitor-2018.xlsx"
    write_workbook(monitor_budget(), path)
    return path


@pytest.fixture
def broken_xlsx(budget_xlsx: Path) -> Path:
    """The monitor budget with a malformed code and a number that is no number."""
    edit(budget_xlsx, [("Prestaties", "Code", 2, "x..y"), ("Acties", "Nummer", 2, "twee")])
    return budget_xlsx


# -- the command as a whole ------------------------------------------------------------------


def test_python_dash_m_prestatie_runs_the_command_and_tells_its_version() -> None:
    result = prestatie_command("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"prestatie, version {prestatie.__version__}"


@pytest.mark.parametrize("command", [None, *sorted(main.commands)])
def test_the_help_of_every_command_shows_an_example(command: str | None) -> None:
    result = invoke(*([command] if command else []), "--help")
    assert result.exit_code == 0
    assert re.search(r"Examples?:\n +prestatie ", result.output), result.output


def test_an_unknown_command_is_a_usage_error_with_exit_code_2() -> None:
    result = prestatie_command("frobnicate")
    assert result.returncode == 2
    assert "No such command 'frobnicate'" in result.stderr
    assert "Traceback" not in result.stderr


# -- template --------------------------------------------------------------------------------


def test_template_writes_an_empty_budget_with_the_toelichting_first(tmp_path: Path) -> None:
    out = tmp_path / "begroting-2018.xlsx"
    result = prestatie_command(
        "template", out, "--province", "Overijssel", "--year", "2018", "--unit", "euro"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the Toelichting sheet is no unknown sheet
        budget = read_workbook(out)
    assert budget == Budget(province="Overijssel", year=2018, unit=Unit.EURO)
    workbook = load_workbook(out)
    assert workbook.sheetnames == [EXPLANATION_SHEET, *(sheet.name for sheet in SHEETS)]
    explained: dict[str, str] = {}
    for row in workbook[EXPLANATION_SHEET].iter_rows(values_only=True):
        if len(row) >= 2:
            explained.setdefault(row[0], row[1])  # the table of sheets precedes that of columns
    for sheet in SHEETS:
        assert explained[sheet.name] == sheet.explanation
        assert sheet.explanation


def test_template_options_fill_in_the_begroting_sheet(tmp_path: Path) -> None:
    out = tmp_path / "monitor.xlsx"
    result = invoke("template", out, "--year", "2019", "--kind", "monitor", "--unit", "miljoen")
    assert result.exit_code == 0
    budget = read_workbook(out)
    assert (budget.year, budget.kind, budget.unit) == (2019, DocumentKind.MONITOR, Unit.MILLION)
    assert (budget.first_year, budget.last_year) == (2019, 2022)


def test_template_refuses_an_existing_out_without_force_and_leaves_it_untouched(
    tmp_path: Path,
) -> None:
    out = tmp_path / "begroting.xlsx"
    out.write_bytes(b"precious")
    result = prestatie_command("template", out)
    assert result.returncode == 2
    assert result.stderr.strip() == f"Error: {out} exists: add --force to replace it"
    assert out.read_bytes() == b"precious"
    assert invoke("template", out, "--force").exit_code == 0
    assert read_workbook(out).programmes == ()


@pytest.mark.parametrize("name", ["begroting.json", "begroting.csv"])
def test_template_refuses_another_extension_than_xlsx(tmp_path: Path, name: str) -> None:
    """The template is a workbook: another extension is refused naming .xlsx alone, also one
    that no command reads (it was "expected a .xlsx or .json file" for .csv)."""
    result = invoke("template", tmp_path / name)
    assert result.exit_code == 2
    suffix = name.rpartition(".")[2]
    assert f"{tmp_path / name}: expected a .xlsx file, got '.{suffix}'" in result.stderr
    assert not (tmp_path / name).exists()


@needs_soffice
def test_a_template_opens_in_libreoffice_and_reads_back_as_an_empty_budget(
    tmp_path: Path,
) -> None:
    out = tmp_path / "begroting.xlsx"
    assert invoke("template", out, "--province", "Overijssel", "--year", "2018").exit_code == 0
    explanation = sheet_csv(out, EXPLANATION_SHEET)
    assert explanation[0][0] == EXPLANATION_SHEET
    assert ["Prestaties", SHEETS[5].explanation] == explanation[9][:2]
    resaved = tmp_path / "resaved"
    resaved.mkdir()
    soffice("xlsx", resaved, out)
    assert read_workbook(resaved / out.name) == Budget(province="Overijssel", year=2018)


# -- check -----------------------------------------------------------------------------------


def test_check_of_a_clean_workbook_prints_nothing_and_exits_0(budget_xlsx: Path) -> None:
    result = prestatie_command("check", budget_xlsx)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr.strip() == "no problems in 1 file"


def test_check_prints_each_problem_as_file_sheet_cell_message_and_exits_1(
    broken_xlsx: Path,
) -> None:
    """Problems go to stderr, one line each, then a count; stdout stays empty."""
    result = prestatie_command("check", broken_xlsx)
    assert result.returncode == 1
    assert result.stdout == ""
    *lines, count = result.stderr.splitlines()
    assert len(lines) >= 2
    for line in lines:
        assert PROBLEM_LINE.match(line), line
    assert f"{broken_xlsx}: Prestaties!C2: Code: expected a code like '7.2.3'" in result.stderr
    assert f"{broken_xlsx}: Acties!C2: Nummer: expected a whole number" in result.stderr
    assert "Traceback" not in result.stderr
    assert count == f"{len(lines)} problems in 1 of 1 file"


def test_check_json_prints_records_that_parse(broken_xlsx: Path, budget_xlsx: Path) -> None:
    result = prestatie_command("check", "--json", broken_xlsx)
    assert result.returncode == 1
    records = json.loads(result.stdout)
    assert {"file": str(broken_xlsx), "where": "Prestaties!C2"}.items() <= records[0].items()
    assert all(set(record) == {"file", "where", "message", "code", "params"} for record in records)


def test_check_json_of_clean_files_is_an_empty_list(tmp_path: Path, budget_xlsx: Path) -> None:
    as_json = tmp_path / "monitor.json"
    as_json.write_text(prestatie.to_json(monitor_budget()), encoding="utf-8")
    result = invoke("check", "--json", budget_xlsx, as_json)
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_check_of_a_json_file_names_the_json_path(tmp_path: Path) -> None:
    path = tmp_path / "begroting.json"
    path.write_text('{"format_version": 1, "province": 3, "year": 2017}', encoding="utf-8")
    result = invoke("check", path)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"{path}: $.province: expected text, got int 3"


def test_check_exits_2_for_unreadable_input_and_still_checks_the_other_files(
    tmp_path: Path, broken_xlsx: Path
) -> None:
    garbage = tmp_path / "garbage.xlsx"
    garbage.write_text("not a workbook", encoding="utf-8")
    missing = tmp_path / "missing.xlsx"
    not_json = tmp_path / "begroting.json"
    not_json.write_text("{", encoding="utf-8")
    other = tmp_path / "begroting.ods"
    other.write_bytes(b"")
    result = prestatie_command("check", garbage, missing, not_json, other, broken_xlsx)
    assert result.returncode == 2
    out = result.stderr
    assert f"{garbage}: not an Excel workbook: expected an .xlsx file" in out
    assert f"{missing}: cannot open the file: No such file or directory" in out
    assert f"{not_json}: $: not valid JSON: line 1 column 2" in out
    assert f"{other}: expected a .xlsx or .json file, got '.ods': save it as .xlsx" in out
    assert f"{broken_xlsx}: Prestaties!C2: " in out
    assert "Traceback" not in result.stderr


def test_check_json_records_a_file_it_cannot_read_in_english_with_a_code(tmp_path: Path) -> None:
    """A missing file, a folder and a workbook without a Begroting sheet are records like any
    problem: the English message, a stable code and its params, also when the command speaks
    Dutch; the lines on stderr without --json are Dutch."""
    missing = tmp_path / "missing.json"
    folder = tmp_path / "map.xlsx"
    folder.mkdir()
    ledger = EXAMPLES / "data" / "grootboek-2017.xlsx"
    result = invoke("--lang", "nl", "check", "--json", missing, folder, ledger)
    assert result.exit_code == 2
    assert json.loads(result.stdout) == [
        {
            "file": str(missing),
            "where": "",
            "message": "cannot open the file: No such file or directory",
            "code": "cannot-open",
            "params": {"reason": "No such file or directory", "about": ""},
        },
        {
            "file": str(folder),
            "where": "",
            "message": "is a folder, not a file: expected a .xlsx or .json file",
            "code": "is-a-folder",
            "params": {"expected": "a .xlsx or .json file"},
        },
        {
            "file": str(ledger),
            "where": "",
            "message": "no sheet 'Begroting': expected a budget workbook",
            "code": "begroting-sheet-missing",
            "params": {"sheet": "Begroting"},
        },
    ]
    lines = invoke("--lang", "nl", "check", missing, folder, ledger).stderr.splitlines()
    assert lines == [
        f"{missing}: kan het bestand niet openen: het bestand of de map bestaat niet",
        f"{folder}: is een map, geen bestand: verwacht een .xlsx- of .json-bestand",
        f"{ledger}: geen werkblad 'Begroting': verwacht een begrotingswerkmap",
        "3 problemen in 3 van 3 bestanden",
    ]


def test_check_without_files_is_a_usage_error() -> None:
    result = invoke("check")
    assert result.exit_code == 2
    assert "Missing argument 'FILES...'" in result.stderr


def test_check_reports_warnings_on_stderr_as_one_line_each(budget_xlsx: Path) -> None:
    workbook = load_workbook(budget_xlsx)
    workbook.create_sheet("Aantekeningen")
    workbook.save(budget_xlsx)
    result = prestatie_command("check", budget_xlsx)
    assert result.returncode == 0
    assert result.stderr.splitlines()[0] == (
        f"Warning: {budget_xlsx}: sheet 'Aantekeningen' is not part of the budget workbook: ignored"
    )


def test_check_with_a_mapping_reads_a_foreign_sheet() -> None:
    result = invoke("check", "--mapping", MAPPINGS / "monitor.toml", MONITOR_SAMPLE)
    assert result.exit_code == 0, result.output
    wrong = invoke("check", "--mapping", MAPPINGS / "monitor.toml", LEDGER_SAMPLE)
    assert wrong.exit_code == 1
    assert wrong.stderr.startswith(f"{LEDGER_SAMPLE}: Export!1:1: no column headed 'Primitief'")


def test_check_with_a_broken_mapping_exits_2(tmp_path: Path, budget_xlsx: Path) -> None:
    mapping = tmp_path / "kapot.toml"
    mapping.write_text("unit = 'x € 1.000'\nfrobnicate = 1\n", encoding="utf-8")
    result = invoke("check", "--mapping", mapping, budget_xlsx)
    assert result.exit_code == 2
    assert f"{mapping}: frobnicate: unknown key" in result.stderr
    assert result.stderr.splitlines()[-1] == "Error: the mapping cannot be used"


# -- convert ---------------------------------------------------------------------------------


def test_convert_between_xlsx_and_json_loses_nothing(tmp_path: Path, budget_xlsx: Path) -> None:
    as_json = tmp_path / "monitor.json"
    back = tmp_path / "back.xlsx"
    first = prestatie_command("convert", budget_xlsx, as_json)
    assert first.returncode == 0, first.stderr
    assert first.stdout == ""
    assert from_json(as_json.read_text(encoding="utf-8")) == monitor_budget()
    assert prestatie_command("convert", as_json, back).returncode == 0
    assert read_workbook(back) == monitor_budget()
    assert load_workbook(back, read_only=True).sheetnames[0] == EXPLANATION_SHEET


def test_convert_with_a_mapping_writes_the_canonical_workbook(tmp_path: Path) -> None:
    out = tmp_path / "monitor.xlsx"
    mapping = MAPPINGS / "monitor.toml"
    result = prestatie_command("convert", "--mapping", mapping, MONITOR_SAMPLE, out)
    assert result.returncode == 0, result.stderr
    expected = prestatie.import_sheet(MONITOR_SAMPLE, prestatie.load_mapping(mapping))
    assert read_workbook(out) == expected


@pytest.mark.parametrize(
    ("report", "mapping"),
    [("multi-year", "meerjarig-overzicht.toml"), ("monitor", "monitor.toml")],
)
def test_convert_writes_a_report_that_its_mapping_reads_back(
    tmp_path: Path, report: str, mapping: str
) -> None:
    budget = tmp_path / "budget.xlsx"
    out = tmp_path / f"{report}.xlsx"
    assert invoke("convert", "--mapping", MAPPINGS / "monitor.toml", MONITOR_SAMPLE, budget)
    result = invoke("convert", "--report", report, budget, out)
    assert result.exit_code == 0, result.output
    back = prestatie.import_sheet(out, prestatie.load_mapping(MAPPINGS / mapping))
    assert [p.number for p in back.programmes] == [7]


def test_convert_refuses_an_existing_out_without_force_and_leaves_it_untouched(
    tmp_path: Path, budget_xlsx: Path
) -> None:
    out = tmp_path / "monitor.json"
    out.write_text("precious", encoding="utf-8")
    result = prestatie_command("convert", budget_xlsx, out)
    assert result.returncode == 2
    assert result.stderr.strip() == f"Error: {out} exists: add --force to replace it"
    assert out.read_text(encoding="utf-8") == "precious"
    assert prestatie_command("convert", budget_xlsx, out, "--force").returncode == 0
    assert from_json(out.read_text(encoding="utf-8")) == monitor_budget()


def test_a_failed_convert_leaves_out_untouched_and_no_stray_files(
    tmp_path: Path, broken_xlsx: Path
) -> None:
    out = tmp_path / "out.json"
    out.write_text("precious", encoding="utf-8")
    before = sorted(tmp_path.iterdir())
    result = prestatie_command("convert", broken_xlsx, out, "--force")
    assert result.returncode == 1
    assert out.read_text(encoding="utf-8") == "precious"
    assert sorted(tmp_path.iterdir()) == before
    assert f"{broken_xlsx}: Prestaties!C2: Code: " in result.stderr
    assert result.stderr.splitlines()[-1].startswith(f"Error: {broken_xlsx}: ")
    assert result.stdout == ""


def test_a_failed_convert_shows_no_traceback_and_debug_shows_one(broken_xlsx: Path) -> None:
    out = broken_xlsx.with_suffix(".json")
    plain = prestatie_command("convert", broken_xlsx, out)
    assert "Traceback" not in plain.stderr
    for args in (["convert", "--debug"], ["--debug", "convert"]):
        debug = prestatie_command(*args, broken_xlsx, out)
        assert debug.returncode == 1
        assert "Traceback (most recent call last)" in debug.stderr
        assert "WorkbookError" in debug.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["in.xlsx", "out.csv"], "out.csv: expected a .xlsx or .json file, got '.csv'"),
        (["--report", "monitor", "in.xlsx", "out.json"], "expected a .xlsx file, got '.json'"),
        (["--mapping", "m.toml", "in.json", "out.xlsx"], "expected a .xlsx file, got '.json'"),
        (["missing.xlsx", "out.json"], "missing.xlsx: cannot open the file"),
    ],
)
def test_convert_usage_errors_and_unreadable_input_exit_2(
    tmp_path: Path, args: list[str], message: str
) -> None:
    result = prestatie_command("convert", *args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out.json").exists()


def test_convert_through_a_mapping_that_does_not_fit_exits_1(tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    result = invoke("convert", "--mapping", MAPPINGS / "monitor.toml", LEDGER_SAMPLE, out)
    assert result.exit_code == 1
    assert f"{LEDGER_SAMPLE}: Export!1:1: no column headed" in result.stderr
    assert not out.exists()


# -- conventions -----------------------------------------------------------------------------


def test_no_progress_indicator_when_stderr_is_no_terminal(
    tmp_path: Path, budget_xlsx: Path
) -> None:
    result = prestatie_command("convert", budget_xlsx, tmp_path / "out.json")
    assert "\r" not in result.stderr


class _Terminal(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self.written = threading.Event()

    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.written.set()
        return super().write(text)


def test_on_a_terminal_a_slow_step_shows_a_spinner_that_is_cleared_after(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(indicator, "DELAY", 0)
    terminal = _Terminal()
    with indicator.Indicator(terminal).running("reading begroting.xlsx"):
        assert terminal.written.wait(30)
    text = terminal.getvalue()
    assert "reading begroting.xlsx" in text
    assert text.endswith("\r\x1b[K")


def test_the_readme_shows_the_real_output_of_each_command() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = readme_console.commands(text)
    used = {command.split()[1] for command, _ in shown if command.startswith("prestatie ")}
    assert used >= {"template", "check", "convert"}
    assert readme_console.commands(readme_console.rerun(text)) == shown


# -- summary ---------------------------------------------------------------------------------


def test_summary_prints_the_totals_table_of_the_bundled_budget() -> None:
    result = prestatie_command("summary", DATA / "begroting-2017.xlsx")
    assert result.returncode == 0, result.stderr
    budget = read_workbook(DATA / "begroting-2017.xlsx")
    assert result.stdout == prestatie.render_summary(prestatie.summarise(budget)) + "\n"
    assert "Totaal lasten" in result.stdout
    assert result.stderr == ""


def test_summary_of_json_and_of_a_foreign_sheet() -> None:
    assert invoke("summary", DATA / "monitor-2017-2.json").stdout.startswith("Monitor 2017-II")
    foreign = invoke("summary", "--mapping", MAPPINGS / "monitor.toml", MONITOR_SAMPLE)
    assert foreign.exit_code == 0
    assert "Kerntaak 7" in foreign.stdout


def test_summary_of_a_faulty_or_unreadable_file_prints_nothing_on_stdout(
    tmp_path: Path, broken_xlsx: Path
) -> None:
    faulty = prestatie_command("summary", broken_xlsx)
    assert faulty.returncode == 1
    assert faulty.stdout == ""
    assert f"{broken_xlsx}: Prestaties!C2: " in faulty.stderr
    missing = prestatie_command("summary", tmp_path / "missing.json")
    assert missing.returncode == 2
    assert missing.stderr == (
        f"Error: {tmp_path / 'missing.json'}: cannot open the file: No such file or directory\n"
    )


# -- diff ------------------------------------------------------------------------------------


def test_diff_prints_what_changed_between_the_bundled_budgets() -> None:
    old, new = DATA / "begroting-2017.xlsx", DATA / "begroting-2018.json"
    result = prestatie_command("diff", old, new)
    assert result.returncode == 0, result.stderr
    expected = prestatie.diff_budgets(read_workbook(old), prestatie.read_budget(new))
    assert result.stdout == prestatie.render_diff(expected) + "\n"
    assert "Prestatie 3.2.2 Snelfietsroutes: nieuw" in result.stdout
    assert "Prestatie 3.1.2 Verkeersveiligheid: vervallen" in result.stdout


def test_diff_exit_code_says_whether_the_budgets_differ() -> None:
    same = invoke("diff", "--exit-code", DATA / "begroting-2017.xlsx", DATA / "begroting-2017.json")
    assert same.exit_code == 0
    assert same.stdout.endswith("Geen verschillen.\n")
    args = ("diff", DATA / "begroting-2017.xlsx", DATA / "begroting-2018.xlsx")
    assert invoke(*args).exit_code == 0
    assert invoke("--debug", *args, "--exit-code").exit_code == 1


def test_diff_of_an_unreadable_or_faulty_budget_fails_without_output(
    tmp_path: Path, broken_xlsx: Path
) -> None:
    missing = prestatie_command("diff", DATA / "begroting-2017.xlsx", tmp_path / "nieuw.xlsx")
    assert missing.returncode == 2
    assert missing.stdout == ""
    assert f"{tmp_path / 'nieuw.xlsx'}: cannot open the file" in missing.stderr
    faulty = invoke("diff", broken_xlsx, DATA / "begroting-2017.xlsx")
    assert faulty.exit_code == 1
    assert faulty.stdout == ""
    assert invoke("diff", DATA / "begroting-2017.xlsx").exit_code == 2


# -- progress --------------------------------------------------------------------------------


def test_progress_judges_the_bundled_monitor_with_the_default_rule() -> None:
    path = DATA / "monitor-2017-2.xlsx"
    result = prestatie_command("progress", path)
    assert result.returncode == 0, result.stderr
    report = prestatie.progress(read_workbook(path), prestatie.Thresholds())
    assert result.stdout == prestatie.render_progress(report) + "\n"
    assert "Kleurregel: inhoud groen bij ten minste 80% gehaald" in result.stdout


def test_progress_thresholds_are_options_read_as_exact_percentages() -> None:
    path = DATA / "monitor-2017-2.json"
    result = invoke(
        "progress", path, "--met-green", "90", "--met-orange", "60%",
        "--deviation-green", "12,5", "--deviation-orange", "30.25",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    thresholds = prestatie.Thresholds(
        met_green=90,
        met_orange=60,
        deviation_green=Decimal("12.5"),
        deviation_orange=Decimal("30.25"),
    )
    report = prestatie.progress(prestatie.read_budget(path), thresholds)
    assert result.stdout == prestatie.render_progress(report) + "\n"
    assert "hoogstens 12,5%" in result.stdout


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--met-green", "veel"], "expected a percentage such as 80 or 12,5, got 'veel'"),
        (["--met-green", "40"], "--met-orange 50% exceeds --met-green 40%"),
        (["--deviation-green", "30"], "--deviation-green 30% exceeds --deviation-orange 25%"),
    ],
)
def test_progress_refuses_thresholds_that_make_no_rule(options: list[str], message: str) -> None:
    result = invoke("progress", DATA / "monitor-2017-2.xlsx", *options)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_progress_of_a_begroting_or_an_unreadable_file_fails_in_one_line(tmp_path: Path) -> None:
    begroting = prestatie_command("progress", DATA / "begroting-2017.xlsx")
    assert begroting.returncode == 1
    assert begroting.stderr.startswith(f"Error: {DATA / 'begroting-2017.xlsx'}: ")
    assert "expected a monitor or jaarverslag" in begroting.stderr
    assert len(begroting.stderr.splitlines()) == 1
    garbage = tmp_path / "monitor.xlsx"
    garbage.write_bytes(b"PK\x03\x04 truncated")
    unreadable = prestatie_command("progress", garbage)
    assert unreadable.returncode == 2
    assert "Traceback" not in unreadable.stderr
    debug = prestatie_command("progress", "--debug", garbage)
    assert "Traceback (most recent call last)" in debug.stderr


def test_an_out_that_cannot_be_written_is_one_line_naming_it(tmp_path: Path) -> None:
    out = tmp_path / "map-bestaat-niet" / "begroting.json"
    result = prestatie_command("convert", DATA / "begroting-2017.xlsx", out)
    assert result.returncode == 2
    assert result.stderr == (
        f"Error: {out}: cannot write the file: No such file or directory ({out.parent})\n"
    )


def test_a_reader_of_stdout_that_goes_away_ends_the_command_quietly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`prestatie summary FILE | head`: no error message for the closed pipe, exit code 1."""

    def gone(*_: object) -> str:
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(_cli, "render_summary", gone)
    result = invoke("summary", DATA / "begroting-2017.json")
    assert result.exit_code == 1
    assert result.stderr == ""


def test_an_internal_error_is_one_line_without_traceback_and_debug_shows_it(
    budget_xlsx: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug in the reader is no user's mistake, and not an unreadable file either: one line
    that names it an internal error and points to --debug, exit code 3; --debug adds the
    traceback."""
    reader_bug(monkeypatch)
    result = invoke("check", budget_xlsx)
    assert result.exit_code == 3
    assert result.stderr.startswith("Error: internal error (KeyError: ")
    assert "Geen blad" in result.stderr
    assert "): a bug in prestatie" in result.stderr
    assert "--debug" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.stderr
    debug = invoke("--debug", "check", budget_xlsx)
    assert debug.exit_code == 3
    assert "Traceback (most recent call last)" in debug.stderr
    assert "KeyError: " in debug.stderr
    assert "Geen blad" in debug.stderr


# -- --json and file errors ------------------------------------------------------------------


def test_summary_diff_and_progress_print_json_with_exact_amounts() -> None:
    """Each gives with --json the same result as its text, as JSON: amounts as exact strings,
    codes as text, enums as their Dutch labels."""
    summary = json.loads(invoke("summary", "--json", DATA / "begroting-2017.json").stdout)
    assert summary["unit"] == "x € 1.000"
    lasten = summary["tables"][0]
    assert (lasten["flow"], lasten["column"]) == ("lasten", "primitief")
    assert lasten["total"]["values"]["2017"] == "130770"
    changes = invoke("diff", "--json", DATA / "begroting-2017.json", DATA / "begroting-2018.json")
    labels = {item["code"]: item["label"] for item in json.loads(changes.stdout)["prestaties"]}
    assert labels["3.2.2"] == "nieuw"
    assert labels["3.1.2"] == "vervallen"
    report = json.loads(invoke("progress", "--json", DATA / "monitor-2017-2.json").stdout)
    assert report["thresholds"]["met_green"] == "80"
    assert report["prestaties"][0]["code"] == "3.1.1"


def test_file_errors_name_the_file_once_call_a_folder_a_folder_and_hint_at_xlsx(
    tmp_path: Path,
) -> None:
    missing = tmp_path / "nope.json"
    folder = tmp_path / "map.xlsx"
    folder.mkdir()
    old = tmp_path / "oud.xls"
    old.write_bytes(b"")
    result = prestatie_command("check", missing, folder, old)
    assert result.stderr.splitlines()[:3] == [
        f"{missing}: cannot open the file: No such file or directory",
        f"{folder}: is a folder, not a file: expected a .xlsx or .json file",
        f"{old}: expected a .xlsx or .json file, got '.xls': save it as .xlsx (Excel Workbook)"
        " and try again",
    ]
    assert prestatie_command("summary", folder).stderr == (
        f"Error: {folder}: is a folder, not a file: expected a .xlsx or .json file\n"
    )
    assert prestatie_command("summary", tmp_path / "nope.xlsx").stderr == (
        f"Error: {tmp_path / 'nope.xlsx'}: cannot open the file: No such file or directory\n"
    )

"""The bundled example budget and the example scripts, run as a finance officer runs them."""

from __future__ import annotations

import re
import subprocess
import zipfile
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import EXAMPLES, load_script, run_python
from prestatie import (
    Amount,
    Budget,
    BudgetColumn,
    Code,
    Continuity,
    DocumentKind,
    Flow,
    PrestatieError,
    TargetKind,
    check_budget,
    diff_budgets,
    from_json,
    import_sheet,
    load_mapping,
    parse_amount,
    progress,
    read_workbook,
    write_budget,
)

DATA = EXAMPLES / "data"


@pytest.fixture(autouse=True)
def dutch_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """The examples run as a finance officer runs them: without PRESTATIE_LANG, in Dutch."""
    monkeypatch.delenv("PRESTATIE_LANG", raising=False)


GENERATOR = load_script(DATA / "make_example_data.py")
BUILDERS: dict[str, Callable[[], Budget]] = GENERATOR.BUILDERS


def _committed(name: str) -> Budget:
    return read_workbook(DATA / f"{name}.xlsx")


def _no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr
    assert "Traceback" not in result.stdout


# The bundled data.


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_committed_example_files_are_what_the_generator_builds(name: str, tmp_path: Path) -> None:
    """examples/data/NAME.json and NAME.xlsx hold the budget the generator builds now, and are
    byte for byte what it writes (the writers are deterministic); rerun make_example_data.py
    after changing the generator or a writer."""
    built = BUILDERS[name]()
    assert from_json((DATA / f"{name}.json").read_text(encoding="utf-8")) == built
    assert _committed(name) == built
    for suffix in (".json", ".xlsx"):
        fresh = tmp_path / f"{name}{suffix}"
        write_budget(built, fresh)
        assert _contents(fresh) == _contents(DATA / f"{name}{suffix}"), suffix


def _contents(path: Path) -> dict[str, bytes]:
    """A file's bytes; for a workbook, each part's (the zip's compressed bytes depend on the
    zlib build)."""
    if path.suffix != ".xlsx":
        return {"": path.read_bytes()}
    with zipfile.ZipFile(path) as archive:
        return {part: archive.read(part) for part in archive.namelist()}


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_example_budgets_have_no_problems(name: str) -> None:
    """Every rule across objects holds in the bundled budgets."""
    assert check_budget(BUILDERS[name]()) == []


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_example_budgets_say_their_figures_are_invented(name: str) -> None:
    """The workbook's metadata marks the invented figures."""
    assert "verzonnen" in _committed(name).notes


def test_the_2018_budget_is_a_next_version_of_2017() -> None:
    """A diff of the two has something to show: prestaties vervallen and new, changed titles
    and targets; kerntaak 7 adds up in 2018 to the published primitief per beleidsdoel."""
    old, new = _committed("begroting-2017"), _committed("begroting-2018")
    old_codes = {str(item.code) for item in old.prestaties()}
    new_codes = {str(item.code) for item in new.prestaties()}
    assert old_codes - new_codes == {"3.1.2"}
    assert new_codes - old_codes == {"3.2.2", "7.2.4"}
    assert old.prestatie("7.1.6").title != new.prestatie("7.1.6").title
    assert old.prestatie("7.2.3").actions[0].targets != new.prestatie("7.2.3").actions[0].targets
    kerntaak_7 = next(p for p in new.programmes if p.number == 7)
    published = {"7.1": 815, "7.2": 1823, "7.3": 6537}
    for objective in kerntaak_7.objectives:
        lasten_2018 = sum(
            amount.value
            for item in objective.prestaties
            for amount in item.amounts
            if amount.flow is Flow.LASTEN and amount.year == 2018
        )
        assert lasten_2018 == published[str(objective.code)]


def test_the_monitor_realises_and_scores_every_prestatie() -> None:
    """Monitor 2017-II has a realised amount and a status for every prestatie."""
    monitor = _committed("monitor-2017-2")
    assert monitor.kind is DocumentKind.MONITOR
    for item in monitor.prestaties():
        assert item.status is not None
        assert any(a.column is BudgetColumn.GEREALISEERD for a in item.amounts)
    assert any(action.realised for item in monitor.prestaties() for action in item.actions)


# totals.py


def _table(stdout: str) -> dict[str, list[Decimal]]:
    """The rows of an aligned table whose cells after the label are all amounts: label →
    amounts (a leading "+" marks a rise). Cells are separated by two spaces or more."""
    rows = {}
    for line in stdout.splitlines():
        label, *cells = re.split(r"\s{2,}", line.strip())
        try:
            amounts = [parse_amount(cell.removeprefix("+")) for cell in cells]
        except PrestatieError:
            continue
        if cells and None not in amounts and label != "Kerntaak":
            rows[label] = [amount for amount in amounts if amount is not None]
    return rows


def _lasten(budget: Budget, column: BudgetColumn) -> dict[int, list[Decimal]]:
    years = range(budget.first_year, budget.last_year + 1)
    result = {}
    for programme in budget.programmes:
        owners = [programme.amounts]
        for objective in programme.objectives:
            owners.append(objective.amounts)
            owners += [item.amounts for item in objective.prestaties]
        result[programme.number] = [
            sum(
                (
                    a.value
                    for amounts in owners
                    for a in amounts
                    if a.flow is Flow.LASTEN and a.column is column and a.year == year
                ),
                Decimal(0),
            )
            for year in years
        ]
    return result


@pytest.mark.parametrize(
    ("argument", "name", "column"),
    [
        (None, "begroting-2017", BudgetColumn.PRIMITIEF),
        ("begroting-2018.json", "begroting-2018", BudgetColumn.PRIMITIEF),
        ("monitor-2017-2.xlsx", "monitor-2017-2", BudgetColumn.ACTUEEL),
    ],
)
def test_totals_prints_the_exact_lasten_per_kerntaak_and_a_total_that_adds_up(
    argument: str | None, name: str, column: BudgetColumn
) -> None:
    """Each kerntaak's row is the exact sum of its lasten per year; Totaal is their sum."""
    args = [] if argument is None else [DATA / argument]
    result = run_python(EXAMPLES / "totals.py", *args)
    assert result.returncode == 0, result.stderr
    budget = _committed(name)
    assert result.stdout.startswith(f"{budget.title} — provincie Overijssel")
    assert "x € 1.000" in result.stdout
    rows = _table(result.stdout)
    expected = _lasten(budget, column)
    for programme in budget.programmes:
        assert rows[f"{programme.number} {programme.name}"] == expected[programme.number]
    columns = zip(*expected.values(), strict=True)
    assert rows["Totaal"] == [sum(column, Decimal(0)) for column in columns]


def test_totals_of_a_missing_file_says_so_in_one_line(tmp_path: Path) -> None:
    """A missing file gives a one-line message naming it, exit code 2 and no traceback."""
    missing = tmp_path / "geen-begroting.xlsx"
    result = run_python(EXAMPLES / "totals.py", missing)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [f"{missing}: bestand niet gevonden"]
    _no_traceback(result)


# prestatie_7_2_3.py


def test_seed_script_writes_a_workbook_holding_the_seed_page(
    tmp_path: Path, seed_budget: Budget
) -> None:
    """With OUT.xlsx the seed script writes the budget workbook, which reads back unchanged."""
    out = tmp_path / "prestatie-7.2.3.xlsx"
    result = run_python(EXAMPLES / "prestatie_7_2_3.py", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{out} geschreven"
    assert read_workbook(out) == seed_budget


@pytest.mark.parametrize("suffix", [".json", ".xlsx"])
def test_seed_script_into_a_missing_folder_says_so_in_one_line(tmp_path: Path, suffix: str) -> None:
    """Writing into a folder that does not exist gives one line naming the file, exit 1."""
    out = tmp_path / "geen-map" / f"seed{suffix}"
    result = run_python(EXAMPLES / "prestatie_7_2_3.py", out)
    assert result.returncode == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"{out}: kan niet schrijven")
    _no_traceback(result)


# convert_monitor.py

MONITOR_SHEET = DATA / "monitor-2018-2-kerntaak-7.xlsx"
MONITOR_MAPPING = EXAMPLES / "mappings" / "monitor.toml"


def _imported_monitor() -> Budget:
    return import_sheet(MONITOR_SHEET, load_mapping(MONITOR_MAPPING))


def _columns(amounts: tuple[Amount, ...], flow: Flow) -> list[Decimal]:
    values = [
        sum((a.value for a in amounts if a.flow is flow and a.column is column), Decimal(0))
        for column in (
            BudgetColumn.PRIMITIEF,
            BudgetColumn.WIJZIGING,
            BudgetColumn.ACTUEEL,
            BudgetColumn.GEREALISEERD,
        )
    ]
    return [*values, values[2] - values[3]]


def test_convert_monitor_writes_the_canonical_workbook_and_prints_its_table(
    tmp_path: Path,
) -> None:
    """The written workbook reads back as the imported sheet; each printed row is its
    owner's amounts with Ruimte = actueel − gerealiseerd, and the totals add up."""
    out = tmp_path / "monitor.xlsx"
    result = run_python(EXAMPLES / "convert_monitor.py", out)
    assert result.returncode == 0, result.stderr
    assert f"Geschreven: {out}" in result.stdout.splitlines()
    imported = _imported_monitor()
    assert read_workbook(out) == imported
    rows = _table(result.stdout)
    (kerntaak,) = imported.programmes
    for objective in kerntaak.objectives:
        for flow, label in ((Flow.LASTEN, "Lasten"), (Flow.BATEN, "Baten")):
            if any(a.flow is flow for a in objective.amounts):
                assert rows[f"{label} BD {objective.code}"] == _columns(objective.amounts, flow)
    assert rows["Lasten kerntaak 7 (niet per BD)"] == _columns(kerntaak.amounts, Flow.LASTEN)
    lasten_rows = [values for label, values in rows.items() if label.startswith("Lasten ")]
    assert rows["Totaal lasten"] == [
        sum(column, Decimal(0)) for column in zip(*lasten_rows, strict=True)
    ]
    # The published totals row of kerntaak 7: 18.146 | 369 | 18.515 | 6.727 | 11.788.
    assert rows["Totaal lasten"] == [18146, 369, 18515, 6727, 11788]


def test_convert_monitor_without_arguments_writes_into_a_new_temporary_folder() -> None:
    """With no arguments the workbook goes to a fresh temporary folder, named in the output."""
    result = run_python(EXAMPLES / "convert_monitor.py")
    assert result.returncode == 0, result.stderr
    (line,) = [line for line in result.stdout.splitlines() if line.startswith("Geschreven: ")]
    out = Path(line.removeprefix("Geschreven: "))
    try:
        assert read_workbook(out) == _imported_monitor()
    finally:
        out.unlink()
        out.parent.rmdir()


def test_convert_monitor_of_a_missing_sheet_says_so_in_one_line(tmp_path: Path) -> None:
    """A missing input sheet gives one line naming it, exit code 2, and nothing written."""
    missing = tmp_path / "geen-monitor.xlsx"
    out = tmp_path / "out.xlsx"
    result = run_python(EXAMPLES / "convert_monitor.py", out, "--sheet", missing)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [f"{missing}: bestand niet gevonden"]
    assert not out.exists()
    _no_traceback(result)


def test_convert_monitor_never_replaces_an_existing_file(tmp_path: Path) -> None:
    """An existing output file stays as it was; the message names it."""
    out = tmp_path / "out.xlsx"
    out.write_bytes(b"keep me")
    result = run_python(EXAMPLES / "convert_monitor.py", out)
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"{out}: bestaat al")
    assert out.read_bytes() == b"keep me"
    _no_traceback(result)


# targets_vs_realised.py


def _expected_verdicts(budget: Budget, code: str) -> list[tuple[str, str]]:
    verdicts = []
    for action in budget.prestatie(code).actions:
        realised = {m.unit: m.value for m in action.realised}
        for target in action.targets:
            if target.unit in realised:
                verdict = target.evaluate(realised[target.unit]).outcome.value
            elif target.kind is TargetKind.QUALITATIVE:
                verdict = "niet meetbaar"
            else:
                verdict = "geen realisatie"
            verdicts.append((target.text, verdict))
    return verdicts


VERDICT = re.compile(
    r"  (\d+)\s{2,}(.+?)\s{2,}(.+?)\s{2,}(gehaald|niet gehaald|niet meetbaar|geen realisatie)"
)


@pytest.mark.parametrize(
    "codes", [[], ["3.1.1", "3.1.2", "7.1.6"], ["7.3.1"], ["5.1.1", "5.1.2", "7.2.3"]]
)
def test_targets_vs_realised_prints_each_targets_verdict(codes: list[str]) -> None:
    """Every target of the chosen prestaties is printed with the verdict of Target.evaluate
    against the realised value of its unit, and the summary counts them."""
    args = [DATA / "monitor-2017-2.json", *codes] if codes else []
    result = run_python(EXAMPLES / "targets_vs_realised.py", *args)
    assert result.returncode == 0, result.stderr
    monitor = _committed("monitor-2017-2")
    expected = [
        v for code in codes or ["7.2.2", "7.2.3"] for v in _expected_verdicts(monitor, code)
    ]
    printed = [(m[2], m[4]) for m in map(VERDICT.fullmatch, result.stdout.splitlines()) if m]
    assert printed == expected
    counts = Counter(verdict for _, verdict in expected)
    summary = result.stdout.strip().splitlines()[-1]
    labels = ("gehaald", "niet gehaald", "niet meetbaar", "geen realisatie")
    shown = ", ".join(f"{counts[label]} {label}" for label in labels if counts[label])
    assert summary == f"Samenvatting: {shown or 'geen streefwaarden'}"


@pytest.mark.parametrize("codes", [["7.2.2", "7.2.3"], ["3.1.1", "3.1.2", "5.1.2", "7.3.2"]])
def test_targets_vs_realised_shows_the_content_colour_of_progress(codes: list[str]) -> None:
    """Under each prestatie of a monitor stands the content colour `progress` gives it, and
    the colour the monitor records; the verdicts agree with those of `progress`."""
    result = run_python(EXAMPLES / "targets_vs_realised.py", DATA / "monitor-2017-2.xlsx", *codes)
    assert result.returncode == 0, result.stderr
    report = {item.code: item for item in progress(_committed("monitor-2017-2")).prestaties}
    colour_lines = [
        line.strip() for line in result.stdout.splitlines() if "volgens de kleurregel" in line
    ]
    expected = []
    for code in codes:
        item = report[Code(code)]
        assert item.recorded is not None
        assert item.recorded.content is not None
        rule = item.content.value if item.content else "geen oordeel"
        expected.append(
            f"Inhoud volgens de kleurregel: {rule}; de monitor zelf: {item.recorded.content.value}"
        )
    assert colour_lines == expected
    printed = [m[4] for m in map(VERDICT.fullmatch, result.stdout.splitlines()) if m]
    assert printed == [r.outcome.value for code in codes for r in report[Code(code)].targets]


def test_targets_vs_realised_by_default_shows_every_kind_of_verdict() -> None:
    """The default run shows targets met, not met and not measurable."""
    result = run_python(EXAMPLES / "targets_vs_realised.py")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == (
        "Samenvatting: 3 gehaald, 1 niet gehaald, 2 niet meetbaar"
    )


def test_targets_vs_realised_of_a_missing_file_says_so_in_one_line(tmp_path: Path) -> None:
    """A missing file gives a one-line message naming it, exit code 2 and no traceback."""
    missing = tmp_path / "geen-monitor.xlsx"
    result = run_python(EXAMPLES / "targets_vs_realised.py", missing)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [f"{missing}: bestand niet gevonden"]
    _no_traceback(result)


@pytest.mark.parametrize("code", ["9.9.9", "7.2.x"])
def test_targets_vs_realised_of_an_unknown_prestatie_says_so_in_one_line(code: str) -> None:
    """A code that is no prestatie of the file gives one line naming both, exit code 1."""
    path = DATA / "monitor-2017-2.xlsx"
    result = run_python(EXAMPLES / "targets_vs_realised.py", path, code)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [f"{path}: geen prestatie {code!r} gevonden"]
    _no_traceback(result)


def test_targets_vs_realised_of_a_budget_finds_no_realised_values() -> None:
    """A begroting records no realised values: every measurable target says so."""
    result = run_python(EXAMPLES / "targets_vs_realised.py", DATA / "begroting-2017.json", "7.2.3")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "Samenvatting: 4 geen realisatie"


# README


def test_example_output_pasted_in_the_readme_is_what_the_examples_print() -> None:
    """Every `$ python examples/...` block in the README shows the script's real output."""
    readme = (EXAMPLES.parent / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```text\n\$ python (examples/\S+)((?: \S+)*)\n(.*?)```", readme, re.S)
    assert blocks
    for script, arguments, shown in blocks:
        result = run_python(script, *arguments.split(), cwd=EXAMPLES.parent)
        assert result.returncode == 0, result.stderr
        assert result.stdout == shown, script


# compare_budgets.py


def test_compare_budgets_labels_every_prestatie_and_totals_add_up() -> None:
    """The default run prints the diff of Begroting 2017 and 2018: the count per label, each
    nieuw and vervallen prestatie, and per common year the total lasten of both budgets with
    a difference that equals the sum of every lasten change the diff lists."""
    result = run_python(EXAMPLES / "compare_budgets.py")
    assert result.returncode == 0, result.stderr
    old, new = _committed("begroting-2017"), _committed("begroting-2018")
    diff = diff_budgets(old, new)
    out = result.stdout.splitlines()
    counts = ", ".join(f"{label.value} {len(diff.labelled(label))}" for label in Continuity)
    assert f"Prestaties: {counts}" in out
    assert counts == "nieuw 2, voortzetting 4, gewijzigd 9, vervallen 1"
    assert "Prestatie 3.1.2 Verkeersveiligheid: vervallen" in out
    assert "Prestatie 3.2.2 Snelfietsroutes: nieuw" in out
    assert "Prestatie 7.2.4 Jongerenparticipatie: nieuw" in out
    assert "  titel: 'Integriteit en weerbaarheid van het bestuur' → 'Weerbaar bestuur'" in out
    rows = _table(result.stdout[result.stdout.index("Totaal lasten") :])
    assert [int(year) for year in rows] == list(diff.years) == [2018, 2019, 2020]
    primitief = BudgetColumn.PRIMITIEF
    for year in diff.years:
        before = _lasten(old, primitief)
        after = _lasten(new, primitief)
        old_total = sum((values[year - old.first_year] for values in before.values()), Decimal(0))
        new_total = sum((values[year - new.first_year] for values in after.values()), Decimal(0))
        changes = [
            change
            for owner in (*diff.prestaties, *diff.own_amounts)
            for change in owner.amounts
            if (change.flow, change.column, change.year) == (Flow.LASTEN, primitief, year)
        ]
        listed = sum((change.delta for change in changes), Decimal(0))
        assert rows[str(year)] == [old_total, new_total, new_total - old_total]
        assert listed == new_total - old_total


def test_compare_budgets_reads_json_as_it_reads_workbooks() -> None:
    """The JSON forms of the two budgets give the same output as their workbooks."""
    from_workbooks = run_python(EXAMPLES / "compare_budgets.py")
    from_json_files = run_python(
        EXAMPLES / "compare_budgets.py", DATA / "begroting-2017.json", DATA / "begroting-2018.json"
    )
    assert from_json_files.returncode == 0, from_json_files.stderr
    assert from_json_files.stdout == from_workbooks.stdout


def test_compare_budgets_of_a_missing_file_says_so_in_one_line(tmp_path: Path) -> None:
    """A missing file gives a one-line message naming it, exit code 2 and no traceback."""
    missing = tmp_path / "begroting-2019.xlsx"
    result = run_python(EXAMPLES / "compare_budgets.py", DATA / "begroting-2018.xlsx", missing)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [f"{missing}: bestand niet gevonden"]
    _no_traceback(result)


def test_compare_budgets_with_one_file_shows_its_usage() -> None:
    """One file instead of two gives the usage line and exit code 2."""
    result = run_python(EXAMPLES / "compare_budgets.py", DATA / "begroting-2018.xlsx")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "gebruik: python examples/compare_budgets.py [OUD NIEUW]"
    ]
    _no_traceback(result)


@pytest.mark.parametrize(
    "arguments",
    [
        ["totals.py", DATA / "grootboek-2017.xlsx"],
        ["targets_vs_realised.py", DATA / "grootboek-2017.xlsx"],
        ["compare_budgets.py", DATA / "begroting-2017.xlsx", DATA / "grootboek-2017.xlsx"],
    ],
    ids=["totals", "targets_vs_realised", "compare_budgets"],
)
def test_an_example_given_a_file_that_is_no_budget_names_its_problems(
    arguments: list[str | Path],
) -> None:
    """A foreign sheet where a budget workbook belongs: exit code 1, the file and its problem
    named, warnings as plain lines, no traceback."""
    script, *files = arguments
    result = run_python(EXAMPLES / str(script), *files)
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert f"{DATA / 'grootboek-2017.xlsx'}: geen werkblad 'Begroting'" in result.stderr
    assert all(line.startswith(("Waarschuwing: ", str(DATA), "  ")) for line in lines)
    _no_traceback(result)


def test_seed_script_does_not_replace_an_existing_file_without_force(tmp_path: Path) -> None:
    out = tmp_path / "seed.json"
    out.write_text("eerder", encoding="utf-8")
    refused = run_python(EXAMPLES / "prestatie_7_2_3.py", out)
    assert refused.returncode == 2
    assert refused.stderr.startswith(f"{out}: bestaat al; vervang het met --force")
    assert out.read_text(encoding="utf-8") == "eerder"
    forced = run_python(EXAMPLES / "prestatie_7_2_3.py", out, "--force")
    assert forced.returncode == 0, forced.stderr
    assert out.read_text(encoding="utf-8") != "eerder"


@pytest.mark.parametrize(
    "script",
    ["make_example_data.py", "foreign_samples.py", "provinces/build.py"],
)
def test_a_data_script_explains_itself_with_help_and_writes_nothing(
    script: str, tmp_path: Path
) -> None:
    """`--help` prints the usage; it does not write the data into a folder named "--help"."""
    result = run_python(DATA / script, "--help", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith(f"usage: {Path(script).name}")
    assert list(tmp_path.iterdir()) == []

"""Real tables, transcribed from the provinces' own pages (examples/data/real/SOURCES.md),
imported through their mappings (examples/mappings/real/): each imports or reports exactly
its source's faults, keeps its lasten, baten and saldi as printed, and has every total
checked, so that a changed figure is a problem at the total naming the changed cell."""

from __future__ import annotations

import json
import re
import shutil
import warnings
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from conftest import EXAMPLES, load_script
from prestatie import Budget, Code, WorkbookError, WorkbookWarning, import_sheet, load_mapping
from prestatie._cli import main

DATA = EXAMPLES / "data" / "real"
MAPPINGS = EXAMPLES / "mappings" / "real"
NAMES = sorted(path.stem for path in DATA.glob("*.txt"))


@attrs.frozen
class Sample:
    province: str
    problems: dict[str, str] = attrs.field(factory=dict)
    """Cell → part of its message, for the faults of the source itself."""
    spots: tuple[tuple[str, str, str, int, int, str | None], ...] = ()
    """(code, flow, budget column, year, value as printed, taakveld)."""
    changed: tuple[str, int | str] = ("", 0)
    """A cell changed by one figure, and…"""
    totals: frozenset[str] = frozenset()
    """…the cells that then report it: the totals, saldi and derived cells it feeds."""


SAMPLES = {
    "brabant-jaarstukken-2020-programmarekening": Sample(
        "Noord-Brabant",
        problems={"Programmarekening!B17": "found str '49.72': expected an amount"},
    ),
    "drenthe-jaarverslag-2017-taakvelden": Sample(
        "Drenthe",
        spots=(
            ("8", "saldo", "gerealiseerd", 2017, -164827433, "0.1"),
            ("1", "saldo", "actueel", 2017, 355340, "0.6"),
            ("8", "saldo", "primitief", 2017, 24471687, "0.6"),
        ),
        changed=("E4", -164827400),
        totals=frozenset({"Taakvelden!E5", "Taakvelden!F4"}),
    ),
    "fryslan-begroting-2025-programma-1": Sample(
        "Fryslân",
        spots=(
            ("1", "lasten", "primitief", 2025, 23293, None),  # its two lines, as Totaal
            ("1", "baten", "gerealiseerd", 2023, 1609, None),
        ),
        changed=("B4", 9232),  # more than the tolerance of 1
        totals=frozenset({"Lasten en baten!B6", "Lasten en baten!B11", "Lasten en baten!B14"}),
    ),
    "limburg-voorjaarsnota-2023-begrotingswijziging": Sample(
        "Limburg",
        spots=(
            ("1", "lasten", "wijziging", 2023, -3112, None),
            ("8", "baten", "wijziging", 2026, 7094, None),
        ),
        changed=("B5", -3115),
        totals=frozenset({"Begrotingswijziging 3!B13", "Begrotingswijziging 3!D5"}),
    ),
    "noord-holland-zomernota-2018-doel-1-1-1": Sample(
        "Noord-Holland",
        spots=(
            ("1.1.1", "lasten", "gerealiseerd", 2017, 14805, None),
            ("1.1.1", "baten", "primitief", 2018, 43, None),  # printed -43
            ("1.1.1", "lasten", "wijziging", 2018, -86, None),
        ),
        changed=("C5", 8925),
        totals=frozenset(
            {
                "Operationeel doel 1.1.1!C8",
                "Operationeel doel 1.1.1!C10",
                "Operationeel doel 1.1.1!C13",
                "Operationeel doel 1.1.1!E5",
            }
        ),
    ),
    "overijssel-begroting-2020-saldo-kerntaken": Sample(
        "Overijssel",
        spots=(
            ("1.1", "lasten", "gerealiseerd", 2018, 6579, None),  # printed -6.579
            ("1.1", "baten", "primitief", 2023, 7571, None),
        ),
        changed=("C7", 3794),
        totals=frozenset({"Saldo kerntaken!C8"}),
    ),
    "overijssel-jaarverslag-2017-resultaat": Sample(
        "Overijssel",
        changed=("B4", "-51,7"),  # text, as the page's decimals are
        totals=frozenset({"Resultaatoverzicht!B3", "Resultaatoverzicht!D4"}),
    ),
    "utrecht-begroting-2017-saldi": Sample(
        "Utrecht",
        spots=(
            ("5", "saldo", "primitief", 2019, 9077, None),
            ("7", "saldo", "primitief", 2015, 14309, None),
        ),
        changed=("B8", 1702),  # 07 Jeugdzorg: not imported, still counted
        totals=frozenset({"Tabel 4!B10"}),
    ),
    "zeeland-begroting-2020-programmas": Sample(
        "Zeeland",
        spots=(
            ("1", "lasten", "gerealiseerd", 2018, 58447, None),
            ("1", "baten", "primitief", 2020, 18009, None),
        ),
        changed=("B5", 58450),
        totals=frozenset(
            {
                "Lasten en baten!B13",
                "Lasten en baten!B17",
                "Lasten en baten!B20",
                "Lasten en baten!D5",
            }
        ),
    ),
    "zeeland-begroting-2021-programmas": Sample(
        "Zeeland",
        spots=(
            ("5", "lasten", "gerealiseerd", 2019, 67354, None),
            ("8", "baten", "primitief", 2021, 16, None),
        ),
        changed=("C4", 12620),
        totals=frozenset(
            {
                "Lasten en baten!C12",
                "Lasten en baten!C16",
                "Lasten en baten!C18",
                "Lasten en baten!D4",
            }
        ),
    ),
    "zeeland-begroting-2022-programmas": Sample(
        "Zeeland",
        problems={  # its Realisatie 2020 saldi are baten − lasten
            f"Lasten en baten!D{row}": "expected lasten − baten (Lasten en baten!B"
            for row in (*range(5, 13), 14, 15, 18)
        },
    ),
    "zeeland-begroting-2024-meerjarenperspectief": Sample(
        "Zeeland",
        spots=(
            ("1", "lasten", "primitief", 2024, 14419, None),  # four product lines
            ("2", "baten", "primitief", 2025, 1005, None),  # printed Totaal: 1.004
        ),
        changed=("B5", 475),
        totals=frozenset({"Meerjarenperspectief!B9", "Meerjarenperspectief!D5"}),
    ),
    "zuid-holland-begroting-2018-financieel-beeld": Sample(
        "Zuid-Holland",
        spots=(
            ("1", "lasten", "primitief", 2018, 198133, None),
            ("4", "baten", "primitief", 2018, 386, None),
        ),
        changed=("B4", 198140),
        totals=frozenset({"Financieel beeld!B10", "Financieel beeld!D4"}),
    ),
    "zuid-holland-begroting-2025-wettelijke-indicatoren": Sample(
        "Zuid-Holland",
        problems={"Wettelijke indicatoren!C7": "found str '13.4 PJ': expected a number"},
    ),
    "zuid-holland-najaarsnota-2019-effectindicatoren": Sample("Zuid-Holland"),
}


def _import(name: str, path: Path | None = None) -> Budget:
    with warnings.catch_warnings():  # a skipped total is stated as unchecked: tested elsewhere
        warnings.simplefilter("ignore", WorkbookWarning)
        return import_sheet(path or DATA / f"{name}.xlsx", load_mapping(MAPPINGS / f"{name}.toml"))


def _problems(name: str, path: Path | None = None) -> dict[str, str]:
    with pytest.raises(WorkbookError) as caught:
        _import(name, path)
    return {problem.where: problem.message for problem in caught.value.problems}


def _amounts(budget: Budget, code: str) -> dict[tuple[str, str, int, str | None], Decimal]:
    found: dict[tuple[str, str, int, str | None], Decimal] = {}
    for owner in budget.amount_owners():
        if owner.code == Code(code):
            for a in owner.amounts:
                key = (a.flow.value, a.column.value, a.year, a.taakveld)
                found[key] = found.get(key, Decimal(0)) + a.value
    return found


def test_every_transcription_has_a_sample_its_mapping_and_its_source() -> None:
    """Twelve or more tables of eight or more provinces, each with a mapping of at most 20
    lines that are neither blank nor comment, and an entry in SOURCES.md."""
    assert set(NAMES) == set(SAMPLES)
    assert len(NAMES) >= 12
    assert len({sample.province for sample in SAMPLES.values()}) >= 8
    assert len(NAMES) == 15
    sources = (DATA / "SOURCES.md").read_text(encoding="utf-8")
    for name in NAMES:
        lines = (MAPPINGS / f"{name}.toml").read_text(encoding="utf-8").splitlines()
        meaningful = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
        assert len(meaningful) <= 20, name
        assert f"`{name}.xlsx`" in sources, name


def test_the_committed_workbooks_are_what_the_script_builds(tmp_path: Path) -> None:
    build = load_script(DATA / "build.py")
    for name in NAMES:
        built = load_workbook(build.build(DATA / f"{name}.txt", tmp_path)).active
        committed = load_workbook(DATA / f"{name}.xlsx").active
        assert built is not None
        assert committed is not None
        assert built.title == committed.title
        assert list(built.values) == list(committed.values), name
        assert set(map(str, built.merged_cells.ranges)) == set(
            map(str, committed.merged_cells.ranges)
        )


@pytest.mark.parametrize("name", sorted(n for n, s in SAMPLES.items() if not s.problems))
def test_a_real_table_imports_and_keeps_its_figures_as_printed(name: str) -> None:
    budget = _import(name)
    assert budget.province == SAMPLES[name].province
    for code, flow, column, year, value, taakveld in SAMPLES[name].spots:
        assert _amounts(budget, code)[(flow, column, year, taakveld)] == value, (code, flow)


@pytest.mark.parametrize("name", sorted(n for n, s in SAMPLES.items() if s.problems))
def test_a_real_table_with_a_fault_in_its_source_reports_exactly_that_fault(name: str) -> None:
    found = _problems(name)
    assert set(found) == set(SAMPLES[name].problems)
    for cell, message in SAMPLES[name].problems.items():
        assert message in found[cell], found[cell]


@pytest.mark.parametrize("name", sorted(n for n, s in SAMPLES.items() if s.totals))
def test_every_total_saldo_and_derived_cell_a_figure_feeds_is_checked(
    name: str, tmp_path: Path
) -> None:
    """One figure changed: each total, saldo and derived cell it feeds reports it, naming the
    changed cell; nothing else does."""
    cell, value = SAMPLES[name].changed
    path = tmp_path / f"{name}.xlsx"
    shutil.copy(DATA / f"{name}.xlsx", path)
    workbook = load_workbook(path)
    sheet = workbook.active
    assert sheet is not None
    sheet[cell] = value
    workbook.save(path)
    found = _problems(name, path)
    assert set(found) == SAMPLES[name].totals
    for where, message in found.items():
        assert cell in message or where.endswith(f"!{cell}"), (where, message)


def test_brabant_imports_once_its_typo_is_corrected(tmp_path: Path) -> None:
    """Totaal 03 is printed "49.72" for 49.073; as 49073 the table imports, its lines
    "Programma lasten en baten" and "Organisatiekosten" added up under each programme."""
    name = "brabant-jaarstukken-2020-programmarekening"
    path = tmp_path / f"{name}.xlsx"
    shutil.copy(DATA / f"{name}.xlsx", path)
    workbook = load_workbook(path)
    workbook.active["B17"] = 49073  # type: ignore[index]
    workbook.save(path)
    budget = _import(name, path)
    assert [(p.number, p.name) for p in budget.programmes] == [
        (1, "Bestuur en Veiligheid"),
        (2, "Ruimte en Wonen"),
        (3, "Water en Bodem"),
        (4, "Natuur en Milieu"),
    ]
    programme_1 = _amounts(budget, "1")
    assert programme_1[("lasten", "primitief", 2020, None)] == 18558
    assert programme_1[("lasten", "actueel", 2020, None)] == 22010
    assert programme_1[("lasten", "wijziging", 2020, None)] == 22010 - 18558
    assert programme_1[("baten", "gerealiseerd", 2020, None)] == 441


def test_structureel_and_niet_structureel_lines_keep_their_nature() -> None:
    budget = _import("fryslan-begroting-2025-programma-1")
    natures = {
        (a.flow.value, a.nature.value): a.value
        for a in budget.programmes[0].amounts
        if (a.column.value, a.year) == ("primitief", 2025)
    }
    assert natures == {
        ("lasten", "structureel"): 12532,
        ("lasten", "incidenteel"): 10761,
        ("baten", "structureel"): 761,
        ("baten", "incidenteel"): 0,
    }


def test_reserve_rows_are_imported_as_mutations_of_the_reserve_their_label_names() -> None:
    """Fryslân's "Vorming van reserves (lasten)" and "Beschikking over reserves (baten)" are
    a toevoeging and an onttrekking of programme 1, not lasten and baten; they count in
    "Saldo programma 1", which is checked."""
    budget = _import("fryslan-begroting-2025-programma-1")
    (programme,) = budget.programmes
    mutations = {
        (m.kind.value, m.reserve, m.column.value, m.year): m.value
        for m in programme.reserve_mutations
    }
    assert len(mutations) == 12
    assert mutations[("toevoeging", "Vorming van reserves (lasten)", "gerealiseerd", 2023)] == 53
    beschikking = ("onttrekking", "Beschikking over reserves (baten)", "primitief", 2025)
    assert mutations[beschikking] == 340
    assert {r.name for r in budget.reserves} == {m[1] for m in mutations}
    lasten = _amounts(budget, "1")[("lasten", "gerealiseerd", 2023, None)]
    assert lasten == 19744  # the toevoeging is not a lasten amount


def test_reserve_rows_of_a_prestatie_are_stated_as_not_imported_each_by_its_row() -> None:
    """Noord-Holland's doel 1.1.1 is read as a prestatie, which holds no reserve mutations:
    its Storting and Onttrekking reserves rows are each named in a warning, never dropped
    silently, and still count in the Resultaat that is checked."""
    name = "noord-holland-zomernota-2018-doel-1-1-1"
    with pytest.warns(WorkbookWarning) as caught:
        import_sheet(DATA / f"{name}.xlsx", load_mapping(MAPPINGS / f"{name}.toml"))
    messages = sorted(str(warning.message) for warning in caught)
    assert messages == [
        f"Operationeel doel 1.1.1!A{row}: {label!r} is a reserve mutation ({kind}) of"
        " prestatie 1.1.1, which holds none: not imported"
        for row, label, kind in (
            (11, "Storting reserves", "toevoeging"),
            (12, "Onttrekking reserves", "onttrekking"),
        )
    ]


def test_saldo_only_tables_import_saldi_apart_from_lasten_and_baten() -> None:
    for name in ("utrecht-begroting-2017-saldi", "drenthe-jaarverslag-2017-taakvelden"):
        budget = _import(name)
        flows = {a.flow.value for p in budget.programmes for a in p.amounts}
        assert flows == {"saldo"}, name


def test_the_taakveld_overview_keeps_each_programme_under_each_of_its_taakvelden() -> None:
    budget = _import("drenthe-jaarverslag-2017-taakvelden")
    middelen = _amounts(budget, "8")
    taakvelden = {key[3] for key in middelen}
    assert taakvelden == {"0.1", "0.2", "0.3", "0.4", "0.5", "0.6"}
    assert {key[3] for key in _amounts(budget, "1")} == {"0.6"}


def test_an_indicator_table_keeps_baselines_and_every_target_numbers_or_not() -> None:
    budget = _import("zuid-holland-najaarsnota-2019-effectindicatoren")
    (objective,) = budget.objectives()
    assert objective.code == Code("1.6")
    exposed, share, no2, noise = objective.indicators
    assert exposed.baseline == 653000
    assert [(t.year, t.kind.value, t.text) for t in exposed.targets] == [
        (year, "kwalitatief", "< nulmeting") for year in (2019, 2020, 2021, 2022)
    ]
    assert (share.unit, share.baseline) == ("%", 27)
    assert [(t.year, t.lower, t.upper) for t in share.targets][-1] == (2022, 90, 90)
    assert no2.baseline == 81000
    assert [t.lower for t in noise.targets] == [7800, 7700, 7600, 7500]
    assert [indicator.code for indicator in objective.indicators] == [
        "1.6.a",
        "1.6.b",
        "1.6.c",
        "1.6.d",
    ]


def test_programme_indicators_keep_what_was_measured_as_printed(tmp_path: Path) -> None:
    """Zuid-Holland's wettelijke indicatoren hang under the ambitie (programme) they are
    printed with. Meetwaarde 2023 is a realised value: a number, a number with the text
    printed around it ("35,8 (datajaar 2022)"), or only the text ("Geen meting"). The
    baseline "13.4 PJ" (a dot for a decimal comma) is reported at its cell; written
    "13,4 PJ" the table imports."""
    name = "zuid-holland-begroting-2025-wettelijke-indicatoren"
    path = tmp_path / f"{name}.xlsx"
    shutil.copy(DATA / f"{name}.xlsx", path)
    workbook = load_workbook(path)
    workbook.active["C7"] = "13,4 PJ"  # type: ignore[index]
    workbook.save(path)
    budget = _import(name, path)
    assert [(p.number, len(p.indicators)) for p in budget.programmes] == [
        (1, 2),
        (2, 1),
        (3, 2),
        (4, 3),
        (5, 3),
    ]
    assert list(budget.objectives()) == []
    measured = {
        i.name: [(m.year, m.value, m.unit, m.text) for m in i.realised]
        for p in budget.programmes
        for i in p.indicators
    }
    assert measured["Opkomst verkiezingen"] == [(2023, 54, "%", "")]
    assert measured["Totale emissie broeikasgassen in Zuid-Holland (Mton)"] == [
        (2023, Decimal("35.8"), "Mton", "35,8 (datajaar 2022)")
    ]
    krw = "Aantal KRW-grondwaterlichamen dat aan de KRW-doelen voldoet"
    assert measured[krw] == [(2023, None, "", "Geen meting")]
    turnout = budget.programmes[0].indicators[1]
    assert (turnout.baseline, [t.text for t in turnout.targets]) == (
        None,
        ["55%", "55%", "N.n.b.", "N.n.b."],
    )
    assert [t.kind.value for t in turnout.targets][2:] == ["kwalitatief", "kwalitatief"]
    energy = budget.programmes[2].indicators[1]
    assert (energy.baseline, energy.unit) == (Decimal("13.4"), "PJ")


def _cli(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [str(a) for a in args], prog_name="prestatie")
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("name", NAMES)
def test_the_command_converts_and_checks_each_real_table(name: str, tmp_path: Path) -> None:
    mapping, sheet, out = MAPPINGS / f"{name}.toml", DATA / f"{name}.xlsx", tmp_path / "b.json"
    code, _, errors = _cli("check", "--mapping", mapping, sheet)
    problems = SAMPLES[name].problems
    assert code == (1 if problems else 0), errors
    listed = [
        cell
        for line in errors.splitlines()
        if not line.startswith("Warning: ")
        for cell in re.findall(r"!([A-Z]+[0-9]+): ", line)
    ]
    assert sorted(listed) == sorted(cell.split("!")[1] for cell in problems)
    code, _, errors = _cli("convert", "--mapping", mapping, sheet, out)
    assert code == (1 if problems else 0), errors
    assert out.exists() is not bool(problems)
    if not problems:
        assert json.loads(out.read_text(encoding="utf-8"))["province"] == SAMPLES[name].province

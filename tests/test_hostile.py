"""Every hostile file of the corpus is refused with a clear `WorkbookError` that names the
file or the exact cell, within 10 seconds and 500 MB, and the command line reports it in
one line per problem without a traceback.

Each read runs in a fresh subprocess, so that its processor time and peak memory are its
own (other work on a busy machine does not count); the bounds are loose limits against
runaway parsing, not timings.
"""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import run_python
from hostile import CASES, WHOLE_FILE, Hostile
from prestatie import Budget, WorkbookError, from_json, read_workbook, write_workbook
from prestatie._xlsx.cells import calamine_installed, escape, resolve_engine, unescape
from workbook_examples import monitor_budget

SECONDS = 10
PEAK_BYTES = 500 * 1024 * 1024
ADDRESS_SPACE = 2 * 1024 * 1024 * 1024
"""A hard cap on the child, so that a runaway read fails instead of exhausting the machine."""

READ = f"""
import json, resource, sys, time, warnings
resource.setrlimit(resource.RLIMIT_AS, ({ADDRESS_SPACE}, {ADDRESS_SPACE}))
warnings.simplefilter("ignore")
from prestatie import WorkbookError, read_workbook, to_json

# ru_maxrss survives exec on Linux: a child of a large test process would report the
# parent's peak. Reset this process's own high-water mark and read that instead.
def peak_bytes():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

try:
    with open("/proc/self/clear_refs", "w") as clear:
        clear.write("5")
except OSError:
    pass
start = time.process_time()
try:
    budget = read_workbook(sys.argv[1], engine=sys.argv[2])
    result = {{"budget": to_json(budget), "problems": []}}
except WorkbookError as error:
    result = {{"budget": None, "problems": [[p.where, p.message] for p in error.problems]}}
    result["text"] = str(error)
result["seconds"] = time.process_time() - start
result["peak_bytes"] = peak_bytes()
print(json.dumps(result))
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Hostile]:
    """Every case, built once for the read and the command-line tests."""
    built = {}
    for name, build in CASES.items():
        folder = tmp_path_factory.mktemp(name)
        built[name] = build(folder)
    return built


def _where(hostile: Hostile, where: str) -> str:
    return str(hostile.path) if where == WHOLE_FILE else where


ENGINES = [
    "openpyxl",
    pytest.param(
        "calamine",
        marks=pytest.mark.skipif(not calamine_installed(), reason="python-calamine is optional"),
    ),
]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", list(CASES))
def test_a_hostile_file_is_refused_naming_where_within_10_s_and_500_mb(
    corpus: dict[str, Hostile], name: str, engine: str
) -> None:
    """The read ends in a `WorkbookError` listing the expected problems at their places
    (or, for a file that only makes reading expensive, in the budget it holds), with
    either engine."""
    hostile = corpus[name]
    result = run_python("-c", READ, hostile.path, engine, timeout=SECONDS * 6)
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout)
    assert outcome["seconds"] <= SECONDS
    assert outcome["peak_bytes"] <= PEAK_BYTES
    if not hostile.expected(engine):
        assert outcome["problems"] == []
        assert from_json(outcome["budget"]) == monitor_budget()
        return
    assert outcome["budget"] is None
    found = [tuple(problem) for problem in outcome["problems"]]
    for where, message in hostile.expected(engine):
        assert any(place == _where(hostile, where) and message in text for place, text in found), (
            where,
            message,
            found,
        )
    assert "/etc/passwd" not in outcome["text"]
    assert "root:" not in outcome["text"]


def test_the_command_line_reports_every_hostile_file_in_lines_without_a_traceback(
    corpus: dict[str, Hostile],
) -> None:
    """`prestatie check` over the whole corpus: a line `FILE: [CELL: ]message` per problem,
    exit code 2 (some files cannot be read at all), and no traceback."""
    paths = [hostile.path for hostile in corpus.values()]
    result = run_python("-m", "prestatie", "check", *paths, timeout=SECONDS * len(paths))
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stderr.splitlines()
    for hostile in corpus.values():
        for where, message in hostile.expected(resolve_engine("auto")):
            prefix = f"{hostile.path}: " if where == WHOLE_FILE else f"{hostile.path}: {where}: "
            assert any(line.startswith(prefix) and message in line for line in lines), (
                prefix,
                message,
            )
    assert "root:" not in result.stdout + result.stderr


def _with_introduction(text: str, title: str | None = None) -> Budget:
    budget = monitor_budget()
    programme = budget.programmes[0]
    objective = programme.objectives[0]
    prestatie = attrs.evolve(
        objective.prestaties[0], introduction=text, title=title or objective.prestaties[0].title
    )
    objective = attrs.evolve(objective, prestaties=(prestatie, *objective.prestaties[1:]))
    programme = attrs.evolve(programme, objectives=(objective, *programme.objectives[1:]))
    return attrs.evolve(budget, programmes=(programme,))


def test_the_writer_refuses_a_text_longer_than_a_cell_at_its_json_path(tmp_path: Path) -> None:
    """A text a cell cannot hold is refused, not cut, naming its JSON path and its cell; an
    existing file stays as it was."""
    path = tmp_path / "begroting.xlsx"
    path.write_bytes(b"oud")
    with pytest.raises(WorkbookError) as caught:
        write_workbook(_with_introduction("", title="x" * 40_000), path, force=True)
    assert [(p.where, p.message) for p in caught.value.problems] == [
        (
            "$.programmes[0].objectives[0].prestaties[0].title",
            "text of 40,000 characters: expected at most 32,767 characters (the most a cell"
            " holds) (cell Prestaties!D2)",
        )
    ]
    (problem,) = caught.value.problems
    assert problem.code == "text-too-long"
    assert problem.render("nl") == (
        "tekst van 40,000 tekens: verwacht ten hoogste 32,767 tekens (het meeste dat een cel"
        " bevat) (cel Prestaties!D2)"
    )
    assert path.read_bytes() == b"oud"


@pytest.mark.parametrize(
    "text",
    ["regel\r\nregel\rregel\n", "_x000D_ en _x005F_x000D_ blijven tekst", "\r", "_x0001_"],
)
def test_carriage_returns_and_escape_like_texts_survive_a_round_trip(
    tmp_path: Path, text: str
) -> None:
    path = tmp_path / "begroting.xlsx"
    budget = _with_introduction(text)
    write_workbook(budget, path)
    assert read_workbook(path) == budget


def test_a_text_of_exactly_a_cells_length_survives_a_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "begroting.xlsx"
    budget = _with_introduction("a" * 32_767)
    write_workbook(budget, path)
    assert read_workbook(path) == budget


@given(st.text("_x0123456789ABCDEFabcdef\r\n é", max_size=40))
def test_unescaping_a_cells_escaped_text_gives_the_text_back(text: str) -> None:
    """The law behind the round trip: any text, escape-like or with carriage returns."""
    assert unescape(escape(text)) == text
    assert "\r" not in escape(text)

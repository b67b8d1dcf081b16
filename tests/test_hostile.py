"""Every hostile file of the corpus is refused with a clear `WorkbookError` that names the
file or the exact cell, within 10 seconds and 500 MB, and the command line reports it in
one line per problem without a traceback.

Each read runs in a fresh subprocess, so that its time and peak memory are its own; the
bounds are loose limits against runaway parsing, not timings.
"""

from __future__ import annotations

import json

import pytest

from conftest import run_python
from hostile import CASES, WHOLE_FILE, Hostile
from prestatie import from_json
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
start = time.monotonic()
try:
    result = {{"budget": to_json(read_workbook(sys.argv[1])), "problems": []}}
except WorkbookError as error:
    result = {{"budget": None, "problems": [[p.where, p.message] for p in error.problems]}}
    result["text"] = str(error)
result["seconds"] = time.monotonic() - start
result["peak_bytes"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps(result))
"""


NOT_YET = {
    "billion_laughs_after_a_long_comment",
    "control_characters",
    "control_character_reference",
    "long_cell",
}
"""Cases the reader does not refuse cleanly yet."""


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


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=pytest.mark.xfail(strict=True)) if name in NOT_YET else name
        for name in CASES
    ],
)
def test_a_hostile_file_is_refused_naming_where_within_10_s_and_500_mb(
    corpus: dict[str, Hostile], name: str
) -> None:
    """The read ends in a `WorkbookError` listing the expected problems at their places
    (or, for a file that only makes reading expensive, in the budget it holds)."""
    hostile = corpus[name]
    result = run_python("-c", READ, hostile.path, timeout=SECONDS + 20)
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout)
    assert outcome["seconds"] <= SECONDS
    assert outcome["peak_bytes"] <= PEAK_BYTES
    if not hostile.problems:
        assert outcome["problems"] == []
        assert from_json(outcome["budget"]) == monitor_budget()
        return
    assert outcome["budget"] is None
    found = [tuple(problem) for problem in outcome["problems"]]
    for where, message in hostile.problems:
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
    corpus = {name: hostile for name, hostile in corpus.items() if name not in NOT_YET}
    paths = [hostile.path for hostile in corpus.values()]
    result = run_python("-m", "prestatie", "check", *paths, timeout=SECONDS * len(paths))
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stderr.splitlines()
    for hostile in corpus.values():
        for where, message in hostile.problems:
            prefix = f"{hostile.path}: " if where == WHOLE_FILE else f"{hostile.path}: {where}: "
            assert any(line.startswith(prefix) and message in line for line in lines), (
                prefix,
                message,
            )
    assert "root:" not in result.stdout + result.stderr

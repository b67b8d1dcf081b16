"""The benchmark script keeps working (its figures are not checked: timings belong to the
benchmark, not to the tests)."""

from __future__ import annotations

import sys

from conftest import ROOT, run_python

sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import generate

from prestatie import check_budget


def test_benchmark_runs_at_a_small_scale() -> None:
    """`benchmarks/run.py --scale 0.01 --runs 1` finishes and prints its targets."""
    result = run_python(ROOT / "benchmarks" / "run.py", "--scale", "0.01", "--runs", "1")
    assert result.returncode == 0, result.stderr
    assert "targets (ratios of medians from this run):" in result.stdout
    assert "import / floor read" in result.stdout
    assert "peak memory" in result.stdout


def test_generated_budget_is_sound_and_reproducible() -> None:
    """The generator's budget passes every check and is the same for the same seed."""
    budget = generate(0.02)
    assert check_budget(budget) == []
    assert generate(0.02) == budget
    assert generate(0.02, seed=1) != budget

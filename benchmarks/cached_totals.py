"""What storing the totals' computed values costs `write_workbook`, as a ratio.

    python benchmarks/cached_totals.py [--scale 1.0] [--runs 3]

Each run writes the generated budget with openpyxl alone (the writer with its last step,
`cache_formula_values`, left out), then times that step on the file written, in this one
process; the median of the ratios is printed. Peak memory is the rise of the high-water mark
(VmHWM, Linux) above the size before one write, with the step and without, each in a fresh
subprocess.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from generate import generate  # noqa: E402

from prestatie import _xlsx_write, from_json, to_json, write_workbook  # noqa: E402
from prestatie._xlsx.cached import cache_formula_values  # noqa: E402


def _without_step(path: Path) -> list[str]:
    return []


def _mib(field: str) -> int:
    status = Path("/proc/self/status").read_text()
    return int(status.split(f"{field}:")[1].split()[0]) // 1024


def _child(mode: str, budget_json: Path, folder: Path) -> None:
    budget = from_json(budget_json.read_bytes())
    if mode == "without":
        _xlsx_write.cache_formula_values = _without_step
    Path("/proc/self/clear_refs").write_text("5")  # the high-water mark restarts from here
    before = _mib("VmRSS")
    write_workbook(budget, folder / f"{mode}.xlsx")
    print(_mib("VmHWM") - before)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child[0], Path(args.child[1]), Path(args.child[2]))
        return
    budget = generate(args.scale)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        ratios = []
        for run in range(args.runs):
            _xlsx_write.cache_formula_values = _without_step
            start = time.perf_counter()
            write_workbook(budget, folder / "begroting.xlsx")
            written = time.perf_counter() - start
            start = time.perf_counter()
            left = cache_formula_values(folder / "begroting.xlsx")
            cached = time.perf_counter() - start
            assert left == [], left
            ratios.append(cached / written)
            print(f"run {run + 1}: storing the totals adds {cached / written:.0%} to the write")
        print(f"median: + {statistics.median(ratios):.0%}")
        budget_json = folder / "budget.json"
        budget_json.write_text(to_json(budget), encoding="utf-8")
        peaks = {}
        for mode in ("without", "with"):
            done = subprocess.run(
                [sys.executable, __file__, "--child", mode, str(budget_json), str(folder)],
                capture_output=True,
                text=True,
                check=True,
            )
            peaks[mode] = int(done.stdout)
        print(
            f"peak memory of a write, above the size before: {peaks['without']} MiB without"
            f" storing the totals, {peaks['with']} MiB with (scale {args.scale})"
        )


if __name__ == "__main__":
    main()

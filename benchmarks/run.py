"""Measure import and export of a large budget against what a user could do instead.

    python benchmarks/run.py [--scale 1.0] [--runs 5]

Every timing is taken in this one process, interleaved (each run times every task once, in
turn), and reported as the median over the runs, so that a noisy machine slows all tasks
alike and the ratios between them hold. Peak memory is measured for import and export each
in a fresh subprocess. The targets are printed with whether this run met them.
"""

from __future__ import annotations

import argparse
import gc
import inspect
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from generate import generate  # noqa: E402

from prestatie import (  # noqa: E402
    Budget,
    check_budget,
    from_json,
    read_workbook,
    to_json,
    write_workbook,
)
from prestatie._xlsx.schema import SHEETS  # noqa: E402

SHEET_NAMES = [sheet.name for sheet in SHEETS]


def _has_engine() -> bool:
    return "engine" in inspect.signature(read_workbook).parameters


def _calamine_available() -> bool:
    try:
        import python_calamine  # noqa: F401
    except ImportError:
        return False
    return _has_engine()


def import_openpyxl(path: Path) -> Budget:
    if _has_engine():
        return read_workbook(path, engine="openpyxl")  # type: ignore[call-arg, unused-ignore]
    return read_workbook(path)


def import_calamine(path: Path) -> Budget:
    return read_workbook(path, engine="calamine")  # type: ignore[call-arg, unused-ignore]


def floor_read(path: Path) -> None:
    """The floor: openpyxl's read-only iteration over the same sheets, converting nothing."""
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        for name in SHEET_NAMES:
            for _ in workbook[name].iter_rows(values_only=True):
                pass
    finally:
        workbook.close()


def floor_read_calamine(path: Path) -> None:
    """The floor of the calamine engine: python-calamine's rows of the same sheets, as the
    reader asks for them, converting nothing."""
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(path))
    try:
        for name in SHEET_NAMES:
            for _ in workbook.get_sheet_by_name(name).to_python(skip_empty_area=False):
                pass
    finally:
        workbook.close()


def _pandas_available() -> bool:
    try:
        import pandas  # noqa: F401
    except ImportError:
        return False
    return True


def pandas_read(path: Path, engine: str) -> None:
    """What a user would try instead: pandas.read_excel of the same sheets, through the same
    engine as the import it is compared with."""
    import pandas

    pandas.read_excel(path, sheet_name=SHEET_NAMES, header=None, engine=engine)


def cell_values(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """The values of every cell of the budget's sheets (formulas as their text)."""
    workbook = load_workbook(path, read_only=True, data_only=False)
    try:
        return {name: list(workbook[name].iter_rows(values_only=True)) for name in SHEET_NAMES}
    finally:
        workbook.close()


def cell_formats(path: Path) -> dict[str, list[list[tuple[Any, str]]]]:
    """The value and number format of every cell of the budget's sheets."""
    workbook = load_workbook(path, read_only=True, data_only=False)
    try:
        return {
            name: [
                [(getattr(cell, "value", None), cell.number_format) for cell in row]
                for row in workbook[name].iter_rows()
            ]
            for name in SHEET_NAMES
        }
    finally:
        workbook.close()


def raw_write_formatted(cells: dict[str, list[list[tuple[Any, str]]]], path: Path) -> None:
    """For information: openpyxl write-only mode writing the same cells with the same number
    formats (blank cells included), as a user keeping the formats would."""
    workbook = Workbook(write_only=True)
    for name, rows in cells.items():
        worksheet = workbook.create_sheet(name)
        for row in rows:
            written = []
            for value, number_format in row:
                cell = WriteOnlyCell(worksheet, value=value)
                cell.number_format = number_format
                written.append(cell)
            worksheet.append(written)
    workbook.save(path)


def raw_write(values: dict[str, list[tuple[Any, ...]]], path: Path) -> None:
    """The floor for export: openpyxl write-only mode appending the same cell values."""
    workbook = Workbook(write_only=True)
    for name, rows in values.items():
        worksheet = workbook.create_sheet(name)
        for row in rows:
            worksheet.append(row)
    workbook.save(path)


def timed(task: Callable[[], object], at_least: float = 0.2) -> float:
    """Seconds per call of `task`, called as often as it takes to fill `at_least` seconds,
    so that a task of milliseconds is not measured against the timer's noise."""
    gc.collect()
    calls = 0
    start = time.perf_counter()
    while True:
        task()
        calls += 1
        elapsed = time.perf_counter() - start
        if elapsed >= at_least:
            return elapsed / calls


def child(mode: str, path: str) -> None:
    """Run one import or export in this fresh process and print its memory figures: the
    resident size before, and the peak during the operation."""
    engine = os.environ.get("BENCH_ENGINE", "openpyxl")
    budget = None
    if mode == "export":
        budget = from_json(Path(path).read_text(encoding="utf-8"))
    gc.collect()
    before = _status("VmRSS")
    _reset_peak()
    if budget is not None:
        write_workbook(budget, Path(path).with_suffix(".out.xlsx"), force=True)
    elif engine == "calamine":
        import_calamine(Path(path))
    else:
        import_openpyxl(Path(path))
    print(json.dumps({"before": before, "peak": _status("VmHWM")}))


def _reset_peak() -> None:
    """Start the peak (VmHWM) afresh at the current size, where Linux allows it."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as file:
            file.write("5")
    except OSError:
        pass


def _status(field: str) -> int:
    """A size from /proc/self/status in bytes (VmRSS now, VmHWM the peak), or the peak
    resident size where there is no /proc."""
    try:
        with open("/proc/self/status", encoding="ascii") as file:
            for line in file:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def peak_memory(mode: str, path: Path, engine: str = "openpyxl") -> dict[str, int]:
    env = dict(os.environ, BENCH_ENGINE=engine)
    result = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(path)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    figures: dict[str, int] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as file:
            for line in file:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark prestatie's import and export.")
    parser.add_argument("--scale", type=float, default=1.0, help="size of the budget (1.0 = full)")
    parser.add_argument("--runs", type=int, default=5, help="interleaved runs (median is taken)")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory subprocesses")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return

    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory(prefix="prestatie-bench-") as folder:
        run(Path(folder), args.scale, args.runs, not args.no_memory)


def run(folder: Path, scale: float, runs: int, memory: bool) -> None:
    start = time.perf_counter()
    large, small = generate(scale), generate(scale / 10)
    paths = {"large": folder / "groot.xlsx", "small": folder / "klein.xlsx"}
    write_workbook(large, paths["large"], force=True)
    write_workbook(small, paths["small"], force=True)
    amounts = _count_amounts(large)
    print(
        f"budget: scale {scale}: {sum(1 for _ in large.prestaties()):,} prestaties,"
        f" {sum(len(p.actions) for p in large.prestaties()):,} actions, {amounts:,} amounts;"
        f" workbook {paths['large'].stat().st_size:,} bytes; small budget at scale {scale / 10}"
    )
    values = cell_values(paths["large"])
    formatted = cell_formats(paths["large"])
    text = to_json(large)
    calamine = _calamine_available()
    tasks: dict[str, Callable[[], object]] = {
        "import (openpyxl)": lambda: import_openpyxl(paths["large"]),
        "floor read (openpyxl read-only)": lambda: floor_read(paths["large"]),
        "export": lambda: write_workbook(large, folder / "export.xlsx", force=True),
        "floor write (openpyxl write-only)": lambda: raw_write(values, folder / "raw.xlsx"),
        "write-only with number formats": lambda: raw_write_formatted(
            formatted, folder / "formatted.xlsx"
        ),
        "to_json": lambda: to_json(large),
        "from_json": lambda: from_json(text),
        "check_budget": lambda: check_budget(large),
        "import (10%)": lambda: import_openpyxl(paths["small"]),
        "export (10%)": lambda: write_workbook(small, folder / "export-small.xlsx", force=True),
        "check_budget (10%)": lambda: check_budget(small),
    }
    if _pandas_available():
        tasks["pandas.read_excel (openpyxl)"] = lambda: pandas_read(paths["large"], "openpyxl")
    if calamine:
        tasks["import (calamine)"] = lambda: import_calamine(paths["large"])
        tasks["floor read (calamine)"] = lambda: floor_read_calamine(paths["large"])
        if _pandas_available():
            tasks["pandas.read_excel (calamine)"] = lambda: pandas_read(paths["large"], "calamine")
    times: dict[str, list[float]] = {name: [] for name in tasks}
    for number in range(runs):
        for name, task in tasks.items():
            times[name].append(timed(task))
        print(f"run {number + 1}/{runs} done", file=sys.stderr)
    median = {name: statistics.median(values) for name, values in times.items()}
    print()
    print(f"{'task':<36}{'median s':>10}{'min s':>10}{'max s':>10}")
    for name, values in times.items():
        print(f"{name:<36}{median[name]:>10.3f}{min(values):>10.3f}{max(values):>10.3f}")

    print()
    print("targets (ratios of medians from this run):")
    floor, floor_write = (
        median["floor read (openpyxl read-only)"],
        median["floor write (openpyxl write-only)"],
    )
    results = [
        _target("import / floor read (openpyxl)", median["import (openpyxl)"] / floor, "<=", 1.3),
        _target("export / floor write", median["export"] / floor_write, "<=", 1.3),
        _target(
            "import 100% / 10%", median["import (openpyxl)"] / median["import (10%)"], "<=", 11.0
        ),
        _target("export 100% / 10%", median["export"] / median["export (10%)"], "<=", 11.0),
        _target(
            "check_budget 100% / 10%",
            median["check_budget"] / median["check_budget (10%)"],
            "<=",
            11.0,
        ),
    ]
    ratio = median["export"] / median["write-only with number formats"]
    print(f"  {'export / write-only with number formats':<40}{ratio:>8.2f}x  (for information)")
    if calamine:
        ratio = median["import (calamine)"] / median["floor read (calamine)"]
        results.append(_target("import / floor read (calamine)", ratio, "<=", 1.3))
    pandas_engines = ["openpyxl", "calamine"] if calamine else ["openpyxl"]
    for engine in pandas_engines if _pandas_available() else []:
        ours = median["import (openpyxl)" if engine == "openpyxl" else "import (calamine)"]
        ratio = ours / median[f"pandas.read_excel ({engine})"]
        results.append(_target(f"import / pandas.read_excel ({engine})", ratio, "<", 1.0))
    if not _pandas_available():
        print("  import / pandas.read_excel: pandas is not installed")
    if calamine:
        speedup = median["import (openpyxl)"] / median["import (calamine)"]
        results.append(_target("calamine speed-up (import / calamine)", speedup, ">=", 3.0))
    else:
        print(
            "  calamine speed-up: python-calamine is not installed (pip install 'prestatie[fast]')"
        )

    if memory:
        print()
        print("peak memory (resident set size, each in a fresh process):")
        json_path = folder / "groot.json"
        json_path.write_text(text, encoding="utf-8")
        engines = ["openpyxl", "calamine"] if calamine else ["openpyxl"]
        for engine in engines:
            figures = peak_memory("import", paths["large"], engine)
            print(
                f"  import ({engine}): peak {_mib(figures['peak'])},"
                f" {_mib(figures['peak'] - figures['before'])} above the {_mib(figures['before'])}"
                f" before reading ({(figures['peak'] - figures['before']) / amounts:,.0f} bytes"
                " per amount)"
            )
        figures = peak_memory("export", json_path)
        print(
            f"  export: peak {_mib(figures['peak'])}, {_mib(figures['peak'] - figures['before'])}"
            f" above the {_mib(figures['before'])} with the budget loaded"
        )
    print()
    print(f"{sum(results)} of {len(results)} targets met; took {time.perf_counter() - start:.0f} s")


def _target(name: str, ratio: float, relation: str, limit: float) -> bool:
    met = {"<": ratio < limit, "<=": ratio <= limit, ">=": ratio >= limit}[relation]
    bound = f"{relation} {limit:g}x"
    print(f"  {name:<40}{ratio:>8.2f}x  target {bound:<7} {'met' if met else 'MISSED'}")
    return met


def _mib(size: int) -> str:
    return f"{size / 2**20:.0f} MiB"


def _count_amounts(budget: Budget) -> int:
    count = sum(len(p.amounts) for p in budget.programmes)
    count += sum(len(o.amounts) for o in budget.objectives())
    return count + sum(len(p.amounts) for p in budget.prestaties())


if __name__ == "__main__":
    main()

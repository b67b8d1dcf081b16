"""The `prestatie` command.

Results go to stdout; problems, warnings and progress go to stderr. Exit codes: 0 when all
is well, 1 when the input has problems (or the command found some), 2 for a usage error or
input that cannot be read at all, 3 for an internal error (a bug). A user's mistake is one
line on stderr, never a traceback, and so is an internal error; `--debug` adds the traceback.
"""

from __future__ import annotations

import contextlib
import datetime
import decimal
import enum
import functools
import itertools
import json
import os
import sys
import threading
import traceback
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NoReturn, TextIO, TypeVar

import cattrs
import click

from prestatie import (
    RECORD_DIALECTS,
    Budget,
    Code,
    DocumentKind,
    JsonError,
    Mapping,
    MappingError,
    PrestatieError,
    Problem,
    ReportKind,
    Thresholds,
    Unit,
    WorkbookError,
    __version__,
    diff_budgets,
    json_schema,
    load_mapping,
    parse_amount,
    progress,
    read_budget,
    read_budget_with_problems,
    render_diff,
    render_progress,
    render_summary,
    summarise,
    write_budget,
    write_records,
)

EXIT_PROBLEMS = 1
EXIT_UNUSABLE = 2  # click's own code for a usage error, too
EXIT_INTERNAL = 3

F = TypeVar("F", bound=Callable[..., Any])


class _Failure(Exception):
    """A user's mistake or a faulty input: lines for stderr and an exit code."""

    def __init__(self, message: str, code: int, lines: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.lines = lines


# -- progress and warnings on stderr ---------------------------------------------------------

_FRAMES = "|/-\\"
_DELAY = 0.5  # seconds before an indicator appears: quick reads and writes show none


class _Indicator:
    """A spinner with a message on stderr while a slow step runs, only on a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.lock = threading.Lock()
        self.shown = False

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False

    @contextlib.contextmanager
    def running(self, message: str) -> Iterator[None]:
        if not self.stream.isatty():
            yield
            return
        done = threading.Event()

        def spin() -> None:
            if done.wait(_DELAY):
                return
            for frame in itertools.cycle(_FRAMES):
                with self.lock:
                    if done.is_set():
                        return
                    self.stream.write(f"\r{frame} {message}")
                    self.stream.flush()
                    self.shown = True
                if done.wait(0.1):
                    return

        thread = threading.Thread(target=spin, daemon=True)
        thread.start()
        try:
            yield
        finally:
            done.set()
            thread.join()
            with self.lock:
                self.clear()


_INDICATOR = _Indicator(sys.stderr)


def _busy(message: str) -> Any:
    _INDICATOR.stream = sys.stderr  # as it is now: test runners swap the streams
    return _INDICATOR.running(message)


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    with _INDICATOR.lock:
        _INDICATOR.clear()
        click.echo(f"Warning: {message}", err=True)


# -- the guard around every command ----------------------------------------------------------


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _problem_line(source: str, problem: Problem) -> str:
    """`FILE: Sheet!Cell: message`; a problem of the file as a whole is `FILE: message`."""
    if problem.where in (source, ""):
        return f"{source}: {problem.message}"
    return f"{source}: {problem.where}: {problem.message}"


def _is_whole_file(source: str, problem: Problem) -> bool:
    """Whether a problem concerns the file as a whole (it cannot be read), not a place in it."""
    return problem.where in (source, "", "$")


def _failure(error: BaseException, source: str = "") -> _Failure:
    """The failure a known error stands for: its message, its problems, its exit code."""
    if isinstance(error, MappingError):
        lines = tuple(str(problem) for problem in error.problems)
        return _Failure("the mapping cannot be used", EXIT_UNUSABLE, lines)
    if isinstance(error, JsonError | WorkbookError):
        source = error.source or source
        lines = tuple(_problem_line(source, problem) for problem in error.problems)
        unreadable = any(_is_whole_file(source, problem) for problem in error.problems)
        message = f"{source}: {_count(len(error.problems), 'problem')}: {error.headline}"
        return _Failure(message, EXIT_UNUSABLE if unreadable else EXIT_PROBLEMS, lines)
    if isinstance(error, FileExistsError):
        return _Failure(f"{error}", EXIT_UNUSABLE)
    if isinstance(error, OSError):
        name = error.filename if error.filename is not None else source
        reason = error.strerror or str(error)
        return _Failure(f"{name}: {reason}" if name else reason, EXIT_UNUSABLE)
    return _Failure(str(error), EXIT_PROBLEMS)


def _debug_option(function: F) -> F:
    return click.option("--debug", is_flag=True, help="Show a traceback when something fails.")(
        function
    )


def _guarded(function: F) -> F:
    """Run a command with warnings and failures as lines on stderr, and the right exit code."""

    @functools.wraps(function)
    def run(*args: Any, debug: bool, **kwargs: Any) -> Any:
        context = click.get_current_context()
        debug = debug or bool(context.find_root().obj)
        with warnings.catch_warnings():
            warnings.simplefilter("default")
            warnings.showwarning = _show_warning
            try:
                return function(*args, **kwargs)
            except BrokenPipeError:
                # The reader of stdout is gone (`prestatie diff A B | head`): stop quietly,
                # and keep Python from reporting the pipe again when it flushes at exit.
                with contextlib.suppress(OSError, ValueError):  # stdout may have no file
                    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                context.exit(EXIT_PROBLEMS)
            except (_Failure, PrestatieError, OSError) as error:
                failure = error if isinstance(error, _Failure) else _failure(error)
                if debug:
                    traceback.print_exc()
                for line in failure.lines:
                    click.echo(line, err=True)
                click.echo(f"Error: {failure.message}", err=True)
                context.exit(failure.code)
            except (click.exceptions.Exit, click.ClickException, click.Abort):
                raise
            except Exception as error:
                # A bug rather than the user's mistake: one line that says so.
                if debug:
                    traceback.print_exc()
                click.echo(
                    f"Error: internal error ({type(error).__name__}: {error}): a bug in"
                    " prestatie; run the command again with --debug to see the traceback",
                    err=True,
                )
                context.exit(EXIT_INTERNAL)

    return _debug_option(run)  # type: ignore[return-value]


def _usage(message: str) -> NoReturn:
    raise _Failure(message, EXIT_UNUSABLE)


def _os_failure(error: OSError, path: Path, doing: str) -> _Failure:
    """`FILE: cannot open the file: reason`, naming another path the error is about."""
    return _Failure(f"{path}: {_os_reason(error, path, doing)}", EXIT_UNUSABLE)


def _os_reason(error: OSError, path: Path, doing: str) -> str:
    """What went wrong opening or writing `path`, without naming `path` itself."""
    if isinstance(error, IsADirectoryError) or path.is_dir():
        return "is a folder, not a file: expected a .xlsx or .json file"
    other = error.filename is not None and str(error.filename) != str(path)
    about = f" ({error.filename})" if other else ""
    reason = error.strerror or str(error)
    return f"cannot {doing} the file: {reason}{about}"


def _read(path: Path, mapping: Mapping | None = None) -> Budget:
    with _busy(f"reading {path}"):
        try:
            return read_budget(path, mapping=mapping)
        except OSError as error:
            raise _os_failure(error, path, "open") from error
        except PrestatieError as error:
            raise _failure(error, str(path)) from error


def _mapping(path: Path | None) -> Mapping | None:
    if path is None:
        return None
    try:
        return load_mapping(path)
    except MappingError as error:
        raise _failure(error, str(path)) from error


XLSX, JSON = ".xlsx", ".json"


def _check_suffix(path: Path, allowed: tuple[str, ...] = (XLSX, JSON)) -> str:
    suffix = path.suffix.lower()
    for expected in ((XLSX, JSON), allowed):
        if suffix not in expected:
            found = repr(suffix) if suffix else "no extension"
            hint = ": save it as .xlsx (Excel Workbook) and try again" if suffix == ".xls" else ""
            _usage(f"{path}: expected a {' or '.join(expected)} file, got {found}{hint}")
    return suffix


def _check_new(path: Path, force: bool) -> None:
    if path.exists() and not force:
        _usage(f"{path} exists: add --force to replace it")


def _write(budget: Budget, path: Path, report: str | None = None) -> None:
    with _busy(f"writing {path}"):
        try:
            write_budget(budget, path, force=True, report=report)
        except OSError as error:
            raise _os_failure(error, path, "write") from error
        except PrestatieError as error:
            raise _failure(error, str(path)) from error


# -- the commands ----------------------------------------------------------------------------


def _views_converter() -> cattrs.Converter:
    """Unstructures a summary, diff or progress report as the JSON form writes a budget:
    amounts as exact strings, codes as text, enums as their Dutch labels."""
    converter = cattrs.Converter()
    converter.register_unstructure_hook(decimal.Decimal, str)
    converter.register_unstructure_hook(Code, str)
    converter.register_unstructure_hook_func(
        lambda kind: isinstance(kind, type) and issubclass(kind, enum.Enum),
        lambda member: member.value,
    )
    return converter


_VIEWS = _views_converter()
_JSON_HELP = "Print the result as JSON (amounts as exact strings) instead of text."


def _echo_json(value: Any) -> None:
    click.echo(json.dumps(_VIEWS.unstructure(value), ensure_ascii=False, indent=2))


def _example(*lines: str) -> str:
    """An epilog with examples, kept as written by click's `\\b` marker."""
    return (
        "\b\nExample"
        + ("s" if len(lines) > 1 else "")
        + ":\n"
        + "\n".join(f"  {line}" for line in lines)
    )


@click.group(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog=_example(
        "prestatie template begroting-2018.xlsx --province Overijssel --year 2018",
        "prestatie check begroting-2018.xlsx",
        "prestatie summary examples/data/begroting-2017.xlsx",
    ),
)
@click.version_option(__version__, prog_name="prestatie")
@click.option("--debug", is_flag=True, help="Show a traceback when something fails.")
@click.pass_context
def main(context: click.Context, debug: bool) -> None:
    """Read, check, convert and compare provincial performance budgets (prestatiebegroting).

    FILE is a budget workbook (.xlsx) or its JSON form (.json). Results go to stdout;
    problems, warnings and progress to stderr.
    """
    context.obj = debug


_UNITS = {"euro": Unit.EURO, "duizend": Unit.THOUSAND, "miljoen": Unit.MILLION}


@main.command(
    epilog=_example("prestatie template begroting-2018.xlsx --province Overijssel --year 2018")
)
@click.argument("out", type=click.Path(path_type=Path), metavar="OUT.xlsx")
@click.option("--province", default="", help="The province, filled in on sheet Begroting.")
@click.option(
    "--year",
    type=click.IntRange(1000, 9999),
    default=lambda: datetime.date.today().year + 1,
    show_default="next year",
    help="The budget year; the years shown run from it to three years later.",
)
@click.option(
    "--kind",
    type=click.Choice([kind.value for kind in DocumentKind]),
    default=DocumentKind.BEGROTING.value,
    show_default=True,
    help="The kind of document.",
)
@click.option(
    "--unit",
    type=click.Choice(list(_UNITS)),
    default="duizend",
    show_default=True,
    help="The unit of the amounts: euro, x € 1.000 or x € 1 miljoen.",
)
@click.option("--force", is_flag=True, help="Replace OUT if it exists.")
@_guarded
def template(out: Path, province: str, year: int, kind: str, unit: str, force: bool) -> None:
    """Write an empty budget workbook to fill in.

    It has every sheet with its Dutch headers, dropdown lists for fixed values, and a first
    sheet "Toelichting" that explains each sheet and column in Dutch.
    """
    _check_suffix(out, (XLSX,))
    _check_new(out, force)
    budget = Budget(province=province, year=year, kind=DocumentKind(kind), unit=_UNITS[unit])
    _write(budget, out)
    click.echo(f"wrote {out}: an empty {kind} {year} to fill in", err=True)


def _check_file(path: Path, mapping: Mapping | None) -> tuple[list[Problem], bool]:
    """Every problem of one file, and whether the file could not be read at all."""
    source = str(path)
    if mapping is not None and path.suffix.lower() == JSON:
        return [Problem(where=source, message="a mapping reads a .xlsx sheet")], True
    try:
        _, problems = read_budget_with_problems(path, mapping=mapping)
    except OSError as error:
        return [Problem(where=source, message=_os_reason(error, path, "open"))], True
    except PrestatieError as error:
        message = _failure(error, source).message.removeprefix(f"{source}: ")
        return [Problem(where=source, message=message)], True
    return problems, any(_is_whole_file(source, problem) for problem in problems)


@main.command(
    epilog=_example(
        "prestatie check begroting-2018.xlsx monitor-2018-2.json",
        "prestatie check --json begroting-2018.xlsx > problems.json",
        "prestatie check --mapping monitor.toml monitor-2018-2-kerntaak-7.xlsx",
    )
)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the problems as JSON records.")
@click.option(
    "--mapping",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Check foreign sheets read through this mapping (.toml).",
)
@_guarded
def check(files: tuple[Path, ...], as_json: bool, mapping: Path | None) -> None:
    """Check budget workbooks or JSON files, and print every problem.

    Each problem is a line `FILE: Sheet!Cell: message` (or `FILE: $.json.path: message`) on
    stderr, followed by a count; with --json the records are the result and go to stdout.
    Exit code 0 when every file is clean, 1 when there are problems, 2 when a file cannot be
    read at all.
    """
    loaded = _mapping(mapping)
    records: list[dict[str, str]] = []
    unreadable = 0
    with_problems = total = 0
    for path in files:
        with _busy(f"checking {path}"):
            problems, whole = _check_file(path, loaded)
        unreadable += whole
        with_problems += bool(problems)
        total += len(problems)
        for problem in problems:
            if as_json:
                where = "" if problem.where == str(path) else problem.where
                records.append({"file": str(path), "where": where, "message": problem.message})
            else:
                click.echo(_problem_line(str(path), problem), err=True)
    if as_json:
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    click.echo(
        f"{_count(total, 'problem')} in {with_problems} of {_count(len(files), 'file')}"
        if total
        else f"no problems in {_count(len(files), 'file')}",
        err=True,
    )
    click.get_current_context().exit(
        EXIT_UNUSABLE if unreadable else EXIT_PROBLEMS if with_problems else 0
    )


@main.command(
    epilog=_example(
        "prestatie convert begroting-2017.xlsx begroting-2017.json",
        "prestatie convert begroting-2017.json begroting-2017.xlsx --force",
        "prestatie convert --mapping examples/mappings/monitor.toml \\",
        "    examples/data/monitor-2018-2-kerntaak-7.xlsx monitor.xlsx",
        "prestatie convert --report multi-year begroting-2017.xlsx meerjarig.xlsx",
    )
)
@click.argument("source", type=click.Path(path_type=Path), metavar="IN")
@click.argument("out", type=click.Path(path_type=Path), metavar="OUT")
@click.option(
    "--mapping",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Read IN as a foreign sheet through this mapping (.toml).",
)
@click.option(
    "--report",
    type=click.Choice([kind.value for kind in ReportKind]),
    help="Write OUT as this report sheet (.xlsx) instead of a budget workbook.",
)
@click.option("--force", is_flag=True, help="Replace OUT if it exists.")
@_guarded
def convert(source: Path, out: Path, mapping: Path | None, report: str | None, force: bool) -> None:
    """Convert a budget between a workbook (.xlsx) and JSON (.json), by their extensions.

    OUT is written only when IN reads without problems, and never half: an existing OUT is
    replaced in one step, and only with --force.
    """
    _check_suffix(source, (XLSX,) if mapping else (XLSX, JSON))
    _check_suffix(out, (XLSX,) if report else (XLSX, JSON))
    _check_new(out, force)
    budget = _read(source, _mapping(mapping))
    _write(budget, out, report)
    what = f"a {report} report" if report else "the budget"
    click.echo(f"wrote {out}: {what} of {source}", err=True)


_FILE = click.Path(path_type=Path)


@main.command(
    epilog=_example(
        "prestatie summary examples/data/begroting-2017.xlsx",
        "prestatie summary examples/data/monitor-2017-2.json",
    )
)
@click.argument("file", type=_FILE)
@click.option(
    "--mapping",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Read FILE as a foreign sheet through this mapping (.toml).",
)
@click.option(
    "--not-additive",
    "not_additive",
    multiple=True,
    metavar="UNIT",
    help="A further unit whose streefwaarden do not add up (repeatable); gemeenten,"
    " waterschappen, provincies and regio's never do.",
)
@click.option("--json", "as_json", is_flag=True, help=_JSON_HELP)
@_guarded
def summary(file: Path, mapping: Path | None, not_additive: tuple[str, ...], as_json: bool) -> None:
    """Print the totals per kerntaak and beleidsdoel, per year, in the budget's unit.

    Lasten and baten are apart: the actuele begroting (else the primitieve), and for a
    monitor or jaarverslag also what was realised. Then the streefwaarden, summed per unit
    where they can be.
    """
    _check_suffix(file, (XLSX,) if mapping else (XLSX, JSON))
    result = summarise(_read(file, _mapping(mapping)), not_additive=not_additive)
    if as_json:
        _echo_json(result)
    else:
        click.echo(render_summary(result))


@main.command(
    epilog=_example(
        "prestatie diff examples/data/begroting-2017.xlsx examples/data/begroting-2018.xlsx",
        "prestatie diff --exit-code begroting-2018.json begroting-2018-concept.json",
    )
)
@click.argument("old", type=_FILE)
@click.argument("new", type=_FILE)
@click.option(
    "--exit-code",
    is_flag=True,
    help="Exit with 1 when the budgets differ (as git diff --exit-code), else 0.",
)
@click.option("--json", "as_json", is_flag=True, help=_JSON_HELP)
@_guarded
def diff(old: Path, new: Path, exit_code: bool, as_json: bool) -> None:
    """Print what changed from budget OLD to budget NEW.

    Each prestatie is labelled as budgets do: nieuw (only in NEW), vervallen (only in OLD),
    gewijzigd (its title, texts, role, looptijd, reserve link or targets changed) or
    voortzetting; changed fields, targets and amounts per year and column are listed.
    """
    _check_suffix(old)
    _check_suffix(new)
    changes = diff_budgets(_read(old), _read(new))
    if as_json:
        _echo_json(changes)
    else:
        click.echo(render_diff(changes))
    if exit_code and changes:
        click.get_current_context().exit(EXIT_PROBLEMS)


def _percentage(context: click.Context, parameter: click.Parameter, value: str) -> decimal.Decimal:
    """A percentage such as 80, 12.5 or 12,5 (a trailing % allowed), as an exact Decimal."""
    try:
        # Either mark starts the decimals: read "12.5" as the Dutch "12,5".
        number = parse_amount(value.strip().removesuffix("%").strip().replace(".", ","))
    except PrestatieError:
        number = None
    if number is None or not 0 <= number <= 1000:
        raise click.BadParameter(f"expected a percentage such as 80 or 12,5, got {value!r}")
    return number


_DEFAULTS = Thresholds()
_AT_MOST = {"met_orange": "met_green", "deviation_green": "deviation_orange"}
"""The threshold that each of these may not exceed."""


def _option(field: str) -> str:
    return "--" + field.replace("_", "-")


def _threshold(name: str, field: str, help: str) -> Callable[[F], F]:
    return click.option(
        name,
        field,
        metavar="PERCENT",
        default=str(getattr(_DEFAULTS, field)),
        callback=_percentage,
        show_default=True,
        help=help,
    )


@main.command(
    "progress",
    epilog=_example(
        "prestatie progress examples/data/monitor-2017-2.xlsx",
        "prestatie progress --deviation-green 25 --deviation-orange 50 monitor-2018-1.xlsx",
    ),
)
@click.argument("file", type=_FILE)
@_threshold("--met-green", "met_green", "Inhoud groen from this % of measurable targets met.")
@_threshold("--met-orange", "met_orange", "Inhoud oranje from this % of them met, else rood.")
@_threshold(
    "--deviation-green", "deviation_green", "Financiën groen up to this % |ruimte| / |actueel|."
)
@_threshold("--deviation-orange", "deviation_orange", "Financiën oranje up to this %, else rood.")
@click.option("--json", "as_json", is_flag=True, help=_JSON_HELP)
@_guarded
def progress_command(
    file: Path,
    met_green: decimal.Decimal,
    met_orange: decimal.Decimal,
    deviation_green: decimal.Decimal,
    deviation_orange: decimal.Decimal,
    as_json: bool,
) -> None:
    """Judge a monitor or jaarverslag: targets against realised values, budgets against
    realisations, and a status colour (groen/oranje/rood) per prestatie.

    Each streefwaarde is gehaald, niet gehaald or niet meetbaar. Each prestatie's lasten of
    the year give ruimte = actueel − gerealiseerd and afwijking = |ruimte| / |actueel|. The
    content colour follows the share of measurable targets met, the financial colour the
    afwijking, by the thresholds below (percentages, boundaries inclusive).
    """
    _check_suffix(file)
    given = {
        "met_green": met_green,
        "met_orange": met_orange,
        "deviation_green": deviation_green,
        "deviation_orange": deviation_orange,
    }
    try:
        thresholds = Thresholds(**given)
    except PrestatieError as error:
        # Thresholds refuses a threshold above the one it may not exceed; say it in options.
        above = _AT_MOST.get(error.field or "")
        if error.field is None or above is None:
            _usage(str(error))
        _usage(
            f"{_option(error.field)} {given[error.field]}% exceeds {_option(above)}"
            f" {given[above]}%: expected at most that"
        )
    budget = _read(file)
    try:
        report = progress(budget, thresholds)
    except PrestatieError as error:
        raise _Failure(f"{file}: {error}", EXIT_PROBLEMS) from error
    if as_json:
        _echo_json(report)
    else:
        click.echo(render_progress(report))


@main.command(epilog=_example("prestatie schema > budget.schema.json"))
@_guarded
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of the JSON form.

    It is generated from the model, for the current format version, so that tools in any
    language can validate a budget's JSON or generate types from it. The rules across
    objects (`prestatie check`) are not in it.
    """
    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


@main.command(
    epilog=_example(
        "prestatie export examples/data/begroting-2017.json begroting-2017.csv",
        "prestatie export --dialect excel-nl begroting-2017.xlsx begroting-2017.csv",
        "prestatie export monitor-2017-2.json bedragen.jsonl",
    )
)
@click.argument("file", type=_FILE, metavar="BUDGET")
@click.argument("out", type=_FILE, metavar="OUT.csv|OUT.jsonl")
@click.option(
    "--dialect",
    type=click.Choice(RECORD_DIALECTS),
    default="csv",
    show_default=True,
    help="csv: commas and decimal points. excel-nl: semicolons, decimal commas and a byte"
    " order mark, for a double click in Dutch Excel.",
)
@click.option("--force", is_flag=True, help="Replace OUT if it exists.")
@_guarded
def export(file: Path, out: Path, dialect: str, force: bool) -> None:
    """Write one row per amount of BUDGET to a CSV (.csv) or JSON Lines (.jsonl) file.

    Each row has the province, document and year; the level (kerntaak, beleidsdoel,
    prestatie) and code of the amount's owner; the codes and titles of its kerntaak,
    beleidsdoel and prestatie; flow, column, nature and year; and the value in the budget's
    unit and in euros. Ready for pandas, DuckDB, Power BI or a pivot table.
    """
    _check_suffix(file)
    if out.suffix.lower() not in (".csv", ".jsonl"):
        _usage(f"{out}: expected a .csv or .jsonl file, got {out.suffix.lower() or 'no extension'}")
    if out.suffix.lower() == ".jsonl" and dialect != "csv":
        _usage(f"--dialect {dialect} is for a .csv file, got {out}")
    _check_new(out, force)
    budget = _read(file)
    with _busy(f"writing {out}"):
        try:
            count = write_records(budget, out, dialect=dialect, force=True)
        except OSError as error:
            raise _os_failure(error, out, "write") from error
    click.echo(f"wrote {out}: {_count(count, 'amount')} of {file}", err=True)

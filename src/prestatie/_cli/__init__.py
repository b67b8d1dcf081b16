"""The `prestatie` command.

Results go to stdout; problems, warnings and progress go to stderr, in Dutch or, with
`--lang en` (or PRESTATIE_LANG=en), in English (`language`). Every command runs inside the
guard of `failures`: a user's mistake is one line on stderr with its exit code, never a
traceback, and so is an internal error; `--debug` adds the traceback. A slow step shows a
spinner (`indicator`).
"""

from __future__ import annotations

import datetime
import decimal
import json
from collections.abc import Callable
from pathlib import Path

import click

from prestatie import (
    RECORD_DIALECTS,
    Budget,
    DocumentKind,
    Mapping,
    MappingError,
    PrestatieError,
    Problem,
    ReportKind,
    Thresholds,
    Unit,
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
from prestatie._cli.failures import (
    EXIT_PROBLEMS,
    EXIT_UNUSABLE,
    FILES,
    F,
    Failure,
    count_files,
    count_problems,
    debug_option,
    failure,
    file_problem,
    folder_problem,
    folder_reason,
    guarded,
    is_whole_file,
    language_option,
    os_failure,
    problem_line,
    usage,
)
from prestatie._cli.help import Group, argument, option, version_option
from prestatie._cli.indicator import busy
from prestatie._cli.language import N_, Settings, _, language, ngettext
from prestatie._cli.views_json import JSON_HELP, echo_view


def _read(path: Path, mapping: Mapping | None = None) -> Budget:
    with busy(_("reading {path}").format(path=path)):
        try:
            return read_budget(path, mapping=mapping)
        except OSError as error:
            raise os_failure(error, path, "open") from error
        except PrestatieError as error:
            raise failure(error, str(path)) from error


def _mapping(path: Path | None) -> Mapping | None:
    if path is None:
        return None
    try:
        return load_mapping(path)
    except MappingError as error:
        raise failure(error, str(path)) from error


XLSX, JSON = ".xlsx", ".json"
CSV, JSONL = ".csv", ".jsonl"


def _check_suffix(path: Path, allowed: tuple[str, ...] = (XLSX, JSON)) -> str:
    """The extension of `path`, one of `allowed`; else a usage error naming what the command
    takes."""
    suffix = path.suffix.lower()
    if path.is_dir() or suffix not in allowed:
        usage(_wrong_suffix(path, allowed))
    return suffix


def _wrong_suffix(path: Path, expected: tuple[str, ...]) -> str:
    """`path` is a folder, or has no extension or another one than `expected`."""
    if path.is_dir():
        return f"{path}: {folder_reason(expected)}"
    suffix = path.suffix.lower()
    wanted = _(FILES[expected])
    if not suffix:
        return f"{path}: " + _("expected {expected}, got no extension").format(expected=wanted)
    hint = _(": save it as .xlsx (Excel Workbook) and try again") if suffix == ".xls" else ""
    found = _("expected {expected}, got {found}").format(expected=wanted, found=repr(suffix))
    return f"{path}: {found}{hint}"


def _check_new(path: Path, force: bool) -> None:
    if path.exists() and not force:
        usage(_("{path} exists: add --force to replace it").format(path=path))


def _write(budget: Budget, path: Path, report: str | None = None) -> None:
    with busy(_("writing {path}").format(path=path)):
        try:
            write_budget(budget, path, force=True, report=report)
        except OSError as error:
            raise os_failure(error, path, "write") from error
        except PrestatieError as error:
            raise failure(error, str(path)) from error


# -- the commands ----------------------------------------------------------------------------


@click.group(
    cls=Group,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    help=N_(
        "Read, check, convert and compare provincial performance budgets (prestatiebegroting)."
        "\n\nFILE is a budget workbook (.xlsx) or its JSON form (.json). Results go to stdout;"
        " problems, warnings and progress to stderr."
    ),
    examples=(
        "prestatie template begroting-2018.xlsx --province Overijssel --year 2018",
        "prestatie check begroting-2018.xlsx",
        "prestatie summary examples/data/begroting-2017.xlsx",
    ),
)
@version_option(__version__)
@debug_option
@language_option(read_variable=True)
@click.pass_context
def main(context: click.Context, debug: bool) -> None:
    context.obj = Settings(debug)


_UNITS = {"euro": Unit.EURO, "duizend": Unit.THOUSAND, "miljoen": Unit.MILLION}


_FORCE = N_("Replace OUT if it exists.")


@main.command(
    help=N_(
        "Write an empty budget workbook to fill in.\n\nIt has every sheet with its Dutch"
        ' headers, dropdown lists for fixed values, and a first sheet "Toelichting" that'
        " explains each sheet and column in Dutch."
    ),
    examples=("prestatie template begroting-2018.xlsx --province Overijssel --year 2018",),
)
@argument("out", type=click.Path(path_type=Path), metavar=N_("OUT.xlsx"))
@option(
    "--province",
    default="",
    metavar=N_("NAME"),
    help=N_("The province, filled in on sheet Begroting."),
)
@option(
    "--year",
    type=click.IntRange(1000, 9999),
    default=lambda: datetime.date.today().year + 1,
    metavar=N_("YEAR"),
    show_default=N_("next year"),
    help=N_("The budget year; the years shown run from it to three years later."),
)
@option(
    "--kind",
    type=click.Choice([kind.value for kind in DocumentKind]),
    default=DocumentKind.BEGROTING.value,
    show_default=True,
    help=N_("The kind of document."),
)
@option(
    "--unit",
    type=click.Choice(list(_UNITS)),
    default="duizend",
    show_default=True,
    help=N_("The unit of the amounts: euro, x € 1.000 or x € 1 miljoen."),
)
@option("--force", is_flag=True, help=_FORCE)
@guarded
def template(out: Path, province: str, year: int, kind: str, unit: str, force: bool) -> None:
    _check_suffix(out, (XLSX,))
    _check_new(out, force)
    budget = Budget(province=province, year=year, kind=DocumentKind(kind), unit=_UNITS[unit])
    _write(budget, out)
    click.echo(
        _("wrote {out}: an empty {kind} {year} to fill in").format(out=out, kind=kind, year=year),
        err=True,
    )


def _mapping_option(help: str) -> Callable[[F], F]:
    """The option --mapping M.toml: read foreign sheets through that mapping."""
    return option(
        "--mapping",
        type=click.Path(path_type=Path, dir_okay=False),
        metavar="MAPPING.toml",
        help=help,
    )


def _check_file(path: Path, mapping: Mapping | None) -> tuple[list[Problem], bool]:
    """Every problem of one file, and whether the file could not be read at all."""
    source = str(path)
    if path.is_dir():
        return [folder_problem(path, (XLSX, JSON))], True
    if mapping is not None and path.suffix.lower() == JSON:
        message = N_("a mapping reads a .xlsx sheet")
        return [Problem.of(source, "mapping-reads-xlsx", message)], True
    try:
        _, problems = read_budget_with_problems(path, mapping=mapping)
    except OSError as error:
        return [file_problem(error, path, "open")], True
    except PrestatieError as error:
        if error.template and not error.template.startswith("{path}: "):
            return [Problem.of(source, error.code, error.template, **error.params)], True
        message = failure(error, source).message.removeprefix(f"{source}: ")
        return [Problem(where=source, message=message)], True
    return problems, any(is_whole_file(source, problem) for problem in problems)


@main.command(
    help=N_(
        "Check budget workbooks or JSON files, and print every problem.\n\nEach problem is a"
        " line `FILE: Sheet!Cell: message` (or `FILE: $.json.path: message`) on stderr,"
        " followed by a count; with --json the records are the result and go to stdout. Exit"
        " code 0 when every file is clean, 1 when there are problems, 2 when a file cannot be"
        " read at all."
    ),
    examples=(
        "prestatie check begroting-2018.xlsx monitor-2018-2.json",
        "prestatie check --json begroting-2018.xlsx > problems.json",
        "prestatie check --mapping monitor.toml monitor-2018-2-kerntaak-7.xlsx",
    ),
)
@argument("files", nargs=-1, required=True, type=click.Path(path_type=Path), metavar=N_("FILES..."))
@option("--json", "as_json", is_flag=True, help=N_("Print the problems as JSON records."))
@_mapping_option(N_("Check foreign sheets read through this mapping (.toml)."))
@guarded
def check(files: tuple[Path, ...], as_json: bool, mapping: Path | None) -> None:
    loaded = _mapping(mapping)
    records: list[dict[str, object]] = []
    unreadable = 0
    with_problems = total = 0
    for path in files:
        with busy(_("checking {path}").format(path=path)):
            problems, whole = _check_file(path, loaded)
        unreadable += whole
        with_problems += bool(problems)
        total += len(problems)
        for problem in problems:
            if as_json:
                where = "" if problem.where == str(path) else problem.where
                records.append(
                    {
                        "file": str(path),
                        "where": where,
                        "message": problem.message,
                        "code": problem.code,
                        "params": dict(problem.params),
                    }
                )
            else:
                click.echo(problem_line(str(path), problem), err=True)
    if as_json:
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    click.echo(
        _("{problems} in {with_problems} of {files}").format(
            problems=count_problems(total),
            with_problems=with_problems,
            files=count_files(len(files)),
        )
        if total
        else _("no problems in {files}").format(files=count_files(len(files))),
        err=True,
    )
    click.get_current_context().exit(
        EXIT_UNUSABLE if unreadable else EXIT_PROBLEMS if with_problems else 0
    )


@main.command(
    help=N_(
        "Convert a budget between a workbook (.xlsx) and JSON (.json), by their extensions."
        "\n\nOUT is written only when IN reads without problems, and never half: an existing"
        " OUT is replaced in one step, and only with --force."
    ),
    examples=(
        "prestatie convert begroting-2017.xlsx begroting-2017.json",
        "prestatie convert begroting-2017.json begroting-2017.xlsx --force",
        "prestatie convert --mapping examples/mappings/monitor.toml \\",
        "    examples/data/monitor-2018-2-kerntaak-7.xlsx monitor.xlsx",
        "prestatie convert --report multi-year begroting-2017.xlsx meerjarig.xlsx",
    ),
)
@argument("source", type=click.Path(path_type=Path), metavar="IN")
@argument("out", type=click.Path(path_type=Path), metavar=N_("OUT"))
@_mapping_option(N_("Read IN as a foreign sheet through this mapping (.toml)."))
@option(
    "--report",
    type=click.Choice([kind.value for kind in ReportKind]),
    help=N_("Write OUT as this report sheet (.xlsx) instead of a budget workbook."),
)
@option("--force", is_flag=True, help=_FORCE)
@guarded
def convert(source: Path, out: Path, mapping: Path | None, report: str | None, force: bool) -> None:
    _check_suffix(source, (XLSX,) if mapping else (XLSX, JSON))
    _check_suffix(out, (XLSX,) if report else (XLSX, JSON))
    _check_new(out, force)
    budget = _read(source, _mapping(mapping))
    _write(budget, out, report)
    wrote = (
        _("wrote {out}: a {report} report of {source}")
        if report
        else _("wrote {out}: the budget of {source}")
    )
    click.echo(wrote.format(out=out, report=report, source=source), err=True)


_FILE = click.Path(path_type=Path)
_FILE_METAVAR = N_("FILE")


@main.command(
    help=N_(
        "Print the totals per kerntaak and beleidsdoel, per year, in the budget's unit.\n\n"
        "Lasten and baten are apart: the actuele begroting (else the primitieve), and for a"
        " monitor or jaarverslag also what was realised. Then the streefwaarden, summed per"
        " unit where they can be."
    ),
    examples=(
        "prestatie summary examples/data/begroting-2017.xlsx",
        "prestatie summary examples/data/monitor-2017-2.json",
    ),
)
@argument("file", type=_FILE, metavar=_FILE_METAVAR)
@_mapping_option(N_("Read FILE as a foreign sheet through this mapping (.toml)."))
@option(
    "--not-additive",
    "not_additive",
    multiple=True,
    metavar=N_("UNIT"),
    help=N_(
        "A further unit whose streefwaarden do not add up (repeatable); gemeenten,"
        " waterschappen, provincies and regio's never do."
    ),
)
@option("--json", "as_json", is_flag=True, help=JSON_HELP)
@guarded
def summary(file: Path, mapping: Path | None, not_additive: tuple[str, ...], as_json: bool) -> None:
    _check_suffix(file, (XLSX,) if mapping else (XLSX, JSON))
    result = summarise(_read(file, _mapping(mapping)), not_additive=not_additive)
    echo_view(result, as_json, render_summary)


@main.command(
    help=N_(
        "Print what changed from budget OLD to budget NEW.\n\nEach prestatie is labelled as"
        " budgets do: nieuw (only in NEW), vervallen (only in OLD), gewijzigd (its title,"
        " texts, role, looptijd, reserve link or targets changed) or voortzetting; changed"
        " fields, targets and amounts per year and column are listed."
    ),
    examples=(
        "prestatie diff examples/data/begroting-2017.xlsx examples/data/begroting-2018.xlsx",
        "prestatie diff --exit-code begroting-2018.json begroting-2018-concept.json",
    ),
)
@argument("old", type=_FILE, metavar=N_("OLD"))
@argument("new", type=_FILE, metavar=N_("NEW"))
@option(
    "--exit-code",
    is_flag=True,
    help=N_("Exit with 1 when the budgets differ (as git diff --exit-code), else 0."),
)
@option("--json", "as_json", is_flag=True, help=JSON_HELP)
@guarded
def diff(old: Path, new: Path, exit_code: bool, as_json: bool) -> None:
    _check_suffix(old)
    _check_suffix(new)
    changes = diff_budgets(_read(old), _read(new))
    echo_view(changes, as_json, render_diff)
    if exit_code and changes:
        click.get_current_context().exit(EXIT_PROBLEMS)


def _percentage(context: click.Context, parameter: click.Parameter, value: str) -> decimal.Decimal:
    """A percentage such as 80, 12.5 or 12,5 (a trailing % allowed), as an exact Decimal."""
    try:
        # Either mark starts the decimals: read "12.5" as the Dutch "12,5".
        number = parse_amount(value.strip().removesuffix("%").strip().replace(".", ","))
    except PrestatieError:
        number = None
    if number is None:
        raise click.BadParameter(
            _("expected a percentage such as 80 or 12,5, got {value!r}").format(value=value)
        )
    if not 0 <= number <= 100:  # as Thresholds takes them
        raise click.BadParameter(
            _("expected a percentage from 0 to 100, got {value!r}").format(value=value)
        )
    return number


_DEFAULTS = Thresholds()
_AT_MOST = {"met_orange": "met_green", "deviation_green": "deviation_orange"}
"""The threshold that each of these may not exceed."""


def _option(field: str) -> str:
    return "--" + field.replace("_", "-")


def _threshold(name: str, field: str, help: str) -> Callable[[F], F]:
    return option(
        name,
        field,
        metavar=N_("PERCENT"),
        default=str(getattr(_DEFAULTS, field)),
        callback=_percentage,
        show_default=True,
        help=help,
    )


@main.command(
    "progress",
    help=N_(
        "Judge a monitor or jaarverslag: targets against realised values, budgets against"
        " realisations, and a status colour (groen/oranje/rood) per prestatie.\n\nEach"
        " streefwaarde is gehaald, niet gehaald or niet meetbaar. Each prestatie's lasten of"
        " the year give ruimte = actueel − gerealiseerd and afwijking = |ruimte| / |actueel|."
        " The content colour follows the share of measurable targets met, the financial colour"
        " the afwijking, by the thresholds below (percentages, boundaries inclusive)."
    ),
    examples=(
        "prestatie progress examples/data/monitor-2017-2.xlsx",
        "prestatie progress --deviation-green 25 --deviation-orange 50 monitor-2018-1.xlsx",
    ),
)
@argument("file", type=_FILE, metavar=_FILE_METAVAR)
@_threshold(
    "--met-green", "met_green", N_("Inhoud groen from this share (%) of measurable targets met.")
)
@_threshold(
    "--met-orange", "met_orange", N_("Inhoud oranje from this share (%) of them met, else rood.")
)
@_threshold(
    "--deviation-green",
    "deviation_green",
    N_("Financiën groen up to this % |ruimte| / |actueel|."),
)
@_threshold(
    "--deviation-orange", "deviation_orange", N_("Financiën oranje up to this %, else rood.")
)
@option("--json", "as_json", is_flag=True, help=JSON_HELP)
@guarded
def progress_command(
    file: Path,
    met_green: decimal.Decimal,
    met_orange: decimal.Decimal,
    deviation_green: decimal.Decimal,
    deviation_orange: decimal.Decimal,
    as_json: bool,
) -> None:
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
            usage(error.render(language()))
        usage(
            _("{option} {value} exceeds {other} {limit}: expected at most that").format(
                option=_option(error.field),
                value=f"{given[error.field]}%",
                other=_option(above),
                limit=f"{given[above]}%",
            )
        )
    budget = _read(file)
    try:
        report = progress(budget, thresholds)
    except PrestatieError as error:
        raise Failure(f"{file}: {error.render(language())}", EXIT_PROBLEMS) from error
    echo_view(report, as_json, render_progress)


@main.command(
    help=N_(
        "Print the JSON Schema (draft 2020-12) of the JSON form.\n\nIt is generated from the"
        " model, for the current format version, so that tools in any language can validate a"
        " budget's JSON or generate types from it. The rules across objects (`prestatie"
        " check`) are not in it."
    ),
    examples=("prestatie schema > budget.schema.json",),
)
@guarded
def schema() -> None:
    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


@main.command(
    help=N_(
        "Write one row per amount of BUDGET to a CSV (.csv) or JSON Lines (.jsonl) file.\n\n"
        "Each row has the province, document and year; the level (kerntaak, beleidsdoel,"
        " prestatie) and code of the amount's owner; the codes and titles of its kerntaak,"
        " beleidsdoel and prestatie; flow, column, nature and year; and the value in the"
        " budget's unit and in euros. Ready for pandas, DuckDB, Power BI or a pivot table."
    ),
    examples=(
        "prestatie export examples/data/begroting-2017.json begroting-2017.csv",
        "prestatie export --dialect excel-nl begroting-2017.xlsx begroting-2017.csv",
        "prestatie export monitor-2017-2.json bedragen.jsonl",
    ),
)
@argument("file", type=_FILE, metavar=N_("BUDGET"))
@argument("out", type=_FILE, metavar=N_("OUT.csv|OUT.jsonl"))
@option(
    "--dialect",
    type=click.Choice(RECORD_DIALECTS),
    default="csv",
    show_default=True,
    help=N_(
        "csv: commas and decimal points. excel-nl: semicolons, decimal commas and a byte"
        " order mark, for a double click in Dutch Excel."
    ),
)
@option("--force", is_flag=True, help=_FORCE)
@guarded
def export(file: Path, out: Path, dialect: str, force: bool) -> None:
    _check_suffix(file)
    if out.suffix.lower() not in (CSV, JSONL):
        usage(_wrong_suffix(out, (CSV, JSONL)))
    if out.suffix.lower() == JSONL and dialect != "csv":
        usage(
            _("--dialect {dialect} is for a .csv file, got {out}").format(dialect=dialect, out=out)
        )
    _check_new(out, force)
    budget = _read(file)
    with busy(_("writing {path}").format(path=out)):
        try:
            count = write_records(budget, out, dialect=dialect, force=True)
        except OSError as error:
            raise os_failure(error, out, "write", (CSV, JSONL)) from error
    amounts = ngettext("{count} amount", "{count} amounts", count).format(count=count)
    click.echo(
        _("wrote {out}: {amounts} of {file}").format(out=out, amounts=amounts, file=file), err=True
    )

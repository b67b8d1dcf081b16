"""Report sheets for finance staff: the multi-year overview and the monitor table.

Amounts are rounded to the chosen unit per column by largest remainder, so the printed
parts add up to the printed totals; totals are live `SUM` formulas. Each report has a bar
chart of lasten per programme. `examples/mappings/meerjarig-overzicht.toml` and
`examples/mappings/monitor.toml` read the reports back.
"""

from __future__ import annotations

import enum
import os
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from prestatie._atomic import atomic_write, check_destination
from prestatie._errors import InvalidValueError
from prestatie._model import Amount, AmountOwner, Budget, BudgetColumn, Flow, Programme
from prestatie._money import Unit, round_table, total
from prestatie._xlsx.cached import cache_formula_values
from prestatie._xlsx.codecs import AMOUNT_FORMAT
from prestatie._xlsx.write import BOLD, HEADER_FILL, print_setup, save_workbook


class ReportKind(enum.Enum):
    """The report sheets `write_report` can write."""

    MULTI_YEAR = "multi-year"
    """Meerjarig overzicht: lasten and baten per programme, objective and prestatie per year."""
    MONITOR = "monitor"
    """Monitor table per programme: primitief, wijziging, actueel, gerealiseerd, ruimte."""


def _sum(amounts: tuple[Amount, ...], flow: Flow, column: BudgetColumn, year: int) -> Decimal:
    # Both natures together: a report shows what a line costs, not how it is financed.
    return total(
        a.value for a in amounts if a.flow is flow and a.column is column and a.year == year
    )


def _has(amounts: tuple[Amount, ...], flow: Flow, columns: tuple[BudgetColumn, ...]) -> bool:
    return any(a.flow is flow and a.column in columns for a in amounts)


def _states(amounts: tuple[Amount, ...], flow: Flow, column: BudgetColumn, year: int) -> bool:
    """Whether a line has an amount here: a cell without one stays blank, not 0."""
    return any(a.flow is flow and a.column is column and a.year == year for a in amounts)


def _programme_label(budget: Budget, programme: Programme) -> str:
    """ "7. Kwaliteit openbaar bestuur", or "Kerntaak 7" (in the budget's name of its top
    level) for a programme without a name."""
    name = programme.name.strip()
    return f"{programme.number}. {name}" if name else _programme_sheet(budget, programme)


def _programme_sheet(budget: Budget, programme: Programme) -> str:
    """ "Kerntaak 7", "Programma 7": the budget's name of its top level, cut to the 31
    characters a sheet name may have."""
    number = str(programme.number)
    level = budget.level_label(0).capitalize()
    return f"{level[: 30 - len(number)]} {number}"


def _style_header(sheet: Worksheet, row: int, columns: int) -> None:
    for col in range(1, columns + 1):
        cell = sheet.cell(row, col)
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _widths(sheet: Worksheet, widths: list[int]) -> None:
    for col, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width


def _text(sheet: Worksheet, row: int, col: int, value: str) -> None:
    cell = sheet.cell(row, col, value)
    cell.data_type = "s"  # titles such as "=1+1" stay text, never a formula


def _chart(workbook: Workbook, rows: list[tuple[str, str]], title: str) -> None:
    """A sheet with lasten per programme (formulas into the report) and its bar chart."""
    sheet = workbook.create_sheet("Grafiek")
    sheet.append(["Programma", "Lasten"])
    _style_header(sheet, 1, 2)
    for number, (label, formula) in enumerate(rows, start=2):
        _text(sheet, number, 1, label)
        sheet.cell(number, 2, formula).number_format = AMOUNT_FORMAT
    _widths(sheet, [40, 14])
    chart = BarChart()
    chart.type = "bar"
    chart.title = title
    chart.y_axis.title = "Lasten"
    chart.legend = None
    data = Reference(sheet, min_col=2, min_row=1, max_row=max(len(rows), 1) + 1)
    labels = Reference(sheet, min_col=1, min_row=2, max_row=max(len(rows), 1) + 1)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(labels)
    sheet.add_chart(chart, "D2")


def _year_columns(budget: Budget) -> list[tuple[int, BudgetColumn]]:
    """Each year with the column it shows: begroting (primitief), or jaarrekening
    (gerealiseerd) for a year with realised amounts and no budget."""
    amounts = [a for owner in budget.amount_owners() for a in owner.amounts]
    columns = []
    for year in range(budget.first_year, budget.last_year + 1):
        kinds = {a.column for a in amounts if a.year == year}
        realised = BudgetColumn.GEREALISEERD in kinds and BudgetColumn.PRIMITIEF not in kinds
        columns.append((year, BudgetColumn.GEREALISEERD if realised else BudgetColumn.PRIMITIEF))
    return columns


def _multi_year(workbook: Workbook, budget: Budget, unit: Unit) -> None:
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Meerjarig overzicht"
    years = _year_columns(budget)
    label = budget.title or f"{budget.kind.value} {budget.year}"
    _text(sheet, 1, 1, f"Meerjarig overzicht van baten en lasten, {label} (bedragen {unit.value})")
    sheet.cell(1, 1).font = Font(bold=True, size=12)
    for col, (year, column) in enumerate(years, start=3):
        kind = "Jaarrekening" if column is BudgetColumn.GEREALISEERD else "Begroting"
        sheet.cell(3, col, kind)
        _text(sheet, 4, col, str(year))
    sheet.cell(3, 1, "Code")
    sheet.cell(3, 2, "Omschrijving")
    for row in (3, 4):
        _style_header(sheet, row, len(years) + 2)
    row = 5
    chart_rows: list[tuple[str, str]] = []
    programme_names = {p.number: _programme_label(budget, p) for p in budget.programmes}
    for flow in Flow:
        shown = tuple(column for _, column in years)
        lines = [owner for owner in budget.amount_owners() if _has(owner.amounts, flow, shown)]
        if not lines:
            continue
        _text(sheet, row, 1, flow.value.capitalize())
        sheet.cell(row, 1).font = BOLD
        row += 1
        first = row
        rounded = [
            round_table(
                [_sum(line.amounts, flow, column, year) for line in lines], budget.unit, unit
            ).parts
            for year, column in years
        ]
        for index, line in enumerate(lines):
            _text(sheet, row, 1, str(line.code))
            _text(sheet, row, 2, ("  " * (line.code.level - 1)) + line.title)
            for col, (year, column) in enumerate(years):
                if _states(line.amounts, flow, column, year):
                    cell = sheet.cell(row, col + 3, int(rounded[col][index]))
                    cell.number_format = AMOUNT_FORMAT
            row += 1
        last = row - 1
        _text(sheet, row, 1, f"Totaal {flow.value}")
        sheet.cell(row, 1).font = BOLD
        for col in range(3, len(years) + 3):
            letter = get_column_letter(col)
            cell = sheet.cell(row, col, f"=SUM({letter}{first}:{letter}{last})")
            cell.number_format = AMOUNT_FORMAT
            cell.font = BOLD
        if flow is Flow.LASTEN:
            chart_col = next((i + 3 for i, (year, _) in enumerate(years) if year == budget.year), 3)
            letter = get_column_letter(chart_col)
            for number in programme_names:
                rows = [
                    first + i for i, line in enumerate(lines) if line.programme.number == number
                ]
                if rows:
                    chart_rows.append(
                        (
                            programme_names[number],
                            f"=SUM('Meerjarig overzicht'!{letter}{rows[0]}:{letter}{rows[-1]})",
                        )
                    )
        row += 2
    sheet.freeze_panes = "C5"
    sheet.auto_filter.ref = f"A4:{get_column_letter(len(years) + 2)}{max(row - 2, 4)}"
    _widths(sheet, [10, 50] + [14] * len(years))
    _chart(workbook, chart_rows, f"Lasten per programma {budget.year} ({unit.value})")


_MONITOR_HEADERS = (
    "Omschrijving",
    "Primitief",
    "Doorgevoerde wijziging(en)",
    "Actuele begroting",
    "Gerealiseerd",
    "Ruimte",
)
_ENTERED = (BudgetColumn.PRIMITIEF, BudgetColumn.WIJZIGING, BudgetColumn.GEREALISEERD)


def _monitor_label(budget: Budget, flow: Flow, owner: AmountOwner) -> str:
    """ "Lasten prestatie 7.2.3", with the budget's name of the owner's level ("BD", as
    Overijssel's monitor prints it, for a beleidsdoel)."""
    level = budget.level_label(owner.depth)
    level = "BD" if level == "beleidsdoel" else level
    return f"{flow.value.capitalize()} {level} {owner.code}"


def _monitor(workbook: Workbook, budget: Budget, unit: Unit, year: int) -> None:
    first_sheet = workbook.active
    assert first_sheet is not None
    workbook.remove(first_sheet)
    chart_rows: list[tuple[str, str]] = []
    for programme in budget.programmes:
        name = _programme_sheet(budget, programme)
        sheet = workbook.create_sheet(name)
        sheet.append(list(_MONITOR_HEADERS))
        _style_header(sheet, 1, len(_MONITOR_HEADERS))
        row = 2
        owners = [o for o in budget.amount_owners() if o.programme.number == programme.number]
        for flow in Flow:
            lines = [owner for owner in owners if _has(owner.amounts, flow, _ENTERED)]
            if not lines:
                continue
            rounded = {
                column: round_table(
                    [_sum(line.amounts, flow, column, year) for line in lines],
                    budget.unit,
                    unit,
                ).parts
                for column in _ENTERED
            }
            first = row
            for index, line in enumerate(lines):
                amounts = line.amounts
                _text(sheet, row, 1, _monitor_label(budget, flow, line))
                for col, column in zip((2, 3, 5), _ENTERED, strict=True):
                    if _states(amounts, flow, column, year):
                        sheet.cell(row, col, int(rounded[column][index]))
                if _states(amounts, flow, BudgetColumn.PRIMITIEF, year) or _states(
                    amounts, flow, BudgetColumn.WIJZIGING, year
                ):
                    sheet.cell(row, 4, f"=B{row}+C{row}")
                sheet.cell(row, 6, f"=D{row}-E{row}")
                row += 1
            _text(sheet, row, 1, flow.value.capitalize())
            for col in range(2, 7):
                letter = get_column_letter(col)
                sheet.cell(row, col, f"=SUM({letter}{first}:{letter}{row - 1})").font = BOLD
            sheet.cell(row, 1).font = BOLD
            if flow is Flow.LASTEN:
                chart_rows.append((_programme_label(budget, programme), f"='{name}'!D{row}"))
            row += 1
        for line in sheet.iter_rows(min_row=2, min_col=2, max_col=6):
            for cell in line:
                cell.number_format = AMOUNT_FORMAT
        sheet.freeze_panes = "B2"
        sheet.auto_filter.ref = f"A1:F{max(row - 1, 1)}"
        _widths(sheet, [30, 12, 16, 14, 14, 12])
        sheet.cell(
            row + 1,
            1,
            f"Bedragen {unit.value}, {year}; actueel = primitief + wijziging,"
            " ruimte = actueel − gerealiseerd.",
        )
    _chart(workbook, chart_rows, f"Lasten (actuele begroting) per programma {year} ({unit.value})")


def write_report(
    budget: Budget,
    path: str | os.PathLike[str],
    kind: ReportKind | str,
    *,
    unit: Unit | None = None,
    year: int | None = None,
    force: bool = False,
) -> None:
    """Write a report sheet of `budget` to `path` (.xlsx), atomically.

    `kind` is "multi-year" (meerjarig overzicht) or "monitor"; `unit` defaults to the
    budget's own and `year` (the monitor's year, and the chart's) to the budget year. The
    overwrite rule is `write_workbook`'s: an existing file is refused unless `force`, a
    path not ending in .xlsx always.
    """
    check_destination(path, (".xlsx",), force=force)
    try:
        report = ReportKind(kind)
    except ValueError:
        labels = ", ".join(repr(k.value) for k in ReportKind)
        raise InvalidValueError(f"report kind: expected {labels}, got {kind!r}") from None
    to_unit = unit or budget.unit
    workbook = Workbook()
    if report is ReportKind.MULTI_YEAR:
        _multi_year(workbook, budget, to_unit)
    else:
        _monitor(workbook, budget, to_unit, year or budget.year)
    for worksheet in workbook.worksheets:
        print_setup(worksheet, header_rows=0)

    def write(temporary: Path) -> None:
        save_workbook(workbook, temporary)
        cache_formula_values(temporary)  # totals that readers without a calculator see

    atomic_write(Path(path), write)

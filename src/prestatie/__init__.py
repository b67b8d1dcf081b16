"""prestatie: a typed model of the Dutch provincial performance budget (prestatiebegroting),
with a versioned JSON form and Excel import and export."""

from prestatie._checks import check_budget
from prestatie._code import Code, CodeScheme
from prestatie._errors import (
    InvalidTypeError,
    InvalidValueError,
    JsonError,
    MappingError,
    PrestatieError,
    Problem,
    UnitMismatchError,
    WorkbookError,
    WorkbookWarning,
)
from prestatie._files import read_budget, read_budget_with_problems, write_budget
from prestatie._foreign.importer import import_sheet
from prestatie._foreign.load import Mapping, load_mapping
from prestatie._foreign.mapping import Saldo
from prestatie._json import FORMAT_VERSION, from_json, to_json
from prestatie._json_schema import json_schema
from prestatie._model import (
    Action,
    Ambition,
    Amount,
    AmountKey,
    AmountOwner,
    AssociatedParty,
    Budget,
    BudgetChange,
    BudgetColumn,
    Continuity,
    DocumentKind,
    Duration,
    DurationKind,
    Flow,
    Indicator,
    IndicatorKind,
    InvestmentProposal,
    Judgement,
    Measurement,
    MonitorStatus,
    MutationKind,
    Nature,
    Objective,
    Prestatie,
    Programme,
    ProposalLink,
    Reserve,
    ReserveLink,
    ReserveMutation,
    Role,
    Score,
    Section,
)
from prestatie._money import (
    AmountsByYear,
    Rounded,
    Unit,
    format_amount,
    parse_amount,
    round_table,
    round_to_unit,
)
from prestatie._records import DIALECTS as RECORD_DIALECTS
from prestatie._records import records, write_records
from prestatie._taakveld import TAAKVELDEN
from prestatie._target.algebra import Conflict, Evaluation, Outcome, Target, TargetKind
from prestatie._target.read import parse_references, parse_targets
from prestatie._target.words import TargetContext
from prestatie._target.write import format_target
from prestatie._views.budget_line import BudgetLine, check_table
from prestatie._views.diff import BudgetDiff, diff_budgets, render_diff
from prestatie._views.progress import ProgressReport, Thresholds, progress, render_progress
from prestatie._views.summary import Summary, render_summary, summarise
from prestatie._views.taakveld import TaakveldLine, by_taakveld, render_by_taakveld
from prestatie._xlsx.read import read_workbook, read_workbook_with_problems
from prestatie._xlsx.report import ReportKind, write_report
from prestatie._xlsx.write import write_workbook

__version__ = "0.1.0"

__all__ = [
    "FORMAT_VERSION",
    "RECORD_DIALECTS",
    "TAAKVELDEN",
    "Action",
    "Ambition",
    "Amount",
    "AmountKey",
    "AmountOwner",
    "AmountsByYear",
    "AssociatedParty",
    "Budget",
    "BudgetChange",
    "BudgetColumn",
    "BudgetDiff",
    "BudgetLine",
    "Code",
    "CodeScheme",
    "Conflict",
    "Continuity",
    "DocumentKind",
    "Duration",
    "DurationKind",
    "Evaluation",
    "Flow",
    "Indicator",
    "IndicatorKind",
    "InvalidTypeError",
    "InvalidValueError",
    "InvestmentProposal",
    "JsonError",
    "Judgement",
    "Mapping",
    "MappingError",
    "Measurement",
    "MonitorStatus",
    "MutationKind",
    "Nature",
    "Objective",
    "Outcome",
    "Prestatie",
    "PrestatieError",
    "Problem",
    "Programme",
    "ProgressReport",
    "ProposalLink",
    "ReportKind",
    "Reserve",
    "ReserveLink",
    "ReserveMutation",
    "Role",
    "Rounded",
    "Saldo",
    "Score",
    "Section",
    "Summary",
    "TaakveldLine",
    "Target",
    "TargetContext",
    "TargetKind",
    "Thresholds",
    "Unit",
    "UnitMismatchError",
    "WorkbookError",
    "WorkbookWarning",
    "__version__",
    "by_taakveld",
    "check_budget",
    "check_table",
    "diff_budgets",
    "format_amount",
    "format_target",
    "from_json",
    "import_sheet",
    "json_schema",
    "load_mapping",
    "parse_amount",
    "parse_references",
    "parse_targets",
    "progress",
    "read_budget",
    "read_budget_with_problems",
    "read_workbook",
    "read_workbook_with_problems",
    "records",
    "render_by_taakveld",
    "render_diff",
    "render_progress",
    "render_summary",
    "round_table",
    "round_to_unit",
    "summarise",
    "to_json",
    "write_budget",
    "write_records",
    "write_report",
    "write_workbook",
]

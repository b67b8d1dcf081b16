"""The guard around every command: a user's mistake or a faulty input is a few lines on
stderr and an exit code, never a traceback; an internal error says it is a bug.

Exit codes: 0 when all is well, 1 when the input has problems (or the command found some), 2
for a usage error or input that cannot be read at all, 3 for an internal error.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
import traceback
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from prestatie import LANGUAGES, JsonError, MappingError, PrestatieError, Problem, WorkbookError
from prestatie._cli.help import Option, option
from prestatie._cli.indicator import show_warning
from prestatie._cli.language import N_, VARIABLE, Settings, _, language, ngettext
from prestatie._errors import os_reason
from prestatie._language import Phrase, render

EXIT_PROBLEMS = 1
EXIT_UNUSABLE = 2  # click's own code for a usage error, too
EXIT_INTERNAL = 3

F = TypeVar("F", bound=Callable[..., Any])


class Failure(Exception):
    """A user's mistake or a faulty input: lines for stderr and an exit code."""

    def __init__(self, message: str, code: int, lines: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.lines = lines


def count_problems(number: int) -> str:
    return ngettext("{count} problem", "{count} problems", number).format(count=number)


def count_files(number: int) -> str:
    return ngettext("{count} file", "{count} files", number).format(count=number)


def problem_line(source: str, problem: Problem) -> str:
    """`FILE: Sheet!Cell: message`; a problem of the file as a whole is `FILE: message`."""
    if problem.where in (source, ""):
        return f"{source}: {problem.render(language())}"
    return f"{source}: {problem.where}: {problem.render(language())}"


def is_whole_file(source: str, problem: Problem) -> bool:
    """Whether a problem concerns the file as a whole (it cannot be read), not a place in it."""
    return problem.where in (source, "", "$")


def failure(error: BaseException, source: str = "") -> Failure:
    """The failure a known error stands for: its message, its problems, its exit code."""
    speaking = language()
    if isinstance(error, MappingError):
        lines = tuple(f"{problem.where}: {problem.render(speaking)}" for problem in error.problems)
        return Failure(_(MappingError.headline), EXIT_UNUSABLE, lines)
    if isinstance(error, JsonError | WorkbookError):
        source = error.source or source
        lines = tuple(problem_line(source, problem) for problem in error.problems)
        unreadable = any(is_whole_file(source, problem) for problem in error.problems)
        message = f"{source}: {count_problems(len(error.problems))}: {_(error.headline)}"
        return Failure(message, EXIT_UNUSABLE if unreadable else EXIT_PROBLEMS, lines)
    if isinstance(error, FileExistsError):
        return Failure(f"{error}", EXIT_UNUSABLE)
    if isinstance(error, OSError):
        name = error.filename if error.filename is not None else source
        reason = system_reason(error)
        return Failure(f"{name}: {reason}" if name else reason, EXIT_UNUSABLE)
    if isinstance(error, PrestatieError):
        return Failure(error.render(speaking), EXIT_PROBLEMS)
    return Failure(str(error), EXIT_PROBLEMS)


def debug_option(function: F) -> F:
    return option("--debug", is_flag=True, help=DEBUG_HELP)(function)


DEBUG_HELP = N_("Show a traceback when something fails.")
LANGUAGE_HELP = N_(
    "The language of messages: nl (Nederlands) or en (English); also PRESTATIE_LANG."
)


class _LanguageOption(Option):
    """--lang, whose error names PRESTATIE_LANG when the value came from there."""

    def get_error_hint(self, ctx: click.Context | None) -> str:
        source = ctx.get_parameter_source("lang") if ctx is not None else None
        if source is click.ParameterSource.ENVIRONMENT:
            return f"'{VARIABLE}'"
        return super().get_error_hint(ctx)


def language_option(*, read_variable: bool) -> Callable[[F], F]:
    """--lang, on the group (which reads PRESTATIE_LANG too) and after each command. The
    language is chosen before click parses (`chosen_language`); here it is checked, eagerly,
    so that an unknown one is an error before --version acts, and shown in the help."""
    return option(
        "--lang",
        cls=_LanguageOption,
        type=click.Choice(LANGUAGES, case_sensitive=False),
        envvar=VARIABLE if read_variable else None,
        default="nl",
        show_default=True,
        expose_value=False,
        is_eager=True,
        help=LANGUAGE_HELP,
    )


def guarded(function: F) -> F:
    """Run a command with warnings and failures as lines on stderr, and the right exit code."""

    @functools.wraps(function)
    def run(*args: Any, debug: bool, **kwargs: Any) -> Any:
        context = click.get_current_context()
        settings = context.find_root().obj
        debug = debug or (isinstance(settings, Settings) and settings.debug)
        with warnings.catch_warnings():
            warnings.simplefilter("default")
            warnings.showwarning = show_warning
            try:
                return function(*args, **kwargs)
            except BrokenPipeError:
                # The reader of stdout is gone (`prestatie diff A B | head`): stop quietly,
                # and keep Python from reporting the pipe again when it flushes at exit.
                with contextlib.suppress(OSError, ValueError):  # stdout may have no file
                    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                context.exit(EXIT_PROBLEMS)
            except (Failure, PrestatieError, OSError) as error:
                known = error if isinstance(error, Failure) else failure(error)
                if debug:
                    traceback.print_exc()
                for line in known.lines:
                    click.echo(line, err=True)
                click.echo(_("Error: {message}").format(message=known.message), err=True)
                context.exit(known.code)
            except (click.exceptions.Exit, click.ClickException, click.Abort):
                raise
            except Exception as error:
                # A bug rather than the user's mistake: one line that says so.
                if debug:
                    traceback.print_exc()
                click.echo(
                    _(
                        "Error: internal error ({kind}: {error}): a bug in prestatie; run the"
                        " command again with --debug to see the traceback"
                    ).format(kind=type(error).__name__, error=error),
                    err=True,
                )
                context.exit(EXIT_INTERNAL)

    return debug_option(language_option(read_variable=False)(run))  # type: ignore[return-value]


def usage(message: str) -> NoReturn:
    raise Failure(message, EXIT_UNUSABLE)


CANNOT = {
    "open": N_("cannot open the file: {reason}{about}"),
    "write": N_("cannot write the file: {reason}{about}"),
}


FILES = {
    (".xlsx", ".json"): N_("a .xlsx or .json file"),
    (".xlsx",): N_("a .xlsx file"),
    (".csv", ".jsonl"): N_("a .csv or .jsonl file"),
}
"""What a command reads or writes, by the extensions it takes."""


def os_failure(
    error: OSError, path: Path, doing: str, expected: tuple[str, ...] = (".xlsx", ".json")
) -> Failure:
    """`FILE: cannot open the file: reason`, naming another path the error is about."""
    return Failure(f"{path}: {file_reason(error, path, doing, expected)}", EXIT_UNUSABLE)


def file_reason(
    error: OSError, path: Path, doing: str, expected: tuple[str, ...] = (".xlsx", ".json")
) -> str:
    """What went wrong opening or writing `path`, without naming `path` itself; a file with
    one of the extensions `expected` was."""
    return file_problem(error, path, doing, expected).render(language())


def file_problem(
    error: OSError, path: Path, doing: str, expected: tuple[str, ...] = (".xlsx", ".json")
) -> Problem:
    """What went wrong opening or writing `path`, as a problem of the whole file with a code
    (`cannot-open`, `is-a-folder`) and a message in either language."""
    if isinstance(error, IsADirectoryError) or path.is_dir():
        return folder_problem(path, expected)
    other = error.filename is not None and str(error.filename) != str(path)
    about = f" ({error.filename})" if other else ""
    template = CANNOT[doing]
    return Problem.of(str(path), f"cannot-{doing}", template, reason=error, about=about)


def folder_reason(expected: tuple[str, ...]) -> str:
    """A folder given where a file with one of the extensions `expected` belongs."""
    return folder_problem(Path(), expected).render(language())


def folder_problem(path: Path, expected: tuple[str, ...]) -> Problem:
    """The folder `path` given where a file with one of the extensions `expected` belongs."""
    template = N_("is a folder, not a file: expected {expected}")
    return Problem.of(str(path), "is-a-folder", template, expected=Phrase(FILES[expected]))


def system_reason(error: OSError) -> str:
    """Why the operating system refused, in the command's language: the library's catalogue
    holds the Dutch of the common reasons."""
    return render("{reason}", {"reason": os_reason(error)}, language())

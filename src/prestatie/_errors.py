"""The error types of prestatie and the `Problem` record that importers and checks report."""

from __future__ import annotations

from collections.abc import Iterable

import attrs


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with a budget, with the place it was found.

    `where` names the place the way the input names it: a cell (`Prestaties!D17`), a JSON
    path (`$.programmes[0].code`) or a file. `message` says what was found and what was
    expected.
    """

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class PrestatieError(Exception):
    """Base class of every error that prestatie raises on purpose."""

    def __init__(self, *args: object, field: str | None = None, owner: str | None = None) -> None:
        self.reason: str | None = None
        """What is wrong with `field`, without naming it, when `owner` was given."""
        if owner is not None and field is not None and args:
            self.reason = str(args[0])
            args = (f"{owner}.{field}: {self.reason}", *args[1:])
        super().__init__(*args)
        self.field = field
        """The field at fault (`end_year`), when the error is about one: a reader points at
        the cell that field came from. With `owner` (`Duration`), the message is
        `Duration.end_year: ` followed by the reason given."""


class InvalidValueError(PrestatieError, ValueError):
    """A value that makes an object meaningless: a malformed code, an end before a start."""


class InvalidTypeError(PrestatieError, TypeError):
    """A value of the wrong type, such as a `float` where an amount belongs."""


class UnitMismatchError(PrestatieError, ValueError):
    """Two quantities of different units were combined."""


class _ProblemsError(PrestatieError, ValueError):
    """An error that carries every problem found, printed one per line."""

    headline = "problems found"

    def __init__(
        self, problems: Iterable[Problem], source: str = "", *, headline: str | None = None
    ) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        if headline is not None:
            self.headline = headline
        lines = [f"{source}: {self.headline}" if source else self.headline]
        lines += [f"  {problem}" for problem in self.problems]
        super().__init__("\n".join(lines))


class JsonError(_ProblemsError):
    """A JSON text that does not describe a valid budget; `problems` lists every fault."""

    headline = "the JSON does not describe a valid budget"


class MappingError(_ProblemsError):
    """A mapping of a foreign sheet that cannot be used; `problems` names each faulty key."""

    headline = "the mapping cannot be used"


class WorkbookError(_ProblemsError):
    """A workbook that cannot be read as a budget, or a budget that cannot be written as one;
    `problems` lists every fault."""

    headline = "the workbook cannot be read as a budget"


class WorkbookWarning(UserWarning):
    """Something in a workbook that was ignored, such as an unknown sheet or column."""


def describe(value: object) -> str:
    """A short, readable rendering of a found value for error messages."""
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{type(value).__name__} {text}"

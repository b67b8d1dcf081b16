"""The error types of prestatie and the `Problem` record that importers and checks report.

A problem, a warning or an error made with a `code` carries its message as an English template
and the values to fill in (`params`), so that it can be rendered in Dutch as well
(`render("nl")`); its `message` and `str()` stay the English text.
"""

from __future__ import annotations

import errno
from collections.abc import Iterable, Mapping
from typing import NamedTuple

import attrs

from prestatie._language import N_, Found, Named, Phrase, Translatable, render, translation

Params = Mapping[str, str | int]
"""The values of a message's placeholders: text and whole numbers, as JSON holds them."""


_OS_REASONS = {
    errno.ENOENT: N_("No such file or directory"),
    errno.EACCES: N_("Permission denied"),
    errno.EISDIR: N_("Is a directory"),
    errno.ENOTDIR: N_("Not a directory"),
    errno.ENOSPC: N_("No space left on device"),
    errno.EROFS: N_("Read-only file system"),
    errno.EEXIST: N_("File exists"),
}
"""The reasons of the common operating system errors, by errno, as the system gives them in
English; the catalogue holds their Dutch."""


def os_reason(error: OSError) -> str:
    """Why the operating system refused, without the file's name: in English as the system
    says it (`Permission denied`), in Dutch from the catalogue by its errno (another errno
    keeps the system's text)."""
    text = error.strerror or str(error)
    dutch = _OS_REASONS.get(error.errno or 0)
    return text if dutch is None else Named(text, dutch)


def _plain(params: Mapping[str, object]) -> dict[str, str | int]:
    """`params` with every value that is not text, a phrase of the catalogue, a translatable
    value or a whole number as its text; an operating system's error as its reason."""
    return {key: _plain_value(value) for key, value in params.items()}


def _plain_value(value: object) -> str | int:
    if isinstance(value, OSError):
        return os_reason(value)
    if type(value) in (str, Phrase, int) or isinstance(value, Translatable):
        return value  # type: ignore[return-value]
    return str(value)


class Reason(NamedTuple):
    """What is wrong, as a message template of the catalogue and the values it names, for a
    caller to place in a `Problem` (`Problem.of(where, code, reason.template,
    **reason.params)`)."""

    template: str
    params: dict[str, object]

    def __str__(self) -> str:
        return render(self.template, self.params)


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with a budget, with the place it was found.

    `where` names the place the way the input names it: a cell (`Prestaties!D17`), a JSON
    path (`$.programmes[0].code`) or a file. `message` says, in English, what was found and
    what was expected; `render("nl")` says it in Dutch. `code` names the kind of problem
    (`sheet-missing`) for programs, and `params` holds the values the message names.

    >>> problem = Problem.of("Lasten en baten!B1", "missing-header", "no column {header!r}",
    ...                      header="Jaar")
    >>> str(problem)
    "Lasten en baten!B1: no column 'Jaar'"
    >>> problem.code, problem.params
    ('missing-header', {'header': 'Jaar'})
    """

    where: str
    message: str
    code: str = attrs.field(default="", eq=False)
    """A stable name of the kind of problem, such as `sheet-missing`; empty when made
    without one."""
    params: Params = attrs.field(factory=dict, eq=False, converter=_plain)
    """The values that the message names, by the names of its placeholders."""
    template: str = attrs.field(default="", eq=False, repr=False)
    """The English message with a placeholder for each of `params`; empty when `message`
    has none."""

    @classmethod
    def of(cls, where: str, code: str, template: str, /, **params: object) -> Problem:
        """The problem `code` at `where`, its message `template` filled in with `params`."""
        values = _plain(params)
        message = render(template, values)
        return cls(where=where, message=message, code=code, params=values, template=template)

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"

    def render(self, language: str = "en") -> str:
        """The message (without the place) in `language`: "nl" for Dutch, "en" for English."""
        if not self.template:  # a message given as is: nothing to fill in
            return translation(language).gettext(self.message)
        return render(self.template, self.params, language)


def _filled(
    args: tuple[object, ...], code: str, params: Mapping[str, object] | None
) -> tuple[tuple[object, ...], str, dict[str, str | int]]:
    """An error's or warning's arguments with the template (the first) filled in."""
    values = _plain(params or {})
    if not code or not args:
        return args, "", values
    template = str(args[0])
    return (render(template, values), *args[1:]), template, values


class PrestatieError(Exception):
    """Base class of every error that prestatie raises on purpose.

    Its text is English and stays so, for developers. An error made with a `code` keeps its
    message as a template with `params`, so that `render("nl")` says it in Dutch.
    """

    def __init__(
        self,
        *args: object,
        field: str | None = None,
        owner: str | None = None,
        code: str = "",
        params: Mapping[str, object] | None = None,
    ) -> None:
        args, self.template, self.params = _filled(args, code, params)
        self.code = code
        """A stable name of the kind of error (`duration-reversed`), or empty."""
        self.reason: str | None = None
        """What is wrong with `field`, without naming it, when `owner` was given."""
        self.owner = owner
        if owner is not None and field is not None and args:
            self.reason = str(args[0])
            args = (f"{owner}.{field}: {self.reason}", *args[1:])
        super().__init__(*args)
        self.field = field
        """The field at fault (`end_year`), when the error is about one: a reader points at
        the cell that field came from. With `owner` (`Duration`), the message is
        `Duration.end_year: ` followed by the reason given."""

    def render_reason(self, language: str = "en") -> str:
        """What is wrong, in `language`, without the `Owner.field: ` that the message starts
        with when an owner was given."""
        if self.template:
            return render(self.template, self.params, language)
        if self.reason is not None:
            return self.reason
        return str(self.args[0]) if self.args else ""

    def render(self, language: str = "en") -> str:
        """The message in `language`: "nl" for Dutch, "en" for English."""
        if not self.template:
            return str(self)
        reason = self.render_reason(language)
        return f"{self.owner}.{self.field}: {reason}" if self.reason is not None else reason


def error_problem(where: str, error: PrestatieError, header: str = "") -> Problem:
    """The problem at `where` that `error` is, with its message (`Owner.field: reason` when
    it names an owner), its code (`invalid-value` when it has none) and its params.

    `header` is the header of the workbook's column that holds the field: in Dutch the
    message names the field by it (`Eindjaar: reason`), as the reader sees it in the sheet."""
    if not error.template:
        return Problem(where=where, message=str(error), code=error.code or "invalid-value")
    if error.reason is None:
        return Problem.of(where, error.code, error.template, **error.params)
    subject: str = f"{error.owner}.{error.field}"
    if header:
        subject = Named(subject, header)
    reason = Phrase(error.template)
    return Problem.of(
        where, error.code, N_("{subject}: {reason}"), subject=subject, reason=reason, **error.params
    )


class InvalidValueError(PrestatieError, ValueError):
    """A value that makes an object meaningless: a malformed code, an end before a start."""


class InvalidTypeError(PrestatieError, TypeError):
    """A value of the wrong type, such as a `float` where an amount belongs."""


class UnitMismatchError(PrestatieError, ValueError):
    """Two quantities of different units were combined."""


class _ProblemsError(PrestatieError, ValueError):
    """An error that carries every problem found, printed one per line."""

    headline = N_("problems found")

    def __init__(
        self, problems: Iterable[Problem], source: str = "", *, headline: str | None = None
    ) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        if headline is not None:
            self.headline = headline
        super().__init__(self.render())

    def render(self, language: str = "en") -> str:
        """The headline and each problem on a line of its own, in `language`."""
        headline = translation(language).gettext(self.headline)
        lines = [f"{self.source}: {headline}" if self.source else headline]
        lines += [f"  {problem.where}: {problem.render(language)}" for problem in self.problems]
        return "\n".join(lines)


class JsonError(_ProblemsError):
    """A JSON text that does not describe a valid budget; `problems` lists every fault."""

    headline = N_("the JSON does not describe a valid budget")


class MappingError(_ProblemsError):
    """A mapping of a foreign sheet that cannot be used; `problems` names each faulty key."""

    headline = N_("the mapping cannot be used")


class WorkbookError(_ProblemsError):
    """A workbook that cannot be read as a budget, or a budget that cannot be written as one;
    `problems` lists every fault."""

    headline = N_("the workbook cannot be read as a budget")


class WorkbookWarning(UserWarning):
    """Something in a workbook that was ignored, such as an unknown sheet or column.

    Like an error, one made with a `code` can be rendered in Dutch (`render("nl")`).
    """

    def __init__(
        self, *args: object, code: str = "", params: Mapping[str, object] | None = None
    ) -> None:
        args, self.template, self.params = _filled(args, code, params)
        self.code = code
        super().__init__(*args)

    def render(self, language: str = "en") -> str:
        """The warning in `language`: "nl" for Dutch, "en" for English."""
        return render(self.template, self.params, language) if self.template else str(self)


def describe(value: object) -> Found:
    """A short, readable rendering of a found value for error messages: its type's name and
    its repr (`int 3`), with the type's name in Dutch when a message renders in Dutch
    (`geheel getal 3`).

    >>> describe(3), describe("x" * 70)
    ('int 3', "str 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...")
    >>> describe(1.5).translated("nl")
    'getal 1,5'
    """
    return Found.of(value)

"""The language of the command's messages: Dutch, or English with `--lang en` or
PRESTATIE_LANG=en.

Each message is written in English and marked with `_` (rendered at once) or `N_` (rendered
later), so that `pybabel extract` puts it in the catalogue that holds its Dutch.

Click's own messages (`Usage:`, `Error: No such option …`) are marked by click with the
standard library's `gettext`, which looks them up in the current gettext domain in the
language that the environment variable LANGUAGE names. While the command runs (`speaking`),
that domain is `click`, whose Dutch catalogue ships beside prestatie's, and LANGUAGE is the
command's language; both are restored afterwards, and importing prestatie sets neither.
"""

from __future__ import annotations

import contextlib
import contextvars
import gettext
import os
from collections.abc import Iterator, Sequence
from importlib import resources

from prestatie import LANGUAGES, translation

CLICK_DOMAIN = "click"
"""The gettext domain of click's messages, in the package's `locale` folder."""

VARIABLE = "PRESTATIE_LANG"
"""The environment variable that chooses the language when no --lang does."""

_LANGUAGE = contextvars.ContextVar("language", default="nl")


class Settings:
    """What the group's options set for every command: a traceback or not."""

    def __init__(self, debug: bool) -> None:
        self.debug = debug


def language() -> str:
    """The language of the command that runs: Dutch unless `--lang` or PRESTATIE_LANG says."""
    return _LANGUAGE.get()


def chosen_language(args: Sequence[str]) -> str:
    """The language that the command line `args` choose: the value of the last `--lang VALUE`
    or `--lang=VALUE` before `--`, before or after the command; else PRESTATIE_LANG; else
    Dutch. Dutch too when the choice is no known language: --lang then reports it, in Dutch."""
    chosen = os.environ.get(VARIABLE, "nl")
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            chosen = args[i + 1]
        elif arg.startswith("--lang="):
            chosen = arg.removeprefix("--lang=")
    chosen = chosen.lower()  # as --lang reads it
    return chosen if chosen in LANGUAGES else "nl"


@contextlib.contextmanager
def speaking(chosen: str) -> Iterator[None]:
    """The command's messages, and click's, in `chosen` ("nl" or "en") until the end."""
    token = _LANGUAGE.set(chosen)
    domain = gettext.textdomain()
    folder = gettext.bindtextdomain(CLICK_DOMAIN)
    variable = os.environ.get("LANGUAGE")
    try:
        # The folder holds the Dutch only: in English, click's messages stay as written.
        gettext.bindtextdomain(CLICK_DOMAIN, str(resources.files("prestatie") / "locale"))
        gettext.textdomain(CLICK_DOMAIN)
        os.environ["LANGUAGE"] = chosen
        yield
    finally:
        gettext.textdomain(domain)
        gettext.bindtextdomain(CLICK_DOMAIN, folder)
        if variable is None:
            os.environ.pop("LANGUAGE", None)
        else:
            os.environ["LANGUAGE"] = variable
        _LANGUAGE.reset(token)


def _translation() -> gettext.NullTranslations:
    return translation(language())


def _(message: str) -> str:
    """`message` in the command's language."""
    return _translation().gettext(message)


def ngettext(singular: str, plural: str, number: int) -> str:
    """`singular` or `plural`, as `number` asks, in the command's language."""
    return _translation().ngettext(singular, plural, number)


def N_(message: str) -> str:
    """Mark `message` for the catalogue; it is rendered in the command's language later."""
    return message

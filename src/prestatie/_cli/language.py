"""The language of the command's messages: Dutch, or English with `--lang en` or
PRESTATIE_LANG=en.

Each message is written in English and marked with `_` (rendered at once) or `N_` (rendered
later), so that `pybabel extract` puts it in the catalogue that holds its Dutch.
"""

from __future__ import annotations

import gettext

import click

from prestatie import translation


class Settings:
    """What the group's options set for every command: traceback or not, and the language."""

    def __init__(self, debug: bool, language: str) -> None:
        self.debug = debug
        self.language = language


def language() -> str:
    """The language of the command that runs: Dutch unless `--lang` or PRESTATIE_LANG says."""
    context = click.get_current_context(silent=True)
    settings = context.find_root().obj if context is not None else None
    return settings.language if isinstance(settings, Settings) else "nl"


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

"""The languages of the messages that people read: English and Dutch.

Every such message is written once, in English, as a template with named placeholders
(`no sheet {sheet!r}`), marked with `N_` where it is made so that `pybabel extract` finds it.
The Dutch text of each template is in the gettext catalogue `locale/nl/LC_MESSAGES/prestatie.po`,
compiled to the `.mo` beside it, which ships in the package. A message is translated when it is
rendered, and only then filled in with its values, so one problem can be read in either language.
"""

from __future__ import annotations

import functools
import gettext
from collections.abc import Mapping
from importlib import resources

LANGUAGES = ("nl", "en")
"""The languages a message can be rendered in: Dutch (the command's default) and English."""

DOMAIN = "prestatie"


class Phrase(str):
    """A text from the catalogue: given as a value of a message (`expected {expected}`), it is
    translated with the message."""

    __slots__ = ()


class Translatable(str):
    """A value of a message that reads differently by language: given as a value of a
    message, `translated` gives it in the message's language. Its own text, the English,
    is what a program reads in the message's params."""

    __slots__ = ()

    def translated(self, language: str) -> str:
        raise NotImplementedError


class Named(Translatable):
    """A value that a Dutch reader knows by another name: a model field (`Duration.end_year`)
    by its column's header in the workbook (`Eindjaar`), an operating system's reason
    (`Permission denied`) by a phrase of the catalogue (`geen toegang`). The English is the
    value as given."""

    dutch: str

    def __new__(cls, english: str, dutch: str) -> Named:
        named = super().__new__(cls, english)
        named.dutch = dutch
        return named

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]
        return str(self), self.dutch

    def translated(self, language: str) -> str:
        """The Dutch name in Dutch (a `Phrase` is translated with the message), else the
        value as given."""
        return self.dutch if language == "nl" else str(self)


class Found(Translatable):
    """A value as it was found, for a message: its type's name and its repr (`int 3`,
    `str 'x'`), the same in every language. Given as a value of a message, its type's name is
    translated with the message (`geheel getal 3`), and in Dutch a float's decimal point
    becomes a comma (`getal 1,5`), as a Dutch spreadsheet shows it."""

    __slots__ = ()

    @classmethod
    def of(cls, value: object) -> Found:
        shown = repr(value)
        if len(shown) > 60:
            shown = shown[:57] + "..."
        return cls(f"{type(value).__name__} {shown}")

    def translated(self, language: str) -> str:
        kind, _, shown = self.partition(" ")
        name = TYPE_NAMES.get(kind) or TOML_TYPE_NAMES.get(kind)
        if name is None:
            return str(self)
        if kind == "float" and language == "nl":
            shown = shown.replace(".", ",")
        return f"{translation(language).gettext(name)} {shown}"


def N_(template: str) -> str:
    """Mark `template` for the catalogue; it is translated later, when rendered, and so is
    a value of a message that was marked."""
    return Phrase(template)


def filled(template: str, /, **params: object) -> Named:
    """A value of a message that is a template of the catalogue filled in with values of its
    own (`the literal {text}, which is not standard JSON`): in English and in Dutch."""
    dutch = translation("nl").gettext(template).format_map(params)
    return Named(template.format_map(params), dutch)


def known_reason(reason: str, phrases: tuple[str, ...]) -> str:
    """Another library's reason (`json`'s, `tomllib`'s) as the phrase of the catalogue that
    says it, when it is one of `phrases` (each marked with `N_`, in that library's English),
    so that it is translated with the message; else as it is."""
    return next((phrase for phrase in phrases if phrase == reason), reason)


TYPE_NAMES = {
    "str": N_("str"),
    "int": N_("int"),
    "float": N_("float"),
    "bool": N_("bool"),
    "NoneType": N_("NoneType"),
    "list": N_("list"),
    "dict": N_("dict"),
    "datetime": N_("datetime"),
    "date": N_("date"),
    "time": N_("time"),
    "timedelta": N_("timedelta"),
    "Decimal": N_("Decimal"),
}
"""The Python types a found value commonly has (read from JSON or a cell), by their name:
English shows the name as it is (`int 3`), the catalogue holds the Dutch (`geheel getal 3`)."""

TOML_TYPE_NAMES = {
    "text": N_("text"),
    "integer": N_("integer"),
    "boolean": N_("boolean"),
    "array": N_("array"),
    "table": N_("table"),
}
"""The types of a value in a TOML file (a mapping) by the names TOML gives them, besides
`float` and the dates and times of `TYPE_NAMES`: `integer 3` in English, `geheel getal 3` in
Dutch."""


@functools.cache
def translation(language: str) -> gettext.NullTranslations:
    """The gettext translations of prestatie's messages into `language` (one of `LANGUAGES`).

    English is the language the messages are written in; Dutch comes from the catalogue that
    ships in the package.

    >>> translation("nl").gettext("problems found")
    'problemen gevonden'
    >>> translation("en").gettext("problems found")
    'problems found'
    """
    if language not in LANGUAGES:
        from prestatie._errors import InvalidValueError  # which renders through this module

        known = " or ".join(repr(known) for known in LANGUAGES)
        raise InvalidValueError(f"unknown language {language!r}: expected {known}")
    if language == "en":
        return gettext.NullTranslations()
    catalogue = resources.files("prestatie") / "locale" / language / "LC_MESSAGES"
    with (catalogue / f"{DOMAIN}.mo").open("rb") as file:
        return gettext.GNUTranslations(file)


def render(template: str, params: Mapping[str, object], language: str = "en") -> str:
    """`template` in `language`, filled in with `params`; a `Phrase` among them is
    translated too, and filled in with the same `params`, and so is a `Translatable` value
    (a `Found` value's type, a `Named` value)."""
    texts = translation(language)
    found = {
        key: value.translated(language) if isinstance(value, Translatable) else value
        for key, value in params.items()
    }
    values = {
        key: texts.gettext(value).format_map(found) if isinstance(value, Phrase) else value
        for key, value in found.items()
    }
    return texts.gettext(template).format_map(values)

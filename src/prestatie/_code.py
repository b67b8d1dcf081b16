"""Hierarchical codes as a budget prints them: `7`, `7.2`, `7.2.3`, `1.1.1.02`, `4.1.a`,
`7-1-1`, `7.1.`, and fixed-width `020101` read through a budget's `CodeScheme`."""

from __future__ import annotations

import re
from typing import Any

import attrs

from prestatie._errors import InvalidTypeError, InvalidValueError, describe
from prestatie._language import N_

# Twelve digits hold a fixed-width code of six levels (`020101` is three). A code starts
# with a number; a later part may be one or two letters (`4.1.a`), so a word is no code.
_NUMBER = r"[0-9]{1,12}"
_PART = rf"(?:{_NUMBER}|[A-Za-z]{{1,2}})"
_CODE = re.compile(rf"{_NUMBER}(?:(?P<sep>[.-])(?:{_PART}(?:(?P=sep){_PART})*(?P=sep)?)?)?")
MAX_PART = 999_999
"""The largest number of a programme (six digits)."""

Part = int | str
"""A part of a code: its number, or its letters (`a` in `4.1.a`)."""


def _key(text: str) -> tuple[tuple[int, int, str], ...]:
    # Numbers sort as numbers and before letters; `02` and `2` are the same part.
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in _split(text))


def _split(text: str) -> list[str]:
    parts = re.split(r"[.-]", text)
    return parts[:-1] if len(parts) > 1 and parts[-1] == "" else parts


class Code:
    """A code such as `7.2.3`, kept as printed.

    Its parts are numbers, or after the first one or two letters, joined by dots or by
    hyphens (`7-1-1`), sometimes with a separator after the last part (`7.1.`). Two codes
    are equal when their parts are: `1.1.1.02` equals `1.1.1.2`, and each keeps its own
    text. Codes sort naturally, part by part, numbers as numbers, and a parent sorts before
    its children:

    >>> sorted([Code("7.10"), Code("7.9"), Code("7"), Code("7.9.1")])
    [Code('7'), Code('7.9'), Code('7.9.1'), Code('7.10')]
    >>> Code("7.2.3").parent
    Code('7.2')
    """

    __slots__ = ("_key", "_text")
    _text: str
    _key: tuple[tuple[int, int, str], ...]

    def __init__(self, text: str | Code) -> None:
        if isinstance(text, Code):
            text = text._text
        elif not isinstance(text, str):
            raise InvalidTypeError(f"code: expected text like '7.2.3', got {describe(text)}")
        elif not _CODE.fullmatch(text):
            raise InvalidValueError(
                N_("code: expected numbers joined by dots like '7.2.3', got {text!r}"),
                code="not-a-code",
                params={"text": text},
            )
        object.__setattr__(self, "_text", text)
        object.__setattr__(self, "_key", _key(text))

    @classmethod
    def from_parts(cls, *parts: Part) -> Code:
        """The code made of these parts: `Code.from_parts(7, 2)` is `7.2`."""
        return cls(".".join(str(part) for part in parts))

    @property
    def parts(self) -> tuple[Part, ...]:
        """The parts of the code, outermost first: numbers as `int`, letters as `str`."""
        return tuple(number if kind == 0 else text for kind, number, text in self._key)

    @property
    def texts(self) -> tuple[str, ...]:
        """The parts of the code as printed (`02` stays `02`)."""
        return tuple(_split(self._text))

    @property
    def level(self) -> int:
        """How many parts it has: 1 for a programme, 2 for an objective under it, …"""
        return len(self._key)

    @property
    def parent(self) -> Code | None:
        """The code one level up, printed with the same separator, or None for a top-level
        code."""
        texts = self.texts
        if len(texts) == 1:
            return None
        separator = "-" if "-" in self._text else "."
        return Code(separator.join(texts[:-1]))

    def is_ancestor_of(self, other: Code) -> bool:
        """True when `other` lies strictly below this code (`7` is an ancestor of `7.2.3`)."""
        return len(other._key) > len(self._key) and other._key[: len(self._key)] == self._key

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Code is immutable")

    def __reduce__(self) -> tuple[type[Code], tuple[str]]:
        # Pickle (and so multiprocessing) rebuilds a code from its text.
        return (Code, (self._text,))

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return f"Code({self._text!r})"

    def __hash__(self) -> int:
        return hash(self._key)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Code):
            return self._key == other._key
        return NotImplemented

    def __lt__(self, other: Code) -> bool:
        if not isinstance(other, Code):
            return NotImplemented
        return self._key < other._key

    def __le__(self, other: Code) -> bool:
        if not isinstance(other, Code):
            return NotImplemented
        return self._key <= other._key

    def __gt__(self, other: Code) -> bool:
        if not isinstance(other, Code):
            return NotImplemented
        return self._key > other._key

    def __ge__(self, other: Code) -> bool:
        if not isinstance(other, Code):
            return NotImplemented
        return self._key >= other._key


def _widths(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not all(
        isinstance(width, int) and not isinstance(width, bool) and 1 <= width <= 6
        for width in value
    ):
        raise InvalidValueError(
            f"expected a tuple of widths from 1 to 6 digits, got {value!r}",
            owner="CodeScheme",
            field=attribute.name,
        )


@attrs.frozen(kw_only=True)
class CodeScheme:
    """How a budget's codes show their place: by parts joined by separators (the default,
    `7.2.3`, `1.1.1.02`, `4.1.a`, `7-1-1`), or by fixed-width digits (`widths`): Zeeland's
    `020101` is programme `02`, then `01`, then `01`, with `widths=(2, 2, 2)`."""

    widths: tuple[int, ...] = attrs.field(default=(), validator=_widths)

    def split(self, code: Code) -> tuple[Part, ...] | None:
        """The parts of `code` under this scheme; None when a fixed-width code has a length
        no level has."""
        if not self.widths:
            return code.parts
        text = str(code)
        if not text.isdigit():
            return None
        parts: list[Part] = []
        start = 0
        for width in self.widths:
            if start >= len(text):
                break
            parts.append(int(text[start : start + width]))
            start += width
        return tuple(parts) if start == len(text) else None

    def is_child(self, code: Code, parent: Code) -> bool:
        """Whether `code` lies directly under `parent`."""
        parts, above = self.split(code), self.split(parent)
        return parts is not None and above is not None and parts[:-1] == above

    def programme_code(self, number: int) -> Code:
        """The code of programme `number`: `7`, or `02` with widths (2, 2, 2)."""
        if self.widths:
            return Code(str(number).zfill(self.widths[0]))
        return Code.from_parts(number)

    def child_example(self, parent: Code) -> str:
        """What a code directly under `parent` looks like, for messages: `7.2.n`, `0201nn`."""
        parts = self.split(parent)
        if self.widths and parts is not None and len(parts) < len(self.widths):
            return f"{parent}{'n' * self.widths[len(parts)]}"
        return f"{parent}.n"

    def describe(self) -> str:
        """In Dutch, for the workbook and the reports."""
        if not self.widths:
            return "punten"
        return "vaste breedte " + "-".join(str(width) for width in self.widths)


DEFAULT_SCHEME = CodeScheme()

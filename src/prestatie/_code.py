"""Dotted hierarchical codes: `7` (programme), `7.2` (objective), `7.2.3` (prestatie)."""

from __future__ import annotations

import re
from typing import Any

from prestatie._errors import InvalidTypeError, InvalidValueError, describe

_CODE = re.compile(r"(0|[1-9][0-9]{0,5})(\.(0|[1-9][0-9]{0,5}))*")
MAX_PART = 999_999
"""The largest number a part of a code may be (six digits, as `_CODE` allows)."""


class Code:
    """A dotted code such as `7.2.3`.

    Codes sort naturally, part by part as numbers, and a parent sorts before its children:

    >>> sorted([Code("7.10"), Code("7.9"), Code("7"), Code("7.9.1")])
    [Code('7'), Code('7.9'), Code('7.9.1'), Code('7.10')]
    >>> Code("7.2.3").parent
    Code('7.2')
    """

    __slots__ = ("_parts",)
    _parts: tuple[int, ...]

    def __init__(self, text: str | Code) -> None:
        if isinstance(text, Code):
            parts = text._parts
        elif not isinstance(text, str):
            raise InvalidTypeError(f"code: expected text like '7.2.3', got {describe(text)}")
        elif not _CODE.fullmatch(text):
            raise InvalidValueError(
                f"code: expected numbers joined by dots like '7.2.3', got {text!r}"
            )
        else:
            parts = tuple(int(part) for part in text.split("."))
        object.__setattr__(self, "_parts", parts)

    @classmethod
    def from_parts(cls, *parts: int) -> Code:
        """The code made of these numbers: `Code.from_parts(7, 2)` is `7.2`."""
        return cls(".".join(str(part) for part in parts))

    @property
    def parts(self) -> tuple[int, ...]:
        """The numbers of the code, outermost first."""
        return self._parts

    @property
    def level(self) -> int:
        """1 for a programme, 2 for an objective, 3 for a prestatie."""
        return len(self._parts)

    @property
    def parent(self) -> Code | None:
        """The code one level up, or None for a top-level code."""
        if len(self._parts) == 1:
            return None
        return Code.from_parts(*self._parts[:-1])

    def is_ancestor_of(self, other: Code) -> bool:
        """True when `other` lies strictly below this code (`7` is an ancestor of `7.2.3`)."""
        return len(other._parts) > len(self._parts) and other._parts[: len(self._parts)] == (
            self._parts
        )

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Code is immutable")

    def __reduce__(self) -> tuple[type[Code], tuple[str]]:
        # Pickle (and so multiprocessing) rebuilds a code from its text.
        return (Code, (str(self),))

    def __str__(self) -> str:
        return ".".join(str(part) for part in self._parts)

    def __repr__(self) -> str:
        return f"Code({str(self)!r})"

    def __hash__(self) -> int:
        return hash(self._parts)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Code):
            return self._parts == other._parts
        return NotImplemented

    def __lt__(self, other: Code) -> bool:
        if not isinstance(other, Code):
            return NotImplemented
        return self._parts < other._parts

    def __le__(self, other: Code) -> bool:
        if not isinstance(other, Code):
            return NotImplemented
        return self._parts <= other._parts

    def __gt__(self, other: Code) -> bool:
        if not isinstance(other, Code):
            return NotImplemented
        return self._parts > other._parts

    def __ge__(self, other: Code) -> bool:
        if not isinstance(other, Code):
            return NotImplemented
        return self._parts >= other._parts

"""The tokens of a text and the quantities and units they spell."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import attrs

from prestatie._errors import InvalidValueError
from prestatie._money import SCALES, parse_amount, to_amount
from prestatie._target.algebra import Target, TargetKind
from prestatie._target.words import (
    _AT_LEAST,
    _AT_MOST,
    _DASHES,
    _LESS,
    _LONGEST_LISTED_UNIT,
    _MEASURES,
    _MORE,
    _NOT_UNITS,
    _NUMBER_WORDS,
    _OF,
    _PRONOUNS,
    _QUALIFIERS,
    _RANGE_WORDS,
    _SIGNS,
    _STOP_WORDS,
    _TOKEN,
    _YEAR,
    EURO,
    PERCENT,
)


@attrs.frozen
class _Token:
    kind: str
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()


@attrs.frozen
class _Quantity:
    value: Decimal
    unit: str | None  # EURO or PERCENT when the quantity says so, else None
    end: int  # index of the first token after it
    scale: int = 0  # the power of ten of its scale word: 6 for "miljoen"


@attrs.frozen
class _Unit:
    text: str
    end: int
    more: bool = False  # another list item follows
    kind: TargetKind = TargetKind.ABSOLUTE
    yearly: bool = False


@attrs.frozen
class _Found:
    """A target read from tokens[start:end]; `baseline` is the token of its baseline year."""

    target: Target
    start: int
    end: int
    baseline: int | None = None
    descriptive: bool = False  # opened by "meer dan" or "minder dan"


@attrs.frozen
class _When:
    """A year, period or "jaarlijks" phrase at tokens[start:end]."""

    start: int
    end: int
    year: int | None = None
    first_year: int | None = None
    yearly: bool = False


def _tokens(text: str) -> list[_Token]:
    return [
        _Token(match.lastgroup or "", match.group(), match.start(), match.end())
        for match in _TOKEN.finditer(text)
    ]


def _glued(tokens: Sequence[_Token], i: int) -> bool:
    """True when tokens i-1 and i touch, without space between."""
    return 0 < i < len(tokens) and tokens[i - 1].end == tokens[i].start


def _part_of_code(tokens: Sequence[_Token], start: int, number: int, *, second: bool) -> bool:
    """The number at token `number` (its quantity starting at `start`) is part of a code, a
    date or a fraction: "Nr.1", "29-10-2024", "2/3", "1:5", "0-meting"; or it follows a glued
    sign or dash, and is read only with what comes before it ("+5%", the 95 of "80-95%"),
    unless it is the `second` end of a range. "80-95%" is a range, not a code."""
    if (
        not second
        and _glued(tokens, start)
        and (
            tokens[start - 1].kind in ("word", "other", "number")
            or tokens[start - 1].text in "./-−–:+"
        )
    ):
        return True
    after = number + 1
    return (
        after + 1 < len(tokens)
        and tokens[after].text in ("/", "-", "−", "–", ":")
        and _glued(tokens, after)
        and _glued(tokens, after + 1)
        and tokens[after + 1].kind in ("word", "number", "other")
        and not _percent_after_dash(tokens, after)
    )


def _percent_after_dash(tokens: Sequence[_Token], dash: int) -> bool:
    """Token `dash` is a dash before a number in percent, the upper end of a range "80-95%"."""
    return (
        tokens[dash].text in _DASHES
        and dash + 2 < len(tokens)
        and tokens[dash + 1].kind == "number"
        and tokens[dash + 2].lower in ("%", "procent")
    )


def _quantity(
    tokens: Sequence[_Token], i: int, *, article_is_number: bool, second: bool = False
) -> _Quantity | None:
    """The quantity starting at token i: [€] [sign] number [scale] [%]. A sign after a number
    is glued to its own: the dash of "80 - 95%" is no minus, that of "- 5%" is. `second` reads
    the upper end of a range."""
    start = i
    money = i < len(tokens) and tokens[i].text == "€"
    i += money
    negative = False
    if i < len(tokens) and tokens[i].kind == "symbol" and tokens[i].text in _SIGNS:
        if not _glued(tokens, i + 1) and i > 0 and tokens[i - 1].kind == "number":
            return None
        negative = tokens[i].text != "+"
        i += 1
    if i >= len(tokens):
        return None
    token = tokens[i]
    if token.kind == "number":
        if not money and _YEAR.fullmatch(token.text):
            return None  # "in 2016" is a year; a count of two thousand is written "2.000"
        if _part_of_code(tokens, start, i, second=second):
            return None
        try:
            value = parse_amount(token.text)
        except InvalidValueError:
            return None  # a code such as "7.2.2"
        if value is None:
            return None
    elif token.kind == "word" and token.lower in _NUMBER_WORDS:
        if token.lower == "een" and not article_is_number:
            return None  # "een foto-tentoonstelling": an article; "één" is always one
        if i + 1 < len(tokens) and tokens[i + 1].lower in ("op", "of"):
            return None  # "één op de drie woningen", "één of twee": no count of its own
        value = _NUMBER_WORDS[token.lower]
    else:
        return None
    i += 1
    scale = 0
    if i < len(tokens) and tokens[i].lower in SCALES:
        scale = SCALES[tokens[i].lower]
        value = _scaled(value, scale)
        i += 1
    unit = EURO if money else None
    if not money and i < len(tokens) and tokens[i].lower in ("%", "procent"):
        unit = PERCENT
        i += 1
    return _Quantity(-value if negative else value, unit, i, scale)


def _scaled(value: Decimal, scale: int) -> Decimal:
    value = value.scaleb(scale)
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent > 0:
        value = to_amount(int(value))  # "20 miljoen" reads as 20000000, not 2.0E+7
    return value


def _lower_end(first: _Quantity, second: _Quantity) -> Decimal:
    """The first end of a range, which takes the scale of the second when it has none of its
    own: "tussen 5 en 10 miljoen" is 5 miljoen to 10 miljoen (unless that passes the second)."""
    if first.scale or not second.scale:
        return first.value
    scaled = _scaled(first.value, second.scale)
    return scaled if scaled <= second.value else first.value


def _range_end(tokens: Sequence[_Token], first: _Quantity) -> tuple[_Quantity, str] | None:
    """The upper end of a range whose first number is `first`, and the word between: "80 tot
    95%", "80 à 95%", "80-95%", "80 - 95%", "80–95%" and "80 – 95%" read alike."""
    j = first.end
    if j >= len(tokens) or tokens[j].lower not in _RANGE_WORDS:
        return None
    second = _quantity(tokens, j + 1, article_is_number=False, second=True)
    return None if second is None else (second, tokens[j].lower)


def _ends_range(tokens: Sequence[_Token], i: int) -> bool:
    """The quantity at token i is the upper end of a range ("80 tot 95%"), never read alone:
    when the range is not read, neither is its upper end."""
    return (
        i >= 2
        and tokens[i - 1].lower in _RANGE_WORDS
        and tokens[i - 2].kind == "number"
        and not _YEAR.fullmatch(tokens[i - 2].text)
    )


def _phrase(tokens: Sequence[_Token], i: int, words: Sequence[str]) -> bool:
    return tuple(t.lower for t in tokens[i : i + len(words)]) == tuple(words)


def _qualifier(tokens: Sequence[_Token], i: int) -> tuple[int, int] | None:
    for words, kind in _QUALIFIERS:
        if _phrase(tokens, i, words):
            return kind, i + len(words)
    return None


def _is_year(tokens: Sequence[_Token], i: int) -> bool:
    return (
        0 <= i < len(tokens)
        and tokens[i].kind == "number"
        and bool(_YEAR.fullmatch(tokens[i].text))
    )


# Units.


def _item_starts(tokens: Sequence[_Token], i: int) -> bool:
    """A list item follows: a quantity with its own unit, or a quantity and a word."""
    quantity = _quantity(tokens, i, article_is_number=False)
    if quantity is None:
        return False
    if quantity.unit is not None:
        return True
    j = quantity.end
    return j < len(tokens) and tokens[j].kind == "word" and tokens[j].lower not in _STOP_WORDS


def _noun_phrase(tokens: Sequence[_Token], i: int) -> int:
    """The end of the adjectives and noun starting at token i ("nieuwe woningen"): words that
    are no stop words, continued after a word ending in -e, a unit of measure or an acronym."""
    j = i
    while j < len(tokens) and tokens[j].kind == "word" and tokens[j].lower not in _STOP_WORDS:
        if tokens[j].lower in _NOT_UNITS:
            break
        if j > i and j + 1 < len(tokens) and tokens[j + 1].lower in _PRONOUNS:
            break
        j += 1
        previous = tokens[j - 1]
        modifies = (
            previous.lower.endswith("e")
            or previous.lower in _MEASURES
            or (previous.text.isupper() and len(previous.text) > 1)
        )
        if not modifies or j >= len(tokens):
            break
    return j


def _unit(tokens: Sequence[_Token], i: int) -> _Unit | None:
    """The unit of the item whose words start at token i.

    An item followed by "," or "en" and a next item runs up to that separator ("30 spelen op
    andere locaties en 40 ..."); the last item is its adjectives and one noun ("40 gastlessen
    op scholen" counts gastlessen; "nieuwe woningen" keeps its adjective).
    """
    if i < len(tokens) and tokens[i].lower in _NOT_UNITS:
        return None
    if i < len(tokens) and tokens[i].text == "(":
        close = next((k for k in range(i + 1, min(i + 5, len(tokens))) if tokens[k].text == ")"), 0)
        if not close:
            return None
        end = _noun_phrase(tokens, close + 1)
        if end == close + 1:
            return None
        # "(semi-)publieke laadpunten" keeps its prefix; "3 (drie) bijeenkomsten" skips an aside
        first = i if _glued(tokens, close + 1) else close + 1
        return _extended(tokens, _words(tokens, first, end), end)
    j = i
    while j < len(tokens) and tokens[j].kind == "word" and j - i <= _LONGEST_LISTED_UNIT:
        if j > i and tokens[j].lower == "en" and _item_starts(tokens, j + 1):
            return _Unit(_words(tokens, i, j), j, more=True)
        j += 1
    if j > i and j < len(tokens) and tokens[j].text == "," and _item_starts(tokens, j + 1):
        return _Unit(_words(tokens, i, j), j, more=True)
    j = _noun_phrase(tokens, i)
    if j == i:
        return None
    return _extended(tokens, _words(tokens, i, j), j)


def _extended(tokens: Sequence[_Token], unit: str, j: int) -> _Unit:
    """The unit that ends before token j, with what completes it: "km/u", "% van de
    besluiten", "% sociale huur", "laadpunt per 5 voertuigen" (a ratio), "€ per inwoner";
    "per jaar" makes the target yearly."""
    while (
        j + 1 < len(tokens)
        and tokens[j].text == "/"
        and _glued(tokens, j)
        and _glued(tokens, j + 1)
        and tokens[j + 1].kind == "word"
    ):
        unit, j = f"{unit}/{tokens[j + 1].text}", j + 2
    if unit == PERCENT and j < len(tokens):
        if tokens[j].lower == "van" and j + 1 < len(tokens) and tokens[j + 1].lower in _OF:
            end = _noun_phrase(tokens, j + 2)
            if end > j + 2:
                unit, j = f"{unit} {_words(tokens, j, end)}", end
        elif tokens[j].kind == "word":
            # "% sociale huur", "% MKB bedrijven"; one word ("% gerealiseerd") is no unit.
            end = _noun_phrase(tokens, j)
            if end > j + 1:
                unit, j = f"{unit} {_words(tokens, j, end)}", end
    if j < len(tokens) and tokens[j].lower == "per":
        if _phrase(tokens, j + 1, ("jaar",)):
            return _Unit(unit, j + 2, yearly=True)
        count = _quantity(tokens, j + 1, article_is_number=False)
        if count is not None and count.unit is None:
            end = _noun_phrase(tokens, count.end)
            if end > count.end:
                return _Unit(f"{unit} {_words(tokens, j, end)}", end, kind=TargetKind.RATIO)
        end = _noun_phrase(tokens, j + 1)
        if end > j + 1 and count is None:
            unit, j = f"{unit} {_words(tokens, j, end)}", end
    return _Unit(unit, j)


def _quantity_unit(tokens: Sequence[_Token], quantity: _Quantity) -> _Unit | None:
    """The unit of a quantity: its own (€, %) completed, or the words after it."""
    if quantity.unit is None:
        return _unit(tokens, quantity.end)
    more = quantity.end < len(tokens) and tokens[quantity.end].text in (",", "en")
    if more and _item_starts(tokens, quantity.end + 1):
        return _Unit(quantity.unit, quantity.end, more=True)
    return _extended(tokens, quantity.unit, quantity.end)


def _words(tokens: Sequence[_Token], i: int, j: int) -> str:
    """tokens[i:j] as printed, spaces collapsed: "km/u", "(semi-)publieke laadpunten"."""
    return "".join(
        ("" if k == i or _glued(tokens, k) else " ") + tokens[k].text for k in range(i, j)
    )


def _bounded(kind: int, value: Decimal, unit: str) -> Target:
    if kind == _AT_LEAST:
        return Target.at_least(value, unit)
    if kind == _MORE:
        return Target.at_least(value, unit, strict=True)
    if kind == _AT_MOST:
        return Target.at_most(value, unit)
    if kind == _LESS:
        return Target.at_most(value, unit, strict=True)
    return Target.exactly(value, unit)


def _with_unit(target: Target, unit: _Unit) -> Target:
    return attrs.evolve(target, kind=unit.kind, yearly=unit.yearly)

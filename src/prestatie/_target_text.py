"""Targets as Dutch budgets write them: reading them from action text, and writing them back.

Reading is deliberately cautious: a number becomes a target only after a qualifier
("maximaal", "in elk geval", "tussen ... en", ">"), in a list that such a qualifier opens, or
when the whole text is one quantity (a target cell such as "45,6%"). Years ("in 2016"), codes
("7.2.2", "PS/2016/344") and articles ("een foto-tentoonstelling") are never targets.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

import attrs

from prestatie._code import Code
from prestatie._errors import InvalidValueError
from prestatie._money import format_amount, parse_amount
from prestatie._target import Target, TargetKind

EURO = "euro"
PERCENT = "%"

# A number is ASCII digits up to a word boundary: "1e9999", "2,5e-3" and "3km" are no
# numbers but "other" tokens, so exponent notation is never read as a number and a unit.
_TOKEN = re.compile(
    r"(?P<tov>t\.o\.v\.?)"
    r"|(?P<number>[0-9]+(?:[.,][0-9]+)*+(?:,-)?+)(?!\w)"
    r"|(?P<word>[^\W\d_](?:[\w&'’-]*\w)?)"
    r"|(?P<symbol>>=|<=|[€%()\[\],;:.!?/+\-−><≥≤])"
    r"|(?P<other>\w+(?:[.,]\w+)*)",
)

_NUMBER_WORDS = {
    word: Decimal(value)
    for value, words in {
        1: "een één", 2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes", 7: "zeven",
        8: "acht", 9: "negen", 10: "tien", 11: "elf", 12: "twaalf", 13: "dertien",
        14: "veertien", 15: "vijftien", 16: "zestien", 17: "zeventien", 18: "achttien",
        19: "negentien", 20: "twintig", 30: "dertig", 40: "veertig", 50: "vijftig",
        60: "zestig", 70: "zeventig", 80: "tachtig", 90: "negentig", 100: "honderd",
        1000: "duizend",
    }.items()
    for word in words.split()
}  # fmt: skip
_SCALES = {"duizend": 3, "miljoen": 6, "miljard": 9}

# Qualifier word sequences, longest first so "niet meer dan" is not read as "meer dan".
_AT_LEAST, _AT_MOST, _MORE, _LESS, _EXACTLY, _BETWEEN = range(6)
_QUALIFIERS: list[tuple[tuple[str, ...], int]] = sorted(
    [
        (("ten", "minste"), _AT_LEAST),
        (("tenminste",), _AT_LEAST),
        (("minimaal",), _AT_LEAST),
        (("minstens",), _AT_LEAST),
        (("in", "elk", "geval"), _AT_LEAST),
        (("in", "ieder", "geval"), _AT_LEAST),
        ((">=",), _AT_LEAST),
        (("≥",), _AT_LEAST),
        (("maximaal",), _AT_MOST),
        (("hoogstens",), _AT_MOST),
        (("ten", "hoogste"), _AT_MOST),
        (("niet", "meer", "dan"), _AT_MOST),
        (("<=",), _AT_MOST),
        (("≤",), _AT_MOST),
        (("meer", "dan"), _MORE),
        ((">",), _MORE),
        (("minder", "dan"), _LESS),
        (("<",), _LESS),
        (("precies",), _EXACTLY),
        (("tussen",), _BETWEEN),
    ],
    key=lambda entry: -len(entry[0]),
)
# Direction phrases of relative targets: (lower, lower inclusive, upper, upper inclusive).
_DIRECTIONS: list[tuple[tuple[str, ...], tuple[int | None, bool, int | None, bool]]] = [
    (("neemt", "toe", "of", "blijft", "minimaal", "gelijk"), (0, True, None, True)),
    (("neemt", "af", "of", "blijft", "maximaal", "gelijk"), (None, True, 0, True)),
    (("neemt", "toe"), (0, False, None, True)),
    (("neemt", "af"), (None, True, 0, False)),
]
# Words that end the unit of the last item of a list: "40 gastlessen op scholen".
_STOP_WORDS = frozenset({
    "aan", "als", "bij", "binnen", "dan", "dat", "de", "die", "door", "een", "en", "het", "in",
    "is", "met", "na", "naar", "nog", "of", "om", "onder", "ook", "op", "over", "per", "te",
    "tijdens", "tot", "uit", "van", "voor", "waarbij", "wordt", "worden", "zijn", "zoals",
})  # fmt: skip
# Words after a number that make it no count: "een derde", "een paar", "1 en 3 juni".
_NOT_UNITS = frozenset({
    "derde", "kwart", "half", "halve", "paar", "aantal", "deel", "procent",
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december",
})  # fmt: skip
_LONGEST_LISTED_UNIT = 6
_ONE_SIDED = (_AT_LEAST, _MORE, _AT_MOST, _LESS)
_YEAR = re.compile(r"1[89][0-9][0-9]|2[01][0-9][0-9]")


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


def _tokens(text: str) -> list[_Token]:
    return [
        _Token(match.lastgroup or "", match.group(), match.start(), match.end())
        for match in _TOKEN.finditer(text)
    ]


def _quantity(tokens: Sequence[_Token], i: int, *, article_is_number: bool) -> _Quantity | None:
    """The quantity starting at token i: [€] [sign] number [scale] [%]."""
    money = i < len(tokens) and tokens[i].text == "€"
    i += money
    negative = False
    if i < len(tokens) and tokens[i].text in "+-−" and tokens[i].kind == "symbol":
        negative = tokens[i].text != "+"
        i += 1
    if i >= len(tokens):
        return None
    token = tokens[i]
    if token.kind == "number":
        if not money and _YEAR.fullmatch(token.text):
            return None  # "in 2016" is a year; a count of two thousand is written "2.000"
        try:
            value = parse_amount(token.text)
        except InvalidValueError:
            return None  # a code such as "7.2.2"
        if value is None:
            return None
    elif token.kind == "word" and token.lower in _NUMBER_WORDS:
        if token.lower == "een" and not article_is_number:
            return None  # "een foto-tentoonstelling": an article
        value = _NUMBER_WORDS[token.lower]
    else:
        return None
    i += 1
    if i < len(tokens) and tokens[i].lower in _SCALES:
        value = value.scaleb(_SCALES[tokens[i].lower])
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and exponent > 0:
            value = Decimal(int(value))  # "20 miljoen" reads as 20000000, not 2.0E+7
        i += 1
    unit = EURO if money else None
    if not money and i < len(tokens) and tokens[i].lower in ("%", "procent"):
        unit = PERCENT
        i += 1
    return _Quantity(-value if negative else value, unit, i)


def _phrase(tokens: Sequence[_Token], i: int, words: Sequence[str]) -> bool:
    return tuple(t.lower for t in tokens[i : i + len(words)]) == tuple(words)


def _qualifier(tokens: Sequence[_Token], i: int) -> tuple[int, int] | None:
    for words, kind in _QUALIFIERS:
        if _phrase(tokens, i, words):
            return kind, i + len(words)
    return None


def _item_starts(tokens: Sequence[_Token], i: int) -> bool:
    """A list item follows: a quantity with its own unit, or a quantity and a word."""
    quantity = _quantity(tokens, i, article_is_number=False)
    if quantity is None:
        return False
    if quantity.unit is not None:
        return True
    j = quantity.end
    return j < len(tokens) and tokens[j].kind == "word" and tokens[j].lower not in _STOP_WORDS


def _unit(tokens: Sequence[_Token], i: int) -> tuple[str, int, bool] | None:
    """The unit of the item whose words start at token i: (unit, end, another item follows).

    An item followed by "," or "en" and a next item runs up to that separator ("30 spelen op
    andere locaties en 40 ..."); the last item is its adjectives and one noun ("40 gastlessen
    op scholen" counts gastlessen; "nieuwe woningen" keeps its adjective).
    """
    if i < len(tokens) and tokens[i].lower in _NOT_UNITS:
        return None
    j = i
    while j < len(tokens) and tokens[j].kind == "word" and j - i <= _LONGEST_LISTED_UNIT:
        if j > i and tokens[j].lower == "en" and _item_starts(tokens, j + 1):
            return _words(tokens, i, j), j, True
        j += 1
    if j > i and j < len(tokens) and tokens[j].text == "," and _item_starts(tokens, j + 1):
        return _words(tokens, i, j), j, True
    j = i
    while j < len(tokens) and tokens[j].kind == "word" and tokens[j].lower not in _STOP_WORDS:
        j += 1
        if not tokens[j - 1].lower.endswith("e") or j >= len(tokens):
            break  # the noun, or a word ending in -e with nothing after it
        if tokens[j].kind != "word" or tokens[j].lower in _STOP_WORDS:
            break
    if j == i or tokens[i].lower in _NOT_UNITS:
        return None
    return _words(tokens, i, j), j, False


def _words(tokens: Sequence[_Token], i: int, j: int) -> str:
    return " ".join(t.text for t in tokens[i:j])


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


def _relative(
    tokens: Sequence[_Token], i: int, kind: int, quantity: _Quantity
) -> tuple[Target, int] | None:
    """ "+5% t.o.v. 2016", "minimaal 5% t.o.v. de nulmeting": a change against a baseline."""
    j = quantity.end
    if quantity.unit != PERCENT or j >= len(tokens) or tokens[j].kind != "tov":
        return None
    j += 1
    year = None
    if j < len(tokens) and _YEAR.fullmatch(tokens[j].text):
        year = int(tokens[j].text)
        j += 1
    elif _phrase(tokens, j, ("de", "nulmeting")):
        j += 2
    else:
        return None
    bound = _bounded(kind, quantity.value, "")
    return attrs.evolve(bound, kind=TargetKind.RELATIVE, baseline_year=year), j


def _text(text: str, tokens: Sequence[_Token], i: int, j: int) -> str:
    return text[tokens[i].start : tokens[j - 1].end]


def _read_at(text: str, tokens: Sequence[_Token], i: int) -> tuple[list[Target], int] | None:
    """The targets that a qualifier or direction phrase at token i opens, and where they end."""
    for words, (lower, lower_inclusive, upper, upper_inclusive) in _DIRECTIONS:
        if _phrase(tokens, i, words):
            end = i + len(words)
            target = Target(
                unit="",
                kind=TargetKind.RELATIVE,
                lower=lower,
                lower_inclusive=lower_inclusive,
                upper=upper,
                upper_inclusive=upper_inclusive,
                text=_text(text, tokens, i, end),
            )
            return [target], end
    found = _qualifier(tokens, i)
    # "+5% t.o.v. 2016" needs no qualifier; the "+" of "1E+5" is no sign.
    sign_led = tokens[i].text == "+" and (i == 0 or tokens[i - 1].end < tokens[i].start)
    if found is None and not sign_led:
        return None
    kind, j = found if found is not None else (_AT_LEAST, i)
    first = _quantity(tokens, j, article_is_number=True)
    if first is None:
        return None
    relative = _relative(tokens, i, kind, first) if kind in _ONE_SIDED else None
    if relative is not None:
        target, end = relative
        return [attrs.evolve(target, text=_text(text, tokens, i, end))], end
    if sign_led:
        return None
    if kind == _BETWEEN or (
        kind in (_AT_LEAST, _MORE)
        and first.end < len(tokens)
        and tokens[first.end].lower == "en"
        and _qualifier(tokens, first.end + 1) is not None
    ):
        return _read_range(text, tokens, i, kind, first)
    targets = []
    start, quantity = i, first
    while True:
        if quantity.unit is not None:
            unit, end, more = quantity.unit, quantity.end, False
            if end < len(tokens) and tokens[end].text in (",", "en"):
                more = _item_starts(tokens, end + 1)
        else:
            read = _unit(tokens, quantity.end)
            if read is None:
                break
            unit, end, more = read
        target = _bounded(kind, quantity.value, unit)
        targets.append(attrs.evolve(target, text=_text(text, tokens, start, end)))
        if not more:
            break
        start = end + 1
        next_quantity = _quantity(tokens, start, article_is_number=False)
        if next_quantity is None:
            break
        quantity = next_quantity
    if not targets:
        return None
    return targets, end


def _read_range(
    text: str, tokens: Sequence[_Token], i: int, kind: int, first: _Quantity
) -> tuple[list[Target], int] | None:
    """ "tussen 10 en 20 gastlessen", "meer dan 10 en maximaal 20 gastlessen"."""
    j = first.end
    if j >= len(tokens) or tokens[j].lower != "en":
        return None
    j += 1
    upper_kind = _AT_MOST
    if kind != _BETWEEN:
        found = _qualifier(tokens, j)
        if found is None or found[0] not in (_AT_MOST, _LESS):
            return None
        upper_kind, j = found
    second = _quantity(tokens, j, article_is_number=True)
    if second is None or second.unit != first.unit:
        return None
    if second.unit is not None:
        unit, end = second.unit, second.end
    else:
        read = _unit(tokens, second.end)
        if read is None or read[2]:
            return None
        unit, end, _ = read
    try:
        target = Target.between(
            first.value,
            second.value,
            unit,
            lower_inclusive=kind in (_BETWEEN, _AT_LEAST),
            upper_inclusive=upper_kind == _AT_MOST,
            text=_text(text, tokens, i, end),
        )
    except InvalidValueError:
        return None  # "tussen 20 en 10": not a range we can trust
    return [target], end


def parse_targets(text: str) -> tuple[Target, ...]:
    """The targets that Dutch action text sets, in the order they appear.

    >>> [t.describe() for t in parse_targets("maximaal 50 democratiespelen en 40 gastlessen")]
    ["≤ 50 democratiespelen ('maximaal 50 democratiespelen')", "≤ 40 gastlessen ('40 gastlessen')"]
    >>> parse_targets("We organiseren een foto-tentoonstelling (prestatie 7.2.2) in 2016.")
    ()
    """
    tokens = _tokens(text)
    whole = _quantity(tokens, 0, article_is_number=False)
    covered = sum(token.end - token.start for token in tokens)
    if whole is not None and whole.end == len(tokens) and covered == len("".join(text.split())):
        return (Target.exactly(whole.value, whole.unit or "", text=text.strip()),)
    targets: list[Target] = []
    i = 0
    while i < len(tokens):
        read = _read_at(text, tokens, i)
        if read is None:
            i += 1
            continue
        found, i = read
        targets += found
    return tuple(targets)


def _quantity_text(value: Decimal, unit: str) -> str:
    if unit == EURO:
        return f"€ {format_amount(value)}"
    if unit == PERCENT:
        return f"{format_amount(value)}%"
    return format_amount(value)


def format_target(target: Target) -> str:
    """The target as a Dutch phrase that `parse_targets` reads back as the same target.

    >>> format_target(Target.at_least(2, "adviezen"))
    'minimaal 2 adviezen'
    >>> format_target(Target.between(10, 20, "%"))
    'tussen 10% en 20%'
    """
    if target.kind is TargetKind.QUALITATIVE:
        return target.text
    if target.kind is TargetKind.RELATIVE:
        return _format_relative(target)
    unit = "" if target.unit in (EURO, PERCENT) else f" {target.unit}"
    lower, upper = target.lower, target.upper
    if lower is not None and lower == upper:
        return f"precies {_quantity_text(lower, target.unit)}{unit}"
    lower_word = "minimaal" if target.lower_inclusive else "meer dan"
    upper_word = "maximaal" if target.upper_inclusive else "minder dan"
    if lower is not None and upper is not None:
        first, second = _quantity_text(lower, target.unit), _quantity_text(upper, target.unit)
        if target.lower_inclusive and target.upper_inclusive:
            return f"tussen {first} en {second}{unit}"
        return f"{lower_word} {first} en {upper_word} {second}{unit}"
    if lower is not None:
        return f"{lower_word} {_quantity_text(lower, target.unit)}{unit}"
    if upper is not None:
        return f"{upper_word} {_quantity_text(upper, target.unit)}{unit}"
    raise InvalidValueError(f"target {target.describe()}: a target without bounds has no phrase")


def _format_relative(target: Target) -> str:
    bounds = (target.lower, target.lower_inclusive, target.upper, target.upper_inclusive)
    for words, (lower, lower_inclusive, upper, upper_inclusive) in _DIRECTIONS:
        if target.baseline_year is None and _key(bounds) == _key(
            (
                None if lower is None else Decimal(lower),
                lower_inclusive,
                None if upper is None else Decimal(upper),
                upper_inclusive,
            )
        ):
            return " ".join(words)
    if (target.lower is None) == (target.upper is None) or target.is_exact:
        raise InvalidValueError(
            f"target {target.describe()}: only a relative target with one bound has a phrase"
        )
    against = f"t.o.v. {target.baseline_year}" if target.baseline_year else "t.o.v. de nulmeting"
    if target.lower is not None:
        word = "minimaal" if target.lower_inclusive else "meer dan"
        return f"{word} {_signed(target.lower)}% {against}"
    assert target.upper is not None
    word = "maximaal" if target.upper_inclusive else "minder dan"
    return f"{word} {_signed(target.upper)}% {against}"


def _key(bounds: tuple[Decimal | None, bool, Decimal | None, bool]) -> tuple[object, ...]:
    lower, lower_inclusive, upper, upper_inclusive = bounds
    return (lower, lower is None or lower_inclusive, upper, upper is None or upper_inclusive)


def _signed(value: Decimal) -> str:
    return ("+" if value >= 0 else "") + format_amount(value)


_REFERENCE = re.compile(
    r"\b(?:prestaties?|beleidsdoel(?:en)?|kerntaak|kerntaken|programma)\s+"
    r"(\d+(?:\.\d+)*(?:\s*(?:,|en|&)\s*\d+(?:\.\d+)*)*)",
    re.IGNORECASE,
)


def parse_references(text: str) -> tuple[Code, ...]:
    """The codes that text refers to, such as "(prestatie 7.2.2)" or "(kerntaak 5)", each once.

    >>> parse_references("crowdsourcing (prestatie 7.2.2) en kerntaak 5")
    (Code('7.2.2'), Code('5'))
    """
    codes: list[Code] = []
    for match in _REFERENCE.finditer(text):
        for part in re.split(r"\s*(?:,|en|&)\s*", match.group(1)):
            try:
                code = Code(part)
            except InvalidValueError:
                continue  # "7.02" is no code of ours
            if code not in codes:
                codes.append(code)
    return tuple(codes)

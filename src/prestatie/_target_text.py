"""Targets as Dutch budgets write them: reading them from text, and writing them back.

Context decides what a bare number is. A number becomes a target after a qualifier
("minimaal", "in elk geval", "tussen ... en", ">"), in a list that such a qualifier opens, before
a trailing qualifier ("deze 8 minimaal te handhaven"), as a change against a baseline ("49%
reductie t.o.v. 1990", "een halvering"), or when the whole text is one quantity. A bare number
with a unit is a target too in a sentence that declares a norm ("we streven naar", "realiseren",
"doelstelling") and anywhere in a norm context: a Streefwaarde column or a list of
doelstellingen. In narrative text it is no target, and a sentence that reports progress ("ligt op
schema", "naar verwachting", "inschatting") sets none. Years ("in 2016"), codes ("7.2.2",
"PS/2016/344", "Nr.1") and articles ("een foto-tentoonstelling") are never targets; years and
periods attach to the targets near them.
"""

from __future__ import annotations

import bisect
import enum
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


class TargetContext(enum.Enum):
    """Where a text stands, which decides what a bare number in it is."""

    TEXT = "tekst"
    """Action or narrative text: a bare number is a target only in a sentence that declares a
    norm ("we streven naar 92%", "realiseren we 1.500 laadpalen")."""
    NORM = "norm"
    """A cell of a Streefwaarde or norm column, or an item of a list of doelstellingen: every
    number with its unit is a target."""


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
_SCALES = {"duizend": 3, "miljoen": 6, "miljard": 9, "mln": 6, "mld": 9, "mrd": 9}

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
# "meer dan" and "minder dan" describe as often as they demand ("meer dan 1.000 planten zijn
# bedreigd"): in running text they set a target only in a sentence that declares a norm.
_DESCRIPTIVE = frozenset({("meer", "dan"), ("minder", "dan")})
# Qualifiers that may follow their number: "deze 8 minimaal te handhaven".
_TRAILING = frozenset({("minimaal",), ("minstens",), ("tenminste",), ("ten", "minste"),
                       ("maximaal",), ("hoogstens",), ("ten", "hoogste")})  # fmt: skip
# Direction phrases of relative targets: (lower, lower inclusive, upper, upper inclusive).
_DIRECTIONS: list[tuple[tuple[str, ...], tuple[int | None, bool, int | None, bool]]] = [
    (("neemt", "toe", "of", "blijft", "minimaal", "gelijk"), (0, True, None, True)),
    (("neemt", "af", "of", "blijft", "maximaal", "gelijk"), (None, True, 0, True)),
    (("neemt", "toe"), (0, False, None, True)),
    (("neemt", "af"), (None, True, 0, False)),
    (("blijft", "minimaal", "gelijk"), (0, True, None, True)),
    (("blijft", "maximaal", "gelijk"), (None, True, 0, True)),
]
# Words that name a change by themselves, as a percentage of the baseline.
_CHANGE_WORDS = {"halvering": Decimal(-50), "verdubbeling": Decimal(100)}
# Words beside a percentage that make it a decrease or an increase of a baseline.
_DECREASE = frozenset({
    "reductie", "minder", "vermindering", "afname", "daling", "besparing", "lager", "besparen",
    "reduceren", "verminderen", "terugdringen", "verlagen", "verlaging", "afnemen", "dalen",
})  # fmt: skip
_INCREASE = frozenset({
    "toename", "groei", "meer", "stijging", "hoger", "verhogen", "verhoging", "groeien",
    "stijgen", "toenemen",
})  # fmt: skip
_BASELINES = (("ten", "opzichte", "van"), ("vergeleken", "met"))
# Words that declare a norm, and phrases that report progress, each matched as whole words.
_NORM_WORDS = frozenset({
    "streefwaarde", "streefwaarden", "streefcijfer", "streefcijfers", "norm", "normen", "kpi",
    "kpi's", "streven", "streeft", "realiseren", "leveren", "organiseren", "doel", "doelen",
    "doelstelling", "doelstellingen", "ambitie", "ambities", "afgesproken",
})  # fmt: skip
_NORM_PHRASES = (("worden", "gerealiseerd"), ("wordt", "gerealiseerd"))
_PROGRESS_PHRASES = (
    ("op", "schema"), ("op", "koers"), ("is", "gerealiseerd"), ("zijn", "gerealiseerd"),
    ("is", "bereikt"), ("zijn", "bereikt"), ("hebben", "we", "bereikt"),
    ("hebben", "wij", "bereikt"), ("is", "behaald"), ("zijn", "behaald"), ("is", "gehaald"),
    ("zijn", "gehaald"), ("niet", "haalt"), ("is", "afgehandeld"), ("inschatting",),
    ("geschat",), ("naar", "verwachting"), ("komt", "uit"), ("meetwaarde",),
    ("bijvoorbeeld", "als"),
)  # fmt: skip
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
# Units of measure that name what they measure next: "ha natuur", "minuten tijdwinst".
_MEASURES = frozenset({
    "ha", "hectare", "hectares", "km", "kilometer", "kilometers", "m", "meter", "meters", "m2",
    "m3", "minuten", "minuut", "uur", "uren", "dagen", "weken", "maanden", "jaar", "ton",
    "kton", "mton", "kg", "fte", "kwh", "mwh", "gwh", "twh", "pj", "mw", "gw", "liter",
})  # fmt: skip
_OF = frozenset({"de", "het", "ons", "onze", "hun", "alle"})
# A subject after a word makes that word a verb: "33% van de energiebehoefte wekken we op".
_PRONOUNS = frozenset({"we", "wij", "ze", "zij", "hij", "u", "jullie", "men"})
_LONGEST_LISTED_UNIT = 6
_BASELINE_REACH = 12  # tokens between a change and the baseline that it is measured against
_CHANGE_REACH = 8  # tokens between a word such as "reductie" and the percentage it takes
_ONE_SIDED = (_AT_LEAST, _MORE, _AT_MOST, _LESS)
_YEAR = re.compile(r"1[89][0-9][0-9]|2[01][0-9][0-9]")
_PERIOD_SEPARATOR = re.compile(r"\s*(?:-|–|−|t/m|tot en met|tot)\s*")
_CODE_WORD = re.compile(r"[^\W\d_]+[0-9]+")  # "CO2", "PM10": a name between number and unit


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


def _part_of_code(tokens: Sequence[_Token], start: int, number: int) -> bool:
    """The number at token `number` (its quantity starting at `start`) is part of a code, a
    date or a fraction: "Nr.1", "29-10-2024", "2/3", "1:5", "0-meting"."""
    if _glued(tokens, start) and (
        tokens[start - 1].kind in ("word", "other", "number") or tokens[start - 1].text in "./-−:"
    ):
        return True
    after = number + 1
    return (
        after + 1 < len(tokens)
        and tokens[after].text in ("/", "-", "−", ":")
        and _glued(tokens, after)
        and _glued(tokens, after + 1)
        and tokens[after + 1].kind in ("word", "number", "other")
    )


def _quantity(tokens: Sequence[_Token], i: int, *, article_is_number: bool) -> _Quantity | None:
    """The quantity starting at token i: [€] [sign] number [scale] [%]."""
    start = i
    money = i < len(tokens) and tokens[i].text == "€"
    i += money
    negative = False
    if i < len(tokens) and tokens[i].kind == "symbol" and tokens[i].text in ("+", "-", "−"):
        negative = tokens[i].text != "+"
        i += 1
    if i >= len(tokens):
        return None
    token = tokens[i]
    if token.kind == "number":
        if not money and _YEAR.fullmatch(token.text):
            return None  # "in 2016" is a year; a count of two thousand is written "2.000"
        if _part_of_code(tokens, start, i):
            return None
        try:
            value = parse_amount(token.text)
        except InvalidValueError:
            return None  # a code such as "7.2.2"
        if value is None:
            return None
    elif token.kind == "word" and token.lower in _NUMBER_WORDS:
        if token.lower in ("een", "één") and not article_is_number:
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
    if i < len(tokens) and tokens[i].text == "(":  # "(semi-)publieke laadpunten"
        close = next((k for k in range(i + 1, min(i + 5, len(tokens))) if tokens[k].text == ")"), 0)
        if close and _glued(tokens, close + 1):
            end = _noun_phrase(tokens, close + 1)
            if end > close + 1:
                return _extended(tokens, _words(tokens, i, end), end)
        return None
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
        elif tokens[j].kind == "word" and tokens[j].lower.endswith("e"):
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


# Relative targets.


def _baseline(tokens: Sequence[_Token], i: int, stop: int) -> tuple[int | None, int, int] | None:
    """The baseline phrase in tokens[i:stop]: (baseline year or None for a nulmeting, the
    year's token or -1, the end of the phrase)."""
    for j in range(i, min(stop, len(tokens))):
        if tokens[j].kind == "tov":
            k = j + 1
        else:
            words = next((w for w in _BASELINES if _phrase(tokens, j, w)), None)
            if words is None:
                continue
            k = j + len(words)
        zero = None  # the end of "de nulmeting", "0-meting"
        for m in range(k, min(k + 6, len(tokens))):
            if _is_year(tokens, m):
                return int(tokens[m].text), m, m + 1
            if tokens[m].lower == "nulmeting":
                zero = m + 1
            elif _phrase(tokens, m, ("0", "-", "meting")):
                zero = m + 3
            if tokens[m].text in (";", ":", ".") or tokens[m].lower in ("en", "of"):
                break
        return None if zero is None else (None, -1, zero)
    return None


def _relative_at(
    tokens: Sequence[_Token], i: int, clause: tuple[int, int], *, norm: bool
) -> _Found | None:
    """A change against a baseline starting at token i: "49% CO2 reductie t.o.v. 1990",
    "minimaal 50 procent minder ... ten opzichte van 2016", "we besparen 25% ...", "80 tot 95%"
    after "reductie", "een halvering ... ten opzichte van 2020", "gelijk aan 2019".

    A percentage with a word of change is a target with a qualifier, with a baseline, or in a
    norm; in narrative ("de uitstoot daalde 5%") it is none."""
    clause_start, stop = clause
    found = _named_change(tokens, i, stop)
    if found is not None:
        return found
    start = i
    kind = None
    qualifier = _qualifier(tokens, i)
    if qualifier is not None and qualifier[0] in (*_ONE_SIDED, _EXACTLY):
        kind, i = qualifier
    first = _quantity(tokens, i, article_is_number=False)
    if first is None or tokens[i].text in ("+", "-", "−"):
        return None
    lower_value, upper_value, end = first.value, first.value, first.end
    if first.unit is None:  # a range whose unit follows: "80 tot 95%"
        if kind is not None or end >= len(tokens) or tokens[end].lower not in ("tot", "-", "à"):
            return None
        second = _quantity(tokens, end + 1, article_is_number=False)
        if second is None or second.unit != PERCENT or second.value <= first.value:
            return None
        upper_value, end = second.value, second.end
    elif first.unit != PERCENT:
        return None
    direction = _direction(tokens, start, end, clause_start, stop)
    if direction is None:
        return None
    sign, end = direction
    baseline = _baseline(tokens, end, min(stop, end + _BASELINE_REACH))
    if baseline is None and kind is None and not norm:
        return None
    changes = sorted((sign * lower_value, sign * upper_value))
    return _against(_change(kind, changes, decrease=sign < 0), start, end, baseline)


def _against(
    target: Target, start: int, end: int, baseline: tuple[int | None, int, int] | None
) -> _Found:
    """A relative target read from tokens[start:end], with the baseline phrase after it."""
    if baseline is None:
        return _Found(target, start, end)
    year, at, end = baseline
    return _Found(attrs.evolve(target, baseline_year=year), start, end, None if at < 0 else at)


def _direction(
    tokens: Sequence[_Token], start: int, end: int, clause_start: int, stop: int
) -> tuple[int, int] | None:
    """+1 or -1 for a percentage at tokens[start:end] that a word beside it makes a change, and
    where the change ends: "49% CO2 reductie", "50 procent minder", "besparen 25%"."""
    j = end
    while j < min(stop, end + 3) and _CODE_WORD.fullmatch(tokens[j].text):
        j += 1  # "49% CO2 reductie"
    comparative = _phrase(tokens, j + 1, ("dan",))  # "5% meer dan": a qualifier's words
    if j < stop and not comparative:
        word = tokens[j].lower.rsplit("-", 1)[-1]  # "CO2-reductie"
        if word in _DECREASE:
            return -1, j + 1
        if word in _INCREASE:
            return 1, j + 1
    for k in range(start - 1, max(clause_start, start - _CHANGE_REACH) - 1, -1):
        if tokens[k].kind == "number" and not _is_year(tokens, k):
            return None  # another quantity stands between
        if tokens[k].lower in _DECREASE:
            return -1, end
        if tokens[k].lower in _INCREASE:
            return 1, end
    return None


def _change(kind: int | None, changes: Sequence[Decimal], *, decrease: bool) -> Target:
    """A relative target from changes as signed percentages; a decrease of at least 50% is a
    change of at most -50%."""
    low, high = changes
    if low != high:
        target = Target.between(low, high, "")
    else:
        flipped = {_AT_LEAST: _AT_MOST, _MORE: _LESS, _AT_MOST: _AT_LEAST, _LESS: _MORE}
        bound = kind if kind is not None else _AT_LEAST
        bound = flipped.get(bound, bound) if decrease else bound
        target = _bounded(bound, low, "")
    return attrs.evolve(target, kind=TargetKind.RELATIVE)


def _named_change(tokens: Sequence[_Token], i: int, stop: int) -> _Found | None:
    """ "een halvering (... ten opzichte van 2020)", "verdubbeling", "(minimaal) gelijk aan
    2019", "blijft minimaal gelijk", "neemt toe": changes named by words."""
    for words, (lower, lower_inclusive, upper, upper_inclusive) in _DIRECTIONS:
        if _phrase(tokens, i, words):
            target = Target(
                unit="",
                kind=TargetKind.RELATIVE,
                lower=lower,
                lower_inclusive=lower_inclusive,
                upper=upper,
                upper_inclusive=upper_inclusive,
            )
            return _Found(target, i, i + len(words))
    word = tokens[i].lower if i < len(tokens) else ""
    if word in _CHANGE_WORDS:
        change = _CHANGE_WORDS[word]
        bound = Target.at_most(change, "") if change < 0 else Target.at_least(change, "")
        baseline = _baseline(tokens, i + 1, min(stop, i + 1 + _BASELINE_REACH))
        return _against(attrs.evolve(bound, kind=TargetKind.RELATIVE), i, i + 1, baseline)
    qualifier = _qualifier(tokens, i)
    j = i if qualifier is None or qualifier[0] not in (_AT_LEAST, _AT_MOST) else qualifier[1]
    if _phrase(tokens, j, ("gelijk", "aan")) and _is_year(tokens, j + 2):
        kind = _EXACTLY if qualifier is None or j == i else qualifier[0]
        target = attrs.evolve(
            _bounded(kind, Decimal(0), ""),
            kind=TargetKind.RELATIVE,
            baseline_year=int(tokens[j + 2].text),
        )
        return _Found(target, i, j + 3, j + 2)
    return None


def _tov_relative(
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


# Qualified, trailing and bare quantities.


def _qualified_at(tokens: Sequence[_Token], i: int, *, cell: bool) -> list[_Found] | None:
    """The targets that a qualifier at token i opens, a list included; in a cell of a norm
    column the number may stand alone ("≥4")."""
    found = _qualifier(tokens, i)
    # "+5% t.o.v. 2016" needs no qualifier; the "+" of "1E+5" is no sign.
    sign_led = tokens[i].text == "+" and (i == 0 or tokens[i - 1].end < tokens[i].start)
    if found is None and not sign_led:
        return None
    kind, j = found if found is not None else (_AT_LEAST, i)
    descriptive = _descriptive(tokens, i)
    first = _quantity(tokens, j, article_is_number=True)
    if first is None:
        return None
    relative = _tov_relative(tokens, i, kind, first) if kind in _ONE_SIDED else None
    if relative is not None:
        target, end = relative
        return [_Found(target, i, end)]
    if sign_led:
        return None
    if kind == _BETWEEN or (
        kind in (_AT_LEAST, _MORE)
        and first.end < len(tokens)
        and tokens[first.end].lower == "en"
        and _qualifier(tokens, first.end + 1) is not None
    ):
        return _range(tokens, i, kind, first, descriptive=descriptive)
    return _items(tokens, i, first, kind, cell=cell, descriptive=descriptive)


def _items(
    tokens: Sequence[_Token],
    start: int,
    quantity: _Quantity,
    kind: int,
    *,
    cell: bool,
    descriptive: bool = False,
) -> list[_Found] | None:
    """The targets of a list whose first quantity starts at token `start`: "maximaal 50
    democratiespelen, 30 spelen ... en 40 gastlessen" is three; in a cell a number may stand
    without unit."""
    targets: list[_Found] = []
    while True:
        unit = _quantity_unit(tokens, quantity)
        if unit is None:
            if not cell:
                break
            unit = _Unit("", quantity.end)
        target = _with_unit(_bounded(kind, quantity.value, unit.text), unit)
        targets.append(_Found(target, start, unit.end, descriptive=descriptive))
        if not unit.more:
            break
        start = unit.end + 1
        next_quantity = _quantity(tokens, start, article_is_number=False)
        if next_quantity is None:
            break
        quantity = next_quantity
    return targets or None


def _range(
    tokens: Sequence[_Token], i: int, kind: int, first: _Quantity, *, descriptive: bool
) -> list[_Found] | None:
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
    unit = _quantity_unit(tokens, second)
    if unit is None or unit.more:
        return None
    try:
        target = Target.between(
            first.value,
            second.value,
            unit.text,
            lower_inclusive=kind in (_BETWEEN, _AT_LEAST),
            upper_inclusive=upper_kind == _AT_MOST,
        )
    except InvalidValueError:
        return None  # "tussen 20 en 10": not a range we can trust
    return [_Found(_with_unit(target, unit), i, unit.end, descriptive=descriptive)]


def _trailing_at(tokens: Sequence[_Token], i: int) -> _Found | None:
    """ "deze 8 minimaal te handhaven": a number whose qualifier follows it."""
    quantity = _quantity(tokens, i, article_is_number=False)
    if quantity is None:
        return None
    found = _qualifier(tokens, quantity.end)
    if found is None or not any(_phrase(tokens, quantity.end, w) for w in _TRAILING):
        return None
    kind, after = found
    if _quantity(tokens, after, article_is_number=True) is not None:
        return None  # "8 minimaal 5": the qualifier opens the next number
    return _Found(_bounded(kind, quantity.value, quantity.unit or ""), i, after)


def _bare_at(tokens: Sequence[_Token], i: int, *, cell: bool) -> list[_Found] | None:
    """The targets a bare number at token i sets in a norm: with its unit, or alone in a cell."""
    token = tokens[i]
    if token.kind == "word" and token.lower.startswith("nul-") and len(token.text) > 4:
        return [_Found(Target.exactly(0, token.text[4:]), i, i + 1)]  # "NUL-verkeersslachtoffers"
    quantity = _quantity(tokens, i, article_is_number=False)
    if quantity is None:
        return None
    return _items(tokens, i, quantity, _EXACTLY, cell=cell)


# Sentences, and when a target applies.


def _sentence_ends(tokens: Sequence[_Token], i: int) -> bool:
    """Token i ends a sentence: a full stop, ! or ? before a capital, a number or the end."""
    if tokens[i].text not in (".", "!", "?"):
        return False
    if i + 1 == len(tokens):
        return True
    following = tokens[i + 1]
    return following.start > tokens[i].end and (
        following.text[:1].isupper() or following.kind == "number"
    )


def _sentences(tokens: Sequence[_Token]) -> list[tuple[int, int]]:
    spans, start = [], 0
    for i in range(len(tokens)):
        if _sentence_ends(tokens, i):
            spans.append((start, i + 1))
            start = i + 1
    if start < len(tokens):
        spans.append((start, len(tokens)))
    return spans


def _has_phrase(
    tokens: Sequence[_Token], start: int, end: int, phrases: Sequence[tuple[str, ...]]
) -> bool:
    return any(
        _phrase(tokens, i, p) and i + len(p) <= end for i in range(start, end) for p in phrases
    )


def _declares_norm(tokens: Sequence[_Token], start: int, end: int) -> bool:
    return any(t.lower in _NORM_WORDS for t in tokens[start:end]) or _has_phrase(
        tokens, start, end, _NORM_PHRASES
    )


def _whens(
    text: str, tokens: Sequence[_Token], start: int, end: int, taken: set[int]
) -> list[_When]:
    """The year, period and "jaarlijks" phrases of tokens[start:end], leaving out baselines."""
    whens: list[_When] = []
    used: set[int] = set(taken)
    for i in range(start, end):
        if not _is_year(tokens, i) or i in used:
            continue
        j = i + 1
        while j < end and tokens[j].kind != "number" and j - i <= 4:
            j += 1
        between = text[tokens[i].end : tokens[j].start] if j < end else ""
        if _is_year(tokens, j) and j not in used and _PERIOD_SEPARATOR.fullmatch(between):
            first, last = int(tokens[i].text), int(tokens[j].text)
            if first < last:
                lead = i
                while lead - 1 >= start and tokens[lead - 1].lower in (
                    "in",
                    "de",
                    "periode",
                    "van",
                ):
                    lead -= 1
                whens.append(_When(lead, j + 1, year=last, first_year=first))
                used.update(range(i, j + 1))
    for i in range(start, end):
        if not _is_year(tokens, i) or i in used:
            continue
        lead = i
        if lead - 1 >= start and tokens[lead - 1].lower == "eind":
            lead -= 1
        if lead - 1 >= start and tokens[lead - 1].lower in ("in", "uiterlijk"):
            lead -= 1
            if lead - 1 >= start and tokens[lead - 1].lower == "uiterlijk":
                lead -= 1  # "uiterlijk in 2030"
        elif lead - 3 >= start and _phrase(tokens, lead - 3, ("tot", "en", "met")):
            lead -= 3
        elif lead - 1 >= start and tokens[lead - 1].lower == "tot":
            lead -= 1
        close = i + 1 < end and tokens[i + 1].text == ")"
        if lead == i and not (i - 1 >= start and tokens[i - 1].text == "(" and close):
            continue  # a year on its own is no date of a target: "Natuurpact 2013"
        if lead == i:
            whens.append(_When(i - 1, i + 2, year=int(tokens[i].text)))
        else:
            whens.append(_When(lead, i + 1, year=int(tokens[i].text)))
    for i in range(start, end):
        if tokens[i].lower in ("jaarlijks", "jaarlijkse"):
            whens.append(_When(i, i + 1, yearly=True))
        elif tokens[i].lower in ("elk", "ieder", "per") and _phrase(tokens, i + 1, ("jaar",)):
            whens.append(_When(i, i + 2, yearly=True))
    return whens


def _distance(found: _Found, when: _When) -> int:
    if when.end <= found.start:
        return found.start - when.end
    if when.start >= found.end:
        return when.start - found.end
    return 0


def _clauses(tokens: Sequence[_Token], start: int, end: int) -> list[tuple[int, int]]:
    spans, begin = [], start
    for i in range(start, end):
        if tokens[i].text in (";", ":"):
            spans.append((begin, i))
            begin = i + 1
    spans.append((begin, end))
    return spans


def _dated(
    text: str, tokens: Sequence[_Token], found: list[_Found], start: int, end: int
) -> list[Target]:
    """The targets of one sentence, in order, each with the year or period phrase nearest it in
    its clause and the clause's "jaarlijks", and with its printed text; a phrase right after a
    target becomes part of that text."""
    taken = {f.baseline for f in found if f.baseline is not None}
    targets = []
    k = 0
    for begin, finish in _clauses(tokens, start, end):
        whens = _whens(text, tokens, begin, finish, taken)
        dates = sorted((w for w in whens if not w.yearly), key=lambda w: w.start)
        starts = [w.start for w in dates]
        follows = {w.start: w.end for w in whens}
        yearly = any(w.yearly for w in whens)
        while k < len(found) and found[k].start < finish:
            item, k = found[k], k + 1
            target, last = item.target, item.end
            if dates and target.year is None:
                at = bisect.bisect_left(starts, item.start)
                nearby = dates[max(at - 1, 0) : at + 2]
                nearest = min(nearby, key=lambda w: _distance(item, w))
                target = attrs.evolve(target, year=nearest.year, first_year=nearest.first_year)
            if yearly and not target.yearly:
                target = attrs.evolve(target, yearly=True)
            while last in follows:
                last = follows[last]
            targets.append(
                attrs.evolve(target, text=text[tokens[item.start].start : tokens[last - 1].end])
            )
    return targets


def parse_targets(text: str, *, context: TargetContext = TargetContext.TEXT) -> tuple[Target, ...]:
    """The targets that Dutch text sets, in the order they appear.

    `context` says where the text stands: running text (the default), or a norm (a cell of a
    Streefwaarde column, an item of a list of doelstellingen), where a bare number is a target.

    >>> [t.describe() for t in parse_targets("maximaal 50 democratiespelen en 40 gastlessen")]
    ["≤ 50 democratiespelen ('maximaal 50 democratiespelen')", "≤ 40 gastlessen ('40 gastlessen')"]
    >>> parse_targets("We organiseren een foto-tentoonstelling (prestatie 7.2.2) in 2016.")
    ()
    >>> (cell,) = parse_targets("100% in 2027", context=TargetContext.NORM)
    >>> (cell.lower, cell.unit, cell.year)
    (Decimal('100'), '%', 2027)
    """
    if not isinstance(context, TargetContext):
        raise InvalidValueError(f"context: expected a TargetContext, got {context!r}")
    tokens = _tokens(text)
    if context is TargetContext.TEXT:
        whole = _quantity(tokens, 0, article_is_number=False)
        covered = sum(token.end - token.start for token in tokens)
        if whole is not None and whole.end == len(tokens) and covered == len("".join(text.split())):
            return (Target.exactly(whole.value, whole.unit or "", text=text.strip()),)
    targets: list[Target] = []
    for start, end in _sentences(tokens):
        norm = context is TargetContext.NORM or _declares_norm(tokens, start, end)
        if context is TargetContext.TEXT and _has_phrase(tokens, start, end, _PROGRESS_PHRASES):
            continue  # progress is reported, not set
        found = _read(tokens, start, end, norm=norm, cell=context is TargetContext.NORM)
        for item, target in zip(found, _dated(text, tokens, found, start, end), strict=True):
            # "meer dan 1.000 planten zijn bedreigd" describes; "meer dan 5 gastlessen" alone sets
            if norm or not item.descriptive or target.text == text.strip().rstrip("."):
                targets.append(target)
    return tuple(targets)


def _descriptive(tokens: Sequence[_Token], i: int) -> bool:
    return any(_phrase(tokens, i, words) for words in _DESCRIPTIVE)


def _read(
    tokens: Sequence[_Token], start: int, end: int, *, norm: bool, cell: bool
) -> list[_Found]:
    found: list[_Found] = []
    for clause in _clauses(tokens, start, end):
        i = clause[0]
        while i < clause[1]:
            read = _read_at(tokens, i, clause, norm=norm, cell=cell)
            if read:
                found += read
                i = max(f.end for f in read)
            else:
                i += 1
    return found


def _read_at(
    tokens: Sequence[_Token], i: int, clause: tuple[int, int], *, norm: bool, cell: bool
) -> list[_Found] | None:
    """The targets that start at token i of a clause, tried from the most to the least
    specific reading: a change, a qualifier, a trailing qualifier, a bare number in a norm."""
    relative = _relative_at(tokens, i, clause, norm=norm)
    if relative is not None:
        return [relative]
    qualified = _qualified_at(tokens, i, cell=cell)
    if qualified is not None:
        return qualified
    trailing = _trailing_at(tokens, i)
    if trailing is not None:
        return [trailing]
    if norm:
        return _bare_at(tokens, i, cell=cell)
    return None


# Writing targets.


def _quantity_text(value: Decimal, unit: str) -> str:
    if unit == EURO or unit.startswith(EURO + " "):
        return f"€ {format_amount(value)}"
    if unit == PERCENT or unit.startswith(PERCENT + " "):
        return f"{format_amount(value)}%"
    return format_amount(value)


def _unit_suffix(unit: str) -> str:
    """What follows the numbers of a phrase: the unit, less the € or % the numbers carry."""
    for carried in (EURO, PERCENT):
        if unit == carried:
            return ""
        if unit.startswith(carried + " "):
            return unit[len(carried) :]
    return f" {unit}"


def _when_text(target: Target) -> str:
    text = " per jaar" if target.yearly else ""
    if target.first_year is not None:
        return f"{text} in de periode {target.first_year}-{target.year}"
    if target.year is not None:
        return f"{text} in {target.year}"
    return text


def format_target(target: Target) -> str:
    """The target as a Dutch phrase that `parse_targets` reads back as the same target.

    >>> format_target(Target.at_least(2, "adviezen"))
    'minimaal 2 adviezen'
    >>> format_target(Target.between(10, 20, "%"))
    'tussen 10% en 20%'
    >>> format_target(Target(unit="jaar", upper=6, year=2030))
    'maximaal 6 jaar in 2030'
    """
    if target.kind is TargetKind.QUALITATIVE:
        return target.text
    if target.kind is TargetKind.RELATIVE:
        return _format_relative(target) + _when_text(target)
    if target.kind is TargetKind.RATIO and not _RATIO_UNIT.search(target.unit):
        raise InvalidValueError(
            f"target {target.describe()}: a ratio's unit says per how many of what, such as"
            f" 'laadpunt per 5 voertuigen'; got {target.unit!r}"
        )
    return _format_bounds(target) + _when_text(target)


_RATIO_UNIT = re.compile(r" per [0-9]")


def _format_bounds(target: Target) -> str:
    unit = _unit_suffix(target.unit)
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

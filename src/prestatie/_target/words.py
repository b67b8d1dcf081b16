"""The words Dutch budgets write targets with: qualifiers, scale words, words that declare
a norm or report progress, and the context in which a text is read."""

from __future__ import annotations

import enum
import re

from prestatie._money import to_amount

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
    r"|(?P<symbol>>=|<=|[€%()\[\],;:.!?/+\-−–><≥≤])"
    r"|(?P<other>\w+(?:[.,]\w+)*)",
)

_NUMBER_WORDS = {
    word: to_amount(value)
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
_CHANGE_WORDS = {"halvering": to_amount(-50), "verdubbeling": to_amount(100)}
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
# Signs of a number, glued to it ("-5%"), and the words between the two ends of a range:
# "80 tot 95%", "80 à 95%", "80-95%", "80 - 95%", "80–95%", "80 – 95%".
_SIGNS = ("+", "-", "−")
_DASHES = ("-", "–")
_RANGE_WORDS = ("tot", "à", *_DASHES)
_CODE_WORD = re.compile(r"[^\W\d_]+[0-9]+")  # "CO2", "PM10": a name between number and unit

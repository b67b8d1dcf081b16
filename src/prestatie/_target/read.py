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
import re
from collections.abc import Sequence

import attrs

from prestatie._code import Code
from prestatie._errors import InvalidValueError
from prestatie._target.algebra import Target
from prestatie._target.relative import _change_after, _relative_at, _tov_relative
from prestatie._target.tokens import (
    _bounded,
    _ends_range,
    _Found,
    _is_year,
    _lower_end,
    _phrase,
    _qualifier,
    _Quantity,
    _quantity,
    _quantity_unit,
    _range_end,
    _Token,
    _tokens,
    _Unit,
    _When,
    _with_unit,
)
from prestatie._target.words import (
    _AT_LEAST,
    _AT_MOST,
    _BETWEEN,
    _DESCRIPTIVE,
    _EXACTLY,
    _LESS,
    _MORE,
    _NORM_PHRASES,
    _NORM_WORDS,
    _ONE_SIDED,
    _PERIOD_SEPARATOR,
    _PROGRESS_PHRASES,
    _TRAILING,
    PERCENT,
    TargetContext,
)

# Qualified, trailing and bare quantities.


def _qualified_at(
    tokens: Sequence[_Token], i: int, clause: tuple[int, int], *, cell: bool
) -> list[_Found] | None:
    """The targets that a qualifier at token i opens, a list included; in a cell of a norm
    column the number may stand alone ("≥4")."""
    found = _qualifier(tokens, i)
    # "+5% t.o.v. 2016" needs no qualifier, also in parentheses; `_quantity` refuses the "+"
    # of "1E+5" or "A+5", glued to a code.
    sign_led = tokens[i].text == "+"
    if found is None and not sign_led:
        return None
    kind, j = found if found is not None else (_AT_LEAST, i)
    descriptive = _descriptive(tokens, i)
    first = _quantity(tokens, j, article_is_number=True)
    if first is None or _range_end(tokens, first) is not None:
        return None  # "minimaal 80-95%": a range, read in a norm, never only its first end
    relative = _tov_relative(tokens, i, kind, first, clause) if kind in _ONE_SIDED else None
    if relative is not None:
        return [relative]
    if sign_led:
        return None
    if kind == _BETWEEN or (
        kind in (_AT_LEAST, _MORE)
        and first.end < len(tokens)
        and tokens[first.end].lower == "en"
        and _qualifier(tokens, first.end + 1) is not None
    ):
        return _range(tokens, i, kind, first, cell=cell, descriptive=descriptive)
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
        unit = _cell_unit(tokens, quantity, cell=cell)
        if unit is None:
            break
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


def _cell_unit(tokens: Sequence[_Token], quantity: _Quantity, *, cell: bool) -> _Unit | None:
    """The unit of a quantity; in a cell of a norm column a number may stand without one."""
    unit = _quantity_unit(tokens, quantity)
    if unit is None and cell:
        return _Unit("", quantity.end)
    return unit


def _range(
    tokens: Sequence[_Token], i: int, kind: int, first: _Quantity, *, cell: bool, descriptive: bool
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
    if second is None:
        return None
    takes_percent = first.unit is None and second.unit == PERCENT  # "tussen 80 en 95%"
    if first.unit != second.unit and not takes_percent:
        return None
    unit = _cell_unit(tokens, second, cell=cell)
    if unit is None:
        return None
    try:
        target = Target.between(
            _lower_end(first, second),
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
    if quantity is None or _ends_range(tokens, i):
        return None
    if quantity.unit == PERCENT and _change_after(tokens, quantity.end, len(tokens)) is not None:
        return None  # "+5% reductie": a change that is not read is no absolute target either
    if _range_end(tokens, quantity) is not None:
        return _bare_range(tokens, i, quantity, cell=cell)
    return _items(tokens, i, quantity, _EXACTLY, cell=cell)


def _bare_range(
    tokens: Sequence[_Token], i: int, first: _Quantity, *, cell: bool
) -> list[_Found] | None:
    """ "80-95% van de woningen", "80 tot 95%" in a norm: a range whose first number takes the
    unit of the second. A range from high to low is none, nor half of one: "van 95 tot 80%" may
    be a path from 95 now to 80 later."""
    found = _range_end(tokens, first)
    assert found is not None
    second = found[0]
    lower = _lower_end(first, second)
    if first.unit not in (None, second.unit) or lower > second.value:
        return None
    unit = _cell_unit(tokens, second, cell=cell)
    if unit is None:
        return None
    target = Target.between(lower, second.value, unit.text)
    return [_Found(_with_unit(target, unit), i, unit.end)]


# Sentences, and when a target applies.


def _sentence_ends(tokens: Sequence[_Token], i: int) -> bool:
    """Token i ends a sentence: a full stop, ! or ? before a capital, a number or the end;
    not the full stop of an abbreviation ("ca. 30 fietsenstallingen")."""
    if tokens[i].text not in (".", "!", "?"):
        return False
    if tokens[i].text == "." and i > 0 and tokens[i - 1].lower in _ABBREVIATIONS:
        return False
    if i + 1 == len(tokens):
        return True
    following = tokens[i + 1]
    return following.start > tokens[i].end and (
        following.text[:1].isupper() or following.kind == "number"
    )


_ABBREVIATIONS = frozenset(
    ("ca", "circa", "bijv", "bv", "nr", "max", "min", "resp", "incl", "excl")
)
"""Words whose full stop, before a number, marks the abbreviation and ends no sentence."""


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
        heading = i == start and i + 1 < len(tokens) and tokens[i + 1].text == ":"  # "2030: 80%"
        if heading:
            whens.append(_When(i, i + 1, year=int(tokens[i].text)))
            continue
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
    """The tokens between a target and a year phrase; a phrase within the target's own words
    ("49% reductie in 2030 t.o.v. 1990") is nearer than one right beside it."""
    if when.end <= found.start:
        return found.start - when.end
    if when.start >= found.end:
        return when.start - found.end
    return -1


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
    target becomes part of that text. A clause without targets before ":" ("In 2030:",
    "2025:") dates the clause after it."""
    taken = {f.baseline for f in found if f.baseline is not None}
    targets = []
    k = 0
    heading: list[_When] = []
    for begin, finish in _clauses(tokens, start, end):
        whens = heading + _whens(text, tokens, begin, finish, taken)
        untargeted = k == len(found) or found[k].start >= finish
        colon = finish < end and tokens[finish].text == ":"
        heading = [w for w in whens if not w.yearly] if untargeted and colon else []
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
    qualified = _qualified_at(tokens, i, clause, cell=cell)
    if qualified is not None:
        return qualified
    trailing = _trailing_at(tokens, i)
    if trailing is not None:
        return [trailing]
    if norm:
        return _bare_at(tokens, i, cell=cell)
    return None


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
                continue  # "7.1234567890123": a part longer than a code's
            if code not in codes:
                codes.append(code)
    return tuple(codes)

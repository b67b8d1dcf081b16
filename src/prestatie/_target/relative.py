"""Relative targets: a change against a baseline, or a direction such as "neemt af"."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import attrs

from prestatie._money import ZERO
from prestatie._target.algebra import Target, TargetKind
from prestatie._target.tokens import (
    _bounded,
    _ends_range,
    _Found,
    _is_year,
    _phrase,
    _qualifier,
    _Quantity,
    _quantity,
    _range_end,
    _Token,
)
from prestatie._target.words import (
    _AT_LEAST,
    _AT_MOST,
    _BASELINE_REACH,
    _BASELINES,
    _BETWEEN,
    _CHANGE_REACH,
    _CHANGE_WORDS,
    _CODE_WORD,
    _DECREASE,
    _DIRECTIONS,
    _EXACTLY,
    _INCREASE,
    _LESS,
    _MORE,
    _ONE_SIDED,
    _SIGNS,
    PERCENT,
)

# Relative targets.


def _nulmeting_year(tokens: Sequence[_Token], m: int, clause: tuple[int, int]) -> bool:
    """The year at token m, after "de nulmeting in", is the year of the nulmeting only when a
    later year in the clause dates the target ("in 2030 ... t.o.v. de nulmeting in 2019"): a
    nulmeting is measured before its target. Alone it is the target's year, as `format_target`
    writes it ("minimaal -20% t.o.v. de nulmeting in 2030")."""
    year = int(tokens[m].text)
    return any(_is_year(tokens, k) and int(tokens[k].text) > year for k in range(*clause))


def _baseline(
    tokens: Sequence[_Token], i: int, stop: int, clause: tuple[int, int]
) -> tuple[int | None, int, int] | None:
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
                after_zero = zero is not None and tokens[m - 1].lower == "in"
                if after_zero and not _nulmeting_year(tokens, m, clause):
                    break  # "de nulmeting in 2030": the target's year
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
    after "reductie", "tussen 10 en 20% minder", "een halvering ... ten opzichte van 2020",
    "gelijk aan 2019".

    A percentage with a word of change is a target with a qualifier, with a baseline, or in a
    norm; in narrative ("de uitstoot daalde 5%") it is none."""
    clause_start, stop = clause
    found = _named_change(tokens, i, clause)
    if found is not None:
        return found
    start = i
    kind = None
    qualifier = _qualifier(tokens, i)
    between = qualifier is not None and qualifier[0] == _BETWEEN
    if qualifier is not None and qualifier[0] in (*_ONE_SIDED, _EXACTLY, _BETWEEN):
        kind, i = qualifier
        if between and i < len(tokens) and tokens[i].lower == "de":
            i += 1  # "tussen de 10 en 20% minder"
    first = _quantity(tokens, i, article_is_number=False)
    if first is None or _ends_range(tokens, i):
        return None
    # "-5% reductie" is "5% reductie" written with its sign; "+5% reductie" contradicts itself.
    written = 0 if tokens[i].text not in _SIGNS else (1 if tokens[i].text == "+" else -1)
    lower_value = upper_value = abs(first.value) if written else first.value
    end = first.end
    if first.unit is None or between:  # a range: "80 tot 95%", "tussen 10 en 20% minder"
        if written or (kind is not None and not between) or first.unit not in (None, PERCENT):
            return None
        if between:
            and_ = end < len(tokens) and tokens[end].lower == "en"
            ends = (_quantity(tokens, end + 1, article_is_number=False), "en") if and_ else None
        else:
            ends = _range_end(tokens, first)
        second, word = ends if ends is not None else (None, "")
        if second is None or second.unit != PERCENT or second.value == first.value:
            return None
        if second.value < first.value and word == "tot" and _phrase(tokens, i - 1, ("van",)):
            return None  # "van 95 tot 80%": a path from 95 now to 80 later, no range of changes
        upper_value, end = second.value, second.end
    elif first.unit != PERCENT:
        return None
    direction = _direction(tokens, start, end, clause_start, stop)
    if direction is None or written not in (0, direction[0]):
        return None
    sign, end = direction
    baseline = _baseline(tokens, end, min(stop, end + _BASELINE_REACH), clause)
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
    after = _change_after(tokens, end, stop)
    if after is not None:
        return after
    for k in range(start - 1, max(clause_start, start - _CHANGE_REACH) - 1, -1):
        if tokens[k].kind == "number" and not _is_year(tokens, k):
            return None  # another quantity stands between
        if tokens[k].lower in _DECREASE:
            return -1, end
        if tokens[k].lower in _INCREASE:
            return 1, end
    return None


def _change_after(tokens: Sequence[_Token], end: int, stop: int) -> tuple[int, int] | None:
    """+1 or -1 when a word of change follows a percentage that ends before token `end`, within
    three names, and where that word ends: "49% CO2 reductie", "5% groei"."""
    j = end
    while j < min(stop, end + 3) and _CODE_WORD.fullmatch(tokens[j].text):
        j += 1  # "49% CO2 reductie"
    if j >= stop or _phrase(tokens, j + 1, ("dan",)):  # "5% meer dan": a qualifier's words
        return None
    word = tokens[j].lower.rsplit("-", 1)[-1]  # "CO2-reductie"
    if word in _DECREASE:
        return -1, j + 1
    if word in _INCREASE:
        return 1, j + 1
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


def _named_change(tokens: Sequence[_Token], i: int, clause: tuple[int, int]) -> _Found | None:
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
        baseline = _baseline(tokens, i + 1, min(clause[1], i + 1 + _BASELINE_REACH), clause)
        return _against(attrs.evolve(bound, kind=TargetKind.RELATIVE), i, i + 1, baseline)
    qualifier = _qualifier(tokens, i)
    j = i if qualifier is None or qualifier[0] not in (_AT_LEAST, _AT_MOST) else qualifier[1]
    if _phrase(tokens, j, ("gelijk", "aan")) and _is_year(tokens, j + 2):
        kind = _EXACTLY if qualifier is None or j == i else qualifier[0]
        target = attrs.evolve(
            _bounded(kind, ZERO, ""),
            kind=TargetKind.RELATIVE,
            baseline_year=int(tokens[j + 2].text),
        )
        return _Found(target, i, j + 3, j + 2)
    return None


def _tov_relative(
    tokens: Sequence[_Token], i: int, kind: int, quantity: _Quantity, clause: tuple[int, int]
) -> _Found | None:
    """ "+5% t.o.v. 2016", "minimaal 5% t.o.v. de nulmeting": a change against a baseline,
    from token i."""
    j = quantity.end
    if quantity.unit != PERCENT or j >= len(tokens) or tokens[j].kind != "tov":
        return None
    j += 1
    baseline: tuple[int | None, int, int]
    if _is_year(tokens, j):
        baseline = (int(tokens[j].text), j, j + 1)
    elif _phrase(tokens, j, ("de", "nulmeting")):
        baseline = (None, -1, j + 2)
        dated = _phrase(tokens, j + 2, ("in",)) and _is_year(tokens, j + 3)
        if dated and _nulmeting_year(tokens, j + 3, clause):
            baseline = (int(tokens[j + 3].text), j + 3, j + 4)
    else:
        return None
    bound = attrs.evolve(_bounded(kind, quantity.value, ""), kind=TargetKind.RELATIVE)
    return _against(bound, i, j, baseline)

"""`parse_targets` scored on real sentences and cells from provinces' budgets
(tests/data/target_corpus.toml, described in its header).

Run as a script (`python tests/test_target_corpus.py`) it prints the three figures and every miss
and false target, with the sentence it came from.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from prestatie import Target, TargetContext, TargetKind, parse_targets

CORPUS = Path(__file__).parent / "data" / "target_corpus.toml"
RECALL_GOAL = Decimal("0.85")
PRECISION_GOAL = Decimal("0.95")
FALSE_PER_NON_TARGET_SENTENCE = Decimal(1) / 25

_NUMBER = re.compile(r"[0-9]|\b(?:één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien)\b", re.I)
_KINDS = {"relatief": TargetKind.RELATIVE, "verhouding": TargetKind.RATIO}


def _sentences() -> list[dict[str, Any]]:
    with CORPUS.open("rb") as file:
        sentences: list[dict[str, Any]] = tomllib.load(file)["sentence"]
    return sentences


def _context(sentence: Mapping[str, Any]) -> TargetContext:
    return TargetContext.NORM if sentence.get("context") == "norm" else TargetContext.TEXT


def _firm(sentence: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [t for t in sentence["targets"] if not t.get("doubtful", False)]


def _normal(unit: str) -> str:
    return " ".join(unit.casefold().split())


def matches(found: Target, expected: Mapping[str, Any]) -> bool:
    """A target read matches one a reader expects when it has the same kind; the same lower and
    upper bound, each present or open alike and inclusive or strict alike; the same year, first
    year, yearly flag and baseline year (each absent alike); and, where the corpus names the unit,
    the same unit up to case and spacing. Its printed `text` is not compared."""
    lower = expected.get("exactly", expected.get("at_least", expected.get("more_than")))
    upper = expected.get("exactly", expected.get("at_most", expected.get("less_than")))
    wanted = (
        _KINDS.get(expected.get("kind", ""), TargetKind.ABSOLUTE),
        None if lower is None else Decimal(lower),
        "more_than" not in expected,
        None if upper is None else Decimal(upper),
        "less_than" not in expected,
        expected.get("year"),
        expected.get("first_year"),
        expected.get("yearly", False),
        expected.get("baseline_year"),
    )
    got = (
        found.kind,
        found.lower,
        found.lower is None or found.lower_inclusive,
        found.upper,
        found.upper is None or found.upper_inclusive,
        found.year,
        found.first_year,
        found.yearly,
        found.baseline_year,
    )
    return got == wanted and (
        "unit" not in expected or _normal(found.unit) == _normal(expected["unit"])
    )


@attrs.frozen
class Score:
    """The parser's score on the corpus.

    Recall is the share of the firm expected targets (not marked doubtful) that a target read
    matches; each target read matches at most one expected target, and the other way round.
    Precision is the share of the targets read that match a firm expected target, leaving out
    those that match a doubtful one (neither right nor wrong). A false target is a target read
    that matches no expected target at all; `false_in_non_target` counts them in the sentences
    with no firm target, of which there are `non_target_sentences`.
    """

    expected: int
    hits: int
    read: int
    doubtful: int
    false_in_non_target: int
    non_target_sentences: int
    misses: tuple[str, ...]
    false_targets: tuple[str, ...]

    @property
    def recall(self) -> Decimal:
        return Decimal(self.hits) / self.expected

    @property
    def precision(self) -> Decimal:
        judged = self.read - self.doubtful
        return Decimal(self.hits) / judged if judged else Decimal(1)

    def report(self) -> str:
        lines = [
            f"recall {self.hits}/{self.expected} = {self.recall:.1%}",
            f"precision {self.hits}/{self.read - self.doubtful} = {self.precision:.1%}"
            f" ({self.doubtful} doubtful left out)",
            f"false targets in non-target sentences: {self.false_in_non_target}"
            f" in {self.non_target_sentences}",
            *(f"miss: {m}" for m in self.misses),
            *(f"false: {f}" for f in self.false_targets),
        ]
        return "\n".join(lines)


def score(*, held_out_only: bool = False) -> Score:
    """The score on the whole corpus, or on the sentences held out while the parser was
    written."""
    expected = hits = read = doubtful = false_in_non_target = non_target = 0
    misses: list[str] = []
    false_targets: list[str] = []
    for sentence in _sentences():
        if held_out_only and not sentence.get("held_out", False):
            continue
        found = list(parse_targets(sentence["text"], context=_context(sentence)))
        read += len(found)
        firm = _firm(sentence)
        expected += len(firm)
        non_target += not firm
        unmatched = list(found)
        for target in firm:
            hit = next((f for f in unmatched if matches(f, target)), None)
            if hit is None:
                misses.append(f"{dict(target)} in {sentence['text']!r}")
            else:
                hits += 1
                unmatched.remove(hit)
        for target in (t for t in sentence["targets"] if t.get("doubtful", False)):
            hit = next((f for f in unmatched if matches(f, target)), None)
            if hit is not None:
                doubtful += 1
                unmatched.remove(hit)
        false_targets += [f"{f.describe()} in {sentence['text']!r}" for f in unmatched]
        if not firm:
            false_in_non_target += len(unmatched)
    return Score(
        expected=expected,
        hits=hits,
        read=read,
        doubtful=doubtful,
        false_in_non_target=false_in_non_target,
        non_target_sentences=non_target,
        misses=tuple(misses),
        false_targets=tuple(false_targets),
    )


def test_corpus_is_real_and_broad_enough_to_score() -> None:
    """At least 80 sentences from at least 8 provinces, each with its source; at least 25 hold
    numbers but no target; every expected target has a bound."""
    sentences = _sentences()
    assert len(sentences) >= 80
    assert len({s["province"] for s in sentences}) >= 8
    assert all(s["url"].startswith(("https://", "http://")) and s["text"] for s in sentences)
    no_target = [s for s in sentences if not _firm(s)]
    assert len(no_target) >= 25
    assert all(_NUMBER.search(s["text"]) for s in no_target)
    bounds = ("exactly", "at_least", "more_than", "at_most", "less_than")
    assert all(any(b in t for b in bounds) for s in sentences for t in s["targets"])


def test_parser_meets_the_goals_on_the_corpus() -> None:
    """Recall at least 85% and precision at least 95% (as `Score` defines them), and at most
    one false target per 25 sentences that hold no target."""
    result = score()
    assert result.recall >= RECALL_GOAL, result.report()
    assert result.precision >= PRECISION_GOAL, result.report()
    allowed = FALSE_PER_NON_TARGET_SENTENCE * result.non_target_sentences
    assert result.false_in_non_target <= allowed, result.report()


if __name__ == "__main__":
    print(score().report())
    print("\nheld out:")
    print(score(held_out_only=True).report())

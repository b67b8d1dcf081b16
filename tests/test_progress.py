"""`progress`, `Thresholds` and `render_progress`: each streefwaarde against its realised
value, each prestatie's budget against its realisation, and the colours the rule gives."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from analysis_examples import YEAR, small_monitor
from prestatie import (
    Budget,
    DocumentKind,
    InvalidTypeError,
    InvalidValueError,
    Outcome,
    Score,
    Thresholds,
    progress,
    render_progress,
)
from prestatie._views.progress import Finance
from strategies import budgets, empty_budgets, thresholds

RANK = {None: -1, Score.GROEN: 0, Score.ORANJE: 1, Score.ROOD: 2}


def monitors() -> st.SearchStrategy[Budget]:
    return budgets().map(lambda b: attrs.evolve(b, kind=DocumentKind.MONITOR))


def _score(score: Score | None) -> str:
    return "geen oordeel" if score is None else score.value


EVERY_CASE = frozenset(
    {f"outcome: {outcome.value}" for outcome in Outcome}
    | {f"{kind}: {_score(score)}" for kind in ("inhoud", "financiën") for score in [*Score, None]}
)
"""What the examples of the colour law must include between them."""


@pytest.fixture(scope="module")
def cases_seen() -> Iterator[set[str]]:
    """The outcomes and colours the colour law met; once the module ran, it must have met
    each of them, or the law proved less than it claims."""
    seen: set[str] = set()
    yield seen
    if seen:
        assert not EVERY_CASE - seen, f"the colour law never met {sorted(EVERY_CASE - seen)}"


@settings(max_examples=60)
@given(monitors(), thresholds())
def test_every_target_is_judged_once_and_colours_follow_the_rule(
    cases_seen: set[str], budget: Budget, rule: Thresholds
) -> None:
    """Laws: every target of every action and indicator has one result; a gehaald target
    contains its realised value; the content colour is the thresholds applied to the share
    gehaald of the measurable targets; ruimte = actueel − gerealiseerd, and the financial
    colour is the thresholds applied to |ruimte| / |actueel|. Between them the examples meet
    every outcome and every colour of both kinds (see `cases_seen`)."""
    report = progress(budget, rule)
    cases = {f"outcome: {o.value}" for o in Outcome if report.count(o)}
    cases |= {f"inhoud: {_score(item.content)}" for item in report.prestaties}
    cases |= {f"financiën: {_score(item.financial)}" for item in report.prestaties}
    for case in sorted(cases):
        event(case)
    cases_seen |= cases
    action_targets = sum(len(a.targets) for p in budget.prestaties() for a in p.actions)
    indicator_targets = sum(len(i.targets) for o in budget.objectives() for i in o.indicators)
    assert sum(len(item.targets) for item in report.prestaties) == action_targets
    assert len(report.indicators) == indicator_targets
    assert sum(report.count(o) for o in Outcome) == action_targets + indicator_targets
    for item in report.prestaties:
        for result in item.targets:
            if result.outcome is Outcome.MET:
                assert result.evaluation is not None
                assert result.realised is not None
                assert result.evaluation.target.contains(result.realised)
            if result.outcome is Outcome.NOT_MEASURABLE:
                assert result.reason
        met, missed = item.count(Outcome.MET), item.count(Outcome.NOT_MET)
        if met + missed == 0:
            assert item.content is None
        else:
            share = Fraction(met, met + missed) * 100
            expected = (
                Score.GROEN
                if share >= rule.met_green
                else Score.ORANJE
                if share >= rule.met_orange
                else Score.ROOD
            )
            assert item.content is expected
        finance = item.finance
        if finance.budgeted is None or finance.realised is None:
            assert item.financial is None
            assert finance.ruimte is None
            continue
        assert finance.ruimte == finance.budgeted - finance.realised
        if finance.budgeted == 0:
            expected = Score.GROEN if finance.ruimte == 0 else Score.ROOD
        else:
            deviation = abs(Fraction(finance.ruimte) / Fraction(finance.budgeted)) * 100
            assert finance.deviation is not None
            assert abs(Fraction(finance.deviation) - deviation) <= Fraction(1, 20)
            expected = (
                Score.GROEN
                if deviation <= rule.deviation_green
                else Score.ORANJE
                if deviation <= rule.deviation_orange
                else Score.ROOD
            )
        assert item.financial is expected


@settings(max_examples=30)
@given(monitors(), thresholds(), thresholds())
def test_stricter_thresholds_never_give_a_better_colour(
    budget: Budget, first: Thresholds, second: Thresholds
) -> None:
    """Law: raising the share to be met and lowering the deviation allowed never turns a
    colour from rood towards groen."""
    strict = Thresholds(
        met_green=max(first.met_green, second.met_green),
        met_orange=max(first.met_orange, second.met_orange),
        deviation_green=min(first.deviation_green, second.deviation_green),
        deviation_orange=min(first.deviation_orange, second.deviation_orange),
    )
    lenient = progress(budget, first)
    for loose, tight in zip(lenient.prestaties, progress(budget, strict).prestaties, strict=True):
        assert RANK[tight.content] >= RANK[loose.content]
        assert RANK[tight.financial] >= RANK[loose.financial]


def test_small_monitor_targets() -> None:
    """Gehaald, niet gehaald and niet meetbaar for each reason: no realised value, a
    qualitative target, a relative target without baseline."""
    report = progress(small_monitor())
    verdicts = {
        (str(r.code), r.source, r.target.unit): (r.outcome, r.reason)
        for item in report.prestaties
        for r in item.targets
    }
    verdicts.update(
        {(str(r.code), r.source, r.target.unit): (r.outcome, r.reason) for r in report.indicators}
    )
    assert verdicts == {
        ("7.2.3", "actie 1", "democratiespelen"): (Outcome.MET, ""),
        ("7.2.3", "actie 1", "gastlessen"): (Outcome.NOT_MET, ""),
        ("7.2.3", "actie 4", "adviezen"): (Outcome.NOT_MEASURABLE, "geen realisatie voor 2017"),
        ("7.2.4", "actie 1", ""): (Outcome.NOT_MEASURABLE, "kwalitatieve streefwaarde"),
        ("7.2.5", "actie 1", "bijeenkomsten"): (Outcome.MET, ""),
        ("7.2", "indicator Opkomst", "%"): (Outcome.NOT_MET, ""),
        ("7.2", "indicator Vertrouwen", "rapportcijfer"): (
            Outcome.NOT_MEASURABLE,
            "geen basiswaarde",
        ),
    }
    assert [report.count(o) for o in Outcome] == [2, 2, 3]


def test_small_monitor_finance_and_colours() -> None:
    """Ruimte and afwijking per prestatie and the default colours: 1 of 2 gehaald is oranje;
    4% afwijking groen, 30% rood; a zero budget with nothing spent is groen, with 5 spent
    rood; no measurable target gives no content colour."""
    report = progress(small_monitor())
    rows = {
        str(item.code): (
            item.finance.budgeted,
            item.finance.realised,
            item.finance.ruimte,
            item.finance.deviation,
            item.content,
            item.financial,
        )
        for item in report.prestaties
    }
    assert rows == {
        "7.2.3": (250, 240, 10, Decimal("4.0"), Score.ORANJE, Score.GROEN),
        "7.2.4": (0, 0, 0, 0, None, Score.GROEN),
        "7.2.5": (100, 130, -30, Decimal("30.0"), Score.GROEN, Score.ROOD),
        "7.2.6": (0, 5, -5, None, None, Score.ROOD),
    }


def test_deviation_is_rounded_half_up_to_a_tenth_at_any_size() -> None:
    """The afwijking shown is |ruimte| / |actueel| in percent, rounded half up to one decimal,
    also for amounts far beyond ordinary precision."""
    assert Finance(budgeted=Decimal(8), realised=Decimal("7.996")).deviation == Decimal("0.1")
    assert Finance(budgeted=Decimal(-200), realised=Decimal(-199)).deviation == Decimal("0.5")
    tiny = Finance(budgeted=Decimal("1E-30"), realised=Decimal("1E+30"))
    assert tiny.deviation == Decimal("1E+62")


def test_thresholds_are_inclusive_at_their_boundary() -> None:
    """A share or deviation exactly at a threshold gets that threshold's colour; a hair
    beyond it does not."""
    budget = small_monitor()
    at = progress(budget, Thresholds(met_orange=50, deviation_green=4))
    beyond = progress(
        budget, Thresholds(met_orange=Decimal("50.01"), deviation_green=Decimal("3.99"))
    )
    assert (at.prestaties[0].content, at.prestaties[0].financial) == (Score.ORANJE, Score.GROEN)
    assert (beyond.prestaties[0].content, beyond.prestaties[0].financial) == (
        Score.ROOD,
        Score.ORANJE,
    )


def test_thresholds_refuse_disorder_out_of_range_and_floats() -> None:
    """Thresholds out of order, outside 0-100 or given as floats are refused, saying why."""
    with pytest.raises(InvalidValueError, match="met_orange: expected at most met_green"):
        Thresholds(met_green=40, met_orange=50)
    with pytest.raises(InvalidValueError, match="deviation_green: expected at most"):
        Thresholds(deviation_green=30)
    with pytest.raises(InvalidValueError, match="from 0 to 100, got 101"):
        Thresholds(met_green=101)
    with pytest.raises(InvalidTypeError, match="float"):
        Thresholds(met_green=0.8)  # type: ignore[arg-type]


def test_a_begroting_is_refused_and_the_seed_as_monitor_has_nothing_measured(
    seed_budget: Budget,
) -> None:
    """A begroting records no realisations: progress refuses it, naming the document. The
    seed read as a monitor has every target niet meetbaar and no colours."""
    with pytest.raises(InvalidValueError, match=r"Begroting 2017 .*is a begroting"):
        progress(seed_budget)
    report = progress(attrs.evolve(seed_budget, kind=DocumentKind.MONITOR))
    (item,) = report.prestaties
    assert item.count(Outcome.NOT_MEASURABLE) == 4
    assert (item.content, item.financial) == (None, None)
    assert "niet meetbaar (geen realisatie voor 2017)" in render_progress(report)


def test_render_has_dutch_labels_and_aligned_columns() -> None:
    """The text names the document and year, uses Dutch labels and notation, right-aligns
    the amounts and ends with the counts and the colour rule."""
    text = render_progress(progress(small_monitor()))
    lines = text.splitlines()
    assert lines[0] == "Monitor 2017-II — provincie Overijssel"
    assert lines[1] == f"Voortgang {YEAR}; bedragen x € 1.000"
    for label in ("Streefwaarden van de acties", "gehaald", "niet meetbaar", "Financiën"):
        assert label in text
    assert "niet gehaald" in text
    assert "4,0%" in text
    header_at = next(i for i, line in enumerate(lines) if "Afwijking" in line)
    end = lines[header_at].index("Afwijking") + len("Afwijking")
    for row in lines[header_at + 1 : header_at + 5]:
        assert row[end - 1] != " "
        assert row[end] == " "
    assert lines[-2] == "Streefwaarden: 2 gehaald, 2 niet gehaald, 3 niet meetbaar"
    assert lines[-1].startswith("Kleurregel: inhoud groen bij ten minste 80% gehaald")


@settings(max_examples=10)
@given(empty_budgets())
def test_a_monitor_without_programmes_has_nothing_to_judge(budget: Budget) -> None:
    """A monitor without kerntaken has no prestatie, no target and no colour; its text says
    so under each heading and counts nothing."""
    report = progress(attrs.evolve(budget, kind=DocumentKind.MONITOR))
    assert report.prestaties == ()
    assert report.indicators == ()
    text = render_progress(report)
    assert "  Geen streefwaarden." in text
    assert "Streefwaarden: 0 gehaald, 0 niet gehaald, 0 niet meetbaar" in text

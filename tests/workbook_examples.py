"""A small hand-built budget with amounts at every level and awkward texts, for workbook tests."""

from __future__ import annotations

from decimal import Decimal

from prestatie import (
    Action,
    Ambition,
    Amount,
    Budget,
    BudgetColumn,
    Duration,
    DurationKind,
    Flow,
    Indicator,
    InvestmentProposal,
    Measurement,
    MonitorStatus,
    Nature,
    Objective,
    Prestatie,
    Programme,
    ProposalLink,
    Reserve,
    ReserveLink,
    Role,
    Score,
    Target,
    TargetKind,
    Unit,
)

INJECTED = ('=HYPERLINK("http://example.com","klik")', "=1+1", "+31 6", "-5", "@SUM(A1)")

L, B = Flow.LASTEN, Flow.BATEN
P, W, A, G = (
    BudgetColumn.PRIMITIEF,
    BudgetColumn.WIJZIGING,
    BudgetColumn.ACTUEEL,
    BudgetColumn.GEREALISEERD,
)
S, INC = Nature.STRUCTUREEL, Nature.INCIDENTEEL


def _amount(flow: Flow, column: BudgetColumn, nature: Nature, year: int, value: str) -> Amount:
    return Amount(flow=flow, column=column, nature=nature, year=year, value=Decimal(value))


def monitor_budget() -> Budget:
    """Monitor 2018-II, kerntaak 7, with the published figures (x € 1.000) and cents."""
    p723 = Prestatie(
        code="7.2.3",
        title=INJECTED[0],
        introduction="Regel één\nregel twee — € 5",
        context=INJECTED[1],
        actions=(
            Action(
                number=2,
                text=INJECTED[2],
                targets=(Target(unit="adviezen", lower=Decimal(2), text="in elk geval twee"),),
                references=("7.1.1",),
                realised=(Measurement(unit="adviezen", value=Decimal(3), year=2018),),
            ),
            Action(number=1, text="  spaties rondom  "),
        ),
        portfolio_holders=("Ank Bijleveld-Schouten", "Jan; Piet", ";"),
        roles=(Role.WETTELIJKE_TAAK, Role.FACILITEERDER),
        role_text=INJECTED[3],
        duration=Duration(kind=DurationKind.NIET_STRUCTUREEL, start_year=2016, end_year=2020),
        reserve_link=ReserveLink(
            related=True,
            reserve="Kwaliteit van Overijssel",
            proposals=(ProposalLink(ps_number="PS/2016/344", related=("7.1.1",), text="@"),),
        ),
        amounts=(
            _amount(L, P, S, 2018, "1823"),
            _amount(L, W, S, 2018, "58"),
            _amount(L, A, S, 2018, "1881"),
            _amount(L, G, S, 2018, "1070.25"),
            _amount(B, P, INC, 2018, "27"),
            _amount(L, P, S, 2019, "1800"),
        ),
        status=MonitorStatus(content=Score.GROEN, financial=Score.ORANJE, progress=INJECTED[4]),
    )
    p711 = Prestatie(
        code="7.1.1",
        title="Bestuurskracht",
        reserve_link=ReserveLink(
            related=True,
            proposals=(ProposalLink(ps_number="PS/2016/344", related=("7.2.3",)),),
        ),
        amounts=(_amount(L, P, S, 2018, "815"), _amount(L, P, INC, 2018, "-12.5")),
    )
    return Budget(
        province="Overijssel",
        year=2018,
        unit=Unit.THOUSAND,
        title="Monitor 2018-II",
        programmes=(
            Programme(
                number=7,
                name="Kwaliteit openbaar bestuur",
                ambition=Ambition(
                    text="Het vertrouwen neemt toe of blijft minimaal gelijk.",
                    target=Target(
                        unit="vertrouwen", kind=TargetKind.RELATIVE, lower=Decimal(0), text=""
                    ),
                ),
                objectives=(
                    Objective(
                        code="7.2",
                        title="Democratie",
                        prestaties=(p723,),
                        indicators=(
                            Indicator(
                                name="Opkomst",
                                unit="%",
                                baseline=Decimal("47.5"),
                                targets=(Target(unit="%", lower=Decimal(50), year=2019),),
                            ),
                        ),
                    ),
                    Objective(code="7.1", title="Bestuur", prestaties=(p711,)),
                ),
                amounts=(_amount(L, P, S, 2018, "8971"), _amount(L, P, S, 2019, "8971")),
            ),
        ),
        reserves=(Reserve(name="Kwaliteit van Overijssel"),),
        proposals=(
            InvestmentProposal(
                name="Kwaliteit Openbaar Bestuur",
                ps_number="PS/2016/344",
                year=2016,
                amended_by=("PS/2017/1",),
                reserve="Kwaliteit van Overijssel",
                amount=Decimal("3750000"),
            ),
        ),
    )


def model_totals(budget: Budget) -> dict[tuple[Flow, BudgetColumn, int], Decimal]:
    """The sum of every amount of the budget per flow, budget column and year."""
    totals: dict[tuple[Flow, BudgetColumn, int], Decimal] = {}
    for owner in budget.amount_owners():
        for amount in owner.amounts:
            key = (amount.flow, amount.column, amount.year)
            totals[key] = totals.get(key, Decimal(0)) + amount.value
    return totals

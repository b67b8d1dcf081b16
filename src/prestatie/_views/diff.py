"""What changed between two versions of a budget, prestatie by prestatie."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from prestatie._code import Code
from prestatie._model import (
    Amount,
    Budget,
    BudgetColumn,
    Continuity,
    Duration,
    Flow,
    Objective,
    Prestatie,
    Programme,
    ReserveLink,
    role_label,
)
from prestatie._money import ZERO, Unit, convert, format_amount, total
from prestatie._target.algebra import Target
from prestatie._views.summary import COLUMN_LABELS, FLOW_LABELS, document_title, unit_line
from prestatie._views.text import align, one_line


@attrs.frozen(kw_only=True)
class FieldChange:
    """A changed property of a prestatie, both sides as the renderer shows them ("-" for none).
    `what` is the Dutch name: "titel", "inleiding", "context", "actie 3" (its text),
    "portefeuillehouder", "rol", "looptijd" or "relatie met reserve"."""

    what: str
    old: str
    new: str


@attrs.frozen(kw_only=True)
class AmountChange:
    """The amount of one flow, column and year in both budgets (zero where one has none),
    structureel and incidenteel together, in the new budget's unit."""

    flow: Flow
    column: BudgetColumn
    year: int
    old: Decimal
    new: Decimal

    @property
    def delta(self) -> Decimal:
        """New minus old."""
        return total([self.new, -self.old])


@attrs.frozen(kw_only=True)
class TargetChange:
    """The streefwaarden of one action in both budgets; an empty side means the action (or its
    targets) is not in that budget."""

    action: int
    old: tuple[Target, ...]
    new: tuple[Target, ...]


@attrs.frozen(kw_only=True)
class PrestatieDiff:
    """One prestatie of either budget: its label and what changed.

    `recorded` is the continuity the new budget itself states for it, if any, so that a
    label that disagrees can be pointed out.
    """

    code: Code
    title: str
    label: Continuity
    fields: tuple[FieldChange, ...] = ()
    amounts: tuple[AmountChange, ...] = ()
    targets: tuple[TargetChange, ...] = ()
    recorded: Continuity | None = None

    @property
    def changed(self) -> bool:
        """True unless it continues unchanged, amounts included."""
        return self.label is not Continuity.VOORTZETTING or bool(self.amounts)


@attrs.frozen(kw_only=True)
class OwnAmountsDiff:
    """Amount changes booked on a kerntaak or beleidsdoel itself rather than on a prestatie."""

    code: Code
    label: str
    amounts: tuple[AmountChange, ...]


@attrs.frozen(kw_only=True)
class BudgetDiff:
    """What `diff_budgets` finds. `prestaties` holds every code of either budget once, in code
    order; the diff is falsy when nothing changed."""

    old_title: str
    new_title: str
    unit: Unit
    years: tuple[int, ...]
    """The years whose amounts were compared: those both budgets cover."""
    prestaties: tuple[PrestatieDiff, ...]
    own_amounts: tuple[OwnAmountsDiff, ...] = ()

    def labelled(self, label: Continuity) -> tuple[Code, ...]:
        """The codes of the prestaties with this label."""
        return tuple(item.code for item in self.prestaties if item.label is label)

    @property
    def added(self) -> tuple[Code, ...]:
        return self.labelled(Continuity.NIEUW)

    @property
    def removed(self) -> tuple[Code, ...]:
        return self.labelled(Continuity.VERVALLEN)

    def __bool__(self) -> bool:
        return any(item.changed for item in self.prestaties) or bool(self.own_amounts)


def diff_budgets(old: Budget, new: Budget) -> BudgetDiff:
    """What changed from `old` to `new`, with every prestatie labelled as budgets do.

    A prestatie only in `new` is nieuw, only in `old` vervallen (matched by code). One in both
    is gewijzigd when anything but its amounts changed, and voortzetting otherwise: its title,
    introduction, context or the text of an action (whitespace aside; an action added or
    removed), its portfolio holders or roles (as sets), its duration (kind, start and end
    year), its reserve link (related or not, the reserve, each PS number with its related
    prestaties) or the streefwaarden of an action (as sets of allowed values with their year,
    whatever their text). Amounts do not decide the label: a multi-year
    estimate moves every year. They are compared per flow, column and year, structureel and
    incidenteel together, a missing amount counting as zero, for the years both budgets
    cover, in the new budget's unit (the old amounts converted exactly). Amounts booked on a
    kerntaak or beleidsdoel itself are compared too.
    """
    years = tuple(range(max(old.first_year, new.first_year), min(old.last_year, new.last_year) + 1))
    old_items = {item.code: item for item in old.prestaties()}
    new_items = {item.code: item for item in new.prestaties()}
    items = []
    for code in sorted(old_items.keys() | new_items.keys()):
        before, after = old_items.get(code), new_items.get(code)
        amount_changes = _amount_changes(
            before.amounts if before else (),
            old.unit,
            after.amounts if after else (),
            new.unit,
            years,
        )
        targets = _target_changes(before, after)
        fields = _field_changes(before, after) if before and after else ()
        if after is None:
            label = Continuity.VERVALLEN
        elif before is None:
            label = Continuity.NIEUW
        else:
            label = Continuity.GEWIJZIGD if fields or targets else Continuity.VOORTZETTING
        shown = after or before
        assert shown is not None
        items.append(
            PrestatieDiff(
                code=code,
                title=shown.title,
                label=label,
                fields=fields,
                amounts=amount_changes,
                targets=targets,
                recorded=after.continuity if after else None,
            )
        )
    return BudgetDiff(
        old_title=document_title(old),
        new_title=document_title(new),
        unit=new.unit,
        years=years,
        prestaties=tuple(items),
        own_amounts=_own_amount_changes(old, new, years),
    )


def _own_amount_changes(
    old: Budget, new: Budget, years: tuple[int, ...]
) -> tuple[OwnAmountsDiff, ...]:
    def owners(budget: Budget) -> dict[Code, tuple[str, tuple[Amount, ...]]]:
        found = {}
        for owner in budget.amount_owners():
            if isinstance(owner.item, Programme):
                found[owner.code] = (f"Kerntaak {owner.item.number}", owner.amounts)
            elif isinstance(owner.item, Objective):
                found[owner.code] = (f"Beleidsdoel {owner.code}", owner.amounts)
        return found

    before, after = owners(old), owners(new)
    result = []
    for code in sorted(before.keys() | after.keys()):
        label = (after.get(code) or before[code])[0]
        changes = _amount_changes(
            before[code][1] if code in before else (),
            old.unit,
            after[code][1] if code in after else (),
            new.unit,
            years,
        )
        if changes:
            result.append(OwnAmountsDiff(code=code, label=label, amounts=changes))
    return tuple(result)


def _sums(
    amounts: Iterable[Amount], unit: Unit, to_unit: Unit, years: tuple[int, ...]
) -> dict[tuple[Flow, BudgetColumn, int], Decimal]:
    sums: dict[tuple[Flow, BudgetColumn, int], list[Decimal]] = {}
    for amount in amounts:
        if amount.year in years:
            key = (amount.flow, amount.column, amount.year)
            sums.setdefault(key, []).append(convert(amount.value, unit, to_unit))
    return {key: total(values) for key, values in sums.items()}


def _amount_changes(
    old: Iterable[Amount],
    old_unit: Unit,
    new: Iterable[Amount],
    new_unit: Unit,
    years: tuple[int, ...],
) -> tuple[AmountChange, ...]:
    before = _sums(old, old_unit, new_unit, years)
    after = _sums(new, new_unit, new_unit, years)
    flows, columns = list(Flow), list(BudgetColumn)
    changes = [
        AmountChange(
            flow=flow,
            column=column,
            year=year,
            old=before.get((flow, column, year), ZERO),
            new=after.get((flow, column, year), ZERO),
        )
        for flow, column, year in sorted(
            before.keys() | after.keys(),
            key=lambda k: (flows.index(k[0]), columns.index(k[1]), k[2]),
        )
    ]
    return tuple(change for change in changes if change.delta != 0)


def _same_text(old: str, new: str) -> bool:
    return old.split() == new.split()


def _field_changes(old: Prestatie, new: Prestatie) -> tuple[FieldChange, ...]:
    changes = [
        FieldChange(what=what, old=before or "-", new=after or "-")
        for what, before, after in (
            ("titel", old.title, new.title),
            ("inleiding", old.introduction, new.introduction),
            ("context", old.context, new.context),
        )
        if not _same_text(before, after)
    ]
    old_actions = {action.number: action.text for action in old.actions}
    new_actions = {action.number: action.text for action in new.actions}
    for number in sorted(old_actions.keys() | new_actions.keys()):
        before, after = old_actions.get(number), new_actions.get(number)
        if before is None or after is None or not _same_text(before, after):
            changes.append(FieldChange(what=f"actie {number}", old=before or "-", new=after or "-"))
    if set(old.portfolio_holders) != set(new.portfolio_holders):
        changes.append(
            FieldChange(
                what="portefeuillehouder",
                old=", ".join(old.portfolio_holders) or "-",
                new=", ".join(new.portfolio_holders) or "-",
            )
        )
    if set(old.roles) != set(new.roles):
        changes.append(
            FieldChange(
                what="rol",
                old=", ".join(map(role_label, old.roles)) or "-",
                new=", ".join(map(role_label, new.roles)) or "-",
            )
        )
    if _duration_key(old.duration) != _duration_key(new.duration):
        changes.append(
            FieldChange(
                what="looptijd", old=_show_duration(old.duration), new=_show_duration(new.duration)
            )
        )
    if _reserve_key(old.reserve_link) != _reserve_key(new.reserve_link):
        changes.append(
            FieldChange(
                what="relatie met reserve",
                old=_show_reserve(old.reserve_link),
                new=_show_reserve(new.reserve_link),
            )
        )
    return tuple(changes)


def _duration_key(duration: Duration | None) -> tuple[object, ...] | None:
    if duration is None:
        return None
    return (duration.kind, duration.start_year, duration.end_year)


def _show_duration(duration: Duration | None) -> str:
    if duration is None:
        return "-"
    shown = duration.kind.value
    if duration.start_year is not None:
        shown += f", vanaf {duration.start_year}"
    if duration.end_year is not None:
        shown += f", eindigt naar verwachting in {duration.end_year}"
    return shown


def _reserve_key(link: ReserveLink) -> tuple[object, ...]:
    proposals = sorted((p.ps_number, tuple(sorted(set(p.related)))) for p in link.proposals)
    return (link.related, link.reserve, tuple(proposals))


def _show_reserve(link: ReserveLink) -> str:
    if not link.related:
        return "nee"
    parts = ["ja"]
    if link.reserve:
        parts.append(f"reserve {link.reserve}")
    for ps_number, related in sorted((p.ps_number, sorted(set(p.related))) for p in link.proposals):
        with_codes = f" (met {', '.join(str(code) for code in related)})" if related else ""
        parts.append(ps_number + with_codes)
    return "; ".join(parts)


def _same_targets(old: tuple[Target, ...], new: tuple[Target, ...]) -> bool:
    """True when both lists allow the same values per target, in any order."""
    if len(old) != len(new):
        return False
    unmatched = list(new)
    for target in old:
        match = next(
            (i for i, t in enumerate(unmatched) if t.same_values(target) and t.year == target.year),
            None,
        )
        if match is None:
            return False
        del unmatched[match]
    return True


def _targets_per_action(item: Prestatie | None) -> Mapping[int, tuple[Target, ...]]:
    if item is None:
        return {}
    return {action.number: action.targets for action in item.actions if action.targets}


def _target_changes(old: Prestatie | None, new: Prestatie | None) -> tuple[TargetChange, ...]:
    before, after = _targets_per_action(old), _targets_per_action(new)
    changes = []
    for number in sorted(before.keys() | after.keys()):
        old_targets, new_targets = before.get(number, ()), after.get(number, ())
        if not _same_targets(old_targets, new_targets):
            changes.append(TargetChange(action=number, old=old_targets, new=new_targets))
    return tuple(changes)


def render_diff(diff: BudgetDiff) -> str:
    """The diff as text for a terminal: a count per label, then every prestatie that is not
    an unchanged voortzetting with its label and changes, then amounts booked on kerntaken
    and beleidsdoelen. Amounts are aligned, in Dutch notation, with the difference signed."""
    years = f"{diff.years[0]}–{diff.years[-1]}" if diff.years else "geen"
    lines = [
        f"Van:  {diff.old_title}",
        f"Naar: {diff.new_title}",
        f"{unit_line(diff.unit)}; vergeleken jaren: {years}",
        "",
    ]
    if not diff:
        return "\n".join([*lines, "Geen verschillen."])
    counts = [f"{label.value} {len(diff.labelled(label))}" for label in Continuity]
    lines.append("Prestaties: " + ", ".join(counts))
    for item in diff.prestaties:
        if not item.changed:
            continue
        heading = f"Prestatie {item.code} {one_line(item.title, 60)}".rstrip()
        lines += ["", f"{heading}: {item.label.value}"]
        if item.recorded is not None and item.recorded is not item.label:
            lines.append(f"  (de begroting zelf zegt: {item.recorded.value})")
        for change in item.fields:
            old, new = _excerpts(change.old, change.new)
            lines.append(f"  {change.what}: {old} → {new}")
        for target_change in item.targets:
            lines.append(
                f"  streefwaarden actie {target_change.action}: {_targets(target_change.old)}"
                f" → {_targets(target_change.new)}"
            )
        lines += _amount_lines(item.amounts)
    for own in diff.own_amounts:
        lines += ["", f"{own.label} (niet op een prestatie geboekt)", *_amount_lines(own.amounts)]
    return "\n".join(lines)


def _quoted(text: str) -> str:
    return text if text in ("-", "nee") else f"'{one_line(text, 200)}'"


def _excerpts(old: str, new: str, width: int = 200) -> tuple[str, str]:
    """Both texts quoted; when they differ beyond `width`, both start shortly before their
    first difference, so that a reader sees what changed rather than two equal beginnings."""
    flat_old, flat_new = " ".join(old.split()), " ".join(new.split())
    same = 0
    for a, b in zip(flat_old, flat_new, strict=False):
        if a != b:
            break
        same += 1
    start = max(0, same - 40)
    if start < width // 2 or old in ("-", "nee") or new in ("-", "nee"):
        return _quoted(old), _quoted(new)
    return (f"'… {one_line(flat_old[start:], width)}'", f"'… {one_line(flat_new[start:], width)}'")


def _targets(targets: tuple[Target, ...]) -> str:
    return "; ".join(one_line(t.describe(), 70) for t in targets) or "geen"


def _amount_lines(changes: tuple[AmountChange, ...]) -> list[str]:
    if not changes:
        return []
    rows = [("Bedragen", "Kolom", "Jaar", "Oud", "Nieuw", "Verschil")]
    for change in changes:
        sign = "+" if change.delta > 0 else ""
        rows.append(
            (
                FLOW_LABELS[change.flow],
                COLUMN_LABELS[change.column],
                str(change.year),
                format_amount(change.old),
                format_amount(change.new),
                sign + format_amount(change.delta),
            )
        )
    return align(rows, right=(False, False, False, True, True, True), indent="  ")

"""The dashboard's counts kept up to date (ADR 46): read in one indexed query at any size.

What each plan adds to its partnership's summary is stored as rows (`KeptCount`), counted by
`partnership_summary` itself over that plan alone: whatever the live summary counts, the kept
one counts by construction. A change marks the plans it touched, in its own transaction; once
it is committed the worker re-counts them and replaces their rows (`kept_recount`). The
dashboard reads the partnership's totals of those rows (`kept_totals`, kept with them in the
same transactions, ADR 67), less the rows of the plans marked, which it counts live.

The counts hold for one day and one set of thresholds (`CountsKept`): the day's turn and a
change of thresholds are caught up by `rebuild` (run daily by `actionplan remind`); until then
the dashboard counts live, never from counts made for another day.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import fields
from datetime import date
from typing import Any, get_args, get_origin, get_type_hints

from django.db.models import Q, QuerySet
from django.utils import timezone

from . import kept_recount, kept_totals
from .models import CountsKept, Partnership, Plan
from .summary import PartnershipSummary, RagCounts, partnership_summary
from .summary_numbers import Row
from .summary_rows import LINKS


def today() -> date:
    return timezone.localdate()


def as_rows(summary: PartnershipSummary) -> Counter[Row]:
    """Every number of a summary, by field, key and colour; zeros left out."""
    rows: Counter[Row] = Counter()
    for f in fields(summary):
        value = getattr(summary, f.name)
        if isinstance(value, RagCounts):
            rows.update({(f.name, 0, rag): n for rag, n in value.counts.items()})
        elif isinstance(value, dict):
            for key, counts in value.items():
                rows.update({(f.name, key.pk, rag): n for rag, n in counts.counts.items()})
        elif isinstance(value, int):
            rows[(f.name, 0, "")] += value
        elif not isinstance(value, date):  # a new kind of number must be taught here, not lost
            raise TypeError(f"the summary's {f.name} cannot be kept: {type(value).__name__}")
    return Counter({row: n for row, n in rows.items() if n})


def open_plans(partnership: Partnership) -> QuerySet[Plan]:
    """The plans the dashboard has a row for today: every open plan, by title."""
    return partnership.plans.filter(closed_on=None).order_by("title", "pk")


def from_rows(
    partnership: Partnership, as_at: date, rows: Counter[Row], plans: Collection[int] | None = None,
) -> PartnershipSummary | None:
    """The summary the rows make, laid out as the live one (every open plan, or those of `plans`,
    the agencies and themes by name); None when a row names a plan, agency or theme that is gone."""
    summary = PartnershipSummary(as_at)
    found: dict[str, list[tuple[int, str, int]]] = defaultdict(list)
    for (name, key, rag), n in rows.items():
        found[name].append((key, rag, n))
    for name, hint in get_type_hints(PartnershipSummary).items():
        if hint is RagCounts:
            for _key, rag, n in found[name]:
                getattr(summary, name).add(rag, n)
        elif get_origin(hint) is dict:
            per = per_thing(partnership, get_args(hint)[0], found[name], plans)
            if per is None:
                return None
            setattr(summary, name, per)
        elif hint is int:
            setattr(summary, name, sum(n for _key, _rag, n in found[name]))
    return summary


def per_thing(
    partnership: Partnership, model: Any, found: list[tuple[int, str, int]], plans: Collection[int] | None,
) -> dict | None:
    keys = {key for key, _rag, _n in found}
    if model is Plan:  # every open plan asked for, by title, as the live summary lists them
        shown = open_plans(partnership)
        if plans is not None:
            shown = shown.filter(pk__in=list(plans))
        per: dict = {plan: RagCounts() for plan in shown}
        things = {plan.pk: plan for plan in per}
    else:
        per, things = {}, model.objects.in_bulk(keys)
    if not keys <= set(things):
        return None
    for key, rag, n in found:
        per.setdefault(things[key], RagCounts()).add(rag, n)
    return per if model is Plan else dict(sorted(per.items(), key=lambda item: item[0].name))


def made_for(partnership: Partnership) -> Q:
    """Kept counts made for this partnership's thresholds as they are now."""
    return Q(partnership=partnership, amber_within_days=partnership.amber_within_days,
             stale_after_days=partnership.stale_after_days)


def kept_summary(
    partnership: Partnership, as_at: date, plans: Collection[int] | None = None,
) -> PartnershipSummary | None:
    """The kept counts when they hold for this day and the partnership's thresholds, else None:
    the partnership's totals less the stored rows of the plans changed since they were counted
    (usually few: the worker re-counts a change's plans moments after it is committed), those
    plans counted live instead. `plans` limits the counts per plan to those plans (the page of
    the dashboard's table shown: a region's partnership has thousands)."""
    if not CountsKept.objects.filter(made_for(partnership), as_at=as_at).exists():
        return None
    changed = kept_recount.marked(partnership)
    counts = kept_totals.totals(partnership, plans=plans, less=changed)  # every plan's rows added up (ADR 67)
    if changed:
        counts.update(as_rows(partnership_summary(partnership, as_at, from_history=False, within=changed)))
    shown = Counter({row: n for row, n in counts.items()
                     if n and (plans is None or row[0] != "by_plan" or row[1] in plans)})
    return from_rows(partnership, as_at, shown, plans)


def dashboard_summary(
    partnership: Partnership, as_at: date, plans: Collection[int] | None = None,
) -> PartnershipSummary:
    """Today's counts as kept when they hold, else counted live; a past day from the history.
    `plans`: the plans whose own counts are wanted, when kept (counted live, every plan's are)."""
    kept = kept_summary(partnership, as_at, plans) if as_at == today() else None
    return kept if kept is not None else partnership_summary(partnership, as_at)


def linking_plans(plan_ids: Iterable[int] = (), action_ids: Iterable[int] = ()) -> set[int]:
    """The composite plans whose recommendations link to these actions or to actions of these plans."""
    links = LINKS.objects.filter(Q(action__recommendation__plan_id__in=list(plan_ids))
                                 | Q(action_id__in=list(action_ids)))
    return set(links.values_list("recommendation__plan_id", flat=True))


def forget(partnership_ids: Iterable[int] | QuerySet[Any]) -> None:
    """Changed by a path that does not re-count (the admin, a shell): not to be read until rebuilt."""
    ids = partnership_ids if isinstance(partnership_ids, QuerySet) else list(partnership_ids)
    kept = CountsKept.objects.filter(partnership_id__in=ids)
    kept.update(as_at=None, rebuilding_for=None)


def rebuild(partnership: Partnership) -> None:
    """Count every plan of the partnership again, for today and its thresholds now.

    Every plan is marked changed, then all are counted in one grouped pass (ADR 77) and stored
    a hundred plans to a short transaction, so that nobody waits on the whole: while it runs,
    the counts say they are being rebuilt for today, changes re-count their plans for today too,
    and the dashboard counts live until it is done. A plan changed while the pass runs is not
    stored (its mark moved since it was read): it stays marked, is counted live, and is counted
    again at once, then left to the worker if it keeps changing."""
    on = today()
    thresholds = {"amber_within_days": partnership.amber_within_days,
                  "stale_after_days": partnership.stale_after_days}
    CountsKept.objects.update_or_create(
        partnership=partnership, defaults={"rebuilding_for": on, **thresholds})
    kept_totals.mend(partnership)  # the re-counts below add differences: start from the true sum
    kept_recount.mark_every_plan(partnership)
    plan_ids = set(partnership.plans.values_list("pk", flat=True))
    changed_meanwhile = plan_ids - kept_recount.recount_plans(partnership, None, on)
    if changed_meanwhile:
        kept_recount.recount_queued(changed_meanwhile)
    # A change by a path that does not re-count, meanwhile, cleared `rebuilding_for`: then not held.
    CountsKept.objects.filter(partnership=partnership, rebuilding_for=on, **thresholds).update(
        as_at=on, rebuilding_for=None)


def keep_all() -> list[Partnership]:
    """Rebuild every partnership's counts that do not hold for today (the day's turn, changed
    thresholds), then re-count the plans left marked in the others (their queued re-count lost
    or failed, or no worker running); answers those rebuilt. Run daily by `actionplan remind`."""
    rebuilt = []
    for partnership in Partnership.objects.all():
        if not CountsKept.objects.filter(made_for(partnership), as_at=today()).exists():
            rebuild(partnership)
            rebuilt.append(partnership)
    kept_recount.recount_left_marked(today())
    return rebuilt


def differences(partnership: Partnership) -> list[str] | None:
    """Each number the kept counts give unlike the live ones today, as "field key colour: kept
    n, live m", then each of the partnership's totals unlike the sum of its plans' rows (which
    the dashboard would read wrong once a plan is changed); None when they do not hold for
    today (the dashboard counts live then)."""
    on = today()
    kept = kept_summary(partnership, on)
    if kept is None:
        return None
    stored, live = as_rows(kept), as_rows(partnership_summary(partnership, on, from_history=False))
    named = [f"{' '.join(str(part) for part in row if part)}: kept {stored[row]}, live {live[row]}"
             for row in sorted(set(stored) | set(live)) if stored[row] != live[row]]
    drift = kept_totals.drift(partnership)
    if drift:
        total = kept_totals.totals(partnership)
        named += [f"total of {' '.join(str(part) for part in row if part)}: kept {total[row]}, "
                  f"the plans' rows {total[row] + n}" for row, n in sorted(drift.items())]
    return named

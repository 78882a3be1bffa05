"""What the tests of the kept counts share: the check that kept equals live, and the re-counts
that run once a change is committed (a test's own transaction never commits)."""

from __future__ import annotations

from collections import Counter
from datetime import date

from django.db import connection

from actionplan.plans import kept_counts, kept_recount
from actionplan.plans.models import KeptCount, KeptTotal, Partnership
from actionplan.plans.summary import partnership_summary


def run_after_commit() -> None:
    """Run what the changes so far asked to run once committed, as a commit would."""
    while connection.run_on_commit:
        _savepoints, callback, _robust = connection.run_on_commit.pop(0)
        callback()


def drop_after_commit() -> None:
    """Forget what the changes so far asked to run once committed: their re-counts never run."""
    connection.run_on_commit.clear()


def assert_totals_are_the_plans_sum(partnership: Partnership) -> None:
    """The partnership's totals equal its plans' stored rows added up, number for number, with
    no number kept at zero (ADR 67)."""
    rows = KeptCount.objects.filter(partnership=partnership).values_list("field", "key", "rag", "n")
    summed: Counter = Counter()
    for name, key, rag, n in rows:
        summed[(name, key, rag)] += n
    totals = {(name, key, rag): n for name, key, rag, n in KeptTotal.objects.filter(
        partnership=partnership).values_list("field", "key", "rag", "n")}
    assert totals == {row: n for row, n in summed.items() if n}
    assert kept_counts.differences(partnership) in (None, [])


def assert_shown_equal_live(partnership: Partnership, on: date | None = None) -> None:
    """The dashboard's numbers equal the live ones, whatever has been re-counted."""
    on = on or kept_counts.today()
    partnership.refresh_from_db()
    shown = kept_counts.dashboard_summary(partnership, on)
    live = partnership_summary(partnership, on, from_history=False)
    assert kept_counts.as_rows(shown) == kept_counts.as_rows(live)
    assert_totals_are_the_plans_sum(partnership)


def assert_kept_equal_live(partnership: Partnership, on: date | None = None) -> None:
    """Once committed and re-counted, no plan is left marked, and the kept counts hold for the
    day and equal the live ones, number for number and in the order the dashboard lists them."""
    on = on or kept_counts.today()
    run_after_commit()
    partnership.refresh_from_db()
    assert kept_recount.marked(partnership) == [], "every changed plan should be re-counted"
    kept = kept_counts.kept_summary(partnership, on)
    assert kept is not None, "the kept counts should hold for today"
    live = partnership_summary(partnership, on, from_history=False)
    assert kept_counts.as_rows(kept) == kept_counts.as_rows(live)
    assert list(kept.by_plan) == list(live.by_plan)
    assert list(kept.by_agency) == list(live.by_agency)
    assert list(kept.by_theme) == list(live.by_theme)
    assert_totals_are_the_plans_sum(partnership)


def assert_unmarked_plans_stored_right(partnership: Partnership, on: date) -> None:
    """Each plan not marked changed has stored rows equal to what it adds to the live counts."""
    marked = set(kept_recount.marked(partnership))
    for plan in partnership.plans.exclude(pk__in=marked):
        stored = Counter({(name, key, rag): n for name, key, rag, n in KeptCount.objects.filter(
            plan=plan).values_list("field", "key", "rag", "n")})
        assert stored == kept_counts.as_rows(
            partnership_summary(partnership, on, from_history=False, within=[plan.pk])), plan.title
    assert_totals_are_the_plans_sum(partnership)

"""The RAG rule and the exception tests in SQL give what the Python rule gives, on generated actions,
and the dashboard's SQL counts equal counting the Python rule's answers one action at a time."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.db import transaction
from django.db.models import Case, When
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actionplan.plans import rag_sql
from actionplan.plans.assurance import AssuranceStatus
from actionplan.plans.finder import awaits_assurance, is_due_soon, is_overdue, is_stale, with_latest_update
from actionplan.plans.models import Action, Agency, Partnership, Plan, ProgressUpdate, Recommendation
from actionplan.plans.rag import Rag
from actionplan.plans.status import DeliveryStatus
from actionplan.plans.summary import partnership_summary

pytestmark = pytest.mark.django_db
AS_AT = date(2026, 6, 5)
# A day is given as (anchor, days after it), resolved once the thresholds are drawn, so that
# the edges of every rule (due today, at the amber threshold, at the stale one) come up often.
ANCHORS = ("as_at", "amber", "stale")
near_an_edge = st.tuples(st.sampled_from(ANCHORS), st.integers(min_value=-2, max_value=2))
anywhere = st.tuples(st.just("as_at"), st.integers(min_value=-120, max_value=120))
a_day = st.one_of(near_an_edge, anywhere)
maybe_day = st.one_of(st.none(), a_day)

an_action = st.fixed_dictionaries({
    "status": st.sampled_from(DeliveryStatus.values),
    "assurance": st.sampled_from(AssuranceStatus.values),
    "due_date": maybe_day,
    "revised_due_date": maybe_day,
    "rag_override": st.sampled_from(["", *Rag.values]),
    "created": a_day,
    "updates": st.lists(a_day, max_size=3),
    "owned": st.booleans(),
})
a_partnership = st.fixed_dictionaries({
    "amber_within_days": st.integers(min_value=0, max_value=60),
    "stale_after_days": st.integers(min_value=1, max_value=120),
})


def day(spec: tuple[str, int] | None, partnership: Partnership) -> date | None:
    if spec is None:
        return None
    anchor, days = spec
    start = {"as_at": AS_AT, "amber": AS_AT + timedelta(days=partnership.amber_within_days),
             "stale": AS_AT - timedelta(days=partnership.stale_after_days)}[anchor]
    return start + timedelta(days=days)


def store(partnership: Partnership, rows: list[dict]) -> None:
    plan = Plan.objects.create(partnership=partnership, title="Generated plan")
    rec = Recommendation.objects.create(plan=plan, ref="1")
    agency = Agency.objects.create(partnership=partnership, name="Riverton Police")
    for row in rows:
        action = Action.objects.create(
            recommendation=rec, text="Generated", owner=agency if row["owned"] else None,
            status=row["status"], assurance=row["assurance"], due_date=day(row["due_date"], partnership),
            revised_due_date=day(row["revised_due_date"], partnership), rag_override=row["rag_override"],
            rag_override_reason="Agreed at the board" if row["rag_override"] else "",
        )
        # Late in the evening: the day is the one Django reads from the stored (UTC) time.
        created = datetime.combine(day(row["created"], partnership), time(23, 30), UTC)
        Action.objects.filter(pk=action.pk).update(created_at=created)
        for spec in row["updates"]:
            ProgressUpdate.objects.create(
                action=action, written_on=day(spec, partnership), text="Update", status=row["status"]
            )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(an_action, min_size=1, max_size=12), thresholds=a_partnership)
def test_the_sql_rule_gives_what_the_python_rule_gives(rows, thresholds):
    with transaction.atomic():
        partnership = Partnership.objects.create(name="Generated partnership", **thresholds)
        store(partnership, rows)
        exceptions = rag_sql.Exceptions.on(AS_AT, **thresholds)
        sql = Action.objects.annotate(
            shown=rag_sql.shown_rag(AS_AT, partnership.rag_thresholds),
            **{name: Case(When(condition, then=True), default=False)
               for name, condition in vars(exceptions).items()},
        )
        by_sql = {a.pk: a for a in sql}
        for action in with_latest_update(Action.objects.all()):
            found = by_sql[action.pk]
            assert found.shown == action.rag(AS_AT, partnership.rag_thresholds).rag
            assert found.overdue == is_overdue(action, AS_AT)
            assert found.due_soon == is_due_soon(action, AS_AT, partnership)
            assert found.stale == is_stale(action, AS_AT, partnership)
            assert found.awaiting_assurance == awaits_assurance(action)
        transaction.set_rollback(True)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(an_action, min_size=1, max_size=12), thresholds=a_partnership)
def test_the_dashboard_counts_are_the_python_rule_counted(rows, thresholds):
    with transaction.atomic():
        partnership = Partnership.objects.create(name="Generated partnership", **thresholds)
        store(partnership, rows)
        summary = partnership_summary(partnership, AS_AT, from_history=False)  # today's rows, on AS_AT
        actions = list(with_latest_update(Action.objects.select_related("owner")))
        rags = Counter(a.rag(AS_AT, partnership.rag_thresholds).rag for a in actions)
        assert summary.overall.counts == rags
        assert sum(c.total for c in summary.by_agency.values()) == sum(a.owner is not None for a in actions)
        assert (summary.overdue, summary.due_soon, summary.stale, summary.awaiting_assurance) == (
            sum(is_overdue(a, AS_AT) for a in actions),
            sum(is_due_soon(a, AS_AT, partnership) for a in actions),
            sum(is_stale(a, AS_AT, partnership) for a in actions),
            sum(awaits_assurance(a) for a in actions),
        )
        transaction.set_rollback(True)

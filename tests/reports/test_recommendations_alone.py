"""A recommendation with no actions is counted in the report's RAG summary, as on the dashboard."""

import pytest
from django.utils import timezone

from actionplan.plans.editing import record_recommendation_progress
from actionplan.reports import Scope, build_report
from factories import RecommendationFactory

pytestmark = pytest.mark.django_db


def test_progress_posted_on_a_recommendation_alone_is_reported_and_counted(partnership, action, alice):
    alone = RecommendationFactory(plan=action.recommendation.plan, ref="2", text="Audit the front door.")
    record_recommendation_progress(alone, alice, "Audit half done", status="in_progress", rag="red",
                                   on=timezone.localdate())
    report = build_report(partnership, Scope(), timezone.localdate())
    rows = [row for table in report.plans for row in table.rows if row.action_id is None]
    assert [(r.ref, r.status, r.rag, r.latest_progress) for r in rows] == [
        ("2", "In progress", "red", "Audit half done")
    ]
    assert report.totals.total == 2  # the action and the recommendation tracked on itself
    assert report.totals.counts["red"] == 2  # the action is overdue (due 30 June 2026)

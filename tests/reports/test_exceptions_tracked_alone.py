"""A recommendation tracked on itself is an exception like an action: awaiting assurance on its
own evidence, slipped or not achieved, as it stood on the report's day."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from actionplan.plans.models import Recommendation
from actionplan.plans.recommendation_evidence import submit_recommendation_evidence
from actionplan.reports import Scope, build_report
from factories import RecommendationFactory

pytestmark = pytest.mark.django_db


def awaiting(partnership, on) -> list[str]:
    report = build_report(partnership, Scope(), on)
    return [line.action for line in report.exceptions.awaiting_assurance]


def test_its_evidence_awaiting_assurance_is_listed_from_the_day_it_was_given(partnership, alice):
    rec = RecommendationFactory(plan__partnership=partnership, ref="4", text="Audit escalation cases.")
    Recommendation.history.filter(id=rec.pk).update(history_date=timezone.now() - timedelta(days=5))
    today = timezone.localdate()
    assert awaiting(partnership, today) == []
    submit_recommendation_evidence(rec, alice, "Audit summary", link="https://intranet.example/audit.pdf")
    assert awaiting(partnership, today) == ["Audit escalation cases."]
    assert awaiting(partnership, today - timedelta(days=1)) == []  # as it stood the day before


def test_the_report_command_counts_actions_and_recommendations_alone_apart(partnership, action, tmp_path):
    plan = action.recommendation.plan
    RecommendationFactory(plan=plan, ref="4", text="Audit escalation cases.")
    out = io.StringIO()
    call_command("report", "--plan", str(plan.pk), "--format", "csv", "--output", str(tmp_path / "r.csv"),
                 stdout=out)
    assert out.getvalue().strip().endswith("1 action and 1 recommendation with no actions.")

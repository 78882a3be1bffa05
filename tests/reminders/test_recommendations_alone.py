"""A recommendation tracked on its own (no actions) is in the admins' weekly digest when its
evidence awaits assurance, as on the dashboard, with a link to its evidence and assurance."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail

from actionplan.plans.recommendation_evidence import submit_recommendation_evidence
from actionplan.reminders.runs import remind
from factories import RecommendationFactory

pytestmark = pytest.mark.django_db
MONDAY = date(2026, 6, 1)


def test_the_digest_lists_a_recommendation_awaiting_assurance(people, partnership, alice, action):
    rec = RecommendationFactory(plan__partnership=partnership, plan__title="Review of Child P", ref="7.",
                                text="Every school names a lead for neglect.")
    quiet = RecommendationFactory(plan=rec.plan, ref="8.", text="Refresh the threshold guidance.")
    submit_recommendation_evidence(rec, alice, "Survey of schools", link="https://intranet.example/survey")
    mail.outbox.clear()

    remind(MONDAY)

    digest = next(m for m in mail.outbox if m.to == ["alice@example.org"] and "weekly digest" in m.subject)
    waiting = digest.body.split("Awaiting assurance")[1].split("Evidence rejected this week")[0]
    assert "7. Every school names a lead for neglect." in waiting
    assert f"/recommendations/{rec.pk}/evidence/" in waiting
    assert "Recommendation, no actions" in waiting
    assert quiet.text not in digest.body

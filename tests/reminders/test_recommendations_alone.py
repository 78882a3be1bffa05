"""A recommendation tracked on its own (no actions): in the admins' weekly digest when its
evidence awaits assurance, as on the dashboard, and its admins told when its evidence is decided,
each with a link to its evidence and assurance."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.core import mail
from django.utils import timezone

from actionplan.plans.models import User
from actionplan.plans.recommendation_evidence import (
    decide_recommendation_evidence,
    submit_recommendation_evidence,
)
from actionplan.reminders.in_app import wanting_action
from actionplan.reminders.letters import subject_for
from actionplan.reminders.models import Notice
from actionplan.reminders.runs import remind
from factories import RecommendationFactory, UserFactory

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


def test_a_decision_on_its_evidence_tells_the_partnership_admins_but_not_the_decider(
    people, partnership, alice, bob, charlie, told
):
    olga = UserFactory(username="olga", email="olga@example.org", partnership=partnership,
                       role=User.Role.PARTNERSHIP_ADMIN)
    rec = RecommendationFactory(plan__partnership=partnership, plan__title="Review of Child P", ref="7.",
                                text="Every school names a lead for neglect.")
    evidence = submit_recommendation_evidence(rec, alice, "Survey of schools", link="https://intranet.example/s")

    sent = told(lambda: decide_recommendation_evidence(evidence, charlie, accept=False,
                                                       reason="Half the schools did not answer"))

    assert set(sent) == {"alice@example.org", "olga@example.org"}  # not charlie, nor any agency lead
    letter = sent["alice@example.org"]
    assert letter.subject == f"{partnership}: evidence rejected"
    assert '"Survey of schools" rejected: Half the schools did not answer' in letter.body
    assert f"/recommendations/{rec.pk}/evidence/" in letter.body
    notice = Notice.objects.get(recipient=alice)
    assert (notice.recommendation, notice.action, notice.kind) == (rec, None, "evidence_decided")
    assert list(wanting_action(alice)) == [notice]  # a rejection asks the admin for fresh evidence

    again = submit_recommendation_evidence(rec, alice, "Full survey", link="https://intranet.example/f")
    sent = told(lambda: decide_recommendation_evidence(again, olga, accept=True))
    assert set(sent) == {"alice@example.org"}  # olga decided it herself


def test_the_notices_page_links_a_recommendations_notice_to_its_evidence(
    client, people, partnership, alice, charlie, told
):
    rec = RecommendationFactory(plan__partnership=partnership, ref="7.", text="Name a lead for neglect.")
    evidence = submit_recommendation_evidence(rec, alice, "Survey", link="https://intranet.example/s")
    told(lambda: decide_recommendation_evidence(evidence, charlie, accept=True))
    client.force_login(alice)
    page = client.get("/notices/").content.decode()
    assert f'href="/recommendations/{rec.pk}/evidence/"' in page and "Evidence accepted" in page


def test_a_refused_e_mail_about_one_is_in_the_admins_digest(people, partnership, alice, bob):
    """Who was not told of a decision on a recommendation's evidence is shown to the admins, as
    for an action's."""
    rec = RecommendationFactory(plan__partnership=partnership, plan__title="Review of Child P", ref="7.",
                                text="Every school names a lead for neglect.")
    Notice.objects.create(
        recipient=bob, kind="evidence_decided", key="evidence_decided:1:rejected", recommendation=rec,
        concerns_date=MONDAY, state=Notice.State.FAILED, heading="Evidence rejected",
        claimed_at=timezone.make_aware(datetime(2026, 5, 28, 10)), last_error="OSError: connection refused",
    )
    mail.outbox.clear()

    remind(MONDAY)

    digest = next(m for m in mail.outbox if m.to == ["alice@example.org"] and "weekly digest" in m.subject)
    failed = digest.body.split("E-mails that could not be sent")[1]
    assert "to bob@example.org: Evidence rejected" in failed
    assert f"/recommendations/{rec.pk}/evidence/" in failed


def test_an_e_mail_of_several_notices_about_them_counts_them_as_recommendations(partnership):
    rec, other = RecommendationFactory.create_batch(2, plan__partnership=partnership)
    told_of = [Notice(kind="evidence_decided", recommendation=rec, subject="evidence accepted"),
               Notice(kind="evidence_decided", recommendation=other, subject="evidence rejected")]
    assert subject_for(told_of, partnership) == f"{partnership}: 2 recommendations need your attention"
    told_of[1].recommendation = rec
    assert subject_for(told_of, partnership) == f"{partnership}: 1 recommendation needs your attention"

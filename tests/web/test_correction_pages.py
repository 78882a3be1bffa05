"""Correcting and withdrawing on the action page: new entries, the old ones shown marked."""

from __future__ import annotations

from datetime import date

import pytest
from scenes import text_of

from actionplan.plans.models import Evidence, ProgressUpdate
from actionplan.plans.updates import record_progress, submit_evidence

pytestmark = pytest.mark.django_db


def posted(action, bob) -> ProgressUpdate:
    return record_progress(action, bob, "Training given to 40 staff.", on=date(2026, 6, 1))


def test_a_correction_is_posted_and_the_page_marks_the_update_corrected(client, bob, action):
    update = posted(action, bob)
    client.force_login(bob)
    page = text_of(client.get(f"/actions/{action.pk}/updates/{update.pk}/correct/"))
    assert "Training given to 40 staff." in page  # the form starts from what the update says
    response = client.post(
        f"/actions/{action.pk}/updates/{update.pk}/correct/",
        {"text": "Training given to 14 staff.", "reason": "40 was a typing error"},
    )
    assert response.status_code == 302
    page = text_of(client.get(f"/actions/{action.pk}/"))
    assert "Corrected" in page and "Training given to 14 staff." in page
    assert "Why: 40 was a typing error" in page and "Training given to 40 staff." in page
    assert f"Corrected on {date.today():%-d %B %Y} by {bob.get_full_name()}" in page
    plan = text_of(client.get(f"/plans/{action.recommendation.plan_id}/"))
    assert "Training given to 14 staff." in plan and "40 staff" not in plan


def test_a_correction_without_a_reason_is_refused_and_nothing_is_stored(client, bob, action):
    update = posted(action, bob)
    client.force_login(bob)
    response = client.post(
        f"/actions/{action.pk}/updates/{update.pk}/correct/",
        {"text": "Training given to 14 staff.", "reason": ""},
    )
    assert response.status_code == 400 and "Say why the update is corrected" in text_of(response)
    assert ProgressUpdate.objects.filter(action=action).count() == 1


def test_a_withdrawn_update_is_shown_withdrawn_with_its_reason(client, bob, action):
    update = posted(action, bob)
    client.force_login(bob)
    response = client.post(
        f"/actions/{action.pk}/updates/{update.pk}/withdraw/", {"reason": "Meant for the health action"}
    )
    assert response.status_code == 302
    page = text_of(client.get(f"/actions/{action.pk}/"))
    assert "Withdrawn" in page and "Why: Meant for the health action" in page
    assert f"/updates/{update.pk}/withdraw/" not in page  # nothing more to withdraw
    plan = text_of(client.get(f"/plans/{action.recommendation.plan_id}/"))
    assert "Training given to 40 staff." not in plan


def test_withdrawn_evidence_is_marked_and_cannot_be_decided(client, bob, charlie, action):
    evidence = submit_evidence(action, bob, "Register of attendance", link="https://example.org/register")
    client.force_login(bob)
    response = client.post(
        f"/actions/{action.pk}/evidence/{evidence.pk}/withdraw/", {"reason": "Register of another team"}
    )
    assert response.status_code == 302
    client.force_login(charlie)
    page = text_of(client.get(f"/actions/{action.pk}/"))
    assert "no longer counts towards assurance. Why: Register of another team" in page
    assert f"/evidence/{evidence.pk}/decision/" not in page
    refused = client.post(f"/actions/{action.pk}/evidence/{evidence.pk}/decision/", {"decision": "accept"})
    assert "This evidence was withdrawn" in text_of(refused)
    assert Evidence.objects.get(pk=evidence.pk).decision == Evidence.Decision.PENDING


def test_an_update_of_another_action_cannot_be_reached_through_this_one(client, bob, action, police):
    from factories import ActionFactory

    other = ActionFactory(recommendation=action.recommendation, owner=police)
    update = posted(other, bob)
    client.force_login(bob)
    response = client.post(f"/actions/{action.pk}/updates/{update.pk}/withdraw/", {"reason": "x"})
    assert response.status_code == 404
    assert not ProgressUpdate.objects.filter(kind="withdrawal").exists()

"""The progress form of the action page, and two people updating the same action."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.http import HttpResponse
from django.test import Client
from scenes import text_of

from actionplan.plans.assurance import AssuranceStatus
from actionplan.plans.models import Action, ProgressUpdate
from actionplan.plans.status import DeliveryStatus
from actionplan.plans.updates import decide_evidence, submit_evidence

pytestmark = pytest.mark.django_db


def post(client: Client, action: Action, **fields: object) -> HttpResponse:
    data = {"text": "", "status": "", "revised_due": "", "reason": "", "version": action.version, **fields}
    return client.post(f"/actions/{action.pk}/progress/", data)


def test_it_saves_a_plain_note(client, bob, action):
    client.force_login(bob)
    response = post(client, action, text="Briefing booked for all sergeants")
    assert response.status_code == 302 and response.url == f"/actions/{action.pk}/"
    update = ProgressUpdate.objects.get(action=action)
    assert (update.text, update.author) == ("Briefing booked for all sergeants", bob)
    assert update.status == "not_started"
    page = text_of(client.get(response.url))
    assert "Your progress update has been saved" in page
    assert "Briefing booked for all sergeants" in page


def test_it_changes_the_status_with_a_note(client, bob, action):
    client.force_login(bob)
    assert post(client, action, text="Started", status="in_progress").status_code == 302
    action.refresh_from_db()
    assert action.status == DeliveryStatus.IN_PROGRESS
    assert ProgressUpdate.objects.get(action=action).status == DeliveryStatus.IN_PROGRESS


@pytest.mark.parametrize("missing, message", [
    ({"reason": "Staff shortage"}, "A slipped action needs a revised due date"),
    ({"revised_due": "31/3/2027"}, "A slipped action needs the reason it slipped"),
])
def test_it_refuses_a_slip_without_its_date_or_reason(client, bob, action, missing, message):
    client.force_login(bob)
    response = post(client, action, text="Delayed", status="slipped", **missing)
    assert response.status_code == 200
    page = text_of(response)
    assert "There is a problem" in page and message in page
    action.refresh_from_db()
    assert action.status == DeliveryStatus.NOT_STARTED and action.revised_due_date is None
    assert not ProgressUpdate.objects.filter(action=action).exists()


def test_it_reads_a_revised_date_typed_the_uk_way(client, bob, action):
    client.force_login(bob)
    response = post(client, action, text="Delayed", status="slipped", revised_due="31/3/2027",
                    reason="Trainer off sick")
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.status, action.revised_due_date) == (DeliveryStatus.SLIPPED, date(2027, 3, 31))
    assert "revised to 31 March 2027" in text_of(client.get(response.url))


def test_it_refuses_a_date_it_cannot_read(client, bob, action):
    client.force_login(bob)
    response = post(client, action, text="Delayed", status="slipped", revised_due="next spring", reason="x")
    assert response.status_code == 200
    assert "Enter the revised due date as day/month/year" in text_of(response)
    assert not ProgressUpdate.objects.exists()


def test_the_second_of_two_status_changes_gets_a_conflict(client, alice, bob, action):
    seen = action.version  # both load the page at the same version
    client.force_login(alice)
    first = post(client, action, text="Started by the unit", status="in_progress", version=seen)
    assert first.status_code == 302

    client.force_login(bob)
    response = post(client, action, text="Implemented, I think", status="implemented", version=seen)
    assert response.status_code == 200
    page = text_of(response)
    assert "changed this action" in page
    assert "status In progress" in page  # what it reads as now
    assert "Implemented, I think" in page  # their words are kept in the form
    action.refresh_from_db()
    assert action.status == DeliveryStatus.IN_PROGRESS
    assert list(ProgressUpdate.objects.values_list("text", flat=True)) == ["Started by the unit"]


def test_a_plain_note_on_an_older_version_still_goes_through(client, alice, bob, action):
    seen = action.version
    client.force_login(alice)
    post(client, action, text="Started", status="in_progress", version=seen)
    client.force_login(bob)
    assert post(client, action, text="Training dates set", version=seen).status_code == 302
    assert ProgressUpdate.objects.filter(action=action, author=bob, text="Training dates set").exists()


def test_an_action_cannot_be_superseded_by_another_partnerships_action(client, world, bob):
    client.force_login(bob)
    action = world.police_action
    response = post(client, action, text="Replaced", status="superseded", replaced_by=world.other_action.pk)
    assert response.status_code == 200
    assert "The replacing action must be another action of this partnership" in text_of(response)
    assert "Elsewhere-only hoarding action" not in text_of(response)
    action.refresh_from_db()
    assert (action.status, action.superseded_by) == (DeliveryStatus.NOT_STARTED, None)
    assert not ProgressUpdate.objects.exists()


def test_an_action_is_superseded_by_one_of_its_partnership(client, world, bob):
    client.force_login(bob)
    action = world.police_action
    response = post(client, action, text="Replaced", status="superseded", replaced_by=world.health_action.pk)
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.status, action.superseded_by) == (DeliveryStatus.SUPERSEDED, world.health_action)


def offered_statuses(client: Client, action: Action) -> list[str]:
    """The delivery statuses the progress form's list offers, "No change" first."""
    page = text_of(client.get(f"/actions/{action.pk}/"))
    form = page.split('id="id_status"', 1)[1].split("</select>", 1)[0]
    return re.findall(r'<option value="([a-z_]*)"', form)


@pytest.mark.parametrize("current, offered", [
    (DeliveryStatus.NOT_STARTED, ["", "in_progress", "slipped", "implemented", "not_achieved", "superseded"]),
    (DeliveryStatus.IN_PROGRESS, ["", "slipped", "implemented", "not_achieved", "superseded"]),
    (DeliveryStatus.IMPLEMENTED, ["", "in_progress"]),
    (DeliveryStatus.NOT_ACHIEVED, [""]),
])
def test_it_offers_only_the_statuses_the_action_may_move_to(client, bob, action, current, offered):
    Action.objects.filter(pk=action.pk).update(status=current)
    client.force_login(bob)
    assert offered_statuses(client, action) == offered


def test_it_still_refuses_a_status_the_list_does_not_offer_saying_why(client, bob, action):
    Action.objects.filter(pk=action.pk).update(status=DeliveryStatus.NOT_ACHIEVED)
    action.refresh_from_db()
    client.force_login(bob)
    page = text_of(post(client, action, text="Restarted", status="in_progress"))
    assert "An action that is not achieved cannot become in progress" in page
    action.refresh_from_db()
    assert action.status == DeliveryStatus.NOT_ACHIEVED


def test_the_action_page_leads_to_its_recommendation_and_reviews(client, dave, action, eve):
    from factories import ActionFactory, RecommendationFactory, ReviewFactory

    rec = action.recommendation
    child_r = ReviewFactory(partnership=rec.plan.partnership, code="Child <R>")
    rec.reviews.add(child_r)
    # A plan of another partnership linking the action: its review is named, never linked.
    theirs = RecommendationFactory(plan__partnership=eve.partnership)
    theirs.reviews.add(ReviewFactory(partnership=eve.partnership, code="Elsewhere 1"))
    theirs.linked_actions.add(action)
    ActionFactory(recommendation=theirs)
    client.force_login(dave)
    page = client.get(f"/actions/{action.pk}/").content.decode()
    assert f'<a class="govuk-link" href="/recommendations/{rec.pk}/">' in page
    assert f'<a class="govuk-link" href="/reviews/{child_r.pk}/">Child &lt;R&gt;</a>, Elsewhere 1' in page


def test_marking_assured_work_not_achieved_withdraws_its_assurance(client, bob, charlie, action):
    evidence = submit_evidence(action, bob, "Audit of the briefings", link="https://intranet.example/a.pdf")
    decide_evidence(evidence, charlie, accept=True)
    action.refresh_from_db()
    assert action.assurance == AssuranceStatus.ACCEPTED
    client.force_login(bob)
    told = "This action is assured: marked not achieved or superseded, or reopened, it is no longer assured"
    assert told in text_of(client.get(f"/actions/{action.pk}/"))
    response = post(client, action, text="Stopped", status="not_achieved", reason="The funding was cut")
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.status, action.assurance) == (DeliveryStatus.NOT_ACHIEVED, AssuranceStatus.NONE)
    page = text_of(client.get(response.url))
    assert "Assurance withdrawn: the work became not achieved: The funding was cut" in page
    assert told not in page

"""Several actions changed together, with one reason kept in each one's history; all or nothing."""

from __future__ import annotations

from datetime import date

import pytest
from scenes import text_of

from actionplan.plans.assurance import AssuranceStatus
from actionplan.plans.changes import changes_of
from actionplan.plans.models import Action
from actionplan.plans.status import DeliveryStatus
from actionplan.plans.updates import decide_evidence, submit_evidence
from factories import ActionFactory, AgencyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(action, police):
    other = ActionFactory(recommendation=action.recommendation, owner=police, due_date=date(2026, 7, 31))
    return action, other


def test_chosen_actions_change_owner_and_status_together(client, alice, pair, police):
    health = AgencyFactory(partnership=police.partnership, name="Riverton NHS Trust")
    client.force_login(alice)
    listing = client.get("/actions/")
    assert 'name="action"' in listing.content.decode()
    ids = [a.pk for a in pair]
    page = client.get("/actions/change/", {"action": ids})
    assert "Change 2 actions together" in text_of(page)
    response = client.post("/actions/change/", {"actions": ids, "owner": health.pk, "status": "in_progress",
                                                "reason": "Health took over the programme"})
    assert response.status_code == 302
    for action in Action.objects.filter(pk__in=ids):
        assert (action.owner, action.status) == (health, "in_progress")
        assert changes_of(action)[0].why == "Health took over the programme"


def test_one_refusal_changes_none(client, alice, pair):
    first, second = pair
    client.force_login(alice)
    # Slipping to a date before the second action's current due date is refused for it alone.
    response = client.post("/actions/change/", {"actions": [first.pk, second.pk], "status": "slipped",
                                                "revised_due": "15/7/2026", "reason": "Staff shortage"})
    assert response.status_code == 400
    assert "the revised due date must be later than the current one" in text_of(response)
    assert set(Action.objects.values_list("status", flat=True)) == {"not_started"}
    assert Action.objects.get(pk=first.pk).revised_due_date is None


def test_others_cannot_and_other_partnerships_actions_are_not_found(client, alice, bob, pair):
    client.force_login(bob)
    assert client.get("/actions/change/", {"action": [pair[0].pk]}).status_code == 403
    other = ActionFactory()
    client.force_login(alice)
    assert client.get("/actions/change/", {"action": [pair[0].pk, other.pk]}).status_code == 404


def test_a_bulk_change_to_not_achieved_withdraws_the_assurance_of_each(client, alice, bob, charlie, pair):
    first, second = pair
    evidence = submit_evidence(first, bob, "Audit", link="https://intranet.example/a.pdf")
    decide_evidence(evidence, charlie, accept=True)
    client.force_login(alice)
    page = text_of(client.get("/actions/change/", {"action": [first.pk, second.pk]}))
    assert page.count("This action is assured: marked not achieved or superseded, or reopened") == 1
    response = client.post("/actions/change/", {"actions": [first.pk, second.pk], "status": "not_achieved",
                                                "reason": "The programme was closed"})
    assert response.status_code == 302
    first.refresh_from_db(), second.refresh_from_db()
    assert (first.status, first.assurance) == (DeliveryStatus.NOT_ACHIEVED, AssuranceStatus.NONE)
    assert (second.status, second.assurance) == (DeliveryStatus.NOT_ACHIEVED, AssuranceStatus.NONE)
    newest = changes_of(first)[0]
    assert (newest.who, newest.why) == ("alice", "The programme was closed")
    fields = [(change.field, change.old, change.new) for change in newest.fields]
    assert ("Assurance", "Evidence accepted", "No evidence yet") in fields

"""Scrutineers move assurance on and set RAG by hand from the action page; others may not."""

import pytest

from actionplan.plans.models import Action
from actionplan.plans.updates import decide_evidence, submit_evidence

pytestmark = pytest.mark.django_db


@pytest.fixture
def accepted(action, bob, charlie):
    evidence = submit_evidence(action, bob, "Signed policy", link="https://example.org/policy")
    decide_evidence(evidence, charlie, accept=True)
    action.refresh_from_db()
    return action


def post(client, user, action, what, **data):
    client.force_login(user)
    return client.post(f"/actions/{action.pk}/{what}/", {"version": action.version, **data}, follow=True)


def test_a_scrutineer_records_impact(client, charlie, accepted):
    page = post(client, charlie, accepted, "assurance", assurance="impact_evidenced")
    assert b"Assurance is now: impact evidenced" in page.content
    assert Action.objects.get(pk=accepted.pk).assurance == "impact_evidenced"


def test_a_skipped_step_is_refused_with_the_rule(client, charlie, action):
    page = post(client, charlie, action, "assurance", assurance="rechecked")
    assert b"Assurance cannot go from" in page.content
    assert Action.objects.get(pk=action.pk).assurance == "none"


def test_a_rag_set_by_hand_needs_a_reason_and_shows_as_such(client, charlie, action):
    page = post(client, charlie, action, "rag", rag="green", reason="")
    assert b"needs a reason" in page.content
    page = post(
        client, charlie, Action.objects.get(pk=action.pk), "rag", rag="green", reason="Agreed at board"
    )
    assert b"Green (set by hand)" in page.content
    assert Action.objects.get(pk=action.pk).rag_override == "green"


@pytest.mark.parametrize("who", ["bob", "dave"])
def test_leads_and_viewers_cannot(client, request, accepted, who):
    user = request.getfixturevalue(who)
    client.force_login(user)
    for what, data in [
        ("assurance", {"assurance": "impact_evidenced"}),
        ("rag", {"rag": "red", "reason": "x"}),
    ]:
        response = client.post(f"/actions/{accepted.pk}/{what}/", {"version": accepted.version, **data})
        assert response.status_code == 403
    fresh = Action.objects.get(pk=accepted.pk)
    assert (fresh.assurance, fresh.rag_override) == ("accepted", "")


def test_another_partnership_gets_not_found(client, eve, action):
    client.force_login(eve)
    assert (
        client.post(f"/actions/{action.pk}/assurance/", {"assurance": "submitted", "version": 0}).status_code
        == 404
    )


def test_accepting_without_accepted_evidence_needs_a_reason(client, charlie, bob, action):
    submit_evidence(action, bob, "Signed policy", link="https://example.org/policy")
    action.refresh_from_db()
    page = post(client, charlie, action, "assurance", assurance="accepted", reason="")
    assert b"needs an accepted piece of evidence or a recorded reason" in page.content
    assert Action.objects.get(pk=action.pk).assurance == "submitted"
    page = post(client, charlie, Action.objects.get(pk=action.pk), "assurance", assurance="accepted",
                reason="Verified at the multi-agency audit on 3 March")
    assert Action.objects.get(pk=action.pk).assurance == "accepted"


def test_evidence_submitted_is_offered_only_once_there_is_evidence(client, charlie, bob, action):
    client.force_login(charlie)
    assert 'value="submitted"' not in client.get(f"/actions/{action.pk}/").content.decode()

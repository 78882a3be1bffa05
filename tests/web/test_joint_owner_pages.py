"""A joint action's other agencies are named on its pages, and their leads find it among
their own actions and update it as the lead agency's do; a lead of any other agency may not
(checked on the server), and another partnership sees nothing of it."""

from __future__ import annotations

import re

import pytest
from scenes import text_of

from actionplan.plans.models import Action, User
from factories import AgencyFactory
from personas import person

pytestmark = pytest.mark.django_db
Role = User.Role


def words(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", text_of(response)).split())


@pytest.fixture
def health(partnership):
    return AgencyFactory(partnership=partnership, name="Riverton ICB")


@pytest.fixture
def joint(action, health):
    action.joint_owners.add(health)
    return action


@pytest.fixture
def people(partnership, police, health, bob, charlie, eve):
    education = AgencyFactory(partnership=partnership, name="Riverton Schools")
    return {"bob": bob, "charlie": charlie, "eve": eve,
            "hana": person("hana", partnership, Role.AGENCY_LEAD, health),
            "ed": person("ed", partnership, Role.AGENCY_LEAD, education)}


@pytest.mark.parametrize(("who", "code"), [
    ("bob", 302), ("hana", 302), ("ed", 403), ("charlie", 403), ("eve", 404)])
def test_the_leads_of_each_owner_may_post_progress_and_no_one_else(client, joint, people, who, code):
    client.force_login(people[who])
    response = client.post(f"/actions/{joint.pk}/progress/", {
        "text": "Escalation route agreed", "status": "in_progress", "version": joint.version})
    assert response.status_code == code
    assert joint.updates.count() == (1 if code == 302 else 0)


@pytest.mark.parametrize(("who", "code"), [("hana", 302), ("ed", 403)])
def test_the_leads_of_a_joint_owner_may_add_evidence_and_no_other_lead(client, joint, people, who, code):
    client.force_login(people[who])
    response = client.post(f"/actions/{joint.pk}/evidence/", {
        "description": "Escalation route", "link": "https://example.org/route"})
    assert response.status_code == code
    assert joint.evidence.count() == (1 if code == 302 else 0)


def test_a_joint_owners_lead_finds_it_among_their_actions(client, joint, people):
    client.force_login(people["hana"])
    assert f"/actions/{joint.pk}/" in text_of(client.get("/my-actions/"))
    client.force_login(people["ed"])
    assert f"/actions/{joint.pk}/" not in text_of(client.get("/my-actions/"))


def test_the_pages_name_the_agencies_with_the_lead(client, alice, joint):
    client.force_login(alice)
    assert "Riverton Police with Riverton ICB" in words(client.get(f"/plans/{joint.recommendation.plan_id}/"))
    assert "Riverton Police with Riverton ICB" in words(client.get("/actions/"))
    assert "With Riverton ICB" in words(client.get(f"/actions/{joint.pk}/"))
    alone = Action.objects.create(recommendation=joint.recommendation, text="Audit it", owner=joint.owner)
    assert " With " not in words(client.get(f"/actions/{alone.pk}/"))


def test_the_admin_shares_an_action_when_reassigning_it_in_one_version(client, alice, action, health):
    client.force_login(alice)
    versions = action.history.count()
    response = client.post(f"/actions/{action.pk}/reassign/", {
        "owner": action.owner_id, "joint_owners": [health.pk], "owner_role": "",
        "reason": "Health lead the home visits with the police", "version": action.version})
    assert response.status_code == 302
    assert [a.name for a in action.joint_owners.all()] == ["Riverton ICB"]
    newest = action.history.first()
    assert action.history.count() == versions + 1
    assert newest.history_change_reason == "Health lead the home visits with the police"
    assert [o.agency_id for o in newest.joint_owners.all()] == [health.pk]
    assert "With Riverton ICB" in words(client.get(f"/actions/{action.pk}/"))


def test_an_agency_of_another_partnership_cannot_be_given_an_action(client, alice, action):
    client.force_login(alice)
    elsewhere = AgencyFactory(name="Elsewhere Police")
    response = client.post(f"/actions/{action.pk}/reassign/", {
        "owner": action.owner_id, "joint_owners": [elsewhere.pk], "reason": "Shared",
        "version": action.version})
    assert response.status_code == 400  # the form says the choice is not one of its own
    assert not action.joint_owners.exists()

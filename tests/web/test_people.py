"""Agencies and people, kept by the partnership admin: rename, merge, invite, deactivate; and
everybody's own password, changed or reset by e-mail."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from scenes import text_of

from actionplan.plans import people
from actionplan.plans.changes import changes_of
from actionplan.plans.models import Action, Agency, User
from factories import ActionFactory, AgencyFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_renamed_agency_keeps_its_old_name_as_an_alias(client, alice, police):
    client.force_login(alice)
    response = client.post(f"/agencies/{police.pk}/edit/", {"name": "Riverton Constabulary", "aliases": "RP"})
    assert response.status_code == 302
    police.refresh_from_db()
    assert (police.name, police.aliases) == ("Riverton Constabulary", ["RP", "Riverton Police"])


def test_a_name_another_agency_answers_to_is_refused(client, alice, police):
    other = AgencyFactory(partnership=police.partnership, name="Riverton NHS Trust")
    client.force_login(alice)
    response = client.post(f"/agencies/{other.pk}/edit/", {"name": "RP", "aliases": ""})
    assert response.status_code == 400
    assert "Riverton Police is already called that: merge the two instead" in text_of(response)
    assert Agency.objects.get(pk=other.pk).name == "Riverton NHS Trust"


def test_merging_moves_actions_and_leads_and_keeps_history(client, alice, bob, police, action):
    duplicate = AgencyFactory(partnership=police.partnership, name="Riverton Constabulary", aliases=["RC"])
    moved = ActionFactory(recommendation=action.recommendation, owner=duplicate)
    bob.agencies.set([duplicate])
    client.force_login(alice)
    response = client.post(f"/agencies/{duplicate.pk}/merge/", {"target": police.pk})
    assert response.status_code == 302
    assert not Agency.objects.filter(pk=duplicate.pk).exists()
    assert Action.objects.get(pk=moved.pk).owner == police
    assert list(bob.agencies.all()) == [police]
    police.refresh_from_db()
    assert police.aliases == ["RP", "Police", "Riverton Constabulary", "RC"]
    newest = changes_of(moved)[0]
    assert newest.why == "Riverton Constabulary merged into Riverton Police"
    assert len(changes_of(moved)) == 2  # created, then moved: the history is kept


def test_an_invited_person_sets_a_password_from_the_e_mail_and_signs_in(client, alice, police):
    client.force_login(alice)
    response = client.post("/people/invite/", {
        "email": "Nina.Nurse@example.org", "first_name": "Nina", "last_name": "Nurse",
        "role": "agency_lead", "agencies": [police.pk],
    })
    assert response.status_code == 302
    nina = User.objects.get(email="nina.nurse@example.org")
    assert (nina.partnership, nina.role) == (alice.partnership, "agency_lead")
    assert list(nina.agencies.all()) == [police]
    assert not nina.has_usable_password()
    (message,) = mail.outbox
    assert message.to == ["nina.nurse@example.org"]
    link = re.search(r"http://testserver(/password-reset/\S+/)", message.body).group(1)
    client.logout()
    form = client.get(link, follow=True)
    assert "Choose your password" in text_of(form)
    done = client.post(form.redirect_chain[-1][0], {"new_password1": "a long river path 42",
                                                    "new_password2": "a long river path 42"})
    assert done.status_code == 302
    signed_in = client.post("/sign-in/", {"username": nina.username, "password": "a long river path 42"})
    assert signed_in.status_code == 302 and signed_in.url == "/"


def test_an_agency_lead_needs_an_agency_and_a_deactivated_person_cannot_sign_in(client, alice, bob):
    client.force_login(alice)
    response = client.post(f"/people/{bob.pk}/", {"role": "agency_lead", "active": "True"})
    assert "An agency lead needs at least one agency" in text_of(response)
    response = client.post(f"/people/{bob.pk}/", {"role": "viewer", "active": "False"})
    assert response.status_code == 302
    bob.refresh_from_db()
    assert (bob.role, bob.is_active) == ("viewer", False)
    client.logout()
    refused = client.post("/sign-in/", {"username": "bob", "password": "correct horse battery staple"})
    assert refused.status_code != 302


def test_an_admin_cannot_deactivate_themselves(client, alice):
    client.force_login(alice)
    response = client.post(f"/people/{alice.pk}/", {"role": "partnership_admin", "active": "False"})
    assert "you cannot change your own role or deactivate yourself" in text_of(response).lower()
    assert User.objects.get(pk=alice.pk).is_active


def test_everyone_changes_their_own_password(client, dave):
    client.force_login(dave)
    assert "Change your password" in text_of(client.get("/account/password/"))
    response = client.post("/account/password/", {
        "old_password": "correct horse battery staple",
        "new_password1": "a brand new phrase 17", "new_password2": "a brand new phrase 17",
    })
    assert response.status_code == 302
    dave.refresh_from_db()
    assert dave.check_password("a brand new phrase 17")


def test_a_forgotten_password_is_reset_by_e_mail(client, dave):
    dave.email = "dave@example.org"
    dave.save()
    response = client.post("/password-reset/", {"email": "dave@example.org"})
    assert response.status_code == 302
    (message,) = mail.outbox
    assert "/password-reset/" in message.body and message.subject == "Reset your actionplan password"


def test_an_invited_person_can_be_sent_the_link_again(client, alice, dave):
    dave.set_unusable_password()
    dave.email = "dave@example.org"
    dave.save()
    client.force_login(alice)
    assert "Send the link to set a password again" in text_of(client.get(f"/people/{dave.pk}/"))
    response = client.post(f"/people/{dave.pk}/link/", follow=True)
    assert "dave@example.org has been sent a new link" in text_of(response)
    (message,) = mail.outbox
    assert message.to == ["dave@example.org"] and "/password-reset/" in message.body


def test_an_account_outside_every_partnership_is_not_changed_here(alice, police):
    """Such an account (a superuser's) is kept in Django's admin: the rule refuses it, stores nothing."""
    outsider = UserFactory(username="root", partnership=None, role=User.Role.VIEWER)
    with pytest.raises(PermissionDenied, match="an account outside a partnership"):
        people.change_person(outsider, alice, role="agency_lead", agencies=[police], active=False)
    outsider.refresh_from_db()
    assert (outsider.role, outsider.is_active, list(outsider.agencies.all())) == ("viewer", True, [])


def test_a_site_administrator_in_the_partnership_is_not_changed_by_its_admin(client, alice, partnership):
    root = UserFactory(username="root", partnership=partnership, is_superuser=True, is_staff=True)
    client.force_login(alice)
    assert client.get(f"/people/{root.pk}/").status_code == 404
    assert client.post(f"/people/{root.pk}/", {"role": "viewer", "active": "False"}).status_code == 404
    root.refresh_from_db()
    assert root.is_active and root.is_superuser

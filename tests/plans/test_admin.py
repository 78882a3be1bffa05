import pytest

from actionplan.plans.models import Agency
from factories import ActionFactory, AgencyFactory, UserFactory

pytestmark = pytest.mark.django_db

MODELS = [
    "partnership",
    "agency",
    "theme",
    "review",
    "plan",
    "section",
    "recommendation",
    "action",
    "progressupdate",
    "evidence",
    "user",
]


@pytest.mark.parametrize("model", MODELS)
def test_a_partnership_admin_can_list_and_add_every_model(client, alice, action, model):
    client.force_login(alice)
    assert client.get(f"/admin/plans/{model}/").status_code == 200
    if model != "partnership":
        assert client.get(f"/admin/plans/{model}/add/").status_code == 200


def test_the_action_history_view_shows_changes(client, alice, action):
    action.text = "Changed text"
    action.save()
    client.force_login(alice)
    page = client.get(f"/admin/plans/action/{action.pk}/history/")
    assert page.status_code == 200
    assert b"Changed text" in page.content or b"Changed" in page.content


def test_the_admin_shows_nothing_of_another_partnership(client, alice, eve, police):
    theirs = AgencyFactory(partnership=eve.partnership, name="Elsewhere Police")
    client.force_login(alice)
    assert b"Riverton Police" in client.get("/admin/plans/agency/").content
    assert b"Elsewhere Police" not in client.get("/admin/plans/agency/").content
    assert client.get(f"/admin/plans/agency/{theirs.pk}/change/").status_code == 302  # "not found" redirect
    assert Agency.objects.filter(pk=theirs.pk).exists()


@pytest.mark.parametrize("who", ["bob", "charlie", "dave"])
def test_other_roles_do_not_get_the_admin(client, request, who):
    user = request.getfixturevalue(who)
    user.is_staff = True  # even if someone ticks the box by mistake
    user.save()
    client.force_login(user)
    assert client.get("/admin/plans/action/").status_code == 403


def test_a_partnership_admin_cannot_grant_superuser(client, alice, dave):
    client.force_login(alice)
    page = client.get(f"/admin/plans/user/{dave.pk}/change/")
    assert b'name="is_superuser"' not in page.content


def test_history_pages_of_another_partnership_are_refused(client, alice, eve):
    theirs = ActionFactory(recommendation__plan__partnership=eve.partnership)
    theirs.text = "Changed elsewhere"
    theirs.save()
    record = theirs.history.first()
    client.force_login(alice)
    assert client.get(f"/admin/plans/action/{theirs.pk}/history/").status_code in {302, 403, 404}
    revert = client.post(
        f"/admin/plans/action/{theirs.pk}/history/{record.history_id}/", {"text": "hijacked"}
    )
    assert revert.status_code in {302, 403, 404}
    theirs.refresh_from_db()
    assert theirs.text == "Changed elsewhere"


def test_a_partnership_admin_cannot_reach_a_superuser(client, alice, partnership):
    root = UserFactory(username="root", partnership=partnership, is_superuser=True, is_staff=True)
    client.force_login(alice)
    assert b"root" not in client.get("/admin/plans/user/").content
    assert client.get(f"/admin/plans/user/{root.pk}/password/").status_code in {302, 403, 404}


def test_rule_governed_fields_are_read_only_in_the_admin(client, alice, action):
    client.force_login(alice)
    page = client.get(f"/admin/plans/action/{action.pk}/change/")
    assert b'name="status"' not in page.content
    assert b'name="assurance"' not in page.content
    assert b'name="text"' in page.content

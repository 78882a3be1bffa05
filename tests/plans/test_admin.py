"""The Django admin is for the site's superusers; even they cannot rewrite the record there."""

import pytest

from actionplan.plans.models import Action, Evidence, ProgressUpdate
from actionplan.plans.updates import record_progress, submit_evidence
from factories import UserFactory

pytestmark = pytest.mark.django_db

MODELS = ["partnership", "agency", "theme", "review", "plan", "section", "recommendation", "action", "user"]
RECORD = ["progressupdate", "evidence"]


@pytest.fixture
def root(partnership):
    return UserFactory(username="root", is_superuser=True, is_staff=True)


@pytest.fixture
def update(action, bob):
    return record_progress(action, bob, "Training plan agreed", on=action.due_date)


@pytest.fixture
def evidence(action, bob):
    return submit_evidence(action, bob, "Audit of referrals", link="https://example.org/audit")


@pytest.mark.parametrize("model", MODELS + RECORD)
def test_a_superuser_can_list_every_model(client, root, action, model):
    client.force_login(root)
    assert client.get(f"/admin/plans/{model}/").status_code == 200


@pytest.mark.parametrize("model", MODELS)
def test_a_superuser_can_add_the_set_up(client, root, model):
    client.force_login(root)
    assert client.get(f"/admin/plans/{model}/add/").status_code == 200


@pytest.mark.parametrize("who", ["alice", "bob", "charlie", "dave"])
def test_no_partnership_role_gets_the_admin(client, request, who, action):
    user = request.getfixturevalue(who)
    user.is_staff = True  # even if someone ticks the box by mistake
    user.save()
    client.force_login(user)
    for path in ["/admin/", "/admin/plans/action/", f"/admin/plans/action/{action.pk}/change/"]:
        response = client.get(path)
        assert response.status_code == 302 and response.url.startswith("/admin/login/"), path


def test_progress_updates_and_evidence_cannot_be_added_changed_or_deleted(client, root, update, evidence):
    client.force_login(root)
    for model, row in [("progressupdate", update), ("evidence", evidence)]:
        assert client.get(f"/admin/plans/{model}/add/").status_code == 403
        page = client.get(f"/admin/plans/{model}/{row.pk}/change/")
        assert page.status_code == 200 and b'name="text"' not in page.content  # shown, read-only
        assert client.post(f"/admin/plans/{model}/{row.pk}/change/", {"text": "forged"}).status_code == 403
        assert client.post(f"/admin/plans/{model}/{row.pk}/delete/", {"post": "yes"}).status_code == 403
    update.refresh_from_db()
    evidence.refresh_from_db()
    assert update.text == "Training plan agreed" and evidence.description == "Audit of referrals"


def test_nothing_holding_the_record_can_be_deleted(client, root, update):
    client.force_login(root)
    action = update.action
    for model, pk in [
        ("action", action.pk),
        ("recommendation", action.recommendation_id),
        ("plan", action.recommendation.plan_id),
    ]:
        assert client.post(f"/admin/plans/{model}/{pk}/delete/", {"post": "yes"}).status_code == 403
    assert ProgressUpdate.objects.filter(pk=update.pk).exists()


def test_history_cannot_be_reverted(client, root, action):
    before = action.version
    action.text = "Changed text"
    action.save()
    record = action.history.last()  # the version as first saved
    client.force_login(root)
    assert b"Changed text" in client.get(f"/admin/plans/action/{action.pk}/history/").content
    reverted = client.post(f"/admin/plans/action/{action.pk}/history/{record.history_id}/", {"text": "old"})
    assert reverted.status_code == 403
    action.refresh_from_db()
    assert action.text == "Changed text" and action.version >= before


def test_rule_governed_fields_are_read_only_in_the_admin(client, root, action):
    client.force_login(root)
    page = client.get(f"/admin/plans/action/{action.pk}/change/")
    assert b'name="status"' not in page.content
    assert b'name="assurance"' not in page.content
    assert b'name="text"' in page.content


def test_the_record_refuses_changes_from_code_too(update, evidence, charlie):
    from actionplan.plans.models import RecordIsFinal
    from actionplan.plans.updates import decide_evidence

    update.text = "forged"
    with pytest.raises(RecordIsFinal):
        update.save()
    with pytest.raises(RecordIsFinal):
        update.delete()
    evidence.description = "forged"
    with pytest.raises(RecordIsFinal):
        evidence.save()
    evidence.refresh_from_db()
    decide_evidence(evidence, charlie, accept=True)  # the one decision is allowed
    evidence.decision = Evidence.Decision.REJECTED
    with pytest.raises(RecordIsFinal):
        evidence.save()
    with pytest.raises(RecordIsFinal):
        evidence.delete()
    assert Action.objects.get(pk=evidence.action_id).evidence.get().decision == Evidence.Decision.ACCEPTED


def test_a_persons_role_and_agencies_have_a_history_page(client, root, bob, police):
    bob.agencies.set([])
    bob.role = "viewer"
    bob.save()
    client.force_login(root)
    page = client.get(f"/admin/plans/user/{bob.pk}/history/")
    assert page.status_code == 200
    versions = list(bob.history.order_by("history_date", "history_id"))
    assert [v.role for v in versions][0] == "agency_lead" and versions[-1].role == "viewer"
    assert police.pk in {row.agency_id for row in versions[1].agencies.all()}
    assert not versions[-1].agencies.exists()

"""An updated version of a stored plan: compared, then applied as changes with history;
progress updates and evidence are never lost."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from scenes import evidence_of, text_of

from actionplan.plans.models import Action, Plan, ProgressUpdate

pytestmark = pytest.mark.django_db

HEADER = "Recommendation,Action,Lead agency,Target date"
FIRST = [
    "1. Share information early,Write the information sharing protocol,Riverton Police,31/03/2027",
    "1. Share information early,Train front-line staff,Riverton Police,30/06/2027",
    "1. Share information early,Audit twenty case files,Riverton Police,30/09/2027",
]
SECOND = [
    "1. Share information early,Write the information sharing protocol,Riverton Police,31/03/2027",
    "1. Share information early,Train all front-line staff,Riverton Police,31/12/2027",
    "1. Share information early,Brief the board on the protocol,Riverton Police,31/01/2028",
]


def document(rows: list[str]) -> bytes:
    return "\n".join(["Child Y action plan", HEADER, *rows]).encode()


def upload(client, name: str, rows: list[str]) -> str:
    return client.post("/import/", {"files": [SimpleUploadedFile(name, document(rows))]}).url


def test_an_updated_version_is_compared_and_applied_with_history(client, alice, bob, police, media):
    client.force_login(alice)
    client.post(upload(client, "child-y.csv", FIRST), {"decision": "confirm"})
    plan = Plan.objects.get()
    training = Action.objects.get(text="Train front-line staff")
    audit = Action.objects.get(text="Audit twenty case files")
    ProgressUpdate.objects.create(action=training, author=bob, text="Two courses held", status="in_progress",
                                  written_on=date(2027, 1, 5))
    evidence = evidence_of(training, bob)

    url = upload(client, "child-y-v2.csv", SECOND)
    assert client.post(f"{url}updates/", {"plan": str(plan.pk)}).status_code == 302
    page = text_of(client.get(url))
    assert "Changes to Child Y action plan" in page
    assert "Changed action" in page and "Train all front-line staff (31/12/2027)" in page
    assert "New action" in page and "Brief the board on the protocol" in page
    assert "Removed action" in page and "Audit twenty case files" in page
    assert Action.objects.count() == 3  # nothing changed before confirm

    response = client.post(url, {"decision": "confirm"}, follow=True)
    assert "Updated Child Y action plan from child-y-v2.csv" in text_of(response)
    assert Plan.objects.count() == 1
    training.refresh_from_db()
    assert (training.text, training.due_text) == ("Train all front-line staff", "31/12/2027")
    assert training.updates.filter(text="Two courses held").exists()
    assert training.evidence.filter(pk=evidence.pk).exists()
    assert training.history.first().history_change_reason == "Updated from child-y-v2.csv"
    briefing = Action.objects.get(text="Brief the board on the protocol")
    assert briefing.recommendation == training.recommendation
    assert audit.updates.filter(text__startswith="No longer in the updated document child-y-v2.csv").exists()
    assert Plan.objects.get().source_name == "child-y-v2.csv"


def test_only_a_plan_of_the_partnership_can_be_updated(client, alice, police, eve):
    client.force_login(alice)
    theirs = Plan.objects.create(partnership=eve.partnership, title="Mr Z plan")
    url = upload(client, "child-y.csv", FIRST)
    assert client.post(f"{url}updates/", {"plan": str(theirs.pk)}).status_code == 404
    client.post(url, {"decision": "confirm"})
    assert theirs.recommendations.count() == 0


def test_a_recommendation_no_longer_in_the_document_is_kept_with_a_note(client, alice, police):
    client.force_login(alice)
    lone = "2. Audit the front door,,,"
    client.post(upload(client, "child-y.csv", [*FIRST, lone]), {"decision": "confirm"})
    plan = Plan.objects.get()
    url = upload(client, "child-y-v2.csv", FIRST)
    client.post(f"{url}updates/", {"plan": str(plan.pk)})
    assert "Removed recommendation" in text_of(client.get(url))
    client.post(url, {"decision": "confirm"})
    front_door = plan.recommendations.get(ref="2")
    assert front_door.notes[-1]["text"].startswith("No longer in the updated document child-y-v2.csv")
    assert front_door.history.first().history_change_reason == "Updated from child-y-v2.csv"

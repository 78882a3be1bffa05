"""An action of an import in progress split in two or joined to the next: kept with the
import, shown again when it is resumed, and stored so on confirm."""

from __future__ import annotations

import pytest
from django.test import Client
from import_uploads import map_columns, upload
from scenes import text_of

from actionplan.plans import import_drafts
from actionplan.plans.draft_edits import edit_key, join, reshape, split
from actionplan.plans.models import Action, ImportDraft, Recommendation
from factories import UserFactory

pytestmark = pytest.mark.django_db


def actions(texts: list[str]) -> list[dict]:
    return [{"text": t, "owners": [f"owner of {t}"], "due": {"text": f"due of {t}"}, "ref": t[0],
             "owner_readings": [], "measure": None, "progress": None} for t in texts]


def test_a_split_keeps_the_owner_and_due_on_both_halves_and_the_ref_on_the_first():
    first, second = reshape(actions(["Train and audit"]), [
        {"do": "split", "at": 0, "texts": ["Train", "Audit"]}])
    assert (first["text"], second["text"]) == ("Train", "Audit")
    assert first["owners"] == second["owners"] == ["owner of Train and audit"]
    assert first["due"] == second["due"] == {"text": "due of Train and audit"}
    assert (first["ref"], second["ref"]) == ("T", None)


def test_a_join_keeps_both_texts_both_owners_and_the_first_due():
    [joined, last] = reshape(actions(["Train", "Audit", "Report"]), [
        {"do": "join", "at": 0, "text": "Train\nAudit"}])
    assert joined["text"] == "Train\nAudit" and last["text"] == "Report"
    assert joined["owners"] == ["owner of Train", "owner of Audit"]
    assert joined["due"] == {"text": "due of Train"}


def test_the_corrections_of_later_actions_move_with_them():
    edits = {edit_key(0, 1, 0, "due"): "June 2027", edit_key(0, 1, 1, "text"): "Report",
             edit_key(0, 2, 1, "text"): "another row"}
    after = split(edits, 0, 1, 0, 2, ("Train", "Audit"))
    assert after[edit_key(0, 1, 0, "due")] == after[edit_key(0, 1, 1, "due")] == "June 2027"
    assert after[edit_key(0, 1, 2, "text")] == "Report"
    assert after[edit_key(0, 2, 1, "text")] == "another row"  # another row is left alone
    shown = reshape(actions(["Train and audit", "Report"]), [
        {"do": "split", "at": 0, "texts": ["Train", "Audit"]}])
    joined = join(after, 0, 1, 1, shown)
    assert edit_key(0, 1, 2, "text") not in joined  # the second of the two lives on in the join
    assert joined[edit_key(0, 1, 0, "due")] == "June 2027"


def test_an_action_is_split_then_resumed_and_stored_as_two(signed_in, alice):
    url = upload(signed_in)
    map_columns(signed_in, url)
    row = f"{url}rows/0/0/"
    assert "Split action 1 in two" in text_of(signed_in.get(row))
    form = text_of(signed_in.get(f"{row}split/0/"))
    assert "Run training on information sharing" in form and "31/03/2027" in form
    refused = signed_in.post(f"{row}split/0/", {"first": "Run training", "second": " "})
    assert refused.status_code == 400 and "Enter the text of the second action" in text_of(refused)
    response = signed_in.post(f"{row}split/0/", {"first": "Run training on information sharing",
                                                 "second": "Audit what the training changed"})
    assert response.status_code == 302
    signed_in.post(row, {"0:0:1:due": "30/09/2027"})
    resumed = Client()
    resumed.force_login(alice)  # a new visit: the split is kept with the import, not the session
    page = text_of(resumed.get(row))
    assert "Audit what the training changed" in page and "Join action 1 and action 2" in page
    resumed.post(url, {"decision": "confirm"})
    recommendation = Recommendation.objects.get(ref="1")
    first, second = recommendation.actions.order_by("order", "pk")
    assert first.text == "Run training on information sharing"
    assert second.text == "Audit what the training changed"
    assert first.due_text == "31/03/2027" and second.due_text == "30/09/2027"
    assert (first.owner, first.owner_role) == (second.owner, second.owner_role)


def test_two_actions_are_joined_into_one(signed_in):
    url = upload(signed_in)
    map_columns(signed_in, url)
    row = f"{url}rows/0/2/"
    signed_in.post(f"{row}split/0/", {"first": "Audit case records", "second": "Report to the board"})
    signed_in.post(row, {"0:2:1:owner": "Riverton Police; Riverton Health"})
    assert signed_in.post(f"{row}join/1/").status_code == 404  # no action after the last
    assert signed_in.post(f"{row}join/0/").status_code == 302
    [shown] = import_drafts.read(ImportDraft.objects.get()).plans[0]["items"][2]["actions"]
    assert shown["owners"] == ["Riverton Police", "Riverton Health"]
    signed_in.post(url, {"decision": "confirm"})
    [joined] = Action.objects.filter(recommendation__ref="3")
    assert joined.text == "Audit case records\nReport to the board"
    assert joined.owner is not None and joined.owner.name == "Riverton Police"


def test_another_persons_import_cannot_be_split_or_joined(signed_in, partnership, alice):
    url = upload(signed_in)
    map_columns(signed_in, url)
    other = Client()
    other.force_login(UserFactory(username="grace", partnership=partnership, role=alice.role))
    before = ImportDraft.objects.values_list("edits", flat=True).get()
    assert other.get(f"{url}rows/0/0/split/0/").status_code == 404
    assert other.post(f"{url}rows/0/0/split/0/", {"first": "a", "second": "b"}).status_code == 404
    assert other.post(f"{url}rows/0/0/join/0/").status_code == 404
    assert ImportDraft.objects.values_list("edits", flat=True).get() == before
    assert signed_in.get(f"{url}rows/0/0/split/5/").status_code == 404

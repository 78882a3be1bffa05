"""The board's decision on each recommendation in the import preview: shown, corrected on its
row, and stored on confirming (ADR 85)."""

from __future__ import annotations

import pytest
from import_uploads import upload
from scenes import text_of

from actionplan.plans import import_drafts
from actionplan.plans.models import ImportDraft, Recommendation
from importing.decided_plans import tracker_with_decision_column

pytestmark = pytest.mark.django_db


def test_the_decision_is_shown_corrected_and_stored(signed_in):
    url = upload(signed_in, "child-l.xlsx", tracker_with_decision_column())
    page = text_of(signed_in.get(url))
    row = page.split('id="row-0-2"')[1].split("</tr>")[0]
    assert "Board's decision:</strong> Accepted in part: virtual attendance only" in row
    assert "Board's decision" not in page.split('id="row-0-3"')[1].split("</tr>")[0]

    form = text_of(signed_in.get(f"{url}rows/0/3/"))
    assert "Board&#39;s decision" in form or "Board's decision" in form
    refused = signed_in.post(f"{url}rows/0/3/", {"0:3:-:decision": "Maybe later",
                                                 "0:3:-:ref": "4a"}, follow=True)
    assert "is not a decision" in text_of(refused)
    row = text_of(signed_in.get(url)).split('id="row-0-3"')[1].split("</tr>")[0]
    assert "4a" in row and "Board's decision" not in row  # the rest saved, no decision guessed
    signed_in.post(f"{url}rows/0/3/", {"0:3:-:ref": "4"})
    signed_in.post(f"{url}rows/0/3/", {"0:3:-:decision": "Not accepted - housing is on the MASH"})
    row = text_of(signed_in.get(url)).split('id="row-0-3"')[1].split("</tr>")[0]
    assert "Not accepted: housing is on the MASH" in row

    signed_in.post(url, {"decision": "confirm"})
    stored = Recommendation.objects.get(ref="4")
    assert (stored.decision, stored.decision_reason) == (
        Recommendation.Decision.NOT_ACCEPTED, "housing is on the MASH")
    assert Recommendation.objects.get(ref="3").decision == Recommendation.Decision.ACCEPTED_IN_PART


def test_a_refused_decision_keeps_the_rows_other_corrections(signed_in):
    url = upload(signed_in, "child-l.xlsx", tracker_with_decision_column())
    refused = signed_in.post(f"{url}rows/0/0/", {
        "0:0:-:decision": "Maybe later", "0:0:-:recommendation": "Health visitors should see fathers too.",
        "0:0:0:text": "Add fathers and carers to the visit template.", "0:0:0:owner": "0-19 Service; GP",
        "0:0:0:due": "April 2026", "0:0:0:status": "In progress", "0:0:1:not_an_action": "yes",
    }, follow=True)
    assert "“Maybe later” is not a decision" in text_of(refused)
    draft = ImportDraft.objects.get()
    item = import_drafts.read(draft, settle=False).plans[0]["items"][0]
    assert item["recommendation"] == "Health visitors should see fathers too."
    assert item["decision"]["value"] == "accepted"  # the document's "Y" stands, neither guessed nor cleared
    first, second = item["actions"]
    assert (first["text"], first["owners"], first["due"]["text"], first["status"]["text"]) == (
        "Add fathers and carers to the visit template.", ["0-19 Service", "GP"], "April 2026",
        "In progress")
    assert second["not_an_action"] is True
    assert "0:0:-:decision" not in draft.edits


def test_a_decision_wording_that_states_none_is_refused_from_one_place(signed_in):
    upload(signed_in, "child-l.xlsx", tracker_with_decision_column())
    draft = ImportDraft.objects.get()
    assert import_drafts.correct(draft, {"0:2:-:decision": "Accepted, but not in full",
                                         "0:2:-:ref": "3a"}) == ["Accepted, but not in full"]
    assert draft.edits == {"0:2:-:ref": "3a"}
    # Kept by a draft saved before the refusal, it leaves the decision read as it was.
    draft.edits = {"0:2:-:decision": "Accepted, but not in full"}
    item = import_drafts.read(draft, settle=False).plans[0]["items"][2]
    assert item["decision"]["value"] == "accepted_in_part"
    draft.edits = {"0:2:-:decision": ""}  # a blank correction clears it
    assert import_drafts.read(draft, settle=False).plans[0]["items"][2]["decision"] is None

"""Plans in layouts unlike the seeds through the import pages (one of each rule the layouts
needed: labelled prose in Word and text, headers in another word order, wrapped PDF cells,
a table on its side, numbered paragraphs, Markdown's pipe tables, a table inside a cell,
tracked changes, a row split over pages):
the preview shows what the importer read, and confirming stores every action of it."""

from __future__ import annotations

from functools import cache

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from scenes import text_of

from actionplan.importing import parse_bytes
from actionplan.plans.models import Action, Plan
from importing.test_unseen_forms import DOCUMENTS as FORMS
from importing.test_unseen_layouts import DOCUMENTS  # tests/ is on the path (its conftest.py)
from importing.test_unseen_papers import DOCUMENTS as PAPERS
from importing.test_unseen_trackers import DOCUMENTS as TRACKERS

pytestmark = pytest.mark.django_db


@cache
def document(name: str) -> bytes:
    return (DOCUMENTS | FORMS | TRACKERS | PAPERS)[name]()


@pytest.mark.parametrize("name", ["adult-t.docx", "child-w.txt", "dhr-jean.xlsx",
                                  "child-n.pdf", "child-k.docx", "mrs-f.docx", "baby-j.md",
                                  "mr-b.docx", "linda.docx", "child-e.pdf"])
def test_the_preview_shows_the_plan_and_confirming_stores_it(client, alice, partnership, name):
    client.force_login(alice)
    draft = parse_bytes(document(name), name)
    preview = client.post("/import/", {"files": [SimpleUploadedFile(name, document(name))]}).url
    page = text_of(client.get(preview))
    assert "Nothing has been stored yet" in page
    actions = [action for item in draft.items for action in item.actions]
    assert f"{len(draft.items)} items, {len(actions)} actions" in page
    for action in actions:
        assert action.text in page
        for owner in action.owners:
            assert owner in page

    client.post(preview, {"decision": "confirm"})
    plan = Plan.objects.get(partnership=partnership)
    stored = Action.objects.filter(recommendation__plan=plan)
    assert sorted((a.text, a.due_text) for a in stored) == sorted(
        (a.text, a.due.text if a.due else "") for a in actions)
    by_text = {action.text: action for action in actions}
    for action in stored:  # an agency its owners name answers for it, else none is guessed
        named = [r.agency for r in by_text[action.text].owner_readings if r.agency]
        assert (action.owner.name if action.owner else None) == (named[0] if named else None)


def test_the_preview_says_tracked_changes_were_accepted(client, alice, partnership):
    client.force_login(alice)
    upload = SimpleUploadedFile("linda.docx", document("linda.docx"))
    page = text_of(client.get(client.post("/import/", {"files": [upload]}).url))
    assert "tracked changes read as accepted (1 insertion(s), 2 deletion(s))" in page
    assert "1 comment(s) left in the document not read" in page
    assert "Integrated Care Board and GP Federation" in page  # the owner typed in as a change

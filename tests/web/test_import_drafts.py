"""Imports in progress: columns mapped, owners chosen, rows corrected, resumed from the list;
nothing stored before confirm, and another person's import never reachable."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from import_uploads import ROWS, map_columns, plan_csv, upload
from scenes import text_of

from actionplan.plans import import_drafts
from actionplan.plans.models import Action, Agency, ImportDraft, Plan, Recommendation
from actionplan.plans.store import DuplicateImport
from factories import UserFactory

pytestmark = pytest.mark.django_db


def test_an_unrecognised_header_is_mapped_and_read_again_at_once(signed_in):
    url = upload(signed_in)
    page = text_of(signed_in.get(url))
    assert "no recognisable header row" in page
    assert "Owner (agency) (67% sure)" in page  # the importer's best reading, with its confidence
    assert '<option value="owner" selected>' in page
    assert "Confirm and import" not in page
    map_columns(signed_in, url)
    page = text_of(signed_in.get(url))
    assert "no recognisable header row" not in page
    assert "Publish the escalation policy" in page and "Confirm and import" in page
    assert Plan.objects.count() == 0 and Recommendation.objects.count() == 0


def test_owners_are_chosen_once_and_remembered_for_the_next_import(signed_in, police):
    url = upload(signed_in)
    map_columns(signed_in, url)
    page = text_of(signed_in.get(url))
    assert page.count('name="owner" value="Safeguarding Children Project Manager"') == 1
    assert "2 owners to choose an agency for" in page  # Riverton Police is matched without asking
    assert "Matched to Riverton Police (100% sure)" in page
    signed_in.post(f"{url}owner/", {"owner": "Safeguarding Children Project Manager",
                                    "agency": str(police.pk), "role": "Head of Projects"})
    signed_in.post(f"{url}owner/", {"owner": "Riverton Youth Offending Service", "agency": "new",
                                    "name": "Riverton Youth Justice Service", "role": ""})
    assert Agency.objects.count() == 1  # nothing stored before confirm
    page = text_of(signed_in.get(url))
    new = page.split("New agencies to be created")[1].split("</dd>")[0]
    assert "Riverton Youth Justice Service" in new
    assert "owners to choose an agency for" not in page
    response = signed_in.post(url, {"decision": "confirm"})
    assert response.status_code == 302 and not ImportDraft.objects.exists()

    actions = {a.text: a for a in Action.objects.select_related("owner")}
    assert actions["Publish the escalation policy"].owner == police
    assert actions["Publish the escalation policy"].owner_role.startswith("Head of Projects, ")
    assert actions["Run training on information sharing"].owner.name == "Riverton Youth Justice Service"
    assert not Agency.objects.filter(name__icontains="Manager").exists()
    police.refresh_from_db()
    assert "Safeguarding Children Project Manager" in police.aliases

    renamed = ROWS[1].replace("Publish the escalation policy", "Train chairs")
    second = plan_csv("Child U action plan", [renamed])
    url = upload(signed_in, "child-u.csv", second)
    map_columns(signed_in, url)
    page = text_of(signed_in.get(url))
    assert "owners to choose an agency for" not in page
    assert "Matched to Riverton Police (100% sure)" in page
    signed_in.post(url, {"decision": "confirm"})
    assert Action.objects.get(text="Train chairs").owner == police


def test_a_row_is_corrected_and_one_kept_as_a_note(signed_in):
    url = upload(signed_in)
    map_columns(signed_in, url)
    row = f"{url}rows/0/2/"
    page = text_of(signed_in.get(row))
    assert "Audit case records" in page
    signed_in.post(row, {"0:2:-:ref": "3a", "0:2:0:text": "Audit fifty case records",
                         "0:2:0:due": "Summer term 2027"})
    signed_in.post(f"{url}rows/0/1/", {"0:1:0:not_an_action": "yes"})
    assert "Audit fifty case records" in text_of(signed_in.get(url))
    signed_in.post(url, {"decision": "confirm"})
    audit = Action.objects.get(text="Audit fifty case records")
    assert audit.recommendation.ref == "3a" and audit.due_text == "Summer term 2027"
    escalation = Recommendation.objects.get(ref="2")
    assert not escalation.actions.exists()
    assert {"column": "Not an action", "text": "Publish the escalation policy"} in escalation.notes


def test_an_import_is_resumed_from_the_list_or_discarded(signed_in):
    url = upload(signed_in)
    listing = text_of(signed_in.get("/import/"))
    assert "Imports in progress" in listing and f'href="{url}"' in listing and "child-t.csv" in listing
    response = signed_in.post(url, {"decision": "cancel"}, follow=True)
    assert "Import cancelled: nothing was stored" in text_of(response)
    assert "Imports in progress" not in text_of(signed_in.get("/import/"))
    assert signed_in.get(url).status_code == 404


def test_another_persons_import_is_never_reachable(signed_in, client, partnership, alice):
    url = upload(signed_in)
    map_columns(signed_in, url)
    colleague = UserFactory(username="grace", partnership=partnership, role=alice.role)
    other = Client()
    other.force_login(colleague)
    before = ImportDraft.objects.values_list("columns", "owners", "edits").get()
    assert other.get(url).status_code == 404
    assert other.get(f"{url}rows/0/0/").status_code == 404
    assert other.post(f"{url}columns/", {"header-1": "Named lead", "role-1": "notes"}).status_code == 404
    assert other.post(url, {"decision": "confirm"}).status_code == 404
    assert other.post(url, {"decision": "cancel"}).status_code == 404
    assert "child-t.csv" not in text_of(other.get("/import/"))
    assert ImportDraft.objects.values_list("columns", "owners", "edits").get() == before
    assert Plan.objects.count() == 0


def test_confirm_stores_all_or_nothing(signed_in):
    url = upload(signed_in)
    map_columns(signed_in, url)
    signed_in.post(url, {"decision": "confirm"})
    again = upload(signed_in)
    map_columns(signed_in, again)
    counts = Plan.objects.count(), Agency.objects.count(), Action.objects.count()
    response = signed_in.post(again, {"decision": "confirm"}, follow=True)
    assert "Not imported" in text_of(response) and "already imported" in text_of(response)
    assert (Plan.objects.count(), Agency.objects.count(), Action.objects.count()) == counts
    assert ImportDraft.objects.filter(pk=int(again.strip("/").rsplit("/", 1)[-1])).exists()


def workbook(*sheets: str) -> bytes:
    """A workbook of one small plan a sheet, each sheet named as given."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name in sheets:
        sheet = book.create_sheet(name)
        sheet.append(["Recommendation", "Action", "Lead agency", "Target date"])
        sheet.append([f"1. Share early in {name}", f"Write the {name} protocol", "Riverton Police",
                      "31/03/2027"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_every_plan_of_a_workbook_is_stored_in_one_transaction(signed_in, monkeypatch):
    url = upload(signed_in, "plans.xlsx", workbook("North", "South"))
    assert "Write the South protocol" in text_of(signed_in.get(url))
    stored_once = import_drafts.store_draft

    def refuse_the_second(plan: dict, partnership: object, **given: object) -> object:
        if Plan.objects.exists():  # the first sheet's plan is stored: refuse the second
            raise DuplicateImport(plan["source"]["path"], Plan.objects.get())
        return stored_once(plan, partnership, **given)

    monkeypatch.setattr(import_drafts, "store_draft", refuse_the_second)
    response = signed_in.post(url, {"decision": "confirm"}, follow=True)
    assert "Not imported" in text_of(response)
    assert not Plan.objects.exists() and not Action.objects.exists()
    assert ImportDraft.objects.filter(file_name="plans.xlsx").exists()
    monkeypatch.undo()
    signed_in.post(url, {"decision": "confirm"})
    assert set(Plan.objects.values_list("title", flat=True)) == {"plans (North)", "plans (South)"}


def test_a_document_refused_outright_keeps_no_draft(signed_in):
    response = signed_in.post("/import/", {"files": [SimpleUploadedFile("empty.csv", b"")]})
    assert response.status_code == 400 and "empty.csv" in text_of(response)
    assert not ImportDraft.objects.exists()


def test_two_files_of_one_name_are_both_kept(signed_in, alice):
    first, second = plan_csv("Child T action plan"), plan_csv("Child U action plan")
    response = signed_in.post("/import/", {"files": [SimpleUploadedFile("plan.csv", first),
                                                     SimpleUploadedFile("plan.csv", second)]})
    assert response.status_code == 302
    assert [bytes(d.document) for d in ImportDraft.objects.filter(owner=alice).order_by("pk")] == [
        first, second]


def test_the_list_says_when_each_import_in_progress_is_removed(signed_in, settings):
    settings.ACTIONPLAN_IMPORT_DRAFT_DAYS = 10
    url = upload(signed_in)
    draft = ImportDraft.objects.get()
    ImportDraft.objects.filter(pk=draft.pk).update(updated_at=datetime(2027, 3, 1, 12, tzinfo=UTC))
    listing = text_of(signed_in.get("/import/"))
    assert f'href="{url}"' in listing and "11 March 2027" in listing
    assert "An import nobody changes for 10 days is removed" in listing


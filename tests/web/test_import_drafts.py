"""Imports in progress: columns mapped, owners chosen, rows corrected, resumed from the list;
nothing stored before confirm, and another person's import never reachable."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from scenes import text_of

from actionplan.plans import import_drafts
from actionplan.plans.models import Action, Agency, ImportDraft, Plan, Recommendation
from actionplan.plans.store import DuplicateImport
from actionplan.web.import_pages import place_warnings
from factories import UserFactory

pytestmark = pytest.mark.django_db

HEADER = "Issue identified,Steps to take,Named lead,Completion target"
ROWS = [
    "1. Professionals did not share concerns,Run training on information sharing,"
    "Riverton Youth Offending Service,31/03/2027",
    "2. Escalation was not used,Publish the escalation policy,Safeguarding Children Project Manager,"
    "Q1 2027/28",
    "3. Records were incomplete,Audit case records,Riverton Police,30/06/2027",
]
COLUMNS = {"Issue identified": "recommendation", "Steps to take": "action", "Named lead": "owner",
           "Completion target": "due"}


def plan_csv(title: str = "Child T action plan", rows: list[str] = ROWS) -> bytes:
    return "\n".join([title, HEADER, *rows]).encode()


def upload(client: Client, name: str = "child-t.csv", content: bytes | None = None) -> str:
    response = client.post("/import/", {"files": [SimpleUploadedFile(name, content or plan_csv())]})
    assert response.status_code == 302, text_of(response)[:500]
    return response.url


def map_columns(client: Client, url: str, columns: dict[str, str] = COLUMNS) -> None:
    data = {}
    for n, (header, role) in enumerate(columns.items(), start=1):
        data |= {f"header-{n}": header, f"role-{n}": role}
    assert client.post(f"{url}columns/", data).status_code == 302


@pytest.fixture
def signed_in(client, alice, police):
    client.force_login(alice)
    return client


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


def test_warnings_go_beside_the_row_they_are_about():
    plan = {"items": [{"line": 3}, {"line": 5}, {"line": None}, {"line": 9}],
            "warnings": [{"line": 1, "message": "title"}, {"line": 6, "message": "in the second"},
                         {"line": 9, "message": "in the last"}, {"line": None, "message": "overall"}]}
    general, by_item = place_warnings(plan)
    assert [w["message"] for w in general] == ["title", "overall"]
    assert {i: [w["message"] for w in ws] for i, ws in by_item.items()} == {
        1: ["in the second"], 3: ["in the last"]}


def test_a_column_read_wrongly_is_corrected_and_read_again(signed_in):
    plan = b"Child V action plan\nRecommendation,Action,Lead,Target date,Remarks\n" \
           b"1. Share early,Write the protocol,Riverton Police,31/03/2027,Agreed at the March board\n"
    url = upload(signed_in, "child-v.csv", plan)
    page = text_of(signed_in.get(url))
    assert "Change what a column holds" in page and "Not recognised" in page
    assert '<option value="notes" selected>' in page  # Remarks: kept as notes, as read
    map_columns(signed_in, url, {"Recommendation": "recommendation", "Action": "action", "Lead": "owner",
                                 "Target date": "due", "Remarks": "progress"})
    draft = ImportDraft.objects.get()
    assert import_drafts.read(draft).plans[0]["items"][0]["actions"][0]["progress"] == \
        "Agreed at the March board"
    signed_in.post(url, {"decision": "confirm"})
    action = Action.objects.get(text="Write the protocol")
    assert "Agreed at the March board" in action.updates.first().text


def test_a_warning_is_shown_beside_its_row_and_marked_as_checked(signed_in):
    plan = (b"Child W plan\nRecommendation,Action,Lead,Target date\n"
            b"1. Share early,Write the protocol,Riverton Police,sometime soonish\n"
            b"2. Train,Run the course,Riverton Police,31/03/2027\n")
    url = upload(signed_in, "child-w.csv", plan)
    page = text_of(signed_in.get(url))
    row = page.split('id="row-0-0"')[1].split("</tr>")[0]
    assert "Line 3: due date not understood: 'sometime soonish'" in row
    assert "1 warnings to check" in page and "1 things left to look at" not in page
    assert "1 thing left to look at" in page
    response = signed_in.post(f"{url}warning/", {"key": "warning:0:0", "checked": "yes", "back": "#row-0-0"})
    assert response.url.endswith("#row-0-0")
    page = text_of(signed_in.get(url))
    assert "Nothing left to look at" in page and "Checked" in page
    assert signed_in.post(f"{url}warning/", {"key": "warning:0:9", "checked": "yes"}).status_code == 404
    away = signed_in.post(f"{url}warning/", {"key": "warning:0:0", "back": "https://example.org/"})
    assert away.url == url


def test_the_plans_title_and_kind_are_corrected(signed_in):
    url = upload(signed_in)
    map_columns(signed_in, url)
    assert signed_in.post(f"{url}plans/0/", {"title": "Child T improvement plan", "kind": "nonsense"}
                          ).status_code == 404
    signed_in.post(f"{url}plans/0/", {"title": "Child T improvement plan", "kind": "improvement_plan"})
    assert "Child T improvement plan" in text_of(signed_in.get(url))
    signed_in.post(url, {"decision": "confirm"})
    plan = Plan.objects.get()
    assert (plan.title, plan.kind) == ("Child T improvement plan", "improvement_plan")


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

    def refuse_the_second(plan: dict, partnership: object) -> object:
        if Plan.objects.exists():  # the first sheet's plan is stored: refuse the second
            raise DuplicateImport(plan["source"]["path"], Plan.objects.get())
        return stored_once(plan, partnership)

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


def test_new_columns_let_go_of_the_corrections_made_on_rows_they_move(signed_in):
    url = upload(signed_in)
    map_columns(signed_in, url)
    draft = ImportDraft.objects.get()
    import_drafts.correct(draft, {"0:0:0:text": "Run training", "section:Other": "3", "plan:0:title": "T"})
    map_columns(signed_in, url, {**COLUMNS, "Issue identified": "outcome"})
    draft.refresh_from_db()
    assert draft.edits == {"section:Other": "3", "plan:0:title": "T"}
    assert "check your corrections of rows" in text_of(signed_in.get(url))


def test_the_list_says_when_each_import_in_progress_is_removed(signed_in, settings):
    settings.ACTIONPLAN_IMPORT_DRAFT_DAYS = 10
    url = upload(signed_in)
    draft = ImportDraft.objects.get()
    ImportDraft.objects.filter(pk=draft.pk).update(updated_at=datetime(2027, 3, 1, 12, tzinfo=UTC))
    listing = text_of(signed_in.get("/import/"))
    assert f'href="{url}"' in listing and "11 March 2027" in listing
    assert "An import nobody changes for 10 days is removed" in listing


def test_a_workbooks_columns_mapped_by_hand_keep_its_merged_and_coloured_cells(signed_in):
    from importing.test_excel_mapped_columns import MAPPED, workbook

    url = upload(signed_in, "log.xlsx", workbook())
    assert "no recognisable header row" in text_of(signed_in.get(url))
    map_columns(signed_in, url, MAPPED)
    page = text_of(signed_in.get(url))
    assert "RAG read from cell colour 00B050 as green" in page
    second = import_drafts.read(ImportDraft.objects.get()).plans[0]["items"][1]["actions"][0]
    assert (second["owners"], second["rag"]) == (["Eastshire Adult Social Care"], "green")

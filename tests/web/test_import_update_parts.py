"""An updated version of a plan, beyond its actions' words: each sheet of a workbook updating
its own stored plan, an action given to another agency (a reassignment with history), and the
plan's sections (one renamed, one new, a recommendation moved)."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from scenes import text_of

from actionplan.plans.models import Action, Plan, ProgressUpdate, Recommendation, Section
from factories import AgencyFactory

pytestmark = pytest.mark.django_db
HEADER = ["Recommendation", "Action", "Lead agency", "Target date"]


@pytest.fixture
def signed_in(client, alice, police, partnership):
    AgencyFactory(partnership=partnership, name="Riverton Health")
    client.force_login(alice)
    return client


def upload(client, name: str, content: bytes) -> str:
    response = client.post("/import/", {"files": [SimpleUploadedFile(name, content)]})
    assert response.status_code == 302, text_of(response)[:300]
    return response.url


def workbook(sheets: dict[str, list[list[str]]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in [[f"{title} action plan"], HEADER, *rows]:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


CHILD_A = [["1. Share information early", "Write the protocol", "Riverton Police", "31/03/2027"],
           ["1. Share information early", "Train front-line staff", "Riverton Police", "30/06/2027"]]
CHILD_B = [["1. Escalate concerns", "Publish the escalation policy", "Riverton Health", "31/05/2027"]]


def test_each_sheet_of_a_workbook_updates_its_own_plan(signed_in):
    signed_in.post(upload(signed_in, "plans.xlsx", workbook({"Child A": CHILD_A, "Child B": CHILD_B})),
                   {"decision": "confirm"})
    child_a = Plan.objects.get(title__contains="Child A")
    child_b = Plan.objects.get(title__contains="Child B")
    training = Action.objects.get(text="Train front-line staff")
    ProgressUpdate.objects.create(action=training, text="Two courses held", status="in_progress",
                                  written_on=date(2027, 1, 5), author_name="Riverton Police")
    reworded = ["1. Share information early", "Train all front-line staff", "Riverton Police", "31/12/2027"]
    added = ["1. Escalate concerns", "Audit escalations", "Riverton Health", "31/08/2027"]
    url = upload(signed_in, "plans-v2.xlsx", workbook({"Child A": [CHILD_A[0], reworded],
                                                       "Child B": [*CHILD_B, added]}))
    assert signed_in.post(f"{url}updates/", {"plan": str(child_a.pk), "number": "0"}).status_code == 302
    assert signed_in.post(f"{url}updates/", {"plan": str(child_b.pk), "number": "1"}).status_code == 302
    twice = signed_in.post(f"{url}updates/", {"plan": str(child_a.pk), "number": "1"}, follow=True)
    assert "Another sheet of the document already updates" in text_of(twice)
    assert signed_in.post(f"{url}updates/", {"plan": str(child_b.pk), "number": "2"}).status_code == 404
    page = text_of(signed_in.get(url))
    assert f"Changes to {child_a.title}" in page and f"Changes to {child_b.title}" in page
    assert "Train all front-line staff (31/12/2027)" in page and "Audit escalations" in page

    response = signed_in.post(url, {"decision": "confirm"}, follow=True)
    assert f"Updated {child_b.title} from plans-v2.xlsx" in text_of(response)
    assert Plan.objects.count() == 2
    training.refresh_from_db()
    assert training.text == "Train all front-line staff" and training.updates.filter(text="Two courses held")
    assert Action.objects.get(text="Audit escalations").recommendation.plan == child_b


def csv(rows: list[str], header: str = "Recommendation,Action,Lead agency,Target date") -> bytes:
    return "\n".join(["Child Y action plan", header, *rows]).encode()


def test_an_action_given_to_another_agency_is_reassigned_with_history(signed_in, alice):
    rows = ["1. Share information early,Write the protocol,Riverton Police,31/03/2027"]
    signed_in.post(upload(signed_in, "child-y.csv", csv(rows)), {"decision": "confirm"})
    protocol = Action.objects.get()
    ProgressUpdate.objects.create(action=protocol, text="Drafted", status="in_progress",
                                  written_on=date(2027, 1, 5), author_name="Riverton Police")
    url = upload(signed_in, "child-y-v2.csv", csv([rows[0].replace("Riverton Police", "Riverton Health")]))
    signed_in.post(f"{url}updates/", {"plan": str(protocol.recommendation.plan_id)})
    page = text_of(signed_in.get(url))
    assert "Changed owner" in page and "Write the protocol: Riverton Police" in page
    assert "Write the protocol: Riverton Health" in page
    signed_in.post(url, {"decision": "confirm"})
    protocol.refresh_from_db()
    assert protocol.owner.name == "Riverton Health" and protocol.updates.filter(text="Drafted").exists()
    latest = protocol.history.first()
    assert latest.history_change_reason == "Updated from child-y-v2.csv" and latest.history_user == alice
    assert latest.prev_record.owner.name == "Riverton Police"


def test_a_section_renamed_a_new_one_and_a_recommendation_moved(signed_in):
    header = "Theme,Recommendation,Action,Lead agency"
    signed_in.post(upload(signed_in, "child-y.csv", csv([
        "Think family,1. Ask about the whole family,Add a family prompt,Riverton Police",
        "Think family,2. Record who lives at home,Audit household records,Riverton Police",
        "Escalation,3. Escalate sooner,Publish the escalation policy,Riverton Police",
    ], header)), {"decision": "confirm"})
    plan = Plan.objects.get()
    think_family = Section.objects.get(name="Think family")
    url = upload(signed_in, "child-y-v2.csv", csv([
        "Whole family,1. Ask about the whole family,Add a family prompt,Riverton Police",
        "Whole family,2. Record who lives at home,Audit household records,Riverton Police",
        "Whole family,3. Escalate sooner,Publish the escalation policy,Riverton Police",
        "Records,4. Keep chronologies,Write a chronology template,Riverton Police",
    ], header))
    signed_in.post(f"{url}updates/", {"plan": str(plan.pk)})
    page = text_of(signed_in.get(url))
    assert "Renamed section" in page and "New section" in page and "Moved recommendation" in page
    assert "3 in Escalation" in page and "3 in Whole family" in page
    signed_in.post(url, {"decision": "confirm"})
    think_family.refresh_from_db()
    assert think_family.name == "Whole family"  # the same section, its history kept
    assert think_family.history.filter(name="Think family").exists()
    assert Recommendation.objects.get(ref="3").section == think_family
    assert Recommendation.objects.get(ref="4").section.name == "Records"
    assert list(plan.sections.values_list("name", flat=True)) == ["Whole family", "Escalation", "Records"]


def tracker(decision: str, lead: str) -> bytes:
    return "\n".join([
        "Child C action plan",
        "Ref,Recommendation,Agreed (Y/N),Action,Lead agency,Target date",
        f"1,Agencies should share records,{decision},Write the protocol,{lead},31/03/2027",
    ]).encode()


def test_a_new_version_changes_the_boards_decision_and_who_shares_an_action(signed_in):
    signed_in.post(upload(signed_in, "child-c.csv", tracker("Y", "Riverton Police")), {"decision": "confirm"})
    plan = Plan.objects.get(title__contains="Child C")
    rec = Recommendation.objects.get(plan=plan)
    assert (rec.decision, list(rec.actions.get().joint_owners.all())) == ("accepted", [])

    url = upload(signed_in, "child-c-v2.csv",
                 tracker("Partially - police only", "Riverton Police / Riverton Health"))
    assert signed_in.post(f"{url}updates/", {"plan": str(plan.pk), "number": "0"}).status_code == 302
    page = text_of(signed_in.get(url))
    assert "Board's decision: Accepted in part: police only" in page
    assert "Write the protocol: Riverton Police with Riverton Health" in page
    signed_in.post(url, {"decision": "confirm"})

    rec.refresh_from_db()
    assert (rec.decision, rec.decision_reason) == ("accepted_in_part", "police only")
    action = rec.actions.get()
    assert [a.name for a in action.joint_owners.all()] == ["Riverton Health"]
    assert action.owner.name == "Riverton Police"
    assert Plan.objects.filter(title__contains="Child C").count() == 1

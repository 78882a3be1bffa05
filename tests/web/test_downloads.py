"""Reports downloaded from the pages, and exported workbooks given back with owners' updates."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from actionplan.plans.models import Action
from actionplan.reports.export_columns import PROGRESS
from reports.pages import download
from reports.workbooks import edit, export

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "format,content_type",
    [
        ("pdf", "application/pdf"),
        ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("csv", "text/csv"),
        ("json", "application/json"),
        ("html", "text/html"),
    ],
)
def test_a_viewer_downloads_each_format(client, dave, action, format, content_type):
    client.force_login(dave)
    response = download(client, format=format, plan=action.recommendation.plan_id)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert len(b"".join(response.streaming_content)) > 100


def test_a_report_as_at_a_past_date(client, dave, action):
    client.force_login(dave)
    response = download(client, format="json", as_at="31/03/2026")
    assert json.loads(b"".join(response.streaming_content))["as_at"] == "2026-03-31"


def test_an_unknown_format_is_not_found(client, dave, action):
    client.force_login(dave)
    assert client.post("/report/", {"format": "exe"}).status_code == 404


def test_an_agency_lead_gives_back_an_edited_workbook(client, bob, action):
    exported = export(action.recommendation.plan.partnership)
    edited = edit(exported, {action.pk: {PROGRESS: "Sergeants briefed at the October meeting."}})
    client.force_login(bob)
    upload = SimpleUploadedFile("police.xlsx", edited)
    page = client.post("/updates/", {"workbook": upload})
    assert page.status_code == 200
    assert b"1 update applied" in page.content
    assert (
        Action.objects.get(pk=action.pk).updates.first().text == "Sergeants briefed at the October meeting."
    )


def test_a_file_that_is_not_a_workbook_is_refused(client, bob, action):
    client.force_login(bob)
    page = client.post("/updates/", {"workbook": SimpleUploadedFile("notes.xlsx", b"not a workbook")})
    assert page.status_code == 400
    assert b"notes.xlsx" in page.content
    assert Action.objects.get(pk=action.pk).updates.count() == 0


def test_an_unreadable_as_at_date_is_a_form_error_not_a_missing_page(client, dave, action):
    client.force_login(dave)
    response = client.post("/report/", {"format": "json", "as_at": "31st of Smarch"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Enter the as at date as day/month/year, for example 31/3/2026" in page
    assert 'value="31st of Smarch"' in page and "There is a problem" in page


def test_the_rows_applied_link_to_their_actions_and_others_partnerships_rows_do_not(client, bob, action, eve):
    from factories import ActionFactory

    theirs = ActionFactory(recommendation__plan__partnership=eve.partnership)
    ours = edit(export(action.recommendation.plan.partnership), {action.pk: {PROGRESS: "Briefed."}})
    client.force_login(bob)
    page = client.post("/updates/", {"workbook": SimpleUploadedFile("police.xlsx", ours)})
    assert f'<a class="govuk-link" href="/actions/{action.pk}/">A-{action.pk}</a>' in page.content.decode()
    elsewhere = edit(export(eve.partnership), {theirs.pk: {PROGRESS: "Not yours to post."}})
    page = client.post("/updates/", {"workbook": SimpleUploadedFile("theirs.xlsx", elsewhere)})
    text = page.content.decode()
    assert f"A-{theirs.pk} (" in text and "no such action in your partnership" in text
    assert f"/actions/{theirs.pk}/" not in text


def test_a_row_refused_names_the_person_as_the_board_knows_them_and_links_the_action(client, bob, action):
    from factories import ActionFactory, AgencyFactory

    health = AgencyFactory(partnership=action.recommendation.plan.partnership, name="Riverton NHS Trust")
    theirs = ActionFactory(recommendation=action.recommendation, owner=health)
    bob.first_name, bob.last_name = "Bola", "Bennett"
    bob.save()
    exported = export(action.recommendation.plan.partnership)
    edited = edit(exported, {theirs.pk: {PROGRESS: "Not mine to post."}})
    client.force_login(bob)
    page = client.post("/updates/", {"workbook": SimpleUploadedFile("police.xlsx", edited)}).content.decode()
    assert f'<a class="govuk-link" href="/actions/{theirs.pk}/">A-{theirs.pk}</a>' in page
    assert "Bola Bennett may not update actions owned by Riverton NHS Trust" in page

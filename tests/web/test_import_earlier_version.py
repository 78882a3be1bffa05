"""The import preview notices a stored plan the document is likely a later version of: it says
so, offers that plan for comparison, and counts the question until it is answered (ADR 0086)."""

from __future__ import annotations

import io
import re

import docx
import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from scenes import text_of

from actionplan.plans.models import Action, Plan, Review

pytestmark = pytest.mark.django_db
ASKED = "1 plan to say whether it updates a stored one"
ROWS = [["1", "Agencies share risk information early", "Agree a referral pathway", "Riverton Police",
         "31/03/2027"],
        ["2", "Carers are offered an assessment", "Audit carers' assessments", "Riverton Police",
         "30/06/2027"]]


def word(title: str, review: str = "Adult K", rows: list[list[str]] = ROWS) -> bytes:
    """A Word plan: a title, the review it answers in a line of its own, then one table."""
    document = docx.Document()
    document.add_paragraph(title, style="Title")
    document.add_paragraph(f"Safeguarding Adults Review: {review}")
    table = document.add_table(rows=1, cols=5)
    for cell, heading in zip(table.rows[0].cells, ["No.", "Recommendation", "What we will do", "Who",
                                                   "By when"], strict=True):
        cell.text = heading
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def upload(client, name: str, content: bytes) -> str:
    response = client.post("/import/", {"files": [SimpleUploadedFile(name, content)]})
    assert response.status_code == 302, text_of(response)[:300]
    return response.url


@pytest.fixture
def first_version(client, alice, police) -> Plan:
    client.force_login(alice)
    client.post(upload(client, "adult-k.docx", word("Adult K action plan")), {"decision": "confirm"})
    return Plan.objects.get()


def words_of(response) -> str:
    """The page's words as read, without its markup."""
    return " ".join(re.sub(r"<[^>]+>", " ", text_of(response)).split()).replace(" ,", ",")


def preselected(page: str, plan: Plan, number: int = 0) -> bool:
    """Whether the form saying which stored plan plan `number` updates has `plan` selected."""
    name = "updates" + (f"-{number}" if number else "")
    form = re.search(rf'<select[^>]* id="{name}".*?</select>', page, re.S)
    return form is not None and f'<option value="{plan.pk}" selected' in form.group()


def test_the_preview_says_so_offers_it_and_counts_the_question(client, first_version):
    url = upload(client, "adult-k-v2.docx", word("ADULT K – Action Plan (updated March 2026)"))
    response = client.get(url)
    page, html = words_of(response), text_of(response)
    assert "This looks like an updated version of Adult K action plan, imported" in page
    assert "from adult-k.docx." in page and ASKED in page
    assert preselected(html, first_version) and 'id="updates-0" open' in html
    assert "may be an updated version of a stored plan. Confirming now stores it as new" in page

    client.post(f"{url}updates/", {"plan": str(first_version.pk), "number": "0"})
    response = client.get(url)
    page, html = words_of(response), text_of(response)
    assert "Changes to Adult K action plan" in page and "No changes." in page
    assert ASKED not in page and "This looks like" not in page and preselected(html, first_version)
    client.post(url, {"decision": "confirm"})
    assert Plan.objects.count() == 1 and Action.objects.count() == 2  # updated, not stored twice


def test_no_a_new_plan_is_remembered(client, first_version):
    url = upload(client, "adult-k-v2.docx", word("Adult K action plan v2"))
    client.post(f"{url}updates/", {"plan": str(first_version.pk), "number": "0", "answer": "new"})
    response = client.get(url)
    page = words_of(response)
    assert ASKED not in page and "You said it is a new plan" in page
    assert not preselected(text_of(response), first_version) and "Changes to" not in page
    client.post(url, {"decision": "confirm"})
    assert Plan.objects.count() == 2


def test_a_plan_of_another_title_and_review_is_not_suggested(client, first_version):
    response = client.get(upload(client, "adult-m.docx", word("Adult M action plan", review="Adult M")))
    assert "This looks like" not in words_of(response) and ASKED not in words_of(response)
    assert not preselected(text_of(response), first_version)


def test_the_same_review_under_another_title_is_suggested_and_a_closed_plan_says_so(client, first_version):
    Plan.objects.filter(pk=first_version.pk).update(closed_on="2026-04-01")
    page = words_of(client.get(upload(client, "k-response.docx", word("Partnership response"))))
    assert "an updated version of Adult K action plan" in page and "(closed on 1 April 2026)" in page
    assert ASKED in page


def test_several_are_listed_and_none_chosen(client, first_version):
    second = Plan.objects.create(partnership=first_version.partnership, title="Adult K action plan (2025)")
    second.reviews.set(first_version.reviews.all())
    response = client.get(upload(client, "adult-k-v3.docx", word("Adult K action plan v3")))
    assert "one of these stored plans" in words_of(response) and ASKED in words_of(response)
    assert not preselected(text_of(response), first_version) and not preselected(text_of(response), second)


def test_another_partnerships_plan_is_never_suggested(client, alice, police, eve):
    theirs = Plan.objects.create(partnership=eve.partnership, title="Adult K action plan")
    theirs.reviews.add(Review.objects.create(partnership=eve.partnership, code="Adult K"))
    client.force_login(alice)
    page = words_of(client.get(upload(client, "adult-k.docx", word("Adult K action plan"))))
    assert "This looks like" not in page and ASKED not in page and "Is this an updated version" not in page


def workbook(sheets: dict[str, list[list[str]]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in [[f"{title} tracker"], ["Ref", "Recommendation", "Action", "Lead", "Due"], *rows]:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_each_sheet_of_a_workbook_is_asked_about_on_its_own(client, alice, police):
    client.force_login(alice)
    client.post(upload(client, "trackers.xlsx", workbook({"Child A": ROWS, "Child B": ROWS[:1]})),
                {"decision": "confirm"})
    child_a, child_b = Plan.objects.order_by("title")
    url = upload(client, "trackers-q2.xlsx", workbook({"Child A": ROWS[1:], "Child B": ROWS}))
    response = client.get(url)
    assert "2 plans to say whether it updates a stored one" in words_of(response)
    assert preselected(text_of(response), child_a) and preselected(text_of(response), child_b, 1)
    client.post(f"{url}updates/", {"plan": str(child_b.pk), "number": "1"})
    assert ASKED in words_of(client.get(url))
    client.post(f"{url}updates/", {"number": "0", "answer": "new"})
    page = words_of(client.get(url))
    assert "to say whether it updates" not in page and f"Changes to {child_b.title}" in page

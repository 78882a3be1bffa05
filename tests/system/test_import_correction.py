"""An import put right in the browser: columns mapped, owners chosen, left and resumed, confirmed;
the next import naming the same owner is mapped without asking. axe-core on every page of it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from browser import axe_violations, screenshot, sign_in

from actionplan.plans.models import Action, Agency, Review

if TYPE_CHECKING:
    from pathlib import Path

    from playwright.sync_api import Page

pytestmark = pytest.mark.django_db(transaction=True)

JOB_TITLE = "Safeguarding Children Project Manager"
UNKNOWN = "Riverton Youth Offending Service"
PLAN_PAGE = re.compile(r"/plans/\d+/(#.*)?$")


def write(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def upload(page: Page, path: Path) -> None:
    page.goto("/import/")
    page.set_input_files("#files", str(path))
    page.click("button:has-text('Read the files')")
    page.wait_for_url("**/import/*/")


def owner_row(page: Page, text: str):  # noqa: ANN201 (a Playwright locator)
    return page.locator("#owners ~ table tr", has_text=text)


def test_an_import_is_put_right_left_resumed_and_remembered(page, demo, tmp_path):
    business_unit = Agency.objects.get(name="Partnership Business Unit")
    sign_in(page, "alice")
    upload(page, write(
        tmp_path / "child-t.csv", "Child T action plan",
        "Issue identified,Steps to take,Named lead,Completion target",
        f"1. Concerns were not shared,Run training on information sharing,{UNKNOWN},31/03/2031",
        f"2. Escalation was not used,Publish the escalation policy,{JOB_TITLE},Q1 2031/32",
        "3. Records were incomplete,Audit case records,Riverton Police,30/06/2031",
    ))
    assert "no recognisable header row" in page.content()
    assert axe_violations(page) == []
    screenshot(page, "import-columns-to-map")

    page.select_option("#role-1", "recommendation")
    page.click("button:has-text('Read the document with these columns')")
    page.wait_for_selector("#owners")
    assert page.locator("text=Publish the escalation policy").count() == 1
    assert page.locator("text=2 owners to choose an agency for").is_visible()
    assert axe_violations(page) == []

    row = owner_row(page, JOB_TITLE)
    row.locator("select").select_option(str(business_unit.pk))
    row.locator("button:has-text('Save')").click()
    page.wait_for_selector("#owners")
    row = owner_row(page, UNKNOWN)
    row.locator("select").select_option("new")
    row.locator("button:has-text('Save')").click()
    page.wait_for_selector("#owners")
    assert page.locator("text=owners to choose an agency for").count() == 0
    screenshot(page, "import-owners-chosen")

    page.goto("/")  # leave, then come back from the list
    page.goto("/import/")
    assert axe_violations(page) == []
    page.click("a:has-text('child-t.csv')")
    page.wait_for_selector("#owners")
    page.click("a:has-text('Correct'):has-text('row 3')")
    page.wait_for_url("**/rows/0/2/")
    assert axe_violations(page) == []
    page.fill("textarea[name='0:2:0:text']", "Audit fifty case records")
    page.click("button:has-text('Save the corrections')")
    page.wait_for_selector("#owners")
    page.click("a:has-text('Correct'):has-text('row 3')")
    page.click("a:has-text('Split action 1 in two')")
    page.wait_for_url("**/split/0/")
    assert axe_violations(page) == []
    page.click("button:has-text('Split the action')")  # the second half left empty
    assert page.locator(".govuk-error-summary").is_visible() and axe_violations(page) == []
    screenshot(page, "import-split-error")
    page.fill("#first", "Audit fifty case records")
    page.fill("#second", "Report the audit to the board")
    page.click("button:has-text('Split the action')")
    page.wait_for_url("**/rows/0/2/")
    assert page.locator("button:has-text('Join action 1 and action 2')").is_visible()
    screenshot(page, "import-row-split")
    page.goto(page.url.split("rows/")[0])
    page.click("button:has-text('Confirm and import')")
    page.wait_for_url(PLAN_PAGE)
    assert Action.objects.get(text="Report the audit to the board").owner.name == "Riverton Police"

    page.goto("/")
    dashboard = page.locator("main").inner_text()
    assert UNKNOWN in dashboard and "Partnership Business Unit" in dashboard
    assert JOB_TITLE not in dashboard
    assert not Agency.objects.filter(name=JOB_TITLE).exists()
    assert Action.objects.get(text="Audit fifty case records").owner.name == "Riverton Police"
    screenshot(page, "import-dashboard-after")

    upload(page, write(
        tmp_path / "child-u.csv", "Child U action plan",
        "Recommendation,Action,Lead,Target date",
        f"1. Chairs do not escalate,Train chairs in escalation,{JOB_TITLE},31/12/2031",
    ))
    assert owner_row(page, JOB_TITLE).locator("text=Matched to Partnership Business Unit").count() == 1
    assert page.locator("text=Nothing left to look at").is_visible()
    page.click("button:has-text('Confirm and import')")
    page.wait_for_url(PLAN_PAGE)
    assert Action.objects.get(text="Train chairs in escalation").owner == business_unit


def test_case_references_are_linked_on_a_page_without_violations(page, demo, tmp_path):
    sign_in(page, "alice")
    review = Review.objects.order_by("code").first()
    upload(page, write(
        tmp_path / "composite.csv", "Riverton composite action plan",
        "Ref,SCR Ref,Action,Lead agency,Target date,Progress",
        f"1,{review.code},Train staff,Riverton Police,31/03/2031,Started",
        "2,Q,Audit files,Riverton Police,31/03/2031,",
    ))
    assert page.locator("text=1 case reference to link to a review").is_visible()
    assert axe_violations(page) == []
    row = page.locator("#reviews ~ table tr", has_text="Not linked")
    row.locator("select").select_option("new")
    row.locator("button:has-text('Save')").click()
    page.wait_for_selector("text=New review Q")
    page.select_option("select[name='kind']", "rapid_review")
    page.fill("input[name='title']", "Child Q rapid review")
    page.click("button:has-text('Save the facts of Q')")
    page.wait_for_selector("text=New review Q")
    assert axe_violations(page) == []
    screenshot(page, "import-reviews")
    page.click("button:has-text('Confirm and import')")
    page.wait_for_url(PLAN_PAGE)
    created = Review.objects.get(code="Q")
    assert (created.kind, created.title) == ("rapid_review", "Child Q rapid review")


def test_an_updated_version_is_compared_on_a_page_without_violations(page, demo, tmp_path):
    sign_in(page, "alice")
    rows = ["1. Share early,Write the protocol,Riverton Police,31/03/2031",
            "1. Share early,Train staff,Riverton Police,30/06/2031"]
    header = "Recommendation,Action,Lead agency,Target date"
    upload(page, write(tmp_path / "child-y.csv", "Child Y action plan", header, *rows))
    page.click("button:has-text('Confirm and import')")
    page.wait_for_url(PLAN_PAGE)
    training = Action.objects.get(text="Train staff")
    upload(page, write(tmp_path / "child-y-v2.csv", "Child Y action plan", header, rows[0],
                       "1. Share early,Train all staff,Riverton Police,30/09/2031"))
    # Noticed as a likely earlier version: the form is open with the stored plan chosen.
    assert page.locator("text=This looks like an updated version of").is_visible()
    assert page.locator("#updates option:checked").inner_text() == "Child Y action plan"
    page.click("button:has-text('Compare with this plan')")
    page.wait_for_selector("text=Changes to Child Y action plan")
    assert page.locator("text=Changed action").count() == 1
    assert axe_violations(page) == []
    screenshot(page, "import-update-compared")
    page.click("button:has-text('Confirm and import')")
    page.wait_for_url(PLAN_PAGE)
    training.refresh_from_db()
    assert training.text == "Train all staff"

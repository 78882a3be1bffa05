"""A business manager writes a plan by hand in a real browser, changes it as the year goes on and
closes it; every new page is checked with axe-core on the way."""

from __future__ import annotations

import pytest
from browser import axe_violations, screenshot, sign_in
from playwright.sync_api import Page

from actionplan.plans.models import Action, Plan, Recommendation
from factories import AgencyFactory

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "correct horse battery staple"


def checked(page: Page) -> None:
    assert axe_violations(page) == [], page.url


def save(page: Page, button: str, then: str) -> None:
    page.click(f"button:has-text('{button}')")
    page.wait_for_url(then)


def dashboard_row(page: Page, plan_title: str) -> list[str]:
    page.goto("/")
    row = page.locator("table:has(caption:has-text('per plan')) tr", has_text=plan_title)
    return row.locator("td").all_inner_texts() if row.count() else []


def test_a_plan_written_reassigned_revised_and_closed_in_the_app(page, alice, police):
    AgencyFactory(partnership=police.partnership, name="Riverton NHS Trust")
    sign_in(page, "alice", PASSWORD)

    page.goto("/reviews/")
    page.click("text=Add a review")
    checked(page)
    page.fill("#id_code", "Child T")
    page.select_option("#id_kind", "cspr_local")
    page.fill("#id_reported_on", "31/3/2026")
    save(page, "Save review", "**/reviews/*/")
    page.click("text=Create its plan")
    assert page.is_checked("#id_reviews")  # the review it came from is already ticked
    page.fill("#id_title", "Child T action plan")
    checked(page)
    save(page, "Save plan", "**/plans/*/")
    checked(page)
    plan_url = page.url

    for ref, text in [("1", "Share information early."), ("2", "Audit the front door.")]:
        page.click("text=Add a recommendation")
        page.fill("#id_ref", ref)
        page.fill("#id_text", text)
        if ref == "2":
            page.check("#id_decision-2")  # accepted in part, with the reason the board gave
            page.fill("#id_decision_reason", "Only the children's front door")
            checked(page)
        save(page, "Save recommendation", plan_url)
    for text, due in [("Brief every sergeant", "31/3/2030"), ("Update the policy", "30/4/2030"),
                      ("Audit twenty referrals", "31/5/2030")]:
        page.get_by_role("link", name="Add an action to recommendation 1").click()
        page.fill("#id_text", text)
        page.select_option("#id_owner", label="Riverton Police")
        page.fill("#id_due_date", due)
        checked(page)
        save(page, "Save action", plan_url)
    assert "Accepted in part" in page.content()
    assert dashboard_row(page, "Child T action plan")[-1].startswith("4")  # 3 actions, 1 recommendation

    action = Action.objects.get(text="Brief every sergeant")
    page.goto(f"/actions/{action.pk}/")
    page.click("text=Reassign it")
    page.select_option("#id_owner", label="Riverton NHS Trust")
    page.fill("#id_owner_role", "Named Nurse")
    page.fill("#id_reason", "Health lead the briefings")
    checked(page)
    save(page, "Reassign", f"**/actions/{action.pk}/")
    page.click("text=Revise the due date")
    page.fill("#id_revised_due", "30/6/2030")
    page.fill("#id_reason", "Training places slipped")
    checked(page)
    save(page, "Save revised due date", f"**/actions/{action.pk}/")
    content = page.content()
    assert "revised to 30 June 2030" in content
    assert "Riverton Police → Riverton NHS Trust" in content and "Health lead the briefings" in content
    checked(page)
    screenshot(page, "action-reassigned-and-revised")

    page.goto(plan_url)
    page.get_by_role("link", name="Post progress on recommendation 2").click()
    page.fill("#id_text", "Front-door audit half done")
    page.select_option("#id_status", "in_progress")
    checked(page)
    save(page, "Save progress update", plan_url)
    assert "Front-door audit half done" in page.content()
    assert Recommendation.objects.get(ref="2").status == "in_progress"

    # Evidence on the recommendation itself, decided by the same rules as an action's.
    page.get_by_role("link", name="Evidence and assurance of recommendation 2").click()
    checked(page)
    page.fill("#id_description", "Front-door audit report")
    page.fill("#id_link", "https://intranet.example.org/front-door-audit")
    page.click("button:has-text('Add evidence')")
    page.wait_for_selector(".govuk-notification-banner--success")
    checked(page)
    page.check("input[name=decision][value=accept]")
    page.click("button:has-text('Record decision')")
    page.wait_for_selector(".govuk-notification-banner--success")
    assert Recommendation.objects.get(ref="2").assurance == "accepted"
    assert "Evidence submitted" in page.content() and "Evidence accepted" in page.content()  # its history
    checked(page)
    # Evidence given in error is withdrawn with its reason: kept, marked, no longer behind assurance.
    evidence_url = page.url
    page.get_by_role("link", name="Withdraw the evidence “Front-door audit report”").click()
    checked(page)
    page.fill("#id_reason", "The draft, not the signed report")
    save(page, "Withdraw evidence", evidence_url)
    assert "Withdrawn" in page.content() and "The draft, not the signed report" in page.content()
    assert Recommendation.objects.get(ref="2").assurance == "none"
    checked(page)
    screenshot(page, "recommendation-evidence-withdrawn")
    page.fill("#id_description", "Signed front-door audit report")
    page.fill("#id_link", "https://intranet.example.org/front-door-audit-signed")
    page.click("button:has-text('Add evidence')")
    page.wait_for_selector(".govuk-notification-banner--success")
    # Awaiting assurance again: on the dashboard's list, as a recommendation, with its evidence page.
    page.goto("/actions/?awaiting_assurance=on")
    assert page.get_by_role("link", name="Evidence and assurance of recommendation 2").count() == 1
    checked(page)
    screenshot(page, "awaiting-assurance-with-a-recommendation")
    page.goto(plan_url)

    page.click("text=Close the plan")
    page.fill("#id_reason", "Every action assured at the March board")
    checked(page)
    save(page, "Close the plan", "**/plans/")
    assert Plan.objects.get(title="Child T action plan").is_closed
    assert dashboard_row(page, "Child T action plan") == []  # out of the live counts
    screenshot(page, "dashboard-after-closing")


def test_the_other_new_pages_have_no_violations(page, alice, police, action, dave):
    sign_in(page, "alice", PASSWORD)
    rec, plan = action.recommendation, action.recommendation.plan
    review = plan.reviews.create(partnership=plan.partnership, code="Child T")
    for path in [f"/reviews/{review.pk}/edit/", f"/plans/{plan.pk}/edit/", f"/recommendations/{rec.pk}/edit/",
                 f"/actions/{action.pk}/edit/", "/agencies/", "/agencies/new/",
                 f"/agencies/{police.pk}/edit/", f"/agencies/{police.pk}/merge/", "/people/",
                 "/people/invite/", f"/people/{dave.pk}/", "/account/password/", "/actions/",
                 f"/actions/change/?action={action.pk}"]:
        page.goto(path)
        checked(page)
    page.goto("/account/password/")
    page.click("button:has-text('Change password')")  # nothing typed: the errors are shown
    assert page.locator(".govuk-error-summary").is_visible()
    checked(page)
    screenshot(page, "password-change-errors")
    page.goto("/people/invite/")
    page.click("button:has-text('Send the invitation')")
    checked(page)
    for path in ["/plans/999999/", "/report/?plan=1"]:  # 404, the report form on its own page
        page.goto(path)
        checked(page)
    page.click("button:has-text('Sign out')")
    sign_in(page, "dave", PASSWORD)
    page.goto("/plans/new/")  # 403 for a viewer
    assert "You cannot do this" in page.content()
    checked(page)
    page.click("button:has-text('Sign out')")
    for path in ["/password-reset/", "/password-reset/sent/", "/password-reset/MQ/not-a-token/"]:
        page.goto(path)
        checked(page)

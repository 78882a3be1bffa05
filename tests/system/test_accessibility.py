"""WCAG 2.2 AA, checked by axe-core inside the page, and the main tasks done by keyboard alone."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest
from browser import axe_violations, screenshot, sign_in, wait_for_dashboard

from actionplan.plans.models import Action, Plan, Recommendation, ReportFile

if TYPE_CHECKING:
    from playwright.sync_api import Page


pytestmark = pytest.mark.django_db(transaction=True)


def test_the_sign_in_page_has_no_violations(page, demo):
    page.goto("/sign-in/")
    assert axe_violations(page) == []
    page.fill("#id_username", "alice")
    page.fill("#id_password", "wrong password")
    page.click("button:has-text('Sign in')")
    assert page.locator(".govuk-error-summary").is_visible()
    assert axe_violations(page) == []
    screenshot(page, "sign-in-error")


def test_the_list_of_plans_has_no_violations(page, demo):
    sign_in(page, "alice")
    page.goto("/plans/")
    assert axe_violations(page) == []


@pytest.mark.parametrize("username", ["alice", "bob", "charlie"])
def test_the_main_pages_have_no_violations(page, demo, username):
    sign_in(page, username)
    plan = Plan.objects.get(title__startswith="Child R")
    action = Action.objects.get(text__startswith="Extend the school notification scheme")
    for path in ["/", f"/plans/{plan.pk}/", f"/actions/{action.pk}/", "/actions/?rag=red", "/reviews/",
                 "/composite/?review=1&review=2&open=on", "/notices/", "/preferences/"]:
        page.goto(path)
        assert axe_violations(page) == [], path
    screenshot(page, f"action-as-{username}")


def test_the_import_preview_has_no_violations(page, demo, seed):
    sign_in(page, "alice")
    page.goto("/import/")
    assert axe_violations(page) == []
    page.set_input_files("#files", str(seed("001")))
    page.click("button:has-text('Read the files')")
    page.wait_for_url("**/import/*/")
    assert axe_violations(page) == []


def press_tab_until(page: Page, selector: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} cannot be reached with the Tab key")


def test_signing_in_and_posting_an_update_by_keyboard_alone(page, demo):
    action = Action.objects.get(text__startswith="Extend the school notification scheme")
    page.goto("/sign-in/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to main content"
    press_tab_until(page, "#id_username")
    page.keyboard.type("bob")
    press_tab_until(page, "#id_password")
    page.keyboard.type("riverton-demo")
    page.keyboard.press("Enter")
    wait_for_dashboard(page)
    page.goto(f"/actions/{action.pk}/")
    press_tab_until(page, "#id_text")
    page.keyboard.type("Posted without a mouse.")
    press_tab_until(page, "form[action$='/progress/'] button")
    page.keyboard.press("Enter")
    page.wait_for_selector(".govuk-notification-banner--success")
    assert action.updates.first().text == "Posted without a mouse."


def test_focus_is_always_visible(page, demo):
    """Every element the Tab key reaches on the action page shows where the focus is."""
    sign_in(page, "bob")
    action = Action.objects.get(text__startswith="Extend the school notification scheme")
    page.goto(f"/actions/{action.pk}/")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement === document.body"):
            break  # past the last focusable element
        style = page.evaluate(
            """() => { const s = getComputedStyle(document.activeElement);
                       return s.outlineStyle + '|' + s.boxShadow + '|' + s.backgroundColor; }"""
        )
        outline, shadow, _background = style.split("|")
        assert outline != "none" or shadow != "none", page.evaluate("document.activeElement.outerHTML")


def test_the_learning_pages_have_no_violations(page, demo):
    sign_in(page, "alice")
    page.fill("#app-search-query", "training")
    page.press("#app-search-query", "Enter")
    page.wait_for_url("**/search/?q=training")
    assert page.locator("mark").count() > 0
    assert axe_violations(page) == []
    action = Action.objects.get(text__startswith="Extend the school notification scheme")
    for path in ["/learning/", "/themes/", "/themes/new/", f"/recommendations/{action.recommendation_id}/",
                 f"/recommendations/{action.recommendation_id}/themes/"]:
        page.goto(path)
        assert axe_violations(page) == [], path
    screenshot(page, "learning-themes")
    # More results than a page holds: the GOV.UK pagination below them.
    for n in range(60):
        Recommendation.objects.create(plan=action.recommendation.plan, ref=f"H{n}", text="Hoarding audit.")
    page.goto("/search/?q=hoarding&page=2")
    assert page.locator("nav.govuk-pagination").count() == 1
    assert axe_violations(page) == []


def test_the_report_pages_have_no_violations(page, demo):
    """The report form on its own page (with a date nobody can read), and a report's page while
    it waits for the worker and once it is ready."""
    sign_in(page, "dave")
    plan = Plan.objects.get(title__startswith="Child R")
    waiting = ReportFile.objects.create(partnership=plan.partnership, plan=plan, format="pdf",
                                        as_at=date.today(), fingerprint="-", title=plan.title)
    page.goto(f"/reports/{waiting.pk}/")
    assert axe_violations(page) == []
    page.goto("/report/")
    page.fill("#report-as-at", "31st of Smarch")
    page.click("button:has-text('Download')")
    assert page.locator(".govuk-error-summary").is_visible()
    assert axe_violations(page) == []
    page.select_option("#report-format", "html")
    page.fill("#report-as-at", "")
    page.click("button:has-text('Download')")
    page.wait_for_selector("[data-report-state='ready']")  # the tests' worker runs at once
    assert axe_violations(page) == []
    screenshot(page, "report-ready")
    page.goto("/?as_at=31st+of+Smarch")  # the dashboard as at a day nobody can read
    assert page.locator(".govuk-error-summary").is_visible()
    assert axe_violations(page) == []
    screenshot(page, "dashboard-as-at-error")


def test_correcting_and_withdrawing_pages_have_no_violations(page, demo):
    """The correction and withdrawal forms, and the action page showing what they put right."""
    action = Action.objects.get(text__startswith="Extend the school notification scheme")
    update = action.updates.filter(kind="update").first()
    assert update is not None, "the demo action has progress updates"
    sign_in(page, "alice")
    page.goto(f"/actions/{action.pk}/updates/{update.pk}/correct/")
    assert axe_violations(page) == []
    page.fill("#id_text", "Scheme extended to every secondary school.")
    page.fill("#id_reason", "The first wording left out the academies")
    page.click("button:has-text('Save correction')")
    page.wait_for_url(f"**/actions/{action.pk}/")
    assert page.locator(".govuk-tag:has-text('Corrected')").count() == 1
    page.click("summary:has-text('As first posted')")  # the first wording and each correction
    assert axe_violations(page) == []
    screenshot(page, "action-with-a-correction")
    page.goto(f"/actions/{action.pk}/updates/{update.pk}/withdraw/")
    page.click("button:has-text('Withdraw update')")  # no reason: the error summary
    assert page.locator(".govuk-error-summary").is_visible()
    assert axe_violations(page) == []
    screenshot(page, "withdraw-update-error")


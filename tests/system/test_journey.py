"""The weekly round, in a real browser: import a plan, post an update as an agency lead,
accept the evidence as a scrutineer, and see the dashboard change."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from browser import screenshot, sign_in, sign_out

from actionplan.plans.models import Action, Plan

if TYPE_CHECKING:
    from playwright.sync_api import Page


pytestmark = pytest.mark.django_db(transaction=True)


def awaiting_assurance(page: Page) -> int:
    page.goto("/")
    link = page.locator(".app-number a", has_text="awaiting assurance")
    return int(link.locator(".app-number__value").inner_text())


def test_a_business_manager_imports_a_seed_through_the_preview(page, demo, seed):
    sign_in(page, "alice")
    screenshot(page, "dashboard")
    page.click("a:has-text('Import')")
    page.set_input_files("#files", str(seed("003")))
    page.click("button:has-text('Read the files')")
    page.wait_for_url("**/import/*/")
    assert page.locator("h1").inner_text() == f"Check what was read from {seed('003').name}"
    assert "Professional Curiosity" in page.content()
    assert not Plan.objects.filter(title__icontains="Composite Action Plan January 2017").exists()
    screenshot(page, "import-preview")
    page.click("button:has-text('Confirm and import')")
    page.wait_for_url("**/plans/*/")
    assert "NSCB to develop guidance for professionals on parental responsibility" in page.content()
    screenshot(page, "plan-imported")
    assert Plan.objects.filter(title__icontains="Composite Action Plan January 2017").count() == 1


def test_an_update_and_evidence_are_accepted_and_the_dashboard_changes(page, demo):
    action = Action.objects.get(text__startswith="Extend the school notification scheme")
    sign_in(page, "charlie")
    before = awaiting_assurance(page)
    sign_out(page)

    sign_in(page, "bob")
    page.goto(f"/actions/{action.pk}/")
    page.fill("#id_text", "Weekend notifications live in two of three districts.")
    page.click("button:has-text('Save progress update')")
    page.wait_for_selector(".govuk-notification-banner--success")
    page.fill("#id_description", "Dip sample of weekend incidents, October")
    page.fill("#id_link", "https://intranet.riverton.example/dip-sample-october")
    page.click("button:has-text('Add evidence')")
    page.wait_for_selector(".govuk-notification-banner--success")
    screenshot(page, "action-lead")
    sign_out(page)

    sign_in(page, "charlie")
    assert awaiting_assurance(page) == before + 1
    page.goto(f"/actions/{action.pk}/")
    page.check("input[name=decision][value=accept]")
    page.click("button:has-text('Record decision')")
    page.wait_for_selector(".govuk-notification-banner--success")
    screenshot(page, "action-scrutineer")
    assert awaiting_assurance(page) == before
    action.refresh_from_db()
    assert action.assurance == "accepted"
    assert action.updates.first().text == "Weekend notifications live in two of three districts."

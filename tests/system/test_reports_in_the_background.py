"""A report asked for in the browser: its page follows the worker without being reloaded, and
offers the file when it is ready."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest
from browser import screenshot, sign_in

from actionplan.plans.models import Plan, ReportFile
from actionplan.reports.background import produce
from actionplan.reports.freshness import fingerprint

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_page_shows_the_report_ready_when_the_worker_has_produced_it(page: Page, demo):
    sign_in(page, "charlie")
    plan = Plan.objects.get(title__startswith="Child R")
    waiting = ReportFile.objects.create(partnership=plan.partnership, plan=plan, format="csv",
                                        as_at=date.today(), fingerprint=fingerprint(), title=plan.title)
    page.goto(f"/reports/{waiting.pk}/")
    assert page.locator("#report-progress").get_attribute("data-report-state") == "queued"
    screenshot(page, "report-queued")
    page.evaluate("window.notReloaded = true")

    assert produce(waiting.pk) == ReportFile.State.READY  # what the worker does
    page.wait_for_selector("#report-progress[data-report-state='ready']", timeout=20_000)
    assert page.evaluate("window.notReloaded === true")  # put in place, not a new page
    with page.expect_download() as download:
        page.click("text=Download the report")
    assert download.value.suggested_filename.endswith(".csv")
    assert "Child R" in download.value.path().read_text(encoding="utf-8-sig")


def test_a_report_asked_for_from_a_plan_page_is_offered_when_ready(page: Page, demo):
    sign_in(page, "dave")
    plan = Plan.objects.get(title__startswith="Child R")
    page.goto(f"/plans/{plan.pk}/")
    page.click("text=Download a report of this plan")
    page.select_option("#report-format", "json")
    page.fill("#report-as-at", "31/3/2026")
    page.click("button:has-text('Download')")
    page.wait_for_url("**/reports/*/")
    assert "as at 31 March 2026" in page.content()
    with page.expect_download() as download:
        page.click("text=Download the report")
    assert download.value.suggested_filename.endswith("2026-03-31.json")

"""The page of a report the worker produces: what it says while queued, being produced, ready or
failed, and the file it offers."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone
from scenes import text_of

from actionplan.plans.models import ReportFile
from actionplan.reports import Scope
from actionplan.reports.background import request_report
from actionplan.reports.freshness import fingerprint

pytestmark = pytest.mark.django_db

State = ReportFile.State


@pytest.fixture
def queued(partnership, action, alice):
    """A report asked for by alice that no worker has taken yet."""
    return ReportFile.objects.create(
        partnership=partnership, plan=action.recommendation.plan, format="pdf", as_at=date(2026, 3, 31),
        fingerprint=fingerprint(), title=action.recommendation.plan.title, requested_by=alice,
    )


def page_of(client, report: ReportFile) -> tuple[int, str]:
    response = client.get(f"/reports/{report.pk}/")
    return response.status_code, text_of(response)


def test_a_queued_report_says_it_waits_and_looks_again_by_itself(client, dave, queued):
    client.force_login(dave)
    status, page = page_of(client, queued)
    assert status == 200
    assert 'data-report-state="queued"' in page and "waiting for the background worker" in page
    assert "Board report (PDF), as at 31 March 2026" in page
    assert "by alice" in page  # who asked for it (alice has no full name)
    assert '<script type="module" src="/static/web/report_progress.js">' in page  # a file: CSP allows it
    assert "/file/" not in page and "may not be running" not in page


def test_a_report_queued_for_long_says_the_worker_may_not_be_running(client, dave, queued):
    ReportFile.objects.filter(pk=queued.pk).update(requested_at=timezone.now() - timedelta(minutes=3))
    client.force_login(dave)
    assert "the background worker may not be running" in page_of(client, queued)[1]


def test_a_report_being_produced_says_so(client, dave, queued):
    ReportFile.objects.filter(pk=queued.pk).update(state=State.PRODUCING, started_at=timezone.now())
    client.force_login(dave)
    page = page_of(client, queued)[1]
    assert 'data-report-state="producing"' in page and "being produced" in page


def test_a_report_whose_worker_stopped_is_shown_failed(client, alice, queued, settings):
    stopped = timezone.now() - timedelta(minutes=settings.ACTIONPLAN_REPORT_TIMEOUT_MINUTES + 5)
    ReportFile.objects.filter(pk=queued.pk).update(state=State.PRODUCING, started_at=stopped)
    client.force_login(alice)
    page = page_of(client, queued)[1]
    assert 'data-report-state="failed"' in page
    assert "could not be produced: the worker stopped before it was finished" in page
    assert "report_progress.js" not in page  # nothing more to wait for


def test_trying_again_asks_for_the_same_report_anew(client, alice, queued):
    ReportFile.objects.filter(pk=queued.pk).update(state=State.FAILED, failure="the PDF took too long")
    client.force_login(alice)
    page = page_of(client, queued)[1]
    assert "could not be produced: the PDF took too long." in page
    again = client.post("/report/", {"format": "csv", "plan": queued.plan_id, "as_at": "31/03/2026"})
    fresh = ReportFile.objects.exclude(pk=queued.pk).get()
    assert again.url == f"/reports/{fresh.pk}/"
    assert (fresh.plan_id, fresh.as_at, fresh.state) == (queued.plan_id, date(2026, 3, 31), State.READY)
    assert f'name="plan" value="{queued.plan_id}"' in page and 'name="as_at" value="31/03/2026"' in page


def test_a_ready_report_offers_its_file(client, dave, partnership, action):
    plan = Scope(plan_id=action.recommendation.plan_id)
    report = request_report(partnership, plan, "csv", timezone.localdate(), dave)
    client.force_login(dave)
    page = page_of(client, report)[1]
    assert 'data-report-state="ready"' in page and "Download the report" in page
    assert f'href="/reports/{report.pk}/file/"' in page and "report_progress.js" not in page
    response = client.get(f"/reports/{report.pk}/file/")
    assert response["Content-Disposition"] == f'attachment; filename="{report.file_name}"'
    assert action.text.encode() in b"".join(response.streaming_content)


def test_the_file_of_a_report_not_ready_or_no_longer_kept_is_not_found(client, dave, partnership, queued):
    client.force_login(dave)
    assert client.get(f"/reports/{queued.pk}/file/").status_code == 404
    report = request_report(partnership, Scope(), "csv", date(2026, 3, 31), dave)
    report.path().unlink()
    assert client.get(f"/reports/{report.pk}/file/").status_code == 404
    assert "its file is no longer kept" in page_of(client, report)[1]


def test_the_report_form_has_a_page_of_its_own(client, dave, action):
    client.force_login(dave)
    response = client.get("/report/", {"plan": action.recommendation.plan_id, "as_at": "31/3/2026"})
    page = text_of(response)
    assert response.status_code == 200 and "There is a problem" not in page
    assert f'name="plan" value="{action.recommendation.plan_id}"' in page and 'value="31/3/2026"' in page
    assert 'method="post"' in page and "csrfmiddlewaretoken" in page


def test_a_date_out_of_range_is_a_form_error(client, dave, action):
    client.force_login(dave)
    response = client.post("/report/", {"format": "csv", "as_at": "1/1/1800"})
    assert response.status_code == 400
    assert "The as-at date must be between 01/01/1900 and 31/12/2199" in text_of(response)
    assert not ReportFile.objects.exists()

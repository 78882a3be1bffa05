"""A report as at a past meeting names agencies, plans, sections and the partnership as they were
called then; today's report uses today's names."""

from __future__ import annotations

import pytest
from django.utils import timezone

from actionplan.reports import Scope, build_report, render

from .conftest import DEMO_DAY

pytestmark = pytest.mark.django_db


def text_of(partnership, on, scope=None) -> str:
    return render(build_report(partnership, scope or Scope(), on), "csv").content.decode()


def test_renames_after_a_meeting_do_not_change_its_report(demo):
    agency = demo.agencies.filter(actions__isnull=False).distinct().first()
    plan = demo.plans.first()
    before = text_of(demo, DEMO_DAY)
    assert agency.name in before and plan.title in before
    old_agency, old_plan = agency.name, plan.title

    agency.name, plan.title = "Renamed Agency Ltd", "Renamed plan title"
    agency.save()
    plan.save()
    demo.name = "Renamed Partnership"
    demo.save()

    assert text_of(demo, DEMO_DAY) == before
    today = text_of(demo, timezone.localdate())
    assert "Renamed Agency Ltd" in today and "Renamed plan title" in today
    assert old_agency not in today.replace(old_plan, "")


def test_a_one_plan_report_is_titled_with_the_plans_old_name(demo):
    plan = demo.plans.first()
    old = plan.title
    plan.title = "Renamed plan title"
    plan.save()
    report = build_report(demo, Scope(plan_id=plan.pk), DEMO_DAY)
    assert report.scope == old and [p.title for p in report.plans] == [old]
    assert build_report(demo, Scope(plan_id=plan.pk), timezone.localdate()).scope == "Renamed plan title"


def test_a_row_renamed_without_a_history_row_is_called_by_todays_name_today(demo):
    agency = demo.agencies.filter(actions__isnull=False).distinct().first()
    type(agency).objects.filter(pk=agency.pk).update(name="Renamed Quietly Ltd")  # no history row
    assert "Renamed Quietly Ltd" in text_of(demo, timezone.localdate())

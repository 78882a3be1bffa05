"""`actionplan import` of a later version of a stored plan: the command stores it as a new
plan, as asked, but warns naming the stored plan and how to apply it as an update instead."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from actionplan.plans.models import Plan

pytestmark = pytest.mark.django_db
BOARD = "Riverton Safeguarding Adults Board"


def plan_text(title: str, action: str, review: str = "Adult K") -> str:
    return (f"{title}\nSafeguarding Adults Review: {review}\n\n"
            "Recommendation 1: Agencies share risk information early\n"
            f"Action: {action}\nLead: Riverton Police\nTimescale: 31/03/2027\n")


def run(path, *options: str) -> str:
    err = io.StringIO()
    call_command("import", str(path), "--partnership", BOARD, *options, stdout=io.StringIO(), stderr=err)
    return err.getvalue()


@pytest.fixture
def first(tmp_path) -> Plan:
    path = tmp_path / "adult-k.txt"
    path.write_text(plan_text("Adult K action plan", "Agree a referral pathway"), encoding="utf-8")
    assert "looks like an updated version" not in run(path)
    return Plan.objects.get()


def test_a_dry_run_and_an_import_warn_naming_the_stored_plan(tmp_path, first):
    later = tmp_path / "adult-k-june.txt"
    later.write_text(plan_text("ADULT K Action Plan (updated June 2026)", "Agree and publish a pathway"),
                     encoding="utf-8")
    warned = run(later, "--dry-run")
    assert "adult-k-june.txt: 'ADULT K Action Plan (updated June 2026)' looks like an updated version of " \
           "'Adult K action plan' (imported " in warned
    assert "from adult-k.txt); it would be stored as a new plan" in warned
    assert "import it from the web and choose the plan it updates" in warned
    assert Plan.objects.count() == 1
    assert "it was stored as a new plan beside it" in run(later)
    assert Plan.objects.count() == 2


def test_another_review_plan_is_not_named(tmp_path, first):
    other = tmp_path / "adult-m.txt"
    other.write_text(plan_text("Adult M action plan", "Agree a referral pathway", review="Adult M"),
                     encoding="utf-8")
    assert "looks like an updated version" not in run(other, "--dry-run")

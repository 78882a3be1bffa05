"""Who may ask for, read and download reports, and give back updates."""

from __future__ import annotations

from datetime import date

from permission_matrix import Case, codes, everyone, role_matrix
from scenes import World

from actionplan.plans.models import ReportFile
from actionplan.reports import Scope
from actionplan.reports.background import request_report


def kept_report(w: World, elsewhere: bool = False) -> ReportFile:
    """A report of the Riverton plan (or of Elsewhere's), produced and kept."""
    plan = w.other_plan if elsewhere else w.plan
    found = ReportFile.objects.filter(plan=plan).first()
    return found or request_report(plan.partnership, Scope(plan_id=plan.pk), "csv", date(2030, 6, 1), None)


def other_report(w: World) -> ReportFile:
    return kept_report(w, elsewhere=True)


CASES = [
    # Reports: everyone asks for and reads their own partnership's (the worker produces them, at
    # once in the tests); a plan or a report of the other partnership is not found.
    Case("report form page", "get", lambda w: "/report/?plan=1&as_at=31/3/2026", everyone(200)),
    Case("report of the partnership", "post", lambda w: "/report/", everyone(302),
         lambda w: {"format": "json"}),
    Case("recurring learning report", "post", lambda w: "/report/", everyone(302),
         lambda w: {"format": "html", "recurring": "on"}),
    Case("report of a plan", "post", lambda w: "/report/", codes(302, 404),
         lambda w: {"format": "csv", "plan": w.plan.pk}),
    Case("report of other plan", "post", lambda w: "/report/", codes(404, 302),
         lambda w: {"format": "csv", "plan": w.other_plan.pk}),
    Case("report page", "get", lambda w: f"/reports/{kept_report(w).pk}/", codes(200, 404),
         prepare=kept_report),
    Case("other report page", "get", lambda w: f"/reports/{other_report(w).pk}/", codes(404, 200),
         prepare=other_report),
    Case("report file", "get", lambda w: f"/reports/{kept_report(w).pk}/file/", codes(200, 404),
         prepare=kept_report),
    Case("other report file", "get", lambda w: f"/reports/{other_report(w).pk}/file/", codes(404, 200),
         prepare=other_report),
    Case(
        "give back updates page", "get", lambda w: "/updates/", codes(403, 200, alice=200, bob=200, frank=200)
    ),
]

test_it_gives_each_role_what_it_may_have = role_matrix(CASES)

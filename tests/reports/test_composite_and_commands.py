"""The composite action plan in its own layout (ref, review refs, action, lead agency, target
date), and the two console commands."""

import io
import json

import pytest
from django.core.management import call_command, get_commands
from django.core.management.base import CommandError
from docx import Document

from actionplan.plans.composite import NO_THEME
from actionplan.plans.models import Plan
from actionplan.reports import Scope, build_report, render
from actionplan.reports.layouts import COMPOSITE_COLUMNS
from actionplan.reports.model import COMPOSITE_LAYOUT

from .conftest import DEMO_DAY

pytestmark = pytest.mark.django_db
NORFOLK = "Norfolk Safeguarding Children Board"


def report(*args: str, tmp_path) -> dict:
    path = tmp_path / "report.json"
    call_command("report", *args, "--format", "json", "--output", str(path), stdout=io.StringIO())
    return json.loads(path.read_text())


def test_the_norfolk_plan_comes_out_in_its_own_layout(seed, tmp_path):
    call_command("import", str(seed("003")), "--partnership", NORFOLK, "--new-reviews", stdout=io.StringIO())
    data = report("--composite", tmp_path=tmp_path)  # as at today: the plan was imported today
    [plan] = data["plans"]
    assert plan["layout"] == COMPOSITE_LAYOUT
    assert [s["heading"] for s in plan["sections"]][:2] == [
        "Professional Curiosity",
        "Fora for discussion and information-sharing",
    ]
    first = plan["sections"][0]["rows"][0]
    assert (first["ref"], first["review_refs"], first["due_text"]) == ("1.1", "D, L", "01/06/17")
    assert [c.heading for c in COMPOSITE_COLUMNS][:6] == [
        "Ref", "Review refs", "Action", "Lead agency", "Target date", "Progress",
    ]  # fmt: skip


def test_the_composite_word_report_links_rather_than_copies(demo):
    composite = build_report(demo, Scope(composite=True), DEMO_DAY)
    assert [p.title for p in composite.plans] == [Plan.objects.get(kind="composite_action_plan").title]
    doc = Document(io.BytesIO(render(composite, "docx").content))
    headings = [cell.text for cell in doc.tables[-1].rows[0].cells]
    assert headings == [c.heading for c in COMPOSITE_COLUMNS]


def test_without_a_composite_plan_open_actions_are_grouped_by_theme(demo):
    Plan.objects.filter(kind="composite_action_plan").delete()
    [plan] = build_report(demo, Scope(composite=True), DEMO_DAY).plans
    assert plan.title == "Open actions by theme"
    assert {row.status for row in plan.rows} <= {"Not started", "In progress", "Slipped"}
    headings = [s.heading for s in plan.sections]
    assert headings == [*sorted(set(headings) - {NO_THEME}), NO_THEME]


def test_a_review_report_shows_each_action_once(demo, tmp_path):
    data = report("--review", "child r", tmp_path=tmp_path)
    ids = [r["action_id"] for p in data["plans"] for s in p["sections"] for r in s["rows"]]
    assert len(ids) == len(set(ids)) == data["totals"]["total"]


def test_an_agency_report_has_only_that_agencys_actions(demo, tmp_path):
    data = report("--agency", "Police", "--as-at", "21/11/2026", tmp_path=tmp_path)
    agencies = {r["agency"] for p in data["plans"] for s in p["sections"] for r in s["rows"]}
    assert agencies == {"Riverton Police"}
    assert data["scope"] == "All plans: Riverton Police"


def test_the_report_command_names_what_it_does_not_know(demo, tmp_path):
    with pytest.raises(CommandError, match="has no review 'Baby Q'"):
        report("--review", "Baby Q", tmp_path=tmp_path)
    with pytest.raises(CommandError, match="has no plan with id 999"):
        report("--plan", "999", tmp_path=tmp_path)


@pytest.mark.parametrize("format", ["docx", "pdf", "html", "xlsx", "csv"])
def test_the_report_command_writes_each_format(demo, tmp_path, format):
    plan = Plan.objects.get(title__startswith="Child R")
    path = tmp_path / f"out.{format}"
    out = io.StringIO()
    call_command("report", "--plan", str(plan.pk), "--format", format, "--output", str(path), stdout=out)
    assert path.stat().st_size > 1000
    assert "Child R: review action plan" in out.getvalue()


def test_import_updates_is_spelled_with_a_hyphen():
    assert get_commands()["import-updates"] == "actionplan.cli"

"""Reports of what was changed in the app: a recommendation with no actions is counted like an
action; a report as at a date before a reassignment names the owner of that day."""

import pytest
from django.utils import timezone

from actionplan.plans.editing import record_recommendation_progress
from actionplan.reports import Scope, build_report
from factories import RecommendationFactory

pytestmark = pytest.mark.django_db


def test_progress_posted_on_a_recommendation_alone_is_reported_and_counted(partnership, action, alice):
    alone = RecommendationFactory(plan=action.recommendation.plan, ref="2", text="Audit the front door.")
    record_recommendation_progress(alone, alice, "Audit half done", status="in_progress", rag="red",
                                   on=timezone.localdate())
    report = build_report(partnership, Scope(), timezone.localdate())
    rows = [row for table in report.plans for row in table.rows if row.action_id is None]
    assert [(r.ref, r.status, r.rag, r.latest_progress) for r in rows] == [
        ("2", "In progress", "red", "Audit half done")
    ]
    assert report.totals.total == 2  # the action and the recommendation tracked on itself
    assert report.totals.counts["red"] == 2  # the action is overdue (due 30 June 2026)


def test_a_report_as_at_a_date_before_a_reassignment_names_the_owner_then(partnership, action, alice, police):
    from datetime import date, datetime

    from actionplan.plans.updates import reassign_action
    from factories import AgencyFactory

    action.history.update(history_date=timezone.make_aware(datetime(2026, 1, 5, 9, 0)))
    health = AgencyFactory(partnership=partnership, name="Riverton NHS Trust")
    reassign_action(action, alice, owner=health, owner_role="Named Nurse", owner_person=None,
                    reason="Health lead the briefings")

    def owner_on(day: date, **scope) -> list[str]:
        report = build_report(partnership, Scope(**scope), day)
        return [row.owner for table in report.plans for row in table.rows if row.action_id == action.pk]

    assert owner_on(date(2026, 3, 1)) == ["Riverton Police"]
    assert owner_on(timezone.localdate()) == ["Riverton NHS Trust — Named Nurse"]
    # A report for one agency, as at a past date, holds what that agency owned then.
    assert owner_on(date(2026, 3, 1), agency="Riverton Police") == ["Riverton Police"]
    assert owner_on(date(2026, 3, 1), agency="Riverton NHS Trust") == []


def test_an_owner_whose_post_is_the_agencys_name_is_said_once(partnership, action):
    from actionplan.reports.layouts import owner

    action.owner.name = "Haldon Vale Foundation Trust"
    action.owner.save()
    action.owner_role = "Haldon Vale  foundation trust"  # as a plan wrote it under both
    action.save()
    report = build_report(partnership, Scope(), timezone.localdate())
    (row,) = [row for table in report.plans for row in table.rows if row.action_id == action.pk]
    assert (row.owner, owner(row)) == ("Haldon Vale Foundation Trust",) * 2
    assert [line.owner for line in report.exceptions.overdue] == ["Haldon Vale Foundation Trust"]
    action.owner_role = "Named Nurse"  # a post that says more is kept
    action.save()
    report = build_report(partnership, Scope(), timezone.localdate())
    (row,) = [row for table in report.plans for row in table.rows if row.action_id == action.pk]
    assert owner(row) == "Haldon Vale Foundation Trust\nNamed Nurse"


def test_the_report_writes_due_dates_in_gov_uk_style_with_the_plans_wording_and_the_revision(
    partnership, action, alice
):
    from datetime import date

    from actionplan.plans.updates import revise_due
    from actionplan.reports.layouts import due

    action.due_text = "June 2026"
    action.save()
    revise_due(action, alice, revised_due=date(2026, 12, 31), reason="Agreed at the board")
    report = build_report(partnership, Scope(), timezone.localdate())
    (row,) = [row for table in report.plans for row in table.rows if row.action_id == action.pk]
    assert due(row) == '30 June 2026 (the plan says "June 2026")\nRevised: 31 December 2026'


def test_the_report_carries_a_rag_key_in_every_format_with_colours(partnership, action):
    import io

    from docx import Document

    from actionplan.reports import render

    report = build_report(partnership, Scope(), timezone.localdate())
    page = render(report, "html").content.decode()
    assert "What the RAG colours mean" in page and "Implemented, and the evidence accepted" in page
    word = Document(io.BytesIO(render(report, "docx").content))
    texts = {cell.text for table in word.tables for row in table.rows for cell in row.cells}
    assert "Overdue, or not achieved" in texts

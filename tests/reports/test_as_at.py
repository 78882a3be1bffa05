"""A report for a past meeting shows the plan as it stood then, whatever happened since."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from actionplan.plans.rag import Rag
from actionplan.plans.status import DeliveryStatus as S
from actionplan.plans.status import StatusChange
from actionplan.plans.updates import record_progress, save_stamped
from actionplan.reports import Scope, build_report, render
from factories import ActionFactory

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 21, 9, tzinfo=LONDON)


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 10, tzinfo=LONDON)


def created(recommendation, owner, day: date, text: str, due: date):
    action = ActionFactory.build(recommendation=recommendation, owner=owner, text=text, due_date=due)
    save_stamped(action, at(day))
    return action


@pytest.fixture
def history(action, bob):
    """Created 1 Jan (due 30 Jun), started 1 Feb, slipped 20 Jun to 30 Sep, slipped again
    25 Sep to 30 Nov. A second action is created on 1 Aug."""
    rec, police = action.recommendation, action.owner
    action.delete()
    slipping = created(rec, police, date(2026, 1, 1), "Train all custody sergeants.", date(2026, 6, 30))
    steps = [
        (date(2026, 2, 1), "Started.", StatusChange(S.IN_PROGRESS)),
        (date(2026, 6, 20), "Trainer left.", StatusChange(S.SLIPPED, "No trainer", date(2026, 9, 30))),
        (date(2026, 9, 25), "New trainer late.", StatusChange(S.SLIPPED, "Late start", date(2026, 11, 30))),
    ]  # fmt: skip
    for day, text, change in steps:
        record_progress(slipping, bob, text, on=day, change=change, when=at(day))
    created(rec, police, date(2026, 8, 1), "Audit custody records.", date(2027, 1, 31))
    return slipping


def report_on(action, day: date):
    return build_report(action.recommendation.plan.partnership, Scope(), day, now=NOW)


def test_the_report_shows_status_rag_due_and_progress_as_they_were(history):
    report = report_on(history, date(2026, 7, 1))
    [row] = report.rows  # the action created on 1 August is not there yet
    assert (row.status, row.rag, row.due, row.revised_due) == (
        "Slipped",
        Rag.AMBER,
        date(2026, 6, 30),
        date(2026, 9, 30),
    )
    assert row.latest_progress == "Trainer left."
    [slipped] = report.exceptions.slipped
    assert (slipped.revisions, slipped.reason) == (1, "No trainer")


def test_a_later_change_leaves_the_past_report_unchanged(history, bob):
    before = render(report_on(history, date(2026, 7, 1)), "json").content
    record_progress(history, bob, "Done.", on=date(2026, 10, 2), change=StatusChange(S.IMPLEMENTED),
                    when=at(date(2026, 10, 2)))  # fmt: skip
    history.refresh_from_db()
    history.text = "Train all custody sergeants and inspectors."
    history.save()
    after = render(report_on(history, date(2026, 7, 1)), "json").content
    assert after == before
    assert report_on(history, date(2026, 10, 2)).rows[0].status == "Implemented"


def test_it_counts_each_revised_due_date_once(history):
    report = report_on(history, date(2026, 10, 1))
    [slipped] = report.exceptions.slipped
    assert (slipped.revisions, slipped.revised_due, slipped.reason) == (2, date(2026, 11, 30), "Late start")
    assert [r.action for r in report.rows] == ["Train all custody sergeants.", "Audit custody records."]


def test_overdue_and_stale_are_judged_on_the_day(history):
    on = date(2026, 12, 15)  # both slips are past, and nothing was posted for 81 days
    report = report_on(history, on)
    assert [e.action for e in report.exceptions.overdue] == ["Train all custody sergeants."]
    assert [e.action for e in report.exceptions.stale] == ["Audit custody records."]  # never updated
    assert report_on(history, date(2026, 7, 1)).exceptions.overdue == []


def test_the_trend_has_a_point_at_each_month_end_since_the_first_action(history):
    report = report_on(history, date(2026, 7, 15))
    assert [p.on for p in report.trend] == [
        date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31), date(2026, 4, 30),
        date(2026, 5, 31), date(2026, 6, 30), date(2026, 7, 15),
    ]  # fmt: skip
    colours = [next(rag for rag, n in p.counts.rows if n) for p in report.trend]
    assert colours == [Rag.GREY, Rag.GREEN, Rag.GREEN, Rag.GREEN, Rag.GREEN, Rag.AMBER, Rag.AMBER]
    assert report.trend[-1].counts.rows == report.totals.rows


def test_the_trend_covers_at_most_twelve_months(history):
    report = report_on(history, date(2027, 8, 10))
    assert len(report.trend) == 12
    assert report.trend[0].on == date(2026, 9, 30) and report.trend[-1].on == date(2027, 8, 10)

"""Reports asked for on the pages: produced by the worker once, reused while nothing they read has
changed, failed with a reason, and forgotten after the retention period."""

from __future__ import annotations

import json
import os
import stat
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from actionplan.plans import import_drafts
from actionplan.plans.models import Action, ReportFile, Theme
from actionplan.plans.updates import record_progress
from actionplan.reports import Scope, ScopeError, background, freshness
from actionplan.reports.kept_files import forget_old_reports, keep

pytestmark = pytest.mark.django_db

State = ReportFile.State
AS_AT = date(2026, 11, 30)


@pytest.fixture
def builds(monkeypatch) -> list[Scope]:
    """Every report the worker builds, by scope: the real build, counted."""
    built: list[Scope] = []
    real = background.build_report

    def counted(partnership, scope, as_at, **kwargs):
        built.append(scope)
        return real(partnership, scope, as_at, **kwargs)

    monkeypatch.setattr(background, "build_report", counted)
    return built


def ask(partnership, user=None, format: str = "json", as_at: date = AS_AT, **scope) -> ReportFile:
    asked = background.request_report(partnership, Scope(**scope), format, as_at, user)
    asked.refresh_from_db()
    return asked


def test_a_report_asked_for_twice_while_nothing_changed_is_produced_once(partnership, action, alice, dave,
                                                                         builds):
    first = ask(partnership, alice)
    again = ask(partnership, dave)
    assert again.pk == first.pk and again.state == State.READY
    assert len(builds) == 1 and ReportFile.objects.count() == 1
    assert again.last_asked_at > first.last_asked_at  # kept longer: still wanted
    assert json.loads(again.path().read_bytes())["as_at"] == "2026-11-30"


def test_after_a_change_it_is_produced_again(partnership, action, alice, builds):
    first = ask(partnership, alice)
    record_progress(action, alice, "Sergeants briefed", on=AS_AT)
    again = ask(partnership, alice)
    assert again.pk != first.pk and len(builds) == 2
    assert "Sergeants briefed" in again.path().read_text()
    assert "Sergeants briefed" not in first.path().read_text()  # the earlier file is as it was


def test_each_format_scope_and_date_is_a_report_of_its_own(partnership, action, builds):
    plan = action.recommendation.plan_id
    asked = [ask(partnership), ask(partnership, format="csv"), ask(partnership, as_at=date(2026, 3, 31)),
             ask(partnership, plan_id=plan), ask(partnership, composite=True)]
    assert len({report.pk for report in asked}) == 5 and len(builds) == 5
    assert [r.title for r in asked[3:]] == [action.recommendation.plan.title, "Composite action plan"]


def test_what_changes_the_fingerprint_and_what_does_not(partnership, action, alice):
    seen = freshness.fingerprint()
    import_drafts.start(alice, partnership, "plan.csv", b"Recommendation,Action\n1. Share,Write it\n")
    alice.last_login = timezone.now()
    alice.save()
    ask(partnership)  # a report asked for is not a change to what reports read
    assert freshness.fingerprint() == seen
    # A theme given to a recommendation: a link with no history of its own.
    action.recommendation.themes.add(Theme.objects.create(partnership=partnership, name="Front door"))
    assert freshness.fingerprint() != seen
    seen = freshness.fingerprint()
    partnership.amber_within_days = 14  # the RAG thresholds
    partnership.save()
    assert freshness.fingerprint() != seen


def test_a_row_committed_late_with_a_lower_id_still_changes_the_fingerprint(partnership, action):
    """On PostgreSQL a long transaction (an import) may commit history rows with lower ids than
    a quicker one already committed: the highest id stays as it was, the number of rows moves."""
    history = Action.history.model
    action.text = "Escalate sooner"
    action.save()
    early = history.objects.order_by("history_id").first()
    history.objects.filter(pk=early.pk).delete()  # the gap a transaction still open leaves
    seen = freshness.fingerprint()
    early.save(force_insert=True)  # that transaction commits: its row, below the highest id
    assert history.objects.order_by("-history_id").first().history_id > early.history_id
    assert freshness.fingerprint() != seen


def test_a_report_that_cannot_be_produced_says_why_and_is_not_reused(partnership, action, builds):
    queued = ReportFile.objects.create(
        partnership=partnership, agency="Riverton Fire", format="json", as_at=AS_AT,
        fingerprint=freshness.fingerprint(), title="All plans: Riverton Fire",
    )
    assert background.produce(queued.pk) == State.FAILED
    queued.refresh_from_db()
    assert queued.failure == f"{partnership} has no agency called 'Riverton Fire'"
    assert queued.finished_at is not None and queued.path() is None


def test_a_failed_report_is_asked_for_anew(partnership, action, monkeypatch):
    failing = ask(partnership)
    ReportFile.objects.filter(pk=failing.pk).update(state=State.FAILED, failure="the PDF took too long")
    assert ask(partnership).pk != failing.pk


def test_an_unexpected_error_is_recorded_and_raised_for_the_worker_log(partnership, action, monkeypatch):
    def broken(*args, **kwargs):
        raise ZeroDivisionError("a fault in the report's code")

    monkeypatch.setattr(background, "build_report", broken)
    queued = ReportFile.objects.create(partnership=partnership, format="json", as_at=AS_AT, fingerprint="x")
    with pytest.raises(ZeroDivisionError):
        background.produce(queued.pk)
    queued.refresh_from_db()
    assert (queued.state, queued.failure) == (State.FAILED, background.UNEXPECTED)


def test_a_report_that_could_not_be_queued_is_failed_so_the_next_request_queues_it(partnership, action,
                                                                                   monkeypatch):
    from django_tasks.backends.immediate import ImmediateBackend

    def refused(*args):
        raise ConnectionError("the queue is unreachable")

    monkeypatch.setattr(ImmediateBackend, "enqueue", refused)
    with pytest.raises(ConnectionError):
        ask(partnership)
    assert ReportFile.objects.get().failure == "it could not be queued"
    monkeypatch.undo()
    assert ask(partnership).state == State.READY


def test_a_task_run_twice_produces_the_report_once(partnership, action, builds):
    report = ask(partnership)
    assert background.produce(report.pk) == "not queued"
    assert len(builds) == 1


def test_one_abandoned_by_its_worker_is_not_reused(partnership, action, settings):
    report = ask(partnership)
    long_ago = timezone.now() - timedelta(minutes=settings.ACTIONPLAN_REPORT_TIMEOUT_MINUTES + 1)
    ReportFile.objects.filter(pk=report.pk).update(state=State.PRODUCING, started_at=long_ago)
    report.refresh_from_db()
    assert report.abandoned()
    assert ask(partnership).pk != report.pk


def test_what_the_partnership_does_not_have_is_refused_before_it_is_queued(partnership, eve, action):
    other_plan = action.recommendation.plan_id
    for scope in [{"plan_id": other_plan}, {"review": "ZZ99"}, {"agency": "Nobody"}]:
        with pytest.raises(ScopeError):
            background.request_report(eve.partnership, Scope(**scope), "json", AS_AT, eve)
    with pytest.raises(ScopeError, match="as-at date"):
        background.request_report(partnership, Scope(), "json", date(1800, 1, 1), None)
    with pytest.raises(ScopeError, match="format"):
        background.request_report(partnership, Scope(), "exe", AS_AT, None)
    assert ReportFile.objects.count() == 0


def test_report_files_are_readable_by_the_server_alone(partnership, action):
    path = ask(partnership).path()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_old_reports_are_forgotten_after_the_retention_period(partnership, action, settings):
    old, recent = ask(partnership), ask(partnership, format="csv")
    days = settings.ACTIONPLAN_REPORT_RETENTION_DAYS
    ReportFile.objects.filter(pk=old.pk).update(last_asked_at=timezone.now() - timedelta(days=days + 1))
    stray_old = keep(partnership.pk, b"left by a stopped worker", "pdf")
    stray_new = keep(partnership.pk, b"being written now", "pdf")
    then = (timezone.now() - timedelta(days=days + 1)).timestamp()
    os.utime(settings.REPORT_FILES_DIR / stray_old, (then, then))
    old_path = old.path()

    assert forget_old_reports() == 1
    assert list(ReportFile.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not old_path.exists() and recent.path() is not None
    assert not (settings.REPORT_FILES_DIR / stray_old).exists()
    assert (settings.REPORT_FILES_DIR / stray_new).exists()


def test_the_prune_command_forgets_old_reports(partnership, action, settings, capsys):
    old = ask(partnership)
    ReportFile.objects.filter(pk=old.pk).update(last_asked_at=timezone.now() - timedelta(days=400))
    call_command("prune-reports")
    assert not ReportFile.objects.exists()
    assert "1 report" in capsys.readouterr().out


# The worker closes its database connection after each task, as a long-running process should:
# the test's data must be committed, not held in a transaction rolled back at the end.
@pytest.mark.django_db(transaction=True)
def test_the_worker_produces_a_report_from_its_queue(partnership, action, alice, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    report = ask(partnership, alice, format="csv", plan_id=action.recommendation.plan_id)
    assert report.state == State.QUEUED and report.path() is None
    assert ask(partnership, alice, format="csv", plan_id=action.recommendation.plan_id).pk == report.pk

    call_command("worker", "--batch", "--no-startup-delay", "--verbosity", "0", "--no-reload")
    report.refresh_from_db()
    assert report.state == State.READY, report.failure
    assert action.text in report.path().read_text(encoding="utf-8-sig")
    assert report.file_name.endswith(".csv") and report.size == report.path().stat().st_size

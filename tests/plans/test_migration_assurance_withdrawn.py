"""Plans migration 0019: assurance stored before ADR 71 on work no longer claimed done is withdrawn
as the rule withdraws it, with a history row saying why, and the kept counts follow.

The rows are made at migration 0018 with that state's models, as they were stored then, and the
migration is run by Django's migration executor; the later migrations (columns only) are applied
after it, so that today's models and code read what it stored."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from actionplan.plans import kept_counts, kept_recount
from actionplan.plans.changes import changes_of
from actionplan.plans.models import Action, Partnership, Plan, Recommendation

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("plans", "0018_history_in_the_pages_words")]
WITHDRAWN = [("plans", "0019_assurance_withdrawn_from_work_not_done")]


def migrate(targets: list[tuple[str, str]]) -> Any:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def migrate_all() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def withdraw() -> None:
    """0019 run, then the migrations after it, which add columns today's models read."""
    migrate(WITHDRAWN)
    migrate_all()


@pytest.fixture
def old() -> Any:
    """The models as they stood at 0018; every migration applied again afterwards."""
    apps = migrate(BEFORE)
    yield apps
    migrate_all()


class Stored:
    """Rows saved as 0018's code saved them: each save of an action or a recommendation with its
    history version, a day apart, oldest first."""

    def __init__(self, apps: Any) -> None:
        self.apps = apps
        self.partnership = self.model("Partnership").objects.create(name="Riverton")
        self.plan = self.model("Plan").objects.create(partnership=self.partnership, title="SCR BN09")
        self.theme = self.model("Theme").objects.create(partnership=self.partnership, name="Neglect")
        self.agency = self.model("Agency").objects.create(partnership=self.partnership, name="Police")
        self.day = timezone.now() - timedelta(days=400)

    def model(self, name: str) -> Any:
        return self.apps.get_model("plans", name)

    def recommendation(self, ref: str = "1.") -> Any:
        return self.model("Recommendation").objects.create(plan=self.plan, ref=ref, text="Share")

    def action(self, *states: tuple[str, str], reason: str = "", evidence: str = "") -> Any:
        """An action saved once for each (status, assurance), tagged with the theme; with a piece
        of evidence decided `evidence` when given."""
        action = self.model("Action").objects.create(
            recommendation=self.recommendation(), text="Audit", owner=self.agency)
        action.themes.add(self.theme)
        for status, assurance in states:
            action.status, action.assurance, action.status_reason = status, assurance, reason
            action.version += 1
            action.save()
            self.version("Action", action, "action_id")
        if evidence:
            self.model("Evidence").objects.create(
                action=action, description="Audit report", link="https://example.org/audit",
                submitted_at=self.day, decision=evidence)
        return action

    def version(self, name: str, row: Any, owner: str) -> None:
        historical = self.model(f"Historical{name}")
        columns = [f.attname for f in type(row)._meta.concrete_fields]
        self.day += timedelta(days=1)
        saved = historical.objects.create(**{c: getattr(row, c) for c in columns}, history_date=self.day,
                                          history_type="~")
        links = self.model(f"Historical{name}_themes")
        tagged = type(row).themes.through.objects.filter(**{owner: row.pk}).values_list("pk", "theme_id")
        links.objects.bulk_create(links(id=link, history=saved, theme_id=theme, **{owner: row.pk})
                                  for link, theme in tagged)

    def tracked_alone(self, status: str, assurance: str) -> Any:
        line = self.recommendation("2.")
        line.status, line.assurance = status, assurance
        line.save()
        self.version("Recommendation", line, "recommendation_id")
        return line

    def counts_kept_today(self) -> None:
        """The partnership's counts kept for today, the plan counted as it then stood."""
        partnership = self.partnership
        self.model("CountsKept").objects.create(
            partnership=partnership, as_at=kept_counts.today(),
            amber_within_days=partnership.amber_within_days, stale_after_days=partnership.stale_after_days)
        self.model("KeptPlan").objects.create(plan=self.plan, changes=3, counted=3)


def test_it_withdraws_assurance_from_work_not_achieved_or_superseded(old):
    stored = Stored(old)
    failed = stored.action(("in_progress", "submitted"), ("in_progress", "accepted"),
                           ("not_achieved", "accepted"), reason="The funding ended", evidence="accepted")
    replaced = stored.action(("implemented", "impact_evidenced"), ("superseded", "impact_evidenced"))
    withdraw()

    failed_now, replaced_now = Action.objects.get(pk=failed.pk), Action.objects.get(pk=replaced.pk)
    assert (failed_now.assurance, replaced_now.assurance) == ("none", "none")  # not done: nothing assures it
    assert failed_now.assurance_reason == (
        "Assurance withdrawn: the work became not achieved: The funding ended")
    assert replaced_now.assurance_reason == "Assurance withdrawn: the work became superseded"
    assert failed_now.version == failed.version + 1
    newest = changes_of(failed_now)[0]
    assert newest.who == "System or import"
    assert newest.why.startswith("Assurance withdrawn: the work is no longer claimed done.")
    assert [c.field for c in newest.fields] == ["Assurance", "Assurance note"]  # themes kept as they were
    assert (newest.fields[0].old, newest.fields[0].new) == ("Evidence accepted", "No evidence yet")


def test_it_withdraws_assurance_from_work_reopened_while_assured_to_await_judgement(old):
    stored = Stored(old)
    reopened = stored.action(("implemented", "accepted"), ("in_progress", "accepted"),
                             reason="The audit found it not done", evidence="accepted")
    bare = stored.action(("implemented", "rechecked"), ("slipped", "rechecked"))
    withdraw()

    reopened_now = Action.objects.get(pk=reopened.pk)
    assert reopened_now.assurance == "submitted"  # its evidence stands, to be judged again
    assert reopened_now.assurance_reason == (
        "Assurance withdrawn: the work became in progress: The audit found it not done")
    assert Action.objects.get(pk=bare.pk).assurance == "none"  # nothing left to judge


def test_it_leaves_assurance_the_rule_leaves(old):
    stored = Stored(old)
    under_way = stored.action(("in_progress", "submitted"), ("in_progress", "accepted"))  # ADR 63
    judged_again = stored.action(("implemented", "accepted"), ("in_progress", "accepted"),
                                 ("in_progress", "submitted"), ("in_progress", "accepted"))
    rechecked = stored.action(("implemented", "accepted"), ("in_progress", "accepted"),
                              ("in_progress", "rechecked"))  # judged again, from one level to another
    done = stored.action(("implemented", "accepted"))
    waiting = stored.action(("not_achieved", "submitted"))  # may still be rejected (ADR 63)
    rejected = stored.action(("superseded", "rejected"))
    untouched = [under_way, judged_again, rechecked, done, waiting, rejected]
    versions = old.get_model("plans", "HistoricalAction").objects
    before = {a.pk: (a.assurance, a.version, versions.filter(id=a.pk).count()) for a in untouched}
    withdraw()

    after = {a.pk: (a.assurance, a.version, a.history.count())
             for a in Action.objects.filter(pk__in=[a.pk for a in untouched])}
    assert after == before


def test_it_reads_the_history_only_of_work_once_implemented_while_assured(old):
    stored = Stored(old)
    for _ in range(6):
        stored.action(("in_progress", "submitted"), ("in_progress", "accepted"))  # ADR 63
    stored.action(("implemented", "submitted"), ("in_progress", "accepted"))  # judged once reopened
    reopened = stored.action(("implemented", "accepted"), ("in_progress", "accepted"))
    with CaptureQueriesContext(connection) as ran:
        migrate(WITHDRAWN)
    migrate_all()

    # a read, or a cursor over one (PostgreSQL), or a subquery: never an insert into the history
    reads = [q["sql"] for q in ran.captured_queries if 'FROM "plans_historicalaction"' in q["sql"]]
    assert len(reads) == 2  # the work once implemented while assured; the versions of the one such
    assert Action.objects.get(pk=reopened.pk).assurance == "none"


def test_it_withdraws_a_recommendation_tracked_alone(old):
    line = Stored(old).tracked_alone("not_achieved", "accepted")
    withdraw()

    now = Recommendation.objects.get(pk=line.pk)
    assert now.assurance == "none"
    assert now.assurance_reason == "Assurance withdrawn: the work became not achieved"
    assert changes_of(now)[0].why.startswith("Assurance withdrawn")


def test_the_plans_touched_are_counted_live_until_the_daily_job_counts_them_again(old):
    stored = Stored(old)
    stored.action(("implemented", "accepted"), ("in_progress", "accepted"), evidence="accepted")
    stored.counts_kept_today()  # kept before: nothing awaited assurance
    withdraw()

    partnership, plan = Partnership.objects.get(), Plan.objects.get()
    assert kept_recount.marked(partnership) == [plan.pk]
    assert kept_counts.dashboard_summary(partnership, kept_counts.today()).awaiting_assurance == 1
    kept_counts.keep_all()  # the daily `actionplan remind`
    assert kept_recount.marked(partnership) == []
    assert kept_counts.differences(partnership) == []
    assert kept_counts.kept_summary(partnership, kept_counts.today()).awaiting_assurance == 1

"""Writers, re-counts and a plan's deletion all at once: the partnership's totals stay its plans'
rows added up (ADR 67), no re-count and no change fails on a lock taken in the wrong order.

Run in a child process with its own database, as tests/test_concurrent_saves.py is, so that the
threads meet the real locking."""

from __future__ import annotations

import json

import pytest

from processes import python, recreate, scratch_database_url

WRITERS = 8
UPDATES_EACH = 6
RECOUNTERS = 3

ALL_AT_ONCE = f"""
import json, logging, threading
import django
django.setup()
from django.db import connections
from django.test import Client
from actionplan.plans import kept_counts, kept_recount, kept_totals
from actionplan.plans.counts_touched import counted
from actionplan.plans.models import Action, Partnership, Plan, Recommendation, User

failures = []
class Failures(logging.Handler):
    def emit(self, record):
        failures.append(record.getMessage())
logging.getLogger("actionplan.plans.kept_recount").addHandler(Failures())

partnership = Partnership.objects.get()
with counted():  # a plan to delete meanwhile, one of its actions linked from a composite plan
    doomed = Plan.objects.create(partnership=partnership, title="To go", kind="review_action_plan")
    line = Recommendation.objects.create(plan=doomed, ref="1.", text="Go", order=1)
    gone = [Action.objects.create(recommendation=line, text=f"Go {{i}}", order=i,
                                  owner=partnership.agencies.order_by("pk")[i]) for i in range(3)]
    composite = Recommendation.objects.filter(plan__kind="composite_action_plan",
                                              plan__partnership=partnership).first()
    if composite is not None:
        composite.linked_actions.add(gone[0])
kept_counts.rebuild(partnership)
bob = User.objects.get(username="bob")
actions = list(Action.objects.filter(owner__in=bob.agencies.all()).exclude(recommendation__plan=doomed))
plans = list(partnership.plans.values_list("pk", flat=True))
clients = []
for _ in range({WRITERS}):
    client = Client(raise_request_exception=False)
    client.force_login(bob)
    clients.append(client)
start = threading.Barrier({WRITERS} + {RECOUNTERS} + 1)
done = threading.Event()
failed = []

def write(n, client):
    start.wait()
    try:
        for i in range({UPDATES_EACH}):
            action = actions[(n + i) % len(actions)]
            data = {{"text": f"writer {{n}} update {{i}}", "status": "", "version": action.version}}
            response = client.post(f"/actions/{{action.pk}}/progress/", data)
            if response.status_code != 302:
                failed.append(response.status_code)
    finally:
        connections.close_all()

def recount(n):
    start.wait()
    try:
        while not done.is_set():  # as several workers would, each plan in its own order
            kept_recount.recount_marked(plans[n::{RECOUNTERS}] + plans, kept_counts.today())
    finally:
        connections.close_all()

def delete():
    start.wait()
    try:
        with counted():
            Plan.objects.get(pk=doomed.pk).delete()
    except Exception as error:
        failed.append(repr(error))
    finally:
        connections.close_all()

writers = [threading.Thread(target=write, args=(n, c)) for n, c in enumerate(clients)]
others = [threading.Thread(target=recount, args=(n,)) for n in range({RECOUNTERS})]
others.append(threading.Thread(target=delete))
for thread in writers + others:
    thread.start()
for thread in writers:
    thread.join()
done.set()
for thread in others:
    thread.join()
kept_recount.recount_marked(list(partnership.plans.values_list("pk", flat=True)), kept_counts.today())
print(json.dumps({{"failed": failed, "failures": failures,
                  "drift": [list(row) + [n] for row, n in kept_totals.drift(partnership).items()],
                  "differences": kept_counts.differences(partnership),
                  "marked": kept_recount.marked(partnership),
                  "doomed": Plan.objects.filter(pk=doomed.pk).exists()}}))
"""


def all_at_once(env: dict[str, str]) -> dict:
    return json.loads(python(ALL_AT_ONCE, {**env, "ALLOWED_HOSTS": "testserver"}).strip().splitlines()[-1])


def check(result: dict) -> None:
    assert result["failed"] == []
    assert result["failures"] == []
    assert result["drift"] == []
    assert result["differences"] == []
    assert result["marked"] == []
    assert result["doomed"] is False


def test_writers_re_counts_and_a_deletion_at_once_on_sqlite(tmp_path, built_databases):
    check(all_at_once(built_databases.sqlite(tmp_path / "data", "demo")))


SCRATCH = scratch_database_url("concurrent_totals")


@pytest.mark.skipif(SCRATCH is None, reason="the suite is not running on PostgreSQL")
def test_writers_re_counts_and_a_deletion_at_once_on_postgresql(tmp_path, built_databases):
    assert SCRATCH
    try:
        check(all_at_once(built_databases.postgresql(SCRATCH, tmp_path / "data", "demo")))
    finally:
        recreate(SCRATCH, create=False)

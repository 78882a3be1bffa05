"""Writers, re-counts, the daily rebuild's one pass and a plan's deletion all at once: the
partnership's totals stay its plans' rows added up (ADR 67, 77), no re-count, rebuild or change
fails on a lock taken in the wrong order. The writers' first updates are to the plan being
deleted: each is stored before the deletion (and deleted with it) or refused as the page of an
action that is gone; never an error, never acknowledged and lost.

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
from actionplan.plans.models import Action, Partnership, Plan, ProgressUpdate, Recommendation, User
from actionplan.web.views import action_page

failures = []
class Failures(logging.Handler):
    def emit(self, record):
        failures.append(record.getMessage() + (f": {{record.exc_info[1]!r}}" if record.exc_info else ""))
logging.getLogger("actionplan.plans.kept_recount").addHandler(Failures())
logging.getLogger("django.request").addHandler(Failures(logging.ERROR))  # an error's words, not a bare 500

partnership = Partnership.objects.get()
with counted():  # a plan to delete meanwhile, one of its actions linked from a composite plan
    doomed = Plan.objects.create(partnership=partnership, title="To go", kind="review_action_plan")
    line = Recommendation.objects.create(plan=doomed, ref="1.", text="Go", order=1)
    bobs = User.objects.get(username="bob").agencies.order_by("pk")
    gone = [Action.objects.create(recommendation=line, text=f"Go {{i}}", order=i,
                                  owner=bobs[i % len(bobs)]) for i in range(3)]
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
    client = Client(raise_request_exception=False)  # its capture of errors is not for threads
    client.force_login(bob)
    clients.append(client)
start = threading.Barrier({WRITERS} + {RECOUNTERS} + 2)
done = threading.Event()
failed, to_doomed = [], []
# The race made sure of: every update to the plan being deleted has read its action (the page
# found it) when the deletion starts, so each is stored, or refused, as the two meet; one of them
# goes on only once the plan is gone.
read = threading.Barrier({WRITERS} + 1)
deleted = threading.Event()
recording = action_page.record_progress

def record_progress(action, by, text, **given):
    if text.endswith(" update 0"):
        read.wait(120)  # bounded: a writer failing before it would not hang the run
        if text == "writer 0 update 0":
            deleted.wait(60)
    return recording(action, by, text, **given)

action_page.record_progress = record_progress

def write(n, client):
    start.wait()
    try:
        for i in range({UPDATES_EACH}):
            # The first update races the deletion of the plan its action belongs to.
            action = gone[n % len(gone)] if i == 0 else actions[(n + i) % len(actions)]
            text = f"writer {{n}} update {{i}}"
            data = {{"text": text, "status": "", "version": action.version}}
            answer = client.post(f"/actions/{{action.pk}}/progress/", data).status_code
            if i == 0:
                to_doomed.append([text, answer])
            elif answer != 302:
                failed.append(answer)
    finally:
        connections.close_all()

def recount(n):
    start.wait()
    try:
        while not done.is_set():  # as several workers would, each plan in its own order
            kept_recount.recount_marked(plans[n::{RECOUNTERS}] + plans, kept_counts.today())
    finally:
        connections.close_all()

def rebuild():
    start.wait()
    try:
        while not done.is_set():  # the daily rebuild, every plan in one pass, again and again
            kept_counts.rebuild(Partnership.objects.get())
    except Exception as error:
        failed.append(repr(error))
    finally:
        connections.close_all()

def delete():
    start.wait()
    read.wait(120)
    try:
        with counted():
            Plan.objects.get(pk=doomed.pk).delete()
    except Exception as error:
        failed.append(repr(error))
    finally:
        deleted.set()
        connections.close_all()

writers = [threading.Thread(target=write, args=(n, c)) for n, c in enumerate(clients)]
others = [threading.Thread(target=recount, args=(n,)) for n in range({RECOUNTERS})]
others += [threading.Thread(target=delete), threading.Thread(target=rebuild)]
for thread in writers + others:
    thread.start()
for thread in writers:
    thread.join()
done.set()
for thread in others:
    thread.join()
kept_recount.recount_marked(list(partnership.plans.values_list("pk", flat=True)), kept_counts.today())
texts = [text for text, _ in to_doomed]
deleted_after = ProgressUpdate.history.filter(text__in=texts, history_type="-")
print(json.dumps({{"failed": failed, "failures": failures, "to_doomed": to_doomed,
                  "stored_then_deleted": sorted(deleted_after.values_list("text", flat=True)),
                  "left": ProgressUpdate.objects.filter(text__in=texts).count(),
                  "drift": [list(row) + [n] for row, n in kept_totals.drift(partnership).items()],
                  "differences": kept_counts.differences(partnership),
                  "marked": kept_recount.marked(partnership),
                  "doomed": Plan.objects.filter(pk=doomed.pk).exists()}}))
"""


def all_at_once(env: dict[str, str]) -> dict:
    return json.loads(python(ALL_AT_ONCE, {**env, "ALLOWED_HOSTS": "testserver"}).strip().splitlines()[-1])


def check(result: dict) -> None:
    assert result["failed"] == []
    # Each update to the plan deleted meanwhile: stored before the deletion, and deleted with its
    # action; or refused once the action was gone, as any page of an action that is not there.
    acknowledged = sorted(text for text, code in result["to_doomed"] if code == 302)
    assert acknowledged == result["stored_then_deleted"]
    assert {code for _, code in result["to_doomed"]} <= {302, 404}
    assert dict(result["to_doomed"])["writer 0 update 0"] == 404  # it went on once the plan was gone
    assert result["left"] == 0
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

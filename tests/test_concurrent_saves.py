"""Twenty people saving at once: every update the server acknowledges is stored, none fails.

The product runs in a child process with its own database file (SQLite) or database
(PostgreSQL), so the writers meet the real locking, not the test runner's in-memory database."""

from __future__ import annotations

import json

import pytest

from processes import python, recreate, scratch_database_url

WRITERS = 20
UPDATES_EACH = 10

# Inside the child: each writer is a signed-in agency lead posting progress notes through the
# page's own form, all starting together.
WRITE_AT_ONCE = f"""
import json, threading
import django
django.setup()
from django.db import connections
from django.test import Client
from actionplan.plans.models import Action, ProgressUpdate, User

bob = User.objects.get(username="bob")
actions = list(Action.objects.filter(owner__in=bob.agencies.all()))
assert actions, "the demo gives bob no actions"
before = ProgressUpdate.objects.count()
clients = []
for _ in range({WRITERS}):
    client = Client(raise_request_exception=False)
    client.force_login(bob)
    clients.append(client)
start = threading.Barrier({WRITERS})
acknowledged, failed = [], []

def write(n, client):
    start.wait()
    try:
        for i in range({UPDATES_EACH}):
            action = actions[(n + i) % len(actions)]
            text = f"writer {{n}} update {{i}}"
            data = {{"text": text, "status": "", "version": action.version}}
            response = client.post(f"/actions/{{action.pk}}/progress/", data)
            (acknowledged if response.status_code == 302 else failed).append([text, response.status_code])
    finally:
        connections.close_all()

threads = [threading.Thread(target=write, args=(n, c)) for n, c in enumerate(clients)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
stored = sorted(ProgressUpdate.objects.filter(text__startswith="writer ").values_list("text", flat=True))
print(json.dumps({{"acknowledged": sorted(t for t, _ in acknowledged), "failed": failed,
                  "stored": stored, "added": ProgressUpdate.objects.count() - before}}))
"""


def saves_at_once(env: dict[str, str]) -> dict:
    return json.loads(python(WRITE_AT_ONCE, {**env, "ALLOWED_HOSTS": "testserver"}).strip().splitlines()[-1])


def check(result: dict) -> None:
    assert result["failed"] == []
    assert len(result["acknowledged"]) == WRITERS * UPDATES_EACH
    assert result["stored"] == result["acknowledged"]
    assert result["added"] == WRITERS * UPDATES_EACH


def test_twenty_writers_at_once_on_sqlite(tmp_path, built_databases):
    check(saves_at_once(built_databases.sqlite(tmp_path / "data", "demo")))


SCRATCH = scratch_database_url("concurrent_check")


@pytest.mark.skipif(SCRATCH is None, reason="the suite is not running on PostgreSQL")
def test_twenty_writers_at_once_on_postgresql(tmp_path, built_databases):
    assert SCRATCH
    try:
        check(saves_at_once(built_databases.postgresql(SCRATCH, tmp_path / "data", "demo")))
    finally:
        recreate(SCRATCH, create=False)

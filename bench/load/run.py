"""A bounded mixed load on gunicorn, beside the sign-in page's throughput in the same run.

    DATABASE_URL=postgres://…/bench .venv/bin/python bench/load/run.py [--users 6] [--seconds 60]

Runs on the data of bench/scale/generate.py. Starts gunicorn with the repository's
gunicorn.conf.py (its documented workers) on a loopback port and `actionplan worker` beside it,
then, with `--users` threads each signed in as a person of its own (one partnership admin, the
rest agency leads of one agency each):

1. the sign-in page alone, as fast as the threads can ask, for `--seconds`;
2. the signed-in floor for `--seconds`: the password page, which reads nothing but the session,
   the person and their partnership, in the layout every signed-in page has;
3. the mix, for `--seconds`: 80 % page reads (dashboard, plan and action pages, the lists) and
   20 % progress updates, each posted after reading its action's page, as a person does;
4. the sign-in page alone again (the machine may be shared: both measures bracket the mix).

Then gunicorn is stopped, and the updates stored are compared with the updates acknowledged
(each carries a tag of its own). Requests that fail, time out or answer with an unexpected status
are errors.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import secrets
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from client import Session, Tally  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "load-run " + secrets.token_hex(8)
# The reads of the mix, weighted; {plan}, {action} and {page} are drawn for each request.
READS = [("dashboard", "/", 15), ("plan page", "/plans/{plan}/", 20),
         ("action page", "/actions/{action}/", 20), ("overdue", "/actions/?overdue=on", 10),
         ("my actions", "/my-actions/", 10),
         ("all actions", "/actions/?page={page}", 10), ("plans", "/plans/", 5)]
UPDATE_SHARE = 0.25  # of steps; an update step is two requests (its page, then the post): 20 % posts


def prepare(users: int) -> dict:
    """People with passwords (made here, in the bench database) and the rows they will visit."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "actionplan.settings")
    import django

    django.setup()
    from actionplan.plans.models import Action, Agency, Partnership, Plan, User
    from actionplan.plans.status import FINISHED

    partnership = Partnership.objects.get()
    people = []
    agencies = Agency.objects.filter(partnership=partnership).order_by("pk")[:users - 1]
    for i, agency in enumerate([None, *agencies]):
        role = User.Role.PARTNERSHIP_ADMIN if agency is None else User.Role.AGENCY_LEAD
        person, _ = User.objects.update_or_create(
            username=f"load-{i}", defaults={"partnership": partnership, "role": role})
        person.set_password(PASSWORD)
        person.save()
        if agency is not None:
            person.agencies.set([agency])
        open_actions = Action.objects.filter(recommendation__plan__partnership=partnership).exclude(
            status__in=FINISHED)
        if agency is not None:
            open_actions = open_actions.filter(owner=agency)
        updatable = list(open_actions.values_list("pk", flat=True)[:2000])
        people.append((person.username, agency is not None, updatable))
    return {
        "people": people,
        "plans": list(Plan.objects.filter(partnership=partnership).values_list("pk", flat=True)),
        "actions": list(Action.objects.filter(recommendation__plan__partnership=partnership)
                        .values_list("pk", flat=True)),
    }


def stored_updates(run: str) -> set[str]:
    from actionplan.plans.models import ProgressUpdate

    return set(ProgressUpdate.objects.filter(text__startswith=f"{run} ").values_list("text", flat=True))


def start_gunicorn(bind: str, log: Path) -> subprocess.Popen:
    env = {**os.environ, "GUNICORN_BIND": bind, "PYTHONPATH": str(ROOT / "src"), "DEBUG": "0"}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py", "actionplan.wsgi"],
        cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT, start_new_session=True)
    for _ in range(120):
        try:
            if Session(bind).get("/sign-in/").status == 200:
                return server
        except OSError:
            pass
        time.sleep(0.5)
    stop(server)
    sys.exit(f"gunicorn did not answer on {bind}: see {log}")


def start_worker(log: Path) -> subprocess.Popen:
    """The worker, as production runs beside gunicorn: it re-counts the kept counts of the plans
    the updates change (ADR 59); without it they stay marked and every dashboard counts them live."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "DEBUG": "0"}
    return subprocess.Popen([sys.executable, "-m", "actionplan.cli", "worker"], cwd=ROOT, env=env,
                            stdout=log.open("w"), stderr=subprocess.STDOUT, start_new_session=True)


def stop(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=60)


def sign_in_page(bind: str, users: int, seconds: float) -> Tally:
    tally = Tally()

    def ask() -> None:
        session, deadline = Session(bind), time.monotonic() + seconds
        while time.monotonic() < deadline:
            tally.record("sign-in page", session.get("/sign-in/"), 200)

    run_threads([ask] * users)
    return tally


def signed_in_floor(bind: str, rows: dict, seconds: float) -> Tally:
    """The cheapest signed-in page: what every page costs before its own work."""
    tally = Tally()

    def ask(username: str) -> None:
        session = Session(bind)
        session.sign_in(username, PASSWORD)
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            tally.record("password page", session.get("/account/password/"), 200)

    run_threads([lambda who=who: ask(who[0]) for who in rows["people"]])
    return tally


def mix(bind: str, rows: dict, seconds: float, run: str, without: list[str]) -> tuple[Tally, set[str]]:
    tally, acknowledged, lock = Tally(), set(), threading.Lock()

    def person(username: str, has_own_actions: bool, updatable: list[int], seed: int) -> None:
        # "My actions" is the page of an agency's lead; a partnership admin has none of their own.
        reads = [read for read in READS if (has_own_actions or read[0] != "my actions")
                 and read[0] not in without]
        rng, session = random.Random(seed), Session(bind)
        session.sign_in(username, PASSWORD)
        deadline, n = time.monotonic() + seconds, 0
        while time.monotonic() < deadline:
            if rng.random() < UPDATE_SHARE and updatable:
                action = rng.choice(updatable)
                page = session.get(f"/actions/{action}/")
                tally.record("action page", page, 200)
                version = re.search(rb'name="version" value="(\d+)"', page.body)
                if version is None:
                    continue
                n += 1
                text = f"{run} {username} {n}: briefings delivered to two of three teams."
                posted = session.post(f"/actions/{action}/progress/", {
                    "text": text, "status": "", "revised_due": "", "reason": "", "replaced_by": "",
                    "version": version.group(1).decode()}, page.body)
                if tally.record("progress update", posted, 302):
                    with lock:
                        acknowledged.add(text)
            else:
                label, path, _ = rng.choices(reads, weights=[w for *_, w in reads])[0]
                path = path.format(plan=rng.choice(rows["plans"]), action=rng.choice(rows["actions"]),
                                   page=rng.randint(1, 50))
                tally.record(label, session.get(path), 200)

    run_threads([lambda who=who, i=i: person(*who, seed=i) for i, who in enumerate(rows["people"])])
    return tally, acknowledged


def run_threads(work: list) -> None:
    threads = [threading.Thread(target=w) for w in work]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=6)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--bind", default="127.0.0.1:8011")
    parser.add_argument("--without", action="append", default=[], choices=[label for label, *_ in READS],
                        help="leave a kind of page out of the mix (to see what it costs the rest)")
    args = parser.parse_args()
    rows = prepare(args.users)
    from django.db import connection

    run = f"Load run {secrets.token_hex(4)}"
    log = Path(tempfile.mkdtemp(prefix="load-")) / "gunicorn.log"
    server = start_gunicorn(args.bind, log)
    worker = start_worker(log.with_name("worker.log"))
    try:
        before = sign_in_page(args.bind, args.users, args.seconds)
        floor = signed_in_floor(args.bind, rows, args.seconds)
        load, acknowledged = mix(args.bind, rows, args.seconds, run, args.without)
        after = sign_in_page(args.bind, args.users, args.seconds)
    finally:
        stop(server)
        stop(worker)
    stored = stored_updates(run)
    sign_in_rate = (before.rate() + after.rate()) / 2
    print(f"{len(rows['actions']):,} actions; {platform.node()}: {os.cpu_count()} cores, "
          f"{platform.python_version()}, PostgreSQL {connection.pg_version}; {args.users} users, "
          f"{args.seconds:.0f} s a phase; load average {os.getloadavg()[0]:.1f}"
          + (f"; without {', '.join(args.without)}" if args.without else ""))
    print("| requests | count | per second | median ms | p95 ms | errors |\n|---|---|---|---|---|---|")
    for label, tally in [("sign-in page, before", before), ("sign-in page, after", after),
                         ("password page (signed in)", floor)]:
        print(tally.row(label))
    print(load.row("the mix"))
    for label in sorted(load.by_label):
        print(load.row(f"- {label}", label))
    print(f"\nsigned-in floor / sign-in page: {floor.rate() / sign_in_rate:.2f}; "
          f"mix / signed-in floor: {load.rate() / max(floor.rate(), 1e-9):.2f}")
    print(f"mix / sign-in page: {load.rate() / sign_in_rate:.2f} (target at least 0.5); "
          f"mix p95 {load.p95():.0f} ms (target under 500); errors {load.errors()} (target 0); "
          f"updates acknowledged {len(acknowledged)}, stored {len(stored)}, "
          f"{'the same' if stored == acknowledged else 'DIFFERENT'}")
    for line in load.failures[:10]:
        print("  ", line)
    print(f"gunicorn's log: {log}")


if __name__ == "__main__":
    main()

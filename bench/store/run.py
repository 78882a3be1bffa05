"""Time storing a plan of N rows (one action and one progress note each) with its history.

    .venv/bin/python bench/store/run.py [--rows 5000] [--themes]   # a fresh SQLite database
    DATABASE_URL=postgres://…/bench .venv/bin/python bench/store/run.py

The draft is written by the script (the JSON contract the importer produces): rows spread over
20 agency sections, each action with an owner, a due date, a measure, a progress note and a RAG
rating, one in ten recorded as done. Timed: `store_draft` alone, inside its transaction, after
one warm-up store of a small plan. Afterwards the rows and their history rows are counted.

With --themes the sections are 20 themes of the national list instead, and the same draft is
stored twice in the run: untagged, then with each section's rows tagged with its theme (as an
import whose sections name themes is stored); the second time over the first is the cost of
tagging. Every tag is counted afterwards, and each theme's name searched for.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
TARGET_S = 10.0


def draft(rows: int, sha: str, themes: list[str] | None = None) -> dict:
    names = themes or [f"Agency {n:02d}" for n in range(20)]
    sections = [{"name": name, "kind": "theme" if themes else "agency"} for name in names]
    items = []
    for n in range(rows):
        done = n % 10 == 0
        due = ({"text": "Completed Oct 2009", "date": None, "precision": "", "kind": "done"} if done
               else {"text": "31/03/2027", "date": "2027-03-31", "precision": "day", "kind": "date"})
        items.append({
            "ref": f"{n + 1}.", "section": names[n % 20], "outcome": "Children are safer.",
            "recommendation": "Agencies should share information at the earliest opportunity.",
            "review_refs": ["BN09"], "progress": None, "rag": None, "notes": [], "line": n + 2,
            "actions": [{"text": "Revise the escalation policy and brief all staff.",
                         "owners": ["Named Nurse"], "due": due, "measure": "Audit of 20 cases.",
                         "progress": "Briefings delivered to two of three teams.", "rag": "amber"}],
        })
    return {"source": {"path": f"plan-{sha}.docx", "format": "docx", "sha256": sha * 64},
            "plan": {"title": "Serious Case Review BN09 action plan", "kind": "review_action_plan",
                     "board": "Riverton", "reviews": ["BN09"], "date": "2010-03"},
            "sections": sections, "items": items, "warnings": []}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--themes", action="store_true", help="untagged, then tagged with themes")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="actionplan-store-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{folder}/bench.sqlite3")
    os.environ["ACTIONPLAN_DATA_DIR"] = folder
    os.environ["DJANGO_SETTINGS_MODULE"] = "actionplan.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from actionplan.plans.models import Action, Partnership, ProgressUpdate, Recommendation
    from actionplan.plans.store import store_draft

    call_command("migrate", verbosity=0)
    partnership, _ = Partnership.objects.get_or_create(name="Store benchmark partnership")
    partnership.plans.all().delete()  # a database kept from an earlier run
    if args.themes:
        sys.exit(themed(args.rows, partnership))
    store_draft(draft(20, "a"), partnership)  # warm-up: caches, first queries
    started = time.perf_counter()
    stored = store_draft(draft(args.rows, "b"), partnership, replace=True)
    seconds = time.perf_counter() - started
    plan = stored.plan
    counts = {
        "recommendations": Recommendation.objects.filter(plan=plan).count(),
        "their history": Recommendation.history.filter(plan_id=plan.pk).count(),
        "actions": Action.objects.filter(recommendation__plan=plan).count(),
        "their history ": Action.history.filter(recommendation__plan_id=plan.pk).count(),
        "updates": ProgressUpdate.objects.filter(action__recommendation__plan=plan).count(),
    }
    machine = f"{platform.node()}: {os.cpu_count()} cores, Python {platform.python_version()}"
    print(f"{connection.vendor}, {machine}")
    print(f"{args.rows:,} rows stored in {seconds:.2f} s (target under {TARGET_S:.0f} s); "
          + ", ".join(f"{n:,} {what.strip()}" for what, n in counts.items()))
    sys.exit(0 if seconds < TARGET_S else 1)


def themed(rows: int, partnership: Any) -> int:
    """The same draft stored untagged, then tagged: the seconds of each and their ratio."""
    from django.db import connection

    from actionplan.learning.search import search
    from actionplan.plans.models import Recommendation, Theme
    from actionplan.plans.store import store_draft

    themes = {t.name: t for t in Theme.objects.filter(national=True).order_by("name")[:20]}
    names = list(themes)
    store_draft(draft(20, "a", names), partnership, themes=themes)  # warm-up
    seconds = {}
    for sha, given in (("b", None), ("c", themes)):
        started = time.perf_counter()
        stored = store_draft(draft(rows, sha, names), partnership, themes=given)
        seconds[sha] = time.perf_counter() - started
    tags = Recommendation.themes.through.objects.filter(recommendation__plan=stored.plan)
    tagged: dict[str, set[int]] = {name: set() for name in names}
    for rec_id, name in tags.values_list("recommendation_id", "theme__name"):
        tagged[name].add(rec_id)
    # Every tagged row is among the hits of its theme's name (with rows whose words match it).
    hits = {name: {hit.recommendation.pk for hit in search(name, [partnership.pk], limit=4 * rows)}
            for name in names}
    found = sum(len(tagged[name] & hits[name]) for name in names)
    machine = f"{platform.node()}: {os.cpu_count()} cores, Python {platform.python_version()}"
    print(f"{connection.vendor}, {machine}, load average {os.getloadavg()[0]:.1f}")
    print(f"{rows:,} rows stored untagged in {seconds['b']:.2f} s, tagged with themes in "
          f"{seconds['c']:.2f} s ({seconds['c'] / seconds['b']:.2f} times); {tags.count():,} tags; "
          f"{found:,} rows found by their theme's name")
    return 0 if found == tags.count() == rows and seconds["c"] < TARGET_S else 1


if __name__ == "__main__":
    main()

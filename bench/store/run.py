"""Time storing a plan of N rows (one action and one progress note each) with its history.

    .venv/bin/python bench/store/run.py [--rows 5000]          # a fresh SQLite database
    DATABASE_URL=postgres://…/bench .venv/bin/python bench/store/run.py

The draft is written by the script (the JSON contract the importer produces): rows spread over
20 agency sections, each action with an owner, a due date, a measure, a progress note and a RAG
rating, one in ten recorded as done. Timed: `store_draft` alone, inside its transaction, after
one warm-up store of a small plan. Afterwards the rows and their history rows are counted.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
TARGET_S = 10.0


def draft(rows: int, sha: str) -> dict:
    sections = [{"name": f"Agency {n:02d}", "kind": "agency"} for n in range(20)]
    items = []
    for n in range(rows):
        done = n % 10 == 0
        due = ({"text": "Completed Oct 2009", "date": None, "precision": "", "kind": "done"} if done
               else {"text": "31/03/2027", "date": "2027-03-31", "precision": "day", "kind": "date"})
        items.append({
            "ref": f"{n + 1}.", "section": f"Agency {n % 20:02d}", "outcome": "Children are safer.",
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


if __name__ == "__main__":
    main()

"""Time the PDF of a large plan and measure the print worker's peak memory.

    ACTIONPLAN_DATA_DIR=/tmp/bench-reports .venv/bin/python bench/reports/pdf_bench.py 2000

Uses its own SQLite file in ACTIONPLAN_DATA_DIR; results are recorded in bench/reports/README.md.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))  # the large-plan builder the tests use
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "actionplan.settings")
data = Path(os.environ.setdefault("ACTIONPLAN_DATA_DIR", "/tmp/bench-reports"))
data.mkdir(parents=True, exist_ok=True)
database = data / "bench.sqlite3"
database.unlink(missing_ok=True)  # a fresh database for each run
os.environ["DATABASE_URL"] = f"sqlite:///{database}"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402

from actionplan.plans.models import Partnership  # noqa: E402
from actionplan.reports import Scope, build_report  # noqa: E402
from actionplan.reports.render import as_html, as_pdf  # noqa: E402
from reports.large import large_plan  # noqa: E402


def main(actions: int) -> None:
    call_command("migrate", verbosity=0)
    today = timezone.localdate()
    plan = large_plan(Partnership.objects.create(name="Bench"), actions, today)
    started = time.monotonic()
    report = build_report(plan.partnership, Scope(plan_id=plan.pk), today)
    html = as_html.page(report)
    built = time.monotonic()
    pdf = as_pdf.html_to_pdf(html, timeout=3600)
    printed = time.monotonic()
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"{actions} actions: report and HTML {built - started:.1f} s; PDF {printed - built:.1f} s, "
          f"{len(pdf) / 1e6:.1f} MB; worker peak memory {peak:.0f} MB")  # fmt: skip


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)

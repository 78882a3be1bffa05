"""Time a board report of N actions as Word and as PDF, with each one's peak memory.

    ACTIONPLAN_DATA_DIR=/tmp/bench-reports .venv/bin/python bench/reports/run.py 2000

Builds a plan of N actions (each with a progress update, written with history) in its own SQLite
file in ACTIONPLAN_DATA_DIR, builds its board report once, then writes it as PDF (through the
memory-bound print worker, as the application does) and as Word (in a forked process, so its peak
memory is its own). Each is reported in wall time and in CPU time: on a shared machine the wall
time grows with the other work, the CPU time much less. Results: bench/reports/README.md.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from collections.abc import Callable
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
from actionplan.reports.render import as_html, as_pdf, as_word  # noqa: E402
from reports.large import large_plan  # noqa: E402


def cpu(usage: resource.struct_rusage) -> float:
    return usage.ru_utime + usage.ru_stime


def in_fork(work: Callable[[], bytes]) -> tuple[float, float, int, float]:
    """Wall and CPU seconds, bytes written and peak resident MB of `work` run in a child."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        started = time.monotonic()
        size = len(work())
        os.write(write, f"{time.monotonic() - started} {size}".encode())
        os._exit(0)
    os.close(write)
    seconds, size = os.read(read, 100).decode().split()
    _, status, usage = os.wait4(pid, 0)
    if status != 0:
        raise SystemExit("the Word report failed")
    return float(seconds), cpu(usage), int(size), usage.ru_maxrss / 1024


def main(actions: int) -> None:
    call_command("migrate", verbosity=0)
    today = timezone.localdate()
    plan = large_plan(Partnership.objects.create(name="Bench"), actions, today)
    load = os.getloadavg()[0]
    started = time.monotonic()
    report = build_report(plan.partnership, Scope(plan_id=plan.pk), today)
    html = as_html.page(report)
    built = time.monotonic()
    # The print worker is this process's only child so far: the children's figures are its own.
    pdf = as_pdf.html_to_pdf(html, timeout=3600)
    printed = time.monotonic()
    worker = resource.getrusage(resource.RUSAGE_CHILDREN)
    word_seconds, word_cpu, word_size, word_peak = in_fork(lambda: as_word.write(report))
    print(f"{actions} actions (load average {load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end):\n"
          f"  report and HTML {built - started:.1f} s\n"
          f"  PDF  {printed - built:6.1f} s ({cpu(worker):.1f} s CPU), {len(pdf) / 1e6:.1f} MB, "
          f"print worker's peak {worker.ru_maxrss / 1024:.0f} MB\n"
          f"  Word {word_seconds:6.1f} s ({word_cpu:.1f} s CPU), {word_size / 1e6:.1f} MB, "
          f"peak {word_peak:.0f} MB")  # fmt: skip


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)

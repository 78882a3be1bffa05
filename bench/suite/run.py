"""Time the test suite area by area, as `make test` runs it: wall and CPU time of each area on
SQLite and, when DATABASE_URL names one, on PostgreSQL (where the `any_database` tests are left
out, as in `make test-postgres`). CPU time counts pytest and its children (browser, child
processes), not the PostgreSQL server; the load average is printed beside each line, since the
wall time says little on a loaded machine.

    .venv/bin/python bench/suite/run.py [area ...]     # areas: paths under tests/
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AREAS = [
    "tests/web/test_permissions_*.py",
    "tests/web",
    "tests/plans",
    "tests/reports",
    "tests/learning",
    "tests/reminders",
    "tests/system",
    "tests/importing",
    "tests/test_*.py",
]


def paths(area: str) -> list[str]:
    if "*" not in area:
        return [area]
    return sorted(str(p.relative_to(ROOT)) for p in ROOT.glob(area))


def timed(area: str, database_url: str) -> tuple[float, float, str]:
    args = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *paths(area)]
    if area == "tests/web":  # the matrix is its own area
        args += ["--deselect", *paths("tests/web/test_permissions_*.py")]
    if database_url:
        args += ["-m", "not any_database"]
    env = {**os.environ, "DATABASE_URL": database_url, "PYTHONPATH": str(ROOT / "src")}
    before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.monotonic()
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr[-200:]
    return time.monotonic() - start, cpu, summary


def main(areas: list[str]) -> None:
    engines = [("SQLite", "")]
    if os.environ.get("DATABASE_URL"):
        engines.append(("PostgreSQL", os.environ["DATABASE_URL"]))
    for engine, url in engines:
        for area in areas or AREAS:
            wall, cpu, summary = timed(area, url)
            load = ", ".join(f"{n:.1f}" for n in os.getloadavg())
            print(f"{engine:10} {area:34} wall {wall:7.1f} s  CPU {cpu:7.1f} s  load {load}  {summary}",
                  flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])

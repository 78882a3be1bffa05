"""Time importing the five seeds against a plain csv read of the same bytes.

    .venv/bin/python bench/import/run.py [SEEDS_DIR] [--repeat N]

SEEDS_DIR defaults to $ACTIONPLAN_SEEDS_DIR, else ../shared/seeds beside the repository.
Each timing is the best of N runs (time.perf_counter), so caches are warm in both.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

from actionplan.importing import parse_file
from actionplan.importing.columns import role_of
from actionplan.importing.dates import find_dates

TARGET_RATIO = 20.0


def seeds_dir(given: str | None) -> Path:
    if given:
        return Path(given)
    configured = os.environ.get("ACTIONPLAN_SEEDS_DIR")
    repo = Path(__file__).resolve().parents[2]
    return Path(configured) if configured else repo.parent / "shared" / "seeds"


def best_of(repeat: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", nargs="?")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    paths = sorted(seeds_dir(args.seeds).glob("*.txt"))
    if not paths:
        print("no seed documents found", file=sys.stderr)
        return 2
    contents = [path.read_bytes() for path in paths]

    def import_all() -> None:
        # Dates are cached only to share work within a plan: start each run cold. The
        # header cache is kept, as in a running server: boards reuse their headers.
        find_dates.cache_clear()
        for path in paths:
            parse_file(path)

    def csv_all() -> None:
        for path in paths:  # the same file reads, then a tab-delimited csv parse
            text = path.read_bytes().decode("utf-8")
            for _row in csv.reader(io.StringIO(text), delimiter="\t"):
                pass

    role_of.cache_clear()
    parse_file(paths[0])  # imports and the header cache warmed once, as in a server
    csv_seconds = best_of(args.repeat, csv_all)
    import_seconds = best_of(args.repeat, import_all)
    ratio = import_seconds / csv_seconds
    print(f"python {platform.python_version()} on {platform.machine()}, "
          f"{len(paths)} seeds, {sum(map(len, contents))} bytes, best of {args.repeat}")
    print(f"csv read   : {csv_seconds * 1000:8.3f} ms")
    print(f"parse_file : {import_seconds * 1000:8.3f} ms")
    print(f"ratio      : {ratio:8.1f}x  (target <= {TARGET_RATIO:.0f}x)")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())

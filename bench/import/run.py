"""Time to the preview and peak memory of importing a large workbook and the seeds.

    .venv/bin/python bench/import/run.py [SEEDS_DIR] [--rows N]

A workbook of N action rows (default 5,000) is written with openpyxl, and a tab-separated
table of N rows of short cells; each is read with parse_bytes as an upload is. Each seed in
SEEDS_DIR ($ACTIONPLAN_SEEDS_DIR, else ../shared/seeds beside the repository; skipped,
saying so, when there are none) is read with parse_file. Each line gives the seconds to the
draft and the peak memory the import allocated (tracemalloc, in a second run). The exit
status is 1 when either large plan misses a target.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path

from openpyxl import Workbook

from actionplan.importing import PlanDraft, parse_bytes, parse_file

TARGET_SECONDS = 10.0
TARGET_MB = 500.0


def seed_paths(given: str | None) -> list[Path]:
    """The seed documents in SEEDS_DIR (else $ACTIONPLAN_SEEDS_DIR, else ../shared/seeds
    beside the repository); none, said on stderr, when the folder has none."""
    configured = given or os.environ.get("ACTIONPLAN_SEEDS_DIR")
    folder = Path(configured) if configured else (
        Path(__file__).resolve().parents[3] / "shared" / "seeds")
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        print(f"no seed documents found in {folder}: seeds skipped", file=sys.stderr)
    return paths


def large_workbook(rows: int) -> bytes:
    """A plan of `rows` actions, five to a recommendation, as a board's tracker holds it."""
    book = Workbook()
    sheet = book.active
    sheet.append(["Ref", "Recommendation", "Action", "Lead agency", "Target date",
                  "Progress update", "RAG"])
    for number in range(rows):
        sheet.append([f"R{number // 5 + 1}", f"Recommendation {number // 5 + 1} on "
                      "information sharing between agencies", f"Action {number}: review "
                      "the referral pathway and report to the board", "Children's Services",
                      "Q2 2025/26", "Audit planned; first findings to the next board",
                      "Amber"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def short_table(rows: int) -> bytes:
    """A tab-separated plan of `rows` actions in short cells only: the dearest rows to
    tell from a header, since each short cell is scored against every column role."""
    lines = ["Ref\tRecommendation\tAction\tLead agency\tTarget date\tStatus"]
    lines += [f"R{n // 5 + 1}\tImprove referrals {n // 5 + 1}\tTask {n}\tHead of "
              "Safeguarding, Eastshire ICB\tQ2 2025/26\tOn track" for n in range(rows)]
    return "\n".join(lines).encode()


def measured(name: str, read: Callable[[], PlanDraft]) -> tuple[float, float]:
    """Seconds and peak MB of one import, printed on one line. Timed in a run of its own:
    tracing every allocation slows the import several times over."""
    start = time.perf_counter()
    draft = read()
    seconds = time.perf_counter() - start
    tracemalloc.start()
    read()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    actions = sum(len(item.actions) for item in draft.items)
    print(f"{name:32} {seconds:7.2f} s {peak:8.1f} MB   {len(draft.items)} items, "
          f"{actions} actions")
    return seconds, peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", nargs="?")
    parser.add_argument("--rows", type=int, default=5000)
    args = parser.parse_args()
    data = large_workbook(args.rows)
    seconds, peak = measured(f"workbook of {args.rows} rows",
                             lambda: parse_bytes(data, "tracker.xlsx"))
    table = short_table(args.rows)
    short_seconds, short_peak = measured(f"short cells, {args.rows} rows",
                                         lambda: parse_bytes(table, "tracker.txt"))
    for path in seed_paths(args.seeds):
        measured(path.name, partial(parse_file, path))
    print(f"targets for the two large plans: under {TARGET_SECONDS:.0f} s and "
          f"{TARGET_MB:.0f} MB")
    met = max(seconds, short_seconds) < TARGET_SECONDS and max(peak, short_peak) < TARGET_MB
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())

"""Time importing the five seeds against a plain csv read of the same bytes.

    .venv/bin/python bench/import/run.py [SEEDS_DIR] [--rounds N] [--csv-repeat K]

SEEDS_DIR defaults to $ACTIONPLAN_SEEDS_DIR, else ../shared/seeds beside the repository.
The two timings are interleaved: each round times the csv read and the import back to back
(alternating which goes first), so both see the same load on a shared machine. The csv
read is done --csv-repeat times in its turn and averaged, so that both windows are of
similar length and as likely to be interrupted by another process. Reported: the best of
the rounds for each, and the median of the per-round ratios; the exit status is 1 when
that median ratio is over the target.
"""

from __future__ import annotations

import argparse
import csv
import gc
import io
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from actionplan.importing import clear_caches, parse_file

TARGET_RATIO = 20.0


def seed_paths(given: str | None) -> list[Path]:
    """The seed documents in SEEDS_DIR (else $ACTIONPLAN_SEEDS_DIR, else ../shared/seeds
    beside the repository); exits with status 2, saying where it looked, when there are none."""
    configured = given or os.environ.get("ACTIONPLAN_SEEDS_DIR")
    folder = Path(configured) if configured else (
        Path(__file__).resolve().parents[3] / "shared" / "seeds")
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        print(f"no seed documents found in {folder}", file=sys.stderr)
        sys.exit(2)
    return paths


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def interleaved(
    rounds: int, csv_repeat: int, csv_all: Callable[[], object],
    import_all: Callable[[], object],
) -> tuple[list[float], list[float], float]:
    """Per-round seconds of each (the csv read: the mean of its reads in the round), and
    the fastest single csv read seen. Timed back to back; the order swaps every round so
    neither always runs second (after the other has warmed or disturbed the caches)."""
    csv_times: list[float] = []
    import_times: list[float] = []
    fastest_csv = float("inf")

    def csv_turn() -> None:
        nonlocal fastest_csv
        reads = [timed(csv_all) for _ in range(csv_repeat)]
        csv_times.append(sum(reads) / len(reads))
        fastest_csv = min(fastest_csv, *reads)

    for number in range(rounds):
        gc.collect()  # start each round with the same heap; collections inside still count
        if number % 2:
            import_times.append(timed(import_all))
            csv_turn()
        else:
            csv_turn()
            import_times.append(timed(import_all))
    return csv_times, import_times, fastest_csv


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", nargs="?")
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--csv-repeat", type=int, default=16,
                        help="csv reads per round, averaged (default 16)")
    args = parser.parse_args()
    paths = seed_paths(args.seeds)
    contents = [path.read_bytes() for path in paths]

    def import_all() -> None:
        # Header roles, cells and dates are cached by text to share work within a plan:
        # start each run cold, as for a plan never seen before.
        clear_caches()
        for path in paths:
            parse_file(path)

    def csv_all() -> None:
        for path in paths:  # the same file reads, then a tab-delimited csv parse
            text = path.read_bytes().decode("utf-8")
            for _row in csv.reader(io.StringIO(text), delimiter="\t"):
                pass

    import_all()  # modules imported once, as in a server
    csv_all()
    csv_times, import_times, fastest_csv = interleaved(
        args.rounds, args.csv_repeat, csv_all, import_all)
    best_csv, best_import = min(csv_times), min(import_times)
    ratios = [i / c for c, i in zip(csv_times, import_times, strict=True)]
    median = statistics.median(ratios)
    print(f"python {platform.python_version()} on {platform.machine()}, "
          f"{len(paths)} seeds, {sum(map(len, contents))} bytes, {args.rounds} rounds, "
          f"csv read x{args.csv_repeat} per round")
    print(f"csv read   : best {best_csv * 1000:7.3f} ms   "
          f"median {statistics.median(csv_times) * 1000:7.3f} ms   "
          f"(fastest single read {fastest_csv * 1000:.3f} ms)")
    print(f"parse_file : best {best_import * 1000:7.3f} ms   "
          f"median {statistics.median(import_times) * 1000:7.3f} ms")
    print(f"ratio      : median of rounds {median:5.1f}x   best/best "
          f"{best_import / best_csv:5.1f}x   best/fastest read {best_import / fastest_csv:5.1f}x")
    print(f"             rounds {min(ratios):.1f}x-{max(ratios):.1f}x; the exit status: "
          f"median of rounds <= {TARGET_RATIO:.0f}x")
    return 0 if median <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())

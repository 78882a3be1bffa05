"""Count the Python bytecodes one cold import of the seeds executes, by function.

    .venv/bin/python bench/import/opcodes.py [SEEDS_DIR] [--top N]

Repeatable (same code, same seeds, same count), so it shows where the interpreter spends
its steps; but it is no measure of time: the regular expressions, allocations and string
work in C cost more in a real import than a count suggests. To decide whether a change
helps, time it against the previous revision with ab.py.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from types import FrameType
from typing import Any

from run import seed_paths

from actionplan.importing import clear_caches, parse_file


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", nargs="?")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    paths = seed_paths(args.seeds)
    for path in paths:  # modules imported and compiled before counting
        parse_file(path)

    counts: Counter[tuple[str, str]] = Counter()

    def trace(frame: FrameType, event: str, arg: Any) -> Any:
        if event == "call":
            frame.f_trace_opcodes, frame.f_trace_lines = True, False
        elif event == "opcode":
            code = frame.f_code
            counts[(code.co_filename.rsplit("/", 2)[-1], code.co_name)] += 1
        return trace

    clear_caches()
    sys.settrace(trace)
    try:
        for path in paths:
            parse_file(path)
    finally:
        sys.settrace(None)
    total = sum(counts.values())
    print(f"{total:,} bytecodes for one cold import of {len(paths)} seeds")
    for (file, function), count in counts.most_common(args.top):
        print(f"{count:9,} {100 * count / total:5.1f} %  {file} {function}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

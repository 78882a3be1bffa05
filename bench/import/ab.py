"""Time the importer of the working tree against a git revision's, in one process.

    .venv/bin/python bench/import/ab.py [REVISION] [SEEDS_DIR] [--rounds N]

REVISION defaults to HEAD. Its `src/actionplan` is exported to a temporary folder under
another package name, so both importers are loaded side by side; each round imports the
five seeds cold with one and then the other (alternating which goes first). Printed: the
median of the per-round ratios, new over old.

Separate runs of run.py on a shared machine differ by several per cent; two importers
timed in the same rounds see the same load, so a change of 1-2 % shows. Counting
bytecodes (opcodes.py) or instructions misses much of it: the regular expressions and
allocations cost more in a real import, where their code and data are cold, than a count
suggests.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import io
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from types import ModuleType

from run import seed_paths

REPO = Path(__file__).resolve().parents[2]
OLD_NAME = "actionplan_old"  # the revision's package, beside the installed actionplan


def load_revision(revision: str, folder: Path) -> ModuleType:
    """The revision's actionplan.importing, imported as actionplan_old.importing (its
    imports within the package are relative, so the new name holds)."""
    archive = subprocess.run(["git", "-C", str(REPO), "archive", revision, "src/actionplan"],
                             check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        # Our own repository's files; the "data" filter where this Python has it (3.11.4+).
        tar.extractall(folder, **({"filter": "data"} if hasattr(tarfile, "data_filter") else {}))
    shutil.move(folder / "src" / "actionplan", folder / OLD_NAME)
    sys.path.insert(0, str(folder))
    return importlib.import_module(f"{OLD_NAME}.importing")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revision", nargs="?", default="HEAD")
    parser.add_argument("seeds", nargs="?")
    parser.add_argument("--rounds", type=int, default=400)
    args = parser.parse_args()
    paths = seed_paths(args.seeds)

    import actionplan.importing as new

    with tempfile.TemporaryDirectory() as folder:
        old = load_revision(args.revision, Path(folder))
        times: dict[ModuleType, list[float]] = {old: [], new: []}

        def import_all(importer: ModuleType) -> None:
            importer.clear_caches()
            for path in paths:
                importer.parse_file(path)

        for importer in (old, new):  # modules loaded, readers imported
            import_all(importer)
        for number in range(args.rounds):
            gc.collect()
            for importer in (old, new) if number % 2 else (new, old):
                start = time.perf_counter()
                import_all(importer)
                times[importer].append(time.perf_counter() - start)
    ratios = [n / o for o, n in zip(times[old], times[new], strict=True)]
    print(f"{args.revision}: best {min(times[old]) * 1000:.3f} ms   working tree: best "
          f"{min(times[new]) * 1000:.3f} ms   new/old median of rounds "
          f"{statistics.median(ratios):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

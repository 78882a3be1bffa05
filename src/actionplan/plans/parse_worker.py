"""Read one uploaded plan in a child process: the file's bytes on stdin, its drafts as JSON on
stdout.

Run as `python path/to/parse_worker.py MEMORY_MB FILENAME COLUMNS_JSON` (see parsing.py). The
memory bound is set before any reader starts, so a hostile document (a small PDF of millions
of tiny text operations, a workbook that inflates) fails alone instead of taking the web server
with it. It imports the importer only, never Django, so the child starts fast.
"""

from __future__ import annotations

import json
import resource
import sys
from pathlib import Path


def limit_memory(megabytes: int) -> None:
    limit = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def main() -> None:
    megabytes, filename, columns = int(sys.argv[1]), sys.argv[2], json.loads(sys.argv[3]) or None
    data = sys.stdin.buffer.read()
    limit_memory(megabytes)
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the folder holding actionplan
    from actionplan.importing import ColumnReading, ImportFailure, read_document

    def listed(readings: tuple[ColumnReading, ...]) -> list[list[object]]:
        return [[r.header, r.role, r.confidence] for r in readings]

    answer: dict[str, object]
    try:
        document = read_document(data, filename, columns=columns)
        answer = {"plans": [draft.to_dict() for draft in document.plans], "columns": listed(document.columns)}
    except ImportFailure as failure:
        message = failure.message
        if isinstance(failure.__cause__, MemoryError):
            message = f"needs more than {megabytes} MB of memory to read"
        answer = {
            "failure": {"message": message, "line": failure.line, "page": failure.page},
            "columns": listed(failure.columns),
        }
    sys.stdout.write(json.dumps(answer))


if __name__ == "__main__":
    main()

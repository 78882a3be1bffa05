"""Read one uploaded plan in a child process: the file's bytes on stdin, its draft as JSON on stdout.

Run as `python path/to/parse_worker.py MEMORY_MB FILENAME [COLUMNS_JSON]` (see parsing.py). The memory bound
is set before any reader starts, so a hostile document (a small PDF of millions of tiny text
operations, a workbook that inflates) fails alone instead of taking the web server with it. It
imports the importer only, never Django, so the child starts fast.
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
    megabytes, filename = int(sys.argv[1]), sys.argv[2]
    columns = json.loads(sys.argv[3]) if len(sys.argv) > 3 else None
    data = sys.stdin.buffer.read()
    limit_memory(megabytes)
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the folder holding actionplan
    from actionplan.importing import ImportFailure, parse_plans_bytes

    answer: dict[str, object]
    try:
        drafts = parse_plans_bytes(data, filename, columns=columns)
        answer = {"drafts": [draft.to_dict() for draft in drafts]}
    except ImportFailure as failure:
        message = failure.message
        if isinstance(failure.__cause__, MemoryError):
            message = f"needs more than {megabytes} MB of memory to read"
        answer = {"failure": {
            "message": message, "line": failure.line, "page": failure.page,
            "columns": [[c.header, c.role, c.confidence] for c in failure.columns],
        }}
    sys.stdout.write(json.dumps(answer))


if __name__ == "__main__":
    main()

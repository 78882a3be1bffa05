"""Read one uploaded plan in a child process: the file's bytes on stdin, its draft as JSON on stdout.

Run as `python path/to/parse_worker.py MEMORY_MB FILENAME` (see parsing.py). The memory bound
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
    data = sys.stdin.buffer.read()
    limit_memory(megabytes)
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the folder holding actionplan
    from actionplan.importing import ImportFailure, parse_bytes

    try:
        answer = {"draft": parse_bytes(data, filename).to_dict()}
    except ImportFailure as failure:
        message = failure.message
        if isinstance(failure.__cause__, MemoryError):
            message = f"needs more than {megabytes} MB of memory to read"
        answer = {"failure": {"message": message, "line": failure.line, "page": failure.page}}
    sys.stdout.write(json.dumps(answer))


if __name__ == "__main__":
    main()

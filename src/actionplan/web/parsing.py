"""Uploaded plans are read in a child process with memory and time limits (parse_worker.py),
so no document can hold a web worker past its timeout or take the server's memory."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import UploadedFile

from actionplan.importing import ImportFailure
from actionplan.importing.errors import ColumnReading

MEMORY_MB = 1024  # the largest real plans read in under 200 MB
SECONDS_PER_FILE = 60
# All the files of one upload together: well inside gunicorn's timeout (gunicorn.conf.py).
SECONDS_PER_UPLOAD = 90
WORKER = Path(__file__).resolve().parent / "parse_worker.py"


def parse_upload(
    data: bytes, filename: str, *, columns: Mapping[str, str] | None = None,
    memory_mb: int = MEMORY_MB, timeout: float = SECONDS_PER_FILE,
) -> list[dict[str, Any]]:
    """The file's drafts (as PlanDraft.to_dict(): a workbook may hold several plans), or
    ImportFailure naming the file and why; `columns` maps headings to roles, as in the importer."""
    try:
        done = subprocess.run(
            [sys.executable, str(WORKER), str(memory_mb), filename, json.dumps(dict(columns or {}))],
            input=data,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise ImportFailure(filename, f"took longer than {timeout:.0f} seconds to read") from error
    try:
        answer = json.loads(done.stdout)
    except ValueError:
        # The reader died without answering: out of memory (Python may abort while reporting a
        # MemoryError), or a crash in a library.
        said = done.stderr.decode("utf-8", "replace")
        if "MemoryError" in said or "Cannot allocate memory" in said:
            raise ImportFailure(filename, f"needs more than {memory_mb} MB of memory to read") from None
        raise ImportFailure(
            filename, f"could not be read (the reader stopped, code {done.returncode})"
        ) from None
    if "failure" in answer:
        failure = answer["failure"]
        readings = tuple(ColumnReading(*reading) for reading in failure["columns"])
        raise ImportFailure(filename, failure["message"], line=failure["line"], page=failure["page"],
                            columns=readings)
    drafts: list[dict[str, Any]] = answer["drafts"]
    return drafts


def parse_uploads(files: Sequence[UploadedFile]) -> tuple[list[dict[str, Any]], list[str]]:
    """Each uploaded file's drafts, or why it could not be read; the files share one time budget."""
    drafts: list[dict[str, Any]] = []
    errors: list[str] = []
    deadline = time.monotonic() + SECONDS_PER_UPLOAD
    for upload in files:
        left = deadline - time.monotonic()
        if left < 1:
            errors.append(f"{upload.name}: not read, the files before it took all the time; import it alone")
            continue
        name = upload.name or "upload"
        try:
            drafts.extend(parse_upload(upload.read(), name, timeout=min(SECONDS_PER_FILE, left)))
        except ImportFailure as failure:
            errors.append(str(failure))
    return drafts, errors

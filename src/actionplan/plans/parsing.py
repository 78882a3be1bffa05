"""Uploaded plans are read in a child process with memory and time limits (parse_worker.py),
so no document can hold a web worker past its timeout or take the server's memory. The same
bounded run reads other uploads (a workbook of updates given back: reports/workbook_worker.py)."""

from __future__ import annotations

import hashlib
import json
import signal
import subprocess
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from actionplan.importing import ColumnReading, ImportFailure

MEMORY_MB = 1024  # the largest real plans read in under 200 MB
SECONDS_PER_FILE = 60
# All the files of one upload together: well inside gunicorn's timeout (gunicorn.conf.py).
SECONDS_PER_UPLOAD = 90
WORKER = Path(__file__).resolve().parent / "parse_worker.py"


class Parsed(NamedTuple):
    """Each plan of a document as the draft's JSON, and how its header's columns were read."""

    plans: list[dict[str, Any]]
    columns: tuple[ColumnReading, ...]


def parse_upload(
    data: bytes, filename: str, *, columns: Mapping[str, str] | None = None,
    memory_mb: int = MEMORY_MB, timeout: float = SECONDS_PER_FILE,
) -> Parsed:
    """The document's plans (a workbook may hold several) and its header's reading, or
    ImportFailure naming the file and why; `columns` maps headings to roles, as in the importer."""
    mapped = json.dumps(dict(columns or {}))
    key = (hashlib.sha256(data).hexdigest(), filename, mapped)  # all the child is given
    answer = _read_before(key)
    if answer is None:
        try:
            answer = run_bounded(WORKER, [filename, mapped], data, memory_mb=memory_mb, timeout=timeout)
        except ChildFailed as stopped:
            raise ImportFailure(filename, stopped.reason) from None
        _remember(key, answer)
    readings = tuple(ColumnReading(*reading) for reading in answer["columns"])
    if "failure" in answer:
        failure = answer["failure"]
        raise ImportFailure(filename, failure["message"], line=failure["line"], page=failure["page"],
                            columns=readings)
    return Parsed(answer["plans"], readings)


# The answers of the last few readings, as JSON. An import in progress reads its document again
# on every page and after every correction, and a child process is a second or more each time;
# the same bytes, name and columns always read the same, so the answer is kept. Failures to
# finish (time, memory) are not: they depend on the machine's load, and a retry may succeed.
# Bounded by their size in all, not their number: sixteen plans of several thousand rows would
# otherwise hold half a gigabyte in every web worker for as long as it lives.
READINGS_KEPT = 16
KEPT_IN_ALL = 32 * 2**20  # characters of JSON: a plan of several thousand rows, or many small ones
_readings: OrderedDict[tuple[str, str, str], str] = OrderedDict()
_readings_lock = threading.Lock()  # a threaded server reads two pages at once


def _read_before(key: tuple[str, str, str]) -> Any:
    """A fresh copy of a kept answer (the callers change the plans they are given), or None."""
    with _readings_lock:
        kept = _readings.get(key)
        if kept is None:
            return None
        _readings.move_to_end(key)
    return json.loads(kept)


def _remember(key: tuple[str, str, str], answer: Any) -> None:
    kept = json.dumps(answer)
    if len(kept) > KEPT_IN_ALL:
        return
    with _readings_lock:
        _readings[key] = kept
        while len(_readings) > READINGS_KEPT or sum(map(len, _readings.values())) > KEPT_IN_ALL:
            _readings.popitem(last=False)


OUT_OF_MEMORY = ("MemoryError", "Cannot allocate memory", "Memory allocation")
CRASHES = {signal.SIGSEGV, signal.SIGBUS, signal.SIGABRT}


class ChildFailed(Exception):
    """A bounded reader gave no answer; `reason` says why in words for the person uploading."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def run_bounded(worker: Path, args: list[str], data: bytes, *, memory_mb: int, timeout: float) -> Any:
    """Run `python WORKER MEMORY_MB ARGS…` with `data` on its stdin and answer the JSON it
    prints; ChildFailed when it runs out of time or memory, or dies without answering."""
    try:
        done = subprocess.run(
            [sys.executable, str(worker), str(memory_mb), *args],
            input=data,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise ChildFailed(f"took longer than {timeout:.0f} seconds to read") from error
    try:
        return json.loads(done.stdout)
    except ValueError:
        # The reader died without answering: out of memory (Python may abort while reporting a
        # MemoryError; a library that does not check its allocations crashes on reaching the
        # bound, which under load is where a greedy document ends), or a crash in a library.
        said = done.stderr.decode("utf-8", "replace")
        if any(words in said for words in OUT_OF_MEMORY) or -done.returncode in CRASHES:
            raise ChildFailed(f"needs more than {memory_mb} MB of memory to read") from None
        raise ChildFailed(f"could not be read (the reader stopped, code {done.returncode})") from None


def time_left_for_each(names: list[str]) -> Iterator[tuple[str, float | None]]:
    """Each file of one upload with the seconds it may take to read (None: the files before it
    took all the time); the files share one budget, so an upload never outlasts a web worker."""
    deadline = time.monotonic() + SECONDS_PER_UPLOAD
    for name in names:
        left = deadline - time.monotonic()
        yield name, (min(SECONDS_PER_FILE, left) if left >= 1 else None)

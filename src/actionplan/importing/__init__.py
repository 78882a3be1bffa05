"""Documents in, a PlanDraft out: the importer of board action plans.

    draft = parse_file(path, columns={"Milestones": "measure"})
    draft.to_dict()   # the JSON contract of docs/import-draft.md

Pure Python: nothing here knows about Django or the database.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path

from .draft import PlanDraft, Source
from .errors import ImportFailure
from .files import MAX_BYTES, check_bytes, format_of
from .header import ROLES
from .readers import reader_for
from .reading import draft_of
from .table import render_table

__all__ = ["MAX_BYTES", "ImportFailure", "PlanDraft", "parse_bytes",
           "parse_file", "render_table"]


def parse_file(path: Path | str, *, columns: Mapping[str, str] | None = None) -> PlanDraft:
    """Read a plan from a file; ImportFailure says why when it cannot."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ImportFailure(path, f"is larger than the {MAX_BYTES // 2**20} MB limit")
        data = path.read_bytes()
    except OSError as error:
        raise ImportFailure(path, f"cannot be read ({error.strerror or error})") from error
    return parse_bytes(data, str(path), columns=columns)


def parse_bytes(
    data: bytes, filename: str, *, columns: Mapping[str, str] | None = None,
) -> PlanDraft:
    """Read a plan from bytes (a web upload); the filename gives the format."""
    try:
        return _parse(data, filename, columns)
    except ImportFailure:
        raise
    except Exception as error:  # any library's failure on bad bytes is the file's fault
        raise ImportFailure(filename, f"could not be read ({type(error).__name__})") from error


def _parse(data: bytes, filename: str, columns: Mapping[str, str] | None) -> PlanDraft:
    for header, role in (columns or {}).items():
        if role not in ROLES:
            raise ImportFailure(filename, f"column {header!r}: unknown role {role!r}")
    fmt = format_of(filename)
    check_bytes(data, filename, fmt)
    rows = reader_for(fmt)(data, filename)
    return draft_of(rows, Source(filename, fmt, hashlib.sha256(data).hexdigest()), columns)

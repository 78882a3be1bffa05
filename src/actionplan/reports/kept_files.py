"""Report files on disk: written whole or not at all, and forgotten after the retention period."""

from __future__ import annotations

import os
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from uuid import uuid4

from django.conf import settings
from django.utils import timezone

from actionplan.plans.models import ReportFile


def folder() -> Path:
    return Path(settings.REPORT_FILES_DIR)


def keep(partnership_id: int, content: bytes, extension: str) -> str:
    """Write a report's bytes under the partnership's folder; returns the name to store.

    Written to a temporary file first and renamed, so a worker stopped half-way never leaves a
    file a ready report names. Readable by the server's own account only (mode 0600, as the
    temporary file is made): reports name children, families and staff."""
    place = folder() / str(partnership_id)
    place.mkdir(parents=True, exist_ok=True, mode=0o700)
    with tempfile.NamedTemporaryFile(dir=place, suffix=".part", delete=False) as out:
        out.write(content)
    final = place / f"{uuid4().hex}.{extension}"
    os.replace(out.name, final)
    return f"{partnership_id}/{final.name}"


def remove(stored_as: str) -> None:
    if stored_as:
        (folder() / stored_as).unlink(missing_ok=True)


def forget_old_reports(now: datetime | None = None) -> int:
    """Remove the reports nobody has asked for within the retention period, and any file in the
    folder that no report names (its worker stopped, or its plan was removed) once it is as old.
    Returns how many reports were forgotten. Any report can be produced again."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.ACTIONPLAN_REPORT_RETENTION_DAYS)
    old = ReportFile.objects.filter(last_asked_at__lt=cutoff)
    for stored_as in old.values_list("stored_as", flat=True):
        remove(stored_as)
    forgotten, _ = old.delete()
    named = set(ReportFile.objects.exclude(stored_as="").values_list("stored_as", flat=True))
    for path in folder().glob("*/*"):
        stray = f"{path.parent.name}/{path.name}" not in named
        if stray and path.is_file() and path.stat().st_mtime < cutoff.timestamp():
            path.unlink(missing_ok=True)
    return forgotten

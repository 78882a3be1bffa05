"""CSV: the flat export, one row per action, for people who work in their own tools."""

from __future__ import annotations

import csv
import io
from datetime import date

from ..export_columns import COLUMNS
from ..model import BoardReport
from ..safe_text import escape


def cell(value: str | date | None) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, date) else escape(value)


def write(report: BoardReport) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([column.heading for column in COLUMNS])
    for row in report.rows:
        writer.writerow([cell(column.value(row)) for column in COLUMNS])
    # A byte-order mark so that Excel opens the file as UTF-8 (names, dashes, quotes).
    return ("\ufeff" + out.getvalue()).encode("utf-8")

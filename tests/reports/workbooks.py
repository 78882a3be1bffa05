"""Helpers for the round-trip tests: export a workbook, edit it as an owner would, give it back."""

from __future__ import annotations

import io
from pathlib import Path

from django.core.management import call_command
from django.utils import timezone
from openpyxl import load_workbook

from actionplan.plans.models import Partnership
from actionplan.reports import Scope, build_report, render
from actionplan.reports.export_columns import EXPORT_SHEET, ID


def export(partnership: Partnership) -> bytes:
    return render(build_report(partnership, Scope(), timezone.localdate()), "xlsx").content


def edit(content: bytes, edits: dict[int | str, dict[str, object]]) -> bytes:
    """Set cells, by column heading, on every row of the given actions (keyed by id) or rows
    (keyed by their ID, "R-7"), on every sheet."""
    book = load_workbook(io.BytesIO(content))
    for sheet in book.worksheets:
        if sheet.title == EXPORT_SHEET:
            continue
        headings = [cell.value for cell in sheet[1]]
        if ID not in headings:
            continue
        for row in sheet.iter_rows(min_row=2):
            stable_id = row[headings.index(ID)].value or ""
            key = int(stable_id[2:]) if stable_id.startswith("A-") else stable_id
            for heading, value in edits.get(key, {}).items():
                row[headings.index(heading)].value = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def give_back(tmp_path: Path, content: bytes, username: str, name: str = "returned.xlsx") -> str:
    path = tmp_path / name
    path.write_bytes(content)
    out = io.StringIO()
    call_command("import-updates", str(path), "--as", username, stdout=out)
    return out.getvalue()

"""`actionplan import` of a workbook whose sheets are plans of their own: its dry run is the
import, every sheet in one transaction rolled back, so it says what the import says."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.core.management import call_command

from actionplan.plans.models import Agency, Partnership, Plan

pytestmark = pytest.mark.django_db
BOARD = "Haldon Vale Safeguarding Adults Board"
NEW = "Haldon Vale Housing Trust"


def two_sheets_naming_one_new_agency() -> bytes:
    """Two reviews' trackers, columns in another order on each, both naming an agency the
    partnership does not have yet."""
    book = openpyxl.Workbook()
    first = book.active
    first.title = "SAR Carol"
    for row in [["Ref", "Recommendation", "Action", "Lead agency", "Target date"],
                ["1", "Check tenancies at risk", "Audit eviction notices", NEW, "31/03/2027"],
                ["2", "Share concerns early", "Brief the named nurses", "Riverton Police", "30/06/2027"]]:
        first.append(row)
    second = book.create_sheet("SAR Dev")
    for row in [["Lead agency", "Due", "Recommendation", "Action"],
                [NEW, "30/09/2027", "Visit hoarding cases jointly", "Agree a joint visiting protocol"]]:
        second.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def reported(path, *args: str) -> list[str]:
    """What the import says of each plan: on stdout, or stderr for a dry run (its stdout is the
    drafts)."""
    out, errors = io.StringIO(), io.StringIO()
    call_command("import", str(path), "--partnership", BOARD, *args, stdout=out, stderr=errors)
    said = errors if "--dry-run" in args else out
    return [line for line in said.getvalue().splitlines()
            if line.startswith(("Would import", "Imported", "  "))]


def test_a_workbooks_dry_run_reports_what_its_import_does_sheet_by_sheet(tmp_path):
    Partnership.objects.create(name=BOARD)
    path = tmp_path / "sars.xlsx"
    path.write_bytes(two_sheets_naming_one_new_agency())

    dry = reported(path, "--dry-run")
    assert Plan.objects.count() == 0 and Agency.objects.count() == 0  # nothing kept
    stored = reported(path)

    assert [line for line in dry if NEW in line] == [
        f"  new agencies to create: {NEW}, Riverton Police",  # by the first sheet, not again
        f"  owners matched to agencies: {NEW}"]  # the second matches it, as the import does
    assert stored == [line.replace("Would import", "Imported").replace("to create", "created")
                      for line in dry]
    assert Plan.objects.count() == 2
    assert list(Agency.objects.filter(name=NEW).values_list("name", flat=True)) == [NEW]

"""A workbook given back is read in a child process bounded in time and memory: a hostile or
huge one is refused with the reason named, and the web server's process never opens it."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from actionplan.plans.models import ProgressUpdate
from actionplan.reports import returned
from actionplan.reports.returned import WorkbookError, read_workbook

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def huge() -> bytes:
    """A workbook of 200,000 cells: under a megabyte to upload, slow and large to open."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Tracker")
    for row in range(20_000):
        sheet.append([f"cell {row} {column}" for column in range(10)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_workbook_too_slow_to_read_is_refused_at_the_time_limit(huge):
    with pytest.raises(WorkbookError) as refused:
        read_workbook(huge, "tracker.xlsx", timeout=1)
    assert str(refused.value) == "tracker.xlsx: took longer than 1 seconds to read"


def test_a_workbook_too_big_to_read_is_refused_at_the_memory_limit(huge):
    with pytest.raises(WorkbookError) as refused:
        read_workbook(huge, "tracker.xlsx", memory_mb=150, timeout=300)
    assert str(refused.value) == "tracker.xlsx: needs more than 150 MB of memory to read"


def test_a_file_that_is_not_a_workbook_is_named_so():
    with pytest.raises(WorkbookError, match=r"^minutes.xlsx: not an Excel workbook \(.xlsx\)$"):
        read_workbook(b"%PDF-1.4 minutes of the board", "minutes.xlsx")


def test_the_web_upload_is_read_in_the_bounded_child_and_refused_with_its_reason(
    client, bob, action, monkeypatch, huge
):
    opened_here = []
    monkeypatch.setattr("openpyxl.load_workbook", lambda *a, **k: opened_here.append(1))
    monkeypatch.setattr(returned, "SECONDS", 1)  # the web upload uses the module's bound
    client.force_login(bob)
    page = client.post("/updates/", {"workbook": SimpleUploadedFile("tracker.xlsx", huge)})
    assert page.status_code == 400
    assert "tracker.xlsx: took longer than 1 seconds to read" in page.content.decode()
    assert opened_here == []  # never opened in the web server's own process
    assert not ProgressUpdate.objects.exists()


def test_a_reader_crashing_at_its_memory_bound_is_named_as_out_of_memory(tmp_path):
    """A library that does not check its allocations crashes on reaching the bound."""
    from actionplan.plans.parsing import ChildFailed, run_bounded

    crashing = tmp_path / "crashing.py"
    crashing.write_text("import os, signal\nos.kill(os.getpid(), signal.SIGSEGV)\n")
    with pytest.raises(ChildFailed, match="^needs more than 64 MB of memory to read$"):
        run_bounded(crashing, [], b"", memory_mb=64, timeout=30)
    stopping = tmp_path / "stopping.py"
    stopping.write_text("import sys\nsys.exit(3)\n")
    with pytest.raises(ChildFailed, match=r"^could not be read \(the reader stopped, code 3\)$"):
        run_bounded(stopping, [], b"", memory_mb=64, timeout=30)

"""Reading an uploaded plan is bounded: a hostile document is refused, saying why, and the web
process never does the reading itself."""

from __future__ import annotations

import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from scenes import text_of

from actionplan.importing import ImportFailure
from actionplan.plans import parsing
from actionplan.plans.models import Plan

pytestmark = pytest.mark.django_db


def many_tiny_text_operations(count: int = 200_000) -> bytes:
    """A one-page PDF of many one-letter text operations: half a megabyte on disk, and many
    seconds and gigabytes for a PDF table reader."""
    ops = "".join(f"BT /F1 1 Tf {i % 500} {i // 500 % 700} Td (a) Tj ET\n" for i in range(count))
    stream = zlib.compress(ops.encode(), 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /Font << /F1 4 0 R >> >>"
        b" /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(pdf)


@pytest.fixture(scope="module")
def hostile_pdf() -> bytes:
    return many_tiny_text_operations()


def test_a_slow_document_is_stopped_at_the_time_limit(hostile_pdf):
    with pytest.raises(ImportFailure) as refused:
        parsing.parse_upload(hostile_pdf, "minutes.pdf", timeout=2)
    assert str(refused.value) == "minutes.pdf: took longer than 2 seconds to read"


def test_a_greedy_document_is_stopped_at_the_memory_limit(hostile_pdf):
    with pytest.raises(ImportFailure) as refused:
        parsing.parse_upload(hostile_pdf, "gigabytes.pdf", memory_mb=300, timeout=120)
    assert str(refused.value) == "gigabytes.pdf: needs more than 300 MB of memory to read"


def test_the_readers_own_refusals_come_back_with_their_page(hostile_pdf):
    small = many_tiny_text_operations(200)
    with pytest.raises(ImportFailure) as refused:
        parsing.parse_upload(small, "tiny.pdf")
    assert str(refused.value) == "tiny.pdf: page 1: no recognisable header row"


def test_the_upload_page_names_the_file_and_the_reason(client, alice, hostile_pdf, monkeypatch):
    monkeypatch.setattr(parsing, "SECONDS_PER_FILE", 2)
    client.force_login(alice)
    page = client.post("/import/", {"files": [SimpleUploadedFile("minutes.pdf", hostile_pdf)]})
    assert page.status_code == 400
    assert "minutes.pdf: took longer than 2 seconds to read" in text_of(page)
    assert Plan.objects.count() == 0


def test_files_of_one_upload_share_a_time_budget(client, alice, monkeypatch):
    monkeypatch.setattr(parsing, "SECONDS_PER_UPLOAD", 0)
    client.force_login(alice)
    page = client.post("/import/", {"files": [SimpleUploadedFile("plan.csv", b"Ref,Action\n1,Do it\n")]})
    assert page.status_code == 400
    assert "plan.csv: not read, the files before it took all the time" in text_of(page)


def test_a_document_read_again_as_it_was_is_not_read_by_a_new_child(monkeypatch):
    """An import in progress reads its document on every page: the same bytes, name and
    columns are read by a child once, and each reader gets a copy of its own to change."""
    children = []
    run = parsing.run_bounded
    monkeypatch.setattr(parsing, "run_bounded", lambda *a, **k: children.append(a) or run(*a, **k))
    plan = b"Ref,Action,Lead\n1,Audit the closure of declined cases,Westmere Police\n"
    first = parsing.parse_upload(plan, "once.csv")
    first.plans[0]["items"][0]["actions"][0]["text"] = "changed by its reader"
    again = parsing.parse_upload(plan, "once.csv")
    assert len(children) == 1
    assert again.plans[0]["items"][0]["actions"][0]["text"] == "Audit the closure of declined cases"
    parsing.parse_upload(plan, "once.csv", columns={"Lead": "owner_role"})
    assert len(children) == 2


def test_the_readings_kept_are_bounded_by_their_size_in_all(monkeypatch):
    """Many large plans read one after another push out the oldest, however few they are."""
    children = []
    answer = {"plans": [{"text": "x" * 1000}], "columns": []}
    monkeypatch.setattr(parsing, "run_bounded", lambda *a, **k: children.append(a) or answer)
    monkeypatch.setattr(parsing, "_readings", type(parsing._readings)())
    monkeypatch.setattr(parsing, "KEPT_IN_ALL", 2500)  # room for two of these answers
    for name in ("first.csv", "second.csv", "third.csv"):
        parsing.parse_upload(b"Ref,Action\n1,Do it\n", name)
    parsing.parse_upload(b"Ref,Action\n1,Do it\n", "third.csv")
    assert len(children) == 3  # the newest is kept
    parsing.parse_upload(b"Ref,Action\n1,Do it\n", "first.csv")
    assert len(children) == 4  # the oldest was let go
    assert sum(map(len, parsing._readings.values())) <= 2500

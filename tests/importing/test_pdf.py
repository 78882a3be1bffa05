"""PDF plans without ruling lines, rebuilt from word positions; scans and empty PDFs refused."""

from __future__ import annotations

import io

import pdfplumber
import pytest

from actionplan.importing import ImportFailure, PlanDraft, parse_bytes

from . import pdf_documents

CUT_AT = 113.0  # mm: rows 4 and 9 do not fit on their page, their last two lines go over


@pytest.fixture(scope="module")
def document() -> bytes:
    return pdf_documents.unruled_plan(rows=9, bottom=CUT_AT)


@pytest.fixture(scope="module")
def draft(document) -> PlanDraft:
    return parse_bytes(document, "adult-s.pdf")


def test_the_document_has_a_row_cut_by_the_page_and_furniture_on_each_page(document):
    with pdfplumber.open(io.BytesIO(document)) as pdf:
        pages = [page.extract_text().splitlines() for page in pdf.pages]
    assert len(pages) == 3
    for page, cut in ((0, 4), (1, 9)):
        assert pages[page][-2].startswith(f"{cut}.1 Agencies should share")
        assert pages[page + 1][:3] == [
            pdf_documents.RUNNING_HEAD, " ".join(pdf_documents.HEADER),
            f"with the other agencies within five working days of a for case {cut}"
            + (" for comment" if cut % 3 else "")]
    assert [page[-1] for page in pages] == ["Page 1 of 3", "Page 2 of 3", "Page 3 of 3"]


def test_it_reads_the_title_block_once(draft):
    assert draft.plan.board == "Exampleshire Safeguarding Adults Board"
    assert (draft.plan.reviews, draft.plan.date) == (["Adult S"], "2024-09")
    assert draft.plan.notes == [pdf_documents.RUNNING_HEAD, *pdf_documents.TITLE]


def test_wrapped_lines_stay_in_their_cell_and_a_cut_row_is_joined(draft):
    assert [item.ref for item in draft.items] == [f"{n}.1" for n in range(1, 10)]
    for number, item in enumerate(draft.items, start=1):
        ref, recommendation, action, lead, due, progress = pdf_documents.row(number)
        assert item.recommendation == recommendation
        assert item.page == (1 if number <= 4 else 2)
        assert item.notes == []
        (found,) = item.actions
        assert (found.text, found.owners, found.progress) == (action, [lead], progress or None)
        day, month, year = due.split("/")
        assert found.due.date == f"{year}-{month}-{day}"
    assert draft.warnings == []


def test_a_header_wrapped_over_two_lines_is_one_header():
    draft = parse_bytes(pdf_documents.unruled_plan(rows=9, bottom=CUT_AT, wrapped_header=True),
                        "wrapped.pdf")
    assert [i.ref for i in draft.items] == [f"{n}.1" for n in range(1, 10)]
    for number, item in enumerate(draft.items, start=1):
        _, recommendation, action, lead, due, _ = pdf_documents.row(number)
        (found,) = item.actions
        assert (item.recommendation, found.text, found.owners) == (recommendation, action, [lead])
        assert item.notes == []


def test_rows_of_one_line_over_pages_stay_apart():
    draft = parse_bytes(pdf_documents.unruled_plan(rows=30, short=True), "short.pdf")
    assert [(i.ref, i.recommendation, i.actions[0].due.date) for i in draft.items] == [
        (f"{n}.1", f"Share records {n}", f"2025-04-{n:02d}") for n in range(1, 31)]
    assert max(i.page for i in draft.items) == 3  # two page breaks between rows


def test_a_scanned_pdf_is_refused():
    with pytest.raises(ImportFailure) as refused:
        parse_bytes(pdf_documents.scanned_page(), "scan.pdf")
    assert str(refused.value) == ("scan.pdf: has no text layer (it looks scanned): export the "
                                  "original document, or run OCR first")


def test_an_empty_pdf_is_refused():
    with pytest.raises(ImportFailure) as refused:
        parse_bytes(pdf_documents.blank_pages(), "blank.pdf")
    assert str(refused.value) == "blank.pdf: is empty: it has no text"


def test_a_header_with_no_rows_is_refused():
    with pytest.raises(ImportFailure) as refused:
        parse_bytes(pdf_documents.header_only(), "header.pdf")
    assert str(refused.value) == "header.pdf: page 1: has a table header but no rows under it"

"""The printed report reads at the size it prints: chart text no smaller than the tables', and
no page ends on a heading whose content went over to the next page."""

import io
from collections import defaultdict

import pdfplumber
import pytest
from django.utils import timezone

from actionplan.reports import Scope, build_report, render
from factories import ActionFactory, AgencyFactory, PlanFactory

pytestmark = pytest.mark.django_db
MM = 72 / 25.4  # PDF points in a millimetre
FOOTER = 15 * MM  # the page footers sit in the bottom margin, 15 mm or more


def lines_of(pdf_page) -> list[tuple[str, bool]]:
    """The page's lines above its footer, top to bottom: (text, whether it is a heading).
    A heading is a line set wholly in bold at 10pt or more (h1-h3; table text is smaller)."""
    words = pdf_page.extract_words(extra_attrs=["fontname", "size"])
    lines: dict[int, list[dict]] = defaultdict(list)
    for word in words:
        if word["bottom"] < pdf_page.height - FOOTER:
            lines[round(word["top"])].append(word)
    return [
        (" ".join(w["text"] for w in line), all("Bold" in w["fontname"] and w["size"] >= 10 for w in line))
        for _, line in sorted(lines.items())
    ]


def stranded_headings(pdf: bytes) -> list[str]:
    """Headings left last on their page, with what they head on the next one."""
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        found = []
        for number, pdf_page in enumerate(document.pages[:-1], start=1):
            lines = lines_of(pdf_page)
            if lines and lines[-1][1]:
                found.append(f"page {number}: {lines[-1][0]}")
        return found


def test_the_report_leaves_no_heading_at_the_foot_of_a_page(demo_report):
    assert stranded_headings(render(demo_report, "pdf").content) == []


def test_a_chart_of_forty_agencies_prints_on_one_page_with_its_heading(partnership):
    """Drawn at two-line names, this chart was taller than a page: its heading was left alone on
    one page and the chart cut off at the foot of the next."""
    plan = PlanFactory(partnership=partnership, title="Child S: review action plan")
    for n in range(1, 41):
        agency = AgencyFactory(partnership=partnership, name=f"Riverton agency number {n} with a long name")
        ActionFactory(recommendation__plan=plan, owner=agency)
    report = build_report(partnership, Scope(), timezone.localdate())
    pdf = render(report, "pdf").content
    assert stranded_headings(pdf) == []
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        heading = next(p for p in document.pages if "RAG by agency" in (p.extract_text() or ""))
        # The chart's own words come out without their spaces.
        on_that_page = "".join((heading.extract_text() or "").split())
    # Every agency's bar is on the heading's page (the table under it carries on over the page).
    assert all(f"Rivertonagencynumber{n}withalongname" in on_that_page for n in range(1, 41))


def test_chart_text_prints_no_smaller_than_the_table_text(demo_report):
    with pdfplumber.open(io.BytesIO(render(demo_report, "pdf").content)) as document:
        portrait = [p for p in document.pages if p.height > p.width]
        # Turned text (the y axis's title) has no upright size to read.
        sizes = {round(char["size"], 1) for p in portrait for char in p.chars if char["upright"]}
        chart_words = {w["text"] for p in portrait for w in p.extract_words() if w["text"] == "Actions"}
    assert chart_words  # the charts' axis titles are there, as text
    assert min(sizes) >= 8  # the footer's size; the charts' labels once printed at 5-6pt

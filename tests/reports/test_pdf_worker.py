"""The print worker's default stylesheet: WeasyPrint's own, less the rules that give every
element pseudo-elements a report never has (the time they cost is in bench/reports)."""

import io
import re

import pdfplumber
from weasyprint.html import UA, UA_STYLESHEET

from actionplan.reports.pdf_worker import lean_rules, report_html
from actionplan.reports.render.as_pdf import html_to_pdf

EVERY_ELEMENTS = re.compile(r"^::[a-z-]+ \{", re.MULTILINE)


def test_the_installed_weasyprint_still_has_the_rules_the_worker_leaves_out():
    assert {"::marker {", "::footnote-call {", "::note-callback {"} <= set(EVERY_ELEMENTS.findall(UA))


def test_the_lean_stylesheet_styles_no_pseudo_element_of_every_element():
    lean = lean_rules(UA)
    assert EVERY_ELEMENTS.findall(lean) == []
    assert "li::marker {" in lean  # list markers keep their look
    kept = [line for line in UA.splitlines() if not line.startswith("::")]
    assert all(line in lean for line in kept)  # nothing else left out


def test_the_worker_prints_with_it_and_lists_keep_their_numbers():
    sheets = report_html()(string="<p>x</p>")._ua_stylesheets()
    assert len(sheets) == 1 and sheets[0] is not UA_STYLESHEET
    pdf = html_to_pdf("<p>Before</p><ol><li>First</li><li>Second</li></ol>")
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        text = document.pages[0].extract_text()
    assert "1. First" in text and "2. Second" in text  # list markers still printed

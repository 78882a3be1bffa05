"""A large plan still prints, in blocks, within the worker's memory bound. The 2,000-action
plan takes minutes and is timed in bench/reports instead; this keeps the suite quick."""

import io

import pdfplumber
import pytest
from django.utils import timezone

from actionplan.reports import Scope, build_report, render
from actionplan.reports.render.as_pdf import PdfFailed, html_to_pdf
from factories import PartnershipFactory

from .large import large_plan

pytestmark = pytest.mark.django_db


def test_a_plan_of_a_hundred_actions_prints_every_row_across_blocks():
    today = timezone.localdate()
    plan = large_plan(PartnershipFactory(), 100, today)
    report = build_report(plan.partnership, Scope(plan_id=plan.pk), today)
    with pdfplumber.open(io.BytesIO(render(report, "pdf").content)) as document:
        text = "\n".join(page.extract_text() for page in document.pages)
    assert report.totals.total == 100
    assert all(f"Action {n}:" in text for n in (1, 41, 100))


def test_a_print_that_needs_more_memory_than_allowed_fails_alone():
    with pytest.raises(PdfFailed, match="could not be printed"):
        html_to_pdf("<p>Hello</p>", memory_mb=40)

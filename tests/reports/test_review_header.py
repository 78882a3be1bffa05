"""A review's report, and a plan's, name on their cover the review they answer: its kind, title,
the subject's pseudonym and the author, as they were recorded on the as-at date."""

from __future__ import annotations

import io
from datetime import date, timedelta

import openpyxl
import pytest
from django.utils import timezone
from docx import Document

from actionplan.plans.models import Review
from actionplan.reports import Scope, build_report, render
from factories import ActionFactory, PartnershipFactory, PlanFactory, RecommendationFactory, ReviewFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def review():
    partnership = PartnershipFactory(name="Riverton Safeguarding Children Partnership")
    review = ReviewFactory(partnership=partnership, code="CT24", kind=Review.Kind.CSPR_LOCAL,
                           title="Learning from the death of Child T", pseudonym="Child T",
                           author="Dr A. Reviewer", published=True, published_on=date(2025, 5, 31))
    plan = PlanFactory(partnership=partnership, title="Child T action plan")
    plan.reviews.add(review)
    recommendation = RecommendationFactory(plan=plan, ref="1")
    recommendation.reviews.add(review)
    ActionFactory(recommendation=recommendation)
    return review


def test_the_cover_of_a_reviews_report_names_its_subject_and_author(review):
    report = build_report(review.partnership, Scope(review="CT24"), TODAY)
    [header] = report.reviews
    assert header.facts == [
        ("Review", "CT24: Local Child Safeguarding Practice Review"),
        ("Title", "Learning from the death of Child T"), ("Subject", "Child T"),
        ("Author", "Dr A. Reviewer"), ("Published", "31 May 2025")]
    page = render(report, "html").content.decode()
    assert "<dt>Subject</dt><dd>Child T</dd>" in page and "<dt>Author</dt><dd>Dr A. Reviewer</dd>" in page
    cover = "\n".join(p.text for p in Document(io.BytesIO(render(report, "docx").content)).paragraphs[:12])
    assert "Subject: Child T" in cover and "Author: Dr A. Reviewer" in cover
    about = openpyxl.load_workbook(io.BytesIO(render(report, "xlsx").content))["About"]
    assert "Subject: Child T" in [row[0] for row in about.iter_rows(values_only=True)]


def test_a_plans_report_names_the_review_it_answers_and_a_partnership_report_none(review):
    plan = review.plans.get()
    assert [h.pseudonym for h in build_report(review.partnership, Scope(plan_id=plan.pk), TODAY).reviews] == [
        "Child T"]
    assert build_report(review.partnership, Scope(), TODAY).reviews == []


def test_an_as_at_report_names_the_review_as_it_was_recorded_then(review):
    review.history.update(history_date=timezone.now() - timedelta(days=10))
    review.pseudonym, review.author = "Child X", "Ms B. Writer"
    review.save()
    then = build_report(review.partnership, Scope(review="CT24"), TODAY - timedelta(days=5)).reviews[0]
    now = build_report(review.partnership, Scope(review="CT24"), TODAY).reviews[0]
    assert (then.pseudonym, then.author) == ("Child T", "Dr A. Reviewer")
    assert (now.pseudonym, now.author) == ("Child X", "Ms B. Writer")


def test_a_review_without_those_facts_leaves_them_off_the_cover(review):
    Review.objects.filter(pk=review.pk).update(pseudonym="", author="", title="")
    review.history.all().delete()
    [header] = build_report(review.partnership, Scope(review="CT24"), TODAY).reviews
    assert [term for term, _ in header.facts] == ["Review", "Published"]


def test_the_workbook_says_where_to_give_it_back_on_the_site(review, settings):
    settings.ACTIONPLAN_SITE_URL = "https://actionplan.example.org"
    report = build_report(review.partnership, Scope(plan_id=review.plans.get().pk), TODAY)
    about = openpyxl.load_workbook(io.BytesIO(render(report, "xlsx").content))["About"]
    lines = [row[0] or "" for row in about.iter_rows(values_only=True)]
    assert any("https://actionplan.example.org/updates/" in line for line in lines)
